from __future__ import annotations

import pytest

import marsad
from marsad.document import Document
from marsad.errors import PipelineError
from marsad.pipeline import Pipeline


def test_missing_prerequisite_fails_when_built_and_names_it() -> None:
    with pytest.raises(PipelineError, match="'tokens' needs sentences"):
        Pipeline(["tokens"])


def test_unknown_stage_is_named() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'geoparse'"):
        Pipeline(["sentences", "geoparse"])


def test_stages_run_in_order_and_leave_the_text_untouched(sample_text: str) -> None:
    pipeline = Pipeline(["sentences", "tokens"])
    doc = pipeline(Document(text=sample_text))
    assert doc.text == sample_text
    assert pipeline.names == ["sentences", "tokens"]
    assert len(doc.get("sentences")) >= 8
    assert all(sample_text[t.start:t.end] == t.text for t in doc.get("tokens"))


def test_a_custom_stage_can_join() -> None:
    class Shout:
        name = "shout"
        requires = ("tokens",)
        provides = ("shouts",)

        def __call__(self, doc: Document) -> Document:
            doc.add("shouts", [t for t in doc.get("tokens") if t.text == "داعش"])
            return doc

    doc = Pipeline(["sentences", "tokens", Shout()]).run("انتشر داعش في البادية")
    assert [s.text for s in doc.get("shouts")] == ["داعش"]


def test_extract_gives_a_marsad_1_report(sample_text: str) -> None:
    report = marsad.extract(sample_text, published="2018-08-15", source="Sputnik").to_dict()
    assert report["schema"] == "marsad/1"
    assert report["article"]["published"] == "2018-08-15"
    assert set(report) >= {"entities", "places", "dates", "events"}
    for key in ("entities", "places", "dates"):
        for item in report[key]:
            assert sample_text[item["start"]:item["end"]] == item["text"]
    for event in report["events"]:
        evidence = event["evidence"]
        assert sample_text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_document_span_refuses_offsets_outside_the_text() -> None:
    doc = Document(text="إدلب")
    with pytest.raises(ValueError):
        doc.span(2, 9, "LOC")
