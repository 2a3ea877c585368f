"""The run itself: collect facts, build the corpus index, check, filter.

The engine knows rules only as instances of ``Rule`` handed to it by the
registry; it never names one.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from mtlint import registry
from mtlint.cache import Cache, CacheEntry, fingerprint_of
from mtlint.config import Config, codes_in
from mtlint.corpus import CorpusIndex
from mtlint.diagnostics import Diagnostic, sort_key
from mtlint.document import Document
from mtlint.errors import ConfigError
from mtlint.filter import DiagnosticFilter
from mtlint.glossary import load_glossary
from mtlint.languages import SourceLanguages
from mtlint.rule import CheckContext, Rule
from mtlint.selection import matching, selected_codes


class Linter:
    """The selected rules of one configuration, ready to lint documents."""

    def __init__(self, config: Config) -> None:
        available = list(registry.available())
        for code, origin in codes_in(config):
            matching(code, available, origin)
        codes = selected_codes(available, config.selection)
        classes = registry.load_all(codes)
        self.config = config
        self.rules: list[Rule] = [classes[code](config.rules.get(code)) for code in codes]
        self.filter = DiagnosticFilter(config, available)
        self.glossary = load_glossary(config)
        self.languages = SourceLanguages(config)

    def fingerprint(self) -> str:
        """What findings depend on besides the text: config, rules and their code."""
        parts = [self.config.fingerprint(), self.glossary.fingerprint()]
        for rule in self.rules:
            module = sys.modules[type(rule).__module__]
            stat = os.stat(module.__file__) if module.__file__ else None
            parts.append(
                f"{rule.code}:{type(rule).__module__}.{type(rule).__qualname__}:"
                f"{stat.st_mtime_ns if stat else 0}:{stat.st_size if stat else 0}:{rule.settings!r}"
            )
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]

    def lint(
        self,
        documents: Sequence[Document],
        corpus: Sequence[Document] = (),
        cache: Cache | None = None,
    ) -> list[list[Diagnostic]]:
        """Diagnostics for each of ``documents``, with ``corpus`` adding to the index."""
        checked = {doc.key for doc in documents}
        everything = [*documents, *(doc for doc in corpus if doc.key not in checked)]
        memo = _Memo(cache, everything, self.languages)
        corpus_rules = [rule for rule in self.rules if rule.is_corpus_rule()]
        collected = (
            (rule.code, doc.key, memo.facts(doc, rule))
            for doc in everything
            for rule in corpus_rules
        )
        index = CorpusIndex.build(collected, self.glossary)
        index_prints = {rule.code: fingerprint_of(index.of(rule.code)) for rule in corpus_rules}
        results = [self._check(doc, index, index_prints, memo) for doc in documents]
        memo.save()
        return results

    def _check(
        self, doc: Document, index: CorpusIndex, index_prints: dict[str, str], memo: _Memo
    ) -> list[Diagnostic]:
        ctx = CheckContext(index, self.languages.of(doc))
        ignored = self.filter.ignored_codes(doc.path)
        found: list[Diagnostic] = []
        for rule in self.rules:
            if rule.code in ignored:
                continue
            findings = memo.findings(doc, rule, ctx, index_prints.get(rule.code))
            if not rule.checks_repeated_paragraphs and doc.repeated_paragraphs:
                findings = [d for d in findings if not _in_repeat(doc, d)]
            found.extend(findings)
        return sorted(self.filter.apply(doc.path, found), key=sort_key)


def _in_repeat(doc: Document, diagnostic: Diagnostic) -> bool:
    return doc.paragraph_at(diagnostic.span.start) in doc.repeated_paragraphs


def _run(rule: Rule, doc: Document, ctx: CheckContext) -> list[Diagnostic]:
    found = list(rule.check(doc, ctx))
    for diagnostic in found:
        if diagnostic.code != rule.code:
            raise ConfigError(f"rule {rule.code} reported a diagnostic as {diagnostic.code}")
    return found


class _Memo:
    """Cache look-ups for one run: each document's entry is read once and written once."""

    def __init__(
        self, cache: Cache | None, documents: Sequence[Document], languages: SourceLanguages
    ) -> None:
        self.cache = cache
        self.entries: dict[str, tuple[str, CacheEntry]] = {}
        self.dirty: set[str] = set()
        if cache is not None:
            for doc in documents:
                kind = "markdown" if doc.is_markdown else "text"
                key = cache.key(doc.text, f"{kind}:{languages.of(doc)}")
                self.entries[doc.key] = (key, cache.load(key) or CacheEntry())

    def _entry(self, doc: Document) -> CacheEntry | None:
        found = self.entries.get(doc.key)
        return found[1] if found else None

    def facts(self, doc: Document, rule: Rule) -> Any:
        entry = self._entry(doc)
        if entry is not None and rule.code in entry.facts:
            return entry.facts[rule.code]
        facts = rule.collect(doc)
        if entry is not None:
            entry.facts[rule.code] = facts
            self.dirty.add(doc.key)
        return facts

    def findings(
        self, doc: Document, rule: Rule, ctx: CheckContext, index_print: str | None
    ) -> list[Diagnostic]:
        entry = self._entry(doc)
        if entry is None:
            return _run(rule, doc, ctx)
        if index_print is None:
            if rule.code not in entry.local:
                entry.local[rule.code] = _run(rule, doc, ctx)
                self.dirty.add(doc.key)
            return entry.local[rule.code]
        stamp = f"{index_print}:{doc.key}"
        cached = entry.corpus.get(rule.code)
        if cached is None or cached[0] != stamp:
            cached = (stamp, _run(rule, doc, ctx))
            entry.corpus[rule.code] = cached
            self.dirty.add(doc.key)
        return cached[1]

    def save(self) -> None:
        if self.cache is None:
            return
        for name in sorted(self.dirty):
            key, entry = self.entries[name]
            self.cache.store(key, entry)
