"""H004 broken-honorific."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import LazyPattern, lazy_pattern
from mtlint.rule import CheckContext, Rule
from mtlint.rules.honorifics import all_english_titles
from mtlint.rules.lexicon import is_common_word
from mtlint.rules.name_mentions import find_mentions

if TYPE_CHECKING:
    from mtlint.lazy_pattern import AnyMatch

_NAME = r"\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*"
#: What every finding holds, a name, a full stop and a name: most articles have none,
#: and this is found ten times faster than a title in any case.
_NAME_STOP_NAME = lazy_pattern(rf"{_NAME}\.[ \t]+{_NAME}")
_LETTER_OR_DIGIT = lazy_pattern(r"[\p{L}\p{N}]")


class BrokenHonorific(Rule):
    """A title lost its name to a stray full stop ("pressured Mr. Blinken. Lavrov to comply").

    ## What it does
    Finds a title followed by one name, a full stop and another name, where
    the full stop cannot be a real sentence end: the "sentence" is nothing
    but the title and the name ("he noted. Mr. Putin. Peskov added"), the
    next one opens with "to" ("Lavrov to comply"), or the first name is
    already the subject of the same sentence ("Blinken said he pressured
    Mr. Blinken.").

    ## Why is this bad?
    Engines that handle titles badly insert the wrong name and a full stop,
    and the sentence now says that Mr. Blinken pressured himself.

    ## Example
    ```
    Mr. Blinken also said he pressured Mr. Blinken. Lavrov to comply with the deal.
    ```

    ## Use instead
    ```
    Mr. Blinken also said he pressured Mr. Lavrov to comply with the deal.
    ```

    ## Fix safety
    Unsafe: the fix drops the first name and the full stop, giving the title
    to the second name, which is what the engine most often meant. A real
    sentence end ("He met Mr. Blinken. Lavrov, for his part, said nothing.")
    is left alone.
    """

    code = "H004"
    name = "broken-honorific"
    summary = "A title lost its name to a stray full stop"
    fix = Applicability.UNSAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        if not _NAME_STOP_NAME.search(doc.prose):
            return
        surnames = {mention.surname.form for mention in doc.derived(find_mentions)}
        for match in _title_stop_name().finditer(doc.prose):
            title, first, second = match.group("title"), match.group("first"), match.group("second")
            if not title[0].isupper() or is_common_word(second):
                continue
            if second not in surnames and not second.endswith(("’s", "'s")):
                continue
            if not self._broken(doc, match):
                continue
            span = Span(match.start("first"), match.start("second"))
            yield self.diagnostic(
                Span(match.start("title"), match.end("second")),
                f'"{title} {first}. {second}" looks like a title that lost its name: '
                f'did the engine mean "{title} {second}"?',
                Fix.replace(span, "", f'Write "{title} {second}"', Applicability.UNSAFE),
            )

    @staticmethod
    def _broken(doc: Document, match: AnyMatch) -> bool:
        after = (match.group("after") or "").strip()
        if after == "to":
            return True
        sentence_start = _sentence_start(doc, match.start())
        before = doc.prose[sentence_start : match.start()]
        if not _LETTER_OR_DIGIT.search(before):
            return True
        import regex

        return regex.search(rf"\b{regex.escape(match.group('first'))}\b", before) is not None


@cache
def _title_stop_name() -> LazyPattern:
    titles = "|".join(sorted(all_english_titles(), key=len, reverse=True))
    return lazy_pattern(
        rf"(?<![\p{{L}}.])(?P<title>(?i:{titles})\.?)[ \t]+(?P<first>{_NAME})\.[ \t]+"
        rf"(?P<second>{_NAME})(?P<after>[ \t]+\p{{Ll}}+)?"
    )


def _sentence_start(doc: Document, offset: int) -> int:
    for sentence in doc.sentences:
        if sentence.span.start <= offset < sentence.span.end:
            return sentence.span.start
    return offset
