"""Where document-level work runs: in this process, or spread by a runner.

A runner maps a worker function over chunks of tasks and returns the results
in order. The process pool spreads the first phase (facts and findings of one
document); the Dask runner (``mtlint.distributed``) spreads the corpus checks too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from mtlint.config import Config
from mtlint.garbage import collect_garbage_seldom

if TYPE_CHECKING:
    from concurrent.futures import Executor

#: Below this many documents to compute, starting a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64


class Runner(Protocol):
    #: Whether the runner also checks corpus rules against the index, not only the first phase.
    spreads_corpus_checks: bool

    def worth(self, tasks: int) -> bool:
        """Whether spreading this many tasks pays for itself."""

    def map(
        self,
        function: Callable[..., list[Any]],
        tasks: Sequence[Any],
        *shared: Any,
        progress: Callable[[int], None] | None = None,
    ) -> list[Any]:
        """``function(config, chunk, *shared)`` over chunks of ``tasks``, results flattened;
        ``progress`` is told how many tasks each finished chunk held."""

    def close(self) -> None:
        """Release the pool or the connection."""


def chunks(tasks: Sequence[Any], count: int) -> list[Sequence[Any]]:
    size = max(1, -(-len(tasks) // count))
    return [tasks[start : start + size] for start in range(0, len(tasks), size)]


#: The last chunks of a process pool's work hold this many tasks.
SMALLEST_CHUNK = 4


def shrinking_chunks(tasks: Sequence[Any], workers: int) -> list[Sequence[Any]]:
    """Chunks in order, each at most an eighth of a worker's share, which shrink as the
    tasks run out: workers take them in turn, and finish within a few tasks of each
    other instead of one idling while the other ends a whole chunk (a tenth of a check
    of a thousand articles)."""
    largest = max(1, -(-len(tasks) // (workers * 8)))
    parts = []
    start = 0
    while start < len(tasks):
        left = len(tasks) - start
        size = min(largest, max(SMALLEST_CHUNK, -(-left // (workers * 2))))
        parts.append(tasks[start : start + size])
        start += size
    return parts


class ProcessRunner:
    """A local process pool of ``jobs`` workers, started on first use."""

    spreads_corpus_checks = False

    def __init__(self, config: Config, jobs: int) -> None:
        self.config = config
        self.jobs = jobs
        self._pool: Executor | None = None

    def worth(self, tasks: int) -> bool:
        return self.jobs > 1 and tasks >= PARALLEL_THRESHOLD

    def map(
        self,
        function: Callable[..., list[Any]],
        tasks: Sequence[Any],
        *shared: Any,
        progress: Callable[[int], None] | None = None,
    ) -> list[Any]:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=context, initializer=collect_garbage_seldom
            )
        work = partial(function, self.config)
        results = []
        parts = shrinking_chunks(tasks, self.jobs)
        for part in self._pool.map(partial(_call, work, shared), parts):
            results.extend(part)
            if progress is not None:
                progress(len(part))
        return results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _call(work: Callable[..., list[Any]], shared: tuple[Any, ...], chunk: Sequence[Any]) -> Any:
    return work(chunk, *shared)
