"""C003 lowercase-sentence-start."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document, Token
from mtlint.rule import CheckContext, Rule
from mtlint.rules.casing import is_lower, is_title
from mtlint.rules.honorifics import name_particles
from mtlint.rules.lexicon import is_common_word


class LowercaseSentenceStart(Rule):
    """A sentence starts in lower case after a full stop ("…he said. she said").

    ## What it does
    Finds a sentence, after another in the same paragraph, whose first word
    is in lower case.

    ## Why is this bad?
    It is the trace of two segments glued together, or of a sentence split
    where the source had none; readers take it for a typo.

    ## Example
    ```
    The ministry confirmed the call. officials gave no details.
    ```

    ## Use instead
    ```
    The ministry confirmed the call. Officials gave no details.
    ```

    ## Fix safety
    Unsafe: the first letter is capitalised, though the full stop itself may
    be the error. Words that are written in lower case on purpose ("iPhone",
    "eBay", "de Gaulle", a product such as "mtlint"), URLs and the text after
    an abbreviation's full stop are left alone.
    """

    code = "C003"
    name = "lowercase-sentence-start"
    summary = "A sentence starts in lower case"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        sentences = doc.sentence_tokens
        for number in range(1, len(sentences)):
            if doc.sentences[number].paragraph != doc.sentences[number - 1].paragraph:
                continue
            tokens = sentences[number]
            previous = sentences[number - 1]
            if not tokens or not previous or not _ends_with_full_stop(previous):
                continue
            first = tokens[0]
            if not is_lower(first) or first.start != doc.sentences[number].span.start:
                continue
            if _after_markup(doc, previous[-1].end, first.start):
                continue
            if first.text in name_particles() and len(tokens) > 1 and is_title(tokens[1]):
                continue
            if not is_common_word(first.text):
                continue
            fixed = first.text[0].upper() + first.text[1:]
            span = Span(first.start, first.start + 1)
            yield self.diagnostic(
                first.span,
                f'The sentence starts in lower case: write "{fixed}"',
                Fix.replace(span, fixed[0], f'Write "{fixed}"', Applicability.UNSAFE),
            )


def _ends_with_full_stop(tokens: list[Token]) -> bool:
    """True when a sentence ends with a full stop that closes a word, not an abbreviation
    ("Ave.", "U.S.", "sq.", "ehf.")."""
    if tokens[-1].text != ".":
        return False
    words = [t for t in tokens if t.kind != "punct"]
    if not words:
        return False
    last = words[-1].text
    if "." in last or (last[0].isupper() and len(last) <= 4):
        return False
    return not (len(last) <= 3 and last.islower() and (len(last) == 1 or not is_common_word(last)))


def _after_markup(doc: Document, end: int, start: int) -> bool:
    """True when code or markup that the prose view blanks opens the sentence
    ("`--dask local` starts a cluster"): the word is not its first."""
    return any(
        not char.isspace() and blank.isspace()
        for char, blank in zip(doc.text[end:start], doc.prose[end:start], strict=True)
    )
