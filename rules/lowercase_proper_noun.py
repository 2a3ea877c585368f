"""E004 lowercase-proper-noun."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule
from mtlint.rules.gazetteer import place_names
from mtlint.rules.lexicon import is_common_word, is_known_name
from mtlint.rules.name_mentions import find_mentions

_LOWER = lazy_pattern(r"\p{Ll}{4,}")
_NOT_PROSE_NEIGHBOURS = frozenset("@#/\\_.")
_DEMONYM_ENDINGS = ("ian", "an", "ean", "ese", "ish", "i")


class LowercaseProperNoun(Rule):
    """A proper noun is written in lower case ("the kyiv regime", "in moscow").

    ## What it does
    Finds a lower-case word that is not an English word but is a known proper
    noun: a glossary name, a country or city of 300,000 people or more
    ("kyiv", "moscow"), the dictionary name of a people ("russian"), or a
    name the article itself capitalises mid-sentence twice or more and
    lower-cases only once.

    ## Why is this bad?
    Engines lower-case names they do not recognise, especially new
    transliterations; "kyiv" reads as a typo and is missed by every search
    for Kyiv.

    ## Example
    ```
    It prolongs the agony of the kyiv regime.
    ```

    ## Use instead
    ```
    It prolongs the agony of the Kyiv regime.
    ```

    ## Fix safety
    Safe: only the case changes, to the spelling the name is known by. Words
    that are also English words ("nice", "reading", "china" the porcelain),
    handles and hashtags, domain names and text written wholly in lower case
    are left alone.
    """

    code = "E004"
    name = "lowercase-proper-noun"
    summary = "A proper noun is written in lower case"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        own = Counter(
            word.form
            for mention in doc.derived(find_mentions)
            if not mention.at_start and (len(mention.words) == 1 or mention.honorific)
            for word in mention.words[-1:]
        )
        capitalised = {form.lower(): form for form, count in own.items() if count >= 2}
        glossary = {word.lower(): word for word in ctx.index.glossary.canonical_words}
        prose = doc.prose
        lower = _LOWER.for_text(prose)
        lowercase = lower.findall(prose)
        candidates = {}
        for word in _may_be_names(set(lowercase), glossary, capitalised):
            proper = glossary.get(word) or _dictionary_name(word)
            if proper is None and word in capitalised and lowercase.count(word) == 1:
                proper = capitalised[word]
            # Asked last: few words are names, and most are looked up nowhere else.
            if proper is not None and proper.lower() == word and not is_common_word(word):
                candidates[word] = proper
        if not candidates:
            return
        for paragraph in doc.paragraphs:
            text = prose[paragraph.span.start : paragraph.span.end]
            if not any(char.isupper() for char in text):
                continue
            for match in lower.finditer(prose, paragraph.span.start, paragraph.span.end):
                word = match.group()
                proper = candidates.get(word)
                if proper is None or not _stands_alone(prose, match.start(), match.end()):
                    continue
                span = Span(match.start(), match.end())
                yield self.diagnostic(
                    span,
                    f'"{word}" is a proper noun: write "{proper}"',
                    Fix.replace(span, proper, f'Write "{proper}"', Applicability.SAFE),
                )


def _stands_alone(prose: str, start: int, end: int) -> bool:
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    if before.isalnum() or after.isalnum() or before in _NOT_PROSE_NEIGHBOURS:
        return False
    if after in "-'’" or before in "-'’":
        return False
    return not (after == "." and end + 1 < len(prose) and prose[end + 1].isalnum())


def _may_be_names(
    words: set[str], glossary: dict[str, str], capitalised: dict[str, str]
) -> set[str]:
    """The ``words`` that can name something: in the glossary, places, names the article
    capitalises, and words with a people's ending. Found by set operations in C, as an
    article holds a hundred lower-case words of which one, at most, is a name."""
    found = words & glossary.keys() | place_names().keys() & words | words & capitalised.keys()
    return found.union(word for word in words if word.endswith(_DEMONYM_ENDINGS))


def _dictionary_name(word: str) -> str | None:
    """A country, a large city, or a dictionary name of a people ("russian", "ukrainian")."""
    if word.endswith(_DEMONYM_ENDINGS) and is_known_name(word):
        return word[0].upper() + word[1:]
    return place_names().get(word)
