"""pandas tables of sanctions measures: one row per measure, and counts by country, dyad and time.

`to_frame` turns measures (or packages, or a `~sanctions.tracker.Tracker`) into a DataFrame
with stable, typed columns; `from_frame` gives the measures back exactly. The counting
helpers take such a frame::

    >>> from sanctions import Evidence, Issuer, Measure, Target
    >>> m = Measure(
    ...     type="asset_freeze", status="imposed", date="2022-03-22",
    ...     issuer=Issuer(code="JPN"), target=Target(code="RUS", kind="individual"),
    ...     evidence=Evidence(text="froze the assets", start=6, end=22),
    ... )
    >>> df = to_frame([m])
    >>> df[["issuer", "target", "type", "category", "status"]].astype(str).values.tolist()
    [['JPN', 'RUS', 'asset_freeze', 'financial', 'imposed']]
    >>> from_frame(df) == [m]
    True
    >>> by_country(df).loc["JPN", "asset_freeze"]
    np.int64(1)

Code, type, status, kind and category columns are pandas Categoricals over the *whole*
vocabulary, so a count table has a column for every measure type even where none occurs.
Importing this module registers the ``df.sanctions`` accessor, which wraps these functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from types import MappingProxyType, SimpleNamespace
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from .codes import actor_name, all_codes
from .model import Measure, Sanction, written
from .vocabulary import CATEGORIES, GSDB_CATEGORIES, MEASURE_TYPES, MeasureType, Status, TargetKind

if TYPE_CHECKING:
    from .tracker import Tracker

__all__ = [
    "CATEGORY",
    "COLUMNS",
    "CONFIDENCE",
    "DATE",
    "DETAILS",
    "END",
    "EVIDENCE",
    "ISSUER",
    "ISSUER_NAME",
    "RESPONDS_TO",
    "RESPONDS_TO_TARGET",
    "RESPONDS_TO_TYPE",
    "SOURCE",
    "START",
    "STATUS",
    "TARGET",
    "TARGET_COUNT",
    "TARGET_KIND",
    "TARGET_LABEL",
    "TARGET_NAME",
    "TYPE",
    "UNKNOWN",
    "SanctionsAccessor",
    "by_country",
    "dtypes",
    "dyads",
    "from_frame",
    "gsdb_panel",
    "timeline",
    "to_frame",
]

#: Actor code of the issuing state or bloc (categorical over every actor code).
ISSUER = "issuer"
#: ``Issuer.name``: display name of the issuer ("Japan").
ISSUER_NAME = "issuer_name"
#: Actor code of the targeted state, missing where the text does not say (categorical).
TARGET = "target"
#: Display name of the target code ("Russia"); derived, ignored by `from_frame`.
TARGET_NAME = "target_name"
#: ``Target.kind``: state, sector, entity or individual (categorical).
TARGET_KIND = "target_kind"
#: ``Target.name``: what exactly is targeted ("Rosoboronexport", "oil").
TARGET_LABEL = "target_label"
#: ``Target.count``: how many persons or entities (nullable integer).
TARGET_COUNT = "target_count"
#: Measure type (categorical over the 19 types).
TYPE = "type"
#: Category of the type (categorical over `sanctions.vocabulary.CATEGORIES`); derived.
CATEGORY = "category"
#: Status: imposed, announced, threatened or lifted (categorical).
STATUS = "status"
#: Date of the measure (``datetime64[s]``, NaT where unknown).
DATE = "date"
#: Where the text came from (URL or identifier).
SOURCE = "source"
#: ``Evidence.text``: the words that carry the measure.
EVIDENCE = "evidence"
#: ``Evidence.start``: offset of the evidence in the source text.
START = "start"
#: ``Evidence.end``: end offset of the evidence.
END = "end"
#: Extractor confidence, 0 to 1.
CONFIDENCE = "confidence"
#: Free-text detail (goods, amounts, programme).
DETAILS = "details"
#: Issuer code of the measure this one answers (``MeasureRef.issuer``); missing if none.
RESPONDS_TO = "responds_to"
#: Target code of the answered measure (``MeasureRef.target``).
RESPONDS_TO_TARGET = "responds_to_target"
#: Type of the answered measure (``MeasureRef.type``).
RESPONDS_TO_TYPE = "responds_to_type"

#: Every column of `to_frame`, in order.
COLUMNS: tuple[str, ...] = (
    ISSUER,
    ISSUER_NAME,
    TARGET,
    TARGET_NAME,
    TARGET_KIND,
    TARGET_LABEL,
    TARGET_COUNT,
    TYPE,
    CATEGORY,
    STATUS,
    DATE,
    SOURCE,
    EVIDENCE,
    START,
    END,
    CONFIDENCE,
    DETAILS,
    RESPONDS_TO,
    RESPONDS_TO_TARGET,
    RESPONDS_TO_TYPE,
)

#: Row label for measures whose country is missing (a target the text does not name).
UNKNOWN = "unknown"

#: The columns `from_frame` needs; the others fall back to the model defaults.
_REQUIRED: tuple[str, ...] = (ISSUER, TARGET, TYPE, STATUS, EVIDENCE, START, END)

_TYPES: tuple[str, ...] = tuple(t.value for t in MeasureType)
_STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
_KINDS: tuple[str, ...] = tuple(k.value for k in TargetKind)

_Role = Literal["issuer", "target"]
_By = Literal["type", "category", "status", "target_kind"]


@cache
def _actor_codes() -> tuple[str, ...]:
    return tuple(sorted(all_codes()))


@cache
def _actor_index() -> Mapping[str | None, int]:
    """Category code of each actor code; None (missing) is -1, as pandas has it."""
    index: dict[str | None, int] = {code: i for i, code in enumerate(_actor_codes())}
    index[None] = -1
    return index


@cache
def _actor_names() -> Mapping[str | None, str | None]:
    names: dict[str | None, str | None] = {code: actor_name(code) for code in _actor_codes()}
    names[None] = None
    return names


def _vocabulary(column: str) -> tuple[str, ...]:
    if column in (ISSUER, TARGET, RESPONDS_TO, RESPONDS_TO_TARGET):
        return _actor_codes()
    return {
        TYPE: _TYPES,
        RESPONDS_TO_TYPE: _TYPES,
        CATEGORY: CATEGORIES,
        STATUS: _STATUSES,
        TARGET_KIND: _KINDS,
    }[column]


_CATEGORICAL: tuple[str, ...] = (
    ISSUER,
    TARGET,
    TARGET_KIND,
    TYPE,
    CATEGORY,
    STATUS,
    RESPONDS_TO,
    RESPONDS_TO_TARGET,
    RESPONDS_TO_TYPE,
)
#: Python-backed, so a frame is the same with or without pyarrow installed (and it builds faster).
_STRING = pd.StringDtype("python")
_DATE = np.dtype("datetime64[s]")


@cache
def _category_dtype(column: str) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(_vocabulary(column)), ordered=False)


@cache
def dtypes() -> Mapping[str, object]:
    """The dtype of every `to_frame` column, by name.

    >>> str(dtypes()["date"]), str(dtypes()["start"]), str(dtypes()["source"])
    ('datetime64[s]', 'int64', 'string')
    """
    types: dict[str, object] = {}
    for column in COLUMNS:
        if column in _CATEGORICAL:
            types[column] = _category_dtype(column)
        elif column == DATE:
            types[column] = _DATE
        elif column in (START, END):
            types[column] = np.dtype("int64")
        elif column == TARGET_COUNT:
            types[column] = pd.Int64Dtype()
        elif column == CONFIDENCE:
            types[column] = np.dtype("float64")
        else:
            types[column] = _STRING
    return MappingProxyType(types)


# --- measures to frame and back -----------------------------------------------------------------


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


def _categorical(
    codes: list[int] | np.ndarray[tuple[int], np.dtype[np.int64]], column: str
) -> pd.Categorical:
    categorical: pd.Categorical = pd.Categorical.from_codes(
        np.asarray(codes, dtype=np.int64), dtype=_category_dtype(column)
    )
    return categorical


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


def _check_frame(df: object, columns: Sequence[str], function: str) -> pd.DataFrame:
    """``df`` as a DataFrame; ``TypeError`` if it is none, ``ValueError`` naming missing columns."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"{function} expects a pandas DataFrame (from sanctions.to_frame), "
            f"got {type(df).__name__}"
        )
    missing = [column for column in columns if column not in df.columns]
    if missing:
        raise ValueError(
            f"{function}: the frame has no column {', '.join(map(repr, missing))} "
            "(make it with sanctions.to_frame)"
        )
    return df


def _values(df: pd.DataFrame, column: str) -> list[object]:
    """The column as Python objects, with every missing value (NA, NaN, NaT) as None."""
    series = df[column]
    missing = series.isna().to_numpy()
    values = series.astype(object).tolist()
    return [None if gone else value for value, gone in zip(values, missing, strict=True)]


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


# --- counts -----------------------------------------------------------------------------------


def _in_vocabulary(df: pd.DataFrame, column: str, function: str) -> pd.Categorical:
    """The column as a Categorical over its whole vocabulary; ValueError on other values."""
    vocabulary = _vocabulary(column)
    values = df[column]
    if values.isna().any():
        raise ValueError(f"{function}: column {column!r} has missing values")
    labels = np.array([str(v) for v in values.astype(object)], dtype=object)
    codes = pd.Index(vocabulary, dtype=object).get_indexer(pd.Index(labels, dtype=object))
    unknown = codes == -1
    if unknown.any():
        bad = sorted({str(v) for v in values[unknown]})
        raise ValueError(f"{function}: column {column!r} has values outside the vocabulary: {bad}")
    return _categorical(codes.astype(np.int64), column)


def _countries(df: pd.DataFrame, column: str) -> list[str]:
    """Actor codes as strings, with a missing country as `UNKNOWN`."""
    return [UNKNOWN if code is None else str(code) for code in _values(df, column)]


def _country_order(labels: Iterable[str]) -> list[str]:
    present = set(labels)
    order = sorted(present - {UNKNOWN})
    if UNKNOWN in present:
        order.append(UNKNOWN)
    return order


def by_country(df: pd.DataFrame, role: _Role = "issuer", by: _By = "type") -> pd.DataFrame:
    """Count measures by country: one row per issuer (or target), one column per value of ``by``.

    Columns are the whole vocabulary of ``by`` (``"type"``, ``"category"``, ``"status"`` or
    ``"target_kind"``), zero where nothing occurs. Rows are the countries present, sorted by
    code; under ``role="target"``, measures without a target code are counted in a final
    `UNKNOWN` row, so the table always sums to ``len(df)``.

    Raises ``TypeError`` if ``df`` is not a DataFrame and ``ValueError`` for a bad ``role`` or
    ``by``, missing columns, or values outside the vocabulary.
    """
    if role not in (ISSUER, TARGET):
        raise ValueError(f"by_country: role must be 'issuer' or 'target', got {role!r}")
    if by not in (TYPE, CATEGORY, STATUS, TARGET_KIND):
        raise ValueError(
            f"by_country: by must be 'type', 'category', 'status' or 'target_kind', got {by!r}"
        )
    df = _check_frame(df, (role, by), "by_country")
    return _crosstab(_countries(df, role), _in_vocabulary(df, by, "by_country"), role, by)


def _crosstab(
    rows: list[str], columns: pd.Categorical | list[str], index: str, name: str
) -> pd.DataFrame:
    if isinstance(columns, pd.Categorical):
        column_order = [str(c) for c in columns.categories]
        column_codes = np.asarray(columns.codes, dtype=np.int64)
    else:
        column_order = _country_order(columns)
        lookup = {c: i for i, c in enumerate(column_order)}
        column_codes = np.array([lookup[c] for c in columns], dtype=np.int64)
    row_order = _country_order(rows)
    row_lookup = {c: i for i, c in enumerate(row_order)}
    row_codes = np.array([row_lookup[c] for c in rows], dtype=np.int64)
    counts = np.zeros((len(row_order), len(column_order)), dtype=np.int64)
    np.add.at(counts, (row_codes, column_codes), 1)
    table: pd.DataFrame = pd.DataFrame(
        counts,
        index=pd.Index(row_order, name=index, dtype=object),
        columns=pd.Index(column_order, name=name, dtype=object),
    )
    return table


def dyads(df: pd.DataFrame) -> pd.DataFrame:
    """Issuer x target matrix of measure counts.

    Rows are the issuers present, columns the targets present (sorted by code, with a final
    `UNKNOWN` column for measures without a target code); the matrix sums to ``len(df)``.
    """
    df = _check_frame(df, (ISSUER, TARGET), "dyads")
    return _crosstab(_countries(df, ISSUER), _countries(df, TARGET), ISSUER, TARGET)


def timeline(df: pd.DataFrame, freq: str = "MS", by: _By | None = "type") -> pd.DataFrame:
    """Measures per period: one row per period (labelled by its start), one column per value.

    ``freq`` is a pandas offset alias (``"MS"`` month starts, ``"YS"`` years, ``"W"`` ...);
    every period between the first and the last date is present. Columns are the whole
    vocabulary of ``by``, or a single ``"measures"`` column when ``by`` is None. Rows without
    a date are left out, so the table sums to the number of dated rows.
    """
    df = _check_frame(df, (DATE,) if by is None else (DATE, by), "timeline")
    dates = pd.to_datetime(df[DATE])
    dated = dates.notna().to_numpy()
    index = pd.DatetimeIndex(dates[dated], name=DATE)
    if by is None:
        counts = pd.DataFrame({"measures": np.ones(len(index), dtype=np.int64)}, index=index)
    else:
        if by not in (TYPE, CATEGORY, STATUS, TARGET_KIND):
            raise ValueError(
                "timeline: by must be 'type', 'category', 'status', 'target_kind' or None, "
                f"got {by!r}"
            )
        values = _in_vocabulary(df, by, "timeline")[dated]
        counts = pd.get_dummies(values, dtype=np.int64)
        counts.index = index
        counts.columns = pd.Index([str(c) for c in counts.columns], name=by, dtype=object)
    table: pd.DataFrame = counts.resample(freq).sum().astype(np.int64)
    return table


def gsdb_panel(
    df: pd.DataFrame, statuses: Iterable[Status | str] = (Status.IMPOSED, Status.ANNOUNCED)
) -> pd.DataFrame:
    """Dyad-year panel in the style of the Global Sanctions Database (GSDB).

    One row per (issuer, target, year) with a measure of one of ``statuses`` (by default
    imposed and announced) dated in that year, and the six GSDB category columns
    (`sanctions.vocabulary.GSDB_CATEGORIES`: trade, financial, arms, military, travel, other)
    as 0/1, from each type's ``gsdb`` crosswalk. Rows without a target code or a date cannot
    be placed in a dyad-year and are left out. The year is the year of the measure's date, not
    a span to its lifting (see `sanctions.tracker.Tracker.as_of` for measures in force).
    """
    df = _check_frame(df, (ISSUER, TARGET, TYPE, STATUS, DATE), "gsdb_panel")
    wanted = {Status(s).value for s in statuses}
    types = _in_vocabulary(df, TYPE, "gsdb_panel")
    gsdb_of = {t.value: MEASURE_TYPES[t].gsdb for t in MeasureType}
    dates = pd.to_datetime(df[DATE])
    keep = (
        df[STATUS].astype(object).isin(wanted).to_numpy()
        & df[TARGET].notna().to_numpy()
        & dates.notna().to_numpy()
    )
    panel = pd.DataFrame(
        {
            ISSUER: df[ISSUER].astype(object)[keep].astype(str).to_numpy(),
            TARGET: df[TARGET].astype(object)[keep].astype(str).to_numpy(),
            "year": dates[keep].dt.year.astype(np.int64).to_numpy(),
        }
    )
    categories = pd.Categorical(
        [gsdb_of[str(t)] for t in types[keep]], categories=list(GSDB_CATEGORIES)
    )
    flags = pd.get_dummies(categories, dtype=np.int64)
    flags.columns = pd.Index([str(c) for c in flags.columns], dtype=object)
    flags.index = panel.index
    panel = pd.concat([panel, flags], axis=1)
    result = panel.groupby([ISSUER, TARGET, "year"], sort=True).max().reset_index()
    table: pd.DataFrame = result[[ISSUER, TARGET, "year", *GSDB_CATEGORIES]].astype(
        {"year": np.int64, **dict.fromkeys(GSDB_CATEGORIES, np.int64)}
    )
    return table


# --- accessor ---------------------------------------------------------------------------------


@pd.api.extensions.register_dataframe_accessor("sanctions")
class SanctionsAccessor:
    """``df.sanctions``: the functions of `sanctions.frames` as methods of a `to_frame` table.

    >>> to_frame([]).sanctions.by_country(by="category").columns.tolist()[:3]
    ['trade', 'financial', 'arms']
    """

    def __init__(self, df: pd.DataFrame) -> None:
        self._df = df

    def measures(self) -> list[Measure]:
        """`from_frame`."""
        return from_frame(self._df)

    def by_country(self, role: _Role = "issuer", by: _By = "type") -> pd.DataFrame:
        """`by_country`."""
        return by_country(self._df, role=role, by=by)

    def dyads(self) -> pd.DataFrame:
        """`dyads`."""
        return dyads(self._df)

    def timeline(self, freq: str = "MS", by: _By | None = "type") -> pd.DataFrame:
        """`timeline`."""
        return timeline(self._df, freq=freq, by=by)

    def gsdb_panel(
        self, statuses: Iterable[Status | str] = (Status.IMPOSED, Status.ANNOUNCED)
    ) -> pd.DataFrame:
        """`gsdb_panel`."""
        return gsdb_panel(self._df, statuses=statuses)
