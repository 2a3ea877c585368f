"""Professional articles dense with what a careless rule would flag: mtlint stays silent.

The articles in ``tests/traps/`` are checked together, as one repository, with
every rule, so a trap for one rule is also a trap for the others.
"""

from __future__ import annotations

from pathlib import Path

from mtlint.config import Config
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.source import read_source

TRAPS = Path(__file__).resolve().parent / "traps"


def test_trap_articles_draw_no_finding() -> None:
    documents = [Document(read_source(path)) for path in sorted(TRAPS.iterdir())]
    assert len(documents) >= 3
    results = Linter(Config(root=TRAPS)).lint(documents)
    found = [
        f"{doc.path.name}:{doc.position(d.span.start)[0]}: {d.code} {d.message}"
        for doc, diagnostics in zip(documents, results, strict=True)
        for d in diagnostics
    ]
    assert found == []
