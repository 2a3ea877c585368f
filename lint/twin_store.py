"""The patterns' twins in ``re``, compiled once per machine.

Compiling the fifty twins that a check of one article reaches costs ``re``
14 ms, a tenth of a pre-commit run: it parses each pattern and builds the
engine's code for it in Python. That code depends only on the twin and the
interpreter, so it is kept in the machine cache (see ``machine_cache``)
under the interpreter, the version of its pattern engine (``_sre.MAGIC``,
which changes whenever the code does) and the version of ``re_twin``; a
later run hands it straight to the engine, which checks any code it is
given. A code is kept only when the pattern it makes has the flags and
groups of the one ``re.compile`` makes, and anything amiss (a file cut
short, an interpreter whose ``re`` is built otherwise) only means compiling
again. ``remember`` stores what a process compiled, in ``marshal``'s format,
which the interpreter that wrote it reads four times faster than JSON.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import Any

from mtlint.machine_cache import GrowingStore, module_stamp


def compiled_twin(source: str) -> re.Pattern[str] | None:
    """The twin of ``regex`` pattern ``source`` compiled by ``re``, or None if it has
    no twin or ``re`` refuses it."""
    entry = _STORE.get(source)
    if entry is None:
        entry, compiled = _entry(source)
        _STORE.add(source, entry)
        return compiled
    if len(entry) == 6:
        pattern = _from_code(entry)
        if pattern is not None:
            return pattern
    return _compiled(entry[0]) if entry else None


def remember() -> None:
    """Store the twins this process compiled, with those other processes stored meanwhile."""
    _STORE.remember()


def _valid(entry: Any) -> bool:
    return isinstance(entry, list) and (not entry or isinstance(entry[0], str))


@cache
def _version() -> str:
    import _sre

    return f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{module_stamp('mtlint.re_twin')}"


#: By ``regex`` source: [] for a pattern without a twin, [twin] for a twin whose code
#: could not be kept, else [twin, flags, code, groups, groupindex, indexgroup].
_STORE = GrowingStore("re-twins.marshal", _version, valid=_valid)


def _entry(source: str) -> tuple[list[Any], re.Pattern[str] | None]:
    """What to store of ``source``'s twin, and the twin compiled."""
    from mtlint.re_twin import re_twin

    twin = re_twin(source)
    expected = None if twin is None else _compiled(twin)
    if twin is None or expected is None:
        return [], None
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(twin, 0)
        state = parsed.state
        indexgroup = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        entry = [twin, int(state.flags), list(map(int, _compiler._code(parsed, 0)))]
        entry += [state.groups - 1, dict(state.groupdict), indexgroup]
    except Exception:  # a ``re`` built otherwise: compile as usual
        return [twin], expected
    made = _from_code(entry)
    if made is None or _shape(made) != _shape(expected):
        return [twin], expected
    return entry, expected


def _from_code(entry: list[Any]) -> re.Pattern[str] | None:
    import _sre

    twin, flags, code, groups, groupindex, indexgroup = entry
    try:
        made = _sre.compile(twin, flags, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # a code the engine refuses is compiled again
        return None
    return made  # type: ignore[no-any-return]


def _compiled(twin: str) -> re.Pattern[str] | None:
    try:
        return re.compile(twin)
    except re.error:  # a construct ``re`` lacks, such as a look-behind of varying width
        return None


def _shape(pattern: re.Pattern[str]) -> tuple[Any, ...]:
    return pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex
