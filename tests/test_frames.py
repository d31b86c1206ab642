import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _support import measure as make
from sanctions import MeasureRef, MeasureType, Sanction, Status
from sanctions.frames import (
    CATEGORY,
    COLUMNS,
    DATE,
    ISSUER,
    TARGET,
    TYPE,
    UNKNOWN,
    by_country,
    dtypes,
    dyads,
    from_frame,
    gsdb_panel,
    timeline,
    to_frame,
)
from sanctions.strategies import measures, sanctions
from sanctions.tracker import Tracker
from sanctions.vocabulary import CATEGORIES, GSDB_CATEGORIES


def assert_schema(df):
    assert tuple(df.columns) == COLUMNS
    for column, dtype in dtypes().items():
        assert df[column].dtype == dtype, column


# --- to_frame -----------------------------------------------------------------------------------


def test_columns_and_dtypes_are_stable():
    df = to_frame([make(date=dt.date(2022, 3, 22), source="https://example.org/1")])
    assert_schema(df)
    row = df.iloc[0]
    assert (row[ISSUER], row["issuer_name"], row[TARGET], row["target_name"]) == (
        "JPN",
        "Japan",
        "RUS",
        "Russia",
    )
    assert (row[TYPE], row[CATEGORY], row["status"]) == ("asset_freeze", "financial", "imposed")
    assert row[DATE] == pd.Timestamp("2022-03-22")


def test_empty_input_gives_an_empty_frame_with_the_same_schema():
    df = to_frame([])
    assert len(df) == 0
    assert_schema(df)


def test_categoricals_hold_the_whole_vocabulary():
    df = to_frame([make()])
    assert list(df[TYPE].cat.categories) == [t.value for t in MeasureType]
    assert list(df[CATEGORY].cat.categories) == list(CATEGORIES)
    assert {"USA", "EU", "RUS", "JPN"} <= set(df[ISSUER].cat.categories)
    assert list(df[TARGET].cat.categories) == list(df[ISSUER].cat.categories)


def test_missing_values_are_missing():
    df = to_frame([make(target=None)])
    row = df.iloc[0]
    assert pd.isna(row[TARGET])
    assert pd.isna(row["target_name"])
    assert pd.isna(row[DATE])
    assert pd.isna(row["responds_to"])
    assert pd.isna(row["target_count"])


def test_responds_to_is_spread_over_three_columns():
    ref = MeasureRef(issuer="JPN", target="RUS", type="mfn_revocation")
    df = to_frame([make(issuer="RUS", target="JPN", type="talks_suspension", responds_to=ref)])
    row = df.iloc[0]
    assert (row["responds_to"], row["responds_to_target"], row["responds_to_type"]) == (
        "JPN",
        "RUS",
        "mfn_revocation",
    )


def test_sanctions_are_spread_into_their_measures():
    package = Sanction.group([make(type="asset_freeze"), make(type="mfn_revocation")])[0]
    assert to_frame([package])[TYPE].tolist() == ["asset_freeze", "mfn_revocation"]
    assert len(to_frame(package)) == 2


def test_a_single_measure_is_one_row():
    assert len(to_frame(make())) == 1


def test_a_tracker_gives_one_row_per_tracked_measure():
    tracker = Tracker()
    tracker.add_measures([make(source="a"), make(source="b"), make(type="travel_ban")])
    df = to_frame(tracker)
    assert df[TYPE].tolist() == ["asset_freeze", "travel_ban"]


@pytest.mark.parametrize("bad", [5, "Japan froze assets", b"bytes", {"type": "x"}, None])
def test_to_frame_rejects_other_inputs(bad):
    with pytest.raises(TypeError, match="Measure or Sanction"):
        to_frame(bad)


def test_to_frame_names_the_bad_element():
    with pytest.raises(TypeError, match="got dict"):
        to_frame([make(), {"type": "asset_freeze"}])


# --- from_frame ---------------------------------------------------------------------------------


@given(st.lists(measures(), max_size=8))
def test_from_frame_gives_the_measures_back(ms):
    assert from_frame(to_frame(ms)) == ms


@given(st.lists(sanctions(), max_size=3))
def test_from_frame_gives_the_measures_of_packages_back(packages):
    assert from_frame(to_frame(packages)) == [m for p in packages for m in p.measures]


@given(st.lists(measures(), max_size=5))
def test_round_trip_through_parquet(tmp_path_factory, ms):
    pytest.importorskip("pyarrow")
    path = tmp_path_factory.mktemp("parquet") / "measures.parquet"
    to_frame(ms).to_parquet(path)
    assert from_frame(pd.read_parquet(path)) == ms


def test_from_frame_needs_only_the_core_columns():
    df = to_frame([make(date=dt.date(2022, 1, 1))])
    core = df[[ISSUER, TARGET, TYPE, "status", "evidence", "start", "end"]]
    [measure] = from_frame(core)
    assert measure == make()


def test_from_frame_accepts_plain_columns():
    df = pd.DataFrame(
        {
            ISSUER: ["USA"],
            TARGET: [None],
            TYPE: ["travel_ban"],
            "status": ["threatened"],
            DATE: ["2021-05-01"],
            "evidence": ["visa ban"],
            "start": [3],
            "end": [11],
        }
    )
    [measure] = from_frame(df)
    assert (measure.target.code, measure.date) == (None, dt.date(2021, 5, 1))


def test_from_frame_rejects_other_inputs():
    with pytest.raises(TypeError, match="DataFrame"):
        from_frame([make()])


def test_from_frame_names_missing_columns():
    df = to_frame([make()]).drop(columns=["evidence", "end"])
    with pytest.raises(ValueError, match="'evidence', 'end'"):
        from_frame(df)


# --- counts -------------------------------------------------------------------------------------


@given(st.lists(measures(), max_size=20), st.sampled_from(["issuer", "target"]))
def test_by_country_sums_to_the_row_count(ms, role):
    df = to_frame(ms)
    for by in ("type", "category", "status", "target_kind"):
        assert by_country(df, role=role, by=by).to_numpy().sum() == len(df)


def test_by_country_has_every_type_as_a_column():
    table = by_country(to_frame([make(), make(issuer="USA", type="export_ban")]))
    assert list(table.columns) == [t.value for t in MeasureType]
    assert list(table.index) == ["JPN", "USA"]
    assert table.loc["JPN", "asset_freeze"] == 1
    assert table.loc["JPN", "export_ban"] == 0
    assert table.dtypes.unique().tolist() == [np.dtype("int64")]


def test_by_country_counts_unknown_targets_in_a_last_row():
    table = by_country(to_frame([make(target=None), make(target="IRN")]), role="target")
    assert list(table.index) == ["IRN", UNKNOWN]


def test_by_country_by_category_and_status():
    df = to_frame([make(), make(type="mfn_revocation", status="threatened")])
    assert by_country(df, by="category").loc["JPN"].to_dict() == {
        c: int(c in ("financial", "trade")) for c in CATEGORIES
    }
    assert by_country(df, by="status").loc["JPN", "threatened"] == 1


def test_frames_and_by_country_take_former_states():
    df = to_frame([make(issuer="USA", target="SUN"), make(issuer="DDR", target="CSK")])
    assert df["target_name"].tolist() == ["Soviet Union", "Czechoslovakia"]
    assert list(by_country(df, role="target").index) == ["CSK", "SUN"]
    assert list(by_country(df).index) == ["DDR", "USA"]
    assert from_frame(df) == [make(issuer="USA", target="SUN"), make(issuer="DDR", target="CSK")]


def test_by_country_of_an_empty_frame_has_the_columns_and_no_rows():
    table = by_country(to_frame([]))
    assert table.shape == (0, len(MeasureType))


@pytest.mark.parametrize(("role", "by"), [("source", "type"), ("issuer", "date")])
def test_by_country_rejects_bad_arguments(role, by):
    with pytest.raises(ValueError, match="must be"):
        by_country(to_frame([]), role=role, by=by)


def test_by_country_names_missing_columns():
    with pytest.raises(ValueError, match="'type'"):
        by_country(pd.DataFrame({ISSUER: ["JPN"]}))


def test_by_country_rejects_values_outside_the_vocabulary():
    with pytest.raises(ValueError, match="boycott"):
        by_country(pd.DataFrame({ISSUER: ["JPN"], TYPE: ["boycott"]}))


def test_by_country_rejects_a_list():
    with pytest.raises(TypeError, match="DataFrame"):
        by_country([make()])


@given(st.lists(measures(), max_size=20))
def test_dyads_sum_to_the_row_count(ms):
    assert dyads(to_frame(ms)).to_numpy().sum() == len(ms)


def test_dyads_is_an_issuer_by_target_matrix():
    df = to_frame([make(), make(), make(issuer="EU"), make(issuer="RUS", target="JPN")])
    table = dyads(df)
    assert list(table.index) == ["EU", "JPN", "RUS"]
    assert list(table.columns) == ["JPN", "RUS"]
    assert table.loc["JPN", "RUS"] == 2
    assert table.loc["RUS", "JPN"] == 1


def test_timeline_counts_per_month_with_empty_months():
    df = to_frame(
        [
            make(date=dt.date(2022, 1, 5)),
            make(date=dt.date(2022, 1, 20), type="travel_ban"),
            make(date=dt.date(2022, 3, 1)),
            make(date=None),
        ]
    )
    table = timeline(df)
    assert list(table.index) == list(pd.date_range("2022-01-01", periods=3, freq="MS"))
    assert table["asset_freeze"].tolist() == [1, 0, 1]
    assert table["travel_ban"].tolist() == [1, 0, 0]
    assert list(table.columns) == [t.value for t in MeasureType]
    assert table.to_numpy().sum() == 3  # the undated row is left out


def test_timeline_by_year_and_in_total():
    df = to_frame([make(date=dt.date(2014, 3, 17)), make(date=dt.date(2022, 2, 28))])
    table = timeline(df, freq="YS", by=None)
    assert list(table.columns) == ["measures"]
    assert len(table) == 9
    assert table["measures"].sum() == 2


def test_timeline_of_an_empty_frame():
    table = timeline(to_frame([]), by="category")
    assert len(table) == 0
    assert list(table.columns) == list(CATEGORIES)


def test_gsdb_panel_marks_categories_per_dyad_year():
    df = to_frame(
        [
            make(type="asset_freeze", date=dt.date(2022, 3, 1)),
            make(type="mfn_revocation", date=dt.date(2022, 3, 15)),
            make(type="arms_embargo", status="threatened", date=dt.date(2022, 4, 1)),
            make(type="travel_ban", date=dt.date(2023, 1, 1)),
            make(type="travel_ban", target=None, date=dt.date(2023, 1, 1)),
            make(type="travel_ban", date=None),
        ]
    )
    panel = gsdb_panel(df)
    assert list(panel.columns) == ["issuer", "target", "year", *GSDB_CATEGORIES]
    rows = panel.set_index("year")
    assert rows.loc[2022, ["trade", "financial", "arms", "travel"]].tolist() == [1, 1, 0, 0]
    assert rows.loc[2023, ["trade", "financial", "travel"]].tolist() == [0, 0, 1]
    assert len(panel) == 2


def test_gsdb_panel_with_threats():
    df = to_frame([make(type="arms_embargo", status="threatened", date=dt.date(2022, 4, 1))])
    assert gsdb_panel(df).empty
    assert gsdb_panel(df, statuses=["threatened"])["arms"].tolist() == [1]


# --- accessor -----------------------------------------------------------------------------------


def test_the_accessor_wraps_the_functions():
    df = to_frame([make(date=dt.date(2022, 3, 1)), make(issuer="USA", target=None)])
    pd.testing.assert_frame_equal(df.sanctions.by_country(role="target"), by_country(df, "target"))
    pd.testing.assert_frame_equal(df.sanctions.dyads(), dyads(df))
    pd.testing.assert_frame_equal(df.sanctions.timeline(by="status"), timeline(df, by="status"))
    pd.testing.assert_frame_equal(df.sanctions.gsdb_panel(), gsdb_panel(df))
    assert df.sanctions.measures() == from_frame(df)


def test_statuses_are_enums_again_after_a_round_trip():
    [measure] = from_frame(to_frame([make(status="lifted")]))
    assert measure.status is Status.LIFTED
