"""The plugin API: a rule in an ``mtlint.rules`` entry point is found, configured and run."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtlint import registry
from mtlint.rule import Rule

PLUGIN = '''
import regex

from mtlint.diagnostics import Applicability, Fix, Span
from mtlint.rule import Option, Rule


class FillerWord(Rule):
    """Flags a filler word.

    ## Example
    ```
    Lorem talks began.
    ```

    ## Use instead
    ```
    The talks began.
    ```
    """

    code = "Z900"
    name = "filler-word"
    summary = "A filler word is left in the text"
    fix = Applicability.UNSAFE
    options = {"word": Option("lorem", "The word to flag")}

    def check(self, doc, ctx):
        pattern = regex.compile(rf"\\b{regex.escape(self.settings['word'])}\\b", regex.IGNORECASE)
        for match in pattern.finditer(doc.prose):
            span = Span(match.start(), match.end())
            yield self.diagnostic(
                span,
                f"Filler word {match.group()!r}",
                Fix.replace(span, "", "Delete it", Applicability.UNSAFE),
            )
'''


@pytest.fixture
def plugin(install_plugin) -> None:  # type: ignore[no-untyped-def]
    install_plugin("mtlint_filler", PLUGIN, {"Z900": "mtlint_filler:FillerWord"})


def test_builtin_rules_come_from_entry_points() -> None:
    assert registry.available()["H001"].value == "mtlint.rules.honorific_case:HonorificCase"


def test_plugin_rule_is_found_configured_and_run(
    plugin: None, tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    assert "Z900" in registry.available()
    article = tmp_path / "a.txt"
    article.write_text("Ipsum talks began. lorem ipsum.\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mtlint.toml").write_text('select = ["Z"]\n[rules.Z900]\nword = "ipsum"\n')
    result = run_cli("check", "--output-format", "concise", "--quiet", "a.txt")
    assert result.code == 1
    assert result.out.splitlines() == [
        "a.txt:1:1: Z900 [-] Filler word 'Ipsum'",
        "a.txt:1:26: Z900 [-] Filler word 'ipsum'",
    ]
    listed = run_cli("rules").out
    assert "Z900  filler-word" in listed


def test_plugin_option_is_validated(
    plugin: None, tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Text.\n")
    (tmp_path / "mtlint.toml").write_text("[rules.Z900]\nword = 3\n")
    result = run_cli("check", "a.txt")
    assert result.code == 2
    assert result.err == "mtlint: error: rules.Z900.word: expected str, got int\n"


def test_broken_plugin_is_a_clear_error(install_plugin, run_cli) -> None:  # type: ignore[no-untyped-def]
    install_plugin("broken", "", {"Z901": "no_such_module:Rule"})
    result = run_cli("rule", "Z901")
    assert result.code == 2
    assert result.err.startswith(
        "mtlint: error: rule Z901 could not be loaded from no_such_module:Rule"
    )


@pytest.mark.parametrize("code", sorted(registry.available()))
def test_every_rule_documents_itself(code: str) -> None:
    rule: type[Rule] = registry.load(code)
    assert rule.code == code
    assert rule.name and rule.name == rule.name.lower() and " " not in rule.name
    assert rule.summary and not rule.summary.endswith(".")
    doc = rule.explanation()
    for section in (
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## Fix safety",
    ):
        assert section in doc, f"{code} lacks {section!r}"
    for key, option in rule.options.items():
        assert key == key.lower() and option.help
