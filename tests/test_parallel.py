"""Checking in a process pool gives the same findings, in the same order, as checking alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mtlint import engine
from mtlint.config import Config
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.runners import PARALLEL_THRESHOLD, SMALLEST_CHUNK, ProcessRunner, shrinking_chunks
from mtlint.source import read_source

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_pool_and_single_process_agree(tmp_path: Path) -> None:
    articles = sorted(SEEDS.glob("*.txt"))
    for number in range(PARALLEL_THRESHOLD + 6):
        text = articles[number % 2].read_text(encoding="utf-8")
        if number < PARALLEL_THRESHOLD:  # the rest are copies, checked once for all
            text += f"\nEdition {number}, updated.\n"
        (tmp_path / f"article-{number:03d}.txt").write_text(text, encoding="utf-8")
    paths = sorted(tmp_path.glob("*.txt"))
    linter = Linter(Config(root=tmp_path))

    def run(runner: ProcessRunner | None) -> list[list[tuple[str, int, int, str]]]:
        documents = [Document(read_source(path)) for path in paths]
        return [
            [(d.code, d.span.start, d.span.end, d.message) for d in found]
            for found in linter.lint(documents, runner=runner)
        ]

    alone = run(None)
    assert sum(map(len, alone)) > 0
    runner = ProcessRunner(linter.config, 2)
    try:
        assert run(runner) == alone
        assert runner._pool is not None
    finally:
        runner.close()


def test_a_run_imports_what_its_corpus_rules_preload_before_it_spreads_work(
    tmp_path: Path, install_plugin, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    install_plugin(
        "preloading_rule",
        """
        from mtlint.rule import Rule

        class Preloading(Rule):
            code = "X901"
            name = "preloading"
            summary = "Collects a length, and needs a module to check"
            preload = ("preloaded_probe",)

            def collect(self, doc):
                return len(doc.text)

            def check(self, doc, ctx):
                return []
        """,
        {"X901": "preloading_rule:Preloading"},
    )
    (tmp_path / "site" / "preloaded_probe.py").write_text("", encoding="utf-8")
    monkeypatch.delitem(sys.modules, "preloaded_probe", raising=False)
    config = Config(root=tmp_path, select=("X901",))
    linter = Linter(config)
    documents = [Document.from_text(f"Article {n}.", f"a{n}.txt") for n in range(70)]
    runner = InProcessRunner(config)
    assert linter.lint(documents, runner=runner) == [[] for _ in documents]
    assert runner.preloaded == [True]


class InProcessRunner:
    """Spreads nothing, but notes whether the probe was imported when work was spread, and
    whether it has been."""

    spreads_corpus_checks = False

    def __init__(self, config: Config) -> None:
        self.config = config
        self.preloaded: list[bool] = []
        self.spread = False

    def worth(self, tasks: int) -> bool:
        return True

    def map(self, function, tasks, *shared, progress=None):  # type: ignore[no-untyped-def]
        self.preloaded.append("preloaded_probe" in sys.modules)
        results = function(self.config, tasks, *shared)
        self.spread = True
        return results

    def close(self) -> None:
        """Nothing to release."""


def test_the_run_checks_again_no_article_a_worker_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers send the findings of the rules that found something, and the run must take
    the other rules to have found nothing rather than check the article again; only the
    rules that compare articles are left for it."""
    linter = Linter(Config(root=tmp_path))
    runner = InProcessRunner(linter.config)
    checked_after: list[str] = []
    run_rule = engine.run_rule

    def noting(rule, doc, ctx):  # type: ignore[no-untyped-def]
        if runner.spread:
            checked_after.append(rule.code)
        return run_rule(rule, doc, ctx)

    monkeypatch.setattr(engine, "run_rule", noting)
    documents = [Document(read_source(path)) for path in sorted(SEEDS.glob("*.txt"))]
    found = linter.lint(documents, runner=runner)
    assert {d.code for d in found[0]} >= {"H001", "C001", "T001"}
    corpus_codes = {rule.code for rule in linter.rules if rule.is_corpus_rule()}
    assert checked_after
    assert set(checked_after) <= corpus_codes


def test_cli_jobs_option(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("mr. Blinken spoke.\n", encoding="utf-8")
    assert run_cli("check", "--jobs", "2", "--select", "H001", str(tmp_path)).code == 1
    bad = run_cli("check", "--jobs", "-1", str(tmp_path))
    assert bad.code == 2


@pytest.mark.parametrize("count", [0, 1, 3, 70, 1000])
def test_pool_chunks_keep_the_order_and_shrink_at_the_end(count: int) -> None:
    tasks = list(range(count))
    sizes = [len(part) for part in shrinking_chunks(tasks, 2)]
    assert [task for part in shrinking_chunks(tasks, 2) for task in part] == tasks
    assert sizes == sorted(sizes, reverse=True)
    assert all(size <= max(1, -(-count // 16)) for size in sizes)
    if count >= 70:
        assert sizes[-1] <= SMALLEST_CHUNK < sizes[0]
