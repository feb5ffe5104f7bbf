"""The HTTP API and the web page: `create_app(db)` gives the FastAPI application `marsad serve` runs.

POST /extract    text in, `marsad/1` report out; nothing stored (open to all)
POST /articles   one article or a list: run the pipeline (or take a given report) and store it
                 (guarded by the bearer token when one is set)
GET  /events     stored events, filtered and paginated; JSON or GeoJSON
GET  /articles/{id}  an article's text, report and the spans that justify it
GET  /health     liveness and store figures
GET  /           the map page (static files, no network needed)
"""

from __future__ import annotations

import secrets
import threading
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any, Literal

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

import marsad
from marsad.errors import InputError
from marsad.inputs import DEFAULT_MAX_CHARS, parse_date
from marsad.server.errors import install_error_handlers
from marsad.server.limits import BodyLimit
from marsad.server.settings import DEFAULT_MAX_BODY
from marsad.store import BBox, EventQuery, Store, open_store
from marsad.store import output as render
from marsad.store.base import MAX_PAGE, parse_day
from marsad.store.rows import check_report

MAX_ARTICLES_PER_REQUEST = 100
STATIC = resources.files("marsad.server") / "static"


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=DEFAULT_MAX_CHARS, description="The article text (Arabic).")
    published: str | None = Field(None, description="Publication date YYYY-MM-DD (resolves relative dates).")
    source: str | None = Field(None, max_length=500)
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    id: str | None = Field(None, max_length=500)


class ArticleRequest(ExtractRequest):
    report: dict[str, Any] | None = Field(
        None, description="A marsad/1 report made elsewhere; when given the pipeline is not run.")


class StoredArticle(BaseModel):
    id: int
    created: bool
    events: int


class IngestResponse(BaseModel):
    articles: list[StoredArticle]


def _text_of(request: ExtractRequest) -> str:
    if not request.text.strip():
        raise InputError("text", "is blank")
    return request.text


def create_app(
    db: str | None = None,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    store: Store | None = None,
) -> FastAPI:
    """The application over a store (opened from `db` unless given); `token` guards POST /articles."""
    store = store or open_store(db)
    extract_lock = threading.Lock()  # stages cache data lazily: one article through them at a time

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="marsad", version=marsad.__version__, lifespan=lifespan, docs_url=None,
        description="Arabic conflict news to structured, geolocated ACLED-style event records.",
    )

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        # Swagger UI from the vendored files: the docs page works offline too
        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title="marsad API",
            swagger_js_url="/static/vendor/swagger-ui-dist/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui-dist/swagger-ui.css",
            swagger_favicon_url="data:,",
        )
    app.add_middleware(BodyLimit, max_bytes=max_body)
    install_error_handlers(app)

    def require_token(authorization: str | None = Header(None)) -> None:
        if token is None:
            return
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is required (Authorization: Bearer <token>)",
                                headers={"WWW-Authenticate": "Bearer"})

    def run_pipeline(request: ExtractRequest) -> tuple[str, dict[str, Any]]:
        text = _text_of(request)
        published = parse_date(request.published, "published")
        with extract_lock:
            report = marsad.extract(text, published=published, source=request.source, id=request.id,
                                    title=request.title, url=request.url)
        return text, report.to_dict()

    @app.post("/extract", summary="Extract a report from one text (nothing is stored)", response_model=None)
    def extract(request: ExtractRequest) -> JSONResponse:
        return JSONResponse(run_pipeline(request)[1])

    @app.post("/articles", summary="Store one article or a list", response_model=IngestResponse,
              dependencies=[Depends(require_token)])
    def add_articles(
        body: ArticleRequest | list[ArticleRequest] = Body(...),
    ) -> JSONResponse:
        items = body if isinstance(body, list) else [body]
        if not items:
            raise InputError("body", "the list of articles is empty")
        if len(items) > MAX_ARTICLES_PER_REQUEST:
            raise InputError("body", f"{len(items)} articles in one request; the limit is {MAX_ARTICLES_PER_REQUEST}")
        prepared = []
        for number, item in enumerate(items):
            where = f"articles[{number}]" if isinstance(body, list) else "article"
            if item.report is not None:
                prepared.append((_text_of(item), check_report(item.text, item.report, where)))
            else:
                prepared.append(run_pipeline(item))
        added = store.add_many(prepared)
        payload = {"articles": [{"id": a.id, "created": a.created, "events": a.events} for a in added]}
        return JSONResponse(payload, status_code=201 if any(a.created for a in added) else 200)

    # Responses are serialised directly: they are plain JSON already, and validating every nested
    # event against a model would cost more than the query.
    @app.get("/events", summary="Stored events, filtered and paginated", response_model=None)
    def events(
        country: str | None = Query(None, description="ISO alpha-2 code, e.g. SY"),
        admin1: str | None = Query(None, description="First-level division (any case)"),
        since: str | None = Query(None, description="On or after YYYY-MM-DD"),
        until: str | None = Query(None, description="On or before YYYY-MM-DD"),
        event_type: str | None = Query(None, alias="type", description="ACLED event type (any case)"),
        actor: str | None = Query(None, description="Part of an actor's name (any case)"),
        bbox: str | None = Query(None, description="W,S,E,N in degrees"),
        all_modalities: bool = Query(False, description="Include planned, possible, denied… events"),
        limit: int = Query(100, ge=0, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
        format: Literal["json", "geojson"] = Query("json"),
    ) -> JSONResponse:
        query = EventQuery(
            country=country, admin1=admin1, since=parse_day(since, "since"), until=parse_day(until, "until"),
            event_type=event_type, actor=actor, bbox=BBox.parse(bbox, "bbox") if bbox else None,
            all_modalities=all_modalities, limit=limit, offset=offset,
        )
        total = store.count_events(query)
        found = store.events(query)
        page = {"total": total, "limit": limit, "offset": offset}
        if format == "geojson":
            return JSONResponse({**render.to_geojson(found), **page}, media_type="application/geo+json")
        return JSONResponse({**page, "events": [e.to_dict() for e in found]})

    @app.get("/articles/{article_id}", summary="An article's text, report and spans", response_model=None)
    def article(article_id: int) -> JSONResponse:
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article with id {article_id}")
        return JSONResponse(found)

    @app.get("/health", summary="Liveness and store figures")
    def health() -> dict[str, Any]:
        return {
            "status": "ok", "version": marsad.__version__,
            "store": "postgresql" if store.url.startswith("postgres") else "sqlite",
            "schema_version": store.schema_version(), "counts": store.counts(),
            "write_token_required": token is not None,
        }

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app
