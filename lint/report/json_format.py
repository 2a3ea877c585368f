"""Ruff's JSON shape, plus ``name``, ``severity`` and the related places.

Rows and columns are 1-based, columns count characters, and an end location
is exclusive, so editors and CI tools written for Ruff read it unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from mtlint.diagnostics import Span
from mtlint.document import Document
from mtlint.report import Finding


def _location(doc: Document, offset: int) -> dict[str, int]:
    row, column = doc.position(offset)
    return {"row": row, "column": column}


def _range(doc: Document, span: Span) -> dict[str, dict[str, int]]:
    return {"location": _location(doc, span.start), "end_location": _location(doc, span.end)}


def _entry(finding: Finding, documents: Mapping[str, Document]) -> dict[str, Any]:
    doc = finding.document
    diagnostic = finding.diagnostic
    fix = diagnostic.fix
    related = [
        {
            "filename": str(other.path.absolute()),
            **_range(other, place.span),
            "message": place.message,
        }
        for other, place in finding.related_places(documents)
    ]
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "filename": str(doc.path.absolute()),
        **_range(doc, diagnostic.span),
        "fix": None
        if fix is None
        else {
            "applicability": fix.applicability.value,
            "message": fix.message,
            "edits": [{"content": e.replacement, **_range(doc, e.span)} for e in fix.edits],
        },
        "related": related,
    }


def render(findings: Sequence[Finding], documents: Mapping[str, Document]) -> str:
    return json.dumps([_entry(f, documents) for f in findings], indent=2, ensure_ascii=False) + "\n"
