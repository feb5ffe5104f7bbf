"""Build src/marsad/data/countries.tsv: ISO codes and English names (pycountry, from ISO 3166) with
ACLED's region names (written by hand below from ACLED's regional coverage pages).

Usage: python scripts/build_countries.py
"""

from __future__ import annotations

import pycountry

from marsad.resources import data_path

# ACLED regions (acleddata.com, "Regional coverage"): the countries of marsad's coverage and neighbours.
ACLED_REGIONS = {
    "Middle East": "AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Northern Africa": "DZ LY MA TN EH",
    "Eastern Africa": "BI DJ ER ET KE KM MG MU MW MZ RW SC SO SS SD TZ UG ZM ZW",
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SL SN TG",
    "Middle Africa": "AO CF CM CD CG GA GQ ST TD",
    "Southern Africa": "BW LS NA SZ ZA",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Europe": "AL AT BA BE BG BY CH CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LT LU LV MD ME MK MT NL NO PL PT RO RS RU SE SI SK UA XK",
    "North America": "CA US",
    "East Asia": "CN JP KP KR MN TW",
}
# ACLED's own short country names where they differ from ISO's.
ACLED_NAMES = {
    "SY": "Syria", "IR": "Iran", "RU": "Russia", "PS": "Palestine", "TR": "Turkey", "KR": "South Korea",
    "KP": "North Korea", "TZ": "Tanzania", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "MD": "Moldova", "BO": "Bolivia", "VE": "Venezuela", "LA": "Laos", "VN": "Vietnam",
    "TW": "Taiwan", "GB": "United Kingdom", "US": "United States", "XK": "Kosovo", "EH": "Western Sahara",
}


def main() -> None:
    region_of = {code: region for region, codes in ACLED_REGIONS.items() for code in codes.split()}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name = ACLED_NAMES.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
        rows.append(f"{country.alpha_2}\t{country.alpha_3}\t{int(country.numeric)}\t{name}\t{region_of.get(country.alpha_2, '')}")
    rows.append("XK\tXKX\t0\tKosovo\tEurope")
    header = (
        "# Countries: ISO 3166-1 codes and English names from pycountry (ISO 3166), ACLED's short names and\n"
        "# regions written by hand in scripts/build_countries.py from ACLED's regional coverage. Generated; do not edit.\n"
        "# Columns: iso2\tiso3\tiso_numeric\tname\tacled_region\n"
    )
    out = data_path("countries.tsv")
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} countries written to {out}")


if __name__ == "__main__":
    main()
