"""The literal clauses that spare regex searches never hide a match (sanctions._literals)."""

import dataclasses
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions import Extractor
from sanctions._literals import WORD_START, folds_to_ascii, required, starts
from sanctions.extraction.normalize import _lower
from sanctions.rules import RuleSet


@cache
def _vocabulary() -> list[str]:
    rules = RuleSet.default()
    words = set(rules.anchors)
    for rule in rules.rules:
        for clause in required(rule.regex):
            words.update(w.lstrip(WORD_START) for w in clause)
    return sorted(words)


def _holds(
    text: str, start: int, end: int, clause: frozenset[str], fold: bool, at_start: bool = False
) -> bool:
    """Whether a string of ``clause`` lies in ``text[start:end]`` (or starts at ``start``)."""
    seen = _lower(text) if fold else text
    for word in clause:
        body = word.lstrip(WORD_START)
        if at_start:
            position = start if seen.startswith(body, start) else -1
            end = start + 1
        else:
            position = seen.find(body, start, end)
        while position != -1:
            if (
                not word.startswith(WORD_START)
                or position == 0
                or not re.match(r"\w", text[position - 1])
            ):
                return True
            position = seen.find(body, position + 1, end)
    return False


_filler = st.sampled_from(["the", "on", "of", "Russia", "U.S.", "new", "all", ",", "$5", "’s"])
_texts = st.lists(
    st.sampled_from(_vocabulary()).map(lambda w: w.upper() if len(w) % 3 == 0 else w)
    | _filler
    | st.text(max_size=6),
    max_size=30,
).map(" ".join)


@given(text=_texts, index=st.integers(0, len(RuleSet.default().rules) - 1))
def test_every_rule_match_holds_a_string_of_each_clause(text: str, index: int) -> None:
    rule = RuleSet.default().rules[index]
    if folds_to_ascii(_lower(text)):
        return  # the extractor runs every rule on such a text
    for match in rule.regex.finditer(text):
        for clause in required(rule.regex):
            assert _holds(text, match.start(), match.end(), clause, fold=True), (rule.name, clause)


@given(text=_texts, index=st.integers(0, len(RuleSet.default().rules) - 1))
def test_every_rule_match_starts_with_one_of_its_starts(text: str, index: int) -> None:
    rule = RuleSet.default().rules[index]
    first = starts(rule.regex)
    if first is None or folds_to_ascii(_lower(text)):
        return
    for match in rule.regex.finditer(text):
        assert _holds(text, match.start(), match.start() + 1, first, fold=True, at_start=True)


@given(text=_texts)
def test_every_anaphor_match_holds_its_words(text: str) -> None:
    for anaphor in RuleSet.default().cues.anaphors:
        for match in anaphor.regex.finditer(text):
            for clause in required(anaphor.regex):
                assert _holds(text, match.start(), match.end(), clause, fold=False)


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"imports?\s+(?:bans?|curbs?)", re.I, [{"ban", "curb"}, {"import"}]),
        (r"\bfroze\b", re.I, [{WORD_START + "froze"}]),
        (r"(?:a|b)c+", 0, [{"a", "b"}, {"c"}]),
        (r"(?:a|b)c", 0, [{"ac", "bc"}]),
        (r"x\w*y", 0, [{"x"}, {"y"}]),
        (r"(?:ab|\w+)", 0, []),
        (r"The", re.I, [{"the"}]),
        (r"Ä", re.I, []),  # not ASCII: no clause for a case-insensitive pattern
        (r"Ä", 0, [{"Ä"}]),
    ],
)
def test_required_clauses(pattern: str, flags: int, expected: list[set[str]]) -> None:
    assert sorted(map(sorted, required(re.compile(pattern, flags)))) == sorted(
        map(sorted, expected)
    )


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:bans?|bars?)\s+on", {WORD_START + "ban", WORD_START + "bar"}),
        (r"(?:imports?|exports?)\w*", {"import", "export"}),
        (r"(?:the\s+)?ban", None),  # may start with "ban" or "the"... but "the" is optional
        (r"\w+ban", None),
        (r"ab", None),  # shorter than min_length
    ],
)
def test_starts(pattern: str, expected: set[str] | None) -> None:
    assert starts(re.compile(pattern, re.I), min_length=3) == expected


def test_characters_that_fold_to_ascii() -> None:
    assert not folds_to_ascii("Sanctions on Moscow’s “banks”, café")
    assert folds_to_ascii("ſanctions")  # long s
    assert folds_to_ascii("İran")  # dotted capital I


@cache
def _without_prefilter() -> Extractor:
    extractor = Extractor()
    prefilter = extractor._prefilter
    extractor._prefilter = dataclasses.replace(
        prefilter,
        needs=tuple(() for _ in prefilter.needs),
        anaphor_needs=tuple(() for _ in prefilter.anaphor_needs),
        starts=tuple(None for _ in prefilter.starts),
    )
    return extractor


_sentences = st.lists(_texts.map(lambda s: s[:1].upper() + s[1:] + "."), max_size=4).map(" ".join)


@settings(deadline=None)  # the first example builds both extractors
@given(text=_sentences | st.text(max_size=200))
def test_the_prefilter_changes_no_measure(text: str) -> None:
    assert _with_prefilter().extract(text) == _without_prefilter().extract(text)


@cache
def _with_prefilter() -> Extractor:
    return Extractor()
