"""Where the prose of an HTML article is.

The standard library's tolerant HTML parser walks the file; the text nodes of
the body are prose, except inside elements whose text is not the article's
(script, style, code, pre, and their kin) and except attribute values, which
never reach a text node. Block elements (paragraphs, headings, list items,
captions, table cells, line breaks) start a new paragraph. Entities stay as
they are written, as in Markdown, so a rule sees "&amp;" where the file has it.
Everything else is blanked in the same-length prose view, so fixes edit only
text between tags.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING

from mtlint.diagnostics import Span
from mtlint.document import line_starts
from mtlint.lazy_pattern import lazy_pattern

if TYPE_CHECKING:
    from mtlint.document import Structure

#: Elements whose text is not prose of the article.
SKIPPED = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "textarea", "template", "svg", "math", "head"}
)
#: Elements that start and end a paragraph of their own.
BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol",
        "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELLS = frozenset({"td", "th"})
#: Elements that have no end tag and so never hold text.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_REFERENCE = lazy_pattern(r"&#?[A-Za-z0-9]+;?")


class _ProseFinder(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = line_starts(text)
        self.open: list[str] = []
        self.skipping = 0
        self.kept: list[Span] = []
        self.comments: list[Span] = []
        self.paragraphs: list[tuple[str, Span]] = []
        self.current: tuple[str, int, int] | None = None

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def flush(self) -> None:
        if self.current is not None:
            kind, start, end = self.current
            self.paragraphs.append((kind, Span(start, end)))
            self.current = None

    def _kind(self) -> str:
        for tag in reversed(self.open):
            if tag in HEADINGS:
                return "heading"
            if tag in CELLS:
                return "table-cell"
            if tag in BLOCKS:
                break
        return "paragraph"

    def keep(self, start: int, end: int) -> None:
        """Add ``text[start:end]`` to the prose, trimmed of whitespace."""
        piece = self.text[start:end]
        stripped = piece.strip()
        if self.skipping or not stripped:
            return
        start += len(piece) - len(piece.lstrip())
        end = start + len(stripped)
        self.kept.append(Span(start, end))
        if self.current is None:
            self.current = (self._kind(), start, end)
        else:
            self.current = (self.current[0], self.current[1], end)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.flush()
        if tag in VOID:
            return
        self.open.append(tag)
        if tag in SKIPPED:
            self.skipping += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()
        if tag not in self.open:
            return
        while self.open:
            closed = self.open.pop()
            if closed in SKIPPED:
                self.skipping -= 1
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        start = self.position()
        self.keep(start, start + len(data))

    def _reference(self) -> None:
        start = self.position()
        match = _REFERENCE.match(self.text, start)
        if match is not None:
            self.keep(start, match.end())

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def handle_comment(self, data: str) -> None:
        start = self.position()
        self.comments.append(Span(start, start + len("<!--") + len(data) + len("-->")))


def html_structure(text: str) -> Structure:
    """The prose view of an HTML text, its paragraphs and its comments (see ``Document``)."""
    from mtlint.document import Paragraph, Structure, blank, complement, url_spans

    finder = _ProseFinder(text)
    finder.feed(text)
    finder.close()
    finder.flush()
    noise = [url for _, span in finder.paragraphs for url in url_spans(text, span.start, span.end)]
    prose = blank(text, complement(finder.kept, len(text)) + noise)
    paragraphs = tuple(
        Paragraph(kind, span)
        for kind, span in finder.paragraphs
        if prose[span.start : span.end].strip()
    )
    return Structure(prose, paragraphs, tuple(finder.comments))


_TAG = lazy_pattern(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^<>]*?(/?)>")


def keeps_markup(text: str, span: Span, replacement: str) -> bool:
    """Whether replacing ``text[span]`` leaves the markup as it was: the replacement
    adds no tag, and the tags removed close and reopen the same elements
    ("…</p>\\n<p>" between two paragraphs), so no element loses its start or end."""
    if "<" in replacement or ">" in replacement:
        return False
    removed = text[span.start : span.end]
    if "<!--" in removed or removed.count("<") != len(_TAG.findall(removed)):
        return False
    opened: list[str] = []
    closed: list[str] = []
    for match in _TAG.finditer(removed):
        name = match.group(2).lower()
        if name in VOID or match.group(3):
            continue
        if not match.group(1):
            opened.append(name)
        elif opened and opened[-1] == name:
            opened.pop()
        elif opened:
            return False
        else:
            closed.append(name)
    return closed[::-1] == opened
