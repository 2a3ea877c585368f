"""Rules imported only when they must check or collect.

A run whose findings all come from the cache needs of its rules only their
codes and whether each compares articles; the cache keeps that trait beside
the entries, so such a run imports no rule module at all. A rule with
settings in the config is loaded at once, so that a bad option is reported
before any work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mtlint import registry
from mtlint.machine_cache import module_stamp
from mtlint.rule import Rule


class DeferredRule:
    """A rule known by its code until its class is needed."""

    def __init__(self, code: str, settings: Mapping[str, Any] | None = None) -> None:
        self.code = code
        self._settings = settings
        self._rule: Rule | None = None
        self._corpus: bool | None = None
        if settings is not None:
            self._rule = registry.load(code)(settings)

    @property
    def rule(self) -> Rule:
        if self._rule is None:
            self._rule = registry.load(self.code)(self._settings)
        return self._rule

    def knows(self, corpus: bool) -> None:
        """Learn from the cache whether the rule compares articles."""
        self._corpus = corpus

    def is_corpus_rule(self) -> bool:
        if self._corpus is None:
            self._corpus = self.rule.is_corpus_rule()
        return self._corpus

    def __getattr__(self, name: str) -> Any:
        """The rule's attribute, kept here once loaded: a check asks for ``check`` for
        every article, and a kept attribute is found without coming back here."""
        value = getattr(self.rule, name)
        self.__dict__[name] = value
        return value

    def source_stamp(self) -> str:
        """Where the rule's code lives and when it changed, without importing it."""
        entry_point = registry.available()[self.code]
        return f"{self.code}:{entry_point.value}:{module_stamp(entry_point.module)}"


def traits_of(rules: Iterable[DeferredRule]) -> dict[str, bool]:
    return {rule.code: rule.is_corpus_rule() for rule in rules}
