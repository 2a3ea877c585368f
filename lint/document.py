"""An article as rules see it: the original text, its prose, and its pieces.

Rules read ``prose``, a copy of the text of the same length in which every
character that is not prose (front matter, code, URLs, markup) is blanked
out, so that any offset a rule computes is an offset into the original file.
Paragraphs, sentences and tokens are derived on first use and cached.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from mtlint.diagnostics import Span
from mtlint.lazy_pattern import lazy_pattern
from mtlint.sentences import sentence_spans
from mtlint.source import SourceFile, read_source

T = TypeVar("T")

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

_URL = lazy_pattern(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)(?:[^\s<>()\[\]"“”]|\([^\s()]*\))+(?<![.,;:!?'’])"""
    r"""|(?<![\w.+\-])[\w.+\-]++@[\w\-]+(?:\.[\w\-]+)+\b"""
)
_URL_MARKS = ("://", "www.", "@")
# Patterns of ASCII characters alone, which ``re`` (imported anyway) reads as ``regex`` does.
_NEWLINE = re.compile(r"\n")
_NOT_NEWLINE = re.compile(r"[^\n]")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)

_NONBLANK_LINES = lazy_pattern(r"(?:[^\n]*\S[^\n]*(?:\n|\Z))+")
#: From the first to the last character that is not space, as ``\S`` above counts them
#: (``str.strip`` also strips control characters such as U+001F).
_TRIMMED = lazy_pattern(r"(?s)\S(?:.*\S)?")
_TOKEN = lazy_pattern(
    r"""(?x)(?P<word>(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-]\p{L}[\p{L}\p{M}\p{N}]*)*)
      | (?P<number>\p{N}+(?:[.,:]\p{N}+)*)
      | (?P<punct>[^\s\p{L}\p{N}])"""
)


class Paragraph(NamedTuple):
    """A block of prose: a paragraph, heading, list item or table cell.

    ``span`` runs from its first to its last prose character, so it may
    cover blanked-out markup in between.
    """

    kind: str
    span: Span


class Structure(NamedTuple):
    """What parsing finds: the prose view, the paragraphs, and the HTML comments."""

    prose: str
    paragraphs: tuple[Paragraph, ...]
    comments: tuple[Span, ...]


class Sentence(NamedTuple):
    span: Span
    paragraph: int


class Token(NamedTuple):
    """A word, number or punctuation mark; a flat named tuple, since articles have
    thousands and making a ``Span`` inside each took a third of tokenizing."""

    kind: str
    text: str
    start: int
    end: int
    sentence: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def suffix_of(name: str) -> str:
    """The suffix of a file name, lower-cased, as ``Path.suffix`` gives it, without a
    ``Path``: ``.lower()`` of "article.TXT" is ".txt", of ".txt" (a hidden file) is ""."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def document_key(path: Path) -> str:
    """How the corpus index names a document: the absolute path of its file (what
    ``str(path.absolute())`` gives, without the three ``Path`` objects that makes, nor,
    for the absolute paths of a corpus walk, asking for the working folder)."""
    text = os.fspath(path)
    return text if os.path.isabs(text) else os.path.join(os.getcwd(), text)


class Document:
    """One article, parsed once, shared by every rule."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.text = source.text
        self._set_path(source.path)

    @classmethod
    def unread(cls, folder: Path, name: str, key: str) -> Document:
        """The article in the file ``name`` of ``folder``, read when its text is first
        needed: a run that finds what it needs of a corpus article in the cache never
        reads it, nor makes its ``Path`` (a tenth of listing an archive of 10,000).
        ``key`` is its ``document_key``."""
        doc = cls.__new__(cls)
        doc._place = (folder, name)
        doc.key = key
        doc._set_kind(suffix_of(name))
        return doc

    @cached_property
    def path(self) -> Path:
        """The file's path, for an article made ``unread``."""
        folder, name = self._place
        return folder / name

    def _set_path(self, path: Path) -> None:
        self.path = path
        self._set_kind(suffix_of(path.name))

    def _set_kind(self, suffix: str) -> None:
        self.is_markdown = suffix in MARKDOWN_SUFFIXES
        self.is_html = suffix in HTML_SUFFIXES
        self._derived: dict[Callable[[Document], Any], Any] = {}

    @classmethod
    def from_text(cls, text: str, path: str | Path = "article.txt") -> Document:
        return cls(SourceFile.from_text(Path(path), text))

    @cached_property
    def source(self) -> SourceFile:
        return read_source(self.path)

    @cached_property
    def text(self) -> str:
        return self.source.text

    @property
    def is_read(self) -> bool:
        """Whether the file has been read (``source`` is a cached property until it is)."""
        return "source" in self.__dict__

    @cached_property
    def _structure(self) -> Structure:
        if self.is_markdown:
            from mtlint.markdown import markdown_structure

            return markdown_structure(self.text)
        if self.is_html:
            from mtlint.html import html_structure

            return html_structure(self.text)
        return _plain_structure(self.text)

    @property
    def prose(self) -> str:
        """The text with everything that is not prose replaced by spaces."""
        return self._structure.prose

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self._structure.paragraphs

    @property
    def comments(self) -> tuple[Span, ...]:
        """The spans of the article's HTML comments, outside code ("<!-- … -->")."""
        if self.kind == "text" or "<!--" not in self.text:
            return ()
        return self._structure.comments

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(
            Sentence(span, number)
            for number, paragraph in enumerate(self.paragraphs)
            for span in sentence_spans(self.prose, paragraph.span.start, paragraph.span.end)
        )

    @cached_property
    def sentence_tokens(self) -> tuple[list[Token], ...]:
        """The words, numbers and marks of each sentence; made with ``tuple.__new__``,
        since the named tuples' own constructors are Python functions that took a third
        of this, the hottest loop of a check, and with ``start()`` and ``end()``, as
        unpacking ``span()`` builds a tuple more per token (a tenth of the loop)."""
        new, prose = tuple.__new__, self.prose
        pattern = _TOKEN.for_text(prose)
        return tuple(
            [
                new(Token, (match.lastgroup, match.group(), match.start(), match.end(), number))
                for match in pattern.finditer(prose, *sentence.span)
            ]
            for number, sentence in enumerate(self.sentences)
        )

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Every word, number and mark, sentence by sentence."""
        return tuple(chain.from_iterable(self.sentence_tokens))

    @property
    def kind(self) -> str:
        """How the file is parsed: "markdown", "html" or "text"."""
        return "markdown" if self.is_markdown else "html" if self.is_html else "text"

    @cached_property
    def key(self) -> str:
        """The document's name in the corpus index (see ``document_key``)."""
        return document_key(self.path)

    @cached_property
    def front_matter(self) -> str:
        """The YAML front matter of a Markdown article, or ""."""
        if not self.is_markdown:
            return ""
        match = _FRONT_MATTER.match(self.text)
        return match.group(1) if match else ""

    def derived(self, analysis: Callable[[Document], T]) -> T:
        """``analysis(self)``, computed once: rules that need the same analysis share it."""
        if analysis not in self._derived:
            self._derived[analysis] = analysis(self)
        return self._derived[analysis]  # type: ignore[no-any-return]

    @cached_property
    def repeated_paragraphs(self) -> frozenset[int]:
        """Paragraphs that repeat an earlier one verbatim (a paste the editor will delete)."""
        seen: set[str] = set()
        repeats = set()
        for number, paragraph in enumerate(self.paragraphs):
            text = " ".join(self.prose[paragraph.span.start : paragraph.span.end].split())
            if text in seen:
                repeats.add(number)
            seen.add(text)
        return frozenset(repeats)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.span.start for paragraph in self.paragraphs]

    def paragraph_at(self, offset: int) -> int | None:
        """The number of the paragraph holding ``offset``, if any."""
        number = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if number >= 0 and offset <= self.paragraphs[number].span.end:
            return number
        return None

    def is_prose(self, span: Span) -> bool:
        """True when no character of ``span`` was blanked out as markup."""
        return self.prose[span.start : span.end] == self.text[span.start : span.end]

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and character column of ``offset``."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_span(self, line: int) -> Span:
        """The span of 1-based ``line`` without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return Span(start, end)

    def __repr__(self) -> str:
        return f"Document({str(self.path)!r})"


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def blank(text: str, spans: list[Span]) -> str:
    """``text`` with the characters of ``spans`` replaced by spaces, line breaks kept."""
    pieces = []
    cursor = 0
    for span in sorted(spans):
        if span.end <= cursor:
            continue
        start = max(span.start, cursor)
        pieces.append(text[cursor:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start : span.end]))
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def complement(spans: list[Span], length: int) -> list[Span]:
    """The parts of ``[0, length)`` that ``spans`` (sorted, disjoint) do not cover."""
    gaps = []
    cursor = 0
    for span in spans:
        if span.start > cursor:
            gaps.append(Span(cursor, span.start))
        cursor = max(cursor, span.end)
    if cursor < length:
        gaps.append(Span(cursor, length))
    return gaps


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Web addresses and e-mail addresses; a text with none of the marks every one of
    them has ("://", "www.", "@") is not searched."""
    end = len(text) if end is None else end
    if not any(text.find(mark, start, end) >= 0 for mark in _URL_MARKS):
        return []
    return [Span(m.start(), m.end()) for m in _URL.finditer(text, start, end)]


def _plain_structure(text: str) -> Structure:
    paragraphs = []
    for match in _NONBLANK_LINES.finditer(text):
        trimmed = _TRIMMED.search(text, match.start(), match.end())
        if trimmed is not None:
            paragraphs.append(Paragraph("paragraph", Span(trimmed.start(), trimmed.end())))
    return Structure(blank(text, url_spans(text)), tuple(paragraphs), ())
