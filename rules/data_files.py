"""The data files of the built-in rules (``rules/data``), read once each.

They are TOML, to be read and edited by people; parsing them (and importing
the TOML parser) costs a one-file check 8 ms, so each is stored once per
machine (see ``machine_cache.stored_dict``), which loads in a small fraction of
the time, under a name that changes with the file.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

from mtlint.machine_cache import file_stamp, stored_dict

DATA = Path(__file__).parent / "data"


@cache
def data_file(name: str) -> dict[str, Any]:
    """The parsed TOML file ``rules/data/<name>`` ("words.toml", "translationese/fr.toml")."""
    path = DATA / name
    stored = f"rule-data/{name.replace('/', '-').removesuffix('.toml')}.marshal"
    return stored_dict(stored, file_stamp(path) or "absent", lambda: _parsed(path))


def data_folder(name: str) -> list[str]:
    """The names of the TOML files in ``rules/data/<name>``, relative to ``rules/data``."""
    return sorted(f"{name}/{item.name}" for item in (DATA / name).glob("*.toml"))


def _parsed(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    return tomllib.loads(path.read_text("utf-8"))
