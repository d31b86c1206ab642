"""The domain model: who imposed which measure on whom, with the words that show it.

Every model is frozen and forbids extra fields, so a record read back from JSON is the record
that was written::

    >>> m = Measure(
    ...     type="asset_freeze", status="imposed",
    ...     issuer=Issuer(code="JPN"), target=Target(code="RUS", kind="individual"),
    ...     evidence=Evidence(text="froze the assets", start=6, end=22),
    ... )
    >>> m.issuer.name, m.target.code, m.type.value
    ('Japan', 'RUS', 'asset_freeze')
    >>> Measure.model_validate_json(m.model_dump_json()) == m
    True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    model_validator,
)

from .codes import ActorKind, actor_kind, actor_name, is_actor_code
from .vocabulary import MeasureType, Status, TargetKind, status_class

__all__ = [
    "ActorCode",
    "ActorKind",
    "Evidence",
    "Issuer",
    "Measure",
    "MeasureRef",
    "MeasureType",
    "Sanction",
    "Status",
    "Target",
    "TargetKind",
]


_SURROGATE = re.compile("[\ud800-\udfff]")


def written(text: str) -> str:
    r"""``text`` as it is written out: each lone surrogate as U+FFFD, one character for one.

    JSON, CSV and Parquet hold valid Unicode only; a `str` may hold lone surrogates (bytes
    decoded with ``surrogateescape``, a ``"\ud800"`` escape in JSON). Replacing each by one
    character keeps every offset into the text valid.

    >>> written("caf\udce9 au lait") == "caf\ufffd au lait"
    True
    """
    if text.isascii():  # O(1) in CPython: the common case costs nothing
        return text
    return _SURROGATE.sub("\ufffd", text)


#: A string field: kept as given in Python, written by `written` in JSON (every string field
#: of every model is one, so ``model_dump_json`` never fails on a lone surrogate).
Text = Annotated[str, PlainSerializer(written, when_used="json")]


#: The largest count or offset a model takes: a frame stores them as 64-bit integers, and so
#: do Parquet and Arrow (a text of more characters does not fit in memory anyway).
MAX_INT = 2**63 - 1


def _check_code(code: str) -> str:
    if not is_actor_code(code):
        raise ValueError(
            f"{code!r} is not an actor code (ISO 3166-1 alpha-3 such as 'RUS', a former "
            "country's ISO 3166-3 code such as 'SUN', or a bloc code such as 'EU', 'UN', 'G7')"
        )
    return code


#: A state's ISO 3166-1 alpha-3 code (plus TWN, XKX), a former state's ISO 3166-3 code (SUN,
#: YUG, CSK, DDR, ...) or a bloc code (EU, UN, G7, NATO, ...).
ActorCode = Annotated[str, AfterValidator(_check_code)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Issuer(_Frozen):
    """The state or bloc that takes a measure.

    ``name`` defaults to the code's display name ("Japan") and may be given in another form
    ("Tokyo"); ``kind`` defaults from the code and must agree with it.
    """

    #: Actor code of the issuing state or bloc.
    code: ActorCode
    #: Display name ("Japan", "European Union").
    name: Text = ""
    #: State or bloc, derived from the code.
    kind: ActorKind = ActorKind.STATE

    @model_validator(mode="before")
    @classmethod
    def _fill_from_code(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("code"), str):
            code = data["code"]
            if is_actor_code(code):
                data = dict(data)
                if not data.get("name"):
                    data["name"] = actor_name(code)
                data.setdefault("kind", actor_kind(code))
        return data

    @model_validator(mode="after")
    def _kind_agrees(self) -> Issuer:
        if self.kind != actor_kind(self.code):
            raise ValueError(
                f"issuer {self.code} is a {actor_kind(self.code).value}, not a {self.kind.value}"
            )
        return self


class Target(_Frozen):
    """What a measure is aimed at: a state, or a sector, entity or persons of that state."""

    #: Actor code of the targeted state; None where the text does not say.
    code: ActorCode | None = None
    #: State, sector, entity or individual.
    kind: TargetKind = TargetKind.STATE
    #: What exactly is targeted where the text names it ("Rosoboronexport", "oil").
    name: Text | None = None
    #: How many persons or entities, where the text counts them.
    count: int | None = Field(default=None, ge=0, le=MAX_INT)


class Evidence(_Frozen):
    """The span of the source text that carries a measure: ``text == source[start:end]``.

    ``text`` keeps the characters of the source exactly, lone surrogates included, so the
    span can be checked against the text it came from; in JSON (and in frames, CSV and
    Parquet) a lone surrogate is written as U+FFFD, one character for one, as in every string
    field (see `written`), so the offsets stay valid there too.
    """

    text: Text
    start: int = Field(ge=0, le=MAX_INT)
    end: int = Field(ge=0, le=MAX_INT)

    @model_validator(mode="after")
    def _consistent(self) -> Evidence:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"evidence span [{self.start}:{self.end}] has length {self.end - self.start}, "
                f"but its text has length {len(self.text)}"
            )
        return self

    def check(self, source: str) -> None:
        """Raise ``ValueError`` unless this span is exactly ``source[start:end]``."""
        if source[self.start : self.end] != self.text:
            raise ValueError(f"evidence {self.text!r} is not at [{self.start}:{self.end}]")


class MeasureRef(_Frozen):
    """A pointer to the measure another measure answers (a countermeasure's cause)."""

    issuer: ActorCode
    target: ActorCode | None = None
    type: MeasureType | None = None


class Measure(_Frozen):
    """One sanctions measure: issuer, target, type and status, with the evidence span."""

    type: MeasureType
    status: Status
    issuer: Issuer
    target: Target
    evidence: Evidence
    #: When the measure was taken or announced, where the text says or implies it.
    date: dt.date | None = None
    #: Where the text came from (URL or identifier).
    source: Text | None = None
    #: Free-text detail (goods, amounts, programme).
    details: Text | None = None
    #: How sure the extractor is, from 0 to 1.
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, allow_inf_nan=False)
    #: The measure this one answers, where the text links them ("in response to").
    responds_to: MeasureRef | None = None

    @property
    def key(self) -> tuple[str, str | None, MeasureType, Status]:
        """The (issuer, target, type, status) tuple that identifies a measure within a document."""
        return (self.issuer.code, self.target.code, self.type, self.status)

    @property
    def status_class(self) -> str:
        """``"active"`` for imposed and announced, else the status itself."""
        return status_class(self.status)


class Sanction(_Frozen):
    """The measures that one issuer takes against one target, as reported by one source."""

    issuer: Issuer
    target: Target
    measures: tuple[Measure, ...] = Field(min_length=1)
    date: dt.date | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _measures_agree(self) -> Sanction:
        for measure in self.measures:
            if measure.issuer.code != self.issuer.code:
                raise ValueError(
                    f"measure by {measure.issuer.code} in a sanction by {self.issuer.code}"
                )
            if measure.target.code != self.target.code:
                raise ValueError(
                    f"measure against {measure.target.code} "
                    f"in a sanction against {self.target.code}"
                )
            if measure.source != self.source:
                raise ValueError(
                    f"measure from {measure.source!r} in a sanction from {self.source!r}"
                )
        return self

    @classmethod
    def group(cls, measures: Iterable[Measure]) -> list[Sanction]:
        """Group measures by (issuer, target code, source), in order of first appearance.

        The package's date is the earliest date of its measures; its target is the targeted
        state (kind ``state``), while each measure keeps its own target kind, name and count.
        """
        groups: dict[tuple[str, str | None, str | None], list[Measure]] = {}
        for measure in measures:
            groups.setdefault(
                (measure.issuer.code, measure.target.code, measure.source), []
            ).append(measure)
        packages = []
        for (_, target, source), members in groups.items():
            dates = [m.date for m in members if m.date is not None]
            packages.append(
                cls(
                    issuer=members[0].issuer,
                    target=Target(code=target),
                    measures=tuple(members),
                    date=min(dates) if dates else None,
                    source=source,
                )
            )
        return packages
