"""`marsad extract`: reports for articles from files, directories, JSON Lines or standard input."""

from __future__ import annotations

import enum
import json
from pathlib import Path

import typer

from marsad import export
from marsad.errors import InputError
from marsad.inputs import DEFAULT_MAX_CHARS, ArticleInput, parse_date, read_inputs


class Format(enum.StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


def extract_command(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .jsonl.gz), directories, or - for stdin."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (for articles without one)."),
    source: str = typer.Option(None, "--source", help="Outlet name (for articles without one)."),
    output_format: Format = typer.Option(Format.json, "--format", "-f", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Refuse articles longer than this."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help="CSV/GeoJSON: keep planned, possible, denied… events too."),
) -> None:
    """Extract entities, places, dates and events from Arabic news articles.

    Examples:

      marsad extract examples/idlib-isis-hts-movements.ar.txt --published 2018-08-15

      marsad extract corpus.jsonl --format jsonl -o reports.jsonl

      cat article.txt | marsad extract - --published 2018-08-15 --format csv
    """
    from marsad.api import default_pipeline, process
    from marsad.schema import Report

    try:
        default_published = parse_date(published, "--published")
    except InputError as error:
        raise typer.BadParameter(error.problem, param_hint="--published") from None
    pipeline = default_pipeline()
    reports: list[dict] = []
    failures = 0
    for item in read_inputs(paths, max_chars=max_chars):
        if isinstance(item, InputError):
            failures += 1
            typer.echo(f"marsad: {item}", err=True)
            continue
        article: ArticleInput = item
        article.published = article.published or default_published
        article.source = article.source or source
        doc = process(article.to_document(), pipeline)
        for warning in doc.warnings:
            typer.echo(f"marsad: warning: {article.where}: {warning}", err=True)
        reports.append(Report.from_document(doc).to_dict())
    if output_format is Format.json:
        rendered = export.to_json(reports) + "\n"
    elif output_format is Format.jsonl:
        rendered = export.to_jsonl(reports)
    elif output_format is Format.csv:
        rendered = export.to_csv(reports, all_modalities)
    else:
        rendered = json.dumps(export.to_geojson(reports, all_modalities), ensure_ascii=False, indent=2) + "\n"
    if output:
        output.write_text(rendered, encoding="utf-8")
    else:
        typer.echo(rendered, nl=False)
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
