"""H005 untranslated-honorific."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import LazyPattern, lazy_pattern
from mtlint.rule import CheckContext, Option, Rule
from mtlint.rules.honorifics import foreign_titles
from mtlint.rules.literals import Literals
from mtlint.rules.name_mentions import find_mentions

_NAME = r"\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*"
_NAME_BEFORE = lazy_pattern(r"(?:\p{Lu}[\p{L}]*\.?)[ \t\u00a0]+\Z")
_POSSESSIVE = lazy_pattern(r"['’]s?\Z")


class UntranslatedHonorific(Rule):
    """A title of the source language is left before a name ("Sr. Caputo", "Herr Scholz").

    ## What it does
    Finds titles of other languages ("Sr.", "Sra.", "M.", "Mme", "Herr",
    "Frau", "Signor", "г-н", …) before a name in English text, from lists per
    source language, and suggests the English title.

    ## Why is this bad?
    An engine that does not recognise the title keeps it as a name; English
    readers take "Sr. Caputo" for a senior or a nun.

    ## Example
    ```
    Sr. Caputo announced the measures on Monday.
    ```

    ## Use instead
    ```
    Mr. Caputo announced the measures on Monday.
    ```

    ## Fix safety
    Unsafe: the English title is a guess ("Ms." for "Sra."), and the
    article's own style may drop the full stop. "M." counts as a title only
    before a single name ("M. Macron said"), never as an initial ("M. Night
    Shyamalan", "J. M. Coetzee", or "M. Pompeo" in an article that names
    Mike Pompeo); "Sr." after a name is "Senior".
    """

    code = "H005"
    name = "untranslated-honorific"
    summary = "A title of the source language is left before a name"
    fix = Applicability.UNSAFE
    options = {
        "languages": Option(
            [], 'Source languages whose titles to look for (e.g. ["es", "fr"]); empty: all'
        ),
    }

    @cached_property
    def _pattern(self) -> tuple[dict[str, str], LazyPattern, Literals[str]]:
        """The titles, the pattern of a title before a name, and the titles as literals:
        most articles hold none, which is known in one pass sooner than the pattern of
        thirty alternatives searches them."""
        titles = foreign_titles(tuple(self.settings["languages"]))
        alternatives = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
        pattern = lazy_pattern(
            rf"(?<![\p{{L}}\p{{N}}.\-])(?P<title>{alternatives})(?![\p{{L}}])[ \t\u00a0]+"
            rf"(?P<name>{_NAME})(?P<after>[ \t\u00a0]+\S+)?"
        )
        return titles, pattern, Literals.of(titles)

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        titles, pattern, literals = self._pattern
        prose = doc.prose
        if not literals.any_in(prose):
            return
        full_names = {
            (mention.given.form[0], mention.surname.form)
            for mention in doc.derived(find_mentions)
            if mention.given is not None
        }
        for match in pattern.finditer(prose):
            title = match.group("title")
            if _after_a_name(prose, match.start()):
                continue
            if len(title.rstrip(".")) == 1 and (
                _name_goes_on(match.group("after"))
                or (title[0], _without_possessive(match.group("name"))) in full_names
            ):
                continue
            english = titles[title]
            span = Span(match.start("title"), match.end("title"))
            yield self.diagnostic(
                span,
                f'"{title}" before "{match.group("name")}" is a title of another language: '
                f'write "{english}"',
                Fix.replace(span, english, f'Write "{english}"', Applicability.UNSAFE),
            )


def _after_a_name(prose: str, offset: int) -> bool:
    """True after a capitalised word or an initial: "John Smith Sr.", "J. M. Coetzee"."""
    return _NAME_BEFORE.search(prose[max(0, offset - 40) : offset]) is not None


def _without_possessive(name: str) -> str:
    return _POSSESSIVE.sub("", name)


def _name_goes_on(after: str | None) -> bool:
    word = (after or "").strip()
    return bool(word) and word[0].isupper()
