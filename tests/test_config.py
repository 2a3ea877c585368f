from __future__ import annotations

from pathlib import Path

import pytest

from mtlint.config import load_config
from mtlint.diagnostics import Severity
from mtlint.errors import ConfigError

ARTICLE = "mr. Blinken spoke.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    nested = tmp_path / "articles" / "2024"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    return tmp_path


def test_found_by_walking_up_from_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.mtlint]\nignore = ["H001"]\n')
    config = load_config()
    assert config.source == project / "pyproject.toml"
    assert config.root == project
    assert config.ignore == ("H001",)


def test_pyproject_without_table_is_skipped(project: Path) -> None:
    (project / "articles" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (project / "mtlint.toml").write_text('select = ["H"]\n')
    assert load_config().source == project / "mtlint.toml"


def test_dot_file_wins_in_the_same_directory(project: Path) -> None:
    (project / "mtlint.toml").write_text('select = ["H"]\n')
    (project / ".mtlint.toml").write_text('select = ["H001"]\n')
    assert load_config().select == ("H001",)


def test_no_config_means_defaults(project: Path) -> None:
    config = load_config()
    assert config.source is None
    assert config.select is None


def test_all_keys_parse(project: Path) -> None:
    (project / "mtlint.toml").write_text(
        """
select = ["H"]
extend-select = ["H001"]
ignore = []
exclude = ["drafts/"]
extend-exclude = ["old/"]
force-exclude = true
respect-gitignore = false
corpus = ["articles/**/*.md"]
[per-file-ignores]
"archive/*.txt" = ["H001"]
[severity]
H001 = "error"
[rules.H001]
extra-titles = ["Sheikh"]
"""
    )
    config = load_config()
    assert config.per_file_ignores == {"archive/*.txt": ("H001",)}
    assert config.severity == {"H001": Severity.ERROR}
    assert config.rules == {"H001": {"extra-titles": ["Sheikh"]}}
    assert config.force_exclude is True
    assert config.respect_gitignore is False


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selct = ["H001"]\n', "unknown key 'selct'"),
        ('select = "H001"\n', "select: expected a list of strings"),
        ("force-exclude = 1\n", "force-exclude: expected true or false"),
        (
            '[severity]\nH001 = "fatal"\n',
            "severity.H001: expected one of error, warning, info, got 'fatal'",
        ),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_an_error(project: Path, content: str, message: str) -> None:
    (project / "mtlint.toml").write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_config()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ('selct = ["H001"]\n', "unknown key 'selct'"),
        ('ignore = ["Q123"]\n', "ignore: unknown rule code or prefix 'Q123'"),
        ('[rules.H001]\ncolour = "red"\n', "rules.H001: unknown option 'colour'"),
        (
            '[rules.H001]\nextra-titles = "Sheikh"\n',
            "rules.H001.extra-titles: expected list, got str",
        ),
        ('[per-file-ignores]\n"*.txt" = ["Z999"]\n', "unknown rule code or prefix 'Z999'"),
    ],
)
def test_cli_reports_config_errors_in_one_line(
    project: Path, run_cli, content: str, error: str
) -> None:  # type: ignore[no-untyped-def]
    (project / "mtlint.toml").write_text(content)
    (project / "a.txt").write_text(ARTICLE)
    result = run_cli("check", str(project / "a.txt"))
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert result.err.startswith("mtlint: error: ")
    assert error in result.err


def test_cli_flags_win_over_config(project: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (project / "mtlint.toml").write_text('ignore = ["H001"]\n')
    (project / "a.txt").write_text(ARTICLE)
    assert run_cli("check", str(project / "a.txt")).code == 0
    assert run_cli("check", "--extend-select", "H001", str(project / "a.txt")).code == 1


def test_explicit_config_file(project: Path, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "elsewhere.toml"
    other.write_text('[severity]\nH001 = "error"\n')
    (project / "a.txt").write_text(ARTICLE)
    result = run_cli(
        "check", "--config", str(other), "--output-format", "json", str(project / "a.txt")
    )
    assert result.json()[0]["severity"] == "error"
    missing = run_cli("check", "--config", str(tmp_path / "nope.toml"), str(project / "a.txt"))
    assert missing.code == 2
    assert "no such config file" in missing.err


def test_per_file_ignores_and_excludes(project: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (project / "mtlint.toml").write_text('[per-file-ignores]\n"archive/**" = ["H"]\n')
    (project / ".mtlint.toml").unlink(missing_ok=True)
    (project / ".gitignore").write_text("drafts/\n")
    for folder in ("archive", "drafts", "news"):
        (project / folder).mkdir()
        (project / folder / "a.txt").write_text(ARTICLE)
    (project / "news" / "b.md").write_text(ARTICLE)
    (project / "news" / "notes.rst").write_text(ARTICLE)
    result = run_cli("check", "--output-format", "concise", str(project))
    flagged = sorted(line.split(":")[0] for line in result.out.splitlines() if "H001" in line)
    assert flagged == [str(project / "news" / "a.txt"), str(project / "news" / "b.md")]


def test_exclude_applies_to_named_files_with_force_exclude(project: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (project / "mtlint.toml").write_text('exclude = ["seeds/"]\n')
    (project / "seeds").mkdir()
    article = project / "seeds" / "a.txt"
    article.write_text(ARTICLE)
    assert run_cli("check", str(article)).code == 1
    assert run_cli("check", "--force-exclude", str(article)).code == 0
    assert run_cli("check", str(project)).code == 0
