"""`marsad gazetteer install`: a deeper, village-level index built from GeoNames country dumps.

For each country it reads `<CC>.zip` (the 19-column geoname rows) and `alternatenames/<CC>.zip`
(alternateNamesV2 rows; the `ar`-tagged names) from GeoNames' download server, or from a folder or
another URL that mirrors that layout, and writes `<CC>.tsv.gz` into the user's data dir, where the
runtime gazetteer finds it and prefers it over the embedded entries of the same places.
"""

from __future__ import annotations

import io
import urllib.error
import urllib.request
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from marsad.errors import DataError, InputError
from marsad.places.commonness import WordFrequencies, read_common_words, weak_keys
from marsad.places.gazetteer import user_gazetteer_dir
from marsad.places.names import arabic_names, clean_name, is_arabic_name, is_arabic_spelling, match_keys
from marsad.places.records import Place, write_places
from marsad.resources import read_rows

GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump/"
# GeoNames feature codes kept, and marsad's feature for each.
FEATURES = {
    "PPL": "PPL", "PPLA": "PPL", "PPLA2": "PPL", "PPLA3": "PPL", "PPLA4": "PPL", "PPLC": "PPLC", "PPLL": "PPL",
    "PPLF": "PPL", "PPLS": "PPL", "PPLQ": "PPL", "PPLX": "NBHD", "ADM1": "ADM1", "ADM2": "ADM2", "ADM3": "ADM3",
    "AIRP": "AIRPORT", "AIRB": "AIRBASE", "AIRF": "AIRBASE", "CMP": "CAMP", "CMPRF": "CAMP", "PRN": "PRISON",
    "DAM": "DAM", "PRT": "PORT", "OILF": "OILFIELD", "MT": "MOUNTAIN", "MTS": "MOUNTAIN", "HLL": "MOUNTAIN",
    "HLLS": "MOUNTAIN", "PK": "MOUNTAIN", "MILB": "BASE", "INSM": "BASE", "PSTB": "CROSSING", "RGN": "REGION",
    "AREA": "REGION", "PLN": "REGION", "VAL": "REGION", "WAD": "REGION", "OAS": "REGION",
}
USER_AGENT = "marsad-gazetteer-install"


def _fetch(source: str, name: str, *, required: bool) -> bytes | None:
    """The bytes of `name` under `source` (a URL ending in / or a folder); None when optional and absent."""
    if source.startswith(("http://", "https://")):
        url = source.rstrip("/") + "/" + name
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code == 404 and not required:
                return None
            raise InputError(url, f"download failed: HTTP {error.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise InputError(url, f"download failed: {getattr(error, 'reason', error)}") from None
    path = Path(source) / name
    if not path.exists():
        if required:
            raise InputError(str(path), "no such file (expected a GeoNames dump zip)")
        return None
    return path.read_bytes()


def _zip_lines(data: bytes, member: str, where: str) -> Iterator[str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(where, "not a zip file") from None
    if member not in archive.namelist():
        raise InputError(where, f"the zip holds no {member}")
    with archive.open(member) as handle:
        for raw in io.TextIOWrapper(handle, encoding="utf-8", newline="\n"):
            line = raw.rstrip("\n")
            if line and not line.startswith("#"):
                yield line


def arabic_alternate_names(data: bytes | None, where: str) -> dict[str, list[str]]:
    """geonameid -> `ar` names from an alternateNamesV2 file (historic names left out)."""
    names: dict[str, list[str]] = defaultdict(list)
    if data is None:
        return names
    member = where.rsplit("/", 1)[-1].replace(".zip", ".txt")
    for number, line in enumerate(_zip_lines(data, member, where), 1):
        cells = line.split("\t")
        if len(cells) < 4:
            raise InputError(where, f"line {number}: expected the alternateNames columns, found {len(cells)}")
        historic = len(cells) > 7 and cells[7] == "1"
        name = clean_name(cells[3])
        if cells[2] == "ar" and not historic and is_arabic_name(name):
            names[cells[1]].append(name)
    return names


def admin1_names() -> dict[tuple[str, str], tuple[str, str]]:
    return {(row[0], row[1]): (row[2], row[3] if len(row) > 3 else "") for row in read_rows("gazetteer",
                                                                                             "admin1.tsv")}


def country_places(cc: str, source: str, zipf: WordFrequencies) -> list[Place]:
    """Places of one country's dump that have an Arabic name and a feature marsad uses."""
    where = f"{source.rstrip('/')}/{cc}.zip"
    data = _fetch(source, f"{cc}.zip", required=True) or b""
    alt_where = f"{source.rstrip('/')}/alternatenames/{cc}.zip"
    arabic_by_id = arabic_alternate_names(_fetch(source, f"alternatenames/{cc}.zip", required=False), alt_where)
    admin1 = admin1_names()
    places = []
    for number, line in enumerate(_zip_lines(data, f"{cc}.txt", where), 1):
        cells = line.split("\t")
        if len(cells) != 19:
            raise InputError(where, f"line {number}: expected 19 geoname columns, found {len(cells)}")
        feature = FEATURES.get(cells[7])
        if feature is None:
            continue
        arabic = list(dict.fromkeys(arabic_by_id.get(cells[0], []) +
                                    sorted(n for n in arabic_names(cells[3].split(","))
                                           if is_arabic_spelling(n, cells[8]))))
        if not arabic:
            continue
        try:
            lat, lon = float(cells[4]), float(cells[5])
            population = int(cells[14] or 0)
        except ValueError as error:
            raise InputError(where, f"line {number}: {error}") from None
        a1, a1_ar = admin1.get((cells[8], cells[10]), ("", ""))
        place_id = f"deep:{cells[0]}"
        keys = match_keys(arabic, arab_world=True)
        places.append(Place(
            id=place_id, name=cells[1], name_ar=arabic[0], lat=lat, lon=lon, country_code=cells[8],
            admin1=a1, admin1_ar=a1_ar, admin2="", admin2_ar="", admin3="", admin3_ar="", feature=feature,
            population=population, geonameid=int(cells[0]), source=f"geonames dump {cc}", keys=keys,
            names_en=(cells[1],), weak_keys=weak_keys(place_id, keys, feature, population, zipf),
        ))
    return places


def install(countries: list[str], source: str | None = None, dest: Path | None = None) -> list[tuple[Path, int]]:
    """Build and write one deep index per country; returns (path, number of places) for each."""
    source = source or GEONAMES_DUMP_URL
    dest = dest or user_gazetteer_dir()
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataError(f"{dest}: cannot create the gazetteer folder ({error})") from None
    zipf = WordFrequencies(read_common_words())
    written = []
    for cc in countries:
        cc = cc.strip().upper()
        if len(cc) != 2 or not cc.isalpha():
            raise InputError("--countries", f"{cc!r} is not an ISO 3166-1 alpha-2 code")
        places = country_places(cc, source, zipf)
        path = dest / f"{cc}.tsv.gz"
        write_places(path, places, [
            f"marsad deep gazetteer for {cc}, written by `marsad gazetteer install` from {source}.",
            "Source: GeoNames (https://www.geonames.org), CC BY 4.0.",
        ])
        written.append((path, len(places)))
    return written
