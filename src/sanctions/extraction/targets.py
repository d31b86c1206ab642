"""Target details: the kind, count and name of what a measure is aimed at, from its words.

The *target phrase* is what a trigger is aimed at: the words from the trigger to the end of
its object ("froze the assets of 16 people and companies, ..."), else, in a passive or "face"
construction, the subject before it ("Five MPs were hit with sanctions"). Its head nouns are
looked up in ``data/target_words.yaml``:

- of adjacent table words the last is the head ("energy companies" is entity, "oil sector"
  is sector);
- heads joined by "and", "or" or commas are read together: individuals with entities are
  individual (the annotation guide), single goods or sector words before a modified head
  modify it ("oil, gas and gold sectors" is sector);
- a number right before the first head counts it ("16 people and companies": 16, "1,120
  individuals", "nine officials"); "dozens of", "more than 500" give no count, and only persons
  and entities are counted;
- the name is the proper name in the phrase for an entity or persons ("Lockheed Martin"), and
  the words themselves for goods and sectors, generic words left out ("oil, gas and gold").

>>> from sanctions import extract
>>> [(m.target.kind.value, m.target.count, m.target.name) for m in extract(
...     "Canada froze the assets of 16 Russian people and companies.")]
[('individual', 16, None)]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from .._tables import load_rows
from ..actors import AliasKind
from ..errors import VocabularyError
from ..vocabulary import MeasureType, TargetKind
from .mentions import _Actor
from .sentences import _clause_start
from .triggers import _Trigger

_PRIORITY = (TargetKind.INDIVIDUAL, TargetKind.ENTITY, TargetKind.SECTOR, TargetKind.STATE)
# How far a target phrase runs past its trigger: 14 words.
_WORDS_AFTER = re.compile(r"(?:\s*\S+){0,14}")

# Where a target phrase ends: punctuation (a comma only where no list goes on), a clause or an
# adjunct (a reason, a time, an agent), or a second verb joined by "and".
_PHRASE_BREAK = re.compile(
    r"[;:!?()\[\]\"“”]|\s[—–-]\s|"
    r",(?!\d|\s*(?:[\w'’.-]+,?\s+){0,3}(?:and|or)\s)|"
    r"\s(?:that|which|who|whom|whose|because|after|over|amid|following|as|while|but|when|if|"
    r"unless|until|since|before|by|under|in\s+(?:response|retaliation|protest|a\s+bid))\b|"
    r"\sto\s+(?!(?:the|its|their|all|any|every|some|a|an|more|other)\b)[a-z]+\s+"
    r"(?:the|its|their|his|her|a|an)\b|"
    r"\s(?:and|or)\s+(?:(?:has|have|had|will|would|could|may|might|is|are|was|were|also|then|"
    r"later|said|says)\b|[a-z]+ed\b)",
    re.IGNORECASE,
)
# A subject before a passive or "face" trigger: "Nine officials were barred", "Five MPs have
# been hit with sanctions", "more people could face penalties", "will have their assets frozen".
_PASSIVE_BEFORE = re.compile(
    r"\s(?:is|are|was|were|be|been|being|get|gets|got|face|faces|faced|facing|risk|risks|"
    r"(?:have|has|had|having)\s+(?:all\s+)?(?:their|its|his|her))\s+(?:[\w'’.$-]+\s+){0,3}$",
    re.IGNORECASE,
)
# What was put on a list: "put two ministers and four firms on the SDN list".
_LISTED_BEFORE = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing|added|adds|adding)\s+(?P<np>[^;:]{1,120}?)"
    r"\s+(?:on|to|onto)\s+(?:the\s+|its\s+|their\s+|a\s+)?$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100,
}  # fmt: skip
_UNITS = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# A number right before a head: "16 people", "1,120 individuals", "twenty-five officials",
# "four of Australia's biggest meat processors", "46 more affiliates"; a hedge voids it.
_COUNT = re.compile(
    rf"(?:\b(?P<hedge>more\s+than|fewer\s+than|less\s+than|over|at\s+least|up\s+to|about|"
    rf"around|nearly|almost|some|roughly|approximately|an\s+estimated)\s+)?"
    rf"(?:(?<![\w$€£.,])(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![.,]?\d|\s*%)|"
    rf"\b(?P<words>(?:{_UNITS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?))"
    rf"\s+(?:of\s+(?:the\s+|its\s+|their\s+|[\w.-]+['’]s\s+)?)?(?:[\w'’.&-]+\s+){{0,3}}$",
    re.IGNORECASE,
)
# One describing word before goods: "Russian seaborne oil", "its luxury goods", not a verb.
_LEAD = re.compile(r"(?P<before>[\w'’.-]+)\s+(?P<word>[a-z][a-z-]*)\s+$")
_POSS = ("'s", "’s")
_FUNCTION_WORDS = frozenset(
    (
        "the", "a", "an", "its", "their", "his", "her", "all", "some", "any", "every", "certain",
        "other", "more", "several", "new", "further", "additional", "both", "these", "those",
        "this", "such", "and", "or", "of", "on", "in", "to", "for", "from", "with", "against",
        "into", "at", "as", "by", "most", "many", "key", "major", "main",
    )
)  # fmt: skip
# A proper name: capitalised words, joined by "of", "for", "and" or "&" inside the name.
_NAME_WORD = re.compile(r"[A-Z][\w.&'’()-]*[\w.)]|[A-Z]")
_PLACE_OR_TIME = re.compile(r"\b(?:on|in|at|from|since|until|by|to|into)\s+$", re.IGNORECASE)
_NAME_JOIN = re.compile(r"^\s+(?:(?:of|for|de|and|&)\s+(?:the\s+)?)?$")
_NOT_NAMES = re.compile(  # months and days are times, not names
    r"(?:(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Sept|Nov|Dec)ember|October|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)\.?$"
)


class TargetWordRow(BaseModel):
    """One row of ``data/target_words.yaml``: words that say what kind of target a phrase names."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: The kind the words give; ``none`` for names of lists that name no target.
    kind: TargetKind | Literal["none"]
    words: tuple[str, ...] = ()
    #: Measure types whose target is of this kind where the target phrase names none.
    default_for: tuple[MeasureType, ...] = ()
    #: The word says the kind but not what is targeted: it is left out of the name.
    generic: bool = False

    @model_validator(mode="after")
    def _words_or_types(self) -> TargetWordRow:
        if bool(self.words) == bool(self.default_for):
            raise ValueError("a row has words or default_for, not both and not neither")
        if self.default_for and self.kind == "none":
            raise ValueError("default_for needs a kind")
        return self

    @field_validator("words")
    @classmethod
    def _lower(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        for word in words:
            if not word or word != word.lower() or word != " ".join(word.split()):
                raise ValueError(f"word {word!r} must be lower-case text, single-spaced")
        return words


@dataclass(frozen=True, slots=True)
class TargetWords:
    """The compiled table: one regex over every word, and the row of each word."""

    regex: re.Pattern[str]
    rows: dict[str, TargetWordRow]
    #: The kind a measure type implies where its target phrase names none.
    defaults: dict[MeasureType, TargetKind]

    @classmethod
    def of(cls, rows: Iterable[TargetWordRow], where: str = "target_words.yaml") -> TargetWords:
        """Compile rows; a word in two rows raises `VocabularyError`."""
        by_word: dict[str, TargetWordRow] = {}
        defaults: dict[MeasureType, TargetKind] = {}
        for row in rows:
            for type_ in row.default_for:
                if type_ in defaults:
                    raise VocabularyError(f"{where}: {type_.value!r} has two default kinds")
                defaults[type_] = TargetKind(row.kind)
            for word in row.words:
                if word in by_word:
                    raise VocabularyError(f"{where}: {word!r} stands in two rows")
                by_word[word] = row
        parts = (
            r"\s+".join(re.escape(part).replace("'", "['’]") for part in word.split())
            for word in sorted(by_word, key=len, reverse=True)
        )
        regex = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)
        return cls(regex=regex, rows=by_word, defaults=defaults)

    def row(self, word: str) -> TargetWordRow:
        """The row of a matched word (any case, any spacing, either apostrophe)."""
        return self.rows[" ".join(word.lower().replace("’", "'").split())]


@cache
def target_words() -> TargetWords:
    """The package's table of target words, validated and compiled once."""
    return TargetWords.of(load_rows("target_words.yaml", TargetWordRow))


@dataclass(frozen=True, slots=True)
class _Head:
    """A head noun of the target phrase (the last of adjacent table words)."""

    start: int  # where its compound starts ("energy" in "energy companies")
    end: int
    word: int  # where the head word itself starts ("companies")
    kind: TargetKind
    generic: bool
    modified: bool  # it has table words before it in its compound
    name: str | None = None  # an entity mention's own name


@dataclass(frozen=True, slots=True)
class TargetDetails:
    """What the words of a target phrase say: kind, count and name (None where they don't)."""

    kind: TargetKind | None
    count: int | None = None
    name: str | None = None


def _target_details(
    text: str,
    trigger: _Trigger,
    sentence: tuple[int, int],
    clause_end: int,
    actors: list[_Actor],
    targets: Iterable[str],
) -> tuple[TargetKind, int | None, str | None]:
    """The kind, count and name of a trigger's target.

    From the words of its target phrase; where they name no kind, an entity among the
    target mentions ("the Treasury blacklisted Sovcomflot"), else the kind the trigger rule
    gives, else the kind the measure type implies (``default_for`` in the table), else the
    state.
    """
    codes = set(targets)
    starts = [a.start for a in actors]
    for span in _phrases(text, trigger, sentence, clause_end):
        # the mentions in or just before the phrase (actors are in text order)
        near = actors[bisect_left(starts, span[0] - 40) : bisect_left(starts, span[1])]
        details = _read(text, span, trigger, near, codes, target_words())
        if details.kind is not None:
            return details.kind, details.count, details.name
    entity = next(
        (a for a in actors if a.kind is AliasKind.ENTITY and a.code in codes and a.text), None
    )
    if entity is not None:
        return TargetKind.ENTITY, None, re.sub(r"^[Tt]he\s+", "", entity.text)
    default = target_words().defaults.get(trigger.rule.type)
    return trigger.rule.sector or default or TargetKind.STATE, None, None


def _phrases(
    text: str, trigger: _Trigger, sentence: tuple[int, int], clause_end: int
) -> Iterator[tuple[int, int]]:
    """The target phrases to read, in turn: the object, a passive subject, what was listed.

    The last two end right before the trigger: they are read at most 160 characters back.
    """
    words = _WORDS_AFTER.match(text, trigger.end, clause_end)
    stop = words.end() if words else clause_end
    found = _PHRASE_BREAK.search(text, trigger.end, stop)
    yield trigger.start, found.start() if found else stop
    clause_start = _clause_start(text, max(sentence[0], trigger.start - 160), trigger.start)
    before = _PASSIVE_BEFORE.search(text, clause_start, trigger.start)
    if before is not None:
        yield clause_start, before.start()
    listed = _LISTED_BEFORE.search(text, clause_start, trigger.start)
    if listed is not None:
        yield listed.span("np")


def _heads(
    text: str,
    span: tuple[int, int],
    actors: list[_Actor],
    targets: set[str],
    table: TargetWords,
) -> list[_Head]:
    """The head nouns in a span, in order: compounds of adjacent table words, entity mentions."""
    # only the mentions that touch the span can hold a head or own one
    actors = [a for a in actors if a.start < span[1] and a.end >= span[0]]
    others = [a for a in actors if a.kind is not AliasKind.ENTITY]
    heads: list[_Head] = []
    for match in table.regex.finditer(text, *span):
        row = table.row(match.group())
        inside = any(a.start <= match.start() < a.end for a in actors)
        # "U.S. persons", "American companies": the issuer's own, not the target
        owner = next((a for a in others if 0 <= match.start() - a.end <= 1), None)
        if inside or (owner is not None and owner.code not in targets):
            continue
        previous = heads[-1] if heads else None
        adjacent = previous is not None and not text[previous.end : match.start()].strip(" -")
        if row.kind == "none":
            if adjacent:
                heads.pop()
            continue
        start = previous.start if previous is not None and adjacent else match.start()
        if adjacent:
            heads.pop()
        heads.append(_Head(start, match.end(), match.start(), row.kind, row.generic, adjacent))
    for actor in actors:
        if actor.kind is AliasKind.ENTITY and span[0] <= actor.start < span[1]:
            name = re.sub(r"^[Tt]he\s+", "", actor.text)
            heads.append(
                _Head(actor.start, actor.end, actor.start, TargetKind.ENTITY, True, False, name)
            )
    heads.sort(key=lambda head: head.start)
    return heads


_COORDINATED = re.compile(
    r"^(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?"
    r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|as\s+well\s+as|plus)\s+)"
    r"(?:[\w'’.$-]+,?\s+){0,3}$"
)


def _read(
    text: str,
    span: tuple[int, int],
    trigger: _Trigger,
    actors: list[_Actor],
    targets: set[str],
    table: TargetWords,
) -> TargetDetails:
    heads = _heads(text, span, actors, targets, table)
    if not heads:
        return TargetDetails(None)
    group = [heads[0]]
    for head in heads[1:]:
        if not _COORDINATED.match(text[group[-1].end : head.start]):
            break
        group.append(head)
    last = group[-1]
    if last.modified and all(h.kind in (TargetKind.STATE, TargetKind.SECTOR) for h in group[:-1]):
        kinds = {last.kind}  # "oil, gas and gold sectors": the words before modify the head
    else:
        kinds = {h.kind for h in group}
    kind = next(k for k in _PRIORITY if k in kinds)
    count = _count(text, span[0], group) if kind in _PRIORITY[:2] else None
    if kind in (TargetKind.STATE, TargetKind.SECTOR):
        name = _words_name(text, span[0], group)
    else:
        name = _proper_name(text, (max(span[0], trigger.end), span[1]), group, actors)
    return TargetDetails(kind, count, name)


def _count(text: str, start: int, group: list[_Head]) -> int | None:
    """The number of the group: of the first head, or of every head added up."""
    counts = []
    floor = start
    for head in group:
        match = _COUNT.search(text[floor : head.start])
        counts.append(None if match is None or match["hedge"] else _number(match))
        floor = head.end
    if counts[0] is not None and all(c is None for c in counts[1:]):
        return counts[0]
    if all(c is not None for c in counts):
        return sum(c for c in counts if c is not None)
    return None


def _number(match: re.Match[str]) -> int | None:
    if match["digits"]:
        return int(match["digits"].replace(",", ""))
    word = " ".join(match["words"].lower().split())
    tens, _, unit = word.partition("-")
    return _NUMBER_WORDS.get(tens, 0) + (_NUMBER_WORDS.get(unit, 0) if unit else 0) or None


def _words_name(text: str, start: int, group: list[_Head]) -> str | None:
    """The goods or sectors themselves: "oil", "seaborne oil", "oil, gas and gold"."""
    first, last = group[0], group[-1]
    begin = first.start
    lead = _LEAD.search(text, start, first.start)
    if lead is not None and not (
        lead["word"] in _FUNCTION_WORDS or lead["word"].endswith(("ed", "ing"))
    ):
        before = lead["before"]
        if before[0].isupper() or before.lower() in _FUNCTION_WORDS or before[-2:] in _POSS:
            begin = lead.start("word")  # "Russian seaborne oil", "its luxury goods"
    end = last.end
    if last.generic:  # "oil and gas sector" names "oil and gas"; "the country" names nothing
        end = last.word if last.modified else (group[-2].end if len(group) > 1 else begin)
    name = " ".join(text[begin:end].split()).strip(" ,")
    name = re.sub(r"(?:,|\s+(?:and|or|as\s+well\s+as))$", "", name)
    return name or None


def _proper_name(
    text: str, span: tuple[int, int], group: list[_Head], actors: list[_Actor]
) -> str | None:
    """The entities or persons named in the phrase: "Lockheed Martin", "Rosneft and Sberbank"."""
    named = [h.name for h in group if h.name]
    if named:
        return " and ".join(dict.fromkeys(named))
    states = [a for a in actors if a.kind is not AliasKind.ENTITY]
    runs: list[tuple[int, int]] = []
    for word in _NAME_WORD.finditer(text, *span):
        in_state = any(a.start <= word.start() < a.end for a in states)
        if _NOT_NAMES.match(word.group()) or (in_state and not runs):
            continue
        if not runs and _PLACE_OR_TIME.search(text, max(0, word.start() - 8), word.start()):
            continue  # "on Tuesday", "in Brussels": a time or a place, not a target's name
        if runs and _NAME_JOIN.match(text[runs[-1][1] : word.start()]):
            runs[-1] = (runs[-1][0], word.end())
        elif in_state or runs:
            break  # one name: the first run of capitalised words
        else:
            runs.append((word.start(), word.end()))
    if not runs:
        return None
    name = " ".join(text[runs[0][0] : runs[0][1]].split())
    name = re.sub(r"\s+(?:and|of|for|&)$", "", name)
    return re.sub(r"(?<=[a-z]{3})\.$", "", name) or None
