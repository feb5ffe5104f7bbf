"""The gazetteer's place record and its on-disk form (gzip'd TSV with a `#` header, no pickle).

The same format serves the embedded index shipped in the package and the deeper village-level index
that `marsad gazetteer install` writes to the user's data directory.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from marsad.errors import DataError

INDEX_FILE = "gazetteer.tsv.gz"  # the embedded index, in data/gazetteer/

# Feature codes that stand for areas rather than points (coded to their representative point).
AREA_FEATURES = frozenset({"COUNTRY", "ADM1", "ADM2", "ADM3", "REGION", "CONTINENT"})


@dataclass(slots=True)
class Place:
    """One gazetteer entry. `keys` are its match keys (`phrase_key` of each Arabic spelling)."""

    id: str
    name: str
    name_ar: str
    lat: float
    lon: float
    country_code: str
    admin1: str
    admin1_ar: str
    admin2: str
    admin2_ar: str
    admin3: str
    admin3_ar: str
    feature: str
    population: int
    geonameid: int | None
    source: str
    keys: tuple[str, ...]
    names_en: tuple[str, ...] = ()
    weak_keys: tuple[str, ...] = ()  # keys that are common Arabic words given how small the place is


COLUMNS = tuple(f.name for f in fields(Place))


def _format(place: Place) -> str:
    cells = []
    for name in COLUMNS:
        value = getattr(place, name)
        if isinstance(value, tuple):
            cells.append("|".join(value))
        elif isinstance(value, float):
            cells.append(f"{value:.5f}")
        elif value is None:
            cells.append("")
        else:
            cells.append(str(value))
    return "\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells)


def write_places(path: Path, places: Iterable[Place], header: list[str]) -> None:
    """Write places sorted by id, gzip with a fixed mtime and no file name: same input, same bytes."""
    text = io.StringIO()
    for line in header:
        text.write(f"# {line}\n")
    text.write("\t".join(COLUMNS) + "\n")
    for place in sorted(places, key=lambda p: p.id):
        text.write(_format(place) + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))


def place_from_cells(cells: list[str], where: str) -> Place:
    """A Place from the cells of one index row (`where` names the file and line for errors)."""
    try:
        return Place(
            id=cells[0], name=cells[1], name_ar=cells[2], lat=float(cells[3]), lon=float(cells[4]),
            country_code=cells[5], admin1=cells[6], admin1_ar=cells[7], admin2=cells[8], admin2_ar=cells[9],
            admin3=cells[10], admin3_ar=cells[11], feature=cells[12], population=int(cells[13] or 0),
            geonameid=int(cells[14]) if cells[14] else None, source=cells[15],
            keys=tuple(k for k in cells[16].split("|") if k), names_en=tuple(n for n in cells[17].split("|") if n),
            weak_keys=tuple(k for k in cells[18].split("|") if k),
        )
    except ValueError as error:
        raise DataError(f"{where}: {error}") from None


def read_cells(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each row of an index file, the column count checked; a malformed file
    raises DataError naming the file and line."""
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
            header_seen = False
            for number, line in enumerate(handle, 1):
                if line.startswith("#"):
                    continue
                line = line.rstrip("\n")
                if not header_seen:
                    if tuple(line.split("\t")) != COLUMNS:
                        raise DataError(f"{path}: line {number}: unexpected header (rebuild the gazetteer)")
                    header_seen = True
                    continue
                if line:
                    cells = line.split("\t")
                    if len(cells) != len(COLUMNS):
                        raise DataError(f"{path}: line {number}: expected {len(COLUMNS)} columns, "
                                        f"found {len(cells)}")
                    yield number, cells
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot read the gazetteer index ({error})") from None


def read_places(path: Path) -> Iterator[Place]:
    """The places of an index file."""
    for number, cells in read_cells(path):
        yield place_from_cells(cells, f"{path}: line {number}")
