"""The evaluation command, on a small folder in the layout of the evaluation data."""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

import pytest

EVALUATE = Path(__file__).resolve().parent.parent / "bench" / "evaluate.py"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def eval_folder(tmp_path: Path) -> Path:
    root = tmp_path / "eval"
    _write(
        root / "clean" / "wmt21_ruen_refA" / "doc1.txt", "The talks ended on Friday in Geneva.\n"
    )
    _write(root / "clean" / "other" / "doc2.txt", "The the minister left.\n")
    _write(root / "mt" / "wmt21_ruen" / "doc1__SysA.txt", "AT the talks, the the minister left.\n")
    text = "He studied in Bern, Bern, Bern, Bern, Bern.\n"
    _write(root / "recall" / "news" / "doc1__SysA.txt", text)
    start = text.index("Bern,")
    spans = [
        {
            "start": start,
            "end": len(text) - 2,
            "rule_class": "non_translation",
            "n_raters_agree": 2,
        },
        {"start": 0, "end": 2, "rule_class": "spelling_or_casing", "n_raters_agree": 3},
    ]
    _write(root / "recall" / "news" / "doc1__SysA.json", json.dumps({"spans": spans}))
    return root


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    argv = sys.argv
    sys.argv = ["evaluate.py", *args]
    try:
        with pytest.raises(SystemExit) as exit_info:
            runpy.run_path(str(EVALUATE), run_name="__main__")
    finally:
        sys.argv = argv
    return int(exit_info.value.code or 0), capsys.readouterr().out


def test_figures(eval_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run([str(eval_folder), "--json"], capsys)
    assert code == 0
    figures = json.loads(out)
    assert figures["clean"]["findings"] == 1
    assert figures["clean"]["words"] == 11
    assert figures["clean"]["per_code"] == {"R003": 90.909}
    assert figures["recall"]["classes"]["non_translation"] == {"found": 1, "spans": 1}
    assert figures["recall"]["classes"]["spelling_or_casing"] == {"found": 0, "spans": 1}
    assert figures["recall"]["goal_classes_recall"] == 0.5
    assert figures["mt"]["references_per_1000"] == 0.0
    assert figures["mt"]["systems"]["SysA"] > 0


def test_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run([str(tmp_path / "nope")], capsys)
    assert code == 2
