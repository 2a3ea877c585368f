"""R004 near-duplicate-paragraph."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache

from mtlint.diagnostics import Applicability, Diagnostic, Related
from mtlint.document import Document
from mtlint.rule import CheckContext, Option, Rule
from mtlint.rules.repetition import deletion_fix, has_words, paragraph_texts

MINIMUM_WORDS = 10


class NearDuplicateParagraph(Rule):
    """A paragraph repeats an earlier one with small changes.

    ## What it does
    Finds a paragraph of ten words or more that is nearly the same as an
    earlier one (rapidfuzz similarity of at least `similarity` percent) but
    not identical, which R001 reports.

    ## Why is this bad?
    A segment translated twice, by two engines or in two passes, is pasted
    twice with different wording: the article repeats itself.

    ## Example
    ```
    Mr Blinken announced on Wednesday that he planned to contact Sergei Lavrov.

    Mr. Blinken announced Wednesday that he plans to contact Sergei Lavrov.
    ```

    ## Use instead
    ```
    Mr. Blinken announced on Wednesday that he planned to contact Sergei Lavrov.
    ```

    ## Fix safety
    Unsafe: the later paragraph is deleted, though it may be the better of
    the two, or carry a detail the first lacks. A headline that the lead
    paragraph restates, as news style has it, is not a repeat.
    """

    code = "R004"
    name = "near-duplicate-paragraph"
    summary = "A paragraph repeats an earlier one with small changes"
    fix = Applicability.UNSAFE
    options = {
        "similarity": Option(
            90.0, "How similar two paragraphs must be, in percent (rapidfuzz ratio)"
        ),
    }

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        cutoff = self.settings["similarity"]
        earlier: list[tuple[int, str]] = []
        texts = doc.derived(paragraph_texts)
        characters: dict[int, Counter[str]] = {}
        for number, paragraph in enumerate(doc.paragraphs):
            if paragraph.kind == "table-cell":
                continue
            text = texts[number]
            if not has_words(text, MINIMUM_WORDS) or _is_headline(number, text):
                continue
            for other, other_text in earlier:
                if other_text == text:
                    break
                if not _lengths_allow(text, other_text, cutoff):
                    continue
                if "rapidfuzz" not in sys.modules:
                    for key in (number, other):
                        if key not in characters:
                            characters[key] = Counter(texts[key])
                    shared = _shared_characters(characters[number], characters[other])
                    if 200 * shared < cutoff * (len(text) + len(other_text)):
                        continue
                score = _ratio()(text, other_text, score_cutoff=cutoff)
                if score:
                    line = doc.position(doc.paragraphs[other].span.start)[0]
                    yield self.diagnostic(
                        paragraph.span,
                        f"This paragraph is {score:.0f}% the same as line {line}: keep one",
                        deletion_fix(doc, number, "Delete this paragraph", Applicability.UNSAFE),
                        [Related(doc.paragraphs[other].span, "the earlier version")],
                    )
                    break
            earlier.append((number, text))


@cache
def _ratio() -> Callable[..., float]:
    """rapidfuzz's ratio, imported when first needed (see ``_shared_characters``)."""
    from rapidfuzz.fuzz import ratio

    return ratio


def _is_headline(number: int, text: str) -> bool:
    """The first paragraph without a closing full stop: a headline, which the lead restates."""
    return number == 0 and not text.endswith((".", "!", "?", '"'))


def _lengths_allow(first: str, second: str, cutoff: float) -> bool:
    """Whether two texts are close enough in length to reach ``cutoff``: the ratio is at
    most twice the shorter length over both lengths, so most pairs need no comparison."""
    return 200 * min(len(first), len(second)) >= cutoff * (len(first) + len(second))


def _shared_characters(first: Counter[str], second: Counter[str]) -> int:
    """How many characters two texts have in common, counted with repeats: a bound on
    their longest common subsequence, which rapidfuzz's ratio divides by the lengths.
    Two paragraphs of like length but other words fall short of it, and a one-file
    check then does not import rapidfuzz (10 ms of start); once it is imported, its
    ratio costs less than counting characters."""
    if len(second) < len(first):
        first, second = second, first
    return sum(min(count, second[character]) for character, count in first.items())
