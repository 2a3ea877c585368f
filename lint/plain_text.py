"""Plain text: ASCII and the common marks of typography.

Most English articles are plain text, and there a pattern's twin in ``re``
finds what the pattern finds with ``regex`` (see ``re_twin``), so this is
what a search asks of its text first.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

#: The punctuation of plain text beyond ASCII.
TYPOGRAPHIC_PUNCTUATION = "‘’‚“”„«»–—…•·§′″"
#: The characters outside ASCII that plain text may hold: punctuation, symbols and
#: the no-break space, neither letters, digits nor marks, and without case. (Thin
#: spaces are left out: ``re`` takes a millisecond to compile a set of characters
#: beyond U+00FF, and every ``\s`` would hold them.)
TYPOGRAPHY = TYPOGRAPHIC_PUNCTUATION + "\u00a0°€£×©®™"


def is_plain(text: str) -> bool:
    """Whether ``text`` is plain text, where every twin finds what its pattern finds."""
    return text.isascii() or _typographic(text)


@lru_cache(maxsize=16)
def _typographic(text: str) -> bool:
    """Remembered, as the rules search one article with pattern after pattern (a string
    keeps its hash, so finding it again does not read it again)."""
    return _outside_plain_text().search(text) is None


@cache
def _outside_plain_text() -> re.Pattern[str]:
    """Compiled when first needed: a run answered from the cache never needs it, and a
    set of characters beyond U+00FF takes ``re`` most of a millisecond to compile."""
    return re.compile(f"[^\\x00-\\x7f{TYPOGRAPHY}]")
