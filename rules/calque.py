"""T001 calque."""

from __future__ import annotations

from mtlint.rules.phrase_rule import PhrasebookRule


class Calque(PhrasebookRule):
    """A phrase is translated word for word from the source ("places of deprivation of liberty").

    ## What it does
    Matches the article against phrasebooks of calques per source language
    (Russian, French, German, Spanish, Chinese) and suggests what English
    news would write. Entries sure to be wrong in any English text run on
    every article; the others when the source language is known (the
    `source-language` config or `source_lang` in front matter).

    ## Why is this bad?
    A calque is grammatical English that no English writer would produce: it
    marks the text as translated and often blurs its meaning.

    ## Example
    ```
    They spoke about an exchange of citizens in places of deprivation of liberty.
    ```

    ## Use instead
    ```
    They spoke about an exchange of citizens held in prisons.
    ```

    ## Fix safety
    Unsafe: the first suggestion replaces the phrase, but the sentence may
    need rewording around it. Phrases that only look alike are not matched
    ("a legal framework" is not "in the framework of").
    """

    code = "T001"
    name = "calque"
    summary = "A phrase is translated word for word from the source"
    kind = "calque"
    label = "a calque"
