"""Properties of the core that must hold for any text, found by hypothesis."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtlint.config import Config
from mtlint.diagnostics import Applicability, Edit, Span
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.files import DEFAULT_EXCLUDES, FileSelector
from mtlint.fixer import fix_documents
from mtlint.source import SourceFile

#: Any code point, lone surrogates included, with line breaks of every style more likely.
ANY_TEXT = st.lists(
    st.one_of(st.characters(), st.sampled_from(["\n", "\r\n", "\r", " ", "\u200b", "\u0301"]))
).map("".join)
#: Text made of what articles and their artifacts are made of, so rules have work to do.
FRAGMENTS = [
    "mr. Blinken said", "Mr. Lavrov", " ", "  ", ".", ", ", "\n", "\n\n", "the the ", "“",
    "”", '"', "'", " -- ", "Britney Greener", "Brittney Griner", "AT his account ",
    "During a call", " ,", "Kyiv", "Kiev", "&amp;", "café", "cafe\u0301", "# ", "- ",
    "`code`", "<b>", "</b>", "<!-- mtlint: disable -->", "Прив", "е", "1,500", "U.S.",
    "he said. she said in a statement.", "places of deprivation of liberty",
]  # fmt: skip
ARTICLE_TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
SUFFIXES = st.sampled_from(["article.txt", "article.md", "article.html"])
LINTER = Linter(Config(root=Path.cwd()))


def _normalised(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


@given(ANY_TEXT)
def test_offsets_map_back_to_the_raw_text(raw: str) -> None:
    source = SourceFile.from_text(Path("a.txt"), raw)
    assert source.text == _normalised(raw)
    assert source.apply([]) == raw
    for offset, char in enumerate(source.text):
        found = raw[source.raw_offset(offset)]
        assert found == char or (char == "\n" and found == "\r")


@st.composite
def _text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    raw = draw(ANY_TEXT)
    length = len(_normalised(raw))
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=8)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    edits = [Edit(Span(start, end), draw(st.text(max_size=5))) for start, end in pairs]
    return raw, edits


@given(_text_and_edits())
def test_text_outside_the_edits_never_changes(case: tuple[str, list[Edit]]) -> None:
    raw, edits = case
    source = SourceFile.from_text(Path("a.txt"), raw)
    expected, cursor = [], 0
    for edit in edits:
        expected += [source.text[cursor : edit.span.start], _normalised(edit.replacement)]
        cursor = edit.span.end
    expected.append(source.text[cursor:])
    assert _normalised(source.apply(edits)) == "".join(expected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, SUFFIXES)
def test_documents_of_any_unicode_never_raise(text: str, name: str) -> None:
    doc = Document.from_text(_normalised(text), name)
    assert len(doc.prose) == len(doc.text)
    for paragraph in doc.paragraphs:
        assert 0 <= paragraph.span.start <= paragraph.span.end <= len(doc.text)
    for token in doc.tokens:
        assert doc.prose[token.start : token.end] == token.text
    for found in LINTER.lint([doc]):
        for diagnostic in found:
            assert 0 <= diagnostic.span.start <= diagnostic.span.end <= len(doc.text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE_TEXT, SUFFIXES)
def test_fixing_twice_changes_nothing_the_second_time(text: str, name: str) -> None:
    everything = frozenset(Applicability)
    once = fix_documents(LINTER, [Document.from_text(text, name)], [], everything)
    twice = fix_documents(LINTER, once.documents, [], everything)
    assert twice.documents[0].text == once.documents[0].text


@given(
    st.text(st.characters(min_codepoint=0x80, exclude_categories=("Cs",)), min_size=1),
    st.sampled_from(["sloppy-windows-1252", "latin-1"]),
)
def test_every_utf8_mojibake_is_a_candidate_for_n001(text: str, codec: str) -> None:
    import ftfy  # noqa: F401  (registers the sloppy codecs)

    from mtlint.rules.mojibake import _LEAD, may_be_garbled

    garbled = text.encode("utf-8").decode(codec)
    assert may_be_garbled().search(garbled)
    assert _LEAD.search(may_be_garbled().search(garbled).group())


@given(
    st.text(st.sampled_from("abcde ,."), max_size=60),
    st.text(st.sampled_from("abcde ,."), max_size=60),
)
def test_shared_characters_bound_rapidfuzz_ratio(first: str, second: str) -> None:
    from collections import Counter

    from rapidfuzz.fuzz import ratio

    from mtlint.rules.near_duplicate_paragraph import _shared_characters

    shared = _shared_characters(Counter(first), Counter(second))
    assert 200 * shared >= ratio(first, second) * (len(first) + len(second)) - 1e-6


#: Path components: the default excludes, names that contain or resemble them, and dots.
COMPONENTS = st.one_of(
    st.sampled_from([*DEFAULT_EXCLUDES, "build2", "xbuild", ".gitx", "dist.txt", "Build", ".."]),
    st.sampled_from([".", "a", "b.txt", "x y"]),
)


@given(st.lists(COMPONENTS, min_size=1, max_size=5).map("/".join), st.booleans())
def test_default_excludes_match_as_pathspec_matches_them(relative: str, is_dir: bool) -> None:
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(DEFAULT_EXCLUDES)
    selector = FileSelector(Config(root=Path.cwd()))
    expected = spec.match_file(relative + "/" if is_dir else relative)
    assert selector._matches_excludes(relative, is_dir) is expected


@pytest.mark.parametrize("name", ["article.txt", "article.md", "article.html"])
def test_a_checked_article_is_freed_without_the_cycle_collector(name: str) -> None:
    """An article and its tokens go as soon as a run drops them: were an analysis that
    rules share to keep the document it came from, every article of a run would wait
    for the cycle collector, which would walk them all, again and again."""
    doc = Document.from_text("".join(FRAGMENTS) * 3, name)
    gc.disable()
    try:
        assert LINTER.lint([doc])[0]
        freed = weakref.ref(doc)
        del doc
        assert freed() is None
    finally:
        gc.enable()


LOOP_FRAGMENTS = ["Bern", "bern", "BERN", "of", "the", "x9", " ", ", ", "; ", ".", "-", "\t"]


@given(st.lists(st.sampled_from(LOOP_FRAGMENTS), max_size=24).map("".join))
def test_r005_reads_a_paragraph_in_ascii_as_it_reads_any_other(text: str) -> None:
    """R005's quick test reads a paragraph in ASCII as bytes: it must answer as it does for
    the same words with one more outside ASCII, which it reads as text."""
    from mtlint.rules.degenerate_repetition import _may_loop

    assert _may_loop(text) == _may_loop(f"{text} é")


WORD_FRAGMENTS = ["a", "Bb", "1", "x-y", "don't", "_", " ", ",", "\t", "\n", "—", "é", "ǅ", "٣"]


@given(st.lists(st.sampled_from(WORD_FRAGMENTS), max_size=12).map("".join), st.integers(0, 8))
def test_words_of_ascii_text_are_counted_as_the_pattern_counts_them(text: str, count: int) -> None:
    """``has_words`` splits text in ASCII as bytes: it must answer as the pattern does."""
    from mtlint.rules.repetition import _WORD, has_words

    assert has_words(text, count) == (len(_WORD.regex().findall(text)) >= count)


NAME_FRAGMENTS = [
    "Lavrov", "The", "Mr", "mr", "Mr.", "Dr", "Ambassador", "Paul", "J.", "J", "de", "van",
    "Gaulle", "Whelan's", "I'm", "said", "U.S.", "NATO", ",", ".", "1,500", "“", "-",
]  # fmt: skip


@given(st.lists(st.sampled_from(NAME_FRAGMENTS), max_size=16).map(" ".join))
def test_a_capitalised_word_the_names_finder_takes_alone_is_a_run_of_its_own(text: str) -> None:
    """The names finder passes over ``_run`` for a capitalised word it judges to stand
    alone; ``_run`` must find that word alone there too."""
    from mtlint.rules.casing import title_positions
    from mtlint.rules.honorifics import all_english_titles, job_titles, name_particles
    from mtlint.rules.name_mentions import _alone, _run

    doc = Document.from_text(text)
    titles, offices, particles = all_english_titles(), job_titles(), name_particles()
    for tokens, positions in zip(doc.sentence_tokens, title_positions(doc), strict=True):
        for start in positions:
            if _alone(tokens, start, titles, offices, particles):
                title, words, end = _run(tokens, start, titles, offices, particles)
                assert (title, len(words), end) == (None, 1, start + 1)
