"""The work one document needs, done wherever a runner sends it: a local process
pool or a Dask worker.

Tasks carry the configuration rather than a linter, so a worker builds the
linter of a configuration once and reuses it for every chunk it is given. A
worker stores the patterns it compiled (see ``lazy_pattern.remember_compiled``)
after each chunk: a pool's processes end without going back to the run that
stores its own, and each of them compiled the same patterns again in the next run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mtlint.config import Config
from mtlint.corpus import CorpusIndex
from mtlint.diagnostics import Diagnostic
from mtlint.document import Document
from mtlint.lazy_pattern import remember_compiled
from mtlint.rule import CheckContext
from mtlint.source import SourceFile

if TYPE_CHECKING:
    from mtlint.deferred import DeferredRule
    from mtlint.engine import Linter

#: One document to work on and the rule codes wanted for it.
Task = tuple[SourceFile, tuple[str, ...]]

_linters: dict[tuple[str, str], Linter] = {}


def linter_for(config: Config) -> Linter:
    """The worker's linter for ``config``, built on first use."""
    from mtlint.engine import Linter

    key = (str(config.root), config.fingerprint())
    if key not in _linters:
        _linters[key] = Linter(config)
    return _linters[key]


def document_work(
    config: Config, tasks: Sequence[Task]
) -> list[tuple[dict[str, Any], dict[str, list[Diagnostic]]]]:
    """For each task, the facts of the corpus rules and the findings of the others, of
    the rules that found something only: the run takes the others to have found nothing
    (see ``found_nothing_else``), and the 33,000 empty lists of a thousand articles took
    10 ms to send and receive.

    Each rule is run directly, without the run's ``Memo``: a worker has nothing cached to
    consult, and going through it cost a thousand articles 20 ms of bookkeeping."""
    from mtlint.engine import run_rule

    linter = linter_for(config)
    plans: dict[tuple[str, ...], list[tuple[DeferredRule, bool]]] = {}
    index = CorpusIndex(glossary=linter.glossary)
    results = []
    for source, codes in tasks:
        plan = plans.get(codes)
        if plan is None:
            wanted = set(codes)
            plan = plans[codes] = [
                (rule, rule.is_corpus_rule()) for rule in linter.rules if rule.code in wanted
            ]
        doc = Document(source)
        ctx = CheckContext(index, linter.languages.of(doc))
        facts: dict[str, Any] = {}
        local: dict[str, list[Diagnostic]] = {}
        for rule, collects in plan:
            if collects:
                facts[rule.code] = rule.collect(doc)
            else:
                found = run_rule(rule, doc, ctx)
                if found:
                    local[rule.code] = found
        results.append((facts, local))
    remember_compiled()
    return results


def found_nothing_else(
    local: dict[str, list[Diagnostic]], codes: Sequence[str]
) -> dict[str, list[Diagnostic]]:
    """The findings ``document_work`` sent, with an empty list for each other of ``codes``."""
    return {code: local.get(code) or [] for code in codes}


def corpus_work(
    config: Config, tasks: Sequence[Task], index: CorpusIndex
) -> list[dict[str, list[Diagnostic]]]:
    """For each task, the findings of the corpus rules against the whole index."""
    from mtlint.engine import run_rule

    linter = linter_for(config)
    results = []
    for source, codes in tasks:
        doc = Document(source)
        ctx = CheckContext(index, linter.languages.of(doc))
        results.append(
            {rule.code: run_rule(rule, doc, ctx) for rule in linter.rules if rule.code in codes}
        )
    remember_compiled()
    return results
