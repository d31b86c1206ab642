"""The ``df.sanctions`` pandas accessor: the `sanctions.frames` functions as DataFrame methods.

Registered with pandas when this module is imported, which `sanctions.frames` (and so
``import sanctions``) does. The class stores the frame and delegates; it holds no logic.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ._frame_convert import from_frame
from ._frame_tables import _By, _Role, by_country, dyads, gsdb_panel, timeline
from .model import Measure
from .vocabulary import Status


@pd.api.extensions.register_dataframe_accessor("sanctions")
class SanctionsAccessor:
    """``df.sanctions``: the functions of `sanctions.frames` as methods of a `to_frame` table.

    >>> from sanctions import to_frame
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
