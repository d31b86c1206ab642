"""Measures to a `~sanctions.frames.to_frame` table and back (`from_frame`), exactly.

`to_frame` builds each column in one pass over the measures (category codes, not strings, for
the Categoricals); `from_frame` validates each row back into a `Measure`. Both are re-exported
by `sanctions.frames`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._frame_columns import (
    _DATE,
    _STRING,
    CATEGORY,
    COLUMNS,
    CONFIDENCE,
    DATE,
    DETAILS,
    END,
    EVIDENCE,
    ISSUER,
    ISSUER_NAME,
    RESPONDS_TO,
    RESPONDS_TO_TARGET,
    RESPONDS_TO_TYPE,
    SOURCE,
    START,
    STATUS,
    TARGET,
    TARGET_COUNT,
    TARGET_KIND,
    TARGET_LABEL,
    TARGET_NAME,
    TYPE,
    _actor_index,
    _actor_names,
    _categorical,
    _check_frame,
    _values,
)
from .model import Measure, Sanction, written
from .vocabulary import CATEGORIES, MEASURE_TYPES, MeasureType, Status, TargetKind

if TYPE_CHECKING:
    from .tracker import Tracker

#: The columns `from_frame` needs; the others fall back to the model defaults.
_REQUIRED: tuple[str, ...] = (ISSUER, TARGET, TYPE, STATUS, EVIDENCE, START, END)


def _flatten(records: object) -> list[Measure]:
    from .tracker import Tracker

    if isinstance(records, Tracker):
        return records.measures()
    if isinstance(records, (Measure, Sanction)):
        records = [records]
    if isinstance(records, (str, bytes, Mapping, pd.DataFrame)) or not isinstance(
        records, Iterable
    ):
        raise TypeError(
            "to_frame expects Measure or Sanction objects (or an iterable of them) or a "
            f"Tracker, got {type(records).__name__}"
        )
    items = list(records)
    if all(type(item) is Measure for item in items):  # the common case, checked fast
        return items
    measures: list[Measure] = []
    for item in items:
        if isinstance(item, Measure):
            measures.append(item)
        elif isinstance(item, Sanction):
            measures.extend(item.measures)
        else:
            raise TypeError(
                f"to_frame expects Measure or Sanction objects, got {type(item).__name__}"
            )
    return measures


_TYPE_INDEX: dict[MeasureType | None, int] = {t: i for i, t in enumerate(MeasureType)}
_TYPE_INDEX[None] = -1
_STATUS_INDEX = {s: i for i, s in enumerate(Status)}
_KIND_INDEX = {k: i for i, k in enumerate(TargetKind)}
#: Stands for "no reference" so that one comprehension reads every ``responds_to`` column.
_NO_REF = SimpleNamespace(issuer=None, target=None, type=None)
_CATEGORY_OF_TYPE = np.array(
    [CATEGORIES.index(MEASURE_TYPES[t].category) for t in MeasureType], dtype=np.int64
)


def _strings(values: list[str | None]) -> pd.api.extensions.ExtensionArray:
    """A string column, each lone surrogate written as U+FFFD (see `sanctions.model.written`).

    pandas can hold lone surrogates, but CSV, Parquet and Arrow cannot: a frame is written out
    as it is, so it holds what JSON would.
    """
    if not all(value is None or value.isascii() for value in values):
        values = [None if value is None else written(value) for value in values]
    return pd.array(values, dtype=_STRING)


def _nullable_ints(values: list[int | None]) -> pd.arrays.IntegerArray:
    mask = np.array([v is None for v in values], dtype=bool)
    data = np.array([0 if v is None else v for v in values], dtype=np.int64)
    return pd.arrays.IntegerArray(data, mask)


_EPOCH = dt.date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min  # NaT as an integer


def _dates(values: list[dt.date | None]) -> np.ndarray[tuple[int], np.dtype[np.datetime64]]:
    # Day numbers, then a view: ten times faster than numpy parsing date objects.
    days = np.array([_NAT if d is None else d.toordinal() - _EPOCH for d in values], np.int64)
    return days.view("datetime64[D]").astype(_DATE)


def to_frame(records: Iterable[Measure | Sanction] | Measure | Sanction | Tracker) -> pd.DataFrame:
    """One row per measure, with the columns of `COLUMNS` and the dtypes of `dtypes`.

    ``records`` is an iterable of `Measure` or `Sanction` (whose measures are spread into
    rows), a single one of them, or a `~sanctions.tracker.Tracker` (one row per tracked
    measure, in its current state). Empty input gives an empty frame with the same columns
    and dtypes. The ``responds_to`` reference is spread over three columns
    (`RESPONDS_TO`, `RESPONDS_TO_TARGET`, `RESPONDS_TO_TYPE`).

    Raises ``TypeError`` for anything else.
    """
    measures = _flatten(records)
    # One comprehension per column: attribute reads in C loops, no per-row DataFrame work.
    actors = _actor_index()
    names = _actor_names()
    issuers = [m.issuer for m in measures]
    targets = [m.target for m in measures]
    spans = [m.evidence for m in measures]
    target_codes = [t.code for t in targets]
    refs = [m.responds_to or _NO_REF for m in measures]
    type_codes = np.array([_TYPE_INDEX[m.type] for m in measures], dtype=np.int64)
    columns: dict[str, object] = {
        ISSUER: _categorical([actors[i.code] for i in issuers], ISSUER),
        ISSUER_NAME: _strings([i.name for i in issuers]),
        TARGET: _categorical([actors[c] for c in target_codes], TARGET),
        TARGET_NAME: pd.array([names[c] for c in target_codes], dtype=_STRING),
        TARGET_KIND: _categorical([_KIND_INDEX[t.kind] for t in targets], TARGET_KIND),
        TARGET_LABEL: _strings([t.name for t in targets]),
        TARGET_COUNT: _nullable_ints([t.count for t in targets]),
        TYPE: _categorical(type_codes, TYPE),
        CATEGORY: _categorical(_CATEGORY_OF_TYPE[type_codes], CATEGORY),
        STATUS: _categorical([_STATUS_INDEX[m.status] for m in measures], STATUS),
        DATE: _dates([m.date for m in measures]),
        SOURCE: _strings([m.source for m in measures]),
        EVIDENCE: _strings([e.text for e in spans]),
        START: np.array([e.start for e in spans], dtype=np.int64),
        END: np.array([e.end for e in spans], dtype=np.int64),
        CONFIDENCE: np.array([m.confidence for m in measures], dtype=np.float64),
        DETAILS: _strings([m.details for m in measures]),
        RESPONDS_TO: _categorical([actors[r.issuer] for r in refs], RESPONDS_TO),
        RESPONDS_TO_TARGET: _categorical([actors[r.target] for r in refs], RESPONDS_TO_TARGET),
        RESPONDS_TO_TYPE: _categorical([_TYPE_INDEX[r.type] for r in refs], RESPONDS_TO_TYPE),
    }
    frame: pd.DataFrame = pd.DataFrame(columns, columns=list(COLUMNS))
    return frame


def _optional(df: pd.DataFrame, column: str) -> list[object]:
    if column in df.columns:
        return _values(df, column)
    return [None] * len(df)


def _date(value: object) -> object:
    if isinstance(value, dt.datetime):  # pd.Timestamp is a datetime
        return value.date()
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).date()
    return value


def from_frame(df: pd.DataFrame) -> list[Measure]:
    """The measures of a `to_frame` table, in row order: ``from_frame(to_frame(ms)) == ms``.

    Derived columns (`CATEGORY`, `TARGET_NAME`) are ignored. Only the columns
    ``issuer, target, type, status, evidence, start, end`` are required; a missing optional
    column takes the model's default (``issuer_name`` from the code, ``target_kind`` state,
    ``confidence`` 1.0, the rest None). Each row is validated as a `Measure`, so a bad value
    raises pydantic's ``ValidationError``.

    Raises ``TypeError`` if ``df`` is not a DataFrame, ``ValueError`` naming missing columns.
    """
    df = _check_frame(df, _REQUIRED, "from_frame")
    issuer = _values(df, ISSUER)
    issuer_name = _optional(df, ISSUER_NAME)
    target = _values(df, TARGET)
    kind = _optional(df, TARGET_KIND)
    label = _optional(df, TARGET_LABEL)
    count = _optional(df, TARGET_COUNT)
    type_ = _values(df, TYPE)
    status = _values(df, STATUS)
    date = _optional(df, DATE)
    source = _optional(df, SOURCE)
    evidence = _values(df, EVIDENCE)
    start = _values(df, START)
    end = _values(df, END)
    confidence = _optional(df, CONFIDENCE)
    details = _optional(df, DETAILS)
    ref_issuer = _optional(df, RESPONDS_TO)
    ref_target = _optional(df, RESPONDS_TO_TARGET)
    ref_type = _optional(df, RESPONDS_TO_TYPE)
    measures = []
    for i in range(len(df)):
        who: dict[str, object] = {"code": issuer[i]}
        if issuer_name[i] is not None:
            who["name"] = issuer_name[i]
        whom: dict[str, object] = {"code": target[i], "name": label[i], "count": count[i]}
        if kind[i] is not None:
            whom["kind"] = kind[i]
        record: dict[str, object] = {
            "type": type_[i],
            "status": status[i],
            "issuer": who,
            "target": whom,
            "evidence": {"text": evidence[i], "start": start[i], "end": end[i]},
            "date": _date(date[i]),
            "source": source[i],
            "details": details[i],
            "responds_to": None
            if ref_issuer[i] is None
            else {"issuer": ref_issuer[i], "target": ref_target[i], "type": ref_type[i]},
        }
        if confidence[i] is not None:
            record["confidence"] = confidence[i]
        measures.append(Measure.model_validate(record))
    return measures
