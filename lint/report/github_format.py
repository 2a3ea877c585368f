"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

Values are escaped as the runner expects (``%``, CR and LF everywhere, ``:`` and
``,`` in properties too), so a message can never end the command early.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mtlint.diagnostics import Severity
from mtlint.document import Document
from mtlint.report import Finding

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    diagnostic = finding.diagnostic
    (row, column), (end_row, end_column) = finding.location()
    properties = ",".join(
        [
            f"file={_property(finding.filename)}",
            f"line={row}",
            f"col={column}",
            f"endLine={end_row}",
            f"endColumn={end_column}",
            f"title={_property(f'{diagnostic.code} {diagnostic.name}')}",
        ]
    )
    return f"::{COMMANDS[diagnostic.severity]} {properties}::{_data(diagnostic.message)}"


def render(findings: Sequence[Finding], documents: Mapping[str, Document]) -> str:
    return "".join(annotation(finding) + "\n" for finding in findings)
