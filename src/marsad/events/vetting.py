"""Record vetting: a learned check of each factual record of an article, as a whole record.

The sentence judge (`marsad.events.judge`) reads one sentence at a time and asks what it reports; it
cannot see what kind of record the rules made of it. Counted over the coded article golds, some kinds of
record are mostly false whatever their sentence says: an attack on civilians by no one named, a battle
read from a death word far down the article with no day of its own, a strike coded at a capital because
the text named only a country. The vetting model is a logistic regression over what a record knows of itself (type, sub-type,
trigger word, actors' inter codes, whether its day and its place are stated, its sentence's place in
the article, its precisions, its evidence) and of its article's other records. It was trained by
`scripts/train_record_vetting.py` on the records the rules and a judge that had not seen the article
made of the coded golds' articles, labelled right or false by `eval/eval_events.py`'s matching.

A factual record it finds less likely than `DOUBT_BELOW` to be right becomes `doubted`: kept in the
report with its evidence, left out of exports, like the judge's doubts. Short texts (a sentence fed
alone, a headline with its lead) are left as they are: the model learnt from whole articles.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.document import Document, Span
from marsad.errors import DataError
from marsad.events.actors import UNIDENTIFIED
from marsad.events.judge import BIAS, DOUBTED, SHORT_TEXT
from marsad.events.modality import is_factual
from marsad.events.notes import note
from marsad.resources import read_model
from marsad.text.normalize import normalize

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "record_vetting.tsv"
# BIAS, DOUBTED and SHORT_TEXT are the judge's: one file convention, one name for a doubted record, and
# texts as short as the judge's short texts are not vetted
# below this probability of being right a record is doubted. A record's expected worth to the F1 of
# right records is positive while its chance of being right exceeds about half the F1 itself (0.3-0.35
# at the figures of docs/events.md); scripts/train_record_vetting.py prints the golds left out one at a
# time at several thresholds
DOUBT_BELOW = 0.3
# counts past these say no more ("many")
MAX_SAME = 3
MAX_RECORDS = 10
MAX_PASSAGES = 4
SENTENCE_BUCKETS = (5, 10, 20)
DAY_BUCKETS = (0, 1, 3, 7, 31)


def _location_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    location = attrs.get("location")
    return location.attrs if location is not None else {}


def _bucket(value: int, bounds: Sequence[int]) -> str:
    """The first of `bounds` that `value` does not exceed, as text ("more" past the last)."""
    return next((f"<={bound}" for bound in bounds if value <= bound), "more")


def _days_before(record: dict[str, Any], published: dt.date | None) -> str:
    day = record.get("event_date")
    if not isinstance(day, dt.date) or published is None:
        return "unknown"
    return _bucket((published - day).days, DAY_BUCKETS)


def _trigger_word(attrs: dict[str, Any]) -> str:
    """The trigger's normalised text (the coder's trigger leaves a conjunction out already: وقصفت -> قصفت)."""
    return normalize((attrs.get("trigger") or {}).get("text", ""))


def record_features(
    record: dict[str, Any], others: Sequence[dict[str, Any]], in_lead: bool, position: float,
    sentence_count: int, published: dt.date | None,
) -> dict[str, float]:
    """What the vetting model sees of one factual record (`attrs`): `others` are the article's other
    factual records, `in_lead` whether its sentence is the article's first, `position` where it starts
    as a share of the text, `sentence_count` the article's sentences. Training and vetting both call
    this, so the two cannot drift apart."""
    kind = record["event_type"]
    dated, placed = bool(record.get("date_stated")), bool(record.get("place_stated"))
    actor1 = record.get("actor1") or ""
    unnamed = not actor1 or actor1 == UNIDENTIFIED
    features = {
        "type:" + kind: 1.0,
        "sub:" + record["sub_event_type"]: 1.0,
        f"{kind}|dated:{dated}": 1.0,
        f"{kind}|lead:{in_lead}": 1.0,
        f"{kind}|placed:{placed}": 1.0,
        f"{kind}|unnamed:{unnamed}": 1.0,
        "interaction:" + str(record.get("interaction")): 1.0,
        "modality:" + record["modality"]: 1.0,
        "geo_precision:" + str(record.get("geo_precision")): 1.0,
        "time_precision:" + str(record.get("time_precision")): 1.0,
        "place_kind:" + str(_location_attrs(record).get("feature")): 1.0,
        "trigger:" + _trigger_word(record): 1.0,
        "dated": float(dated),
        "placed": float(placed),
        "lead": float(in_lead),
        "unnamed": float(unnamed),
        "actor2": float(bool(record.get("actor2"))),
        "dead": float((record.get("fatalities") or 0) > 0),
        "source": float(bool(record.get("source"))),
        "position": position,
        "confidence": float(record.get("confidence") or 0.0),
        "passages": float(min(len(record.get("_evidences") or ()), MAX_PASSAGES)),
        "records": float(min(len(others) + 1, MAX_RECORDS)),
    }
    if "judge_none" in record:
        features["judge_none"] = float(record["judge_none"])
        features["judge_type"] = float(record.get("judge_type", 0.0))
    else:
        features["judge_unread"] = 1.0
    features["days_before:" + _days_before(record, published)] = 1.0
    features["sentences:" + _bucket(sentence_count, SENTENCE_BUCKETS)] = 1.0
    same_type = [o for o in others if o["event_type"] == kind]
    province_day = (_location_attrs(record).get("admin1"), str(record.get("event_date")))
    features["same_type"] = float(min(len(same_type), MAX_SAME))
    features["same_type_province_day"] = float(min(sum(
        (_location_attrs(o).get("admin1"), str(o.get("event_date"))) == province_day for o in same_type), MAX_SAME))
    return features


def article_features(doc: Document) -> list[tuple[Span, dict[str, float]]]:
    """Each factual record of a coded article with its features."""
    factual = [e for e in doc.get("events") if is_factual(e.attrs["modality"])]
    sentences = doc.get("sentences")
    lead_end = sentences[0].end if sentences else 0
    length = max(len(doc.text), 1)
    return [
        (event, record_features(event.attrs, [o.attrs for o in factual if o is not event],
                                event.start < lead_end, event.start / length, len(sentences), doc.published))
        for event in factual
    ]


class VettingModel:
    """Weights of the vetting model, read from its TSV (a feature and its weight on each row;
    `__bias__` holds the intercept)."""

    def __init__(self, weights: dict[str, float]):
        if BIAS not in weights:
            raise DataError(f"the vetting model has no {BIAS} row")
        self.weights = weights

    @classmethod
    def parse(cls, lines: Iterable[str], source: str) -> VettingModel:
        weights: dict[str, float] = {}
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 2:
                raise DataError(f"{source}:{number}: expected a feature and its weight")
            try:
                weights[cells[0]] = float(cells[1])
            except ValueError:
                raise DataError(f"{source}:{number}: the weight is not a number") from None
        if BIAS not in weights:
            raise DataError(f"{source}: no {BIAS} row")
        return cls(weights)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> VettingModel:
        return read_model(path, cls.parse, "the record vetting model is missing; run scripts/train_record_vetting.py")

    def probability(self, features: dict[str, float]) -> float:
        """How likely a record with these features is to be right."""
        score = self.weights[BIAS] + sum(self.weights.get(f, 0.0) * v for f, v in features.items())
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=2)
def vetting_model(path: Path = MODEL_PATH) -> VettingModel:
    return VettingModel.load(path)


class RecordVetting:
    """Pipeline stage: doubt the factual records of an article that the vetting model finds unlikely."""

    name = "vet"
    requires = ("sentences", "events")
    provides = ("events",)

    def __init__(self, model: VettingModel | None = None, threshold: float = DOUBT_BELOW):
        self._model = model
        self.threshold = threshold

    @property
    def model(self) -> VettingModel:
        if self._model is None:
            self._model = vetting_model()
        return self._model

    def __call__(self, doc: Document) -> Document:
        model = self.model  # loaded for every text, so that a missing model is found on the first one
        if len(doc.get("sentences")) <= SHORT_TEXT:
            return doc
        # every record is weighed against the article as the rules and the judge left it, as in training
        verdicts = [(event, model.probability(features)) for event, features in article_features(doc)]
        for event, probability in verdicts:
            event.attrs["vetting"] = round(probability, 3)
            if probability < self.threshold:
                _doubt(event)
        return doc


def _doubt(event: Span) -> None:
    event.attrs["rule_modality"] = event.attrs.get("rule_modality", event.attrs["modality"])
    event.attrs["modality"] = DOUBTED
    event.attrs["factual"] = False
    event.attrs["doubted_by"] = "vetting"
    event.attrs["confidence"] = round(max(0.05, event.attrs.get("confidence", 0.5) - 0.25), 2)
    event.attrs["notes"] = note(event.attrs)
