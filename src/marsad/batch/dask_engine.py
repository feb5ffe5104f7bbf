"""The Dask engine: chunks of articles as tasks on a dask.distributed cluster.

Without a scheduler address it starts a LocalCluster of worker processes on this machine. Each
worker builds the pipeline once, when it joins (`PipelinePlugin`), into the per-process cache that
the tasks read; the outcomes come back to the client, which writes them to the store.
"""

from __future__ import annotations

from typing import Any

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from marsad.batch.work import StageNames, pipeline_for, process_and_store_chunk, process_chunk
from marsad.errors import MarsadError
from marsad.inputs import ArticleInput


class PipelinePlugin(WorkerPlugin):
    """Build (and warm) the pipeline when a worker starts, so no task pays for loading it."""

    idempotent = True

    def __init__(self, stages: StageNames):
        self.stages = stages

    def setup(self, worker: Any) -> None:
        pipeline_for(self.stages)


class DaskEngine:
    """Chunks as Dask tasks. With `store_on_workers` (a database URL every worker can reach), the
    workers store the reports themselves and only outcomes come back to the client."""

    def __init__(self, stages: StageNames, workers: int, scheduler: str | None = None,
                 store_on_workers: str | None = None):
        self.stages = stages
        self.store_on_workers = store_on_workers
        self._cluster: LocalCluster | None = None
        if scheduler:
            try:
                self._client = Client(scheduler, timeout="20s")
            except OSError as error:
                raise MarsadError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        else:
            self._cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
            )
            self._client = Client(self._cluster)
        self._client.register_plugin(PipelinePlugin(stages), name="marsad-pipeline")
        self.slots = max(1, sum(self._client.nthreads().values()))

    @property
    def client(self) -> Client:
        return self._client

    def submit(self, chunk: list[ArticleInput]) -> Any:
        if self.store_on_workers:
            return self._client.submit(process_and_store_chunk, chunk, self.stages, self.store_on_workers, pure=False)
        return self._client.submit(process_chunk, chunk, self.stages, pure=False)

    def restart(self) -> None:
        """Nothing to do: Dask reschedules the tasks of a lost worker itself."""

    def close(self, cancel: bool = False) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
