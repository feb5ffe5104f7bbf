"""Shared test fixtures: where ../shared is (tests that need it skip cleanly when it is absent)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

# Tests import with --import-mode=importlib (test files in different folders may share a name);
# each folder goes on sys.path so that its helper modules import as they would in prepend mode.
for _folder in sorted(p for p in Path(__file__).resolve().parent.iterdir() if p.is_dir()):
    if str(_folder) not in sys.path:
        sys.path.append(str(_folder))

REPO = Path(__file__).resolve().parents[1]
# importlib mode names test modules "tests.<folder>.<file>": child processes (multiprocessing spawn,
# Dask workers) unpickle functions by that name, so the repository root must be importable there too.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
ANT_NEWS = SHARED / "data" / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
SAMPLE = REPO / "examples" / "idlib-isis-hts-movements.ar.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); this test reads shared data")
    return SHARED


@pytest.fixture(scope="session")
def ant_articles(shared_dir: Path) -> list[dict]:
    """The ANT conflict news corpus, read line by line on \\n only (texts hold U+2028)."""
    if not ANT_NEWS.exists():
        pytest.skip(f"{ANT_NEWS} is absent")
    with ANT_NEWS.open(encoding="utf-8", newline="\n") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")
