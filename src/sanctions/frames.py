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

This module is the public surface; the pieces live in private modules, one job each:
`sanctions._frame_columns` (column names, dtypes, vocabularies), `sanctions._frame_convert`
(`to_frame`, `from_frame`), `sanctions._frame_tables` (the counts) and
`sanctions._frame_accessor` (``df.sanctions``).
"""

from __future__ import annotations

from ._frame_accessor import SanctionsAccessor
from ._frame_columns import (
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
    UNKNOWN,
    dtypes,
)
from ._frame_convert import from_frame, to_frame
from ._frame_tables import by_country, dyads, gsdb_panel, timeline

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
