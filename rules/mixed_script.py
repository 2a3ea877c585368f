"""N003 mixed-script."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.machine_cache import module_stamp, stored_dict
from mtlint.rule import CheckContext, Rule

#: Articles without a Cyrillic or Greek letter, nearly all, are passed over at once.
_FOREIGN_LETTER = lazy_pattern(r"[\p{Cyrillic}\p{Greek}]")
_LATIN = lazy_pattern(r"\p{Latin}")
_MIXED = lazy_pattern(
    r"\b(?=\p{L}*\p{Latin})(?=\p{L}*[\p{Cyrillic}\p{Greek}])\p{L}+\b"
    r"|(?<=[\p{N}°][ \u00a0]?|^|[ \t(])[\p{Cyrillic}\p{Greek}](?=[ \t.,;:)]|$)"
)


def latin_lookalike(char: str) -> str | None:
    """The Latin letter that ``char`` imitates, from the Unicode confusables data."""
    return _latin_lookalikes().get(char)


@cache
def _latin_lookalikes() -> dict[str, str]:
    """Each character that looks like one Latin letter → that letter. Loading the
    confusables data takes 60 ms, so the 1,350 characters kept are stored once per
    machine."""
    version = module_stamp("confusable_homoglyphs")
    return stored_dict("latin-lookalikes.marshal", version, _from_confusables)


def _from_confusables() -> dict[str, str]:
    from confusable_homoglyphs import confusables

    lookalikes = {}
    for char in confusables.confusables_data:
        found = len(char) == 1 and confusables.is_confusable(
            char, greedy=True, preferred_aliases=["latin"]
        )
        latin = [
            homoglyph["c"]
            for entry in found or []
            for homoglyph in entry["homoglyphs"]
            if len(homoglyph["c"]) == 1 and homoglyph["n"].startswith("LATIN")
        ]
        if latin:
            lookalikes[char] = latin[0]
    return lookalikes


class MixedScript(Rule):
    """A Latin word has a Cyrillic or Greek look-alike letter inside ("Kyіv").

    ## What it does
    Finds words written in Latin letters with one or more Cyrillic or Greek
    letters that look the same (Ukrainian "і", Cyrillic "е", Greek "ο"), and
    single look-alike letters in Latin text ("25 °С" with a Cyrillic С), from
    the Unicode confusables data, and replaces them with the Latin letter.

    ## Why is this bad?
    The word looks right but is another string: searches, spell checkers
    and name checks all miss it, and some systems reject it as spoofing.

    ## Example
    ```
    The talks in Kyіv (with a Ukrainian і) ended.
    ```

    ## Use instead
    ```
    The talks in Kyiv ended.
    ```

    ## Fix safety
    Safe: only letters that look exactly like a Latin letter are replaced.
    Words wholly in another script are T003's concern, not this rule's.
    """

    code = "N003"
    name = "mixed-script"
    summary = "A Latin word has a Cyrillic or Greek look-alike letter"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        if doc.prose.isascii() or not _FOREIGN_LETTER.search(doc.prose):
            return
        for match in _MIXED.finditer(doc.prose):
            word = match.group()
            latin = sum(1 for c in word if _LATIN.match(c))
            if len(word) > 1 and latin * 2 < len(word):
                continue
            if len(word) == 1 and _among_foreign_words(doc.prose, match.start()):
                continue
            replacements = {c: latin_lookalike(c) for c in word if _FOREIGN_LETTER.match(c)}
            if not all(replacements.values()):
                continue
            fixed = "".join(replacements.get(c) or c for c in word)
            foreign = ", ".join(f"U+{ord(c):04X}" for c in replacements)
            span = Span(match.start(), match.end())
            yield self.diagnostic(
                span,
                f'"{word}" mixes scripts ({foreign} only looks Latin): write "{fixed}"',
                Fix.replace(span, fixed, f'Write "{fixed}"', Applicability.SAFE),
            )


def _among_foreign_words(prose: str, offset: int) -> bool:
    """A lone letter beside Cyrillic or Greek words is part of that text (T003's concern)."""
    nearby = prose[max(0, offset - 20) : offset + 21]
    return len(_FOREIGN_LETTER.findall(nearby)) > 1
