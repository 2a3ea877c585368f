"""What is reported: per-file ignores and severity overrides from the config."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from mtlint.config import Config
from mtlint.diagnostics import Diagnostic
from mtlint.files import relative_path
from mtlint.selection import matching


class DiagnosticFilter:
    def __init__(self, config: Config, codes: Iterable[str]) -> None:
        self.root = config.root
        self.severity = config.severity
        codes = list(codes)
        if config.per_file_ignores:
            import pathspec
        self.per_file = [
            (
                pathspec.GitIgnoreSpec.from_lines([pattern]),
                frozenset().union(
                    *(matching(c, codes, f"per-file-ignores.{pattern!r}") for c in ignored)
                ),
            )
            for pattern, ignored in config.per_file_ignores.items()
        ]
        self.ignored_codes = lru_cache(maxsize=None)(self._ignored_codes)

    def _ignored_codes(self, path: Path) -> frozenset[str]:
        """The codes ``per-file-ignores`` switches off for ``path``."""
        if not self.per_file:
            return frozenset()
        relative = relative_path(path.absolute(), self.root) or path.as_posix()
        ignored: frozenset[str] = frozenset()
        for spec, codes in self.per_file:
            if spec.match_file(relative):
                ignored |= codes
        return ignored

    def apply(self, path: Path, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        ignored = self.ignored_codes(path)
        kept = []
        for diagnostic in diagnostics:
            if diagnostic.code in ignored:
                continue
            severity = self.severity.get(diagnostic.code)
            if severity is not None and severity is not diagnostic.severity:
                diagnostic = diagnostic._replace(severity=severity)
            kept.append(diagnostic)
        return kept
