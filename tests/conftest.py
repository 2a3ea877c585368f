"""Shared helpers: run the real CLI in-process, install a plugin without pip."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from mtlint.cli import main
from mtlint.machine_cache import GrowingStore

#: The session's machine-cache folder, and the ``XDG_CACHE_HOME`` it replaced.
_MACHINE_CACHE = pytest.StashKey[tuple[str, str | None]]()


def pytest_configure(config: pytest.Config) -> None:
    """Keep what mtlint stores once per machine in a folder of the session's, set before
    any test module is imported: the tests' installations of mtlint would otherwise push
    the user's own out of ``~/.cache/mtlint``, and a test would depend on earlier runs."""
    folder = tempfile.mkdtemp(prefix="mtlint-machine-cache-")
    config.stash[_MACHINE_CACHE] = (folder, os.environ.get("XDG_CACHE_HOME"))
    os.environ["XDG_CACHE_HOME"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder, before = config.stash[_MACHINE_CACHE]
    shutil.rmtree(folder, ignore_errors=True)
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test from its own folder, so no test writes a cache into the project."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


_STORE_SETTINGS = ("valid", "value_type", "read_after", "bytes_per_miss", "write_after")


@pytest.fixture
def new_process_store(monkeypatch: pytest.MonkeyPatch) -> Callable[..., GrowingStore]:
    """Makes a module's ``GrowingStore`` the one a new process starts with; keywords
    change its settings."""

    def renew(module: ModuleType, attribute: str = "_STORE", **changes: Any) -> GrowingStore:
        kept = getattr(module, attribute)
        settings = {name: getattr(kept, name) for name in (*_STORE_SETTINGS, "kept_at_most")}
        fresh = GrowingStore(kept.name, kept.version, **{**settings, **changes})
        monkeypatch.setattr(module, attribute, fresh)
        return fresh

    return renew


@pytest.fixture
def install_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make a plugin distribution importable, as ``pip install`` would, without installing it."""
    from mtlint import registry

    def install(module: str, source: str, rules: dict[str, str]) -> None:
        site = tmp_path / "site"
        dist_info = site / f"{module}-1.0.dist-info"
        dist_info.mkdir(parents=True)
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        (dist_info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n", encoding="utf-8"
        )
        lines = "".join(f"{code} = {target}\n" for code, target in rules.items())
        (dist_info / "entry_points.txt").write_text(f"[mtlint.rules]\n{lines}", encoding="utf-8")
        monkeypatch.syspath_prepend(str(site))
        registry.available.cache_clear()

    yield install
    registry.available.cache_clear()
