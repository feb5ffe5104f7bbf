"""Consonant skeletons: one key for an Arabic place name and its Latin romanisations.

GeoNames holds many towns of the Arab world under Latin names only ("Al Fahahil", "Hawalli"). Both
scripts are reduced to the consonant classes of `data/gazetteer/transliteration.tsv` (vowels, ع/ء and
inner و/ي dropped, the article and a taa marbuta removed, doubled letters merged), so that الفحيحيل and
"Al Fuhayhil" both give "fhhl". The build ships these keys (`skeletons.tsv.gz`); the geoparser looks a
word up by its skeleton when the gazetteer has no Arabic spelling for it.
"""

from __future__ import annotations

import gzip
import io
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from marsad.errors import DataError
from marsad.resources import read_rows
from marsad.text.normalize import normalize

SKELETON_FILE = "skeletons.tsv.gz"
# Latin articles of romanised Arabic names (BGN/PCGN writes the assimilated article: As Salt, Ash Shamiyah).
LATIN_ARTICLES = frozenset({
    "al", "el", "il", "ul", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "er", "es", "esh",
    "et", "ez", "en", "aal",
})
# Letters that count as consonants only at the start of a word (elsewhere they write long vowels).
SEMIVOWELS = frozenset({"w", "y"})


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], list[tuple[str, str]]]:
    arabic: dict[str, str] = {}
    latin: list[tuple[str, str]] = []
    for row in read_rows("gazetteer", "transliteration.tsv"):
        if len(row) < 3 or row[0] not in ("ar", "la"):
            raise DataError(f"data/gazetteer/transliteration.tsv: bad row {row!r}")
        script, text, klass = (cell.strip() for cell in row[:3])
        klass = "" if klass == "-" else klass
        if script == "ar":
            arabic[text] = klass
        else:
            latin.append((text, klass))
    latin.sort(key=lambda item: -len(item[0]))
    return arabic, latin


def _finish(classes: list[str]) -> str:
    """Merge a doubled letter (Latin "Riqqah" has no Arabic counterpart: no shadda after normalising),
    then drop vowels, inner semivowels and a final semivowel."""
    merged: list[str] = []
    for c in classes:
        if not merged or merged[-1] != c:
            merged.append(c)
    kept = [c for i, c in enumerate(merged) if c and (i == 0 or c not in SEMIVOWELS)]
    while kept and kept[-1] in SEMIVOWELS and len(kept) > 1:
        kept.pop()
    return "".join(kept)


def arabic_skeleton(name: str) -> str:
    """The skeleton of an Arabic name (any spelling: it is normalised first)."""
    arabic, _ = _tables()
    words = []
    for word in normalize(name).split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if word.endswith("ه") and len(word) > 2:
            word = word[:-1]  # taa marbuta (normalised to ه), which romanisations write as a vowel or "ah"
        letters = [arabic[ch] for ch in word if ch in arabic]
        # a word-initial alef or ayn is a vowel: the next letter starts the word
        while letters and letters[0] == "":
            letters.pop(0)
        words.append(_finish(letters))
    return "".join(words)


def _latin_words(name: str) -> list[str] | None:
    decomposed = unicodedata.normalize("NFKD", name)
    kept = []
    for ch in decomposed:
        if unicodedata.combining(ch) or ch in "'’‘`ʿʾ\"":
            continue
        if ch.isascii() and ch.isalpha():
            kept.append(ch.lower())
        elif ch in " -.":
            kept.append(" ")
        else:
            return None  # not a Latin-script name
    return "".join(kept).split()


def _latin_word(word: str) -> str:
    _, latin = _tables()
    letters: list[str] = []
    i = 0
    while i < len(word):
        for text, klass in latin:
            if word.startswith(text, i):
                letters.append(klass)
                i += len(text)
                break
        else:
            i += 1
    while letters and letters[0] == "":
        letters.pop(0)
    return _finish(letters)


def latin_skeletons(name: str) -> list[str]:
    """The skeletons of a Latin romanisation ([] for a name in another script). A final "-ah"/"-ih" may
    write a taa marbuta (Salimiyah) or a real h (Sabah, Atfih): both readings are given."""
    words = _latin_words(name)
    if not words:
        return []
    if len(words) > 1:
        words = [w for i, w in enumerate(words) if w not in LATIN_ARTICLES or i == len(words) - 1]
    readings = [""]
    for word in words:
        if word.startswith("al") and len(word) > 5 and word[2] not in "aeiou":
            word = word[2:]  # joined article: "Alsalmiya"
        forms = [_latin_word(word)]
        if len(word) > 2 and word[-1] == "h" and word[-2] in "aeiou":
            forms.append(_latin_word(word[:-1]))
        readings = [r + f for r in readings for f in dict.fromkeys(forms)]
    return list(dict.fromkeys(readings))


def latin_skeleton(name: str) -> str:
    """The first skeleton of a Latin romanisation ("" for a name in another script)."""
    found = latin_skeletons(name)
    return found[0] if found else ""


MIN_SKELETON = 2  # shorter keys ("b") say nothing


def place_skeletons(latin_names: list[str], arabic_names: list[str]) -> list[str]:
    """The distinct skeletons of a place's Latin and Arabic names, in first-seen order."""
    found = [s for n in latin_names for s in latin_skeletons(n)] + [arabic_skeleton(n) for n in arabic_names]
    return [s for s in dict.fromkeys(found) if len(s) >= MIN_SKELETON]


def write_skeletons(path: Path, rows: list[tuple[str, str, str]], header: list[str]) -> None:
    """(country, skeleton, place id) rows, sorted, gzip'd with a fixed header: same input, same bytes."""
    text = io.StringIO()
    for line in header:
        text.write(f"# {line}\n")
    for cc, skeleton, place_id in sorted(set(rows)):
        text.write(f"{cc}\t{skeleton}\t{place_id}\n")
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))


def read_skeletons(path: Path) -> Iterator[tuple[str, str, str]]:
    """(country, skeleton, place id) of a skeleton file; a malformed one raises DataError."""
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
            for number, line in enumerate(handle, 1):
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\n").split("\t")
                if len(cells) != 3:
                    raise DataError(f"{path}: line {number}: expected 3 columns, found {len(cells)}")
                yield cells[0], cells[1], cells[2]
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot read the skeleton index ({error})") from None
