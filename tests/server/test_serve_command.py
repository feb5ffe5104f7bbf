"""`marsad serve` as a real process on a loopback port: it answers, and MARSAD_TOKEN guards writes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
from fixture_reports import realistic_reports


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_on_loopback_and_takes_the_token_from_the_environment(tmp_path):
    port = _free_port()
    env = {**os.environ, "MARSAD_TOKEN": "env-token-77"}
    process = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "serve", "--port", str(port), "--db", str(tmp_path / "s.db"),
         "--log-level", "warning"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(base + "/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read()
                assert time.monotonic() < deadline, "marsad serve did not answer within 60 s"
                time.sleep(0.2)
        assert health.json()["write_token_required"] is True
        text, report = realistic_reports()[0]
        body = {"text": text, "report": report}
        assert httpx.post(base + "/articles", json=body).status_code == 401
        stored = httpx.post(base + "/articles", json=body, headers={"Authorization": "Bearer env-token-77"})
        assert stored.status_code == 201
        assert httpx.get(base + "/events").json()["total"] == 1
    finally:
        process.terminate()
        process.wait(20)
    assert f"serving marsad on http://127.0.0.1:{port}/" in process.stderr.read()
