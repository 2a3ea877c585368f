"""The data files of the built-in rules (``rules/data``), read once each."""

from __future__ import annotations

import sys
from functools import cache
from importlib.resources import files
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


@cache
def data_file(name: str) -> dict[str, Any]:
    """The parsed TOML file ``rules/data/<name>`` ("words.toml", "translationese/fr.toml")."""
    return tomllib.loads(files("mtlint.rules").joinpath(f"data/{name}").read_text("utf-8"))


def data_folder(name: str) -> list[str]:
    """The names of the TOML files in ``rules/data/<name>``, relative to ``rules/data``."""
    folder = files("mtlint.rules").joinpath(f"data/{name}")
    return sorted(f"{name}/{item.name}" for item in folder.iterdir() if item.name.endswith(".toml"))
