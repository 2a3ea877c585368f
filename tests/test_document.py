from __future__ import annotations

import pytest

from mtlint.diagnostics import Span
from mtlint.document import Document

MARKDOWN = """---
title: mr. Frontmatter
tags: [a, b]
---
# The talks in Geneva

Mr. Blinken spoke with `mr. code` and visited https://example.com/mr.Path today.

```
mr. Fenced code
```

    mr. Indented code

<!-- mr. Comment -->

> Quoted mr. Lavrov said
> on two lines.

- first item with [a link](https://example.com/mr.Target "mr. Title")
- second <https://auto.link/mr.X> item

| Name | Role |
|------|------|
| Sergei Lavrov | minister |

Setext heading
--------------
"""


def prose_of(doc: Document) -> list[str]:
    return [doc.prose[p.span.start : p.span.end] for p in doc.paragraphs]


def test_markdown_paragraph_kinds_and_text() -> None:
    doc = Document.from_text(MARKDOWN, "article.md")
    kinds = [p.kind for p in doc.paragraphs]
    assert kinds == [
        "heading",
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
        "table-cell",
        "table-cell",
        "table-cell",
        "table-cell",
        "heading",
    ]
    texts = [doc.text[p.span.start : p.span.end] for p in doc.paragraphs]
    assert texts[0] == "The talks in Geneva"
    assert texts[3] == 'first item with [a link](https://example.com/mr.Target "mr. Title")'
    assert texts[5:9] == ["Name", "Role", "Sergei Lavrov", "minister"]
    assert texts[9] == "Setext heading"


@pytest.mark.parametrize(
    "hidden",
    [
        "mr. Frontmatter",
        "mr. code",
        "https://example.com/mr.Path",
        "mr. Fenced code",
        "mr. Indented code",
        "mr. Comment",
        "https://example.com/mr.Target",
        "mr. Title",
        "https://auto.link/mr.X",
    ],
)
def test_markdown_non_prose_is_blanked(hidden: str) -> None:
    doc = Document.from_text(MARKDOWN, "article.md")
    start = doc.text.index(hidden)
    assert doc.prose[start : start + len(hidden)].strip() == ""


def test_markdown_blockquote_markers_are_not_prose() -> None:
    doc = Document.from_text(MARKDOWN, "article.md")
    quote = doc.paragraphs[2]
    assert doc.prose[quote.span.start : quote.span.end] == "Quoted mr. Lavrov said\n  on two lines."


def test_prose_has_the_length_and_line_breaks_of_the_text() -> None:
    doc = Document.from_text(MARKDOWN, "article.md")
    assert len(doc.prose) == len(doc.text)
    assert [i for i, c in enumerate(doc.prose) if c == "\n"] == [
        i for i, c in enumerate(doc.text) if c == "\n"
    ]


def test_positions_are_one_based_lines_and_character_columns() -> None:
    text = "Première ligne.\nLa “deuxième” ligne, mr. Blinken.\n"
    doc = Document.from_text(text)
    offset = text.index("mr.")
    assert doc.position(0) == (1, 1)
    assert doc.position(offset) == (2, 22)
    assert doc.position(len(text)) == (3, 1)
    assert doc.line_span(2) == Span(16, len(text) - 1)


def test_crlf_file_positions_and_offsets() -> None:
    from pathlib import Path

    from mtlint.source import SourceFile

    raw = "One line.\r\nmr. Blinken spoke.\r\n"
    source = SourceFile.from_text(Path("a.txt"), raw)
    doc = Document(source)
    offset = doc.text.index("mr.")
    assert doc.position(offset) == (2, 1)
    assert source.raw_offset(offset) == raw.index("mr.")
    assert source.newline == "\r\n"


def test_plain_text_paragraphs_split_on_blank_lines() -> None:
    text = "Headline here\n\nFirst line\nsecond line.\n   \n\nLast one.  \n"
    doc = Document.from_text(text)
    assert prose_of(doc) == ["Headline here", "First line\nsecond line.", "Last one."]


def test_control_characters_python_strips_are_paragraph_text() -> None:
    doc = Document.from_text("\x1f\n\n \x1c word \x1f \n")
    assert [(p.span.start, p.span.end) for p in doc.paragraphs] == [(0, 1), (4, 12)]


def test_plain_text_urls_are_not_prose() -> None:
    text = "See https://example.org/mr.Smith/page (archived) or mail press@example.org."
    doc = Document.from_text(text)
    assert "mr.Smith" not in doc.prose
    assert "press@" not in doc.prose
    assert doc.prose.endswith(" .")
    assert "(archived)" in doc.prose


def test_tokens_keep_offsets() -> None:
    text = "The U.S. envoy, Mr. O’Brien, paid 1,500.50 dollars."
    doc = Document.from_text(text)
    words = [(t.kind, t.text) for t in doc.tokens if t.kind != "punct"]
    assert words == [
        ("word", "The"),
        ("word", "U.S."),
        ("word", "envoy"),
        ("word", "Mr"),
        ("word", "O’Brien"),
        ("word", "paid"),
        ("number", "1,500.50"),
        ("word", "dollars"),
    ]
    for token in doc.tokens:
        assert text[token.start : token.end] == token.text
