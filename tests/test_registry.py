"""The plugin API: a rule in an ``mtlint.rules`` entry point is found, configured and run."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from mtlint import plugins, registry
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


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A machine cache of the test's own, with nothing remembered in memory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    plugins._groups.cache_clear()
    registry.available.cache_clear()
    yield tmp_path / "cache" / "mtlint" / "entry-points.marshal"
    plugins._groups.cache_clear()
    registry.available.cache_clear()


def test_entry_points_are_read_back_without_asking_importlib(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = plugins.entry_points("mtlint.rules")
    assert ("H001", "mtlint.rules.honorific_case:HonorificCase") in found
    assert own_cache.is_file()
    plugins._groups.cache_clear()
    monkeypatch.setattr(plugins, "_discovered", lambda: pytest.fail("installation read again"))
    assert plugins.entry_points("mtlint.rules") == found


def test_a_stored_entry_point_that_no_longer_loads_is_looked_up_again(own_cache: Path) -> None:
    plugins.entry_points("mtlint.rules")
    stored = marshal.loads(own_cache.read_bytes())
    stored[0]["groups"]["mtlint.rules"] = [["H001", "mtlint.rules.removed_module:Gone"]]
    own_cache.write_bytes(marshal.dumps(stored))
    plugins._groups.cache_clear()
    assert registry.load("H001").__name__ == "HonorificCase"
    assert b"removed_module" not in own_cache.read_bytes()


@pytest.mark.parametrize(
    "content",
    [
        b"{not marshal",
        marshal.dumps([{"key": 1, "groups": {"x": [1]}}]),
        marshal.dumps([{"groups": {}}]),
        marshal.dumps([3]),
        marshal.dumps(3),
        marshal.dumps([[]])[:-1],
    ],
)
def test_an_unreadable_store_is_ignored(own_cache: Path, content: bytes) -> None:
    own_cache.parent.mkdir(parents=True)
    own_cache.write_bytes(content)
    assert registry.load("H001").__name__ == "HonorificCase"
    assert b"honorific_case" in own_cache.read_bytes()


def test_an_entry_point_with_extras_loads() -> None:
    plugin = plugins.Plugin("H001", "mtlint.rules.honorific_case : HonorificCase [extra]")
    assert plugin.module == "mtlint.rules.honorific_case"
    assert plugin.load().__name__ == "HonorificCase"


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
