"""`marsad dates`: the date expressions of one text, resolved against a publication date, as JSON."""

from __future__ import annotations

import json
import sys

import typer

from marsad.errors import InputError
from marsad.inputs import parse_date


def dates_command(
    text: str = typer.Argument(..., help="Arabic text, or - to read it from standard input."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (relative dates need it)."),
) -> None:
    """Find and resolve the date expressions of an Arabic text; print them as a JSON list.

    Examples:

      marsad dates "قتل ثلاثة مدنيين مساء الخميس الماضي" --published 2018-08-15

      marsad dates - --published 2018-08-15 < examples/idlib-isis-hts-movements.ar.txt
    """
    from marsad.document import Document
    from marsad.pipeline import Pipeline
    from marsad.schema import DATE_FIELDS, span_record

    try:
        day = parse_date(published, "--published")
    except InputError as error:
        raise typer.BadParameter(error.problem, param_hint="--published") from None
    if text == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError as error:
            typer.echo(f"marsad: <stdin>: not UTF-8 text (byte {error.start})", err=True)
            raise typer.Exit(1) from None
    doc = Pipeline(["sentences", "dates"])(Document(text=text, published=day))
    records = [span_record(span, DATE_FIELDS) for span in doc.get("dates")]
    typer.echo(json.dumps(records, ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    app.command("dates")(dates_command)
