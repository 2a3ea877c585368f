"""N006 dash-style."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Option, Rule

if TYPE_CHECKING:
    from mtlint.lazy_pattern import LazyPattern

#: Two hyphens between words, or spaced; not a command-line option ("run --fix"),
#: which has a space before and a letter right after. Each pattern opens with the
#: character it consumes first and looks behind it after: ``re`` scans for that
#: character, but tries a pattern that opens with a look-behind at every position.
_DOUBLE_HYPHEN = lazy_pattern(
    r"[ \t-](?<=[\p{L}\p{N}\"”’.,!?)\s][ \t-])(?:(?<=[ \t])[ \t]*-|(?<=-))-(?!-)"
    r"(?<!\s--(?=\p{L}))[ \t]*(?=[\p{L}\p{N}\"“‘(\s])"
)
_SPACED_HYPHEN = lazy_pattern(r"[ \t](?<=[\p{L}\"”’.,!?)][ \t])[ \t]*-[ \t]+(?=[\p{L}\"“‘(])")
#: What every match of each pattern holds: nine articles in ten hold neither.
_MARKS = {_DOUBLE_HYPHEN: ("--",), _SPACED_HYPHEN: (" -", "\t-")}
DASHES = {"em": "—", "en": "–"}
#: An article without real dashes that types "--" this often has made it its dash.
HOUSE_STYLE_USES = 2
_LOWER_WORD = lazy_pattern(r"\b\p{Ll}{3,}\b")
#: A paragraph that is a bracketed line ("- Reuters -"), not a sentence with dashes.
_BRACKETED = lazy_pattern(r"(?s)-\s.*\s-")


class DashStyle(Rule):
    """A dash is typed as "--" or as a spaced hyphen (" - ") in running text.

    ## What it does
    Finds two hyphens used as a dash, and, in an article that also uses real
    dashes, a hyphen with spaces on both sides between words; it suggests a
    real dash: an em dash by default, or a spaced en dash with `dash = "en"`.

    ## Why is this bad?
    Engines and plain-text pipelines flatten dashes; the hyphen reads as a
    compound ("accepted - and") and "--" as a typing habit.

    ## Example
    ```
    It will not be accepted -- and not only will it not be accepted - it will cost.
    ```

    ## Use instead
    ```
    It will not be accepted — and not only will it not be accepted — it will cost.
    ```

    ## Fix safety
    Safe: the dash keeps the spacing the text gave it ("a -- b" becomes "a —
    b", "a--b" becomes "a—b"). Ranges ("10 - 20"), minus signs, list markers,
    wire datelines ("AUGUSTA, Ga. --"), credits ("--Yahoo! News") and
    dash-wrapped subheadings ("- Talks -", T004's concern) are left alone,
    and so are "--" used twice or more, and spaced hyphens, in an
    article that never uses a real dash: that is its house style.
    """

    code = "N006"
    name = "dash-style"
    summary = "A dash is typed as two hyphens or a spaced hyphen"
    fix = Applicability.SAFE
    options = {
        "dash": Option("em", 'The dash to use: "em" (—) or "en" (spaced –)', choices=tuple(DASHES)),
    }

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        style = self.settings["dash"]
        prose = doc.prose
        if "—" in prose or "–" in prose:
            candidates: tuple[LazyPattern, ...] = (_DOUBLE_HYPHEN, _SPACED_HYPHEN)
        elif "--" not in prose or len(_DOUBLE_HYPHEN.findall(prose)) >= HOUSE_STYLE_USES:
            return
        else:
            candidates = (_DOUBLE_HYPHEN,)
        patterns = [p for p in candidates if any(mark in prose for mark in _MARKS[p])]
        if not patterns:
            return
        for paragraph in doc.paragraphs:
            start, end = paragraph.span.start, paragraph.span.end
            if _BRACKETED.fullmatch(doc.prose, start, end):
                continue
            for pattern in patterns:
                for match in pattern.finditer(doc.prose, start, end):
                    if pattern is _DOUBLE_HYPHEN and (
                        _dateline(doc.prose[start : match.start()])
                        or _credit(doc.prose[match.end() : end])
                    ):
                        continue
                    written = match.group()
                    span = Span(match.start(), match.end())
                    if not doc.is_prose(span):
                        continue
                    spaced = style == "en" or written[0].isspace()
                    before = " " if spaced else ""
                    after = " " if style == "en" or written[-1].isspace() else ""
                    dash = before + DASHES[style] + after
                    yield self.diagnostic(
                        span,
                        f'"{written.strip()}" is used as a dash: write "{dash.strip()}"',
                        Fix.replace(span, dash, f'Write "{dash.strip()}"', Applicability.SAFE),
                    )


def _dateline(prefix: str) -> bool:
    """Wire copy opens with "AUGUSTA, Ga. --" or "July 25 (UPI) --": a dateline, not a dash."""
    return len(prefix) <= 60 and not _LOWER_WORD.search(prefix)


def _credit(rest: str) -> bool:
    """A source credit ends the paragraph: "(Sankei Sports) --Yahoo! News"."""
    return len(rest.split()) <= 3 and not _LOWER_WORD.search(rest)
