"""A batch run: stream articles, skip those stored already, process the rest, store each as it is done.

Memory stays bounded whatever the corpus size: inputs are read lazily, at most `window` chunks are
in flight, and results are written in input order as soon as the oldest chunk is done. The first
Ctrl-C (or SIGTERM) stops reading and lets the chunks in flight finish and be stored; a second one
aborts at once. Either way every stored article is complete (one transaction each), and the next
run over the same inputs skips them by content hash.
"""

from __future__ import annotations

import concurrent.futures.process
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any

from marsad.batch.engines import ChunkFuture, Engine
from marsad.batch.errorlog import ErrorLog
from marsad.batch.sink import ReportSink, content_hash
from marsad.batch.work import Outcome
from marsad.errors import InputError, MarsadError
from marsad.inputs import ArticleInput

Chunk = list[tuple[ArticleInput, str]]


@dataclass
class BatchStats:
    stored: int = 0
    skipped: int = 0  # stored by an earlier run, or the same text earlier in this one
    failed: int = 0
    words: int = 0  # of the articles processed in this run
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failed

    def summary(self) -> str:
        rate = (self.stored + self.failed) / self.seconds if self.seconds else 0.0
        state = "interrupted" if self.interrupted else "done"
        return (
            f"{state}: {self.stored:,} stored, {self.skipped:,} already stored, {self.failed:,} failed"
            f" in {self.seconds:.1f} s ({rate:.1f} articles/s processed)"
        )


class StopRequest:
    """First SIGINT/SIGTERM: finish what is in flight, then stop. Second: abort now."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, notify: Any = None):
        self.requested = False
        self._notify = notify
        self._previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        if self._notify:
            self._notify("stopping: finishing the articles in progress (press Ctrl-C again to abort)")

    def __enter__(self) -> StopRequest:
        if threading.current_thread() is threading.main_thread():
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous.clear()


class BatchRunner:
    def __init__(
        self,
        sink: ReportSink,
        engine: Engine,
        errors: ErrorLog | None = None,
        chunk_size: int = 16,
        window: int | None = None,
        progress: bool = False,
        total: int | None = None,
    ):
        self.sink = sink
        self.engine = engine
        self.errors = errors or ErrorLog()
        self.chunk_size = max(1, chunk_size)
        self.window = window or 2 * engine.slots + 1
        self.stats = BatchStats()
        self._inflight: set[str] = set()
        self._bar = _progress_bar(total) if progress else None
        self.stop = StopRequest(self._say)

    def _say(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(f"marsad: {message}", file=sys.stderr)
        else:
            print(f"marsad: {message}", file=sys.stderr)

    def run(self, items: Iterable[ArticleInput | InputError]) -> BatchStats:
        began = time.perf_counter()
        pending: deque[tuple[ChunkFuture, Chunk]] = deque()
        try:
            with self.stop:
                for chunk in self._new_chunks(items):
                    while len(pending) >= self.window:
                        self._finish(*pending.popleft())
                    pending.append((self.engine.submit([article for article, _ in chunk]), chunk))
                    while pending and _done(pending[0][0]):
                        self._finish(*pending.popleft())
                while pending:
                    self._finish(*pending.popleft())
        except KeyboardInterrupt:
            self.stats.interrupted = True
            for future, _ in pending:
                future.cancel()
            raise
        finally:
            self.stats.seconds = time.perf_counter() - began
            self.stats.interrupted = self.stats.interrupted or self.stop.requested
            if self._bar is not None:
                self._bar.set_postfix(stored=self.stats.stored, skipped=self.stats.skipped,
                                      failed=self.stats.failed, refresh=True)
                self._bar.close()
        return self.stats

    def _new_chunks(self, items: Iterable[ArticleInput | InputError]) -> Iterator[Chunk]:
        block: list[ArticleInput] = []
        for item in items:
            if self.stop.requested:
                return
            if isinstance(item, InputError):
                self._fail(item.where, item.problem, "input")
                continue
            block.append(item)
            if len(block) >= self.chunk_size:
                chunk = self._unstored(block)
                block = []
                if chunk:
                    yield chunk
        if block and not self.stop.requested:
            chunk = self._unstored(block)
            if chunk:
                yield chunk

    def _unstored(self, block: list[ArticleInput]) -> Chunk:
        hashes = [content_hash(article.text) for article in block]
        stored = self.sink.stored_hashes(sorted(set(hashes) - self._inflight))
        chunk: Chunk = []
        for article, digest in zip(block, hashes, strict=True):
            if digest in stored or digest in self._inflight:
                self.stats.skipped += 1
                self._tick()
                continue
            self._inflight.add(digest)
            chunk.append((article, digest))
        return chunk

    def _finish(self, future: ChunkFuture, chunk: Chunk) -> None:
        try:
            outcomes = future.result()
        except concurrent.futures.process.BrokenProcessPool as error:
            outcomes = [Outcome(None, f"worker process died ({error})")] * len(chunk)
            self.engine.restart()
        except Exception as error:  # a lost Dask worker, a result that failed to unpickle...
            outcomes = [Outcome(None, f"{type(error).__name__}: {error}")] * len(chunk)
        for (article, digest), outcome in zip(chunk, outcomes, strict=True):
            self._inflight.discard(digest)
            self.stats.words += len(article.text.split())
            if outcome.error is not None or (outcome.report is None and outcome.stored is None):
                error = outcome.error or "no report"
                kind = "store" if error.startswith("store: ") else "pipeline"
                self._fail(article.where, error.removeprefix("store: "), kind)
                continue
            if outcome.stored is not None:  # the worker stored it
                created = outcome.stored
            else:
                try:
                    created = self.sink.store_report(article.text, outcome.report)
                except MarsadError as error:
                    self._fail(article.where, str(error), "store")
                    continue
            if created:
                self.stats.stored += 1
            else:
                self.stats.skipped += 1
            self._tick()

    def _fail(self, where: str, error: str, kind: str) -> None:
        self.stats.failed += 1
        self.errors.add(where, error, kind)
        if self.errors.path is None:
            self._say(f"{where}: {error}")
        self._tick()

    def _tick(self) -> None:
        if self._bar is None:
            return
        self._bar.update(1)
        if self._bar.n % 64 == 0:
            self._bar.set_postfix(stored=self.stats.stored, skipped=self.stats.skipped,
                                  failed=self.stats.failed, refresh=False)


def _done(future: ChunkFuture) -> bool:
    done = getattr(future, "done", None)
    return bool(done()) if done is not None else True


def _progress_bar(total: int | None) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
                smoothing=0.05)
