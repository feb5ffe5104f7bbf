"""A batch worker, once its pipeline is loaded, keeps the loaded data out of the cyclic collector."""

from __future__ import annotations

import subprocess
import sys


def test_a_loaded_worker_freezes_its_data_and_collects_young_objects_less_often():
    # a fresh interpreter: the test process's own collector settings stay as they are
    code = (
        "import gc\n"
        "from marsad.batch.work import YOUNG_GENERATION_THRESHOLD, pipeline_for\n"
        "before = gc.get_freeze_count()\n"
        "pipeline_for(('sentences', 'tokens'))\n"
        "assert before == 0, before\n"
        "assert gc.get_freeze_count() > 10_000, gc.get_freeze_count()\n"
        "assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD, gc.get_threshold()\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
