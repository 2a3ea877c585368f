"""When two spellings are one name: "Greener"/"Griner", "Kyiv"/"Kiev", "Peskov"/"Peskow".

Two spellings are variants when they agree after a transliteration-aware
normalisation (the choices an engine or a translator makes between
alphabets: k/c, v/w, i/y, doubled letters, ee/ie/ei). Otherwise they must
differ only in vowels and be long enough ("Dmitry"/"Dmytro"), or sound alike
by jellyfish's Metaphone and be nearly the same by rapidfuzz's similarity
("Ohtani"/"Otani"): short names that differ in a letter ("Villa"/"Wiley",
"Kyoto"/"Kyodo") are usually different names, and so are two names with
different numbers, which name models and versions ("A320"/"A321",
"SSLv2"/"SSLv3"). A word and a longer word built on it ("Niger"/"Nigeria",
"Michel"/"Michele") are not variants, nor are two spellings that differ only
in case ("YouTube"/"Youtube"), a casing matter.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Collection
from functools import cache, lru_cache

from mtlint.lazy_pattern import lazy_pattern
from mtlint.machine_cache import GrowingStore, module_stamp

MINIMUM_LENGTH = 4
#: Spellings whose keys are remembered: every name of a large archive, several times over.
KEYS_REMEMBERED = 1 << 18
VOWEL_SIMILARITY = 75.0
VOWEL_MINIMUM_LENGTH = 6
CONSONANT_SIMILARITY = 90.0

#: Three keys of a spelling: ``spelling_key``, then its Metaphone and its skeleton.
Keys = tuple[str, str, str]
#: Above this many spellings (a repository's, not an article's), their keys are read
#: from those stored once per machine; a process asking for the keys of spellings a
#: few at a time reads them after this many misses.
STORED_KEYS_ABOVE = 500
#: The stored keys start afresh rather than grow past this many spellings (whose
#: reading would then take 50 ms).
STORED_KEYS_AT_MOST = 200_000
#: Reading a stored spelling costs a thirtieth of working its keys out, and takes about
#: 32 bytes; a spelling worked out is two misses (its key, then its sounds). A store of
#: this many bytes per miss so far costs at most a tenth more than the keys worked out.
STORED_BYTES_PER_MISS = 50
#: Joins a spelling's keys in the store: one string loads faster than a tuple of three.
_JOIN = "\0"


#: Transliteration rewrites, applied in this order.
_FINAL_W = lazy_pattern(r"(?<=[oe])w\b")
_LITERALS = (("tsch", "ch"), ("sch", "sh"), ("kh", "h"), ("ck", "k"), ("ph", "f"), ("ow", "u"))
_OU = lazy_pattern(r"ou|oo")
#: Single letters, none of which another of them becomes, so one pass does them all.
_LETTERS = str.maketrans({"w": "v", "y": "i", "j": "i", "c": "k", "q": "k", "x": "ks", "z": "s"})
_VOWELS = lazy_pattern(r"ee|ea(?=.)|ie|ei")
_FINAL_AO = lazy_pattern(r"ao\b")
_DOUBLED = lazy_pattern(r"(.)\1+")
_SKELETON = lazy_pattern(r"(?<=.)[aeiouy]")


@lru_cache(maxsize=KEYS_REMEMBERED)
def _digits(word: str) -> str:
    return "".join(filter(str.isdigit, word))


@lru_cache(maxsize=KEYS_REMEMBERED)
def spelling_key(word: str) -> str:
    """A transliteration-neutral key: "Zelenskyy", "Selensky" and "Zelensky" share one."""
    known = _stored(word)
    if known is not None:
        return known[0]
    folded = unicodedata.normalize("NFKD", word.lower())
    key = _FINAL_W.sub("v", "".join(c for c in folded if c.isalpha()))
    for literal, replacement in _LITERALS:
        key = key.replace(literal, replacement)
    key = _VOWELS.sub("i", _OU.sub("u", key).translate(_LETTERS))
    return _DOUBLED.sub(r"\1", _FINAL_AO.sub("au", key))


@lru_cache(maxsize=KEYS_REMEMBERED)
def _sound(word: str) -> tuple[str, str]:
    known = _stored(word)
    if known is not None:
        return known[1], known[2]
    import jellyfish

    key = spelling_key(word)
    return jellyfish.metaphone(word), key[:1] + _SKELETON.sub("", key)


def keys_of(word: str) -> Keys:
    """The keys that bucket ``word`` with its possible variants."""
    return (spelling_key(word), *_sound(word))


def keys_of_all(words: Collection[str]) -> dict[str, Keys]:
    """The keys of each of ``words``.

    A repository's spellings recur run after run, and working out the keys of 50,000
    of them takes half a second, several times a pre-commit run's budget: above
    ``STORED_KEYS_ABOVE`` spellings, the keys are read from those stored once per
    machine (under the interpreter, this module and jellyfish, which make them), and
    the missing ones are worked out and stored with them. A process asked for the
    keys of many spellings a few at a time (a worker checking article after article)
    reads the stored ones once the store is small beside what it missed (see
    ``GrowingStore``), and answers from them from then on.
    """
    if len(words) <= STORED_KEYS_ABOVE:
        return {word: keys_of(word) for word in words}
    _STORE.read()
    found = {}
    for word in words:
        keys = _stored(word)
        if keys is None:
            keys = keys_of(word)
            _STORE.add(word, _JOIN.join(keys))
        found[word] = keys
    _STORE.remember()
    return found


def _stored(word: str) -> Keys | None:
    """The keys stored for ``word``, when the store holds them whole."""
    joined = _STORE.get(word)
    parts = joined.split(_JOIN) if joined is not None else ()
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


@cache
def _version() -> str:
    return "-".join(
        (sys.implementation.cache_tag or "", module_stamp(__name__), module_stamp("jellyfish"))
    )


_STORE = GrowingStore(
    "spelling-keys.marshal",
    _version,
    value_type=str,
    read_after=STORED_KEYS_ABOVE,
    bytes_per_miss=STORED_BYTES_PER_MISS,
    kept_at_most=STORED_KEYS_AT_MOST,
)


def are_variants(first: str, second: str) -> bool:
    """True when two different spellings are the same name."""
    if first.lower() == second.lower() or min(len(first), len(second)) < MINIMUM_LENGTH:
        return False
    if first.isupper() or second.isupper():
        return False
    digits = _digits(first), _digits(second)
    if all(digits) and digits[0] != digits[1]:
        return False
    a, b = spelling_key(first), spelling_key(second)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter):
        return False
    if a[0] != b[0] and {a[0], b[0]} != {"s", "z"}:
        return False
    (metaphone_a, skeleton_a), (metaphone_b, skeleton_b) = _sound(first), _sound(second)
    if skeleton_a == skeleton_b:
        return min(len(a), len(b)) >= VOWEL_MINIMUM_LENGTH and _similarity(a, b) >= VOWEL_SIMILARITY
    return metaphone_a == metaphone_b and _similarity(a, b) >= CONSONANT_SIMILARITY


def _similarity(first: str, second: str) -> float:
    """rapidfuzz's ratio, imported only for the pairs that sound alike (10 ms of start)."""
    from rapidfuzz.fuzz import ratio

    return ratio(first, second)
