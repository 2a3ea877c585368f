"""The entry points of mtlint's groups, read once per installation.

Rules and subcommands arrive through entry points, but asking
``importlib.metadata`` for them imports the e-mail parser and reads every
installed distribution: 30 ms, a sixth of a pre-commit run. What it answers
is stored in the machine cache under the import path and the modification
times of its folders, which change whenever pip installs or removes a
package; an entry point that no longer loads sends the caller back to
``importlib.metadata`` before it reports an error. (``python -m mtlint`` puts
the working folder on the path, so there a new file in it means one more look;
the ``mtlint`` command puts its own folder there instead.)
"""

from __future__ import annotations

import contextlib
import importlib
import marshal
import os
import sys
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from mtlint.machine_cache import cache_folder
from mtlint.writer import replace_file

#: Each installation's answers are kept; the oldest go once there are more than this.
KEPT_INSTALLATIONS = 8
_FILE = "entry-points.marshal"


class Plugin(NamedTuple):
    """An entry point as ``name = module:attribute`` declares it."""

    name: str
    value: str

    @property
    def module(self) -> str:
        return self._target()[0]

    def load(self) -> Any:
        """The object the entry point names, imported."""
        module, attributes = self._target()
        loaded = importlib.import_module(module)
        for attribute in filter(None, attributes.split(".")):
            loaded = getattr(loaded, attribute)
        return loaded

    def _target(self) -> tuple[str, str]:
        """The module and the attribute path; extras ("[…]") play no part."""
        module, _, attributes = self.value.partition("[")[0].partition(":")
        return module.strip(), attributes.strip()


def entry_points(group: str) -> tuple[Plugin, ...]:
    """The entry points of ``group``, in the order the distributions declare them."""
    return _groups(tuple(sys.path)).get(group, ())


def forget() -> None:
    """Read the installation afresh: an entry point it named no longer loads."""
    _groups.cache_clear()
    _read(fresh=True)


@lru_cache(maxsize=4)
def _groups(path: tuple[str, ...]) -> Mapping[str, tuple[Plugin, ...]]:
    return _read(fresh=False)


def _read(fresh: bool) -> Mapping[str, tuple[Plugin, ...]]:
    key = _installation()
    file = cache_folder() / _FILE
    try:
        kept = [entry for entry in marshal.loads(file.read_bytes()) if _valid(entry)]
    except (OSError, EOFError, ValueError, TypeError):
        kept = []
    for entry in kept:
        if entry["key"] == key and not fresh:
            return _plugins(entry["groups"])
    groups = _discovered()
    kept = [{"key": key, "groups": groups}, *(entry for entry in kept if entry["key"] != key)]
    with contextlib.suppress(OSError):
        file.parent.mkdir(parents=True, exist_ok=True)
        replace_file(file, marshal.dumps(kept[:KEPT_INSTALLATIONS], 4))
    return _plugins(groups)


def _installation() -> list[list[Any]]:
    """The folders Python imports from, each with the time it last changed."""
    folders = []
    for entry in sys.path:
        folder = os.path.abspath(entry or os.curdir)
        try:
            folders.append([folder, os.stat(folder).st_mtime_ns])
        except OSError:
            continue
    return folders


def _discovered() -> dict[str, list[list[str]]]:
    """What ``importlib.metadata`` finds; a distribution installed in two folders counts
    once, from the folder Python would import it from."""
    from importlib.metadata import distributions

    groups: dict[str, list[list[str]]] = {}
    seen = set()
    for distribution in distributions():
        name = (distribution.metadata["Name"] or "").lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        for entry_point in distribution.entry_points:
            if entry_point.group.startswith("mtlint."):
                groups.setdefault(entry_point.group, []).append(
                    [entry_point.name, entry_point.value]
                )
    return groups


def _valid(entry: Any) -> bool:
    """True for a stored answer of the shape ``_read`` writes."""
    if not (isinstance(entry, dict) and "key" in entry and isinstance(entry.get("groups"), dict)):
        return False
    return all(
        isinstance(entries, list)
        and all(isinstance(pair, list) and len(pair) == 2 for pair in entries)
        for entries in entry["groups"].values()
    )


def _plugins(groups: dict[str, list[list[str]]]) -> Mapping[str, tuple[Plugin, ...]]:
    return {
        group: tuple(Plugin(str(name), str(value)) for name, value in entries)
        for group, entries in groups.items()
    }
