"""H001 honorific-case."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from itertools import product
from operator import attrgetter

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import LazyPattern, lazy_pattern
from mtlint.rule import CheckContext, Option, Rule
from mtlint.rules.honorifics import english_titles

_ENDS_WITH_NUMBER = lazy_pattern(r"\p{N}[ \t\u00a0]*\Z")
#: A combining mark, or a letter outside ASCII that matches one in it when case is ignored.
_JOINS_OR_FOLDS = lazy_pattern(r"[\p{M}\u0130\u0131\u017f\u212a]")


class HonorificCase(Rule):
    """A title before a name is not capitalised ("mr. Blinken").

    ## What it does
    Finds English titles such as "mr.", "mrs.", "ms.", "dr." or "gen." written
    in the wrong case directly before a capitalised name.

    ## Why is this bad?
    Translation engines often lower-case a title that opens a sentence in
    the source language. Readers see the slip at once, and it breaks every
    search for "Mr. Blinken".

    ## Example
    ```
    mr. Blinken told reporters that he had spoken to his Russian counterpart.
    ```

    ## Use instead
    ```
    Mr. Blinken told reporters that he had spoken to his Russian counterpart.
    ```

    ## Fix safety
    Safe: only the case of the title changes. Titles after a number ("5 ms.
    The"), lines written wholly in capitals, and titles in capitals without a
    full stop, which are far more often acronyms ("DR Congo", "the MS Estonia",
    "MR imaging"), are left alone.
    """

    code = "H001"
    name = "honorific-case"
    summary = "A title before a name is written in the wrong case"
    fix = Applicability.SAFE
    options = {
        "extra-titles": Option(
            [], 'More titles, in their canonical case and without the full stop (e.g. "Sheikh")'
        ),
    }

    @cached_property
    def _titles(self) -> tuple[dict[str, str], LazyPattern, frozenset[str] | None]:
        bare, dotted = english_titles()
        extra = {title.lower(): title for title in self.settings["extra-titles"]}
        canonical = {**bare, **dotted, **extra}

        def alternatives(names: object) -> str:
            return "|".join(sorted(map(re.escape, names), key=len, reverse=True))

        pattern = lazy_pattern(
            rf"(?<![\p{{L}}\p{{N}}.\-'’&])"
            rf"(?P<title>(?i:{alternatives({**bare, **extra})})\.?|(?i:{alternatives(dotted)})\.)"
            r"(?=[ \t\u00a0]+\p{Lu})"
        )
        return canonical, pattern, _miscased(canonical)

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        canonical, pattern, miscased = self._titles
        prose = doc.prose
        if _nothing_to_find(doc, miscased):
            return
        for paragraph in doc.paragraphs:
            text = prose[paragraph.span.start : paragraph.span.end]
            if not any(char.islower() for char in text):
                continue
            for match in pattern.finditer(prose, paragraph.span.start, paragraph.span.end):
                title = match.group("title")
                word = title.rstrip(".")
                # A letter that matches one of a title only when case is ignored ("ſ" for
                # "s") lower-cases to itself, but case-folds to that letter.
                expected = canonical.get(word.lower()) or canonical.get(word.casefold())
                if expected is None or word == expected or _follows_number(prose, match.start()):
                    continue
                if word.isupper() and len(word) > 1 and not title.endswith("."):
                    continue
                fixed = expected + title[len(word) :]
                span = Span(match.start(), match.end())
                yield self.diagnostic(
                    span,
                    f'Title "{title}" should be written "{fixed}"',
                    Fix.replace(span, fixed, f'Write "{fixed}"', Applicability.SAFE),
                )


def _nothing_to_find(doc: Document, miscased: frozenset[str] | None) -> bool:
    """An article none of whose words is a title in the wrong case, known from its words
    sooner than the titles are searched for. A word holds a title whole unless a mark
    joins the title to the letter before it, which the title's pattern does not see as
    a letter, or a letter that only matches one in a title when case is ignored ("ſ"
    for "s") stands in for it: an article with either is searched."""
    if miscased is None or (not doc.prose.isascii() and _JOINS_OR_FOLDS.search(doc.prose)):
        return False
    return miscased.isdisjoint(map(attrgetter("text"), doc.tokens))


def _miscased(canonical: dict[str, str]) -> frozenset[str] | None:
    """Every other casing of the titles ("mr", "MR", "mR" for "Mr"); None when a title is
    not one word of ASCII letters, which a token would not hold."""
    if not all(title.isascii() and title.isalpha() for title in canonical):
        return None
    casings = (
        "".join(letters)
        for title in canonical
        for letters in product(*((letter.lower(), letter.upper()) for letter in title))
    )
    return frozenset(casings) - frozenset(canonical.values())


def _follows_number(prose: str, offset: int) -> bool:
    return _ENDS_WITH_NUMBER.search(prose, max(0, offset - 12), offset) is not None
