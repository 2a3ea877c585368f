"""T004 source-format-artifact."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule

_DASH_SUBHEAD = lazy_pattern(r"[-–—][ \t]+(?P<inner>[^\n]{2,120}?)[ \t]+[-–—]")
_WRAPPING_QUOTES = lazy_pattern(r"[\"“«](?P<text>.+)[\"”»]")
_DATELINE = lazy_pattern(
    r"(?P<place>\p{Lu}[\p{Lu}\-']+(?:[ \t]\p{Lu}[\p{Lu}\-']+){0,2})\.(?=[ \t]+\p{Lu}\p{Ll})"
)
_AGENCY_SLASHES = lazy_pattern(r"/(?:[\p{Lu}][\p{Lu}\-]{1,15}|[\p{Lu}]{2,}-[\p{Lu}]{2,})/")
_AGENCY_LOWER = lazy_pattern(r"\((?:dpa|apa|sda|ats|afp|ansa|efe|epa|kna|ddp|ap)\)")
#: Datelines in the French and Russian manner ("WASHINGTON. On Friday") are a house
#: style in some English outlets too, so they are reported only for these sources.
FULL_STOP_DATELINE_SOURCES = frozenset({"fr", "ru", "uk", "es", "it", "pt", "de"})


class SourceFormatArtifact(Rule):
    """The source's layout survived translation: `- "Subhead" -`, "WASHINGTON.", "/TASS/".

    ## What it does
    Finds layout conventions of the source's news agency left in the
    English text: subheadings wrapped in dashes (AFP's French service), a
    dateline closed by a full stop where English uses a dash (reported when
    the article comes from French, Russian or another language that does
    this), and agency credits in the source's form ("/TASS/", "(dpa)").

    ## Why is this bad?
    English readers take `- "Discreet diplomacy" -` for a stray list item and
    "/TASS/" for garbage; the article looks unedited.

    ## Example
    ```
    - "Discreet diplomacy" -
    ```

    ## Use instead
    ```
    Discreet diplomacy
    ```

    ## Fix safety
    Unsafe: the subheading loses its dashes and quotes, the dateline gets a
    dash, but the house style may want more (a heading level, a credit line).
    Credits get no fix.
    """

    code = "T004"
    name = "source-format-artifact"
    summary = "The source's layout conventions survived translation"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        prose = doc.prose
        for number, paragraph in enumerate(doc.paragraphs):
            start, end = paragraph.span.start, paragraph.span.end
            subhead = _DASH_SUBHEAD.fullmatch(prose, start, end)
            if subhead is not None:
                inner = subhead.group("inner").strip()
                quoted = _WRAPPING_QUOTES.fullmatch(inner)
                plain = quoted.group("text") if quoted else inner
                span = Span(start, end)
                yield self.diagnostic(
                    span,
                    f'A dash-wrapped subheading is the source agency\'s layout: write "{plain}"',
                    Fix.replace(span, plain, f'Write "{plain}"', Applicability.UNSAFE),
                )
                continue
            dateline = _DATELINE.match(prose, start, end)
            if (
                dateline is not None
                and number < 3
                and ctx.source_language in FULL_STOP_DATELINE_SOURCES
            ):
                place = dateline.group("place")
                stop = Span(dateline.end() - 1, dateline.end())
                yield self.diagnostic(
                    Span(dateline.start(), dateline.end()),
                    f'"{place}." is a dateline in the source style: English writes "{place} —"',
                    Fix.replace(stop, " —", f'Write "{place} —"', Applicability.UNSAFE),
                )
        for pattern in (_AGENCY_SLASHES, _AGENCY_LOWER):
            for match in pattern.finditer(prose):
                span = Span(match.start(), match.end())
                if doc.is_prose(span):
                    yield self.diagnostic(
                        span,
                        f'"{match.group()}" is an agency credit in the source style',
                    )
