"""The shortcuts taken for speed give what the plain code gives (speed itself is not tested)."""

from hypothesis import given
from hypothesis import strategies as st

from sanctions.extraction.normalize import _SPACE_RUN, _squeeze_spaces

_spacey = st.text(alphabet=st.sampled_from("ab \t\u00a0\n"), max_size=40) | st.text(max_size=40)


@given(_spacey)
def test_squeezing_skips_exactly_the_texts_without_a_space_run(text: str) -> None:
    squeezed, positions = _squeeze_spaces(text)
    assert (positions is None) == (_SPACE_RUN.search(text) is None)
    assert squeezed == (text if positions is None else _SPACE_RUN.sub(" ", text))
