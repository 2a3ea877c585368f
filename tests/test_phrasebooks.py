"""The translationese phrasebooks: complete, valid, and safe with users' patterns."""

from __future__ import annotations

import sys
import time
from importlib.resources import files
from pathlib import Path

import pytest

from mtlint.config import Config
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.errors import ConfigError
from mtlint.rules.phrasebook import builtin_entries

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PACKS = files("mtlint.rules").joinpath("data/translationese")


@pytest.mark.parametrize("language", ["ru", "fr", "de", "es", "zh"])
def test_each_language_has_at_least_25_entries(language: str) -> None:
    entries = tomllib.loads(PACKS.joinpath(f"{language}.toml").read_text("utf-8"))["entry"]
    assert len(entries) >= 25
    for entry in entries:
        assert entry["kind"] in ("calque", "false-friend")
        assert entry["confidence"] in ("high", "low")
        assert entry["suggestions"] and entry["explanation"]


def test_every_builtin_pattern_compiles() -> None:
    entries = builtin_entries("calque") + builtin_entries("false-friend")
    assert len(entries) >= 120
    assert all(entry.pattern.pattern for entry in entries)


def test_source_language_from_config_glob(tmp_path: Path) -> None:
    config = Config(root=tmp_path, select=("T001",), source_language={"fr/**": "fr"})
    text = "Russian diplomacy indicated that talks would go on."
    linter = Linter(config)
    french = Document.from_text(text, tmp_path / "fr" / "a.txt")
    other = Document.from_text(text, tmp_path / "de" / "a.txt")
    assert [d.code for d in linter.lint([french])[0]] == ["T001"]
    assert linter.lint([other])[0] == []


def test_bad_user_pattern_is_a_config_error(tmp_path: Path) -> None:
    config = Config(
        root=tmp_path,
        select=("T001",),
        rules={"T001": {"extra": [{"pattern": "(", "suggestions": ["x"], "explanation": "y"}]}},
    )
    with pytest.raises(ConfigError, match=r"rules.T001.extra\[1\]: invalid pattern"):
        Linter(config)


def test_catastrophic_user_pattern_cannot_hang(tmp_path: Path) -> None:
    extra = [{"pattern": "(a+)+$", "suggestions": ["x"], "explanation": "y"}]
    config = Config(root=tmp_path, select=("T001",), rules={"T001": {"extra": extra}})
    started = time.monotonic()
    Linter(config).lint([Document.from_text("a" * 40 + "!")])
    assert time.monotonic() - started < 5
