"""Extract measures from a Dask DataFrame of articles, one partition at a time, on any cluster.

Needs the ``dask`` extra: ``pip install 'sanctions[dask]'`` (dask[dataframe] and distributed).
``import sanctions`` never imports this module, and this module imports dask only when
`extract_frame` is called.

The compiled `~sanctions.Extractor` is built once per worker *process*: the partition function
is a module-level function that Dask ships by reference, and it takes the extractor from a
module-level cache (`functools.cache`), which lives as long as the worker process does. No
extractor is pickled into the task graph, so a partition costs its text and nothing more; the
first partition on each worker pays about 0.3 s to compile the tables. Threads of one worker
share that extractor (it holds only frozen, compiled tables).

Usage::

    import dask.dataframe as dd
    from dask.distributed import Client
    from sanctions.dask import extract_frame

    client = Client(n_workers=4, threads_per_worker=1)      # or the address of a cluster
    articles = dd.read_json("articles-*.jsonl", lines=True, blocksize="16MB")
    measures = extract_frame(articles, text="text", published="published", source="id")
    measures.groupby("issuer", observed=True).size().compute()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, cast

import pandas as pd

from .extraction import Extractor
from .frames import to_frame

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["extract_frame", "extract_partition"]

_INSTALL = "pip install 'sanctions[dask]'"


def extract_frame(
    ddf: dd.DataFrame,
    text: str = "text",
    published: str | None = None,
    source: str | None = None,
) -> dd.DataFrame:
    """The measures stated in a Dask DataFrame's texts, as a lazy Dask DataFrame.

    Each partition of ``ddf`` becomes the `sanctions.to_frame` frame of its measures, so the
    result has the columns and dtypes of ``to_frame([])`` (its ``meta``) and can be grouped,
    joined or written to Parquet like any other Dask DataFrame. Its index restarts at 0 in
    every partition and its divisions are unknown.

    Arguments:
        ddf: one row per article.
        text: the column holding the article text; a missing value (None, NaN) yields nothing.
        published: the column holding the publication date (a date, a datetime or an ISO date
            string; missing values mean no date), or None.
        source: the column copied onto each measure's ``source`` (converted to str), or None;
            name a unique id or URL column to trace measures back to their rows.

    Raises ``ImportError`` naming the extra when dask is not installed, and ``KeyError`` when
    ``ddf`` has no column of one of the given names.

    """
    _require_dask()
    for column in (text, published, source):
        if column is not None and column not in ddf.columns:
            raise KeyError(f"extract_frame: ddf has no column {column!r}")
    columns = [c for c in dict.fromkeys((text, published, source)) if c is not None]
    frame = ddf[columns].map_partitions(
        extract_partition,
        text=text,
        published=published,
        source=source,
        meta=to_frame([]),
        align_dataframes=False,
    )
    return cast("dd.DataFrame", frame)


def extract_partition(
    part: pd.DataFrame,
    text: str = "text",
    published: str | None = None,
    source: str | None = None,
) -> pd.DataFrame:
    """The `sanctions.to_frame` frame of the measures in one pandas partition.

    This is the function `extract_frame` maps over the partitions; it needs no dask, so it
    also serves a plain pandas frame or a ``multiprocessing`` pool over chunks.
    """
    return to_frame(_extractor().extract_many(_records(part, text, published, source)))


@cache
def _extractor() -> Extractor:
    """The default extractor, compiled once per process (see the module docstring)."""
    return Extractor()


def _records(
    part: pd.DataFrame, text: str, published: str | None, source: str | None
) -> Iterator[dict[str, object]]:
    texts = part[text].tolist()
    days = part[published].tolist() if published is not None else [None] * len(texts)
    sources = part[source].tolist() if source is not None else [None] * len(texts)
    for body, day, origin in zip(texts, days, sources, strict=True):
        if _missing(body):
            continue
        yield {"text": body, "published": _date(day), "source": _source(origin)}


def _missing(value: object) -> bool:
    """None, NaN, NaT or pd.NA: a cell with no value."""
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    return isinstance(value, float) and value != value  # NaN, numpy floats included


def _date(value: object) -> object:
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):  # pandas Timestamps included
        return value.date()
    return value


def _source(value: object) -> str | None:
    return None if _missing(value) else str(value)


def _require_dask() -> None:
    try:
        import dask.dataframe  # noqa: F401  (imported to check it is there)
    except ImportError as exc:
        raise ImportError(f"sanctions.dask needs dask[dataframe]: {_INSTALL}") from exc
