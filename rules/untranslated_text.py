"""T003 untranslated-text."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mtlint.diagnostics import Diagnostic, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule
from mtlint.rules.lexicon import is_common_word
from mtlint.rules.mixed_script import latin_lookalike

if TYPE_CHECKING:
    from mtlint.lazy_pattern import AnyMatch

_SCRIPTS = (
    r"\p{Cyrillic}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Arabic}\p{Hebrew}\p{Greek}"
    r"\p{Devanagari}\p{Bengali}\p{Tamil}\p{Thai}\p{Georgian}\p{Armenian}"
)
_FOREIGN_RUN = lazy_pattern(rf"[{_SCRIPTS}]+(?:[\s\p{{P}}\p{{N}}]*[{_SCRIPTS}]+)*")
_SCRIPT_NAMES = (
    "Cyrillic",
    "Han",
    "Hiragana",
    "Katakana",
    "Hangul",
    "Arabic",
    "Hebrew",
    "Greek",
    "Devanagari",
    "Bengali",
    "Tamil",
    "Thai",
    "Georgian",
    "Armenian",
)
_SCRIPT = {name: lazy_pattern(rf"\p{{{name}}}") for name in _SCRIPT_NAMES}
_ONE_OR_TWO_GREEK = lazy_pattern(r"\p{Greek}{1,2}")
_LETTER = lazy_pattern(r"\p{L}")
_LATIN = lazy_pattern(r"\p{Latin}")
_LATIN_BEFORE_PARENTHESIS = lazy_pattern(r"\p{Latin}\s?\($")
_LOWER_WORD = lazy_pattern(r"\b\p{Ll}{3,}\b")
#: A sentence is checked with the language detector only when most of its lower-case
#: words are unknown to English: the detector is accurate but slow to load.
UNKNOWN_SHARE = 0.75
MINIMUM_WORDS = 5
CONFIDENCE = 0.8
LATIN_LANGUAGES = (
    "FRENCH",
    "GERMAN",
    "SPANISH",
    "ITALIAN",
    "PORTUGUESE",
    "DUTCH",
    "POLISH",
    "CZECH",
    "ICELANDIC",
    "SWEDISH",
    "DANISH",
    "BOKMAL",
    "FINNISH",
    "TURKISH",
    "ROMANIAN",
    "HUNGARIAN",
    "INDONESIAN",
    "CROATIAN",
)


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, *(getattr(Language, name) for name in LATIN_LANGUAGES)]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def script_of(text: str) -> str:
    """The name of the first non-Latin script in ``text``."""
    for name in _SCRIPT_NAMES:
        if _SCRIPT[name].search(text):
            return name
    return "another"


class UntranslatedText(Rule):
    """Words or sentences are left in the source language or script.

    ## What it does
    Finds runs of text in another script (Cyrillic, Chinese, Japanese,
    Korean, Arabic, Hebrew, Greek, Devanagari, …) in English prose, and
    whole sentences left in a Latin-script language (French, German,
    Spanish, Icelandic, …), which lingua's language detector confirms.

    ## Why is this bad?
    Engines pass through what they cannot translate (a quote, a name, a
    sentence they failed on); English readers lose that part of the article.

    ## Example
    ```
    The ministry said that переговоры продолжатся next week.
    ```

    ## Use instead
    ```
    The ministry said that the talks would continue next week.
    ```

    ## Fix safety
    No fix: the text needs translating. A name given in its own script in
    parentheses after its English form ("Moscow (Москва)"), single Greek
    letters used as symbols ("α", "μm"), and look-alike letters inside or
    beside Latin text (N003's concern: "Kyіv", "25 °С") are left alone.
    """

    code = "T003"
    name = "untranslated-text"
    summary = "Words or sentences are left in the source language or script"

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        prose = doc.prose
        runs = [] if prose.isascii() else list(_FOREIGN_RUN.finditer(prose))
        for match in runs:
            start, end = match.start(), match.end()
            run = match.group()
            if _inside_latin_word(prose, start, end) or _gloss(prose, start, end):
                continue
            if _ONE_OR_TWO_GREEK.fullmatch(run) or not _LETTER.search(run):
                continue
            if len(run) == 1 and latin_lookalike(run):
                continue
            yield self.diagnostic(
                Span(start, end), f'"{run}" is in {script_of(run)} script: translate it'
            )
        run_ends = [match.end() for match in runs]
        for sentence in doc.sentences:
            if _meets_run(runs, run_ends, sentence.span):
                continue
            text = prose[sentence.span.start : sentence.span.end]
            if not _mostly_unknown(text):
                continue
            language = _detector().detect_language_of(text)
            if language is None or language.name == "ENGLISH":
                continue
            confidence = _detector().compute_language_confidence(text, language)
            if confidence < CONFIDENCE:
                continue
            yield self.diagnostic(
                sentence.span,
                f"This sentence is in {language.name.title()}: translate it",
            )


def _meets_run(runs: list[AnyMatch], run_ends: list[int], span: Span) -> bool:
    """Whether ``span`` overlaps one of the runs in another script, which are sorted and
    ``run_ends`` ends. A sentence that overlaps a run without holding one of its letters
    lies between two of them, in spaces, digits and punctuation, with no word to detect."""
    first = bisect_right(run_ends, span.start)
    return first < len(runs) and runs[first].start() < span.end


def _inside_latin_word(prose: str, start: int, end: int) -> bool:
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    return bool(_LATIN.match(before) or _LATIN.match(after))


def _gloss(prose: str, start: int, end: int) -> bool:
    """True for an original-script name in parentheses after its English form."""
    before = prose[max(0, start - 3) : start]
    after = prose[end : end + 1]
    return before.endswith("(") and after == ")" and bool(_LATIN_BEFORE_PARENTHESIS.search(before))


def _mostly_unknown(text: str) -> bool:
    words = _LOWER_WORD.findall(text)
    if len(words) < MINIMUM_WORDS:
        return False
    known_at_most = (1 - UNKNOWN_SHARE) * len(words)
    known = 0
    for word in words:
        if is_common_word(word):
            known += 1
            if known > known_at_most:
                return False
    return True
