"""N009 html-entity."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.diagnostics import Applicability, Diagnostic, Fix, Span
from mtlint.document import Document
from mtlint.lazy_pattern import lazy_pattern
from mtlint.rule import CheckContext, Rule

_ENTITY = lazy_pattern(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_DOUBLE_ESCAPED = lazy_pattern(
    r"&amp;(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
)
_SPACES = {"\u00a0": " ", "\u2009": " ", "\u202f": " "}


class HtmlEntity(Rule):
    """An HTML entity is left in the text ("&amp;", "&#39;", "&nbsp;").

    ## What it does
    Finds HTML character references in plain-text articles, and doubly
    escaped ones ("&amp;quot;") in Markdown, where a single entity is legal
    markup.

    ## Why is this bad?
    A pipeline step escaped the text for HTML and the next one did not
    unescape it: readers see "AT&amp;T" and "Lavrov&#39;s".

    ## Example
    ```
    Lavrov&#39;s remarks on AT&amp;T were published.
    ```

    ## Use instead
    ```
    Lavrov's remarks on AT&T were published.
    ```

    ## Fix safety
    Safe: the entity becomes the character it stands for; a no-break space
    becomes a plain space.
    """

    code = "N009"
    name = "html-entity"
    summary = "An HTML entity is left in the text"
    fix = Applicability.SAFE

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Diagnostic]:
        if "&" not in doc.prose:
            return
        import html

        pattern = _ENTITY if doc.kind == "text" else _DOUBLE_ESCAPED
        for match in pattern.finditer(doc.prose):
            entity = match.group()
            character = html.unescape(entity)
            if character == entity:
                continue
            character = _SPACES.get(character, character)
            span = Span(match.start(), match.end())
            yield self.diagnostic(
                span,
                f'"{entity}" is an HTML entity: write {character!r}',
                Fix.replace(span, character, f"Write {character!r}", Applicability.SAFE),
            )
