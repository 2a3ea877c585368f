"""How a word is cased, and what surrounds it in its sentence, for the casing rules."""

from __future__ import annotations

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


def headline_paragraphs(doc: Document) -> frozenset[int]:
    """Headings, and short paragraphs in title case or capitals (most words capitalised)."""
    words: list[list[Token]] = [[] for _ in doc.paragraphs]
    for sentence, tokens in zip(doc.sentences, doc.sentence_tokens, strict=True):
        words[sentence.paragraph] += [token for token in tokens if token.kind == "word"]
    found = set()
    for number, paragraph in enumerate(doc.paragraphs):
        if paragraph.kind == "heading":
            found.add(number)
        elif 3 <= len(words[number]) <= HEADLINE_WORDS:
            capitalised = sum(1 for t in words[number] if t.text[0].isupper())
            if capitalised * 2 > len(words[number]):
                found.add(number)
    return frozenset(found)
