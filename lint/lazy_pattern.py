"""Patterns that import ``regex`` and compile on first use.

A run that finds every answer in the cache never tokenizes an article or
splits its sentences, and importing ``regex`` with the patterns that would
do it cost such a run of one article a fifth of its instructions; the
patterns of the engine's own modules are therefore made when a check first
needs them. Rules use them too for patterns that most articles never reach
(those for other scripts, or behind a cheaper test), as compiling a pattern
costs a one-file check more than searching with it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex


def lazy_pattern(source: str) -> Callable[[], regex.Pattern[str]]:
    """A function returning ``regex.compile(source)``, compiled at its first call; flags
    go inline (``(?x)``)."""

    @cache
    def compiled() -> regex.Pattern[str]:
        import regex

        return regex.compile(source)

    return compiled
