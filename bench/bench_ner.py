"""Speed of the NER: model load time, and tokens/s of `marsad tag --input conll` on one core.

    python bench/bench_ner.py --shared ../shared [--repeat 3]

Writes the dev split (tokens only) to a temporary CoNLL file, or, without ../shared, the words of
the sample article repeated, then times the real command in a subprocess pinned to one core
(taskset when available). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARSAD = Path(sys.executable).with_name("marsad")


def conll_input(shared: Path) -> tuple[str, int]:
    from marsad.entities.train import load_corpora

    if (shared / "data" / "anercorp").is_dir():
        sentences = [words for words, _ in load_corpora(shared, ("anercorp",)).dev]
    else:
        text = (REPO / "examples" / "idlib-isis-hts-movements.ar.txt").read_text(encoding="utf-8")
        sentences = [line.split() for line in text.splitlines() if line.split()] * 50
    lines = "".join("".join(f"{w}\n" for w in words) + "\n" for words in sentences)
    return lines, sum(len(words) for words in sentences)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    from marsad.entities.ner import NerModel

    NerModel()
    print(f"model load (in process, after import): {time.perf_counter() - started:.2f} s")

    text, tokens = conll_input(args.shared)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.conll"
        path.write_text(text, encoding="utf-8")
        empty = Path(tmp) / "empty.conll"
        empty.write_text("", encoding="utf-8")
        command = [*pin, str(MARSAD), "tag", "--input", "conll"]
        startup = _best([_time([*command, str(empty)], env) for _ in range(args.repeat)])
        full = _best([_time([*command, str(path)], env) for _ in range(args.repeat)])
    print(f"tokens: {tokens}{' (pinned to one core)' if pin else ''}")
    # CPU seconds are shown beside wall seconds: on a shared, loaded machine they are the fair figure
    for kind, index in (("wall", 0), ("cpu", 1)):
        print(f"[{kind}] marsad tag, empty input (start-up and model load): {startup[index]:.2f} s")
        print(f"[{kind}] marsad tag, whole run: {full[index]:.2f} s = {tokens / full[index]:,.0f} tokens/s")
        tagging = max(full[index] - startup[index], 1e-9)
        print(f"[{kind}] marsad tag, tagging alone: {tokens / tagging:,.0f} tokens/s")
    return 0


def _best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return min(wall for wall, _ in runs), min(cpu for _, cpu in runs)


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


if __name__ == "__main__":
    sys.exit(main())
