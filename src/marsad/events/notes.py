"""A one-line English note per event, ACLED-style, written from the event's own fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad.events.lexicon import lexicon

_NON_FACTUAL = {
    "planned": "Planned or intended, not reported as done",
    "possible": "Reported as possible or expected",
    "threat": "Threatened",
    "denied": "Denied",
    "negated": "Reported as not having happened",
    "historical": "Background, more than a month before the report",
    "statement": "Mentioned in a statement or accusation",
    "ongoing": "Described as ongoing, with no dated event",
    "routine": "A routine movement or deployment of forces, not coded as an event",
    "doubted": "Coded by the rules, but the sentence judge reads no event here",
}
# a record doubted by the record vetting (marsad.events.vetting) rather than by the sentence judge
_VETTED = "Coded by the rules, but records like it are mostly false in the coded golds"


def _place_text(location: Any, precision: int | None) -> str:
    if location is None:
        return ""
    attrs = getattr(location, "attrs", None) or (location if isinstance(location, dict) else {})
    name = attrs.get("name") or getattr(location, "text", "") or ""
    admin1 = attrs.get("admin1")
    where = f"{name}, {admin1}" if admin1 and admin1 != name else name
    if not where:
        return ""
    return f" near {where}" if (precision or 1) >= 2 else f" in {where}"


def note(fields: dict[str, Any]) -> str:
    """"On 1 August 2018, X clashed with Y in Z. 3 fatalities. [source: S]" from the event's fields."""
    template = lexicon().notes.get(fields["sub_event_type"], "{a1}: {sub}{where}")
    actor1 = fields.get("actor1") or "unidentified actors"
    if fields.get("assoc_actor_1"):
        actor1 = f"{actor1} (with {fields['assoc_actor_1']})"
    body = template.format(
        a1=actor1, a2=fields.get("actor2") or "unidentified actors",
        where=_place_text(fields.get("location"), fields.get("geo_precision")),
        sub=fields["sub_event_type"].lower(),
    )
    day = fields.get("event_date")
    precision = fields.get("time_precision")
    if isinstance(day, dt.date):
        when = day.strftime("%B %Y") if precision == 3 else f"{day.day} {day.strftime('%B %Y')}"
        prefix = ("Around " if precision == 2 else "In " if precision == 3 else "On ") + when
        text = f"{prefix}, {body}."
    else:
        text = f"{body[:1].upper()}{body[1:]}."
    fatalities = fields.get("fatalities") or 0
    if fatalities:
        text += f" {fatalities} fatalit{'y' if fatalities == 1 else 'ies'}."
    modality = fields.get("modality", "asserted")
    if modality == "doubted" and fields.get("doubted_by") == "vetting":
        text += f" ({_VETTED}.)"
    elif modality in _NON_FACTUAL:
        text += f" ({_NON_FACTUAL[modality]}.)"
    elif fields.get("rule_type"):
        text += f" (The rules typed it {fields['rule_type']}; the sentence judge reads {fields['event_type']}.)"
    elif fields.get("rule_modality") == "none":
        text += " (No rule coded it: the sentence judge reads this event in the sentence.)"
    if fields.get("source"):
        text += f" [source: {fields['source']}]"
    return text
