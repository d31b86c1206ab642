"""Stage 5: a trigger's status from the cue rows scoped to its clause.

Cues of ``data/cues.yaml`` between the start of the trigger's clause (or its issuer) and the
trigger, plus a few words after it, decide imposed / announced / threatened / lifted; the
nearest cue wins. A negation in that stretch, commentary on a measure's effects or a
condition rules the trigger out (`_status` returns None).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..actors import AliasKind
from ..rules import Cues
from ..vocabulary import Status
from .clues import _ADJACENT
from .mentions import _Actor
from .sentences import _clause_end, _clause_start, _first_words, _last_words
from .triggers import _Trigger

# A modal or an infinitive before a trigger: what an "if" after it conditions.
_MODAL = re.compile(r"\b(?:will|would|could|may|might|shall|should|must|to)\b|'ll\b", re.I)
# A wish or request that governs a lift: "hoped to lift", "urged Washington to ease".
_WISH = re.compile(
    r"\b(?:hop(?:e|es|ed|ing)|want\w*|wish\w*|seek\w*|sought|ask\w*|urg\w*|"
    r"call\w*\s+(?:on|for)|press\w*\s+(?:for|to)|push\w*\s+(?:for|to)|lobb\w*|appeal\w*|"
    r"demand\w*|dangl\w*)\b(?:\s+[\w'’.-]+){0,4}?\s*$",
    re.IGNORECASE,
)
_MODAL_HEAD = re.compile(r"[\w'’.-]+(?:\s+(?:not|no\s+longer)\b)?")
_STATUS_ORDER = ("negation", "imposed", "lifted", "threatened", "announced")
# A trigger that starts with a measure noun is lifted like a noun-form one ("scrapped the curbs").
_BAN_NOUN = re.compile(
    r"(?:bans?|restrictions?|curbs?|embargo\w*|prohibitions?|sanctions?|tariffs?|duties|freezes?|"
    r"controls|limits?|caps?|ceilings?|frozen)\b",
    re.IGNORECASE,
)
_GOVERNS = re.compile(
    r"\b(?:demand\w*|urg\w*|call\w*\s+(?:on|for)|ask\w*|want\w*|press\w*|push\w*(?:\s+for)?|"
    r"told|tell\w*|threaten\w*|expect\w*|hop\w*|consider\w*|weigh\w*|insist\w*|propos\w*|"
    r"suggest\w*|recommend\w*|appeal\w*\s+to|(?:would|could|may|might)\s+(?:let|allow|enable|permit))"
    r"\s+(?:that\s+)?(?:(?:the|every|all|any|its|their|new|more|further|tougher)\s+)?"
    r"(?:(?-i:[A-Z][\w.]*)\s+){0,2}$",
    re.IGNORECASE,
)
_DETERMINER_ONLY = re.compile(r"\s*(?:the|its|their|a|an|this|that|those|these)?\s*$")
_AVERTED = re.compile(
    r"\b(?:avoid\w*|avert\w*|prevent\w*|stav\w*\s+off|head\w*\s+off)\s+(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
_SUCH_AS = re.compile(r",?\s+(?:such\s+as|including|like)\s+", re.IGNORECASE)
# "seventeen officials are now under a travel ban": a report of a measure in force
_BEING_UNDER = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|stays?|stayed|been|came|come|comes|fell|falls?)\s+"
    r"(?:now\s+|already\s+|still\s+)?under\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# Where a sentence goes on to another statement: "..., and said they were ready to ...".
_NEXT_STATEMENT = re.compile(
    r";|,\s+(?:and|but)\s+(?:[\w.]+\s+){0,2}(?:said|says|added|warned|told)\b|"
    r",\s+(?:adding|saying|noting|stressing|insisting|though|although)\b|,\s+and\s+that\b|"
    r"\band\s+(?:said|says|added|warned)\b",
    re.IGNORECASE,
)
# A lift verb whose object is described by a relative clause: "end the restrictions that cut
# its banks off from SWIFT and froze the central bank's assets" lifts what the clause lists.
_LIFT_RELATIVE = re.compile(
    r"\b(?:lift\w*|eas(?:e|ed|es|ing)|relax\w*|loosen\w*|remov\w*|scrap\w*|drop\w*|end(?:s|ed|ing)?|"
    r"rescind\w*|repeal\w*|revok\w*|roll\w*\s+back|unwind\w*|waiv\w*)\s+"
    r"(?:(?:the|its|their|all|some|most|those|several|many)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:sanctions|restrictions|measures|curbs|bans|prohibitions|penalties|rules|controls|limits)\s+"
    r"(?:that|which)\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(r"\b(?:if|unless|until|as\s+long\s+as)\b", re.IGNORECASE)
_ANSWERED = re.compile(
    r"\b(?:respond\w*|retaliat\w*|react\w*|repl(?:y|ied|ies)|answer\w*|hit\w*\s+back)\s+"
    r"(?:to|against|for)\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _start(match: re.Match[str]) -> int:
    return match.start()


def _status(
    text: str,
    sentence: tuple[int, int],
    trigger: _Trigger,
    cues: Cues,
    subject_start: int | None = None,
    actors: Sequence[_Actor] = (),
) -> Status | None:
    """The trigger's status from the cues around it; None when negated or only commentary.

    Cues count between the start of the trigger's clause (or its issuer, when the issuer is
    named before it: a fronted "Demanding a ceasefire, the Council banned ..." does not make
    the ban a demand) and the trigger, plus a few words after it ("were lifted", "if ...").
    The nearest cue wins; negation anywhere in that stretch rules the trigger out.
    """
    clause = _clause_start(text, sentence[0], trigger.start)
    clause_left = _last_words(text[clause : trigger.start], cues.left_words + 4)
    governed = False
    whole_clause = clause
    if subject_start is not None and clause <= subject_start < trigger.start:
        # "demanded that Russia drop ...", "urged Washington to end ...": the subject's own
        # clause is governed by a demand.
        governed = bool(_GOVERNS.search(text, clause, subject_start))
        clause = subject_start
    left = _last_words(text[clause : trigger.start], cues.left_words)
    example = _SUCH_AS.search(text, whole_clause, trigger.start)
    if example is not None:
        # "the toughest steps sought by Washington, such as a ban on oil imports": the items
        # of a list share the status of the noun they exemplify
        head = _last_words(text[whole_clause : example.start()], cues.left_words)
        left = head + " " + text[example.end() : trigger.start]
    # A trigger that opens with a modal ("may no longer be brought into") lends it to the modal
    # cues, with its negation: "may not" forbids, it does not threaten. The window ends with the
    # sentence: in a text without whitespace the trigger's word would run on to the end of the
    # document, and reading it for each trigger would be quadratic.
    first_word = _MODAL_HEAD.match(text, trigger.start, sentence[1])
    modal_left = left + (first_word.group() if first_word else "")
    right = _first_words(
        text[trigger.end : _clause_end(text, trigger.end, sentence[1])], cues.right_words
    )
    if _ANSWERED.search(left):
        # "said it would respond to the seizure of its assets": the modal is the response's;
        # the measure answered is one in force
        return Status.IMPOSED
    if trigger.rule.form == "noun":
        near_left = _last_words(text[sentence[0] : trigger.start], 4)
        # "evading sanctions" is talk; "flouting the EU's ban on Syrian oil" still
        # reports a measure, named with its owner and its target
        if cues.commentary_right.search(right) and not cues.status["lifted"].left.search(near_left):
            return None  # but "scrapping the sanctions programme" ends it
        if cues.commentary_left.search(near_left) and not _BEING_UNDER.search(
            _last_words(text[sentence[0] : trigger.start], 7)
        ):
            if not _owned_and_aimed(text, trigger, actors, cues):
                return None
            return Status.IMPOSED  # the status words around it belong to the talk
    negation = cues.status["negation"]
    right_long = _first_words(
        text[trigger.end : _clause_end(text, trigger.end, sentence[1])], cues.right_words * 2
    )
    condition = _CONDITION.search(right_long)
    if condition:  # "... if the president was not released": those words are the condition's
        right_long = right_long[: condition.start()]
        right = right[: condition.start()]
    if negation.left.search(clause_left) or negation.right.search(right_long):
        return None  # a negation scopes over the rest of its clause: "failed to agree on sanctions"
    noun_like = trigger.rule.form == "noun" or bool(
        _BAN_NOUN.match(text, trigger.start, sentence[1])
    )
    found: dict[str, tuple[int, int]] = {}  # name -> (distance to the trigger, start of the cue)
    for name in _STATUS_ORDER[1:]:
        status_cues = cues.status[name]
        # conditions ("..., unless Ankara changes course") may come a long way after a trigger,
        # past the clause that holds it
        after = text[trigger.end : min(sentence[1], trigger.end + 200)]
        other = _NEXT_STATEMENT.search(after)
        after = after[: other.start()] if other else after
        if name == "threatened" and trigger.rule.form == "verb" and not _MODAL.search(modal_left):
            # a plain statement ("bans ships from its ports if they are part of the shadow
            # fleet"): the "if" scopes over what is banned, not over the ban
            scoped = _CONDITION.search(after)
            after = after[: scoped.start()] if scoped else after
        if status_cues.right.search(after if name == "threatened" else right):
            found[name] = (0, len(left))
            continue
        if name == "lifted" and not noun_like:
            # "lifting the ban on trading": a lift verb right before a verb-form trigger.
            direct = status_cues.left.search(left[-30:])
            if direct and _DETERMINER_ONLY.match(left[-30:], direct.end()):
                found[name] = (0, len(left))
            continue
        window = modal_left if name in ("announced", "threatened") else left
        if name == "lifted":
            # a cue may run on into the trigger ("end its arms embargo", "coming off the
            # list"), but must start before it
            window = left + text[trigger.start : trigger.end]
        for match in status_cues.left.finditer(window):
            if name == "lifted" and match.start() >= len(left):
                break
            distance = max(0, len(left) - match.end())
            if name not in found or distance < found[name][0]:
                found[name] = (distance, match.start())
    lift = max(_LIFT_RELATIVE.finditer(text, clause, trigger.start), key=_start, default=None)
    if lift is not None:
        between = text[lift.end() : trigger.start]
        if not any(cues.status[n].left.search(between) for n in ("threatened", "announced")):
            found["lifted"] = (0, len(left))
    if "lifted" in found and _AVERTED.search(clause_left):
        del found["lifted"]  # "only just avoided letting its sanctions lapse": still in force
    wish = _WISH.search(left[: found["lifted"][1]]) if "lifted" in found else None
    if wish is not None:
        # "hoped to lift the sanctions": the lift is only wished; the measure stands
        del found["lifted"]
        if "threatened" in found and found["threatened"][1] >= wish.start():
            del found["threatened"]
    if governed:
        found["threatened"] = (0, 0)
    if not found:
        name = "imposed"
    else:
        name = min(found, key=lambda n: (found[n][0], _STATUS_ORDER.index(n)))
    # A demand before a plan scopes over it ("urged ... to drop any plans to"); a cue inside
    # the same phrase does not ("getting ready to").
    if (
        name == "announced"
        and "threatened" in found
        and found["threatened"][1] < found["announced"][1]
        and found["threatened"][0] > found["announced"][0] + 4
    ):
        name = "threatened"
    if trigger.rule.status is not None and name in ("imposed", "announced"):
        return trigger.rule.status
    return Status(name)


def _owned_and_aimed(text: str, trigger: _Trigger, actors: Sequence[_Actor], cues: Cues) -> bool:
    """Whether a noun-form measure names its owner right before it and its target right after.

    "the EU's ban on Syrian oil", "United Nations sanctions against Pyongyang".
    """
    owner = any(
        a.end <= trigger.start
        and a.kind is not AliasKind.DEMONYM
        and _ADJACENT.match(text, a.end, trigger.start)
        for a in actors
    )
    return owner and any(
        0 <= a.start - trigger.end <= 25 and cues.target_preps.search(text[trigger.end : a.start])
        for a in actors
    )
