"""The words that stand before a name, read once from the data files beside this module."""

from __future__ import annotations

import sys
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


@cache
def _data(name: str) -> dict[str, Any]:
    return tomllib.loads(files("mtlint.rules").joinpath(f"data/{name}").read_text("utf-8"))


def english_titles() -> tuple[dict[str, str], dict[str, str]]:
    """``(bare, dotted)``: lower-case title → its canonical spelling without the stop."""
    data = _data("honorifics.toml")
    return dict(data["bare"]), dict(data["dotted"])


@lru_cache(maxsize=1)
def all_english_titles() -> dict[str, str]:
    """Every English honorific, lower case → canonical, including "Miss"."""
    data = _data("honorifics.toml")
    return {**data["bare"], **data["dotted"], **data["capitalised_only"]}


@lru_cache(maxsize=1)
def job_titles() -> frozenset[str]:
    return frozenset(_data("names.toml")["job_titles"])


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return frozenset(_data("names.toml")["particles"])


def foreign_titles(languages: tuple[str, ...] = ()) -> dict[str, str]:
    """Titles of other languages as written → the English title, for ``languages`` or all."""
    data = _data("foreign_honorifics.toml")
    unknown = sorted(set(languages) - set(data))
    if unknown:
        from mtlint.errors import ConfigError

        known = ", ".join(sorted(data))
        raise ConfigError(f"unknown source language {unknown[0]!r} (known: {known})")
    titles: dict[str, str] = {}
    for language in languages or sorted(data):
        titles.update(data[language])
    return titles
