from __future__ import annotations

from marsad.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_arabic_marks_quotes_and_line_breaks() -> None:
    text = "قال المتحدث: “انسحبت القوات.” هل انتهت المعركة؟ لا أحد يعرف!\nوأضاف أن الهدوء عاد"
    assert sentences(text) == [
        "قال المتحدث: “انسحبت القوات.”", "هل انتهت المعركة؟", "لا أحد يعرف!", "وأضاف أن الهدوء عاد",
    ]


def test_abbreviations_and_decimals_do_not_split() -> None:
    text = "قال د. محمد إن 3.5 مليون نازح عادوا. ووصل الوفد."
    assert sentences(text) == ["قال د. محمد إن 3.5 مليون نازح عادوا.", "ووصل الوفد."]


def test_unicode_line_separator_splits() -> None:
    assert sentences("الجملة الأولى\u2028الجملة الثانية") == ["الجملة الأولى", "الجملة الثانية"]


def test_whitespace_only_gives_nothing() -> None:
    assert split_sentences(" \n\t ") == []
