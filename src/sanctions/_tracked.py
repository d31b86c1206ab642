"""The tracked-measure record of the ledger, and the bookkeeping of its reports.

`TrackedMeasure` is one real-world measure with every report of it in lifecycle order, and
`Event` one step of its history; both are public as `sanctions.tracker` names. `_Reports` keeps
the reports of a measure a `sanctions.tracker.Tracker` is adding to, so each addition costs
O(log n). `base_key` gives a measure's ledger key.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .model import Evidence, Issuer, Measure, MeasureRef, Target, Text
from .vocabulary import MeasureType, Status

__all__ = ["Event", "TrackedMeasure", "base_key"]

#: Lifecycle order of the statuses: a measure only moves forward through it.
_LIFECYCLE: Mapping[Status, int] = {
    Status.THREATENED: 0,
    Status.ANNOUNCED: 1,
    Status.IMPOSED: 2,
    Status.LIFTED: 3,
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Event(_Frozen):
    """One step of a tracked measure's history: a report of its status, by one source."""

    status: Status
    date: dt.date | None = None
    source: Text | None = None
    evidence: Evidence


def _order(report: Measure) -> tuple[int, bool, dt.date]:
    """Lifecycle order: by status, then undated before dated, then by date."""
    return (_LIFECYCLE[report.status], report.date is not None, report.date or dt.date.min)


class TrackedMeasure(_Frozen):
    """One real-world measure as the ledger knows it: every report of it, in lifecycle order.

    ``issuer``, ``target`` and ``type`` are those of the first report and ``status`` that of
    the last: they are checked against ``reports``, so a record read back from a ledger is
    consistent. Build one with `TrackedMeasure.of`.
    """

    #: Ledger key: ``"ISSUER:TARGET:type"`` (``?`` for an unknown target), ``:2`` ... for a
    #: later measure with the same issuer, target and type.
    key: Text = Field(min_length=1)
    issuer: Issuer
    target: Target
    type: MeasureType
    #: Current status: that of the last report in lifecycle order.
    status: Status
    #: Every report of the measure, ordered by status (threatened, announced, imposed,
    #: lifted), then date (undated first), then the order they were added.
    reports: tuple[Measure, ...] = Field(min_length=1)

    @field_validator("reports")
    @classmethod
    def _lifecycle_order(cls, reports: tuple[Measure, ...]) -> tuple[Measure, ...]:
        return tuple(sorted(reports, key=_order))

    @model_validator(mode="after")
    def _agrees_with_reports(self) -> TrackedMeasure:
        first = self.reports[0]
        if (self.issuer, self.target, self.type) != (first.issuer, first.target, first.type):
            raise ValueError(
                f"{self.key}: issuer, target and type must be those of the first report"
            )
        for report in self.reports:
            if (report.issuer.code, report.target.code, report.type) != (
                first.issuer.code,
                first.target.code,
                first.type,
            ):
                raise ValueError(f"{self.key}: reports of different measures: {report.key}")
        if self.status != self.reports[-1].status:
            raise ValueError(f"{self.key}: status must be that of the last report")
        return self

    @classmethod
    def of(cls, reports: Iterable[Measure], key: str | None = None) -> TrackedMeasure:
        """A tracked measure from its reports (any order), keyed by `base_key` by default."""
        ordered = tuple(sorted(reports, key=_order))
        if not ordered:
            raise ValueError("a tracked measure needs at least one report")
        first = ordered[0]
        return cls(
            key=key or base_key(first),
            issuer=first.issuer,
            target=first.target,
            type=first.type,
            status=ordered[-1].status,
            reports=ordered,
        )

    @property
    def history(self) -> tuple[Event, ...]:
        """The (status, date, source, evidence) of every report, in lifecycle order."""
        return tuple(
            Event(status=r.status, date=r.date, source=r.source, evidence=r.evidence)
            for r in self.reports
        )

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources that reported the measure, in history order."""
        return tuple(dict.fromkeys(r.source for r in self.reports if r.source is not None))

    @property
    def since(self) -> dt.date | None:
        """When the measure reached its current status (earliest dated such report)."""
        return self._first_date(self.status)

    @property
    def imposed_on(self) -> dt.date | None:
        """Earliest date it was reported imposed, or None."""
        return self._first_date(Status.IMPOSED)

    @property
    def lifted_on(self) -> dt.date | None:
        """Earliest date it was reported lifted, or None."""
        return self._first_date(Status.LIFTED)

    @property
    def responds_to(self) -> MeasureRef | None:
        """The measure this one answers, from the first report that says so."""
        return next((r.responds_to for r in self.reports if r.responds_to is not None), None)

    def _first_date(self, status: Status) -> dt.date | None:
        dates = [r.date for r in self.reports if r.status == status and r.date is not None]
        return min(dates) if dates else None

    def in_force(self, on: dt.date) -> bool:
        """Whether the measure was imposed on or before ``on`` and not lifted by then.

        Undated reports say nothing about ``on`` and are ignored.
        """
        imposed = self.imposed_on
        lifted = self.lifted_on
        return imposed is not None and imposed <= on and (lifted is None or lifted > on)

    def measure(self) -> Measure:
        """The report that stands for the measure's current state.

        The earliest dated report of the current status (the first such report if none is
        dated): its date is when the measure reached that status.
        """
        current = [r for r in self.reports if r.status == self.status]
        return next((r for r in current if r.date is not None), current[0])

    def accepts(self, report: Measure, window: dt.timedelta) -> bool:
        """Whether ``report`` is a report of this measure.

        Same issuer, target code and type, and a date consistent with the lifecycle: no later
        than the reports of later stages, no earlier than those of earlier stages, and within
        ``window`` of the reports of the same status. An undated report is always consistent.
        """
        first = self.reports[0]
        if (report.issuer.code, report.target.code, report.type) != (
            first.issuer.code,
            first.target.code,
            first.type,
        ):
            return False
        if report.date is None:
            return True
        stage = _LIFECYCLE[report.status]
        for known in self.reports:
            if known.date is None:
                continue
            known_stage = _LIFECYCLE[known.status]
            if known_stage < stage and known.date > report.date:
                return False
            if known_stage > stage and known.date < report.date:
                return False
            if known_stage == stage and abs(known.date - report.date) > window:
                return False
        return True


class _Reports:
    """The reports of one tracked measure as a `Tracker` adds to it: O(log n) per report.

    The reports stay in lifecycle order as they come (a binary search, then an insertion
    after the reports of equal rank: what a stable sort of them in the order added gives), and
    the earliest and latest date of each status are kept, which is all `TrackedMeasure.accepts`
    compares a new report's date with. Re-sorting and re-validating every report on every
    addition made a measure of 8,000 reports take 39 s to build.
    """

    __slots__ = ("earliest", "latest", "reports")

    def __init__(self, reports: Iterable[Measure]) -> None:
        self.reports = list(reports)  # in lifecycle order already
        self.earliest: list[dt.date | None] = [None] * len(_LIFECYCLE)
        self.latest: list[dt.date | None] = [None] * len(_LIFECYCLE)
        for report in self.reports:
            self._note(report)

    def _note(self, report: Measure) -> None:
        if report.date is None:
            return
        stage = _LIFECYCLE[report.status]
        earliest, latest = self.earliest[stage], self.latest[stage]
        if earliest is None or report.date < earliest:
            self.earliest[stage] = report.date
        if latest is None or report.date > latest:
            self.latest[stage] = report.date

    def accepts(self, report: Measure, window: dt.timedelta) -> bool:
        """`TrackedMeasure.accepts` for a report of the same issuer, target and type."""
        if report.date is None:
            return True
        stage = _LIFECYCLE[report.status]
        bounds = zip(self.earliest, self.latest, strict=True)
        for known_stage, (earliest, latest) in enumerate(bounds):
            if earliest is None or latest is None:
                continue
            if known_stage < stage and latest > report.date:
                return False
            if known_stage > stage and earliest < report.date:
                return False
            if known_stage == stage and (
                report.date - earliest > window or latest - report.date > window
            ):
                return False
        return True

    def add(self, report: Measure) -> None:
        bisect.insort_right(self.reports, report, key=_order)
        self._note(report)

    def record(self, key: str) -> TrackedMeasure:
        """The tracked measure these reports make: what `TrackedMeasure.of` gives, unchecked.

        Its checks hold by construction (the reports share issuer, target and type and are in
        order), and running them again would cost what this class saves.
        """
        first, last = self.reports[0], self.reports[-1]
        return TrackedMeasure.model_construct(
            key=key,
            issuer=first.issuer,
            target=first.target,
            type=first.type,
            status=last.status,
            reports=tuple(self.reports),
        )


def _start(record: TrackedMeasure) -> dt.date | None:
    """The earliest date of any report of ``record``, or None if none is dated."""
    dates = [r.date for r in record.reports if r.date is not None]
    return min(dates) if dates else None


def base_key(measure: Measure) -> str:
    """The ledger key of the first tracked measure with this issuer, target and type.

    >>> from sanctions import Evidence, Issuer, Measure, Target
    >>> base_key(Measure(type="travel_ban", status="imposed", issuer=Issuer(code="EU"),
    ...                  target=Target(), evidence=Evidence(text="", start=0, end=0)))
    'EU:?:travel_ban'
    """
    return f"{measure.issuer.code}:{measure.target.code or '?'}:{measure.type.value}"
