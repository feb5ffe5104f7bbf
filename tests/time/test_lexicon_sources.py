"""The shipped date lexicons agree with their sources: CLDR month and day names (via Babel) for every
Arabic month system, and hijridate's Hijri month names."""

from __future__ import annotations

import babel.dates
import pytest
from hijridate import Hijri

from marsad.text.normalize import normalize
from marsad.time.lexicon import time_lexicon


@pytest.mark.parametrize("locale", ["ar_SY", "ar_IQ", "ar_LB", "ar_EG", "ar_SA", "ar_DZ", "ar_TN", "ar_MA"])
def test_every_cldr_month_name_maps_to_its_month(locale):
    months = time_lexicon().months
    for number, name in babel.dates.get_month_names("wide", locale=locale).items():
        assert months[normalize(name)] == number, (locale, name)


def test_every_cldr_weekday_maps_to_its_weekday():
    weekdays = time_lexicon().weekdays
    for index, name in babel.dates.get_day_names("wide", locale="ar").items():
        assert weekdays[normalize(name)] == index


def test_every_hijri_month_name_maps_to_its_month():
    hijri = time_lexicon().hijri_months
    for number in range(1, 13):
        assert hijri[normalize(Hijri(1439, number, 1).month_name("ar"))] == number


@pytest.mark.parametrize(("word", "value"), [
    ("الخامس عشر", 15), ("الحادي والعشرين", 21), ("الحادي والثلاثين", 31), ("الأول", 1), ("العشرين", 20),
])
def test_ordinals_cover_the_days_of_a_month(word, value):
    assert time_lexicon().ordinals[normalize(word)] == value


@pytest.mark.parametrize(("word", "value"), [("ثلاثة", 3), ("خمس", 5), ("عشرين", 20), ("خمسة وعشرين", 25)])
def test_cardinal_number_words(word, value):
    assert time_lexicon().numbers[normalize(word)] == value
