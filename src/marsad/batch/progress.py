"""The progress bar's total: counted up front only when that is cheap, so the bar can show an ETA."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from marsad.inputs import HTML_SUFFIXES, TEXT_SUFFIXES, is_jsonl

COUNT_BUDGET_S = 1.5
BLOCK = 1 << 20


class _OutOfTime(Exception):
    pass


def estimate_total(paths: Iterable[str], budget_s: float = COUNT_BUDGET_S) -> int | None:
    """Articles in the inputs (lines of JSONL, files elsewhere), or None when counting would be slow.

    Compressed files and standard input are not counted (that would mean reading them twice);
    counting stops, giving None, after `budget_s` seconds. The count includes blank and bad lines,
    so it is an upper bound, good enough for an ETA.
    """
    deadline = time.monotonic() + budget_s
    total = 0
    try:
        for name in paths:
            if name == "-":
                return None
            count = _count(Path(name), deadline)
            if count is None:
                return None
            total += count
    except (_OutOfTime, OSError):
        return None
    return total


def _count(path: Path, deadline: float) -> int | None:
    if path.is_dir():
        total = 0
        for child in path.rglob("*"):
            if time.monotonic() > deadline:
                raise _OutOfTime
            if child.is_file() and not child.name.startswith("."):
                if is_jsonl(child) or child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                    count = _count(child, deadline)
                    if count is None:
                        return None
                    total += count
        return total
    if not path.is_file():
        return 0
    if not is_jsonl(path):
        return 1
    if path.name.endswith(".gz"):
        return None
    lines = 0
    last = b"\n"
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            lines += block.count(b"\n")
            last = block[-1:]
            if time.monotonic() > deadline:
                raise _OutOfTime
    return lines + (last != b"\n")
