"""Sentence boundaries in news prose.

A full stop ends a sentence unless it closes an abbreviation: titles before a
name ("Mr.", "Gen.", "St."), initials ("Antony J. Blinken") and initialisms
("U.S.", "W.N.B.A.") do not end one, except that an initialism or a
closing abbreviation ("Inc.", "Jr.") followed by a word that typically opens
a sentence ("in the U.S. The talks") does. Titles are matched in any case, so
"mr. Blinken" after "said." is still seen to start a sentence. A lower-case
word after a full stop does start one: "he said. she said" is an artifact that
rules must see.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mtlint.diagnostics import Span
from mtlint.lazy_pattern import lazy_pattern

if TYPE_CHECKING:
    import regex

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "mmes",
        "dr",
        "drs",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "sen",
        "rep",
        "gov",
        "atty",
        "supt",
        "det",
        "insp",
        "rev",
        "fr",
        "msgr",
        "hon",
        "pres",
        "st",
        "mt",
        "ft",
        "sr",
        "sra",
        "srta",
        "hr",
        "vs",
        "cf",
        "approx",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
NUMBER_ABBREVIATIONS = frozenset(
    ["no", "nos", "p", "pp", "fig", "figs", "vol", "vols", "ch", "art", "sec"]
)
CLOSING_ABBREVIATIONS = frozenset(
    ["inc", "ltd", "corp", "co", "jr", "llc", "plc", "bros", "etc", "al"]
)
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "but",
        "and",
        "so",
        "yet",
        "however",
        "meanwhile",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "for",
        "with",
        "by",
        "from",
        "since",
        "during",
        "some",
        "many",
        "most",
        "one",
        "two",
        "no",
        "not",
        "what",
        "who",
        "why",
        "how",
        "where",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)

#: A run of terminal marks, taken whole (possessive, and only from its first mark), so
#: that a run that ends no sentence ("!!!!…" ten thousand times) costs one look, not one
#: per mark and length. The first mark is matched before the look-behind that makes it
#: the first, so that ``re`` scans for marks rather than trying every character.
_TERMINATOR = lazy_pattern(
    r"""(?x)[.!?…](?<![.!?…].)(?:(?<=…)[.!?…]*+|(?<=[.!?])[.!?]*+…*+)["'”’»)\]]*+
        (?=\s+["'“‘«(\[]*(?P<next>[\p{L}\p{N}][\p{L}\p{M}]*))"""
)
#: The longest word looked at before a full stop: abbreviations are short.
_WORD_WINDOW = 64
_WORD_BEFORE = lazy_pattern(
    r"(?:^|(?<=[\s(\[\"'“‘«]))(?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’\-]*)\Z"
)


def sentence_spans(text: str, start: int, end: int) -> Iterator[Span]:
    """Sentences of ``text[start:end]``, trimmed of surrounding whitespace."""
    cursor = start
    for match in _TERMINATOR.finditer(text, start, end):
        if match.start() < cursor or not _ends_sentence(text, cursor, match):
            continue
        yield from _trimmed(text, cursor, match.end())
        cursor = match.end()
    yield from _trimmed(text, cursor, end)


def _ends_sentence(text: str, sentence_start: int, match: regex.Match[str]) -> bool:
    mark = match.group()
    following = match.group("next")
    if mark[0] in "!?":
        return not following[0].islower()
    if mark.startswith(("...", "…")):
        return following[0].isupper()
    if len(mark.rstrip("\"'”’»)]")) > 1:
        return True
    window = max(sentence_start, match.start() - _WORD_WINDOW)
    before = _WORD_BEFORE.search(text, window, match.start())
    if before is None:
        return True
    word = before.group("word") + "."
    bare = word.rstrip(".").lower()
    if word.count(".") > 1 or len(bare) == 1:
        if len(bare) > 1 or word[0].isupper():
            return _opens_sentence(following)
        return bare not in NUMBER_ABBREVIATIONS or not following[0].isdigit()
    if bare in TITLES:
        return False
    if bare in NUMBER_ABBREVIATIONS:
        return not following[0].isdigit()
    if bare in CLOSING_ABBREVIATIONS:
        return _opens_sentence(following)
    return True


def _opens_sentence(word: str) -> bool:
    return word[0].isupper() and word.lower() in SENTENCE_OPENERS


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield Span(start, end)
