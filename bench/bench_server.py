"""Bounded load test of the store and the HTTP API, on loopback only.

1. Store ingest: N articles (the sample article's text made distinct, each with a report of
   realistic size: entities, places, dates and located events) written one transaction each;
   prints articles/s (the target is that storing never limits a 100 articles/s pipeline).
2. HTTP: starts `marsad serve` on 127.0.0.1 over that store, then sends a fixed number of
   GET /events and POST /extract requests from a few threads; prints requests/s and p50/p95 latency.

    .venv/bin/python bench/bench_server.py                      # SQLite in a temporary folder
    .venv/bin/python bench/bench_server.py --db postgresql://postgres@127.0.0.1:5432/bench

Every request goes to 127.0.0.1; counts and time are capped (--requests, --max-seconds).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "idlib-isis-hts-movements.ar.txt"
EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
               "Strategic developments", "Riots"]
PLACES = [("Idlib", 35.93, 36.63, "SY", "Idlib"), ("Aleppo", 36.20, 37.16, "SY", "Aleppo"),
          ("Al Hudaydah", 14.80, 42.95, "YE", "Al Hudaydah"), ("Basra", 30.51, 47.78, "IQ", "Basra"),
          ("Mosul", 36.34, 43.13, "IQ", "Nineveh"), ("Sirte", 31.21, 16.59, "LY", "Sirte")]


def _span(text: str, start: int, length: int) -> dict:
    return {"start": start, "end": start + length, "text": text[start:start + length]}


def bench_report(number: int, base: str) -> tuple[str, dict]:
    """A distinct article and a report of the size the full pipeline gives a news article."""
    text = f"{base}\nرقم {number}"
    words = [i for i in range(1, len(base) - 20) if base[i - 1] == " "][:40]
    entities = [{**_span(text, words[i], 8), "label": "ORG", "type": None, "canonical": f"Actor {i % 7}",
                 "actor_type": "rebel group"} for i in range(0, 10, 2)]
    places = []
    for i in range(4):
        name, lat, lon, cc, admin1 = PLACES[(number + i) % len(PLACES)]
        places.append({**_span(text, words[11 + i * 2], 6), "name": name, "name_ar": None, "lat": lat,
                       "lon": lon, "country_code": cc, "admin1": admin1, "admin2": None, "admin3": None,
                       "geonameid": 1000 + i, "feature": "PPL", "geo_precision": 1})
    day = 1 + number % 28
    dates = [{**_span(text, words[20], 5), "date": f"2018-08-{day:02d}", "end_date": None, "time_precision": 1}]
    events = []
    for i in range(2):
        place = places[i]
        events.append({
            "event_type": EVENT_TYPES[(number + i) % len(EVENT_TYPES)], "sub_event_type": "Armed clash",
            "plover": None, "actor1": f"Actor {number % 7}", "assoc_actor_1": None, "inter1": "Rebel group",
            "actor2": f"Actor {(number + 3) % 7}", "assoc_actor_2": None, "inter2": "State forces",
            "interaction": None, "location": place, "event_date": f"2018-08-{day:02d}", "time_precision": 1,
            "fatalities": number % 5, "modality": "reported", "source": None, "notes": None,
            "evidence": _span(text, words[24 + i * 6], 60),
        })
    report = {"schema": "marsad/1",
              "article": {"id": f"bench-{number}", "title": None, "source": "bench", "url": None,
                          "published": f"2018-08-{day:02d}"},
              "entities": entities, "places": places, "dates": dates, "events": events, "warnings": []}
    return text, report


def bench_ingest(db: str, count: int) -> None:
    from marsad.store import open_store

    base = SAMPLE.read_text(encoding="utf-8")
    items = [bench_report(n, base) for n in range(count)]
    with open_store(db) as store:
        began = time.perf_counter()
        added = store.add_many(items)
        seconds = time.perf_counter() - began
        created = sum(a.created for a in added)
        began = time.perf_counter()
        again = store.add_many(items[: min(500, count)])
        skip_seconds = time.perf_counter() - began
        counts = store.counts()
    print(f"store: {store.url if not db.startswith('postgres') else 'postgresql'}")
    print(f"ingest: {created} new articles ({counts['events']} events, {counts['spans']} spans) in {seconds:.2f} s"
          f" = {created / seconds:.0f} articles/s, {1000 * seconds / created:.2f} ms/article")
    print(f"ingest of already-stored articles: {len(again) / skip_seconds:.0f} articles/s (skipped by hash)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db,
         "--log-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"bench: the server exited: {process.stderr.read()[-2000:]}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    sys.exit("bench: the server did not answer within 60 s")


def load(name: str, requests: list[tuple[str, str, dict | None]], threads: int, max_seconds: float) -> None:
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + max_seconds
    local = threading.local()

    def one(request: tuple[str, str, dict | None]) -> None:
        nonlocal failures
        if time.monotonic() > stop_at:
            return
        if not hasattr(local, "client"):
            local.client = httpx.Client(timeout=60)
        method, url, body = request
        began = time.perf_counter()
        response = local.client.request(method, url, json=body)
        elapsed = time.perf_counter() - began
        with lock:
            latencies.append(elapsed)
            if response.status_code >= 400:
                failures += 1

    began = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, requests))
    seconds = time.perf_counter() - began
    if not latencies:
        print(f"{name}: no request finished")
        return
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    print(f"{name}: {len(latencies)} requests ({failures} failed) from {threads} threads in {seconds:.2f} s ="
          f" {len(latencies) / seconds:.0f} req/s; latency p50 {1000 * statistics.median(ordered):.1f} ms,"
          f" p95 {1000 * p95:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description="Bounded loopback load test of the store and HTTP API.")
    parser.add_argument("--db", help="store to use (default: a SQLite file in a temporary folder)")
    parser.add_argument("--articles", type=int, default=2000, help="articles to ingest (default 2000)")
    parser.add_argument("--requests", type=int, default=500, help="requests per endpoint (default 500, max 5000)")
    parser.add_argument("--threads", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--max-seconds", type=float, default=120, help="time cap per endpoint (default 120)")
    args = parser.parse_args()
    requests = max(1, min(args.requests, 5000))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        bench_ingest(db, max(1, min(args.articles, 100_000)))
        port = free_port()
        server = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            sample = SAMPLE.read_text(encoding="utf-8")
            filters = [{}, {"country": "SY"}, {"type": "Battles"}, {"actor": "actor 3"}, {"since": "2018-08-10",
                       "until": "2018-08-20"}, {"bbox": "35,30,45,40"}]
            event_requests = []
            for n in range(requests):
                query = "&".join(f"{k}={v}" for k, v in filters[n % len(filters)].items())
                event_requests.append(("GET", f"{base}/events?limit=100&offset={(n * 7) % 500}&{query}", None))
            load("GET /events", event_requests, args.threads, args.max_seconds)
            extract_requests = [("POST", f"{base}/extract", {"text": sample, "published": "2018-08-15"})] * requests
            load("POST /extract (sample article)", extract_requests, args.threads, args.max_seconds)
        finally:
            server.terminate()
            server.wait(20)


if __name__ == "__main__":
    main()
