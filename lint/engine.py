"""The run itself: collect facts, build the corpus index, check, filter.

The engine knows rules only by the codes the registry lists, as deferred
rules that load their class when they must check or collect; it never names one.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtlint import registry
from mtlint.cache import Cache, CacheEntry, KnownFile, content_key
from mtlint.config import Config, codes_in
from mtlint.corpus import CorpusIndex
from mtlint.deferred import DeferredRule, traits_of
from mtlint.diagnostics import Diagnostic, sort_key
from mtlint.digest import hex_digest
from mtlint.document import Document
from mtlint.errors import ConfigError
from mtlint.filter import DiagnosticFilter
from mtlint.glossary import load_glossary
from mtlint.languages import SourceLanguages
from mtlint.rule import CheckContext
from mtlint.selection import matching, selected_codes

if TYPE_CHECKING:
    from mtlint.baseline import Baseline
    from mtlint.runners import Runner


_CODE = attrgetter("code")


class Linter:
    """The selected rules of one configuration, ready to lint documents."""

    def __init__(self, config: Config) -> None:
        available = list(registry.available())
        for code, origin in codes_in(config):
            matching(code, available, origin)
        codes = selected_codes(available, config.selection)
        self.config = config
        self.rules = [DeferredRule(code, config.rules.get(code)) for code in codes]
        self.filter = DiagnosticFilter(config, available)
        self.known_codes = frozenset(available)
        #: Problems found in the articles' suppression comments, each reported once.
        self.problems: dict[str, None] = {}
        self.baseline = _baseline(config)
        #: The baseline's fingerprints each checked file used, by the file's baseline name.
        self.baseline_used: dict[str, Counter[str]] = {}
        self.glossary = load_glossary(config)
        self.languages = SourceLanguages(config)

    def fingerprint(self) -> str:
        """What findings depend on besides the text: config, rules and their code."""
        parts = [self.config.fingerprint(), self.glossary.fingerprint()]
        parts.extend(rule.source_stamp() for rule in self.rules)
        return hex_digest("\n".join(parts).encode(), 16)

    def lint(
        self,
        documents: Sequence[Document],
        corpus: Sequence[Document] = (),
        cache: Cache | None = None,
        runner: Runner | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> list[list[Diagnostic]]:
        """Diagnostics for each of ``documents``, with ``corpus`` adding to the index.

        With a ``runner``, the work that depends on one document alone (facts,
        and the findings of document rules) is spread over its workers, and so
        are the corpus checks when the runner can take the index to them.
        ``progress`` is told of every document done, once while the index is
        built and once when its findings are ready.
        """
        advance = progress or (lambda count: None)
        stored_traits = self._learn_traits(cache)
        checked = {doc.key for doc in documents}
        everything = [*documents, *(doc for doc in corpus if doc.key not in checked)]
        memo = Memo(cache, everything, self.languages)
        corpus_rules = [rule for rule in self.rules if rule.is_corpus_rule()]
        spread: set[str] = set()
        if runner is not None:
            spread = self._spread_document_work(
                memo, everything, checked, corpus_rules, runner, advance
            )
        collected = []
        for doc in everything:
            collected.extend((rule.code, doc.key, memo.facts(doc, rule)) for rule in corpus_rules)
            if doc.key not in spread:
                advance(1)
        index = CorpusIndex.build(collected, self.glossary)
        corpus_print = memo.corpus_print(everything)
        index_prints = {rule.code: corpus_print for rule in corpus_rules}
        if runner is not None and runner.spreads_corpus_checks:
            self._spread_corpus_checks(memo, documents, index, index_prints, runner)
        results = []
        for doc in documents:
            results.append(self._check(doc, index, index_prints, memo))
            advance(1)
        memo.save(keep_files=bool(self.config.corpus))
        if cache is not None and not stored_traits:
            cache.store_traits(traits_of(self.rules))
        return results

    def _learn_traits(self, cache: Cache | None) -> bool:
        """Give the rules their traits from the cache; whether it had them all."""
        traits = cache.traits() if cache is not None else None
        if not traits or any(rule.code not in traits for rule in self.rules):
            return False
        for rule in self.rules:
            rule.knows(bool(traits[rule.code]))
        return True

    def _check(
        self, doc: Document, index: CorpusIndex, index_prints: dict[str, str], memo: Memo
    ) -> list[Diagnostic]:
        ctx = CheckContext(index, self.languages.of(doc))
        ignored = self.filter.ignored_codes(doc.path)
        # A document rule's findings are most often known (a worker or the cache found
        # them): taken straight from the entry, they spare a thousand articles 34,000 calls.
        known = memo.entries[doc.key].local
        found: list[Diagnostic] = []
        for rule in self.rules:
            if rule.code in ignored:
                continue
            index_print = index_prints.get(rule.code)
            local = known.get(rule.code) if index_print is None else None
            found.extend(local if local is not None else memo.findings(doc, rule, ctx, index_print))
        return sorted(self._reportable(doc, found), key=sort_key)

    def _reportable(self, doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
        """What survives the per-file ignores, the inline suppressions and the baseline."""
        kept = self.filter.apply(doc.path, found)
        if doc.comments:
            from mtlint.suppressions import Suppressions

            suppressions = Suppressions.of(doc, self.known_codes)
            self.problems.update(dict.fromkeys(suppressions.problems))
            kept = suppressions.apply(kept)
        if self.baseline is not None:
            from mtlint.baseline import file_name

            name = file_name(doc.path, self.config.root)
            kept, self.baseline_used[name] = self.baseline.new_findings(doc, kept, name)
        return kept

    def _spread_document_work(
        self,
        memo: Memo,
        everything: Sequence[Document],
        checked: set[str],
        corpus_rules: Sequence[DeferredRule],
        runner: Runner,
        advance: Callable[[int], None],
    ) -> set[str]:
        """Spread the work still missing, once for articles with the same content (wire
        copy syndicated twice); the keys of the documents it was done for."""
        work = []
        asked: set[tuple[str, tuple[str, ...]]] = set()
        corpus_codes = frozenset(rule.code for rule in corpus_rules)
        for doc in everything:
            rules = self.rules if doc.key in checked else corpus_rules
            missing = memo.missing(doc, rules, corpus_codes)
            if not missing:  # a corpus article the cache knows, most of a large repository
                continue
            ignored = self.filter.ignored_codes(doc.path)
            codes = tuple(c for c in missing if c not in ignored)
            if codes and (memo.keys[doc.key], codes) not in asked:
                asked.add((memo.keys[doc.key], codes))
                work.append((doc, codes))
        if not runner.worth(len(work)):
            return set()
        from mtlint.worker import document_work, found_nothing_else

        for module in sorted({module for rule in corpus_rules for module in rule.preload}):
            importlib.import_module(module)
        tasks = [(doc.source, codes) for doc, codes in work]
        results = runner.map(document_work, tasks, progress=advance)
        for (doc, codes), (facts, local) in zip(work, results, strict=True):
            document_codes = [code for code in codes if code not in corpus_codes]
            memo.learn(doc, facts, found_nothing_else(local, document_codes))
        return {doc.key for doc, _ in work}

    def _spread_corpus_checks(
        self,
        memo: Memo,
        documents: Sequence[Document],
        index: CorpusIndex,
        index_prints: dict[str, str],
        runner: Runner,
    ) -> None:
        work = []
        for doc in documents:
            ignored = self.filter.ignored_codes(doc.path)
            codes = tuple(
                code
                for code, index_print in index_prints.items()
                if code not in ignored and memo.stale(doc, code, index_print)
            )
            if codes:
                work.append((doc, codes))
        if not runner.worth(len(work)):
            return
        from mtlint.worker import corpus_work

        results = runner.map(corpus_work, [(doc.source, codes) for doc, codes in work], index)
        for (doc, _), found in zip(work, results, strict=True):
            for code, findings in found.items():
                memo.learn_corpus(doc, code, index_prints[code], findings)


def _baseline(config: Config) -> Baseline | None:
    if config.baseline is None:
        return None
    path = Path(config.baseline)
    from mtlint.baseline import Baseline

    return Baseline.read(path if path.is_absolute() else config.root / path)


def run_rule(rule: DeferredRule, doc: Document, ctx: CheckContext) -> list[Diagnostic]:
    """What ``rule`` finds in ``doc``, checked to be its own findings, without those in a
    paragraph that repeats an earlier one (unless the rule looks for such paragraphs):
    the editor deletes the copy, and its findings would be reported twice. They are
    dropped here, before the cache keeps them, so that a run answered from the cache
    need not parse the article to find its paragraphs."""
    found = list(rule.check(doc, ctx))
    for diagnostic in found:
        if diagnostic.code != rule.code:
            raise ConfigError(f"rule {rule.code} reported a diagnostic as {diagnostic.code}")
    repeats = doc.repeated_paragraphs if found else frozenset()
    if repeats and not rule.checks_repeated_paragraphs:
        return [d for d in found if doc.paragraph_at(d.span.start) not in repeats]
    return found


class Memo:
    """What is known of each document in one run, from the cache or computed once.

    Documents with the same content share one entry, as they share one cache
    file: facts and a document's own findings depend on the content alone, and
    what a corpus rule found is kept per document name beside them. Entries
    live in memory for the run and the changed ones are written back to the
    cache, when there is one.
    """

    def __init__(
        self, cache: Cache | None, documents: Sequence[Document], languages: SourceLanguages
    ) -> None:
        self.cache = cache
        self.documents = documents
        self.entries: dict[str, CacheEntry] = {}
        self.keys: dict[str, str] = {}
        self.dirty: set[str] = set()
        shared: dict[str, CacheEntry] = {}
        for doc in documents:
            known = None if doc.is_read or cache is None else cache.files.get(doc.key)
            if known is not None:
                key = known.key
                shared.setdefault(key, CacheEntry(facts=dict(known.facts)))
            else:
                key = content_key(doc.text, f"{doc.kind}:{languages.of(doc)}")
            self.keys[doc.key] = key
            if key not in shared:
                shared[key] = (None if cache is None else cache.load(key)) or CacheEntry()
            self.entries[doc.key] = shared[key]

    def _changed(self, doc: Document) -> None:
        self.dirty.add(self.keys[doc.key])

    def corpus_print(self, documents: Sequence[Document]) -> str:
        """A fingerprint of what corpus findings depend on: every document's name and
        content (facts are a function of content, under one configuration)."""
        lines = sorted(f"{doc.key}\0{self.keys[doc.key]}" for doc in documents)
        return hex_digest("\n".join(lines).encode("utf-8", "surrogatepass"), 24)

    def missing(
        self, doc: Document, rules: Sequence[DeferredRule], corpus_codes: frozenset[str]
    ) -> tuple[str, ...]:
        """The codes whose facts (for the ``corpus_codes``) or document-only findings are
        not known yet for ``doc``."""
        entry = self.entries[doc.key]
        if not entry.facts and not entry.local:  # an article new to the run and the cache
            return tuple(map(_CODE, rules))
        return tuple(
            rule.code
            for rule in rules
            if rule.code not in (entry.facts if rule.code in corpus_codes else entry.local)
        )

    def learn(
        self, doc: Document, facts: dict[str, Any], local: dict[str, list[Diagnostic]]
    ) -> None:
        entry = self.entries[doc.key]
        entry.facts.update(facts)
        entry.local.update(local)
        self._changed(doc)

    def facts(self, doc: Document, rule: DeferredRule) -> Any:
        entry = self.entries[doc.key]
        if rule.code not in entry.facts:
            entry.facts[rule.code] = rule.collect(doc)
            self._changed(doc)
        return entry.facts[rule.code]

    def stale(self, doc: Document, code: str, index_print: str) -> bool:
        """Whether the findings of corpus rule ``code`` were found against another index."""
        cached = self.entries[doc.key].corpus.get((code, doc.key))
        return cached is None or cached[0] != index_print

    def learn_corpus(
        self, doc: Document, code: str, index_print: str, findings: list[Diagnostic]
    ) -> None:
        self.entries[doc.key].corpus[(code, doc.key)] = (index_print, findings)
        self._changed(doc)

    def findings(
        self, doc: Document, rule: DeferredRule, ctx: CheckContext, index_print: str | None
    ) -> list[Diagnostic]:
        entry = self.entries[doc.key]
        if index_print is None:
            if rule.code not in entry.local:
                entry.local[rule.code] = run_rule(rule, doc, ctx)
                self._changed(doc)
            return entry.local[rule.code]
        if self.stale(doc, rule.code, index_print):
            self.learn_corpus(doc, rule.code, index_print, run_rule(rule, doc, ctx))
        return entry.corpus[(rule.code, doc.key)][1]

    def save(self, keep_files: bool) -> None:
        """Store the changed entries; with ``keep_files``, where the config sets a corpus,
        also what the cache will know of this run's files (see ``Cache.files``)."""
        if self.cache is None:
            return
        stored = {key: self.entries[name] for name, key in self.keys.items()}
        for key in sorted(self.dirty):
            self.cache.store(key, stored[key])
        if keep_files:
            self.cache.store_files(dict(self._known_files(self.cache.files)))

    def _known_files(self, known: Mapping[str, KnownFile]) -> Iterator[tuple[str, KnownFile]]:
        """The files of this run as a later one may trust them: those read with a stamp,
        and those left unread, as ``known`` (the cache) has them."""
        for doc in self.documents:
            if doc.is_read and doc.source.stamp is not None:
                entry = self.entries[doc.key]
                yield doc.key, KnownFile(doc.source.stamp, self.keys[doc.key], entry.facts)
            elif not doc.is_read:
                yield doc.key, known[doc.key]
