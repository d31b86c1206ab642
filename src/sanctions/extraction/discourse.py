"""Stage 7: what the document says around a sentence, and what a later clause carries over.

A sentence that does not name its issuer or target takes them from the document: the issuer
it names most often, the latest target, the state it names most (`_Context`). The context is
a value: `_Context.noted` returns the context after a measure, which the next trigger reads.
An elliptical clause ("Canada followed suit") repeats the latest measures for its own
issuers (`_ellipses`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors import AliasKind
from ..codes import actor_kind
from ..rules import Cues
from ..vocabulary import MeasureType, Status
from .clues import _MEETING_PLACE, _OBJECT_OF_VERB, _SUBJECT, _is_reason, _may_issue, _unique
from .mentions import _Actor, _coordinated
from .sentences import _clause_start, _last_words

if TYPE_CHECKING:  # measures.py builds on this module; a _Found is only read or copied here
    from .measures import _Found

_ELLIPSIS = re.compile(
    r"\b(?:done|do|doing|does|did)\s+(?:so|the\s+same|likewise)\b|\bfollow\w*\s+suit\b|"
    r"\b(?:a|the)\s+(?:similar|same)\s+(?:step|move|measure)\b",
    re.IGNORECASE,
)
_REASON_ZONE_BEFORE = re.compile(r"\b(?:over|amid|since)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Context:
    """What the document says around a sentence: its latest issuers and targets, its focus.

    Every lookup costs time bounded by the number of distinct actors, not by the length of
    the document, so a long text stays linear. The dicts are never changed in place:
    `noted` returns a new context with new ones.
    """

    #: States by how often the document names them (causes aside), then by first mention.
    ranking: tuple[str, ...]
    #: Subject codes in order of first appearance, each once.
    actors_first: tuple[str, ...]
    #: Targets seen so far, each once, the latest last.
    targets: dict[str, None] = dataclasses.field(default_factory=dict)
    #: How often each issuer was named explicitly, in order of first naming.
    issuer_counts: dict[str, int] = dataclasses.field(default_factory=dict)
    #: For each party hit by a measure so far, the latest issuer that hit it.
    hit_by: dict[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, text: str, mentions: list[_Actor], causes: set[int]) -> _Context:
        """The context at the start of a document with these mentions and causes (by id)."""
        # Mentions that stand as a subject of a verb, in document order.
        subjects = [
            m
            for m in mentions
            if id(m) not in causes
            and m.kind not in (AliasKind.DEMONYM, AliasKind.ENTITY)
            and _SUBJECT.match(text, m.end)
            and not _OBJECT_OF_VERB.search(text, max(0, m.start - 30), m.start)
        ]
        # Every mention in the document: its most named state is the article's focus.
        counts: dict[str, int] = {}
        for mention in mentions:
            if id(mention) in causes:
                continue  # "over Ukraine": a cause, not the article's focus
            if actor_kind(mention.code).value == "state":
                counts[mention.code] = counts.get(mention.code, 0) + 1
        order = {code: position for position, code in enumerate(counts)}
        ranking = tuple(sorted(counts, key=lambda code: (-counts[code], order[code])))
        return cls(ranking=ranking, actors_first=tuple(dict.fromkeys(m.code for m in subjects)))

    def noted(self, issuers: Sequence[str], targets: Iterable[str | None]) -> _Context:
        """The context after a measure with these parties."""
        issuer_counts = dict(self.issuer_counts)
        for code in issuers:
            issuer_counts[code] = issuer_counts.get(code, 0) + 1
        latest = dict(self.targets)
        hit_by = dict(self.hit_by)
        for target in targets:
            if target is not None:
                latest.pop(target, None)
                latest[target] = None
                for code in issuers:
                    if code != target:
                        hit_by[target] = code
        return _Context(self.ranking, self.actors_first, latest, issuer_counts, hit_by)

    def focus_target(self, issuers: Iterable[str]) -> str | None:
        """The latest target of another measure, else the state the document names most."""
        exclude = set(issuers)
        for code in reversed(self.targets):
            if code not in exclude:
                return code
        return next((code for code in self.ranking if code not in exclude), None)

    def focus_issuer(self, targets: Iterable[str]) -> str | None:
        """The issuer named most often so far (of equals, the first), else the first actor."""
        exclude = set(targets)
        # the issuer named most often so far; of equals, the one named first (the lead's)
        seen = [code for code in self.issuer_counts if code not in exclude]
        if seen:
            first = {code: position for position, code in enumerate(self.issuer_counts)}
            return max(seen, key=lambda code: (self.issuer_counts[code], -first[code]))
        # Nothing issued yet: the first party the article shows acting ("The African Union is
        # stepping up its pressure on ...").
        return next((code for code in self.actors_first if code not in exclude), None)


def _causes(text: str, mentions: list[_Actor], cues: Cues) -> set[int]:
    """The ids of the mentions that name a cause ("over the invasion of Ukraine") or a venue."""
    return {
        id(m)
        for m in mentions
        if _is_reason(text, m, max(0, m.start - 30), cues)
        or _REASON_ZONE_BEFORE.search(text, max(0, m.start - 12), m.start)
        or _MEETING_PLACE.search(text, max(0, m.start - 30), m.start)  # "gathered in Rome"
    }


def _ellipses(
    text: str,
    spans: list[tuple[int, int]],
    mentions: list[_Actor],
    causes: set[int],
    results: list[_Found],
    cues: Cues,
) -> list[_Found]:
    """Measures that a later clause repeats for other issuers without naming them again.

    "The EU shut its airspace to Russian planes; Germany, France and Italy had already done
    so", "Canada followed suit": the measures of the latest sentence that states any, copied
    to the issuers of the elliptical clause, with the status its own words give.
    """
    # Results come in document order; each lookup below is a bisection or bounded by one
    # sentence, so many elliptical clauses in a long text still cost linear time.
    result_starts = [f.start for f in results]
    mention_starts = [m.start for m in mentions]
    added: list[_Found] = []
    # a clause before the first sentence with a measure has nothing to repeat
    for match in _ELLIPSIS.finditer(text, spans[results[0].sentence][0]):
        index = bisect.bisect_right(spans, (match.start(), len(text))) - 1
        if index < 0 or match.start() >= spans[index][1]:
            continue
        sentence = spans[index]
        last = bisect.bisect_left(result_starts, match.start()) - 1
        if last < 0 or results[last].sentence < index - 2:
            continue
        latest = results[last].sentence
        antecedents = []
        while last >= 0 and results[last].sentence == latest:
            antecedents.append(results[last])
            last -= 1
        antecedents.reverse()
        clause = _clause_start(text, sentence[0], match.start())
        window = _last_words(text[clause : match.start()], 6) + match.group()
        if cues.status["negation"].left.search(window):
            continue
        first = bisect.bisect_left(mention_starts, sentence[0])
        stop = bisect.bisect_left(mention_starts, match.start())
        before = [
            i
            for i in range(first, stop)
            if mentions[i].end <= match.start()
            and id(mentions[i]) not in causes
            and _may_issue(text, mentions[i], set(), sentence[0], match.start(), cues)
        ]
        if not before:
            continue
        issuers = _unique(a.code for a in _coordinated(text, mentions, before[-1], -1))
        status = next(
            (
                Status(name)
                for name in ("threatened", "announced")
                if cues.status[name].left.search(window)
            ),
            Status.IMPOSED,
        )
        seen: set[tuple[str, str | None, MeasureType]] = set()
        for item in antecedents:
            for issuer in issuers:
                key = (issuer, item.target, item.type)
                if issuer == item.issuer or issuer == item.target or key in seen:
                    continue
                seen.add(key)
                added.append(
                    dataclasses.replace(
                        item,
                        issuer=issuer,
                        status=item.status if item.status is Status.LIFTED else status,
                        start=match.start(),
                        end=match.end(),
                        sentence=index,
                    )
                )
    if not added:
        return results
    # "weighing a similar step": the step is the one copied, not a measure of its own
    copied = sorted({(f.start, f.end) for f in added})
    copied_starts = [start for start, _ in copied]

    def copied_over(found: _Found) -> bool:
        at = bisect.bisect_right(copied_starts, found.start) - 1
        return at >= 0 and copied[at][0] <= found.start < copied[at][1]

    kept = [f for f in results if f.type is not MeasureType.UNSPECIFIED or not copied_over(f)]
    return sorted(kept + added, key=lambda f: (f.start, f.sentence))
