"""Checking an archive on a Dask cluster (the ``mtlint[dask]`` extra).

The run keeps its three phases: the facts and own findings of each document
are mapped over the workers, the facts are reduced here into one corpus
index, and the index, broadcast once, is mapped over the workers again for
the corpus rules. Workers run the same linter on the same configuration, so
the findings are those of a local run. Documents travel with their text, so
the workers need no view of the archive's files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mtlint.config import Config
from mtlint.errors import ConfigError

#: Tasks per worker thread: enough to balance uneven articles, few enough to keep
#: the scheduler's overhead per task small beside the work.
CHUNKS_PER_THREAD = 4
LOCAL = "local"


class DaskRunner:
    """Work spread over the cluster at ``address``, or a local cluster of ``jobs`` workers."""

    spreads_corpus_checks = True

    def __init__(self, config: Config, address: str, jobs: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("--dask needs Dask: pip install 'mtlint[dask]'") from None
        self._cluster = None
        try:
            if address == LOCAL:
                self._cluster = LocalCluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self.client = Client(self._cluster)
            else:
                self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError, ValueError) as error:
            self.close()
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        self._config = self.client.scatter(config, broadcast=True, hash=False)

    def worth(self, tasks: int) -> bool:
        return tasks > 0

    def map(
        self,
        function: Callable[..., list[Any]],
        tasks: Sequence[Any],
        *shared: Any,
        progress: Callable[[int], None] | None = None,
    ) -> list[Any]:
        from distributed import as_completed

        from mtlint.runners import chunks

        threads = max(1, sum(self.client.nthreads().values()))
        parts = chunks(tasks, threads * CHUNKS_PER_THREAD)
        broadcast = [self.client.scatter(item, broadcast=True, hash=False) for item in shared]
        columns = [[item] * len(parts) for item in broadcast]
        futures = self.client.map(
            function, [self._config] * len(parts), parts, *columns, pure=False
        )
        if progress is not None:
            sizes = {future.key: len(part) for future, part in zip(futures, parts, strict=True)}
            for future in as_completed(futures):
                progress(sizes[future.key])
        return [result for part in self.client.gather(futures) for result in part]

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
