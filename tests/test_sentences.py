from __future__ import annotations

import pytest

from mtlint.document import Document


def sentences(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [text[s.span.start : s.span.end] for s in doc.sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Blinken spoke with Mrs. Griner and Ms. Whelan on Friday.",
        "Dr. Fauci and Gen. Milley met Sen. Warren in St. Petersburg.",
        "The U.S. State Department called the W.N.B.A. star on Friday.",
        "Secretary of State Antony J. Blinken met Paul N. Whelan's family.",
        "Inflation rose 2.5 percent, to 3.75 points, at 10.30 a.m. local time.",
        "He met Lt. Col. Vindman and Rep. Schiff at No. 10 Downing Street.",
        "“Are you sure?” she asked the minister.",
        "It was over... or so they thought.",
    ],
)
def test_no_break_inside_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He left. mr. Blinken told reporters.",
            ["He left.", "mr. Blinken told reporters."],
        ),
        (
            "It was a deal,” he said. she said in a statement.",
            ["It was a deal,” he said.", "she said in a statement."],
        ),
        (
            "The talks took place in the U.S. The minister left early.",
            ["The talks took place in the U.S.", "The minister left early."],
        ),
        (
            "He pressured Mr. Blinken. Lavrov to comply.",
            ["He pressured Mr. Blinken.", "Lavrov to comply."],
        ),
        (
            "“We will win.” The crowd cheered! Why? Nobody knows.",
            ["“We will win.”", "The crowd cheered!", "Why?", "Nobody knows."],
        ),
        ("Shares of Apple Inc. The company fell.", ["Shares of Apple Inc.", "The company fell."]),
        ("WASHINGTON. On Friday, the talks began.", ["WASHINGTON.", "On Friday, the talks began."]),
    ],
)
def test_breaks(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraph_ends_a_sentence() -> None:
    assert sentences("A headline without a stop\n\nThe body.") == [
        "A headline without a stop",
        "The body.",
    ]
