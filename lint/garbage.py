"""How often Python looks for reference cycles during a run."""

from __future__ import annotations

import sys


def collect_garbage_seldom() -> None:
    """Look for reference cycles after 200,000 new objects rather than 700, as mypy does.

    A check makes millions of short-lived tuples (tokens, spans) that reference
    counting frees, while the articles, their tokens and the word lists stay alive
    and every full collection walks them all: with Python's defaults, collecting
    took a tenth of a check of 500 articles. mtlint makes few cycles, and a run
    is short. Worker processes call it too, as a spawned one does not inherit it.
    """
    if sys.implementation.name == "cpython":
        import gc

        gc.set_threshold(200_000, 30, 30)


def skip_collection_at_exit() -> None:
    """Leave every object out of the collection Python makes as it exits: it walks them
    all (a twelfth of a one-file run) for memory the ending process gives back anyway.
    Objects are still freed as their references go."""
    if sys.implementation.name == "cpython":
        import gc

        gc.freeze()
