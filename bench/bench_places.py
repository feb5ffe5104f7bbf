"""Benchmark of the places stage: gazetteer load time, resident memory, and geoparsing time per article.

Usage: .venv/bin/python bench/bench_places.py [--articles N]
Load time and memory are measured in a fresh interpreter; wall and CPU time are both printed (CPU time
is the steadier figure on a shared machine); per-article time is for the places stage
alone (sentences and tokens are run beforehand) over ANT articles when ../shared is present, else over
the sample article repeated.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANT = REPO.parent / "shared" / "data" / "ant_news_conflict" / "ant_conflict_2018-02_to_08.jsonl"
SAMPLE = REPO / "examples" / "idlib-isis-hts-movements.ar.txt"

LOAD_PROBE = """
import resource, time, json
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import marsad.places.geoparse as g
started, cpu = time.perf_counter(), time.process_time()
gaz = g.default_gazetteer()
g.lexicon()
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"load_s": elapsed, "load_cpu_s": cpu, "places": len(gaz), "keys": len(gaz.matcher),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_before_mb": before / 1024}))
"""


def load_figures() -> dict:
    out = subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def texts(limit: int) -> list[str]:
    if ANT.exists():
        found = []
        with ANT.open(encoding="utf-8", newline="\n") as handle:
            for line in handle:
                if line.strip():
                    found.append(json.loads(line)["text"])
                if len(found) >= limit:
                    break
        return found
    return [SAMPLE.read_text(encoding="utf-8")] * limit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    figures = load_figures()
    print(f"gazetteer load: {figures['load_s']:.3f} s wall, {figures['load_cpu_s']:.3f} s CPU "
          f"({figures['places']:,} places, {figures['keys']:,} keys); "
          f"peak RSS {figures['rss_mb']:.0f} MB (interpreter+imports before load {figures['rss_before_mb']:.0f} MB)")

    from marsad.document import Document
    from marsad.pipeline import Pipeline
    from marsad.places.geoparse import Geoparser

    prepare = Pipeline(["sentences", "tokens"])
    geoparser = Geoparser()
    geoparser(prepare(Document(text="تحميل")))
    docs = [prepare(Document(text=t)) for t in texts(args.articles)]
    chars = sum(len(d.text) for d in docs)
    started, cpu = time.perf_counter(), time.process_time()
    places = 0
    for doc in docs:
        places += len(geoparser(doc).get("places"))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"geoparse: {len(docs)} articles, {chars / len(docs):.0f} chars mean, {places} places; "
          f"wall {1000 * elapsed / len(docs):.2f} ms/article ({1000 * elapsed / chars * 3000:.2f} ms per 3,000 "
          f"chars); CPU {1000 * cpu / len(docs):.2f} ms/article ({1000 * cpu / chars * 3000:.2f} ms per 3,000 "
          f"chars) (places stage only)")
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
