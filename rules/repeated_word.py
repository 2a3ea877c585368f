"""R003 repeated-word."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule
from mtlint.rules.casing import headline_paragraphs
from mtlint.rules.repetition import LOOP_COPIES
from mtlint.rules.word_classes import word_class

if TYPE_CHECKING:
    import regex

_DOUBLE = lazy_pattern(
    r"(?i)(?<![\p{L}\p{N}'’.-])(\p{L}+)([ \t]+|[ \t]*\n[ \t]*)(\1)(?![\p{L}\p{N}'’-])"
)
_LEAD_IN = lazy_pattern(r"(?i)\b(?:what|it|thing|problem|question|point|truth|fact)\s+\Z")


class RepeatedWord(Rule):
    """A word is written twice in a row ("the the").

    ## What it does
    Finds a word immediately followed by itself.

    ## Why is this bad?
    An engine, or an edit, left a word twice; readers stumble on it.

    ## Example
    ```
    The the minister said the talks would resume.
    ```

    ## Use instead
    ```
    The minister said the talks would resume.
    ```

    ## Fix safety
    Safe: the second word is deleted. Doubles that English allows are left
    alone ("that that", "had had", "what it is is", "bye bye"), and so are
    reduplicated names ("Walla Walla", "Sirhan Sirhan", "Bora Bora") and a
    word repeated across the line break of a heading.
    """

    code = "R003"
    name = "repeated-word"
    summary = "A word is written twice in a row"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        if not _has_double(doc):
            return
        allowed = word_class("allowed_doubles")
        prose = doc.prose
        headlines = doc.derived(headline_paragraphs)
        for number, paragraph in enumerate(doc.paragraphs):
            loop_end = -1
            for match in _DOUBLE.regex().finditer(
                prose, paragraph.span.start, paragraph.span.end, overlapped=True
            ):
                if match.start() < loop_end:
                    continue
                run_end, copies = _run(prose, match, paragraph.span.end)
                if copies >= LOOP_COPIES:
                    loop_end = run_end
                    continue
                first, gap, second = match.group(1), match.group(2), match.group(3)
                word = first.lower()
                if word in allowed or (first[0].isupper() and second[0].isupper()):
                    continue
                if word == "is" and _LEAD_IN.search(prose, paragraph.span.start, match.start()):
                    continue
                if "\n" in gap and number in headlines:
                    continue
                if not doc.is_prose(Span(match.start(), match.end())):
                    continue
                span = Span(match.start(2), match.end(3))
                yield self.diagnostic(
                    Span(match.start(), match.end()),
                    f'"{first}" is written twice: delete the second',
                    Fix.replace(span, "", f'Delete the second "{second}"', Applicability.SAFE),
                )


def _has_double(doc: Document) -> bool:
    """Whether two words in a row are the same, which every finding needs: a walk over
    the tokens the article already has, five times faster than the pattern."""
    previous = ""
    for token in doc.tokens:
        if token.kind != "word":
            previous = ""
            continue
        folded = token.text.casefold()
        if folded == previous:
            return True
        previous = folded
    return False


def _run(prose: str, match: regex.Match[str], limit: int) -> tuple[int, int]:
    """Where the run of copies that ``match`` opens ends, and how many copies it has."""
    import regex

    word = regex.escape(match.group(1))
    following = regex.compile(
        rf"(?:[ \t]+|[ \t]*\n[ \t]*)({word})(?![\p{{L}}\p{{N}}'’-])", regex.IGNORECASE
    )
    end, copies = match.end(), 2
    while (copy := following.match(prose, end, limit)) is not None:
        end, copies = copy.end(), copies + 1
    return end, copies
