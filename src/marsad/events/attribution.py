"""Whose account an event is: the sources a sentence cites ("ذكرت مصادر محلية", "لوكالة سبوتنيك").

Sources come from the `sources` layer (the actors stage's cited sources, attrs `canonical`, `kind`)
when present, and from the phrases of `sources.tsv` near a reporting cue (`source_cues.tsv`). A
generic source relayed by an agency or outlet reads "Local sources via Sputnik". A bare "المصادر"
refers back to the last source the article named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.document import Span
from marsad.events.lexicon import lexicon

_RELAYS = ("agency", "outlet")
_ANAPHORS = ("المصادر", "المصدر")


@dataclass
class AttributionState:
    """What the article has cited so far (for "the sources" and continuation sentences)."""

    last: str = ""
    names: list[str] = field(default_factory=list)


def _compose(direct: list[str], relays: list[str]) -> str:
    direct = list(dict.fromkeys(direct))
    relays = [r for r in dict.fromkeys(relays) if r not in direct]
    if direct and relays:
        return f"{'; '.join(direct)} via {'; '.join(relays)}"
    return "; ".join(direct or relays)


def sentence_source(tokens: Sequence[Span], layer_sources: Sequence[Span], state: AttributionState) -> str:
    """The source a sentence cites ("" when none), updating the article's state."""
    if not tokens:
        return ""
    lex = lexicon()
    cues = lex.source_cues.find(tokens)
    direct: list[str] = []
    relays: list[str] = []
    for span in layer_sources:
        name = span.attrs.get("canonical") or span.text
        (relays if span.attrs.get("kind") in _RELAYS else direct).append(str(name))
    for match in lex.sources.find(tokens):
        named = match.payload
        cited = named.kind in _RELAYS or any(
            0 <= match.first - cue.last <= cue.payload.window or 0 <= cue.first - match.last <= 3
            for cue in cues
        )
        if cited:
            (relays if named.kind in _RELAYS else direct).append(named.english)
    if not direct and state.last and any(t.attrs.get("norm") in _ANAPHORS for t in tokens):
        direct.append(state.last)
    source = _compose(direct, relays)
    if direct:
        state.last = direct[0]
    if source:
        state.names.append(source)
    return source
