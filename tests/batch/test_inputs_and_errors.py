"""Bad lines are counted and written to the errors file while the rest are stored; .jsonl.gz and
worker processes give the same store as a plain single-process run."""

from __future__ import annotations

import gzip
import json
import shutil

from marsad.batch.progress import estimate_total

ARTICLES = 48


def test_malformed_lines_go_to_the_errors_file_and_the_rest_are_stored(tmp_path, corpus, batch_cli, store_dump):
    lines = corpus.read_text(encoding="utf-8").split("\n")
    bad = {
        5: '{"text": "خبر مقطوع',  # truncated JSON
        12: '["ليس", "كائنا"]',  # JSON but not an object
        20: '{"title": "عنوان بلا نص"}',  # no text
        30: '{"text": "اشتباكات في حلب.", "published": "أمس"}',  # bad date
    }
    for line_number in sorted(bad):
        lines.insert(line_number - 1, bad[line_number])
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(lines), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    db = tmp_path / "mixed.db"

    result = batch_cli(mixed, "--db", db, "--errors", errors)

    assert result.exit_code == 1  # some inputs failed
    assert f"{ARTICLES} stored, 0 already stored, 4 failed" in result.output
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [r["where"] for r in records] == [f"{mixed}:{n}" for n in sorted(bad)]
    assert all(r["kind"] == "input" and r["error"] for r in records)
    assert "malformed JSON" in records[0]["error"]
    assert "not an object" in records[1]["error"]
    assert "'text'" in records[2]["error"]
    assert "YYYY-MM-DD" in records[3]["error"]
    assert len(store_dump(db)["articles"]) == ARTICLES


def test_pipeline_exception_is_one_failed_article_not_a_failed_run(tmp_path, corpus, batch_cli):
    (tmp_path / "stages").mkdir()
    (tmp_path / "stages" / "pickystage.py").write_text(
        "class Picky:\n"
        "    name = 'picky'\n    requires = ('text',)\n    provides = ()\n\n"
        "    def __call__(self, doc):\n"
        "        if 'مفخخة' in doc.text:\n"
        "            raise ValueError('cannot read this one')\n"
        "        return doc\n",
        encoding="utf-8",
    )
    import sys

    sys.path.insert(0, str(tmp_path / "stages"))
    try:
        errors = tmp_path / "errors.jsonl"
        result = batch_cli(corpus, "--db", tmp_path / "p.db", "--errors", errors, "--stages", "default,pickystage:Picky")
    finally:
        sys.path.remove(str(tmp_path / "stages"))
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    failing = sum("مفخخة" in t for t in texts)
    assert 0 < failing < ARTICLES
    assert result.exit_code == 1
    assert f"{ARTICLES - failing} stored, 0 already stored, {failing} failed" in result.output
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert len(records) == failing
    assert all(r["kind"] == "pipeline" and r["error"] == "ValueError: cannot read this one" for r in records)


def test_gzipped_jsonl_gives_the_same_store(tmp_path, corpus, batch_cli, store_dump):
    packed = tmp_path / "corpus.jsonl.gz"
    with corpus.open("rb") as source, gzip.open(packed, "wb") as target:
        shutil.copyfileobj(source, target)
    assert batch_cli(corpus, "--db", tmp_path / "plain.db").exit_code == 0
    assert batch_cli(packed, "--db", tmp_path / "packed.db").exit_code == 0
    assert store_dump(tmp_path / "packed.db") == store_dump(tmp_path / "plain.db")


def test_two_worker_processes_give_the_same_store(tmp_path, corpus, batch_cli, store_dump):
    assert batch_cli(corpus, "--db", tmp_path / "one.db").exit_code == 0
    result = batch_cli(corpus, "--db", tmp_path / "two.db", "--workers", "2", "--chunk-size", "4")
    assert result.exit_code == 0, result.output
    assert store_dump(tmp_path / "two.db") == store_dump(tmp_path / "one.db")


def test_a_directory_of_files_and_a_duplicate_text_inside_one_run(tmp_path, corpus, batch_cli, store_dump):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = corpus.read_text(encoding="utf-8").splitlines()
    (folder / "a.jsonl").write_text("\n".join(lines[:20]) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join(lines[20:]) + "\n", encoding="utf-8")
    # the same article again, as a text file: stored once, counted as already stored
    (folder / "again.txt").write_text(json.loads(lines[3])["text"], encoding="utf-8")
    result = batch_cli(folder, "--db", tmp_path / "dir.db")
    assert result.exit_code == 0, result.output
    assert f"{ARTICLES} stored, 1 already stored, 0 failed" in result.output


def test_total_is_counted_for_plain_files_and_not_for_compressed_ones(tmp_path, corpus):
    assert estimate_total([str(corpus)]) == ARTICLES
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(corpus.read_bytes()))
    assert estimate_total([str(packed)]) is None
    assert estimate_total([str(corpus), "-"]) is None
    assert estimate_total([str(tmp_path / "absent.jsonl")]) == 0


def test_unwritable_errors_file_and_unknown_stage_are_usage_errors(tmp_path, corpus, batch_cli):
    result = batch_cli(corpus, "--db", tmp_path / "x.db", "--errors", tmp_path / "no" / "such" / "errors.jsonl")
    assert result.exit_code == 2 and "cannot write the errors file" in result.output
    result = batch_cli(corpus, "--db", tmp_path / "x.db", "--stages", "sentences,nonesuch")
    assert result.exit_code == 2 and "unknown stage 'nonesuch'" in result.output
    assert not (tmp_path / "x.db").exists()  # refused before opening anything
