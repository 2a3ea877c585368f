"""A per-file cache of facts and findings, like Ruff's ``.ruff_cache``.

An entry is keyed by the hash of a document's content and kind, under a
directory named after the mtlint version, a fingerprint of the config and
the installed rules, and the entries' format, so any change of those starts
a fresh cache. What a rule found in one document alone is cached as is (less
what lies in a repeated paragraph); what a corpus rule found is cached with
the fingerprint of the index it was found against. Entries are written to a
temporary file and renamed, so two runs may share the cache; an unreadable
entry is a miss, never an error. (``pickle`` and ``json`` are imported when first
needed: a run with ``--no-cache`` needs neither.)
"""

from __future__ import annotations

import contextlib
import os
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from mtlint import __version__
from mtlint.diagnostics import Diagnostic
from mtlint.digest import hex_digest
from mtlint.writer import replace_file

CACHE_DIRECTORY = ".mtlint_cache"
TRAITS_FILE = "rules.json"
FILES_FILE = "files.index"
#: What an entry holds and means; a new format starts a fresh cache within one version.
FORMAT = 4


class CacheEntry:
    """What is known about one document content: the facts of the corpus rules, the
    findings of the others, and what corpus rules found, by rule code and document
    name, with the fingerprint of the index they were found against.

    A plain class rather than a dataclass: importing ``dataclasses`` and making the
    class cost a one-file run a millisecond.
    """

    __slots__ = ("corpus", "facts", "local")

    def __init__(
        self,
        facts: dict[str, Any] | None = None,
        local: dict[str, list[Diagnostic]] | None = None,
        corpus: dict[tuple[str, str], tuple[str, list[Diagnostic]]] | None = None,
    ) -> None:
        self.facts = {} if facts is None else facts
        self.local = {} if local is None else local
        self.corpus = {} if corpus is None else corpus


class KnownFile(NamedTuple):
    """A file the cache has read: its ``file_stamp`` then, its content key, and the facts
    of the corpus rules, kept here so that a corpus article that has not changed is
    neither read nor looked up in an entry file of its own."""

    stamp: str
    key: str
    facts: dict[str, Any]


def content_key(text: str, kind: str) -> str:
    """What findings of one document depend on besides the configuration: its text and
    how it is read (its format and source language)."""
    return hex_digest(f"{kind}\0{text}".encode("utf-8", "surrogatepass"))


class Cache:
    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.top = directory
        self.directory = directory / __version__ / f"{fingerprint}.{FORMAT}"
        self._folder = str(self.directory)

    def _path(self, key: str) -> str:
        """Where the entry of ``key`` lives, as a string: making ``Path`` objects for each
        entry cost a warm run of 1,000 articles 3% of its instructions."""
        return os.path.join(self._folder, key[:2], f"{key}.pickle")

    def load(self, key: str) -> CacheEntry | None:
        entry = _unpickled(self._path(key))
        return entry if isinstance(entry, CacheEntry) else None

    def store(self, key: str, entry: CacheEntry) -> None:
        import pickle

        path = Path(self._path(key))
        with contextlib.suppress(OSError):
            self._prepare(path.parent)
            replace_file(path, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    @cached_property
    def files(self) -> dict[str, KnownFile]:
        """The files the cache has read, by document name: a repository's corpus,
        thousands of articles of which a run needs only the facts."""
        files = _unpickled(os.path.join(self._folder, FILES_FILE))
        return files if isinstance(files, dict) else {}

    def store_files(self, files: dict[str, KnownFile]) -> None:
        """Make ``files`` those the cache knows (a run's whole corpus, so that a deleted
        article is forgotten); written only when that changes them."""
        if files != self.files:
            import pickle

            with contextlib.suppress(OSError):
                self._prepare(self.directory)
                replace_file(
                    self.directory / FILES_FILE,
                    pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL),
                )
            self.files = files

    def traits(self) -> dict[str, bool] | None:
        """Which rules compare articles, stored beside the entries (see ``mtlint.deferred``)."""
        import json

        try:
            data = json.loads((self.directory / TRAITS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def store_traits(self, traits: dict[str, bool]) -> None:
        import json

        with contextlib.suppress(OSError):
            self._prepare(self.directory)
            replace_file(self.directory / TRAITS_FILE, json.dumps(traits, sort_keys=True).encode())

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


def _unpickled(path: str) -> Any:
    """What the pickle at ``path`` holds; ``None`` when it is missing or unreadable."""
    import pickle

    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
        return None
