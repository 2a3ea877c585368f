"""Inputs that must never crash mtlint or cost a byte: encodings, sizes, links, kills."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtlint.errors import InputError
from mtlint.source import MAX_BYTES, SourceFile

ARTICLE = "Café talks: mr. Blinken said “non”, and the talks — déjà vu — went on.\n"
FIXED = ARTICLE.replace("mr. Blinken", "Mr. Blinken")


def test_windows_1252_is_read_reported_and_written_back(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cp.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    result = run_cli("check", "--no-cache", "--fix", "cp.txt")
    assert result.code == 0
    assert result.err == (
        "mtlint: warning: cp.txt: not UTF-8; read as cp1252, and fixes are written back in it\n"
    )
    assert path.read_bytes() == FIXED.encode("cp1252")


def test_utf16_without_a_byte_order_mark(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode("utf-16-le"))
    result = run_cli("check", "--no-cache", "--fix", "wide.txt")
    assert result.code == 0
    assert "read as utf_16_le" in result.err
    assert path.read_bytes() == FIXED.encode("utf-16-le")


def test_a_fix_the_encoding_cannot_hold_is_refused() -> None:
    source = SourceFile.from_text(Path("old.txt"), "a -- b\n", encoding="latin-1")
    with pytest.raises(InputError, match=r"old.txt: a fix writes '—', which the file's encoding"):
        source.encode("a — b\n")


def test_oversized_file_is_refused_quickly(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "dump.txt").write_text("word " * (MAX_BYTES // 4), encoding="utf-8")
    (tmp_path / "ok.txt").write_text("mr. Blinken spoke.\n", encoding="utf-8")
    started = time.perf_counter()
    result = run_cli("check", "--no-cache", "--output-format", "concise", ".")
    assert time.perf_counter() - started < 30
    assert result.code == 2
    assert result.err.startswith("mtlint: error: dump.txt: 6.2 MB is larger than any article")
    assert "ok.txt:1:1: H001" in result.out


def test_one_long_line_is_checked(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    line = "".join(f"Talks in round {n} went on in Geneva. " for n in range(8000))
    (tmp_path / "long.txt").write_text(line + "mr. Blinken agreed.", "utf-8")
    result = run_cli("check", "--no-cache", "--output-format", "concise", "long.txt")
    assert result.out.splitlines()[0] == (
        f'long.txt:1:{len(line) + 1}: H001 [*] Title "mr." should be written "Mr."'
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_dangling_symlink_is_one_line(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "ok.md").write_text("Fine.\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", ".")
    assert result.code == 2
    assert (
        result.err
        == f"mtlint: error: gone.md: broken symbolic link (to {tmp_path / 'nowhere.md'})\n"
    )


def test_unreadable_file_is_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_cli,  # type: ignore[no-untyped-def]
) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("mr. Blinken spoke.\n", encoding="utf-8")
    (tmp_path / "open.md").write_text("mr. Lavrov spoke.\n", encoding="utf-8")
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run_cli("check", "--no-cache", "--output-format", "concise", ".")
    assert result.code == 2
    assert result.err == "mtlint: error: secret.md: cannot read (Permission denied)\n"
    assert result.out.startswith("open.md:1:1: H001")


def test_a_directory_of_thousands_of_files(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    archive = tmp_path / "archive"
    archive.mkdir()
    for number in range(3000):
        (archive / f"{number:04d}.txt").write_text(f"Story {number} is short.\n", "utf-8")
    (archive / "2999.txt").write_text("mr. Blinken spoke.\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", "--output-format", "concise", "archive")
    assert result.code == 1
    assert result.out.startswith("archive/2999.txt:1:1: H001")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_fix_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    """Kill ``--fix`` at different moments: each file is whole, before or after its fix."""
    before = "Talks went on. mr. Blinken said so, and mr. Lavrov agreed.\n" * 200
    after = before.replace("mr. ", "Mr. ")
    for delay in (0.4, 0.7, 1.0, 1.3):
        folder = tmp_path / f"run-{delay}"
        folder.mkdir()
        for number in range(300):
            (folder / f"{number:03d}.txt").write_text(before, encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "mtlint", "check", "--no-cache", "--fix", "--jobs", "1", "."],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for path in folder.glob("*.txt"):
            assert path.read_text(encoding="utf-8") in (before, after), path


def test_a_user_pattern_that_backtracks_forever_is_stopped(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".mtlint.toml").write_text(
        '[[rules.T001.extra]]\npattern = "(?:a|aa)+b"\nsuggestions = "b"\nexplanation = "x"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("a" * 60 + "\n\nThe talks ended.\n", encoding="utf-8")
    started = time.perf_counter()
    result = run_cli("check", "--no-cache", "--select", "T001", "a.txt")
    assert time.perf_counter() - started < 15
    assert result.code == 0


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,
        "ha" * 50_000 + ".",
        " ".join(["word"] * 20_000) + ".",
        "The loop: " + "the Chinese bank's financial products, " * 5000 + "the end.",
        "e\u0301" * 50_000,
        "!" * 100_000,
        "." * 100_000,
        "Mr. " * 30_000,
        "1." * 50_000,
    ],
    ids=[
        "one long word",
        "syllable loop",
        "word loop",
        "phrase loop",
        "combining marks",
        "exclamation marks",
        "full stops",
        "titles",
        "numbered dots",
    ],
)
def test_degenerate_text_is_checked_in_linear_time(tmp_path: Path, run_cli, text: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "loop.txt").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = run_cli("check", "--no-cache", "--statistics", "loop.txt")
    assert time.perf_counter() - started < 20
    assert result.code in (0, 1)
    assert "R003" not in result.out


def test_a_table_thousands_of_columns_wide(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    header = "|" + "|".join(f"c{n}" for n in range(5000)) + "|\n"
    (tmp_path / "wide.md").write_text(header + "|" + "-|" * 5000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    assert run_cli("check", "--no-cache", "wide.md").code == 0
    assert time.perf_counter() - started < 20
