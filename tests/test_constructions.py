"""The role-construction table: rows validated on load, ties refused, every row read by code."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions.constructions import load_constructions
from sanctions.errors import VocabularyError
from sanctions.extraction.issuers import _ISSUER_READERS
from sanctions.extraction.roles import _TARGET_READERS
from sanctions.vocabulary import MEASURE_TYPES, MeasureType

ROW = "- {{name: {name}, role: {role}, weight: {weight}, reads: 'what it reads'}}\n"


def table(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "roles.yaml"
    path.write_text("".join(rows), encoding="utf-8")
    return path


def test_the_package_table_has_a_reader_for_every_row_and_a_row_for_every_reader() -> None:
    constructions = load_constructions()
    assert {row.name for row in constructions.issuer} == set(_ISSUER_READERS)
    assert {row.name for row in constructions.target} == set(_TARGET_READERS)


def test_constructions_are_tried_by_weight() -> None:
    constructions = load_constructions()
    for rows in (constructions.issuer, constructions.target):
        weights = [row.weight for row in rows]
        assert weights == sorted(weights, reverse=True)
        assert len(set(weights)) == len(weights)


def test_a_tie_between_two_constructions_of_a_role_is_refused(tmp_path: Path) -> None:
    path = table(
        tmp_path,
        ROW.format(name="a", role="issuer", weight=50),
        ROW.format(name="b", role="issuer", weight=50),
    )
    with pytest.raises(VocabularyError, match="share the weight 50"):
        load_constructions(path)


def test_the_same_weight_in_two_roles_is_no_tie(tmp_path: Path) -> None:
    path = table(
        tmp_path,
        ROW.format(name="a", role="issuer", weight=50),
        ROW.format(name="b", role="target", weight=50),
    )
    loaded = load_constructions(path)
    assert [row.name for row in loaded.issuer] == ["a"]
    assert [row.name for row in loaded.target] == ["b"]


@pytest.mark.parametrize(
    "row",
    [
        ROW.format(name="a", role="speaker", weight=50),
        ROW.format(name="a", role="issuer", weight=0),
        ROW.format(name="a", role="issuer", weight=101),
        "- {name: a, role: issuer, weight: 5}\n",
        "- {name: a, role: issuer, weight: 5, reads: x, when: not_a_column}\n",
        "- {name: a, role: issuer, weight: 5, reads: x, colour: red}\n",
    ],
)
def test_a_bad_row_is_refused_with_its_number(tmp_path: Path, row: str) -> None:
    with pytest.raises(VocabularyError, match="row 1"):
        load_constructions(table(tmp_path, row))


def test_a_repeated_name_is_refused(tmp_path: Path) -> None:
    path = table(
        tmp_path,
        ROW.format(name="a", role="issuer", weight=50),
        ROW.format(name="a", role="target", weight=40),
    )
    with pytest.raises(VocabularyError, match="repeated construction names"):
        load_constructions(path)


def test_rows_and_readers_must_match(tmp_path: Path) -> None:
    loaded = load_constructions(table(tmp_path, ROW.format(name="a", role="issuer", weight=5)))
    with pytest.raises(VocabularyError, match="no issuer construction reads"):
        loaded.check_readers(issuer=[], target=[])
    with pytest.raises(VocabularyError, match="without a row"):
        loaded.check_readers(issuer=["a", "b"], target=[])


def test_a_construction_applies_by_form_and_by_the_type_reading(tmp_path: Path) -> None:
    path = table(
        tmp_path,
        "- {name: p, role: issuer, weight: 9, reads: x, when: place_issues, form: verb}\n",
    )
    (row,) = load_constructions(path).issuer
    airspace = MEASURE_TYPES[MeasureType.AIRSPACE_CLOSURE]
    assert row.applies("verb", airspace)
    assert not row.applies("noun", airspace)
    assert not row.applies("verb", MEASURE_TYPES[MeasureType.ASSET_FREEZE])
