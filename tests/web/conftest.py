"""Browser fixtures: the real server on a free loopback port over a temporary SQLite store holding the
hand-written reports and the sample article through the pipeline, and Debian's headless chromium
driven by Playwright with every request leaving the machine refused and recorded."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def stored_reports(tmp_path_factory, sample_text):
    """(path of a store, the hand-written (text, report) pairs, the sample article's report)."""
    from fixture_reports import realistic_reports

    import marsad
    from marsad.store import open_store

    path = tmp_path_factory.mktemp("web") / "marsad.db"
    # an article that tells its strike again later: its event has a second passage to mark
    told_twice = ("قصفت طائرات حربية بلدة خان شيخون في ريف إدلب الجنوبي صباح اليوم الأربعاء. وقال الدفاع المدني "
                  "إن فرقه تعمل على إخراج العالقين. وأدى قصف الطائرات على بلدة خان شيخون اليوم إلى مقتل ثلاثة "
                  "مدنيين. وتشهد المنطقة نزوحا للسكان.")
    reports = [*realistic_reports(), (told_twice, marsad.extract(told_twice, published="2018-08-15", id="told-twice").to_dict())]
    sample = marsad.extract(sample_text, published="2018-08-15", source="سبوتنيك", id="idlib-sample").to_dict()
    with open_store(path) as store:
        store.add_many(reports)
        store.add(sample_text, sample)
    return path, reports, sample


@pytest.fixture(scope="session")
def server_url(stored_reports) -> Iterator[str]:
    import uvicorn

    from marsad.server import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(str(stored_reports[0])), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the marsad server did not start on loopback within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium (or run .ci/install-system-deps.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server_url):
    """A page whose requests may only go to the loopback server; anything else is refused and listed."""
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or (parts.scheme in ("http", "https") and parts.hostname in LOOPBACK):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    context.route("**/*", guard)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    opened.outside_requests = outside
    opened.js_errors = errors
    yield opened
    context.close()
    assert outside == [], f"the page tried to reach outside the machine: {outside}"
    assert errors == [], f"the page logged errors: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
