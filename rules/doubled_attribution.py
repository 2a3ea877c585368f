"""C004 doubled-attribution."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Related, Span
from mtlint.document import Document
from mtlint.lazy_pattern import LazyPattern, lazy_pattern
from mtlint.rule import CheckContext, Rule
from mtlint.rules.word_classes import word_class

#: At most this many words may follow the verb of a bare attribution ("in a statement").
TRAILING_WORDS = 4
#: A speaker is a pronoun, "the" and a noun, or up to this many capitalised words.
SPEAKER_WORDS = 4
#: The speaker, the verb and the trailing words.
LONGEST_BARE_ATTRIBUTION = SPEAKER_WORDS + 1 + TRAILING_WORDS


class DoubledAttribution(Rule):
    """A quote is attributed twice ("…,” he said. she said in a statement.").

    ## What it does
    Finds a sentence that is nothing but an attribution ("she said in a
    statement.") right after a sentence that already ends with one
    ("…,” he said.").

    ## Why is this bad?
    Engines translate the source's attribution and then a second one from a
    neighbouring segment, so one quote gets two speakers.

    ## Example
    ```
    “We insist on professional dialogue,” he said. she said in a statement.
    ```

    ## Use instead
    ```
    “We insist on professional dialogue,” she said in a statement.
    ```

    ## Fix safety
    Unsafe: the second attribution is deleted, but it may be the right one.
    A second sentence that says something ("She said the department would
    continue…") is not an attribution and is left alone.
    """

    code = "C004"
    name = "doubled-attribution"
    summary = "A quote is attributed twice"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        for previous, sentence in zip(doc.sentences, doc.sentences[1:], strict=False):
            if previous.paragraph != sentence.paragraph:
                continue
            text = doc.prose[sentence.span.start : sentence.span.end]
            words = text.lower().split()
            if len(words) > LONGEST_BARE_ATTRIBUTION:
                continue
            if not _SAYING_VERBS.intersection(
                word.strip(".") for word in words[1 : SPEAKER_WORDS + 1]
            ):
                continue
            closing, bare = _patterns()
            match = bare.match(text)
            if match is None or _THAT.search(match.group("rest")):
                continue
            if not closing.search(doc.prose[previous.span.start : previous.span.end]):
                continue
            start = previous.span.end
            yield self.diagnostic(
                sentence.span,
                "This quote is already attributed: keep one attribution",
                Fix.replace(
                    Span(start, sentence.span.end),
                    "",
                    "Delete this attribution",
                    Applicability.UNSAFE,
                ),
                [Related(previous.span, "the first attribution")],
            )


_SAYING_VERBS = word_class("saying_verbs")
_THAT = lazy_pattern(r"(?i)\bthat\b")


@cache
def _patterns() -> tuple[LazyPattern, LazyPattern]:
    """The sentence that ends in an attribution, and the sentence that is nothing but one;
    compiled once, and only for an article with a short sentence around a saying verb."""
    verbs = "|".join(sorted(_SAYING_VERBS))
    speaker = (
        r"(?:he|she|they|it|we|i|the\s+\p{L}+"
        rf"|\p{{Lu}}[\p{{L}}.’'-]*(?:\s+\p{{Lu}}[\p{{L}}.’'-]*){{0,{SPEAKER_WORDS - 1}}})"
    )
    closing = lazy_pattern(
        rf"(?i)(?:[,”\"’]\s*{speaker}\s+(?:{verbs})|(?:{verbs})\s+{speaker})[^.!?]{{0,40}}\.[”\"’]?\Z"
    )
    bare = lazy_pattern(
        rf"(?i)\A{speaker}\s+(?:{verbs})(?P<rest>(?:\s+[\p{{L}}’'-]+){{0,{TRAILING_WORDS}}})\s*\.\Z"
    )
    return closing, bare
