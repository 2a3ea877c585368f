"""Closed classes of English words, read from ``data/words.toml``."""

from __future__ import annotations

from functools import cache

from mtlint.rules.data_files import data_file


@cache
def word_class(name: str) -> frozenset[str]:
    """The words of one class ("function_words", "saying_verbs", …), in lower case."""
    return frozenset(data_file("words.toml")[name])
