"""Patterns compiled by ``regex``, kept once per machine.

Text with a letter outside plain text, and a long run past a twin's budget (see
``lazy_pattern``), is searched with ``regex``, which parses each pattern and
builds its engine's code in Python: a quarter of a millisecond a pattern, 10 ms
of a one-file check of an article that names "Lavróv", and as much again in each
worker of a pool. ``regex`` pickles a pattern as the arguments that hand that
code to its engine; they are kept in the machine cache (see ``machine_cache``)
under the interpreter and the version of ``regex``, and a later run hands them
straight to the engine. Arguments the engine refuses, or that make another
pattern than the one asked for, only mean compiling again.
"""

from __future__ import annotations

import copyreg
import marshal
import sys
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from mtlint.machine_cache import GrowingStore, module_stamp

if TYPE_CHECKING:
    import regex


def compiled_regex(source: str) -> regex.Pattern[str]:
    """``source`` compiled by ``regex``, from the store when it holds it."""
    arguments = _STORE.get(source)
    if arguments is not None:
        pattern = _rebuilt(arguments)
        if pattern is not None and pattern.pattern == source:
            return pattern
    pattern = _compile(source)
    arguments = _arguments(pattern)
    if arguments is not None:
        _STORE.add(source, arguments)
    return pattern


def remember() -> None:
    """Store the patterns this process compiled, with those other processes stored meanwhile."""
    _STORE.remember()


def _compile(source: str) -> regex.Pattern[str]:
    import regex

    return regex.compile(source)


def _arguments(pattern: regex.Pattern[str]) -> list[Any] | None:
    """What ``regex`` pickles ``pattern`` as, if it hands it to the engine and ``marshal``
    can keep it."""
    reduce = copyreg.dispatch_table.get(type(pattern))
    if reduce is None:
        return None
    engine, arguments = reduce(pattern)
    if engine is not _engine():
        return None
    try:
        marshal.dumps(arguments, 4)
    except ValueError:
        return None
    return list(arguments)


def _rebuilt(arguments: list[Any]) -> regex.Pattern[str] | None:
    engine = _engine()
    if engine is None:
        return None
    try:
        return engine(*arguments)  # type: ignore[no-any-return]
    except Exception:  # arguments the engine refuses are compiled again
        return None


@cache
def _engine() -> Callable[..., Any] | None:
    """What ``regex`` hands a pickled pattern's arguments to, as the pickle of the empty
    pattern says."""
    import regex

    reduce = copyreg.dispatch_table.get(regex.Pattern)
    return None if reduce is None else reduce(regex.compile(""))[0]  # type: ignore[no-any-return]


@cache
def _version() -> str:
    return f"{sys.implementation.cache_tag}-{module_stamp('regex')}"


def _valid(arguments: Any) -> bool:
    return isinstance(arguments, list) and bool(arguments) and isinstance(arguments[0], str)


#: By pattern: the arguments ``regex`` hands its engine.
_STORE = GrowingStore("regex-patterns.marshal", _version, valid=_valid)
