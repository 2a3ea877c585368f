"""What mtlint stores once per machine is what it would have computed afresh."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtlint import machine_cache
from mtlint.rules import data_files

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

DATA_FILES = sorted(
    path.relative_to(data_files.DATA).as_posix() for path in data_files.DATA.rglob("*.toml")
)


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    data_files.data_file.cache_clear()
    yield tmp_path / "mtlint"
    data_files.data_file.cache_clear()


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_stored_data_file_reads_as_its_toml(own_cache: Path, name: str) -> None:
    expected = tomllib.loads((data_files.DATA / name).read_text("utf-8"))
    assert data_files.data_file(name) == expected
    data_files.data_file.cache_clear()
    assert data_files.data_file(name) == expected
    stored = f"{name.replace('/', '-').removesuffix('.toml')}@*.marshal"
    assert len(list((own_cache / "rule-data").glob(stored))) == 1


@pytest.mark.parametrize("content", [b"N", b"{broken", b"", "cut short"])
def test_an_unreadable_stored_data_file_is_parsed_again(
    own_cache: Path, content: bytes | str
) -> None:
    data_files.data_file("words.toml")
    (stored,) = (own_cache / "rule-data").glob("words@*.marshal")
    stored.write_bytes(stored.read_bytes()[:-3] if content == "cut short" else content)
    data_files.data_file.cache_clear()
    assert "saying_verbs" in data_files.data_file("words.toml")


def test_an_unwritable_cache_folder_only_means_work_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert machine_cache.stored_dict("x.marshal", "1", lambda: {"a": 1}) == {"a": 1}
    assert machine_cache.mapped_text("x.txt", "1", lambda: "built") == b"built"


def test_stored_lines_are_mapped_once_built(own_cache: Path) -> None:
    built = []
    assert machine_cache.mapped_text("lines.txt", "1", lambda: built.append(1) or "\nété\n") == (
        "\nété\n".encode()
    )
    mapped = machine_cache.mapped_text("lines.txt", "1", lambda: built.append(2) or "other")
    assert (type(mapped).__name__, mapped[:], built) == ("mmap", "\nété\n".encode(), [1])
    (own_cache / "empty@1.txt").write_bytes(b"")
    assert machine_cache.mapped_text("empty.txt", "1", lambda: "built") == b""


def test_only_the_versions_of_a_name_written_last_are_kept(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(machine_cache, "KEPT_VERSIONS", 2)
    for age, version in enumerate(("c", "b", "a")):
        assert (
            machine_cache.mapped_text("words.txt", version, lambda v=version: v) == version.encode()
        )
        os.utime(own_cache / f"words@{version}.txt", ns=(age, age))
    machine_cache.mapped_text("other-words.txt", "c", lambda: "other")
    kept = sorted(path.name for path in own_cache.iterdir())
    assert kept == ["other-words@c.txt", "words@a.txt", "words@b.txt"]
    assert machine_cache.mapped_text("words.txt", "a", lambda: "built again")[:] == b"a"


def test_a_module_stamp_follows_the_installed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "stamped_package"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = machine_cache.module_stamp("stamped_package")
    (package / "__init__.py").write_text("VERSION = 2\n", encoding="utf-8")
    assert before != machine_cache.module_stamp("stamped_package") != "absent"
    assert machine_cache.module_stamp("no_such_package_here") == "absent"


def test_a_user_without_a_home_folder_gets_a_temporary_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    folder = machine_cache.cache_folder()
    assert folder.name == "mtlint-cache" and folder.is_absolute()


def _growing(**limits: int) -> machine_cache.GrowingStore:
    return machine_cache.GrowingStore("growing.marshal", lambda: "1", **limits)


def test_a_growing_store_keeps_what_each_process_added(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _growing(), _growing()
    first.add("a", 1)
    first.remember()
    assert second.get("a") == 1  # read at its first use
    first.add("b", 2)
    second.add("c", 3)
    second.remember()
    first.remember()  # the store changed since it was read: read again and merged
    assert _growing().stored() == {"a": 1, "b": 2, "c": 3}
    reads = []
    with monkeypatch.context() as patched:
        patched.setattr(machine_cache, "read_stored_dict", lambda *_: reads.append(1) or {})
        first.add("d", 4)
        first.remember()  # no other process wrote: what it read is not read again
    assert reads == []
    assert _growing().stored() == {"a": 1, "b": 2, "c": 3, "d": 4}


def test_a_growing_store_is_read_once_worth_reading(own_cache: Path) -> None:
    stored = _growing()
    for number in range(10):
        stored.add(f"key{number}", number)
    stored.remember()
    size = len((own_cache / "growing@1.marshal").read_bytes())
    # Looked at after 3 misses, 7 and 15; worth reading at 8 misses or more.
    early, late = (_growing(read_after=2, bytes_per_miss=-(-size // 8)) for _ in range(2))
    for reader, misses in ((early, 7), (late, 14)):
        assert [reader.get(f"missing{number}") for number in range(misses)] == [None] * misses
    assert (early.get("key1"), late.get("key1")) == (None, 1)
