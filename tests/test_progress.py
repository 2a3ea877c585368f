"""A progress bar on stderr for long runs, drawn only when stderr is a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtlint.run import PROGRESS_THRESHOLD

pty = pytest.importorskip("pty")


def _archive(folder: Path, count: int) -> None:
    for number in range(count):
        (folder / f"a{number:03d}.txt").write_text(f"Article {number} ends here.\n", "utf-8")


def _run_with_terminal_stderr(folder: Path) -> tuple[int, str, str]:
    controller, terminal = pty.openpty()
    process = subprocess.run(
        [sys.executable, "-m", "mtlint", "check", "--no-cache", "--jobs", "1", str(folder)],
        stdout=subprocess.PIPE,
        stderr=terminal,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    return process.returncode, process.stdout, drawn.decode("utf-8", "replace")


def test_bar_on_a_terminal_for_many_articles(tmp_path: Path) -> None:
    _archive(tmp_path, PROGRESS_THRESHOLD)
    code, out, drawn = _run_with_terminal_stderr(tmp_path)
    assert code == 0
    assert out == "All checks passed!\n"
    assert "Checking" in drawn
    assert "100%" in drawn


def test_no_bar_for_a_few_articles(tmp_path: Path) -> None:
    _archive(tmp_path, 3)
    code, _, drawn = _run_with_terminal_stderr(tmp_path)
    assert code == 0
    assert drawn == ""


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    _archive(tmp_path, PROGRESS_THRESHOLD)
    process = subprocess.run(
        [sys.executable, "-m", "mtlint", "check", "--no-cache", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 0
    assert process.stderr == ""
