"""The Python API: `marsad.extract(text)` for one text, `marsad.Pipeline` for many."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from marsad.document import Document
from marsad.inputs import language_warning, parse_date
from marsad.pipeline import Pipeline
from marsad.schema import Report


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The full pipeline, built once per process; its stages load their data on first use."""
    return Pipeline()


def process(doc: Document, pipeline: Pipeline | None = None) -> Document:
    """Run the pipeline over a document, unless its text is not Arabic (then only a warning)."""
    warning = language_warning(doc.text)
    if warning:
        if not any(warning in w for w in doc.warnings):
            doc.warnings.append(warning)
        return doc
    return (pipeline or default_pipeline())(doc)


def extract(
    text: str,
    published: str | dt.date | None = None,
    source: str | None = None,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
) -> Report:
    """Run the pipeline over one article and return its `marsad/1` report."""
    doc = Document(
        text=text, id=id, title=title, source=source, url=url, published=parse_date(published),
    )
    return Report.from_document(process(doc, pipeline))
