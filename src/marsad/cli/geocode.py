"""`marsad geocode`: ranked gazetteer candidates for a place name, optionally weighed by context."""

from __future__ import annotations

import json

import typer


def geocode_command(
    name: str = typer.Argument(..., help="Place name, in Arabic (any spelling) or English."),
    context: str = typer.Option("", "--context", help="Text around the name (Arabic), used to rank namesakes."),
    country: str = typer.Option(None, "--country", help="ISO 3166-1 alpha-2 code of the expected country."),
    limit: int = typer.Option(10, "--limit", help="Show at most this many candidates."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Rank the gazetteer's candidates for NAME.

    Examples:

      marsad geocode "الدانا" --context "اشتباكات في ريف إدلب الشمالي"

      marsad geocode "طرابلس" --country LB --json
    """
    from marsad.places.geoparse import Geoparser

    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise typer.BadParameter(f"{country!r} is not a two-letter country code", param_hint="--country")
    ranked = Geoparser().rank_name(name, context, country)[:limit]
    rows = [
        {"name": s.place.name, "name_ar": s.place.name_ar, "lat": s.place.lat, "lon": s.place.lon,
         "country_code": s.place.country_code or None, "admin1": s.place.admin1 or None,
         "admin2": s.place.admin2 or None, "feature": s.place.feature, "population": s.place.population,
         "geonameid": s.place.geonameid, "score": s.score}
        for s in ranked
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(f"no place called {name!r} in the gazetteer", err=True)
        raise typer.Exit(1)
    typer.echo(f"{'score':>6}  {'name':<28} {'cc':<3} {'admin1':<18} {'feature':<9} {'lat':>9} {'lon':>10}  id")
    for row in rows:
        typer.echo(
            f"{row['score']:>6.2f}  {row['name'][:28]:<28} {row['country_code'] or '-':<3} "
            f"{(row['admin1'] or '-')[:18]:<18} {row['feature']:<9} {row['lat']:>9.4f} {row['lon']:>10.4f}  "
            f"{row['geonameid'] or ''}"
        )


def register(app: typer.Typer) -> None:
    app.command("geocode")(geocode_command)
