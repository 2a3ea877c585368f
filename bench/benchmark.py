"""How fast mtlint is beside its peers, on corpora it builds itself.

    python bench/benchmark.py [--sizes 1,1000,10000] [--repeat 3] [--names N] [--work DIR]

The corpora are the seed articles and, when ``../shared/eval`` is present, its
texts, copied into 1, 1,000 and 10,000 files with distinct names. Each command
runs ``--repeat`` times; the table gives the median wall time, the peak memory
(from ``/usr/bin/time``) and ratios to a plain-Python floor (read every file,
one ``regex`` pass), to codespell and to proselint. Every command runs in one
environment under the work folder, into which the peers and this checkout of
mtlint are installed as pre-commit installs a hook (not editable), so that all
of them pay the same interpreter start. For each size above one, the hook is
also timed on one article just edited in a repository of that size whose
config sets the rest as the corpus. Last, ``--names`` distinct synthetic names
are grouped into spelling variants, as ``mtlint names`` does for an archive.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import venv
from collections.abc import Callable, Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
EVAL = PROJECT.parent / "shared" / "eval"
PEERS = ("codespell", "proselint")
FLOOR = (
    "import pathlib, regex, sys\n"
    "pattern = regex.compile(r'\\b(\\w+) \\1\\b')\n"
    "for path in pathlib.Path(sys.argv[1]).rglob('*.txt'):\n"
    "    pattern.findall(path.read_text(encoding='utf-8'))\n"
)


def sources() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "seeds").glob("*.txt"))]
    if EVAL.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(EVAL.rglob("*.txt"))]
    return texts


def build_corpus(folder: Path, size: int, texts: Sequence[str]) -> Path:
    target = folder / f"corpus-{size}"
    if target.is_dir() and len(list(target.glob("*.txt"))) == size:
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for number, text in zip(range(size), itertools.cycle(texts), strict=False):
        (target / f"article-{number:05d}.txt").write_text(text, encoding="utf-8")
    return target


def environment(folder: Path) -> Path:
    """The ``bin`` folder of a virtual environment with codespell, proselint and this
    checkout of mtlint, installed afresh on every run."""
    env = folder / "bench-venv"
    pip = [str(env / "bin" / "python"), "-m", "pip", "install", "-q"]
    if not (env / "bin" / "python").exists():
        venv.create(env, with_pip=True)
        subprocess.run([*pip, *PEERS], check=True)
    subprocess.run([*pip, str(PROJECT)], check=True)
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(PROJECT)], check=True)
    return env / "bin"


def measure(
    command: Sequence[str], repeat: int, cwd: Path, before: Callable[[], None] = lambda: None
) -> tuple[float, int]:
    """Median wall time in seconds and peak resident memory in MB; ``before`` runs,
    untimed, ahead of each run.

    One run first is not timed: it writes the bytecode an installed package has
    (a ``PYTHONDONTWRITEBYTECODE`` of the caller's is dropped) and, for a run
    with the cache, fills it.
    """
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, cwd=cwd, env=environment, capture_output=True, check=False)
    times, peaks = [], []
    for _ in range(repeat):
        before()
        with tempfile.NamedTemporaryFile("r") as report:
            started = _now()
            subprocess.run(
                ["/usr/bin/time", "-f", "%M", "-o", report.name, *command],
                cwd=cwd,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            times.append(_now() - started)
            peaks.append(int(report.read().strip().splitlines()[-1] or 0) // 1024)
    return statistics.median(times), max(peaks)


def _now() -> float:
    import time

    return time.perf_counter()


def hook_command(tools: Path) -> list[str]:
    """``mtlint check`` as the pre-commit hook runs it, without failing the benchmark."""
    return [str(tools / "mtlint"), "check", "--force-exclude", "--exit-zero", "--quiet"]


def commands(corpus: Path, tools: Path) -> dict[str, list[str]]:
    mtlint = hook_command(tools)
    target = str(corpus if len(list(corpus.glob("*.txt"))) > 1 else next(corpus.glob("*.txt")))
    return {
        "floor (read + regex)": [str(tools / "python"), "-c", FLOOR, str(corpus)],
        "codespell": [str(tools / "codespell"), target],
        "proselint": [str(tools / "proselint"), "check", target],
        "mtlint (cold)": [*mtlint, "--no-cache", target],
        "mtlint (warm cache)": [*mtlint, target],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "mtlint-bench",
        help="scratch folder, outside any repository whose .gitignore would hide the corpora",
    )
    parser.add_argument(
        "--names",
        type=int,
        default=100_000,
        help="distinct synthetic names to cluster (0: skip)",
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    tools = environment(args.work)
    texts = sources()
    rows = []
    startup = {
        "python -c 'import click'": [str(tools / "python"), "-c", "import click"],
        "mtlint --version": [str(tools / "mtlint"), "--version"],
    }
    for name, command in startup.items():
        seconds, peak = measure(command, max(args.repeat, 5), args.work)
        rows.append(("startup", name, seconds, peak))
    for size in (int(s) for s in args.sizes.split(",")):
        corpus = build_corpus(args.work, size, texts)
        shutil.rmtree(corpus / ".mtlint_cache", ignore_errors=True)
        for name, command in commands(corpus, tools).items():
            seconds, peak = measure(command, args.repeat, corpus)
            rows.append((f"{size} files", name, seconds, peak))
        if size > 1:
            seconds, peak = commit_in_repository(corpus, tools, args.repeat)
            rows.append((f"1 of {size}", "mtlint (hook, corpus set)", seconds, peak))
    if args.names:
        seconds, groups = clustering(args.names)
        rows.append((f"{args.names} names", f"name clustering ({groups} groups)", seconds, 0))
    print(table(rows))
    return 0


def commit_in_repository(corpus: Path, tools: Path, repeat: int) -> tuple[float, int]:
    """A pre-commit run on one article just edited, in a repository whose config sets the
    other articles of ``corpus`` as the corpus that E002 compares it with, their facts
    already in the cache: what an editor waits for at each commit."""
    repository = corpus.parent / f"repository-{corpus.name}"
    shutil.rmtree(repository, ignore_errors=True)
    shutil.copytree(corpus, repository / "articles", ignore=shutil.ignore_patterns(".*"))
    (repository / "mtlint.toml").write_text('corpus = ["articles/*.txt"]\n', encoding="utf-8")
    edited = repository / "articles" / "article-00000.txt"
    original = edited.read_text(encoding="utf-8")
    edits = itertools.count()

    def edit() -> None:
        edited.write_text(f"{original}\nEdit number {next(edits)}.\n", encoding="utf-8")

    command = [*hook_command(tools), str(edited.relative_to(repository))]
    return measure(command, repeat, repository, before=edit)


def synthetic_names(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct name-like words built from syllables, with the variants a
    transliteration would give some of them (k/c, v/w, doubled letters, -ey/-ei)."""
    import random

    generator = random.Random(seed)
    onsets = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "kh"]
    vowels = ["a", "e", "i", "o", "u", "y"]
    names: set[str] = set()
    while len(names) < count:
        syllables = generator.randint(2, 4)
        word = "".join(
            generator.choice(onsets) + generator.choice(vowels) for _ in range(syllables)
        )
        name = word.capitalize() + generator.choice(["", "ov", "in", "ski", "ev", "enko"])
        names.add(name)
        if generator.random() < 0.1 and len(names) < count:
            names.add(name.replace("k", "c").replace("v", "w").replace("ey", "ei"))
    return sorted(names)[:count]


def clustering(count: int) -> tuple[float, int]:
    """Seconds to group ``count`` distinct names into spelling variants, and the groups."""
    from mtlint.rules.name_variants import People, variant_groups

    roles = {name: frozenset({"surname"}) for name in synthetic_names(count)}
    started = _now()
    groups = variant_groups(roles, People([]))
    return _now() - started, len(groups)


def table(rows: list[tuple[str, str, float, int]]) -> str:
    by_case: dict[str, dict[str, float]] = {}
    for case, name, seconds, _ in rows:
        by_case.setdefault(case, {})[name] = seconds
    lines = [f"{'case':<12} {'command':<26} {'median s':>9} {'peak MB':>8}  ratios"]
    for case, name, seconds, peak in rows:
        reference = dict(by_case[case])
        if case == "1 files":
            reference.update(by_case.get("startup", {}))
        if case.startswith("1 of "):
            reference.update(by_case.get("1 files", {}))
        ratios = []
        for other in ("floor (read + regex)", "codespell", "proselint", "python -c 'import click'"):
            if other in reference and other != name and reference[other] > 0:
                ratios.append(f"{seconds / reference[other]:.1f}x {other.split(' ')[0]}")
        lines.append(f"{case:<12} {name:<26} {seconds:>9.3f} {peak:>8}  {', '.join(ratios)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
