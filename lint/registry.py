"""Finding rules: only through the ``mtlint.rules`` entry-point group.

The built-in rules register there like any third-party plugin, so the engine
never imports a rule by name. An entry point is named after the rule's code,
which lets ``mtlint rule CODE`` load one rule without importing the others.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from mtlint import plugins
from mtlint.errors import ConfigError
from mtlint.plugins import Plugin
from mtlint.rule import Rule

ENTRY_POINT_GROUP = "mtlint.rules"
_CODE = re.compile(r"[A-Z]{1,4}[0-9]{3}")


@lru_cache(maxsize=1)
def available() -> Mapping[str, Plugin]:
    """Every registered rule code and the entry point that provides it."""
    found: dict[str, Plugin] = {}
    for entry_point in plugins.entry_points(ENTRY_POINT_GROUP):
        code = entry_point.name
        if not _CODE.fullmatch(code):
            raise ConfigError(
                f"plugin entry point {code!r} ({entry_point.value}) is not a rule code like 'X123'"
            )
        previous = found.get(code)
        if previous is not None and previous.value != entry_point.value:
            raise ConfigError(
                f"rule code {code} is registered twice: {previous.value} and {entry_point.value}"
            )
        found[code] = entry_point
    return dict(sorted(found.items()))


def load(code: str) -> type[Rule]:
    """The rule class registered under ``code``. The installation is read afresh
    before a code is called unknown or its entry point broken."""
    try:
        return _load(code)
    except ConfigError:
        plugins.forget()
        available.cache_clear()
        return _load(code)


def _load(code: str) -> type[Rule]:
    entry_point = available().get(code)
    if entry_point is None:
        raise ConfigError(f"unknown rule code {code!r}")
    try:
        rule = entry_point.load()
    except Exception as error:
        raise ConfigError(
            f"rule {code} could not be loaded from {entry_point.value}: {error}"
        ) from None
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        raise ConfigError(f"rule {code} ({entry_point.value}) is not a subclass of mtlint Rule")
    if rule.code != code:
        raise ConfigError(
            f"entry point {code} loads {entry_point.value}, whose code is {rule.code!r}"
        )
    return rule


def load_all(codes: list[str] | None = None) -> dict[str, type[Rule]]:
    return {code: load(code) for code in (available() if codes is None else codes)}
