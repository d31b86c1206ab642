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

This module is the public surface; the pieces live in private modules, one job each:
`sanctions._tracked` (`TrackedMeasure`, `Event`, and the bookkeeping of a measure's reports)
and `sanctions._ledger_io` (the file formats, loading, and saving atomically under a lock).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ._ledger_io import (
    LEDGER_FORMAT,
    SCHEMA_VERSION,
    _atomic_write,
    _dump_jsonl,
    _dump_parquet,
    _ledger_header,
    _load_jsonl,
    _load_parquet,
    _locked,
    _remove_stale_temporaries,
    _require_pyarrow,
    _resolved,
)
from ._ledger_io import LOCK_TIMEOUT as LOCK_TIMEOUT  # not used here; importable as it was
from ._tracked import Event, TrackedMeasure, _Reports, _start, base_key
from .model import Measure
from .vocabulary import MeasureType

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

# Defined in private modules, documented and pickled as `sanctions.tracker` names: doctests of
# this module run their examples, and reprs and pickles name the module users import.
for _public in (Event, TrackedMeasure, base_key):
    _public.__module__ = __name__
del _public


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
        return _ledger_header(len(self._records), self.window)

    def _write_jsonl(self, file: IO[bytes]) -> None:
        _dump_jsonl(file, self._header(), self._records.values())

    def _write_parquet(self, file: IO[bytes]) -> None:
        _dump_parquet(file, self._header(), self._records.values())

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, extractor: Extractor | None = None) -> Tracker:
        """Read a ledger written by `save` (JSON Lines, or Parquet for ``.parquet``).

        Raises `LedgerError` naming the file and line for a damaged ledger (bad JSON, a
        missing header, a truncated file, an invalid record) or a schema version newer than
        this library supports; ``OSError`` (e.g. ``FileNotFoundError``) passes through.
        """
        source = Path(path)
        if source.suffix == ".parquet":
            return _load_parquet(cls, source, extractor)
        return _load_jsonl(cls, source, extractor)
