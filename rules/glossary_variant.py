"""E003 glossary-variant."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.rule import CheckContext, Rule
from mtlint.rules.name_mentions import find_mentions
from mtlint.rules.spelling_variants import are_variants

if TYPE_CHECKING:
    import regex


@lru_cache(maxsize=8)
def _pattern(variants: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern for every listed variant, longest first, whole words only."""
    import regex

    alternatives = "|".join(regex.escape(v) for v in sorted(variants, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])")


class GlossaryVariant(Rule):
    """A name is spelled differently from the glossary ("Kiev" where the glossary says "Kyiv").

    ## What it does
    Finds the variants that the glossary lists for a name (`names` in the
    config, or the `glossary` file it points to), and names that look like
    a glossary name spelled another way.

    ## Why is this bad?
    A desk that has decided how to spell a name wants every article to
    follow, whatever the engine or the source language suggests.

    ## Example
    ```
    The talks were held in Kiev.        # glossary: "Kyiv" = ["Kiev"]
    ```

    ## Use instead
    ```
    The talks were held in Kyiv.
    ```

    ## Fix safety
    Safe for a variant the glossary lists: the desk has decided. Unsafe for
    a name that only looks like a variant of a glossary name.
    """

    code = "E003"
    name = "glossary-variant"
    summary = "A name is spelled differently from the glossary"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        glossary = ctx.index.glossary
        if not glossary.names:
            return
        import regex

        taken: list[Span] = []
        for variant, canonical in sorted(glossary.variants.items(), key=lambda i: -len(i[0])):
            pattern = regex.compile(
                rf"(?<![\p{{L}}\p{{N}}]){regex.escape(variant)}(?![\p{{L}}\p{{N}}])"
            )
            for match in pattern.finditer(doc.prose):
                span = Span(match.start(), match.end())
                if any(span.overlaps(other) for other in taken):
                    continue
                taken.append(span)
                yield self.diagnostic(
                    span,
                    f'"{variant}" is spelled "{canonical}" in the glossary',
                    Fix.replace(span, canonical, f'Write "{canonical}"', Applicability.SAFE),
                )
        canonical_words = sorted(glossary.canonical_words)
        for mention in doc.derived(find_mentions):
            for word in mention.words:
                span = Span(word.start, word.end)
                if word.form in glossary.canonical_words or any(span.overlaps(t) for t in taken):
                    continue
                match = next((c for c in canonical_words if are_variants(word.form, c)), None)
                if match is None:
                    continue
                taken.append(span)
                yield self.diagnostic(
                    span,
                    f'"{word.form}" looks like "{match}", as the glossary spells it',
                    Fix.replace(span, match, f'Write "{match}"', Applicability.UNSAFE),
                )
