"""H003 honorific-conflict."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Related, Span
from mtlint.document import Document
from mtlint.rule import CheckContext, Rule
from mtlint.rules.name_mentions import NameWord, find_mentions
from mtlint.rules.name_variants import lines_of, times

#: Titles that can name the same woman; "Mr." and "Mrs." are two people, and
#: "Dr." beside "Ms." is a choice of style, not a conflict.
WOMEN_TITLES = frozenset({"mrs", "ms", "miss"})


class HonorificConflict(Rule):
    """One woman is "Mrs." in one place and "Ms." in another.

    ## What it does
    Finds a surname that an article gives two of the titles that can name
    the same woman ("Mrs.", "Ms.", "Miss"), and suggests the title it uses most.

    ## Why is this bad?
    Languages without that distinction leave the engine to guess the title
    sentence by sentence; the article then seems to speak of two women.

    ## Example
    ```
    Mrs. Griner appeared in court. Ms. Griner's lawyers appealed. Ms. Griner waits.
    ```

    ## Use instead
    ```
    Ms. Griner appeared in court. Ms. Griner's lawyers appealed. Ms. Griner waits.
    ```

    ## Fix safety
    Unsafe: the title the article uses most wins (on a tie, the first used),
    but only the editor knows which one the person prefers. "Mr. Obama" and
    "Mrs. Obama" are two people, and are never compared.
    """

    code = "H003"
    name = "honorific-conflict"
    summary = "One person is given two different titles"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        by_surname: dict[str, list[NameWord]] = defaultdict(list)
        for mention in doc.derived(find_mentions):
            title = mention.honorific
            if title is not None and title.rstrip(".").lower() in WOMEN_TITLES:
                by_surname[mention.surname.form].append(mention.title)  # type: ignore[arg-type]
        for surname, titles in by_surname.items():
            groups: dict[str, list[NameWord]] = defaultdict(list)
            for title in titles:
                groups[title.form.rstrip(".").lower()].append(title)
            if len(groups) < 2:
                continue
            ranked = sorted(groups.values(), key=lambda g: (-len(g), g[0].start))
            winner = ranked[0]
            places = tuple((t.start, t.end) for t in winner)
            for loser in ranked[1:]:
                for title in loser:
                    fixed = winner[0].form.rstrip(".") + ("." if title.form.endswith(".") else "")
                    span = Span(title.start, title.end)
                    lines = lines_of(doc, places)
                    yield self.diagnostic(
                        span,
                        f'"{title.form} {surname}" is called "{winner[0].form} {surname}" '
                        f"{times(len(winner))} in this article ({lines})",
                        Fix.replace(span, fixed, f'Write "{fixed}"', Applicability.UNSAFE),
                        [Related(Span(t.start, t.end), f'"{t.form}" is used here') for t in winner],
                    )
