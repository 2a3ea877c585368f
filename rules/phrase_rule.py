"""What the calque and false-friend rules share: matching a phrasebook against an article."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.rule import CheckContext, Option, Rule
from mtlint.rules.casing import lowered_prose
from mtlint.rules.phrasebook import (
    Entry,
    EntryIndex,
    builtin_entries,
    suggestion_for,
    user_entries,
)

if TYPE_CHECKING:
    from mtlint.lazy_pattern import AnyMatch


class PhrasebookRule(Rule):
    """Base for rules driven by a translationese phrasebook; ``kind`` names its entries."""

    kind: str
    label: str
    fix = Applicability.UNSAFE
    options = {
        "extra": Option(
            [],
            "Entries of your own: tables with pattern, suggestions, explanation and, "
            'optionally, confidence ("high" or "low") and language',
        ),
    }

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        self.entries: tuple[Entry, ...] = builtin_entries(self.kind) + user_entries(
            self.code, self.settings["extra"]
        )
        self._indexes: dict[str | None, EntryIndex] = {}

    def _index(self, source_language: str | None) -> EntryIndex:
        """The index of the entries that apply to articles from ``source_language``: the
        entries of other languages' phrasebooks apply to none, and need not even be read."""
        index = self._indexes.get(source_language)
        if index is None:
            entries = [entry for entry in self.entries if entry.applies(source_language)]
            index = self._indexes[source_language] = EntryIndex(entries)
        return index

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        taken: list[Span] = []
        for entry in self._index(ctx.source_language).candidates(doc.derived(lowered_prose)):
            for match in entry.matches(doc.prose):
                span = Span(match.start(), match.end())
                if any(span.overlaps(other) for other in taken) or not doc.is_prose(span):
                    continue
                taken.append(span)
                yield self._finding(match, span, entry, _starts_sentence(doc.prose, span.start))

    def _finding(
        self, match: AnyMatch, span: Span, entry: Entry, sentence_start: bool
    ) -> Diagnostic:
        matched = match.group()
        suggestions = " or ".join(f'"{s}"' for s in entry.suggestions)
        fix = None
        first = entry.suggestions[0]
        if not first.startswith("("):
            replacement = suggestion_for(first, capitalised=sentence_start)
            fix = Fix.replace(span, replacement, f'Write "{replacement}"', Applicability.UNSAFE)
        return self.diagnostic(
            span,
            f'"{matched}" is {self.label}{entry.origin} ({entry.explanation}): '
            f"consider {suggestions}",
            fix,
        )


def _starts_sentence(prose: str, offset: int) -> bool:
    before = prose[:offset].rstrip()
    return not before or before[-1] in '.!?"“”\n'
