"""Pipeline stage `places`: recognise place names in the tokens and put each one on the map.

Recognition matches gazetteer keys over token norms (so proclitics stay outside a span), then reads
the words around each match: admin heads ("بلدة"، "محافظة") stay outside and say what kind of place
follows; facility heads ("مطار"، "معبر") and the countryside head "ريف" join the span; direction
words ("شرقي"، "الشمالي") set a `direction`. Single common words need evidence before they count.
Resolution is in `marsad.places.resolve`.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from marsad.document import Document, Span
from marsad.places.contained import contained_places, foreign_parts, unlocated_places
from marsad.places.gazetteer import Gazetteer, default_gazetteer
from marsad.places.lexicon import Lexicon, lexicon
from marsad.places.mentions import (
    Mention,
    demonym_reading,
    inside_person_name,
    is_common_word,
    is_country_adjective,
    leftmost_longest,
    main_spelling,
    not_place_spans,
    on_word_boundaries,
    same_word,
)
from marsad.places.records import Place
from marsad.places.resolve import Context, Scored, distance_km, prior, rank
from marsad.places.translit import arab_world, phrase_skeleton, skeleton_index, translit_sites
from marsad.resources import read_rows
from marsad.text.normalize import normalize
from marsad.text.phrases import PhraseMatch

PLACES_LAYER = "places"
AREA_PRECISION = {"COUNTRY": 3, "CONTINENT": 3, "REGION": 3, "ADM1": 3, "ADM2": 2, "ADM3": 2}
MAX_ALTERNATIVES = 4
# A candidate this strong is a place on its own (no head word or NER needed).
STRONG_FEATURES = frozenset({"COUNTRY", "CONTINENT", "REGION", "ADM1", "PPLC"})
STRONG_POPULATION = 100_000
NEARBY_KM = 150.0
HASHTAG_MARKS = frozenset({"#", "_"})
UNSCOPED_SKELETON = 4


_ARABIC_MARKS = str.maketrans("", "", "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")


def _bare_text(text: str) -> str:
    """Raw text without Arabic diacritics and tatweel, for exact-spelling checks."""
    return text.translate(_ARABIC_MARKS)


@lru_cache(maxsize=1)
def anaphors() -> dict[str, tuple[str, ...]]:
    """Normalised anaphoric country words ("المملكة") -> the countries they may stand for, default first."""
    return {" ".join(normalize(row[0]).split()): tuple(row[1].strip().split("|"))
            for row in read_rows("gazetteer", "anaphors.tsv")}


@lru_cache(maxsize=1)
def region_countries() -> frozenset[str]:
    return frozenset(row[0] for row in read_rows("gazetteer", "build_countries.tsv"))


class Geoparser:
    """Pipeline stage: the `places` layer, one PLACE span per resolved place name."""

    name = "places"
    requires = ("tokens",)
    provides = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Document) -> Document:
        # hashtag marks are not words: "#حفر_الباطن" is the name حفر الباطن
        tokens = [t for t in doc.get("tokens") if t.attrs.get("norm") not in HASHTAG_MARKS]
        mentions = self.recognise(doc, tokens)
        spans = foreign_parts(doc, tokens, self.resolve(doc, tokens, mentions, self._demonym_countries(tokens)), lexicon())
        covered = {i for m in mentions for i in range(m.first, m.last + 1)}
        inside = contained_places(doc, tokens, covered, spans, lexicon()) + self._anaphors(doc, tokens, covered, spans)
        countries = {s.attrs.get("country_code") for s in spans + inside}
        country = next((s for s in spans if s.attrs.get("feature") == "COUNTRY"), None)
        if len(countries) == 1 and country is not None:
            inside += unlocated_places(doc, tokens, covered, spans, lexicon(), country)
        if inside:
            spans = sorted(spans + inside, key=lambda s: s.start)
        doc.layers[PLACES_LAYER] = spans
        return doc

    def _anaphors(self, doc: Document, tokens: list[Span], covered: set[int], spans: list[Span]) -> list[Span]:
        """"المملكة" alone: the kingdom the article's places lie in, else the default (anaphors.tsv)."""
        table = anaphors()
        found = []
        for i, token in enumerate(tokens):
            choices = table.get(token.attrs.get("norm", ""))
            if not choices or i in covered or "_" in doc.text[max(0, token.start - 1):token.end + 1]:
                continue
            named = lexicon().demonyms.get(tokens[i + 1].attrs.get("norm", "")) if i + 1 < len(tokens) else None
            votes = Counter(s.attrs.get("country_code") for s in spans)
            # "المملكة الأردنية": the adjective names it; else the article's places vote
            country = named or max(choices, key=lambda cc: (votes[cc], -choices.index(cc)))
            place = self.gazetteer.by_id(f"country:{country}")
            if place is None:
                continue
            mention = Mention(i, i, token.attrs["norm"], [place], [place])
            mention.ranked = [Scored(place, 0.0)]
            # "جنوب المملكة": the kingdom's south, as "جنوب السعودية" is
            mention.direction = lexicon().before_directions.get(tokens[i - 1].attrs.get("norm", "")) if i else None
            found.append(self._span(doc, tokens, mention))
        return found

    # recognition ---------------------------------------------------------------------------------

    def recognise(self, doc: Document, tokens: list[Span]) -> list[Mention]:
        if not tokens:
            return []
        lex = lexicon()
        gaz = self.gazetteer
        blocked = not_place_spans(doc, tokens, lex)
        candidates: list[PhraseMatch[int]] = []
        for match in gaz.matcher.find(tokens):
            if is_common_word(match.key, lex) or _bare_text(doc.text[match.start:match.end]) in lex.never_as_written:
                continue
            if doc.text[max(0, match.start - 1):match.start] != "#" and demonym_reading(match, tokens, lex):
                continue
            if not on_word_boundaries(tokens, match.first_token, match.last_token):
                continue
            if any(match.start < end and start < match.end for start, end in blocked):
                continue
            candidates.append(match)
        locations = [e for e in doc.get("entities") if e.label == "LOC"]
        persons = [e for e in doc.get("entities") if e.label == "PERS"]
        norms = [t.attrs.get("norm", "") for t in tokens]
        mentions: list[Mention] = []
        for match in leftmost_longest(candidates):
            mention = Mention(match.first_token, match.last_token, match.key, gaz.candidates(match.key),
                              gaz.strong_candidates(match.key))
            mention.demonym_like = is_country_adjective(match, gaz)
            if self._read_context(mention, tokens, norms, lex, mentions, doc.text):
                continue
            start, end = tokens[mention.first].start, tokens[mention.last].end
            mention.ner = any(loc.start < end and start < loc.end for loc in locations)
            mention.person = any(p.start < end and start < p.end for p in persons)
            mention.in_name = any(inside_person_name(p, mention, tokens, lex) for p in persons)
            mention.before_person = _first_name_like(mention, tokens, persons, doc.text, lex)
            mentions.append(mention)
        mentions = self._add_transliterated(doc, tokens, norms, mentions, lex, locations)
        kept: list[Mention] = []
        for mention in self._gate(mentions, tokens, lex):
            hashtag = doc.text[max(0, tokens[mention.first].start - 1):tokens[mention.first].start] == "#"
            if mention.demonym_like and kept and kept[-1].last == mention.first - 1 and not hashtag:
                continue  # "مدينة جازان السعودية": the demonym of the place before ("#جازان #السعودية" is not)
            kept.append(mention)
        return kept

    def _read_context(self, mention: Mention, tokens: list[Span], norms: list[str], lex: Lexicon,
                      earlier: list[Mention], text: str) -> bool:
        """Read heads, directions and person cues around a match; True when it is not a place."""
        before = mention.first - 1
        after = mention.last + 1
        if after < len(tokens) and norms[after] in lex.person_after and not same_word(tokens[mention.last],
                                                                                         tokens[after]):
            return True
        head = lex.head_of(tokens[before]) if before >= 0 else None
        if head is None and before >= 1 and norms[before] == "(":
            # "بمحافظات (مأرب، الجوف، عدن)": the list in brackets shares the head before it
            bracketed = lex.head_of(tokens[before - 1])
            if bracketed is not None and bracketed.kind == "admin":
                head, before = bracketed, before - 1
        if head is None and before >= 0 and norms[before] in lex.person_before:
            return True
        if head is not None and head.kind in ("facility", "region"):
            mention.head = head
            mention.first = before
            before -= 1
            if head.kind == "facility":
                while after < len(tokens) and norms[after] in lex.facility_adjectives:
                    mention.last = after
                    after += 1
        elif head is not None:
            mention.head = head
            before -= 1
        elif earlier and earlier[-1].last == before and "#" in text[tokens[before].end:tokens[mention.first].start]:
            mention.coordinated = True  # a run of place hashtags: "#القصيم #بريدة #الرس"
        elif before >= 1 and norms[before] in (",", "و") and earlier and earlier[-1].last == before - 1:
            # a list: "بلدات اطمة والدانا وحارم" shares its head; "كتاف وباقم" its evidence
            mention.coordinated = True
            previous = earlier[-1]
            if previous.head is not None and previous.head.kind == "admin":
                mention.head = previous.head
        if (mention.head is not None and mention.head.kind == "region") or any(
            p.feature in ("ADM1", "REGION") for p in mention.candidates
        ):
            directions = []
            while after < len(tokens) and norms[after] in lex.after_directions and len(directions) < 2:
                directions.append(lex.after_directions[norms[after]])
                mention.last = after
                after += 1
            if directions:
                mention.direction = "-".join(directions)
        if before >= 0 and norms[before] in lex.before_directions and mention.direction is None:
            direction = lex.before_directions[norms[before]]
            if before >= 1 and norms[before - 1] in lex.before_directions:
                direction = f"{lex.before_directions[norms[before - 1]]}-{direction}"
            mention.direction = direction
        window = norms[max(0, before - 2):before + 1]
        mention.near = any(word in lex.near_words for word in window)
        mention.border = before >= 1 and norms[before] == "مع" and any(
            word in lex.border_words for word in norms[max(0, before - 3):before])
        return False

    def _gate(self, mentions: list[Mention], tokens: list[Span], lex: Lexicon) -> list[Mention]:
        """Drop weak single-word matches that have no evidence (head word, NER, or the article's region)."""
        regions = region_countries()
        strong = [m for m in mentions if self._is_strong(m, lex)]
        countries = {p.country_code for m in strong for p in m.trusted if p.country_code}
        anchors = [(p.lat, p.lon) for m in strong for p in m.trusted
                   if p.feature not in ("COUNTRY", "CONTINENT", "REGION")]
        # countries the text names outright ("الكويت", "#سوريا"): their towns need no other evidence
        named = {p.country_code for m in strong for p in m.trusted[:1] if p.feature == "COUNTRY"
                 and len(m.trusted) == 1}
        kept = []
        for mention in mentions:
            if mention.in_name:
                continue
            if mention.transliterated or self._is_strong(mention, lex):
                kept.append(mention)
                continue
            if mention.person or mention.before_person:
                continue
            # a NER location is no evidence for a word the stoplist doubts: the tagger reads "#سيول_الأردن"
            # (floods) as Seoul too
            ner_evidence = mention.ner and mention.key not in lex.needs_evidence
            if (mention.head is not None and mention.head.kind != "facility") or ner_evidence:
                # a head word says a place follows, not which: a namesake far from the article's
                # countries and marsad's region is not it ("منطقة أم الهيمان" is not Hamme, Belgium)
                plausible = [p for p in mention.candidates if p.country_code in regions
                             or p.country_code in countries or p.population >= STRONG_POPULATION]
                if not mention.trusted and countries and not any(p.country_code in countries for p in plausible):
                    continue  # a common word, in none of the article's countries: "مدينة صباح الأحمد"
                if plausible:
                    mention.candidates = plausible
                    kept.append(mention)
                continue
            nearby_words = mention.direction or mention.near or mention.coordinated or mention.head is not None
            in_article = [p for p in mention.candidates if p.country_code in countries and p.country_code in regions]
            if nearby_words and in_article:
                # "شمال البيضاء", "معبر نصيب", "كتاف وباقم": context words and a namesake in the article's
                # own countries
                mention.candidates = in_article
                kept.append(mention)
                continue
            if mention.key in lex.needs_evidence:
                continue
            local = [p for p in mention.trusted if p.country_code in countries and p.country_code in regions]
            if any(p.feature == "ADM1" or p.country_code in named for p in local) or any(
                distance_km(p.lat, p.lon, lat, lon) < NEARBY_KM for p in local for lat, lon in anchors
            ):
                kept.append(mention)  # a place near others the article names
        return kept

    def _add_transliterated(self, doc: Document, tokens: list[Span], norms: list[str], mentions: list[Mention],
                            lex: Lexicon, locations: list[Span]) -> list[Mention]:
        """Mentions of places the gazetteer knows only by Latin names, found by consonant skeleton."""
        covered = set()
        for mention in mentions:
            covered.update(range(mention.first - (mention.head is not None and mention.head.kind == "admin"),
                                 mention.last + 1))
        sites = translit_sites(doc.text, tokens, norms, covered, lex, locations)
        if not sites:
            return mentions
        regions = region_countries()
        named = {p.country_code for m in mentions if self._is_strong(m, lex) for p in m.trusted[:1]}
        if named and not named & regions:
            # an article that names places abroad only ("كركاسون" beside Paris): its unknown names are
            # there, whatever nationalities it mentions ("فرنسي من أصل مغربي")
            return mentions
        countries = (named & regions) | (self._demonym_countries(tokens) & regions)
        if countries and not countries & arab_world():
            # the transliterated names are those of the Arab world: an article about another country
            # ("القوات الباكستانية ... في إقليم وزيرستان") has its unknown names there, not in Libya (Zliten)
            return mentions
        # towns the article names for sure: a neighbourhood far from all of them is a chance namesake
        anchors = [(p.lat, p.lon) for m in mentions if self._is_strong(m, lex) for p in m.trusted[:1]
                   if p.feature in ("PPL", "PPLC", "NBHD")]
        index = skeleton_index()
        added: list[Mention] = []
        for site in sites:
            if site.support in ("hashtag", "coordinated", "context") and not countries:
                continue
            scope = frozenset(countries) & arab_world()
            for first, last in site.spans:
                skeleton = phrase_skeleton(norms[first:last + 1])
                if not scope and len(skeleton) < UNSCOPED_SKELETON:
                    continue  # no country to search in: the whole Arab world needs a longer key
                hit = index.search(skeleton, scope or arab_world(), site.support)
                if hit is None:
                    continue
                places = [p for p in (self.gazetteer.by_id(i) for i in hit.place_ids) if p is not None]
                if anchors:
                    # a place found by its skeleton lies near the towns the article names for sure: "حمورية"
                    # beside Douma is no Al-Hamraa of Hama, 200 km off (a neighbourhood only, before issue 6's
                    # twenty-fourth pass)
                    places = [p for p in places if any(distance_km(p.lat, p.lon, lat, lon) < NEARBY_KM
                                                       for lat, lon in anchors)]
                if not places:
                    continue
                mention = Mention(first, last, " ".join(norms[first:last + 1]), places, places,
                                  head=site.head, transliterated=True)
                mention.ner = site.support == "ner"
                added.append(mention)
                break
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: m.first)

    @staticmethod
    def _is_strong(mention: Mention, lex: Lexicon) -> bool:
        if mention.key in lex.needs_evidence:
            return False
        multiword = " " in mention.key
        for place in mention.trusted:
            if place.feature in STRONG_FEATURES and (place.feature != "PPLC" or place.population >= 100_000):
                return True  # a tiny capital (Alofi) is no stronger than any village
            if place.population >= STRONG_POPULATION and (
                place.country_code in region_countries() or place.population >= 10 * STRONG_POPULATION
                or main_spelling(place, mention.key)
            ):
                return True  # a big city; far from marsad's region a very big one, or by its usual name
            if multiword and len(mention.key) >= 7 and place.country_code in region_countries():
                return True
        return False

    # resolution ----------------------------------------------------------------------------------

    @staticmethod
    def _demonym_countries(tokens: list[Span]) -> set[str]:
        demonyms = lexicon().demonyms
        return {demonyms[t.attrs["norm"]] for t in tokens if t.attrs.get("norm") in demonyms}

    def resolve(self, doc: Document, tokens: list[Span], mentions: list[Mention],
                demonym_countries: set[str] = frozenset()) -> list[Span]:
        regions = region_countries()
        context, firsts = self.article_context(mentions)
        context.named_countries |= demonym_countries
        for cc in demonym_countries:
            context.countries[cc] += 1.0  # "نظيره الأردني": the article is partly about Jordan
        spans = []
        for mention, first_pick in zip(mentions, firsts, strict=True):
            head_feature = mention.head.feature if mention.head else None
            own = (first_pick.lat, first_pick.lon)
            vote = (first_pick.country_code, 1.0 / len({p.country_code for p in mention.candidates}))
            mention.ranked = rank(mention.candidates, context, head_feature, regions, own_anchor=own,
                                  own_vote=vote)
            spans.append(self._span(doc, tokens, mention))
        return spans

    def article_context(self, mentions: list[Mention]) -> tuple[Context, list[Place]]:
        """First pass: each mention's pick on priors alone, and the countries/admin units they make up."""
        regions = region_countries()
        context = Context()
        firsts: list[Place] = []
        for mention in mentions:
            head_feature = mention.head.feature if mention.head else None
            ranked = rank(mention.candidates, Context(), head_feature, regions)
            firsts.append(ranked[0].place)
            weight = 1.0 / len({s.place.country_code for s in ranked})
            context.countries[ranked[0].place.country_code] += weight
            top = ranked[0].place
            if top.feature == "COUNTRY":
                context.named_countries.add(top.country_code)
            if top.admin1 and (top.feature in ("ADM1", "ADM2", "REGION") or len(ranked) == 1):
                context.admin1[top.admin1] += 1
            if top.feature not in ("COUNTRY", "CONTINENT", "REGION") and top.country_code in regions:
                context.anchors.append((top.lat, top.lon))
        return context, firsts

    def rank_name(self, name: str, context_text: str = "", country: str | None = None) -> list[Scored]:
        """Candidates for one place name, best first, scored with what `context_text` says (its
        countries, admin units and nearby places); `country` (ISO2) adds that country as context."""
        from marsad.pipeline import Pipeline

        context = Context()
        if context_text.strip():
            doc = Pipeline(["sentences", "tokens"]).run(context_text)
            context, _ = self.article_context(self.recognise(doc, doc.get("tokens")))
            for cc in self._demonym_countries(doc.get("tokens")):
                context.named_countries.add(cc)
                context.countries[cc] += 1.0
        if country:
            context.countries[country.upper()] += max(1.0, sum(context.countries.values()))
        return rank(self.gazetteer.lookup(name), context, None, region_countries())

    def _span(self, doc: Document, tokens: list[Span], mention: Mention) -> Span:
        best, admin = _town_for_unit(mention)
        feature = best.feature
        precision = AREA_PRECISION.get(feature, 1)
        name, name_ar = best.name, best.name_ar
        head = mention.head
        head_inside = head is not None and head.kind in ("facility", "region")
        if head_inside and head.kind == "facility" and feature not in (head.feature, "AIRBASE"):
            # a facility the gazetteer lacks, placed at the town it is named after
            name, feature, precision = f"{best.name} {head.english}", head.feature, 2
            name_ar = f"{tokens[mention.first].text} {best.name_ar}"
        elif head_inside and head.kind == "region":
            precision = 3 if feature in ("ADM1", "COUNTRY") else 2
            name, feature = f"{best.name} {head.english}", "REGION"
            name_ar = f"{tokens[mention.first].text} {best.name_ar}"
        elif head is not None and head.feature == "ADM1" and feature in ("PPL", "PPLC") and best.admin1:
            name, name_ar, feature, precision = best.admin1, admin.admin1_ar or name_ar, "ADM1", 3
        if mention.direction or mention.near:
            precision = max(precision, 2)
        if not name_ar:
            name_ar = doc.text[tokens[mention.first].start:tokens[mention.last].end]  # a Latin-only place
        attrs = {
            "name": name, "name_ar": name_ar, "lat": round(best.lat, 5), "lon": round(best.lon, 5),
            "country_code": best.country_code or None, "admin1": admin.admin1 or None,
            "admin2": admin.admin2 or None, "admin3": admin.admin3 or None, "geonameid": best.geonameid,
            "feature": feature, "geo_precision": precision, "admin1_ar": admin.admin1_ar or None,
            "admin2_ar": admin.admin2_ar or None, "admin3_ar": admin.admin3_ar or None,
            "score": mention.ranked[0].score, "gazetteer_id": best.id,
        }
        if mention.direction:
            attrs["direction"] = mention.direction
        if mention.near:
            attrs["near"] = True
        if mention.border:
            attrs["relation"] = "border"
        if mention.ner:
            attrs["ner"] = True
        if mention.transliterated:
            attrs["transliterated"] = True
        alternatives = [
            {"name": s.place.name, "country_code": s.place.country_code or None, "admin1": s.place.admin1 or None,
             "feature": s.place.feature, "lat": round(s.place.lat, 5), "lon": round(s.place.lon, 5),
             "geonameid": s.place.geonameid, "score": s.score}
            for s in mention.ranked[1:1 + MAX_ALTERNATIVES]
            if (s.place.lat, s.place.lon, s.place.feature) != (best.lat, best.lon, best.feature)
        ]
        if alternatives:
            attrs["alternatives"] = alternatives
        start, end = tokens[mention.first].start, tokens[mention.last].end
        return doc.span(start, end, "PLACE", **attrs)


def _town_for_unit(mention: Mention) -> tuple[Place, Place]:
    """(place, place whose admin units to report): the town itself when a district or sub-district won
    without a district head (منطقة، ناحية), with the unit's admin names, which GeoNames towns lack."""
    best = mention.ranked[0].place
    head = mention.head.feature if mention.head else None
    if best.feature not in ("ADM2", "ADM3") or head in ("ADM2", "ADM3"):
        return best, best
    for scored in mention.ranked[1:]:
        town = scored.place
        if town.feature in ("PPL", "PPLC") and distance_km(town.lat, town.lon, best.lat, best.lon) < 10:
            return town, (town if town.admin2 else best)
    return best, best


def first_prior(place: Place) -> float:
    """The prior of a place alone (used by `marsad geocode` without context)."""
    return prior(place, region_countries())


def _first_name_like(mention: Mention, tokens: list[Span], persons: list[Span], text: str, lex: Lexicon) -> bool:
    """A bare name right before a NER person span, with no punctuation between, reads as a first name
    ("وزير الدفاع الإسرائيلي، أفيغدور ليبرمان", the tagger having taken the surname alone); not after a
    head word ("محافظ محافظة البيضاء صالح"), a preposition ("من منبج إبراهيم القفطان") or a hashtag."""
    after, before = mention.last + 1, mention.first - 1
    if mention.head is not None or after >= len(tokens) or text[tokens[mention.last].end:tokens[after].start].strip():
        return False
    if not any(p.start == tokens[after].start for p in persons):
        return False
    if text[max(0, tokens[mention.first].start - 1):tokens[mention.first].start] == "#":
        return False
    if before >= 0 and (tokens[before].attrs.get("role") == "preposition"
                        or tokens[before].attrs.get("norm", "") in lex.place_prepositions):
        return False
    return True
