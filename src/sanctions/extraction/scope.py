"""The setting of one trigger that the role stages read: its sentence, clause and mentions."""

from __future__ import annotations

from dataclasses import dataclass

from ..rules import Cues
from .mentions import _Actor
from .sentences import _clause_end, _clause_start
from .triggers import _Trigger


@dataclass(frozen=True, slots=True)
class _Scope:
    """One trigger in its sentence, with the mentions the role stages choose from."""

    text: str
    sentence: tuple[int, int]
    trigger: _Trigger
    #: The mentions of the sentence, in order.
    actors: list[_Actor]
    cues: Cues
    #: Where the trigger's clause starts (before it) and ends (after it).
    clause_start: int
    clause_end: int
    #: (index in ``actors``, mention) from the trigger's start to the end of its clause.
    after: list[tuple[int, _Actor]]
    #: (index in ``actors``, mention) from the start of the clause to the trigger.
    before: list[tuple[int, _Actor]]

    @classmethod
    def of(
        cls,
        text: str,
        sentence: tuple[int, int],
        trigger: _Trigger,
        actors: list[_Actor],
        cues: Cues,
    ) -> _Scope:
        """The scope of ``trigger`` among the mentions ``actors`` of its ``sentence``."""
        clause_start = _clause_start(text, sentence[0], trigger.start)
        clause_end = _clause_end(text, trigger.end, sentence[1])
        after = [
            (i, a) for i, a in enumerate(actors)
            if a.start >= trigger.start and a.start < clause_end
        ]  # fmt: skip
        before = [
            (i, a)
            for i, a in enumerate(actors)
            if a.end <= trigger.start and a.start >= clause_start
        ]
        return cls(text, sentence, trigger, actors, cues, clause_start, clause_end, after, before)

    @property
    def floor(self) -> int:
        """Where the sentence starts: no window looks back past it."""
        return self.sentence[0]

    @property
    def noun(self) -> bool:
        """Whether the trigger is a noun-form rule ("sanctions", "a ban on")."""
        return self.trigger.rule.form == "noun"
