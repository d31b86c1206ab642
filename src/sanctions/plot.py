"""Charts of a `sanctions.frames.to_frame` table, drawn with matplotlib (``sanctions[plot]``).

Each function draws one of the `sanctions.frames` counts and returns the matplotlib ``Axes``;
pass ``ax=`` to draw into a figure of your own::

    import matplotlib.pyplot as plt
    from sanctions import plot

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))
    plot.by_country(df, ax=left)
    plot.dyads(df, ax=right)
    fig.savefig("sanctions.png")

Only the values that occur are drawn (a chart of 19 mostly empty series says little), and an
empty table gives an empty chart that says so. matplotlib is imported when a function is
first called, so ``import sanctions.plot`` works without it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from . import frames

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

__all__ = ["by_country", "dyads", "timeline"]

_By = Literal["type", "category", "status", "target_kind"]


def _pyplot() -> ModuleType:
    try:
        return importlib.import_module("matplotlib.pyplot")
    except ImportError as exc:
        raise ImportError(
            "sanctions.plot needs matplotlib, an optional dependency: pip install 'sanctions[plot]'"
        ) from exc


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    new: Axes = _pyplot().figure(figsize=size).add_subplot()
    return new


def _nonzero(table: pd.DataFrame) -> pd.DataFrame:
    kept: pd.DataFrame = table.loc[:, table.sum(axis=0) > 0]
    return kept


def _legend(ax: Axes, title: str) -> None:
    """A legend to the right of the plot, where it hides no bar."""
    ax.legend(title=title, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))


def _integer_ticks(axis: Axis) -> None:
    ticker = importlib.import_module("matplotlib.ticker")
    axis.set_major_locator(ticker.MaxNLocator(integer=True))


def _empty(ax: Axes, what: str) -> Axes:
    ax.text(0.5, 0.5, f"no {what}", ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def timeline(
    df: pd.DataFrame, *, freq: str = "MS", by: _By | None = "type", ax: Axes | None = None
) -> Axes:
    """Measures per period (`sanctions.frames.timeline`) as bars stacked by value of ``by``.

    Undated measures are not drawn. Returns the ``Axes``.
    """
    table = _nonzero(frames.timeline(df, freq=freq, by=by))
    ax = _axes(ax, (9.0, 4.0))
    if table.empty:
        return _empty(ax, "dated measures")
    starts = pd.DatetimeIndex(table.index)
    steps = starts[1:] - starts[:-1]
    width = 0.8 * (steps.min() if len(steps) else pd.Timedelta(days=28))
    bottom = np.zeros(len(table))
    for column in table.columns:
        counts = table[column].to_numpy(dtype=float)
        ax.bar(
            starts.to_pydatetime(),
            counts,
            width=width,  # type: ignore[arg-type]  # matplotlib converts it; its stubs say no
            bottom=bottom,
            align="edge",
            label=str(column),
        )
        bottom += counts
    _integer_ticks(ax.yaxis)
    ax.set_ylabel("measures")
    ax.set_xlabel(f"period ({freq})")
    if by is not None:
        _legend(ax, by)
    ax.set_title("Sanctions measures over time")
    return ax


def dyads(df: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Issuer x target counts (`sanctions.frames.dyads`) as a heatmap, counts in the cells.

    Returns the ``Axes``; the colour bar is added to its figure.
    """
    table = frames.dyads(df)
    ax = _axes(ax, (1.5 + 0.6 * len(table.columns), 1.5 + 0.45 * len(table.index)))
    if table.empty:
        return _empty(ax, "measures")
    values = table.to_numpy()
    image = ax.imshow(values, cmap="Reds", aspect="auto", vmin=0)
    ax.set_xticks(np.arange(len(table.columns)), [str(c) for c in table.columns], rotation=90)
    ax.set_yticks(np.arange(len(table.index)), [str(i) for i in table.index])
    ax.set_xlabel("target")
    ax.set_ylabel("issuer")
    if values.size <= 900:
        high = values.max()
        for (row, column), count in np.ndenumerate(values):
            if count:
                colour = "white" if count > high / 2 else "black"
                ax.text(column, row, str(count), ha="center", va="center", color=colour)
    ax.figure.colorbar(image, ax=ax, label="measures")
    ax.set_title("Who sanctions whom")
    return ax


def by_country(
    df: pd.DataFrame,
    *,
    role: Literal["issuer", "target"] = "issuer",
    by: _By = "type",
    ax: Axes | None = None,
) -> Axes:
    """Measures by country (`sanctions.frames.by_country`) as horizontal stacked bars.

    One bar per country, one colour per value of ``by``. Returns the ``Axes``.
    """
    table = _nonzero(frames.by_country(df, role=role, by=by))
    ax = _axes(ax, (9.0, 1.5 + 0.4 * len(table.index)))
    if table.empty:
        return _empty(ax, "measures")
    labels = [str(i) for i in table.index]
    left = np.zeros(len(table.index))
    for column in table.columns:
        counts = table[column].to_numpy(dtype=float)
        ax.barh(labels, counts, left=left, label=str(column))
        left += counts
    ax.invert_yaxis()  # first country on top, as in the table
    _integer_ticks(ax.xaxis)
    ax.set_xlabel("measures")
    ax.set_ylabel(role)
    _legend(ax, by)
    ax.set_title(f"Sanctions measures by {role}")
    return ax
