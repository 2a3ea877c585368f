"""The translationese phrasebooks: one data file per source language under ``data/translationese``.

Entries with ``confidence = "high"`` are wrong in any English article; the
others only when the article is known to come from their language. Users add
entries of their own through the rules' ``extra`` option.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from mtlint.errors import ConfigError
from mtlint.lazy_pattern import LazyPattern, lazy_pattern
from mtlint.rules.data_files import data_file, data_folder
from mtlint.rules.literals import Literals

if TYPE_CHECKING:
    from mtlint.lazy_pattern import AnyMatch

#: User patterns run with a timeout, so a pattern that backtracks forever cannot hang a run.
USER_PATTERN_TIMEOUT = 1.0
LANGUAGE_NAMES = {"ru": "Russian", "fr": "French", "de": "German", "es": "Spanish", "zh": "Chinese"}


class Entry(NamedTuple):
    languages: tuple[str, ...]
    kind: str
    source: str
    case_sensitive: bool
    suggestions: tuple[str, ...]
    explanation: str
    high_confidence: bool
    user: bool = False

    @property
    def pattern(self) -> LazyPattern:
        """Compiled on first use: a run whose findings are all cached compiles none."""
        return _pattern_of(self.source, self.case_sensitive)

    def applies(self, source_language: str | None) -> bool:
        return self.high_confidence or "*" in self.languages or source_language in self.languages

    @property
    def origin(self) -> str:
        """ " from French and Spanish", or "" for a user's entry."""
        names = [LANGUAGE_NAMES.get(code, code) for code in self.languages if code != "*"]
        if not names:
            return ""
        return " from " + (
            " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
        )

    @property
    def required(self) -> tuple[tuple[str, ...], ...]:
        """Words a match must contain, to skip articles without them before compiling."""
        return required_words(self.source)

    def may_match(self, lowered: str) -> bool:
        """Whether a text, ``lowered`` in lower case, holds the words every match needs."""
        holds = lowered.__contains__
        for words in self.required:  # noqa: SIM110 - all() of a generator is slower here
            if not any(map(holds, words)):
                return False
        return True

    def matches(self, text: str) -> Iterator[AnyMatch]:
        """Matches in ``text``; a user's pattern runs on ``regex``, which gives up after
        ``USER_PATTERN_TIMEOUT``."""
        if not self.user:
            yield from self.pattern.finditer(text)
            return
        try:
            yield from self.pattern.regex().finditer(text, timeout=USER_PATTERN_TIMEOUT)
        except TimeoutError:
            return


class EntryIndex:
    """Which of a phrasebook's entries a text may match, found in one pass over it.

    Every match of an entry holds one of the words of each group the entry requires
    (``required_words``). Asking entry after entry for the words of its rarest group
    searched the whole article once for each of the 124 built-in entries; instead,
    those words are found all at once (see ``literals``). Only the entries whose word
    turns up, and those that require nothing, are looked at further: the two
    phrasebook rules took a tenth of a check, and now half that.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = tuple(entries)
        #: The entries that require no word, which every text may match.
        self._always = [number for number, entry in enumerate(self.entries) if not entry.required]
        by_word: dict[str, list[int]] = {}
        for number, entry in enumerate(self.entries):
            for word in entry.required[0] if entry.required else ():
                by_word.setdefault(word, []).append(number)
        self._words = Literals({word: tuple(numbers) for word, numbers in by_word.items()})

    def candidates(self, lowered: str) -> Iterator[Entry]:
        """In order, the entries that a text, ``lowered`` in lower case, holds the words of."""
        found = set(self._always)
        for numbers in self._words.occurrences(lowered):
            found.update(numbers)
        for number in sorted(found):
            entry = self.entries[number]
            if entry.may_match(lowered):
                yield entry


_PLAIN_ALTERNATIVES = lazy_pattern(r"\(\?:([\p{L} ]+(?:\|[\p{L} ]+)*)\)")
_VERBOSE = lazy_pattern(r"\(\?[a-zA-Z]*x")


@cache
def required_words(source: str) -> tuple[tuple[str, ...], ...]:
    """What every match of a pattern contains, lower-cased: for each entry, one of
    its words ("places", or one of "make", "makes", "made"), rarest first.

    Only letters outside any class count; a letter before ``?`` or ``*`` and a
    group before a quantifier may be absent, and words shorter than three
    letters are too common to tell anything. A group of plain alternatives
    ("(?:in the|on the)") requires one of them; any other group, and the
    pattern itself when it has alternatives ("a|b"), requires one of the words
    that each alternative requires first, or nothing when one requires nothing.
    A pattern in verbose mode, where spaces and comments are not text, requires
    nothing.
    """
    if _VERBOSE.search(source):
        return ()
    required: list[tuple[str, ...]] = []
    word = ""
    index = 0
    while index < len(source):
        char = source[index]
        following = source[index + 1] if index + 1 < len(source) else ""
        if char.isalpha() and following not in ("?", "*", "{"):
            word += char
            index += 1
            continue
        if len(word) >= 3:
            required.append((word.lower(),))
        word = ""
        if char == "|":
            return _one_of(_alternatives(source))
        group = _PLAIN_ALTERNATIVES.match(source, index)
        if group is not None:
            index = group.end()
            words = tuple(dict.fromkeys(w.strip().lower() for w in group[1].split("|")))
            if not _quantified(source, index) and all(len(w) >= 3 for w in words):
                required.append(words)
            continue
        if char == "(":
            end = _group_end(source, index)
            if end < 0:
                return ()
            if not _quantified(source, end):
                inner = _group_content(source, index, end)
                required.extend(required_words(inner) if inner is not None else ())
            index = end
            continue
        index = _after_atom(source, index)
        if index < 0:
            return ()
    if len(word) >= 3:
        required.append((word.lower(),))
    return tuple(sorted(required, key=_rarity))


#: Words most English articles hold many times over, which tell least about one.
_COMMONEST = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "with",
        "this",
        "from",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "not",
        "but",
        "his",
        "her",
        "its",
        "they",
        "their",
        "which",
        "will",
        "said",
        "who",
        "been",
    ]
)


def _rarity(words: tuple[str, ...]) -> tuple[bool, int, int]:
    """Sorts the words a pattern requires so that those likeliest to be missing, and so
    to spare the other searches, come first: words other than the commonest, fewer
    alternatives, longer words. (``EntryIndex`` looks for the first only.)"""
    return all(word in _COMMONEST for word in words), len(words), -min(map(len, words))


def _one_of(alternatives: list[str] | None) -> tuple[tuple[str, ...], ...]:
    """What a pattern of these alternatives requires: one of the words each requires first."""
    each = [required_words(alternative) for alternative in alternatives or ()]
    if not each or not all(each):
        return ()
    return (tuple(dict.fromkeys(word for words in each for word in words[0])),)


def _quantified(source: str, index: int) -> bool:
    """Whether what ends at ``index`` may be absent (a quantifier follows)."""
    return index < len(source) and source[index] in "?*{"


def _group_content(source: str, start: int, end: int) -> str | None:
    """What a capturing or ``(?:…)`` group matches; None for lookarounds, flags and the like."""
    if source.startswith("(?:", start):
        return source[start + 3 : end - 1]
    if source.startswith("(?", start):
        return None
    return source[start + 1 : end - 1]


def _group_end(source: str, start: int) -> int:
    """Where the group opening at ``start`` ends, past its ``)``; -1 when it never does."""
    for index, char, depth in _scanned(source, start):
        if index < 0:
            return -1
        if char == ")" and depth == 0:
            return index + 1
    return -1


def _alternatives(source: str) -> list[str] | None:
    """``source`` split at its top-level ``|``; None when its groups do not close."""
    parts = []
    last = depth = 0
    for index, char, depth in _scanned(source, 0):
        if index < 0:
            return None
        if char == "|" and depth == 0:
            parts.append(source[last:index])
            last = index + 1
    return [*parts, source[last:]] if depth == 0 else None


def _scanned(source: str, start: int) -> Iterator[tuple[int, str, int]]:
    """Each character from ``start`` outside escapes and classes, with how deep in groups
    it leaves the pattern (an opening parenthesis counts itself); ``(-1, "", depth)``
    ends it early at an escape or a class that never closes."""
    depth = 0
    index = start
    while index < len(source):
        char = source[index]
        if char in "\\[":
            index = _after_atom(source, index)
            if index < 0:
                yield -1, "", depth
                return
            continue
        depth += (char == "(") - (char == ")")
        yield index, char, depth
        index += 1


def _after_atom(source: str, index: int) -> int:
    """Where the character, escape (``\\p{L}``) or class at ``index`` ends, or -1."""
    char = source[index]
    if char == "\\":
        if not source.startswith("{", index + 2):
            return index + 2
        end = source.find("}", index)
        return end + 1 if end >= 0 else -1
    if char == "[":
        return _after_class(source, index)
    return index + 1


def _after_class(source: str, start: int) -> int:
    """Where the character class opening at ``start`` ends ("[^)]" holds no group), or -1."""
    index = start + 1
    if source.startswith("^", index):
        index += 1
    if source.startswith("]", index):
        index += 1
    while index < len(source):
        if source[index] == "\\":
            index += 2
        elif source[index] == "]":
            return index + 1
        else:
            index += 1
    return -1


@cache
def _pattern_of(source: str, case_sensitive: bool) -> LazyPattern:
    flags = "" if case_sensitive else "(?i)"
    return lazy_pattern(rf"{flags}(?<![\p{{L}}\p{{N}}])(?:{source})(?![\p{{L}}\p{{N}}])")


def _check_compiles(source: str, case_sensitive: bool, origin: str) -> None:
    import regex

    try:
        _pattern_of(source, case_sensitive).regex()
    except regex.error as error:
        raise ConfigError(f"{origin}: invalid pattern {source!r}: {error}") from None


def entry_of(data: Mapping[str, Any], language: str, origin: str, user: bool = False) -> Entry:
    try:
        suggestions = data["suggestions"]
        explanation = data["explanation"]
        pattern = data["pattern"]
    except KeyError as missing:
        raise ConfigError(f"{origin}: an entry lacks {missing.args[0]!r}") from None
    if isinstance(suggestions, str):
        suggestions = [suggestions]
    case_sensitive = bool(data.get("case-sensitive", False))
    if user:
        _check_compiles(pattern, case_sensitive, origin)
    return Entry(
        languages=(data.get("language", language),),
        kind=data.get("kind", ""),
        source=pattern,
        case_sensitive=case_sensitive,
        suggestions=tuple(suggestions),
        explanation=explanation,
        high_confidence=data.get("confidence", "high") == "high",
        user=user,
    )


@cache
def builtin_entries(kind: str) -> tuple[Entry, ...]:
    """Every built-in entry of ``kind``; one pattern found in several packs is one entry."""
    found: dict[tuple[str, bool], Entry] = {}
    for name in data_folder("translationese"):
        language = name.removeprefix("translationese/").removesuffix(".toml")
        for data in data_file(name).get("entry", []):
            if data.get("kind") != kind:
                continue
            entry = entry_of(data, language, name)
            key = (entry.source, entry.case_sensitive)
            known = found.get(key)
            if known is not None:
                entry = known._replace(
                    languages=known.languages + entry.languages,
                    explanation=f"{known.explanation}; {entry.explanation}",
                    high_confidence=known.high_confidence or entry.high_confidence,
                )
            found[key] = entry
    return tuple(found.values())


def user_entries(code: str, extra: Iterable[Any]) -> tuple[Entry, ...]:
    entries = []
    for number, data in enumerate(extra, 1):
        if not isinstance(data, dict):
            raise ConfigError(f"rules.{code}.extra[{number}]: expected a table")
        entries.append(entry_of(data, "*", f"rules.{code}.extra[{number}]", user=True))
    return tuple(entries)


def suggestion_for(suggestion: str, capitalised: bool) -> str:
    """The suggestion, capitalised when it opens a sentence."""
    if capitalised and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion
