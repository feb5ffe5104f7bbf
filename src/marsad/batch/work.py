"""What a worker does: build the pipeline once per process, then turn articles into reports.

The same functions serve every engine (in-process, process pool, Dask), so a run gives the same
reports wherever it runs. A pipeline exception becomes an error string on the outcome: one bad
article never takes down its chunk or the worker.
"""

from __future__ import annotations

import gc
import importlib
import signal
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.errors import PipelineError
from marsad.inputs import ArticleInput
from marsad.pipeline import DEFAULT_STAGES, Pipeline, Stage

# Written for this warm-up (not taken from any corpus): loading every stage's data before the
# first real article keeps start-up cost out of the per-article figures and runs it in parallel.
WARM_UP_TEXT = "قالت مصادر محلية إن اشتباكات اندلعت صباح اليوم قرب مدينة حلب في شمال سوريا."

StageNames = tuple[str, ...] | None

# A batch worker allocates a few hundred thousand short-lived objects per article over a heap of
# millions of long-lived ones (gazetteer, model, lexicons, the NER's word caches): collecting the
# youngest generation every 50,000 allocations instead of 700 took ~5% off the pipeline's time.
YOUNG_GENERATION_THRESHOLD = 50_000


@dataclass
class Outcome:
    """One article's result: its report (a `marsad/1` dict) or the error that stopped it."""

    report: dict[str, Any] | None
    error: str | None = None
    seconds: float = 0.0
    stored: bool | None = None  # set when the worker stored the report itself: True new, False known


def resolve_stages(names: StageNames) -> list[Stage | str]:
    """Stage names as a pipeline takes them: "default" stands for the default stages, and
    "package.module:Factory" names a stage of your own (importable in every worker)."""
    if names is None:
        return list(DEFAULT_STAGES)
    resolved: list[Stage | str] = []
    for name in names:
        if name == "default":
            resolved.extend(DEFAULT_STAGES)
        elif ":" in name:
            module_name, _, factory_name = name.partition(":")
            try:
                factory = getattr(importlib.import_module(module_name), factory_name)
            except (ImportError, AttributeError) as error:
                raise PipelineError(f"cannot load stage {name!r}: {error}") from None
            resolved.append(factory())
        else:
            resolved.append(name)
    return resolved


@lru_cache(maxsize=4)
def pipeline_for(stages: StageNames) -> Pipeline:
    """The pipeline of these stages (None: the default), built and warmed once per process."""
    pipeline = Pipeline(resolve_stages(stages))
    pipeline.run(WARM_UP_TEXT)
    settle_heap()
    return pipeline


def settle_heap() -> None:
    """Once the stages' data is loaded: take it out of the cyclic collector's sight (gc.freeze:
    it lives as long as the process) and collect young objects less often. Garbage here is almost
    all freed by reference counting; the collector's passes over the loaded data were pure cost."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, old)


def init_pool_worker(stages: StageNames) -> None:
    """Process-pool initializer: Ctrl-C is the parent's to handle; load the pipeline now."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline_for(stages)


def process_article(article: ArticleInput, pipeline: Pipeline) -> Outcome:
    from marsad.api import process
    from marsad.schema import Report

    began = time.perf_counter()
    try:
        doc = process(article.to_document(), pipeline)
        report = Report.from_document(doc).to_dict()
    except Exception as error:  # any stage failure is this article's, not the run's
        return Outcome(None, f"{type(error).__name__}: {error}", time.perf_counter() - began)
    return Outcome(report, None, time.perf_counter() - began)


def process_chunk(articles: list[ArticleInput], stages: StageNames) -> list[Outcome]:
    pipeline = pipeline_for(stages)
    return [process_article(article, pipeline) for article in articles]


@lru_cache(maxsize=2)
def store_for(db: str) -> Any:
    """This worker's own connection to the store, opened once per process."""
    from marsad.store import open_store

    return open_store(db)


def process_and_store_chunk(articles: list[ArticleInput], stages: StageNames, db: str) -> list[Outcome]:
    """Process and store on the worker (one transaction per article); only the outcomes go back.

    For clusters whose workers reach the database themselves (PostgreSQL): the client then sends
    articles out and counts, and reports never travel back through it.
    """
    from marsad.errors import MarsadError

    store = store_for(db)
    outcomes = process_chunk(articles, stages)
    for article, outcome in zip(articles, outcomes, strict=True):
        if outcome.report is None:
            continue
        try:
            outcome.stored = store.add(article.text, outcome.report).created
        except MarsadError as error:
            outcome.error = f"store: {error}"
        outcome.report = None
    return outcomes
