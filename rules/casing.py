"""How a word is cased, and what surrounds it in its sentence, for the casing rules."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from mtlint.document import Document, Token


def is_lower(token: Token) -> bool:
    return token.kind == "word" and token.text.islower()


def is_title(token: Token) -> bool:
    """Capitalised like a name: "During", "McDonald", not "NATO" or "iPhone". The names
    finder asks it of every token, and most fail at their first letter, so that is asked
    first (being upper case, it never counts as the lower-case letter looked for next)."""
    text = token.text
    return text[0].isupper() and token.kind == "word" and any(map(str.islower, text))


def title_positions(doc: Document) -> tuple[list[int], ...]:
    """For each sentence, the positions of its tokens capitalised like a name, where the
    names finder and the stray-capital rule look; share it with
    ``doc.derived(title_positions)``. Most tokens fail at their first letter: asked
    here, it spares them a call."""
    return tuple(
        [index for index, token in enumerate(tokens) if token.text[0].isupper() and is_title(token)]
        for tokens in doc.sentence_tokens
    )


def is_all_caps(token: Token) -> bool:
    text = token.text
    return token.kind == "word" and len(text) >= 2 and text.isalpha() and text.isupper()


_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and day names and their abbreviations, which English capitalises (the
    ``calendar`` module's would follow the locale)."""
    names = _MONTHS.split() + _DAYS.split()
    return frozenset(word for name in names for word in (name, name[:3]))


def lowered_prose(doc: Document) -> str:
    """The article's prose in lower case, in which rules look for words before searching
    with a pattern; share it with ``doc.derived(lowered_prose)``."""
    return doc.prose.lower()


#: Longer than this, a paragraph full of capitals is a list of names, not a headline.
HEADLINE_WORDS = 30


def headline_paragraphs(doc: Document) -> Headlines:
    """Which paragraphs are headlines; share it with ``doc.derived(headline_paragraphs)``."""
    return Headlines(doc)


class Headlines:
    """Headings, and short paragraphs in title case or capitals (most words capitalised).

    Rules ask about the few paragraphs where they found something, so a paragraph is
    looked at when first asked about rather than every paragraph up front. It keeps
    the pieces of the document it needs, not the document, which keeps it: a cycle
    would leave every article of a run, tokens and all, to the cycle collector.
    """

    def __init__(self, doc: Document) -> None:
        self._kinds = [paragraph.kind for paragraph in doc.paragraphs]
        self._sentence_tokens = doc.sentence_tokens
        #: The paragraph of each sentence, in order, to find a paragraph's sentences.
        self._paragraphs = [sentence.paragraph for sentence in doc.sentences]
        self._known: dict[int, bool] = {}

    def __contains__(self, number: object) -> bool:
        if not isinstance(number, int):
            return False
        known = self._known.get(number)
        if known is None:
            known = self._known[number] = self._is_headline(number)
        return known

    def _is_headline(self, number: int) -> bool:
        if self._kinds[number] == "heading":
            return True
        first = bisect_left(self._paragraphs, number)
        last = bisect_right(self._paragraphs, number, first)
        words = [
            token
            for tokens in self._sentence_tokens[first:last]
            for token in tokens
            if token.kind == "word"
        ]
        if not 3 <= len(words) <= HEADLINE_WORDS:
            return False
        capitalised = sum(1 for token in words if token.text[0].isupper())
        return capitalised * 2 > len(words)
