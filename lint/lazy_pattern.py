"""Patterns that compile on first use, with ``re`` for plain text.

A run that finds every answer in the cache never tokenizes an article, and a
one-file check reaches only some of the rules' patterns: compiling a pattern
costs such a run more than searching with it, so none compiles before it is
first used. Most articles are plain text (ASCII and common typography),
where a pattern's twin in ``re`` (see ``re_twin``) finds the same matches,
is compiled once per machine (see ``twin_store``) and hands its matches back
quicker; ``regex`` (10 ms to import) is imported only for other text or a
pattern without a twin, and its patterns too are compiled once per machine
(see ``regex_store``). Tests check on plain text that every pattern in
``PATTERNS`` and its twin agree.

One kind of pattern is slower in ``re``: one that opens with a look-behind,
which ``re`` tries at every character of a text while ``regex`` scans for
what must follow (the words of a phrase, a title). Such a twin searches the
first ``TWIN_BUDGET`` characters of long texts, enough for a pre-commit
check of a few articles to need no ``regex``; past them, ``regex``, compiled
once, takes over for the rest of a longer run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from mtlint import regex_store, twin_store
from mtlint.plain_text import is_plain

if TYPE_CHECKING:
    import regex

    AnyPattern = regex.Pattern[str] | re.Pattern[str]
    AnyMatch = regex.Match[str] | re.Match[str]

#: Characters of long texts that a twin opening with a look-behind searches, in a
#: process, before ``regex`` takes over.
TWIN_BUDGET = 20_000
#: Texts shorter than this (a word, a name, a sentence) do not count against it.
_LONG_TEXT = 400
_OPENS_WITH_LOOK_BEHIND = re.compile(r"(?:\(\?[imsx]+\))*\(\?<[=!]")
#: Every pattern made by ``lazy_pattern``, by its source: rules asking for the same
#: pattern share one, compiled once.
PATTERNS: dict[str, LazyPattern] = {}


class LazyPattern:
    """A ``regex`` pattern, compiled at its first use; its searches of plain text go to
    its twin in ``re`` when it has one. Flags go inline (``(?x)``)."""

    __slots__ = ("_ascii", "_budget", "_plain", "_regex", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._regex: regex.Pattern[str] | None = None
        #: What searches plain text; ``_ascii`` is the same, once no budget is counted.
        self._plain: AnyPattern | None = None
        self._ascii: AnyPattern | None = None
        self._budget = TWIN_BUDGET if _OPENS_WITH_LOOK_BEHIND.match(source) else 0

    def regex(self) -> regex.Pattern[str]:
        """The pattern compiled by ``regex``, for what only ``regex`` offers."""
        if self._regex is None:
            self._regex = regex_store.compiled_regex(self.source)
        return self._regex

    def for_text(self, text: str, pos: int = 0, endpos: int | None = None) -> AnyPattern:
        """The compiled pattern to search ``text`` with, from ``pos`` to ``endpos``."""
        if not is_plain(text):
            return self._regex or self.regex()
        if self._plain is None:
            self._plain = twin_store.compiled_twin(self.source) or self.regex()
            if self._plain is self._regex:
                self._budget = 0
        if self._budget:
            searched = min(len(text), len(text) if endpos is None else endpos) - pos
            if searched >= _LONG_TEXT:
                self._budget = max(0, self._budget - searched)
                if not self._budget:
                    self._plain = self.regex()
        if not self._budget:
            self._ascii = self._plain
        return self._plain

    def twin(self) -> re.Pattern[str] | None:
        """The twin in ``re``, or None if the pattern has none."""
        return twin_store.compiled_twin(self.source)

    # Each search first tries the pattern settled on for text in ASCII: the rules
    # search a quarter of a million texts an hour, most of them short.
    def search(self, string: str, *args: Any) -> AnyMatch | None:
        pattern = self._ascii if string.isascii() else None
        return (pattern or self.for_text(string, *args)).search(string, *args)

    def match(self, string: str, *args: Any) -> AnyMatch | None:
        pattern = self._ascii if string.isascii() else None
        return (pattern or self.for_text(string, *args)).match(string, *args)

    def fullmatch(self, string: str, *args: Any) -> AnyMatch | None:
        pattern = self._ascii if string.isascii() else None
        return (pattern or self.for_text(string, *args)).fullmatch(string, *args)

    def finditer(self, string: str, *args: Any) -> Iterator[AnyMatch]:
        pattern = self._ascii if string.isascii() else None
        return (pattern or self.for_text(string, *args)).finditer(string, *args)

    def findall(self, string: str, *args: Any) -> list[Any]:
        pattern = self._ascii if string.isascii() else None
        return (pattern or self.for_text(string, *args)).findall(string, *args)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self.for_text(string).split(string, maxsplit)

    def sub(self, replacement: Any, string: str, count: int = 0) -> str:
        pattern = self._ascii if string.isascii() else None
        return (pattern or self.for_text(string)).sub(replacement, string, count)


def remember_compiled() -> None:
    """Store the twins and the ``regex`` patterns this process compiled."""
    twin_store.remember()
    regex_store.remember()


def lazy_pattern(source: str) -> LazyPattern:
    """A pattern of the rules or the engine, compiled at its first use."""
    pattern = PATTERNS.get(source)
    if pattern is None:
        pattern = PATTERNS[source] = LazyPattern(source)
    return pattern
