"""Pipeline stage `events`: ACLED-style event records, one span per record, the span being its evidence.

Per sentence: find triggers (`triggers.tsv`), drop weak ones whose context words are missing, set each
trigger's modality from cue words (`modality.tsv`), type it (`typing.py`), then fill the record's
arguments: actors and their roles (`actors.py`), place(s) and date (`where_when.py`), fatalities
(`fatalities.py`), source (`attribution.py`) and an English note (`notes.py`). One record per event
type x place x day: several towns in one sentence give one record each (sharing the evidence), and
records of the same type, place and day in different sentences are merged.

Records of non-factual modality (planned, possible, threat, denied, negated, historical, statement)
stay in the layer with `factual=False`, so that an exporter of ACLED rows can skip them.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from marsad.countries import country as country_facts
from marsad.document import Document, Span
from marsad.events.actors import (
    UNIDENTIFIED,
    UNIDENTIFIED_MILITARY,
    GroupTally,
    Participant,
    acting_name,
    actor_name,
    assign,
    inter_code,
    interaction,
    last_named,
    participants,
)
from marsad.events.attribution import AttributionState, sentence_source
from marsad.events.clauses import clauses, dateline_end
from marsad.events.fatalities import Toll, is_injury, toll_at, toll_words
from marsad.events.lexicon import Cue, Trigger, lexicon
from marsad.events.modality import (
    FORWARD,
    compared_tokens,
    cue_modality,
    find_cues,
    is_factual,
    is_mark,
    modality_of,
    nearest_undergo,
)
from marsad.events.notes import note
from marsad.events.patterns import Match, Pattern
from marsad.events.typing import AIR_STRIKE, DEMONSTRATIONS, EXPLOSIONS, POSTS, VIOLENT, rank, resolve
from marsad.events.where_when import (
    CHAIN_GAP,
    When,
    Where,
    event_date,
    focus_place,
    place_level,
    sentence_places,
)
from marsad.places.lexicon import lexicon as place_lexicon
from marsad.text.tokenize import clitic_inventory
from marsad.text.tokenize import tokens_by_sentence as group_by_sentence

EVENT_LAYER = "events"
# Strategic developments with no counterpart (ACLED leaves actor2 empty)
_COMPLEMENTISERS = ("ان", "انه", "انها", "بان")
CHANGE_TO_GROUP = "Change to group/activity"
DISRUPTED = "Disrupted weapons use"
ARMED_CLASH = "Armed clash"
CHEMICAL = "Chemical weapon"
# sub-types that, on no day named, are seldom one event
UNDATED_UNSUPPORTED = frozenset({"Arrests", "Abduction/forced disappearance"})
HANDED_OVER = ("Agreement", "Non-violent transfer of territory")  # deals and evacuations: where fighters leave
# how many words may stand between air defences and a repelling verb that is their act ("الدفاعات الجوية
# السورية تصدت لهجوم")
REPEL_REACH = 2
# how many words may stand between an origin word and the place it names ("من داخل الأراضي اليمنية (صعدة)")
ORIGIN_REACH = 5
_ONE_SIDED = (CHANGE_TO_GROUP, "Headquarters or base established", "Other")
# an interception, a seizure or a deal whose sentence names no one: the state's forces where it happened
# (air defences are the state's; a deal with fighters is made with the government): the golds name them
# so (unnamed interceptors and deals in Syria and Saudi Arabia: state forces in 23 of 24 matched records)
_STATE_BY_DEFAULT = (DISRUPTED, "Agreement")
HISTORICAL_DAYS = 31
LONG_SINCE_DAYS = 7  # "منذ 18 شباط" three weeks back is a campaign; "منذ ثلاثة أيام" is one event
SINCE_REACH = 10  # "تشن قوات النظام منذ 18 شباط هجوما", "تشن هجوما منذ أسابيع": the span is the trigger's
LONG_UNITS = ("week", "month", "year")  # "منذ أسابيع", "منذ أشهر", "منذ سنوات" (units of marsad.time)
# how far before its trigger an "after" word makes a background event one named after a cause link
# (the reach of بعد، عقب، إثر as background cues in modality.tsv)
CAUSE_LINK_GAP = 3


@dataclass
class Draft:
    """One record before merging: its type, trigger, arguments and evidence."""

    event_type: str
    sub_event_type: str
    trigger: Match[Trigger]
    tokens: Sequence[Span]
    sentence: int
    modality: str
    strong: bool
    clause: tuple[int, int]
    deaths: list[Toll] = field(default_factory=list)
    context: frozenset[str] = frozenset()  # the sentence's context_words.tsv classes (air, weapon, post ...)


def _bucket(spans: Sequence[Span], sentences: Sequence[Span]) -> dict[int, list[Span]]:
    """Spans by the index of the sentence they start in."""
    buckets: dict[int, list[Span]] = {}
    index = 0
    for span in sorted(spans, key=lambda s: s.start):
        while index < len(sentences) - 1 and span.start >= sentences[index].end:
            index += 1
        if sentences and sentences[index].start <= span.start < sentences[index].end:
            buckets.setdefault(index, []).append(span)
    return buckets


def _trimmed(doc: Document, start: int, end: int) -> tuple[int, int]:
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass
class _ArticleContext:
    """What the event coder knows of an article before it looks for events: per sentence its tokens
    (past the dateline), participants and cited source, and the article's places, dates and country."""

    doc: Document
    sentences: Sequence[Span]
    tokens_by_sentence: dict[int, list[Span]]
    places: dict[int, list[Span]]
    dates: dict[int, list[Span]]
    country: str | None
    focus: Where | None
    old_sentences: set[int]
    sentence_parts: list[tuple[list[Span], list[Participant], str]]
    # per sentence, the location of last resort: a country it names, the article's own first, even one
    # named as an actor too ("استهدفت سوريا" is Syria the state and the place)
    last_resort: dict[int, Where]
    # per sentence, the armed group the article has named most up to it: when a rebel group, the other
    # side of a state force's battle whose sentence names none ("حررت قوات الجيش جبل الحلقوم" in a report
    # on the Houthis)
    main_group: dict[int, Participant | None] = field(default_factory=dict)
    # per sentence, the state force (inter 1) the article has named most up to it: the other side of a
    # rebel group's battle whose sentence names none ("المعارك ... أسفرت عن مصرع أكثر من 20 من الميليشيات"
    # in a report on the Yemeni army)
    main_force: dict[int, Participant | None] = field(default_factory=dict)
    # subheadings (`_is_heading`) that name no place at all, a country included (a link to another
    # report names one): their events happened where the paragraph below them says
    headings: frozenset[int] = frozenset()
    located_countries: frozenset[int] = frozenset()

    @classmethod
    def of(cls, doc: Document) -> _ArticleContext:
        sentences = doc.get("sentences")
        tokens_by_sentence = group_by_sentence(doc.get("tokens"))
        entities = _bucket(doc.get("entities"), sentences)
        sources = _bucket(doc.get("sources"), sentences)
        dates = _bucket(doc.get("dates"), sentences)
        for index, spans in dates.items():  # "الأكبر منذ شهر كانون الثاني": a point of comparison, no date
            sentence_tokens = tokens_by_sentence.get(index, [])
            compared = [sentence_tokens[i] for i in sorted(compared_tokens(sentence_tokens))]
            dates[index] = [d for d in spans if not any(t.start <= d.start < t.end for t in compared)]
        actors = [e for e in doc.get("entities") if isinstance(e.attrs.get("inter"), int)]
        # a capital acting as its state ("الهجمات التي شنتها تل أبيب") is neither a location nor a sign
        # of the article's country; one after a place preposition is where an event happened, no actor
        territories = _territories(doc, tokens_by_sentence)
        placed = _bucket(doc.get("places"), sentences)
        # the territories a nationality names locate events, but are no other state beside a capital
        placed_or_named = _bucket([*doc.get("places"), *territories], sentences)
        capitals = {
            start: role
            for index, spans in placed.items()
            for start, role in _capital_roles(tokens_by_sentence.get(index, []), spans, actors).items()
        }
        # a country after a place preposition or with a direction ("في بريطانيا"، "جنوب شرقي تركيا") is a
        # location too, though it may still stand for its state's forces
        located_countries = {
            start for index, spans in placed_or_named.items()
            for start in _located_countries(tokens_by_sentence.get(index, []), spans)}
        places = [p for p in doc.get("places") if capitals.get(p.start) != "acting"] + territories
        named_places = [p for p in doc.get("places") if len(p.text.split()) > 1]
        entities = {
            index: [e for e in spans if capitals.get(e.start) != "located" and not _inside_a_name(e, named_places)]
            for index, spans in entities.items()
        }
        country = _article_country(places, tokens_by_sentence)
        dateline = dateline_end(doc.text)
        # a place that is also an actor's name ("قالت إسرائيل", "تل أبيب ردت") is no location, nor one
        # where a speech was given ("في خطاب في أنقرة")
        venues = _speech_venues(tokens_by_sentence, placed)
        usable_places = [
            p for p in places if p.start >= dateline and p.start not in venues and (
                p.start in located_countries or not any(_is_name_of(a, p) for a in actors))
        ]
        focus = focus_place([
            p for p in usable_places if not p.attrs.get("territory")
            and (place_level(p) < 2 or p.attrs.get("country_code") in (None, country))
        ])
        usable_places += _parts_of_the_country(doc, tokens_by_sentence, country)
        state = AttributionState()
        previous: Participant | None = None
        groups = GroupTally()
        sentence_parts = []
        main_group = {}
        forces = GroupTally(inters=(1,), generic=True)
        main_force = {}
        for index in range(len(sentences)):
            tokens = [t for t in tokens_by_sentence.get(index, []) if t.start >= dateline]
            source = sentence_source(tokens, sources.get(index, []), state)
            parts = participants(tokens, entities.get(index, []), previous, groups.main(), located_countries)
            previous = last_named(parts, previous)
            groups.add(parts)
            main_group[index] = groups.main()
            forces.add([p for p in parts if p.category != "state"])
            main_force[index] = forces.main()
            sentence_parts.append((tokens, parts, source))
        countries_named = _bucket(
            [p for p in doc.get("places") if p.start >= dateline and place_level(p) == 2], sentences)
        last_resort = {}
        for index, named in countries_named.items():
            place = min(named, key=lambda p: p.attrs.get("country_code") != country)
            last_resort[index] = Where(place, 3, place.attrs.get("country_code"))
        headings = frozenset(
            index for index, sentence in enumerate(sentences) if index not in placed and _is_heading(doc.text, sentence))
        return cls(
            doc, sentences, tokens_by_sentence, _bucket(usable_places, sentences), dates, country, focus,
            _old_sentences(doc, sentences, tokens_by_sentence, dates), sentence_parts, last_resort, main_group,
            main_force, headings, frozenset(_located_abroad(tokens_by_sentence, placed_or_named, actors)),
        )

    def records(
        self, draft: Draft, parts: list[Participant], source: str, narrative_old: bool = False,
        continues_report: bool = False,
    ) -> list[dict[str, Any]]:
        index = draft.sentence
        heading = index in self.headings
        recent = _last_place(self.places, self.tokens_by_sentence, index, self.country, heading)
        return _records(
            self.doc, self.sentences[index], draft, parts, self.places.get(index, []), self.dates.get(index, []),
            recent or self.focus or self.last_resort.get(index), self.country, source, recent is None,
            narrative_old, continues_report, self.main_group.get(index), self.main_force.get(index), heading,
            self.located_countries,
        )


class EventCoder:
    """Pipeline stage: the `events` layer from sentences, tokens and whatever of entities, sources,
    places and dates earlier stages provided (a missing layer counts as empty)."""

    name = "events"
    requires = ("sentences", "tokens")
    provides = ("events",)

    def __call__(self, doc: Document) -> Document:
        context = _ArticleContext.of(doc)
        found: list[tuple[int, list[Draft], list[Participant], str]] = []
        for index, (tokens, parts, source) in enumerate(context.sentence_parts):
            drafts = _sentence_drafts(tokens, index, parts, context.country, bool(context.places.get(index)))
            if drafts:
                found.append((index, drafts, parts, source))
        _drop_intercepted_launches(found)
        records: list[dict[str, Any]] = []
        reporting: set[int] = set()  # sentences with a factual record
        disorders_at = {index: {_disorder(d) for d in drafts} for index, drafts, _, _ in found}
        for index, drafts, parts, source in found:
            for draft in drafts:
                # an undated sentence right after a dated-long-ago one continues its story, unless that
                # story was of another disorder type (a battle in March, then "وندد المتظاهرون ...")
                narrative_old = (index - 1) in context.old_sentences and not context.dates.get(index) and not (
                    _other_story(_disorder(draft), disorders_at.get(index - 1, set())))
                made = context.records(draft, parts, source, narrative_old, (index - 1) in reporting)
                records.extend(made)
                if any(r["factual"] for r in made):
                    reporting.add(index)
        for record in records:
            _intercepted_at_home(record, context)
            _intercepted_over_a_town(record, context.places)
        _intercepted_where_struck(records)
        records += _towns_listed_after(records, context, {index for index, *_ in found})
        _clashes_at_protests(records)
        _weapon_named_elsewhere(records)
        merged = _fold_in_passing(_drop_restatements(_strikes_told_nearby(_merge(records))))
        claims = _claimants(context.sentence_parts, context.country) if any(
            r["factual"] and r["event_type"] in VIOLENT for r in merged) else {}
        for record in merged:
            _territory_roles(record)
            _credit_claim(record, claims)
            _air_power(record)
        doc.layers[EVENT_LAYER] = [_to_span(doc, record) for record in merged]
        return doc


def _disorder(draft: Draft) -> str:
    """ACLED's disorder type of a draft (political violence, demonstrations, strategic developments)."""
    entry = lexicon().taxonomy.get((draft.event_type, draft.sub_event_type))
    return entry.disorder_type if entry else ""


def _other_story(disorder: str, before: set[str]) -> bool:
    """Whether a demonstration follows a sentence only about fighting: then it does not continue that
    sentence's old story (fighting after an old protest often does: its victims, its aftermath)."""
    return disorder == "Demonstrations" and before == {"Political violence"}


def _is_name_of(actor: Span, place: Span) -> bool:
    """Whether a country mention is an actor's whole name (metonymy: "قالت إسرائيل"). Towns named
    as actors ("شهدت بغداد") stay places."""
    # the cheap offsets test first: this runs for every place and actor pair of an article
    return actor.start <= place.start and place.end <= actor.end and (actor.end - actor.start) - (
        place.end - place.start) <= 2 and place_level(place) == 2


def _inside_a_name(entity: Span, named_places: Sequence[Span]) -> bool:
    """Whether a state's name lies inside a longer place name ("مطار دمشق الدولي"، "ريف دمشق"): it names the
    place, not the state."""
    return entity.attrs.get("type") == "state" and any(
        p.start <= entity.start and entity.end <= p.end and p.end - p.start > entity.end - entity.start
        for p in named_places)


def _territories(doc: Document, tokens_by_sentence: dict[int, list[Span]]) -> list[Span]:
    """The countries that a nationality after a territory word names ("داخل الأراضي السورية"، "الأجواء
    اللبنانية"), as places marked `territory`: where an event happened, no sign of what the article is
    about. The places layer has no such names (the toponym guidelines tag none)."""
    lex = lexicon()
    demonyms = place_lexicon().demonyms
    covered = [(p.start, p.end) for p in doc.get("places")]
    found = []
    for tokens in tokens_by_sentence.values():
        for i, token in enumerate(tokens[1:], 1):
            code = demonyms.get(token.attrs.get("norm", ""))
            if code is None or any(a <= token.start < b for a, b in covered):
                continue
            before = [t.attrs.get("norm", "") for t in tokens[max(0, i - 2):i]]
            if before[-1] in lex.territory_words or (
                    len(before) == 2 and before[0] in lex.territory_words and before[1] in lex.territory_adjectives):
                found.extend(_country_span(doc, token, code, territory=True))
    return found


def _parts_of_the_country(doc: Document, tokens_by_sentence: dict[int, list[Span]], country: str | None) -> list[Span]:
    """"شمال البلاد"، "وسط البلاد": a part of the article's country, as a country place with its direction
    (coded to the region city of `country_regions.tsv`; none where the table has no such part)."""
    lex = lexicon()
    if country is None:
        return []
    directions = place_lexicon().before_directions
    found = []
    for tokens in tokens_by_sentence.values():
        for i, token in enumerate(tokens[1:], 1):
            if token.attrs.get("norm", "") not in lex.the_country_words:
                continue
            before = tokens[i - 1].attrs.get("norm", "")
            direction = "centre" if before in lex.centre_words else directions.get(before)
            if direction is not None and (country, direction) in lex.country_regions:
                found.extend(_country_span(doc, token, country, direction=direction))
    return found


def _country_span(doc: Document, token: Span, code: str, **marks: Any) -> list[Span]:
    """A country place on one word that is no place name of its own (a nationality, "البلاد"), coded at
    precision 3; none for a country the events lexicon does not name."""
    name = lexicon().countries.get(code)
    if name is None:
        return []
    return [doc.span(token.start, token.end, "PLACE", name=name, country_code=code, feature="COUNTRY",
                     geo_precision=3, **marks)]


def _located_abroad(
    tokens_by_sentence: dict[int, list[Span]], placed: dict[int, list[Span]], actors: Sequence[Span],
) -> list[int]:
    """The starts of the countries named as where an event happened: "غارات في سوريا"، "على سوريا"،
    "غارة شمال سوريا"، "داخل الأراضي السورية"; not "المحظور في روسيا", "المدعومة من إيران", "اتصلت
    بروسيا", nor the country that qualifies an envoy, a seat or an actor named just before ("سفير
    السعودية في أمريكا"، "من مقره في بريطانيا")."""
    lex = lexicon()
    prepositions = lex.abroad_prepositions | lex.target_prepositions
    found = []
    for index, spans in placed.items():
        tokens = tokens_by_sentence.get(index, [])
        start_at = {t.start: i for i, t in enumerate(tokens)}
        for place in spans:
            first = start_at.get(place.start)
            if first is None or first == 0 or place_level(place) != 2:
                continue
            first = _past_territory_word(tokens, first)
            before = tokens[first - 1].attrs.get("norm", "")
            word = first - 2  # the word before the preposition, past a pronoun ("من مقره في بريطانيا")
            while word > 0 and tokens[word].attrs.get("role") == "enclitic":
                word -= 1
            two_before = tokens[word].attrs.get("norm", "") if word >= 0 else ""
            qualifies = word >= 0 and (two_before in lex.envoys or any(
                a.start <= tokens[word].start < a.end for a in actors))
            if place.attrs.get("territory"):
                # "غارات داخل الأراضي السورية"; not "أطلقت من داخل الأراضي اليمنية"، "من فوق الأراضي اللبنانية"
                words = {t.attrs.get("norm", "") for t in tokens[max(0, first - 4):first]}
                if not words & lex.origin_words:
                    found.append(place.start)
            elif place.attrs.get("direction") or (
                    before in prepositions and two_before not in lex.banned_words | lex.origin_words and not qualifies):
                found.append(place.start)
    return found


def _speech_venues(tokens_by_sentence: dict[int, list[Span]], placed: dict[int, list[Span]]) -> set[int]:
    """The starts of the places named as where a speech, a press conference or a meeting was held ("صرح
    أردوغان في خطاب في أنقرة أن القوات ... سيطرت على بلدة جندريس"): where it was said, not done."""
    lex = lexicon()
    venues = set()
    for index, spans in placed.items():
        tokens = tokens_by_sentence.get(index, [])
        start_at = {t.start: i for i, t in enumerate(tokens)}
        for place in spans:
            first = start_at.get(place.start)
            if first is None or first < 2 or tokens[first - 1].attrs.get("norm", "") not in lex.place_prepositions:
                continue
            words = [t for t in tokens[:first - 1] if not is_mark(t)]  # "مراسل "سكاي نيوز" في القدس"
            before = {t.attrs.get("norm", "") for t in words[-SPEECH_REACH:]}
            if before & lex.speech_words:
                venues.add(place.start)
    return venues


# the words that may stand between a speech word and the preposition of its place ("مؤتمر صحفي في")
SPEECH_REACH = 3


def _past_territory_word(tokens: Sequence[Span], first: int) -> int:
    """Where a country's preposition is looked for: before a territory word that stands before the country
    ("باتجاه أراضي المملكة"، "على أراضي سوريا"), else right before the country."""
    if first > 1 and tokens[first - 1].attrs.get("norm", "") in lexicon().territory_words:
        return first - 1
    return first


def _located_countries(tokens: Sequence[Span], places: Sequence[Span]) -> list[int]:
    """The starts of the countries of a sentence named as where something is, not as a state: after a
    place preposition ("في بريطانيا"، "بسوريا") or على, or with a direction ("جنوب شرقي تركيا")."""
    lex = lexicon()
    prepositions = lex.place_prepositions | lex.target_prepositions
    start_at = {t.start: i for i, t in enumerate(tokens)}
    located = []
    for place in places:
        first = start_at.get(place.start)
        if first is None or place_level(place) != 2:
            continue
        first = _past_territory_word(tokens, first)
        if place.attrs.get("direction") or place.attrs.get("territory") or (
                first > 0 and tokens[first - 1].attrs.get("norm", "") in prepositions):
            located.append(place.start)
    return located


JOINED_GAP = 3  # "دمشق مع حليفتها موسكو": the words from one capital to the next


def _capital_roles(tokens: Sequence[Span], places: Sequence[Span], actors: Sequence[Span]) -> dict[int, str]:
    """Towns of a sentence that the actor dictionary also reads as a state (a capital), by their start:
    "acting" when they name the state as the subject of its verb (metonymy: "الهجمات التي شنتها تل
    أبيب"، "#طهران لم تعلن"; beside a town of another country), so no location of what it did; "located"
    after a place preposition ("هجوم انتحاري في كابول"، "بدمشق"), so the place of what happened there, not the state as its actor. Other
    towns, and capitals read neither way, are in neither."""
    lex = lexicon()
    start_at = {t.start: i for i, t in enumerate(tokens)}
    end_at = {t.end: i for i, t in enumerate(tokens)}
    actor_spans = {(a.start, a.end) for a in actors}
    roles = {}
    for place in places:
        first, last = start_at.get(place.start), end_at.get(place.end)
        if first is None or last is None or place_level(place) != 0 or (place.start, place.end) not in actor_spans:
            continue
        # "صاروخا بالستيا على الرياض": a target preposition places what struck there too
        if _word_before_place(tokens, first) in lex.place_prepositions | lex.target_prepositions:
            roles[place.start] = "located"
            continue
        before = first - 1
        while before >= 0 and (tokens[before].attrs.get("role") == "enclitic" or tokens[before].attrs.get("norm") == "#"):
            before -= 1
        previous = tokens[before].attrs.get("norm", "") if before >= 0 else ""
        after = last + 1
        while after < len(tokens) and tokens[after].attrs.get("norm") in lex.verb_particles:
            after += 1
        following = tokens[after].attrs.get("norm", "") if after < len(tokens) else ""
        opens_clause = before < 0 or is_mark(tokens[before]) or previous in lex.clause_openers
        # beside a town or a country of another state, a capital with no place preposition is its state,
        # whatever its verb ("العملية التي تطلق عليها أنقرة اسم غصن الزيتون ... على منطقة عفرين"،
        # "الضربات ... على سوريا ... تبرير موسكو")
        elsewhere = not place.attrs.get("direction") and any(
            other.attrs.get("country_code") not in (None, place.attrs.get("country_code")) and (
                place_level(other) == 2 or str(other.attrs.get("feature") or "").startswith(("PPL", "ADM"))
                and (other.start, other.end) not in actor_spans) for other in places)
        if previous in lex.state_verbs or (opens_clause and following in lex.state_verbs) or elsewhere:
            roles[place.start] = "acting"
    # a capital joined to an acting one ("شنتها دمشق مع حليفتها موسكو"، "اتهمت دمشق وموسكو") acts with it
    for place in places:
        first = start_at.get(place.start)
        if place.start in roles or first is None or (place.start, place.end) not in actor_spans:
            continue
        for other in places:
            other_last = end_at.get(other.end)
            if roles.get(other.start) != "acting" or other_last is None or not 0 < first - other_last <= JOINED_GAP:
                continue
            between = {tokens[i].attrs.get("norm", "") for i in range(other_last + 1, first)}
            if between & lex.joining_words:
                roles[place.start] = "acting"
    return roles


def _word_before_place(tokens: Sequence[Span], first: int) -> str:
    """The word before a place's name, past its settlement head and a nationality after the head: "في"
    for "في العاصمة الفرنسية باريس" and "في مدينة حلب"."""
    lex = lexicon()
    norms = [""] + [t.attrs.get("norm", "") for t in tokens[:first]]  # norms[i + 1] is token i's
    at = first
    if norms[at] in place_lexicon().demonyms and norms[max(0, at - 1)] in lex.settlement_heads:
        at -= 2
    elif norms[at] in lex.settlement_heads:
        at -= 1
    return norms[max(0, at)]


def _last_place(
    places: dict[int, list[Span]], tokens_by_sentence: dict[int, list[Span]], index: int, country: str | None,
    heading: bool = False,
) -> Where | None:
    """The last location of the two sentences before: where a sentence with no place of its own
    happened ("وأدى القصف الحوثي إلى مقتل طبيب" after "... مستشفى مديرية حيس"). A heading looks ahead
    first: it names the paragraph below it ("تحرير جبل الحلقوم" over "حررت قوات الجيش جبل الحلقوم في
    جبهة حيفان"), not the one above."""
    for before in ((index + 1,) if heading else ()) + (index - 1, index - 2):
        wheres = sentence_places(tokens_by_sentence.get(before, []), places.get(before, []), country)
        towns = [w for w in wheres if w.place is not None and place_level(w.place) == 0]
        if towns:
            return towns[-1]
    return None


HEADING_WORDS = 8


def _is_heading(text: str, sentence: Span) -> bool:
    """A short line of its own with no closing punctuation: a subheading over the paragraph below."""
    if sentence.text.rstrip()[-1:] in ".!?؟:،" or len(sentence.text.split()) > HEADING_WORDS:
        return False
    before, after = text[:sentence.start].rstrip(" \t"), text[sentence.end:].lstrip(" \t")
    return (not before or before[-1] in "\n\u2028\u2029") and (not after or after[0] in "\n\u2028\u2029")


REPORT_FROM_GAP = 6


def _reporting_verbs(tokens: Sequence[Span]) -> set[int]:
    """Reporting verbs of the sentence that report from someone ("ونقل موقع رووداو عن نائب المحافظ"):
    a trigger there ("نقل", moving fighters) is the report's verb, no event."""
    lex = lexicon()
    return {
        cue.first for cue in lex.source_cues.find(tokens) if cue.payload.role == "say" and any(
            tokens[i].attrs.get("norm") in lex.report_from
            for i in range(cue.last + 1, min(len(tokens), cue.last + 1 + REPORT_FROM_GAP)))
    }


def _names_missiles(pattern: Pattern) -> bool:
    """Whether a trigger pattern names missiles ("اطلق* صاروخ*"، "صواريخ باتجاه")."""
    stems = lexicon().missile_words
    return any(word.rstrip("*").startswith(stem) for word in pattern.source.split() for stem in stems)


def _names_one_told(trigger: Match[Trigger], cues: Sequence[Match[Cue]]) -> bool:
    """Whether a `told` cue stands right before the trigger ("هذه الغارة"، "بين القتلى"): it names an event
    told already, not one of the clause's own."""
    return any(c.payload.modality == "told" and c.last == trigger.first - 1 for c in cues)


def _beside(match: Match[Trigger], other: Match[Trigger]) -> bool:
    """Two triggers at most REPEL_REACH words apart."""
    return match is not other and (0 < match.first - other.last <= REPEL_REACH
                                   or 0 < other.first - match.last <= REPEL_REACH)


def _drop_intercepted_launches(found: list[tuple[int, list[Draft], list[Participant], str]]) -> None:
    """A missile launch reported just before its interception is part of the disrupted weapons use."""
    intercepts = {
        index for index, drafts, _, _ in found
        if any(d.sub_event_type == DISRUPTED for d in drafts)
    }
    for index, drafts, _, _ in found:
        if any(0 <= other - index <= 2 for other in intercepts):
            drafts[:] = [
                d for d in drafts
                if not (d.event_type == "Explosions/Remote violence" and _names_missiles(d.trigger.pattern))
            ]


def _sentence_drafts(
    tokens: Sequence[Span], index: int, parts: list[Participant], country: str | None = None,
    has_place: bool = False,
) -> list[Draft]:
    """One draft per event type and clause of the sentence, each with its best trigger and tolls."""
    lex = lexicon()
    if not tokens:
        return []
    matches = lex.triggers.find(tokens)
    if not matches:
        return []
    first_seen: dict[str, int] = {}
    seen_at: dict[str, list[int]] = {}
    for m in lex.requirements.find(tokens, longest=False):
        first_seen.setdefault(m.payload, m.first)
        seen_at.setdefault(m.payload, []).append(m.first)
    has_actor = any(p.armed for p in parts)
    tagged = in_hashtags(tokens)

    def required(need: str, trigger: Match[Trigger]) -> bool:
        if "&" in need:
            return all(required(part, trigger) for part in need.split("&"))
        if need.startswith("<"):  # the word must come first: a verb and its object ("أطلقت إيران 20 صاروخا")
            return first_seen.get(need[1:], len(tokens)) < trigger.first
        if need.startswith(">"):  # the word must follow closely: the verb's object ("نقل عدد كبير من عناصره")
            return any(0 < at - trigger.last <= OBJECT_REACH for at in seen_at.get(need[1:], ()))
        if need == "@demonym":  # a nationality right after it ("ضربات إسرائيلية"): a state's strikes
            return trigger.last + 1 < len(tokens) and tokens[trigger.last + 1].attrs.get("norm") in place_lexicon().demonyms
        return (need == "@actor" and has_actor) or (need == "@place" and has_place) or need in first_seen

    reporting = _reporting_verbs(tokens)
    # a trigger word inside an actor's name is part of the name ("مقاتلي الحشد الشعبي": no massing)
    named = {i for p in parts if not p.generic and not p.resolved and p.last > p.first for i in range(p.first, p.last + 1)}
    kept = [
        m for m in matches
        if (m.payload.strong or any(required(r, m) for r in m.payload.requires))
        and not _control_noun(m, tokens) and not _entered_stage(m, tokens) and m.first not in tagged
        and m.first not in reporting
        and not (m.first in named and m.last in named)
    ]
    cues = find_cues(tokens)
    context_matches = lex.context_words.find(tokens, longest=False)
    context = {m.payload for m in context_matches}
    crowd_at = {m.first for m in context_matches if m.payload == "crowd"}
    # raids are flown, not shot down: an interception in their sentence is another event ("جاءت الغارات
    # بعد ساعات من اعتراض الدفاعات الجوية صاروخا")
    raid_at = {m.first for m in context_matches if m.payload == "raid"}
    fighter_spans = [(m.first, m.last) for m in context_matches if m.payload == "fighter"]
    spans = clauses(tokens)
    tallies = [m.first for m in context_matches if m.payload == "tally"]
    modalities: dict[int, str] = {}
    for match in kept:
        first, last = spans[_clause_of(spans, match.first)]
        # a pluperfect or "after" reaches no further than its own clause: "المزارع التي كان المتمردون
        # يتحصنون بداخلها، فيما دفعت ألوية العمالقة بتعزيزات" reports the reinforcements as news
        reaching = [c for c in cues if c.payload.modality != "background" or first <= c.first <= last]
        # nor does any cue past a toll update after the trigger: it tells of the running tally
        tally = min((t for t in tallies if t > match.last), default=len(tokens))
        reaching = [c for c in reaching if c.first < tally]
        modalities[id(match)] = modality_of(
            match.first, match.last, match.future, reaching, tokens, match.first in crowd_at)
    preparing_at = [m.first for m in context_matches if m.payload == "preparing"]
    routine = [(m.first, m.last) for m in context_matches if m.payload == "routine"]
    for match in kept:
        if match.payload.sub_event_type != CHANGE_TO_GROUP or not is_factual(modalities[id(match)]):
            continue
        if any(0 < at - match.last <= PREPARING_REACH for at in preparing_at):
            # forces moved "تمهيدا لبدء معركة" prepare a battle to come: the movement is part of the plan
            modalities[id(match)] = "planned"
        elif any(first <= match.first <= last for first, last in routine):
            # reinforcements sent, forces massed or deployed, an alert declared: the routine of a war, which
            # the article golds never code (0 of their 249 records; "Houthi reinforcements continuing" is a
            # dev gold non-event); a group moving its fighters into towns ("نقل عناصره إلى بلدات") is news
            modalities[id(match)] = "routine"
    # a blocked protest word is no protest, so an attack word beside it is no protest met with force
    # ("أبلغه احتجاج لبنان على هذا الاعتداء": a diplomatic protest); a blocked violence word still names
    # what an attack word beside it is about ("منظمة حظر الأسلحة الكيميائية ... موقع الهجوم")
    concrete = {
        m.payload.event_type for m in kept
        if m.payload.event_type != "*" and not (m.payload.event_type == "Protests" and modalities[id(m)] == "block")
    }
    # attacks typed by their weapon count as concrete before deaths are typed ("صواريخ استهدفت ... وأدت
    # إلى سقوط قتلى" is one strike with its toll)
    weapon_attacks: dict[int, tuple[str, str]] = {}
    for match in kept:
        if match.payload.sub_event_type == "attack":
            typed = resolve(match.payload, concrete, context, parts, None, country)
            if typed is None and EXPLOSIONS in concrete:
                typed = _own_clause_strike(match, kept, context_matches, spans, parts, country)
            if typed and typed[0] == "Explosions/Remote violence":
                weapon_attacks[id(match)] = typed
    concrete |= {typed[0] for typed in weapon_attacks.values()}
    # a mine or bomb cleared is no missile shot down: only a blast beside it happened, a device named
    # beside it is what was cleared
    clearing_at = {m.first for m in context_matches if m.payload == "clearance"}
    blast_at = {m.first for m in context_matches if m.payload == "blast"}
    intercepts = [m for m in kept if m.payload.sub_event_type == DISRUPTED and m.first not in clearing_at]
    intercepted = bool(intercepts)
    cleared = any(m.payload.sub_event_type in (DISRUPTED, "clear") and m.first in clearing_at for m in kept)
    victims_named = any(
        _victims_named(m, tokens, parts) for m in kept if m.payload.sub_event_type in ("kill", "attack")
    )
    drafts: dict[tuple[str, int], Draft] = {}
    deaths: list[Match[Trigger]] = []
    # a death word a disaster or an accident blocks ("لقي 346 شخصا حتفهم في فيضانات إقليم هونان ... من
    # بين 612 قتيلا") makes the sentence a toll of it: its other death words too, unless it names an act
    # of violence besides
    if any(m.payload.sub_event_type == "kill" and modalities[id(m)] == "block" for m in kept) and not any(
            m.payload.sub_event_type != "kill" and m.payload.plover == "ASSAULT" and modalities[id(m)] != "block"
            for m in kept):
        for match in kept:
            if match.payload.sub_event_type == "kill":
                modalities[id(match)] = "block"
    for match in kept:
        modality = modalities[id(match)]
        if modality == "block":
            continue
        roles = assign(parts, match.first, match.last, victims_first=match.payload.sub_event_type == "kill")
        fighters_dead = match.payload.sub_event_type == "kill" and _fighters_dead(match, fighter_spans, tokens, parts)
        typed = weapon_attacks.get(id(match)) or resolve(
            match.payload, concrete, context, parts, roles.actor1, country, fighters_dead,
            victims_named,
        )
        if match.payload.sub_event_type == "kill":
            deaths.append(match)
        if typed is None:
            continue
        event_type, sub = typed
        derived = match.payload.event_type == "*"
        if intercepted and (event_type == "Explosions/Remote violence" or (derived and event_type in VIOLENT)) \
                and match.first not in raid_at:
            continue  # the missile or drone was shot down: a disrupted weapons use, not a strike
        if cleared and event_type == EXPLOSIONS and match.first not in blast_at:
            continue
        if sub == ARMED_CLASH and any(_beside(match, other) for other in intercepts):
            continue  # "الدفاعات الجوية تصدت لهجوم صاروخي": the air defences' repelling is the interception
        clause_index = _clause_of(spans, match.first)
        current = drafts.get((event_type, clause_index))
        if current is None:
            drafts[(event_type, clause_index)] = Draft(
                event_type, sub, match, tokens, index, modality, match.payload.strong, spans[clause_index],
                context=frozenset(context),
            )
            continue
        # the clause's first trigger of the type carries its modality ("يستعد متظاهرون ... للاعتصام"), unless
        # it only names an event told already and another of its type follows as news ("وسبق هذه الغارة
        # بساعة غارة مماثلة استهدفت منزل ...", not the told event's dead: "أدت هذه الهجمات إلى مقتل"); the
        # sub-type is the one first in ACLED's priority order
        if current.modality == "background" and is_factual(modality) and match.payload.sub_event_type != "kill" \
                and _names_one_told(current.trigger, cues):
            current.modality = modality
            current.trigger = match
        current.strong = current.strong or match.payload.strong
        if rank(event_type, sub) < rank(current.event_type, current.sub_event_type):
            current.sub_event_type = sub
            current.trigger = match
    if not drafts:
        return []
    exploded = {clause for event_type, clause in drafts if event_type == EXPLOSIONS}
    # "انفجر لغم آخر باثنين أثناء محاولتهما إبطال مفعوله": the mine went off as they cleared it
    drafts = {
        key: d for key, d in drafts.items()
        if not (d.sub_event_type == DISRUPTED and key[1] in exploded and d.trigger.first in clearing_at)
    }
    _date_causes_by_their_toll(drafts.values(), deaths, modalities, tokens)
    if any(d.event_type == "Riots" and is_factual(d.modality) for d in drafts.values()):
        # a demonstration that turns violent is a riot (ACLED), not also a protest
        drafts = {key: d for key, d in drafts.items() if d.event_type != "Protests"}
    if any(d.event_type == "Explosions/Remote violence" for d in drafts.values()):
        # an assassination or attack by a named device is coded by its method ("محاولة اغتيال بعبوة ناسفة")
        drafts = {
            key: d for key, d in drafts.items()
            if not (d.event_type == "Violence against civilians" and d.sub_event_type == "Attack")
        }
    # each death goes to the violent record whose trigger is nearest
    for death in deaths:
        toll = toll_at(tokens, death.first, death.last)
        candidates = [d for d in drafts.values() if d.event_type in (*VIOLENT, "Protests")]
        if candidates:
            nearest = min(candidates, key=lambda d: abs(d.trigger.first - death.first))
            nearest.deaths.append(toll)
            if nearest.modality == "ongoing" and is_factual(modalities[id(death)]):
                # a death told as news in fighting that goes on ("قتل قائد، الأربعاء، في المواجهات
                # المستمرة") makes the fighting a record of its own
                nearest.modality = modalities[id(death)]
    # an accusation names who did it; an attack whose dead it counts happened ("اتهمت دمشق إسرائيل بقصف
    # مطار التيفور، ما تسبب بمقتل سبعة"), one it only names may be rhetoric, and one named in a threat or
    # plan ("هددت بالرد بعد اتهامه باستخدام الكيمياوي") is the reason given for it
    reacting = any(cue_modality(c) in FORWARD for c in cues)
    for draft in drafts.values():
        if draft.modality == "accused" and not reacting and any(t.explicit and not t.aggregate for t in draft.deaths):
            draft.modality = "asserted"
    return list(drafts.values())


def _clause_of(spans: Sequence[tuple[int, int]], index: int) -> int:
    """The number of the clause (`clauses`) that holds token `index`."""
    return next(i for i, (first, last) in enumerate(spans) if first <= index <= last)


def _own_clause_strike(
    attack: Match[Trigger], kept: Sequence[Match[Trigger]], context_matches: Sequence[Match[str]],
    spans: Sequence[tuple[int, int]], parts: list[Participant], country: str | None,
) -> tuple[str, str] | None:
    """An attack word with its weapon in a clause with no strike word is a strike of its own, though
    another clause of the sentence tells another ("استهدفت مقاتلات التحالف دبابة ... بمديرية المتون، في
    حين دمرت غارات أخرى أطقم قتالية ... بمحافظة الجوف": two strikes, two districts)."""
    first, last = spans[_clause_of(spans, attack.first)]
    concrete = {m.payload.event_type for m in kept if first <= m.first <= last and m.payload.event_type != "*"}
    if EXPLOSIONS in concrete:
        return None
    context = {m.payload for m in context_matches if first <= m.first <= last}
    return resolve(attack.payload, concrete, context, parts, None, country)


def in_hashtags(tokens: Sequence[Span]) -> set[int]:
    """The tokens of hashtags ("#انفجار_بيروت" is `#`, `انفجار`, `_`, `بيروت` with no space between):
    a post's topic label, not a report that the event happened."""
    tagged: set[int] = set()
    for index in range(1, len(tokens)):
        previous = tokens[index - 1]
        if tokens[index].start == previous.end and (previous.attrs.get("norm") == "#" or index - 1 in tagged):
            tagged.add(index)
    return tagged


CONTROL_OBJECT_GAP = 5


def _control_noun(match: Match[Trigger], tokens: Sequence[Span]) -> bool:
    """"سيطرتها", "سيطرتهم" are the noun with a possessive, not the verb سيطرت (which takes no pronoun).
    With a place after على it still reports a taking ("أعلن الجيش سيطرته بالكامل على العاصمة"); with
    none it is a state ("مناطق واقعة تحت سيطرتها")."""
    if match.payload.sub_event_type != "control" or match.first != match.last:
        return False
    after = [t.attrs.get("norm") for t in tokens[match.last + 1:match.last + 1 + CONTROL_OBJECT_GAP]]
    return bool(after) and tokens[match.last + 1].attrs.get("role") == "enclitic" and "علي" not in after


def _entered_stage(match: Match[Trigger], tokens: Sequence[Span]) -> bool:
    """"ودخلت معركة تحرير الحديدة مرحلة جديدة": a battle entering a stage, no forces entering a place."""
    after = match.last + 1
    return match.payload.sub_event_type == "enter" and after < len(tokens) \
        and tokens[after].attrs.get("norm", "") in lexicon().stage_words


def _date_causes_by_their_toll(
    drafts: Iterable[Draft], deaths: list[Match[Trigger]], modalities: dict[int, str], tokens: Sequence[Span],
) -> None:
    """An event after "إثر/عقب/بعد" that caused deaths reported before it in the same sentence is those
    deaths' event, as recent as they are: "قتل 3 مواطنين إثر انفجار في سوق" is no earlier explosion; one
    that caused injuries reported before it in its clause is news too."""
    for draft in drafts:
        if draft.modality != "background" or draft.trigger.first == 0:
            continue
        if tokens[draft.trigger.first - 1].attrs.get("norm") not in lexicon().cause_links:
            continue
        before = [modalities[id(d)] for d in deaths if d.last < draft.trigger.first]
        if any(is_factual(m) for m in before):
            draft.modality = next(m for m in before if is_factual(m))
        elif any(is_injury(t.attrs.get("norm", "")) for t in tokens[draft.clause[0]:draft.trigger.first - 1]):
            # so do injuries told before it in its clause ("أصيب المواطن وأفراد أسرته إثر انفجار لغم")
            draft.modality = "asserted"


FIGHTER_GAP = 3
# how far after a movement of forces a preparing word makes it planned ("دفعت المقاومة بتعزيزات
# عسكرية إلى مشارف المدينة تمهيدا لمعركة": 10 words)
PREPARING_REACH = 12
# how far after its trigger an old year dates the event itself rather than a noun's state
YEAR_REACH = 6
VICTIM_BEFORE = 4
VICTIM_AFTER = 8


def _victims_named(word: Match[Trigger], tokens: Sequence[Span], parts: list[Participant]) -> bool:
    """Whether a death or attack word has civilians as its victims: a civilian noun within four words
    before or eight after it ("مقتل 7 مدنيين", "9 قتلى و15 جريحا جميعهم من المدنيين"), or one who
    underwent it with no armed side named between ("تعرض صحفي لهجوم", "تعرضت لهجوم مسلح"). Civilians elsewhere in the sentence
    (an audience of journalists, symptoms seen on civilians), or before it across a comma or a
    complementiser ("قال أمام الصحفيين إن ..."), are not its victims."""
    for p in parts:
        if p.inter != 7 or not (word.first - VICTIM_BEFORE <= p.last and p.first <= word.last + VICTIM_AFTER):
            continue
        between = [t.attrs.get("norm", "") for t in tokens[p.last + 1:word.first]]
        if not any(n in _COMPLEMENTISERS or n in (",", "،") for n in between):
            return True  # not a listener of the speech that reports the death ("أمام الصحفيين إن ...")
    index = nearest_undergo(tokens, word.first)
    return index is not None and not any(p.armed and index < p.first < word.first for p in parts)


def _fighters_dead(
    death: Match[Trigger], fighter_spans: list[tuple[int, int]], tokens: Sequence[Span], parts: list[Participant],
) -> bool:
    """Whether the dead of a death word are fighters: a fighter noun (`context_words.tsv`, class
    `fighter`) within three words of it ("مقتل 70 عنصرا"، "لقي القيادي الحوثي مصرعه"، "43 مسلحا قتلوا"), or
    one of an armed group named between them ("30 عنصرا من ميليشيات الحوثي الإيرانية لقوا مصرعهم")."""
    def of_armed_group(last: int) -> bool:
        return last + 2 < len(tokens) and tokens[last + 1].attrs.get("norm") in toll_words().partitive and any(
            p.armed and p.first == last + 2 and 0 < death.first - p.last <= FIGHTER_GAP for p in parts)
    return any(
        0 < first - death.last <= FIGHTER_GAP or 0 < death.first - last <= FIGHTER_GAP or of_armed_group(last)
        for first, last in fighter_spans
    )


def _other_side(
    parts: list[Participant], actor1: Participant | None, assoc1: Participant | None,
) -> Participant | None:
    """A battle has two sides: when none was found near the trigger, the sentence's other armed actor
    ("اقتحمت قوات الجيش مركز المديرية ... بعد معارك ضارية خاضتها مع ميليشيات الحوثي"), one in the text's
    flow before one set aside in brackets."""
    taken = {p.name for p in (actor1, assoc1) if p is not None}
    others = [
        p for p in parts
        if p.armed and p.name not in taken and p.hint != "assoc" and not (p.generic and p.inter == 3)
    ]
    others.sort(key=lambda p: p.hint == "aside")
    return others[0] if others else None


def _sides(
    actor1: Participant | None, assoc1: Participant | None, actor2: Participant | None, country: str | None,
) -> tuple[Participant | None, Participant | None, Participant | None]:
    """Two names for one side are no two sides: an actor2 that is actor1 under the country's name
    ("الجيش اليمني" and "القوات الحكومية") goes, and so does the state beside its own forces; another
    state force of the same country ("حررت قوات الجيش اليمني والمقاومة": the army and the joint
    resistance) is actor1's ally."""
    if actor1 is None or actor2 is None:
        return actor1, assoc1, actor2
    if actor_name(actor2, country) in (actor_name(actor1, country), actor_name(assoc1, country)):
        return actor1, assoc1, None
    if inter_code(actor1, country) == inter_code(actor2, country) == 1:
        # the state itself ("الحكومة السورية" beside its army) is no ally of its own forces
        ally = assoc1 or (None if actor2.category in ("state", "government") else actor2)
        return actor1, ally, None
    return actor1, assoc1, actor2


def _stand_in(name: str, inter: int, trigger: Match[Trigger], generic: bool = True) -> Participant:
    """An actor the sentence implies but does not name (the civilians of an attack, the police of a
    dispersal), placed at the trigger; `generic` names take the article's country."""
    return Participant(name, inter, None, None, trigger.first, trigger.last, generic)


def _records(
    doc: Document, sentence: Span, draft: Draft, parts: list[Participant], places: list[Span],
    dates: list[Span], fallback: Where | None, article_country: str | None, source: str,
    fallback_is_focus: bool, narrative_old: bool = False, continues_report: bool = False,
    main_group: Participant | None = None, main_force: Participant | None = None, heading: bool = False,
    located: frozenset[int] = frozenset(),
) -> list[dict[str, Any]]:
    lex = lexicon()
    tokens = draft.tokens
    trigger = draft.trigger
    roles = assign(parts, trigger.first, trigger.last, victims_first=trigger.payload.sub_event_type == "kill")
    actor1, assoc1, actor2 = _sides(roles.actor1, roles.assoc1, roles.actor2, article_country)
    perpetrator_unnamed = False
    generic_protesters = _stand_in("Protesters", 6, trigger)
    if draft.event_type == "Protests":
        protesters = next((p for p in parts if p.inter == 6), generic_protesters)
        # the force that met the crowd: the police, or an army, the country's own or another's (the Israeli
        # army at the Gaza border marches)
        police = next((p for p in parts if p.inter == 1), None) or next((p for p in parts if p.inter == 8), None)
        actor1 = protesters
        actor2 = police if draft.sub_event_type != "Peaceful protest" else None
        if actor2 is None and draft.sub_event_type != "Peaceful protest":
            actor2 = _stand_in("Police Forces", 1, trigger)
    elif draft.event_type == "Violence against civilians" and (actor2 is None or actor2.inter != 7):
        victims = next((p for p in parts if p.inter == 7), None)
        actor2 = victims or _stand_in("Civilians", 7, trigger)
        if actor1 is not None and actor1.inter == 7:
            actor1 = None
    elif draft.event_type == "Battles" and actor2 is None:
        actor2 = _other_side(parts, actor1, assoc1)
        if actor2 is None and _fights_the_rebels(actor1, main_group, article_country):
            # a state force fights the rebels the article is about (named in another sentence: placed at
            # the trigger, as the actors a sentence implies are)
            actor2 = _at_trigger(main_group, trigger)
        posts = draft.context & POSTS
        if actor2 is None and posts and trigger.payload.sub_event_type == "attack" and (
                actor1 is None or actor1.inter not in (1, 8)):
            # an attack on a checkpoint, a barracks or a patrol is one on the forces that hold it, on a
            # police station one on the police
            actor2 = _stand_in("Military Forces" if "post" in posts else "Police Forces", 1, trigger)
    lone = actor1 if actor2 is None else actor2 if actor1 is None else None
    if draft.event_type == "Battles" and lone is not None and lone.inter == 2 and main_force is not None \
            and actor_name(main_force, article_country) != actor_name(lone, article_country):
        # a rebel group's battle with no one named against it, as object or as subject ("قتل 17 من ميليشيات
        # الحوثي في مواجهات"), is with the state force the article is about, named first as the dev gold has it
        actor1, actor2 = _at_trigger(main_force, trigger), lone
    if actor1 is not None and actor1.category == "coalition" and actor2 is not None and actor2.category == "state" \
            and actor2.country == article_country:
        # a coalition fights for the state of the country it operates in ("غارات التحالف العربي في اليمن"):
        # the country named is the place, and the side struck is the rebels the article is about, if any
        actor2 = (_at_trigger(main_group, trigger)
                  if main_group is not None and main_group.inter == 2 else None)
    if draft.event_type == "Battles" and actor1 is not None and actor1.category == "coalition" \
            and main_force is not None and main_force.inter == 1 and assoc1 is None \
            and (actor2 is None or actor_name(main_force, article_country) != actor_name(actor2, article_country)):
        # on the ground a coalition fights beside the state's forces the article follows, which lead
        # ("اشتباكات وقصف مدفعي لقوات التحالف" in the joint forces' sweep): ACLED's actor1 and its ally
        actor1, assoc1 = _at_trigger(main_force, trigger), actor1
    if draft.event_type == EXPLOSIONS and actor2 is None:
        # a target marked as one ("بقصف عشوائي على الأحياء السكنية") beyond the trigger's reach: civilians
        # or an armed group (states and organisations so marked are most often told of, not struck)
        actor2 = next((p for p in parts if p.hint == "target" and p.inter in (2, 3, 4, 7)
                       and p not in (actor1, assoc1)), None)
        if actor2 is None and _fights_the_rebels(actor1, main_group, article_country):
            # a state's or a coalition's strike with no target named strikes the rebels the article is
            # about, as a state force's battle does ("شنت مقاتلات التحالف خمس غارات على جبل برد")
            actor2 = _at_trigger(main_group, trigger)
    if draft.event_type == "Violence against civilians" and actor1 is None:
        # "حاول القيادي الحوثي قتل المواطن": a group's member, no target of his own violence, acts for it
        actor1 = next((p for p in parts if p.hint == "member" and p.armed), None)
    if draft.event_type == "Strategic developments":
        if actor1 is None:
            actor1 = next((p for p in parts if p.armed and not p.generic and p.hint != "aside"), None)
        if actor1 is None and draft.sub_event_type in _STATE_BY_DEFAULT:
            actor1 = _stand_in("Military Forces", 1, trigger)
        if draft.sub_event_type in _ONE_SIDED:
            actor2 = None
        elif draft.sub_event_type == "Arrests" and actor2 is None:
            actor2 = _stand_in("Civilians", 7, trigger)
    if actor1 is None and draft.sub_event_type == AIR_STRIKE:
        # armed groups seldom fly: ACLED gives an air strike nobody claims to unidentified military forces
        # (named after the merge where one force alone flies over the war: `_air_power`)
        actor1 = _stand_in(UNIDENTIFIED_MILITARY, 8, trigger, generic=False)
    elif actor1 is None and draft.event_type in (*VIOLENT,):
        actor1 = _stand_in(UNIDENTIFIED, 3, trigger)
        perpetrator_unnamed = True
    if draft.event_type == "Battles" and main_group is not None:
        # an unnamed side of a battle with the state's or the coalition's forces is the rebel group the
        # article is about ("وتدور اشتباكات متقطعة في أطراف المدينة" in a story of the Houthis' losses)
        if _unnamed_side(actor2) and _fights_the_rebels(actor1, main_group, article_country):
            actor2 = _at_trigger(main_group, trigger)
        elif _unnamed_side(actor1) and _fights_the_rebels(actor2, main_group, article_country):
            actor1, perpetrator_unnamed = _at_trigger(main_group, trigger), False
    first, last = draft.clause
    clause_start, clause_end = tokens[first].start, tokens[last].end
    in_clause = [p for p in places if clause_start <= p.start < clause_end]
    gone_to = _destinations(places, tokens)
    if draft.sub_event_type == CHANGE_TO_GROUP:
        # forces moved "من مدينة الرقة إلى بلدة سلقين" went to Salqin: ACLED codes where they went
        in_clause = [p for p in in_clause if p.start in gone_to] or in_clause
    elif draft.event_type != "Strategic developments":
        # "قتلت القوات 60 فلسطينيا كانوا يحتجون على نقل السفارة إلى القدس": the embassy went to Jerusalem
        in_clause = [p for p in in_clause if p.start not in gone_to] or in_clause
        places = [p for p in places if p.start not in gone_to] or places
    elif draft.sub_event_type in HANDED_OVER:
        # "اتفاق لإجلاء مقاتلي جيش الإسلام إلى إدلب": the deal and the ground handed over are where the
        # fighters leave, told before when the sentence names only where they go
        in_clause = [p for p in in_clause if p.start not in gone_to]
        places = [p for p in places if p.start not in gone_to]
    if draft.sub_event_type == DISRUPTED:
        # a missile shot down "أطلق من محافظة صعدة باتجاه جازان" was stopped where it was going, not
        # where it came from
        launched = {p.start for p in places if _launched_from(p, tokens)}
        in_clause = [p for p in in_clause if p.start not in launched]
        places = [p for p in places if p.start not in launched]
    # a territory a nationality names ("الأراضي السورية") places an event only abroad, and only where the
    # clause has no other place
    territories = [p for p in in_clause if p.attrs.get("territory")]
    in_clause = [p for p in in_clause if not p.attrs.get("territory")]
    wheres = sentence_places(tokens, in_clause, article_country)
    wheres = wheres or sentence_places(tokens, [p for p in places if not p.attrs.get("territory")], article_country)
    wheres = wheres or sentence_places(tokens, [
        p for p in in_clause + territories if p.start in located
        and not (p.attrs.get("territory") and p.attrs.get("country_code") == article_country)])
    from_focus = not wheres and fallback_is_focus
    borrowed = not wheres
    wheres = wheres or ([] if fallback is None else [fallback]) or [Where(None, None, None)]
    trigger_offset = tokens[trigger.first].start
    when = event_date(dates, trigger_offset, doc.published)
    near_time = any(d.attrs.get("kind") in _NEAR_TIME for d in dates)  # "أمس", "يوم الأحد", "قبل يومين"
    modality = draft.modality
    reason = "cues"  # what decided the modality: the cue words near the trigger, or a later check below
    if modality == "background":
        # "وكانت القوات قد ...", "بعد استعادة ...": an earlier event, coded only when dated this month;
        # "after" when a cause link leads to it: the article names it as known, to date what follows
        recent = when.span is not None and not _old(when, doc.published)
        # a text with no publication date cannot resolve "أمس الأحد", but the words still say this week
        recent = recent or (doc.published is None and near_time)
        linked = any(t.attrs.get("norm") in lex.cause_links
                     for t in tokens[max(0, trigger.first - CAUSE_LINK_GAP):trigger.first])
        modality, reason = ("asserted", "cues") if recent else ("historical", "after" if linked else "background")
    tolls = [t for t in draft.deaths]
    if modality == "accused":
        # an accusation the drafts did not settle as a report (`_sentence_drafts`): a statement, unless
        # it dates the attack within the month ("اتهم الجيشان إسرائيل بالوقوف وراء هجوم صاروخي قبل فجر
        # الاثنين"), which the golds code as an event (their rules: only undated accusations are history)
        dated = when.span is not None and not _old(when, doc.published)
        modality, reason = ("asserted", "cues") if dated else ("statement", "accused")
    if is_factual(modality):
        if any(t.aggregate for t in tolls):
            modality, reason = "historical", "aggregate"
        elif _old(when, doc.published):
            modality, reason = "historical", "old date"
        elif (year_at := _old_year(tokens, doc.published, draft.clause, trigger.first)) is not None and not (
                _own_day(when, doc.published) and not _year_of_trigger(year_at, tokens, trigger.first)):
            # a day of its own ("واصلت قوات النظام ليل الأحد غاراتها على الغوطة المحاصرة منذ 2013") dates
            # the event; the year is another's, unless it follows the trigger ("اعترف الجيش الأربعاء
            # بمسؤوليته عن غارة استهدفت في 2007": the day is the admission's)
            modality, reason = "historical", "old year"
        elif _far_back(dates, tokens, draft.clause, doc.published):
            modality, reason = "historical", "old date"
        elif draft.event_type in (*VIOLENT, *DEMONSTRATIONS) and _long_since(
                dates, tokens, trigger.first, draft.clause, doc.published) and not _own_day(when, doc.published):
            modality, reason = "historical", "campaign"
        elif narrative_old:
            modality, reason = "historical", "old story"
    if is_factual(modality) and source and modality == "asserted":
        modality = "reported"
    counted = [t for t in tolls if not t.aggregate]
    # undated reported speech right after a sentence reporting an event goes on with that field report
    # ("وأكد مصدر أن المواجهات استمرت ساعتين ... وأشار إلى أن مدفعية الجيش قصفت مواقع ...")
    if is_factual(modality) and not continues_report and _undated_hearsay(draft, tokens, when, source, counted, parts):
        modality, reason = "statement", "undated hearsay"
    if is_factual(modality) and not _supported(
            draft, parts, in_clause or places, counted, when.span is not None,
            near_time):
        modality, reason = "statement", "unsupported"
    # told in passing: folded into the article's record of the event it tells again, or set aside
    # (`_fold_in_passing`)
    in_passing = is_factual(modality) and draft.sentence >= LEAD_SENTENCES and _told_in_passing(
        draft, trigger, perpetrator_unnamed, when.span is not None)
    entry = lex.taxonomy[(draft.event_type, draft.sub_event_type)]
    # the clause, with the sentence's closing punctuation when it ends the sentence
    start, end = _trimmed(doc, clause_start, sentence.end if last == len(tokens) - 1 else clause_end)
    while end > start and doc.text[end - 1] in ",،؛;":
        end -= 1
    records = []
    for where in wheres:
        fatalities = _toll_for(counted, where, tokens)
        where = _capital_if_country(doc, where)
        country = where.country or _actor_country(actor1) or article_country
        side1, ally, side2 = _sides(actor1, assoc1, actor2, country)
        name = acting_name if draft.event_type in VIOLENT or draft.sub_event_type == DISRUPTED else actor_name
        inter1 = inter_code(side1, country)
        inter2 = inter_code(side2, country)
        fields: dict[str, Any] = {
            "event_type": draft.event_type,
            "sub_event_type": draft.sub_event_type,
            "disorder_type": entry.disorder_type,
            "plover": trigger.payload.plover if trigger.payload.event_type != "*" else entry.plover,
            "actor1": name(side1, country),
            "_home1": None if side1 is None else side1.country or country,  # where actor1's state is at home
            "assoc_actor_1": name(ally, country),
            "inter1": inter1 or None,
            "actor2": name(side2, country),
            "assoc_actor_2": "",
            "inter2": inter2 or None,
            "interaction": interaction(inter1, inter2) if inter1 or inter2 else None,
            "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
            "location": where.place,
            "geo_precision": where.precision,
            "country": country,
            "event_date": when.date,
            "time_precision": when.precision,
            "fatalities": fatalities,
            "modality": modality,
            "modality_reason": reason,
            "factual": is_factual(modality),
            "source": source,
            "outlet": doc.source or "",
            "trigger": {
                "start": tokens[trigger.first].start, "end": tokens[trigger.last].end,
                "text": doc.text[tokens[trigger.first].start:tokens[trigger.last].end],
            },
            "confidence": _confidence(draft, actor1, where, when, modality),
            "_evidence": (start, end),
            "_evidences": [(start, end)],  # every passage that reports it (restatements merged)
            "_sentence": draft.sentence,
            "_rank": rank(draft.event_type, draft.sub_event_type),
            "_focus": from_focus,
            "_borrowed": borrowed,  # placed by an earlier sentence's place or the article's focus
            "_heading": heading,
            "_dated": when.span is not None,
            "_clause": (draft.sentence, draft.clause[0]),
            "_word": trigger.payload.sub_event_type,  # what the trigger word names: attack, kill, or a sub-type
            "_in_passing": in_passing,
        }
        fields["notes"] = note(fields)
        records.append(fields)
    return records


def _at_trigger(participant: Participant, trigger: Match[Trigger]) -> Participant:
    """A participant the article implies (named in another sentence), placed at the trigger, as the
    actors a sentence implies are."""
    return replace(participant, first=trigger.first, last=trigger.last, resolved=True)


def _unnamed_side(side: Participant | None) -> bool:
    """An armed side the text does not name: the stand-in, or "مسلحون" (the dictionary's unidentified group)."""
    return side is not None and (side.name == UNIDENTIFIED or side.name.startswith(UNIDENTIFIED + " ("))


def _fights_the_rebels(actor1: Participant | None, main_group: Participant | None, country: str | None) -> bool:
    """Whether a state's or a coalition's force (inter 1, 8) fights the rebel group (2) the article is
    about; militias (3) fight beside states as often as against them (Hezbollah in Syria, the Popular
    Mobilization Forces in Iraq)."""
    return actor1 is not None and actor1.inter in (1, 8) and main_group is not None and main_group.inter == 2 \
        and actor_name(main_group, country) != actor_name(actor1, country)


def _destination(place: Span, tokens: Sequence[Span]) -> bool:
    """Whether a destination word ("إلى") stands right before the place, or before its settlement head
    ("إلى بلدة سلقين")."""
    lex = lexicon()
    at = next((i for i, t in enumerate(tokens) if t.start >= place.start), 0)
    before = [t.attrs.get("norm", "") for t in tokens[max(0, at - 2):at]]
    return bool(before) and (before[-1] in lex.destinations or (
        len(before) == 2 and before[1] in lex.settlement_heads and before[0] in lex.destinations))


def _destinations(places: Sequence[Span], tokens: Sequence[Span]) -> set[int]:
    """The starts of the places something went to: those after a destination word (`_destination`) and
    the places that only locate them ("متجهين إلى الجراحي جنوب الحديدة": Hodeidah says where al-Jarrahi
    is, no place of its own)."""
    gone_to = {p.start for p in places if _destination(p, tokens)}
    starts = [t.start for t in tokens]
    ordered = sorted(places, key=lambda p: p.start)
    for before, after in pairwise(ordered):
        if before.start not in gone_to:
            continue
        between = tokens[bisect_left(starts, before.end):bisect_left(starts, after.start)]
        norms = [t.attrs.get("norm", "") for t in between]
        if between and len(between) <= CHAIN_GAP and not {"و", ","} & set(norms) \
                and lexicon().place_cues.find(between):
            gone_to.add(after.start)
    return gone_to


def _launched_from(place: Span, tokens: Sequence[Span]) -> bool:
    """Whether an origin word ("من") stands before the place, past the words that may come between:
    "من محافظة صعدة"، "من داخل الأراضي اليمنية (صعدة)"."""
    lex = lexicon()
    at = next((i for i, t in enumerate(tokens) if t.start >= place.start), len(tokens))
    between = lex.settlement_heads | lex.territory_words | lex.abroad_prepositions | {"("}
    for token in reversed(tokens[max(0, at - ORIGIN_REACH):at]):
        norm = token.attrs.get("norm", "")
        if norm in lex.origin_words:
            return True
        if norm not in between and norm not in place_lexicon().demonyms:
            return False
    return False


def _toll_for(tolls: list[Toll], where: Where, tokens: Sequence[Span]) -> int:
    """The toll of one place: the death report nearest before it ("وفي البصرة قتل ثلاثة ومثلهم في
    النجف"), else the nearest after it; the lowest figure when the place is unknown."""
    # "وجرح مئات آخرون برصاص الجيش": the bullets' victims counted are wounded, and the dead are those of
    # another death word, or none ("أصيب 20 شخصا برصاص قوات الأمن")
    tolls = [t for t in tolls if not t.beside_wounded]
    if not tolls:
        return 0
    if where.place is None or len(tolls) == 1:
        return min(t.fatalities for t in tolls)
    position = next((i for i, t in enumerate(tokens) if t.start >= where.place.start), len(tokens))
    before = [t for t in tolls if t.position <= position]
    chosen = max(before, key=lambda t: t.position) if before else min(tolls, key=lambda t: t.position)
    return chosen.fatalities


def _capital_if_country(doc: Document, where: Where) -> Where:
    """A record placed only by a country name is coded to its capital at precision 3 (ACLED), or, when
    the text names a part of the country ("شمالي العراق"), to that part's main city (`country_regions.tsv`)."""
    place = where.place
    if place is None or place_level(place) < 2:
        return where
    code = str(place.attrs.get("country_code") or "")
    direction = str(place.attrs.get("direction"))
    regions = lexicon().country_regions
    region = regions.get((code, direction)) or regions.get((code, direction.split("-")[0]))
    capital = region or lexicon().capitals.get(code)
    if capital is None:
        return where
    coded = _coded_at(doc, place, capital, feature="PPLA" if region else "PPLC", coded_from=place.attrs.get("name"))
    return Where(coded, 3, where.country)


def _coded_at(doc: Document, place: Span, capital: tuple[str, str, float, float, int], **attrs: Any) -> Span:
    """The span of `place` coded at a capital or a province's city (a `capitals.tsv` or `country_regions.tsv`
    entry: name, admin1, lat, lon, geonameid) at precision 3, with `attrs` besides."""
    name, admin1, lat, lon, geonameid = capital
    return doc.span(place.start, place.end, place.label, **{
        **place.attrs, "name": name, "admin1": admin1, "lat": lat, "lon": lon, "geonameid": geonameid,
        "geo_precision": 3, **attrs})


def _undated_hearsay(
    draft: Draft, tokens: Sequence[Span], when: When, source: str, tolls: list[Toll], parts: list[Participant],
) -> bool:
    """Reported speech with no named speaker ("وأوضح أن معظم الصواريخ ...", "وأشار إلى أن 77 معتقلا
    قتلوا") and no date: a talking point or a report's finding, not a report of a new event."""
    if source or when.span is not None:
        return False
    says = lexicon().source_cues.find(tokens[:draft.trigger.first])
    if not says:
        return False
    say = says[-1]
    complement = next(
        (i for i in range(say.last + 1, draft.trigger.first) if tokens[i].attrs.get("norm") in _COMPLEMENTISERS),
        None,
    )
    if complement is None:
        return False
    between = [t.attrs.get("norm", "") for t in tokens[say.last + 1:complement]]
    speaker_named = any(n not in ("الي", "ب", "علي", "و", ",") for n in between)
    return not speaker_named


# time phrases of the last days, coded or not (an undated text leaves "يومي السبت والأحد" uncoded)
_NEAR_TIME = frozenset({"weekday", "relative", "recent", "ago"})
_OWN_DAY_KINDS = frozenset({"weekday", "absolute"})  # "ليل الأحد", "في 10 شباط": a day named, not "this day"


def _supported(
    draft: Draft, parts: list[Participant], places: list[Span], tolls: list[Toll], dated: bool = False,
    timed: bool = False,
) -> bool:
    """A lone death or protest word needs a figure, a named actor or a place in its sentence, or, for a
    protest, the police or a time phrase of the last days (`timed`: "وتفجرت احتجاجات يومي السبت
    والأحد" in an undated text) ("براءة القتيل", "اعتصم بعقلانية" are no events). A chemical attack
    named with the article ("الهجوم الكيماوي", "الأسلحة الكيماوية") is one already known unless its
    sentence places, dates or counts it (evidence of, reports on, reactions to it); "هجوم كيماوي آخر"
    is a new report."""
    figure = any(t.explicit for t in tolls)
    if draft.sub_event_type == "Chemical weapon" and draft.tokens[draft.trigger.first].attrs.get(
            "norm", "").startswith("ال"):
        return bool(places) or dated or figure
    if draft.trigger.payload.sub_event_type != "kill" and draft.event_type != "Protests":
        return True
    if draft.event_type == "Protests" and draft.sub_event_type != "Peaceful protest":
        return True  # police dispersing it with tear gas or fire make it concrete
    named = any(not p.generic for p in parts)
    if bool(places) or named or figure:
        return True
    if draft.event_type == "Protests" and any(
            p.category == "police" or p.name.startswith("Police Forces") for p in parts):
        return True  # the police at it ("وطوقت الشرطة منطقة الاحتجاج") make the protest concrete
    # a dated protest happened ("وتفجرت احتجاجات يومي السبت والأحد"), and so did one with a turnout
    # or a venue ("وشارك الآلاف في المسيرة"، "اعتصاما أمام الوزارة"); a dated death word still needs more
    return draft.event_type == "Protests" and (timed or any(
        m.payload in ("turnout", "venue") for m in lexicon().context_words.find(draft.tokens, longest=False)))


# the title and the lead sentence: where an article tells its news, whoever did it and whenever
LEAD_SENTENCES = 1


def _told_in_passing(draft: Draft, trigger: Match[Trigger], perpetrator_unnamed: bool, dated: bool) -> bool:
    """Past the lead, reports that are more often a tally, a reminder, a practice or a comment than an
    event of their own (in the golds read): people killed or attacked by no one named on no day named
    ("قتل العشرات بينهم أطفال ونساء"، "وتعرض هذا السلوك إلى هجوم كاسح"); a death among fighters by no one
    named ("مؤكدة مصرع خمسة منهم"، "وسقوط المئات من القتلى في صفوفهم"), a toll of a battle told elsewhere
    or of none; arrests and abductions on no day named ("وتشن الميليشيات حملات اعتقال"); an attack named
    with the article on no day named ("ردا على الهجوم"، "منذ الإعلان عن الهجوم"), the attack told already."""
    word = trigger.payload.sub_event_type
    if word == "attack" and not dated and draft.tokens[trigger.first].attrs.get("norm", "").startswith(
            clitic_inventory().article):
        return True
    if perpetrator_unnamed and not dated and draft.sub_event_type == "Attack" and word in ("kill", "attack"):
        return True
    if perpetrator_unnamed and draft.event_type == "Battles" and word == "kill":
        return True
    return not dated and draft.sub_event_type in UNDATED_UNSUPPORTED


def _old(when: When, published: dt.date | None) -> bool:
    return bool(when.date and published and (published - when.date).days > HISTORICAL_DAYS)


def _own_day(when: When, published: dt.date | None) -> bool:
    """Whether the event is dated to a day of this month by a weekday or a full date of its own sentence
    (not the report's day)."""
    span = when.span
    return span is not None and not span.attrs.get("of_report") and span.attrs.get("kind") in _OWN_DAY_KINDS \
        and when.precision in (1, 2) and not _old(when, published)


def _far_back(
    dates: Sequence[Span], tokens: Sequence[Span], clause: tuple[int, int], published: dt.date | None,
) -> bool:
    """A point months back in the event's clause ("سيطر الجيش على دير الزور قبل نحو 6 أشهر"): too vague a
    date to code (no time precision), but the event is history."""
    if published is None or not tokens:
        return False
    first, last = clause
    start, end = tokens[first].start, tokens[min(last, len(tokens) - 1)].end
    return any(
        start <= span.start < end and span.attrs.get("kind") == "relative" and span.attrs.get("time_precision") is None
        and isinstance(span.attrs.get("date"), dt.date) and (published - span.attrs["date"]).days > HISTORICAL_DAYS
        for span in dates
    )


def _long_since(
    dates: Sequence[Span], tokens: Sequence[Span], trigger: int, clause: tuple[int, int], published: dt.date | None,
) -> bool:
    """A span "since" a day over LONG_SINCE_DAYS back, or since weeks, months or years, in the event's
    clause ("تتعرض لقصف تنفذه قوات النظام منذ 18 شباط"، "تشن هجوما منذ أسابيع"، "قتل 140 جنديا منذ مطلع
    العام"): a campaign or a running toll, not one event. A few days back is one ("منذ ثلاثة أيام", coded
    to the middle of the span, as the ANT gold does). Not across a relative pronoun ("قتل زعيم التنظيم في
    درنة، التي تشهد معارك منذ أسابيع": the span describes the town), nor past a punctuation mark after
    the trigger (a running toll added to a report), nor after a point of comparison
    ("لأول مرة منذ وقف إطلاق النار ... منذ عام" dates the ceasefire)."""
    if published is None:
        return False
    first, last = clause
    relatives = lexicon().relatives
    compared = compared_tokens(tokens)
    for span in dates:
        inside = [i for i in range(first, min(last, len(tokens) - 1) + 1) if tokens[i].start <= span.start < tokens[i].end]
        if not inside:
            continue
        at = inside[0]
        if abs(at - trigger) > SINCE_REACH:
            continue  # "اشتباكات ... لليوم الثالث ... تنهي الحرب المستمرة هناك منذ 17 عاما": the war's span
        between = range(min(at, trigger), max(at, trigger))
        if any(tokens[i].attrs.get("norm", "") in relatives for i in between):
            continue
        if at > trigger and any(is_mark(tokens[i]) for i in between):
            continue  # a later phrase: "أسفر عن مقتل ثمانية، لترتفع حصيلة القتلى منذ 18 شباط إلى 1031"
        if any(i in compared for i in range(first, at)):
            continue
        day = span.attrs.get("date")
        if span.attrs.get("kind") == "since" and isinstance(day, dt.date) and (published - day).days > LONG_SINCE_DAYS:
            return True
        start = span.attrs.get("start_date")  # "منذ (قرابة) شهر": a span since a time ago
        if span.attrs.get("span_kind") == "since" and isinstance(start, dt.date) and (
                published - start).days > LONG_SINCE_DAYS:
            return True
        if span.attrs.get("kind") == "vague" and span.attrs.get("unit") in LONG_UNITS and tokens[at].attrs.get(
                "norm", "") in lexicon().since:
            return True
    return False


def _year_of_trigger(year_at: int, tokens: Sequence[Span], trigger: int) -> bool:
    """Whether the old year at `year_at` follows the trigger closely, not after a "since" word: it dates
    the event ("غارة جوية استهدفت في 2007") whatever day the sentence gives its report."""
    since = lexicon().since
    return 0 < year_at - trigger <= YEAR_REACH and not any(
        t.attrs.get("norm", "") in since for t in tokens[trigger:year_at])


def _old_year(
    tokens: Sequence[Span], published: dt.date | None, clause: tuple[int, int] | None = None,
    trigger: int | None = None,
) -> int | None:
    """The index of a year before the publication year in the sentence (or in the event's clause): it marks background
    ("منذ 2011", "في 2015"), unless a relative pronoun stands between the event's `trigger` and a "since"
    year after it (the year dates a state of a noun: "قصف الغوطة الشرقية التي يحاصرها منذ 2013"; a year
    the relative clause gives the event itself, "الاحتجاجات التي عرفت باسم الربيع العربي عام 2011", counts)."""
    if published is None:
        return None
    compared = compared_tokens(tokens)  # "الأكثر دموية منذ 2014" compares, it does not date
    relatives, since = lexicon().relatives, lexicon().since
    first, last = (0, len(tokens) - 1) if clause is None else clause
    for index in range(first, min(last, len(tokens) - 1) + 1):
        token = tokens[index]
        norm = token.attrs.get("norm", "")
        if index in compared:
            continue
        if trigger is not None and index > trigger and any(
                tokens[i].attrs.get("norm", "") in since for i in range(max(trigger, index - 2), index)) and any(
                tokens[i].attrs.get("norm", "") in relatives for i in range(trigger, index)):
            continue
        if token.attrs.get("role") == "number" and len(norm) == 4 and norm.isdigit():
            year = int(norm)
            if 1900 <= year < published.year:
                return index
    return None


def _old_sentences(
    doc: Document, sentences: Sequence[Span], tokens_by_sentence: dict[int, list[Span]],
    dates: dict[int, list[Span]],
) -> set[int]:
    """Sentences dated long before publication (an old year or a date over a month before)."""
    old = set()
    for index in range(len(sentences)):
        if _old_year(tokens_by_sentence.get(index, []), doc.published) is not None:
            old.add(index)
            continue
        for span in dates.get(index, []):
            day = span.attrs.get("date")
            if isinstance(day, dt.date) and doc.published and (doc.published - day).days > HISTORICAL_DAYS:
                old.add(index)
                break
    return old


def _actor_country(actor: Participant | None) -> str | None:
    if actor is None or actor.inter == 8:
        return None
    return actor.country


def _article_country(places: Sequence[Span], tokens_by_sentence: dict[int, list[Span]]) -> str | None:
    counts: Counter[str] = Counter()
    for place in places:
        code = place.attrs.get("country_code")
        if code and not place.attrs.get("territory"):  # "غارات داخل الأراضي السورية" from Israel
            counts[code] += 2
    words = lexicon().country_words
    for tokens in tokens_by_sentence.values():
        for match in words.find(tokens):
            counts[match.payload] += 1
    return counts.most_common(1)[0][0] if counts else None


def _confidence(draft: Draft, actor1: Participant | None, where: Where, when: When, modality: str) -> float:
    score = 0.45 if draft.strong else 0.3
    if actor1 is not None and not actor1.generic:
        score += 0.15
    if where.place is not None:
        score += 0.15
    if when.span is not None:
        score += 0.1
    if draft.deaths:
        score += 0.05
    if not is_factual(modality):
        score -= 0.25
    return round(max(0.05, min(0.95, score)), 2)


def _place_key(record: dict[str, Any]) -> str:
    place = record["location"]
    if place is None:
        return ""
    return str(place.attrs.get("name") or place.text)


# how far apart two places may be and still be one location: two towns by name are two locations
# unless one is a suburb of the other ("داعل" and "إبطع", 4 km apart, are two villages of one
# reconciliation); a town and a district or region centre nearby are one. Twenty-third pass: 3 km for towns
# (5, 8, 10 and 12 within 0.002 of it over fifteen article golds, rules only; 15 for all before, 0.004 less)
TOWNS_NEAR_KM = 3.0
NEAR_KM = 15.0


def _distance_km(a: Span, b: Span) -> float | None:
    lat1, lon1, lat2, lon2 = (a.attrs.get("lat"), a.attrs.get("lon"), b.attrs.get("lat"), b.attrs.get("lon"))
    if not all(isinstance(v, (int, float)) for v in (lat1, lon1, lat2, lon2)):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def same_location(a: Span | None, b: Span | None) -> bool:
    """One location for the atomic rule: the same place, towns under 3 km apart, other places under
    15 km apart, or a region and a place inside it ("ريف حمص" and "القصير")."""
    if a is None or b is None:
        return a is None and b is None
    if (a.attrs.get("name") or a.text) == (b.attrs.get("name") or b.text):
        return True
    if a.attrs.get("coded_from") or b.attrs.get("coded_from"):
        # a country coded at its capital is no point near the capital's suburbs ("ضربات على سوريا ردا
        # على الهجوم الكيماوي بدوما": the strikes and the attack on Douma are two events); a part of a
        # country coded at a province's city is that province ("جنوب سوريا" and "ريف درعا")
        return bool(a.attrs.get("admin1")) and a.attrs.get("admin1") == b.attrs.get("admin1")
    distance = _distance_km(a, b)
    towns = all(str(p.attrs.get("feature") or "").upper().startswith("PPL") for p in (a, b))
    if distance is not None and distance <= (TOWNS_NEAR_KM if towns else NEAR_KM):
        return True
    if max(place_level(a), place_level(b)) == 1 and a.attrs.get("admin1") and a.attrs.get("admin1") == b.attrs.get("admin1"):
        return True
    return False


def _one_point(a: Span | None, b: Span | None) -> bool:
    """Whether two places are coded at the same point (under a kilometre apart)."""
    distance = None if a is None or b is None else _distance_km(a, b)
    return distance is not None and distance < 1.0


def _finer(a: Span | None, b: Span | None) -> bool:
    """Whether place `b` is finer than `a` (a town rather than its province)."""
    if b is None:
        return False
    return a is None or place_level(b) < place_level(a)


def _merge(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ACLED's atomic rule: one record per event type x location x day. A restatement with no date
    of its own joins the dated record of its type and location. Factual and non-factual apart."""
    merged: list[dict[str, Any]] = []
    for record in records:
        target = None
        for current in merged:
            if current["event_type"] != record["event_type"] or _standing(current) != _standing(record):
                continue
            if current["_clause"] == record["_clause"] and _place_key(current) != _place_key(record) \
                    and not _one_point(current["location"], record["location"]):
                # towns listed in one clause are separate records (atomic rule); a place the gazetteer codes
                # at its district's point ("منطقة فضحه في مديرية الملاجم") is no town of its own
                continue
            same_day = current["event_date"] == record["event_date"]
            restated = not (current["_dated"] and record["_dated"]) and (
                current["fatalities"] == record["fatalities"] or not (current["fatalities"] and record["fatalities"])
            )
            if (same_day or restated) and same_location(current["location"], record["location"]):
                target = current
                break
        if target is None:
            merged.append(record)
            continue
        _absorb(target, record)
    return merged


# how many sentences after or before an attack with no weapon named its strike may be told
STRIKE_REACH = 2


def _strikes_told_nearby(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An attack or a killing with no weapon named ("استهدفت ميليشيات الحوثي مستشفى مديرية حيس"، "قتل سبعة
    مدنيين في مدينة حيس") that the article (for a fight, the sentences just after or before) tells as a strike
    of the same place and day, by the same attacker or with one side unnamed ("وأدى القصف الحوثي إلى مقتل طبيب"),
    is that strike: one record, of the strike's type, as ACLED codes remote violence against civilians.
    The attack's passage joins the strike's evidence."""
    strikes = [r for r in records if r["event_type"] == EXPLOSIONS and r["factual"]]
    kept = []
    for record in records:
        strike = _strike_told_nearby(record, strikes)
        if strike is None:
            kept.append(record)
        else:  # the strike keeps its own sub-type and trigger: the attack's rank must not displace them
            _absorb(strike, {**record, "_rank": strike["_rank"]})
    return kept


def _strike_told_nearby(record: dict[str, Any], strikes: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not (record["event_type"] in ("Violence against civilians", "Battles") and record["_word"] in ("attack", "kill")
            and record["factual"]):
        return None
    # a killing of civilians at the strike's place and day is its toll wherever the article tells it; a fight
    # (a word of attack or death with fighters on both sides) only just beside it, being often an event of
    # its own
    civilians = record["event_type"] == "Violence against civilians"
    return next((
        s for s in strikes
        if _told_apart(s, record, civilians)
        and s["event_date"] == record["event_date"] and same_location(s["location"], record["location"])
        and (_unnamed(s.get("actor1")) or _unnamed(record.get("actor1")) or s.get("actor1") == record.get("actor1"))
    ), None)


def _weapon_named_elsewhere(records: list[dict[str, Any]]) -> None:
    """An attack on civilians with no weapon named ("دانت الخارجية التركية الهجوم، الذي استهدف بلدة دوما ...
    أسفر عن مقتل أربعين") at a place where another sentence of the article tells of a chemical attack, even
    as a claim or a suspicion ("شكوكا قوية تشير إلى استخدام النظام السوري أسلحة كيمياوية"), is that attack: it
    takes the chemical attack's type and sub-type and keeps its own modality, day and sides. What is doubted
    is the weapon or the author, not that people were killed there. Only a chemical attack: beside shelling
    or strikes at a town, an attack on civilians there (a sniper's, a shooting) is often an event of its own."""
    strikes = [r for r in records if r["sub_event_type"] == CHEMICAL and r["location"] is not None]
    for record in records:
        if not (record["factual"] and record["_word"] == "attack" and record["event_type"] == "Violence against civilians"):
            continue
        strike = next((s for s in strikes if s["_sentence"] != record["_sentence"]
                       and same_location(s["location"], record["location"])), None)
        if strike is not None:
            for name in ("event_type", "sub_event_type", "disorder_type", "plover", "_rank"):
                record[name] = strike[name]
            record["_in_passing"] = False  # the attack the article tells of, though no one is named
            record["notes"] = note(record)


def _fold_in_passing(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A record told in passing (`_told_in_passing`) is one more passage of the article's record of the
    event it tells again: the nearest factual record of its type, or, for violence, of any violent type
    (the dead of "قتل العشرات بينهم أطفال" in a report of air strikes). With none to join, it is set aside
    as unsupported, which the judge may overrule."""
    kept = []
    for record in records:
        if not (record["factual"] and record["_in_passing"]):
            kept.append(record)
            continue
        violent = record["event_type"] in VIOLENT
        hosts = [r for r in records if r is not record and r["factual"] and not r["_in_passing"]
                 and (r["event_type"] == record["event_type"] or (violent and r["event_type"] in VIOLENT))]
        if hosts:
            host = min(hosts, key=lambda r: (r["event_type"] != record["event_type"],
                                             abs(r["_sentence"] - record["_sentence"])))
            host["_evidences"] = host["_evidences"] + record["_evidences"]
            continue
        _set_aside(record)
        record["notes"] = note(record)
        kept.append(record)
    return kept


def _set_aside(record: dict[str, Any]) -> None:
    """A record told in passing with no record to join: unsupported, which the judge may overrule."""
    record.update(modality="statement", modality_reason="unsupported", factual=False)


def _told_apart(strike: dict[str, Any], record: dict[str, Any], anywhere: bool) -> bool:
    """Told in another sentence: anywhere in the article, or at most STRIKE_REACH sentences away."""
    apart = abs(strike["_sentence"] - record["_sentence"])
    return apart > 0 and (anywhere or apart <= STRIKE_REACH)


def _standing(record: dict[str, Any]) -> str:
    """Factual records merge with each other; a non-factual one only with the same modality."""
    return "factual" if record["factual"] else record["modality"]


# sub-types whose actor1 is defined by the sub-type: who took the ground
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _absorb(current: dict[str, Any], record: dict[str, Any]) -> None:
    if record["_rank"] < current["_rank"]:
        for name in ("sub_event_type", "plover", "trigger", "_rank", "_word"):
            current[name] = record[name]
        if record["sub_event_type"] in TERRITORY and not _unnamed(record.get("actor1")):
            # the side that took the ground is the sub-type's actor1, not the side the clash named first
            for name in ("actor1", "inter1", "assoc_actor_1", "actor2", "inter2", "interaction", "civilian_targeting"):
                current[name] = record.get(name)
    if _finer(current["location"], record["location"]):
        for name in ("location", "geo_precision", "country"):
            current[name] = record[name]
    current["_focus"] = current["_focus"] and record["_focus"]
    current["_in_passing"] = current["_in_passing"] and record["_in_passing"]
    heading = current["_heading"]
    current["_heading"] = heading and record["_heading"]
    if record["_dated"] and not current["_dated"]:
        for name in ("event_date", "time_precision", "_dated"):
            current[name] = record[name]
    if heading and _unnamed(current.get("actor1")) and not _unnamed(record.get("actor1")) \
            and record["actor1"] != current.get("actor2"):
        # a heading names no one; the report below it does
        for name in ("actor1", "inter1", "assoc_actor_1"):
            current[name] = record[name]
        current["interaction"] = interaction(current["inter1"] or 0, current.get("inter2") or 0)
    if not current.get("actor2") and record.get("actor2") and record["actor2"] != current.get("actor1"):
        for name in ("actor2", "inter2", "interaction", "civilian_targeting"):
            current[name] = record[name]
    for name in ("assoc_actor_1", "source"):
        if not current.get(name) and record.get(name):
            current[name] = record[name]
    current["fatalities"] = max(current["fatalities"], record["fatalities"])
    current["confidence"] = max(current["confidence"], record["confidence"])
    if record["_sentence"] == current["_sentence"] + 1:
        current["_evidence"] = (current["_evidence"][0], record["_evidence"][1])
    current["_evidences"] = current["_evidences"] + record["_evidences"]
    current["notes"] = note(current)


# ACLED's inter codes of state forces (at home, abroad) and of non-state armed groups
STATE_INTERS = frozenset({1, 8})
NON_STATE_INTERS = frozenset({2, 3, 4})
RIOTERS, PROTESTERS = 5, 6
PROTEST_REACH = 1  # how many sentences from a demonstration a clash with the security forces is its own


def _clashes_at_protests(records: list[dict[str, Any]]) -> None:
    """A clash where the article tells of a demonstration, fought by the security forces with no armed
    group named, is the demonstration turned violent: a riot ("اشتباكات الأربعاء بين قوات الأمن" in a
    report of the Jerada protests); deaths there by the security forces' fire ("سقوط قتلى وجرحى برصاص
    الأمن") are force against the protesters. A named armed group on either side keeps it a battle."""
    demonstrations = [(r["_sentence"], r["location"]) for r in records
                      if r["factual"] and r["event_type"] in DEMONSTRATIONS and r["location"] is not None]
    for record in records:
        fired_on = record["event_type"] == "Violence against civilians" and record["_word"] in ("kill", "attack") \
            and record.get("inter1") in STATE_INTERS
        if not (demonstrations and record["factual"] and (record["sub_event_type"] == ARMED_CLASH or fired_on)):
            continue
        if not any(abs(record["_sentence"] - sentence) <= PROTEST_REACH and same_location(record["location"], place)
                   for sentence, place in demonstrations):
            continue
        sides = [(record.get("actor1") or "", record.get("inter1")), (record.get("actor2") or "", record.get("inter2"))]
        if any(inter in NON_STATE_INTERS and not name.startswith(UNIDENTIFIED) for name, inter in sides):
            continue
        force = next(((name, inter) for name, inter in sides if inter in STATE_INTERS), ("", None))
        facts = country_facts(record["country"]) if record["country"] else None
        crowd = facts.name if facts else ""
        if record["_word"] == "kill" or fired_on:
            event_type, sub, crowd_name, crowd_inter = "Protests", "Excessive force against protesters", "Protesters", PROTESTERS
        else:
            event_type, sub, crowd_name, crowd_inter = "Riots", "Violent demonstration", "Rioters", RIOTERS
        entry = lexicon().taxonomy[(event_type, sub)]
        record.update({
            "event_type": event_type, "sub_event_type": sub, "disorder_type": entry.disorder_type,
            "plover": entry.plover, "_rank": rank(event_type, sub),
            "actor1": f"{crowd_name} ({crowd})" if crowd else crowd_name, "inter1": crowd_inter, "assoc_actor_1": "",
            "actor2": force[0], "inter2": force[1],
            "interaction": interaction(crowd_inter, force[1] or 0), "civilian_targeting": "",
        })
        record["notes"] = note(record)


def _territory_roles(record: dict[str, Any]) -> None:
    """Ground taken by the state has the state as actor1, ground taken by a non-state group has that
    group: a record whose sides came the other way round (the clash that told of it named the losers
    first, "مقتل عشرات الحوثيين في مواجهات مع المقاومة") has them swapped; so has a clash
    word's record of a group and the state's forces at home."""
    inter1, inter2 = record.get("inter1"), record.get("inter2")
    sub = record["sub_event_type"]
    if (sub == "Government regains territory" and inter1 in NON_STATE_INTERS and inter2 in STATE_INTERS) or (
            sub == "Non-state actor overtakes territory" and inter1 in STATE_INTERS and inter2 in NON_STATE_INTERS) or (
            sub == "Armed clash" and record.get("_word") == "Armed clash" and inter1 in NON_STATE_INTERS
            and inter2 == 1):
        # a clash told by a clash word ("اشتباكات بين ... و ..."، "مواجهات مع") names the state's own forces
        # first, as the article golds do (45 of their 50 clashes between the two); an attack word keeps
        # its attacker first ("هاجم مسلحو طالبان نقطة تفتيش")
        record["actor1"], record["actor2"] = record["actor2"], record["actor1"]
        record["inter1"], record["inter2"] = inter2, inter1
        record["assoc_actor_1"], record["assoc_actor_2"] = record.get("assoc_actor_2", ""), record.get("assoc_actor_1", "")
        record["notes"] = note(record)


# how many words after its trigger a required object (">" in triggers.tsv) may stand
OBJECT_REACH = 5
# how many sentences after an attack its claim of responsibility may come
CLAIM_REACH = 2
# how many words before and after a claim word its claimant may stand
CLAIMANT_BEFORE, CLAIMANT_AFTER = 4, 3


def _claimants(
    sentence_parts: Sequence[tuple[Sequence[Span], list[Participant], str]], country: str | None,
) -> dict[int, tuple[str, int]]:
    """The group each sentence says claimed an attack ("وتبنى تنظيم الدولة الإسلامية الهجوم"): a named
    non-state armed group of a sentence with a claim word (`context_words.tsv`, class `claim`)."""
    claims = {}
    words = lexicon().context_words
    for index, (tokens, parts, _) in enumerate(sentence_parts):
        for claim in (m for m in words.find(tokens, longest=False) if m.payload == "claim"):
            # the claimant stands next to the claim word: "تبنى تنظيم داعش"، "أعلنت حركة الشباب مسؤوليتها";
            # a state nearer than any group claims its own strike ("أعلنت وزارة الدفاع البريطانية مسؤوليتها
            # عن ضربة ضد تنظيم داعش")
            near = [(claim.first - p.last if p.last < claim.first else p.first - claim.last, p) for p in parts
                    if claim.first - CLAIMANT_BEFORE <= p.last and p.first <= claim.last + CLAIMANT_AFTER]
            if not near:
                continue
            _, nearest = min(near, key=lambda pair: pair[0])
            if nearest.inter in NON_STATE_INTERS and not nearest.generic:
                claims[index] = (actor_name(nearest, country), nearest.inter)
                break
    return claims


def _credit_claim(record: dict[str, Any], claims: dict[int, tuple[str, int]]) -> None:
    """A violent record takes as actor1 the group that claimed it in its sentence or one of the next
    CLAIM_REACH sentences (ACLED codes the claimant). The state force the rules had as its actor1 was
    the target ("هجوم انتحاري استهدف مقر قوات مكافحة الإرهاب"): it becomes actor2 in place of none or of
    civilians. Another named group as actor1 is left alone: the text then names two attackers."""
    if not record["factual"] or record["event_type"] not in VIOLENT or record["sub_event_type"] in TERRITORY:
        return
    sentence = record["_sentence"]
    claim = next((claims[i] for i in range(sentence, sentence + CLAIM_REACH + 1) if i in claims), None)
    if claim is None or claim[0] in (record.get("actor1"), record.get("actor2")):
        return
    inter1 = record.get("inter1")
    if inter1 in NON_STATE_INTERS and not _unnamed(record.get("actor1")):
        return
    at_home = record.get("_home1") is not None and record["_home1"] == record.get("country")
    if inter1 in STATE_INTERS and at_home and (not record.get("actor2") or record.get("inter2") == 7):
        record["actor2"], record["inter2"] = record["actor1"], inter1
        record["civilian_targeting"] = ""
    record["actor1"], record["inter1"] = claim
    record["interaction"] = interaction(record["inter1"] or 0, record.get("inter2") or 0)
    record["notes"] = note(record)


def _air_power(record: dict[str, Any]) -> None:
    """An air strike no one is named for, in a country where one force alone flies over the war
    (`air_powers.tsv`: the Saudi-led coalition in Yemen), is that force's."""
    if record.get("actor1") != UNIDENTIFIED_MILITARY:
        return
    power = lexicon().air_powers.get(str(record.get("country") or ""))
    if power is None or power[0] == record.get("actor2"):
        return
    record["actor1"], record["inter1"] = power
    record["interaction"] = interaction(record["inter1"], record.get("inter2") or 0)
    record["notes"] = note(record)


def _unnamed(actor: str | None) -> bool:
    return not actor or actor.startswith((UNIDENTIFIED, UNIDENTIFIED_MILITARY))


def _drop_restatements(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A record placed only by the article's focus restates a placed record of its type and day: it
    goes, and its passage joins that record's evidence ("وأشاد المتظاهرون بالدور الإماراتي" after
    the Socotra protest was placed). So does a record placed only by its country (coded to the capital)
    beside a record of its sub-type and day at a town of that country, by the same side or one unnamed
    ("قتل صالح الصماد ... في غارة جوية" in Yemen after the strike on Hodeidah was told)."""
    placed: dict[tuple[Any, ...], dict[str, Any]] = {}  # by type, day and standing
    at_towns: dict[tuple[Any, ...], dict[str, Any]] = {}  # by sub-type, day, standing and country
    for record in records:
        if record["_focus"]:
            continue
        placed.setdefault(_restatement_key(record), record)
        if record["location"] is not None and place_level(record["location"]) == 0 and not _country_level(record):
            at_towns.setdefault(_country_restatement_key(record), record)
    kept = []
    for record in records:
        if record["_focus"]:
            restated = placed.get(_restatement_key(record))
        elif _country_level(record):
            restated = at_towns.get(_country_restatement_key(record))
            if restated is not None and not _same_side(record, restated):
                restated = None
        else:
            restated = None
        if restated is not None:
            restated["_evidences"] = restated["_evidences"] + record["_evidences"]
        else:
            kept.append(record)
    return kept


def _restatement_key(record: dict[str, Any]) -> tuple[Any, ...]:
    return record["event_type"], record["event_date"], record["factual"]


def _country_restatement_key(record: dict[str, Any]) -> tuple[Any, ...]:
    return record["sub_event_type"], record["event_date"], record["factual"], record["country"]


def _same_side(record: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether two records have the same actor1, or one of them an unnamed one."""
    return _unnamed(record.get("actor1")) or _unnamed(other.get("actor1")) or record.get("actor1") == other.get("actor1")


def _towns_listed_after(
    records: list[dict[str, Any]], context: _ArticleContext, with_drafts: set[int],
) -> list[dict[str, Any]]:
    """A sentence of no event of its own that lists the towns of the one before ("وافقت ثماني بلدات على
    اتفاقات مصالحة. ومن أبرز تلك البلدات داعل وإبطع والغارية الشرقية"): each town is a record of the event
    before it (ACLED's atomic rule), with the list as its evidence."""
    lex = lexicon()
    first_factual: dict[int, dict[str, Any]] = {}  # by sentence, the first factual record told there
    for record in records:
        if record["factual"]:
            first_factual.setdefault(record["_sentence"], record)
    made = []
    for index, (tokens, _, _) in enumerate(context.sentence_parts):
        template = first_factual.get(index - 1)
        if index in with_drafts or not tokens or template is None or not any(
                m.payload == "list_lead" for m in lex.context_words.find(tokens[:4], longest=False)):
            continue
        sentence = context.sentences[index]
        start, end = _trimmed(context.doc, sentence.start, sentence.end)
        for town in (p for p in context.places.get(index, []) if place_level(p) == 0):
            record = {**template, "location": town, "geo_precision": 1, "country": town.attrs.get("country_code"),
                      "fatalities": 0, "_sentence": index, "_clause": (index, 0), "_evidence": (start, end),
                      "_evidences": [(start, end)], "_focus": False}
            record["notes"] = note(record)
            made.append(record)
    return made


# how many sentences after a missile shot down over a country the town it was flying at may be named
INTERCEPT_REACH = 2


def _intercepted_over_a_town(record: dict[str, Any], places: dict[int, list[Span]]) -> None:
    """A missile shot down "باتجاه أراضي المملكة" (placed by its country, coded to the capital) was flying
    at the town of that country the next sentences name ("وأفاد ... أن الصاروخ كان يستهدف مدينة نجران"):
    the interception is placed there, as the article golds place it."""
    if record["sub_event_type"] != DISRUPTED or not record["factual"] or not _country_level(record):
        return
    for index in range(record["_sentence"] + 1, record["_sentence"] + 1 + INTERCEPT_REACH):
        towns = [p for p in places.get(index, []) if place_level(p) == 0
                 and p.attrs.get("country_code") == record["country"] and not p.attrs.get("coded_from")]
        if towns:
            record["location"] = towns[0]
            record["geo_precision"] = 2
            record["notes"] = note(record)
            return


def _intercepted_at_home(record: dict[str, Any], context: _ArticleContext) -> None:
    """A state's air defences shoot down over their own country: an interception placed by the country
    the missiles came from ("اعترضت الدفاعات الجوية السعودية صواريخ أطلقت من الأراضي اليمنية") goes to the
    defender's town its sentence names ("باتجاه مدينة جازان"), else to the defender's capital."""
    home = record.get("_home1")
    if record["sub_event_type"] != DISRUPTED or not record["factual"] or not _country_level(record) \
            or record.get("inter1") not in STATE_INTERS or not home or home == record["country"]:
        return
    towns = [p for p in context.places.get(record["_sentence"], []) if p.attrs.get("country_code") == home
             and place_level(p) == 0 and not p.attrs.get("coded_from")]
    if towns:
        record.update(location=towns[0], geo_precision=2)
    else:
        capital = lexicon().capitals.get(home)
        if capital is None:
            return
        record["location"] = _coded_at(context.doc, record["location"], capital, country_code=home,
                                       feature="PPLC", coded_from=home)
    record["country"] = home
    record["notes"] = note(record)


def _intercepted_where_struck(records: list[dict[str, Any]]) -> None:
    """An interception whose sentence names no place ("منظومات الدفاع الجوي تمكنت من التصدي وتدمير قسم كبير
    من موجات الصواريخ الإسرائيلية") is where the strikes it met fell: the place of the article's nearest
    strike of that day, not whatever place an earlier sentence named (the Golan, where the rockets that
    the strikes answered had fallen), and, undated, on the day they struck."""
    strikes = [r for r in records if r["event_type"] == EXPLOSIONS and r["factual"] and r["location"] is not None]
    for record in records:
        if record["sub_event_type"] != DISRUPTED or not record["factual"] or not record["_borrowed"]:
            continue
        met = [r for r in strikes if r["event_date"] == record["event_date"] or not record["_dated"]]
        if not met:
            continue
        nearest = min(met, key=lambda r: abs(r["_sentence"] - record["_sentence"]))
        for name in ("location", "geo_precision", "country"):
            record[name] = nearest[name]
        if not record["_dated"]:  # met when they struck
            for name in ("event_date", "time_precision", "_dated"):
                record[name] = nearest[name]
        record["notes"] = note(record)


def _country_level(record: dict[str, Any]) -> bool:
    location = record.get("location")
    return location is not None and bool(location.attrs.get("coded_from"))


def _to_span(doc: Document, record: dict[str, Any]) -> Span:
    start, end = record.pop("_evidence")
    # whether the text dates the event (a date expression), not only the publication date
    record["date_stated"] = record["_dated"]
    # whether its own sentence names the place, not an earlier sentence or the article's focus
    record["place_stated"] = not record["_borrowed"]
    for name in ("_sentence", "_rank", "_focus", "_dated", "_clause", "_heading", "_word", "_home1", "_borrowed",
                 "_in_passing"):
        record.pop(name, None)
    return doc.span(start, end, record["event_type"], **record)


class JudgedRecords:
    """Records of events that the sentence judge reads where the rules coded none or typed otherwise
    (see `marsad.events.judge`), built as the rules build theirs. The article's context is worked out
    once per document, on the first record asked for."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._context: _ArticleContext | None = None

    def __call__(
        self, sentence: int, event_type: str, trigger_of: Callable[[Sequence[Span]], tuple[int, int, str] | None],
    ) -> list[Span]:
        """`trigger_of` picks, from the sentence's tokens past the dateline, the tokens that stand for
        the trigger and the sub-type, or None for no record. The arguments are found as for a rule's
        trigger, and the evidence is the whole sentence. Their modality is what the rules' checks make
        of it (an old date, undated hearsay, a lone word); the judge decides what to overrule."""
        if self._context is None:
            self._context = _ArticleContext.of(self.doc)
        tokens, parts, source = self._context.sentence_parts[sentence]
        picked = trigger_of(tokens) if tokens else None
        if picked is None:
            return []
        first, last, sub_event_type = picked
        lex = lexicon()
        entry = lex.taxonomy[(event_type, sub_event_type)]
        trigger = Match(first, last, Pattern((), "(the sentence judge)"),
                        Trigger(event_type, sub_event_type, entry.plover, False, (), "judge"))
        deaths = [toll_at(tokens, m.first, m.last) for m in lex.triggers.find(tokens)
                  if m.payload.sub_event_type == "kill"]
        draft = Draft(event_type, sub_event_type, trigger, tokens, sentence, "asserted", False,
                      (0, len(tokens) - 1), deaths)
        records = self._context.records(draft, parts, source)
        for record in records:
            if record["factual"] and record["_in_passing"]:
                _set_aside(record)
        return [_to_span(self.doc, record) for record in records]
