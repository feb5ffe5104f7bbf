"""Where articles are processed: this process, a local process pool, or a Dask cluster.

An engine takes chunks of articles and returns future-like objects whose `result()` is the list of
outcomes; the runner keeps a bounded window of them and writes results in input order.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from typing import Protocol

from marsad.batch.work import (
    Outcome,
    StageNames,
    init_pool_worker,
    pipeline_for,
    process_chunk,
    resolve_stages,
)
from marsad.errors import MarsadError
from marsad.inputs import ArticleInput
from marsad.pipeline import Pipeline


class ChunkFuture(Protocol):
    def result(self) -> list[Outcome]: ...

    def cancel(self) -> bool: ...


class Engine(Protocol):
    slots: int  # how many chunks it can work on at once

    def submit(self, chunk: list[ArticleInput]) -> ChunkFuture: ...

    def restart(self) -> None: ...

    def close(self, cancel: bool = False) -> None: ...


class _Done:
    """A future already resolved: the in-process engine computes on submit."""

    def __init__(self, outcomes: list[Outcome]):
        self._outcomes = outcomes

    def result(self) -> list[Outcome]:
        return self._outcomes

    def cancel(self) -> bool:
        return False


class InlineEngine:
    """One process, no pickling: the fastest start and the simplest stack traces."""

    slots = 1

    def __init__(self, stages: StageNames):
        self.stages = stages
        pipeline_for(stages)

    def submit(self, chunk: list[ArticleInput]) -> _Done:
        return _Done(process_chunk(chunk, self.stages))

    def restart(self) -> None:
        """Nothing to restart: a failure here is raised in this process."""

    def close(self, cancel: bool = False) -> None:
        """Nothing to release."""


class ProcessEngine:
    """A pool of worker processes, each loading the pipeline once (in its initializer)."""

    def __init__(self, stages: StageNames, workers: int):
        self.stages = stages
        self.slots = workers
        self._pool = self._start()

    def _start(self) -> cf.ProcessPoolExecutor:
        # spawn, not fork: the parent may hold threads (progress bar, store connections)
        return cf.ProcessPoolExecutor(
            max_workers=self.slots, mp_context=multiprocessing.get_context("spawn"),
            initializer=init_pool_worker, initargs=(self.stages,),
        )

    def submit(self, chunk: list[ArticleInput]) -> cf.Future:
        return self._pool.submit(process_chunk, chunk, self.stages)

    def restart(self) -> None:
        """After a worker died (the pool is then broken): a fresh pool for the rest of the run."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


def make_engine(kind: str, stages: StageNames, workers: int, scheduler: str | None = None,
                store_on_workers: str | None = None) -> Engine:
    # build the pipeline here first (cheap: stages load lazily) so a bad stage list fails in one
    # clear line, before any worker starts
    Pipeline(resolve_stages(stages))
    if kind == "dask":
        try:
            from marsad.batch.dask_engine import DaskEngine
        except ImportError:
            raise MarsadError("--engine dask needs dask.distributed: pip install 'marsad[dask]'") from None
        return DaskEngine(stages, workers, scheduler, store_on_workers)
    if kind != "local":
        raise MarsadError(f"unknown engine {kind!r}; use local or dask")
    if scheduler or store_on_workers:
        raise MarsadError("--scheduler and --store-on-workers need --engine dask")
    return ProcessEngine(stages, workers) if workers > 1 else InlineEngine(stages)
