"""Writing a fixed file without risking the original.

The new content goes to a temporary file in the same directory, is flushed
to disk, given the original's permission bits and renamed over it, so a crash
or a full disk leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from mtlint.errors import InputError


def write_atomically(path: Path, data: bytes) -> None:
    target = path.resolve()
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        if not mode & 0o222 or not os.access(target, os.W_OK):
            raise InputError(f"{path}: file is read-only; not fixed")
        descriptor, temporary = _temporary_sibling(target)
    except PermissionError:
        raise InputError(f"{path}: cannot write to its directory; not fixed") from None
    except OSError as error:
        raise InputError(f"{path}: cannot write ({error.strerror or error}); not fixed") from None
    try:
        _fill_and_rename(descriptor, temporary, target, data, mode)
    except OSError as error:
        raise InputError(f"{path}: cannot write ({error.strerror or error}); not fixed") from None


def replace_file(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` through a temporary sibling renamed over it, so a reader
    sees the old content or the new, never part of either; an ``OSError`` is raised
    with no temporary file left behind. For files mtlint owns (cache, baseline)."""
    _fill_and_rename(*_temporary_sibling(path), path, data)


#: Names ``_temporary_sibling`` tries before it gives up, as ``tempfile`` does.
_ATTEMPTS = 10_000
_CREATE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _temporary_sibling(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, open for writing, made as ``tempfile.mkstemp`` makes
    one: under an unused random name, created only if absent, readable by its owner
    alone. ``tempfile`` itself, with the ``shutil`` and ``random`` it imports, took 5 ms
    of every pre-commit run that writes the cache."""
    for _ in range(_ATTEMPTS):
        name = os.path.join(path.parent, f".{path.name}.{os.urandom(6).hex()}.mtlint-tmp")
        try:
            return os.open(name, _CREATE, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary name", str(path.parent))


def _fill_and_rename(
    descriptor: int, temporary: str, target: Path, data: bytes, mode: int | None = None
) -> None:
    """Write ``data`` to the open temporary file and rename it over ``target``; with a
    ``mode`` (a user's file), flushed to disk first and given the original's permission
    bits. The temporary file is removed if anything fails."""
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            if mode is not None:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
