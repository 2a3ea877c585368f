from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mtlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, Span
from mtlint.fixer import choose_fixes
from mtlint.source import SourceFile


def diagnostic(start: int, end: int, replacement: str, applicability: str = "safe") -> Diagnostic:
    span = Span(start, end)
    fix = Fix.replace(span, replacement, "fix", Applicability(applicability))
    return Diagnostic("X001", "x", Severity.WARNING, "m", span, fix)


def test_overlapping_fixes_keep_the_first() -> None:
    text = "abcdefghij"
    chosen = choose_fixes(
        [diagnostic(4, 8, "Y"), diagnostic(2, 5, "X"), diagnostic(8, 9, "Z")],
        {Applicability.SAFE},
        text,
    )
    assert [f.edits[0].replacement for f in chosen] == ["X", "Z"]


def test_unsafe_fixes_need_opting_in() -> None:
    found = [diagnostic(0, 1, "A", "unsafe"), diagnostic(2, 3, "C")]
    assert [f.edits[0].replacement for f in choose_fixes(found, {Applicability.SAFE}, "abc")] == [
        "C"
    ]
    both = choose_fixes(found, set(Applicability), "abc")
    assert [f.edits[0].replacement for f in both] == ["A", "C"]


def test_fix_that_changes_nothing_is_skipped() -> None:
    assert choose_fixes([diagnostic(0, 2, "ab")], {Applicability.SAFE}, "abc") == []


def test_insertions_at_the_same_place_conflict() -> None:
    chosen = choose_fixes(
        [diagnostic(1, 1, "X"), diagnostic(1, 1, "Y")], {Applicability.SAFE}, "ab"
    )
    assert len(chosen) == 1


def test_edits_map_back_onto_mixed_line_endings() -> None:
    raw = "one\r\ntwo\nthree\r\nfour"
    source = SourceFile.from_text(Path("a.txt"), raw)
    assert source.text == "one\ntwo\nthree\nfour"
    start = source.text.index("three")
    edited = source.apply([Edit(Span(start, start + 5), "3"), Edit(Span(0, 3), "1\nuno")])
    assert edited == "1\r\nuno\r\ntwo\n3\r\nfour"


@pytest.mark.parametrize(
    ("raw", "span", "replacement", "fixed"),
    [
        ("\r0\n", (1, 2), "", "\r\n\n"),
        ("a\rb\r\nc", (2, 3), "", "a\r\r\nc"),
        ("a\rb\nc", (2, 3), "", "a\r\n\nc"),
        ("a\rb\nc", (1, 3), "", "a\nc"),
    ],
)
def test_a_lone_carriage_return_never_merges_with_a_line_feed(
    raw: str, span: tuple[int, int], replacement: str, fixed: str
) -> None:
    source = SourceFile.from_text(Path("a.txt"), raw)
    applied = source.apply([Edit(Span(*span), replacement)])
    assert applied == fixed
    assert SourceFile.from_text(Path("a.txt"), applied).text.count("\n") == (
        source.text[: span[0]] + replacement + source.text[span[1] :]
    ).count("\n")


def test_cli_fix_keeps_bom_crlf_and_mode(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "article.txt"
    article.write_bytes(b"\xef\xbb\xbfHeadline\r\n\r\nmr. Blinken spoke.\r\nmrs. Griner too.\r\n")
    os.chmod(article, 0o640)
    result = run_cli("check", "--fix", str(article))
    assert result.code == 0
    assert (
        article.read_bytes()
        == b"\xef\xbb\xbfHeadline\r\n\r\nMr. Blinken spoke.\r\nMrs. Griner too.\r\n"
    )
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert not list(tmp_path.glob("*tmp*"))


def test_cli_fix_keeps_utf16(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "article.txt"
    article.write_bytes("mr. Lavrov said: «non».\n".encode("utf-16"))
    assert run_cli("check", "--select", "H001", "--fix", str(article)).code == 0
    data = article.read_bytes()
    assert data.startswith(b"\xff\xfe")
    assert data.decode("utf-16") == "Mr. Lavrov said: «non».\n"


def test_fix_twice_changes_nothing_the_second_time(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.md"
    article.write_text("# News\n\nmr. Blinken met mr. Lavrov, `mr. code`.\n", encoding="utf-8")
    first = run_cli("check", "--fix", str(article))
    fixed = article.read_bytes()
    second = run_cli("check", "--fix", str(article))
    assert (first.code, second.code) == (0, 0)
    assert article.read_bytes() == fixed
    assert fixed == b"# News\n\nMr. Blinken met Mr. Lavrov, `mr. code`.\n"
    assert "Found 2 findings (2 fixed, 0 remaining)." in first.out
    assert "All checks passed!" in second.out


def test_read_only_file_is_left_untouched(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text("mr. Blinken spoke.\n", encoding="utf-8")
    os.chmod(article, 0o444)
    try:
        result = run_cli("check", "--fix", str(article))
    finally:
        os.chmod(article, 0o644)
    assert result.code == 2
    assert result.err == f"mtlint: error: {article}: file is read-only; not fixed\n"
    assert article.read_text(encoding="utf-8") == "mr. Blinken spoke.\n"


def test_a_temporary_name_taken_already_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file is made only where none is, readable by its owner alone, and
    no temporary file is left once the target is replaced."""
    from mtlint import writer

    target = tmp_path / "entry.pickle"
    taken = tmp_path / f".{target.name}.{'00' * 6}.mtlint-tmp"
    taken.write_bytes(b"someone else's")
    draws = iter([b"\0" * 6, b"\1" * 6])
    monkeypatch.setattr(writer.os, "urandom", lambda size: next(draws))
    descriptor, name = writer._temporary_sibling(target)
    os.close(descriptor)
    assert Path(name).name == f".{target.name}.{'01' * 6}.mtlint-tmp"
    assert stat.S_IMODE(Path(name).stat().st_mode) == 0o600
    Path(name).unlink()
    monkeypatch.undo()
    writer.replace_file(target, b"entry")
    assert target.read_bytes() == b"entry"
    assert taken.read_bytes() == b"someone else's"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([target.name, taken.name])
