"""`marsad gazetteer install`: GeoNames dump files served over HTTP become a deeper index marsad prefers."""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.errors import InputError
from marsad.pipeline import Pipeline
from marsad.places.gazetteer import load_gazetteer
from marsad.places.geoparse import Geoparser
from marsad.places.install import install
from marsad.places.records import INDEX_FILE, read_places
from marsad.resources import data_path

TALL_RIFAAT = "163476"


def _strip_arabic(row: list[str]) -> list[str]:
    names = [n for n in row[3].split(",") if not any("\u0600" <= ch <= "\u06ff" for ch in n)]
    return [*row[:3], ",".join(names), *row[4:]]


@pytest.fixture()
def dump_server(shared_dir: Path, tmp_path: Path):
    """A loopback server laid out like GeoNames' dump folder, with Syria's cities15000 rows."""
    rows = []
    with (shared_dir / "data" / "geonames_cities15000" / "cities15000.txt").open(encoding="utf-8") as handle:
        for line in handle:
            row = line.rstrip("\n").split("\t")
            if row[8] == "SY":
                rows.append(_strip_arabic(row) if row[0] == TALL_RIFAAT else row)
    root = tmp_path / "dump"
    (root / "alternatenames").mkdir(parents=True)
    with zipfile.ZipFile(root / "SY.zip", "w") as archive:
        archive.writestr("SY.txt", "".join("\t".join(r) + "\n" for r in rows))
    alternate_names = [
        # alternateNameId, geonameid, isolanguage, name, isPreferredName, isShortName, isColloquial, isHistoric
        ["9000001", TALL_RIFAAT, "ar", "تل رفعت", "1", "", "", "", "", ""],
        ["9000002", TALL_RIFAAT, "ar", "أرفاد", "", "", "", "1", "", ""],
        ["9000003", TALL_RIFAAT, "fa", "تل رفعت القديمة", "", "", "", "", "", ""],
    ]
    with zipfile.ZipFile(root / "alternatenames" / "SY.zip", "w") as archive:
        archive.writestr("SY.txt", "".join("\t".join(r) + "\n" for r in alternate_names))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", len(rows)
    server.shutdown()
    server.server_close()


def test_install_downloads_and_builds_a_country_index(dump_server, tmp_path):
    url, _ = dump_server
    [(path, count)] = install(["SY"], url, tmp_path / "gazetteer")
    assert path.name == "SY.tsv.gz" and count > 50
    places = {p.id: p for p in read_places(path)}
    rifaat = places[f"deep:{TALL_RIFAAT}"]
    assert "تل رفعت" in rifaat.keys  # from the ar-tagged alternate name only
    assert all("ارفاد" not in key for key in rifaat.keys)  # historic names are left out
    assert all("القديمه" not in key for key in rifaat.keys)  # so are other languages' names
    assert rifaat.admin1 == "Aleppo" and rifaat.country_code == "SY"


def test_installed_index_is_preferred_and_resolves_text(dump_server, tmp_path):
    url, _ = dump_server
    [(path, _)] = install(["SY"], url, tmp_path / "gazetteer")
    gazetteer = load_gazetteer([data_path("gazetteer", INDEX_FILE), path])
    geoparser = Geoparser(gazetteer)
    doc = Pipeline(["sentences", "tokens", geoparser]).run("سيطرت الفصائل على بلدة تل رفعت شمال حلب.")
    places = {s.text: s.attrs for s in doc.get("places")}
    assert places["تل رفعت"]["gazetteer_id"] == f"deep:{TALL_RIFAAT}"
    assert abs(places["تل رفعت"]["lat"] - 36.47) < 0.1
    assert not any(p.id == f"gn:{TALL_RIFAAT}" for p in gazetteer.places)


def test_cli_install_writes_into_the_user_data_dir(dump_server, tmp_path, monkeypatch):
    url, _ = dump_server
    monkeypatch.setenv("MARSAD_DATA_DIR", str(tmp_path / "userdata"))
    result = CliRunner().invoke(app, ["gazetteer", "install", "--countries", "SY", "--from", url])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "userdata" / "gazetteer" / "SY.tsv.gz").exists()


def test_missing_country_file_is_a_clear_error(dump_server, tmp_path):
    url, _ = dump_server
    with pytest.raises(InputError, match="YE.zip: download failed: HTTP 404"):
        install(["YE"], url, tmp_path / "gazetteer")
    result = CliRunner().invoke(app, ["gazetteer", "install", "--countries", "YE", "--from", url])
    assert result.exit_code == 1
    assert "HTTP 404" in result.output and "Traceback" not in result.output


def test_bad_country_code_is_refused(tmp_path):
    with pytest.raises(InputError, match="not an ISO 3166-1 alpha-2 code"):
        install(["Syria"], str(tmp_path), tmp_path / "gazetteer")
