"""Stage 1: sentence and clause spans, the word windows the cue stages read, and dates.

Sentences (`_sentence_spans`) and the dates they name (`resolve_date`) come from
`sanctions.text`; this module adds the clause a position lies in (`_clause_start`,
`_clause_end`: a clause ends at ";", a dash, "but", ", which" ...) and the first or last
words of a fragment.
"""

from __future__ import annotations

import re

from ..text import resolve_date as resolve_date  # re-exported: the dates stage
from ..text import sentences

_WORD = re.compile(r"[\w'’.-]+")
_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[—–]\s|\s-\s|\((?=[^)]*$)|,\s+(?:while|whereas|but|although|though|however|"
    r"meanwhile|which|who|and\s+(?=it|they|he|she|the\s+\w+\s+(?:said|says)))\s|"
    r"\s(?:but|while|whereas|before|until|unless|once|because)\s"
)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentence spans of ``text``, each at most `sanctions.text.MAX_SENTENCE` long.

    (Not re-exported as ``sentences``: in the package that name is this module.)
    """
    return sentences(text)


def _clause_start(text: str, sent_start: int, position: int) -> int:
    last = sent_start
    for match in _CLAUSE_BREAK.finditer(text, sent_start, position):
        last = match.end()
    return last


def _clause_end(text: str, position: int, sent_end: int) -> int:
    match = _CLAUSE_BREAK.search(text, position, sent_end)
    return match.start() if match else sent_end


def _last_words(fragment: str, count: int) -> str:
    words = list(_WORD.finditer(fragment))
    if len(words) <= count:
        return fragment
    return fragment[words[-count].start() :]


def _first_words(fragment: str, count: int) -> str:
    words = list(_WORD.finditer(fragment))
    if len(words) <= count:
        return fragment
    return fragment[: words[count - 1].end()]
