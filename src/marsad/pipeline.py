"""Pipeline: named stages, each `Document -> Document`, checked for prerequisites when built.

A stage is any object with `name`, `requires` and `provides` (tuples of layer names) that is
callable on a `Document`. Stages load their data lazily, on first call, so building a pipeline is
cheap and a pipeline reused over many texts loads everything once.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, runtime_checkable

from marsad.document import Document
from marsad.errors import PipelineError


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


# The stages marsad knows, in pipeline order, as "module:factory" so that building a pipeline
# imports only what it uses. Each factory takes no arguments and returns a Stage.
STAGE_FACTORIES: dict[str, str] = {
    "sentences": "marsad.text.sentences:SentenceSplitter",
    "tokens": "marsad.text.tokenize:Tokenizer",
    "ner": "marsad.entities.ner:NerTagger",
    "places": "marsad.places.geoparse:Geoparser",
    "actors": "marsad.entities.actors:ActorLinker",
    "dates": "marsad.time.stage:DateResolver",
    "events": "marsad.events.stage:EventCoder",
    "judge": "marsad.events.judge:SentenceJudge",
    "vet": "marsad.events.vetting:RecordVetting",
}

# The stages a default pipeline runs; a stage joins when its module has landed.
DEFAULT_STAGES: tuple[str, ...] = (
    "sentences", "tokens", "ner", "places", "actors", "dates", "events", "judge", "vet",
)
# the stages that learned from the coded golds; left out, the rules alone code the events (`--rules-only`)
LEARNED_STAGES: tuple[str, ...] = ("judge", "vet")
RULE_STAGES: tuple[str, ...] = tuple(s for s in DEFAULT_STAGES if s not in LEARNED_STAGES)


def make_stage(name: str) -> Stage:
    try:
        target = STAGE_FACTORIES[name]
    except KeyError:
        known = ", ".join(STAGE_FACTORIES)
        raise PipelineError(f"unknown stage {name!r}; known stages: {known}") from None
    module_name, factory_name = target.split(":")
    factory: Callable[[], Stage] = getattr(importlib.import_module(module_name), factory_name)
    return factory()


class Pipeline:
    """An ordered list of stages whose prerequisites were checked when it was built."""

    def __init__(self, stages: Iterable[Stage | str] | None = None):
        chosen = DEFAULT_STAGES if stages is None else stages
        self.stages: list[Stage] = [make_stage(s) if isinstance(s, str) else s for s in chosen]
        self._check()

    def _check(self) -> None:
        available: set[str] = {"text"}
        for stage in self.stages:
            missing = [layer for layer in stage.requires if layer not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage provides; "
                    f"add the stage that provides it before {stage.name!r}"
                )
            available.update(stage.provides)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def run(self, text: str, **metadata) -> Document:
        return self(Document(text=text, **metadata))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
