"""The event coder's language data, read once per process from `data/ar/events/`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from marsad.errors import DataError
from marsad.events.patterns import PatternSet, parse_pattern
from marsad.resources import data_path, read_rows
from marsad.text.normalize import normalize

FOLDER = ("ar", "events")
TRIGGER_PROCLITICS = "وفبل"


@dataclass(frozen=True, slots=True)
class SubType:
    event_type: str
    sub_event_type: str
    rank: int
    disorder_type: str
    plover: str


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str  # "*" when context decides (see `typing.py`)
    sub_event_type: str  # for "*": kill | attack | control | enter | protest_force
    plover: str
    strong: bool
    requires: tuple[str, ...]  # pattern words ("<" first: before the trigger; ">": a few words after it), "@actor", "@place" or "@demonym" (a nationality right after the trigger); "&" joins
    source: str


@dataclass(frozen=True, slots=True)
class Cue:
    modality: str
    before: int
    after: int


@dataclass(frozen=True, slots=True)
class NamedSource:
    english: str
    kind: str


@dataclass(frozen=True, slots=True)
class SourceCue:
    role: str  # say | per
    window: int


@dataclass(frozen=True, slots=True)
class Role:
    actor: str
    inter: int


@dataclass(frozen=True)
class Lexicon:
    taxonomy: dict[tuple[str, str], SubType]
    triggers: PatternSet[Trigger]
    requirements: PatternSet[str]
    cues: PatternSet[Cue]
    numbers: dict[str, tuple[int, str]]
    sources: PatternSet[NamedSource]
    source_cues: PatternSet[SourceCue]
    roles: PatternSet[Role]
    countries: dict[str, str]  # iso2 -> English name
    country_words: PatternSet[str]  # Arabic names -> iso2
    notes: dict[str, str]
    place_cues: PatternSet[int]
    argument_cues: PatternSet[str]
    context_words: PatternSet[str]
    capitals: dict[str, tuple[str, str, float, float, int]]
    cause_links: frozenset[str]  # "إثر", "عقب": what follows caused what went before
    relatives: frozenset[str]  # "التي", "الذين": a "كان" after them describes the noun before
    undergo: tuple[str, ...]  # "تعرض": its subject suffered the event after "ل" (prefixes)
    exposure: tuple[str, ...]  # "التعرض": the noun, exposure to something, not an event undergone (prefixes)
    superlatives: frozenset[str]  # "الأكثر", "أول": before "منذ", what follows is a point of comparison
    since: frozenset[str]  # "منذ"
    than: frozenset[str]  # "من": after a superlative, a count ("أكثر من 20")
    state_verbs: frozenset[str]  # "شنت", "تتهم": a capital as their subject is the state, not a place
    verb_particles: frozenset[str]  # "لم", "قد": may stand between a subject and its verb
    clause_openers: frozenset[str]  # "و", "أن", "لكن": a subject right after them opens its clause
    perfect_verbs: frozenset[str]  # "تم": perfect, though its first letter reads as an imperfect prefix
    place_prepositions: frozenset[str]  # "في بغداد": the capital after them is where, not who
    missile_words: frozenset[str]  # "صاروخ", "صواريخ": stems of the words that name missiles
    between_words: frozenset[str]  # "بين": argument_cues.tsv's markers of a pair of sides
    report_from: frozenset[str]  # "عن": after a reporting verb, the one it reports from ("ونقل الموقع عن")
    air_powers: dict[str, tuple[str, int]]  # iso2 -> the force that flies the unclaimed air strikes there
    # (iso2, direction) -> where a country's part is coded ("شمالي العراق": Erbil), as capitals
    country_regions: dict[tuple[str, str], tuple[str, str, float, float, int]]
    destinations: frozenset[str]  # "إلى": a place right after it is where something went
    settlement_heads: frozenset[str]  # "بلدة", "مدينة": may stand between "إلى" and the place's name
    target_prepositions: frozenset[str]  # "على": a country after it is the place struck ("غارات على سوريا")
    abroad_prepositions: frozenset[str]  # "في", "داخل": a foreign country after them is where it happened
    envoys: frozenset[str]  # "سفير", "مقر": a country after it and a preposition is whose envoy, or a seat
    banned_words: frozenset[str]  # "المحظور": "المحظور في روسيا" is where a group is banned
    origin_words: frozenset[str]  # "من": "من داخل اليمن" is where something came from
    joining_words: frozenset[str]  # "و", "مع": a capital joined to an acting one acts with it
    territory_words: frozenset[str]  # "الأراضي": a nationality after it names the country ("الأراضي السورية")
    territory_adjectives: frozenset[str]  # "الإقليمية": may stand between ("المياه الإقليمية الليبية")
    the_country_words: frozenset[str]  # "البلاد": after a direction, a part of the article's country
    centre_words: frozenset[str]  # "وسط": the centre, as a direction word before "البلاد"
    speech_words: frozenset[str]  # "خطاب", "مؤتمر": "في خطاب في أنقرة" is where it was said, not done
    stage_words: frozenset[str]  # "مرحلة", "معركة": after "دخلت" a war entering a stage, not forces a town
    apposition_prepositions: frozenset[str]  # "في دوما، بالغوطة": after a comma, the next place locates


def _rows(name: str, columns: int) -> list[list[str]]:
    where = "/".join((*FOLDER, name))
    if not data_path(*FOLDER, name).exists():
        raise DataError(f"{where}: data file missing; reinstall marsad")
    rows = []
    for number, row in enumerate(read_rows(*FOLDER, name), 1):
        if len(row) < columns:
            raise DataError(f"{where}: row {number} has {len(row)} columns, expected {columns}: {row!r}")
        rows.append([cell.strip() for cell in row])
    return rows


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    taxonomy = {
        (r[0], r[1]): SubType(r[0], r[1], int(r[2]), r[3], r[4]) for r in _rows("taxonomy.tsv", 5)
    }
    # trigger words may also lose a ب or ل the tokenizer left on ("بعبوة ناسفة"); cue words may not
    # ("بحق" is no "حق")
    triggers: PatternSet[Trigger] = PatternSet(proclitics=TRIGGER_PROCLITICS)
    requirement_words: set[str] = set()
    for pattern, event_type, sub, plover, strength, requires, *_ in _rows("triggers.tsv", 6):
        needs = tuple(w.strip() for w in requires.split(",") if w.strip())
        if event_type != "*" and (event_type, sub) not in taxonomy:
            raise DataError(f"ar/events/triggers.tsv: unknown sub-event type {event_type} / {sub}")
        triggers.add(pattern, Trigger(event_type, sub, plover, strength == "strong", needs, pattern))
        requirement_words.update(
            part.lstrip("<>") for need in needs for part in need.split("&") if not part.startswith("@"))
    requirements: PatternSet[str] = PatternSet(((w, w) for w in requirement_words), TRIGGER_PROCLITICS)
    cues: PatternSet[Cue] = PatternSet(
        (r[0], Cue(r[1], int(r[2]), int(r[3]))) for r in _rows("modality.tsv", 4)
    )
    numbers: dict[str, tuple[int, str]] = {}
    for word, value, kind in _rows("numbers.tsv", 3):
        key = " ".join(w.text for w in parse_pattern(word).words)
        numbers.setdefault(f"{kind}:{key}", (int(value), kind))
    sources: PatternSet[NamedSource] = PatternSet(
        (r[0], NamedSource(r[1], r[2])) for r in _rows("sources.tsv", 3)
    )
    source_cues: PatternSet[SourceCue] = PatternSet(
        (r[0], SourceCue(r[1], int(r[2]))) for r in _rows("source_cues.tsv", 3)
    )
    roles: PatternSet[Role] = PatternSet((r[0], Role(r[1], int(r[2]))) for r in _rows("roles.tsv", 3))
    countries: dict[str, str] = {}
    country_words: PatternSet[str] = PatternSet()
    for iso, english, names in _rows("countries.tsv", 3):
        countries[iso] = english
        for name in names.split(","):
            if name.strip():
                country_words.add(name.strip(), iso)
    notes = {r[0]: r[1] for r in _rows("notes.tsv", 2)}
    place_cues: PatternSet[int] = PatternSet((r[0], int(r[1])) for r in _rows("place_cues.tsv", 2))
    argument_rows = _rows("argument_cues.tsv", 2)
    argument_cues: PatternSet[str] = PatternSet((r[0], r[1]) for r in argument_rows)
    context_rows = _rows("context_words.tsv", 2)
    by_class: dict[str, list[str]] = defaultdict(list)
    for word, kind in context_rows:
        by_class[kind].append(word)

    def normalized(kind: str) -> frozenset[str]:
        return frozenset(normalize(word) for word in by_class[kind])

    return Lexicon(
        taxonomy, triggers, requirements, cues, numbers, sources, source_cues, roles,
        countries, country_words, notes, place_cues, argument_cues,
        PatternSet(((r[0], r[1]) for r in context_rows if r[1] not in _WORD_CLASSES), TRIGGER_PROCLITICS),
        # every country's capital from GeoNames, ACLED's spellings written by hand over it
        {r[0]: (r[1], r[2], float(r[3]), float(r[4]), int(r[5]))
         for name in ("capitals_geonames.tsv", "capitals.tsv") for r in _rows(name, 6)},
        frozenset(by_class["cause"]), frozenset(by_class["relative"]),
        tuple(by_class["undergo"]), tuple(by_class["exposure"]),
        normalized("superlative"), normalized("since"), normalized("than"),
        normalized("state_verb"), normalized("verb_particle"), normalized("clause_opener"),
        normalized("perfect_verb"), normalized("place_preposition"), normalized("missile"),
        frozenset(normalize(r[0]) for r in argument_rows if r[1] == "between"), normalized("report_from"),
        {r[0]: (r[1], int(r[2])) for r in _rows("air_powers.tsv", 3)},
        {(r[0], r[1]): (r[2], r[3], float(r[4]), float(r[5]), int(r[6])) for r in _rows("country_regions.tsv", 7)},
        normalized("destination"), normalized("settlement_head"), normalized("target_preposition"),
        normalized("abroad_preposition"), normalized("envoy"), normalized("banned"), normalized("origin"),
        normalized("joining"), normalized("territory"), normalized("territory_adjective"),
        normalized("the_country"), normalized("centre"), normalized("speech"),
        normalized("entered_stage"), normalized("apposition_preposition"),
    )


# classes of context_words.tsv looked up word by word, not matched as patterns over the sentence
_WORD_CLASSES = (
    "cause", "relative", "undergo", "exposure", "superlative", "since", "than", "state_verb", "verb_particle",
    "clause_opener", "perfect_verb", "place_preposition", "missile", "report_from", "destination",
    "settlement_head", "target_preposition", "abroad_preposition", "envoy", "banned",
    "origin", "joining", "territory", "territory_adjective", "the_country", "centre", "speech",
    "entered_stage", "apposition_preposition",
)


def number_value(norm: str, kind: str) -> int | None:
    """The value of a number word (`kind` number | multiplier | vague) or None."""
    entry = lexicon().numbers.get(f"{kind}:{normalize(norm)}")
    return entry[0] if entry else None
