"""Each finding with its source line, a caret under the span and the suggested fix.

Article paragraphs are often one very long line, so the line is cut to a
window around the span.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import click

from mtlint.document import Document
from mtlint.report import Finding, display_path
from mtlint.report.concise_format import headline

WINDOW = 88
CONTEXT_BEFORE = 30


def _excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A window of ``line`` around columns ``start``..``end`` (0-based) and the new columns."""
    if len(line) <= WINDOW:
        return line, start, end
    left = max(0, min(start - CONTEXT_BEFORE, len(line) - WINDOW))
    right = min(len(line), max(left + WINDOW, min(end, left + WINDOW)))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shift = left - len(prefix)
    return prefix + line[left:right] + suffix, start - shift, min(end, right) - shift


def _snippet(finding: Finding) -> list[str]:
    doc = finding.document
    diagnostic = finding.diagnostic
    (row, column), (end_row, end_column) = finding.location()
    line_span = doc.line_span(row)
    line = doc.text[line_span.start : line_span.end]
    end = end_column - 1 if end_row == row else len(line)
    shown, start, stop = _excerpt(line, column - 1, max(end, column))
    gutter = " " * len(str(row))
    caret = " " * start + "^" * max(1, stop - start)
    return [
        f"{gutter} |",
        f"{row} | {shown}",
        f"{gutter} | " + click.style(f"{caret} {diagnostic.code}", fg="red", bold=True),
        f"{gutter} |",
    ]


def _notes(finding: Finding, documents: Mapping[str, Document]) -> list[str]:
    lines = []
    fix = finding.diagnostic.fix
    if fix is not None:
        label = "help" if fix.applicability == "safe" else "help (unsafe)"
        lines.append(f"  = {click.style(label, fg='cyan', bold=True)}: {fix.message}")
    for doc, related in finding.related_places(documents):
        row, column = doc.position(related.span.start)
        where = (
            f"{row}:{column}"
            if doc is finding.document
            else f"{display_path(doc.path)}:{row}:{column}"
        )
        lines.append(f"  = {click.style('note', bold=True)}: {where}: {related.message}")
    return lines


def render(findings: Sequence[Finding], documents: Mapping[str, Document]) -> str:
    blocks = []
    for finding in findings:
        lines = [headline(finding), *_snippet(finding), *_notes(finding, documents)]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
