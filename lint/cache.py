"""A per-file cache of facts and findings, like Ruff's ``.ruff_cache``.

An entry is keyed by the hash of a document's content and kind, under a
directory named after the mtlint version and a fingerprint of the config and
the installed rules, so any change of those starts a fresh cache. What a
rule found in one document alone is cached as is; what a corpus rule found
is cached with the fingerprint of the index it was found against. Entries are
written to a temporary file and renamed, so two runs may share the cache;
an unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from mtlint import __version__
from mtlint.diagnostics import Diagnostic

CACHE_DIRECTORY = ".mtlint_cache"


@dataclass
class CacheEntry:
    """What is known about one document content."""

    facts: dict[str, Any] = field(default_factory=dict)
    local: dict[str, list[Diagnostic]] = field(default_factory=dict)
    corpus: dict[str, tuple[str, list[Diagnostic]]] = field(default_factory=dict)


class Cache:
    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.top = directory
        self.directory = directory / __version__ / fingerprint

    def key(self, text: str, kind: str) -> str:
        return hashlib.sha256(f"{kind}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> CacheEntry | None:
        try:
            with self._path(key).open("rb") as handle:
                entry = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
            return None
        return entry if isinstance(entry, CacheEntry) else None

    def store(self, key: str, entry: CacheEntry) -> None:
        path = self._path(key)
        try:
            self._prepare(path.parent)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(descriptor, "wb") as handle:
                pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                Path(temporary).unlink()

    def _prepare(self, directory: Path) -> None:
        if not self.top.exists():
            self.top.mkdir(parents=True, exist_ok=True)
            (self.top / ".gitignore").write_text("# Created by mtlint.\n*\n", encoding="utf-8")
            (self.top / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by mtlint.\n",
                encoding="utf-8",
            )
        directory.mkdir(parents=True, exist_ok=True)


def fingerprint_of(facts: Any) -> str:
    """A stable hash of a corpus rule's index, to key findings made against it.

    Sets are hashed in sorted order: pickling one follows the order of its
    strings' hashes, which change from one process to the next, and the index
    of an unchanged corpus must give the same fingerprint in every run.
    """
    return hashlib.sha256(repr(_canonical(facts)).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _canonical(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return ("set", sorted((_canonical(item) for item in value), key=repr))
    if isinstance(value, Mapping):
        return ("map", sorted(((repr(k), _canonical(v)) for k, v in value.items())))
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__qualname__,
            [_canonical(getattr(value, f.name)) for f in fields(value)],
        )
    return value
