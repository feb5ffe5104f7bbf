"""From trigger matches to ACLED (event type, sub-event type) pairs, with context deciding.

Triggers of a fixed type keep it. Context-typed triggers (`*` in triggers.tsv) are resolved here:
- kill: a death joins the violent event of its sentence (its toll); alone it is excessive force in
  a protest, a battle when two armed sides are named, else an attack on civilians when the dead are
  civilians named as its victims (near a death or attack word of the sentence, not an audience of
  journalists; with no armed side named, civilians anywhere in it) or the only armed side is the killer (unless the dead are fighters: "مقتل 12 عنصرا"),
  else an armed clash;
- attack: a riot when protesters attack and no armed group is named; remote violence when a weapon is named (an air strike when aircraft are); else it joins a
  violent event of its sentence, or is typed like a killing, except that an attack with no civilian
  victim is no event of its own when only its attacker or no armed side is named, unless it struck a
  post of the state's forces (a checkpoint, a barracks, a patrol: a battle with them);
- control: taking ground is Government regains territory for state forces (and unnamed ones), Non-
  state actor overtakes territory for rebels and militias, and a Non-violent transfer of territory
  for a foreign army entering after the defenders withdrew;
- enter: forces entering a place take it without a fight (a Non-violent transfer of territory), unless
  the sentence tells of battles, where it is a taking of ground as `control`;
- protest_force: dispersal, tear gas and water cannon make a protest one "with intervention".
Arrests made by a rebel group or militia (inter 2-4) are abductions of civilians.
Within one type the sub-type first in ACLED's priority order wins (`taxonomy.tsv` rank).
"""

from __future__ import annotations

from marsad.events.actors import Participant
from marsad.events.lexicon import Trigger, lexicon

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
DEMONSTRATIONS = ("Protests", "Riots")
EXPLOSIONS = "Explosions/Remote violence"
AIR_STRIKE = "Air/drone strike"
# context_words.tsv classes of a post of the state's forces: an attack on one is a battle with them
POSTS = frozenset({"post", "police_post"})


def resolve(
    trigger: Trigger,
    concrete_types: set[str],
    context: set[str],
    participants: list[Participant],
    actor1: Participant | None,
    country: str | None = None,
    fighters_dead: bool = False,
    victims_named: bool | None = None,
) -> tuple[str, str] | None:
    """The (event_type, sub_event_type) of one trigger, or None when it only adds to another event.
    `country` is the article's country (an army from elsewhere acts abroad); `fighters_dead` says a
    death word names fighters as its dead ("مقتل 70 عنصرا", "لقي القيادي الحوثي مصرعه")."""
    sub = trigger.sub_event_type
    if trigger.event_type == "Battles" and sub == "Armed clash" and "protest" in context:
        armed_groups = {p.name for p in participants if p.inter in (2, 3, 4, 8)}
        crowd = any(p.inter in (5, 6) for p in participants)
        if crowd or not armed_groups:
            return "Riots", "Violent demonstration"  # clashes of protesters or rioters with the police
    if trigger.event_type != "*":
        if (sub == "Arrests" and actor1 is not None and actor1.inter in (2, 3, 4)
                and not any(p.inter == 1 and p.hint != "aside" for p in participants)):
            # arrests by rebels or militias, with no state force named (who may be the one arresting
            # them), take civilians: no state's arrests ("اعتقالات الحوثيين"), by the coding rules of
            # the team's sentence sets; a force named only in the charge ("بتهمة التآمر مع المقاومة")
            # arrests no one
            return "Violence against civilians", "Abduction/forced disappearance"
        if trigger.event_type == EXPLOSIONS and sub == "Shelling/artillery/missile attack" and "air" in context:
            return EXPLOSIONS, AIR_STRIKE
        return trigger.event_type, sub
    if sub == "kill":
        if "protest" in context or "Protests" in concrete_types:
            return "Protests", "Excessive force against protesters"
        if concrete_types & set(VIOLENT):
            return None
        return _one_or_two_sided(participants, actor1, fighters_dead, victims_named)
    if sub == "attack":
        crowd_acts = actor1 is not None and actor1.inter in (5, 6)
        if "protest" in context and not crowd_acts and actor1 is not None and actor1.inter in (1, 8):
            # state forces firing on or beating a crowd: the protest met force, not a riot
            return ("Protests", "Protest with intervention") if "Protests" in concrete_types else None
        if "protest" in context and (crowd_acts or not any(p.inter in (2, 3, 4, 8) for p in participants)):
            return "Riots", "Violent demonstration"  # "هاجم متظاهرون مقر ..."
        if EXPLOSIONS not in concrete_types and ("air" in context or "weapon" in context):
            return EXPLOSIONS, AIR_STRIKE if "air" in context else "Shelling/artillery/missile attack"
        if concrete_types & (set(VIOLENT) | {"Strategic developments"}):
            return None  # "عملية تستهدف مشتبهين" in an arrest report is no attack of its own
        return _one_or_two_sided(participants, actor1, victims_named=victims_named, attack=True,
                                 post=bool(context & POSTS))
    if sub == "control":
        return _ground_taken(context, participants, actor1, country)
    if sub == "clear":
        # mines and bombs cleared are weapons use disrupted; an area cleared of fighters is ground taken
        if "device" in context:
            return "Strategic developments", "Disrupted weapons use"
        # "تطهيرها من جيوب الحوثي": the group an area is cleared of lost it; a state force took it
        taker = next((p for p in participants if p.inter == 1), actor1)
        return _ground_taken(context, participants, taker, country)
    if sub == "enter":
        # forces entering a town take it without a fight unless the sentence tells of one ("دخلت قوات النظام
        # إلى أحياء يسيطر عليها مقاتلو الفصائل"); with battles it is ground regained or overtaken
        if "Battles" in concrete_types:
            return _ground_taken(context, participants, actor1, country)
        if actor1 is None or not actor1.armed or "protest" in context:
            return None
        return "Strategic developments", "Non-violent transfer of territory"
    if sub == "protest_force":
        return ("Protests", "Protest with intervention") if "Protests" in concrete_types else None
    return None


def _ground_taken(
    context: set[str], participants: list[Participant], actor1: Participant | None, country: str | None,
) -> tuple[str, str] | None:
    """The type of a taking of ground (`control`; forces entering a place where battles are told)."""
    if "protest" in context:
        return "Riots", "Violent demonstration"  # protesters storming offices
    if actor1 is None and not any(p.armed for p in participants):
        return None
    inter = actor1.inter if actor1 is not None else None
    if inter == 1 and actor1.country and country and actor1.country != country:
        inter = 8  # an army abroad
    if "unopposed" in context or "evacuation" in context or (inter == 8 and "withdrawal" in context):
        return "Strategic developments", "Non-violent transfer of territory"
    if inter in (2, 3, 4):
        return "Battles", "Non-state actor overtakes territory"
    return "Battles", "Government regains territory"


def _one_or_two_sided(
    participants: list[Participant], actor1: Participant | None, fighters_dead: bool = False,
    victims_named: bool | None = None, attack: bool = False, post: bool = False,
) -> tuple[str, str] | None:
    """A killing or attack with no weapon named: a battle when two armed sides are named; an attack
    on civilians when civilians are its victims or the only armed side is the killer, unless the
    dead are fighters (their own side named, the killer not: still fighting, not a civilian toll).
    An attack word (`attack`) with no civilian victim is no attack on civilians (ACLED codes one only
    when civilians are its target): with its attacker the only side named ("بدء هجوم قوات الحكومة",
    "هجوما للحوثيين على ناقلة") or with no attacker found ("استخدما في الهجوم") it is no event of its
    own; two armed sides still make it a clash ("هاجم مسلحون حاجزا للجيش"), and so does an attack on a
    post of the state's forces (`post`: "هاجم مسلحو طالبان نقطة تفتيش"), its defenders the other side."""
    armed = {p.name for p in participants if p.armed}
    if victims_named and len(armed) >= 2:
        # civilians named as the victims of the killing or attack itself ("قنصت ميليشيات الحوثي المتمركزة
        # قرب مواقع الجيش الطفل ..."): an attack on them, whoever else the sentence names
        return "Violence against civilians", "Attack"
    if len(armed) >= 2:
        return "Battles", "Armed clash"
    # with no armed side named, a killing keeps any civilians of its sentence as its dead (the
    # alternative is a clash with no side); a killer or an attack needs them as its victims
    anywhere = any(p.inter == 7 for p in participants)
    civilians = anywhere if victims_named is None or not (armed or attack) else victims_named
    if civilians:
        return "Violence against civilians", "Attack"
    if fighters_dead:
        return "Battles", "Armed clash"
    if attack and post and not civilians and (actor1 is None or actor1.inter not in (1, 8)):
        return "Battles", "Armed clash"
    if attack and (actor1 is None or actor1.name in armed):
        return None
    if armed and actor1 is not None and actor1.name in armed:
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


def rank(event_type: str, sub_event_type: str) -> int:
    entry = lexicon().taxonomy.get((event_type, sub_event_type))
    return entry.rank if entry else 99
