"""What the words around one mention say: a subject, a speaker, a cause, a target modifier.

These predicates serve the role, status and discourse stages alike: "Russian banks" names a
target ("Russian" modifies a targeted thing), "over Ukraine" a cause, "OFAC put" a subject,
"Damascus could face" the one who faces a measure. Each looks at a bounded window of text
next to the mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..actors import AliasKind
from ..rules import Cues
from ..vocabulary import MeasureType
from .mentions import _Actor
from .triggers import _Trigger

# A verb right before a mention makes it an object, not the subject: "stripped Russia of".
_OBJECT_OF_VERB = re.compile(
    r"\b(?:\w+ed|hit|hits|cut|cuts|put|puts|urge[sd]?|told|tells|asked|asks|left|let|bars|"
    r"suspend|suspends|expel|expels|isolate|isolates|punish|punishes|penali[sz]es?|"
    r"blacklists?|designates?|lists|bar|ban|warn|warns|"
    r"bans|targets|punish\w*|pressur\w*|sanction\w*|accus\w*|join|joins|follow|follows)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_MEETING_PLACE = re.compile(
    r"\b(?:meet\w*|met|gather\w*|summit|talks|conference|held|hosted|speaking|convened|assembled)"
    r"\s+(?:on\s+\w+\s+)?in\s+$",
    re.IGNORECASE,
)
_FROM_ISSUER = re.compile(r"^\s+from\s+(?:the\s+)?$")
# A mention followed by its "face" verb: "Damascus could face", "Tehran would pay".
_FACER = re.compile(
    r"(?:'s|’s)?\s+(?:that\s+it\s+|it\s+)?(?:(?:could|would|will|may|might|must|now|also|still|then|"
    r"therefore|soon|risks?|stands?|is|are)\s+){0,3}(?:to\s+)?(?:fac(?:e|es|ed|ing)|suffer\w*|pay)\b",
    re.IGNORECASE,
)
# A mention right before the measure names its owner: "U.S. sanctions", "Tokyo's new curbs".
_ADJACENT = re.compile(
    r"(?:'s|’s|')?\s*(?:(?:own|new|fresh|latest|existing|\w+(?:-\w+)+|"
    r"[$€£]?\d[\w.,]*(?:-\w+)*)\s+)?$"
)
# A name used as a modifier of a lower-case noun: "U.S. defence firms", "Iran oil".
_ATTRIBUTIVE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:firms|companies|banks|lenders|oil|gas|"
    r"goods|products|exports|imports|entities|individuals|vessels|ships|airlines|"
    r"carriers|oligarchs|businessmen|tankers)\b"
)
# "urged Washington to end ...": the object of the demand is the subject of what follows.
_TO_VERB = re.compile(r"\s+to\s")
_HYPHEN_MODIFIER = re.compile(r"-[a-z]")
_POSSESSIVE_HEAD = re.compile(r"^(?:’s|'s|')\s+((?:[\w-]+\s+){0,3})")
_ISSUING_BODY = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+){0,2}?(?:officials|authorities|ministry|ministries|department|treasury|"
    r"lawmakers|parliament|legislators|diplomats|envoys?|ambassadors?|regulators?|spokes\w+|"
    r"foreign\s+ministers|ministers|leaders|cabinet|commission|council|state\s+department|"
    r"navy|customs|sanctions|side|rules|laws?|regulations|decree|order|programme|regime|"
    r"measures|junta|rulers|agency|agencies|authority|regulator|watchdog|administration|"
    r"government|central\s+bank|coast\s+guard|army|military|ministry\s+of\s+\w+|police|"
    r"border\s+guards?)\b",
    re.IGNORECASE,
)
# The subject of a relative clause on a named measure: "the sanctions [the bloc] imposed on
# Mali", "the tariffs that [Washington] slapped on steel". After the mention comes its verb.
_RELATIVE_BEFORE = re.compile(r"^\s+(?:that\s+|which\s+)?$", re.IGNORECASE)
_RELATIVE_VERB = re.compile(
    r"\s+(?:(?:had|has|have|later|already|also|first|then)\s+){0,2}(?:impos\w*|plac\w*|slapp\w*|"
    r"levied|levies|put|puts|introduc\w*|adopt\w*|announc\w*|approv\w*|agreed|unveil\w*|"
    r"brought\s+in|set|sets|kept|keeps|extended|lifted|eased|scrapped|dropped)\b",
    re.IGNORECASE,
)


def _relative_subject(text: str, trigger_end: int, actor: _Actor) -> bool:
    """Whether ``actor`` opens a relative clause on the measure ending at ``trigger_end``."""
    return bool(
        actor.start >= trigger_end
        and _RELATIVE_BEFORE.match(text[trigger_end : actor.start])
        and _RELATIVE_VERB.match(text, actor.end)
    )


# A state's own people forbidden to deal: "Dutch banks and firms may no longer trade with the
# listed shipowners", "Americans are barred from dealing with the firm", "U.S. persons can no
# longer". The state whose people are bound is the one that imposes.
_OWN_PEOPLE = re.compile(
    r"(?:\s+(?:and\s+)?(?:citizens|nationals|companies|firms|banks|persons|people|individuals|"
    r"entities|institutions|businesses|investors|exporters|importers|insurers|residents|"
    r"lenders|traders|operators|carriers|airlines|ships|vessels)){0,3}"
    r"(?:\s+(?:are|is|were|was|will\s+be|would\s+be)\s+(?:\w+\s+)?(?:barred|banned|prohibited|"
    r"forbidden|not\s+allowed|no\s+longer\s+allowed)\s+from\s+|\s+(?:may|can|must|shall|will)\s+"
    r"(?:not|no\s+longer|never)\s+(?:\w+\s+)?)"
    # dealing, not entering: "Qatari carriers were barred from passing through" are the target
    r"(?:hav|do|deal|trad|invest|provid|financ|buy|sell|export|import|insur|lend|work|cooperat|"
    r"conduct|engag|mak|transact|suppl|ship|bought|sold)\w*\b",
    re.IGNORECASE,
)


def _own_people(text: str, actor: _Actor) -> bool:
    """Whether ``actor`` names a state's own people who are forbidden something."""
    return actor.kind is AliasKind.DEMONYM and bool(_OWN_PEOPLE.match(text, actor.end))


# A state's envoys are more often what a measure expels than who takes it.
_ENVOY_HEAD = re.compile(r"^\W{0,3}(?:[\w-]+\s+){0,2}?(?:envoys?|ambassadors?|diplomats?)\b", re.I)
# After a subject mention comes its verb: "OFAC put", "Japan has followed", "the EU agreed".
_SUBJECT = re.compile(
    r"(?:'s|’s)?(?:\s+(?:[A-Z][\w.-]*|government|administration|authorities|officials|ministers?|"
    r"leaders|president|treasury|department|ministry|council|commission|parliament|lawmakers|junta|"
    r"diplomats|spokes\w+)){0,4},?\s+(?:(?:on|last|this|next|in)\s+\w+\s+|also\s+|has\s+|have\s+|"
    r"had\s+|is\s+|are\s+|was\s+|were\s+|will\s+|would\s+|could\s+|may\s+|might\s+|must\s+|"
    r"should\s+|already\s+|later\s+|then\s+|now\s+|formally\s+|officially\s+|jointly\s+|"
    r"itself\s+|too\s+|\w+ly\s+)*(?:\w+ed|said|says|put|puts|set|sets|cut|cuts|hit|hits|"
    r"slap\w*|froze|freezes|took|takes|gave|made|began|sought|brought|shut|shuts|bars|bans|"
    r"stood|stands|kept|held|holds|went|told|"
    r"impos\w*|agre\w*|decid\w*|announc\w*|unveil\w*|plans?|mov\w*|vot\w*|approv\w*|adopt\w*|"
    r"expel\w*|halt\w*|suspend\w*|recall\w*|threaten\w*|warn\w*|want\w*|seeks|wants|tells|"
    r"outlaws|orders|adds|blocks|extends|lifts|eases|ends|keeps|stops|forbids|prohibits|closes|"
    r"to\s+\w+|backs|joins|follows|levies|issues|signs|lists|targets|sanctions|"
    r"(?<=\s)(?:will|would|could|may|might|must|should|shall|has|have|had|is|are|was|were|did|"
    r"does|do)\s+(?:\w+\s+)?\w+)\b"
)
# Verbs of opposing a measure: their subject is not its issuer ("Budapest keeps blocking it").
_OPPOSES = re.compile(
    r"\b(?:block\w*|veto\w*|oppos(?:e|es|ed|ing)|resist\w*|object\w*\s+to|reject\w*|"
    r"condemn\w*|criticis\w*|criticiz\w*|slam\w*|denounc\w*|protest\w*|hold\w*\s+up|held\s+up)\b",
    re.IGNORECASE,
)
_LEADER_HEAD = re.compile(
    r"^\W{0,3}(?:governments?|authorities|administration|presidents?|prime\s+ministers?|"
    r"foreign\s+ministers?|ministers?|leaders?|officials\s+(?:said|say))\b",
    re.IGNORECASE,
)


def _after(text: str, actor: _Actor, size: int = 40) -> str:
    return text[actor.end : actor.end + size]


def _before(text: str, actor: _Actor, floor: int, size: int = 30) -> str:
    return text[max(floor, actor.start - size) : actor.start]


def _head_after(text: str, actor: _Actor) -> str:
    """The words right after a mention, skipping a possessive suffix."""
    rest = _after(text, actor, 60)
    match = _POSSESSIVE_HEAD.match(rest)
    return rest[match.end(0) - len(match.group(1)) :] if match else rest


def _is_reason(text: str, actor: _Actor, floor: int, cues: Cues) -> bool:
    before = _before(text, actor, floor)
    if cues.reason_preps.search(before) or cues.reason_objects.search(before):
        return True
    return bool(actor.possessive and cues.reason_heads.match(_head_after(text, actor)))


def _from_issuer(text: str, trigger: _Trigger, actor: _Actor) -> bool:
    """After a general measure, "from" names its issuer: "sanctions from Ottawa"."""
    return trigger.rule.type is MeasureType.UNSPECIFIED and bool(
        _FROM_ISSUER.match(text[trigger.end : actor.start])
    )


def _owner_form(actor: _Actor) -> bool:
    """Whether a mention reads as the owner of the measure it stands before.

    It does even inside a cause ("in response to U.S. sanctions", "after Tokyo's sanctions");
    a plain country name there names the topic instead ("after Ukraine sanctions").
    """
    return (
        actor.possessive
        or actor.kind in (AliasKind.DEMONYM, AliasKind.BLOC, AliasKind.AGENCY, AliasKind.CAPITAL)
        or (actor.kind is AliasKind.NAME and not any(c.islower() for c in actor.text))
    )


def _may_issue(
    text: str, actor: _Actor, used: set[int], floor: int, trigger_start: int, cues: Cues
) -> bool:
    """Whether a mention before a trigger can be its issuer (not a target, object or cause)."""
    if id(actor) in used or actor.kind is AliasKind.ENTITY:
        return False  # an entity is only ever a target
    subject = _SUBJECT.match(text, actor.end, trigger_start)
    if _is_reason(text, actor, floor, cues) and not subject:
        return False  # "over Russia's invasion"; but "after Washington announced tariffs" issues
    before = _before(text, actor, floor)
    if not actor.possessive and (
        cues.target_preps.search(before)
        or (_OBJECT_OF_VERB.search(before) and not _TO_VERB.match(text, actor.end))
    ):
        return False
    if (
        actor.possessive
        and not cues.target_preps.search(before)
        and not _OBJECT_OF_VERB.search(before)
        and _ISSUING_BODY.match(head := _head_after(text, actor))
        and not _ENVOY_HEAD.match(head)
    ):
        return True  # "Russia's tourism agency halted ...": the state of the body that acts
    if _names_target(text, actor, cues):
        return False
    if _MEETING_PLACE.search(before):
        return False  # "ministers meeting in Prague agreed ...": where, not who
    if _OPPOSES.search(text, actor.end, trigger_start):
        return False
    if _FACER.match(text, actor.end):
        return False  # "Damascus could face sanctions": the one who faces them is the target
    if _HYPHEN_MODIFIER.match(text, actor.end):
        return False  # "U.S.-drafted", "Kremlin-backed": a modifier, not the measure's issuer
    if actor.kind is AliasKind.DEMONYM:
        # "Saudis", "Russian oil": people and things; "U.S. officials", "EU ministers" issue.
        head = _head_after(text, actor)
        return bool(
            _LEADER_HEAD.match(head)
            or _ISSUING_BODY.match(head)
            or cues.issuer_heads.match(head)
            or _speaker(text, actor, cues, floor)
        )
    return True


def _names_target(text: str, actor: _Actor, cues: Cues) -> bool:
    """A demonym or possessive that modifies a targeted thing: "Russian banks", "Iran's oil"."""
    attributive = actor.kind is AliasKind.NAME and bool(_ATTRIBUTIVE.match(text, actor.end))
    if actor.kind is AliasKind.ENTITY:
        return True  # "affiliates of Huawei", "PDVSA's bonds": what a measure hits
    if actor.kind is AliasKind.LEADER and not actor.possessive:
        # "seventeen Qadafi loyalists", "the Assad regime": the leader's people
        return bool(cues.target_heads.match(_head_after(text, actor)))
    if not (actor.kind in (AliasKind.DEMONYM, None) or actor.possessive or attributive):
        return False
    if actor.kind is AliasKind.AGENCY:
        return False  # "OFAC's list", "the Treasury's order": an agency owns measures
    head = _head_after(text, actor)
    if _LEADER_HEAD.match(head) or cues.issuer_heads.match(head):
        return False
    if _ISSUING_BODY.match(head) and _SUBJECT.match(text, actor.end):
        return False  # "the Azerbaijani parliament threatened ...": a body that acts
    if cues.target_heads.match(head):
        return True
    # "Russia's most-favoured-nation status": a possessor of something that is not a measure,
    # a cause or a speaker is what the measure hits.
    return (
        actor.possessive and not cues.reason_heads.match(head) and not cues.speech_after.match(head)
    )


def _speaker(text: str, actor: _Actor, cues: Cues, floor: int) -> bool:
    """Whether a mention is the subject of a speech verb ("..., the US pledged")."""
    head = text[actor.end : actor.end + 60]
    stop = _SENTENCE_END.search(head)
    head = head[: stop.start()] if stop else head
    if cues.speech_after.match(head):
        return True
    return bool(cues.speech_before.search(_before(text, actor, floor)))


def _unique(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(codes))
