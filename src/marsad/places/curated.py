"""Reading the hand-checked `curated_places.tsv` (written by a colleague; marsad only reads it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.errors import DataError
from marsad.resources import data_path

CURATED_COLUMNS = (
    "key", "name_en", "names_ar", "lat", "lon", "country_code", "admin1", "admin1_ar", "admin2", "admin2_ar",
    "admin3", "admin3_ar", "feature", "population", "source",
)


@dataclass
class CuratedRow:
    key: str
    name_en: str
    names_ar: list[str]
    lat: float
    lon: float
    country_code: str
    admin: tuple[str, str, str, str, str, str]
    feature: str
    population: int
    geonameid: int | None
    source: str


def read_curated(path: Path | None = None) -> list[CuratedRow]:
    """The curated places file; a malformed row raises DataError naming the file and line."""
    path = path or data_path("gazetteer", "curated_places.tsv")
    rows: list[CuratedRow] = []
    if not path.exists():
        return rows
    with path.open(encoding="utf-8") as handle:
        header_seen = False
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen and cells[0] == "key":
                header_seen = True
                continue
            where = f"{path}: line {number}"
            if len(cells) < len(CURATED_COLUMNS) - 1:
                raise DataError(f"{where}: expected {len(CURATED_COLUMNS)} columns, found {len(cells)}")
            cells += [""] * (len(CURATED_COLUMNS) - len(cells))
            cell = dict(zip(CURATED_COLUMNS, cells, strict=True))
            try:
                lat, lon = float(cell["lat"]), float(cell["lon"])
                population = int(cell["population"] or 0)
            except ValueError as error:
                raise DataError(f"{where}: {error}") from None
            source = cell["source"].strip()
            geonameid = int(source.split(":", 1)[1]) if source.startswith("geonames:") else None
            rows.append(CuratedRow(
                key=cell["key"].strip(), name_en=cell["name_en"].strip(),
                names_ar=[n.strip() for n in cell["names_ar"].split("|") if n.strip()],
                lat=lat, lon=lon, country_code=cell["country_code"].strip(),
                admin=tuple(cell[c].strip() for c in (
                    "admin1", "admin1_ar", "admin2", "admin2_ar", "admin3", "admin3_ar")),  # type: ignore[arg-type]
                feature=cell["feature"].strip(), population=population, geonameid=geonameid, source=source,
            ))
    return rows
