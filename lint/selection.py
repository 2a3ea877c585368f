"""Which rules run: ``select``, ``extend-select`` and ``ignore``, by code or prefix.

As in Ruff, a selector is a full code ("H001"), a prefix ("H", "H00") or
"ALL"; the more specific selector wins when ``select`` and ``ignore`` both
match, and a selector that matches no registered rule is an error rather than
a silent no-op.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def selected_codes(
    codes: Sequence[str],
    select: Sequence[str] | None,
    extend_select: Sequence[str],
    ignore: Sequence[str],
) -> list[str]:
    """The codes that run, in code order."""
    decisions: dict[str, tuple[int, bool]] = {}
    chosen = list(select) if select is not None else ["ALL"]
    for selectors, enabled, origin in (
        (chosen, True, "select"),
        (extend_select, True, "extend-select"),
        (ignore, False, "ignore"),
    ):
        for selector in selectors:
            weight = _specificity(selector)
            for code in matching(selector, codes, origin):
                current = decisions.get(code)
                if current is None or weight >= current[0]:
                    decisions[code] = (weight, enabled)
    return sorted(code for code, (_, enabled) in decisions.items() if enabled)
