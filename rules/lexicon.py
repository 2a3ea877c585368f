"""What English knows about a word: is it a common word, a proper name, how frequent.

Whether "greener" is an ordinary word but "Britney" is not comes from the
case-sensitive Webster's word list of ``english-words`` (its lower-case
entries are common words; capitalised entries are names). How often a
spelling is used in the world comes from ``wordfreq``, and only breaks ties.
Both are stored once per machine in a form that loads in milliseconds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from mtlint.machine_cache import GrowingStore, mapped_text, module_stamp

if TYPE_CHECKING:
    from mmap import mmap


class SortedLines:
    """Sorted UTF-8 lines, each a key or ``key<separator>value``, searched in place.

    The lines come between a leading and a trailing line break, so that every line
    is ``\\n<key><separator>``. Splitting the 236,000 lines of a word list costs
    20 ms, more than a one-file check spends on all its lookups, and bisecting the
    text itself costs a Python step per halving (20 µs a lookup). Instead, the
    first use samples one line every ``STRIDE`` bytes (half a millisecond); a
    lookup bisects the samples' keys in C and lets ``find`` scan the few thousand
    bytes between two samples (4 µs). Keys compare as bytes, which UTF-8 orders as
    ``sorted`` orders text.
    """

    STRIDE = 4096

    def __init__(self, lines: bytes | mmap, separator: str = "\n") -> None:
        self.lines = lines
        self.separator = separator.encode()
        self.starts: list[int] = []
        self.keys: list[bytes] = []
        self._sample(self.STRIDE)

    def _sample(self, stride: int) -> None:
        """Keep the start and the key of the first line after every ``stride`` bytes."""
        lines = self.lines
        self.starts, self.keys = [], []
        at = lines.find(b"\n")
        while 0 <= at < len(lines) - 1:
            self.starts.append(at)
            self.keys.append(lines[at + 1 : lines.find(b"\n", at + 1)].partition(self.separator)[0])
            at = lines.find(b"\n", at + stride)

    def line(self, key: str) -> str | None:
        """The line whose key is ``key``."""
        found = self._find(key)
        if found < 0:
            return None
        return self.lines[found + 1 : self.lines.find(b"\n", found + 1)].decode(errors="replace")

    def _find(self, key: str) -> int:
        """Where the line of ``key`` starts (at the line break before it), or -1."""
        if not key or "\n" in key:
            return -1
        needle = f"\n{key}".encode("utf-8", "surrogatepass")
        if self.separator in needle[1:]:
            return -1
        sample = bisect_right(self.keys, needle[1:]) - 1
        if sample < 0:
            return -1
        needle += self.separator
        end = (
            self.starts[sample + 1] + len(needle)
            if sample + 1 < len(self.starts)
            else len(self.lines)
        )
        return self.lines.find(needle, self.starts[sample], end)


class WordList(SortedLines):
    """Sorted lines that are words, asked whether they hold a word.

    A check of many articles asks about tens of thousands of words: after
    ``DENSE_AFTER`` lookups, the lines are sampled again, four times as densely
    (1.6 ms), and a lookup takes 1.7 µs instead of 3 µs. A one-file check, which
    asks a few hundred times, does not pay for that. (Splitting the lines into a
    list to bisect costs 14 ms, and 20 MB in each worker, for lookups of 1.1 µs:
    less than that saves a worker checking 500 articles; a set costs 25 ms more.)
    """

    DENSE_AFTER = 3000
    DENSE_STRIDE = 1024

    def __init__(self, lines: bytes | mmap) -> None:
        super().__init__(lines)
        self.lookups = 0

    def __contains__(self, word: str) -> bool:
        self.lookups += 1
        if self.lookups == self.DENSE_AFTER:
            self._sample(self.DENSE_STRIDE)
        return self._find(word) >= 0


#: Names the layout ``_lines`` stores, in the stored files' versions.
_FORMAT = "framed"


def _lines(sorted_entries: Iterable[str]) -> str:
    """The text ``SortedLines`` searches: the lines framed by line breaks."""
    return "\n" + "\n".join(sorted_entries) + "\n"


@lru_cache(maxsize=1)
def _webster() -> WordList:
    return WordList(
        mapped_text("web2.txt", f"{module_stamp('english_words')}-{_FORMAT}", _webster_text)
    )


def _webster_text() -> str:
    from english_words import get_english_words_set

    return _lines(sorted(get_english_words_set(["web2"], lower=False, alpha=True)))


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
    known = _ANSWERS.get(lower)
    if known is None:
        known = _works_out_common(lower)
        _ANSWERS.add(lower, known)
    return known


def _works_out_common(lower: str) -> bool:
    words = _webster()
    return lower in words or any(stem in words for stem in _stems(lower))


@cache
def _answer_version() -> str:
    """The answers change with the word list and with this module, which works them out."""
    return "-".join(map(module_stamp, ("english_words", __name__)))


#: ``is_common_word``'s answers, kept once per machine as checks work them out. A
#: worker checking 500 articles works a word out 5,000 times (4 µs each, stems and
#: all), and most of the words of one run come back in the next. A process reads the
#: stored answers once it has worked out 1,000 words, which a one-file check does not
#: reach, and stores the ones it worked out each time they number 2,000. Only answers
#: a check needed are stored, so a first run on a new machine pays for writing them
#: and nothing else.
_ANSWERS = GrowingStore(
    "common-answers.marshal",
    _answer_version,
    value_type=bool,
    read_after=1000,
    write_after=2000,
    kept_at_most=40_000,
)


@lru_cache(maxsize=65536)
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
def _frequencies() -> SortedLines:
    """wordfreq's English list as sorted "word<TAB>zipf" lines, stored once per machine:
    importing wordfreq (and the language tags it needs) takes longer than a whole
    one-file check, and a lookup needs only a search in the stored lines."""
    return SortedLines(
        mapped_text("zipf-en.tsv", f"{module_stamp('wordfreq')}-{_FORMAT}", _frequency_lines), "\t"
    )


def _frequency_lines() -> str:
    import math

    from wordfreq import get_frequency_dict

    table = get_frequency_dict("en", wordlist="best")
    return _lines(
        f"{word}\t{max(0.0, round(math.log10(value) + 9, 2))}"
        for word, value in sorted(table.items())
        if word and "\t" not in word and "\n" not in word
    )


def _zipf(word: str) -> float:
    line = _frequencies().line(word)
    return float(line.partition("\t")[2]) if line is not None else 0.0
