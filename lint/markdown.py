"""Where the prose of a Markdown article is.

markdown-it-py finds the blocks that hold prose (paragraphs, headings, table
cells, including those inside lists and block quotes); front matter, code,
HTML blocks and reference definitions never produce one. Its tokens carry line
numbers but not columns, so each block's content is located in the original
lines, and the inline markup that is not prose (code spans, URLs, autolinks,
link targets, HTML tags and comments) is then masked inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from mtlint.diagnostics import Span
from mtlint.document import line_starts as line_starts_of
from mtlint.lazy_pattern import lazy_pattern

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from mtlint.document import Structure

_PREFIX = lazy_pattern(r"[ \t]*(?:(?:>|[*+-]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*)*")
_INLINE_NOISE = lazy_pattern(
    r"""(?sx)
      (?P<code>(?<!`)(`+)(?!`).+?(?<!`)\2(?!`))
    | (?P<comment><!--.*?-->)
    | (?P<autolink><[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*>|<[^\s@<>]+@[^\s@<>]+>)
    | (?P<tag></?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>)
    | (?P<target>\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)
                  |\[[^\]\n]*\]))
    | (?P<footnote>\[\^[^\]\s]+\])
    """,
)
_COMMENT = lazy_pattern(r"(?s)<!--.*?-->")
_CELL_PIPE = lazy_pattern(r"(?<!\\)\|")
_DELIMITER_ROW = lazy_pattern(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


class ProseBlock(NamedTuple):
    """One prose block: its kind and the pieces of the original text it is made of."""

    kind: str
    segments: tuple[Span, ...]


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def prose_blocks(text: str) -> tuple[list[ProseBlock], list[Span]]:
    """The prose blocks of ``text`` in document order, and the HTML blocks' comments."""
    line_starts = line_starts_of(text)
    tokens = _parser().parse(text)
    blocks: list[ProseBlock] = []
    comments: list[Span] = []
    table_row_cells: dict[int, Iterator[Span | None]] = {}
    for index, token in enumerate(tokens):
        if token.type == "html_block" and token.map is not None:
            start = line_starts[token.map[0]]
            end = line_starts[token.map[1]] if token.map[1] < len(line_starts) else len(text)
            comments.extend(Span(m.start(), m.end()) for m in _COMMENT.finditer(text, start, end))
            continue
        if token.type != "inline" or token.map is None:
            continue
        parent = tokens[index - 1].type if index else ""
        first, last = token.map
        if parent in ("th_open", "td_open"):
            if first not in table_row_cells:
                table_row_cells[first] = iter(_table_cells(text, line_starts, first))
            cell = next(table_row_cells[first], None)
            if cell is not None:
                blocks.append(ProseBlock("table-cell", (cell,)))
            continue
        kind = "heading" if parent == "heading_open" else "paragraph"
        segments = tuple(_locate_lines(text, line_starts, first, last, token.content, kind))
        if segments:
            blocks.append(ProseBlock(kind, segments))
    return blocks, comments


def markdown_structure(text: str) -> Structure:
    """The prose view of a Markdown text, its paragraphs and its comments (see ``Document``)."""
    from mtlint.document import Paragraph, Structure, blank, complement, url_spans

    kept: list[Span] = []
    noise: list[Span] = []
    paragraphs = []
    blocks, comments = prose_blocks(text)
    for block in blocks:
        kept.extend(block.segments)
        span = Span(block.segments[0].start, block.segments[-1].end)
        noise.extend(_inline_noise(text, span, comments))
        noise.extend(url_spans(text, span.start, span.end))
        paragraphs.append(Paragraph(block.kind, span))
    prose = blank(text, complement(kept, len(text)) + noise)
    return Structure(
        prose,
        tuple(p for p in paragraphs if prose[p.span.start : p.span.end].strip()),
        tuple(sorted(comments)),
    )


def _inline_noise(text: str, span: Span, comments: list[Span]) -> Iterator[Span]:
    """The markup inside a prose block; its HTML comments are added to ``comments``."""
    for match in _INLINE_NOISE.finditer(text, span.start, span.end):
        if match.lastgroup == "comment":
            comments.append(Span(match.start(), match.end()))
        yield Span(match.start(), match.end())
        if match.lastgroup == "target":
            opener = _link_opener(text, span.start, match.start())
            if opener is not None:
                yield opener


def _link_opener(text: str, start: int, closer: int) -> Span | None:
    """The "[" (or "![") that opens the link text closed at ``closer``."""
    depth = 0
    for index in range(closer - 1, start - 1, -1):
        char = text[index]
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                image = index > start and text[index - 1] == "!"
                return Span(index - 1 if image else index, index + 1)
            depth -= 1
    return None


def _line(text: str, line_starts: list[int], number: int) -> tuple[int, int]:
    start = line_starts[number]
    end = line_starts[number + 1] - 1 if number + 1 < len(line_starts) else len(text)
    return start, end


def _locate_lines(
    text: str, line_starts: list[int], first: int, last: int, content: str, kind: str
) -> Iterator[Span]:
    """Map each line of a block's content onto the original line it came from."""
    content_lines = content.split("\n")
    for number, content_line in zip(range(first, last), content_lines, strict=False):
        start, end = _line(text, line_starts, number)
        line = text[start:end]
        wanted = content_line.strip()
        if not wanted:
            continue
        column = _find_after_prefix(line, wanted)
        if column < 0:
            stripped = line.lstrip(" \t>")
            column = len(line) - len(stripped)
            wanted = stripped.rstrip().rstrip("#").rstrip() if kind == "heading" else stripped
            wanted = wanted.rstrip()
        yield Span(start + column, start + column + len(wanted))


def _find_after_prefix(line: str, wanted: str) -> int:
    prefix_end = _PREFIX.match(line).end()
    column = line.find(wanted)
    while column >= 0:
        if column <= prefix_end or not line[:column].strip(" \t>#"):
            return column
        column = line.find(wanted, column + 1)
    return -1


def _table_cells(text: str, line_starts: list[int], number: int) -> list[Span | None]:
    """The cells of a table row, ``None`` for an empty one, as GitHub splits them."""
    start, end = _line(text, line_starts, number)
    line = text[start:end]
    if _DELIMITER_ROW.match(line):
        return []
    bounds = [-1, *(m.start() for m in _CELL_PIPE.finditer(line)), len(line)]
    pieces = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    if pieces and not line[: pieces[0][1]].strip():
        pieces = pieces[1:]
    if pieces and not line[pieces[-1][0] :].strip():
        pieces = pieces[:-1]
    cells: list[Span | None] = []
    for left, right in pieces:
        value = line[left:right]
        stripped = value.strip()
        if not stripped:
            cells.append(None)
            continue
        offset = start + left + (len(value) - len(value.lstrip()))
        cells.append(Span(offset, offset + len(stripped)))
    return cells
