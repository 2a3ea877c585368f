"""The ``mtlint`` command, which sets how seldom Python collects garbage before it
imports the rest of mtlint: the modules a one-file run imports create most of its
objects, and with Python's defaults they set off thirty collections."""

from __future__ import annotations

from mtlint.garbage import collect_garbage_seldom


def main() -> int:
    collect_garbage_seldom()
    from mtlint.cli import main as run_command

    return run_command()
