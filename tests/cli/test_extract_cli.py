"""`marsad extract` end to end through the installed entry point, good and bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "idlib-isis-hts-movements.ar.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "marsad.cli.main", *args],
        input=stdin, capture_output=True, timeout=300,
    )


def test_sample_article_gives_a_valid_report() -> None:
    result = run("extract", str(SAMPLE), "--published", "2018-08-15")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["schema"] == "marsad/1"
    assert report["article"] == {
        "id": "idlib-isis-hts-movements.ar", "title": None, "source": None, "url": None,
        "published": "2018-08-15",
    }


def test_version_and_help() -> None:
    assert run("--version").stdout.decode().startswith("marsad ")
    help_text = run("extract", "--help").stdout.decode()
    assert "--published" in help_text and "Examples" in help_text


def test_empty_file_is_one_line_error_and_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", str(empty))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == f"marsad: {empty}: empty file"


def test_binary_and_non_utf8_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café déjà vu".encode("latin-1"))
    result = run("extract", str(binary), str(latin1), str(SAMPLE))
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert errors[0] == f"marsad: {binary}: binary file (contains NUL bytes), not text"
    assert errors[1].startswith(f"marsad: {latin1}: not UTF-8 text")
    assert "Traceback" not in result.stderr.decode()
    report = json.loads(result.stdout)  # the one good input: one report, not a list
    assert report["article"]["id"] == "idlib-isis-hts-movements.ar"


def test_english_text_warns_and_gives_an_empty_report(tmp_path: Path) -> None:
    english = tmp_path / "english.txt"
    english.write_text("Fighting broke out near Idlib on Tuesday, local sources said.", encoding="utf-8")
    result = run("extract", str(english))
    assert result.returncode == 0
    assert "is not Arabic" in result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["places"] == report["events"] == report["entities"] == []


def test_html_page_is_reduced_to_its_article_text(tmp_path: Path) -> None:
    body = SAMPLE.read_text(encoding="utf-8").split("\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    page = tmp_path / "page.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><title>خبر</title><script>var x=1;</script></head>"
        f"<body><nav>الرئيسية | أخبار</nav><article>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    result = run("extract", str(page), "--published", "2018-08-15")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["schema"] == "marsad/1" and "var x" not in json.dumps(report)


def test_malformed_json_line_is_named_and_the_rest_processed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "قتل ثلاثة مدنيين في قصف على حارم", "published": "2018-08-10"}, ensure_ascii=False),
        '{"id": "b", "text": "broken',
        json.dumps({"id": "c", "text": "تظاهر المئات في بغداد", "published": "2018-07-20"}, ensure_ascii=False),
        json.dumps({"id": "d", "title": "no text"}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("extract", str(corpus), "--format", "jsonl")
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert errors[0].startswith(f"marsad: {corpus}:2: malformed JSON")
    assert errors[1] == f"marsad: {corpus}:4: JSON line has no non-empty 'text' field"
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.decode().splitlines()]
    assert ids == ["a", "c"]


def test_gzipped_jsonl_and_stdin(tmp_path: Path) -> None:
    packed = tmp_path / "corpus.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": "اشتباكات في ريف إدلب"}, ensure_ascii=False) + "\n")
    result = run("extract", str(packed), "--format", "jsonl")
    assert result.returncode == 0 and json.loads(result.stdout)["article"]["id"] == "g1"
    result = run("extract", "-", "--published", "2018-08-15", stdin=SAMPLE.read_bytes())
    assert result.returncode == 0 and json.loads(result.stdout)["article"]["published"] == "2018-08-15"


def test_huge_file_is_refused_with_a_hint_and_max_chars_raises_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = "قصفت الطائرات مواقع في ريف إدلب الجنوبي صباح اليوم.\n"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // len(line.encode("utf-8")) + 1):
            handle.write(line)
    assert big.stat().st_size >= 50 * 1024 * 1024
    result = run("extract", str(big))
    assert result.returncode == 1
    message = result.stderr.decode().strip()
    assert message.startswith(f"marsad: {big}: too large") and "--max-chars" in message
    small = tmp_path / "small.txt"
    small.write_text(line * 200, encoding="utf-8")
    assert run("extract", str(small), "--max-chars", "100").returncode == 1
    assert run("extract", str(small), "--max-chars", "100000").returncode == 0


def test_directory_is_walked_and_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("اشتباكات في حارم", encoding="utf-8")
    (tmp_path / "two.txt").write_text("غارات على سلقين", encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0
    assert len(result.stdout.decode().splitlines()) == 2
    assert run("extract", str(tmp_path), "--published", "15/08/2018").returncode == 2


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_other_formats(fmt: str) -> None:
    result = run("extract", str(SAMPLE), "--published", "2018-08-15", "--format", fmt)
    assert result.returncode == 0
    out = result.stdout.decode()
    if fmt == "csv":
        assert out.splitlines()[0].startswith("event_id_cnty,event_date,year,time_precision,disorder_type")
    else:
        assert json.loads(out)["type"] == "FeatureCollection"
