"""`marsad serve`: the HTTP API and the map page over a store."""

from __future__ import annotations

import ipaddress

import typer

from marsad.cli.ingest import DB_HELP
from marsad.server.settings import DEFAULT_MAX_BODY


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    token: str = typer.Option(None, "--token", envvar="MARSAD_TOKEN",
                              help="Bearer token that POST /articles requires (env MARSAD_TOKEN)."),
    max_body: int = typer.Option(DEFAULT_MAX_BODY, "--max-body", min=1024, help="Largest request body in bytes."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level (debug, info, warning, error)."),
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) and the event map at /.

    Examples:

      marsad serve --db events.db

      MARSAD_TOKEN=s3cret marsad serve --host 0.0.0.0 --db postgresql://marsad@localhost/marsad
    """
    try:
        import uvicorn

        from marsad.server import create_app
    except ImportError:
        typer.echo("marsad serve: needs the [server] extra: pip install 'marsad[server]'", err=True)
        raise typer.Exit(2) from None

    if not _is_loopback(host) and not token:
        typer.echo(f"marsad: warning: listening on {host} with no --token: anyone who can reach it can store "
                   "articles", err=True)
    app = create_app(db, token=token or None, max_body=max_body)
    typer.echo(f"marsad: serving {app.title} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, workers=1,
                timeout_graceful_shutdown=5, server_header=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
