"""Country facts by ISO code: English (ACLED) name, ISO numeric code, ACLED region."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.resources import read_rows


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int
    name: str
    region: str


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    table = {}
    for iso2, iso3, numeric, name, region in read_rows("countries.tsv"):
        table[iso2] = Country(iso2, iso3, int(numeric), name, region)
    return table


def country(iso2: str | None) -> Country | None:
    return countries().get((iso2 or "").upper())
