"""The real pre-commit client runs the project's hooks on a repository of articles.

pre-commit builds the hook's environment from the package registry, so these
tests are marked ``network`` (deselect offline with ``-m 'not network'``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.network,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
    pytest.mark.skipif(not (PROJECT / ".git").exists(), reason="needs the project's git checkout"),
]


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    repo = tmp_path / "articles"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    (repo / "talks.md").write_text("# Talks\n\nmr. Blinken met Mr. Lavrov.\n", encoding="utf-8")
    (repo / "notes.py").write_text("# mr. Code is not an article\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    return repo


def try_repo(hook: str, repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(PROJECT), hook, "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_check_hook_reports_and_fails(articles: Path, pre_commit_home: Path) -> None:
    done = try_repo("mtlint", articles, pre_commit_home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert 'talks.md:3:1: H001 [*] Title "mr." should be written "Mr."' in done.stdout
    assert "notes.py" not in done.stdout
    assert (
        (articles / "talks.md")
        .read_text(encoding="utf-8")
        .endswith("mr. Blinken met Mr. Lavrov.\n")
    )


def test_fix_hook_fixes_then_passes(articles: Path, pre_commit_home: Path) -> None:
    first = try_repo("mtlint-fix", articles, pre_commit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert "Fixed 1 finding in talks.md" in first.stdout
    assert (articles / "talks.md").read_text(encoding="utf-8") == (
        "# Talks\n\nMr. Blinken met Mr. Lavrov.\n"
    )
    second = try_repo("mtlint-fix", articles, pre_commit_home)
    assert second.returncode == 0, second.stdout + second.stderr
