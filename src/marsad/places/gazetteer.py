"""The runtime gazetteer: the embedded index plus any deeper index installed in the user's data dir.

Loading reads the gzip'd TSV once per process and builds one Aho-Corasick automaton over the match
keys; a place installed by `marsad gazetteer install` replaces the embedded entry of the same GeoNames id.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from marsad.errors import DataError
from marsad.places.records import INDEX_FILE, Place, place_from_cells, read_cells
from marsad.resources import data_path
from marsad.text.normalize import normalize
from marsad.text.phrases import PhraseMatcher, phrase_key

INSTALLED_SUFFIX = ".tsv.gz"


def user_gazetteer_dir() -> Path:
    """Where `marsad gazetteer install` writes (MARSAD_DATA_DIR overrides the platform's data dir)."""
    override = os.environ.get("MARSAD_DATA_DIR")
    if override:
        return Path(override) / "gazetteer"
    import platformdirs

    return Path(platformdirs.user_data_dir("marsad")) / "gazetteer"


def installed_indexes() -> list[Path]:
    folder = user_gazetteer_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(INSTALLED_SUFFIX))


# Index columns read at load time; the rest is parsed into a Place only when a candidate is used.
_ID, _GEONAMEID, _ADMIN1, _ADMIN1_AR, _ADMIN2, _ADMIN2_AR, _KEYS, _NAMES_EN, _WEAK = 0, 14, 6, 7, 8, 9, 16, 17, 18
_FEATURE, _POPULATION = 12, 13
# A name of one or two letters is a word fragment as often as a place ("جورنال دو ديمانش": GeoNames gives
# Jahrom the Arabic name "دو"): below this population, and unless a province or a capital, it needs the
# evidence a common word needs (qom "قم" and Ibb "إب" stay names)
SHORT_KEY, SHORT_KEY_POPULATION = 2, 500_000


class Gazetteer:
    """Places with a phrase matcher over their Arabic keys and a lookup by English name.

    Rows stay as their TSV cells until a place is needed, which keeps loading well under a second.
    """

    def __init__(self, rows: Iterable[tuple[str, list[str]]]):
        """`rows`: (where, cells) for each index row, `where` naming its file and line for errors."""
        self._cells: list[list[str]] = []
        self._where: list[str] = []
        self._places: dict[int, Place] = {}
        self._by_id: dict[str, int] | None = None
        by_geonameid: dict[str, int] = {}
        for where, cells in rows:
            geonameid = cells[_GEONAMEID]
            if geonameid and cells[_ID].startswith(("gn:", "deep:")):
                known = by_geonameid.get(geonameid)
                if known is not None:
                    # a deeper entry of the same GeoNames place replaces the older one: union the keys,
                    # keep admin names the newer entry lacks
                    old = self._cells[known]
                    keys = list(dict.fromkeys(old[_KEYS].split("|") + cells[_KEYS].split("|")))
                    weak = set(old[_WEAK].split("|")) | set(cells[_WEAK].split("|"))
                    cells[_KEYS] = "|".join(k for k in keys if k)
                    cells[_WEAK] = "|".join(k for k in keys if k and k in weak)
                    for column in (_ADMIN1, _ADMIN1_AR, _ADMIN2, _ADMIN2_AR):
                        cells[column] = cells[column] or old[column]
                    self._cells[known], self._where[known] = cells, where
                    continue
                by_geonameid[geonameid] = len(self._cells)
            self._cells.append(cells)
            self._where.append(where)
        self.matcher: PhraseMatcher[int] = PhraseMatcher()
        self._by_english: dict[str, list[int]] = {}
        self.weak: set[tuple[str, int]] = set()
        for index, cells in enumerate(self._cells):
            for key in cells[_KEYS].split("|"):
                if key:
                    self.matcher.add(key, index, keyed=True)
            for key in cells[_WEAK].split("|"):
                if key:
                    self.weak.add((key, index))
            if cells[_FEATURE] not in ("ADM1", "PPLC", "COUNTRY") and int(cells[_POPULATION] or 0) < SHORT_KEY_POPULATION:
                self.weak.update((key, index) for key in cells[_KEYS].split("|") if 0 < len(key) <= SHORT_KEY)
            for name in cells[_NAMES_EN].split("|"):
                if name:
                    self._by_english.setdefault(name.casefold(), []).append(index)
        self.matcher._build()

    def __len__(self) -> int:
        return len(self._cells)

    def place(self, index: int) -> Place:
        place = self._places.get(index)
        if place is None:
            place = self._places[index] = place_from_cells(self._cells[index], self._where[index])
        return place

    @property
    def places(self) -> list[Place]:
        """Every place (parses the whole index: for tools and tests, not the hot path)."""
        return [self.place(i) for i in range(len(self._cells))]

    def by_id(self, place_id: str) -> Place | None:
        """The place of an index id ("gn:285811"), or None."""
        if self._by_id is None:
            self._by_id = {cells[_ID]: index for index, cells in enumerate(self._cells)}
        index = self._by_id.get(place_id)
        return None if index is None else self.place(index)

    def candidates(self, key: str) -> list[Place]:
        return [self.place(i) for i in self.matcher.payloads(key)]

    def strong_candidates(self, key: str) -> list[Place]:
        """Candidates for which `key` is not a common word."""
        return [self.place(i) for i in self.matcher.payloads(key) if (key, i) not in self.weak]

    def lookup(self, name: str) -> list[Place]:
        """Places called `name` (Arabic spelling in any form, or an English name)."""
        found: list[int] = []
        if any("\u0600" <= ch <= "\u06ff" for ch in name):
            for key in (phrase_key(name), " ".join(normalize(name).split())):
                found += self.matcher.payloads(key)
        else:
            found += self._by_english.get(name.casefold().strip(), [])
        return [self.place(i) for i in dict.fromkeys(found)]


def load_gazetteer(paths: list[Path]) -> Gazetteer:
    def rows():
        for path in paths:
            if not path.exists():
                raise DataError(f"{path}: the gazetteer index is missing; run `marsad gazetteer build`")
            for number, cells in read_cells(path):
                yield f"{path}: line {number}", cells

    return Gazetteer(rows())


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: embedded index, then installed deeper ones (which take precedence)."""
    return load_gazetteer([data_path("gazetteer", INDEX_FILE), *installed_indexes()])
