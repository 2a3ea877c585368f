"""The quote marks of an article and the style most of them follow, for N005 and N007."""

from __future__ import annotations

from collections import Counter

from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern

STRAIGHT, CURLY = "straight", "curly"
DOUBLE_QUOTES = lazy_pattern(r'["“”]')
#: The look-behind follows the apostrophe, so that ``re`` scans for apostrophes.
APOSTROPHES = lazy_pattern(r"['’](?<=\p{L}.)(?=\p{L})")


def double_quote_style(doc: Document) -> str | None:
    """The style most double quotes of ``doc`` follow; ``None`` when it has none."""
    counts = Counter(
        STRAIGHT if m.group() == '"' else CURLY for m in DOUBLE_QUOTES.finditer(doc.prose)
    )
    if not counts:
        return None
    return STRAIGHT if counts[STRAIGHT] > counts[CURLY] else CURLY


def opening_quote(text: str, offset: int) -> bool:
    """Whether the straight quote at ``offset`` opens a quotation (by what precedes it)."""
    before = text[offset - 1] if offset else " "
    return before.isspace() or before in "([{—–-/"
