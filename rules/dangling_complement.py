"""C005 dangling-complement."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import LazyPattern, lazy_pattern
from mtlint.rule import CheckContext, Rule
from mtlint.rules.casing import lowered_prose
from mtlint.rules.literals import Literals
from mtlint.rules.word_classes import word_class

#: "When asked why, he smiled": the question word ends an introductory phrase.
INTRODUCERS = frozenset({"when", "if", "once", "unless"})

_QUESTION_WORDS = ("how", "when", "why", "where", "what", "who", "whom", "whether", "which")
#: What every finding holds, found in the lower-case article faster than by a pattern.
_QUESTION_WORD_COMMAS = Literals.of(f"{word}," for word in _QUESTION_WORDS)


@lru_cache(maxsize=1)
def _pattern() -> LazyPattern:
    verbs = "|".join(sorted(word_class("question_verbs")))
    return lazy_pattern(
        rf"(?i)(?P<before>\b\p{{L}}+\s+)?\b(?P<verb>{verbs})\s+(?:on\s+)?"
        rf"(?P<wh>{'|'.join(_QUESTION_WORDS)})(?P<comma>,)\s+(?P<next>\p{{L}}+)"
    )


class DanglingComplement(Rule):
    """A question word is cut off from its clause by a comma ("say how, Mr. Lavrov replied").

    ## What it does
    Finds a verb of saying or knowing whose question word ("how", "when",
    "why", "whether", …) is followed by a comma and then the clause it
    introduces.

    ## Why is this bad?
    Engines that keep the source's punctuation split "say how Mr. Lavrov
    replied" in two, and the sentence no longer says what it meant.

    ## Example
    ```
    He refused to say how, Mr. Lavrov replied.
    ```

    ## Use instead
    ```
    He refused to say how Mr. Lavrov replied.
    ```

    ## Fix safety
    Unsafe: the comma is deleted. A comma before a new clause ("He did not
    say how, but added that…") and an introductory phrase ("When asked why,
    he smiled", "Asked when, officials declined") are left alone.
    """

    code = "C005"
    name = "dangling-complement"
    summary = "A question word is cut off from its clause by a comma"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        if not _QUESTION_WORD_COMMAS.any_in(doc.derived(lowered_prose)):
            return
        for match in _pattern().finditer(doc.prose):
            before = (match.group("before") or "").strip().lower()
            continuation = match.group("next").lower() in word_class("continuations")
            opening = not before and match.group("verb")[0].isupper()
            if continuation or opening or before in INTRODUCERS:
                continue
            comma = Span(match.start("comma"), match.end("comma"))
            wh = match.group("wh")
            yield self.diagnostic(
                Span(match.start("wh"), comma.end),
                f'The comma cuts "{wh}" off from its clause: delete it',
                Fix.replace(comma, "", "Delete the comma", Applicability.UNSAFE),
            )
