"""`marsad dedup`: link stored events that several articles report, explainably and reversibly."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def dedup_command(
    db: str = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: $MARSAD_DB or the user data folder)."),
    km: float = typer.Option(10.0, "--km", min=0, help="Places at most this far apart are the same place."),
    days: int = typer.Option(1, "--days", min=0, help="Event dates at most this many days apart."),
    undo: bool = typer.Option(False, "--undo", help="Remove the links of the latest run (or of --run)."),
    run: int = typer.Option(None, "--run", help="With --undo: the run to remove."),
    groups_out: Path = typer.Option(None, "--groups", help="Write the merged events as JSON Lines (ids, sources, reasons)."),
) -> None:
    """Merge reports of the same event from different articles (ACLED keeps one row per event).

    Same event type, compatible actors, same place (same admin3 or within --km), dates within
    --days. Events are never changed: each merge is a link with its reason, kept in the database
    beside them, and `--undo` removes a run's links.

    Examples:

      marsad dedup --db events.db --groups merged.jsonl

      marsad dedup --db events.db --undo
    """
    from marsad.batch.dedup import DedupSettings
    from marsad.batch.deduplicate import deduplicate, stored_groups
    from marsad.batch.links import LinkTable
    from marsad.store import open_store

    if run is not None and not undo:
        raise typer.BadParameter("--run goes with --undo", param_hint="--run")
    with open_store(db) as store:
        if undo:
            removed = LinkTable(store).undo(run)
            if removed is None:
                typer.echo("marsad: no dedup run to undo" if run is None else f"marsad: no dedup run {run}", err=True)
                raise typer.Exit(1)
            typer.echo(f"marsad: undid dedup run {removed.run} of {removed.made_at}: {removed.links:,} links removed",
                       err=True)
            found = stored_groups(store)
        else:
            result = deduplicate(store, DedupSettings(km=km, days=days))
            typer.echo(f"marsad: {result.summary()}", err=True)
            found = result.groups
    if groups_out:
        with groups_out.open("w", encoding="utf-8") as handle:
            for group in found:
                record = {"events": group.events, "sources": group.sources, "reasons": group.reasons}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def register(app: typer.Typer) -> None:
    app.command("dedup")(dedup_command)
