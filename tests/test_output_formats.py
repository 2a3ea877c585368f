"""The machine formats: SARIF for code scanning, workflow commands for GitHub Actions."""

from __future__ import annotations

from pathlib import Path

ARTICLE = (
    "Talks in Geneva\n"
    "\n"
    "mr. Blinken said, “50% of it, is fine”.\n"
    "\n"
    "Britney Greener spoke. Brittney Griner, Griner and Griner spoke too.\n"
)


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "news" / "geneva.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_sarif_report(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    _write(tmp_path)
    result = run_cli("check", "--no-cache", "--output-format", "sarif", "news")
    assert result.code == 1
    sarif = result.json()
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-2.1.0.json")
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "mtlint"
    assert driver["version"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert rules["H001"]["name"] == "honorific-case"
    assert rules["H001"]["shortDescription"]["text"] == (
        "A title before a name is written in the wrong case"
    )
    assert rules["H001"]["helpUri"].startswith("https://")
    assert "## Fix safety" in rules["H001"]["help"]["markdown"]

    honorific = next(r for r in run["results"] if r["ruleId"] == "H001")
    assert honorific["level"] == "warning"
    assert honorific["message"]["text"] == 'Title "mr." should be written "Mr."'
    assert driver["rules"][honorific["ruleIndex"]]["id"] == "H001"
    (location,) = honorific["locations"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "news/geneva.txt", "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {
        "startLine": 3,
        "startColumn": 1,
        "endLine": 3,
        "endColumn": 4,
        "snippet": {"text": "mr."},
    }
    (fix,) = honorific["fixes"]
    assert fix["properties"] == {"applicability": "safe"}
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"] == {"text": "Mr."}
    assert replacement["deletedRegion"]["startColumn"] == 1

    variant = next(r for r in run["results"] if r["ruleId"] == "E001")
    assert variant["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_sarif_without_findings_is_still_a_report(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "fine.txt").write_text("The talks ended.\n", encoding="utf-8")
    result = run_cli("check", "--output-format", "sarif", "fine.txt")
    assert result.code == 0
    (run,) = result.json()["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"] == []


def test_github_annotations(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    _write(tmp_path)
    result = run_cli(
        "check", "--no-cache", "--select", "H001,E001", "--output-format", "github", "news"
    )
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == (
        "::warning file=news/geneva.txt,line=3,col=1,endLine=3,endColumn=4,"
        'title=H001 honorific-case::Title "mr." should be written "Mr."'
    )
    assert all(line.startswith("::warning file=news/geneva.txt,line=") for line in lines)
    assert not any("Found" in line for line in lines)


def test_github_escapes_what_would_end_the_command() -> None:
    from mtlint.report.github_format import _data, _property

    assert _data("50% done\nnext") == "50%25 done%0Anext"
    assert _property("a:b,c") == "a%3Ab%2Cc"


def test_levels_follow_the_configured_severity(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    _write(tmp_path)
    (tmp_path / ".mtlint.toml").write_text(
        'severity = { H001 = "error", E001 = "info" }\n', encoding="utf-8"
    )
    github = run_cli(
        "check", "--no-cache", "--select", "H001,E001", "--output-format", "github", "news"
    )
    assert [line.split(" ", 1)[0] for line in github.out.splitlines()] == [
        "::error",
        "::notice",
        "::notice",
    ]
    sarif = run_cli(
        "check", "--no-cache", "--select", "H001,E001", "--output-format", "sarif", "news"
    )
    levels = {(r["ruleId"], r["level"]) for r in sarif.json()["runs"][0]["results"]}
    assert levels == {("H001", "error"), ("E001", "note")}
