"""Every rule's cases, from ``tests/rule_cases/<CODE>.toml``: a new case needs no new test."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from mtlint.config import Config
from mtlint.diagnostics import Applicability
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.fixer import fix_documents
from mtlint.registry import available

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

CASES = Path(__file__).parent / "rule_cases"


def _cases(kind: str) -> list[Any]:
    found = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for number, case in enumerate(data.get(kind, []), 1):
            found.append(pytest.param(path.stem, case, id=f"{path.stem}-{kind}-{number}"))
    return found


def _linter(code: str, case: dict[str, Any]) -> Linter:
    options = case.get("options")
    rules = {code: options} if options else {}
    names = {name: tuple(v) for name, v in case.get("names", {}).items()}
    return Linter(Config(root=Path.cwd(), select=(code,), rules=rules, names=names))


def _document(case: dict[str, Any]) -> Document:
    return Document.from_text(case["text"], case.get("path", "article.txt"))


def _others(case: dict[str, Any]) -> list[Document]:
    """The other articles of the repository, for rules that compare articles."""
    return [
        Document.from_text(text, f"other-{number}.txt")
        for number, text in enumerate(case.get("others", []), 1)
    ]


def test_every_registered_rule_has_cases() -> None:
    assert sorted(available()) == sorted(p.stem for p in CASES.glob("*.toml"))


@pytest.mark.parametrize(("code", "case"), _cases("bad"))
def test_bad(code: str, case: dict[str, Any]) -> None:
    doc = _document(case)
    others = _others(case)
    linter = _linter(code, case)
    found = linter.lint([doc], others)[0]
    assert [d.code for d in found] == [code] * len(case["flagged"])
    assert [doc.text[d.span.start : d.span.end] for d in found] == case["flagged"]
    if "message" in case:
        assert found[0].message == case["message"]
    allowed = frozenset(Applicability) if case.get("unsafe") else frozenset({Applicability.SAFE})
    outcome = fix_documents(linter, [doc], others, allowed)
    assert outcome.documents[0].text == case.get("fixed", case["text"])
    again = fix_documents(linter, outcome.documents, others, allowed)
    assert again.documents[0].text == outcome.documents[0].text


@pytest.mark.parametrize(("code", "case"), _cases("good"))
def test_good(code: str, case: dict[str, Any]) -> None:
    assert _linter(code, case).lint([_document(case)], _others(case))[0] == []
