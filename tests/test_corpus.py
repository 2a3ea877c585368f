"""Two phases: facts collected from every article of the corpus reach the check of one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mtlint.config import Config
from mtlint.document import document_key
from mtlint.files import FileSelector, corpus_files

HEADLINES = '''
from mtlint.diagnostics import Related, Span
from mtlint.rule import Rule


class ReusedHeadline(Rule):
    """An article reuses another article's headline.

    ## What it does
    Compares first lines across the repository.

    ## Why is this bad?
    Two articles under one headline confuse readers.

    ## Example
    ```
    Talks in Geneva
    ```

    ## Use instead
    ```
    Second round of talks in Geneva
    ```

    ## Fix safety
    No fix.
    """

    code = "Z910"
    name = "reused-headline"
    summary = "An article reuses another article's headline"

    def collect(self, doc):
        first = doc.paragraphs[0].span if doc.paragraphs else None
        return (doc.text[first.start : first.end], first.start, first.end) if first else None

    def check(self, doc, ctx):
        mine = ctx.index.of(self.code).get(doc.key)
        if mine is None:
            return
        others = ctx.index.others(self.code, doc.key)
        for other, (headline, start, end) in others.items():
            if headline == mine[0]:
                yield self.diagnostic(
                    Span(mine[1], mine[2]),
                    "Headline used by another article",
                    related=[Related(Span(start, end), "the other article", other)],
                )
'''


@pytest.fixture
def archive(tmp_path: Path, install_plugin) -> Path:  # type: ignore[no-untyped-def]
    install_plugin("mtlint_headlines", HEADLINES, {"Z910": "mtlint_headlines:ReusedHeadline"})
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.md").write_text("# Talks in Geneva\n\nIntro.\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("Talks in Geneva\n\nBody.\n", encoding="utf-8")
    return tmp_path


def test_without_corpus_only_the_checked_files_are_compared(archive: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("check", "--select", "Z910", "new.txt").code == 0


def test_corpus_config_brings_in_the_archive(archive: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (archive / "mtlint.toml").write_text('corpus = ["archive/*.md", "*.txt"]\n')
    result = run_cli("check", "--select", "Z910", "--output-format", "json", "new.txt")
    assert result.code == 1
    (finding,) = result.json()
    assert finding["filename"] == str(archive / "new.txt")
    assert finding["related"] == [
        {
            "filename": str(archive / "archive" / "old.md"),
            "location": {"row": 1, "column": 3},
            "end_location": {"row": 1, "column": 18},
            "message": "the other article",
        }
    ]
    full = run_cli("check", "--select", "Z910", "new.txt")
    assert "  = note: archive/old.md:1:3: the other article" in full.out


def test_corpus_findings_follow_changes_elsewhere_in_the_corpus(archive: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (archive / "mtlint.toml").write_text('corpus = ["archive/*.md"]\n')
    assert run_cli("check", "--select", "Z910", "new.txt").code == 1
    (archive / "archive" / "old.md").write_text("# Other talks\n", encoding="utf-8")
    assert run_cli("check", "--select", "Z910", "new.txt").code == 0


ARCHIVE_FILES = [
    "new.txt",
    "notes.rst",
    "archive/old.md",
    "archive/deep/older.txt",
    "archive/deep/oldest.md",
    "build/made.txt",
]


@pytest.mark.parametrize(
    ("globs", "expected"),
    [
        (["*.txt"], ["new.txt", "archive/deep/older.txt"]),
        (["archive/**/*.md", "new.txt"], ["new.txt", "archive/old.md", "archive/deep/oldest.md"]),
        (["*", "!archive/deep/*"], ["new.txt", "archive/old.md"]),
    ],
)
@pytest.mark.parametrize("root_as_given", ["absolute", "relative"])
def test_corpus_files_are_those_the_globs_match_keyed_as_documents_are(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    globs: list[str],
    expected: list[str],
    root_as_given: str,
) -> None:
    for name in ARCHIVE_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Talks in Geneva.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    root = tmp_path if root_as_given == "absolute" else Path(".")
    found = corpus_files(Config(root=root, corpus=tuple(globs)))
    assert [file.key for file in found] == [os.path.join(tmp_path, name) for name in expected]
    assert [document_key(file.path) for file in found] == [file.key for file in found]


WALKED_FILES = [
    ".gitignore",
    "a.txt",
    "old-a.txt",
    "news/b.MD",
    "news/.hidden.txt",
    "news/notes.rst",
    "news/old-c.html",
    "news/drafts/.gitignore",
    "news/drafts/d.txt",
    "news/drafts/e.htm",
    "build/made.txt",
    "build/deep/made.md",
]


#: Names the cases below use for the longer paths.
SHORT = {
    "c": "news/old-c.html",
    "d": "news/drafts/d.txt",
    "e": "news/drafts/e.htm",
    "h": "news/.hidden.txt",
}


@pytest.mark.parametrize(
    ("settings", "start", "expected"),
    [
        ({}, ".", ["a.txt", "h", "news/b.MD", "news/drafts/e.htm"]),
        ({}, "build", []),
        ({}, "news/drafts", ["news/drafts/e.htm"]),
        ({"respect_gitignore": False}, ".", ["a.txt", "old-a.txt", "h", "news/b.MD", *"cde"]),
        ({"exclude": ("news/b.*",)}, "news", ["h", "news/drafts/e.htm"]),
        ({"respect_gitignore": False, "exclude": ("*.txt",)}, "build", []),
    ],
)
def test_a_walk_lists_the_articles_no_exclude_or_gitignore_leaves_out(
    tmp_path: Path, settings: dict, start: str, expected: list[str]
) -> None:
    for name in WALKED_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Talks in Geneva.\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("old-*\n", encoding="utf-8")
    (tmp_path / "news" / "drafts" / ".gitignore").write_text("*.txt\n", encoding="utf-8")
    expected = [SHORT.get(name, name) for name in expected]
    selector = FileSelector(Config(root=tmp_path, **settings))
    walked = [path.relative_to(tmp_path).as_posix() for path in selector.walk(tmp_path / start)]
    assert walked == expected
