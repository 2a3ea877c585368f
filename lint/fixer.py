"""Applying fixes: safe ones by default, unsafe ones on request, in passes.

Fixes that overlap are resolved by keeping the first in document order; the
documents are then linted again and the rest applied in a later pass, at most
``MAX_PASSES`` times, so that fixes never fight over the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from mtlint.cache import Cache
from mtlint.diagnostics import Applicability, Diagnostic, Edit, Fix
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.runners import Runner
from mtlint.source import SourceFile

MAX_PASSES = 10


def choose_fixes(
    diagnostics: Sequence[Diagnostic], allowed: Collection[Applicability], text: str
) -> list[Fix]:
    """The fixes of ``allowed`` applicability that can be applied together."""
    candidates = sorted(
        (d.fix for d in diagnostics if d.fix is not None and d.fix.applicability in allowed),
        key=lambda fix: (fix.span.start, fix.span.end),
    )
    taken: list[Edit] = []
    chosen: list[Fix] = []
    for fix in candidates:
        if all(text[e.span.start : e.span.end] == e.replacement for e in fix.edits):
            continue
        if any(e.span.overlaps(t.span) for e in fix.edits for t in taken):
            continue
        taken.extend(fix.edits)
        chosen.append(fix)
    return chosen


@dataclass
class FixOutcome:
    """The documents after fixing, how many fixes each received, and what remains."""

    documents: list[Document]
    applied: list[int]
    remaining: list[list[Diagnostic]]

    def changed(self, originals: Sequence[Document]) -> list[int]:
        return [
            i
            for i, (old, new) in enumerate(zip(originals, self.documents, strict=True))
            if old.source.raw != new.source.raw
        ]


def fix_documents(
    linter: Linter,
    documents: Sequence[Document],
    corpus: Sequence[Document],
    allowed: Collection[Applicability],
    cache: Cache | None = None,
    runner: Runner | None = None,
    progress: Callable[[int], None] | None = None,
) -> FixOutcome:
    """Fix ``documents`` in passes; ``progress`` follows the first, which does the work."""
    current = list(documents)
    applied = [0] * len(current)
    results = linter.lint(current, corpus, cache, runner, progress)
    for _ in range(MAX_PASSES):
        progressed = False
        for position, (doc, diagnostics) in enumerate(zip(current, results, strict=True)):
            if doc.is_html:
                diagnostics = [d for d in diagnostics if _keeps_markup(doc, d)]
            fixes = choose_fixes(diagnostics, allowed, doc.text)
            if not fixes:
                continue
            current[position] = Document(_edited(doc.source, fixes))
            applied[position] += len(fixes)
            progressed = True
        if not progressed:
            break
        results = linter.lint(current, corpus, cache, runner)
    return FixOutcome(current, applied, results)


def _keeps_markup(doc: Document, diagnostic: Diagnostic) -> bool:
    from mtlint.html import keeps_markup

    fix = diagnostic.fix
    return fix is None or all(keeps_markup(doc.text, e.span, e.replacement) for e in fix.edits)


def _edited(source: SourceFile, fixes: Sequence[Fix]) -> SourceFile:
    raw = source.apply([edit for fix in fixes for edit in fix.edits])
    return SourceFile.from_text(source.path, raw, encoding=source.encoding, bom=source.bom)
