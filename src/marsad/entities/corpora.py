"""Readers of the labelled NER corpora in ../shared/data, mapped to ANERcorp's four types.

Every reader yields sentences as `(words, tags)`: whole orthographic words (clitics attached, as
ANERcorp writes them) with IOB2 tags over PERS, LOC, ORG and MISC. The mappings follow what
ANERcorp itself does, checked against its train split: peoples and nationalities (العرب،
المسلمين) are O, currencies, religions, events and products are MISC, facilities are LOC.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from marsad.errors import DataError

Sentence = tuple[list[str], list[str]]

TYPES = ("PERS", "LOC", "ORG", "MISC")

# NewsFANE's fine classes (Alotaibi & Lee 2014, ACE-derived). "Police" and "Group" are person
# subtypes there; Group is peoples and nationalities, which ANERcorp leaves untagged.
NEWSFANE_TYPES: dict[str, str] = {
    **dict.fromkeys(
        ["Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist", "Businessperson",
         "Lawyer", "Engineer", "Police"], "PERS"),
    **dict.fromkeys(
        ["Nation", "Population-Center", "State-or-Province", "County-or-District", "GPE-Cluster",
         "Continent", "Water-Body", "Land-Region-Natural", "Celestial", "Building-Grounds", "Airport",
         "Path", "Subarea-Facility", "Plant"], "LOC"),
    **dict.fromkeys(
        ["Government", "Non-Governmental", "Commercial", "Educational", "Media", "Religious_ORG",
         "Sports", "Medical-Science", "Entertainment"], "ORG"),
    **dict.fromkeys(
        ["Book", "Movie", "Software", "Hardware", "Food", "Drug", "Air", "Land", "Water", "Projectile",
         "Shooting", "Blunt", "Sharp", "Exploding", "Nuclear", "Chemical", "Biological"], "MISC"),
}

# Wojood's 21 types. NORP is O as ANERcorp leaves nationalities untagged; currencies are MISC as
# in ANERcorp (دولار، يورو); amounts, dates and occupations are not names.
WOJOOD_TYPES: dict[str, str] = {
    "PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
    "EVENT": "MISC", "PRODUCT": "MISC", "CURR": "MISC", "WEBSITE": "MISC",
}

# NewsFANE splits clitics off; these are put back on their word so that its sentences look like
# ANERcorp's. Single-letter proclitics join the next piece, pronoun enclitics the previous one.
_PROCLITICS = frozenset("وفبلكس")
_ENCLITICS = frozenset(["ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ني", "ي"])


def read_columns(path: Path) -> Iterator[list[list[str]]]:
    """Blank-line separated blocks of whitespace-split rows."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror})") from None
    with handle:
        block: list[list[str]] = []
        for line in handle:
            fields = line.split()
            if not fields:
                if block:
                    yield block
                block = []
                continue
            block.append(fields)
        if block:
            yield block


def read_anercorp(path: Path) -> list[Sentence]:
    sentences = []
    for block in read_columns(path):
        rows = [row for row in block if len(row) >= 2]
        sentences.append(([row[0] for row in rows], [_check_tag(row[-1], path) for row in rows]))
    return sentences


def _check_tag(tag: str, path: Path) -> str:
    if tag != "O" and (tag[:2] not in ("B-", "I-") or tag[2:] not in TYPES):
        raise DataError(f"{path}: unknown tag {tag!r}")
    return tag


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O":
        return "O"
    coarse = mapping.get(tag[2:])
    return f"{tag[:2]}{coarse}" if coarse else "O"


def read_newsfane(path: Path) -> list[Sentence]:
    sentences = []
    for block in read_columns(path):
        pieces = [(row[0], _map_tag(row[-1], NEWSFANE_TYPES)) for row in block if len(row) >= 2]
        sentences.append(rejoin_clitics(pieces))
    return sentences


def rejoin_clitics(pieces: list[tuple[str, str]]) -> Sentence:
    """Glue split clitics back on their words; a word takes the tag of its stem piece."""
    words: list[str] = []
    tags: list[str] = []
    pending = ""  # proclitics waiting for their stem
    for piece, tag in pieces:
        if piece in _PROCLITICS:
            pending += piece
            continue
        if pending == "" and piece in _ENCLITICS and words and _is_arabic(words[-1][-1]):
            words[-1] += piece
            continue
        words.append(pending + piece)
        tags.append(tag)
        pending = ""
    if pending:
        words.append(pending)
        tags.append("O")
    return words, _repair_iob(tags)


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


def _repair_iob(tags: list[str]) -> list[str]:
    """Make I- tags that follow O or another type into B- tags (valid IOB2)."""
    fixed = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def read_wojood(path: Path) -> list[Sentence]:
    """Nested Wojood: per sentence keep the outermost entities whose type maps to one of ours."""
    sentences = []
    for block in read_columns(path):
        rows = [row for row in block if row[0] != "$#$"]
        if not rows:
            continue
        words = [row[0] for row in rows]
        spans: list[tuple[int, int, str]] = []
        depth = max(len(row) for row in rows) - 1
        for level in range(1, depth + 1):
            spans.extend(_level_spans([row[level] if len(row) > level else "O" for row in rows]))
        tags = ["O"] * len(words)
        for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
            coarse = WOJOOD_TYPES.get(label)
            if coarse is None or any(tag != "O" for tag in tags[start:end]):
                continue
            tags[start] = f"B-{coarse}"
            for i in range(start + 1, end):
                tags[i] = f"I-{coarse}"
        sentences.append((words, tags))
    return sentences


def _level_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    start = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans
