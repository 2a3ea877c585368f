"""E001 name-variant."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Related, Span
from mtlint.document import Document
from mtlint.rule import CheckContext, Rule
from mtlint.rules.name_variants import (
    People,
    Rank,
    lines_of,
    name_facts,
    tie_reason,
    times,
    variant_groups,
)


class NameVariant(Rule):
    """A name is spelled two ways in one article ("Greener" and "Griner").

    ## What it does
    Finds the words of people's and places' names that one article spells in
    different ways, and suggests the spelling the article uses most.

    ## Why is this bad?
    Translation engines transliterate a name afresh in every sentence, so one
    person becomes two: readers cannot tell whether "Britney Greener" and
    "Ms. Griner" are the same woman, and searches miss half the mentions.

    ## Example
    ```
    The offer concerns Britney Greener. Ms. Griner was sentenced in August.
    Ms. Griner's lawyers appealed.
    ```

    ## Use instead
    ```
    The offer concerns Brittney Griner. Ms. Griner was sentenced in August.
    Ms. Griner's lawyers appealed.
    ```

    ## Fix safety
    Unsafe: choosing the spelling is a judgment. The glossary's spelling wins,
    then the one the article uses most; on a tie, the spelling more common in
    English text. Two people are never merged: full names with different given
    names ("Paul Whelan", "Kevin Whalen") keep their surnames apart.
    """

    code = "E001"
    name = "name-variant"
    summary = "A name is spelled two ways in one article"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        facts = doc.derived(name_facts)
        glossary = ctx.index.glossary
        known = glossary.canonical_words | set(glossary.variants)
        for group in variant_groups(facts.roles, People(facts.full_names)):
            if known.intersection(group):
                continue
            ranked = sorted(group, key=lambda f: Rank(f, (facts.count(f),), frozenset(), ()))
            winner, places = ranked[0], facts.places[ranked[0]]
            for form in ranked[1:]:
                explanation = _explanation(
                    doc, winner, form, places, tie=facts.count(form) == len(places)
                )
                for start, end in facts.places[form]:
                    span = Span(start, end)
                    message = f"'{form}' (line {doc.position(start)[0]}) {explanation}"
                    yield self.diagnostic(
                        span,
                        message,
                        Fix.replace(span, winner, f"Spell it '{winner}'", Applicability.UNSAFE),
                        [Related(Span(s, e), f"'{winner}' is used here") for s, e in places],
                    )


def _explanation(
    doc: Document, winner: str, loser: str, places: tuple[tuple[int, int], ...], tie: bool
) -> str:
    text = f"is spelled '{winner}' {times(len(places))} in this article: {lines_of(doc, places)}"
    if tie:
        text += f"; both are used as often, and {tie_reason(winner, loser)}"
    return text
