import datetime as dt
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from sanctions import (
    ActorKind,
    Evidence,
    Issuer,
    Measure,
    MeasureRef,
    MeasureType,
    Sanction,
    Status,
    Target,
    TargetKind,
)

DOCS = Path(__file__).resolve().parent.parent / "docs"


def make_measure(
    issuer: str = "JPN",
    target: str | None = "RUS",
    type: str = "asset_freeze",
    status: str = "imposed",
    source: str | None = "https://example.org/a",
    date: dt.date | None = None,
) -> Measure:
    return Measure(
        type=MeasureType(type),
        status=Status(status),
        issuer=Issuer(code=issuer),
        target=Target(code=target),
        evidence=Evidence(text="froze the assets", start=6, end=22),
        source=source,
        date=date,
    )


# --- Issuer -----------------------------------------------------------------------------------


def test_issuer_rejects_unknown_code_naming_it():
    with pytest.raises(ValidationError, match="'XXX' is not an actor code"):
        Issuer(code="XXX")


def test_issuer_rejects_lower_case_code():
    with pytest.raises(ValidationError, match="'jpn'"):
        Issuer(code="jpn")


def test_issuer_fills_name_and_kind_of_a_state():
    issuer = Issuer(code="JPN")
    assert (issuer.name, issuer.kind) == ("Japan", ActorKind.STATE)


def test_issuer_fills_name_and_kind_of_a_bloc():
    issuer = Issuer(code="EU")
    assert (issuer.name, issuer.kind) == ("European Union", ActorKind.BLOC)


def test_issuer_uses_display_names_over_iso_names():
    assert Issuer(code="RUS").name == "Russia"


def test_issuer_accepts_matching_kind():
    assert Issuer.model_validate({"code": "UN", "kind": "bloc"}).kind is ActorKind.BLOC


def test_issuer_rejects_kind_mismatch():
    with pytest.raises(ValidationError, match="issuer JPN is a state, not a bloc"):
        Issuer(code="JPN", kind=ActorKind.BLOC)


def test_issuer_rejects_state_kind_for_a_bloc():
    with pytest.raises(ValidationError, match="issuer EU is a bloc, not a state"):
        Issuer(code="EU", kind=ActorKind.STATE)


# --- Target -----------------------------------------------------------------------------------


def test_target_defaults_to_an_unknown_state():
    target = Target()
    assert (target.code, target.kind, target.name, target.count) == (
        None,
        TargetKind.STATE,
        None,
        None,
    )


def test_target_rejects_unknown_code():
    with pytest.raises(ValidationError, match="'ZZZ' is not an actor code"):
        Target(code="ZZZ")


def test_target_rejects_negative_count():
    with pytest.raises(ValidationError, match="count"):
        Target(code="RUS", kind=TargetKind.INDIVIDUAL, count=-1)


# --- Evidence ---------------------------------------------------------------------------------


def test_evidence_rejects_inconsistent_span():
    with pytest.raises(ValidationError, match=re.escape("span [0:3] has length 3")):
        Evidence(text="froze", start=0, end=3)


def test_evidence_rejects_negative_offsets():
    with pytest.raises(ValidationError, match="start"):
        Evidence(text="", start=-1, end=-1)


def test_evidence_check_accepts_its_own_span():
    source = "Japan froze the assets of 15 Russians."
    Evidence(text="froze the assets", start=6, end=22).check(source)


def test_evidence_check_rejects_a_span_elsewhere():
    source = "Japan froze the assets of 15 Russians."
    with pytest.raises(ValueError, match=re.escape("is not at [0:16]")):
        Evidence(text="froze the assets", start=0, end=16).check(source)


def test_evidence_check_rejects_a_span_past_the_end():
    with pytest.raises(ValueError, match="is not at"):
        Evidence(text="assets", start=20, end=26).check("short text")


# --- frozen, extra fields ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Issuer(code="JPN"), "code", "USA"),
        (Target(code="RUS"), "kind", TargetKind.SECTOR),
        (Evidence(text="x", start=0, end=1), "start", 1),
        (MeasureRef(issuer="RUS"), "issuer", "JPN"),
        (make_measure(), "status", Status.LIFTED),
    ],
    ids=["issuer", "target", "evidence", "measure_ref", "measure"],
)
def test_models_are_frozen(model, field, value):
    with pytest.raises(ValidationError, match="frozen"):
        setattr(model, field, value)


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (Issuer, {"code": "JPN", "country": "Japan"}),
        (Target, {"code": "RUS", "sector": "energy"}),
        (Evidence, {"text": "x", "start": 0, "end": 1, "sentence": 0}),
        (MeasureRef, {"issuer": "RUS", "status": "imposed"}),
    ],
    ids=["issuer", "target", "evidence", "measure_ref"],
)
def test_models_forbid_extra_fields(model, data):
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        model.model_validate(data)


def test_measure_forbids_extra_fields():
    data = make_measure().model_dump()
    data["severity"] = "high"
    with pytest.raises(ValidationError, match="severity"):
        Measure.model_validate(data)


# --- Measure ----------------------------------------------------------------------------------


def test_measure_coerces_enum_values():
    measure = make_measure(type="travel_ban", status="threatened")
    assert (measure.type, measure.status) == (MeasureType.TRAVEL_BAN, Status.THREATENED)


def test_measure_rejects_unknown_type():
    with pytest.raises(ValidationError, match="type"):
        Measure.model_validate({**make_measure().model_dump(), "type": "boycott"})


@pytest.mark.parametrize("confidence", [0.0, 0.5, 1.0])
def test_measure_accepts_confidence_in_bounds(confidence):
    data = {**make_measure().model_dump(), "confidence": confidence}
    assert Measure.model_validate(data).confidence == confidence


@pytest.mark.parametrize("confidence", [-0.01, 1.01, float("nan"), float("inf")])
def test_measure_rejects_confidence_out_of_bounds(confidence):
    data = {**make_measure().model_dump(), "confidence": confidence}
    with pytest.raises(ValidationError, match="confidence"):
        Measure.model_validate(data)


def test_measure_confidence_defaults_to_one():
    assert make_measure().confidence == 1.0


def test_measure_key_is_issuer_target_type_status():
    measure = make_measure(issuer="EU", target=None, type="arms_embargo", status="lifted")
    assert measure.key == ("EU", None, MeasureType.ARMS_EMBARGO, Status.LIFTED)


@pytest.mark.parametrize(
    ("status", "status_class"),
    [
        ("imposed", "active"),
        ("announced", "active"),
        ("threatened", "threatened"),
        ("lifted", "lifted"),
    ],
)
def test_measure_status_class(status, status_class):
    assert make_measure(status=status).status_class == status_class


def test_measure_json_round_trip_keeps_every_field():
    measure = Measure(
        type=MeasureType.IMPORT_BAN,
        status=Status.ANNOUNCED,
        issuer=Issuer(code="GBR"),
        target=Target(code="RUS", kind=TargetKind.SECTOR, name="oil", count=3),
        evidence=Evidence(text="ban Russian oil", start=10, end=25),
        date=dt.date(2022, 3, 8),
        source="https://example.org/b",
        details="crude and refined products",
        confidence=0.75,
        responds_to=MeasureRef(issuer="RUS", target="GBR", type=MeasureType.TRAVEL_BAN),
    )
    assert Measure.model_validate_json(measure.model_dump_json()) == measure


# --- Sanction ---------------------------------------------------------------------------------


def test_sanction_accepts_agreeing_measures():
    package = Sanction(
        issuer=Issuer(code="JPN"),
        target=Target(code="RUS"),
        measures=(make_measure(), make_measure(type="mfn_revocation")),
        source="https://example.org/a",
    )
    assert len(package.measures) == 2


def test_sanction_needs_a_measure():
    with pytest.raises(ValidationError, match="measures"):
        Sanction(issuer=Issuer(code="JPN"), target=Target(code="RUS"), measures=())


def test_sanction_rejects_measure_of_another_issuer():
    with pytest.raises(ValidationError, match="measure by USA in a sanction by JPN"):
        Sanction(
            issuer=Issuer(code="JPN"),
            target=Target(code="RUS"),
            measures=(make_measure(issuer="USA"),),
            source="https://example.org/a",
        )


def test_sanction_rejects_measure_against_another_target():
    with pytest.raises(ValidationError, match="measure against BLR in a sanction against RUS"):
        Sanction(
            issuer=Issuer(code="JPN"),
            target=Target(code="RUS"),
            measures=(make_measure(target="BLR"),),
            source="https://example.org/a",
        )


def test_sanction_rejects_measure_from_another_source():
    with pytest.raises(ValidationError, match=re.escape("measure from 'https://example.org/b'")):
        Sanction(
            issuer=Issuer(code="JPN"),
            target=Target(code="RUS"),
            measures=(make_measure(source="https://example.org/b"),),
            source="https://example.org/a",
        )


def test_sanction_group_in_order_of_first_appearance():
    measures = [
        make_measure(issuer="USA", type="export_ban"),
        make_measure(issuer="JPN"),
        make_measure(issuer="USA", type="asset_freeze"),
        make_measure(issuer="JPN", target="BLR"),
        make_measure(issuer="JPN", source="https://example.org/b"),
    ]
    packages = Sanction.group(measures)
    assert [(p.issuer.code, p.target.code, p.source) for p in packages] == [
        ("USA", "RUS", "https://example.org/a"),
        ("JPN", "RUS", "https://example.org/a"),
        ("JPN", "BLR", "https://example.org/a"),
        ("JPN", "RUS", "https://example.org/b"),
    ]
    assert packages[0].measures == (measures[0], measures[2])


def test_sanction_group_takes_the_earliest_date():
    measures = [
        make_measure(date=dt.date(2022, 3, 18)),
        make_measure(date=None, type="travel_ban"),
        make_measure(date=dt.date(2022, 2, 26), type="mfn_revocation"),
    ]
    (package,) = Sanction.group(measures)
    assert package.date == dt.date(2022, 2, 26)


def test_sanction_group_without_dates_has_no_date():
    (package,) = Sanction.group([make_measure(date=None)])
    assert package.date is None


def test_sanction_group_of_nothing_is_empty():
    assert Sanction.group([]) == []


# --- docs -------------------------------------------------------------------------------------


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.DOTALL)


def test_model_page_examples_run_and_print_what_they_show(capsys):
    blocks = _python_blocks((DOCS / "model.md").read_text(encoding="utf-8"))
    assert blocks
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "docs/model.md", "exec"), namespace)
        shown = [line[3:] for line in block.splitlines() if line.startswith("#> ")]
        assert capsys.readouterr().out.splitlines() == shown, block


def test_empty_issuer_name_takes_the_display_name():
    assert Issuer(code="JPN", name="").name == "Japan"


def test_issuer_name_may_be_another_form():
    assert Issuer(code="JPN", name="Tokyo").name == "Tokyo"
