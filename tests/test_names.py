"""``mtlint names`` and the glossary: review the clusters once, then fixes are safe."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

CLUSTERS = """\
Griner: 7 mentions in 2 files (seeds/000_eea42f5229fe784d.txt, seeds/002_c467bdb5d00ba533.txt)
  ~ Greener: 1 mention in 1 file (seeds/000_eea42f5229fe784d.txt)
Brittney: 4 mentions in 1 file (seeds/002_c467bdb5d00ba533.txt)
  ~ Britney: 1 mention in 1 file (seeds/000_eea42f5229fe784d.txt)
Bout: 1 mention in 1 file (seeds/002_c467bdb5d00ba533.txt)
  ~ Bowt: 1 mention in 1 file (seeds/000_eea42f5229fe784d.txt)
Viktor: 1 mention in 1 file (seeds/002_c467bdb5d00ba533.txt)
  ~ Victor: 1 mention in 1 file (seeds/000_eea42f5229fe784d.txt)
"""


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", folder, ignore=shutil.ignore_patterns("*.toml"))
    for article in folder.iterdir():
        article.chmod(0o644)
    return folder


def test_names_prints_the_clusters(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("names", "seeds")
    assert result.code == 0
    assert result.out == CLUSTERS


def test_names_all_lists_single_spellings_too(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("names", "--all", "seeds").out
    assert out.startswith(CLUSTERS)
    assert "Lavrov: 15 mentions in 2 files" in out


def test_glossary_written_reviewed_and_used(seeds: Path, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("names", "seeds", "--write-glossary", "names.toml")
    assert result.out.endswith("Wrote 2 names to names.toml.\n")
    glossary = (tmp_path / "names.toml").read_text(encoding="utf-8")
    assert glossary.endswith(
        '[names]\n"Brittney Griner" = ["Britney Greener"]\n"Viktor Bout" = ["Victor Bowt"]\n'
    )
    (tmp_path / "mtlint.toml").write_text('glossary = "names.toml"\n', encoding="utf-8")
    checked = run_cli("check", "--select", "E", "--output-format", "concise", "-q", "seeds")
    assert checked.out.splitlines() == [
        'seeds/000_eea42f5229fe784d.txt:3:156: E003 [*] "Britney Greener" is spelled '
        '"Brittney Griner" in the glossary',
        'seeds/000_eea42f5229fe784d.txt:17:119: E003 [*] "Victor Bowt" is spelled '
        '"Viktor Bout" in the glossary',
        'seeds/002_c467bdb5d00ba533.txt:27:226: E004 [*] "kyiv" is a proper noun: write "Kyiv"',
    ]
    assert run_cli("check", "--select", "E", "--fix", "seeds").code == 0
    fixed = (seeds / "000_eea42f5229fe784d.txt").read_text(encoding="utf-8")
    assert "release Brittney Griner and Paul N. Whelan" in fixed
    assert "arms dealer Viktor Bout, who" in fixed


def test_writing_again_keeps_what_was_reviewed(seeds: Path, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    reviewed = '[names]\n"Viktor Bout" = ["Victor Bowt", "Viktor But"]\n"Kyiv" = ["Kiev"]\n'
    (tmp_path / "names.toml").write_text(reviewed, encoding="utf-8")
    assert run_cli("names", "seeds", "--write-glossary", "names.toml").code == 0
    glossary = (tmp_path / "names.toml").read_text(encoding="utf-8")
    assert glossary.endswith(
        '[names]\n"Viktor Bout" = ["Victor Bowt", "Viktor But"]\n"Kyiv" = ["Kiev"]\n'
        '"Brittney Griner" = ["Britney Greener"]\n'
    )


@pytest.mark.parametrize(
    ("config", "error"),
    [
        ('names = { "Kyiv" = "Kiev" }\n', "names.'Kyiv': expected a list of variant spellings"),
        ('names = { "Kyiv" = ["Kyiv"] }\n', "names.'Kyiv' lists itself as a variant"),
        (
            'names = { "Kyiv" = ["Kiev"], "Kyjiw" = ["Kiev"] }\n',
            "'Kiev' is listed as a variant of both 'Kyiv' and 'Kyjiw'",
        ),
        ('glossary = "missing.toml"\n', "missing.toml: no such config file"),
    ],
)
def test_bad_glossary_is_one_line(tmp_path: Path, run_cli, config: str, error: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mtlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kyiv.\n", encoding="utf-8")
    result = run_cli("check", "a.txt")
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert error in result.err
