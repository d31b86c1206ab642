"""Stage 3: run the trigger rules in the sentences the prefilter marked; settle overlaps.

A trigger is a match of one rule of ``data/patterns.yaml`` ("froze the assets", "sanctions").
Where matches overlap, the higher weight wins, then the longer match; never rule order. Two
matches of different types that share their verb and join their objects with "and" are both
kept ("severed diplomatic and trade relations").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..rules import Rule, RuleSet
from .prefilter import Needs


@dataclass(frozen=True, slots=True)
class _Trigger:
    rule: Rule
    start: int
    end: int


def _sentence_triggers(
    text: str,
    spans: list[tuple[int, int]],
    rules_by_sentence: dict[int, set[int]],
    rules: RuleSet,
    words: list[tuple[int, str]],
    needs: Needs | None,
    firsts: tuple[frozenset[str] | None, ...],
) -> dict[int, list[_Trigger]]:
    """For each sentence with a match, its triggers (see `_triggers`).

    ``words`` and ``needs`` are those of `prefilter._Woken`; ``firsts`` those of
    `prefilter._Prefilter.starts`. Without ``needs`` every woken rule runs on the whole span.
    """
    if needs is None:
        return {
            index: found
            for index, rule_ids in rules_by_sentence.items()
            if (found := _triggers(text, spans[index], rule_ids, rules))
        }
    positions = [position for position, _ in words]
    triggers = {}
    for index, rule_ids in rules_by_sentence.items():
        start, end = spans[index]
        inside = words[bisect_left(positions, start) : bisect_left(positions, end)]
        matched = _triggers(text, (start, end), rule_ids, rules, inside, firsts)
        if matched:
            triggers[index] = matched
    return triggers


def _triggers(
    text: str,
    span: tuple[int, int],
    rule_ids: set[int],
    rules: RuleSet,
    words: list[tuple[int, str]] | None = None,
    firsts: tuple[frozenset[str] | None, ...] | None = None,
) -> list[_Trigger]:
    """The matches of the rules in ``span``, overlaps settled.

    With ``words`` (the scanned strings that start in the sentence, see `_words`) and
    ``firsts`` (each rule's `sanctions._literals.starts`, or None), a rule whose matches all
    start with one of a few strings is tried only where one of them starts, which finds what
    ``finditer`` finds: the leftmost match, then the leftmost from its end on.
    """
    start, end = span
    found = []
    for i in sorted(rule_ids):
        rule = rules.rules[i]
        first = firsts[i] if firsts is not None else None
        if words is None or first is None:
            found += [
                _Trigger(rule, m.start(), m.end()) for m in rule.regex.finditer(text, start, end)
            ]
            continue
        resume = start
        for position, word in words:
            if position >= end:
                break
            if position < resume or word not in first:
                continue
            match = rule.regex.match(text, position, end)
            if match is not None:
                found.append(_Trigger(rule, match.start(), match.end()))
                resume = match.end()
    # Overlaps: the higher weight wins, then the longer match; never rule order.
    found.sort(key=lambda t: (-t.rule.weight, -(t.end - t.start), t.start, t.rule.name))
    kept: list[_Trigger] = []
    for trigger in found:
        clash = any(
            trigger.start < k.end and k.start < trigger.end
            and (k.rule.type != trigger.rule.type or k.rule.weight >= trigger.rule.weight)
            and not _coordinated_objects(text, k, trigger)
            for k in kept
        )  # fmt: skip
        if not clash:
            kept.append(trigger)
    kept.sort(key=lambda t: t.start)
    return kept


_COORDINATOR = re.compile(r"\sand\s")
_WORD_AT = re.compile(r"[\w'’-]+")


def _coordinated_objects(text: str, one: _Trigger, other: _Trigger) -> bool:
    """Whether two matches of different types are one verb with two objects joined by "and".

    "severed diplomatic and trade relations with X", "reopened its borders and airspace to X":
    both measures are stated, so neither match hides the other.
    """
    if one.rule.type == other.rule.type or one.start != other.start:
        return False
    if one.rule.form != "verb" or other.rule.form != "verb":
        return False
    shared = min(one.end, other.end)
    verb = _WORD_AT.match(text, one.start, shared)  # bounded by the matches, like every window
    after_verb = verb.end() if verb else one.start
    return _COORDINATOR.search(text, after_verb, shared) is not None
