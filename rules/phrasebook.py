"""The translationese phrasebooks: one data file per source language under ``data/translationese``.

Entries with ``confidence = "high"`` are wrong in any English article; the
others only when the article is known to come from their language. Users add
entries of their own through the rules' ``extra`` option.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import Any

import regex

from mtlint.errors import ConfigError
from mtlint.rules.data_files import data_file, data_folder

#: User patterns run with a timeout, so a pattern that backtracks forever cannot hang a run.
USER_PATTERN_TIMEOUT = 1.0
LANGUAGE_NAMES = {"ru": "Russian", "fr": "French", "de": "German", "es": "Spanish", "zh": "Chinese"}


@dataclass(frozen=True)
class Entry:
    languages: tuple[str, ...]
    kind: str
    source: str
    case_sensitive: bool
    suggestions: tuple[str, ...]
    explanation: str
    high_confidence: bool
    user: bool = False

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """Compiled on first use: a run whose findings are all cached compiles none."""
        return _compile(self.source, self.case_sensitive, "phrasebook")

    def applies(self, source_language: str | None) -> bool:
        return self.high_confidence or "*" in self.languages or source_language in self.languages

    @property
    def origin(self) -> str:
        """ " from French and Spanish", or "" for a user's entry."""
        names = [LANGUAGE_NAMES.get(code, code) for code in self.languages if code != "*"]
        if not names:
            return ""
        return " from " + (
            " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
        )

    @cached_property
    def literal(self) -> str:
        """A word every match contains, to skip articles without it before compiling."""
        return required_word(self.source)

    def matches(self, text: str, lowered: str) -> Iterator[regex.Match[str]]:
        """Matches in ``text``; ``lowered`` is the same text in lower case."""
        if self.literal and self.literal not in lowered:
            return
        timeout = USER_PATTERN_TIMEOUT if self.user else None
        try:
            yield from self.pattern.finditer(text, timeout=timeout)
        except TimeoutError:
            return


def required_word(source: str) -> str:
    """The longest plain word outside any group or class of a pattern, lower-cased.

    Letters after a backslash, in brackets or parentheses, or before a quantifier
    may be absent from a match, so they are not taken.
    """
    depth = 0
    best = ""
    word = ""
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            word = ""
            index += 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if depth == 0 and char.isalpha():
            word += char
        else:
            word = ""
        following = source[index + 1] if index + 1 < len(source) else ""
        ends = not following or (not following.isalpha() and following not in "?*{")
        if word and ends and len(word) > len(best):
            best = word
        index += 1
    return best.lower() if len(best) >= 3 else ""


def _compile(source: str, case_sensitive: bool, origin: str) -> regex.Pattern[str]:
    flags = 0 if case_sensitive else regex.IGNORECASE
    try:
        return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{source})(?![\p{{L}}\p{{N}}])", flags)
    except regex.error as error:
        raise ConfigError(f"{origin}: invalid pattern {source!r}: {error}") from None


def entry_of(data: Mapping[str, Any], language: str, origin: str, user: bool = False) -> Entry:
    try:
        suggestions = data["suggestions"]
        explanation = data["explanation"]
        pattern = data["pattern"]
    except KeyError as missing:
        raise ConfigError(f"{origin}: an entry lacks {missing.args[0]!r}") from None
    if isinstance(suggestions, str):
        suggestions = [suggestions]
    case_sensitive = bool(data.get("case-sensitive", False))
    if user:
        _compile(pattern, case_sensitive, origin)
    return Entry(
        languages=(data.get("language", language),),
        kind=data.get("kind", ""),
        source=pattern,
        case_sensitive=case_sensitive,
        suggestions=tuple(suggestions),
        explanation=explanation,
        high_confidence=data.get("confidence", "high") == "high",
        user=user,
    )


@cache
def builtin_entries(kind: str) -> tuple[Entry, ...]:
    """Every built-in entry of ``kind``; one pattern found in several packs is one entry."""
    found: dict[tuple[str, bool], Entry] = {}
    for name in data_folder("translationese"):
        language = name.removeprefix("translationese/").removesuffix(".toml")
        for data in data_file(name).get("entry", []):
            if data.get("kind") != kind:
                continue
            entry = entry_of(data, language, name)
            key = (entry.source, entry.case_sensitive)
            known = found.get(key)
            if known is not None:
                entry = replace(
                    known,
                    languages=known.languages + entry.languages,
                    explanation=f"{known.explanation}; {entry.explanation}",
                    high_confidence=known.high_confidence or entry.high_confidence,
                )
            found[key] = entry
    return tuple(found.values())


def user_entries(code: str, extra: Iterable[Any]) -> tuple[Entry, ...]:
    entries = []
    for number, data in enumerate(extra, 1):
        if not isinstance(data, dict):
            raise ConfigError(f"rules.{code}.extra[{number}]: expected a table")
        entries.append(entry_of(data, "*", f"rules.{code}.extra[{number}]", user=True))
    return tuple(entries)


def suggestion_for(suggestion: str, capitalised: bool) -> str:
    """The suggestion, capitalised when it opens a sentence."""
    if capitalised and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion
