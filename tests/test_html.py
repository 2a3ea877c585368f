"""HTML articles: text nodes are prose, markup never is, and fixes leave the markup whole."""

from __future__ import annotations

from pathlib import Path

from mtlint.diagnostics import Span
from mtlint.document import Document
from mtlint.html import keeps_markup

ARTICLE = """\
<!DOCTYPE html>
<html lang="en">
<head><title>mr. Blinken in Geneva</title>
<style>p::before { content: "mr. x"; }</style>
<script>var s = "mr. Blinken said. she said";</script>
</head>
<body>
<h1>Talks in Geneva</h1>
<p title="mr. Lavrov">mr. Blinken said <a href="/talks">the talks</a> went well.</p>
<ul><li>AT his account, Lavrov said no.</li><li>It was &amp; fine &amp;amp; done.</li></ul>
<pre>mr. code</pre>
<p>Use <code>mr. x</code> as written.<br>mr. Whelan spoke.</p>
<figure><img src="a.jpg" alt="mr. Alt"><figcaption>mr. Smith at the talks.</figcaption></figure>
<!-- mtlint: disable-next-line=H001 -->
<p>mr. Jones spoke.</p>
</body>
</html>
"""


def _paragraphs(doc: Document) -> list[tuple[str, str]]:
    return [(p.kind, doc.prose[p.span.start : p.span.end]) for p in doc.paragraphs]


def test_prose_is_the_text_nodes_of_the_body() -> None:
    doc = Document.from_text(ARTICLE, "article.html")
    assert len(doc.prose) == len(doc.text)
    assert _paragraphs(doc) == [
        ("heading", "Talks in Geneva"),
        ("paragraph", "mr. Blinken said" + " " * 18 + "the talks     went well."),
        ("paragraph", "AT his account, Lavrov said no."),
        ("paragraph", "It was &amp; fine &amp;amp; done."),
        ("paragraph", "Use" + " " * 20 + "as written."),
        ("paragraph", "mr. Whelan spoke."),
        ("paragraph", "mr. Smith at the talks."),
        ("paragraph", "mr. Jones spoke."),
    ]
    for hidden in ("mr. x", "mr. code", "mr. Alt", "mr. Lavrov", "she said", "/talks"):
        assert hidden not in doc.prose
    (comment,) = doc.comments
    assert doc.text[comment.start : comment.end] == "<!-- mtlint: disable-next-line=H001 -->"


def test_findings_map_to_lines_and_columns(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "article.html").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--output-format", "concise", ".")
    rows = [line.split(" [")[0] for line in result.out.splitlines() if line.startswith("article")]
    assert rows == [
        "article.html:9:23: H001",
        "article.html:10:9: C001",
        "article.html:10:67: N009",
        "article.html:12:42: H001",
        "article.html:13:52: H001",
    ]


def test_fixes_edit_text_between_tags(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "article.html"
    path.write_text(ARTICLE, encoding="utf-8")
    assert run_cli("check", "--no-cache", "--fix", ".").code == 0
    fixed = path.read_text(encoding="utf-8")
    expected = (
        ARTICLE.replace('Lavrov">mr. Blinken', 'Lavrov">Mr. Blinken')
        .replace("<li>AT his", "<li>At his")
        .replace("&amp;amp; done", "&amp; done")
        .replace("<br>mr. Whelan", "<br>Mr. Whelan")
        .replace("<figcaption>mr. Smith", "<figcaption>Mr. Smith")
    )
    assert fixed == expected


def test_a_fix_that_would_break_an_element_is_not_applied(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    text = "<p>The same paragraph is here twice, word for word, in full.</p>\n" * 2
    text = text.replace("in full.</p>\n", "in full.</p>\n<div>", 1) + "</div>\n"
    path = tmp_path / "article.html"
    path.write_text(text, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--select", "R001", "--fix", ".")
    assert result.code == 1
    assert path.read_text(encoding="utf-8") == text


def test_balanced_removals_keep_markup() -> None:
    text = "<p>one</p>\n<p>two</p>\n<ul><li>a</li></ul>\n<ul><li>b</li></ul>\n<em>x</em> y"
    assert keeps_markup(text, Span(text.index("one"), text.index("two")), "")
    assert not keeps_markup(text, Span(text.index("two"), text.index("<ul>")), "")
    assert keeps_markup(text, Span(text.index("a<"), text.index("b<")), "")
    assert not keeps_markup(text, Span(text.index("x<"), text.index(" y")), "")
    assert not keeps_markup(text, Span(0, 1), "")
    assert not keeps_markup(text, Span(text.index("one"), text.index("one") + 3), "<b>one</b>")


def test_directories_yield_html_articles(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.htm").write_text("<p>mr. Blinken spoke.</p>\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", "--output-format", "concise", ".")
    assert result.out.startswith("news/a.htm:1:4: H001")
