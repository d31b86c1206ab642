"""Stage 2: the anchor scan, and which rules may fire in which sentence.

One pass of a `sanctions.scan.Scanner` over the lower-cased text finds the rules' anchors
("sanction", "freez", ...) and the other literal strings their regexes need (see
`sanctions._literals`). A text without an anchor costs little more than that pass; a rule
whose other words are missing from a sentence runs no regex search there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from .._literals import WORD_START, folds_to_ascii, required, starts
from ..rules import RuleSet
from ..scan import Scanner, make_scanner

#: For each rule, clauses of lower-case strings every match holds one of.
Needs = tuple[tuple[frozenset[str], ...], ...]

# Words too common to be worth a scan hit each: a clause or start set with one is not used.
_COMMON_WORDS = frozenset([
    "all", "and", "any", "are", "but", "for", "from", "had", "has", "have", "her", "him", "his",
    "its", "new", "not", "off", "one", "out", "the", "them", "they", "this", "was", "were",
    "will", "with",
    # short strings inside many words ("ice" in "price", "office", "police") or common verbs
    "ice", "may", "can", "open", "ask", "told", "give", "gave", "hours", "days", "return",
    "brought", "put", "set", "accord", "agreement", "ministry", "agency", "police", "company",
    "central", "use", "over", "visit", "visitors", "residents", "country", "cross", "tak",
    "reopen",
])  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Prefilter:
    """The literal strings of a rule set, compiled once into one scanner."""

    #: Every anchor of the rules.
    anchors: frozenset[str]
    #: For each rule, clauses of strings every match holds one of (empty: no test).
    needs: Needs
    #: For each rule, the strings every match starts with, or None.
    starts: tuple[frozenset[str] | None, ...]
    #: For each anaphor row, the clauses of case-sensitive words every match holds.
    anaphor_needs: Needs
    scanner: Scanner

    @classmethod
    def build(cls, rules: RuleSet, compiled_scanner: bool = True) -> _Prefilter:
        """The prefilter of ``rules``, with the compiled scanner when one is installed."""
        # A rule also needs other words than its anchor ("froze" and "assets"): for each rule,
        # clauses of lower-case strings every match holds one of (see `sanctions._literals`).
        # They are scanned for in the same pass as the anchors, so a sentence where a rule's
        # anchor wakes it but its other words are missing costs no regex search.
        # Clauses with a word found in most sentences ("from", "new") would only cost scan hits.
        needs = tuple(
            tuple(c for c in required(rule.regex, min_length=3) if not _common(c))
            if rule.regex.flags & re.IGNORECASE
            else ()
            for rule in rules.rules
        )
        # And where every match starts with one of a few words, the regex is only tried there.
        firsts = tuple(
            first
            if rule.regex.flags & re.IGNORECASE
            and (first := starts(rule.regex, min_length=3)) is not None
            and not _common(first)
            else None
            for rule in rules.rules
        )
        anchors = frozenset(rules.anchors)
        words = {w.lstrip(WORD_START) for clauses in needs for c in clauses for w in c}
        words.update(w.lstrip(WORD_START) for first in firsts if first for w in first)
        scanner = make_scanner(anchors | words, prefer_compiled=compiled_scanner)
        # The anaphor regexes are case-sensitive: their clauses are looked up in the text.
        anaphor_needs = tuple(
            tuple(
                frozenset(word.lstrip(WORD_START) for word in clause)
                for clause in required(anaphor.regex, min_length=2)
            )
            for anaphor in rules.cues.anaphors
        )
        return cls(anchors, needs, firsts, anaphor_needs, scanner)


@dataclass(frozen=True, slots=True)
class _Woken:
    """What the scan of one text found: the anchors that wake rules, and the other strings."""

    #: (start, anchor) of each anchor that starts a word and wakes a rule that can run.
    hits: list[tuple[int, str]]
    #: Every scanned string by start, and again marked where it starts a word (see `_words`).
    words: list[tuple[int, str]]
    #: The rules' clauses, or None where the text folds to ASCII and every woken rule runs.
    needs: Needs | None


def _wake(prefilter: _Prefilter, rules: RuleSet, text: str, lower: str) -> _Woken | None:
    """The anchors of ``text`` (``lower`` is `_lower` of it), or None if no rule can run."""
    scanned = prefilter.scanner.find(lower)
    anchors = prefilter.anchors
    # Anchors start words: "port" in "report" or "sale" in "wholesale" enables nothing.
    hits = [
        (position, key)
        for position, key in scanned
        if key in anchors and (position == 0 or not lower[position - 1].isalnum())
    ]
    if not hits:
        return None
    needs: Needs | None = prefilter.needs
    words: list[tuple[int, str]] = []
    if folds_to_ascii(lower):
        needs = None  # the long s matches (?i)s but stays itself: run every woken rule
    else:
        words = _words(text, scanned)
        # The whole text first: a rule whose other words the text lacks runs nowhere.
        present = {word for _, word in words}
        by_anchor = rules.anchors
        woken = {index for _, anchor in hits for index in by_anchor[anchor]}
        runnable = {index for index in woken if _satisfied(prefilter.needs[index], present)}
        if not runnable:
            return None
        # An anchor whose rules can run nowhere in the text need not mark its sentence.
        hits = [hit for hit in hits if not runnable.isdisjoint(by_anchor[hit[1]])]
    return _Woken(hits, words, needs)


def _anaphors_possible(prefilter: _Prefilter, text: str) -> set[int]:
    """The indexes of the anaphor rows that may match in ``text``.

    "the bloc" cannot occur in a text without "bloc": the regex need not run there.
    """
    return {
        index
        for index, clauses in enumerate(prefilter.anaphor_needs)
        if all(any(word in text for word in clause) for clause in clauses)
    }


def _rules_by_sentence(
    hits: list[tuple[int, str]],
    spans: list[tuple[int, int]],
    rules: RuleSet,
    words: list[tuple[int, str]] | None = None,
    needs: Needs | None = None,
) -> dict[int, set[int]]:
    """For each sentence that holds an anchor, the indexes of the rules its anchors enable.

    With ``words`` (every scanned string by start, see `_words`) and ``needs`` (each rule's
    clauses, see `sanctions._literals.required`), a rule is kept only where the sentence also
    holds a string of each of its clauses: elsewhere its regex cannot match.
    """
    out: dict[int, set[int]] = {}
    index = 0
    for position, anchor in hits:
        while index < len(spans) and spans[index][1] <= position:
            index += 1
        if index == len(spans):
            break
        if position >= spans[index][0]:
            out.setdefault(index, set()).update(rules.anchors[anchor])
    if words is None or needs is None or not out:
        return out
    starts = [position for position, _ in words]
    kept: dict[int, set[int]] = {}
    for index, rule_ids in out.items():
        start, end = spans[index]
        present = {word for _, word in words[bisect_left(starts, start) : bisect_left(starts, end)]}
        runnable = {i for i in rule_ids if _satisfied(needs[i], present)}
        if runnable:
            kept[index] = runnable
    return kept


def _common(strings: Iterable[str]) -> bool:
    return any(s.lstrip(WORD_START) in _COMMON_WORDS for s in strings)


def _words(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    r"""Each scanned string by start, and again marked with `WORD_START` where it starts a word.

    A string starts a word where ``\b`` before it would match: the character before it is
    not a word character (the string itself starts with one, or it would not be marked).
    """
    words = []
    for position, key in found:
        words.append((position, key))
        if position == 0 or not ((before := text[position - 1]).isalnum() or before == "_"):
            words.append((position, WORD_START + key))
    return words


def _satisfied(clauses: tuple[frozenset[str], ...], present: set[str]) -> bool:
    """Whether ``present`` holds a string of each clause."""
    return all(not clause.isdisjoint(present) for clause in clauses)
