"""Who did what to whom: the participants of a sentence and their roles around a trigger.

Participants are the actor spans of the `entities` layer (made by the actors stage: `canonical`,
`inter`, `country`, and the dictionary `type` as `category`) plus generic participants named by common
nouns (`roles.tsv`: civilians, protesters, "the army" when no actor stage named it). Roles follow
Arabic word order: the actor right after a verbal or nominal trigger is its agent (VSO, "غارات
التحالف"), else the one before it (SVO); markers (`argument_cues.tsv`) override: agents of passives ("على يد X"), allies
("بالتنسيق مع X" -> assoc_actor_1), targets ("على/ضد X" -> actor2), members ("القيادي الحوثي": a side's
commander is hit by the event, never its author), and "بين X و Y".
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from marsad.document import Span
from marsad.entities.actors import load_dictionary
from marsad.events.lexicon import lexicon

AFTER_WINDOW = 6
BEFORE_WINDOW = 16
MARKER_GAP = 2
ANAPHORS = ("@previous", "@group")  # roles.tsv actors that stand for an actor named before
NON_STATE = (2, 3, 4)
UNIDENTIFIED = "Unidentified Armed Group"
UNIDENTIFIED_MILITARY = "Unidentified Military Forces"  # air strikes nobody is named for


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    inter: int
    country: str | None
    category: str | None
    first: int  # token indices in the sentence
    last: int
    generic: bool  # name still needs its country: "Civilians" -> "Civilians (Syria)"
    hint: str = ""  # agent | assoc | target | between (from a marker just before it) | located
    resolved: bool = False  # an anaphor standing for an actor named before

    @property
    def armed(self) -> bool:
        return self.inter in (1, 2, 3, 4, 8)


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: Participant | None
    assoc1: Participant | None
    actor2: Participant | None
    assoc2: Participant | None


def _token_index(tokens: Sequence[Span], offset: int) -> int:
    starts = [t.start for t in tokens]
    return max(0, min(len(tokens) - 1, bisect_left(starts, offset)))


def participants(
    tokens: Sequence[Span], entities: Sequence[Span], previous: Participant | None = None,
    group: Participant | None = None, located: Collection[int] = (),
) -> list[Participant]:
    """The actors of one sentence's tokens, in text order, with role hints from markers.

    `previous` is the article's last named armed actor: an anaphor for either side ("مواقعهم") is it.
    `group` is its main armed group so far (`GroupTally`): an anaphor naming a group ("التنظيم",
    "الميليشيات", "المتمردين") is it, never an army named since. `located`: the starts of the entities
    named as where something happened (a country after a place preposition), hinted "located" unless a
    marker gives them a role.
    """
    if not tokens:
        return []
    found: list[Participant] = []
    taken: list[tuple[int, int]] = []
    starts = [t.start for t in tokens]
    for entity in entities:
        attrs = entity.attrs
        name = attrs.get("canonical")
        inter = attrs.get("inter")
        if not name or not isinstance(inter, int):
            continue
        first = _token_index(tokens, entity.start)
        last = max(first, bisect_left(starts, entity.end) - 1)
        found.append(Participant(
            str(name), inter, attrs.get("country"), attrs.get("type"), first, last, False,
            hint="located" if entity.start in located else "",
        ))
        taken.append((entity.start, entity.end))
    for match in lexicon().roles.find(tokens):
        start, end = tokens[match.first].start, tokens[match.last].end
        if any(s < end and start < e for s, e in taken):
            continue
        role = match.payload
        if role.actor in ANAPHORS:
            antecedent = previous if role.actor == "@previous" else group or next(
                # no group named before this sentence: one named earlier in it ("لقي 15 حوثيا مصرعهم في
                # مواجهات بين الجيش والميليشيات")
                (p for p in reversed(found) if not p.generic and p.inter in NON_STATE and p.last < match.first),
                None)
            if antecedent is not None:
                found.append(replace(antecedent, first=match.first, last=match.last, hint="", resolved=True))
            elif role.inter and not _conjoined(tokens, found, match.first):
                # militias the article has not named: still an armed group (roles.tsv gives the inter code),
                # unless joined to the actor before them ("قوات النظام والميليشيات": one side)
                found.append(Participant(UNIDENTIFIED, role.inter, None, None, match.first, match.last, True))
            continue
        found.append(Participant(role.actor, role.inter, None, None, match.first, match.last, True))
    found.sort(key=lambda p: p.first)
    # "مسلحي داعش": a generic noun right before a named actor is that actor, not another one
    found = [
        p for i, p in enumerate(found)
        if not (p.generic and p.inter == 3 and i + 1 < len(found) and not found[i + 1].generic
                and 0 < found[i + 1].first - p.last <= 3)
    ]
    markers = lexicon().argument_cues.find(tokens)
    hinted = []
    for participant in found:
        hint = participant.hint
        for marker in markers:
            if 0 < participant.first - marker.last <= MARKER_GAP:
                hint = marker.payload
        hinted.append(replace(participant, hint=hint) if hint else participant)
    return hinted


def _conjoined(tokens: Sequence[Span], found: Sequence[Participant], first: int) -> bool:
    """The words at `first` follow an armed actor and "و" ("قوات النظام والميليشيات"), not as the second
    of a pair ("بين قوات الجيش والميليشيات")."""
    if first < 2 or tokens[first - 1].attrs.get("norm", tokens[first - 1].text) != "و":
        return False
    before = next((p for p in found if p.armed and p.last == first - 2), None)
    return before is not None and not any(
        t.attrs.get("norm", "") in lexicon().between_words
        for t in tokens[max(0, before.first - MARKER_GAP):before.first])


def last_named(parts: Sequence[Participant], current: Participant | None) -> Participant | None:
    """The last named armed actor of a sentence (for anaphors in the next ones), else `current`."""
    named = [p for p in parts if not p.generic and p.armed]
    return named[-1] if named else current


class GroupTally:
    """The armed groups (rebels, militias: inter 2-4; or others, by `inters`) an article has named so far. A group anaphor
    ("المليشيات", "المتمردين") stands for the one named most, the latest of a tie: in a report of the
    army and an allied resistance fighting the Houthis, the militias are the Houthis even when an
    allied group was the last named."""

    def __init__(self, inters: Sequence[int] = NON_STATE, generic: bool = False) -> None:
        self._inters = tuple(inters)
        self._generic = generic  # whether generic names count ("الجيش": the army of the article's country)
        self._counts: Counter[str] = Counter()
        self._latest: dict[str, Participant] = {}  # in the order of their latest mentions

    def add(self, parts: Sequence[Participant]) -> None:
        for part in parts:
            if (self._generic or not part.generic) and not part.resolved and part.inter in self._inters:
                self._counts[part.name] += 1
                self._latest.pop(part.name, None)
                self._latest[part.name] = part

    def main(self) -> Participant | None:
        # max keeps the first of equals: read from the latest mention back
        name = max(reversed(self._latest), key=self._counts.__getitem__, default=None)
        return None if name is None else self._latest[name]


def assign(parts: Sequence[Participant], first: int, last: int, victims_first: bool = False) -> Roles:
    """Roles around the trigger at tokens `first`..`last` of the sentence."""
    near = [
        p for p in parts
        if first - BEFORE_WINDOW <= p.first and p.last <= last + 3 * AFTER_WINDOW and p.hint != "aside"
    ]
    if not near:
        return Roles(None, None, None, None)
    assoc1 = next((p for p in near if p.hint == "assoc"), None)
    agents = [p for p in near if p.hint == "agent" and p.armed]
    between = [p for p in near if p.hint == "between"]
    actor1: Participant | None = None
    actor2: Participant | None = None
    if between:
        pair_start = between[0]
        following = [p for p in near if p.first > pair_start.first and p.name != pair_start.name]
        actor1, actor2 = pair_start, (following[0] if following else None)
        if actor2 is not None and actor2.inter in (1, 8) and actor1.inter in NON_STATE:
            # "بين الميليشيات والقوات الحكومية" names no attacker: state forces come first, as ACLED lists them
            actor1, actor2 = actor2, actor1
    if actor1 is None and agents:
        actor1 = agents[0]
    candidates = [p for p in near if p is not assoc1 and p.hint not in ("assoc",)]
    if actor1 is None:
        after = [p for p in candidates if 0 <= p.first - last <= AFTER_WINDOW and p.armed
                 and p.hint not in ("target", "member")]
        before = [p for p in candidates if p.last < first and p.armed and p.hint not in ("target", "member")]
        # a country named as the place ("شنت إسرائيل غارات جوية في سوريا") is where, not who, unless the
        # sentence names no one else ("مقتل 48 شخصا في سوريا": its state, as before)
        if any(p.hint != "located" for p in after + before):
            after = [p for p in after if p.hint != "located"]
            before = [p for p in before if p.hint != "located"]
        if victims_first:
            # "قتل 7 مدنيين في قصف للحوثيين": the noun right after a death word is the victim
            after = [p for p in after if not (p.first - last <= 2 and p.inter == 7)]
        if after:
            actor1 = after[0]
        elif before:
            actor1 = before[-1]
    if actor2 is None:
        rest = [p for p in candidates if actor1 is None or (p is not actor1 and p.name != actor1.name)]
        targets = [p for p in rest if p.hint == "target"] + [p for p in rest if p.hint == "member"]
        victims = [p for p in rest if p.inter == 7]
        if targets:
            actor2 = targets[0]
        elif victims:
            actor2 = victims[0]
        elif rest:
            after = [p for p in rest if p.first > last]
            actor2 = after[0] if after else None
    if actor1 is not None and actor1.inter == 7 and actor2 is not None and actor2.inter != 7:
        actor1, actor2 = actor2, actor1
    if actor1 is None and actor2 is not None and actor2.inter in (5, 6):
        actor1, actor2 = actor2, None
    if assoc1 is not None and actor1 is not None and assoc1.name == actor1.name:
        assoc1 = None
    if actor2 is not None and assoc1 is not None and actor2.name == assoc1.name:
        actor2 = None
    return Roles(actor1, assoc1, actor2, None)


def actor_name(participant: Participant | None, country: str | None) -> str:
    """The ACLED-style name, with the country filled in for generic actors."""
    if participant is None:
        return ""
    if not participant.generic:
        return participant.name
    english = lexicon().countries.get(country or "", "")
    if participant.name in ("Military Forces", "Police Forces"):
        # the army named by its country ("الجيش" in a Yemen story) is the dictionary's army of that country
        return _state_force_name(participant.name, country or "") or (
            f"{participant.name} of {english}" if english else participant.name)
    return f"{participant.name} ({english})" if english else participant.name


def acting_name(participant: Participant | None, country: str | None) -> str:
    """The name of a side of a battle, a strike or an interception: a state named as itself ("شنت إسرائيل
    غارات"، "الضربة ... ضد سوريا") fights as its military, as ACLED names such sides; else `actor_name`."""
    if participant is not None and participant.category == "state" and participant.country:
        army = _state_force_name("Military Forces", participant.country)
        if army:
            return army
    return actor_name(participant, country)


def _state_force_name(kind: str, country: str) -> str:
    """The actor dictionary's name for a country's army or police, by its `<cc>-mil` / `<cc>-pol` row
    ("Military Forces of Yemen (2012-)"), or "" when it has none (Libya's rival armies have none)."""
    actor = load_dictionary().actors.get(f"{country.lower()}-{'mil' if kind == 'Military Forces' else 'pol'}")
    return actor.canonical if actor is not None and country else ""


def inter_code(participant: Participant | None, country: str | None) -> int:
    """ACLED's inter code: state forces acting outside their own country are external (8), and a
    state named as itself ("سوريا", "النظام السوري": external in the dictionary) acting at home is state
    forces (1)."""
    if participant is None:
        return 0
    at_home = bool(participant.country and country and participant.country == country)
    if participant.inter == 1 and participant.country and country and not at_home:
        return 8
    if participant.category == "state" and at_home:
        return 1
    return participant.inter


def interaction(inter1: int, inter2: int) -> int:
    """The two codes, lower first; one-sided events are the code times ten (10, 20, ...)."""
    if not inter1:
        return inter2 * 10
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
