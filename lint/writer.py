"""Writing a fixed file without risking the original.

The new content goes to a temporary file in the same directory, is flushed
to disk, given the original's permission bits and renamed over it, so a crash
or a full disk leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

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


def _temporary_sibling(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, open for writing; ``tempfile`` (and the ``shutil``
    and ``random`` it imports, 6 ms) is imported only when a run writes."""
    import tempfile

    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".mtlint-tmp")


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
