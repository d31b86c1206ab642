"""The columns of a `~sanctions.frames.to_frame` table: names, order, dtypes and vocabularies.

One place says what each column is called and holds, and how a value becomes a category code
(Categoricals run over the *whole* vocabulary: every actor code, measure type, category, status
and target kind). `sanctions.frames` re-exports the public names; the conversion
(`sanctions._frame_convert`) and the counts (`sanctions._frame_tables`) read columns through the
helpers here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from types import MappingProxyType

import numpy as np
import pandas as pd

from .codes import actor_name, all_codes
from .vocabulary import CATEGORIES, MeasureType, Status, TargetKind

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

_TYPES: tuple[str, ...] = tuple(t.value for t in MeasureType)
_STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
_KINDS: tuple[str, ...] = tuple(k.value for k in TargetKind)


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


def _categorical(
    codes: list[int] | np.ndarray[tuple[int], np.dtype[np.int64]], column: str
) -> pd.Categorical:
    categorical: pd.Categorical = pd.Categorical.from_codes(
        np.asarray(codes, dtype=np.int64), dtype=_category_dtype(column)
    )
    return categorical


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
