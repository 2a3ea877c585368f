"""The twin, written for ``re``, of a ``regex`` pattern, for plain text.

Most English articles are plain text: ASCII and a few marks of typography
(curly quotes, dashes, the ellipsis, no-break spaces). There ``re`` finds
what ``regex`` finds, compiling a pattern a little quicker and handing back
its matches quicker, and a check need not import ``regex`` at all. What
keeps the two apart in plain text is little: the Unicode properties, which
``re`` lacks but which hold a known set of its characters each (``\\p{Lu}``
is ``A-Z``; ``\\p{Greek}`` has none, and a character that plain text never
holds stands in for it), and ``\\s``, which ``re`` lets match the separators
U+001C–U+001F too. Everything else in the subset read here means the same to
both. A pattern with anything outside that subset (set operations, ``\\X``,
a named list, a flag ``re`` lacks, scoped verbose mode, a case-insensitive
letter that folds into ASCII …) gets no twin, and runs on ``regex``.
"""

from __future__ import annotations

import re

from mtlint.plain_text import TYPOGRAPHIC_PUNCTUATION

#: Stands in for a property without a member in plain text: a character that plain
#: text never holds, so it matches nothing there, and a set holding it is never empty.
_NONE = r"\x80"
#: The members in plain text of each property the rules use, in set notation.
_PROPERTY_IN_PLAIN_TEXT = {
    "L": "A-Za-z",
    "Lu": "A-Z",
    "Ll": "a-z",
    "Latin": "A-Za-z",
    "N": "0-9",
    "Nd": "0-9",
    "P": re.escape("!\"#%&'()*,-./:;?@[\\]_{}") + TYPOGRAPHIC_PUNCTUATION,
    "Zs": r"\x20\u00a0",
    **dict.fromkeys(
        (
            "M", "Mn", "Arabic", "Armenian", "Bengali", "Cyrillic", "Devanagari",
            "Georgian", "Greek", "Han", "Hangul", "Hebrew", "Hiragana", "Katakana",
            "Tamil", "Thai",
        ),
        _NONE,
    ),
}  # fmt: skip
#: White space as ``regex`` has it in plain text.
_SPACE = r"\t\n\x0b\x0c\r\x20\u00a0"
#: Letters that mean the same after a backslash to both modules; any other
#: (``\X``, ``\G``, ``\L<…>``, ``\pL`` …) leaves a pattern without a twin.
_SHARED_ESCAPES = frozenset("AbBdDwWsSZntrfvxuUN")

_OUTSIDE_SET = re.compile(
    r"""
      (?P<property>\\[pP]\{[^}]*\})
    | (?P<escape>\\(?:N\{[^}]*\}|.))
    | (?P<set>\[\^?\]?)
    | (?P<flags>\(\?[imsx]+\))
    | (?P<group>\((?:\?(?:[:=!>]|<[=!]|P<\w+>|P=\w+\)|\#[^)]*\)|[ims]*(?:-[ims]+)?:))?)
    | (?P<comment>\#[^\n]*)
    | (?P<text>[^\\\[\]()\#]+|[\])\#])
    """,
    re.VERBOSE | re.DOTALL,
)
_INSIDE_SET = re.compile(
    r"""
      (?P<property>\\[pP]\{[^}]*\})
    | (?P<escape>\\(?:N\{[^}]*\}|.))
    | (?P<nested>\[)
    | (?P<end>\])
    | (?P<text>[^\\\[\]]+)
    """,
    re.VERBOSE | re.DOTALL,
)
#: A repeat in braces; any other brace may be a fuzzy match (``{e<=1}``) to ``regex``.
_BRACES = re.compile(r"\{\d*(?:,\d*)?\}")
#: Pairs that ``regex`` may read, and ``re`` warns of, as set operations.
_SET_OPERATORS = ("--", "&&", "||", "~~")
_CASE_INSENSITIVE = re.compile(r"\(\?[imsx]*i")
_ESCAPED_CHARACTER = re.compile(r"\\u([0-9A-Fa-f]{4})")
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def re_twin(source: str) -> str | None:
    """The ``re`` source that finds in plain text what ``source`` finds with
    ``regex``, or None when that cannot be told from the source alone."""
    if _CASE_INSENSITIVE.search(source) and _folds_into_ascii(source):
        return None
    pieces: list[str] = []
    verbose, position, in_set, leading = False, 0, False, True
    while position < len(source):
        piece = (_INSIDE_SET if in_set else _OUTSIDE_SET).match(source, position)
        if piece is None:
            return None
        kind, text = piece.lastgroup, piece.group()
        position = piece.end()
        if kind == "flags":
            if not leading:
                return None
            verbose = verbose or "x" in text
        leading = leading and kind == "flags"
        if kind == "comment" and not verbose:
            kind, text, position = "text", "#", piece.start() + 1
        translated = _translated(kind, text, in_set)
        unknown_group = kind == "group" and text == "(" and source.startswith("?", position)
        if translated is None or unknown_group:
            return None
        in_set = (in_set and kind != "end") or kind == "set"
        pieces.append(translated)
    return None if in_set else "".join(pieces)


def _translated(kind: str | None, text: str, in_set: bool) -> str | None:
    """One piece of a pattern as ``re`` should read it, or None if it cannot."""
    if kind == "property":
        members = _PROPERTY_IN_PLAIN_TEXT.get(text[3:-1])
        if members is None or (in_set and text[1] == "P"):
            return None
        if in_set:
            return members
        return f"[{'^' if text[1] == 'P' else ''}{members}]"
    if kind == "escape":
        letter = text[1]
        if letter.isascii() and letter.isalpha() and letter not in _SHARED_ESCAPES:
            return None
        if letter == "s":
            return _SPACE if in_set else f"[{_SPACE}]"
        if letter == "S":
            return None if in_set else f"[^{_SPACE}]"
        return text
    if kind == "nested" or (in_set and any(pair in text for pair in _SET_OPERATORS)):
        return None
    if not in_set and "{" in text and "{" in _BRACES.sub("", text):
        return None
    return text


def _folds_into_ascii(source: str) -> bool:
    """True if a character of ``source`` outside ASCII has a case form in ASCII
    (the dotless ı, the long ſ, the Kelvin sign …), which the two modules fold apart."""
    written = _ESCAPED_CHARACTER.sub(lambda escape: chr(int(escape.group(1), 16)), source)
    return any(
        form.isascii() and form.isalpha()
        for character in set(_BEYOND_ASCII.findall(written))
        for form in character.lower() + character.upper() + character.casefold()
    )
