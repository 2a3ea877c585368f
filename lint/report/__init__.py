"""Rendering findings for people (full, concise) and machines (json, sarif, github).

A ``Finding`` ties a diagnostic to its document so that spans become
1-based rows and character columns of the file; each output format is a
module with a ``render`` function, imported only when chosen.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from mtlint.diagnostics import Diagnostic, Related, Span
from mtlint.document import Document

FORMATS = ("full", "concise", "json", "sarif", "github")
#: Formats read by programs: no summary line follows them.
MACHINE_FORMATS = frozenset({"json", "sarif", "github"})


class Finding(NamedTuple):
    document: Document
    diagnostic: Diagnostic

    @property
    def filename(self) -> str:
        return display_path(self.document.path)

    def location(self, span: Span | None = None) -> tuple[tuple[int, int], tuple[int, int]]:
        """``(row, column)`` of the start and the exclusive end of ``span``."""
        span = span or self.diagnostic.span
        return self.document.position(span.start), self.document.position(span.end)

    def related_places(self, documents: Mapping[str, Document]) -> list[tuple[Document, Related]]:
        """Each related place with the document it lies in (this one, or another article)."""
        own = self.document.key
        return [
            (documents.get(related.path or own, self.document), related)
            for related in self.diagnostic.related
        ]


Renderer = Callable[[Sequence[Finding], Mapping[str, Document]], str]


def renderer(output_format: str) -> Renderer:
    if output_format not in FORMATS:
        raise ValueError(output_format)
    module = importlib.import_module(f"mtlint.report.{output_format}_format")
    return module.render  # type: ignore[no-any-return]


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it."""
    if not path.is_absolute():
        return path.as_posix()
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return os.fspath(path)
