"""The seed articles produce exactly the findings recorded in ``seeds/expected.toml``."""

from __future__ import annotations

import sys
from pathlib import Path

from mtlint.config import Config
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.source import read_source

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_findings_are_exactly_the_expected_ones() -> None:
    documents = [Document(read_source(path)) for path in sorted(SEEDS.glob("*.txt"))]
    results = Linter(Config(root=SEEDS)).lint(documents)
    found = sorted(
        (doc.path.name, d.code, *doc.position(d.span.start), doc.text[d.span.start : d.span.end])
        for doc, diagnostics in zip(documents, results, strict=True)
        for d in diagnostics
    )
    expected = tomllib.loads((SEEDS / "expected.toml").read_text("utf-8"))["finding"]
    assert found == sorted(
        (e["file"], e["code"], e["line"], e["column"], e["text"]) for e in expected
    )
