"""What repeated text looks like once layout is set aside, and how to delete a repeat."""

from __future__ import annotations

from itertools import islice

from mtlint.diagnostics import Applicability, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern

#: Shorter paragraphs and sentences are repeated on purpose ("Advertisement",
#: "Photo: Reuters", "Read more:"), so they are never reported as repeats.
MINIMUM_WORDS = 4
#: This many copies in a row are a loop of the engine (R005), not a doubled word (R003).
LOOP_COPIES = 4

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_WORD = lazy_pattern(r"[\p{L}\p{N}]+")


def normalised(text: str) -> str:
    """``text`` with whitespace collapsed and quotes made straight (text in ASCII has none
    to make straight, and is told ten times faster than it is translated)."""
    if not text.isascii():
        text = text.translate(_QUOTES)
    return " ".join(text.split())


#: Each byte of ASCII text to "a" if it is a letter or a digit, as ``_WORD`` has them, else
#: to a space.
_ASCII_WORD_BYTES = bytes(
    ord("a") if chr(byte).isascii() and chr(byte).isalnum() else ord(" ") for byte in range(256)
)


def has_words(text: str, count: int) -> bool:
    """Whether ``text`` holds ``count`` words or more. Text in ASCII has its words split
    off in C, three times faster than matching the first ``count`` of them; the search
    of other text stops at the count, as paragraphs run to a hundred words where the
    question is about ten."""
    if text.isascii():
        return len(text.encode().translate(_ASCII_WORD_BYTES).split(None, count - 1)) >= count
    return len(list(islice(_WORD.finditer(text), count))) == count


def paragraph_texts(doc: Document) -> tuple[str, ...]:
    """Each paragraph's text, normalised; use ``doc.derived(paragraph_texts)`` to share it."""
    return tuple(normalised(doc.prose[p.span.start : p.span.end]) for p in doc.paragraphs)


def deletion_fix(
    doc: Document, number: int, message: str, applicability: Applicability
) -> Fix | None:
    """The fix that deletes paragraph ``number``, or ``None`` where it cannot (see ``deletion``)."""
    span = deletion(doc, number)
    return None if span is None else Fix.replace(span, "", message, applicability)


def deletion(doc: Document, number: int) -> Span | None:
    """The span that removes paragraph ``number`` with the blank line before it.

    Markup on its lines (a heading's "#", a list marker) goes with it; ``None``
    when other prose shares its lines, which deleting it would break.
    """
    paragraph = doc.paragraphs[number].span
    text, prose = doc.text, doc.prose
    line_start = text.rfind("\n", 0, paragraph.start) + 1
    line_end = text.find("\n", paragraph.end)
    line_end = len(text) if line_end < 0 else line_end
    if prose[line_start : paragraph.start].strip() or prose[paragraph.end : line_end].strip():
        return None
    if number == 0:
        following = len(text) - len(text[line_end:].lstrip())
        return Span(line_start, following)
    previous = doc.paragraphs[number - 1].span.end
    return Span(previous, line_end)
