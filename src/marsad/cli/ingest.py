"""`marsad ingest`: run the pipeline over articles and keep their reports in a store."""

from __future__ import annotations

import time

import typer

from marsad.errors import InputError, MarsadError
from marsad.inputs import DEFAULT_MAX_CHARS, parse_date, read_inputs

DB_HELP = "SQLite file or postgresql:// URL (default: $MARSAD_DB, else marsad.db in the user data folder)."


def ingest_command(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .jsonl.gz), directories, or - for stdin."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (for articles without one)."),
    source: str = typer.Option(None, "--source", help="Outlet name (for articles without one)."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Refuse articles longer than this."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only failures."),
) -> None:
    """Extract events from articles and store them; an article already stored (same text) is skipped.

    Examples:

      marsad ingest examples/idlib-isis-hts-movements.ar.txt --published 2018-08-15

      marsad ingest corpus.jsonl.gz --db postgresql://marsad@localhost/marsad
    """
    from marsad.api import default_pipeline, process
    from marsad.schema import Report
    from marsad.store import open_store

    try:
        default_published = parse_date(published, "--published")
    except InputError as error:
        raise typer.BadParameter(error.problem, param_hint="--published") from None
    pipeline = default_pipeline()
    new = skipped = failed = events = 0
    began = time.perf_counter()
    with open_store(db) as store:
        for item in read_inputs(paths, max_chars=max_chars):
            if isinstance(item, InputError):
                failed += 1
                typer.echo(f"marsad: {item}", err=True)
                continue
            item.published = item.published or default_published
            item.source = item.source or source
            try:
                doc = process(item.to_document(), pipeline)
                added = store.add(doc.text, Report.from_document(doc).to_dict())
            except MarsadError as error:
                failed += 1
                typer.echo(f"marsad: {item.where}: {error}", err=True)
                continue
            except Exception as error:  # one article's pipeline bug must not stop a batch: name it, go on
                failed += 1
                typer.echo(f"marsad: {item.where}: processing failed ({type(error).__name__}: {error})", err=True)
                continue
            if added.created:
                new += 1
                events += added.events
            else:
                skipped += 1
        where = store.url
    if not quiet:
        seconds = time.perf_counter() - began
        typer.echo(
            f"marsad: stored {new} new article(s) with {events} event(s), {skipped} already stored, "
            f"{failed} failed, in {seconds:.1f} s -> {where}",
            err=True,
        )
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
