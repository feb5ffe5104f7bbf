"""Schema migrations: numbered SQL steps per database, applied in order.

A database records the steps it has in `schema_version`. Opening a store applies the missing steps
in one transaction under the database's write lock, so two processes opening a new database at once
apply them once. To change the schema, append a step to both lists (never edit a step that has
shipped).
"""

from __future__ import annotations

# Step 3 is the same on both: the tables of `marsad dedup` (links between events, runs to undo).
DEDUP_TABLES = """
CREATE TABLE IF NOT EXISTS dedup_runs (
    run INTEGER PRIMARY KEY,
    made_at TEXT NOT NULL,
    settings TEXT NOT NULL,
    links INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dedup_links (
    event_a BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    event_b BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    run INTEGER NOT NULL REFERENCES dedup_runs(run),
    reason TEXT NOT NULL,
    PRIMARY KEY (event_a, event_b)
);
CREATE INDEX IF NOT EXISTS dedup_links_run ON dedup_links (run);
"""

SQLITE: list[tuple[int, str]] = [
    (1, """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    external_id TEXT,
    title TEXT,
    source_id INTEGER REFERENCES sources(id),
    url TEXT,
    published TEXT,
    text TEXT NOT NULL,
    report TEXT NOT NULL,
    n_events INTEGER NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    event_type TEXT, sub_event_type TEXT, plover TEXT,
    actor1 TEXT, assoc_actor_1 TEXT, inter1 TEXT,
    actor2 TEXT, assoc_actor_2 TEXT, inter2 TEXT, interaction TEXT,
    location_name TEXT, lat REAL, lon REAL, country_code TEXT,
    admin1 TEXT, admin2 TEXT, admin3 TEXT, geo_precision INTEGER,
    event_date TEXT, time_precision INTEGER, fatalities INTEGER, modality TEXT,
    source TEXT, notes TEXT, evidence_start INTEGER, evidence_end INTEGER,
    record TEXT NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER, span_end INTEGER, text TEXT, name TEXT, name_ar TEXT,
    lat REAL, lon REAL, country_code TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    geonameid INTEGER, feature TEXT, geo_precision INTEGER
);
CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_idx INTEGER,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    actor_type TEXT,
    span_start INTEGER, span_end INTEGER
);
CREATE TABLE spans (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    layer TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT,
    item INTEGER NOT NULL
);
"""),
    (2, """
CREATE INDEX events_date ON events (event_date, article_id, idx);
CREATE INDEX events_country_date ON events (country_code, event_date);
CREATE INDEX events_admin1 ON events (lower(admin1));
CREATE INDEX events_type ON events (lower(event_type));
CREATE INDEX events_latlon ON events (lat, lon);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX places_country ON places (country_code, admin1);
CREATE INDEX actors_event ON actors (article_id, event_idx);
CREATE INDEX actors_name ON actors (name_folded);
CREATE INDEX spans_article ON spans (article_id, layer);
CREATE INDEX articles_published ON articles (published);
"""),
    (3, DEDUP_TABLES),
]

POSTGRES: list[tuple[int, str]] = [
    (1, """
CREATE TABLE sources (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE articles (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    external_id TEXT,
    title TEXT,
    source_id BIGINT REFERENCES sources(id),
    url TEXT,
    published DATE,
    text TEXT NOT NULL,
    report JSONB NOT NULL,
    n_events INTEGER NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    event_type TEXT, sub_event_type TEXT, plover TEXT,
    actor1 TEXT, assoc_actor_1 TEXT, inter1 TEXT,
    actor2 TEXT, assoc_actor_2 TEXT, inter2 TEXT, interaction TEXT,
    location_name TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country_code TEXT,
    admin1 TEXT, admin2 TEXT, admin3 TEXT, geo_precision INTEGER,
    event_date DATE, time_precision INTEGER, fatalities INTEGER, modality TEXT,
    source TEXT, notes TEXT, evidence_start INTEGER, evidence_end INTEGER,
    record JSONB NOT NULL,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (
        CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END
    ) STORED,
    UNIQUE (article_id, idx)
);
CREATE TABLE places (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER, span_end INTEGER, text TEXT, name TEXT, name_ar TEXT,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION, country_code TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    geonameid BIGINT, feature TEXT, geo_precision INTEGER,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (
        CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END
    ) STORED
);
CREATE TABLE actors (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_idx INTEGER,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    actor_type TEXT,
    span_start INTEGER, span_end INTEGER
);
CREATE TABLE spans (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    layer TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT,
    item INTEGER NOT NULL
);
"""),
    (2, """
CREATE INDEX events_date ON events (event_date, article_id, idx);
CREATE INDEX events_country_date ON events (country_code, event_date);
CREATE INDEX events_admin1 ON events (lower(admin1));
CREATE INDEX events_type ON events (lower(event_type));
CREATE INDEX events_geom ON events USING GIST (geom);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX places_country ON places (country_code, admin1);
CREATE INDEX places_geom ON places USING GIST (geom);
CREATE INDEX actors_event ON actors (article_id, event_idx);
CREATE INDEX actors_name ON actors (name_folded);
CREATE INDEX spans_article ON spans (article_id, layer);
CREATE INDEX articles_published ON articles (published);
"""),
    (3, DEDUP_TABLES),
]

LATEST = max(version for version, _ in SQLITE)
assert LATEST == max(version for version, _ in POSTGRES), "both databases must have the same steps"
