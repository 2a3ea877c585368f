"""The words that stand before a name, read once from the data files beside this module."""

from __future__ import annotations

from functools import lru_cache

from mtlint.rules.data_files import data_file


def english_titles() -> tuple[dict[str, str], dict[str, str]]:
    """``(bare, dotted)``: lower-case title → its canonical spelling without the stop."""
    data = data_file("honorifics.toml")
    return dict(data["bare"]), dict(data["dotted"])


@lru_cache(maxsize=1)
def all_english_titles() -> dict[str, str]:
    """Every English honorific, lower case → canonical, including "Miss"."""
    data = data_file("honorifics.toml")
    return {**data["bare"], **data["dotted"], **data["capitalised_only"]}


@lru_cache(maxsize=1)
def job_titles() -> frozenset[str]:
    return frozenset(data_file("names.toml")["job_titles"])


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return frozenset(data_file("names.toml")["particles"])


def foreign_titles(languages: tuple[str, ...] = ()) -> dict[str, str]:
    """Titles of other languages as written → the English title, for ``languages`` or all."""
    data = data_file("foreign_honorifics.toml")
    unknown = sorted(set(languages) - set(data))
    if unknown:
        from mtlint.errors import ConfigError

        known = ", ".join(sorted(data))
        raise ConfigError(f"unknown source language {unknown[0]!r} (known: {known})")
    titles: dict[str, str] = {}
    for language in languages or sorted(data):
        titles.update(data[language])
    return titles
