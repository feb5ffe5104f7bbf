"""A plain `pip install marsad` (no extras) runs the main job; commands of missing extras say what to install."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "idlib-isis-hts-movements.ar.txt"
HIDDEN = ["fastapi", "starlette", "uvicorn", "httpx", "dask", "distributed", "psycopg"]


def run_without_extras(*args: str) -> subprocess.CompletedProcess:
    # None in sys.modules makes `import X` fail as if X were not installed
    code = (
        "import sys\n"
        f"for name in {HIDDEN!r}:\n"
        "    sys.modules[name] = None\n"
        "from marsad.cli.main import main\n"
        f"sys.argv = ['marsad', *{list(args)!r}]\n"
        "main()\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)


def test_extract_works_without_any_extra() -> None:
    result = run_without_extras("extract", str(SAMPLE), "--published", "2018-08-15")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["schema"] == "marsad/1"


def test_serve_without_the_server_extra_names_it() -> None:
    result = run_without_extras("serve")
    assert result.returncode == 2
    assert "pip install 'marsad[server]'" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_dask_engine_without_the_dask_extra_names_it(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "اشتباكات في ريف إدلب"}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_without_extras("batch", str(corpus), "--engine", "dask", "--db", str(tmp_path / "m.db"))
    assert result.returncode != 0
    assert "marsad[dask]" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
