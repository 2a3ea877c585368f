from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtlint.rules.honorific_case import HonorificCase


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("mr. Blinken spoke.\n", encoding="utf-8")
    return path


def _refuse(*args: object) -> None:
    raise RuntimeError("rule ran")


def test_second_run_reads_findings_from_the_cache(
    article: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    first = run_cli("check", "--output-format", "concise", "a.txt")
    monkeypatch.setattr(HonorificCase, "check", _refuse)
    second = run_cli("check", "--output-format", "concise", "a.txt")
    assert (second.code, second.out) == (first.code, first.out) == (1, first.out)
    uncached = run_cli("check", "--no-cache", "a.txt")
    assert uncached.code == 2
    assert uncached.err == "mtlint: error: internal error: RuntimeError: rule ran\n"


def test_changed_content_is_checked_again(article: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("check", "a.txt").code == 1
    article.write_text("Mr. Blinken spoke.\n", encoding="utf-8")
    assert run_cli("check", "a.txt").code == 0


def test_changed_config_is_a_fresh_cache(article: Path, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("check", "a.txt").code == 1
    (tmp_path / "mtlint.toml").write_text('[severity]\nH001 = "error"\n')
    result = run_cli("check", "--output-format", "json", "a.txt")
    assert result.json()[0]["severity"] == "error"


def test_cache_folder_ignores_itself_and_survives_corruption(
    article: Path, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    run_cli("check", "a.txt")
    cache = tmp_path / ".mtlint_cache"
    assert (cache / ".gitignore").read_text() == "# Created by mtlint.\n*\n"
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    entries = list(cache.rglob("*.pickle"))
    assert len(entries) == 1
    assert not list(cache.rglob("files.index")), "without a corpus, no file is looked up"
    entries[0].write_bytes(b"not a pickle")
    result = run_cli("check", "--output-format", "concise", "a.txt")
    assert result.code == 1
    assert "a.txt:1:1: H001" in result.out


def test_two_runs_share_the_cache_at_once(tmp_path: Path) -> None:
    for number in range(40):
        (tmp_path / f"a{number:02d}.txt").write_text(
            f"mr. Blinken spoke on day {number}. The the talks went on.\n", encoding="utf-8"
        )
    command = [sys.executable, "-m", "mtlint", "check", "--output-format", "concise", "-q", "."]
    runs = [
        subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, text=True) for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [1, 1, 1]
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count("H001") == 40
    assert not list((tmp_path / ".mtlint_cache").rglob("*.tmp"))
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert again.stdout == outputs[0]


def test_warm_run_rewrites_no_cache_entry(tmp_path: Path) -> None:
    """Not even when string hashing changes, nor when two articles share their content."""
    articles = {
        "a.txt": "Ms. Britney Greener spoke.\n",
        "b.txt": "Ms. Brittney Griner.\n",
        "copy-of-a.txt": "Ms. Britney Greener spoke.\n",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    def run(seed: str) -> None:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "mtlint", "check", "."]
        subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, check=False)

    run("1")
    entries = sorted((tmp_path / ".mtlint_cache").rglob("*.pickle"))
    stamps = [entry.stat().st_mtime_ns for entry in entries]
    assert len(entries) == 2
    run("2")
    assert [entry.stat().st_mtime_ns for entry in entries] == stamps


def test_a_fully_cached_run_imports_no_rule_nor_parser(tmp_path: Path) -> None:
    paragraph = "mr. Blinken spoke. AT his account, it ended."
    (tmp_path / "a.md").write_text(f"{paragraph}\n\n{paragraph}\n", "utf-8")
    watched = ("mtlint.rules.honorific_case", "mtlint.rules.stray_capital", "regex")
    script = (
        "import sys\n"
        "from mtlint.cli import main\n"
        "code = main(['check', '--output-format', 'concise', 'a.md'])\n"
        f"print(code, sorted(m for m in sys.modules if m in {watched!r}))\n"
    )

    def run() -> str:
        command = [sys.executable, "-c", script]
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
        return done.stdout

    cold, warm = run(), run()
    assert "a.md:1:1: H001" in cold
    assert "a.md:3:1: R001" in cold
    assert "a.md:3:1: H001" not in cold
    rules = sorted(watched[:2])  # an article in ASCII needs no ``regex`` even when checked
    assert cold.endswith(f"1 {rules}\n")
    assert warm == cold.replace(str(rules), "[]")


def test_a_second_start_reads_no_package_metadata_nor_data_sources(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / ".git").mkdir(parents=True)  # a repository of its own, with no .gitignore
    (work / "a.md").write_text("mr. Blinken spoke in Kyіv. AT his account, it ended.\n", "utf-8")
    heavy = ("importlib.metadata", "tomllib", "concurrent.futures", "difflib", "rapidfuzz")
    heavy += ("confusable_homoglyphs", "hashlib", "json", "pickle", "pathspec")
    script = (
        "import sys\n"
        "from mtlint.cli import main\n"
        "code = main(['check', '--no-cache', '--force-exclude', '--output-format', 'concise',"
        " 'a.md'])\n"
        f"print(code, sorted(m for m in sys.modules if m in {heavy!r}))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "machine")}

    def run() -> str:
        command = [sys.executable, "-c", script]
        done = subprocess.run(
            command, cwd=work, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    first, second = run(), run()
    assert "a.md:1:1: H001" in first
    assert 'a.md:1:22: N003 [*] "Kyіv" mixes scripts (U+0456 only looks Latin)' in first
    assert "importlib.metadata" in first
    assert "confusable_homoglyphs" in first
    assert second == first.replace(first[first.rindex("[") :], "[]\n")


def test_unchanged_corpus_articles_are_not_read_again(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mtlint.toml").write_text('corpus = ["*.txt"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Victor Bowt spoke.\n", encoding="utf-8")
    corpus = tmp_path / "b.txt"
    corpus.write_text("Marina Kolb spoke. Marina Kolb left.\n", encoding="utf-8")
    read: list[str] = []
    read_bytes = Path.read_bytes

    def recording(path: Path) -> bytes:
        if path.name in ("a.txt", "b.txt"):
            read.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", recording)

    def check() -> list[str]:
        read.clear()
        result = run_cli("check", "--output-format", "concise", "a.txt")
        assert result.code == (1 if "Bowt" in result.out else 0)
        return sorted(read)

    assert check() == ["a.txt", "b.txt"]
    assert check() == ["a.txt", "b.txt"], "a file changed just now has no stamp to trust"
    settled = time.time() - 60
    os.utime(corpus, (settled, settled))
    assert check() == ["a.txt", "b.txt"]
    for entry in (tmp_path / ".mtlint_cache").rglob("*.pickle"):
        entry.unlink()  # the facts of an unchanged corpus article are kept with its stamp
    assert check() == ["a.txt"]
    corpus.write_text("Viktor Bout spoke. Viktor Bout left.\n", encoding="utf-8")
    os.utime(corpus, (settled + 1, settled + 1))
    assert check() == ["a.txt", "b.txt"]
    assert "'Bowt' is spelled 'Bout' elsewhere" in run_cli("check", "a.txt").out
    (index,) = (tmp_path / ".mtlint_cache").rglob("files.index")
    assert [Path(name).name for name in pickle.loads(index.read_bytes())] == ["b.txt"]
    corpus.unlink()
    assert check() == ["a.txt"]
    assert pickle.loads(index.read_bytes()) == {}, "a deleted article is forgotten"
