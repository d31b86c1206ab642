import datetime as dt
import sys
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

from sanctions import extract_many
from sanctions.frames import to_frame

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

from sanctions.dask import extract_frame, extract_partition  # noqa: E402

# Sentences written for these tests; each record is a short article mixing them.
_MEASURES = [
    "Canada froze the assets of nine Belarusian officials on Monday.",
    "Britain banned imports of Russian vodka and caviar from March.",
    "The European Union imposed sanctions on Iran over its drone programme.",
    "Canada revoked the most-favoured-nation standing of Belarus.",
    "Washington threatened Venezuela with new oil sanctions if the vote is not free.",
    "Australia imposed a travel ban on 12 senior Myanmar generals.",
    "Norway suspended talks with Russia on fishing quotas in the Barents Sea.",
    "The United States lifted sanctions on a Venezuelan state gold miner.",
    "Switzerland closed its airspace to Russian aircraft late on Friday.",
    "Moscow expelled two Japanese diplomats in retaliation for Tokyo's measures.",
]
_NEWS = [
    "Shares in a Lisbon carmaker rose 3 percent after it reported higher profit.",
    "Heavy rain flooded parts of the northern provinces on Tuesday.",
    "The central bank left its main interest rate unchanged.",
    "A spokesman for the ministry declined to comment on the report.",
    "The festival is expected to draw thousands of visitors to the old town.",
]


def _records(count: int = 20) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for number in range(count):
        sentences = [
            _NEWS[number % len(_NEWS)],
            _MEASURES[number % len(_MEASURES)],
            _NEWS[(number + 2) % len(_NEWS)],
            _MEASURES[(number * 3 + 1) % len(_MEASURES)],
        ]
        records.append(
            {
                "id": f"doc-{number:02d}",
                "published": f"2024-03-{number % 28 + 1:02d}",
                "text": " ".join(sentences),
            }
        )
    return records


_ORDER = ["source", "start", "end", "issuer", "target", "type", "status"]


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(_ORDER).reset_index(drop=True)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_cluster_result_equals_single_process(client: Any) -> None:
    records = _records()
    ddf = dd.from_pandas(pd.DataFrame(records), npartitions=4)
    result = extract_frame(ddf, text="text", published="published", source="id")
    expected = to_frame(list(extract_many(records)))
    assert len(expected) > 20
    got = result.compute()  # type: ignore[no-untyped-call]
    pd.testing.assert_frame_equal(_sorted(got), _sorted(expected))


def test_meta_is_the_empty_frame() -> None:
    ddf = dd.from_pandas(pd.DataFrame(_records(4)), npartitions=2)
    result = extract_frame(ddf, source="id")
    pd.testing.assert_frame_equal(result._meta, to_frame([]))


def test_partition_function_skips_missing_and_reads_timestamps() -> None:
    part = pd.DataFrame(
        {
            "body": [_MEASURES[0], None, float("nan"), _MEASURES[1]],
            "day": [pd.Timestamp("2024-03-04"), pd.NaT, pd.NaT, None],
            "url": ["a", "b", "c", 4],
        }
    )
    frame = extract_partition(part, text="body", published="day", source="url")
    assert list(frame["source"]) == ["a", "4"]
    assert frame["date"].iloc[0] == pd.Timestamp(dt.date(2024, 3, 4))  # a Monday: "on Monday"


def test_unknown_column_raises_key_error() -> None:
    ddf = dd.from_pandas(pd.DataFrame(_records(2)), npartitions=1)
    with pytest.raises(KeyError, match="no column 'body'"):
        extract_frame(ddf, text="body")


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(ImportError, match=r"pip install 'sanctions\[dask\]'"):
        extract_frame(None)  # type: ignore[arg-type]
