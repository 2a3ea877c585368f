"""T002 false-friend."""

from __future__ import annotations

from mtlint.rules.phrase_rule import PhrasebookRule


class FalseFriend(PhrasebookRule):
    """A word is translated by its look-alike, not its meaning ("realized a meeting").

    ## What it does
    Matches the article against phrasebooks of false friends per source
    language, in the contexts where the look-alike is wrong, and suggests
    the word the source meant. Entries sure to be wrong in any English text
    run on every article; the others when the source language is known.

    ## Why is this bad?
    "The president realized a meeting" says he became aware of one; the
    Spanish said he held one. False friends change the meaning silently.

    ## Example
    ```
    The minister realized a meeting with the unions and assisted to the ceremony.
    ```

    ## Use instead
    ```
    The minister held a meeting with the unions and attended the ceremony.
    ```

    ## Fix safety
    Unsafe: the first suggestion replaces the phrase; the verb's tense or the
    sentence around it may need adjusting.
    """

    code = "T002"
    name = "false-friend"
    summary = "A word is translated by its look-alike, not its meaning"
    kind = "false-friend"
    label = "a false friend"
