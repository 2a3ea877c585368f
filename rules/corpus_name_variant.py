"""E002 corpus-name-variant."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

from mtlint.corpus import CorpusIndex
from mtlint.diagnostics import Applicability, Diagnostic, Fix, Related, Span
from mtlint.document import Document
from mtlint.rule import CheckContext, Rule
from mtlint.rules.lexicon import frequency
from mtlint.rules.name_facts import NameFacts
from mtlint.rules.name_variants import (
    People,
    Rank,
    SpellingIndex,
    full_name_of,
    name_facts,
    tie_reason,
    times,
)
from mtlint.rules.spelling_variants import are_variants, spelling_key


class _Roles(Mapping[str, frozenset[str]]):
    """Each spelling's roles in the repository, gathered from its articles when first
    asked: the index asks only for those of spellings that share a key with another."""

    def __init__(self, facts: Mapping[str, NameFacts], homes: dict[str, list[str]]) -> None:
        self._facts = facts
        self._homes = homes
        self._gathered: dict[str, frozenset[str]] = {}

    def __getitem__(self, form: str) -> frozenset[str]:
        roles = self._gathered.get(form)
        if roles is None:
            found = (self._facts[key].roles[form] for key in self._homes[form])
            roles = self._gathered[form] = frozenset().union(*found)
        return roles

    def __contains__(self, form: object) -> bool:
        return form in self._homes

    def __iter__(self) -> Iterator[str]:
        return iter(self._homes)

    def __len__(self) -> int:
        return len(self._homes)


class _Repository:
    """The name spellings of the whole corpus, prepared once per index."""

    def __init__(
        self,
        facts: Mapping[str, NameFacts],
        homes: dict[str, list[str]],
        people: People,
        spellings: SpellingIndex,
    ) -> None:
        self.facts = facts
        self.homes = homes
        self.people = people
        self.spellings = spellings
        self._counts: dict[str, tuple[int, int]] = {}
        self._full_names: dict[str, list[tuple[str, str]]] = {}
        self._winners: dict[str, str] = {}

    @classmethod
    def of(cls, facts: Mapping[str, NameFacts]) -> _Repository:
        """The repository of ``facts``. Its loop runs once for every name of every article
        (250,000 times in an archive of 10,000), so it only notes which articles use each
        spelling; counts and roles are gathered for the few spellings that need them."""
        homes: dict[str, list[str]] = defaultdict(list)
        full_names = []
        for key, article in facts.items():
            full_names.extend(article.full_names)
            for form in article.places:
                homes[form].append(key)
        found = dict(homes)
        people = People(full_names)
        return cls(facts, found, people, SpellingIndex(_Roles(facts, found), people))

    def counts(self, form: str) -> tuple[int, int]:
        """In how many articles ``form`` is used, and how many times in all."""
        if form not in self._counts:
            homes = self.homes[form]
            self._counts[form] = (len(homes), sum(self.facts[key].count(form) for key in homes))
        return self._counts[form]

    def full_names(self, form: str) -> list[tuple[str, str]]:
        """Every full name in the repository that ``form`` is part of, each once, worked
        out once: a common surname is part of the same full name in thousands of articles."""
        if form not in self._full_names:
            self._full_names[form] = sorted(
                {
                    (given, surname)
                    for key in self.homes[form]
                    for given, surname in self.facts[key].full_names
                    if form in (given, surname)
                }
            )
        return self._full_names[form]

    def winner(self, form: str, variants: list[str]) -> str:
        """The spelling the repository prefers among ``form`` and its ``variants``."""
        if form not in self._winners:
            self._winners[form] = min(
                [form, *variants],
                key=lambda f: Rank(f, self.counts(f), frozenset(), self.full_names(f)),
            )
        return self._winners[form]


class CorpusNameVariant(Rule):
    """A name is spelled differently from the rest of the repository ("Bowt" and "Bout").

    ## What it does
    Compares the names of each article with every other article of the
    corpus (the files checked, plus the `corpus` globs of the config) and
    finds a spelling that the rest of the repository writes another way.

    ## Why is this bad?
    Each article is often translated on its own, so the same person gets a
    new spelling every time: "Victor Bowt" today, "Viktor Bout" yesterday. An
    archive that spells a name three ways cannot be searched.

    ## Example
    ```
    The United States offered to trade Russian arms dealer Victor Bowt.
    ```

    ## Use instead
    ```
    The United States offered to trade Russian arms dealer Viktor Bout.
    ```

    ## Fix safety
    Unsafe: the spelling used in more articles (then more often) wins; on a
    tie, the spelling more common in English text, judged on the whole name.
    A spelling that also has a variant in the same article is left to E001.
    Two established spellings of one word ("Sergei" and "Sergey") are a house
    style for the glossary to settle, and are reported only when a whole name
    is spelled anew or the spelling is found nowhere in English text.
    """

    code = "E002"
    name = "corpus-name-variant"
    summary = "A name is spelled differently from the rest of the repository"
    fix = Applicability.UNSAFE
    #: What compares two spellings that sound alike (see ``spelling_variants``).
    preload = ("rapidfuzz.fuzz",)

    def __init__(self, settings: Mapping[str, object] | None = None) -> None:
        super().__init__(settings)
        self._prepared: tuple[CorpusIndex, _Repository] | None = None

    def collect(self, doc: Document) -> NameFacts:
        return doc.derived(name_facts)

    def _repository(self, index: CorpusIndex) -> _Repository:
        if self._prepared is None or self._prepared[0] is not index:
            self._prepared = (index, _Repository.of(index.of(self.code)))
        return self._prepared[1]

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        repository = self._repository(ctx.index)
        own = doc.key
        mine = repository.facts.get(own)
        if mine is None or len(repository.facts) < 2:
            return
        glossary = ctx.index.glossary
        known = glossary.canonical_words | set(glossary.variants)
        for form, places in mine.places.items():
            variants = repository.spellings.variants(form)
            if not variants or form in known or known.intersection(variants):
                continue
            if any(variant in mine.places for variant in variants):
                continue
            winner = repository.winner(form, variants)
            if winner == form or not _evidence(form, winner, mine, repository):
                continue
            yield from self._report(doc, own, form, places, winner, repository)

    def _report(
        self,
        doc: Document,
        own: str,
        form: str,
        places: tuple[tuple[int, int], ...],
        winner: str,
        repository: _Repository,
    ) -> Iterator[Diagnostic]:
        articles, occurrences = repository.counts(winner)
        others = [key for key in repository.homes[winner] if key != own]
        where = ", ".join(Path(key).name for key in others[:3]) + (", …" if len(others) > 3 else "")
        tie = repository.counts(winner) == repository.counts(form)
        winning_name = full_name_of(winner, repository.full_names(winner))
        losing_name = full_name_of(form, repository.full_names(form))
        reason = (
            f"; both are used as often, and {tie_reason(winning_name, losing_name)}" if tie else ""
        )
        message = (
            f"'{form}' is spelled '{winner}' elsewhere in the repository: {times(occurrences)} "
            f"in {articles} article{'s' if articles > 1 else ''} ({where}){reason}"
        )
        related = [
            Related(Span(*repository.facts[key].places[winner][0]), f"'{winner}' is used here", key)
            for key in others[:3]
        ]
        for start, end in places:
            span = Span(start, end)
            yield self.diagnostic(
                span,
                message,
                Fix.replace(span, winner, f"Spell it '{winner}'", Applicability.UNSAFE),
                related,
            )


def _evidence(form: str, winner: str, mine: NameFacts, repository: _Repository) -> bool:
    """Two spellings are an artifact, not a house style, when the spelling is found
    nowhere in English text, or when a whole name is spelled anew ("Victor Bowt" for
    "Viktor Bout"), not just one of its words ("Sergei Lavrov" and "Sergey Lavrov").
    One of the two words must differ only by transliteration, so that two people with
    similar names ("Vladimir Zelinsky", "Volodymyr Zelensky") are not merged."""
    if spelling_key(form) == spelling_key(winner) and frequency(form) == 0 < frequency(winner):
        return True
    partners = {
        given if surname == form else surname
        for given, surname in mine.full_names
        if form in (given, surname)
    }
    theirs = {
        given if surname == winner else surname for given, surname in repository.full_names(winner)
    }
    same_key = spelling_key(form) == spelling_key(winner)
    return any(
        a != b and are_variants(a, b) and (same_key or spelling_key(a) == spelling_key(b))
        for a in partners
        for b in theirs
    )
