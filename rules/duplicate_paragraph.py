"""R001 duplicate-paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Related
from mtlint.document import Document
from mtlint.rule import CheckContext, Rule
from mtlint.rules.repetition import MINIMUM_WORDS, deletion_fix, has_words, paragraph_texts


class DuplicateParagraph(Rule):
    """A paragraph or headline is repeated verbatim.

    ## What it does
    Finds a paragraph (or headline) whose text, with whitespace and quote
    styles set aside, repeats an earlier one, and flags the later copy.

    ## Why is this bad?
    Translation pipelines that work segment by segment paste a segment twice
    when a retry succeeds; the article then says everything twice.

    ## Example
    ```
    Lavrov and Blinken meet for the first time since the war in Ukraine

    Lavrov and Blinken meet for the first time since the war in Ukraine
    ```

    ## Use instead
    ```
    Lavrov and Blinken meet for the first time since the war in Ukraine
    ```

    ## Fix safety
    Safe: the repeat and the blank line before it are deleted, the first copy
    stays. Short lines that newsrooms repeat on purpose ("Advertisement",
    "***", a photo credit) are left alone, and so are table cells.
    """

    code = "R001"
    name = "duplicate-paragraph"
    summary = "A paragraph or headline is repeated verbatim"
    fix = Applicability.SAFE
    checks_repeated_paragraphs = True

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        first_seen: dict[str, int] = {}
        texts = doc.derived(paragraph_texts)
        for number, paragraph in enumerate(doc.paragraphs):
            if paragraph.kind == "table-cell":
                continue
            text = texts[number]
            original = first_seen.setdefault(text, number)
            if original == number or not has_words(text, MINIMUM_WORDS):
                continue
            line = doc.position(doc.paragraphs[original].span.start)[0]
            yield self.diagnostic(
                paragraph.span,
                f"This paragraph repeats line {line} word for word: delete the repeat",
                deletion_fix(doc, number, "Delete the repeated paragraph", Applicability.SAFE),
                [Related(doc.paragraphs[original].span, "first written here")],
            )
