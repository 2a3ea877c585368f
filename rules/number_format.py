"""N008 number-format."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule

if TYPE_CHECKING:
    from mtlint.lazy_pattern import AnyMatch

#: What follows an amount: a decimal comma or a thousands point before these is the source locale's.
_UNITS = (
    r"(?:%|per\s?cent|percent|billion|million|thousand|trillion|bn|mln|m\b|km|kg|tons?|tonnes?"
    r"|dollars?|euros?|rubles?|roubles?|yuan|yen|pounds?|hryvnias?|degrees?|points?|times"
    r"|people|residents|hectares?|meters?|metres?|kilometers?|kilometres?|years?|hours?|minutes?)"
)
#: One to three digits with no digit, comma or point before them; the look-behind
#: follows the first digit, so that ``re`` scans for digits (see ``dash_style``).
_LEADING_DIGITS = r"\p{N}(?<![\p{N},.]\p{N})\p{N}{0,2}"
_ALONE = r"(?![\p{N},.])"
_DECIMAL_COMMA = lazy_pattern(rf"(?i)({_LEADING_DIGITS}),(\p{{N}}{{1,2}}){_ALONE}(?=\s?{_UNITS})")
_THOUSANDS_POINT = lazy_pattern(
    rf"(?i)({_LEADING_DIGITS}(?:\.\p{{N}}{{3}})+){_ALONE}(?!\s?(?:%|per\s?cent|percent))"
    rf"(?=\s?{_UNITS})",
)


class NumberFormat(Rule):
    """A number keeps the source's format ("1,5 billion", "20.000 million").

    ## What it does
    Finds a decimal comma ("1,5 billion", "117,8 %") or a thousands point
    ("20.000 million dollars") before a unit or a quantity word, where the
    source language's convention survived translation.

    ## Why is this bad?
    In English "1,5" is not a number and "20.000 million" reads as twenty
    million: the figure changes by a factor of a thousand.

    ## Example
    ```
    Exports grew by 1,5 billion dollars, or 20.000 million rubles.
    ```

    ## Use instead
    ```
    Exports grew by 1.5 billion dollars, or 20,000 million rubles.
    ```

    ## Fix safety
    Unsafe: the number is rewritten in English format, which a reader of
    the source should confirm. English numbers ("1,500 troops", "2.5
    percent", "3,000,000"), versions ("1.2.3"), times ("10.30") and dates are
    left alone.
    """

    code = "N008"
    name = "number-format"
    summary = "A number keeps the source language's format"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        prose = doc.prose
        for match in _DECIMAL_COMMA.finditer(prose):
            english = f"{match.group(1)}.{match.group(2)}"
            yield self._number(match, english, "a decimal comma")
        for match in _THOUSANDS_POINT.finditer(prose):
            english = match.group(1).replace(".", ",")
            yield self._number(match, english, "points between thousands")

    def _number(self, match: AnyMatch, english: str, what: str) -> Diagnostic:
        span = Span(match.start(), match.end())
        return self.diagnostic(
            span,
            f'"{match.group()}" has {what}, the source format: in English, "{english}"',
            Fix.replace(span, english, f'Write "{english}"', Applicability.UNSAFE),
        )
