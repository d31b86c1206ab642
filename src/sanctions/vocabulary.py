"""The measure vocabulary: types, statuses and target kinds, with their crosswalks.

The tables live in ``sanctions/data/*.yaml``; this module loads them once, checks that they
agree with the enums, and exposes them as read-only public data::

    >>> from sanctions.vocabulary import MEASURE_TYPES, MeasureType
    >>> MEASURE_TYPES[MeasureType.ASSET_FREEZE].category
    'financial'
    >>> MEASURE_TYPES[MeasureType.TALKS_SUSPENSION].cameo.imposed
    '164'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

from ._tables import load_rows
from .errors import VocabularyError

__all__ = [
    "CATEGORIES",
    "GSDB_CATEGORIES",
    "MEASURE_TYPES",
    "STATUSES",
    "TARGET_KINDS",
    "CameoCodes",
    "Category",
    "GsdbCategory",
    "MeasureType",
    "MeasureTypeInfo",
    "PloverCode",
    "Reading",
    "Status",
    "StatusClass",
    "StatusInfo",
    "TargetKind",
    "TargetKindInfo",
    "status_class",
]


class MeasureType(StrEnum):
    """The 19 kinds of sanctions measure of the annotation guide."""

    MFN_REVOCATION = "mfn_revocation"
    TARIFF_INCREASE = "tariff_increase"
    IMPORT_BAN = "import_ban"
    EXPORT_BAN = "export_ban"
    PRICE_CAP = "price_cap"
    TRADE_EMBARGO = "trade_embargo"
    ASSET_FREEZE = "asset_freeze"
    FINANCIAL_RESTRICTION = "financial_restriction"
    SWIFT_DISCONNECTION = "swift_disconnection"
    INVESTMENT_BAN = "investment_ban"
    ARMS_EMBARGO = "arms_embargo"
    TRAVEL_BAN = "travel_ban"
    AIRSPACE_CLOSURE = "airspace_closure"
    PORT_BAN = "port_ban"
    DIPLOMATIC_EXPULSION = "diplomatic_expulsion"
    TALKS_SUSPENSION = "talks_suspension"
    MEDIA_BAN = "media_ban"
    SERVICES_BAN = "services_ban"
    UNSPECIFIED = "unspecified"


class Status(StrEnum):
    """Where a measure stands in its life: imposed, announced, threatened or lifted."""

    IMPOSED = "imposed"
    ANNOUNCED = "announced"
    THREATENED = "threatened"
    LIFTED = "lifted"


class TargetKind(StrEnum):
    """What a measure is aimed at: a whole state, a sector, an entity or individuals."""

    STATE = "state"
    SECTOR = "sector"
    ENTITY = "entity"
    INDIVIDUAL = "individual"


Category = Literal["trade", "financial", "arms", "travel", "transport", "diplomatic", "other"]
GsdbCategory = Literal["trade", "financial", "arms", "military", "travel", "other"]
StatusClass = Literal["active", "threatened", "lifted"]

#: The measure categories, in table order.
CATEGORIES: tuple[str, ...] = get_args(Category)
#: The six category columns of the Global Sanctions Database.
GSDB_CATEGORIES: tuple[str, ...] = get_args(GsdbCategory)


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CameoCodes(_Row):
    """CAMEO event codes for a measure type by status class (None where CAMEO has none)."""

    imposed: str | None
    threatened: str | None
    lifted: str | None


class PloverCode(_Row):
    """PLOVER event and mode for a measure type."""

    event: str
    mode: str | None


class Reading(_Row):
    """How the extractor reads a measure of one type (see ``data/measure_types.yaml``)."""

    #: The place a person, plane or ship is kept out of is the issuer's ("barred from U.S.
    #: airspace").
    place_issues: bool
    #: Where frozen assets are held is who froze them ("Russian assets in Europe").
    holder_issues: bool
    #: "Over X" names the place flown over, the target, not a reason.
    over_names_target: bool
    #: A ban on the target's own exports is this type from the issuer's side.
    target_exports_become: MeasureType | None


class MeasureTypeInfo(_Row):
    """One row of the measure-type table: category, crosswalks, and how the type is read."""

    type: MeasureType
    category: Category
    description: str
    gsdb: GsdbCategory
    cameo: CameoCodes
    plover: PloverCode
    opensanctions: str | None
    eu_map: str | None
    reading: Reading


class StatusInfo(_Row):
    """One row of the status table."""

    status: Status
    status_class: StatusClass
    description: str


class TargetKindInfo(_Row):
    """One row of the target-kind table."""

    kind: TargetKind
    description: str


def _index_complete(
    rows: tuple[_Row, ...], key: str, enum_type: type[enum.Enum], table: str
) -> None:
    keys = [getattr(row, key) for row in rows]
    if len(set(keys)) != len(keys):
        raise VocabularyError(f"{table}: duplicate {key} rows")
    missing = set(enum_type) - set(keys)
    if missing:
        names = ", ".join(sorted(str(m.value) for m in missing))
        raise VocabularyError(f"{table}: no row for {names}")


def _load_measure_types() -> Mapping[MeasureType, MeasureTypeInfo]:
    rows = load_rows("measure_types.yaml", MeasureTypeInfo)
    _index_complete(rows, "type", MeasureType, "measure_types.yaml")
    return MappingProxyType({row.type: row for row in rows})


def _load_statuses() -> Mapping[Status, StatusInfo]:
    rows = load_rows("statuses.yaml", StatusInfo)
    _index_complete(rows, "status", Status, "statuses.yaml")
    return MappingProxyType({row.status: row for row in rows})


def _load_target_kinds() -> Mapping[TargetKind, TargetKindInfo]:
    rows = load_rows("target_kinds.yaml", TargetKindInfo)
    _index_complete(rows, "kind", TargetKind, "target_kinds.yaml")
    return MappingProxyType({row.kind: row for row in rows})


#: Every measure type with its category and crosswalks, in the order of the annotation guide.
MEASURE_TYPES: Mapping[MeasureType, MeasureTypeInfo] = _load_measure_types()
#: Every status with its evaluation class.
STATUSES: Mapping[Status, StatusInfo] = _load_statuses()
#: Every target kind.
TARGET_KINDS: Mapping[TargetKind, TargetKindInfo] = _load_target_kinds()


def status_class(status: Status | str) -> StatusClass:
    """The evaluation class of a status: imposed and announced are both ``"active"``.

    >>> status_class("announced")
    'active'
    """
    return STATUSES[Status(status)].status_class
