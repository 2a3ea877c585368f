"""The values every step passes along: spans, edits, fixes and diagnostics.

They are plain frozen dataclasses so that they pickle across a process pool and
compare by value in tests.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    """How serious a finding is; users may override it per rule."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(str, enum.Enum):
    """Whether a fix certainly keeps the meaning (safe) or is a judgment (unsafe)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the spans share a character, or are the same insertion point."""
        if self.start == self.end == other.start == other.end:
            return True
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Edit:
    """Replace the text of ``span`` with ``replacement`` (empty to delete)."""

    span: Span
    replacement: str


@dataclass(frozen=True)
class Fix:
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


@dataclass(frozen=True)
class Related:
    """Another place a diagnostic refers to, such as the spelling it disagrees with."""

    span: Span
    message: str
    path: str | None = None


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    related: tuple[Related, ...] = field(default=())


def sort_key(diagnostic: Diagnostic) -> tuple[int, int, str]:
    return (diagnostic.span.start, diagnostic.span.end, diagnostic.code)
