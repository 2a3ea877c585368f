"""The built wheel installs ``mtlint`` and nothing else: no generic ``lint`` or ``rules``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from mtlint import __version__

PROJECT = Path(__file__).resolve().parent.parent


def test_wheel_holds_only_mtlint(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(
        PROJECT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".*cache"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("mtlint-*.whl")
    assert wheel.name.startswith(f"mtlint-{__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names}
    assert top_level == {"mtlint", f"mtlint-{__version__}.dist-info"}
    assert "mtlint/cli.py" in names
    assert "mtlint/rules/honorific_case.py" in names
    assert "mtlint/rules/data/honorifics.toml" in names
    assert "mtlint/rules/data/words.toml" in names
    assert {
        f"mtlint/rules/data/translationese/{code}.toml" for code in ("ru", "fr", "de", "es", "zh")
    } <= set(names)
    assert not [n for n in names if n.startswith("mtlint/tests") or "/seeds/" in n]
    entry_points = (
        zipfile.ZipFile(wheel).read(f"mtlint-{__version__}.dist-info/entry_points.txt").decode()
    )
    assert "[mtlint.rules]\n" in entry_points
    assert "\nH001 = mtlint.rules.honorific_case:HonorificCase\n" in entry_points
    assert "[mtlint.commands]\nnames = mtlint.rules.names_command:names\n" in entry_points
    assert "mtlint = mtlint.console:main" in entry_points
