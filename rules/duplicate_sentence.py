"""R002 duplicate-sentence."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Related, Span
from mtlint.document import Document
from mtlint.rule import CheckContext, Rule
from mtlint.rules.repetition import MINIMUM_WORDS, has_words, normalised


class DuplicateSentence(Rule):
    """A sentence is repeated in its paragraph or in the next one.

    ## What it does
    Finds a sentence whose text, with whitespace and quote styles set aside,
    repeats a sentence earlier in the same paragraph or in the paragraph
    before, and flags the later copy.

    ## Why is this bad?
    Engines that translate a paragraph in pieces sometimes emit a sentence
    twice; readers notice at once.

    ## Example
    ```
    The talks ended without a deal. The talks ended without a deal. Both sides left.
    ```

    ## Use instead
    ```
    The talks ended without a deal. Both sides left.
    ```

    ## Fix safety
    Safe: the repeat and the space before it are deleted. Sentences of fewer
    than four words ("No." "Thank you.") are repeated on purpose and left
    alone; a whole repeated paragraph is R001's finding.
    """

    code = "R002"
    name = "duplicate-sentence"
    summary = "A sentence is repeated in its paragraph or the next one"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        seen: dict[str, Span] = {}
        previous_paragraph: dict[str, Span] = {}
        current = -1
        for sentence in doc.sentences:
            if sentence.paragraph != current:
                previous_paragraph = {} if sentence.paragraph != current + 1 else seen
                seen, current = {}, sentence.paragraph
            text = normalised(doc.prose[sentence.span.start : sentence.span.end])
            earlier = seen.get(text) or previous_paragraph.get(text)
            if earlier is None:
                seen[text] = sentence.span
                continue
            if not has_words(text, MINIMUM_WORDS):
                continue
            fix = Fix.replace(
                _with_space(doc.text, sentence.span),
                "",
                "Delete the repeated sentence",
                Applicability.SAFE,
            )
            yield self.diagnostic(
                sentence.span,
                f"This sentence repeats line {doc.position(earlier.start)[0]}: delete the repeat",
                fix,
                [Related(earlier, "first written here")],
            )


def _with_space(text: str, span: Span) -> Span:
    """``span`` with the spaces before it, or after it when it opens a line."""
    start, end = span.start, span.end
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if start > 0 and text[start - 1] != "\n":
        return Span(start, end)
    while end < len(text) and text[end] in " \t":
        end += 1
    return Span(span.start, end)
