"""A repository's spelling keys are stored once per machine and read back unchanged."""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from mtlint.machine_cache import GrowingStore
from mtlint.rules import spelling_variants
from mtlint.rules.name_variants import People, SpellingIndex, _any_key_shared, variant_groups
from mtlint.rules.spelling_variants import keys_of, keys_of_all

WORDS = ["Zelenskyy", "Zelensky", "Selensky", "Griner", "Greener", "Bout", "Bowt", "Kyiv"]


@pytest.fixture
def new_process(new_process_store: Callable[..., GrowingStore]) -> Callable[..., GrowingStore]:
    """Forgets every key this process worked out or read; keywords change the store's
    settings."""

    def renew(**limits: int) -> GrowingStore:
        spelling_variants.spelling_key.cache_clear()
        spelling_variants._sound.cache_clear()
        return new_process_store(spelling_variants, **{"read_after": 3, **limits})

    return renew


@pytest.fixture
def own_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_process: Callable[..., GrowingStore]
) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(spelling_variants, "STORED_KEYS_ABOVE", 3)
    new_process()
    return tmp_path / "mtlint"


def _stores(folder: Path) -> list[Path]:
    return sorted(folder.glob("spelling-keys@*.marshal"))


def test_a_few_words_are_worked_out_and_not_stored(own_cache: Path) -> None:
    assert keys_of_all(WORDS[:3]) == {word: keys_of(word) for word in WORDS[:3]}
    assert _stores(own_cache) == []


def test_many_words_are_read_back_from_the_store(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {word: keys_of(word) for word in WORDS}
    assert keys_of_all(WORDS) == expected
    assert len(_stores(own_cache)) == 1
    monkeypatch.setattr(spelling_variants, "keys_of", lambda word: pytest.fail(word))
    assert keys_of_all(WORDS) == expected
    assert keys_of_all(WORDS[2:]) == {word: expected[word] for word in WORDS[2:]}
    spelling_variants.spelling_key.cache_clear()
    spelling_variants._sound.cache_clear()
    refuse = SimpleNamespace(normalize=lambda *_: pytest.fail("a key worked out again"))
    monkeypatch.setattr(spelling_variants, "unicodedata", refuse)
    assert [
        spelling_variants.are_variants("Bowt", "Bout"),
        spelling_variants.are_variants("Kyiv", "Bout"),
    ] == [True, False]


@pytest.mark.parametrize(("bytes_per_miss", "read"), [(100, True), (1, False)])
def test_a_process_asked_for_many_spellings_a_few_at_a_time_reads_a_small_store(
    own_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_process: Callable[..., GrowingStore],
    bytes_per_miss: int,
    read: bool,
) -> None:
    expected = {word: keys_of(word) for word in WORDS}
    keys_of_all(WORDS)  # a repository's spellings, stored
    new_process(bytes_per_miss=bytes_per_miss)
    assert [keys_of_all(WORDS[:2]), keys_of_all(WORDS[2:4])] == [
        {word: expected[word] for word in WORDS[:2]},
        {word: expected[word] for word in WORDS[2:4]},
    ]
    worked_out = []
    normalize = spelling_variants.unicodedata.normalize
    counting = SimpleNamespace(normalize=lambda *args: worked_out.append(args) or normalize(*args))
    monkeypatch.setattr(spelling_variants, "unicodedata", counting)
    assert [keys_of_all(WORDS[4:6]), keys_of_all(WORDS[6:])] == [
        {word: expected[word] for word in WORDS[4:6]},
        {word: expected[word] for word in WORDS[6:]},
    ]
    assert (worked_out == []) == read


@pytest.mark.parametrize("content", [b"", b"N", b"{broken", "damaged entries"])
def test_a_damaged_store_is_worked_out_again(own_cache: Path, content: bytes | str) -> None:
    expected = {word: keys_of(word) for word in WORDS}
    keys_of_all(WORDS)
    (store,) = _stores(own_cache)
    if content == "damaged entries":
        stored = marshal.loads(store.read_bytes())
        stored.update({"Bout": 3, "Bowt": "one\0two", "Kyiv": ("k", "m", "s")})
        content = marshal.dumps(stored)
    store.write_bytes(content)
    assert keys_of_all(WORDS) == expected
    assert keys_of_all(WORDS) == expected


def test_a_full_store_starts_afresh_with_the_words_of_the_run(
    own_cache: Path, new_process: Callable[..., GrowingStore]
) -> None:
    new_process(kept_at_most=6)
    keys_of_all(WORDS[:5])
    keys_of_all(WORDS[3:])
    (store,) = _stores(own_cache)
    assert sorted(marshal.loads(store.read_bytes())) == sorted(WORDS[3:])


def test_an_index_of_stored_keys_groups_as_one_worked_out(own_cache: Path) -> None:
    roles = {word: frozenset({"surname"}) for word in WORDS}
    worked_out = variant_groups(roles, people=_no_people())
    assert len(_stores(own_cache)) == 1
    assert variant_groups(roles, people=_no_people()) == worked_out
    assert worked_out == [
        ["Bout", "Bowt"],
        ["Greener", "Griner"],
        ["Selensky", "Zelensky", "Zelenskyy"],
    ]
    assert SpellingIndex(roles, _no_people()).variants("Bowt") == ["Bout"]


def _no_people() -> People:
    return People(())


def test_variants_do_not_depend_on_the_spelling_asked_first() -> None:
    """A spelling whose variants are known answers for the spellings it shares a key with:
    what each is told must be what it is told alone, in whatever order they are asked."""
    roles = {word: frozenset({"surname"}) for word in [*WORDS, "Whelan", "Whalen"]}
    roles |= {"Sergei": frozenset({"given"}), "Sergey": frozenset({"surname"})}
    people = People([("Paul", "Whelan"), ("Kevin", "Whalen"), ("Sergei", "Lavrov")])
    alone = {form: SpellingIndex(roles, people).variants(form) for form in roles}
    assert alone["Bowt"] == ["Bout"]
    assert alone["Whelan"] == alone["Sergei"] == []
    for order in (sorted(roles), sorted(roles, reverse=True)):
        index = SpellingIndex(roles, people)
        assert {form: index.variants(form) for form in order} == alone


@pytest.mark.parametrize(
    "words",
    [[], ["Bout"], ["Bout", "Kyiv"], ["Bout", "Bowt"], ["Griner", "Kyiv", "Greener"], WORDS],
)
def test_an_article_whose_spellings_share_no_key_is_told_without_an_index(
    words: list[str],
) -> None:
    roles = {word: frozenset({"surname"}) for word in words}
    shared = bool(SpellingIndex(roles, _no_people()).sharing)
    assert _any_key_shared(keys_of_all(roles).values()) == shared
    if not shared:
        assert variant_groups(roles, _no_people()) == []
