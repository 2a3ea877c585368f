"""The values every step passes along: spans, edits, fixes and diagnostics.

They are named tuples: immutable, compared and hashed by value, and an article
makes tens of thousands of them, which a tuple makes, pickles (into the cache
and across a process pool) and loads several times faster than a dataclass,
whose class alone takes a millisecond of every start to build.
"""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(str, enum.Enum):
    """How serious a finding is; users may override it per rule."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(str, enum.Enum):
    """Whether a fix certainly keeps the meaning (safe) or is a judgment (unsafe)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class _Range(NamedTuple):
    start: int
    end: int


class Span(_Range):
    """Half-open character range ``[start, end)`` into a document's text; spans sort
    by start, then end."""

    __slots__ = ()

    def __new__(cls, start: int, end: int) -> Span:
        if not 0 <= start <= end:
            raise ValueError(f"invalid span {start}..{end}")
        return tuple.__new__(cls, (start, end))

    def __getnewargs__(self) -> tuple[int, int]:
        return (self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the spans share a character, or are the same insertion point."""
        if self.start == self.end == other.start == other.end:
            return True
        return self.start < other.end and other.start < self.end


class Edit(NamedTuple):
    """Replace the text of ``span`` with ``replacement`` (empty to delete)."""

    span: Span
    replacement: str


class Fix(NamedTuple):
    """Edits that only make sense together, applied all or none."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    message: str

    @classmethod
    def replace(
        cls, span: Span, replacement: str, message: str, applicability: Applicability
    ) -> Fix:
        return cls((Edit(span, replacement),), applicability, message)

    @property
    def span(self) -> Span:
        """The smallest span covering every edit."""
        return Span(min(e.span.start for e in self.edits), max(e.span.end for e in self.edits))


class Related(NamedTuple):
    """Another place a diagnostic refers to, such as the spelling it disagrees with."""

    span: Span
    message: str
    path: str | None = None


class Diagnostic(NamedTuple):
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    related: tuple[Related, ...] = ()


def sort_key(diagnostic: Diagnostic) -> tuple[int, int, str]:
    return (diagnostic.span.start, diagnostic.span.end, diagnostic.code)
