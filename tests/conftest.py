"""Shared helpers: run the real CLI in-process and lint text with the registered rules."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from mtlint.cli import main
from mtlint.config import Config
from mtlint.diagnostics import Diagnostic
from mtlint.document import Document
from mtlint.engine import Linter


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


def lint_text(
    text: str, select: Sequence[str] | None = None, path: str = "article.txt"
) -> list[Diagnostic]:
    linter = Linter(Config(root=Path.cwd(), select=tuple(select) if select else None))
    return linter.lint([Document.from_text(text, path)])[0]
