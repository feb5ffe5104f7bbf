"""The map page in headless chromium: offline, markers per event, filters, timeline brush, the article
with its evidence highlighted exactly, and the paste box."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _open(page, server_url):
    page.goto(server_url + "/")
    page.wait_for_function("window.marsad && window.marsad.state.events.length > 0")
    page.evaluate("window.marsad.ready")
    page.wait_for_selector("#map path.leaflet-interactive, #map svg path", state="attached")


def _marker_total(page) -> int:
    """Events on the map: single markers plus the counts written on cluster bubbles."""
    singles = page.locator("#map .leaflet-marker-icon.event-marker").count()
    clustered = sum(int(t) for t in page.locator("#map .marker-cluster span").all_inner_texts())
    return singles + clustered


SHOWN = (None, "asserted", "reported", "claimed")


def _events(stored_reports, types=None, located=True, shown=True) -> list[dict]:
    """The stored events the page should show: by default located ones of the shown modalities."""
    _, reports, sample = stored_reports
    found = []
    for report in [r for _, r in reports] + [sample]:
        for event in report["events"]:
            if (event.get("modality") in SHOWN) != shown:
                continue
            if located and (event.get("location") or {}).get("lat") is None:
                continue
            if types is None or event.get("event_type") in types:
                found.append(event)
    return found


def _located(stored_reports, types=None) -> int:
    return len(_events(stored_reports, types))


def test_page_loads_offline_with_a_marker_per_event(page, server_url, stored_reports, artifacts):
    _open(page, server_url)
    expected = _located(stored_reports)
    assert expected >= 4
    assert _marker_total(page) == expected
    assert page.locator("#event-list li[data-event-id]").count() == page.evaluate("window.marsad.state.shown.length")
    # country outlines come from the vendored world-atlas file, drawn as vector paths (no tiles)
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100
    assert page.locator("#map img.leaflet-tile").count() == 0
    assert page.locator("#timeline rect.bar").count() >= 4
    page.screenshot(path=str(artifacts / "map-page.png"))


def test_filtering_by_type_changes_markers_and_list(page, server_url, stored_reports, artifacts):
    _open(page, server_url)
    before = _marker_total(page)
    page.select_option("#filter-type", "Protests")
    assert _marker_total(page) == _located(stored_reports, {"Protests"}) >= 1
    items = page.locator("#event-list li[data-event-id]")
    assert items.count() == len(_events(stored_reports, {"Protests"}, located=False))
    assert {items.nth(i).get_attribute("data-type") for i in range(items.count())} == {"Protests"}
    assert any("Basra" in text for text in items.all_inner_texts())
    page.select_option("#filter-type", "Explosions/Remote violence")
    assert _marker_total(page) == _located(stored_reports, {"Explosions/Remote violence"}) >= 2
    page.select_option("#filter-type", "")
    page.fill("#filter-actor", "hayat tahrir")
    expected = [e for e in _events(stored_reports, located=False)
                if "hayat tahrir" in " ".join(filter(None, [e.get("actor1"), e.get("assoc_actor_1"), e.get("actor2"),
                                                           e.get("assoc_actor_2")])).lower()]
    assert page.locator("#event-list li[data-event-id]").count() == len(expected) >= 1
    assert _marker_total(page) < before
    page.screenshot(path=str(artifacts / "map-filtered.png"))


def test_clicking_an_event_shows_its_article_with_the_evidence_highlighted(page, server_url, stored_reports,
                                                                         artifacts):
    _, reports, _ = stored_reports
    text, report = next((t, r) for t, r in reports if r["article"]["id"] == "jisr-clashes")
    evidence = report["events"][0]["evidence"]
    _open(page, server_url)
    event_id = page.evaluate(
        "window.marsad.state.events.find(e => e.article.external_id === 'jisr-clashes' && e.index === 0).id")
    page.click(f"#event-list li[data-event-id='{event_id}']")
    mark = page.locator("#article-text mark.evidence")
    mark.wait_for()
    assert mark.count() == 1
    assert mark.text_content() == evidence["text"]
    assert page.locator("#article-text").text_content() == text
    article = page.locator("#article-text")
    assert article.get_attribute("dir") == "rtl" and article.get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.querySelector('#article-text')).direction") == "rtl"
    font = page.evaluate("getComputedStyle(document.querySelector('#article-text')).fontFamily")
    assert font.startswith('"Noto Naskh Arabic", Amiri, Arial, Tahoma')
    highlighted = {e.text_content() for e in page.locator("#article-text .hl.layer-entities").all()}
    assert {"الجيش السوري", "هيئة تحرير الشام"} <= highlighted
    assert "جسر الشغور" in {e.text_content() for e in page.locator("#article-text .hl.layer-places").all()}
    assert "أمس" in {e.text_content() for e in page.locator("#article-text .hl.layer-dates").all()}
    fields = page.locator("#event-fields")
    assert fields.get_attribute("dir") is None and page.locator(".event-fields-col").get_attribute("dir") == "ltr"
    assert "Armed clash" in fields.inner_text() and "Hayat Tahrir al-Sham" in fields.inner_text()
    page.screenshot(path=str(artifacts / "article-evidence.png"))


def test_clicking_a_marker_opens_that_event(page, server_url):
    _open(page, server_url)
    page.select_option("#filter-country", "YE")
    page.locator("#map .leaflet-marker-icon.event-marker").first.click()
    mark = page.locator("#article-text mark.evidence")
    mark.wait_for()
    assert mark.text_content().startswith("شن طيران التحالف بقيادة السعودية")
    assert "Ansar Allah" in page.locator("#event-fields").inner_text()


def test_brushing_the_timeline_filters_map_and_list(page, server_url, artifacts):
    _open(page, server_url)
    total = page.locator("#event-list li[data-event-id]").count()
    box = page.locator("#timeline").bounding_box()
    # drag over the left part of the chart: the earliest days only
    page.mouse.move(box["x"] + 28, box["y"] + 50)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 50, steps=8)
    page.mouse.up()
    assert page.locator("#timeline rect.brush").count() == 1
    shown = page.locator("#event-list li[data-event-id]")
    assert 0 < shown.count() < total
    since, until = page.evaluate("window.marsad.state.brush")
    dates = shown.locator(".date").all_inner_texts()
    assert dates == sorted(dates) and all(since <= d <= until for d in dates)
    assert _marker_total(page) == shown.count()
    page.screenshot(path=str(artifacts / "timeline-brush.png"))
    page.click("#timeline-clear")
    assert page.locator("#event-list li[data-event-id]").count() == total


def test_paste_box_runs_extract_and_shows_the_text(page, server_url, artifacts):
    text = "أفادت مصادر محلية بأن طائرات حربية قصفت بلدة خان شيخون في ريف إدلب الجنوبي صباح اليوم."
    _open(page, server_url)
    page.click("button[data-tab='extract']")
    page.fill("#extract-text", text)
    page.fill("#extract-published", "2018-08-15")
    page.click("#extract-run")
    result = page.locator("#extract-result")
    result.wait_for()
    assert page.locator("#extract-highlighted").text_content() == text
    assert page.locator("#extract-highlighted").get_attribute("dir") == "rtl"
    assert page.locator("#extract-summary").inner_text().strip() != ""
    page.screenshot(path=str(artifacts / "paste-box.png"))


def test_planned_events_appear_when_asked_for(page, server_url, stored_reports):
    _open(page, server_url)
    shown = page.locator("#event-list li[data-event-id]")
    before = shown.count()
    hidden = _events(stored_reports, located=False, shown=False)
    page.check("#filter-modalities")
    page.wait_for_function(f"document.querySelectorAll('#event-list li[data-event-id]').length > {before}")
    assert shown.count() == before + len(hidden)
    assert any("undated" in t and "Latakia" in t for t in shown.all_inner_texts())
    page.uncheck("#filter-modalities")
    page.wait_for_function(f"document.querySelectorAll('#event-list li[data-event-id]').length == {before}")


def test_an_event_told_again_later_has_those_passages_marked_too(page, server_url, stored_reports, artifacts):
    _, reports, _ = stored_reports
    report = next(r for _, r in reports if r["article"]["id"] == "told-twice")
    index, event = next((i, e) for i, e in enumerate(report["events"]) if e.get("passages"))
    _open(page, server_url)
    event_id = page.evaluate(
        f"window.marsad.state.events.find(e => e.article.external_id === 'told-twice' && e.index === {index}).id")
    page.click(f"#event-list li[data-event-id='{event_id}']")
    page.locator("#article-text mark.evidence").wait_for()
    assert page.locator("#article-text mark.evidence").count() == 1
    assert page.locator("#article-text mark.evidence").text_content() == event["evidence"]["text"]
    marked = [m.text_content() for m in page.locator("#article-text mark.passage").all()]
    assert marked == [p["text"] for p in event["passages"]]
    page.screenshot(path=str(artifacts / "article-passages.png"))
