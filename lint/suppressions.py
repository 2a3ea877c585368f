"""Inline suppressions: HTML comments that switch rules off for part of an article.

    <!-- mtlint: disable=H001,E001 -->   … from here on
    <!-- mtlint: enable=H001,E001 -->    … until here
    <!-- mtlint: disable-next-line=C002 -->
    <!-- mtlint: disable -->             every rule (``enable`` turns all back on)

Codes may be prefixes ("H" for every honorific rule) or ``ALL``, as on the
command line.
Only comments that are markup count: one inside code or inline code is an
example, not a directive. A code that matches no rule, or a comment that
starts with ``mtlint:`` but says nothing mtlint understands, is reported as a
problem of the article, since a misspelt directive would otherwise suppress
nothing in silence.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from mtlint.diagnostics import Diagnostic
from mtlint.document import Document
from mtlint.errors import ConfigError
from mtlint.lazy_pattern import lazy_pattern
from mtlint.selection import matching

_DIRECTIVE = lazy_pattern(r"(?is)<!--\s*mtlint\s*:\s*(?P<body>.*?)\s*-->")
_BODY = lazy_pattern(
    r"(?i)(?P<kind>disable-next-line|disable|enable)(?:\s*=\s*(?P<codes>[A-Za-z0-9,\s]*))?"
)
_SEPARATORS = lazy_pattern(r"[\s,]+")


@dataclass
class Suppressions:
    """The directives of one article, ready to say whether a finding is suppressed."""

    #: Where each region starts, and the codes switched off from there on.
    starts: list[int] = field(default_factory=list)
    states: list[frozenset[str]] = field(default_factory=list)
    #: Lines switched off by ``disable-next-line``: start, end and codes.
    lines: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document, known: Collection[str]) -> Suppressions:
        found = cls()
        off: frozenset[str] = frozenset()
        for comment in doc.comments:
            match = _DIRECTIVE.fullmatch(doc.text, comment.start, comment.end)
            if match is None:
                continue
            row, column = doc.position(comment.start)
            where = f"{doc.path}:{row}:{column}"
            body = _BODY.fullmatch(match.group("body"))
            if body is None:
                found.problems.append(
                    f"{where}: unknown mtlint directive {match.group('body')!r} "
                    "(expected disable, enable or disable-next-line)"
                )
                continue
            codes = found._codes(body.group("codes"), known, where)
            kind = body.group("kind").lower()
            if kind == "disable-next-line":
                following = doc.line_span(row + 1) if row < doc.position(len(doc.text))[0] else None
                if following is not None:
                    found.lines.append((following.start, following.end, codes))
                continue
            off = off | codes if kind == "disable" else off - codes
            found.starts.append(comment.end)
            found.states.append(off)
        return found

    def _codes(self, text: str | None, known: Collection[str], where: str) -> frozenset[str]:
        """The codes named, as the command line reads them; every code when none is."""
        if text is None or not text.strip():
            return frozenset(known)
        codes: set[str] = set()
        for word in _SEPARATORS.split(text.strip()):
            if not word:
                continue
            try:
                codes |= matching(word, known, where)
            except ConfigError:
                self.problems.append(
                    f"{where}: unknown rule code {word!r} in a suppression comment"
                )
        return frozenset(codes)

    def covers(self, diagnostic: Diagnostic) -> bool:
        offset = diagnostic.span.start
        for start, end, codes in self.lines:
            if start <= offset <= end and diagnostic.code in codes:
                return True
        at = bisect.bisect_right(self.starts, offset) - 1
        return at >= 0 and diagnostic.code in self.states[at]

    def apply(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        return [diagnostic for diagnostic in diagnostics if not self.covers(diagnostic)]
