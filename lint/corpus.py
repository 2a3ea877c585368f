"""What the whole article set knows, for rules that compare one article with the rest.

Each corpus rule's ``collect`` turns a document into small picklable facts;
the index keeps them per rule and per document, so a rule can look at every
other article while checking one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from mtlint.glossary import Glossary


class CorpusIndex(NamedTuple):
    """Facts per rule code, per document key (the document's path)."""

    #: Read, never written: the empty default is shared.
    facts: Mapping[str, Mapping[str, Any]] = {}
    glossary: Glossary = Glossary()

    @classmethod
    def build(
        cls, collected: Iterable[tuple[str, str, Any]], glossary: Glossary | None = None
    ) -> CorpusIndex:
        """Merge ``(rule code, document key, facts)`` triples; later ones win."""
        merged: dict[str, dict[str, Any]] = {}
        for code, key, facts in collected:
            if facts is not None:
                merged.setdefault(code, {})[key] = facts
        facts = {code: dict(sorted(per_doc.items())) for code, per_doc in merged.items()}
        return cls(facts, glossary or Glossary())

    def of(self, code: str) -> Mapping[str, Any]:
        """Every document's facts for one rule, in a stable order."""
        return self.facts.get(code, {})

    def others(self, code: str, key: str) -> Mapping[str, Any]:
        """The facts of every document but ``key``."""
        return {other: facts for other, facts in self.of(code).items() if other != key}
