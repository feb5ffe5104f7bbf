"""The errors file of a run: one JSON line per failed article, {where, error, kind}."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from marsad.errors import InputError


class ErrorLog:
    """Counts failures and writes them (when given a path) as JSON Lines, flushed as they come."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.count = 0
        self._handle: IO[str] | None = None
        if path is not None:
            try:
                # a fresh file per run: a resumed run meets the same bad lines again
                self._handle = path.open("w", encoding="utf-8")
            except OSError as error:
                raise InputError(str(path), f"cannot write the errors file ({error.strerror})") from None

    def add(self, where: str, error: str, kind: str) -> None:
        self.count += 1
        if self._handle is not None:
            record = {"where": where, "error": error, "kind": kind}
            self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._handle.flush()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
