"""Stage 8: assemble the measures of each sentence and build the `Measure` objects.

For each trigger: its roles (`roles`), its status (`status`), the parties the document
supplies where the sentence names none (`discourse`), the kind, count and name of its target
(`targets`), and its evidence span. A general "sanctions" is dropped where the same statement
names a specific type for the same parties; one `Measure` is kept per (issuer, target, type,
status).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from ..actors import AliasKind
from ..model import Evidence, Issuer, Measure, MeasureRef, Target
from ..rules import Cues
from ..vocabulary import MEASURE_TYPES, MeasureType, Status, TargetKind, status_class
from .discourse import _Context
from .mentions import _Actor
from .normalize import _OffsetMap, _original_span
from .roles import _roles
from .sentences import _clause_end, _clause_start, resolve_date
from .status import _status
from .targets import _target_details
from .triggers import _Trigger

# Evidence stops where another item or clause begins: "expelled four diplomats, and Beijing".
_LIST_BREAK = re.compile(r"[,;]|\s(?:and|but|while)\s")
# Between two measures of a sentence, words that start a new statement about the same parties.
_NEW_STATEMENT = re.compile(
    r",\s+(?:warning|adding|saying|threatening|and\s+(?:warned|threatened|said))\b", re.IGNORECASE
)
# Words right before a measure that make it the cause another measure answers: "in
# retaliation for Oslo's sanctions", "after the EU imposed an embargo".
_CAUSE_BEFORE = re.compile(
    r"\b(?:in\s+response\s+to|responding\s+to|in\s+retaliation\s+(?:for|against)|"
    r"retaliat\w*\s+(?:for|against)|to\s+(?:counter|answer|retaliate\s+for)|in\s+answer\s+to|"
    r"after|following)\s+(?:[\w'’.,-]+\s+){0,6}$",
    re.IGNORECASE,
)
_FROM_ORIGIN = re.compile(r"^\s+(?:\w+\s+){0,4}from\s+(?:the\s+)?$")
_EXPORT_WORD = re.compile(r"\bexports?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Found:
    """A measure before it becomes a `Measure`: the data, plus where it came from."""

    type: MeasureType
    status: Status
    issuer: str
    target: str | None
    kind: TargetKind
    count: int | None
    start: int
    end: int
    sentence: int
    date: dt.date | None
    response: bool
    name: str | None = None
    #: It stands where a response cue names a cause ("in retaliation for Oslo's sanctions").
    cause: bool = False
    #: Set in the past of the report ("had already frozen"): no date from the article's.
    background: bool = False


def _measures_by_sentence(
    text: str,
    spans: list[tuple[int, int]],
    triggers: dict[int, list[_Trigger]],
    mentions: list[_Actor],
    context: _Context,
    cues: Cues,
    day: dt.date | None,
) -> list[_Found]:
    """The measures of every sentence with triggers, in document order.

    Each sentence reads the context the sentences before it left (see `_Context.noted`).
    A question states no measure.
    """
    results: list[_Found] = []
    cursor = 0
    for index, (start, end) in enumerate(spans):
        sentence_mentions = []
        while cursor < len(mentions) and mentions[cursor].start < end:
            if mentions[cursor].start >= start:
                sentence_mentions.append(mentions[cursor])
            cursor += 1
        if index in triggers and not text[start:end].rstrip("\"'”’ )").endswith("?"):
            found, context = _sentence_measures(
                text, index, (start, end), triggers[index], sentence_mentions, context, cues, day
            )
            results += found
    return results


def _sentence_measures(
    text: str,
    index: int,
    sentence: tuple[int, int],
    triggers: list[_Trigger],
    actors: list[_Actor],
    context: _Context,
    cues: Cues,
    day: dt.date | None,
) -> tuple[list[_Found], _Context]:
    """The measures of one sentence's triggers, and the context after them."""
    found: list[_Found] = []
    date = resolve_date(text[sentence[0] : sentence[1]], day)
    response = bool(cues.response_cues.search(text, sentence[0], sentence[1]))
    for trigger in triggers:
        issuers, targets, subject_start = _roles(text, sentence, trigger, actors, cues)
        status = _status(text, sentence, trigger, cues, subject_start, actors)
        if status is None:
            continue
        explicit_issuer = bool(issuers)
        clause_start = _clause_start(text, sentence[0], trigger.start)
        if not issuers:
            if cues.private_subjects.search(text, clause_start, trigger.start):
                continue  # "Indian traders have called for a boycott": no state acts
            focus = context.focus_issuer(targets)
            if focus is None:
                continue
            issuers = [focus]
        if trigger.rule.type is MeasureType.UNSPECIFIED and not explicit_issuer and not targets:
            continue
        if not targets and response and len(issuers) == 1 and issuers[0] in context.hit_by:
            # "the EU reserved the right to respond": to whoever hit the EU before
            targets = [context.hit_by[issuers[0]]]
        if not targets:
            focus_target = context.focus_target(issuers)
            targets = [focus_target] if focus_target else []
        clause_end = _clause_end(text, trigger.end, sentence[1])
        background = status is Status.IMPOSED and bool(
            cues.background_cues.search(text, clause_start, clause_end)
        )
        kind, count, name = _target_details(text, trigger, sentence, clause_end, actors, targets)
        evidence_end = trigger.end
        for actor in actors:
            if (
                actor.code in targets
                and trigger.end <= actor.start <= trigger.end + 60
                and actor.end <= clause_end
                and not _LIST_BREAK.search(text, trigger.end, actor.start)
            ):
                evidence_end = max(evidence_end, actor.end)
                break
        target_options: list[str | None] = list(targets) or [None]
        for issuer in issuers:
            for option in target_options:
                target = None if option == issuer else option
                found.append(
                    _Found(
                        type=_origin_flip(text, trigger, actors, target),
                        status=status,
                        issuer=issuer,
                        target=target,
                        kind=kind,
                        count=count,
                        name=name,
                        start=trigger.start,
                        end=evidence_end,
                        sentence=index,
                        date=date,
                        response=response,
                        cause=response and _is_cause(text, sentence[0], trigger.start),
                        background=background,
                    )
                )
        context = context.noted(issuers, targets)
    return _drop_general(text, found), context


def _origin_flip(
    text: str, trigger: _Trigger, actors: list[_Actor], target: str | None
) -> MeasureType:
    """A ban on the target's own exports is, from the issuer's side, another type.

    Which type is the `reading.target_exports_become` column of ``data/measure_types.yaml``
    (an import ban, for an export ban).
    """
    becomes = MEASURE_TYPES[trigger.rule.type].reading.target_exports_become
    if becomes is None or target is None:
        return trigger.rule.type
    word = _EXPORT_WORD.search(text, trigger.start, trigger.end)
    if word is None:
        return trigger.rule.type
    for actor in actors:
        if actor.code != target:
            continue
        if 0 <= word.start() - actor.end <= 4 and (
            actor.kind is AliasKind.DEMONYM
            or actor.possessive
            or text[actor.end : word.start()].isspace()  # "DPRK exports of coal"
        ):
            return becomes
        gap = text[word.end() : actor.start]
        if 0 < actor.start - word.end() <= 40 and _FROM_ORIGIN.match(gap):
            return becomes
    return trigger.rule.type


def _drop_general(text: str, found: list[_Found]) -> list[_Found]:
    """Drop 'unspecified' where the sentence states a specific type for the same parties.

    "sanctions including an asset freeze" is one measure; "... recalled its envoy, warning
    that Damascus could face sanctions" states two: a new statement parts them.
    """
    specific = [f for f in found if f.type is not MeasureType.UNSPECIFIED]

    def covered(general: _Found) -> bool:
        return any(
            (f.issuer, f.target, status_class(f.status))
            == (general.issuer, general.target, status_class(general.status))
            and not _NEW_STATEMENT.search(
                text, min(f.end, general.end), max(f.start, general.start)
            )
            for f in specific
        )

    return [f for f in found if f.type is not MeasureType.UNSPECIFIED or not covered(f)]


def _map_back(item: _Found, offsets: _OffsetMap) -> _Found:
    """A measure found in squeezed text, with its evidence span in the original text."""
    start, end = _original_span(offsets, item.start, item.end)
    return dataclasses.replace(item, start=start, end=end)


def _is_cause(text: str, sentence_start: int, start: int) -> bool:
    """Whether a cue right before ``start`` names the measure there as a cause."""
    return bool(_CAUSE_BEFORE.search(text, max(sentence_start, start - 120), start))


def _answered(found: list[_Found]) -> dict[int, _Found]:
    """For each measure that answers another, by index, the measure it answers.

    A measure answers one by its target against its issuer where its sentence has a response
    cue and it is not itself named as a cause ("in retaliation for Oslo's sanctions"); it
    answers the measure named as the cause, else the first such measure in the text. The link
    runs one way: where two measures would answer each other, only the later one in the text
    answers, so a measure answered never points back.
    """
    answers: dict[int, int] = {}
    for index, item in enumerate(found):
        if not item.response or item.cause or item.target is None:
            continue
        opposite = [
            other
            for other, o in enumerate(found)
            if (o.issuer, o.target) == (item.target, item.issuer)
        ]
        if opposite:
            answers[index] = next((o for o in opposite if found[o].cause), opposite[0])
    return {
        index: found[other]
        for index, other in answers.items()
        if answers.get(other) != index or found[other].start < found[index].start
    }


def _to_measures(
    text: str, found: list[_Found], day: dt.date | None, source: str | None
) -> list[Measure]:
    seen: dict[tuple[str, str | None, MeasureType, Status], _Found] = {}
    for item in found:
        seen.setdefault((item.issuer, item.target, item.type, item.status), item)
    firsts = list(seen.values())
    answered = _answered(firsts)
    measures = []
    for index, item in enumerate(firsts):
        cause = answered.get(index)
        responds_to = (
            None
            if cause is None
            else MeasureRef(issuer=cause.issuer, target=cause.target, type=cause.type)
        )
        measures.append(
            Measure(
                type=item.type,
                status=item.status,
                issuer=Issuer(code=item.issuer),
                target=Target(code=item.target, kind=item.kind, count=item.count, name=item.name),
                evidence=Evidence(text=text[item.start : item.end], start=item.start, end=item.end),
                date=item.date or (None if item.background else day),
                source=source,
                responds_to=responds_to,
            )
        )
    return measures
