"""Stage 6: the issuer and the target of a trigger, from a cascade of constructions.

`_roles` tries the target constructions, then the issuer constructions, each in a fixed
order, and takes the first that finds a mention: an object of "on/against/to", a demonym
before a targeted thing ("Russian banks"), a state between an owner and the measure ("its
Russia sanctions"), the one warned or facing; then an owner right before the trigger, a
subject, a by-agent, a place or a speaker. What a sentence leaves out is filled in later
from the document (`discourse`).
"""

from __future__ import annotations

import re

from ..actors import AliasKind
from ..rules import Cues
from ..vocabulary import MeasureType
from .clues import (
    _ADJACENT,
    _FACER,
    _OBJECT_OF_VERB,
    _SUBJECT,
    _before,
    _from_issuer,
    _head_after,
    _is_reason,
    _may_issue,
    _names_target,
    _owner_form,
    _speaker,
    _unique,
)
from .mentions import _Actor, _coordinated
from .sentences import _clause_end, _clause_start
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
_OWNER_BEFORE = re.compile(r"(?:\b(?:its|their|his|her|our)|'s|’s)\s+$", re.IGNORECASE)
_ADOPTS = re.compile(
    r"\b(?:adopt\w*|join\w*|align\w*\s+(?:itself\s+)?with|mirror\w*|match\w*|cop(?:y|ied|ies)|"
    r"implement\w*|appl(?:y|ied|ies)|transpos\w*)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"\bpart\s+of\s+(?:(?:the|its|their|a|an)\s+)?$", re.IGNORECASE)
_PLACE_TYPES = frozenset(
    {MeasureType.TRAVEL_BAN, MeasureType.AIRSPACE_CLOSURE, MeasureType.PORT_BAN}
)
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


def _roles(
    text: str,
    sentence: tuple[int, int],
    trigger: _Trigger,
    actors: list[_Actor],
    cues: Cues,
) -> tuple[list[str], list[str], int | None]:
    """Issuer and target codes for a trigger, and where its issuer is named before it."""
    clause_start = _clause_start(text, sentence[0], trigger.start)
    clause_end = _clause_end(text, trigger.end, sentence[1])
    targets: list[_Actor] = []
    issuers: list[_Actor] = []
    used: set[int] = set()

    # Targets after the trigger (or inside it): objects of on/against/to, demonyms, possessors.
    after = [
        (i, a) for i, a in enumerate(actors)
        if a.start >= trigger.start and a.start < clause_end
    ]  # fmt: skip
    zone = _REASON_ZONE.search(text, trigger.end, clause_end)
    if zone and trigger.rule.type is MeasureType.AIRSPACE_CLOSURE and zone.group() == "over":
        zone = None  # "flights over Libya": the place flown over is the target
    reason_from = zone.start() if zone else clause_end
    for i, actor in after:
        if actor.start >= trigger.end + 160 or actor.start >= reason_from:
            break
        head = _head_after(text, actor)
        before = _before(text, actor, sentence[0])
        if cues.issuer_heads.match(head) or (
            cues.issuer_preps.search(before) and not _names_target(text, actor, cues)
        ):
            continue
        if _from_issuer(text, trigger, actor):
            continue  # "sanctions from Ottawa": the issuer, not the target
        if _PARTNER.search(before):
            continue  # "sanctions coordinated with Europe": a partner, not the target
        if _speaker(text, actor, cues, sentence[0]):
            continue
        if _BARRED_FROM.match(text, actor.end):
            continue  # "bars Americans from doing business with ...": the issuer's own people
        flown_over = trigger.rule.type is MeasureType.AIRSPACE_CLOSURE and _OVER.search(before)
        if _is_reason(text, actor, sentence[0], cues) and not flown_over:
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
        targets = _coordinated(text, actors, i, +1)
        break

    # Targets before the trigger: "Russian aircraft will be barred", "Iran's assets were frozen".
    before_trigger = [
        (i, a) for i, a in enumerate(actors) if a.end <= trigger.start and a.start >= clause_start
    ]
    if not targets and trigger.rule.form == "noun":
        # "its Russia sanctions", "Washington's Iran sanctions": a state named between an
        # owner and the measure is what the measure is aimed at
        aimed = [
            i
            for i, a in before_trigger
            if a.kind in (AliasKind.NAME, AliasKind.CAPITAL)
            and not a.possessive
            and _ADJACENT.match(text, a.end, trigger.start)
            and _OWNER_BEFORE.search(text, max(sentence[0], a.start - 40), a.start)
        ]
        if aimed:
            targets = [actors[aimed[-1]]]
    if not targets and trigger.rule.form == "noun":
        # "warned Moscow that ... it is prepared to impose further costs": the one warned
        warned = [
            i
            for i, a in enumerate(actors)
            if sentence[0] <= a.start
            and a.end <= clause_start
            and _WARNED.search(text, max(sentence[0], a.start - 25), a.start)
            and _THAT_AFTER.match(text, a.end)
        ]
        if warned:
            targets = [actors[warned[-1]]]
    have_their = not targets and bool(_HAVE_THEIR.search(text, clause_start, trigger.start))
    if have_their:
        # "six of them, including Qadafi himself, will have their assets frozen": those who
        # have their assets frozen are the target, named anywhere before in the sentence.
        owners = [
            i
            for i, a in enumerate(actors)
            if sentence[0] <= a.start and a.end <= trigger.start and not a.possessive
        ]
        if owners:
            targets = _coordinated(text, actors, owners[-1], -1)
    face = (
        _FACE_VERB.search(text, clause_start, trigger.start)
        if trigger.rule.form == "noun"
        else None
    )
    if not targets and face is not None:
        # "Iran must halt enrichment or face sanctions": the nearest party before the verb.
        facing = [
            i
            for i, a in before_trigger
            if a.end <= face.start()
            and not a.possessive
            and not _THAT.search(text, a.end, face.start())  # "X added that anyone could face"
            and not _is_reason(text, a, sentence[0], cues)
            and not cues.target_preps.search(_before(text, a, sentence[0]))
            and not cues.issuer_heads.match(_head_after(text, a))
        ]
        if facing:
            targets = _coordinated(text, actors, facing[-1], -1)
    if not targets:
        for i, actor in reversed(before_trigger):
            if _is_reason(text, actor, sentence[0], cues):
                continue
            # "Russian banks were cut off", or the object of "hit Russia with sanctions".
            object_of_verb = (
                trigger.rule.form == "noun"
                and actor.kind is not AliasKind.LEADER
                and _OBJECT_OF_VERB.search(_before(text, actor, sentence[0]))
                and _WITH_MEASURE.match(text, actor.end, trigger.start)
            )
            faces = trigger.rule.form == "noun" and _FACER.match(text, actor.end)
            if _names_target(text, actor, cues) or object_of_verb or faces:
                targets = _coordinated(text, actors, i, -1)
                break
    used = {id(a) for a in targets}
    if have_their:
        used |= {id(a) for a in actors if a.code in {t.code for t in targets}}

    # Issuers: a mention right before the trigger names its owner ("the UN blacklist",
    # "U.S. sanctions"); else the nearest mention before it that is not a target or a reason.
    adjacent = [
        (i, a) for i, a in before_trigger
        if id(a) not in used and _ADJACENT.match(text, a.end, trigger.start)
        and not _names_target(text, a, cues)
        and (_owner_form(a) or not _is_reason(text, a, sentence[0], cues))
    ]  # fmt: skip
    if adjacent:
        issuers = _coordinated(text, actors, adjacent[-1][0], -1)
        owner = min(issuers, key=lambda a: a.start)
        if _ADOPTS.search(text, clause_start, owner.start):
            # "Switzerland adopted the EU's latest sanctions": both impose them.
            adopters = [
                i
                for i, a in before_trigger
                if a.end <= owner.start
                and _may_issue(text, a, used, sentence[0], owner.start, cues)
            ]
            if adopters:
                issuers += _coordinated(text, actors, adopters[-1], -1)
    source = next(((i, a) for i, a in after if _from_issuer(text, trigger, a)), None)
    if source is not None and not issuers:
        # "Caracas could face sanctions from Ottawa": Ottawa issues, Caracas is the target.
        issuers = _coordinated(text, actors, source[0], +1)
        if not targets:
            faced = [i for i, a in before_trigger if not _is_reason(text, a, sentence[0], cues)]
            if faced:
                targets = _coordinated(text, actors, faced[-1], -1)
    if not issuers:
        # "restrictions ... could form part of the EU response": the owner of the package.
        part = next(
            (
                (i, a) for i, a in after
                if id(a) not in used and _PART_OF.search(_before(text, a, sentence[0]))
                and cues.issuer_heads.match(_head_after(text, a))
            ),
            None,
        )  # fmt: skip
        if part is not None:
            issuers = [part[1]]
    if not issuers and trigger.rule.type in _PLACE_TYPES:
        # "refused entry to the United States", "barred from U.S. airspace": the place is the
        # issuer's, whoever else the sentence names first.
        place = next(
            (
                (i, a) for i, a in after
                if id(a) not in used and a.start - trigger.end <= 50
                and (_ENTRY_PLACE.search(_before(text, a, sentence[0]))
                     or _PLACE_HEAD.match(text, a.end))
            ),
            None,
        )  # fmt: skip
        if place is not None:
            issuers = [place[1]]
    if not issuers and trigger.rule.type is MeasureType.ASSET_FREEZE:
        # "the seizure of Russian assets in Europe": where the assets are held freezes them
        holder = next(
            (
                a for i, a in after
                if id(a) not in used and a.start - trigger.end <= 40
                and _HELD_IN.search(text, max(trigger.start, a.start - 40), a.start)
            ),
            None,
        )  # fmt: skip
        if holder is not None:
            issuers = [holder]
    if not issuers:
        # an owner inside the measure's own words: "a freeze of the EU accession process",
        # "a halt to U.S. aid"
        inside = [
            a
            for _, a in after
            if a.start < trigger.end and id(a) not in used
            and cues.issuer_heads.match(_head_after(text, a))
        ]  # fmt: skip
        listed = [
            a
            for a in inside
            if _OWNER_BEFORE.search(text, max(trigger.start, a.start - 8), a.start)
        ]
        if listed and not targets:
            # "added 28 people to its Belarus sanctions list": the state between the owner's
            # "its" and the measure is what the list is aimed at
            targets = listed[:1]
            used.add(id(listed[0]))
        issuers = [a for a in inside if a not in listed][:1]
    if not issuers:
        # the owner of a plan or decision to act: "the G7 plan to cap the price of Russian oil",
        # "against the Trump administration's plan to put tariffs on ..."
        planners = [
            i for i, a in before_trigger
            if id(a) not in used and _PLAN_OF.match(text, a.end, trigger.start)
        ]  # fmt: skip
        if planners:
            issuers = _coordinated(text, actors, planners[-1], -1)
    candidates = [
        (i, a) for i, a in reversed(before_trigger if not issuers else [])
        if _may_issue(text, a, used, sentence[0], trigger.start, cues)
    ]  # fmt: skip
    # Prefer the nearest mention that stands as a subject ("OFAC put ..."), else the nearest;
    # an owner of a decision ("Trump's decision to hike duties") is nearer than any subject.
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
    if chosen is not None:
        issuers = _coordinated(text, actors, chosen[0], -1)
        first = min(issuers, key=lambda a: a.start)
        if first.possessive and _ADOPTS.search(text, clause_start, first.start):
            # "Switzerland adopted the European Union's latest package, adding ...": both.
            adopters = [
                i
                for i, a in before_trigger
                if a.end <= first.start
                and _may_issue(text, a, used, sentence[0], first.start, cues)
            ]
            if adopters:
                issuers += _coordinated(text, actors, adopters[-1], -1)
        if _FOLLOW.search(text, clause_start, first.start):
            leaders = [
                j
                for j, a in before_trigger
                if a.end <= first.start
                and _may_issue(text, a, used, sentence[0], first.start, cues)
            ]
            if leaders:
                issuers += _coordinated(text, actors, leaders[-1], -1)
        joined = [
            j
            for j, a in before_trigger
            if a.start > max(i.end for i in issuers)
            and id(a) not in used
            and _JOINING.search(text, max(clause_start, a.start - 20), a.start)
        ]
        if joined:
            # "Canada banned Iranian oil, joining Washington in a round of measures": both
            issuers += _coordinated(text, actors, joined[0], +1)
        last = max(issuers, key=lambda a: a.start)
        if _FOLLOWED.match(text, last.end):
            # "Japan has followed the US and Europe and levied sanctions": all three.
            followed = [j for j, a in before_trigger if a.start > last.end and id(a) not in used]
            if followed:
                issuers += _coordinated(text, actors, followed[0], +1)
    if not issuers:
        # A by-agent ("were frozen by Tokyo") or a place or speaker after the trigger.
        for i, actor in after:
            if id(actor) in used:
                continue
            head = _head_after(text, actor)
            before = _before(text, actor, sentence[0])
            near = actor.start - trigger.end <= 50
            if (
                (near and cues.issuer_preps.search(before))
                or cues.issuer_heads.match(head)
                or _from_issuer(text, trigger, actor)
            ):
                # "cut off from SWIFT under U.S. and EU sanctions": every owner in the list
                issuers = [a for a in _coordinated(text, actors, i, +1) if id(a) not in used]
                break
    if not issuers:
        for actor in actors:
            if id(actor) in used or actor.start < trigger.end:
                continue
            if _speaker(text, actor, cues, sentence[0]):
                issuers = _coordinated(text, actors, actors.index(actor), +1)
                break
    if not issuers:
        # The sentence's subject before the clause: "Tokyo has ... and frozen the assets".
        for index in reversed([i for i, a in enumerate(actors) if a.end <= clause_start]):
            if _PASSIVE_CLAUSE.search(text, clause_start, trigger.end):
                break  # "..., but its accession talks are frozen": the subject is the patient
            if (
                _SUBORDINATE.search(text, max(sentence[0], clause_start - 10), clause_start)
                and "," not in text[clause_start : trigger.start]
            ):
                break  # "demands Tehran must meet before the sanctions can be removed"
            if _may_issue(text, actors[index], used, sentence[0], clause_start, cues):
                issuers = _coordinated(text, actors, index, -1)
                break
    issuers = [a for a in issuers if a.kind is not AliasKind.ENTITY]  # companies do not issue
    issuer_codes = _unique(a.code for a in issuers)
    target_codes = _unique(a.code for a in targets if a.code not in issuer_codes)
    named_before = [
        a.start
        for a in issuers
        if clause_start <= a.start
        and a.end <= trigger.start
        # an owner inside the measure's noun phrase is no subject: "the lifting of U.S. sanctions"
        and not (
            (trigger.rule.form == "noun" or a.possessive)
            and _ADJACENT.match(text, a.end, trigger.start)
            and not _PAST_VERB.match(text, trigger.start)  # "the Treasury blacklisted"
        )
    ]
    return issuer_codes, target_codes, min(named_before) if named_before else None
