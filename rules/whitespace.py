"""N004 whitespace."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule
from mtlint.rules.literals import Literals

#: Each pattern opens with the character it consumes first and looks behind it after:
#: ``re`` scans for that character, but tries a pattern that opens with a look-behind
#: at every position.
_DOUBLE = lazy_pattern(r"[ \t](?<=\S[ \t])[ \t]+(?=\S)")
_BEFORE_PUNCTUATION = lazy_pattern(
    r"[ \t\u00a0](?<=[\p{L}\p{N}\"”’)\]][ \t\u00a0])[ \t\u00a0]*(?=[,.)](?![.\d]))"
)
_MISSING_AFTER_STOP = lazy_pattern(r"\.(?<=\p{Ll}\p{Ll}\.)(?=\p{Lu}\p{Ll})")
_LETTERS = lazy_pattern(r"\p{L}+")
#: What the first two patterns cannot match without; few articles hold any, and these
#: are found, each set in one pass (see ``literals``), many times faster than the
#: patterns, which start with a look-behind.
_TWO_SPACES = Literals.of(["  ", "\t"])
_SPACE_BEFORE_MARK = Literals.of(space + mark for space in " \t\u00a0" for mark in ",.)")
#: Top-level domains that read as words: "Kostroma.Today", "Gazeta.Ru" are site names.
_DOMAINS = frozenset(
    {"com", "net", "org", "info", "news", "today", "online", "site", "media", "ru", "ua", "io"}
)


class Whitespace(Rule):
    """Spacing is wrong: a doubled space, a space before "," or ".", none after a full stop.

    ## What it does
    Finds two or more spaces inside a line, a space before a comma, full
    stop or closing parenthesis, and a full stop with no space before the
    next sentence ("said.She").

    ## Why is this bad?
    Joining translated segments leaves stray spaces, and dropping the space
    after a full stop glues sentences together.

    ## Example
    ```
    The talks  ended , he said.She left.
    ```

    ## Use instead
    ```
    The talks ended, he said. She left.
    ```

    ## Fix safety
    Safe. URLs, site names ("Kostroma.Today"), code, decimals (" .5"),
    ellipses (" ..."), abbreviations ("U.S.") and Markdown's hard line breaks
    (two spaces at a line's end) are left alone.
    """

    code = "N004"
    name = "whitespace"
    summary = "Spacing around words and punctuation is wrong"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        text = doc.text
        doubled = _TWO_SPACES.any_in(text)
        before = _SPACE_BEFORE_MARK.any_in(text)
        for paragraph in doc.paragraphs:
            start, end = paragraph.span.start, paragraph.span.end
            for match in _DOUBLE.finditer(text, start, end) if doubled else ():
                span = Span(match.start(), match.end())
                if self._prose(doc, span):
                    yield self.diagnostic(
                        span,
                        f"{len(match.group())} spaces in a row: keep one",
                        Fix.replace(span, " ", "Keep one space", Applicability.SAFE),
                    )
            for match in _BEFORE_PUNCTUATION.finditer(text, start, end) if before else ():
                span = Span(match.start(), match.end())
                mark = text[match.end()]
                if self._prose(doc, span):
                    yield self.diagnostic(
                        Span(match.start(), match.end() + 1),
                        f'A space before "{mark}": delete it',
                        Fix.replace(span, "", "Delete the space", Applicability.SAFE),
                    )
            for match in _MISSING_AFTER_STOP.finditer(text, start, end):
                span = Span(match.start(), match.end())
                following = _LETTERS.match(text[match.end() : match.end() + 20])
                if following and following.group().lower() in _DOMAINS:
                    continue
                if self._prose(doc, Span(match.start() - 2, match.end() + 2)):
                    yield self.diagnostic(
                        span,
                        "No space after the full stop: add one",
                        Fix.replace(span, ". ", "Add a space", Applicability.SAFE),
                    )

    @staticmethod
    def _prose(doc: Document, span: Span) -> bool:
        """The span and its neighbours are prose (blanked markup also reads as spaces)."""
        wider = Span(max(0, span.start - 1), min(len(doc.text), span.end + 1))
        return doc.is_prose(wider)
