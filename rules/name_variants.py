"""Names spelled more than one way: the facts an article gives, and how spellings group.

Shared by the name rules and the ``mtlint names`` command. An article's facts
are every spelling of a name word with where it occurs, and the full names
("Paul Whelan") it uses, which tell two people apart: "Paul Whelan" and
"Kevin Whalen", or "Mark Milley" and "Javier Milei", are different people
whatever their surnames look like, because their given names differ.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from functools import cache, total_ordering

from mtlint.document import Document
from mtlint.rules.lexicon import frequency, is_common_word
from mtlint.rules.name_facts import NameFacts, Places
from mtlint.rules.name_mentions import NameMention, NameWord, find_mentions
from mtlint.rules.spelling_variants import (
    VOWEL_SIMILARITY,
    Keys,
    are_variants,
    keys_of,
    keys_of_all,
    spelling_key,
)

GIVEN, SURNAME, NAME = "given", "surname", "name"
_COMPATIBLE = {GIVEN: {GIVEN}, SURNAME: {SURNAME, NAME}, NAME: {SURNAME, NAME}}


def name_facts(doc: Document) -> NameFacts:
    """The name words worth comparing: an ordinary word counts only as part of a person's name."""
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)
    roles: dict[str, set[str]] = defaultdict(set)
    full_names: set[tuple[str, str]] = set()
    for mention in doc.derived(find_mentions):
        for word, role in _roles(mention):
            if role == NAME and is_common_word(word.form):
                continue
            places[word.form].append((word.start, word.end))
            roles[word.form].add(role)
        if mention.person and mention.given is not None:
            full_names.add((mention.given.form, mention.surname.form))
    return NameFacts(
        {form: tuple(spans) for form, spans in sorted(places.items())},
        {form: _role_set(frozenset(roles[form])) for form in sorted(places)},
        tuple(sorted(full_names)),
    )


@cache
def _role_set(roles: frozenset[str]) -> frozenset[str]:
    """One object for each of the few sets of roles, which the spellings share: pickled
    once per message from a worker, not once per spelling (a quarter less time)."""
    return roles


def _roles(mention: NameMention) -> list[tuple[NameWord, str]]:
    if not mention.person:
        return [(word, NAME) for word in mention.words]
    if mention.given is None:
        return [(mention.surname, SURNAME)]
    return [(mention.given, GIVEN), (mention.surname, SURNAME)]


def compatible(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether words in these roles can be one name: a given name is not a surname."""
    return any(other in _COMPATIBLE[role] for role in first for other in second)


class People:
    """Which spellings cannot be one person, from the full names in view."""

    def __init__(self, full_names: Iterable[tuple[str, str]]) -> None:
        self.givens: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        for given, surname in full_names:
            self.givens[surname].add(given)
            self.surnames[given].add(surname)

    def distinct(self, first: str, second: str) -> bool:
        """True when full names show that ``first`` and ``second`` name different people."""
        for partners in (self.givens, self.surnames):
            mine, theirs = partners.get(first), partners.get(second)
            if mine and theirs and not any(_same(a, b) for a in mine for b in theirs):
                return True
        return False


def _same(first: str, second: str) -> bool:
    return first == second or are_variants(first, second)


class SpellingIndex:
    """Spellings bucketed by their keys, so finding a word's variants never scans them all.

    A spelling's variants are worked out once: across an archive the same names
    recur in article after article, and their buckets can be large.
    """

    def __init__(
        self,
        roles: Mapping[str, frozenset[str]],
        people: People,
        worked_out: Mapping[str, Keys] | None = None,
    ) -> None:
        """``worked_out`` holds the keys of every spelling of ``roles``, if known already."""
        self.roles = roles
        self.people = people
        self.buckets: dict[str, set[str]] = defaultdict(set)
        self._found: dict[str, list[str]] = {}
        self._keys = keys_of_all(roles) if worked_out is None else worked_out
        for form, keys in self._keys.items():
            for key in _bucket_keys(keys):
                self.buckets[key].add(form)
        #: The spellings that share a key with another: most are alone in their buckets,
        #: and have no variant to look for.
        self.sharing = {
            form for bucket in self.buckets.values() if len(bucket) > 1 for form in bucket
        }

    def variants(self, form: str) -> list[str]:
        known = self._found.get(form)
        if known is None:
            known = self._found[form] = self._variants(form)
        return known

    def later_variants(self, form: str) -> list[str]:
        """The variants of ``form`` that sort after it: being a variant is symmetric, so
        grouping every spelling needs to look at each pair once."""
        return self._variants(form, later_only=True)

    def _variants(self, form: str, later_only: bool = False) -> list[str]:
        if form in self.roles and form not in self.sharing:
            return []
        keys = self._keys.get(form) or keys_of(form)
        found = set().union(*(self.buckets.get(key, set()) for key in _bucket_keys(keys)))
        candidates = [other for other in found if other > form] if later_only else list(found)
        if len(candidates) > PREFILTER_ABOVE:
            candidates = _similar_enough(form, candidates)
        return sorted(other for other in candidates if self._are_variants(form, other))

    def _are_variants(self, form: str, other: str) -> bool:
        """Whether two spellings that share a key are variants. The relation is symmetric,
        as is sharing a key: a spelling whose variants are known already answers for the
        other, and each pair of a repository is weighed once instead of twice."""
        answered = self._found.get(other)
        if answered is not None and form in self.roles:
            return form in answered
        return (
            compatible(self.roles[form], self.roles[other])
            and are_variants(form, other)
            and not self.people.distinct(form, other)
        )


#: A bucket larger than this is first narrowed by rapidfuzz in one vectorised call.
PREFILTER_ABOVE = 16


def _similar_enough(form: str, candidates: list[str]) -> list[str]:
    """The candidates whose spelling keys are similar enough to ``form``'s to be a
    variant at all (``are_variants`` asks at least ``VOWEL_SIMILARITY``)."""
    from rapidfuzz import fuzz, process

    keys = [spelling_key(candidate) for candidate in candidates]
    found = process.extract(
        spelling_key(form), keys, scorer=fuzz.ratio, score_cutoff=VOWEL_SIMILARITY, limit=None
    )
    return [candidates[index] for _, _, index in found]


def _any_key_shared(keys: Collection[Keys]) -> bool:
    """Whether two spellings share one of their keys, told by three sets in C rather than
    by filling the buckets of an index (half of what grouping an article's names cost)."""
    if len(keys) < 2:
        return False
    return any(len(set(column)) < len(keys) for column in zip(*keys, strict=True))


def _bucket_keys(keys: Keys) -> tuple[str, str, str]:
    spelling, metaphone, skeleton = keys
    return (f"k:{spelling}", f"m:{metaphone}", f"s:{skeleton}")


def variant_groups(roles: Mapping[str, frozenset[str]], people: People) -> list[list[str]]:
    """Spellings joined by the variant relation, each group sorted, groups in order."""
    keys = keys_of_all(roles)
    if not _any_key_shared(keys.values()):  # nine articles in ten
        return []
    index = SpellingIndex(roles, people, keys)
    forms = sorted(roles)
    parent = {form: form for form in forms}

    def root(form: str) -> str:
        while parent[form] != form:
            parent[form] = parent[parent[form]]
            form = parent[form]
        return form

    for form in forms:
        for other in index.later_variants(form):
            parent[root(other)] = root(form)
    groups: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        groups[root(form)].append(form)
    return sorted(group for group in groups.values() if len(group) > 1)


def lines_of(doc: Document, places: Places) -> str:
    """ "line 3" or "lines 3, 11": where ``places`` are, each line once."""
    lines = sorted({doc.position(start)[0] for start, _ in places})
    return f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def full_name_of(form: str, full_names: Iterable[tuple[str, str]]) -> str:
    """The full name a word is most often part of, or the word itself."""
    names = sorted(
        f"{given} {surname}" for given, surname in full_names if form in (given, surname)
    )
    return names[0] if names else form


def tie_reason(winner: str, loser: str) -> str:
    """Why ``winner`` beats ``loser`` when both are used as often."""
    if frequency(winner) > frequency(loser):
        return f"'{winner}' is the more common spelling"
    return f"neither is more common in English text, so '{winner}' is taken as it sorts first"


@total_ordering
class Rank:
    """Sort key: glossary spelling first, then the higher counts, then the more common
    spelling in English text (looked up only on a tie, since that loads word frequencies)."""

    def __init__(
        self,
        form: str,
        count: tuple[int, ...],
        canonical: frozenset[str],
        full_names: Iterable[tuple[str, str]],
    ) -> None:
        self.form = form
        self.head = (form not in canonical, *(-c for c in count))
        self.name = full_name_of(form, full_names)

    def _tail(self) -> tuple[float, str]:
        return (-frequency(self.name), self.form)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rank) and (self.head, self.form) == (other.head, other.form)

    def __lt__(self, other: Rank) -> bool:
        if self.head != other.head:
            return self.head < other.head
        return self._tail() < other._tail()
