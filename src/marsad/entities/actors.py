"""Actor linking: dictionary aliases in the text become entities with canonical ACLED actor names.

Aliases of `data/ar/actors.tsv` are matched over clitic-segmented tokens (so "لمسلحي داعش" and
"وداعش" find ISIS), leftmost-longest; each match either fills the canonical name of the NER entity it
coincides with or becomes an entity of its own. Cited news sources (`data/ar/news_sources.tsv`) go
to a `sources` layer. Organisations the dictionary lacks keep no canonical name: never a guess.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.countries import country
from marsad.document import Document, Span
from marsad.errors import DataError
from marsad.resources import data_path, read_rows
from marsad.text.phrases import PhraseMatcher

ACTORS_FILE = ("ar", "actors.tsv")
SOURCES_FILE = ("ar", "news_sources.tsv")
NOT_ACTORS_FILE = ("ar", "not_actors.tsv")
COUNTRY_SLOT = "{country}"
HASHTAG_MARKS = frozenset({"#", "_"})

# Which NER label an actor's category stands for when the NER stage did not find it.
LABEL_OF_CATEGORY = {
    "state": "LOC",
    "civilians": "MISC",
    "protesters": "MISC",
    "generic": "MISC",
}


@dataclass(frozen=True)
class Actor:
    key: str
    canonical: str
    inter: int
    actor_type: str
    country: str
    category: str
    relations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class NewsSource:
    key: str
    canonical: str
    kind: str
    country: str


@dataclass(frozen=True)
class NotAnActor:
    """A phrase that begins with an actor's alias but names none ("القاعدة العسكرية", a military base)."""
    phrase: str


@dataclass
class ActorDictionary:
    actors: dict[str, Actor] = field(default_factory=dict)
    matcher: PhraseMatcher = field(default_factory=PhraseMatcher)
    _links: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def linked(self, actor: Actor) -> list[dict[str, str]]:
        """Relations both ways: HTS 'formerly' al-Nusra, so al-Nusra is 'succeeded_by' HTS."""
        if not self._links and self.actors:
            for each in self.actors.values():
                self._links.setdefault(each.key, []).extend(
                    {"relation": relation, "canonical": self.actors[key].canonical}
                    for relation, key in each.relations if key in self.actors
                )
                for relation, key in each.relations:
                    if relation == "formerly" and key in self.actors:
                        self._links.setdefault(key, []).append(
                            {"relation": "succeeded_by", "canonical": each.canonical}
                        )
        return [dict(link) for link in self._links.get(actor.key, [])]

    def theatres(self, actor: Actor | NewsSource) -> set[str]:
        """The countries a transnational force operates in (its `operates_in` state rows)."""
        return self.related_countries(actor, "operates_in")

    def related_countries(self, actor: Actor | NewsSource, relation_name: str) -> set[str]:
        """The countries of the state rows `actor` points to with `relation_name` (`operates_in`,
        `only_in`: the countries whose news alone uses the row's aliases for it)."""
        return {self.actors[key].country for relation, key in getattr(actor, "relations", ())
                if relation == relation_name and key in self.actors}


def _table(parts: tuple[str, ...]) -> list[dict[str, str]]:
    if not data_path(*parts).exists():
        raise DataError(f"missing data file {'/'.join(parts)}: reinstall marsad")
    rows = read_rows(*parts)
    header = next(rows)
    return [dict(zip(header, row + [""] * (len(header) - len(row)), strict=True)) for row in rows]


def _aliases(cell: str) -> list[str]:
    return [alias.strip() for alias in cell.split("|") if alias.strip()]


@lru_cache(maxsize=1)
def load_dictionary() -> ActorDictionary:
    dictionary = ActorDictionary()
    for row in _table(ACTORS_FILE):
        relations = tuple(
            tuple(pair.split(":", 1)) for pair in row.get("relations", "").split(";") if ":" in pair
        )
        actor = Actor(
            key=row["key"], canonical=row["canonical"], inter=int(row["inter"] or 0),
            actor_type=row["actor_type"], country=row["country"], category=row["category"],
            relations=relations,
        )
        dictionary.actors[actor.key] = actor
        for alias in _aliases(row["aliases_ar"]) + _aliases(row.get("aliases_en", "")):
            dictionary.matcher.add(alias, actor)
    if data_path(*SOURCES_FILE).exists():
        for row in _table(SOURCES_FILE):
            source = NewsSource(row["key"], row["canonical"], row["kind"], row.get("country", ""))
            for alias in _aliases(row["aliases_ar"]):
                dictionary.matcher.add(alias, source)
    for row in read_rows(*NOT_ACTORS_FILE):
        dictionary.matcher.add(row[0], NotAnActor(row[0]))
    return dictionary


def article_country(doc: Document, matches: list) -> str | None:
    """The article's dominant country: from its places when geoparsed, else from its actors."""
    votes: Counter[str] = Counter()
    for place in doc.get("places"):
        code = place.attrs.get("country_code")
        if code:
            votes[code] += 1
    if not votes:
        for match in matches:
            for payload in match.payloads:
                if isinstance(payload, Actor) and payload.country and payload.category != "state":
                    votes[payload.country] += 1
    return votes.most_common(1)[0][0] if votes else None


def _choose(payloads: list, home: str | None, dictionary: ActorDictionary):
    """Among same-alias entries prefer the article's country (داعش in Iraq is Islamic State (Iraq)),
    then a force that operates there (التحالف in Yemen is the Saudi-led coalition). A row bound to
    some countries' news (`only_in`: bare المقاومة is Yemen's joint resistance in Yemeni news only) is
    no candidate elsewhere; None when no entry is left."""
    payloads = [p for p in payloads if not isinstance(p, NotAnActor)
                and not ((bound := dictionary.related_countries(p, "only_in")) and home not in bound)]
    if not payloads:
        return None
    if home:
        for payload in payloads:
            if getattr(payload, "country", "") == home:
                return payload
        for payload in payloads:
            if home in dictionary.theatres(payload):
                return payload
    return payloads[0]


def _canonical(actor: Actor, home: str | None) -> str:
    if COUNTRY_SLOT not in actor.canonical:
        return actor.canonical
    facts = country(actor.country or home)
    return actor.canonical.replace(COUNTRY_SLOT, facts.name if facts else "Unknown")


def _inter(actor: Actor, home: str | None) -> int:
    # a state's forces fighting abroad are external (8); at home they are state forces (1)
    if actor.inter == 8 and actor.category in ("military", "police") and actor.country and actor.country == home:
        return 1
    return actor.inter


class ActorLinker:
    """Pipeline stage: canonical actors on the `entities` layer, cited sources on `sources`."""

    name = "actors"
    requires = ("tokens",)
    provides = ("entities", "sources")

    def __call__(self, doc: Document) -> Document:
        dictionary = load_dictionary()
        # hashtag marks are no words: "#ميليشيات_الحوثي" is the alias ميليشيات الحوثي
        tokens = [t for t in doc.get("tokens") if t.attrs.get("norm") not in HASHTAG_MARKS]
        matches = dictionary.matcher.find(tokens, longest=True)
        home = article_country(doc, matches)
        entities = doc.layers.setdefault("entities", [])
        sources = doc.layers.setdefault("sources", [])
        for match in matches:
            payload = _choose(match.payloads, home, dictionary)
            if payload is None:
                continue
            if isinstance(payload, NewsSource):
                span = doc.span(match.start, match.end, "SOURCE", canonical=payload.canonical, kind=payload.kind)
                sources.append(span)
                self._link(doc, entities, match.start, match.end, "ORG", {
                    "type": f"news_{payload.kind}", "canonical": payload.canonical, "actor_type": None,
                    "source": "dictionary",
                })
                continue
            self._link(doc, entities, match.start, match.end, LABEL_OF_CATEGORY.get(payload.category, "ORG"), {
                "type": payload.category,
                "canonical": _canonical(payload, home),
                "actor_type": payload.actor_type,
                "inter": _inter(payload, home),
                "country": payload.country or home,
                "actor_key": payload.key,
                "linked_to": dictionary.linked(payload),
                "source": "dictionary",
            })
        entities.sort(key=lambda s: (s.start, -s.end))
        return doc

    @staticmethod
    def _link(doc: Document, entities: list[Span], start: int, end: int, label: str, attrs: dict) -> None:
        """Put the actor on the NER entity it coincides with, or add it as an entity of its own."""
        for entity in entities:
            if entity.start == start and entity.end == end or (
                entity.start <= start and end <= entity.end and entity.attrs.get("canonical") is None
                and (entity.end - entity.start) - (end - start) <= 4
            ):
                entity.attrs.update(attrs)
                return
        overlapping = [e for e in entities if e.start < end and start < e.end]
        for entity in overlapping:  # the dictionary's longer, exact alias wins over a partial NER span
            if entity.attrs.get("canonical") is None:
                entities.remove(entity)
        entities.append(doc.span(start, end, label, **attrs))
