"""The English titles that stand before a name, read once from ``data/honorifics.toml``."""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib.resources import files

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


@lru_cache(maxsize=1)
def english_titles() -> tuple[dict[str, str], dict[str, str]]:
    """``(bare, dotted)``: lower-case title → its canonical spelling without the stop."""
    data = tomllib.loads(files("mtlint.rules").joinpath("data/honorifics.toml").read_text("utf-8"))
    return dict(data["bare"]), dict(data["dotted"])
