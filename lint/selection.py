"""Which rules run: ``select``, ``extend-select`` and ``ignore``, by code or prefix.

As in Ruff, a selector is a full code ("H001"), a prefix ("H", "H00") or
"ALL"; the more specific selector wins when ``select`` and ``ignore`` both
match, and a selector that matches no registered rule is an error rather than
a silent no-op.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from mtlint.errors import ConfigError


def matching(selector: str, codes: Iterable[str], origin: str) -> set[str]:
    """The codes ``selector`` names; an error naming ``origin`` when there is none."""
    selector = selector.strip().upper()
    if selector == "ALL":
        return set(codes)
    found = {code for code in codes if code.startswith(selector)}
    if not found:
        raise ConfigError(f"{origin}: unknown rule code or prefix {selector!r}")
    return found


def _specificity(selector: str) -> int:
    return 0 if selector.upper() == "ALL" else len(selector)


class SelectionLayer(NamedTuple):
    """One source of selection settings: the config file or the command line."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()


def selected_codes(codes: Sequence[str], layers: Sequence[SelectionLayer]) -> list[str]:
    """The codes that run, in code order; a later layer overrides an earlier one."""
    enabled = set(codes)
    for layer in layers:
        base = set() if layer.select is not None else enabled
        decisions: dict[str, tuple[int, bool]] = {code: (-1, code in base) for code in codes}
        for selectors, turn_on, origin in (
            (layer.select or (), True, "select"),
            (layer.extend_select, True, "extend-select"),
            (layer.ignore, False, "ignore"),
        ):
            for selector in selectors:
                weight = _specificity(selector)
                for code in matching(selector, codes, origin):
                    if weight >= decisions[code][0]:
                        decisions[code] = (weight, turn_on)
        enabled = {code for code, (_, on) in decisions.items() if on}
    return sorted(enabled)
