"""Stage 6, second half: the issuer constructions of ``data/roles.yaml``.

`_issuers` tries each construction by weight and keeps the first that names an issuer: an
owner right before the trigger ("U.S. sanctions"), a source ("sanctions from Ottawa"), the
owner of a package, a place, a holder of assets, an owner inside the measure's words, the
owner of a plan, the nearest subject before the trigger (with those it adopts, follows or
joins), a by-agent after it, a speaker, and last the subject of the sentence before the
trigger's clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..constructions import load_constructions
from ..vocabulary import MEASURE_TYPES
from .clues import (
    _ADJACENT,
    _SUBJECT,
    _before,
    _from_issuer,
    _head_after,
    _is_reason,
    _may_issue,
    _names_target,
    _own_people,
    _owner_form,
    _relative_subject,
    _speaker,
)
from .mentions import _Actor, _coordinated
from .scope import _Scope

_OWNER_BEFORE = re.compile(r"(?:\b(?:its|their|his|her|our)|'s|’s)\s+$", re.IGNORECASE)
_ADOPTS = re.compile(
    r"\b(?:adopt\w*|join\w*|align\w*\s+(?:itself\s+)?with|mirror\w*|match\w*|cop(?:y|ied|ies)|"
    r"implement\w*|appl(?:y|ied|ies)|transpos\w*)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"\bpart\s+of\s+(?:(?:the|its|their|a|an)\s+)?$", re.IGNORECASE)
_ENTRY_PLACE = re.compile(
    r"\b(?:entry\s+(?:to|into)|entering|enter|travel\w*\s+to|into|landing\s+in|visiting)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_PLACE_HEAD = re.compile(
    r"(?:'s|’s)?\s+(?:airspace|skies|airports|ports|territory|territorial\s+waters|waters|soil)\b",
    re.IGNORECASE,
)
_HELD_IN = re.compile(
    r"\b(?:assets|reserves|funds|property|properties|holdings|accounts|money|wealth)\s+"
    r"(?:(?:held|frozen|parked|kept|located|stored|sitting)\s+)?in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLAN_OF = re.compile(
    r"(?:'s|’s)?\s+(?:(?:administration|government)(?:'s|’s)?\s+)?(?:[\w-]+\s+){0,1}?"
    r"(?:plans?|proposals?|decision|bid|push|threats?|move|efforts?|drive|campaign)\s+to\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"\b(?:follow\w*|join\w*|along\s+with|like|as\s+did|together\s+with|in\s+step\s+with|with)\s+$"
)
_JOINING = re.compile(
    r"\b(?:join\w*|along\s+with|together\s+with|in\s+step\s+with|alongside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FOLLOWED = re.compile(
    r"(?:'s|’s)?\s+(?:\w+\s+){0,2}?(?:has\s+|have\s+|had\s+)?(?:follow\w*|join\w*)\s+(?:the\s+)?(?:lead\s+of\s+)?",
    re.IGNORECASE,
)
_PASSIVE_CLAUSE = re.compile(
    # "talks are frozen", but not "is prepared to impose": that subject acts
    r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+\s+){0,2}?\w+(?:ed|en)\b(?!\s+to\b)",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(r"\s(?:before|until|unless|once|because)\s$", re.IGNORECASE)


def _issuers(s: _Scope, targets: list[_Actor], used: set[int]) -> tuple[list[_Actor], list[_Actor]]:
    """The issuer mentions of a trigger, and its targets (two constructions settle both).

    ``used`` holds the ids of the mentions already taken as targets; a target found here is
    added to it. The constructions of ``data/roles.yaml`` are tried by weight, highest first,
    and the first that finds an issuer wins.
    """
    info = MEASURE_TYPES[s.trigger.rule.type]
    for row in load_constructions().issuer:
        if not row.applies(s.trigger.rule.form, info):
            continue
        issuers, found_targets = _ISSUER_READERS[row.name](s, used, targets)
        if found_targets is not targets:
            used |= {id(a) for a in found_targets}
            targets = found_targets
        if issuers:
            return issuers, targets
    return [], targets


def _issuer_adjacent(s: _Scope, used: set[int]) -> list[_Actor]:
    """A mention right before the trigger names its owner ("the UN blacklist", "U.S. sanctions")."""
    text, trigger, cues, floor = s.text, s.trigger, s.cues, s.floor
    adjacent = [
        (i, a) for i, a in s.before
        if id(a) not in used and _ADJACENT.match(text, a.end, trigger.start)
        and not _names_target(text, a, cues)
        and (_owner_form(a) or not _is_reason(text, a, floor, cues))
    ]  # fmt: skip
    if not adjacent:
        return []
    issuers = _coordinated(text, s.actors, adjacent[-1][0], -1)
    owner = min(issuers, key=lambda a: a.start)
    if _ADOPTS.search(text, s.clause_start, owner.start):
        # "Switzerland adopted the EU's latest sanctions": both impose them.
        issuers += _before_issuers(s, used, owner.start)
    return issuers


def _before_issuers(s: _Scope, used: set[int], start: int) -> list[_Actor]:
    """The nearest mention of the clause before ``start`` that may issue, with its list."""
    candidates = [
        i
        for i, a in s.before
        if a.end <= start and _may_issue(s.text, a, used, s.floor, start, s.cues)
    ]
    return _coordinated(s.text, s.actors, candidates[-1], -1) if candidates else []


def _issuer_source(
    s: _Scope, used: set[int], targets: list[_Actor]
) -> tuple[list[_Actor], list[_Actor]]:
    """A source after a general measure issues it; the party before it is the target.

    "Caracas could face sanctions from Ottawa": Ottawa issues, Caracas is the target.
    """
    text, floor = s.text, s.floor
    source = next(((i, a) for i, a in s.after if _from_issuer(text, s.trigger, a)), None)
    if source is None:
        return [], targets
    issuers = _coordinated(text, s.actors, source[0], +1)
    if not targets:
        faced = [i for i, a in s.before if not _is_reason(text, a, floor, s.cues)]
        if faced:
            targets = _coordinated(text, s.actors, faced[-1], -1)
    return issuers, targets


def _issuer_relative(s: _Scope, used: set[int]) -> list[_Actor]:
    """The subject of a relative clause on the measure: "the sanctions [the bloc] imposed"."""
    if not s.noun:
        return []
    for i, actor in s.after:
        if id(actor) not in used and _relative_subject(s.text, s.trigger.end, actor):
            return _coordinated(s.text, s.actors, i, +1)
    return []


def _issuer_own_people(s: _Scope, used: set[int]) -> list[_Actor]:
    """The state whose own people are forbidden to deal ("Chinese firms may not ...")."""
    bound = [i for i, a in s.before if id(a) not in used and _own_people(s.text, a)]
    return _coordinated(s.text, s.actors, bound[-1], -1) if bound else []


def _issuer_part_of(s: _Scope, used: set[int]) -> list[_Actor]:
    """The owner of the package a measure is part of.

    "the curbs would be part of the bloc's answer".
    """
    text, cues = s.text, s.cues
    part = next(
        (
            (i, a) for i, a in s.after
            if id(a) not in used and _PART_OF.search(_before(text, a, s.floor))
            and cues.issuer_heads.match(_head_after(text, a))
        ),
        None,
    )  # fmt: skip
    return [part[1]] if part is not None else []


def _issuer_place(s: _Scope, used: set[int]) -> list[_Actor]:
    """The place of an entry or airspace ban is the issuer's, whoever else the sentence names.

    "refused entry to the United States", "barred from U.S. airspace".
    """
    text, trigger = s.text, s.trigger
    place = next(
        (
            (i, a) for i, a in s.after
            if id(a) not in used and a.start - trigger.end <= 50
            and (_ENTRY_PLACE.search(_before(text, a, s.floor))
                 or _PLACE_HEAD.match(text, _coordinated(text, s.actors, i, +1)[-1].end))
        ),
        None,
    )  # fmt: skip
    if place is None:
        return []
    # "Saudi, Emirati and Egyptian airspace": every owner of the place
    return [a for a in _coordinated(text, s.actors, place[0], +1) if id(a) not in used]


def _issuer_holder(s: _Scope, used: set[int]) -> list[_Actor]:
    """Where frozen assets are held freezes them: "the seizure of Russian assets in Europe"."""
    text, trigger = s.text, s.trigger
    holder = next(
        (
            a for i, a in s.after
            if id(a) not in used and a.start - trigger.end <= 40
            and _HELD_IN.search(text, max(trigger.start, a.start - 40), a.start)
        ),
        None,
    )  # fmt: skip
    return [holder] if holder is not None else []


def _issuer_inside(
    s: _Scope, used: set[int], targets: list[_Actor]
) -> tuple[list[_Actor], list[_Actor]]:
    """An owner inside the measure's own words, and the states an owner's "its" lists there.

    "a freeze of the EU accession process", "a halt to U.S. aid"; in "its Belarus sanctions
    list" Belarus is listed, not an owner.
    """
    text, trigger = s.text, s.trigger
    inside = [
        a
        for _, a in s.after
        if a.start < trigger.end and id(a) not in used
        and s.cues.issuer_heads.match(_head_after(text, a))
    ]  # fmt: skip
    listed = [
        a for a in inside if _OWNER_BEFORE.search(text, max(trigger.start, a.start - 8), a.start)
    ]
    issuers = [a for a in inside if a not in listed][:1]
    if not issuers and listed and not targets:
        # "added 28 people to its Belarus sanctions list": the state between the owner's
        # "its" and the measure is what the list is aimed at
        return [], listed[:1]
    return issuers, targets


def _issuer_planner(s: _Scope, used: set[int]) -> list[_Actor]:
    """The owner of a plan or decision to act.

    "the Canadian plan to ban Iranian steel", "against the White House's plan
    to put tariffs on ...".
    """
    planners = [
        i for i, a in s.before
        if id(a) not in used and _PLAN_OF.match(s.text, a.end, s.trigger.start)
    ]  # fmt: skip
    return _coordinated(s.text, s.actors, planners[-1], -1) if planners else []


def _issuer_subject(s: _Scope, used: set[int]) -> list[_Actor]:
    """The nearest mention before the trigger that may issue it, with those it goes with.

    A mention that stands as a subject ("OFAC put ...") is preferred to a nearer one; an owner
    of a decision ("Trump's decision to hike duties") is nearer than any subject.
    """
    text, cues = s.text, s.cues
    candidates = [
        (i, a) for i, a in reversed(s.before)
        if _may_issue(text, a, used, s.floor, s.trigger.start, cues)
    ]  # fmt: skip
    chosen = next(
        (
            (i, a) for i, a in candidates
            if _SUBJECT.match(text, a.end)
            or (a.possessive and cues.issuer_heads.match(_head_after(text, a)))
        ),
        None,
    )  # fmt: skip
    if chosen is None and candidates:
        chosen = candidates[0]
    if chosen is None:
        return []
    issuers = _coordinated(text, s.actors, chosen[0], -1)
    return _with_companions(s, used, issuers)


def _with_companions(s: _Scope, used: set[int], issuers: list[_Actor]) -> list[_Actor]:
    """``issuers`` with the parties they adopt from, follow, join or are followed by."""
    text, clause_start = s.text, s.clause_start
    first = min(issuers, key=lambda a: a.start)
    if first.possessive and _ADOPTS.search(text, clause_start, first.start):
        # "Switzerland adopted the European Union's latest package, adding ...": both.
        issuers += _before_issuers(s, used, first.start)
    if _FOLLOW.search(text, clause_start, first.start):
        issuers += _before_issuers(s, used, first.start)
    joined = [
        j
        for j, a in s.before
        if a.start > max(i.end for i in issuers)
        and id(a) not in used
        and _JOINING.search(text, max(clause_start, a.start - 20), a.start)
    ]
    if joined:
        # "Canada banned Iranian oil, joining Washington in a round of measures": both
        issuers += _coordinated(text, s.actors, joined[0], +1)
    last = max(issuers, key=lambda a: a.start)
    if _FOLLOWED.match(text, last.end):
        # "Canada has followed Britain and the EU and imposed sanctions": all three.
        followed = [j for j, a in s.before if a.start > last.end and id(a) not in used]
        if followed:
            issuers += _coordinated(text, s.actors, followed[0], +1)
    return issuers


def _issuer_after(s: _Scope, used: set[int]) -> list[_Actor]:
    """A by-agent ("were frozen by Tokyo") or a place or speaker after the trigger."""
    text, cues = s.text, s.cues
    for i, actor in s.after:
        if id(actor) in used:
            continue
        head = _head_after(text, actor)
        before = _before(text, actor, s.floor)
        near = actor.start - s.trigger.end <= 50
        if (
            (near and cues.issuer_preps.search(before))
            or cues.issuer_heads.match(head)
            or _from_issuer(text, s.trigger, actor)
        ):
            # "shut out of SWIFT under British and Canadian sanctions": every owner in the list
            return [a for a in _coordinated(text, s.actors, i, +1) if id(a) not in used]
    return []


def _issuer_speaker(s: _Scope, used: set[int]) -> list[_Actor]:
    """The first speaker after the trigger: "..., the US pledged"."""
    for actor in s.actors:
        if id(actor) in used or actor.start < s.trigger.end:
            continue
        if _speaker(s.text, actor, s.cues, s.floor):
            return _coordinated(s.text, s.actors, s.actors.index(actor), +1)
    return []


def _issuer_clause_subject(s: _Scope, used: set[int]) -> list[_Actor]:
    """The sentence's subject before the clause: "Tokyo has ... and frozen the assets"."""
    text, clause_start, floor = s.text, s.clause_start, s.floor
    for index in reversed([i for i, a in enumerate(s.actors) if a.end <= clause_start]):
        if _PASSIVE_CLAUSE.search(text, clause_start, s.trigger.end):
            break  # "..., but its accession talks are frozen": the subject is the patient
        if (
            _SUBORDINATE.search(text, max(floor, clause_start - 10), clause_start)
            and "," not in text[clause_start : s.trigger.start]
        ):
            break  # "conditions Minsk has to meet before the curbs are eased"
        if _may_issue(text, s.actors[index], used, floor, clause_start, s.cues):
            return _coordinated(text, s.actors, index, -1)
    return []


IssuerReader = Callable[[_Scope, set[int], list[_Actor]], tuple[list[_Actor], list[_Actor]]]


def _alone(read: Callable[[_Scope, set[int]], list[_Actor]]) -> IssuerReader:
    """An issuer reader that leaves the targets as they are."""

    def reader(
        s: _Scope, used: set[int], targets: list[_Actor]
    ) -> tuple[list[_Actor], list[_Actor]]:
        return read(s, used), targets

    return reader


_ISSUER_READERS: dict[str, IssuerReader] = {
    "issuer_adjacent": _alone(_issuer_adjacent),
    "issuer_source": _issuer_source,
    "issuer_relative": _alone(_issuer_relative),
    "issuer_own_people": _alone(_issuer_own_people),
    "issuer_part_of": _alone(_issuer_part_of),
    "issuer_place": _alone(_issuer_place),
    "issuer_holder": _alone(_issuer_holder),
    "issuer_inside": _issuer_inside,
    "issuer_planner": _alone(_issuer_planner),
    "issuer_subject": _alone(_issuer_subject),
    "issuer_after": _alone(_issuer_after),
    "issuer_speaker": _alone(_issuer_speaker),
    "issuer_clause_subject": _alone(_issuer_clause_subject),
}
