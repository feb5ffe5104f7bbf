"""Property: every span of every layer slices the raw text exactly, whatever the text is made of."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Document
from marsad.pipeline import Pipeline
from marsad.text.normalize import normalize_with_map

ARABIC_WORDS = ["والدانا", "بريف", "إدلب", "للحديدة", "قُتِلَ", "عناصره", "سلقين", "داعش", "هيئة", "تحرير", "الشام"]
PIECES = st.one_of(
    st.sampled_from(ARABIC_WORDS),
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=1, max_size=8),
    st.sampled_from(["\u064e", "\u0651", "\u0640", "\u200f", "\u200b", "\u202b", "\ufeff", "\u061c"]),
    st.text(alphabet="abcXYZ ", min_size=1, max_size=6),
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩۴", min_size=1, max_size=4),
    st.sampled_from(["😀", "🇸🇾", "👍🏽", "\u2028", "\n", "。", " ", "،", "؟", ".", "“", "”", "«", "»"]),
    st.sampled_from(["\x00", "\x07", "\r", "\t", "\u0085"]),
)
TEXTS = st.lists(PIECES, min_size=0, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_span_slices_the_raw_text(text: str) -> None:
    doc = Pipeline(["sentences", "tokens"])(Document(text=text))
    for layer, spans in doc.layers.items():
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text), layer
            assert text[span.start:span.end] == span.text, layer


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalised_offsets_map_back_into_the_raw_text(text: str) -> None:
    view = normalize_with_map(text)
    assert len(view.raw_index) == len(view.text) + 1
    for i in range(len(view.text)):
        raw_start, raw_end = view.to_raw(i, i + 1)
        assert raw_end == raw_start + 1
        assert view.text[i] == normalize_with_map(text[raw_start:raw_end]).text
