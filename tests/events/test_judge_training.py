"""The shipped sentence judges (of short texts, of articles) are what scripts/train_event_judge.py makes
from the labelled sentences and the coded articles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from marsad.events.judge import ARTICLE_MODEL_PATH, MODEL_PATH, JudgeModel

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.shared
def test_training_reproduces_the_shipped_judge(shared_dir: Path, tmp_path: Path):
    pytest.importorskip("sklearn")
    out, articles_out = tmp_path / "judge.tsv", tmp_path / "judge_articles.tsv"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_event_judge.py"), "--shared", str(shared_dir),
         "--out", str(out), "--articles-out", str(articles_out)],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "unread" in result.stdout and "->" in result.stdout
    for shipped_path, retrained_path in ((MODEL_PATH, out), (ARTICLE_MODEL_PATH, articles_out)):
        shipped, retrained = JudgeModel.load(shipped_path), JudgeModel.load(retrained_path)
        assert retrained.classes == shipped.classes
        old, new = shipped.weights, retrained.weights
        assert set(new) == set(old)
        # the solver may differ in the last digits between BLAS builds; the weights may not
        worst = max(abs(new[f].get(c, 0.0) - old[f].get(c, 0.0)) for f in old for c in shipped.classes)
        assert worst < 0.01, shipped_path.name
