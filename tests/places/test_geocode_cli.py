"""`marsad geocode`: ranked candidates for a name, in a table or as JSON, weighed by context."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from marsad.cli.main import app

runner = CliRunner()


def test_json_candidates_are_ranked_and_context_moves_namesakes():
    plain = json.loads(runner.invoke(app, ["geocode", "طرابلس", "--json"]).output)
    assert {row["country_code"] for row in plain} >= {"LY", "LB"}
    assert [row["score"] for row in plain] == sorted((row["score"] for row in plain), reverse=True)
    lebanese = json.loads(runner.invoke(
        app, ["geocode", "طرابلس", "--json", "--context", "اشتباكات في بيروت وصيدا وعكار"]).output)
    assert lebanese[0]["country_code"] == "LB"
    libyan = json.loads(runner.invoke(app, ["geocode", "طرابلس", "--json", "--country", "LY"]).output)
    assert libyan[0]["country_code"] == "LY"


def test_table_output_and_english_names():
    for spelling in ("Idlib", "Idleb"):  # GeoNames' and ACLED's
        result = runner.invoke(app, ["geocode", spelling])
        assert result.exit_code == 0
        assert "Idleb" in result.output and "SY" in result.output and "PPL " in result.output


def test_unknown_name_and_bad_country():
    assert runner.invoke(app, ["geocode", "لامكانولا"]).exit_code == 1
    bad = runner.invoke(app, ["geocode", "حلب", "--country", "Syria"])
    assert bad.exit_code == 2
