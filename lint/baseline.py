"""A baseline: the findings an archive had when mtlint was adopted, so that only new
ones are reported.

A finding is recorded by a fingerprint of its code, its file (relative to the
configuration's root), the flagged text and a little of the text around it,
never by line or column, so it still matches after lines above it move. Two
identical findings in one file share a fingerprint and are counted. The file
is JSON, sorted, with the flagged text beside each fingerprint so that a
reviewer can read what was accepted.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from mtlint.diagnostics import Diagnostic
from mtlint.document import Document
from mtlint.errors import ConfigError, InputError
from mtlint.files import relative_path
from mtlint.writer import replace_file

FORMAT_VERSION = 1
#: Characters of context on each side of the flagged text, within its line, that a
#: fingerprint includes: enough to tell two findings apart, not so much that an edit
#: to a neighbouring sentence makes an old finding look new.
CONTEXT = 20


class Entry(NamedTuple):
    fingerprint: str
    code: str
    file: str
    text: str


def file_name(path: Path, root: Path) -> str:
    return relative_path(path.absolute(), root) or path.as_posix()


def entry_of(doc: Document, diagnostic: Diagnostic, name: str) -> Entry:
    """The record of ``diagnostic`` in ``doc``, whose name in the baseline is ``name``."""
    span = diagnostic.span
    flagged = doc.text[span.start : span.end]
    line_start = doc.text.rfind("\n", 0, span.start) + 1
    line_end = doc.text.find("\n", span.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    before = " ".join(doc.text[max(line_start, span.start - CONTEXT) : span.start].split())
    after = " ".join(doc.text[span.end : min(line_end, span.end + CONTEXT)].split())
    digest = hashlib.sha256(
        "\0".join((diagnostic.code, name, before, flagged, after)).encode("utf-8", "surrogatepass")
    ).hexdigest()[:20]
    return Entry(digest, diagnostic.code, name, flagged)


@dataclass
class Baseline:
    """Accepted findings, counted per fingerprint and grouped by file."""

    counts: Counter[str] = field(default_factory=Counter)
    entries: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such baseline file") from None
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise ConfigError(f"{path}: cannot read the baseline ({error})") from None
        baseline = cls()
        try:
            if data["version"] != FORMAT_VERSION:
                raise ConfigError(f"{path}: baseline format {data['version']!r} is not supported")
            for item in data["findings"]:
                entry = Entry(item["fingerprint"], item["code"], item["file"], item["text"])
                baseline.entries[entry.fingerprint] = entry
                baseline.counts[entry.fingerprint] += int(item.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"{path}: not an mtlint baseline") from None
        return baseline

    def new_findings(
        self, doc: Document, diagnostics: Sequence[Diagnostic], name: str
    ) -> tuple[list[Diagnostic], Counter[str]]:
        """The findings the baseline does not account for, and the fingerprints it used."""
        used: Counter[str] = Counter()
        kept = []
        for diagnostic in diagnostics:
            fingerprint = entry_of(doc, diagnostic, name).fingerprint
            if used[fingerprint] < self.counts[fingerprint]:
                used[fingerprint] += 1
            else:
                kept.append(diagnostic)
        return kept, used

    def stale(self, checked: Iterable[str], used: Mapping[str, Counter[str]]) -> int:
        """How many accepted findings of the checked files no longer occur."""
        files = set(checked)
        return sum(
            count - used.get(entry.file, Counter())[fingerprint]
            for fingerprint, count in self.counts.items()
            if (entry := self.entries[fingerprint]).file in files
        )


def write_baseline(
    path: Path,
    findings: Iterable[tuple[Document, Diagnostic]],
    root: Path,
    checked: Iterable[str],
) -> int:
    """Record ``findings``, keeping what an existing baseline says of files not checked now."""
    names: dict[str, str] = {}
    counts: Counter[Entry] = Counter()
    for doc, diagnostic in findings:
        if doc.key not in names:
            names[doc.key] = file_name(doc.path, root)
        counts[entry_of(doc, diagnostic, names[doc.key])] += 1
    files = set(checked)
    if path.exists():
        previous = Baseline.read(path)
        for fingerprint, count in previous.counts.items():
            entry = previous.entries[fingerprint]
            if entry.file not in files:
                counts[entry] += count
    rows: list[dict[str, Any]] = [
        {"fingerprint": e.fingerprint, "code": e.code, "file": e.file, "text": e.text, "count": n}
        for e, n in sorted(
            counts.items(), key=lambda item: (item[0].file, item[0].code, item[0].fingerprint)
        )
    ]
    document = {"tool": "mtlint", "version": FORMAT_VERSION, "findings": rows}
    _write(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return sum(counts.values())


def _write(path: Path, text: str) -> None:
    try:
        replace_file(path, text.encode("utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot write the baseline ({error.strerror or error})") from None
