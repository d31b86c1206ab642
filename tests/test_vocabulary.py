import importlib.util
import typing
from pathlib import Path

import pytest

from sanctions import VocabularyError
from sanctions._tables import load_rows, read_yaml
from sanctions.vocabulary import (
    CATEGORIES,
    GSDB_CATEGORIES,
    MEASURE_TYPES,
    STATUSES,
    TARGET_KINDS,
    Category,
    GsdbCategory,
    MeasureType,
    MeasureTypeInfo,
    Status,
    StatusInfo,
    TargetKind,
    TargetKindInfo,
    status_class,
)

DOCS = Path(__file__).resolve().parent.parent / "docs"

#: The type table of the annotation guide (shared/corpus/GUIDE.md), in its order.
GUIDE_CATEGORIES = {
    "mfn_revocation": "trade",
    "tariff_increase": "trade",
    "import_ban": "trade",
    "export_ban": "trade",
    "price_cap": "trade",
    "trade_embargo": "trade",
    "asset_freeze": "financial",
    "financial_restriction": "financial",
    "swift_disconnection": "financial",
    "investment_ban": "financial",
    "arms_embargo": "arms",
    "travel_ban": "travel",
    "airspace_closure": "transport",
    "port_ban": "transport",
    "diplomatic_expulsion": "diplomatic",
    "talks_suspension": "diplomatic",
    "media_ban": "other",
    "services_ban": "other",
    "unspecified": "other",
}


def _column(table: str, key: str) -> list[str]:
    rows = read_yaml(table)
    assert isinstance(rows, list)
    return [row[key] for row in rows]


# --- enums equal their tables -----------------------------------------------------------------


def test_measure_type_has_19_members():
    assert len(MeasureType) == 19


@pytest.mark.parametrize(
    ("enum_type", "table", "key", "loaded"),
    [
        (MeasureType, "measure_types.yaml", "type", MEASURE_TYPES),
        (Status, "statuses.yaml", "status", STATUSES),
        (TargetKind, "target_kinds.yaml", "kind", TARGET_KINDS),
    ],
    ids=["measure_types", "statuses", "target_kinds"],
)
def test_enum_equals_its_table_in_order(enum_type, table, key, loaded):
    values = [member.value for member in enum_type]
    assert _column(table, key) == values
    assert [member.value for member in loaded] == values


def test_measure_types_follow_the_guide_in_order_and_category():
    assert {t.value: info.category for t, info in MEASURE_TYPES.items()} == GUIDE_CATEGORIES
    assert [t.value for t in MEASURE_TYPES] == list(GUIDE_CATEGORIES)


def test_categories_are_the_category_literal_and_all_used():
    assert typing.get_args(Category) == CATEGORIES
    assert {info.category for info in MEASURE_TYPES.values()} == set(CATEGORIES)


def test_gsdb_categories_are_the_gsdb_literal():
    assert typing.get_args(GsdbCategory) == GSDB_CATEGORIES


def test_tables_are_read_only():
    with pytest.raises(TypeError):
        MEASURE_TYPES[MeasureType.UNSPECIFIED] = MEASURE_TYPES[MeasureType.ASSET_FREEZE]  # type: ignore[index]


# --- statuses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.IMPOSED, "active"),
        (Status.ANNOUNCED, "active"),
        (Status.THREATENED, "threatened"),
        (Status.LIFTED, "lifted"),
    ],
)
def test_status_class(status, expected):
    assert status_class(status) == expected
    assert status_class(status.value) == expected


def test_status_class_rejects_unknown_status():
    with pytest.raises(ValueError, match="'pending'"):
        status_class("pending")


def test_enum_str_is_its_value():
    assert [str(MeasureType.PORT_BAN), str(Status.LIFTED), str(TargetKind.SECTOR)] == [
        "port_ban",
        "lifted",
        "sector",
    ]


# --- crosswalks -------------------------------------------------------------------------------


@pytest.mark.parametrize("measure_type", list(MeasureType), ids=str)
def test_every_type_has_its_crosswalk_columns(measure_type):
    info = MEASURE_TYPES[measure_type]
    assert info.description
    assert info.gsdb in GSDB_CATEGORIES
    assert info.cameo.imposed
    assert info.cameo.imposed.isdigit()
    assert info.cameo.threatened
    assert info.cameo.threatened.isdigit()
    assert info.cameo.lifted is None or info.cameo.lifted.isdigit()
    assert info.plover.event.isupper()
    assert info.opensanctions is None or info.opensanctions.strip()
    assert info.eu_map is None or info.eu_map.strip()


def test_every_table_row_names_every_crosswalk_column():
    columns = {"type", "category", "description", "gsdb", "cameo", "plover", "opensanctions"}
    columns |= {"eu_map", "reading"}
    rows = read_yaml("measure_types.yaml")
    assert isinstance(rows, list)
    for row in rows:
        assert set(row) == columns, row["type"]
        assert set(row["cameo"]) == {"imposed", "threatened", "lifted"}, row["type"]
        assert set(row["plover"]) == {"event", "mode"}, row["type"]


def test_known_crosswalks():
    assert MEASURE_TYPES[MeasureType.TALKS_SUSPENSION].cameo.imposed == "164"
    assert MEASURE_TYPES[MeasureType.DIPLOMATIC_EXPULSION].cameo.imposed == "161"
    assert MEASURE_TYPES[MeasureType.ASSET_FREEZE].eu_map == "Asset freeze"
    assert MEASURE_TYPES[MeasureType.AIRSPACE_CLOSURE].gsdb == "travel"


# --- broken tables ----------------------------------------------------------------------------

GOOD_ROW = """\
- type: asset_freeze
  category: financial
  description: freezing assets
  gsdb: financial
  cameo: {imposed: "163", threatened: "1312", lifted: "085"}
  plover: {event: SANCTION, mode: null}
  opensanctions: Asset freeze
  eu_map: Asset freeze
  reading: {place_issues: false, holder_issues: true, over_names_target: false, target_exports_become: null}
"""


@pytest.mark.parametrize(
    "bad_row",
    [
        GOOD_ROW.replace("asset_freeze\n", "boycott\n"),
        GOOD_ROW.replace("category: financial", "category: banking"),
        GOOD_ROW.replace("  eu_map: Asset freeze\n", ""),
        GOOD_ROW + "  weight: 2\n",
        GOOD_ROW.replace('lifted: "085"}', 'lifted: "085", withdrawn: "0"}'),
    ],
    ids=["unknown_type", "unknown_category", "missing_column", "extra_column", "extra_cameo"],
)
def test_broken_measure_type_row_names_the_table_and_row(tmp_path, bad_row):
    path = tmp_path / "measure_types.yaml"
    path.write_text(GOOD_ROW + bad_row, encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"measure_types\.yaml: row 2:"):
        load_rows(path, MeasureTypeInfo)


def test_broken_status_row_is_rejected(tmp_path):
    path = tmp_path / "statuses.yaml"
    path.write_text("- {status: imposed, status_class: pending, description: x}\n", "utf-8")
    with pytest.raises(VocabularyError, match=r"(?s)statuses\.yaml: row 1: .*status_class"):
        load_rows(path, StatusInfo)


def test_table_that_is_not_a_list_is_rejected(tmp_path):
    path = tmp_path / "target_kinds.yaml"
    path.write_text("kind: state\ndescription: x\n", "utf-8")
    with pytest.raises(VocabularyError, match="expected a list of rows, got dict"):
        load_rows(path, TargetKindInfo)


def test_table_that_is_not_yaml_is_rejected(tmp_path):
    path = tmp_path / "target_kinds.yaml"
    path.write_text("- {kind: state, description: [unclosed\n", "utf-8")
    with pytest.raises(VocabularyError, match="not valid YAML"):
        load_rows(path, TargetKindInfo)


def test_missing_table_is_rejected(tmp_path):
    with pytest.raises(VocabularyError, match="cannot read table"):
        load_rows(tmp_path / "absent.yaml", TargetKindInfo)


def test_good_table_loads(tmp_path):
    path = tmp_path / "measure_types.yaml"
    path.write_text(GOOD_ROW, encoding="utf-8")
    (row,) = load_rows(path, MeasureTypeInfo)
    assert row == MEASURE_TYPES[MeasureType.ASSET_FREEZE].model_copy(
        update={"description": "freezing assets"}
    )


# --- the generated page -----------------------------------------------------------------------


def _generator():
    spec = importlib.util.spec_from_file_location("gen_vocabulary", DOCS / "gen_vocabulary.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vocabulary_page_is_generated_from_the_tables():
    committed = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
    assert committed == _generator().render(), (
        "docs/vocabulary.md is stale: run python docs/gen_vocabulary.py"
    )


def test_vocabulary_page_lists_every_row():
    page = _generator().render()
    for value in [*MeasureType, *Status, *TargetKind]:
        assert f"| `{value.value}` |" in page
