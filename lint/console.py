"""The ``mtlint`` command, which sets how seldom Python collects garbage before it
imports the rest of mtlint (the modules a one-file run imports create most of its
objects, and with Python's defaults they set off thirty collections) and spares the
exit its collection."""

from __future__ import annotations

from mtlint.garbage import collect_garbage_seldom, skip_collection_at_exit


def main() -> int:
    collect_garbage_seldom()
    from mtlint.cli import main as run_command

    code = run_command()
    skip_collection_at_exit()
    return code
