"""Finding, reading and validating the configuration.

Settings live in ``.mtlint.toml``, ``mtlint.toml`` or the ``[tool.mtlint]``
table of ``pyproject.toml``, found by walking up from the working directory
(in that order within one directory, as Ruff does). Every key is checked: an
unknown key or a wrongly typed value is an error that names it, because a
misspelt ``ignore`` that silently does nothing is worse than no config.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from mtlint.diagnostics import Severity
from mtlint.digest import hex_digest
from mtlint.errors import ConfigError
from mtlint.selection import SelectionLayer

CONFIG_FILES = (".mtlint.toml", "mtlint.toml", "pyproject.toml")


class Config(NamedTuple):
    """The settings of a run; the mappings are read, never written (empty defaults are shared)."""

    root: Path
    source: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = {}
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    respect_gitignore: bool = True
    corpus: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = {}
    rules: Mapping[str, Mapping[str, Any]] = {}
    glossary: str | None = None
    names: Mapping[str, tuple[str, ...]] = {}
    source_language: Mapping[str, str] = {}
    baseline: str | None = None
    overrides: tuple[SelectionLayer, ...] = ()

    @property
    def selection(self) -> tuple[SelectionLayer, ...]:
        """The file's rule selection, then the command line's, which wins."""
        return (SelectionLayer(self.select, self.extend_select, self.ignore), *self.overrides)

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with command-line values, which win over the file's."""
        return self._replace(**{k: v for k, v in overrides.items() if v is not None})

    def fingerprint(self) -> str:
        """A stable hash of every setting that can change findings."""
        settings = self._asdict()
        settings.pop("root")
        settings.pop("source")
        settings.pop("baseline")
        import json  # imported here: a run without a cache never asks

        encoded = json.dumps(settings, sort_keys=True, default=str).encode()
        return hex_digest(encoded, 16)


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{key}: expected a list of strings")
    return tuple(value)


def _boolean(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key}: expected true or false")
    return value


def _table(key: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: expected a table")
    return value


def _per_file_ignores(key: str, value: Any) -> Mapping[str, tuple[str, ...]]:
    return {
        pattern: _strings(f"{key}.{pattern!r}", codes)
        for pattern, codes in _table(key, value).items()
    }


def _severity(key: str, value: Any) -> Mapping[str, Severity]:
    levels = {level.value: level for level in Severity}
    result = {}
    for code, level in _table(key, value).items():
        if level not in levels:
            raise ConfigError(f"{key}.{code}: expected one of {', '.join(levels)}, got {level!r}")
        result[code.upper()] = levels[level]
    return result


def _path(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{key}: expected a path")
    return value


def _names(key: str, value: Any) -> Mapping[str, tuple[str, ...]]:
    from mtlint.glossary import parse_names

    return parse_names(key, value)


def _source_language(key: str, value: Any) -> Mapping[str, str]:
    """One language for every article ("ru"), or a table of gitignore-style globs → language."""
    if isinstance(value, str):
        value = {"**": value}
    table = _table(key, value)
    for pattern, language in table.items():
        if not isinstance(language, str) or not language.isalpha() or len(language) not in (2, 3):
            raise ConfigError(f'{key}.{pattern!r}: expected a language code such as "ru"')
    return {pattern: language.lower() for pattern, language in table.items()}


def _rules(key: str, value: Any) -> Mapping[str, Mapping[str, Any]]:
    return {
        code.upper(): _table(f"{key}.{code}", options)
        for code, options in _table(key, value).items()
    }


_KEYS = {
    "select": ("select", _strings),
    "extend-select": ("extend_select", _strings),
    "ignore": ("ignore", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "exclude": ("exclude", _strings),
    "extend-exclude": ("extend_exclude", _strings),
    "force-exclude": ("force_exclude", _boolean),
    "respect-gitignore": ("respect_gitignore", _boolean),
    "corpus": ("corpus", _strings),
    "severity": ("severity", _severity),
    "rules": ("rules", _rules),
    "glossary": ("glossary", _path),
    "names": ("names", _names),
    "source-language": ("source_language", _source_language),
    "baseline": ("baseline", _path),
}


def parse_settings(settings: Mapping[str, Any], root: Path, source: Path | None) -> Config:
    values: dict[str, Any] = {}
    for key, value in settings.items():
        if key not in _KEYS:
            raise ConfigError(f"{source or 'config'}: unknown key {key!r}")
        attribute, convert = _KEYS[key]
        try:
            values[attribute] = convert(key, value)
        except ConfigError as error:
            raise ConfigError(f"{source or 'config'}: {error}") from None
    return Config(root=root, source=source, **values)


def read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None


def _settings_in(path: Path) -> dict[str, Any] | None:
    data = read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("mtlint") if isinstance(tool, dict) else None
    return data


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` that configures mtlint."""
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and _settings_in(candidate) is not None:
                return candidate
    return None


def load_config(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    cwd = (cwd or Path.cwd()).resolve()
    path = explicit.resolve() if explicit is not None else find_config_file(cwd)
    if path is None:
        return Config(root=cwd)
    settings = _settings_in(path)
    if settings is None:
        raise ConfigError(f"{path}: has no [tool.mtlint] table")
    if not isinstance(settings, dict):
        raise ConfigError(f"{path}: [tool.mtlint] must be a table")
    return parse_settings(settings, path.parent, path)


def codes_in(config: Config) -> Sequence[tuple[str, str]]:
    """Every rule code or prefix the config names, with the key that names it."""
    named: list[tuple[str, str]] = []
    for layer in config.selection:
        for key in ("select", "extend_select", "ignore"):
            named.extend((code, key.replace("_", "-")) for code in getattr(layer, key) or ())
    for pattern, codes in config.per_file_ignores.items():
        named.extend((code, f"per-file-ignores.{pattern!r}") for code in codes)
    named.extend((code, "severity") for code in config.severity)
    named.extend((code, "rules") for code in config.rules)
    return named
