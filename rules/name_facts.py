"""The names one article uses, as the corpus index keeps them.

A module of its own, with no imports of the rules' machinery: a run whose
findings come from the cache unpickles these facts for every article, and
should not have to import the name finder to do it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

Places = tuple[tuple[int, int], ...]


class NameFacts(NamedTuple):
    """Every name word of one article with its places and roles, and its full names."""

    places: Mapping[str, Places]
    roles: Mapping[str, frozenset[str]]
    full_names: tuple[tuple[str, str], ...]

    def count(self, form: str) -> int:
        return len(self.places.get(form, ()))
