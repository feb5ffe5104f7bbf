"""The shipped sentence judge is what scripts/train_event_judge.py makes from the labelled sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from marsad.events.judge import MODEL_PATH, JudgeModel

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.shared
def test_training_reproduces_the_shipped_judge(shared_dir: Path, tmp_path: Path):
    pytest.importorskip("sklearn")
    out = tmp_path / "judge.tsv"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_event_judge.py"), "--shared", str(shared_dir),
         "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "unread" in result.stdout and "->" in result.stdout
    shipped, retrained = JudgeModel.load(MODEL_PATH), JudgeModel.load(out)
    assert retrained.classes == shipped.classes
    assert set(retrained.weights) == set(shipped.weights)
    # the solver may differ in the last digits between BLAS builds; the weights may not
    worst = max(
        abs(retrained.weights[f].get(c, 0.0) - shipped.weights[f].get(c, 0.0))
        for f in shipped.weights for c in shipped.classes
    )
    assert worst < 0.01
