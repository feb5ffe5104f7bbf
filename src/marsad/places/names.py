"""Place names: cleaning GeoNames' Arabic names, telling Arabic names apart, and their match keys."""

from __future__ import annotations

import unicodedata

import regex

from marsad.places.variants import name_variants
from marsad.text.normalize import normalize
from marsad.text.phrases import phrase_key

_ARABIC_NAME = regex.compile(r"^[\p{Arabic}\s\-'’]+$")
_HAS_ARABIC_LETTER = regex.compile(r"[\p{Arabic}&&\p{L}]")

_MARKS = regex.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_name(name: str) -> str:
    """A GeoNames name without bidi/zero-width marks or stray punctuation at its ends ("حفر الباطن\u200e;")."""
    return " ".join(_MARKS.sub("", name).strip(" ;,.:|\t").split())


def arabic_names(names: list[str]) -> list[str]:
    """The Arabic-script names among `names`, cleaned, in first-seen order."""
    return list(dict.fromkeys(c for c in (clean_name(n) for n in names) if is_arabic_name(c)))


# Letters of Persian, Urdu, Kurdish or Pashto script that Arabic spelling does not use (ی ک ە ۆ ێ ڵ ۇ ٹ ڈ ں ہ ھ ے).
_NON_ARABIC_LETTERS = regex.compile("[\u06cc\u06a9\u06d5\u06c6\u06ce\u06b5\u06c7\u0679\u0688\u06ba"
                                    "\u06c1\u06be\u06d2\u06c0\u06c3\u0671]")
# Countries whose own names GeoNames may hold only in Persian script (kept for them).
PERSIAN_SCRIPT_COUNTRIES = frozenset({"IR", "AF", "TJ", "PK"})


def is_arabic_spelling(name: str, country_code: str) -> bool:
    """An Arabic-script name written the Arabic way; Persian/Urdu transliterations of places elsewhere
    (یوميا for Umeå, غازی for Ghaziabad) are left out: Arabic news does not use them."""
    return country_code in PERSIAN_SCRIPT_COUNTRIES or not _NON_ARABIC_LETTERS.search(name)


def is_arabic_name(name: str) -> bool:
    return bool(_ARABIC_NAME.match(name)) and len(_HAS_ARABIC_LETTER.findall(name)) >= 2


def match_keys(names: list[str], *, arab_world: bool) -> tuple[str, ...]:
    """Match keys of Arabic names: the clitic-segmented key of each name as written (segmentation needs
    the raw spelling to tell taa marbuta from a pronoun), then the plain key of each rule variant."""
    keys: list[str] = []
    for name in names:
        # GeoNames often writes a final taa marbuta as ه (بريده), which segmentation reads as a pronoun
        # ("ب ريد ه"); the text's بريدة segments as "ب ريده": key the ة spelling too
        marbuta = " ".join(w[:-1] + "ة" if w.endswith("ه") and len(w) > 2 else w for w in name.split())
        for key in (phrase_key(name), phrase_key(marbuta), *sorted(name_variants(name, arab_world=arab_world))):
            if key and key not in keys:
                keys.append(key)
    return tuple(keys)


def ascii_name(name: str) -> str:
    """A GeoNames name without diacritics and ayn/hamza marks, like GeoNames' asciiname (Ḩārim -> Harim)."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "‘’ʿʾ`")
    return " ".join(kept.split()) or name


def normalized_name(name: str) -> str:
    return " ".join(normalize(name).split())
