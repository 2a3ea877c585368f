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
from mtlint.source import SourceFile


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
        jobs: int = 1,
    ) -> list[list[Diagnostic]]:
        """Diagnostics for each of ``documents``, with ``corpus`` adding to the index.

        With ``jobs`` above one, the work that depends on one document alone
        (facts, and the findings of document rules) runs in a process pool.
        """
        checked = {doc.key for doc in documents}
        everything = [*documents, *(doc for doc in corpus if doc.key not in checked)]
        memo = _Memo(cache, everything, self.languages)
        if jobs > 1:
            self._prefill(memo, everything, documents, jobs)
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

    def _prefill(
        self, memo: _Memo, everything: Sequence[Document], checked: Sequence[Document], jobs: int
    ) -> None:
        checked_keys = {doc.key for doc in checked}
        work = []
        for doc in everything:
            rules = [r for r in self.rules if r.is_corpus_rule() or doc.key in checked_keys]
            ignored = self.filter.ignored_codes(doc.path)
            codes = tuple(c for c in memo.missing(doc, rules) if c not in ignored)
            if codes:
                work.append((doc, codes))
        if len(work) < PARALLEL_THRESHOLD:
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        chunk = max(1, len(work) // (jobs * 8))
        with ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_start_worker, initargs=(self.config,)
        ) as pool:
            tasks = [(doc.source, codes) for doc, codes in work]
            for (doc, _), (facts, local) in zip(
                work, pool.map(_work, tasks, chunksize=chunk), strict=True
            ):
                memo.learn(doc, facts, local)


#: Below this many documents to compute, starting a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64
_worker: Linter | None = None


def _start_worker(config: Config) -> None:
    global _worker
    _worker = Linter(config)


def _work(
    task: tuple[SourceFile, tuple[str, ...]],
) -> tuple[dict[str, Any], dict[str, list[Diagnostic]]]:
    """In a worker: the facts and document-only findings of one document."""
    source, codes = task
    if _worker is None:
        raise RuntimeError("the worker was started without a linter")
    doc = Document(source)
    memo = _Memo(None, [doc], _worker.languages)
    ctx = CheckContext(CorpusIndex(glossary=_worker.glossary), _worker.languages.of(doc))
    for rule in _worker.rules:
        if rule.code not in codes:
            continue
        if rule.is_corpus_rule():
            memo.facts(doc, rule)
        else:
            memo.findings(doc, rule, ctx, None)
    entry = memo.entries[doc.key]
    return entry.facts, entry.local


def _in_repeat(doc: Document, diagnostic: Diagnostic) -> bool:
    return doc.paragraph_at(diagnostic.span.start) in doc.repeated_paragraphs


def _run(rule: Rule, doc: Document, ctx: CheckContext) -> list[Diagnostic]:
    found = list(rule.check(doc, ctx))
    for diagnostic in found:
        if diagnostic.code != rule.code:
            raise ConfigError(f"rule {rule.code} reported a diagnostic as {diagnostic.code}")
    return found


class _Memo:
    """What is known of each document in one run, from the cache or computed once.

    Entries live in memory for the run and are written back to the cache, when
    there is one, for the documents whose entries changed.
    """

    def __init__(
        self, cache: Cache | None, documents: Sequence[Document], languages: SourceLanguages
    ) -> None:
        self.cache = cache
        self.entries: dict[str, CacheEntry] = {}
        self.keys: dict[str, str] = {}
        self.dirty: set[str] = set()
        for doc in documents:
            entry = None
            if cache is not None:
                kind = "markdown" if doc.is_markdown else "text"
                self.keys[doc.key] = cache.key(doc.text, f"{kind}:{languages.of(doc)}")
                entry = cache.load(self.keys[doc.key])
            self.entries[doc.key] = entry or CacheEntry()

    def missing(self, doc: Document, rules: Sequence[Rule]) -> tuple[str, ...]:
        """The codes whose facts or document-only findings are not known yet for ``doc``."""
        entry = self.entries[doc.key]
        return tuple(
            rule.code
            for rule in rules
            if (
                rule.code not in entry.facts
                if rule.is_corpus_rule()
                else rule.code not in entry.local
            )
        )

    def learn(
        self, doc: Document, facts: dict[str, Any], local: dict[str, list[Diagnostic]]
    ) -> None:
        entry = self.entries[doc.key]
        entry.facts.update(facts)
        entry.local.update(local)
        self.dirty.add(doc.key)

    def facts(self, doc: Document, rule: Rule) -> Any:
        entry = self.entries[doc.key]
        if rule.code not in entry.facts:
            entry.facts[rule.code] = rule.collect(doc)
            self.dirty.add(doc.key)
        return entry.facts[rule.code]

    def findings(
        self, doc: Document, rule: Rule, ctx: CheckContext, index_print: str | None
    ) -> list[Diagnostic]:
        entry = self.entries[doc.key]
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
            self.cache.store(self.keys[name], self.entries[name])
