"""Tokens with clitic segmentation, each sub-token carrying its raw offsets.

An orthographic word such as "والدانا" becomes the sub-tokens "و" (conjunction) and "الدانا"
(stem, article kept on it); "للحديدة" becomes "ل" + "لحديدة" whose normalised form is "الحديدة".
Names that merely begin with a clitic letter (بغداد، لبنان، كفرنبل) stay whole through the
no-split lexicons in `data/ar/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from marsad.document import Document, Span
from marsad.resources import data_path, read_rows, read_words
from marsad.text.normalize import normalize

TOKEN_LAYER = "tokens"

# Arabic letters with the marks and tatweel that may sit inside a word; Latin words; numbers in
# any script (with decimal/thousands separators); then any other single non-space character.
_TOKEN_RE = regex.compile(
    r"(?P<arabic>[[\p{Arabic}&&\p{L}]\p{Mn}\u0640]+)"
    r"|(?P<latin>[\p{Latin}][\p{Latin}\p{M}'’\-]*)"
    r"|(?P<number>\p{Nd}+(?:[.,٫٬]\p{Nd}+)*)"
    r"|(?P<other>[^\s\p{Cf}])",
    regex.V1,
)

MIN_STEM = 3


@dataclass(frozen=True)
class CliticInventory:
    conjunctions: frozenset[str]
    prepositions: frozenset[str]
    future: frozenset[str]
    article: str
    enclitics: tuple[str, ...]
    keep_whole: frozenset[str]


@lru_cache(maxsize=1)
def clitic_inventory() -> CliticInventory:
    kinds: dict[str, list[str]] = {}
    for kind, form in read_rows("ar", "clitics.tsv"):
        kinds.setdefault(kind, []).append(form)
    keep = read_words("ar", "no_split.txt")
    if data_path("ar", "no_split_learned.txt").exists():
        keep |= read_words("ar", "no_split_learned.txt")
    return CliticInventory(
        conjunctions=frozenset(kinds["conjunction"]),
        prepositions=frozenset(kinds["preposition"]),
        future=frozenset(kinds["future"]),
        article=kinds["article"][0],
        enclitics=tuple(sorted(kinds["enclitic"], key=len, reverse=True)),
        keep_whole=frozenset(keep),
    )


def segment(norm: str, raw: str | None = None) -> list[tuple[int, int, str, str]]:
    """Split a normalised word into (start, end, role, normalised form) parts.

    `raw` (same length as `norm` when given) lets enclitic -h be told from taa marbuta, which
    normalises to the same letter. Roles: conjunction, future, preposition, stem, enclitic.
    """
    inv = clitic_inventory()
    if norm in inv.keep_whole or len(norm) < MIN_STEM + 1:
        return [(0, len(norm), "stem", norm)]
    for enclitic in inv.enclitics:  # a known whole word plus a pronoun: بينهم → بين + هم
        cut = len(norm) - len(enclitic)
        if (
            norm.endswith(enclitic) and norm[:cut] in inv.keep_whole and cut >= MIN_STEM
            and (raw is None or raw[cut:] == enclitic)
        ):
            return [(0, cut, "stem", norm[:cut]), (cut, len(norm), "enclitic", enclitic)]
    parts: list[tuple[int, int, str, str]] = []
    pos = 0
    article = inv.article

    def stem_ok(rest: str) -> bool:
        if rest.startswith(article):
            return len(rest) - len(article) >= MIN_STEM
        return len(rest) >= MIN_STEM

    if norm[0] in inv.conjunctions and stem_ok(norm[1:]):
        parts.append((0, 1, "conjunction", norm[0]))
        pos = 1
        rest = norm[pos:]
        if (
            rest[0] in inv.future and len(rest) > MIN_STEM and rest[1] in "يتنا"
            and rest not in inv.keep_whole
        ):
            parts.append((pos, pos + 1, "future", rest[0]))
            pos += 1
    rest = norm[pos:]
    stem_norm: str | None = None
    if rest not in inv.keep_whole and rest and rest[0] in inv.prepositions:
        after = rest[1:]
        if after.startswith(article) and len(after) - len(article) >= MIN_STEM:
            parts.append((pos, pos + 1, "preposition", rest[0]))
            pos += 1
        elif after in inv.keep_whole:  # لبنان in للبنان is a name, not the article's ل
            parts.append((pos, pos + 1, "preposition", rest[0]))
            pos += 1
        elif rest[0] == "ل" and after.startswith("ل") and len(after) - 1 >= MIN_STEM:
            # ل + ال contracts to لل: the stem keeps the article's ل, and its form gets the alef back
            parts.append((pos, pos + 1, "preposition", "ل"))
            pos += 1
            stem_norm = "ا" + after
        elif rest[0] != "ك" and len(after) >= MIN_STEM and not after.startswith(article):
            parts.append((pos, pos + 1, "preposition", rest[0]))
            pos += 1
    stem = norm[pos:]
    end = len(norm)
    definite = stem.startswith(article) or stem_norm is not None  # a definite noun takes no pronoun
    if not definite and stem not in inv.keep_whole:
        for enclitic in inv.enclitics:
            if stem.endswith(enclitic) and len(stem) - len(enclitic) >= MIN_STEM:
                if raw is not None and raw[end - len(enclitic):end] != enclitic:
                    continue  # a taa marbuta, not the pronoun
                end -= len(enclitic)
                break
    parts.append((pos, end, "stem", stem_norm if stem_norm else norm[pos:end]))
    if end < len(norm):
        parts.append((end, len(norm), "enclitic", norm[end:]))
    return parts


@lru_cache(maxsize=262_144)
def _word_parts(word: str) -> tuple[tuple[int, int, str, str], ...]:
    """Segment one raw Arabic word; offsets are relative to the raw word (cached: news repeats words)."""
    norm = normalize(word)
    if len(norm) == len(word):
        return tuple(segment(norm, word))
    kept = [i for i, ch in enumerate(word) if normalize(ch)]
    if not kept:
        return ((0, len(word), "stem", norm),)
    raw_kept = "".join(word[i] for i in kept)
    parts = segment(norm, raw_kept)
    result = []
    for index, (start, end, role, form) in enumerate(parts):
        raw_start = 0 if index == 0 else kept[start]
        raw_end = len(word) if index == len(parts) - 1 else kept[end]
        result.append((raw_start, raw_end, role, form))
    return tuple(result)


def tokenize(text: str, offset: int = 0) -> list[Span]:
    """Token spans of `text` (offsets shifted by `offset`), Arabic words split into clitics."""
    tokens: list[Span] = []
    word_index = 0
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "arabic":
            word = match.group()
            for part_start, part_end, role, form in _word_parts(word):
                tokens.append(Span(
                    offset + start + part_start, offset + start + part_end,
                    word[part_start:part_end], "TOKEN",
                    {"norm": form, "role": role, "word": word_index},
                ))
        else:
            surface = match.group()
            tokens.append(Span(
                offset + start, offset + end, surface, "TOKEN",
                {"norm": normalize(surface), "role": kind, "word": word_index},
            ))
        word_index += 1
    return tokens


def tokens_by_sentence(tokens: list[Span]) -> dict[int, list[Span]]:
    """The tokens of each sentence, by the sentence index the tokenizer gave them."""
    grouped: dict[int, list[Span]] = {}
    for token in tokens:
        grouped.setdefault(token.attrs.get("sentence", 0), []).append(token)
    return grouped


class Tokenizer:
    """Pipeline stage: the `tokens` layer, clitic-segmented, each token with its sentence index."""

    name = "tokens"
    requires = ("sentences",)
    provides = ("tokens",)

    def __call__(self, doc: Document) -> Document:
        tokens: list[Span] = []
        for index, sentence in enumerate(doc.get("sentences")):
            sentence_tokens = tokenize(sentence.text, sentence.start)
            for token in sentence_tokens:
                token.attrs["sentence"] = index
            tokens.extend(sentence_tokens)
        doc.layers[TOKEN_LAYER] = tokens
        return doc
