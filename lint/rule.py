"""What a rule is: a small class that declares itself and checks documents.

A rule declares its public ``code``, ``name``, ``summary``, default
``severity``, the ``fix`` it can offer and its ``options`` as class
attributes beside its logic, and explains itself in its docstring with the
sections ``mtlint rule CODE`` prints (an *Example* and a *Use instead*).
Document rules implement ``check``; corpus rules also implement ``collect``,
whose picklable facts the engine merges into the ``CorpusIndex``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Related, Severity, Span
from mtlint.errors import ConfigError

if TYPE_CHECKING:
    from mtlint.corpus import CorpusIndex
    from mtlint.document import Document


class Option(NamedTuple):
    """A rule option: its default, the type it must have, and what it does."""

    default: Any
    help: str
    choices: Sequence[Any] | None = None

    def validate(self, code: str, key: str, value: Any) -> Any:
        expected = type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(
                f"rules.{code}.{key}: expected {expected.__name__}, got {type(value).__name__}"
            )
        if self.choices is not None and value not in self.choices:
            allowed = ", ".join(repr(c) for c in self.choices)
            raise ConfigError(f"rules.{code}.{key}: {value!r} is not one of {allowed}")
        return value


class CheckContext(NamedTuple):
    """What a rule may consult besides the document."""

    index: CorpusIndex
    #: The language the article was translated from, when the config or its front matter says.
    source_language: str | None = None


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    fix: ClassVar[Applicability | None] = None
    options: ClassVar[Mapping[str, Option]] = {}
    #: Where the rule is documented, for SARIF's help link; built-in rules share mtlint's.
    url: ClassVar[str | None] = None
    #: Findings inside a paragraph that repeats an earlier one verbatim are dropped,
    #: since deleting the repeat (the finding of a repetition rule) removes them too.
    checks_repeated_paragraphs: ClassVar[bool] = False
    #: Modules a corpus rule's check imports when it first needs them, which a run about
    #: to spread work over worker processes imports first: the workers it forks inherit
    #: them, and the run needs them anyway to check articles against the index.
    preload: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        settings = dict(settings or {})
        unknown = sorted(set(settings) - set(self.options))
        if unknown:
            known = ", ".join(sorted(self.options)) or "none"
            raise ConfigError(
                f"rules.{self.code}: unknown option {unknown[0]!r} (options: {known})"
            )
        self.settings: dict[str, Any] = {
            key: option.validate(self.code, key, settings.get(key, option.default))
            for key, option in self.options.items()
        }

    @classmethod
    def is_corpus_rule(cls) -> bool:
        return cls.collect is not Rule.collect

    @classmethod
    def explanation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def collect(self, doc: Document) -> Any:
        """Facts about ``doc`` for the corpus index; ``None`` for document rules."""
        return None

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def diagnostic(
        self,
        span: Span,
        message: str,
        fix: Fix | None = None,
        related: Iterable[Related] = (),
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A finding of this rule; ``severity`` overrides the rule's own for this one."""
        return Diagnostic(
            self.code, self.name, severity or self.severity, message, span, fix, tuple(related)
        )
