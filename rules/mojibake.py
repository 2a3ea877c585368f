"""N001 mojibake."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule

if TYPE_CHECKING:
    import regex

#: What Windows-1252 or Latin-1 makes of a UTF-8 continuation byte (0x80–0xBF).
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
#: The first character of every garble ``may_be_garbled`` looks for; an article with
#: none, like most English ones, does not need that pattern compiled (2 ms of a start).
_LEAD = lazy_pattern(r"[\u00c2-\u00f4РС]")


@lru_cache(maxsize=1)
def may_be_garbled() -> regex.Pattern[str]:
    """Where UTF-8 may have been decoded as something else.

    Read as Windows-1252 or Latin-1, UTF-8 shows a lead byte ("Â"…"ô") followed by a
    continuation byte; ftfy also repairs a lead byte whose no-break space (0xA0) became
    a space, or whose continuation was lost ("\ufffd", "?"), for the lead bytes its
    ``ALTERED_UTF8_RE`` and ``LOSSY_UTF8_RE`` name. Read as Windows-1251, UTF-8 shows
    "Р" or "С" before another character. Text with none of these cannot be garbled that
    way, and ftfy (60 ms to import) is not needed: "José", "irmã e" and "með" are not
    candidates.
    """
    import regex

    return regex.compile(
        rf"[\u00c2-\u00f4][{_CONTINUATION}]"
        rf"|[ÂÃÅÎÐÙ] |[âã] [{_CONTINUATION}]|[à-ã][{_CONTINUATION}] |ð [{_CONTINUATION}]"
        rf"|[\u00c2-\u00ef]\ufffd|[ÂÃ]\?|[à-ï]\?[\ufffd{_CONTINUATION}]"
        r"|[РС][\u0080-\u00ff\u0400-\u045f\u2018-\u203a]"
    )


@lru_cache(maxsize=1)
def _ftfy() -> tuple[Any, Any]:
    """ftfy set to repair encodings only: quotes, widths and ligatures are not mojibake."""
    import ftfy
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return (lambda text: ftfy.fix_text(text, config=config)), is_bad


class Mojibake(Rule):
    """Text was decoded with the wrong encoding ("Baerbockâ€™s").

    ## What it does
    Finds mojibake, the garble left when UTF-8 text is read as Windows-1252
    or Latin-1 somewhere in the pipeline, with ftfy's detector, and offers
    ftfy's repair.

    ## Why is this bad?
    Readers see "â€™" for an apostrophe and "Ã©" for "é"; names become
    unsearchable.

    ## Example
    ```
    Baerbockâ€™s visit to KyÃ¯v was short.
    ```

    ## Use instead
    ```
    Baerbock’s visit to Kyïv was short.
    ```

    ## Fix safety
    Safe: ftfy only undoes the wrong decoding; it does not straighten quotes
    or change anything else, and text that is not garbled is left alone.
    """

    code = "N001"
    name = "mojibake"
    summary = "Text was decoded with the wrong encoding"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        if doc.text.isascii() or not _LEAD.search(doc.text):
            return
        for paragraph in doc.paragraphs:
            text = doc.text[paragraph.span.start : paragraph.span.end]
            if not may_be_garbled().search(text):
                continue
            repair, is_bad = _ftfy()
            if not is_bad(text):
                continue
            fixed = repair(text)
            import difflib

            matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    continue
                span = Span(paragraph.span.start + i1, paragraph.span.start + i2)
                if not doc.is_prose(span):
                    continue
                garbled, repaired = text[i1:i2], fixed[j1:j2]
                yield self.diagnostic(
                    span,
                    f'"{garbled}" is mojibake: it should read "{repaired}"',
                    Fix.replace(span, repaired, f'Write "{repaired}"', Applicability.SAFE),
                )
