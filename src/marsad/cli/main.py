"""Entry point of the `marsad` command: builds the Typer app from the command modules beside it."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

import marsad
from marsad.errors import MarsadError

app = typer.Typer(
    name="marsad",
    help=(
        "marsad (مرصد): Arabic conflict news to structured, geolocated ACLED-style event records.\n\n"
        "Example: marsad extract examples/idlib-isis-hts-movements.ar.txt --published 2018-08-15"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"marsad {marsad.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """marsad (مرصد): Arabic conflict news to structured, geolocated ACLED-style event records."""


# Packages that only an extra installs, and the extra that brings each.
OPTIONAL_PACKAGES = {
    "fastapi": "server", "starlette": "server", "uvicorn": "server", "httpx": "server",
    "dask": "dask", "distributed": "dask", "psycopg": "postgres",
}


def _missing_extra(error: ImportError) -> str | None:
    name = (error.name or "").split(".")[0]
    return OPTIONAL_PACKAGES.get(name)


def _register_unavailable(name: str, extra: str) -> None:
    @app.command(name, help=f"(needs the [{extra}] extra: pip install 'marsad[{extra}]')")
    def unavailable() -> None:
        typer.echo(f"marsad {name}: needs the [{extra}] extra: pip install 'marsad[{extra}]'", err=True)
        raise typer.Exit(2)


def _register_commands() -> None:
    package = importlib.import_module("marsad.cli")
    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if module.name == "main" or module.name.startswith("_"):
            continue
        try:
            command_module = importlib.import_module(f"marsad.cli.{module.name}")
        except ImportError as error:
            extra = _missing_extra(error)
            if extra is None:
                raise
            _register_unavailable(module.name, extra)  # the other commands work without the extra
            continue
        register = getattr(command_module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main() -> None:
    try:
        app()
    except MarsadError as error:
        typer.echo(f"marsad: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("marsad: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
