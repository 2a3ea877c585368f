"""Twins compiled once per machine, and read back as the engine's code."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mtlint import twin_store
from mtlint.machine_cache import read_stored_bytes, write_stored
from mtlint.runners import PARALLEL_THRESHOLD

SEED = Path(__file__).parent.parent / "seeds" / "000_eea42f5229fe784d.txt"
#: Checks the files named after the first argument in a process of its own; with
#: "stored only", compiling a twin in this process or in the workers it forks fails, so
#: every twin must come from the store.
SCRIPT = """
import sys
from mtlint import twin_store
if sys.argv[1] == "stored only":
    def refuse(source):
        raise AssertionError(f"compiled again: {source!r}")
    twin_store._entry = refuse
from mtlint.cli import main
sys.exit(main(["check", "--no-cache", "--output-format", "concise", *sys.argv[2:]]))
"""


@pytest.fixture
def store_process(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "seed.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def run(*arguments: str, stored_only: bool = False) -> str:
        mode = "stored only" if stored_only else "compile"
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, mode, *(arguments or ["seed.txt"])],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 1, done.stderr
        return done.stdout

    return run


@pytest.fixture
def fresh_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(twin_store, "_entries", None)
    monkeypatch.setattr(twin_store, "_added", {})


def test_a_second_run_reads_every_twin_from_the_store(store_process) -> None:  # type: ignore[no-untyped-def]
    first = store_process()
    assert "seed.txt:" in first
    assert store_process(stored_only=True) == first


def test_the_twins_a_process_pool_compiled_are_stored(  # type: ignore[no-untyped-def]
    store_process, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(PARALLEL_THRESHOLD + 6):
        text = f"{SEED.read_text('utf-8')}\nAn article of its own, number {number}.\n"
        (folder / f"article-{number:02d}.txt").write_text(text, "utf-8")
    first = store_process("--jobs", "2", "articles")
    assert first.count("article-") > PARALLEL_THRESHOLD
    assert store_process("--jobs", "2", "articles", stored_only=True) == first


def test_a_stored_code_makes_the_pattern_re_makes(fresh_store: None) -> None:
    source = r"(?i)(?P<title>\p{Lu}\p{Ll}+)\.?(?=\s)"
    made = twin_store.compiled_twin(source)
    twin_store.remember()
    twin_store._entries = None
    stored = twin_store.compiled_twin(source)
    assert stored is not None and made is not None and stored is not made
    text = "Mr. Blinken and DR. Who met Sr Lopez "
    assert [m.span("title") for m in stored.finditer(text)] == [
        m.span("title") for m in made.finditer(text)
    ]
    assert stored.groupindex == made.groupindex


def test_a_code_the_engine_refuses_is_compiled_again(fresh_store: None) -> None:
    source = r"\p{L}+"
    twin_store.compiled_twin(source)
    twin_store.remember()
    version = twin_store._version()
    entries = _stored_entries()
    entries[source][2] = [0, 1, 2]
    write_stored(twin_store._NAME, version, marshal.dumps(entries))
    twin_store._entries = None
    pattern = twin_store.compiled_twin(source)
    assert pattern is not None
    assert pattern.findall("Kyiv and Kiev") == ["Kyiv", "and", "Kiev"]


@pytest.mark.parametrize("stored", [{r"\p{L}+": [1, 2], "x": 3}, [r"\p{L}+"], r"\p{L}+"])
def test_entries_of_another_shape_are_worked_out_again(fresh_store: None, stored: Any) -> None:
    write_stored(twin_store._NAME, twin_store._version(), marshal.dumps(stored))
    pattern = twin_store.compiled_twin(r"\p{L}+")
    assert pattern is not None and pattern.findall("a b") == ["a", "b"]


@pytest.mark.parametrize("cut", [1, 9, 30])
def test_a_store_cut_short_is_worked_out_again(fresh_store: None, cut: int) -> None:
    stored = marshal.dumps({r"\p{L}+": [r"[A-Za-z]+", 0, list(range(40))]})
    write_stored(twin_store._NAME, twin_store._version(), stored[:cut])
    pattern = twin_store.compiled_twin(r"\p{L}+")
    assert pattern is not None and pattern.findall("a b") == ["a", "b"]
    assert twin_store.compiled_twin(r"\p{^L}") is None  # no twin, remembered as such
    twin_store.remember()
    stored = _stored_entries()
    assert stored[r"\p{^L}"] == []
    assert stored[r"\p{L}+"][0] == "[A-Za-z]+"


def test_remembering_keeps_what_another_run_stored_meanwhile(fresh_store: None) -> None:
    twin_store.compiled_twin(r"\p{Lu}")
    other = {r"\p{Ll}": twin_store._entry(r"\p{Ll}")[0]}
    write_stored(twin_store._NAME, twin_store._version(), marshal.dumps(other))
    twin_store.remember()
    stored = _stored_entries()
    assert set(stored) == {r"\p{Lu}", r"\p{Ll}"}


def _stored_entries() -> Any:
    return marshal.loads(read_stored_bytes(twin_store._NAME, twin_store._version()) or b"0")
