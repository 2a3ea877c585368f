"""Where an article names someone or something, and how.

A mention is a run of capitalised words in a sentence, with initials and
particles inside it ("Paul N. Whelan", "Charles de Gaulle") and an optional
title before it ("Mr.", "Foreign Minister"). A run is a person when a title
precedes it or when it is two or three words whose first is a plausible given
name; a single capitalised word that is not an ordinary English word is a
name on its own ("Lavrov", "Kyiv"). Longer runs and runs ending in an
ordinary word ("the Greener Future Fund", "the State Department") are
other proper names, whose words are not compared as spellings of a person.
"""

from __future__ import annotations

from collections.abc import Container
from typing import NamedTuple

from mtlint.document import Document, Token
from mtlint.rules.casing import is_title, title_positions
from mtlint.rules.honorifics import all_english_titles, job_titles, name_particles
from mtlint.rules.lexicon import is_common_word, is_known_name, is_name_like

_POSSESSIVE = ("’s", "'s", "’", "'")
#: "I'm", "I’ll": capitalised, but no name.
_CONTRACTIONS = frozenset(f"I{mark}{ending}" for mark in "'’" for ending in ("m", "ll", "ve", "d"))


class NameWord(NamedTuple):
    """One word of a name as written, without a possessive ending."""

    form: str
    start: int
    end: int


class NameMention(NamedTuple):
    words: tuple[NameWord, ...]
    title: NameWord | None
    person: bool
    sentence: int
    at_start: bool

    @property
    def surname(self) -> NameWord:
        return self.words[-1]

    @property
    def given(self) -> NameWord | None:
        return self.words[-2] if len(self.words) >= 2 else None

    @property
    def honorific(self) -> str | None:
        """The title as written ("Mrs.", "Mr") when it is an honorific, not an office."""
        if self.title is None:
            return None
        return (
            self.title.form if self.title.form.rstrip(".").lower() in all_english_titles() else None
        )


def _word(token: Token) -> NameWord:
    text = token.text
    if not text.endswith(_POSSESSIVE):
        return NameWord(text, token.start, token.end)
    for ending in _POSSESSIVE:
        if text.endswith(ending) and len(text) > len(ending) + 1:
            text = text[: -len(ending)]
            break
    return NameWord(text, token.start, token.start + len(text))


def _followed_by_stop(tokens: list[Token], index: int) -> bool:
    following = index + 1
    return (
        following < len(tokens)
        and tokens[following].text == "."
        and tokens[following].start == tokens[index].end
    )


def _title_word(tokens: list[Token], index: int) -> NameWord:
    token = tokens[index]
    end = token.end + (1 if _followed_by_stop(tokens, index) else 0)
    return NameWord(token.text + ("." if end > token.end else ""), token.start, end)


def find_mentions(doc: Document) -> tuple[NameMention, ...]:
    """Every name mention of ``doc`` in order; use ``doc.derived(find_mentions)`` to share it.

    A run such as "Victor Bout", whose words are both ordinary words, is a
    person only when the article names that surname as a person elsewhere; only
    a run of several words without a title is looked at again for that.
    """
    titles, offices, particles = all_english_titles(), job_titles(), name_particles()
    entries: list[NameMention | _Run] = []
    positions = doc.derived(title_positions)
    for number, tokens in enumerate(doc.sentence_tokens):
        index = 0
        for start in positions[number]:
            if start < index:
                continue
            if _alone(tokens, start, titles, offices, particles):
                index = start + 1
                mention = _lone_word(_word(tokens[start]), number, start == 0)
                if mention is not None:
                    entries.append(mention)
                continue
            title, words, index = _run(tokens, start, titles, offices, particles)
            entries.append(_Run(words, title, number, start == 0))
    mentions = [_classify(*e) if isinstance(e, _Run) else e for e in entries]
    surnames = frozenset(m.surname.form for m in mentions if m is not None and m.person)
    found = []
    for mention, entry in zip(mentions, entries, strict=True):
        run = entry if mention is None and isinstance(entry, _Run) else None
        if run is not None and run.title is None and len(run.words) > 1:
            mention = _classify(*run, surnames=surnames)
        if mention is not None:
            found.append(mention)
    return tuple(found)


class _Run(NamedTuple):
    """A run of capitalised words that may name someone, before it is classified."""

    words: list[NameWord]
    title: NameWord | None
    sentence: int
    at_start: bool


def _alone(
    tokens: list[Token],
    start: int,
    titles: Container[str],
    offices: Container[str],
    particles: Container[str],
) -> bool:
    """Whether the capitalised word at ``start`` makes a run on its own, as ``_run`` would
    find, told without walking it: three runs in four are one word ("The", "Lavrov")
    followed by a mark or a lower-case word that no name goes on with."""
    text = tokens[start].text
    if text.lower() in titles or text in offices:
        return False
    if start + 1 == len(tokens):
        return True
    after = tokens[start + 1]
    return after.kind != "word" or (
        not after.text[0].isupper() and after.text.lower() not in particles
    )


def _lone_word(word: NameWord, sentence: int, at_start: bool) -> NameMention | None:
    """A capitalised word on its own: a name unless it is a contraction ("I'm"), a
    letter, or an ordinary word ("The", "Greener" at a sentence's start)."""
    if word.form in _CONTRACTIONS or len(word.form) < 2 or is_common_word(word.form):
        return None
    return NameMention((word,), None, False, sentence, at_start)


def _run(
    tokens: list[Token],
    index: int,
    titles: Container[str],
    offices: Container[str],
    particles: Container[str],
) -> tuple[NameWord | None, list[NameWord], int]:
    """The title and the words of the run of capitalised words at ``index``, and where it
    ends; ``titles``, ``offices`` and ``particles`` are the honorifics, job titles and
    name particles, which the caller looks up once for all its runs."""
    title: NameWord | None = None
    words: list[NameWord] = []
    while index < len(tokens):
        token = tokens[index]
        text = token.text
        if (
            len(text) == 1
            and words
            and token.kind == "word"
            and text.isupper()
            and _followed_by_stop(tokens, index)
        ):
            index += 2
            continue
        if not is_title(token):
            particle = token.kind == "word" and text.lower() in particles and words
            if particle and index + 1 < len(tokens) and is_title(tokens[index + 1]):
                index += 1
                continue
            break
        if text.lower() in titles:
            stop = _followed_by_stop(tokens, index)
            if stop or not words:
                title, words = _title_word(tokens, index), []
                index += 2 if stop else 1
                continue
        if text in offices:
            title, words = _word(token), []
            index += 1
            continue
        word = _word(token)
        words.append(word)
        index += 1
        if word.end != token.end:
            break
    return title, words, index


def _classify(
    words: list[NameWord],
    title: NameWord | None,
    sentence: int,
    at_start: bool,
    surnames: frozenset[str] = frozenset(),
) -> NameMention | None:
    words = [w for w in words if w.form not in _CONTRACTIONS]
    while len(words) > 1 and is_common_word(words[0].form) and not is_known_name(words[0].form):
        words = words[1:]
    while len(words) > 2 and is_common_word(words[0].form):
        words = words[1:]
    if not words:
        return None
    if title is not None and len(words) <= 3:
        honorific = title.form.rstrip(".").lower() in all_english_titles()
        if honorific or is_name_like(words[-1].form):
            return NameMention(tuple(words), title, True, sentence, at_start)
        return None
    if len(words) == 1:
        return _lone_word(words[0], sentence, at_start)
    if len(words) > 3:
        return None
    given, surname = words[-2], words[-1]
    if not is_name_like(given.form):
        return None
    if (
        is_common_word(given.form)
        and not is_name_like(surname.form)
        and surname.form not in surnames
    ):
        return None
    return NameMention(tuple(words), None, True, sentence, at_start)
