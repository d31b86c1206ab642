"""Hypothesis strategies for the `sanctions` models, for downstream test suites.

Every strategy draws from the tables the library validates against (`sanctions.codes` for
actor codes, `sanctions.vocabulary` for types, statuses and target kinds), so every value it
yields is a valid model, and a new table row is drawn without a change here. Usage::

    >>> from hypothesis import given
    >>> from sanctions.strategies import measures
    >>> @given(measures(issuer="JPN", type="asset_freeze"))
    ... def test_japanese_asset_freezes(measure):
    ...     assert measure.issuer.name == "Japan"
    ...     assert measure.type.value == "asset_freeze"
    >>> test_japanese_asset_freezes()

Arguments that pin a field take a value, a strategy to draw the value from, or ``None`` (the
default) to draw it freely. To pin an optional field to ``None``, pass ``st.none()``. A pinned
value that the model would reject (``issuer="XXX"``, ``type="boycott"``) raises ``ValueError``
(pydantic's ``ValidationError`` for codes) when the strategy is built, not when it is drawn.

With `sanctions` installed, ``st.from_type(sanctions.Measure)`` (and every other model) draws
from these strategies without importing this module: see `sanctions._hypothesis_plugin`.
This module needs hypothesis, an optional dependency: ``pip install 'sanctions[hypothesis]'``.
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "sanctions.strategies needs hypothesis: pip install 'sanctions[hypothesis]'"
    ) from exc

import datetime as dt
from enum import Enum
from typing import TypeVar

from pydantic import TypeAdapter

from . import codes as _codes
from .codes import ActorKind
from .model import ActorCode, Evidence, Issuer, Measure, MeasureRef, Sanction, Target
from .vocabulary import MEASURE_TYPES, STATUSES, TARGET_KINDS, MeasureType, Status, TargetKind

__all__ = [
    "actor_codes",
    "bloc_codes",
    "evidence",
    "issuers",
    "measure_refs",
    "measure_types",
    "measures",
    "sanctions",
    "state_codes",
    "statuses",
    "target_kinds",
    "targets",
]

T = TypeVar("T")
EnumT = TypeVar("EnumT", bound=Enum)

#: Evidence offsets stay below this, as in a long news article.
_MAX_OFFSET = 100_000
#: Dates of the sanctions era; any date is valid, these shrink to readable ones.
_DATES = st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2099, 12, 31))
#: Sources: absent, URL-like (so packages from one source are drawn), or any text.
_SOURCES: st.SearchStrategy[str | None] = st.one_of(
    st.none(),
    st.integers(min_value=1, max_value=50).map(lambda n: f"https://example.org/news/{n}"),
    st.text(min_size=1, max_size=40),
)
_ACTOR_CODE: TypeAdapter[str] = TypeAdapter(ActorCode)


def _pin(
    value: T | st.SearchStrategy[T] | None, default: st.SearchStrategy[T]
) -> st.SearchStrategy[T]:
    """``default`` for None, the strategy itself for a strategy, else ``st.just(value)``."""
    if value is None:
        return default
    if isinstance(value, st.SearchStrategy):
        return value
    return st.just(value)


def _pin_enum(
    value: EnumT | str | st.SearchStrategy[EnumT] | None,
    enum_type: type[EnumT],
    default: st.SearchStrategy[EnumT],
) -> st.SearchStrategy[EnumT]:
    """`_pin`, converting a string value to its enum member (``ValueError`` if it is none)."""
    if isinstance(value, str):
        return st.just(enum_type(value))
    return _pin(value, default)


# --- codes and vocabulary --------------------------------------------------------------------


def actor_codes(*, kind: ActorKind | str | None = None) -> st.SearchStrategy[str]:
    """Valid actor codes: ISO alpha-3 state codes and bloc codes, or only those of ``kind``.

    >>> from hypothesis import given
    >>> from sanctions.codes import actor_kind
    >>> @given(actor_codes(kind="bloc"))
    ... def test_blocs(code):
    ...     assert actor_kind(code).value == "bloc"
    >>> test_blocs()
    """
    codes = _codes.all_codes()
    if kind is not None:
        wanted = ActorKind(kind)
        codes = frozenset(code for code in codes if _codes.actor_kind(code) is wanted)
    return st.sampled_from(sorted(codes))


def state_codes() -> st.SearchStrategy[str]:
    """Valid state codes (ISO 3166-1 alpha-3 plus the extra states such as XKX)."""
    return actor_codes(kind=ActorKind.STATE)


def bloc_codes() -> st.SearchStrategy[str]:
    """Valid bloc codes (EU, UN, G7, ...), from the bloc table."""
    return actor_codes(kind=ActorKind.BLOC)


def measure_types() -> st.SearchStrategy[MeasureType]:
    """Measure types, in the order of the vocabulary table (shrinks to the first row)."""
    return st.sampled_from(tuple(MEASURE_TYPES))


def statuses() -> st.SearchStrategy[Status]:
    """Statuses, in the order of the status table."""
    return st.sampled_from(tuple(STATUSES))


def target_kinds() -> st.SearchStrategy[TargetKind]:
    """Target kinds, in the order of the target-kind table."""
    return st.sampled_from(tuple(TARGET_KINDS))


# --- models ------------------------------------------------------------------------------------


def issuers(*, code: str | st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Issuer]:
    """Issuers, with name and kind filled from the code, as the model does.

    >>> from hypothesis import given
    >>> @given(issuers(code="EU"))
    ... def test_eu(issuer):
    ...     assert (issuer.name, issuer.kind.value) == ("European Union", "bloc")
    >>> test_eu()
    """
    if isinstance(code, str):
        return st.just(Issuer(code=code))
    return st.builds(Issuer, code=_pin(code, actor_codes()))


def targets(
    *,
    code: str | st.SearchStrategy[str | None] | None = None,
    kind: TargetKind | str | st.SearchStrategy[TargetKind] | None = None,
) -> st.SearchStrategy[Target]:
    """Targets: a code or none, a kind, and sometimes a name and a count.

    >>> from hypothesis import given
    >>> @given(targets(code="RUS", kind="individual"))
    ... def test_russians(target):
    ...     assert (target.code, target.kind.value) == ("RUS", "individual")
    >>> test_russians()
    """
    if isinstance(code, str):
        code = st.just(_ACTOR_CODE.validate_python(code))
    return st.builds(
        Target,
        code=_pin(code, st.one_of(st.none(), actor_codes())),
        kind=_pin_enum(kind, TargetKind, target_kinds()),
        name=st.one_of(st.none(), st.text(min_size=1, max_size=40)),
        count=st.one_of(st.none(), st.integers(min_value=0, max_value=10_000)),
    )


@st.composite
def _evidence_in(draw: st.DrawFn, source: str) -> Evidence:
    if not source:
        return Evidence(text="", start=0, end=0)
    start = draw(st.integers(min_value=0, max_value=len(source) - 1))
    end = draw(st.integers(min_value=start + 1, max_value=len(source)))
    return Evidence(text=source[start:end], start=start, end=end)


@st.composite
def _evidence_anywhere(draw: st.DrawFn) -> Evidence:
    text = draw(st.text(min_size=1, max_size=80))
    start = draw(st.integers(min_value=0, max_value=_MAX_OFFSET))
    return Evidence(text=text, start=start, end=start + len(text))


def evidence(source_text: str | None = None) -> st.SearchStrategy[Evidence]:
    """Evidence spans: non-empty, and inside ``source_text`` when it is given.

    With a source text, every span satisfies ``source_text[start:end] == text`` (an empty
    source gives the empty span); without one, text and offsets are free but consistent.

    >>> from hypothesis import given
    >>> @given(evidence("Japan froze the assets of 15 Russians."))
    ... def test_inside(span):
    ...     span.check("Japan froze the assets of 15 Russians.")
    >>> test_inside()
    """
    if source_text is None:
        return _evidence_anywhere()
    return _evidence_in(source_text)


def measure_refs() -> st.SearchStrategy[MeasureRef]:
    """Pointers to an answered measure: an issuer code, and maybe a target code and a type."""
    return st.builds(
        MeasureRef,
        issuer=actor_codes(),
        target=st.one_of(st.none(), actor_codes()),
        type=st.one_of(st.none(), measure_types()),
    )


def measures(
    *,
    type: MeasureType | str | st.SearchStrategy[MeasureType] | None = None,
    status: Status | str | st.SearchStrategy[Status] | None = None,
    issuer: Issuer | str | st.SearchStrategy[Issuer] | None = None,
    target: Target | str | st.SearchStrategy[Target] | None = None,
    source: str | st.SearchStrategy[str | None] | None = None,
    date: dt.date | st.SearchStrategy[dt.date | None] | None = None,
    evidence: Evidence | st.SearchStrategy[Evidence] | None = None,
) -> st.SearchStrategy[Measure]:
    """Measures; keyword arguments pin fields.

    ``type`` and ``status`` take enum members or their values; ``issuer`` and ``target`` take
    a model, a strategy of models, or an actor code (for ``target``, the kind is still drawn).
    ``evidence`` takes, for example, ``evidence(text)`` to keep spans inside ``text``.

    >>> from hypothesis import given, strategies as st
    >>> @given(measures(status="threatened", target="RUS", source=st.none()))
    ... def test_threats(measure):
    ...     assert measure.status_class == "threatened"
    ...     assert (measure.target.code, measure.source) == ("RUS", None)
    >>> test_threats()
    """
    if isinstance(issuer, str):
        issuer = issuers(code=issuer)
    if isinstance(target, str):
        target = targets(code=target)
    return st.builds(
        Measure,
        type=_pin_enum(type, MeasureType, measure_types()),
        status=_pin_enum(status, Status, statuses()),
        issuer=_pin(issuer, issuers()),
        target=_pin(target, targets()),
        evidence=_pin(evidence, _evidence_anywhere()),
        date=_pin(date, st.one_of(st.none(), _DATES)),
        source=_pin(source, _SOURCES),
        details=st.one_of(st.none(), st.text(max_size=80)),
        confidence=st.floats(min_value=0.0, max_value=1.0),
        responds_to=st.one_of(st.none(), measure_refs()),
    )


@st.composite
def _sanctions(
    draw: st.DrawFn,
    issuer: st.SearchStrategy[Issuer],
    target: st.SearchStrategy[Target],
    source: st.SearchStrategy[str | None],
    min_measures: int,
    max_measures: int,
) -> Sanction:
    package_issuer = draw(issuer)
    package_target = draw(target)
    package_source = draw(source)
    members = draw(
        st.lists(
            measures(
                issuer=package_issuer,
                target=targets(code=st.just(package_target.code)),
                source=st.just(package_source),
            ),
            min_size=min_measures,
            max_size=max_measures,
        )
    )
    dates = [measure.date for measure in members if measure.date is not None]
    return Sanction(
        issuer=package_issuer,
        target=package_target,
        measures=tuple(members),
        date=min(dates) if dates else None,
        source=package_source,
    )


def sanctions(
    *,
    issuer: Issuer | str | st.SearchStrategy[Issuer] | None = None,
    target: Target | str | st.SearchStrategy[Target] | None = None,
    source: str | st.SearchStrategy[str | None] | None = None,
    min_measures: int = 1,
    max_measures: int = 5,
) -> st.SearchStrategy[Sanction]:
    """Sanction packages whose measures agree with the package.

    Every measure has the package's issuer, target code and source (its target kind, name and
    count are drawn), and the package's date is the earliest measure date, as
    `Sanction.group` sets it.

    >>> from hypothesis import given
    >>> @given(sanctions(issuer="USA", max_measures=3))
    ... def test_packages(package):
    ...     assert {m.issuer.code for m in package.measures} == {"USA"}
    ...     assert 1 <= len(package.measures) <= 3
    >>> test_packages()
    """
    if not 1 <= min_measures <= max_measures:
        raise ValueError(
            f"need 1 <= min_measures <= max_measures, got {min_measures} and {max_measures}"
        )
    if isinstance(issuer, str):
        issuer = issuers(code=issuer)
    if isinstance(target, str):
        target = targets(code=target)
    return _sanctions(
        _pin(issuer, issuers()),
        _pin(target, targets()),
        _pin(source, _SOURCES),
        min_measures,
        max_measures,
    )
