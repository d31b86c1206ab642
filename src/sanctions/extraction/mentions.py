"""Stage 4: actor mentions, anaphors ("the bloc") and lists of them ("Russia and Belarus").

Names, metonyms, demonyms, agencies and dated leaders come from `sanctions.actors`; an
anaphor row of ``data/cues.yaml`` resolves to the latest bloc or state named before it. What
the words around one mention say (a subject, a cause, a target modifier) is in `clues`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container
from dataclasses import dataclass

from ..actors import ActorTable, AliasKind
from ..codes import actor_kind
from ..rules import Anaphor


@dataclass(frozen=True, slots=True)
class _Actor:
    """An actor mention in a sentence, with offsets relative to the document."""

    start: int
    end: int
    code: str
    kind: AliasKind | None  # None for anaphors ("the bloc")
    possessive: bool
    text: str
    #: For a phrase that stands for a list ("the four countries"): every code of the list.
    group: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes the mention stands for: its own, or its list's."""
        return self.group or (self.code,)


_COORD = re.compile(
    # a member may carry a collective head: "the G7 nations, the EU and Australia"
    r"^(?:\s+(?:nations|countries|states|member\s+states|governments|allies|partners|"
    r"economies|powers))?"
    r"(?:\s*,\s*|\s*,?\s*(?:and|or|as\s+well\s+as|plus|&)\s+)(?:the\s+)?"
    r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:(?:\w+\s+){0,2}(?:countries|members|member\s+states|states|nations)\s+of\s+(?:the\s+)?)?$"
)
_HEAD_COORD = re.compile(
    r"^\s+[\w-]+(?:\s+[\w-]+)?(?:,[^,;]{1,40},)?\s+(?:and|or|as\s+well\s+as)\s+(?:the\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|some|\d+)\s+)?$"
)
_CONJUNCTION = re.compile(r"\b(?:and|or|plus|as\s+well\s+as)\b|&")


def _find_mentions(
    text: str,
    day: dt.date | None,
    actors_table: ActorTable,
    anaphor_rows: tuple[Anaphor, ...],
    searched: Container[int],
) -> list[_Actor]:
    """Every actor mention and resolved anaphor of ``text``, in order, none overlapping.

    Only the anaphor rows whose indexes are in ``searched`` are looked for: the others cannot
    match (see `prefilter._anaphors_possible`).
    """
    actors = [
        _Actor(m.start, m.end, m.code, m.kind, m.possessive, m.text)
        for m in actors_table.find(text, on=day)
    ]
    found = sorted(
        (
            (match.start(), index, match)
            for index, anaphor in enumerate(anaphor_rows)
            if index in searched
            for match in anaphor.regex.finditer(text)
        ),
        key=lambda item: (item[0], item[1]),
    )
    # One sweep in text order: the latest bloc or state mentioned so far, overall and by
    # the last word of its name ("the Council" is the latest "... Council ..." bloc).
    anaphors: list[_Actor] = []
    latest: dict[str, _Actor] = {}
    latest_named: dict[tuple[str, str], _Actor] = {}
    lists = _Lists(text)
    cursor = 0
    for start, index, match in found:
        while cursor < len(actors) and actors[cursor].end <= start:
            actor = actors[cursor]
            kind = actor_kind(actor.code).value
            latest[kind] = actor
            for word in actor.text.lower().split():
                latest_named[(kind, word)] = actor
            lists.add(actor)
            cursor += 1
        if cursor < len(actors) and actors[cursor].start <= start:
            continue  # inside an actor's own name
        anaphor = anaphor_rows[index]
        if anaphor.kind == "group":
            members = lists.latest(_size(match.group()))
            if members:
                possessive = text.startswith(("'s", "’s"), match.end())
                anaphors.append(
                    _Actor(
                        match.start(), match.end(), members[0], None, possessive,
                        match.group(), members,
                    )
                )  # fmt: skip
            continue
        head = match.group().split()[-1].lower()
        chosen = latest_named.get((anaphor.kind, head)) or latest.get(anaphor.kind)
        code = chosen.code if chosen is not None else anaphor.default
        if code is not None:
            possessive = text.startswith(("'s", "’s"), match.end())
            anaphors.append(
                _Actor(match.start(), match.end(), code, None, possessive, match.group())
            )
    merged = sorted(actors + anaphors, key=lambda a: (a.start, -a.end))
    out: list[_Actor] = []
    for actor in merged:
        if out and actor.start < out[-1].end:
            continue
        out.append(actor)
    return out


_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_NUMBER |= {"nine": 9, "ten": 10, "both": 2}


def _size(phrase: str) -> int | None:
    """The number a group phrase gives ("the four countries": 4), if any."""
    return next((_NUMBER[w] for w in phrase.lower().split() if w in _NUMBER), None)


class _Lists:
    """The lists of states and blocs named so far ("Saudi Arabia, Bahrain and Egypt").

    The phrases that stand for one ("the three countries") resolve to the latest of its size.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.run: list[_Actor] = []
        self.done: list[tuple[str, ...]] = []

    def add(self, actor: _Actor) -> None:
        """Take the next mention in text order."""
        if actor_kind(actor.code).value not in ("state", "bloc") or actor.kind is AliasKind.DEMONYM:
            self._close()
            return
        if self.run and not _COORD.match(self.text[self.run[-1].end : actor.start]):
            self._close()
        self.run.append(actor)

    def _close(self) -> None:
        codes = self._open_list()
        if codes:
            self.done.append(codes)
        self.run = []

    def _open_list(self) -> tuple[str, ...]:
        """The codes of the run being read, if it is a list of two or more joined by "and"."""
        codes = tuple(dict.fromkeys(a.code for a in self.run))
        if len(codes) < 2 or not _CONJUNCTION.search(
            self.text[self.run[0].end : self.run[-1].start]
        ):
            return ()
        return codes

    def latest(self, size: int | None) -> tuple[str, ...]:
        """The latest list closed or open of ``size`` members (any size of two or more)."""
        for codes in (self._open_list(), *reversed(self.done)):
            if codes and (size is None or len(codes) == size):
                return codes
        return ()


def _coordinated(text: str, actors: list[_Actor], first: int, step: int) -> list[_Actor]:
    """The mention at ``first`` and those coordinated with it ("Russia and Belarus")."""
    group = [actors[first]]
    conjunction = False
    index = first + step
    while 0 <= index < len(actors):
        if actors[index].kind is AliasKind.ENTITY and 0 <= index + step < len(actors):
            # "two Iranian lenders, Bank Melli among them, and one Syrian lender": an entity
            # named in an aside between two coordinated demonyms is passed over
            ends = (group[-1], actors[index + step])
            prev, cur = ends if step > 0 else ends[::-1]
            if prev.kind is cur.kind is AliasKind.DEMONYM and _HEAD_COORD.match(
                text[prev.end : cur.start]
            ):
                index += step
                continue
        prev, cur = (group[-1], actors[index]) if step > 0 else (actors[index], group[-1])
        between = text[prev.end : cur.start]
        if prev.possessive:
            between = re.sub(r"^(?:'s|’s|')", "", between)
        if not _COORD.match(between) and not (
            # "two Iranian lenders and one Syrian lender": two demonyms, each with its head
            prev.kind is AliasKind.DEMONYM
            and cur.kind is AliasKind.DEMONYM
            and _HEAD_COORD.match(between)
        ):
            break
        conjunction = conjunction or "," not in between or bool(_CONJUNCTION.search(between))
        group.append(actors[index])
        index += step
    # Commas alone do not make a list: "Citing the invasion of Ukraine, the EU ...".
    return group if conjunction else group[:1]
