import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions.text import _BOUNDARY, _boundaries, _last_token, resolve_date, sentences


def spans(text):
    return [text[s:e] for s, e in sentences(text)]


def test_splits_after_full_stops_before_capitals():
    assert spans("Canada acted. Norway followed! Did Japan?") == [
        "Canada acted.",
        "Norway followed!",
        "Did Japan?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Treasury froze the assets.",
        "Sanctions start on Dec. 5 for all members.",
        "Mr. Blinken said the E.U. would follow.",
    ],
)
def test_abbreviations_do_not_split(text):
    assert spans(text) == [text]


def test_blank_lines_and_headlines_split():
    text = "Canada sanctions Iran\n\nOTTAWA - Canada froze assets.\nNorway followed."
    assert spans(text) == [
        "Canada sanctions Iran",
        "OTTAWA - Canada froze assets.",
        "Norway followed.",
    ]


@given(st.text())
def test_spans_are_ordered_inside_the_text_and_trimmed(text):
    last = 0
    for start, end in sentences(text):
        assert last <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        last = end


PUBLISHED = dt.date(2022, 3, 3)  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Canada acted on Monday.", dt.date(2022, 2, 28)),
        ("Canada acted on Thursday.", dt.date(2022, 3, 3)),
        ("Canada acted yesterday.", dt.date(2022, 3, 2)),
        ("The ban starts on March 20.", dt.date(2022, 3, 20)),
        ("The ban started on Dec. 5.", dt.date(2021, 12, 5)),
        ("On 2 March 2021 Canada acted.", dt.date(2021, 3, 2)),
        ("The order of 2020-06-17 applies.", dt.date(2020, 6, 17)),
        ("Canada acted.", None),
        ("Canada may act.", None),
        ("Canada acted on February 30.", None),
    ],
)
def test_resolve_date(sentence, expected):
    assert resolve_date(sentence, PUBLISHED) == expected


def test_relative_dates_need_a_publication_date():
    assert resolve_date("Canada acted on Monday.", None) is None
    assert resolve_date("Canada acted on March 2, 2021.", None) == dt.date(2021, 3, 2)


@given(st.text(alphabet=st.sampled_from("ab ,;U.S."), max_size=3000))
def test_no_span_is_longer_than_the_limit(text):
    for start, end in sentences(text, max_chars=200):
        assert end - start <= 200


def test_a_long_line_is_cut_at_clause_marks():
    text = "Canada froze assets, " * 100
    pieces = spans(text)
    assert len(pieces) > 1
    assert all(piece.endswith(",") or piece == pieces[-1] for piece in pieces)


def test_a_line_wrapped_mid_sentence_is_one_sentence():
    assert spans("Britain banned imports of\nRussian vodka. Norway followed.") == [
        "Britain banned imports of\nRussian vodka.",
        "Norway followed.",
    ]


# What `_sentences` looked up with a regex before it used `_last_token`.
_LAST_TOKEN = re.compile(r"(\S+)[\"'”’)\]]*\s*$")


@given(
    st.text(alphabet=st.sampled_from("aU. \t\n\u00a0\u2003\"')”’]"), max_size=60)
    | st.text(max_size=60),
    st.integers(0, 60),
)
def test_last_token_is_what_the_regex_finds_before_a_full_stop(text, start):
    text += "."
    start = min(start, len(text) - 1)
    token = _LAST_TOKEN.search(text, start, len(text))
    assert _last_token(text, start, len(text)) == (token.group(1) if token else "")


_boundary_text = st.text(alphabet=st.sampled_from(".!?\n \t\"'”’)](“‘(AZ9ab\u2028"), max_size=60)


@given(_boundary_text | st.text(max_size=60))
def test_boundaries_are_those_of_the_one_regex(text):
    assert list(_boundaries(text)) == [m.span() for m in _BOUNDARY.finditer(text)]


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("It froze the assets yesterday.", dt.date.min),
        ("It froze the assets on Sunday.", dt.date.min),
        ("It froze the assets on Saturday.", dt.date(1, 1, 5)),
    ],
)
def test_a_date_out_of_the_calendar_resolves_to_none(sentence, published):
    assert resolve_date(sentence, published) is None


def test_an_out_of_range_date_gives_way_to_the_next_one():
    assert resolve_date("It acted yesterday, or rather on 2022-03-01.", dt.date.min) == dt.date(
        2022, 3, 1
    )
