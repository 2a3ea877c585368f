"""One line per finding: ``path:row:col: CODE [*] message``, as grep and editors expect."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import click

from mtlint.document import Document
from mtlint.report import Finding


def fix_marker(finding: Finding) -> str:
    fix = finding.diagnostic.fix
    if fix is None:
        return ""
    return "[*] " if fix.applicability == "safe" else "[-] "


def headline(finding: Finding) -> str:
    diagnostic = finding.diagnostic
    (row, column), _ = finding.location()
    where = click.style(f"{finding.filename}", bold=True) + f":{row}:{column}:"
    code = click.style(diagnostic.code, fg="red", bold=True)
    return f"{where} {code} {fix_marker(finding)}{diagnostic.message}"


def render(findings: Sequence[Finding], documents: Mapping[str, Document]) -> str:
    return "".join(headline(finding) + "\n" for finding in findings)
