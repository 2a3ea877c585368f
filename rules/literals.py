"""Which of many literal strings a text holds, found in one pass over it.

Rules that look for one of dozens of words or titles would otherwise search an
article once for each of them, or run a pattern of as many alternatives over
it. An Aho–Corasick automaton (pyahocorasick) finds every one of them,
overlapping or not, in a single pass in C.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class Literals(Generic[V]):
    """Literal strings, each with a value handed back wherever the string occurs."""

    def __init__(self, values: Mapping[str, V]) -> None:
        self._automaton: Any = None
        if values:
            import ahocorasick

            self._automaton = ahocorasick.Automaton()
            for string, value in values.items():
                self._automaton.add_word(string, value)
            self._automaton.make_automaton()

    def occurrences(self, text: str) -> Iterator[V]:
        """The value of each occurrence in ``text`` of one of the strings."""
        if self._automaton is not None:
            for _, value in self._automaton.iter(text):
                yield value

    def any_in(self, text: str) -> bool:
        """Whether ``text`` holds one of the strings."""
        return next(self.occurrences(text), None) is not None
