"""Choosing among same-named places: priors, the article's countries, admin containment, proximity.

A mention's candidates are scored in two passes. The first uses priors only (feature, population,
curated source, the conflict region) and yields the article's country profile and admin units; the
second adds that context, so "الدانا" beside "ريف إدلب" lands in Idlib and not in a namesake elsewhere.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from marsad.places.records import Place

FEATURE_PRIOR = {
    "COUNTRY": 5.0, "CONTINENT": 4.0, "REGION": 3.5, "ADM1": 3.2, "PPLC": 5.0, "ADM2": 2.2, "ADM3": 1.4,
    "CAMP": 2.5, "PRISON": 2.5, "AIRPORT": 2.5, "AIRBASE": 2.5, "BASE": 2.5, "CROSSING": 2.5, "DAM": 2.5,
    "PORT": 2.5, "OILFIELD": 2.5, "MOUNTAIN": 2.0, "NBHD": 1.5,
}
# How a head word's feature hint agrees with a candidate's feature.
HEAD_AGREEMENT = {
    "PPL": {"PPL": 2.0, "PPLC": 2.0, "ADM3": 1.0, "ADM2": -0.5, "ADM1": -1.5, "COUNTRY": -4.0, "REGION": -1.0},
    "PPLC": {"PPLC": 3.0, "PPL": 1.0, "COUNTRY": -4.0},
    "ADM1": {"ADM1": 4.0, "PPL": 0.5, "PPLC": 0.5, "COUNTRY": -4.0},
    "ADM2": {"ADM2": 3.0, "ADM3": 1.5, "REGION": 2.0, "PPL": 1.0, "COUNTRY": -3.0},
    "ADM3": {"ADM3": 3.0, "ADM2": 1.0, "PPL": 1.0, "COUNTRY": -3.0},
    "NBHD": {"NBHD": 3.0, "PPL": 0.5, "COUNTRY": -4.0},
    "REGION": {"REGION": 2.0, "ADM1": 1.5, "ADM2": 1.0, "PPL": 0.5, "MOUNTAIN": 1.0},
}


# A town far from marsad's region that shares a country's name (Lebanon, Tennessee) is rarely meant.
COUNTRY_NAMESAKE_PENALTY = 2.0
FAR_CONTEXT_WEIGHT = 0.3


@dataclass
class Scored:
    place: Place
    score: float


@dataclass
class Context:
    """What the article says about where it is: country shares and admin1 units it names."""

    countries: Counter = field(default_factory=Counter)
    named_countries: set[str] = field(default_factory=set)  # countries the text names as such
    admin1: Counter = field(default_factory=Counter)
    anchors: list[tuple[float, float]] = field(default_factory=list)

    def country_share(self, cc: str, own: tuple[str, float] | None = None) -> float:
        """Share of the article's mentions in country `cc`, leaving out the mention's own vote `own`."""
        total = sum(self.countries.values())
        count = self.countries[cc]
        if own is not None:
            total -= own[1]
            if own[0] == cc:
                count -= own[1]
        return count / total if total > 0 else 0.0


def prior(place: Place, region_countries: frozenset[str]) -> float:
    if place.feature == "PPL" or place.feature not in FEATURE_PRIOR:
        score = 0.5 + math.log10(place.population + 1) / 1.6
    else:
        score = FEATURE_PRIOR[place.feature]
    if not place.id.startswith("gn:"):
        score += 0.6  # curated, country or region entries are checked by hand
    if (place.country_code and place.country_code not in region_countries and place.feature != "COUNTRY"
            and place.feature != "PPLC" and place.population < 1_000_000):
        score -= 1.5  # a namesake far from marsad's conflict region needs context to win
    return score


NEAR_LATITUDE_DEGREES = 1.8  # 200 km of latitude is 1.799 degrees


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def contextual_score(place: Place, base: float, context: Context, head_feature: str | None,
                     own_anchor: tuple[float, float] | None, own_vote: tuple[str, float] | None,
                     region_countries: frozenset[str]) -> float:
    # the article's countries decide between namesakes in marsad's region; far away, size matters more
    # (Geneva, not Geneva NY, in an article about the United States)
    weight = 1.0 if place.country_code in region_countries else FAR_CONTEXT_WEIGHT
    score = base + weight * 3.0 * context.country_share(place.country_code, own_vote)
    if place.feature != "COUNTRY" and place.country_code in context.named_countries:
        score += weight * 1.0
    if place.admin1 and place.feature != "COUNTRY":
        score += 2.0 * min(1.0, context.admin1[place.admin1] / 2)
    if head_feature:
        score += HEAD_AGREEMENT.get(head_feature, {}).get(place.feature, 0.0)
    if place.feature not in ("COUNTRY", "CONTINENT", "REGION"):
        # only anchors under 200 km count, and those lie within 1.8 degrees of latitude: the others
        # are skipped before the great-circle distance (this runs for every candidate and anchor)
        nearest = min(
            (distance_km(place.lat, place.lon, lat, lon) for lat, lon in context.anchors
             if abs(lat - place.lat) <= NEAR_LATITUDE_DEGREES and (lat, lon) != own_anchor),
            default=None,
        )
        if nearest is not None:
            score += 1.5 if nearest < 60 else 0.75 if nearest < 200 else 0.0
    return score


def rank(candidates: list[Place], context: Context, head_feature: str | None, region_countries: frozenset[str],
         own_anchor: tuple[float, float] | None = None, own_vote: tuple[str, float] | None = None) -> list[Scored]:
    """Candidates best first; `own_anchor`/`own_vote` are this mention's own first-pass point and
    country vote, left out of the context so that a mention does not confirm itself."""
    names_a_country = any(place.feature == "COUNTRY" for place in candidates)
    scored = [
        Scored(place, round(contextual_score(place, prior(place, region_countries), context, head_feature,
                                             own_anchor, own_vote, region_countries)
                            - (COUNTRY_NAMESAKE_PENALTY if names_a_country and place.feature != "COUNTRY"
                               and place.country_code not in region_countries else 0.0), 3))
        for place in candidates
    ]
    scored.sort(key=lambda s: (-s.score, s.place.id))
    return scored
