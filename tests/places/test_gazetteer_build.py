"""The embedded gazetteer is built reproducibly and loads as a well-formed index."""

from __future__ import annotations

import gzip

import pytest

from marsad.errors import DataError
from marsad.places.build import build
from marsad.places.curated import read_curated
from marsad.places.gazetteer import default_gazetteer, load_gazetteer
from marsad.places.records import COLUMNS, INDEX_FILE, read_places
from marsad.places.variants import name_variants
from marsad.resources import data_path


@pytest.mark.slow
def test_building_twice_gives_identical_bytes(tmp_path):
    first = build(tmp_path / "a")
    second = build(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "a" / "admin1.tsv").read_bytes() == (tmp_path / "b" / "admin1.tsv").read_bytes()
    assert (tmp_path / "a" / "common_words.tsv.gz").read_bytes() == (tmp_path / "b" / "common_words.tsv.gz").read_bytes()
    assert (tmp_path / "a" / "skeletons.tsv.gz").read_bytes() == (tmp_path / "b" / "skeletons.tsv.gz").read_bytes()
    # the shipped index is what the script builds now; only the line naming the libraries' versions may
    # differ (a new release of babel that changes no name must not fail the build)
    assert _without_versions(tmp_path / "a" / "skeletons.tsv.gz") == _without_versions(
        data_path("gazetteer", "skeletons.tsv.gz"))


def _without_versions(path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [line for line in handle if not line.startswith("# Built with")]


def test_shipped_index_names_its_sources_and_licence():
    with gzip.open(data_path("gazetteer", INDEX_FILE), "rt", encoding="utf-8") as handle:
        header = "".join(line for line in handle if line.startswith("#"))
    assert "GeoNames" in header and "CC BY 4.0" in header
    assert "CLDR" in header


def test_shipped_index_covers_curated_places_and_countries():
    gazetteer = default_gazetteer()
    ids = {p.id for p in gazetteer.places}
    curated = read_curated()
    assert curated
    stale = [row.key for row in curated if f"cur:{row.key}" not in ids]
    assert not stale, f"the shipped index misses curated places {stale[:5]}: run `marsad gazetteer build`"
    syria = gazetteer.lookup("سورية")
    assert [p.id for p in syria if p.feature == "COUNTRY"] == ["country:SY"]
    assert {p.country_code for p in gazetteer.lookup("Idlib")} == {"SY"}


def test_every_place_has_coordinates_and_a_country_or_region():
    for place in read_places(data_path("gazetteer", INDEX_FILE)):
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place.id
        assert place.country_code or place.feature in ("CONTINENT", "REGION"), place.id


@pytest.mark.parametrize(("name", "arab_world", "variant"), [
    ("سوريا", True, "سوريه"),
    ("سورية", True, "سوريا"),
    ("الرقة", True, "الرقه"),
    ("الحسينية", True, "حسينيه"),
    ("أوروبا", False, "اوربا"),
    ("أستانا", False, "استانه"),
])
def test_rule_variants(name, arab_world, variant):
    assert variant in name_variants(name, arab_world=arab_world)


def test_short_names_keep_their_article():
    assert "رقه" not in name_variants("الرقة", arab_world=True)


def test_malformed_index_is_a_one_line_data_error(tmp_path):
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as handle:
        handle.write("\t".join(COLUMNS) + "\n")
        handle.write("gn:1\tX\n")
    with pytest.raises(DataError, match="bad.tsv.gz: line 2"):
        load_gazetteer([bad])
    with pytest.raises(DataError, match="missing"):
        load_gazetteer([tmp_path / "absent.tsv.gz"])
