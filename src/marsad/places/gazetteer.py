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
from marsad.places.build import INDEX_FILE
from marsad.places.records import Place, read_places
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


class Gazetteer:
    """Places with a phrase matcher over their Arabic keys and a lookup by English name."""

    def __init__(self, places: Iterable[Place]):
        self.places: list[Place] = []
        by_geonameid: dict[int, int] = {}
        for place in places:
            if place.geonameid is not None and place.id.startswith(("gn:", "deep:")):
                known = by_geonameid.get(place.geonameid)
                if known is not None:
                    # a deeper entry of the same GeoNames place: keep the richer admin data, union the keys
                    old = self.places[known]
                    place.keys = tuple(dict.fromkeys(old.keys + place.keys))
                    place.weak_keys = tuple(k for k in dict.fromkeys(old.weak_keys + place.weak_keys)
                                            if k in place.keys)
                    if not place.admin1:
                        place.admin1, place.admin1_ar = old.admin1, old.admin1_ar
                    if not place.admin2:
                        place.admin2, place.admin2_ar = old.admin2, old.admin2_ar
                    self.places[known] = place
                    continue
                by_geonameid[place.geonameid] = len(self.places)
            self.places.append(place)
        self.matcher: PhraseMatcher[int] = PhraseMatcher()
        self._by_english: dict[str, list[int]] = {}
        self.weak: set[tuple[str, int]] = set()
        for index, place in enumerate(self.places):
            for key in place.keys:
                self.matcher.add(key, index, keyed=True)
            for key in place.weak_keys:
                self.weak.add((key, index))
            for name in place.names_en:
                self._by_english.setdefault(name.casefold(), []).append(index)
        self.matcher._build()

    def __len__(self) -> int:
        return len(self.places)

    def candidates(self, key: str) -> list[Place]:
        return [self.places[i] for i in self.matcher.payloads(key)]

    def strong_candidates(self, key: str) -> list[Place]:
        """Candidates for which `key` is not a common word."""
        return [self.places[i] for i in self.matcher.payloads(key) if (key, i) not in self.weak]

    def lookup(self, name: str) -> list[Place]:
        """Places called `name` (Arabic spelling in any form, or an English name)."""
        found: list[int] = []
        if any("\u0600" <= ch <= "\u06ff" for ch in name):
            for key in (phrase_key(name), " ".join(normalize(name).split())):
                found += self.matcher.payloads(key)
        else:
            found += self._by_english.get(name.casefold().strip(), [])
        return [self.places[i] for i in dict.fromkeys(found)]


def load_gazetteer(paths: list[Path]) -> Gazetteer:
    places: list[Place] = []
    for path in paths:
        if not path.exists():
            raise DataError(f"{path}: the gazetteer index is missing; run `marsad gazetteer build`")
        places.extend(read_places(path))
    return Gazetteer(places)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: embedded index, then installed deeper ones (which take precedence)."""
    return load_gazetteer([data_path("gazetteer", INDEX_FILE), *installed_indexes()])
