"""Patterns compiled once per machine, twins in ``re`` and patterns in ``regex``, and read
back as their engines' code."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mtlint import regex_store, twin_store
from mtlint.machine_cache import GrowingStore, read_stored_bytes, write_stored
from mtlint.runners import PARALLEL_THRESHOLD

TWINS = twin_store._STORE.name
REGEX_PATTERNS = regex_store._STORE.name
SEED = Path(__file__).parent.parent / "seeds" / "000_eea42f5229fe784d.txt"
#: Checks the files named after the first argument in a process of its own; with
#: "stored only", compiling a twin or a ``regex`` pattern in this process or in the
#: workers it forks fails, so every pattern must come from the stores.
SCRIPT = """
import sys
from mtlint import regex_store, twin_store
if sys.argv[1] == "stored only":
    def refuse(source):
        raise AssertionError(f"compiled again: {source!r}")
    twin_store._entry = regex_store._compile = refuse
from mtlint.cli import main
sys.exit(main(["check", "--no-cache", "--output-format", "concise", *sys.argv[2:]]))
"""


@pytest.fixture
def store_process(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "seed.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    # Not plain text: searched with ``regex``.
    accented = SEED.read_text("utf-8").replace("Lavrov", "Lavróv")
    (tmp_path / "accented.txt").write_text(accented, "utf-8")
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
def fresh_store(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    new_process_store: Callable[..., GrowingStore],
) -> Callable[[], None]:
    """An empty machine cache; the function it gives reads the stores afresh, as a new
    process would."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def new_process() -> None:
        for module in (twin_store, regex_store):
            new_process_store(module)

    new_process()
    return new_process


@pytest.mark.parametrize("article", ["seed.txt", "accented.txt"])
def test_a_second_run_reads_every_pattern_from_the_stores(store_process, article: str) -> None:  # type: ignore[no-untyped-def]
    first = store_process(article)
    assert f"{article}:" in first
    assert store_process(article, stored_only=True) == first


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


def test_a_stored_code_makes_the_pattern_re_makes(fresh_store: Callable[[], None]) -> None:
    source = r"(?i)(?P<title>\p{Lu}\p{Ll}+)\.?(?=\s)"
    made = twin_store.compiled_twin(source)
    twin_store.remember()
    fresh_store()
    stored = twin_store.compiled_twin(source)
    assert stored is not None and made is not None and stored is not made
    text = "Mr. Blinken and DR. Who met Sr Lopez "
    assert [m.span("title") for m in stored.finditer(text)] == [
        m.span("title") for m in made.finditer(text)
    ]
    assert stored.groupindex == made.groupindex


def test_a_code_the_engine_refuses_is_compiled_again(fresh_store: Callable[[], None]) -> None:
    source = r"\p{L}+"
    twin_store.compiled_twin(source)
    twin_store.remember()
    entries = _stored_entries()
    entries[source][2] = [0, 1, 2]
    write_stored(TWINS, twin_store._version(), marshal.dumps(entries))
    fresh_store()
    pattern = twin_store.compiled_twin(source)
    assert pattern is not None
    assert pattern.findall("Kyiv and Kiev") == ["Kyiv", "and", "Kiev"]


@pytest.mark.parametrize("stored", [{r"\p{L}+": [1, 2], "x": 3}, [r"\p{L}+"], r"\p{L}+"])
def test_entries_of_another_shape_are_worked_out_again(fresh_store: object, stored: Any) -> None:
    write_stored(TWINS, twin_store._version(), marshal.dumps(stored))
    pattern = twin_store.compiled_twin(r"\p{L}+")
    assert pattern is not None and pattern.findall("a b") == ["a", "b"]


@pytest.mark.parametrize("cut", [1, 9, 30])
def test_a_store_cut_short_is_worked_out_again(fresh_store: object, cut: int) -> None:
    stored = marshal.dumps({r"\p{L}+": [r"[A-Za-z]+", 0, list(range(40))]})
    write_stored(TWINS, twin_store._version(), stored[:cut])
    pattern = twin_store.compiled_twin(r"\p{L}+")
    assert pattern is not None and pattern.findall("a b") == ["a", "b"]
    assert twin_store.compiled_twin(r"\p{^L}") is None  # no twin, remembered as such
    twin_store.remember()
    stored = _stored_entries()
    assert stored[r"\p{^L}"] == []
    assert stored[r"\p{L}+"][0] == "[A-Za-z]+"


def test_remembering_keeps_what_another_run_stored_meanwhile(fresh_store: object) -> None:
    twin_store.compiled_twin(r"\p{Lu}")
    other = {r"\p{Ll}": twin_store._entry(r"\p{Ll}")[0]}
    write_stored(TWINS, twin_store._version(), marshal.dumps(other))
    twin_store.remember()
    stored = _stored_entries()
    assert set(stored) == {r"\p{Lu}", r"\p{Ll}"}


def test_stored_regex_arguments_make_the_pattern_regex_makes(
    fresh_store: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = r"(?i)(?<![\p{L}.])(?P<title>mr|dr)\.?[ \t]+(?P<name>\p{Lu}\p{Ll}+)"
    made = regex_store.compiled_regex(source)
    regex_store.remember()
    fresh_store()
    monkeypatch.setattr(regex_store, "_compile", _refuse)
    stored = regex_store.compiled_regex(source)
    assert stored is not made and stored.pattern == source
    text = "mr. Lavróv and DR Zürich met Mr Şahin"
    assert [m.groupdict() for m in stored.finditer(text)] == [
        m.groupdict() for m in made.finditer(text)
    ]


@pytest.mark.parametrize(
    "arguments",
    [["\\w+", 0, [1, 2, 3]], ["\\w+", "not flags"], [r"\d+", *([0] * 10)], "garbage", []],
)
def test_regex_arguments_the_engine_refuses_are_compiled_again(
    fresh_store: object, arguments: Any
) -> None:
    write_stored(REGEX_PATTERNS, regex_store._version(), marshal.dumps({r"\w+": arguments}))
    pattern = regex_store.compiled_regex(r"\w+")
    assert pattern.pattern == r"\w+" and pattern.findall("Lavróv said") == ["Lavróv", "said"]


def test_regex_arguments_that_make_another_pattern_are_compiled_again(fresh_store: object) -> None:
    other = regex_store._arguments(regex_store._compile(r"\d+"))
    write_stored(REGEX_PATTERNS, regex_store._version(), marshal.dumps({r"\w+": other}))
    pattern = regex_store.compiled_regex(r"\w+")
    assert pattern.pattern == r"\w+" and pattern.findall("Lavróv said 2") == ["Lavróv", "said", "2"]


def _refuse(source: str) -> None:
    raise AssertionError(f"compiled again: {source!r}")


def _stored_entries() -> Any:
    return marshal.loads(read_stored_bytes(TWINS, twin_store._version()) or b"0")
