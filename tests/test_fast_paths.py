"""The shortcuts taken for speed give what the plain code gives (speed itself is not tested)."""

from hypothesis import given
from hypothesis import strategies as st

from sanctions.extraction.normalize import _SPACE_RUN, _original_span, _squeeze_spaces

_spacey = st.text(alphabet=st.sampled_from("ab \t\u00a0\n"), max_size=40) | st.text(max_size=40)


@given(_spacey)
def test_squeezing_skips_exactly_the_texts_without_a_space_run(text: str) -> None:
    squeezed, positions = _squeeze_spaces(text)
    assert (positions is None) == (_SPACE_RUN.search(text) is None)
    assert squeezed == (text if positions is None else _SPACE_RUN.sub(" ", text))


def _per_character(text: str) -> list[int]:
    """The offset in ``text`` of each character of the squeezed text, plus one past the end.

    The map as it was first written, one entry per character: the definition the map by runs
    must agree with.
    """
    positions: list[int] = []
    last = 0
    for match in _SPACE_RUN.finditer(text):
        positions.extend(range(last, match.start()))
        positions.append(match.start())
        last = match.end()
    positions.extend(range(last, len(text)))
    positions.append(len(text))
    return positions


@given(
    _spacey | st.lists(st.sampled_from(["ab", " ", "  ", "\t", "\u00a0", "\n", "é"])).map("".join)
)
def test_the_offset_map_by_runs_agrees_with_the_map_by_characters(text: str) -> None:
    squeezed, offsets = _squeeze_spaces(text)
    if offsets is None:
        return
    expected = _per_character(text)
    assert len(expected) == len(squeezed) + 1
    assert [offsets[i] for i in range(len(squeezed) + 1)] == expected


@given(_spacey, st.data())
def test_a_squeezed_span_maps_back_to_the_same_words(text: str, data: st.DataObject) -> None:
    squeezed, offsets = _squeeze_spaces(text)
    if offsets is None:
        return
    start = data.draw(st.integers(0, len(squeezed)))
    end = data.draw(st.integers(start, len(squeezed)))
    first, last = _original_span(offsets, start, end)
    assert _SPACE_RUN.sub(" ", text[first:last]) == squeezed[start:end]
