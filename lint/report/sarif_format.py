"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, GitLab) import.

Columns are counted in code points, as everywhere in mtlint, and the run says
so (``columnKind``), since SARIF otherwise counts UTF-16 units. Paths below
the working directory are relative to ``%SRCROOT%`` so that a service can
place them in the repository; each fix becomes a SARIF fix, safe or not, with
its applicability in its properties.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mtlint import __version__, registry
from mtlint.diagnostics import Severity, Span
from mtlint.document import Document
from mtlint.report import Finding, display_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The README section that lists every built-in rule.
RULES_SECTION = "what-it-finds"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def documentation_url() -> str | None:
    """The Documentation URL of mtlint's own package metadata, when it declares one."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("mtlint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation":
            return url.strip()
    return None


def _artifact(doc: Document) -> dict[str, str]:
    shown = display_path(doc.path)
    if Path(shown).is_absolute():
        return {"uri": doc.path.absolute().as_uri()}
    return {"uri": Path(shown).as_posix(), "uriBaseId": "%SRCROOT%"}


def _region(doc: Document, span: Span) -> dict[str, Any]:
    (row, column), (end_row, end_column) = doc.position(span.start), doc.position(span.end)
    region: dict[str, Any] = {
        "startLine": row,
        "startColumn": column,
        "endLine": end_row,
        "endColumn": end_column,
    }
    if span.end > span.start:
        region["snippet"] = {"text": doc.text[span.start : span.end]}
    return region


def _location(doc: Document, span: Span, message: str | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": _artifact(doc), "region": _region(doc, span)}
    }
    if message:
        location["message"] = {"text": message}
    return location


def _rule(code: str, base_url: str | None) -> dict[str, Any]:
    rule = registry.load(code)
    explanation = rule.explanation()
    descriptor: dict[str, Any] = {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": explanation.split("\n\n", 1)[0]},
        "help": {"text": explanation, "markdown": explanation},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fix": rule.fix.value if rule.fix else "none"},
    }
    url = rule.url or (f"{base_url}#{RULES_SECTION}" if base_url else None)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _result(finding: Finding, index: int, documents: Mapping[str, Document]) -> dict[str, Any]:
    doc, diagnostic = finding.document, finding.diagnostic
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [_location(doc, diagnostic.span)],
    }
    related = finding.related_places(documents)
    if related:
        result["relatedLocations"] = [
            {"id": number, **_location(other, place.span, place.message)}
            for number, (other, place) in enumerate(related)
        ]
    fix = diagnostic.fix
    if fix is not None:
        result["fixes"] = [
            {
                "description": {"text": fix.message},
                "artifactChanges": [
                    {
                        "artifactLocation": _artifact(doc),
                        "replacements": [
                            {
                                "deletedRegion": _region(doc, edit.span),
                                "insertedContent": {"text": edit.replacement},
                            }
                            for edit in fix.edits
                        ],
                    }
                ],
                "properties": {"applicability": fix.applicability.value},
            }
        ]
    return result


def report(findings: Sequence[Finding], documents: Mapping[str, Document]) -> dict[str, Any]:
    codes = sorted({finding.diagnostic.code for finding in findings})
    base_url = documentation_url()
    driver: dict[str, Any] = {
        "name": "mtlint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(code, base_url) for code in codes],
    }
    if base_url:
        driver["informationUri"] = base_url
    positions = {code: number for number, code in enumerate(codes)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "results": [
                    _result(finding, positions[finding.diagnostic.code], documents)
                    for finding in findings
                ],
            }
        ],
    }


def render(findings: Sequence[Finding], documents: Mapping[str, Document]) -> str:
    return json.dumps(report(findings, documents), indent=2, ensure_ascii=False) + "\n"
