"""The ``re`` twins of the rules' patterns find in plain text what ``regex`` finds."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from mtlint.config import Config
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.lazy_pattern import PATTERNS, TWIN_BUDGET, LazyPattern
from mtlint.plain_text import TYPOGRAPHY, is_plain
from mtlint.re_twin import _PROPERTY_IN_PLAIN_TEXT, re_twin

TESTS = Path(__file__).parent
SEEDS = TESTS.parent / "seeds"
PLAIN_CHARACTERS = [chr(code) for code in range(128)] + list(TYPOGRAPHY)


def _plain(text: str) -> str:
    """``text`` with its letters' accents taken off and anything else outside plain
    text left out: real articles and the rules' cases, their artifacts kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() or c in TYPOGRAPHY)


def _real_texts() -> list[str]:
    files = [*SEEDS.glob("*.txt"), *(TESTS / "traps").iterdir(), *(TESTS / "rule_cases").iterdir()]
    return [_plain(path.read_text("utf-8")) for path in sorted(files)]


REAL_TEXTS = _real_texts()


@pytest.fixture(scope="module")
def patterns() -> list[LazyPattern]:
    """Every pattern a check makes, once the rules have met text of every kind."""
    linter = Linter(Config(root=Path.cwd()))
    for text in REAL_TEXTS:
        for name in ("article.txt", "article.md"):
            list(linter.lint([Document.from_text(text, name)]))
    return list(PATTERNS.values())


def _found(pattern: regex.Pattern[str] | object, text: str) -> list[object]:
    return [
        (match.lastgroup, [match.span(group) for group in range(len(match.groups()) + 1)])
        for match in pattern.finditer(text)  # type: ignore[attr-defined]
    ]


def _assert_twins_agree(patterns: list[LazyPattern], text: str) -> None:
    for pattern in patterns:
        twin = pattern.twin()
        if twin is not None:
            assert _found(twin, text) == _found(pattern.regex(), text), pattern.source


@pytest.mark.skipif(sys.version_info < (3, 11), reason="re reads possessive quantifiers from 3.11")
def test_a_check_of_an_article_in_plain_text_does_not_import_regex() -> None:
    """Every pattern such a check reaches has a twin: ``regex`` costs a one-file check
    its import and the slower compiling."""
    article = _plain((SEEDS / "000_eea42f5229fe784d.txt").read_text("utf-8"))
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mtlint.config import Config\n"
        "from mtlint.document import Document\n"
        "from mtlint.engine import Linter\n"
        "doc = Document.from_text(sys.stdin.read(), 'a.md')\n"
        "found = list(Linter(Config(root=Path.cwd())).lint([doc]))\n"
        "assert found[0], 'the article has findings'\n"
        "print('regex' in sys.modules)\n"
    )  # fmt: skip
    ran = subprocess.run(
        [sys.executable, "-c", script], input=article, capture_output=True, text=True, check=True
    )
    assert ran.stdout.strip() == "False"


def test_every_twin_agrees_with_its_pattern_on_real_text(patterns: list[LazyPattern]) -> None:
    if sys.version_info >= (3, 11):  # before, re refuses the possessive quantifiers
        assert sum(pattern.twin() is not None for pattern in patterns) >= 80
    text = "\n\n".join(REAL_TEXTS)
    assert is_plain(text)
    assert not text.isascii()
    _assert_twins_agree(patterns, text)


#: Plain text from pieces that the patterns tell apart, separators U+001C–U+001F included.
PLAIN_PIECES = [
    "zebra", "Quiz", "U.S.", "don't", "well-known", "1,500.25", "x_y", "Mr.", "mr.", "Dr ",
    "Sr.", "said", " that ", "He", "AT", "--", " - ", "(", ")", "1)", "a)", '"', "'", "&amp;",
    "&#39;", "http://a.b/c", "St. Petersburg", "NATO", "the the", "1.500", "3,5 %", "...",
    "“Yes,” he said", "’s", " – ", "—", "…", "10\u00a0%", "« oui »", "„ja“",
]  # fmt: skip
PLAIN_TEXT = st.lists(
    st.one_of(
        st.sampled_from(PLAIN_CHARACTERS),
        st.sampled_from([*PLAIN_PIECES, " ", "  ", "\t", "\n", "\n\n", "\x0b", "\x1c", "\x7f"]),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=PLAIN_TEXT)
def test_every_twin_agrees_with_its_pattern_on_any_plain_text(
    patterns: list[LazyPattern], text: str
) -> None:
    _assert_twins_agree(patterns, text)


#: White space in plain text, as the twins write it.
SPACE = r"\t\n\x0b\x0c\r\x20\u00a0"


@pytest.mark.parametrize(
    ("source", "twin"),
    [
        (r"\p{L}+", "[A-Za-z]+"),
        (r"[^\s\p{L}\p{N}]", rf"[^{SPACE}A-Za-z0-9]"),
        (r"\S+", rf"[^{SPACE}]+"),
        (r"[\p{Cyrillic}\p{Greek}]", r"[\x80\x80]"),
        (r"(?x) \p{Lu}  # a capital", r"(?x) [A-Z]  # a capital"),
        (r"a#\p{L}", "a#[A-Za-z]"),
        (r"(?i)(?P<t>mr|dr)\.(?=\s)", rf"(?i)(?P<t>mr|dr)\.(?=[{SPACE}])"),
        (r"[]\p{N}]", "[]0-9]"),
        (r"\p{N}{1,3}(?:,\p{N}{3}){2,}x{,2}", "[0-9]{1,3}(?:,[0-9]{3}){2,}x{,2}"),
    ],
)
def test_the_twin_of_a_pattern(source: str, twin: str) -> None:
    assert re_twin(source) == twin


@pytest.mark.parametrize(
    "source",
    [
        r"\p{^L}",  # a negated property written inside the braces
        r"\pL",  # a one-letter property without braces
        r"[\P{L}x]",  # the complement of a property inside a set
        r"[\S,]",  # the complement of white space inside a set
        r"\p{Emoji}",  # a property whose ASCII members are not known here
        r"(?<name>x)",  # a named group in the notation re lacks
        r"\X",  # a grapheme
        r"(?x:a b)",  # scoped verbose mode
        r"(?V1)a",  # a flag re lacks
        r"a(?i)b",  # a global flag after the start
        r"[[a-z]]",  # a nested set
        r"[a--b]",  # a set difference
        r"(?i)\u017f",  # the long s, which folds into ASCII
        r"(?i)ı",  # the dotless i
        r"[a-z",  # an unclosed set
        r"(?:cat){e<=1}",  # a fuzzy match, which re would read as text
    ],
)
def test_a_pattern_without_a_twin(source: str) -> None:
    assert re_twin(source) is None


def test_a_twin_that_re_refuses_leaves_the_pattern_on_regex() -> None:
    pattern = LazyPattern(r"(?<=^|\s)x")  # a look-behind of varying width
    assert re_twin(pattern.source) is not None
    assert pattern.twin() is None
    assert pattern.for_text("a x") is pattern.regex()
    assert [match.span() for match in pattern.finditer("x ax x")] == [(0, 1), (5, 6)]


def test_text_outside_plain_text_is_searched_by_regex() -> None:
    pattern = LazyPattern(r"\p{L}+")
    assert pattern.findall("Kyiv and Київ") == ["Kyiv", "and", "Київ"]
    assert pattern.findall("“Café” – cafe") == ["Café", "cafe"]
    assert pattern.for_text("Київ") is pattern.regex()
    assert pattern.for_text("“Kyiv” – Kiev") is not pattern.regex()
    assert pattern.for_text("Kyiv") is not pattern.regex()


@pytest.mark.parametrize("name", sorted(_PROPERTY_IN_PLAIN_TEXT))
def test_each_property_holds_the_same_characters_of_plain_text(name: str) -> None:
    for source in (rf"\p{{{name}}}", rf"[\p{{{name}}}]", rf"\P{{{name}}}", rf"(?i)\p{{{name}}}"):
        twin = re.compile(re_twin(source) or "")
        full = regex.compile(source)
        for character in PLAIN_CHARACTERS:
            assert bool(twin.match(character)) is bool(full.match(character)), (source, character)


@pytest.mark.parametrize(
    "source", [r"\s", r"[\s]", r"\S", r"\w", r"\W", r"\d", r"\b.", r".\b", "."]
)
def test_each_class_holds_the_same_characters_of_plain_text(source: str) -> None:
    twin, full = re.compile(re_twin(source) or ""), regex.compile(source)
    for character in PLAIN_CHARACTERS:
        assert bool(twin.match(character)) is bool(full.match(character)), (source, character)


def test_a_twin_opening_with_a_look_behind_hands_long_texts_to_regex_past_its_budget() -> None:
    pattern = LazyPattern(r"(?<![\p{L}\p{N}])cat")
    article = "A cat, a tomcat and “cat”. " * 40
    assert pattern.findall(article) == ["cat", "cat"] * 40
    on_re = [isinstance(pattern.for_text(article), re.Pattern) for _ in range(30)]
    charged = len(article)  # the findall above
    expected = -(-(TWIN_BUDGET - charged) // len(article)) - 1
    assert on_re == [True] * expected + [False] * (30 - expected)
    assert pattern.for_text(article) is pattern.regex()
    assert pattern.for_text("cat") is pattern.regex()
    assert pattern.findall(article) == ["cat", "cat"] * 40


def test_short_texts_do_not_count_against_the_budget() -> None:
    pattern = LazyPattern(r"(?<![\p{L}\p{N}])cat")
    for _ in range(TWIN_BUDGET):
        assert pattern.search("a cat") is not None
    assert isinstance(pattern.for_text("a cat"), re.Pattern)
    long = "a cat " * 200
    assert isinstance(pattern.for_text(long, 0, 300), re.Pattern)
