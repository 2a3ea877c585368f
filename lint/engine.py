"""The run itself: collect facts, build the corpus index, check, filter.

The engine knows rules only as instances of ``Rule`` handed to it by the
registry; it never names one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mtlint import registry
from mtlint.config import Config, codes_in
from mtlint.corpus import CorpusIndex
from mtlint.diagnostics import Diagnostic, sort_key
from mtlint.document import Document
from mtlint.errors import ConfigError
from mtlint.filter import DiagnosticFilter
from mtlint.rule import CheckContext, Rule
from mtlint.selection import matching, selected_codes


def document_key(path: Path) -> str:
    """How the corpus index names a document: its absolute path."""
    return str(path.absolute())


class Linter:
    """The selected rules of one configuration, ready to lint documents."""

    def __init__(
        self, config: Config, rule_classes: Mapping[str, type[Rule]] | None = None
    ) -> None:
        available = list(rule_classes) if rule_classes is not None else list(registry.available())
        for code, origin in codes_in(config):
            matching(code, available, origin)
        codes = selected_codes(available, config.selection)
        classes = rule_classes if rule_classes is not None else registry.load_all(codes)
        self.config = config
        self.rules: list[Rule] = [classes[code](config.rules.get(code)) for code in codes]
        self.filter = DiagnosticFilter(config, available)

    def index(self, documents: Iterable[Document]) -> CorpusIndex:
        corpus_rules = [rule for rule in self.rules if rule.is_corpus_rule()]
        if not corpus_rules:
            return CorpusIndex()
        return CorpusIndex.build(
            (rule.code, document_key(doc.path), rule.collect(doc))
            for doc in documents
            for rule in corpus_rules
        )

    def check(self, doc: Document, index: CorpusIndex) -> list[Diagnostic]:
        ctx = CheckContext(index)
        ignored = self.filter.ignored_codes(doc.path)
        found: list[Diagnostic] = []
        for rule in self.rules:
            if rule.code in ignored:
                continue
            for diagnostic in rule.check(doc, ctx):
                if diagnostic.code != rule.code:
                    raise ConfigError(
                        f"rule {rule.code} reported a diagnostic as {diagnostic.code}"
                    )
                found.append(diagnostic)
        return sorted(self.filter.apply(doc.path, found), key=sort_key)

    def lint(
        self, documents: Sequence[Document], corpus: Sequence[Document] = ()
    ) -> list[list[Diagnostic]]:
        """Diagnostics for each of ``documents``, with ``corpus`` adding to the index."""
        checked = {document_key(doc.path) for doc in documents}
        extra = [doc for doc in corpus if document_key(doc.path) not in checked]
        index = self.index([*documents, *extra])
        return [self.check(doc, index) for doc in documents]
