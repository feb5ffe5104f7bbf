"""`marsad tag`: named-entity tags (IOB2 over PERS, LOC, ORG, MISC), one word a line."""

from __future__ import annotations

import enum
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import typer

from marsad.errors import InputError, MarsadError


class InputFormat(enum.StrEnum):
    conll = "conll"
    text = "text"


class ModelChoice(enum.StrEnum):
    shipped = "shipped"
    heldout = "heldout"


@contextmanager
def _open_text(path: str) -> Iterator[IO[str]]:
    """The input as strict UTF-8 text; undecodable bytes raise when read."""
    if path == "-":
        wrapper = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict", newline="")
        try:
            yield wrapper
        finally:
            wrapper.detach()  # leave standard input open
        return
    file = Path(path)
    if file.is_dir():
        raise InputError(path, "is a directory; give a file or - for standard input")
    try:
        handle = file.open(encoding="utf-8", errors="strict", newline="")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from None
    with handle:
        yield handle


def _conll_blocks(lines: Iterator[str]) -> Iterator[tuple[list[str], int]]:
    """(tokens of a sentence, blank lines after it); a later column on a token line is ignored."""
    tokens: list[str] = []
    for line in lines:
        fields = line.split()
        if fields:
            tokens.append(fields[0])
        else:
            yield tokens, 1
            tokens = []
    if tokens:
        yield tokens, 0


def tag_conll(handle: IO[str], out: IO[str], where: str, model_name: str = "shipped") -> None:
    from marsad.entities.ner import CONSISTENCY_BLOCK, load_model

    model = load_model(model_name)

    def flush(pending: list[tuple[list[str], int]]) -> None:
        tagged = model.tag_block([tokens for tokens, _ in pending])
        out.write("".join(
            "".join(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags, strict=True)) + "\n" * blanks
            for (tokens, blanks), tags in zip(pending, tagged, strict=True)
        ))

    pending: list[tuple[list[str], int]] = []
    try:
        for block in _conll_blocks(line.rstrip("\r\n") for line in handle):
            pending.append(block)
            if len(pending) >= CONSISTENCY_BLOCK:
                flush(pending)
                pending = []
    except UnicodeDecodeError as error:
        raise InputError(where, f"not UTF-8 text (byte {error.start} of a read block)") from None
    flush(pending)


def tag_text(handle: IO[str], out: IO[str], where: str, model_name: str = "shipped") -> None:
    from marsad.document import Document
    from marsad.entities.ner import CONSISTENCY_BLOCK, load_model, word_text, words_of
    from marsad.pipeline import Pipeline

    try:
        text = handle.read()
    except UnicodeDecodeError as error:
        raise InputError(where, f"not UTF-8 text (byte {error.start})") from None
    model = load_model(model_name)
    doc = Pipeline(["sentences", "tokens"])(Document(text=text))
    sentences = [[word_text(doc.text, word) for word in sentence] for sentence in words_of(doc.get("tokens"))]
    blocks = []
    for first in range(0, len(sentences), CONSISTENCY_BLOCK):
        chunk = sentences[first:first + CONSISTENCY_BLOCK]
        for words, tags in zip(chunk, model.tag_block(chunk), strict=True):
            blocks.append("".join(f"{w}\t{t}\n" for w, t in zip(words, tags, strict=True)))
    out.write("\n".join(blocks))


def tag_command(
    path: str = typer.Argument("-", help="A file, or - for standard input."),
    input_format: InputFormat = typer.Option(
        InputFormat.conll, "--input", "-i",
        help="conll: one token a line, blank line between sentences (a 2nd column is ignored); text: raw text.",
    ),
    model: ModelChoice = typer.Option(
        ModelChoice.shipped, "--model",
        help="shipped: trained on all the training data; heldout: trained without the dev split "
             "(reproduces the model card's dev figures).",
    ),
) -> None:
    """Tag named entities: prints token<TAB>tag per token (IOB2: PERS, LOC, ORG, MISC).

    Examples:

      marsad tag test.conll --input conll

      echo "قال الرئيس السوري بشار الأسد في دمشق" | marsad tag - --input text
    """
    try:
        with _open_text(path) as handle:
            where = "<stdin>" if path == "-" else path
            if input_format is InputFormat.conll:
                tag_conll(handle, sys.stdout, where, model.value)
            else:
                tag_text(handle, sys.stdout, where, model.value)
    except MarsadError as error:
        typer.echo(f"marsad: {error}", err=True)
        raise typer.Exit(1) from None
    except BrokenPipeError:
        raise typer.Exit(0) from None


def register(app: typer.Typer) -> None:
    app.command("tag")(tag_command)
