"""Literal strings found in one pass: every occurrence, overlapping ones included."""

from __future__ import annotations

import pytest

from mtlint.rules.literals import Literals


def test_every_occurrence_is_found_with_its_value_even_inside_another() -> None:
    literals = Literals({"arrangements": 1, "range": 2, "Herr": 3})
    assert sorted(literals.occurrences("the arrangements, a range; Herr Kohl, herr")) == [
        1,
        2,
        2,
        3,
    ]
    assert literals.any_in("in range") and not literals.any_in("Arrang HERR")


@pytest.mark.parametrize("text", ["", "anything at all"])
def test_no_strings_are_found_nowhere(text: str) -> None:
    assert list(Literals({}).occurrences(text)) == []
    assert not Literals({}).any_in(text)


def test_strings_asked_about_are_their_own_values() -> None:
    literals = Literals.of(s for s in ["arrangements", "range"])
    assert sorted(literals.occurrences("arrangements")) == ["arrangements", "range"]
    assert not literals.any_in("a rang, an arrang")
