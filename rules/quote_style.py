"""N005 quote-style."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mtlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Span
from mtlint.document import Document
from mtlint.rule import CheckContext, Option, Rule
from mtlint.rules.quotes import APOSTROPHES, CURLY, DOUBLE_QUOTES, STRAIGHT, opening_quote

if TYPE_CHECKING:
    from mtlint.lazy_pattern import LazyPattern


class QuoteStyle(Rule):
    """Straight and curly quotes are mixed in one article.

    ## What it does
    Counts the article's double quotes and, separately, its apostrophes, and
    flags those in the minority style (or not in the `style` option's), one
    finding per paragraph.

    ## Why is this bad?
    Articles assembled from an engine's output and an editor's typing mix
    `"…"` and `“…”`, "can't" and "can’t"; the page looks patched.

    ## Example
    ```
    "I can't tell you," he said. “It was important that he hear it.”
    ```

    ## Use instead
    ```
    "I can't tell you," he said. "It was important that he hear it."
    ```

    ## Fix safety
    Safe: quotes keep their place and only change style; a straight quote
    becomes an opening or closing curly quote by what precedes it. On a tie,
    curly quotes win.
    """

    code = "N005"
    name = "quote-style"
    summary = "Straight and curly quotes are mixed in one article"
    fix = Applicability.SAFE
    options = {
        "style": Option(
            "consistent",
            'The style to require: "consistent" (the majority), "straight" or "curly"',
            choices=("consistent", STRAIGHT, CURLY),
        ),
    }

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        yield from self._marks(doc, DOUBLE_QUOTES, "quotes", '"', ("“", "”"))
        yield from self._marks(doc, APOSTROPHES, "apostrophes", "'", ("’", "’"))

    def _marks(
        self,
        doc: Document,
        pattern: LazyPattern,
        kind: str,
        straight: str,
        curly: tuple[str, str],
    ) -> Iterator[Diagnostic]:
        marks = [m for m in pattern.finditer(doc.prose)]
        counts = Counter(STRAIGHT if m.group() == straight else CURLY for m in marks)
        wanted = self.settings["style"]
        if wanted == "consistent":
            if len(counts) < 2:
                return
            wanted = STRAIGHT if counts[STRAIGHT] > counts[CURLY] else CURLY
        by_paragraph: dict[int, list[Edit]] = {}
        for match in marks:
            style = STRAIGHT if match.group() == straight else CURLY
            if style == wanted:
                continue
            if wanted == STRAIGHT:
                replacement = straight
            else:
                replacement = curly[0] if opening_quote(doc.text, match.start()) else curly[1]
            number = doc.paragraph_at(match.start())
            edit = Edit(Span(match.start(), match.end()), replacement)
            by_paragraph.setdefault(-1 if number is None else number, []).append(edit)
        reason = f"{counts[wanted]} of the article's {sum(counts.values())} {kind} are {wanted}"
        if self.settings["style"] != "consistent":
            reason = f"the configured style is {wanted}"
        for edits in by_paragraph.values():
            span = Span(edits[0].span.start, edits[-1].span.end)
            if len(edits) == 1:
                message, action = f"1 {kind[:-1]} here is not {wanted}", f"Make it {wanted}"
            else:
                message, action = (
                    f"{len(edits)} {kind} here are not {wanted}",
                    f"Make them {wanted}",
                )
            yield self.diagnostic(
                span,
                f"{message}: {reason}",
                Fix(tuple(edits), Applicability.SAFE, action),
            )
