"""`marsad ingest` and `marsad events` as a user runs them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fixture_reports import realistic_reports
from typer.testing import CliRunner

from marsad import export
from marsad.cli.main import app
from marsad.store import open_store


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def filled_db(tmp_path):
    path = tmp_path / "events.db"
    with open_store(path) as store:
        store.add_many(realistic_reports())
    return str(path)


def test_ingest_stores_articles_names_failures_and_exits_1(runner, tmp_path, sample_text):
    db = tmp_path / "ingest.db"
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": sample_text, "published": "2018-08-15", "source": "سبوتنيك"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a2", "text": "اندلعت اشتباكات عنيفة بين الجيش ومسلحين في ريف حلب الشمالي."}, ensure_ascii=False),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(corpus), str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert "corpus.jsonl:2: malformed JSON" in result.stderr
    assert "missing.txt: no such file or directory" in result.stderr
    assert "stored 2 new article(s)" in result.stderr and "2 failed" in result.stderr
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        stored = store.article(store.article_ids()[0])
        assert (stored["external_id"], stored["source"], stored["published"]) == ("a1", "سبوتنيك", "2018-08-15")
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "stored 0 new article(s)" in again.stderr and "2 already stored" in again.stderr


def test_ingest_a_clean_file_exits_0(runner, tmp_path):
    article = tmp_path / "clash.txt"
    article.write_text("قتل جنديان في هجوم لمسلحين على حاجز عسكري قرب مدينة درعا صباح اليوم.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", str(tmp_path / "x.db"), "--published", "2018-08-01"])
    assert result.exit_code == 0, result.stderr
    with open_store(tmp_path / "x.db") as store:
        assert store.article(1)["published"] == "2018-08-01"


def test_events_table_lists_matching_events(runner, filled_db):
    result = runner.invoke(app, ["events", "--db", filled_db, "--country", "SY"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["date", "type", "actor1"]
    assert lines[1].startswith("2018-08-13  Battles")
    assert lines[2].startswith("2018-08-14  Explosions/Remote violence")
    assert lines[-1] == "(2 events)"


def test_events_csv_has_acled_columns(runner, filled_db):
    result = runner.invoke(app, ["events", "--db", filled_db, "--format", "csv", "--actor", "Ansar"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == export.ACLED_COLUMNS
    assert len(rows) == 1
    assert rows[0]["actor2"] == "Ansar Allah"
    assert rows[0]["admin1"] == "Al Hudaydah"
    assert rows[0]["latitude"] == "14.7978"
    assert rows[0]["event_date"] == "2018-08-10"


def test_events_geojson_jsonl_and_modalities(runner, filled_db, tmp_path):
    out = tmp_path / "sy.geojson"
    result = runner.invoke(app, ["events", "--db", filled_db, "--admin1", "idlib", "-f", "geojson", "-o", str(out)])
    assert result.exit_code == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert [f["properties"]["location"] for f in collection["features"]] == ["Jisr al-Shughur", "Maarat al-Numan"]
    lines = runner.invoke(app, ["events", "--db", filled_db, "-f", "jsonl", "--all-modalities",
                                "--bbox", "35,34,37,37"]).stdout.splitlines()
    assert [json.loads(line)["modality"] for line in lines] == ["asserted", "reported", "planned"]
    dated = runner.invoke(app, ["events", "--db", filled_db, "-f", "jsonl", "--since", "2018-08-12",
                                "--until", "2018-08-13", "--type", "protests"]).stdout.splitlines()
    assert [json.loads(line)["location"]["name"] for line in dated] == ["Basra"]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--bbox", "1,2"], "four numbers"), (["--since", "15/08/2018"], "is not a date YYYY-MM-DD"),
     (["--since", "2018-09-01", "--until", "2018-08-01"], "is after until")],
)
def test_events_bad_options_exit_2_with_a_reason(runner, filled_db, args, message):
    result = runner.invoke(app, ["events", "--db", filled_db, *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_default_store_is_marsad_db_env_else_the_user_data_folder(runner, tmp_path, monkeypatch):
    from marsad.store import default_db

    monkeypatch.delenv("MARSAD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db() == str(tmp_path / "data" / "marsad" / "marsad.db")
    article = tmp_path / "a.txt"
    article.write_text("أعلنت وزارة الدفاع مقتل خمسة مسلحين في اشتباكات قرب الحدود.\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(article), "-q"]).exit_code == 0
    assert (tmp_path / "data" / "marsad" / "marsad.db").exists()
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert runner.invoke(app, ["ingest", str(article), "-q"]).exit_code == 0
    with open_store(tmp_path / "env.db") as store:
        assert store.counts()["articles"] == 1
