from __future__ import annotations

import pytest

from mtlint.report.full_format import _excerpt


@pytest.mark.parametrize(
    ("line", "flagged", "shown"),
    [
        ("mr. Blinken spoke.", "mr.", "mr. Blinken spoke."),
        (
            "x" * 200 + " mr. Blinken " + "y" * 200,
            "mr.",
            "…" + "x" * 29 + " mr. Blinken " + "y" * 46 + "…",
        ),
        ("z" * 100 + " mr.", "mr.", "…" + "z" * 84 + " mr."),
    ],
)
def test_long_lines_are_cut_around_the_span(line: str, flagged: str, shown: str) -> None:
    start = line.index(flagged)
    excerpt, left, right = _excerpt(line, start, start + len(flagged))
    assert excerpt == shown
    assert excerpt[left:right] == flagged
