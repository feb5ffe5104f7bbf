"""The OpenAPI docs page works offline: Swagger UI is served from the package, not a CDN."""

from __future__ import annotations

import re


def test_docs_page_uses_only_local_assets(client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']|url: *["']([^"']+)["']""", page.text)
    flat = [u for pair in urls for u in pair if u]
    assert flat, "the docs page names no assets"
    for url in flat:
        assert url.startswith("/") or url.startswith("data:"), url
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in flat
    bundle = client.get("/static/vendor/swagger-ui-dist/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000
    assert client.get("/openapi.json").json()["info"]["title"] == "marsad"
