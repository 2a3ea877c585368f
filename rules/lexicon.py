"""What English knows about a word: is it a common word, a proper name, how frequent.

Whether "greener" is an ordinary word but "Britney" is not comes from the
case-sensitive Webster's word list of ``english-words`` (its lower-case
entries are common words; capitalised entries are names). How often a
spelling is used in the world comes from ``wordfreq``, and only breaks ties.
Both are stored once per machine in a form that loads in milliseconds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from mtlint.machine_cache import module_stamp, stored_text


class _WordList:
    """A sorted word list, one word a line, searched by bisection.

    The first lookups search the text in place: splitting its 236,000 lines
    costs 20 ms, more than a one-file check spends on all its lookups. After
    ``SPLIT_AFTER`` lookups, where a check of many articles is going, the lines
    are split once into a list, in which a lookup is forty times faster. (A set
    would answer faster still, but hashing every word costs 50 ms more, and a
    process checking 500 articles asks only 25,000 times.)
    """

    SPLIT_AFTER = 1000

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] | None = None
        self.lookups = 0

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.lookups += 1
            if self.lookups <= self.SPLIT_AFTER:
                return _line_of(self.text, word) is not None
            self.words = self.text.split("\n")
        at = bisect_left(self.words, word)
        return at < len(self.words) and self.words[at] == word


def _line_of(lines: str, key: str, separator: str = "\n") -> str | None:
    """The line of sorted ``lines`` that is ``key`` or starts with ``key`` and
    ``separator``, found by bisection over the text without splitting it."""
    low, high = 0, len(lines)
    while low < high:
        middle = (low + high) // 2
        start = lines.rfind("\n", 0, middle) + 1
        end = lines.find("\n", middle)
        end = len(lines) if end < 0 else end
        line = lines[start:end]
        entry = line.partition(separator)[0]
        if entry == key:
            return line
        if entry < key:
            low = end + 1
        else:
            high = start
    return None


@lru_cache(maxsize=1)
def _webster() -> _WordList:
    return _WordList(stored_text("web2.txt", module_stamp("english_words"), _webster_text))


def _webster_text() -> str:
    from english_words import get_english_words_set

    return "\n".join(sorted(get_english_words_set(["web2"], lower=False, alpha=True)))


_ENDINGS = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ily", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
    ("ly", ("",)),
    ("men", ("man",)),
)
_BRITISH = (("is", "iz"), ("our", "or"), ("tre", "ter"), ("ae", "e"), ("ll", "l"))


def _stems(lower: str) -> Iterator[str]:
    """The dictionary forms a word may come from: "randomised" → "randomize", "neighbours" → ...

    Yielded one by one, as ``is_common_word`` stops at the first it finds."""
    stems = [lower]
    for ending, replacements in _ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            stem = lower[: -len(ending)]
            found = [stem + replacement for replacement in replacements]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                found.append(stem[:-1])
            yield from found
            stems += found
    for british, american in _BRITISH:
        found = [stem.replace(british, american) for stem in stems if british in stem]
        yield from found
        stems += found


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True when ``word`` is an ordinary English word, inflected or British ("neighbours")."""
    lower = word.lower()
    words = _webster()
    return lower in words or any(stem in words for stem in _stems(lower))


def is_known_name(word: str) -> bool:
    """True when ``word`` capitalised is a dictionary name ("Paul", "Mark", "Moscow")."""
    return word[:1].upper() + word[1:].lower() in _webster()


def is_name_like(word: str) -> bool:
    """A word that can be a name: not an ordinary word, or also a known name."""
    return not is_common_word(word) or is_known_name(word)


@lru_cache(maxsize=4096)
def frequency(phrase: str) -> float:
    """How common a spelling is in English text (Zipf scale), to break ties between spellings."""
    return sum(_zipf(word.casefold()) for word in phrase.split())


@lru_cache(maxsize=1)
def _frequencies() -> str:
    """wordfreq's English list as sorted "word<TAB>zipf" lines, stored once per machine:
    importing wordfreq (and the language tags it needs) takes longer than a whole
    one-file check, and a lookup needs only a search in the stored lines."""
    return stored_text("zipf-en.tsv", module_stamp("wordfreq"), _frequency_lines)


def _frequency_lines() -> str:
    import math

    from wordfreq import get_frequency_dict

    table = get_frequency_dict("en", wordlist="best")
    return "\n".join(
        f"{word}\t{max(0.0, round(math.log10(value) + 9, 2))}"
        for word, value in sorted(table.items())
        if word and "\t" not in word and "\n" not in word
    )


def _zipf(word: str) -> float:
    line = _line_of(_frequencies(), word, "\t")
    return float(line.partition("\t")[2]) if line is not None else 0.0
