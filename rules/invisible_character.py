"""N002 invisible-character."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Severity, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule

_INVISIBLE = lazy_pattern(
    r"[\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E"
    r"\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F"
    r"\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]"
)
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_JOINERS = frozenset("\u200c\u200d")


class InvisibleCharacter(Rule):
    """An invisible character is hidden in the text (zero-width space, soft hyphen, control).

    ## What it does
    Finds zero-width spaces and joiners, word joiners, soft hyphens, byte
    order marks inside the text, C0 and C1 control characters, and bidi
    controls. Bidi controls are reported as errors: they reorder what a
    reader sees and can hide text.

    ## Why is this bad?
    Copy-paste from translation tools and CMSs carries them along; they break
    searches ("Ky\u200biv" is not "Kyiv"), spell checkers and line breaking.

    ## Example
    ```
    The talks in Ky<U+200B>iv ended.
    ```

    ## Use instead
    ```
    The talks in Kyiv ended.
    ```

    ## Fix safety
    Safe: the character is deleted. Zero-width joiners and non-joiners are
    kept where a script or an emoji needs them (Persian, Hindi, "👩‍💻").
    """

    code = "N002"
    name = "invisible-character"
    summary = "An invisible character is hidden in the text"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        text = doc.text
        if not _may_hide(text):
            return
        for match in _INVISIBLE.finditer(text):
            char = match.group()
            span = Span(match.start(), match.end())
            bidi = char in _BIDI
            if not bidi and not doc.is_prose(span):
                continue
            if char in _JOINERS and _joins_script(text, match.start()):
                continue
            name = unicodedata.name(char, "CONTROL CHARACTER")
            warning = ": it can reorder and hide text" if bidi else ""
            yield self.diagnostic(
                span,
                f"Invisible character {name} (U+{ord(char):04X}){warning}; delete it",
                Fix.replace(span, "", f"Delete U+{ord(char):04X}", Applicability.SAFE),
                severity=Severity.ERROR if bidi else None,
            )


def _may_hide(text: str) -> bool:
    """Whether ``text`` may hold an invisible character: text in ASCII holds one only as a
    control character other than a tab or a line break, which ``isprintable`` finds
    several times faster than the pattern."""
    if not text.isascii():
        return True
    return not text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable()


def _joins_script(text: str, offset: int) -> bool:
    """True when a joiner sits between letters of a script that uses it, or in an emoji."""
    neighbours = [
        text[offset - 1] if offset else "",
        text[offset + 1] if offset + 1 < len(text) else "",
    ]
    for char in neighbours:
        if not char:
            continue
        if unicodedata.category(char) in ("So", "Sk") or ord(char) >= 0x1F000:
            return True
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return True
    return False
