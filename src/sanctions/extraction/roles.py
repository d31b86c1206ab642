"""Stage 6: the issuer and the target of a trigger, from weighted constructions.

`_roles` tries the target constructions, then the issuer constructions (`issuers`), each by
the weights of ``data/roles.yaml``, and takes the first that finds a mention: an object of
"on/against/to", a demonym before a targeted thing ("Russian banks"), a state between an
owner and the measure ("its Russia sanctions"), the one warned or facing; then an owner
right before the trigger, a subject, a by-agent, a place or a speaker. What a sentence
leaves out is filled in later from the document (`discourse`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..actors import AliasKind
from ..constructions import load_constructions
from ..rules import Cues
from ..vocabulary import MEASURE_TYPES
from .clues import (
    _ADJACENT,
    _FACER,
    _OBJECT_OF_VERB,
    _before,
    _from_issuer,
    _head_after,
    _is_reason,
    _names_target,
    _own_people,
    _relative_subject,
    _speaker,
    _unique,
)
from .issuers import _ISSUER_READERS, _OWNER_BEFORE, _issuers
from .mentions import _Actor, _coordinated
from .scope import _Scope
from .triggers import _Trigger

_REASON_ZONE = re.compile(
    r"\b(?:over|after|because\s+of|due\s+to|in\s+response\s+to|in\s+retaliation\s+for|following|"
    r"amid|for\s+(?=\w+ing\b|its\b|their\b|his\b|her\b|the\s+(?:war|invasion|attack|crackdown))|"
    r"since|as(?!\s+(?:well|part|a\s+result|of))|because|if|unless|until|whether)\b",
    re.IGNORECASE,
)
_PARTNER = re.compile(
    r"\b(?:coordinated|in\s+coordination|together|jointly|alongside|in\s+concert|in\s+step|"
    r"in\s+lockstep|in\s+tandem|agreed)\s+with\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BARRED_FROM = re.compile(
    r"(?:-\w+)?(?:\s+\w+)?(?:\s+and\s+[\w.-]+(?:\s+\w+)?)?\s+from\s+(?:doing|dealing|providing|offering|investing|"
    r"covering|trading|working|buying|selling|financing|insuring)\b",
    re.IGNORECASE,
)
_OVER = re.compile(r"\bover\s+(?:the\s+)?$", re.IGNORECASE)
_PREP_PHRASE = re.compile(
    r"\b(?:on|against|to|targeting|from|with|at|bound\s+for|destined\s+for)\s+"
    r"(?:(?!what\b|which\b|who\b|whom\b|whose\b)"
    r"(?:the|its|their|all|some|certain|major|more|several|\d[\d,]*|[a-z]+)\s+){1,3}$"
)
# An object right after a verb-form trigger ("sanctioned Turkey", "expelled two Russian").
_CLOSE_OBJECT = re.compile(r"\s+(?:(?:the|its|their|a|an|\w+)\s+){0,2}$")
_MEMBER_HEAD = re.compile(
    r"(?:'s|’s)?\s+(?:ally|allies|member|members|member\s+states|partner|partners|countries|"
    r"states|nations|capitals|governments)\b",
    re.IGNORECASE,
)
_WARNED = re.compile(r"\b(?:warn\w*|told|tells?|caution\w*)\s+$", re.IGNORECASE)
_THAT_AFTER = re.compile(r"\s+that\b", re.IGNORECASE)
_HAVE_THEIR = re.compile(
    r"\b(?:have|has|had|having)\s+(?:all\s+)?(?:their|its|his|her)\s+$", re.IGNORECASE
)
_FACE_VERB = re.compile(r"\b(?:fac(?:e|es|ed|ing)|risk(?:s|ed|ing)?)\b", re.IGNORECASE)
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
# "hit Russia with sanctions", "subjected Iran to an embargo"; not "urged Canada to take steps",
# where the one urged is to act
_WITH_MEASURE = re.compile(
    r"(?:'s|’s)?\s+(?:with|under|to(?!\s+(?:take|impose|adopt|slap|levy|place|put|introduce|"
    r"consider|approve|apply|announce|agree|join|follow|step\s+up|tighten|expand)\b))"
    r"\s+(?:[\w-]+\s+){0,4}$"
)
_PAST_VERB = re.compile(r"\w+ed\b")
_AIMED_RELATIVE = re.compile(
    r"\s*,?\s+(?:from|against|on|to|into|with)\s+(?:which|whom)\b", re.IGNORECASE
)


def _roles(
    text: str,
    sentence: tuple[int, int],
    trigger: _Trigger,
    actors: list[_Actor],
    cues: Cues,
) -> tuple[list[str], list[str], int | None]:
    """Issuer and target codes for a trigger, and where its issuer is named before it."""
    scope = _Scope.of(text, sentence, trigger, actors, cues)
    targets, construction = _targets(scope)
    used = {id(a) for a in targets}
    if construction == "target_owners":
        # "they will have their assets frozen": every mention of the owners is taken
        used |= {id(a) for a in actors if a.code in {t.code for t in targets}}
    issuers, targets = _issuers(scope, targets, used)
    return _codes(scope, issuers, targets)


def _targets(s: _Scope) -> tuple[list[_Actor], str | None]:
    """The target mentions, and the construction that found them (``data/roles.yaml``).

    The constructions are tried by weight, highest first; the first that finds a mention wins.
    """
    info = MEASURE_TYPES[s.trigger.rule.type]
    for row in load_constructions().target:
        if row.applies(s.trigger.rule.form, info):
            found = _TARGET_READERS[row.name](s)
            if found:
                return found, row.name
    return [], None


def _target_after(s: _Scope) -> list[_Actor]:
    """The first mention after the trigger that it is aimed at, with those listed with it."""
    text, trigger, cues, floor = s.text, s.trigger, s.cues, s.floor
    zone = _REASON_ZONE.search(text, trigger.end, s.clause_end)
    over_names_target = MEASURE_TYPES[trigger.rule.type].reading.over_names_target
    if zone and over_names_target and zone.group() == "over":
        zone = None  # "flights over Libya": the place flown over is the target
    reason_from = zone.start() if zone else s.clause_end
    for i, actor in s.after:
        if actor.start >= trigger.end + 160 or actor.start >= reason_from:
            break
        # the head of a list is after its last member: "Saudi, Emirati and Egyptian airspace"
        head = _head_after(text, _coordinated(text, s.actors, i, +1)[-1])
        before = _before(text, actor, floor)
        if cues.issuer_heads.match(head) or (
            cues.issuer_preps.search(before) and not _names_target(text, actor, cues)
        ):
            continue
        if _from_issuer(text, trigger, actor):
            continue  # "sanctions from Ottawa": the issuer, not the target
        if s.noun and _relative_subject(text, trigger.end, actor):
            continue  # "the sanctions the bloc imposed on Mali": the issuer, not the target
        if _PARTNER.search(before):
            continue  # "sanctions coordinated with Europe": a partner, not the target
        if _speaker(text, actor, cues, floor):
            continue
        if _BARRED_FROM.match(text, actor.end):
            continue  # "bars Americans from doing business with ...": the issuer's own people
        flown_over = over_names_target and _OVER.search(before)
        if _is_reason(text, actor, floor, cues) and not flown_over:
            continue
        if actor.kind is AliasKind.LEADER and not cues.target_preps.search(before):
            continue
        related = (
            actor.start < trigger.end
            or cues.target_preps.search(before)
            or _PREP_PHRASE.search(before)
            or _names_target(text, actor, cues)
            or _CLOSE_OBJECT.match(text, trigger.end, actor.start)
        )
        if not related:
            continue  # "a statement issued in Brussels": not what the measure is aimed at
        if _MEMBER_HEAD.match(text, actor.end):
            continue  # "the NATO ally", "EU states": a description, not the target
        return _coordinated(text, s.actors, i, +1)
    return []


def _target_between_owner_and_measure(s: _Scope) -> list[_Actor]:
    """A state named between an owner and a noun-form measure.

    "its Russia sanctions", "Washington's Iran sanctions": what the measure is aimed at.
    """
    text, floor = s.text, s.floor
    aimed = [
        i
        for i, a in s.before
        if a.kind in (AliasKind.NAME, AliasKind.CAPITAL)
        and not a.possessive
        and _ADJACENT.match(text, a.end, s.trigger.start)
        and _OWNER_BEFORE.search(text, max(floor, a.start - 40), a.start)
    ]
    return [s.actors[aimed[-1]]] if aimed else []


def _target_warned(s: _Scope) -> list[_Actor]:
    """The one warned "that" measures may come, before the trigger's clause.

    "warned Moscow that ... it is prepared to impose further costs".
    """
    text, floor = s.text, s.floor
    warned = [
        i
        for i, a in enumerate(s.actors)
        if floor <= a.start
        and a.end <= s.clause_start
        and _WARNED.search(text, max(floor, a.start - 25), a.start)
        and _THAT_AFTER.match(text, a.end)
    ]
    return [s.actors[warned[-1]]] if warned else []


def _target_owners(s: _Scope) -> list[_Actor]:
    """Those who "have their assets frozen": named anywhere before in the sentence.

    "six of them, including Qadafi himself, will have their assets frozen".
    """
    if not _HAVE_THEIR.search(s.text, s.clause_start, s.trigger.start):
        return []
    owners = [
        i
        for i, a in enumerate(s.actors)
        if s.floor <= a.start and a.end <= s.trigger.start and not a.possessive
    ]
    return _coordinated(s.text, s.actors, owners[-1], -1) if owners else []


def _target_facing(s: _Scope) -> list[_Actor]:
    """The nearest party before a "face" verb: "Iran must halt enrichment or face sanctions"."""
    text, cues, floor = s.text, s.cues, s.floor
    face = _FACE_VERB.search(text, s.clause_start, s.trigger.start) if s.noun else None
    if face is None:
        return []
    facing = [
        i
        for i, a in s.before
        if a.end <= face.start()
        and not a.possessive
        and not _THAT.search(text, a.end, face.start())  # "X added that anyone could face"
        and not _is_reason(text, a, floor, cues)
        and not cues.target_preps.search(_before(text, a, floor))
        and not cues.issuer_heads.match(_head_after(text, a))
    ]
    return _coordinated(text, s.actors, facing[-1], -1) if facing else []


def _target_before(s: _Scope) -> list[_Actor]:
    """The nearest mention before the trigger that names a target, or the object of a verb.

    "Russian banks were cut off", or the object of "hit Russia with sanctions".
    """
    text, trigger, cues, floor = s.text, s.trigger, s.cues, s.floor
    for i, actor in reversed(s.before):
        if _is_reason(text, actor, floor, cues) or _own_people(text, actor):
            continue  # a cause; or the issuer's own people: "Chinese firms may not deal with"
        object_of_verb = (
            s.noun
            and actor.kind is not AliasKind.LEADER
            and _OBJECT_OF_VERB.search(_before(text, actor, floor))
            and _WITH_MEASURE.match(text, actor.end, trigger.start)
        )
        faces = s.noun and _FACER.match(text, actor.end)
        # "the EU, Canada and Norway, from which farm products were banned": the object of the
        # relative's preposition
        aimed_relative = _AIMED_RELATIVE.match(text, actor.end)
        if _names_target(text, actor, cues) or object_of_verb or faces or aimed_relative:
            return _coordinated(text, s.actors, i, -1)
    return []


def _codes(
    s: _Scope, issuers: list[_Actor], targets: list[_Actor]
) -> tuple[list[str], list[str], int | None]:
    """Issuer and target codes, each once, and where the issuer is named before the trigger."""
    text, trigger = s.text, s.trigger
    issuers = [a for a in issuers if a.kind is not AliasKind.ENTITY]  # companies do not issue
    issuer_codes = _unique(code for a in issuers for code in a.codes)
    target_codes = _unique(code for a in targets for code in a.codes if code not in issuer_codes)
    named_before = [
        a.start
        for a in issuers
        if s.clause_start <= a.start
        and a.end <= trigger.start
        # an owner inside the measure's noun phrase is no subject: "the lifting of U.S. sanctions"
        and not (
            (s.noun or a.possessive)
            and _ADJACENT.match(text, a.end, trigger.start)
            and not _PAST_VERB.match(text, trigger.start)  # "the Treasury blacklisted"
        )
    ]
    return issuer_codes, target_codes, min(named_before) if named_before else None


_TARGET_READERS: dict[str, Callable[[_Scope], list[_Actor]]] = {
    "target_after": _target_after,
    "target_between_owner_and_measure": _target_between_owner_and_measure,
    "target_warned": _target_warned,
    "target_owners": _target_owners,
    "target_facing": _target_facing,
    "target_before": _target_before,
}
load_constructions().check_readers(_ISSUER_READERS, _TARGET_READERS)
