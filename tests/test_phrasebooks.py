"""The translationese phrasebooks: complete, valid, and safe with users' patterns."""

from __future__ import annotations

import re
import sys
import time
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtlint.config import Config
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.errors import ConfigError
from mtlint.rules.phrasebook import EntryIndex, builtin_entries, required_words, user_entries

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PACKS = files("mtlint.rules").joinpath("data/translationese")


@pytest.mark.parametrize("language", ["ru", "fr", "de", "es", "zh"])
def test_each_language_has_at_least_25_entries(language: str) -> None:
    entries = tomllib.loads(PACKS.joinpath(f"{language}.toml").read_text("utf-8"))["entry"]
    assert len(entries) >= 25
    for entry in entries:
        assert entry["kind"] in ("calque", "false-friend")
        assert entry["confidence"] in ("high", "low")
        assert entry["suggestions"] and entry["explanation"]


def test_every_builtin_pattern_compiles() -> None:
    entries = builtin_entries("calque") + builtin_entries("false-friend")
    assert len(entries) >= 120
    assert all(entry.pattern.regex().pattern for entry in entries)
    # All but one, whose look-behind varies in width, have a twin for text in ASCII.
    assert sum(entry.pattern.twin() is None for entry in entries) == 1


@pytest.mark.parametrize(
    ("source", "required"),
    [
        ("places? of (?:the )?deprivation of (?:liberty|freedom)",
         (("deprivation",), ("place",), ("liberty", "freedom"))),
        ("(?:make|makes|made) (?:a )?holidays?", (("holiday",), ("make", "makes", "made"))),
        (r"foo\p{Letter}+bar", (("foo",), ("bar",))),
        ("x[abc]def(?!ghi)", (("def",),)),
        ("(?:foo[)]bar)?baz", (("baz",),)),
        (r"[]\]x]abc[^]]", (("abc",),)),
        ("abcd+ef", (("abcd",),)),
        ("(?:in|on) the day", (("day",), ("the",))),
        ("sub(?:ventions|sidy)?", (("sub",),)),
        ("one|two", (("one", "two"),)),
        ("one|tw", ()),
        (r"(?:comrades?|Comrade) (?=\p{Lu})", (("comrade",),)),
        ("(?:(?:big|large) )?cereals? (?=deal)|grain", (("cereal", "grain"),)),
        ("(stolen) (?i:goods)", (("stolen",),)),
        (r"(?P<x>\w+) said \(x", (("said",),)),
        ("(unclosed", ()),
        ("(?x) foo # comment", ()),
    ],
)  # fmt: skip
def test_required_words_are_what_every_match_contains(
    source: str, required: tuple[tuple[str, ...], ...]
) -> None:
    assert required_words(source) == required


def _plain(entry) -> bool:  # type: ignore[no-untyped-def]
    try:
        re.compile(entry.source)
    except re.error:
        return False
    return True


#: The built-in entries Python's own ``re`` reads, from which hypothesis can draw matches.
PLAIN_ENTRIES = [
    entry for entry in builtin_entries("calque") + builtin_entries("false-friend") if _plain(entry)
]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_match_of_a_builtin_pattern_lacks_its_required_words(data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from(PLAIN_ENTRIES))
    flags = 0 if entry.case_sensitive else re.IGNORECASE
    text = data.draw(st.from_regex(re.compile(entry.source, flags), fullmatch=True))
    lowered = text.lower()
    assert all(any(word in lowered for word in words) for words in entry.required)


#: Every built-in entry, and users' entries: one whose word hides inside another's
#: ("range" in "arrangements"), and one that requires nothing.
ALL_ENTRIES = (
    builtin_entries("calque")
    + builtin_entries("false-friend")
    + user_entries("T001", [
        {"pattern": "make(?:shift)? arrangements", "suggestions": ["arrange"], "explanation": "x"},
        {"pattern": "range of", "suggestions": ["series of"], "explanation": "y"},
        {"pattern": r"\d+ km", "suggestions": ["kilometres"], "explanation": "z"},
    ])
)  # fmt: skip
#: The words the entries require, pieces of them, and what lies between them.
INDEX_WORDS = sorted(
    {word for entry in ALL_ENTRIES for words in entry.required for word in words}
    | {"mak", "arrangement", "the ", " ", ", ", "\n", "É", "12 km"}
)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(INDEX_WORDS), max_size=30).map("".join))
def test_the_index_proposes_the_entries_whose_words_a_text_holds(text: str) -> None:
    lowered = text.lower()
    index = EntryIndex(ALL_ENTRIES)
    assert list(index.candidates(lowered)) == [e for e in ALL_ENTRIES if e.may_match(lowered)]


def test_an_index_of_entries_that_require_nothing_proposes_them_all() -> None:
    entries = user_entries("T001", [{"pattern": r"\d+", "suggestions": ["x"], "explanation": "x"}])
    assert list(EntryIndex(entries).candidates("any text")) == list(entries)
    assert list(EntryIndex(()).candidates("any text")) == []


def test_source_language_from_config_glob(tmp_path: Path) -> None:
    config = Config(root=tmp_path, select=("T001",), source_language={"fr/**": "fr"})
    text = "Russian diplomacy indicated that talks would go on."
    linter = Linter(config)
    french = Document.from_text(text, tmp_path / "fr" / "a.txt")
    other = Document.from_text(text, tmp_path / "de" / "a.txt")
    assert [d.code for d in linter.lint([french])[0]] == ["T001"]
    assert linter.lint([other])[0] == []


def test_bad_user_pattern_is_a_config_error(tmp_path: Path) -> None:
    config = Config(
        root=tmp_path,
        select=("T001",),
        rules={"T001": {"extra": [{"pattern": "(", "suggestions": ["x"], "explanation": "y"}]}},
    )
    with pytest.raises(ConfigError, match=r"rules.T001.extra\[1\]: invalid pattern"):
        Linter(config)


def test_catastrophic_user_pattern_cannot_hang(tmp_path: Path) -> None:
    extra = [{"pattern": "(a+)+$", "suggestions": ["x"], "explanation": "y"}]
    config = Config(root=tmp_path, select=("T001",), rules={"T001": {"extra": extra}})
    started = time.monotonic()
    Linter(config).lint([Document.from_text("a" * 40 + "!")])
    assert time.monotonic() - started < 5
