"""N011 unicode-form."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule

_WORD = lazy_pattern(r"\S+")


class UnicodeForm(Rule):
    """A word is not in Unicode NFC ("é" written as "e" and a combining accent).

    ## What it does
    Finds words whose letters are stored decomposed (a base letter followed
    by combining marks) where Unicode's composed form (NFC) exists.

    ## Why is this bad?
    "Zelens'kyi" and "Kyïv" look the same either way but are different
    strings: searches, glossary checks and spell checkers miss the
    decomposed spelling.

    ## Example
    ```
    The cafe\\u0301 in Kyi\\u0308v
    ```

    ## Use instead
    ```
    The café in Kyïv
    ```

    ## Fix safety
    Safe: NFC changes how the letters are stored, not how they look.
    """

    code = "N011"
    name = "unicode-form"
    summary = "A word is not in Unicode NFC"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        if unicodedata.is_normalized("NFC", doc.prose):
            return
        for match in _WORD.finditer(doc.prose):
            word = match.group()
            if unicodedata.is_normalized("NFC", word):
                continue
            composed = unicodedata.normalize("NFC", word)
            span = Span(match.start(), match.end())
            yield self.diagnostic(
                span,
                f'"{composed}" is stored decomposed: write it in NFC',
                Fix.replace(span, composed, "Normalise to NFC", Applicability.SAFE),
            )
