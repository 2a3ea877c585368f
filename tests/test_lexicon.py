"""Sorted word lists are searched in place, mapped or read, as a list would answer."""

from __future__ import annotations

import mmap
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def test_the_stored_answers_are_those_worked_out() -> None:
    common, other = lexicon.stored_answers()
    assert len(common) + len(other) == lexicon.STORED_ANSWERS
    assert {"the", "said", "neighbours"} <= common
    assert {"biden", "putin"} <= other
    assert all(lexicon._works_out_common(word) for word in common)
    assert not any(lexicon._works_out_common(word) for word in other)


def test_a_process_reads_the_stored_answers_once_it_has_worked_out_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads = []

    def stored() -> tuple[frozenset[str], frozenset[str]]:
        reads.append(True)
        return frozenset({"zqx"}), frozenset({"the"})

    monkeypatch.setattr(lexicon, "stored_answers", stored)
    monkeypatch.setattr(lexicon.StoredAnswers, "READ_AFTER", 3)
    answers = lexicon.StoredAnswers()
    monkeypatch.setattr(lexicon, "_ANSWERS", answers)
    assert [answers.get(word) for word in ("zqx", "the")] == [None, None]
    assert reads == []
    assert answers.get("paul") is None
    assert reads == [True]
    assert [lexicon.is_common_word.__wrapped__(word) for word in ("Zqx", "THE", "cat")] == [
        True,
        False,
        True,
    ]
    assert reads == [True]


@pytest.mark.parametrize("damage", [{}, {"common": "the"}, {"common": 5, "other": "x"}])
def test_a_damaged_answer_store_is_worked_out_again(damage: dict) -> None:
    common, other = lexicon.stored_answers()
    name, version = lexicon.answer_store()
    lexicon.write_stored_dict(name, version, damage)
    assert lexicon.stored_answers() == (common, other)
    assert lexicon.read_stored_dict(name, version) != damage
