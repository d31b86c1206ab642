from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions import Extractor
from sanctions.rules import RuleSet
from sanctions.scan import AhoCorasickScanner, RegexScanner, make_scanner

pytest.importorskip("ahocorasick")

_EXAMPLES = Path(__file__).parent.parent / "examples" / "articles"

# Short alphabets make anchors overlap and nest ("ab", "aba", "bab"); the second pair draws
# from all of Unicode, lower-cased as the extractor does.
_small_anchors = st.lists(st.text(alphabet="ab ", min_size=1, max_size=4), max_size=8)
_small_text = st.text(alphabet="abc ", max_size=80)
_any_anchors = st.lists(st.text(min_size=1, max_size=6).map(str.lower), max_size=10)


@given(anchors=_small_anchors, text=_small_text)
def test_scanners_agree_on_overlapping_anchors(anchors: list[str], text: str) -> None:
    assert AhoCorasickScanner(anchors).find(text) == RegexScanner(anchors).find(text)


@given(anchors=_any_anchors, text=st.text(max_size=200), data=st.data())
def test_scanners_agree_on_any_text(anchors: list[str], text: str, data: st.DataObject) -> None:
    # Plant some anchors in the text so that there is something to find.
    if anchors:
        for _ in range(data.draw(st.integers(0, 3))):
            position = data.draw(st.integers(0, len(text)))
            text = text[:position] + data.draw(st.sampled_from(anchors)) + text[position:]
    text = text.lower()
    assert AhoCorasickScanner(anchors).find(text) == RegexScanner(anchors).find(text)


@given(text=st.text(max_size=300))
def test_scanners_agree_on_the_package_anchors(text: str) -> None:
    anchors = RuleSet.default().anchors
    text = "sanctions on " + text.lower() + " froze the assets"
    assert AhoCorasickScanner(anchors).find(text) == RegexScanner(anchors).find(text)


def test_every_occurrence_is_found_in_order() -> None:
    scanner = RegexScanner(["ban", "banned", "anne"])
    assert scanner.find("banned bans") == [(0, "banned"), (0, "ban"), (1, "anne"), (7, "ban")]


def test_make_scanner_prefers_the_compiled_scanner() -> None:
    assert isinstance(make_scanner(["ban"]), AhoCorasickScanner)
    assert isinstance(make_scanner(["ban"], prefer_compiled=False), RegexScanner)


_ARTICLES = [
    "Canada froze the assets of nine Belarusian officials on Monday. The finance ministry said "
    "more names would follow. Minsk called the move hostile and said it would respond.",
    "Britain banned imports of Russian vodka and caviar from March, and the European Union "
    "agreed a ban on exports of luxury goods to Russia. Shares in a London brewer rose 2 "
    "percent after it reported higher profit.",
    "Canada revoked the most-favoured-nation standing of Belarus and suspended talks on a "
    "peace treaty. Moscow expelled two Japanese diplomats in retaliation on Friday.",
    "The report, published on Tuesday, found that support for the airport expansion had "
    "grown. The central bank left rates unchanged.",
]


@pytest.mark.parametrize(
    "text",
    _ARTICLES + [path.read_text(encoding="utf-8") for path in sorted(_EXAMPLES.glob("*.txt"))],
)
def test_extractor_without_compiled_scanner_gives_the_same_measures(text: str) -> None:
    compiled = Extractor().extract(text, published="2024-03-04")
    pure = Extractor(compiled_scanner=False).extract(text, published="2024-03-04")
    assert pure == compiled


# Anchors count only at the start of a word, so a rule that must fire inside a longer word
# ("PNTR", "reinsurance") lists that word's start as an anchor of its own.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Congress voted to revoke PNTR for Russia.", "mfn_revocation"),
        ("The EU banned reinsurance of Russian oil tankers.", "services_ban"),
    ],
)
def test_rules_fire_where_their_anchor_is_inside_a_word(text: str, kind: str) -> None:
    assert [m.type.value for m in Extractor().extract(text)] == [kind]
