"""Adopting mtlint on an archive: a baseline of today's findings, then only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def _concise(run_cli, *args: str) -> list[str]:  # type: ignore[no-untyped-def]
    result = run_cli("check", "--no-cache", "--select", "H001", "--output-format", "concise", *args)
    return [line.split(": H001")[0] for line in result.out.splitlines() if ": H001" in line]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("mr. Blinken spoke.\n\nmr. Lavrov spoke.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "mr. Whelan spoke.\nIt rained.\n\nmr. Whelan spoke.\nIt snowed.\n", encoding="utf-8"
    )
    return tmp_path


def test_written_baseline_hides_todays_findings_even_after_lines_move(
    archive: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    written = run_cli(
        "check", "--no-cache", "--select", "H001", "--write-baseline", "base.json", "."
    )
    assert written.code == 0
    assert written.out == "Wrote a baseline of 4 findings to base.json.\n"
    data = json.loads((archive / "base.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(f["file"], f["code"], f["text"], f["count"]) for f in data["findings"]] == [
        ("a.txt", "H001", "mr.", 1),
        ("a.txt", "H001", "mr.", 1),
        ("b.txt", "H001", "mr.", 2),
    ]
    assert _concise(run_cli, "--baseline", "base.json", ".") == []

    (archive / "a.txt").write_text(
        "A new lead.\n\nmr. Blinken spoke.\n\nmr. Lavrov spoke.\n\nmr. Smith spoke.\n",
        encoding="utf-8",
    )
    (archive / "b.txt").write_text("mr. Whelan spoke.\n" * 3, encoding="utf-8")
    assert _concise(run_cli, "--baseline", "base.json", ".") == ["a.txt:7:1", "b.txt:3:1"]


def test_config_key_and_stale_entries(archive: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    run_cli("check", "--no-cache", "--select", "H001", "--write-baseline", "base.json", ".")
    (archive / ".mtlint.toml").write_text('baseline = "base.json"\n', encoding="utf-8")
    (archive / "a.txt").write_text("Mr. Blinken spoke.\n\nmr. Lavrov spoke.\n", encoding="utf-8")
    assert _concise(run_cli) == []
    statistics = run_cli("check", "--no-cache", "--select", "H001", "--statistics", ".")
    assert statistics.code == 0
    assert statistics.out == (
        "1 baseline entry no longer occurs: refresh the baseline with --write-baseline\n"
    )


def test_writing_for_some_files_keeps_the_others(archive: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    run_cli("check", "--no-cache", "--select", "H001", "--write-baseline", "base.json", ".")
    (archive / "a.txt").write_text("Mr. Blinken spoke.\n", encoding="utf-8")
    rewritten = run_cli(
        "check", "--no-cache", "--select", "H001", "--write-baseline", "base.json", "a.txt"
    )
    assert rewritten.out == "Wrote a baseline of 2 findings to base.json.\n"
    data = json.loads((archive / "base.json").read_text(encoding="utf-8"))
    assert [(f["file"], f["count"]) for f in data["findings"]] == [("b.txt", 2)]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (None, "no such baseline file"),
        ("{", "cannot read the baseline"),
        ("{}", "not an mtlint baseline"),
        ('{"version": 9, "findings": []}', "baseline format 9 is not supported"),
    ],
)
def test_bad_baseline_is_one_line(archive: Path, run_cli, content: str | None, error: str) -> None:  # type: ignore[no-untyped-def]
    if content is not None:
        (archive / "base.json").write_text(content, encoding="utf-8")
    result = run_cli("check", "--baseline", "base.json", ".")
    assert result.code == 2
    assert result.err.startswith("mtlint: error: ")
    assert error in result.err
    assert result.err.count("\n") == 1
