"""HTML to text with an offset map back into the page (`sanctions.html`).

Every page here is written for these tests.
"""

import html as std_html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _support import deadline
from _support import keys as tuples
from sanctions import Evidence, Extractor, Measure
from sanctions.html import HtmlText, extract_html, html_to_text

FREEZE = "Canada froze the assets of nine Belarusian officials."
VODKA = "Britain banned imports of Russian vodka."


# --- visible text -------------------------------------------------------------------------------


def test_a_paragraph_gives_its_text():
    assert html_to_text(f"<p>{FREEZE}</p>").text == FREEZE


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var s = '<p>Canada froze the assets of Iran.</p>';</script>",
        "<style>p { color: red } /* froze the assets */</style>",
        "<noscript><p>Enable JavaScript: Canada froze the assets of Iran.</p></noscript>",
        "<template><p>Canada froze the assets of Iran.</p></template>",
        "<head><title>Canada froze the assets of Iran</title><meta charset=utf-8></head>",
        "<SCRIPT type='text/javascript'>if (a < b && c > d) {}</SCRIPT>",
        "<svg><text>Canada froze the assets of Iran</text></svg>",
        "<!-- Canada froze the assets of Iran -->",
    ],
)
def test_invisible_content_is_dropped(hidden):
    page = html_to_text(f"<body>{hidden}<p>{FREEZE}</p>{hidden}</body>")
    assert page.text == FREEZE


def test_an_unclosed_head_ends_where_the_body_content_starts():
    page = html_to_text(f"<html><head><meta charset=utf-8><title>News</title><p>{FREEZE}")
    assert page.text == FREEZE


def test_text_in_an_unclosed_head_ends_it():
    assert html_to_text(f"<head><meta charset=utf-8>{FREEZE}").text == FREEZE


def test_block_elements_are_separated_by_a_blank_line():
    page = html_to_text(f"<h1>Sanctions</h1><div><p>{FREEZE}</p><ul><li>one<li>two</ul></div>")
    assert page.text == f"Sanctions\n\n{FREEZE}\n\none\n\ntwo"


def test_line_breaks_and_table_cells():
    page = html_to_text("a<br>b<br><br>c<table><tr><td>EU</td><td>RUS</td></tr></table>")
    assert page.text == "a\nb\n\nc\n\nEU\tRUS"


def test_whitespace_collapses_as_in_a_browser_except_in_pre():
    page = html_to_text("<p>  Canada\n   froze <b> the</b>\tassets </p><pre>a\n  b</pre>")
    assert page.text == "Canada froze the assets\n\na\n  b"


def test_a_headline_without_a_full_stop_is_its_own_sentence():
    page = html_to_text(f"<h2>EU acts</h2><p>{FREEZE}</p>")
    assert tuples(page.extract()) == {("CAN", "BLR", "asset_freeze", "imposed")}


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("Britain&rsquo;s ban", "Britain’s ban"),
        ("vodka &amp; caviar", "vodka & caviar"),
        ("EU&nbsp;sanctions", "EU\xa0sanctions"),
        ("&#8220;sanctions&#x201D;", "“sanctions”"),
        ("AT&T &unknown; &amp", "AT&T &unknown; &"),
        ("&#0; &#xD800; &#99999999;", "\ufffd \ufffd \ufffd"),
        ("a &lt;b&gt; c", "a <b> c"),
        ("x &#10; y", "x y"),
    ],
)
def test_character_references_are_decoded(markup, text):
    assert html_to_text(f"<p>{markup}</p>").text == text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("a <!-- never closed <p>b</p>", "a"),
        ("a <p class='never closed>b</p>", "a\n\nb"),  # kinder than a browser
        ("a <p never closed", "a"),
        ("a < b and c <3", "a < b and c <3"),
        ("a </> b </ bogus> c <? pi ?> d <!DOCTYPE html> e <![CDATA[ x ]]> f", "a b c d e f"),
        ("a <!--> b <!---> c", "a b c"),
        ("<p>a</p></p></div></b></span>b", "a\n\nb"),
        ("a <script>never closed <p>b</p>", "a"),
        ("a <plaintext><b>b</b>", "a\n\n<b>b</b>"),
        ("", ""),
        ("   \n\t ", ""),
    ],
)
def test_broken_markup_is_read_as_a_browser_reads_it(markup, text):
    assert html_to_text(markup).text == text


@pytest.mark.parametrize("value", [b"<p>x</p>", None, 3, ["<p>"]])
def test_only_str_is_accepted(value):
    with pytest.raises(TypeError, match=type(value).__name__):
        html_to_text(value)


def test_bytes_get_a_hint_to_decode():
    with pytest.raises(TypeError, match=r"decode"):
        extract_html(b"<p>x</p>")


@pytest.mark.parametrize(
    "unit",
    ["<!--", "<a ", "<a b='", "</", "<?", "&#", "<", "<script>", "<p>x</p>", "&amp;", " \n"],
)
def test_malformed_pages_take_linear_time(unit):
    # The standard library's HTMLParser (Python 3.11.7) takes minutes on 200 kB of "<a ";
    # this is a hang guard, not a speed measurement: 1 MB takes well under a second here.
    page = unit * (1_000_000 // len(unit))
    with deadline(20):
        html_to_text(page)


# --- the offset map -----------------------------------------------------------------------------


def test_evidence_maps_to_the_words_in_the_page():
    page = f"<html><head><title>x</title></head><body><p>{FREEZE}</p></body></html>"
    converted = html_to_text(page)
    [measure] = converted.extract()
    start, end = converted.html_span(measure)
    assert page[start:end] == measure.evidence.text == "froze the assets of nine Belarusian"


def test_evidence_with_entities_maps_to_the_references():
    page = "<p>Britain&rsquo;s government banned&nbsp;imports of Russian&#32;vodka.</p>"
    converted = html_to_text(page)
    [measure] = converted.extract()
    start, end = converted.html_span(measure)
    assert measure.evidence.text.startswith("banned\xa0imports of Russian")
    assert std_html.unescape(page[start:end]) == measure.evidence.text


def test_evidence_across_inline_markup_maps_to_the_marked_up_words():
    page = "<p>Canada <b>froze</b> the <a href='/x'>assets</a> of nine Belarusian officials.</p>"
    converted = html_to_text(page)
    [measure] = converted.extract()
    start, end = converted.html_span(measure)
    assert re.sub(r"<[^>]*>", "", page[start:end]) == measure.evidence.text


def test_extract_html_passes_published_and_source():
    [measure] = extract_html(
        f"<p>{VODKA}</p>", published="2022-03-15", source="https://example.org/vodka"
    )
    assert (measure.type.value, measure.source) == ("import_ban", "https://example.org/vodka")


def test_extract_html_uses_the_given_extractor():
    with pytest.raises(ValueError, match="max_chars"):
        extract_html(f"<p>{VODKA}</p>", extractor=Extractor(max_chars=10))


def test_html_span_takes_an_evidence_and_checks_it():
    converted = html_to_text(f"<p>{FREEZE}</p>")
    assert converted.html_span(Evidence(text="Canada", start=0, end=6)) == (3, 9)
    with pytest.raises(ValueError, match="not at"):
        converted.html_span(Evidence(text="Russia", start=0, end=6))


def test_empty_spans_map_to_points():
    converted = html_to_text("<p>ab</p><p>cd</p>")
    assert converted.text == "ab\n\ncd"
    assert converted.to_html_span(0, 0) == (3, 3)
    assert converted.to_html_span(1, 1) == (4, 4)
    assert converted.to_html_span(6, 6) == (14, 14)
    assert html_to_text("").to_html_span(0, 0) == (0, 0)


def test_a_separator_maps_to_the_markup_it_stands_for():
    page = "<p>ab</p><p>cd</p>"
    converted = html_to_text(page)
    start, end = converted.to_html_span(2, 4)
    assert page[start:end] == "</p><p>"


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (2, 1), (0, 100)])
def test_spans_outside_the_text_are_refused(start, end):
    with pytest.raises(ValueError, match="not within the text"):
        html_to_text("<p>abc</p>").to_html_span(start, end)


def test_span_bounds_must_be_ints():
    with pytest.raises(TypeError, match="int"):
        html_to_text("<p>abc</p>").to_html_span(0, 1.5)


def test_repr_gives_sizes():
    assert repr(html_to_text("<p>abc</p>")) == "<HtmlText: 3 characters from 10 of HTML>"


# --- properties ---------------------------------------------------------------------------------

WORDS = st.text(
    st.characters(codec="utf-8", exclude_characters="\t\n\f\r "), min_size=1, max_size=8
)
TAGS = st.sampled_from(["", "<b>", "</b>", "<i class='x'>", "<br>", "</p><p>", "<!-- c -->"])


@given(st.text())
def test_any_string_converts_and_every_span_maps_inside_the_page(page):
    converted = html_to_text(page)
    size = len(converted.text)
    for start in range(0, size + 1, max(1, size // 7)):
        for end in range(start, size + 1, max(1, size // 5)):
            html_start, html_end = converted.to_html_span(start, end)
            assert 0 <= html_start <= html_end <= len(page)


@given(st.lists(WORDS, min_size=1, max_size=12), st.data())
def test_escaped_text_round_trips_through_the_map(words, data):
    text = " ".join(words)
    page = f"<p>{std_html.escape(text)}</p>"
    converted = html_to_text(page)
    assert converted.text == text
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    html_start, html_end = converted.to_html_span(start, end)
    assert std_html.unescape(page[html_start:html_end]) == text[start:end]


@given(st.lists(st.tuples(WORDS, TAGS), min_size=1, max_size=12), st.data())
def test_a_span_inside_one_run_of_text_maps_to_the_same_characters(pieces, data):
    # Words without "&" or "<" are copied as they are: the map gives the very same characters.
    pieces = [(re.sub("[&<]", "x", word), tag) for word, tag in pieces]
    page = "".join(f"{word} {tag}" for word, tag in pieces)
    converted = html_to_text(page)
    word, _ = data.draw(st.sampled_from(pieces))
    start = converted.text.find(word)
    assert start >= 0
    html_start, html_end = converted.to_html_span(start, start + len(word))
    assert page[html_start:html_end] == word


@given(st.text(max_size=300))
def test_conversion_is_deterministic(page):
    first, second = html_to_text(page), html_to_text(page)
    assert first.text == second.text
    assert isinstance(first, HtmlText)
    if first.text:
        assert first.to_html_span(0, len(first.text)) == second.to_html_span(0, len(first.text))


def test_extracted_measures_are_measures():
    assert all(isinstance(m, Measure) for m in extract_html(f"<p>{FREEZE}</p>"))
