from __future__ import annotations

import pytest

from marsad.text.normalize import normalize, normalize_with_map


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد", "احمد"), ("إدلب", "ادلب"), ("آمنة", "امنه"), ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"), ("مدينة", "مدينه"), ("مؤتمر", "موتمر"), ("رئيس", "رييس"),
        ("قُتِلَ", "قتل"), ("شـــام", "شام"), ("١٥/٧/٢٠١٨", "15/7/2018"), ("۱۴", "14"),
        ("قال، ثم؛ لماذا؟", "قال, ثم; لماذا?"), ("“داعش”", '"داعش"'), ("«النصرة»", '"النصره"'),
        ("سوريا\u200f", "سوريا"), ("\ufeffبيان", "بيان"), ("ISIS", "isis"), ("کرد", "كرد"),
    ],
)
def test_normalisation_table(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_offset_map_skips_deleted_characters() -> None:
    raw = "قُتِلَ جنديان في إدلب"
    view = normalize_with_map(raw)
    start = view.text.index("ادلب")
    raw_start, raw_end = view.to_raw(start, start + 4)
    assert raw[raw_start:raw_end] == "إدلب"
    start = view.text.index("قتل")
    assert view.to_raw(start, start + 3) == (0, 5)  # ends on the last kept letter, before its fatha
