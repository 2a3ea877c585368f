"""C001 allcaps-artifact."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix
from mtlint.document import Document
from mtlint.rule import CheckContext, Rule
from mtlint.rules.casing import headline_paragraphs, is_all_caps, is_lower
from mtlint.rules.word_classes import word_class


class AllcapsArtifact(Rule):
    """A common word is in capitals where the engine lost its case ("AT his account").

    ## What it does
    Finds an article, preposition, conjunction or determiner written in
    capitals as the first word of a sentence that goes on in lower case.

    ## Why is this bad?
    Engines that copy the source's casing of a sentence's first word, or
    that translate a capitalised source word, leave "AT his account" or
    "IN the evening" behind.

    ## Example
    ```
    AT his account of the call, Lavrov proposed quiet diplomacy.
    ```

    ## Use instead
    ```
    At his account of the call, Lavrov proposed quiet diplomacy.
    ```

    ## Fix safety
    Safe: only the case changes. Acronyms (NATO, U.S., US, UN, IMF, WNBA,
    G20, "IT systems", "WHO"), headlines and datelines in capitals
    ("WASHINGTON —") are left alone, and so are capitals inside a sentence,
    which are emphasis ("fans remain FOR the old version").
    """

    code = "C001"
    name = "allcaps-artifact"
    summary = "A common word is in capitals where the case was lost"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        words = word_class("function_words") - word_class("acronyms")
        headlines = doc.derived(headline_paragraphs)
        for number, tokens in enumerate(doc.sentence_tokens):
            if not tokens:
                continue
            token = tokens[0]
            if not is_all_caps(token) or token.text.lower() not in words:
                continue
            if doc.sentences[number].paragraph in headlines:
                continue
            following = next((t for t in tokens[1:] if t.kind == "word"), None)
            if following is not None and is_lower(following):
                fixed = token.text.capitalize()
                yield self.diagnostic(
                    token.span,
                    f'"{token.text}" opens a sentence in capitals: write "{fixed}"',
                    Fix.replace(token.span, fixed, f'Write "{fixed}"', Applicability.SAFE),
                )
