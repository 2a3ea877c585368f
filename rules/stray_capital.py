"""C002 stray-capital."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix
from mtlint.document import Document, Token
from mtlint.rule import CheckContext, Rule
from mtlint.rules.casing import (
    calendar_words,
    headline_paragraphs,
    is_lower,
    is_title,
    title_positions,
)
from mtlint.rules.word_classes import word_class
from mtlint.sentences import NUMBER_ABBREVIATIONS

#: Lower-case words that join the words of a name: "Secretary of State", "Bosnia and Herzegovina".
CONNECTORS = frozenset({"of", "for", "and", "the", "de", "du", "la", "le", "on", "in", "at", "y"})
#: Words that join the parts of a sentence, never start a name or a question.
JOINING_WORDS = frozenset(
    {"and", "or", "but", "in", "on", "at", "of", "for", "with", "to", "from", "by"}
)
#: Short words that title case leaves in lower case: "Who Wants to Be a Millionaire".
TITLE_CONNECTORS = CONNECTORS | {"to", "a", "an", "with", "by", "from", "or", "as"}


class StrayCapital(Rule):
    """A common word is capitalised mid-sentence ("account During a call").

    ## What it does
    Finds a preposition, conjunction, determiner, pronoun, auxiliary or common
    adverb with a capital letter in the middle of a sentence, after a
    lower-case word, a comma or a name, where it is no part of a name. Nouns are left alone: a
    capitalised noun mid-sentence is far more often a name than a slip.

    ## Why is this bad?
    Engines carry over the capitals of the source (German nouns, a word that
    opened a source sentence) or of a segment boundary; the capital reads as
    a typo and can change the meaning ("cutting off All connections").

    ## Example
    ```
    At his account During a call, Lavrov said That the question was closed.
    ```

    ## Use instead
    ```
    At his account during a call, Lavrov said that the question was closed.
    ```

    ## Fix safety
    Unsafe: the word is lower-cased, but it may be part of a title mtlint does
    not know ("Gone With the Wind"). Names and titles ("the State
    Department", "Secretary of State", "the Joint Chiefs of Staff"), words
    after a colon or an opening quote, "I", days and months ("in May"),
    acronyms ("US", "IT"), abbreviations ("No. 42", British "No 10") and words the article
    capitalises elsewhere are left alone, as are headlines.
    """

    code = "C002"
    name = "stray-capital"
    summary = "A common word is capitalised mid-sentence"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        headlines = doc.derived(headline_paragraphs)
        sentences = doc.sentence_tokens
        titled = [
            (tokens, index)
            for tokens, positions in zip(sentences, doc.derived(title_positions), strict=True)
            for index in positions
            if index
        ]
        capitalised = Counter(tokens[index].text for tokens, index in titled)
        for tokens, index in titled:
            token = tokens[index]
            if capitalised[token.text] > 1 or not _stray(token):
                continue
            if not _mid_sentence(tokens, index):
                continue
            if doc.sentences[token.sentence].paragraph in headlines:
                continue
            if _part_of_name(tokens, index) or _inside_title(tokens, index):
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and (
                (following.text == "." and following.start == token.end)
                or (token.text.lower() in NUMBER_ABBREVIATIONS and following.kind == "number")
            ):
                continue
            fixed = token.text.lower()
            yield self.diagnostic(
                token.span,
                f'"{token.text}" is capitalised mid-sentence: write "{fixed}"',
                Fix.replace(token.span, fixed, f'Write "{fixed}"', Applicability.UNSAFE),
            )


def _stray(token: Token) -> bool:
    """A closed-class word ("During", "That", "All"), which is never a name by itself."""
    lower = token.text.lower()
    if lower in calendar_words() or lower in word_class("acronyms"):
        return False
    return lower in word_class("function_words") or lower in word_class("closed_class")


def _mid_sentence(tokens: list[Token], index: int) -> bool:
    """After a lower-case word; or, for the commonest joining words, after a comma or a
    name that the word is no part of ("Taipa Old Town, And many", "in Macau In terms of")."""
    previous = tokens[index - 1]
    if is_lower(previous):
        return True
    if tokens[index].text.lower() not in JOINING_WORDS:
        return False
    if previous.text == ",":
        return True
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return is_title(previous) and index > 1 and following is not None and is_lower(following)


def _inside_title(tokens: list[Token], index: int) -> bool:
    """True inside a title in title case: "Who Wants to Be a Millionaire"."""
    connector = tokens[index - 1]
    return index >= 2 and connector.text in TITLE_CONNECTORS and is_title(tokens[index - 2])


def _part_of_name(tokens: list[Token], index: int) -> bool:
    """True when a capitalised word, or a connector and one, follows: "State Department"."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following.kind != "word":
        return False
    if is_title(following) or following.text.isupper():
        return True
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    return following.text in CONNECTORS and after is not None and is_title(after)
