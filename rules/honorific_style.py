"""H002 honorific-style."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Related, Span
from mtlint.document import Document
from mtlint.rule import CheckContext, Option, Rule
from mtlint.rules.honorifics import english_titles
from mtlint.rules.name_mentions import NameWord, find_mentions

PERIOD, NO_PERIOD = "period", "no-period"


class HonorificStyle(Rule):
    """A title is written with and without its full stop in one article ("Mr" and "Mr.").

    ## What it does
    Counts the titles that English writes either way ("Mr", "Mrs", "Ms", "Mx",
    "Dr") and flags those that do not follow the article's style: the style
    most of them use, or the one the `style` option requires.

    ## Why is this bad?
    American style writes "Mr. Blinken", British style "Mr Blinken". An
    article that mixes them shows that parts of it came from different
    sources, often an engine and an editor.

    ## Example
    ```
    Mr Blinken called Mr. Lavrov, and Mr. Lavrov listened.
    ```

    ## Use instead
    ```
    Mr. Blinken called Mr. Lavrov, and Mr. Lavrov listened.
    ```

    ## Fix safety
    Safe: only the full stop after the title is added or removed. With the
    default `style = "consistent"`, a tie keeps the full stop.
    """

    code = "H002"
    name = "honorific-style"
    summary = "A title is written with and without its full stop in one article"
    fix = Applicability.SAFE
    options = {
        "style": Option(
            "consistent",
            'The style to require: "consistent" (the majority), "period" or "no-period"',
            choices=("consistent", PERIOD, NO_PERIOD),
        ),
    }

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        bare, _ = english_titles()
        titles: list[NameWord] = [
            mention.title
            for mention in doc.derived(find_mentions)
            if mention.title is not None and mention.title.form.rstrip(".").lower() in bare
        ]
        if not titles:
            return
        styles = Counter(PERIOD if t.form.endswith(".") else NO_PERIOD for t in titles)
        wanted = self.settings["style"]
        if wanted == "consistent":
            wanted = NO_PERIOD if styles[NO_PERIOD] > styles[PERIOD] else PERIOD
            reason = f"this article writes {styles[wanted]} of its {len(titles)} titles that way"
        else:
            reason = "the configured style"
        examples = [t for t in titles if t.form.endswith(".") == (wanted == PERIOD)][:3]
        for title in titles:
            if title.form.endswith(".") == (wanted == PERIOD):
                continue
            word = title.form.rstrip(".")
            fixed = f"{word}." if wanted == PERIOD else word
            span = Span(title.start, title.end)
            yield self.diagnostic(
                span,
                f'Write "{fixed}", not "{title.form}": {reason}',
                Fix.replace(span, fixed, f'Write "{fixed}"', Applicability.SAFE),
                [Related(Span(t.start, t.end), f'"{t.form}" is used here') for t in examples],
            )
