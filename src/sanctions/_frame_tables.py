"""Count tables of a `~sanctions.frames.to_frame` table: by country, dyads, timeline, GSDB panel.

Each function checks the frame, reads its columns as whole-vocabulary Categoricals, and counts
with numpy, so a table has a column for every value of the vocabulary even where none occurs.
`sanctions.frames` re-exports them; the ``df.sanctions`` accessor wraps them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from ._frame_columns import (
    CATEGORY,
    DATE,
    ISSUER,
    STATUS,
    TARGET,
    TARGET_KIND,
    TYPE,
    UNKNOWN,
    _categorical,
    _check_frame,
    _values,
    _vocabulary,
)
from .vocabulary import GSDB_CATEGORIES, MEASURE_TYPES, MeasureType, Status

_Role = Literal["issuer", "target"]
_By = Literal["type", "category", "status", "target_kind"]


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
