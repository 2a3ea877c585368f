"""N010 unbalanced-delimiter."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Diagnostic, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule

PAIRS = {"(": ")", "[": "]"}
#: "1)" or "a)" after a space; the look-behind follows the first character, so that
#: ``re`` scans for those (see ``dash_style``).
_LIST_MARKER = lazy_pattern(r"[\p{N}\p{Ll}](?<!\S.)(?:(?<=\p{N})\p{N})?\)")
_DELIMITER = lazy_pattern(r"[()\[\]“”]")


class UnbalancedDelimiter(Rule):
    """A bracket or quote is opened and never closed, or closed and never opened.

    ## What it does
    Pairs the parentheses and square brackets of each paragraph, and the
    curly double quotes of the article (nested ones too), and reports the
    ones left without a partner. Straight quotes are not paired: whether one
    opens or closes is a guess, and a wrong guess would be a false alarm.

    ## Why is this bad?
    Engines drop a closing mark when they split or merge sentences; the
    reader cannot tell where the quotation or aside ends.

    ## Example
    ```
    The minister (who arrived late said the talks were over.
    ```

    ## Use instead
    ```
    The minister (who arrived late) said the talks were over.
    ```

    ## Fix safety
    No fix: only the editor knows where the mark belongs. A quotation that
    runs over several paragraphs, opened at the start of each and closed
    only at the end of the last, as news style has it, is balanced; so are
    enumerations such as "1) … 2) …" and "a) … b) …".
    """

    code = "N010"
    name = "unbalanced-delimiter"
    summary = "A bracket or quote is opened and never closed"

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        prose = doc.prose
        quotes: list[tuple[int, int]] = []
        for number, paragraph in enumerate(doc.paragraphs):
            start, end = paragraph.span.start, paragraph.span.end
            markers = _list_markers(prose, start, end)
            brackets: list[tuple[str, int]] = []
            for match in _DELIMITER.finditer(prose, start, end):
                mark, offset = match.group(), match.start()
                if offset in markers and not any(m == "(" for m, _ in brackets):
                    continue
                if mark == "“":
                    continued = quotes and quotes[-1][1] < number and offset == start
                    if continued:
                        quotes.pop()
                    quotes.append((offset, number))
                elif mark == "”":
                    if quotes:
                        quotes.pop()
                    else:
                        yield self.diagnostic(Span(offset, offset + 1), "This quote closes nothing")
                elif mark in "([":
                    brackets.append((mark, offset))
                elif brackets and PAIRS[brackets[-1][0]] == mark:
                    brackets.pop()
                else:
                    yield self.diagnostic(Span(offset, offset + 1), f'"{mark}" closes nothing')
            for mark, offset in brackets:
                yield self.diagnostic(Span(offset, offset + 1), f'"{mark}" is never closed')
        for offset, _ in quotes:
            yield self.diagnostic(Span(offset, offset + 1), "This quote is never closed")


def _list_markers(prose: str, start: int, end: int) -> set[int]:
    """The ")" of an enumeration ("1) … 2) …", "a) … b) …"): two or more in a paragraph,
    or one that opens a line. Most paragraphs have no ")" to look at."""
    if prose.find(")", start, end) < 0:
        return set()
    found = list(_LIST_MARKER.finditer(prose, start, end))
    if len(found) >= 2:
        return {m.end() - 1 for m in found}
    return {
        m.end() - 1
        for m in found
        if not prose[start : m.start()].strip(" \t") or prose[m.start() - 1] == "\n"
    }
