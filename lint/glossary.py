"""The glossary: how a newsroom spells the names it writes most.

Canonical names with their known variants, from the ``names`` table of the
config and from a glossary file it points to (``glossary = "names.toml"``,
the format ``mtlint names --write-glossary`` writes). Name rules treat a
canonical spelling as dominant and a listed variant as certainly wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path

from mtlint.config import Config, read_toml
from mtlint.digest import hex_digest
from mtlint.errors import ConfigError


class Glossary:
    """Canonical name → its known variants (whole names, as written); read, never
    written."""

    def __init__(self, names: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.names = {} if names is None else names

    @cached_property
    def variants(self) -> dict[str, str]:
        """Each known variant, and each of its words that differs, → the canonical spelling."""
        mapping: dict[str, str] = {}
        for canonical, variants in self.names.items():
            for variant in variants:
                mapping[variant] = canonical
                words, canonical_words = variant.split(), canonical.split()
                if len(words) == len(canonical_words) and len(words) > 1:
                    for word, right in zip(words, canonical_words, strict=True):
                        if word != right:
                            mapping.setdefault(word, right)
        return mapping

    @cached_property
    def canonical_words(self) -> frozenset[str]:
        return frozenset(word for name in self.names for word in name.split())

    def fingerprint(self) -> str:
        import json  # imported here: a run without a cache never asks

        encoded = json.dumps(self.names, sort_keys=True, ensure_ascii=False).encode()
        return hex_digest(encoded, 16)


def parse_names(origin: str, table: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: names must be a table of canonical name = [variants]")
    names: dict[str, tuple[str, ...]] = {}
    for canonical, variants in table.items():
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise ConfigError(
                f"{origin}: names.{canonical!r}: expected a list of variant spellings"
            )
        clash = [v for v in variants if v == canonical]
        if clash:
            raise ConfigError(f"{origin}: names.{canonical!r} lists itself as a variant")
        names[canonical] = tuple(variants)
    _check_unambiguous(origin, names.items())
    return names


def _check_unambiguous(origin: str, entries: Iterable[tuple[str, tuple[str, ...]]]) -> None:
    owner: dict[str, str] = {}
    for canonical, variants in entries:
        for variant in variants:
            if owner.setdefault(variant, canonical) != canonical:
                raise ConfigError(
                    f"{origin}: {variant!r} is listed as a variant of both "
                    f"{owner[variant]!r} and {canonical!r}"
                )


def load_glossary(config: Config) -> Glossary:
    names: dict[str, tuple[str, ...]] = {}
    if config.glossary:
        path = Path(config.glossary)
        path = path if path.is_absolute() else config.root / path
        data = read_toml(path)
        names.update(parse_names(str(path), data.get("names", {})))
    for canonical, variants in config.names.items():
        names[canonical] = tuple(dict.fromkeys((*names.get(canonical, ()), *variants)))
    _check_unambiguous("glossary", names.items())
    return Glossary(names)
