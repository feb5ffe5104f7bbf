"""Access to the language data files shipped inside the package."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import TypeVar

from marsad.errors import DataError

Model = TypeVar("Model")


def data_path(*parts: str) -> Path:
    """Path of a shipped data file, e.g. `data_path("ar", "normalization.tsv")`."""
    return Path(str(resources.files("marsad").joinpath("data", *parts)))


def read_rows(*parts: str) -> Iterator[list[str]]:
    """The TAB-separated rows of a data file, skipping `#` comments and blank lines."""
    with data_path(*parts).open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield line.split("\t")


def read_words(*parts: str) -> set[str]:
    """A one-word-per-line list (first column), `#` comments skipped."""
    return {row[0].strip() for row in read_rows(*parts) if row[0].strip()}


def read_model(path: Path, parse: Callable[[Iterable[str], str], Model], missing: str) -> Model:
    """A trained model's TSV parsed by `parse(lines, source)`; a missing file is a DataError naming it,
    followed by `missing` (what it is and how to make it)."""
    try:
        with path.open(encoding="utf-8") as handle:
            return parse(handle, str(path))
    except FileNotFoundError:
        raise DataError(f"{path}: {missing}") from None
