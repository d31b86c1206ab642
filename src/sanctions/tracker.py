"""A ledger of sanctions measures across many documents, with each measure's lifecycle.

News reports the same measure many times: threatened, announced, imposed, later lifted, and
each step by several outlets. `Tracker` keeps one `TrackedMeasure` per real-world measure,
with every report (source and evidence) in lifecycle order::

    >>> from sanctions import Evidence, Issuer, Measure, Target
    >>> def report(status, date, source):
    ...     return Measure(type="asset_freeze", status=status, date=date, source=source,
    ...                    issuer=Issuer(code="JPN"), target=Target(code="RUS"),
    ...                    evidence=Evidence(text="froze assets", start=0, end=12))
    >>> tracker = Tracker()
    >>> tracker.add_measures([
    ...     report("threatened", "2022-03-01", "a"),
    ...     report("imposed", "2022-03-08", "b"),
    ...     report("imposed", "2022-03-09", "c"),
    ... ])
    ['JPN:RUS:asset_freeze', 'JPN:RUS:asset_freeze', 'JPN:RUS:asset_freeze']
    >>> [(e.status.value, e.source) for e in tracker.history("JPN:RUS:asset_freeze")]
    [('threatened', 'a'), ('imposed', 'b'), ('imposed', 'c')]
    >>> len(tracker.as_of("2022-03-05")), len(tracker.as_of("2022-03-10"))
    (0, 1)

A ledger is saved as JSON Lines (or Parquet, with ``sanctions[parquet]``) and written
atomically, under a file lock, so a crash or a concurrent save never leaves a torn file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import errno
import importlib
import io
import json
import math
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ._jsonl import BadLineError, parse_line
from .errors import LedgerError
from .model import Evidence, Issuer, Measure, MeasureRef, Target, Text
from .vocabulary import MeasureType, Status

if TYPE_CHECKING:
    from .extraction import Extractor, Record

__all__ = [
    "LEDGER_FORMAT",
    "SCHEMA_VERSION",
    "Event",
    "TrackedMeasure",
    "Tracker",
    "base_key",
]

#: Version of the ledger file layout; `Tracker.load` refuses files with a newer one.
SCHEMA_VERSION = 1
#: The ``format`` field of a JSON Lines ledger header.
LEDGER_FORMAT = "sanctions.ledger"
#: How long to wait for another process's save before giving up, in seconds.
LOCK_TIMEOUT = 60.0

#: Lifecycle order of the statuses: a measure only moves forward through it.
_LIFECYCLE: Mapping[Status, int] = {
    Status.THREATENED: 0,
    Status.ANNOUNCED: 1,
    Status.IMPOSED: 2,
    Status.LIFTED: 3,
}
_PARQUET_KEY = "key"
_PARQUET_ATTR = "sanctions.ledger"


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


def base_key(measure: Measure) -> str:
    """The ledger key of the first tracked measure with this issuer, target and type.

    >>> from sanctions import Evidence, Issuer, Measure, Target
    >>> base_key(Measure(type="travel_ban", status="imposed", issuer=Issuer(code="EU"),
    ...                  target=Target(), evidence=Evidence(text="", start=0, end=0)))
    'EU:?:travel_ban'
    """
    return f"{measure.issuer.code}:{measure.target.code or '?'}:{measure.type.value}"


def _as_date(value: dt.date | str, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise TypeError(f"{name} must be a date or an ISO date string, got {type(value).__name__}")


_Identity = tuple[str, str | None, MeasureType]


class Tracker:
    """A ledger of measures across documents: each real-world measure tracked once.

    A new report joins an existing tracked measure when it has the same issuer, target code
    and type and a consistent date (see `TrackedMeasure.accepts`; reports of the same status
    must lie within ``window`` of each other, 31 days by default); otherwise it starts a new
    one. Adding the same report twice changes nothing.

    Arguments:
        extractor: the `sanctions.Extractor` that `add` and `add_records` use; by
            default the package's own, as `sanctions.extract` uses.
        window: how far apart two reports of the same status of one measure may be dated.

    """

    def __init__(
        self,
        *,
        extractor: Extractor | None = None,
        window: dt.timedelta = dt.timedelta(days=31),
    ) -> None:
        if not isinstance(window, dt.timedelta) or window < dt.timedelta(0):
            raise TypeError(f"window must be a non-negative timedelta, got {window!r}")
        self.extractor = extractor
        self.window = window
        # Every tracked measure by key, in the order first reported; those in `_stale` have
        # reports in `_growing` they do not hold yet, until `_records` is next read.
        self._store: dict[str, TrackedMeasure] = {}
        self._growing: dict[str, _Reports] = {}
        self._stale: set[str] = set()
        self._by_identity: dict[_Identity, list[str]] = {}
        self._key_of: dict[Measure, str] = {}

    @property
    def _records(self) -> dict[str, TrackedMeasure]:
        """Every tracked measure by key, each with all its reports."""
        if self._stale:
            for key in self._stale:
                self._store[key] = self._growing[key].record(key)
            self._stale.clear()
        return self._store

    # --- adding -----------------------------------------------------------------------------

    def add(
        self, text: str, *, published: dt.date | str | None = None, source: str | None = None
    ) -> list[Measure]:
        """Extract the measures of one document and track them; returns the measures."""
        if self.extractor is not None:
            measures = self.extractor.extract(text, published=published, source=source)
        else:
            from .extraction import extract

            measures = extract(text, published=published, source=source)
        self.add_measures(measures)
        return measures

    def add_records(self, records: Iterable[Record]) -> list[Measure]:
        """Extract and track many documents, as `sanctions.extract_many` reads them.

        A record is a text, or a mapping with ``text`` and optional ``published``, ``source``
        and ``id``. Returns the measures extracted.
        """
        from .extraction import extract_many

        measures = list(extract_many(records, extractor=self.extractor))
        self.add_measures(measures)
        return measures

    def add_measures(self, measures: Iterable[Measure]) -> list[str]:
        """Track measures already extracted; returns the ledger key of each, in order.

        Raises ``TypeError`` for anything but `Measure` objects.
        """
        if isinstance(measures, Measure):
            measures = [measures]
        keys = []
        for measure in measures:
            if not isinstance(measure, Measure):
                raise TypeError(
                    f"add_measures expects Measure objects, got {type(measure).__name__}"
                )
            keys.append(self._add(measure))
        return keys

    def _add(self, report: Measure) -> str:
        known = self._key_of.get(report)
        if known is not None:
            return known
        identity = (report.issuer.code, report.target.code, report.type)
        candidates = self._by_identity.setdefault(identity, [])
        for key in reversed(candidates):
            reports = self._growing.get(key)
            if reports is None:  # the first addition to it: a key never added to is not stale
                reports = self._growing[key] = _Reports(self._store[key].reports)
            if reports.accepts(report, self.window):
                reports.add(report)
                self._stale.add(key)
                self._key_of[report] = key
                return key
        key = base_key(report)
        number = len(candidates) + 1
        while key in self._store:
            key = f"{base_key(report)}:{number}"
            number += 1
        self._store[key] = TrackedMeasure.of((report,), key)
        candidates.append(key)
        self._key_of[report] = key
        return key

    def _put(self, record: TrackedMeasure) -> None:
        """Add a record read back from a ledger, as it is."""
        if record.key in self._records:
            raise ValueError(f"duplicate key {record.key!r}")
        self._store[record.key] = record
        first = record.reports[0]
        identity = (first.issuer.code, first.target.code, first.type)
        self._by_identity.setdefault(identity, []).append(record.key)
        for report in record.reports:
            self._key_of[report] = record.key

    # --- reading ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[TrackedMeasure]:
        return iter(list(self._records.values()))

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def __getitem__(self, key: str) -> TrackedMeasure:
        try:
            return self._records[key]
        except KeyError:
            raise KeyError(f"no tracked measure {key!r} in the ledger") from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tracker):
            return NotImplemented
        return list(self._records.values()) == list(other._records.values())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Tracker: {len(self)} tracked measures>"

    def tracked(self) -> list[TrackedMeasure]:
        """Every tracked measure, in the order they were first reported to the ledger."""
        return list(self._records.values())

    def measures(self) -> list[Measure]:
        """One `Measure` per tracked measure, in its current state (`TrackedMeasure.measure`)."""
        return [record.measure() for record in self._records.values()]

    def as_of(self, on: dt.date | str) -> list[TrackedMeasure]:
        """The measures in force on ``on``: imposed on or before it and not lifted by then."""
        day = _as_date(on, "as_of")
        return [record for record in self._records.values() if record.in_force(day)]

    def history(self, measure: str | TrackedMeasure | Measure) -> tuple[Event, ...]:
        """The history of a tracked measure, given its key, its record or one of its reports.

        Raises ``KeyError`` if the ledger does not know it.
        """
        if isinstance(measure, TrackedMeasure):
            measure = measure.key
        if isinstance(measure, Measure):
            key = self._key_of.get(measure)
            if key is None:
                raise KeyError(f"no tracked measure has the report {measure.key}")
            measure = key
        if not isinstance(measure, str):
            raise TypeError(
                "history expects a key, a TrackedMeasure or a Measure, "
                f"got {type(measure).__name__}"
            )
        return self[measure].history

    def countermeasures(self) -> list[tuple[TrackedMeasure, TrackedMeasure]]:
        """Pairs (countermeasure, the measure it answers), from ``Measure.responds_to``.

        The answered measure is the tracked measure by the referenced issuer (against the
        referenced target and of the referenced type, where given), preferring one aimed at
        the countermeasure's issuer and, among those, the latest one begun no later than the
        countermeasure. References that match nothing in the ledger give no pair.

        The pairs never form a cycle: where reports from several documents say that each of
        two measures answers the other, the link from the measure begun later (of equal or
        unknown dates, the one first reported to the ledger) is kept and the other dropped.
        """
        links = []
        for order, record in enumerate(self._records.values()):
            cause = self._answered(record)
            if cause is not None:
                start, cause_start = _start(record), _start(cause)
                later = start is not None and cause_start is not None and cause_start < start
                links.append(((not later, order), record, cause))
        answers: dict[str, str] = {}
        for _, record, cause in sorted(links, key=lambda link: link[0]):
            step: str | None = cause.key
            while step is not None and step != record.key:
                step = answers.get(step)
            if step is None:  # following the answers from the cause never comes back
                answers[record.key] = cause.key
        return [
            (record, cause) for _, record, cause in links if answers.get(record.key) == cause.key
        ]

    def _answered(self, record: TrackedMeasure) -> TrackedMeasure | None:
        """The tracked measure that ``record`` answers, by its ``responds_to``, if any."""
        ref = record.responds_to
        if ref is None:
            return None
        start = _start(record)
        best: tuple[tuple[bool, bool, dt.date], TrackedMeasure] | None = None
        for other in self._records.values():
            if other is record or other.issuer.code != ref.issuer:
                continue
            if ref.target is not None and other.target.code != ref.target:
                continue
            if ref.type is not None and other.type != ref.type:
                continue
            other_start = _start(other)
            earlier = start is None or other_start is None or other_start <= start
            rank = (other.target.code == record.issuer.code, earlier, other_start or dt.date.min)
            if best is None or rank > best[0]:
                best = (rank, other)
        return None if best is None else best[1]

    # --- files ------------------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the ledger to ``path``, atomically, under a lock on ``path + ".lock"``.

        JSON Lines (a header line, then one `TrackedMeasure` per line) unless ``path`` ends
        in ``.parquet``: then a Parquet table of every report with its ``key`` (needs
        ``pip install 'sanctions[parquet]'``). The file is written to a temporary file in the
        same directory, flushed to disk and renamed over ``path``, so a failed save leaves
        the previous file as it was; temporaries that earlier saves of the same ledger left
        behind (a process killed mid-save) are removed. A symlink is followed: the file it
        points to is written and locked, and the link stays. Raises `LedgerError` if the lock
        cannot be had in time.

        To add to a ledger that other processes may add to as well, use `Tracker.update`: a
        load, then a save, lets two processes each save what the other did not see.
        """
        target = _resolved(path)
        if target.suffix == ".parquet":
            _require_pyarrow()
        with _locked(target):
            self._save_locked(target)

    def _save_locked(self, target: Path) -> None:
        """`save` to a resolved ``target`` whose lock this thread holds."""
        _remove_stale_temporaries(target)
        if target.suffix == ".parquet":
            _require_pyarrow()
            _atomic_write(target, self._write_parquet)
        else:
            _atomic_write(target, self._write_jsonl)

    @classmethod
    @contextmanager
    def update(
        cls, path: str | os.PathLike[str], *, extractor: Extractor | None = None
    ) -> Iterator[Tracker]:
        """Load, change and save the ledger at ``path`` under its lock, so no update is lost.

        A context manager: the ledger is locked, loaded (a new, empty one if the file does not
        exist) and handed to the ``with`` block, and saved when the block ends, before the lock
        is released. Two processes updating one ledger at once take turns, and each sees what
        the other added. If the block raises, nothing is saved. The lock is held for the whole
        block, so do slow work (extraction) before it::

            measures = list(extract_many(records))
            with Tracker.update("ledger.jsonl") as tracker:
                tracker.add_measures(measures)

        Raises `LedgerError` for a damaged ledger or a lock not had within `LOCK_TIMEOUT`.
        """
        target = _resolved(path)
        if target.suffix == ".parquet":
            _require_pyarrow()
        with _locked(target):
            if target.exists():
                tracker = cls.load(target, extractor=extractor)
            else:
                tracker = cls(extractor=extractor)
            yield tracker
            tracker._save_locked(target)

    def _header(self) -> dict[str, object]:
        return {
            "format": LEDGER_FORMAT,
            "schema": SCHEMA_VERSION,
            "records": len(self._records),
            # Exact: a float of seconds loses microseconds and rounds timedelta.max past it.
            "window": {
                "days": self.window.days,
                "seconds": self.window.seconds,
                "microseconds": self.window.microseconds,
            },
            # For versions before "window" was written; ignored where "window" is there.
            "window_seconds": self.window.total_seconds(),
        }

    def _write_jsonl(self, file: IO[bytes]) -> None:
        file.write(json.dumps(self._header()).encode() + b"\n")
        for record in self._records.values():
            file.write(record.model_dump_json().encode() + b"\n")

    def _write_parquet(self, file: IO[bytes]) -> None:
        from .frames import to_frame

        reports = [r for record in self._records.values() for r in record.reports]
        keys = [record.key for record in self._records.values() for _ in record.reports]
        frame = to_frame(reports)
        frame.insert(0, _PARQUET_KEY, keys)
        frame.attrs[_PARQUET_ATTR] = self._header()
        frame.to_parquet(file, index=False)

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, extractor: Extractor | None = None) -> Tracker:
        """Read a ledger written by `save` (JSON Lines, or Parquet for ``.parquet``).

        Raises `LedgerError` naming the file and line for a damaged ledger (bad JSON, a
        missing header, a truncated file, an invalid record) or a schema version newer than
        this library supports; ``OSError`` (e.g. ``FileNotFoundError``) passes through.
        """
        source = Path(path)
        if source.suffix == ".parquet":
            return cls._load_parquet(source, extractor)
        return cls._load_jsonl(source, extractor)

    @classmethod
    def _from_header(
        cls, header: object, where: str, extractor: Extractor | None
    ) -> tuple[Tracker, int]:
        if not isinstance(header, dict) or header.get("format") != LEDGER_FORMAT:
            raise LedgerError(f"{where}: not a sanctions ledger (no {LEDGER_FORMAT} header)")
        schema = header.get("schema")
        if not isinstance(schema, int) or schema < 1:
            raise LedgerError(f"{where}: bad schema version {schema!r}")
        if schema > SCHEMA_VERSION:
            raise LedgerError(
                f"{where}: ledger schema version {schema} is newer than this version of "
                f"sanctions supports ({SCHEMA_VERSION}); upgrade sanctions to read it"
            )
        records = header.get("records")
        bad = LedgerError(f"{where}: bad header {repr(header)[:200]}")
        if not isinstance(records, int) or isinstance(records, bool) or records < 0:
            raise bad
        window = _header_window(header)
        if window is None:
            raise bad
        return cls(extractor=extractor, window=window), records

    @classmethod
    def _load_jsonl(cls, path: Path, extractor: Extractor | None) -> Tracker:
        tracker: Tracker | None = None
        expected = 0
        number = 0
        with path.open("rb") as file:
            for number, raw in enumerate(file, start=1):
                where = f"{path}:{number}"
                if tracker is None:
                    try:
                        header = parse_line(raw)
                    except BadLineError as exc:
                        raise LedgerError(f"{where}: not a ledger header: {exc}") from None
                    tracker, expected = cls._from_header(header, where, extractor)
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise LedgerError(f"{where}: not UTF-8: {exc}") from exc
                if not line.strip():
                    continue
                try:
                    record = TrackedMeasure.model_validate_json(line)
                    tracker._put(record)
                except ValidationError as exc:
                    problem = exc.errors(include_url=False)[0]
                    place = ".".join(str(p) for p in problem["loc"])
                    raise LedgerError(
                        f"{where}: invalid tracked measure: {place}: {problem['msg']}"
                    ) from exc
                except ValueError as exc:
                    raise LedgerError(f"{where}: {exc}") from exc
        if tracker is None:
            raise LedgerError(f"{path}:1: empty file, not a sanctions ledger")
        if len(tracker) != expected:
            raise LedgerError(
                f"{path}:{number}: the header promises {expected} tracked measures but the "
                f"file holds {len(tracker)} (truncated?)"
            )
        return tracker

    @classmethod
    def _load_parquet(cls, path: Path, extractor: Extractor | None) -> Tracker:
        _require_pyarrow()
        import pandas as pd

        from .frames import from_frame

        data = path.read_bytes()
        try:
            frame = pd.read_parquet(io.BytesIO(data))
        except Exception as exc:  # pyarrow raises its own error types for damaged files
            raise LedgerError(f"{path}: not a readable Parquet file: {exc}") from exc
        tracker, expected = cls._from_header(frame.attrs.get(_PARQUET_ATTR), str(path), extractor)
        if _PARQUET_KEY not in frame.columns:
            raise LedgerError(f"{path}: no {_PARQUET_KEY!r} column")
        try:
            keys = frame[_PARQUET_KEY].astype(object).tolist()
            reports = from_frame(frame)
        except Exception as exc:  # pyarrow and pandas raise their own errors for bad values
            raise LedgerError(f"{path}: invalid report: {type(exc).__name__}: {exc}") from exc
        grouped: dict[str, list[Measure]] = {}
        for row, (key, report) in enumerate(zip(keys, reports, strict=True), start=1):
            if not isinstance(key, str):
                raise LedgerError(f"{path}: row {row}: bad key {key!r}")
            grouped.setdefault(key, []).append(report)
        for key, members in grouped.items():
            try:
                tracker._put(TrackedMeasure.of(members, key))
            except ValueError as exc:  # pydantic's ValidationError is a ValueError
                raise LedgerError(f"{path}: tracked measure {key!r}: {exc}") from exc
        if len(tracker) != expected:
            raise LedgerError(
                f"{path}: the header promises {expected} tracked measures but the file "
                f"holds {len(tracker)}"
            )
        return tracker


_WINDOW_FIELDS = {"days": 999_999_999, "seconds": 86_399, "microseconds": 999_999}


def _header_window(header: dict[str, object]) -> dt.timedelta | None:
    """The window a ledger header states, or None if it states none that is valid.

    ``window`` holds it exactly (days, seconds, microseconds, as a timedelta normalises
    them); ledgers of earlier versions have only ``window_seconds``, a float.
    """
    if "window" in header:
        fields = header["window"]
        if not isinstance(fields, dict) or fields.keys() != _WINDOW_FIELDS.keys():
            return None
        for name, top in _WINDOW_FIELDS.items():
            value = fields[name]
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
                return None
        return dt.timedelta(**fields)
    seconds = header.get("window_seconds")
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool):
        return None
    largest = dt.timedelta.max.total_seconds()  # rounded up past timedelta.max
    if not (math.isfinite(seconds) and 0 <= seconds <= largest):
        return None
    if seconds == largest:  # timedelta.max, as earlier versions wrote it
        return dt.timedelta.max
    return dt.timedelta(seconds=seconds)


def _start(record: TrackedMeasure) -> dt.date | None:
    dates = [r.date for r in record.reports if r.date is not None]
    return min(dates) if dates else None


def _require_pyarrow() -> None:
    try:
        importlib.import_module("pyarrow")
    except ImportError as exc:
        raise ImportError(
            "Parquet files need pyarrow, an optional dependency: pip install 'sanctions[parquet]'"
        ) from exc


def _resolved(path: str | os.PathLike[str]) -> Path:
    """``path`` with its symlinks followed, so a ledger is written and locked where it is."""
    return Path(path).resolve()


_locks: dict[tuple[int, Path], FileLock] = {}
_locks_guard = threading.Lock()


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the ledger's lock (``path + ".lock"``); again in the same thread holds it already.

    One `FileLock` per ledger per process: it counts nested acquisitions in each thread, so a
    `Tracker.save` inside `Tracker.update` does not wait for itself, while other threads and
    processes wait their turn. Keyed by process id too: a forked child must not inherit a
    lock its parent held as its own.
    """
    if not path.parent.is_dir():  # filelock would create it; a typo should not
        raise FileNotFoundError(errno.ENOENT, "no such directory", str(path.parent))
    with _locks_guard:
        key = (os.getpid(), path)
        lock = _locks.get(key)
        if lock is None:
            lock = _locks[key] = FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LedgerError(f"{path}: another process holds {lock.lock_file}") from exc
    try:
        yield
    finally:
        lock.release()


def _remove_stale_temporaries(path: Path) -> None:
    """Remove the temporaries earlier saves of ``path`` left behind; call under its lock.

    Every save of the ledger holds its lock, so under the lock a temporary of this ledger
    (``.NAME.XXXXXXXX.tmp``, as `tempfile.mkstemp` names it) belongs to a save that died.
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    with suppress(OSError):
        for entry in os.scandir(path.parent):
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with suppress(FileNotFoundError):
                    os.unlink(entry.path)


def _atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through a temporary file in its directory; call under its lock."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
