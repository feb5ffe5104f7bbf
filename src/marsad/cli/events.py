"""`marsad events`: query stored events by place, date, type and actor; print a table, CSV, GeoJSON or JSONL."""

from __future__ import annotations

import enum
import json
from pathlib import Path

import typer

from marsad.cli.ingest import DB_HELP
from marsad.errors import InputError


class Format(enum.StrEnum):
    table = "table"
    csv = "csv"
    geojson = "geojson"
    jsonl = "jsonl"


def events_command(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    country: str = typer.Option(None, "--country", help="ISO 3166 alpha-2 code, e.g. SY."),
    admin1: str = typer.Option(None, "--admin1", help="First-level division, e.g. Idlib (any case)."),
    since: str = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),
    event_type: str = typer.Option(None, "--type", help="ACLED event type, e.g. Battles (any case)."),
    actor: str = typer.Option(None, "--actor", help="Part of an actor's name (any case)."),
    bbox: str = typer.Option(None, "--bbox", help="Box W,S,E,N in degrees, e.g. 35.5,34.5,37.5,37."),
    output_format: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    limit: int = typer.Option(None, "--limit", help="At most this many events."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help="Include planned, possible, denied… events."),
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """List stored events that match every filter given, by event date.

    Examples:

      marsad events --country SY --since 2018-08-01 --type Battles

      marsad events --actor "tahrir al-sham" --format geojson -o hts.geojson
    """
    from marsad.store import BBox, EventQuery, open_store
    from marsad.store import output as render
    from marsad.store.base import MAX_PAGE, parse_day

    try:
        query = EventQuery(
            country=country, admin1=admin1, since=parse_day(since, "--since"), until=parse_day(until, "--until"),
            event_type=event_type, actor=actor, bbox=BBox.parse(bbox) if bbox else None,
            all_modalities=all_modalities,
        )
    except InputError as error:
        raise typer.BadParameter(error.problem, param_hint=error.where) from None
    if limit is not None and limit < 0:
        raise typer.BadParameter("must be 0 or more", param_hint="--limit")
    query.limit = limit
    with open_store(db) as store:
        events = list(store.iter_events(query, page=MAX_PAGE))
    if output_format is Format.csv:
        rendered = render.to_csv(events)
    elif output_format is Format.geojson:
        rendered = json.dumps(render.to_geojson(events), ensure_ascii=False, indent=2) + "\n"
    elif output_format is Format.jsonl:
        rendered = render.to_jsonl(events)
    else:
        rendered = render.to_table(events)
    if output:
        output.write_text(rendered, encoding="utf-8")
    else:
        typer.echo(rendered, nl=False)


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
