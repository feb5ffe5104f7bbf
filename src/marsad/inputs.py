"""Reading articles from files, directories, JSON Lines and standard input.

Every problem with an input becomes an `InputError` naming the file (and line) and the problem in
one line; readers yield errors beside good articles so one bad line never stops the rest.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import regex

from marsad.document import Document
from marsad.errors import InputError

DEFAULT_MAX_CHARS = 2_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

_HTML_START = regex.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml)", regex.IGNORECASE)
_ARABIC_LETTER = regex.compile(r"[\p{Arabic}&&\p{L}]", regex.V1)
_ANY_LETTER = regex.compile(r"\p{L}")


@dataclass
class ArticleInput:
    """One article as read, before processing: where it came from and its metadata."""

    where: str
    text: str
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None

    def to_document(self) -> Document:
        """The article as a Document (its language is checked once, by `marsad.api.process`)."""
        return Document(
            text=self.text, id=self.id, title=self.title, source=self.source,
            url=self.url, published=self.published,
        )


def parse_date(value: str | dt.date | None, where: str = "date") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(where, f"published date {value!r} is not YYYY-MM-DD") from None


def language_warning(text: str) -> str | None:
    """A warning when the text has letters but few of them Arabic (marsad reads Arabic only)."""
    sample = text[:3000]  # the opening tells the language; counting more costs without telling more
    letters = len(_ANY_LETTER.findall(sample))
    if letters == 0:
        return "no letters in the text; nothing to extract"
    arabic = len(_ARABIC_LETTER.findall(sample))
    if arabic / letters < 0.3:
        return f"the text is not Arabic ({arabic} of {letters} letters are Arabic); nothing extracted"
    return None


def decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise InputError(where, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(where, f"not UTF-8 text (invalid byte at offset {error.start})") from None


def html_to_text(html: str, where: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError(where, "HTML page with no extractable article text")
    return text


def _check_size(where: str, size: int, max_chars: int) -> None:
    if size > max_chars:
        raise InputError(
            where, f"too large ({size:,} characters, limit {max_chars:,}); raise it with --max-chars"
        )


def read_text_file(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> ArticleInput:
    where = str(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(where, f"cannot read: {error.strerror}") from None
    # UTF-8 Arabic is 2 bytes a character: refuse before reading what cannot fit the limit
    _check_size(where, size // 4, max_chars)
    text = decode(path.read_bytes(), where)
    _check_size(where, len(text), max_chars)
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text[:1000]):
        text = html_to_text(text, where)
    if not text.strip():
        raise InputError(where, "empty file")
    return ArticleInput(where=where, text=text, id=path.stem)


def article_from_json(obj: object, where: str, max_chars: int) -> ArticleInput:
    if not isinstance(obj, dict):
        raise InputError(where, "JSON line is not an object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "JSON line has no non-empty 'text' field")
    _check_size(where, len(text), max_chars)
    published = obj.get("published", obj.get("date"))
    article_id = obj.get("id", obj.get("docno"))
    return ArticleInput(
        where=where, text=text,
        id=str(article_id) if article_id is not None else None,
        title=obj.get("title"), source=obj.get("source"), url=obj.get("url"),
        published=parse_date(published, where),
    )


def read_jsonl(lines: Iterable[str], name: str, max_chars: int) -> Iterator[ArticleInput | InputError]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        try:
            article = article_from_json(obj, where, max_chars)
        except InputError as error:
            yield error
            continue
        if article.id is None:
            article.id = where
        yield article


def _open_lines(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="\n")
    return path.open(encoding="utf-8", newline="\n")


def json_records(path: Path) -> Iterator[dict]:
    """The JSON objects of a .jsonl(.gz) file as they are (no article fields read), split on "\n" only:
    news texts hold U+2028, which `str.splitlines()` would take for line ends. For evaluation and
    benchmark scripts that need the raw records; a bad line stops with an InputError naming it."""
    if not path.exists():
        raise InputError(str(path), "file not found")
    with _open_lines(path) as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"{path}:{number}", f"malformed JSON ({error.msg})") from None


def is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) or name.endswith(s + ".gz") for s in JSONL_SUFFIXES)


def read_path(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ArticleInput | InputError]:
    """Articles from one path: a file of any supported kind, or a directory walked recursively."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            if is_jsonl(child) or child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                yield from read_path(child, max_chars)
        return
    if not path.exists():
        yield InputError(str(path), "no such file or directory")
        return
    if is_jsonl(path):
        try:
            with _open_lines(path) as handle:
                yield from read_jsonl(handle, str(path), max_chars)
        except UnicodeDecodeError:
            yield InputError(str(path), "not UTF-8 text")
        except (OSError, EOFError) as error:
            yield InputError(str(path), f"cannot read: {error}")
        return
    try:
        yield read_text_file(path, max_chars)
    except InputError as error:
        yield error


def read_stdin(stream: IO[bytes] | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ArticleInput | InputError]:
    """Standard input: JSON Lines when the first non-blank line is a JSON object, else one article."""
    raw = (stream or sys.stdin.buffer).read()
    try:
        text = decode(raw, "<stdin>")
    except InputError as error:
        yield error
        return
    first = next((line for line in text.split("\n") if line.strip()), "")
    if first.lstrip().startswith("{"):
        yield from read_jsonl(text.split("\n"), "<stdin>", max_chars)
        return
    try:
        _check_size("<stdin>", len(text), max_chars)
        if _HTML_START.match(text[:1000]):
            text = html_to_text(text, "<stdin>")
    except InputError as error:
        yield error
        return
    yield ArticleInput(where="<stdin>", text=text, id="stdin")


def read_inputs(paths: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ArticleInput | InputError]:
    for name in paths:
        if name == "-":
            yield from read_stdin(max_chars=max_chars)
        else:
            yield from read_path(Path(name), max_chars)
