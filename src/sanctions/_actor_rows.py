"""Actor alias rows: the YAML row models, their validation, and dated validity periods.

A row of ``sanctions/data/actors/*.yaml`` is an `AliasRow`: the names that stand for one actor
code, of one `AliasKind`, possibly dated (a leader's office, or a ``since``/``until`` validity
period). Each alias of a row is indexed as an `_Entry`; `_choose` picks the entry an alias stands
for on a date, and `_overlap` tells whether two entries would conflict. Alias normalisation
(`_core`, `_key`) lives here too, since row validation needs it.

Private: the public names are re-exported by `sanctions.actors`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .codes import is_actor_code

#: Days after a leader leaves office during which the short form (surname) still resolves.
GRACE_DAYS = 365


class AliasKind(StrEnum):
    """What sort of expression an alias is; the order is the tie-break between kinds."""

    NAME = "name"
    BLOC = "bloc"
    DEMONYM = "demonym"
    CAPITAL = "capital"
    SEAT = "seat"
    AGENCY = "agency"
    LEADER = "leader"
    #: A state-owned or state-tied company, bank or body that is a target, never an issuer
    #: ("Rosoboronexport", "PDVSA", "the IRGC").
    ENTITY = "entity"


class Role(StrEnum):
    """A leader's office."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"
    OTHER = "other"


_KIND_RANK = {kind: rank for rank, kind in enumerate(AliasKind)}


class AliasRow(BaseModel):
    """One row of an actor table: the names that stand for one actor code.

    ``names`` always resolve, unless the row has a validity period: then, given a date, they
    resolve to ``code`` only from ``since`` to ``until`` (either may be open), and a row of the
    same kind without a period, if any, gives the code at other dates ("Moscow" is ``SUN`` until
    1991, ``RUS`` otherwise). ``short`` forms (a leader's surname) resolve only while the leader
    is in office, plus `GRACE_DAYS` after ``end``; they exist only on ``leader`` rows, which also
    carry a ``role`` and a ``start`` date (``end`` is null while the leader is in office) and
    are dated by that office rather than by a validity period::

        >>> AliasRow(code="JPN", kind="capital", names=("Tokyo",)).kind
        <AliasKind.CAPITAL: 'capital'>
        >>> AliasRow(code="SUN", kind="capital", names=("Moscow",), until="1991-12-25").until
        datetime.date(1991, 12, 25)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: The actor code the names stand for ("JPN", "EU").
    code: str
    #: What sort of expression the names are.
    kind: AliasKind
    #: Forms that always resolve: "Tokyo", "the Kremlin", a leader's full name.
    names: tuple[str, ...] = Field(min_length=1)
    #: Leader rows only: short forms valid in office (plus grace), such as the surname.
    short: tuple[str, ...] = ()
    #: Leader rows only: the office held.
    role: Role | None = None
    #: Leader rows only: first day in office.
    start: datetime.date | None = None
    #: Leader rows only: last day in office, or null while in office.
    end: datetime.date | None = None
    #: Other rows: first day on which the names stand for ``code`` (null: no limit).
    since: datetime.date | None = None
    #: Other rows: last day on which the names stand for ``code`` (null: no limit).
    until: datetime.date | None = None

    @field_validator("code")
    @classmethod
    def _known_code(cls, value: str) -> str:
        if not is_actor_code(value):
            raise ValueError(f"{value!r} is not an actor code")
        return value

    @field_validator("names", "short")
    @classmethod
    def _clean_names(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            if not _core(value):
                raise ValueError(f"empty alias {value!r}")
            if value != value.strip():
                raise ValueError(f"alias {value!r} has surrounding whitespace")
        return values

    @model_validator(mode="after")
    def _leader_fields(self) -> AliasRow:
        if self.kind is AliasKind.LEADER:
            if self.role is None or self.start is None:
                raise ValueError("a leader row needs a role and a start date")
            if self.end is not None and self.end < self.start:
                raise ValueError(f"end {self.end} is before start {self.start}")
            if self.since is not None or self.until is not None:
                raise ValueError("a leader row is dated by start and end, not since and until")
        elif self.short or self.role or self.start or self.end:
            raise ValueError("short, role, start and end belong on leader rows only")
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError(f"until {self.until} is before since {self.since}")
        return self

    @property
    def period(self) -> tuple[datetime.date | None, datetime.date | None] | None:
        """The dates the row stands for its code: a leader's office, a validity period, or None.

        None means the row is undated and always stands.
        """
        if self.kind is AliasKind.LEADER:
            return (self.start, self.end)
        if self.since is not None or self.until is not None:
            return (self.since, self.until)
        return None


_Period = tuple[datetime.date | None, datetime.date | None]


class _Entry(NamedTuple):
    """One alias of one row, as indexed."""

    code: str
    kind: AliasKind
    #: The alias as written in the table.
    alias: str
    #: Whether the alias resolves only within ``period`` (plus ``grace``) when a date is given:
    #: a leader's short form, or a name of a row with a validity period.
    dated: bool
    #: When the row stands for its code (a leader's office, a validity period); None: always.
    period: _Period | None
    #: How long after the end of ``period`` a dated alias still resolves.
    grace: datetime.timedelta
    #: Where the row came from ("sanctions/data/actors/capitals.yaml row 3").
    origin: str


_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _core(alias: str) -> str:
    """An alias without a leading "the", with single spaces and straight apostrophes."""
    text = _SPACES.sub(" ", alias.replace("\u2019", "'")).strip()
    return _THE.sub("", text)


def _takes_the(alias: str) -> bool:
    return _THE.match(alias.strip()) is not None


def _key(alias: str) -> str:
    return _core(alias).casefold()


_NO_GRACE = datetime.timedelta(0)
_LEADER_GRACE = datetime.timedelta(days=GRACE_DAYS)


def _entries(row: AliasRow, origin: str) -> Iterator[_Entry]:
    period = row.period
    # A leader's full names always resolve; the names of a row with a validity period do not.
    names_dated = period is not None and row.kind is not AliasKind.LEADER
    for name in row.names:
        yield _Entry(row.code, row.kind, name, names_dated, period, _NO_GRACE, origin)
    for name in row.short:
        yield _Entry(row.code, row.kind, name, True, period, _LEADER_GRACE, origin)


def _within(period: _Period, on: datetime.date, grace: datetime.timedelta) -> bool:
    first, last = period
    if first is not None and on < first:
        return False
    return last is None or on <= last + grace


def _valid(entry: _Entry, on: datetime.date | None) -> bool:
    if not entry.dated or on is None or entry.period is None:
        return True
    return _within(entry.period, on, entry.grace)


def _choose(entries: tuple[_Entry, ...], on: datetime.date | None) -> _Entry | None:
    """The entry an alias stands for on a date.

    Dated aliases outside their period (leaders' short forms: office plus grace) drop out. Of the
    rest, undated aliases and those whose period holds ``on`` come first, then the kind order,
    then a dated entry before an undated one (so "Moscow" in 1987 is ``SUN``, not the undated
    ``RUS``), then the latest start: so "Michel" is Charles Michel of the EU (from 2019) rather
    than of Belgium (to 2019) when no date is given. Without a date, undated aliases win: the
    state of today.
    """
    valid = [entry for entry in entries if _valid(entry, on)]
    if not valid:
        return None

    def rank(entry: _Entry) -> tuple[int, int, int, int]:
        period = entry.period
        current = period is None or (on is not None and _within(period, on, _NO_GRACE))
        start = period[0] if period is not None else None
        latest_first = -(start or datetime.date.min).toordinal()
        return (int(not current), _KIND_RANK[entry.kind], int(period is None), latest_first)

    return min(valid, key=rank)


def _overlap(a: _Entry, b: _Entry) -> bool:
    """Whether two entries of one alias and kind would stand for different codes at once.

    Two undated entries always would. A dated entry beside an undated one would not: the dated
    one holds in its period, the undated one at other dates. Two dated entries would where their
    periods meet.
    """
    if a.period is None or b.period is None:
        return a.period is None and b.period is None
    a_start, a_end = a.period
    b_start, b_end = b.period
    return (a_start or datetime.date.min) <= (b_end or datetime.date.max) and (
        b_start or datetime.date.min
    ) <= (a_end or datetime.date.max)
