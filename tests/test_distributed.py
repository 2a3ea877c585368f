"""A run on Dask's local cluster finds exactly what a local run finds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("distributed")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: Spellings that a translation engine may give a name, so corpus rules have work.
RESPELLINGS = (("Bout", "Bowt"), ("Viktor", "Victor"), ("Lavrov", "Lavrow"))


def test_dask_local_cluster_agrees_with_a_local_run(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    archive = tmp_path / "archive"
    archive.mkdir()
    articles = sorted(SEEDS.glob("*.txt"))
    for number in range(300):
        target = archive / f"article-{number:03d}.txt"
        shutil.copy(articles[number % 2], target)
        if number % 50 == 7:
            old, new = RESPELLINGS[number % len(RESPELLINGS)]
            target.write_text(target.read_text(encoding="utf-8").replace(old, new), "utf-8")

    local = run_cli("check", "--no-cache", "--jobs", "1", "--output-format", "json", str(archive))
    spread = run_cli(
        "check",
        "--no-cache",
        "--dask",
        "local",
        "--jobs",
        "2",
        "--output-format",
        "json",
        str(archive),
    )

    assert local.code == spread.code == 1
    assert spread.json() == local.json()
    codes = {finding["code"] for finding in local.json()}
    assert {"E001", "E002", "H001", "R001"} <= codes


def test_unreachable_scheduler_is_one_line(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text("Mr. Lavrov spoke.\n", encoding="utf-8")
    result = run_cli("check", "--dask", "no-port-here", str(article))
    assert result.code == 2
    assert result.err.startswith("mtlint: error: cannot reach the Dask scheduler at no-port-here")
    assert result.err.count("\n") == 1
