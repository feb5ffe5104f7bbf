"""The modality of a trigger from the cue words around it (`modality.tsv`).

Factual modalities (the event is coded): asserted, reported (attributed to a source), claimed.
Non-factual (kept with the event but not counted as a record): planned, possible, threat, denied,
negated, historical, statement (cues marked `topic` in the data file give it too; `intent` gives
planned), routine (reinforcements and deployments, set by the stage); `block` means the trigger is no event at all (a film, a metaphor); a `name` row is a proper
name that a cue pattern would catch ("طالبان" under "طالب*"), and a `none` row a phrase that holds a
cue word but is no cue ("لم يسفر القصف عن إصابات": the shelling happened, only its harm did not);
`background` (a pluperfect, "بعد استعادة") is settled by the stage: historical unless the clause dates
the event within the month before publication; so is `accused` (an accusation): a statement unless the
sentence counts the event's dead or dates it within that month (then the event happened and only its
author is alleged).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.document import Span
from marsad.events.lexicon import Cue, lexicon
from marsad.events.patterns import Match

FACTUAL = ("asserted", "reported", "claimed")
NO_CUE = ("name", "none")
# When several cues reach one trigger, the first of this order wins.
PRIORITY = (
    "block", "denied", "negated", "threat", "planned", "possible", "historical", "statement", "accused",
    "ongoing", "background", "claimed",
)


def find_cues(tokens: Sequence[Span]) -> list[Match[Cue]]:
    cues = lexicon().cues.find(tokens)
    compared = comparison_points(tokens)
    return [c for c in cues if c.payload.modality not in NO_CUE
            and not _is_perfect_qad(c, tokens) and not _is_undergone(c, tokens)
            and not _is_relative_was(c, tokens)
            and not (c.payload.modality == "historical" and c.first in compared)]


SUPERLATIVE_GAP = 6  # "اليوم الأكثر دموية في غزة منذ": the superlative, its complement, a place
COMPARED_REACH = 8  # "منذ اندلاع الحرب في سوريا عام 2011": how far the point of comparison runs


def comparison_points(tokens: Sequence[Span]) -> set[int]:
    """Indices of "منذ" that follow a superlative or "first" ("الأكثر دموية منذ 2014", "للمرة الأولى منذ
    عام 2012", "أكبر هجوم صاروخي منذ حرب 2014"): what follows is what the event is compared with, not
    when it happened nor a span it sums up. "أكثر من" (more than) is a count ("قتل أكثر من 350 ألف شخص
    منذ 2011" is a tally)."""
    lex = lexicon()
    norms = [t.attrs.get("norm", "") for t in tokens]
    points = set()
    for index, norm in enumerate(norms):
        if norm not in lex.since:
            continue
        for before in range(max(0, index - SUPERLATIVE_GAP), index):
            more_than = before + 1 < len(norms) and norms[before + 1] in lex.than
            if norms[before] in lex.superlatives and not more_than:
                points.add(index)
                break
    return points


def is_mark(token: Span) -> bool:
    """A punctuation token (no letter or digit)."""
    return not any(ch.isalnum() for ch in token.attrs.get("norm", ""))


def compared_tokens(tokens: Sequence[Span]) -> set[int]:
    """Indices of the words that name a point of comparison: "منذ" after a superlative and what follows,
    up to a punctuation mark or another "منذ" ("للمرة الأولى منذ وقف النار في الجنوب منذ عام": the
    ceasefire is the point, "a year ago" still dates)."""
    since = lexicon().since
    compared = set()
    for point in comparison_points(tokens):
        compared.add(point)
        for index in range(point + 1, min(len(tokens), point + COMPARED_REACH + 1)):
            if tokens[index].attrs.get("norm", "") in since or is_mark(tokens[index]):
                break
            compared.add(index)
    return compared


def _is_relative_was(cue: Match[Cue], tokens: Sequence[Span]) -> bool:
    """A background cue right after a relative pronoun ("نينوى، التي كانت معقلا لداعش، قتل 7 أشخاص":
    in practice "كان") describes the noun before it, not the events of the main clause after it."""
    if cue.payload.modality != "background" or cue.first == 0:
        return False
    return tokens[cue.first - 1].attrs.get("norm", "") in lexicon().relatives


# "تعرضت أحياء تعز الشرقية وقرى شرق جبل صبر لقصف": a subject of ten words
UNDERGONE_GAP = 12


def _is_undergone(cue: Match[Cue], tokens: Sequence[Span]) -> bool:
    """"ل" after the verb تعرض ("تعرض لقصف", was shelled; "تعرض المجبري للاختطاف", with the subject
    between) reports what happened, not a purpose; the nearest تعرض word within UNDERGONE_GAP decides.
    The noun with a pronoun ("خشية تعرضهم لهجوم", their being exposed to) is not the verb: it names a
    risk. A count as its subject ("تعرض 28 مرفقا طبيا
    للقصف") sums up many events: a tally, left to the other cues."""
    if cue.pattern.source != "ل" or cue.first == 0:
        return False
    index = nearest_undergo(tokens, cue.first)
    if index is None:
        return False
    counted = any(t.attrs.get("role") == "number" for t in tokens[index + 1:cue.first])
    return tokens[index + 1].attrs.get("role") != "enclitic" and not counted


def nearest_undergo(tokens: Sequence[Span], before: int) -> int | None:
    """The nearest "تعرض" verb within UNDERGONE_GAP words before `before`, or None; the exposure noun
    nearer still ("عوارض ناجمة عن التعرض لغازات سامة") stops the search."""
    lex = lexicon()
    for index in range(before - 1, max(0, before - UNDERGONE_GAP) - 1, -1):
        norm = tokens[index].attrs.get("norm", "").lstrip("وف")
        if norm.startswith(lex.exposure):
            return None
        if norm.startswith(lex.undergo):
            return index
    return None


def _is_perfect_qad(cue: Match[Cue], tokens: Sequence[Span]) -> bool:
    """"قد" before a perfect verb means "has" (قد تمكنت، وقد تم إسقاطها); only before an imperfect it
    means "may"."""
    if cue.pattern.source != "قد" or cue.last + 1 >= len(tokens):
        return False
    verb = tokens[cue.last + 1].attrs.get("norm", "")
    imperfect = verb[:1] == "ي" or (
        verb[:1] in "تن" and not verb.endswith(("ت", "وا")) and verb not in lexicon().perfect_verbs)
    return not imperfect


# cues that, right before a word naming the crowd, make the crowd their subject ("ندد المتظاهرون",
# "طالب المحتجون") or a preposition ("للمتظاهرين"), not a statement about or a plan of a protest
_CROWD_SUBJECT = ("statement", "planned", "accused")
CROWD_GAP = 2
# cue kinds that give another modality, and that a crowd subject does not lift; `told` (a demonstrative or
# "among" right before the trigger: "هذه الغارة"، "من بين القتلى") names an event told already: background
_KIND_MODALITY = {"topic": "statement", "intent": "planned", "told": "background"}


def cue_modality(cue: Match[Cue]) -> str:
    """The modality a cue gives (`topic` -> statement, `intent` -> planned)."""
    return _KIND_MODALITY.get(cue.payload.modality, cue.payload.modality)


# plans, threats and guesses look forward: they do not reach an event told after "بعد", "إثر", "عقب"
# ("تستقدم تعزيزات استعدادا للتقدم نحو الميناء بعد سيطرتها على المطار" reports the airport as taken)
FORWARD = ("planned", "threat", "possible")


def _linked_back(cue_last: int, trigger_first: int, tokens: Sequence[Span]) -> bool:
    links = lexicon().cause_links
    return any(tokens[i].attrs.get("norm") in links for i in range(cue_last + 1, trigger_first))


def modality_of(trigger_first: int, trigger_last: int, future: bool, cues: Sequence[Match[Cue]],
                tokens: Sequence[Span], crowd: bool = False) -> str:
    """The strongest modality cue reaching the trigger at tokens `trigger_first`..`trigger_last`;
    `crowd` says the trigger names the protesters themselves."""
    found: set[str] = set()
    for cue in cues:
        if cue.first <= trigger_last and cue.last >= trigger_first:
            continue  # the cue is the trigger itself
        if (crowd and cue.payload.modality in _CROWD_SUBJECT and cue.last < trigger_first
                and trigger_first - cue.last <= CROWD_GAP):
            continue
        if crowd and cue.payload.modality == "negated" and trigger_first - cue.last == 1:
            continue  # "وقف المتظاهرون أمام البرلمان": the crowd's own verb (no particle negates a noun)
        # a `topic` cue is a noun whose complement the trigger is ("مطالب المحتجين", the protesters'
        # demands): a statement, and the crowd named after it is no speaker; an `intent` cue is a verb
        # of intending or preparing ("يستعد متظاهرون لتنفيذ اعتصام"): planned, its crowd the planners
        modality = cue_modality(cue)
        if cue.last < trigger_first and trigger_first - cue.last <= cue.payload.before:
            if modality in FORWARD and _linked_back(cue.last, trigger_first, tokens):
                continue
            found.add(modality)
        elif cue.first > trigger_last and cue.first - trigger_last <= cue.payload.after:
            found.add(modality)
    if future or _after_future_verb(trigger_first, tokens):
        found.add("planned")
    for modality in PRIORITY:
        if modality in found:
            return modality
    return "asserted"


def _after_future_verb(trigger_first: int, tokens: Sequence[Span]) -> bool:
    """The trigger follows the future particle or a verb that carries it ("وسيندلع انفجار", "ستفرق
    التظاهرات" is split only after a conjunction, so the bare verbs are cue words in modality.tsv)."""
    roles = [tokens[i].attrs.get("role") for i in range(max(0, trigger_first - 2), trigger_first)]
    return roles[-1:] == ["future"] or roles == ["future", "stem"]


def is_factual(modality: str) -> bool:
    return modality in FACTUAL
