"""`marsad batch`: process a corpus into the store, with progress, resume and an errors file."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from marsad.errors import InputError, PipelineError
from marsad.inputs import DEFAULT_MAX_CHARS


class EngineKind(enum.StrEnum):
    local = "local"
    dask = "dask"


def batch_command(
    inputs: list[str] = typer.Argument(..., help="Directories, .jsonl / .jsonl.gz files, text files, or - for stdin."),
    db: str = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: $MARSAD_DB or the user data folder)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (local) or LocalCluster workers (dask)."),
    errors: Path = typer.Option(None, "--errors", help="Write failed articles here as JSON Lines {where, error, kind}."),
    engine: EngineKind = typer.Option(EngineKind.local, "--engine", help="local: this machine; dask: a Dask cluster."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address tcp://HOST:8786 (default: start a LocalCluster)."),
    store_on_workers: bool = typer.Option(
        False, "--store-on-workers",
        help="Dask: workers write to the database themselves (PostgreSQL, for workers on several machines).",
    ),
    stages: str = typer.Option(None, "--stages", help="Comma-separated stages: names, 'default' for the default ones, module:Factory for your own."),
    chunk_size: int = typer.Option(16, "--chunk-size", min=1, help="Articles per task sent to a worker."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on stderr."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Refuse articles longer than this."),
) -> None:
    """Process a whole corpus into the store; run it again to resume where it stopped.

    Articles whose text is stored already (same SHA-256) are skipped, so an interrupted run picks
    up where it left off. Bad lines and failed articles are counted (and written to --errors), never
    fatal. Ctrl-C stops cleanly: the articles in progress are finished and stored.

    Examples:

      marsad batch corpus.jsonl.gz --db events.db --workers 2 --errors failed.jsonl

      marsad batch articles/ --db postgresql://marsad@db/marsad --engine dask --scheduler tcp://head:8786
    """
    from marsad.batch.engines import make_engine
    from marsad.batch.errorlog import ErrorLog
    from marsad.batch.progress import estimate_total
    from marsad.batch.runner import BatchRunner
    from marsad.batch.sink import open_sink
    from marsad.batch.work import resolve_stages
    from marsad.inputs import read_inputs
    from marsad.pipeline import Pipeline

    if scheduler and engine is not EngineKind.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if store_on_workers and engine is not EngineKind.dask:
        raise typer.BadParameter("--store-on-workers needs --engine dask", param_hint="--store-on-workers")
    stage_names = tuple(s.strip() for s in stages.split(",") if s.strip()) if stages else None
    if stages is not None and not stage_names:
        raise typer.BadParameter("no stage named", param_hint="--stages")
    try:
        Pipeline(resolve_stages(stage_names))
    except PipelineError as error:
        raise typer.BadParameter(str(error), param_hint="--stages") from None
    try:
        error_log = ErrorLog(errors)
    except InputError as error:
        raise typer.BadParameter(error.problem, param_hint="--errors") from None
    total = estimate_total(inputs) if progress else None
    sink = open_sink(db)
    worker_db = _shared_db_url(sink.store.url) if store_on_workers else None
    runner = None
    work = None
    try:
        work = make_engine(engine.value, stage_names, workers, scheduler, worker_db)
        runner = BatchRunner(sink, work, error_log, chunk_size=chunk_size, progress=progress, total=total)
        stats = runner.run(read_inputs(inputs, max_chars=max_chars))
    except KeyboardInterrupt:
        if work is not None:
            work.close(cancel=True)
            work = None
        if runner is not None:
            typer.echo(f"marsad: batch {runner.stats.summary()}", err=True)
        raise typer.Exit(130) from None
    finally:
        if work is not None:
            work.close()
        sink.close()
        error_log.close()
    typer.echo(f"marsad: batch {stats.summary()}", err=True)
    if stats.failed and errors:
        typer.echo(f"marsad: failures written to {errors}", err=True)
    if stats.interrupted:
        raise typer.Exit(130)
    if stats.failed:
        raise typer.Exit(1)


def _shared_db_url(url: str) -> str:
    """The database as workers must name it: a SQLite path made absolute (their folder may differ)."""
    return url if url.startswith(("postgresql://", "postgres://")) else str(Path(url).resolve())


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_command)
