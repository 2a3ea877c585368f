"""What English knows about a word: is it a common word, a proper name, how frequent.

Whether "greener" is an ordinary word but "Britney" is not comes from the
case-sensitive Webster's word list of ``english-words`` (its lower-case
entries are common words; capitalised entries are names). How often a
spelling is used in the world comes from ``wordfreq``, and only breaks ties.
Both load lazily, once.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _webster() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=False, alpha=True))


def is_common_word(word: str) -> bool:
    """True when ``word`` in lower case is an ordinary English word ("greener", "states")."""
    lower = word.lower()
    words = _webster()
    if lower in words:
        return True
    for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return lower[: -len(ending)] + replacement in words
    return False


def is_known_name(word: str) -> bool:
    """True when ``word`` capitalised is a dictionary name ("Paul", "Mark", "Moscow")."""
    return word[:1].upper() + word[1:].lower() in _webster()


def is_name_like(word: str) -> bool:
    """A word that can be a name: not an ordinary word, or also a known name."""
    return not is_common_word(word) or is_known_name(word)


@lru_cache(maxsize=4096)
def frequency(phrase: str) -> float:
    """How common a spelling is in English text (Zipf scale), to break ties between spellings."""
    from wordfreq import zipf_frequency

    return sum(zipf_frequency(word, "en") for word in phrase.split())
