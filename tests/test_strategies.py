import datetime as dt
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import find, given, settings
from pydantic import ValidationError

import sanctions
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
from sanctions import strategies as ss
from sanctions.codes import actor_kind, bloc_codes, is_actor_code

DOCS = Path(__file__).resolve().parent.parent / "docs"

MODEL_STRATEGIES = [
    (Issuer, ss.issuers()),
    (Target, ss.targets()),
    (Evidence, ss.evidence()),
    (Evidence, ss.evidence("Japan froze the assets of 15 Russians.")),
    (MeasureRef, ss.measure_refs()),
    (Measure, ss.measures()),
    (Sanction, ss.sanctions()),
]
MODEL_IDS = [
    "issuer",
    "target",
    "evidence",
    "evidence_in_text",
    "measure_ref",
    "measure",
    "sanction",
]
NO_DATABASE = settings(database=None)
MODELS = [Issuer, Target, Evidence, MeasureRef, Measure, Sanction]


def run_python(code: str, tmp_path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )


# --- every strategy yields valid models -------------------------------------------------------


@pytest.mark.parametrize(("model", "strategy"), MODEL_STRATEGIES, ids=MODEL_IDS)
@given(data=st.data())
def test_strategy_yields_valid_models(model, strategy, data):
    value = data.draw(strategy)
    assert type(value) is model
    assert model.model_validate(value.model_dump()) == value


@pytest.mark.parametrize(("model", "strategy"), MODEL_STRATEGIES, ids=MODEL_IDS)
@given(data=st.data())
def test_json_round_trip_is_exact(model, strategy, data):
    value = data.draw(strategy)
    assert model.model_validate_json(value.model_dump_json()) == value


@given(ss.actor_codes())
def test_actor_codes_are_valid(code):
    assert is_actor_code(code)


@pytest.mark.parametrize("kind", [ActorKind.STATE, ActorKind.BLOC, "state", "bloc"])
@given(data=st.data())
def test_actor_codes_of_a_kind(kind, data):
    assert actor_kind(data.draw(ss.actor_codes(kind=kind))) is ActorKind(kind)


@given(ss.state_codes(), ss.bloc_codes())
def test_state_and_bloc_codes(state, bloc):
    assert (actor_kind(state), actor_kind(bloc)) == (ActorKind.STATE, ActorKind.BLOC)


@pytest.mark.parametrize("code", sorted(bloc_codes()))
def test_bloc_codes_reach_every_row_of_the_bloc_table(code):
    assert find(ss.bloc_codes(), lambda drawn: drawn == code, settings=NO_DATABASE) == code


def test_actor_codes_reach_states_added_to_iso():
    search = settings(NO_DATABASE, max_examples=5_000)
    assert find(ss.state_codes(), lambda drawn: drawn == "XKX", settings=search) == "XKX"


def test_actor_codes_reach_former_states():
    search = settings(NO_DATABASE, max_examples=5_000)
    assert find(ss.state_codes(), lambda drawn: drawn == "SUN", settings=search) == "SUN"
    assert find(ss.issuers(), lambda drawn: drawn.code == "YUG", settings=search).name == (
        "Yugoslavia"
    )


@given(ss.measure_types(), ss.statuses(), ss.target_kinds())
def test_vocabulary_strategies(measure_type, status, kind):
    assert isinstance(measure_type, MeasureType)
    assert isinstance(status, Status)
    assert isinstance(kind, TargetKind)


# --- evidence -------------------------------------------------------------------------------


@given(st.text(), st.data())
def test_evidence_is_inside_its_source(source, data):
    span = data.draw(ss.evidence(source))
    assert source[span.start : span.end] == span.text
    span.check(source)
    assert span.text or not source


@given(ss.evidence())
def test_evidence_without_source_is_non_empty(span):
    assert span.text
    assert span.end - span.start == len(span.text)


# --- pins -----------------------------------------------------------------------------------


@given(ss.issuers(code="EU"))
def test_issuers_pin_code(issuer):
    assert issuer == Issuer(code="EU")


@given(ss.issuers(code=ss.bloc_codes()))
def test_issuers_take_a_code_strategy(issuer):
    assert issuer.kind is ActorKind.BLOC


@given(ss.targets(code="RUS", kind="entity"))
def test_targets_pin_code_and_kind(target):
    assert (target.code, target.kind) == ("RUS", TargetKind.ENTITY)


@given(ss.targets(code=st.none()))
def test_targets_pin_code_to_none(target):
    assert target.code is None


@pytest.mark.parametrize(
    ("type_", "status"),
    [("asset_freeze", "threatened"), (MeasureType.ASSET_FREEZE, Status.THREATENED)],
    ids=["values", "members"],
)
@given(data=st.data())
def test_measures_pin_type_and_status(type_, status, data):
    measure = data.draw(ss.measures(type=type_, status=status))
    assert (measure.type, measure.status) == (MeasureType.ASSET_FREEZE, Status.THREATENED)


@given(
    ss.measures(
        issuer="JPN",
        target="RUS",
        source="https://example.org/a",
        date=dt.date(2022, 3, 18),
    )
)
def test_measures_pin_codes_source_and_date(measure):
    assert (measure.issuer.code, measure.target.code) == ("JPN", "RUS")
    assert (measure.source, measure.date) == ("https://example.org/a", dt.date(2022, 3, 18))


@given(
    ss.measures(
        issuer=Issuer(code="UN"),
        target=ss.targets(code=st.none(), kind="sector"),
        source=st.none(),
        date=st.none(),
        type=st.sampled_from([MeasureType.ARMS_EMBARGO, MeasureType.TRAVEL_BAN]),
    )
)
def test_measures_take_models_and_strategies(measure):
    assert measure.issuer == Issuer(code="UN")
    assert (measure.target.code, measure.target.kind) == (None, TargetKind.SECTOR)
    assert (measure.source, measure.date) == (None, None)
    assert measure.type in {MeasureType.ARMS_EMBARGO, MeasureType.TRAVEL_BAN}


@given(ss.measures(evidence=ss.evidence("The EU banned Russian coal.")))
def test_measures_pin_evidence(measure):
    measure.evidence.check("The EU banned Russian coal.")


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ss.measures(type="boycott"), "'boycott' is not a valid MeasureType"),
        (lambda: ss.measures(status="pending"), "'pending' is not a valid Status"),
        (lambda: ss.measures(issuer="XXX"), "'XXX' is not an actor code"),
        (lambda: ss.measures(target="XXX"), "'XXX' is not an actor code"),
        (lambda: ss.targets(kind="country"), "'country' is not a valid TargetKind"),
        (lambda: ss.actor_codes(kind="city"), "'city' is not a valid ActorKind"),
        (lambda: ss.sanctions(min_measures=0), "1 <= min_measures <= max_measures"),
        (lambda: ss.sanctions(min_measures=3, max_measures=2), "got 3 and 2"),
    ],
    ids=["type", "status", "issuer", "target", "kind", "actor_kind", "empty", "min_max"],
)
def test_bad_pins_fail_when_the_strategy_is_built(build, message):
    with pytest.raises(ValueError, match=message):
        build()


def test_bad_code_pin_is_a_validation_error():
    with pytest.raises(ValidationError):
        ss.issuers(code="jpn")


# --- sanctions ------------------------------------------------------------------------------


@given(ss.sanctions())
def test_sanction_measures_agree_with_the_package(package):
    for measure in package.measures:
        assert measure.issuer == package.issuer
        assert measure.target.code == package.target.code
        assert measure.source == package.source
    dates = [m.date for m in package.measures if m.date is not None]
    assert package.date == (min(dates) if dates else None)


@given(ss.sanctions())
def test_sanction_is_what_group_builds_from_its_measures(package):
    (grouped,) = Sanction.group(package.measures)
    assert grouped.measures == package.measures
    assert (grouped.issuer, grouped.date, grouped.source) == (
        package.issuer,
        package.date,
        package.source,
    )


@given(ss.sanctions(issuer="USA", target="IRN", source=st.none(), min_measures=2, max_measures=3))
def test_sanctions_pins(package):
    assert (package.issuer.code, package.target.code, package.source) == ("USA", "IRN", None)
    assert 2 <= len(package.measures) <= 3


# --- from_type, through the entry point -----------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@given(data=st.data())
def test_from_type_draws_valid_models(model, data):
    value = data.draw(st.from_type(model))
    assert type(value) is model
    assert model.model_validate_json(value.model_dump_json()) == value


@given(st.from_type(list[sanctions.Measure]))
def test_from_type_resolves_containers_of_models(measures):
    assert all(isinstance(measure, sanctions.Measure) for measure in measures)


def test_from_type_works_without_importing_strategies(tmp_path):
    result = run_python(
        """
        import sys
        from hypothesis import given, settings, strategies as st
        import sanctions

        assert "sanctions.strategies" not in sys.modules
        for model in (sanctions.Issuer, sanctions.Target, sanctions.Evidence,
                      sanctions.MeasureRef, sanctions.Measure, sanctions.Sanction):
            @settings(max_examples=10, database=None)
            @given(st.from_type(model))
            def check(value):
                assert type(value) is model, value
                assert model.model_validate_json(value.model_dump_json()) == value
            check()
        print("ok")
        """,
        tmp_path,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr


# --- import isolation -----------------------------------------------------------------------


def test_importing_sanctions_does_not_import_hypothesis(tmp_path):
    result = run_python(
        "import sanctions, sys; assert 'hypothesis' not in sys.modules, 'hypothesis imported'",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("module", ["sanctions.strategies", "sanctions._hypothesis_plugin"])
def test_modules_import_first_in_a_fresh_interpreter(module, tmp_path):
    # hypothesis runs the plugin hook on import; neither module may be half-initialised then.
    result = run_python(f"import {module}", tmp_path)
    assert result.returncode == 0, result.stderr


def test_strategies_without_hypothesis_says_how_to_install_it(tmp_path):
    result = run_python(
        """
        import sys
        sys.modules["hypothesis"] = None  # as if not installed
        try:
            import sanctions.strategies
        except ImportError as exc:
            print(exc)
        """,
        tmp_path,
    )
    assert result.stdout.strip() == (
        "sanctions.strategies needs hypothesis: pip install 'sanctions[hypothesis]'"
    ), result.stderr


def test_strategies_exports():
    assert sorted(ss.__all__) == ss.__all__
    for name in ss.__all__:
        assert callable(getattr(ss, name))


# --- docs/testing.md ------------------------------------------------------------------------


def test_testing_page_examples_pass():
    page = (DOCS / "testing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.DOTALL)
    ran = []
    for block in blocks:
        namespace: dict[str, object] = {}
        exec(compile(block, "docs/testing.md", "exec"), namespace)
        for name, value in namespace.items():
            if name.startswith("test_") and callable(value):
                value()
                ran.append(name)
    assert len(ran) == 4, ran
