"""Sorted word lists are searched in place, mapped or read, as a list would answer."""

from __future__ import annotations

import mmap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mtlint import machine_cache
from mtlint.machine_cache import GrowingStore
from mtlint.rules import lexicon
from mtlint.rules.lexicon import SortedLines, WordList

WORDS = sorted(["Aaron", "Zurich", "a", "aardvark", "ab", "abb", "abc", "zebra", "zoo", "été"])
FREQUENCIES = sorted([("of", "7.4"), ("off", "5.6"), ("offer", "5.2"), ("the", "7.7")])
ABSENT = ["", "A", "Aa", "Zz", "aa", "abd", "b", "zoos", "zz", "ét", "été\n", "ab\tc", "\udcff"]


@pytest.fixture(params=["bytes", "mapped"])
def as_stored(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """Lines as ``mapped_text`` returns them: the bytes built, or the stored file mapped."""
    files = []

    def store(text: str) -> bytes | mmap.mmap:
        data = text.encode("utf-8")
        if request.param == "bytes":
            return data
        path = tmp_path / f"lines-{len(files)}"
        path.write_bytes(data)
        files.append(path.open("rb"))
        return mmap.mmap(files[-1].fileno(), 0, access=mmap.ACCESS_READ)

    yield store
    for file in files:
        file.close()


@pytest.mark.parametrize(
    ("stride", "dense_stride", "dense_after"),
    [(1, 1024, 5000), (5, 1024, 5000), (4096, 1024, 5000), (4096, 5, 3), (5, 1, 3)],
)
def test_every_word_is_found_and_nothing_else(
    as_stored, stride: int, dense_stride: int, dense_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SortedLines, "STRIDE", stride)
    monkeypatch.setattr(WordList, "DENSE_STRIDE", dense_stride)
    monkeypatch.setattr(WordList, "DENSE_AFTER", dense_after)
    lines = as_stored(lexicon._lines(WORDS))
    words = WordList(lines)
    assert [word for word in WORDS if word in words] == WORDS
    assert [word for word in ABSENT if word in words] == []
    monkeypatch.setattr(SortedLines, "STRIDE", dense_stride if dense_after < len(WORDS) else stride)
    assert words.keys == SortedLines(lines).keys


@pytest.mark.parametrize("stride", [1, 7, 4096])
def test_a_keyed_line_is_found_by_its_key_alone(
    as_stored, stride: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SortedLines, "STRIDE", stride)
    lines = SortedLines(as_stored(lexicon._lines(f"{w}\t{z}" for w, z in FREQUENCIES)), "\t")
    assert [lines.line(word) for word, _ in FREQUENCIES] == [f"{w}\t{z}" for w, z in FREQUENCIES]
    assert [lines.line(word) for word in ["o", "offe", "offers", "7.4", "of\t7.4", "the\t"]] == [
        None
    ] * 6


@pytest.mark.parametrize("dense_after", [1, 5000])
def test_no_lines_find_nothing(
    as_stored, dense_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(WordList, "DENSE_AFTER", dense_after)
    assert [word in WordList(b"") for word in ("a", "")] == [False, False]
    assert [word in WordList(as_stored("\n\n")) for word in ("a", "")] == [False, False]
    assert SortedLines(b"", "\t").line("a") is None


def test_the_word_list_answers_as_english_does() -> None:
    assert [lexicon.is_common_word(word) for word in ("greener", "neighbours", "Britney")] == [
        True,
        True,
        False,
    ]
    assert [lexicon.is_known_name(word) for word in ("paul", "moscow", "greener")] == [
        True,
        True,
        False,
    ]
    assert (
        lexicon.frequency("Victor") > lexicon.frequency("Viktor") > lexicon.frequency("Vqktor") == 0
    )


#: Makes the answer store the one a new process starts with, with limits of its own.
NewProcess = Callable[..., GrowingStore]


@pytest.fixture
def new_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_process_store: NewProcess
) -> NewProcess:
    """Answer stores of new processes, in a machine store of their own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return lambda **limits: new_process_store(lexicon, "_ANSWERS", **limits)


WORDS_ASKED = ["Greener", "Britney", "neighbours", "Zqxv", "the", "Lavrov"]


def test_answers_worked_out_are_stored_and_answered_from_in_the_next_process(
    new_process: NewProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = new_process(read_after=2, write_after=4)
    asked = [lexicon.is_common_word.__wrapped__(word) for word in WORDS_ASKED]
    assert asked == [True, False, True, False, True, False]
    stored = answers.stored()
    assert set(stored) == {"greener", "britney", "neighbours", "zqxv"}
    assert all(lexicon._works_out_common(word) == answer for word, answer in stored.items())

    def worked_out_again(lower: str) -> bool:
        raise AssertionError(f"{lower} was worked out again")

    next_process = new_process(read_after=2, write_after=4)
    monkeypatch.setattr(lexicon, "_works_out_common", worked_out_again)
    assert next_process.get("unstored") is None
    assert next_process.get("unstored too") is None
    assert [lexicon.is_common_word.__wrapped__(word) for word in ("GREENER", "Zqxv")] == [
        True,
        False,
    ]


def test_answers_are_written_in_batches_with_what_others_stored_meanwhile(
    new_process: NewProcess,
) -> None:
    answers = new_process(read_after=100, write_after=2)
    other = new_process(read_after=100, write_after=2)
    answers.add("the", True)
    assert answers.stored() == {}
    other.add("cat", True)
    other.add("zqxv", False)
    answers.add("greener", True)
    assert answers.stored() == {"the": True, "greener": True, "cat": True, "zqxv": False}
    assert answers.get("zqxv") is False


def test_a_one_file_check_neither_reads_nor_writes_answers(
    new_process: NewProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = new_process()
    touched = []
    monkeypatch.setattr(answers, "stored", lambda: touched.append("read") or {})
    monkeypatch.setattr(machine_cache, "write_stored_dict", lambda *args: touched.append("written"))
    for number in range(answers.read_after):
        lexicon.is_common_word.__wrapped__(f"word{number}")
    assert touched == []
    lexicon.is_common_word.__wrapped__("one word too many")
    assert touched == ["read"]


@pytest.mark.parametrize(
    "damage", [{"common": "the"}, {"the": 1}, {1: True}, {"the": True, "cat": None}]
)
def test_a_damaged_answer_store_holds_nothing_and_is_written_again(
    new_process: NewProcess, damage: dict
) -> None:
    answers = new_process()
    machine_cache.write_stored_dict(answers.name, answers.version(), damage)
    assert answers.stored() == {}
    answers.add("greener", True)
    answers.remember()
    assert answers.stored() == {"greener": True}


def test_a_full_answer_store_starts_afresh(
    new_process: NewProcess,
) -> None:
    answers = new_process(kept_at_most=3)
    for word, answer in [("the", True), ("cat", True), ("zqxv", False)]:
        answers.add(word, answer)
    answers.remember()
    answers.add("greener", True)
    answers.remember()
    assert answers.stored() == {"greener": True}
