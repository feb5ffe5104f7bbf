"""Normalisation for matching: one character in, at most one character out.

Because no character ever expands, the normalised text maps back to raw offsets through a single
index array, and a 50 MB article costs one `str.translate` plus one pass over the deleted characters.
"""

from __future__ import annotations

from array import array
from functools import lru_cache

import regex

from marsad.document import NormalizedView
from marsad.resources import read_rows


def _codepoints(field: str) -> list[int]:
    if "-" in field:
        first, last = field.split("-")
        return list(range(int(first, 16), int(last, 16) + 1))
    return [int(field, 16)]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str | None], regex.Pattern]:
    table: dict[int, str | None] = {}
    deleted: list[int] = []
    for row in read_rows("ar", "normalization.tsv"):
        codes = _codepoints(row[0])
        replacement = row[1] if len(row) > 1 else ""
        if replacement == "":
            for code in codes:
                table[code] = None
            deleted.extend(codes)
        elif replacement == "0-9":
            for offset, code in enumerate(codes):
                table[code] = str(offset)
        else:
            for code in codes:
                table[code] = replacement
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    char_class = "".join(f"\\U{code:08x}" for code in sorted(set(deleted)))
    return table, regex.compile(f"[{char_class}]+")


def normalize(text: str) -> str:
    """The normalised form of `text` (for lookups; offsets are not kept)."""
    table, _ = _tables()
    return text.translate(table)


def normalize_with_map(text: str) -> NormalizedView:
    """The normalised form of `text` and, for each of its characters, the raw offset it came from."""
    table, deleted = _tables()
    normalized = text.translate(table)
    raw_index = array("q")
    position = 0
    for run in deleted.finditer(text):
        raw_index.extend(range(position, run.start()))
        position = run.end()
    raw_index.extend(range(position, len(text)))
    raw_index.append(len(text))
    return NormalizedView(normalized, raw_index)
