"""R005 degenerate-repetition."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from operator import eq
from typing import TYPE_CHECKING

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule
from mtlint.rules.repetition import LOOP_COPIES
from mtlint.rules.word_classes import word_class

if TYPE_CHECKING:
    import regex

_LETTERS = lazy_pattern(r"\p{L}+")
#: Words that a long paragraph repeats anyway; a loop of them is still found when two
#: copies touch ("the the the the").
_COMMON = frozenset(
    {"the", "a", "an", "of", "and", "to", "in", "on", "for", "that", "is", "was", "with", "as"}
    | {"by", "at", "from", "it"}
)
_COMMON_BYTES = frozenset(word.encode() for word in _COMMON)
#: Each byte of ASCII text to itself lower-cased if it is a letter, else to a space.
_ASCII_LETTERS_LOWERED = bytes(
    byte | 0x20 if chr(byte).isascii() and chr(byte).isalpha() else 0x20 for byte in range(256)
)
_LOOP = lazy_pattern(
    r"(?i)(?<![\p{L}\p{N}])(?P<unit>\p{L}[\p{L}\p{N}'’-]*(?:[ \t]+\p{L}[\p{L}\p{N}'’-]*){0,11})"
    rf"(?P<rest>(?:[ \t]*[,;]?[ \t]+(?P=unit)(?![\p{{L}}\p{{N}}])){{{LOOP_COPIES - 1},}})"
)


class DegenerateRepetition(Rule):
    """The engine looped: a word or phrase four or more times in a row ("Bern, Bern, Bern, Bern").

    ## What it does
    Finds a word or a phrase of up to twelve words repeated four or more
    times in a row, with or without commas between the copies.

    ## Why is this bad?
    Neural engines that lose track of the source fall into a loop and repeat
    the last words until the output limit: the sentence never ends.

    ## Example
    ```
    He studied at the University of Bern, Bern, Bern, Bern, Bern.
    ```

    ## Use instead
    ```
    He studied at the University of Bern.
    ```

    ## Fix safety
    Unsafe: all copies but the first are deleted, but the engine may have
    dropped the rest of the sentence too. Interjections people repeat in
    speech ("no, no, no, no") are left alone.
    """

    code = "R005"
    name = "degenerate-repetition"
    summary = "A word or phrase repeats four or more times in a row"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        interjections = word_class("interjections")
        for paragraph in doc.paragraphs:
            text = doc.prose[paragraph.span.start : paragraph.span.end]
            if not _may_loop(text):
                continue
            for match in _LOOP.finditer(doc.prose, paragraph.span.start, paragraph.span.end):
                unit = match.group("unit")
                if unit.lower() in interjections:
                    continue
                copies = 1 + len(_copies(unit).findall(match.group("rest")))
                span = Span(match.start(), match.end())
                yield self.diagnostic(
                    span,
                    f'"{unit}" is repeated {copies} times in a row: the translation looped',
                    Fix.replace(
                        Span(match.start("rest"), match.end("rest")),
                        "",
                        f'Keep one "{unit}"',
                        Applicability.UNSAFE,
                    ),
                )


def _may_loop(text: str) -> bool:
    """Whether a loop may be in ``text``, before the costly search: each copy opens with
    the same letters, so some run of letters comes four times (paragraphs rarely repeat
    one but "the"), or, when they are common words, twice in a row ("the the")."""
    runs: list[str] | list[bytes]
    if text.isascii():  # its runs, lower-cased, by a table and a split in C
        runs, common_words = text.encode().translate(_ASCII_LETTERS_LOWERED).split(), _COMMON_BYTES
    else:
        runs, common_words = list(map(str.casefold, _LETTERS.findall(text))), _COMMON
    counts = Counter(runs)
    if max(counts.values(), default=0) >= LOOP_COPIES:
        for common in common_words.intersection(counts):
            del counts[common]
        if max(counts.values(), default=0) >= LOOP_COPIES:
            return True
    return any(map(eq, runs, runs[1:]))


def _copies(unit: str) -> regex.Pattern[str]:
    import regex

    return regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}]){regex.escape(unit)}(?![\p{{L}}\p{{N}}])")
