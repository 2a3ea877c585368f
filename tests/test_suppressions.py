"""Inline suppression comments in Markdown (and HTML) articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE = """\
# Talks

<!-- mtlint: disable=H001 -->
mr. Blinken spoke. mr. Lavrov spoke.
<!-- mtlint: enable=H001 -->

mr. Whelan spoke.

<!-- mtlint: disable-next-line=H -->
mr. Smith spoke.
mr. Jones spoke.

Write `<!-- mtlint: disable -->` to switch every rule off. mr. Brown spoke.

```
<!-- mtlint: disable -->
```

mr. Gray spoke.

<!-- mtlint: disable -->
mr. Green spoke, and mr. White spoke.
<!-- mtlint: enable -->

<!-- mtlint: disable-next-line=ALL -->
mr. Black spoke.
"""


def _rows(out: str) -> list[str]:
    return [line.split(": ", 1)[0] for line in out.splitlines() if line.startswith("article.md:")]


def test_regions_lines_and_examples(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--select", "H001", "--output-format", "concise", ".")
    assert _rows(result.out) == [
        "article.md:7:1",
        "article.md:11:1",
        "article.md:13:60",
        "article.md:19:1",
    ]
    assert result.err == ""


def test_fix_leaves_suppressed_text_alone(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    run_cli("check", "--no-cache", "--select", "H001", "--fix", ".")
    fixed = path.read_text(encoding="utf-8")
    assert "mr. Blinken spoke. mr. Lavrov spoke." in fixed
    assert "mr. Smith spoke.\nMr. Jones spoke." in fixed
    assert "Mr. Whelan" in fixed and "Mr. Gray" in fixed and "Mr. Brown" in fixed
    assert "mr. Green spoke, and mr. White spoke." in fixed
    assert "mr. Black spoke." in fixed


@pytest.mark.parametrize(
    ("comment", "warning"),
    [
        (
            "<!-- mtlint: disable=X999,H001 -->",
            "article.md:1:1: unknown rule code 'X999' in a suppression comment",
        ),
        (
            "<!-- mtlint: disable-line=H001 -->",
            "article.md:1:1: unknown mtlint directive 'disable-line=H001' "
            "(expected disable, enable or disable-next-line)",
        ),
    ],
)
def test_a_directive_mtlint_cannot_read_is_reported(
    tmp_path: Path,
    run_cli,
    comment: str,
    warning: str,  # type: ignore[no-untyped-def]
) -> None:
    (tmp_path / "article.md").write_text(f"{comment}\nmr. Green spoke.\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", "--select", "H001", "article.md")
    assert result.err == f"mtlint: warning: {warning}\n"


def test_only_unknown_codes_suppress_nothing(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "article.md").write_text(
        "<!-- mtlint: disable-next-line=X999 -->\nmr. Green spoke.\n", encoding="utf-8"
    )
    result = run_cli("check", "--no-cache", "--select", "H001", "--output-format", "concise", ".")
    assert _rows(result.out) == ["article.md:2:1"]


def test_plain_text_has_no_directives(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "article.txt").write_text(
        "<!-- mtlint: disable -->\nmr. Green spoke.\n", encoding="utf-8"
    )
    result = run_cli("check", "--no-cache", "--select", "H001", "article.txt")
    assert result.code == 1
