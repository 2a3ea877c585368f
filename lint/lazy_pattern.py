"""Patterns that import ``regex`` and compile on first use.

A run that finds every answer in the cache never tokenizes an article or
splits its sentences, and importing ``regex`` with the patterns that would
do it cost such a run of one article a fifth of its instructions; the
patterns of the engine's own modules are therefore made when a check first
needs them. Rules use them too for patterns that most articles never reach
(those for other scripts, or behind a cheaper test), as compiling a pattern
costs a one-file check more than searching with it.

The hottest patterns also have a twin for text in ASCII, written for ``re``:
its matches are quicker to read (the tokens of an article in ASCII are made
in three quarters of the time), and in ASCII text it finds exactly what the
``regex`` pattern finds, which a test checks for every twin in ``TWINS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

#: Each pattern with a twin, and the twin: (``regex`` source, ``re`` source).
TWINS: list[tuple[str, str]] = []


def lazy_pattern(source: str) -> Callable[[], regex.Pattern[str]]:
    """A function returning ``regex.compile(source)``, compiled at its first call; flags
    go inline (``(?x)``)."""

    @cache
    def compiled() -> regex.Pattern[str]:
        import regex

        return regex.compile(source)

    return compiled


def with_ascii_twin(
    source: str, ascii_source: str
) -> Callable[[str], regex.Pattern[str] | re.Pattern[str]]:
    """A function giving, for a text, ``lazy_pattern(source)``, or for a text in ASCII
    its twin ``ascii_source`` compiled by ``re``; both compile at their first use."""
    TWINS.append((source, ascii_source))
    full = lazy_pattern(source)
    ascii_only = cache(lambda: re.compile(ascii_source))

    def for_text(text: str) -> regex.Pattern[str] | re.Pattern[str]:
        return ascii_only() if text.isascii() else full()

    return for_text
