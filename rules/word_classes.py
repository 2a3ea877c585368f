"""Closed classes of English words, read once from ``data/words.toml``."""

from __future__ import annotations

import sys
from functools import cache
from importlib.resources import files

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


@cache
def word_class(name: str) -> frozenset[str]:
    """The words of one class ("function_words", "saying_verbs", …), in lower case."""
    data = tomllib.loads(files("mtlint.rules").joinpath("data/words.toml").read_text("utf-8"))
    return frozenset(data[name])
