"""Checks for the curated gazetteer data file (src/marsad/data/gazetteer/curated_places.tsv)."""
import re
from pathlib import Path

import pytest

TSV = Path(__file__).resolve().parents[2] / "src" / "marsad" / "data" / "gazetteer" / "curated_places.tsv"

HEADER = [
    "key", "name_en", "names_ar", "lat", "lon", "country_code", "admin1", "admin1_ar",
    "admin2", "admin2_ar", "admin3", "admin3_ar", "feature", "population", "source",
]
FEATURES = {
    "ADM1", "ADM2", "ADM3", "PPL", "CAMP", "PRISON", "AIRPORT", "AIRBASE", "BASE", "CROSSING",
    "DAM", "PORT", "OILFIELD", "MOUNTAIN", "REGION", "NBHD",
}
# rough bounding boxes: (min_lat, max_lat, min_lon, max_lon), padded a little
BBOX = {
    "SY": (32.2, 37.4, 35.6, 42.5),
    "IQ": (29.0, 37.5, 38.7, 48.7),
    "YE": (12.0, 19.1, 41.8, 54.6),
    "LY": (19.4, 33.3, 9.3, 25.3),
    "LB": (33.0, 34.8, 35.0, 36.7),
    "JO": (29.1, 33.5, 34.9, 39.4),
    "SA": (16.0, 32.3, 34.4, 55.8),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "EG": (21.9, 31.8, 24.6, 37.0),
    "KW": (28.5, 30.1, 46.5, 48.5),
    "AF": (29.3, 38.6, 60.4, 75.0),
    "TR": (35.8, 42.2, 25.6, 44.9),
    "FR": (41.3, 51.1, -5.2, 9.6),
    "MA": (21.0, 36.0, -17.1, -1.0),
    "GB": (49.9, 60.9, -8.7, 1.8),
    "RU": (41.2, 81.9, 19.6, 180.0),
    "OM": (16.6, 26.4, 51.8, 59.9),
}
ARABIC = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0670-\u06D3\u064B-\u0652 \-]+$")
KEY = re.compile(r"^[a-z]{2}(-[a-z0-9]+)+$")


def _rows():
    lines = TSV.read_text(encoding="utf-8").split("\n")
    body = [ln for ln in lines if ln and not ln.startswith("#")]
    return body[0].split("\t"), [ln.split("\t") for ln in body[1:]]


HEAD, ROWS = _rows()


def test_header_exact():
    assert HEAD == HEADER


def test_has_comment_block_and_rows():
    text = TSV.read_text(encoding="utf-8")
    assert text.startswith("#")
    assert len(ROWS) >= 400


def test_column_count():
    bad = [r[0] for r in ROWS if len(r) != len(HEADER)]
    assert not bad, bad[:10]


def test_keys_unique_and_slugs():
    keys = [r[0] for r in ROWS]
    dup = {k for k in keys if keys.count(k) > 1}
    assert not dup, sorted(dup)
    bad = [k for k in keys if not KEY.match(k)]
    assert not bad, bad[:10]


def test_every_row_has_source_and_names():
    assert all(r[14].strip() for r in ROWS)
    assert all(r[1].strip() and r[2].strip() for r in ROWS)


def test_names_ar_are_arabic():
    bad = [(r[0], n) for r in ROWS for n in r[2].split("|") if not n or not ARABIC.match(n)]
    assert not bad, bad[:10]


def test_features_allowed():
    bad = [(r[0], r[12]) for r in ROWS if r[12] not in FEATURES]
    assert not bad, bad[:10]


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_coordinates_in_country_bbox(row):
    lat, lon, cc = float(row[3]), float(row[4]), row[5]
    assert re.match(r"^-?\d+\.\d{4}$", row[3]) and re.match(r"^-?\d+\.\d{4}$", row[4])
    assert cc in BBOX, cc
    la0, la1, lo0, lo1 = BBOX[cc]
    assert la0 <= lat <= la1 and lo0 <= lon <= lo1, (row[0], lat, lon)


def test_population_integer_or_empty():
    assert all(r[13] == "" or r[13].isdigit() for r in ROWS)


def test_admin_levels_filled_for_admin_units():
    for r in ROWS:
        if r[12] == "ADM1":
            assert r[6] and r[7], r[0]
        if r[12] == "ADM2":
            assert r[6] and r[8] and r[9], r[0]
        if r[12] == "ADM3":
            assert r[6] and r[8] and r[10] and r[11], r[0]
