from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mtlint import __version__

PROJECT = Path(__file__).resolve().parent.parent
SEED = "000_eea42f5229fe784d.txt"


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", folder)
    for article in folder.iterdir():
        article.chmod(0o644)
    monkeypatch.chdir(tmp_path)
    return folder


def test_version(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--version")
    assert (result.code, result.out) == (0, f"mtlint, version {__version__}\n")


def test_no_arguments_prints_help(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli()
    assert result.code == 0
    assert "check" in result.out and "Usage: mtlint" in result.out


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mtlint", "--version"], capture_output=True, text=True, cwd=tmp_path
    )
    assert (done.returncode, done.stdout) == (0, f"mtlint, version {__version__}\n")


def test_the_command_collects_garbage_seldom_and_not_at_exit() -> None:
    script = (
        "import gc, sys\n"
        "class Watch:\n"
        "    @staticmethod\n"
        "    def find_spec(name, *_):\n"
        "        if name == 'click':\n"
        "            print('click imported at', gc.get_threshold()[0])\n"
        "sys.meta_path.insert(0, Watch)\n"
        "from mtlint.console import main\n"
        "sys.argv = ['mtlint', '--version']\n"
        "code = main()\n"
        "print('left out of the exit collection:', gc.get_freeze_count() > 1000)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (
        0,
        f"click imported at 200000\nmtlint, version {__version__}\n"
        "left out of the exit collection: True\n",
    )


def test_full_output_on_seeds(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", "--select", "H001", "seeds")
    assert result.code == 1
    assert result.out.count("H001 [*]") == 4
    assert (
        f'seeds/{SEED}:5:1: H001 [*] Title "mr." should be written "Mr."\n'
        "  |\n"
        "5 | mr. Blinken told reporters at a press conference that he had spoken to his "
        "Russian count…\n"
        "  | ^^^ H001\n"
        "  |\n"
        '  = help: Write "Mr."\n'
    ) in result.out
    assert result.out.endswith("Found 4 findings.\n[*] 4 fixable with the `--fix` option.\n")


def test_concise_output(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", "--select", "H001", "--output-format", "concise", "--quiet", "seeds")
    assert result.out.splitlines() == [
        f'seeds/{SEED}:{row}:1: H001 [*] Title "mr." should be written "Mr."'
        for row in (5, 13, 19, 25)
    ]


def test_json_has_ruffs_shape(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", "--select", "H001", "--output-format", "json", "seeds")
    assert result.code == 1
    findings = result.json()
    assert len(findings) == 4
    first = findings[0]
    assert set(first) == {
        "code",
        "name",
        "severity",
        "message",
        "filename",
        "location",
        "end_location",
        "fix",
        "related",
    }
    assert first["code"] == "H001"
    assert first["name"] == "honorific-case"
    assert first["severity"] == "warning"
    assert first["filename"] == str(seeds / SEED)
    assert first["location"] == {"row": 5, "column": 1}
    assert first["end_location"] == {"row": 5, "column": 4}
    assert first["fix"] == {
        "applicability": "safe",
        "message": 'Write "Mr."',
        "edits": [
            {
                "content": "Mr.",
                "location": {"row": 5, "column": 1},
                "end_location": {"row": 5, "column": 4},
            }
        ],
    }
    for finding in findings:
        for key in ("location", "end_location"):
            assert set(finding[key]) == {"row", "column"}
            assert all(isinstance(v, int) and v >= 1 for v in finding[key].values())


def test_json_when_clean_is_an_empty_list(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text("Mr. Blinken spoke.\n")
    result = run_cli("check", "--output-format", "json", str(article))
    assert (result.code, result.out) == (0, "[]\n")


def test_fix_then_nothing_left(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    before = (seeds / SEED).read_text(encoding="utf-8")
    fixed = run_cli("check", "--select", "H001", "--fix", "seeds")
    assert fixed.code == 0
    assert "Found 4 findings (4 fixed, 0 remaining)." in fixed.out
    after = (seeds / SEED).read_text(encoding="utf-8")
    assert after == before.replace("mr. ", "Mr. ")
    again = run_cli("check", "--select", "H001", "--fix", "seeds")
    assert again.code == 0
    assert (seeds / SEED).read_text(encoding="utf-8") == after


def test_diff_writes_nothing(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    before = (seeds / SEED).read_bytes()
    result = run_cli("check", "--select", "H001", "--diff", "seeds")
    assert result.code == 1
    assert (seeds / SEED).read_bytes() == before
    assert f"--- a/seeds/{SEED}\n+++ b/seeds/{SEED}\n" in result.out
    assert result.out.count("\n-mr. ") == 4
    assert result.out.count("\n+Mr. ") == 4


def test_exit_zero(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("check", "--exit-zero", "seeds").code == 0
    assert run_cli("check", "seeds").code == 1


def test_statistics(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", "--select", "H", "--statistics", "seeds")
    assert result.out == (
        "4\tH001\t[*] honorific-case\n"
        "1\tH002\t[*] honorific-style\n"
        "1\tH003\t[-] honorific-conflict\n"
        "1\tH004\t[-] broken-honorific\n"
    )
    assert result.code == 1


def test_select_and_ignore(seeds: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("check", "--select", "H001", "--ignore", "H001", "seeds").code == 0
    assert run_cli("check", "--select", "H001", "seeds").code == 1
    assert run_cli("check", "--select", "H001,E", "--ignore", "E", "seeds").code == 1
    assert run_cli("check", "--select", "E", "--ignore", "E", "seeds").code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "missing.txt"), "mtlint: error: missing.txt: no such file or directory\n"),
        (
            ("check", "--select", "Z999", "."),
            "mtlint: error: select: unknown rule code or prefix 'Z999'\n",
        ),
        (
            ("check", "--output-format", "xml", "."),
            "mtlint: error: Invalid value for '--output-format'",
        ),
        (("check", "--frobnicate"), "mtlint: error: No such option"),
        (("rule", "Q123"), "mtlint: error: unknown rule code 'Q123'\n"),
        (("lint",), "mtlint: error: No such command 'lint'"),
    ],
)
def test_errors_are_one_line_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli, args, message
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = run_cli(*args)
    assert result.code == 2
    assert result.err.startswith(message)
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Text\x00with NUL", "binary file (contains NUL bytes), not a text article"),
        (bytes(range(256)) * 8, "binary file (contains NUL bytes), not a text article"),
        (b"\xef\xbb\xbfcaf\xe9 au lait", "cannot decode as utf-8 (byte 6)"),
    ],
)
def test_unreadable_files_are_reported_and_others_still_checked(
    tmp_path: Path, run_cli, content: bytes, message: str
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("mr. Blinken spoke.\n")
    result = run_cli("check", "--output-format", "concise", str(tmp_path))
    assert result.code == 2
    assert result.err == f"mtlint: error: {tmp_path / 'bad.txt'}: {message}\n"
    assert "good.txt:1:1: H001" in result.out


def test_empty_file_is_clean(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.md").write_bytes(b"")
    assert run_cli("check", str(tmp_path / "empty.md")).code == 0


def test_rules_lists_every_rule(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("rules")
    assert result.code == 0
    assert "H001  honorific-case" in result.out
    assert "safe" in result.out


def test_rule_explains_with_examples(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("rule", "h001")
    assert result.code == 0
    assert result.out.startswith("# H001 honorific-case\n")
    assert "## Example" in result.out and "## Use instead" in result.out
    assert "mr. Blinken told reporters" in result.out
    assert "- extra-titles (default [])" in result.out
