"""One ``mtlint check`` run, from paths to exit code.

Read → document → (collect, index, check) → filter → report or fix. Input
errors on some files do not stop the others: they are reported and the run
exits 2 at the end.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from mtlint.cache import CACHE_DIRECTORY, Cache
from mtlint.config import Config
from mtlint.diagnostics import Applicability, Diagnostic
from mtlint.document import Document
from mtlint.engine import Linter
from mtlint.errors import InputError
from mtlint.files import CorpusFile, corpus_files, expand_paths
from mtlint.garbage import collect_garbage_seldom
from mtlint.lazy_pattern import remember_compiled
from mtlint.machine_cache import file_stamp
from mtlint.runners import ProcessRunner, Runner
from mtlint.source import read_source

if TYPE_CHECKING:
    from mtlint.fixer import FixOutcome

#: Runs of fewer articles than this finish before a progress bar would be read.
PROGRESS_THRESHOLD = 100


class CheckRequest(NamedTuple):
    paths: Sequence[Path]
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    output_format: str = "full"
    statistics: bool = False
    exit_zero: bool = False
    use_cache: bool = True
    jobs: int = 1
    quiet: bool = False
    #: A Dask scheduler's address, or "local" for a local cluster; None checks without Dask.
    dask: str | None = None
    #: Record the findings in this baseline file instead of reporting them.
    write_baseline: Path | None = None
    #: Exit 1 when fixes rewrote a file, even if nothing remains (for fixing hooks).
    exit_non_zero_on_fix: bool = False

    @property
    def applicabilities(self) -> frozenset[Applicability]:
        if self.unsafe_fixes:
            return frozenset(Applicability)
        return frozenset({Applicability.SAFE})


def _read(paths: Sequence[Path], errors: list[str]) -> list[Document]:
    documents = []
    for path in paths:
        try:
            source = read_source(path)
        except InputError as error:
            errors.append(str(error))
            continue
        if source.guessed:
            click.echo(
                f"mtlint: warning: {path}: not UTF-8; read as {source.encoding}, "
                "and fixes are written back in it",
                err=True,
            )
        documents.append(Document(source))
    return documents


def _corpus(corpus: Sequence[CorpusFile], checked: set[str], cache: Cache | None) -> list[Document]:
    """The corpus articles not among the ``checked``, in order; one whose file the cache
    has read as it now is stays unread until its text is needed (the cache knows its
    facts). An article that cannot be read is left out, as it is not one the run was
    asked to check."""
    files = cache.files if cache is not None and corpus else {}
    documents = []
    for file in corpus:
        key = file.key
        if key in checked:
            continue
        known = files.get(key)
        if known is not None and known.stamp == file_stamp(key):
            documents.append(Document.unread(file.folder, file.name, key))
        else:
            documents.extend(_read([file.path], errors=[]))
    return documents


def run_check(config: Config, request: CheckRequest) -> int:
    collect_garbage_seldom()
    linter = Linter(config)
    runner = _runner(config, request)
    try:
        return _run_check(config, request, linter, runner)
    finally:
        runner.close()
        remember_compiled()


def _runner(config: Config, request: CheckRequest) -> Runner:
    if request.dask is not None:
        from mtlint.distributed import DaskRunner

        return DaskRunner(config, request.dask, request.jobs)
    return ProcessRunner(config, request.jobs)


def _run_check(config: Config, request: CheckRequest, linter: Linter, runner: Runner) -> int:
    cache = None
    if request.use_cache:
        cache = Cache(config.root / CACHE_DIRECTORY, linter.fingerprint())
    errors: list[str] = []
    documents = _read(expand_paths(request.paths, config), errors)
    checked = {doc.key for doc in documents}
    corpus = _corpus(corpus_files(config), checked, cache)
    everything = {doc.key: doc for doc in [*corpus, *documents]}

    work = len(everything) + len(documents)
    if request.fix or request.diff:
        from mtlint.fixer import fix_documents

        with _progress_bar(request, work) as progress:
            outcome = fix_documents(
                linter, documents, corpus, request.applicabilities, cache, runner, progress
            )
        if request.diff:
            changed = outcome.changed(documents)
            _print_diff(documents, outcome.documents, changed)
            return _exit(errors, bool(changed) and not request.exit_zero)
        fixing = _write_fixes(outcome, documents, linter, corpus, cache, runner, request, errors)
        documents, results, fixed, rewritten = fixing
        everything.update((doc.key, doc) for doc in documents)
    else:
        with _progress_bar(request, work) as progress:
            results = linter.lint(documents, corpus, cache, runner, progress)
        fixed, rewritten = None, []

    findings = _findings(documents, results)
    for problem in linter.problems:
        click.echo(f"mtlint: warning: {problem}", err=True)
    if request.write_baseline is not None:
        _write_baseline(request.write_baseline, findings, documents, config)
        return _exit(errors, False)
    _report(findings, everything, request, fixed, failed_files=len(errors))
    if request.statistics and linter.baseline is not None:
        _print_stale(linter, documents, config, request)
    failed = (bool(findings) and not request.exit_zero) or (
        request.exit_non_zero_on_fix and bool(rewritten)
    )
    return _exit(errors, failed)


def _write_fixes(
    outcome: FixOutcome,
    documents: list[Document],
    linter: Linter,
    corpus: list[Document],
    cache: Cache | None,
    runner: Runner,
    request: CheckRequest,
    errors: list[str],
) -> tuple[list[Document], list[list[Diagnostic]], int, list[int]]:
    """Write the fixed files: the documents as they now are, their findings, how many
    fixes were applied, and the positions of the files rewritten."""
    from mtlint.writer import write_atomically

    unwritten = []
    changed = outcome.changed(documents)
    for position in changed:
        new = outcome.documents[position].source
        try:
            write_atomically(new.path, new.encode(new.raw))
        except InputError as error:
            errors.append(str(error))
            unwritten.append(position)
    for position in unwritten:
        outcome.documents[position] = documents[position]
        outcome.applied[position] = 0
    results = (
        linter.lint(outcome.documents, corpus, cache, runner) if unwritten else outcome.remaining
    )
    rewritten = [position for position in changed if position not in unwritten]
    _print_fixed_files(outcome.documents, outcome.applied, rewritten, request)
    return outcome.documents, results, sum(outcome.applied), rewritten


def _write_baseline(
    path: Path, findings: list, documents: Sequence[Document], config: Config
) -> None:
    from mtlint.baseline import file_name, write_baseline

    checked_files = [file_name(doc.path, config.root) for doc in documents]
    pairs = [(f.document, f.diagnostic) for f in findings]
    count = write_baseline(path, pairs, config.root, checked_files)
    click.echo(f"Wrote a baseline of {_findings_count(count)} to {path}.")


def _print_fixed_files(
    documents: Sequence[Document],
    applied: Sequence[int],
    rewritten: Sequence[int],
    request: CheckRequest,
) -> None:
    """Name each file the fixes rewrote, as fixing hooks do; on stderr beside machine output."""
    from mtlint.report import MACHINE_FORMATS, display_path

    for position in rewritten:
        count = applied[position]
        click.echo(
            f"Fixed {_findings_count(count)} in {display_path(documents[position].path)}",
            err=request.output_format in MACHINE_FORMATS,
        )


@contextmanager
def _progress_bar(request: CheckRequest, work: int) -> Iterator[Callable[[int], None] | None]:
    """A bar on stderr for a run of many articles, when stderr is a terminal."""
    if work < 2 * PROGRESS_THRESHOLD or request.quiet or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=work, label="Checking", file=sys.stderr) as bar:
        yield bar.update


def _findings(documents: Sequence[Document], results: Sequence[list[Diagnostic]]) -> list:
    from mtlint.report import Finding

    return [Finding(doc, d) for doc, found in zip(documents, results, strict=True) for d in found]


def _report(
    findings: list,
    documents: dict[str, Document],
    request: CheckRequest,
    fixed: int | None,
    failed_files: int,
) -> None:
    if request.statistics:
        _print_statistics(findings, request)
        return
    from mtlint.report import MACHINE_FORMATS, renderer

    output = renderer(request.output_format)(findings, documents)
    if output:
        click.echo(output, nl=False)
    if (
        request.quiet
        or request.output_format in MACHINE_FORMATS
        or (failed_files and not findings and not fixed)
    ):
        return
    if output:
        click.echo()
    click.echo(_summary(findings, fixed, request))


def _findings_count(count: int) -> str:
    """ "1 finding", "2 findings"."""
    return f"{count} finding{'' if count == 1 else 's'}"


def _summary(findings: list, fixed: int | None, request: CheckRequest) -> str:
    remaining = len(findings)
    if fixed is not None:
        if not remaining and not fixed:
            return "All checks passed!"
        return f"Found {_findings_count(remaining + fixed)} ({fixed} fixed, {remaining} remaining)."
    if not remaining:
        return "All checks passed!"
    safe = sum(1 for f in findings if f.diagnostic.fix and f.diagnostic.fix.applicability == "safe")
    unsafe = sum(
        1 for f in findings if f.diagnostic.fix and f.diagnostic.fix.applicability == "unsafe"
    )
    lines = [f"Found {_findings_count(remaining)}."]
    if safe:
        lines.append(f"[*] {safe} fixable with the `--fix` option.")
    if unsafe:
        lines.append(f"[-] {unsafe} fixable with `--fix --unsafe-fixes`.")
    return "\n".join(lines)


def _print_statistics(findings: list, request: CheckRequest) -> None:
    counts = Counter(f.diagnostic.code for f in findings)
    names = {f.diagnostic.code: f.diagnostic.name for f in findings}
    fixable = {
        f.diagnostic.code: f.diagnostic.fix.applicability for f in findings if f.diagnostic.fix
    }
    if request.output_format == "json":
        import json

        rows = [
            {"code": code, "name": names[code], "count": count, "fix": fixable.get(code)}
            for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    width = len(str(max(counts.values(), default=0)))
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        marker = {Applicability.SAFE: "[*]", Applicability.UNSAFE: "[-]"}.get(
            fixable.get(code), "   "
        )
        click.echo(f"{count:>{width}}\t{code}\t{marker} {names[code]}")


def _print_stale(
    linter: Linter, documents: Sequence[Document], config: Config, request: CheckRequest
) -> None:
    from mtlint.baseline import file_name
    from mtlint.report import MACHINE_FORMATS

    assert linter.baseline is not None
    checked = [file_name(doc.path, config.root) for doc in documents]
    stale = linter.baseline.stale(checked, linter.baseline_used)
    if stale:
        entries = "entries no longer occur" if stale != 1 else "entry no longer occurs"
        click.echo(
            f"{stale} baseline {entries}: refresh the baseline with --write-baseline",
            err=request.output_format in MACHINE_FORMATS,
        )


def _print_diff(before: Sequence[Document], after: Sequence[Document], changed: list[int]) -> None:
    import difflib

    from mtlint.report import display_path

    for position in changed:
        old, new = before[position], after[position]
        name = display_path(old.path)
        click.echo(
            "".join(
                difflib.unified_diff(
                    old.text.splitlines(keepends=True),
                    new.text.splitlines(keepends=True),
                    fromfile=f"a/{name}",
                    tofile=f"b/{name}",
                )
            ),
            nl=False,
        )


def _exit(errors: list[str], failed: bool) -> int:
    for error in errors:
        click.echo(f"mtlint: error: {error}", err=True)
    if errors:
        return 2
    return 1 if failed else 0
