"""Patterns that compile on first use, with ``re`` for plain text.

A run that finds every answer in the cache never tokenizes an article, and a
one-file check reaches only some of the rules' patterns: compiling a pattern
costs such a run more than searching with it, so none compiles before it is
first used. Most articles are plain text (ASCII and common typography), where
a pattern's twin in ``re`` (see ``re_twin``) finds the same matches, compiles
in a third of the time and hands its matches back quicker; ``regex`` is
imported only for other text or a pattern without a twin. Tests check on
plain text that every pattern in ``PATTERNS`` and its twin agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from mtlint.re_twin import is_plain, re_twin

if TYPE_CHECKING:
    import regex

    AnyPattern = regex.Pattern[str] | re.Pattern[str]
    AnyMatch = regex.Match[str] | re.Match[str]

#: Every pattern made by ``lazy_pattern``, by its source: rules asking for the same
#: pattern share one, compiled once.
PATTERNS: dict[str, LazyPattern] = {}


class LazyPattern:
    """A ``regex`` pattern, compiled at its first use; its searches of plain text go to
    its twin in ``re`` when it has one. Flags go inline (``(?x)``)."""

    __slots__ = ("_plain", "_regex", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._regex: regex.Pattern[str] | None = None
        self._plain: AnyPattern | None = None

    def regex(self) -> regex.Pattern[str]:
        """The pattern compiled by ``regex``, for what only ``regex`` offers."""
        if self._regex is None:
            import regex

            self._regex = regex.compile(self.source)
        return self._regex

    def for_text(self, text: str) -> AnyPattern:
        """The compiled pattern to search ``text`` with."""
        if not is_plain(text):
            return self._regex or self.regex()
        if self._plain is None:
            self._plain = self._compiled_twin() or self.regex()
        return self._plain

    def twin(self) -> re.Pattern[str] | None:
        """The twin in ``re``, or None if the pattern has none."""
        return self._compiled_twin()

    def search(self, string: str, *args: Any) -> AnyMatch | None:
        return self.for_text(string).search(string, *args)

    def match(self, string: str, *args: Any) -> AnyMatch | None:
        return self.for_text(string).match(string, *args)

    def fullmatch(self, string: str, *args: Any) -> AnyMatch | None:
        return self.for_text(string).fullmatch(string, *args)

    def finditer(self, string: str, *args: Any) -> Iterator[AnyMatch]:
        return self.for_text(string).finditer(string, *args)

    def findall(self, string: str, *args: Any) -> list[Any]:
        return self.for_text(string).findall(string, *args)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self.for_text(string).split(string, maxsplit)

    def sub(self, replacement: Any, string: str, count: int = 0) -> str:
        return self.for_text(string).sub(replacement, string, count)

    def _compiled_twin(self) -> re.Pattern[str] | None:
        twin = re_twin(self.source)
        if twin is None:
            return None
        try:
            return re.compile(twin)
        except re.error:  # a construct ``re`` lacks, such as a look-behind of varying width
            return None


def lazy_pattern(source: str) -> LazyPattern:
    """A pattern of the rules or the engine, compiled at its first use."""
    pattern = PATTERNS.get(source)
    if pattern is None:
        pattern = PATTERNS[source] = LazyPattern(source)
    return pattern
