"""Fixtures for batch tests: a small corpus of Arabic news items written for these tests, and a
dump of a store's tables that ignores row ids and timestamps (so two runs can be compared)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
import sys
from pathlib import Path

import pytest

# Sentences written for these tests in the style of conflict news (not copied from any corpus).
OPENINGS = [
    "قُتل {n} مدنيين وأصيب آخرون في قصف جوي استهدف بلدة {town} في ريف {gov} صباح {day}.",
    "اندلعت اشتباكات عنيفة بين {actor1} و{actor2} على أطراف مدينة {town} مساء {day}.",
    "قال مصدر عسكري إن {actor1} صدّت هجوما شنه عناصر من {actor2} قرب {town} فجر {day}.",
    "انفجرت سيارة مفخخة في سوق شعبي وسط {town} {day}، ما أدى إلى مقتل {n} أشخاص على الأقل.",
]
FOLLOW_UPS = [
    "وأفاد ناشطون بأن فرق الدفاع المدني ما زالت تبحث عن ناجين تحت الأنقاض.",
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.",
    "وأكد المرصد السوري لحقوق الإنسان أن حصيلة القتلى مرشحة للارتفاع.",
    "ونزح عشرات العائلات من القرى المجاورة خوفا من تجدد المعارك.",
]
PLACES = [("حلب", "حلب"), ("معرة النعمان", "إدلب"), ("دوما", "دمشق"), ("الحديدة", "الحديدة"),
          ("تعز", "تعز"), ("الموصل", "نينوى")]
ACTORS = [("قوات النظام السوري", "فصائل المعارضة"), ("القوات الحكومية", "جماعة الحوثي"),
          ("قوات سوريا الديمقراطية", "تنظيم داعش")]
DAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء"]
SOURCES = ["skynews", "bbc", "alarabia"]


def write_corpus(path: Path, count: int = 48) -> list[dict]:
    """`count` distinct articles as JSON Lines; returns the records written."""
    combos = itertools.product(range(len(PLACES)), range(len(ACTORS)), range(len(OPENINGS)))
    records = []
    for number, (place, actors, opening) in enumerate(itertools.islice(combos, count)):
        town, gov = PLACES[place]
        actor1, actor2 = ACTORS[actors]
        first = OPENINGS[opening].format(n=3 + number % 7, town=town, gov=gov, day=DAYS[number % 4],
                                         actor1=actor1, actor2=actor2)
        text = first + "\n" + FOLLOW_UPS[number % 4] + "\n" + FOLLOW_UPS[(number + 1) % 4]
        records.append({
            "id": f"test-{number:03d}", "text": text, "source": SOURCES[number % 3],
            "published": (dt.date(2018, 3, 1) + dt.timedelta(days=number % 20)).isoformat(),
        })
    assert len({r["text"] for r in records}) == count, "the generated articles must be distinct"
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    write_corpus(path)
    return path


def dump_store(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, keyed by article content hash instead of row ids, sorted."""
    conn = sqlite3.connect(db)
    try:
        hashes = dict(conn.execute("SELECT id, content_hash FROM articles"))
        sources = dict(conn.execute("SELECT id, name FROM sources"))
        dump: dict[str, list[tuple]] = {}
        dump["articles"] = sorted(
            (row[0], row[1], row[2], sources.get(row[3]), *row[4:])
            for row in conn.execute(
                "SELECT content_hash, external_id, title, source_id, url, published, text, report, n_events"
                " FROM articles"
            )
        )
        for table in ("events", "places", "actors", "spans"):
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")
                       if c[1] not in ("id", "article_id")]
            rows = conn.execute(f"SELECT article_id, {', '.join(columns)} FROM {table}")
            dump[table] = sorted(((hashes[row[0]], *row[1:]) for row in rows), key=repr)  # rows hold NULLs
        dump["sources"] = sorted(sources.values())
        return dump
    finally:
        conn.close()


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the run has not created its tables yet
        return 0
    finally:
        conn.close()


@pytest.fixture
def store_dump():
    return dump_store


@pytest.fixture
def count_stored():
    return stored_count


@pytest.fixture
def batch_cli():
    """Run `marsad batch ARGS...` in this process; returns the click result (exit_code, output)."""
    from typer.testing import CliRunner

    from marsad.cli.main import app

    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["batch", *map(str, args), "--no-progress"], catch_exceptions=False)

    return run


# A stage of our own for the interruption tests: it slows each article down so that a signal can
# land mid-run; it adds no layer, so the reports are those of the default pipeline.
SLOW_STAGE_SOURCE = '''
import time


class Slow:
    name = "slow"
    requires = ("text",)
    provides = ()

    def __call__(self, doc):
        time.sleep(0.06)
        return doc
'''


@pytest.fixture
def slow_stage_path(tmp_path: Path) -> Path:
    folder = tmp_path / "stages"
    folder.mkdir()
    (folder / "slowstage.py").write_text(SLOW_STAGE_SOURCE, encoding="utf-8")
    return folder


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from postgres_fixture import postgres_cluster, postgres_url  # noqa: E402,F401  (fixtures used by name)
