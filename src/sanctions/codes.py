"""Actor codes: ISO 3166-1 alpha-3 for states (from pycountry) plus the bloc table.

States that no longer exist keep their former alpha-3 code from ISO 3166-3 (pycountry's
``historic_countries``), as the annotation guide asks: ``SUN`` for the Soviet Union, ``YUG``,
``CSK``, ``DDR``. A historic code that ISO has since given to a current country (``ATF``)
stays the current country's.

>>> is_actor_code("JPN"), is_actor_code("EU"), is_actor_code("XXX")
(True, True, False)
>>> actor_name("KOR"), actor_name("SUN"), is_historic("SUN"), is_historic("RUS")
('South Korea', 'Soviet Union', True, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from types import MappingProxyType

import pycountry
from pydantic import BaseModel, ConfigDict, field_validator

from ._tables import load_rows
from .errors import UnknownActorError, VocabularyError

__all__ = [
    "ActorKind",
    "actor_kind",
    "actor_name",
    "all_codes",
    "bloc_codes",
    "historic_codes",
    "is_actor_code",
    "is_historic",
]


class ActorKind(StrEnum):
    """Whether an actor code names a state or a bloc / international body."""

    STATE = "state"
    BLOC = "bloc"


class _CodeRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str

    @field_validator("code")
    @classmethod
    def _upper(cls, value: str) -> str:
        if not value or value != value.upper() or not value.replace("_", "").isalnum():
            raise ValueError(f"code {value!r} must be upper-case letters, digits or _")
        return value


@cache
def _blocs() -> Mapping[str, str]:
    rows = load_rows("blocs.yaml", _CodeRow)
    return MappingProxyType({row.code: row.name for row in rows})


@cache
def _states() -> Mapping[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        # common_name ("Bolivia") beats name ("Bolivia, Plurinational State of") for display.
        names[country.alpha_3] = getattr(country, "common_name", None) or country.name
    for row in load_rows("extra_states.yaml", _CodeRow):
        if row.code in names:
            raise VocabularyError(f"extra_states.yaml: {row.code} is already an ISO code")
        names[row.code] = row.name
    for code, name in _historic().items():
        names.setdefault(code, name)  # a code ISO has reassigned stays the current country's
    names.update(_DISPLAY_NAMES)
    overlap = set(names) & set(_blocs())
    if overlap:
        raise VocabularyError(f"blocs.yaml: codes clash with state codes: {sorted(overlap)}")
    return MappingProxyType(names)


@cache
def _historic() -> Mapping[str, str]:
    """ISO 3166-3 codes of former countries not reused by a current one, with display names."""
    current = {country.alpha_3 for country in pycountry.countries}
    names = {}
    for country in pycountry.historic_countries:
        if country.alpha_3 not in current:
            # "Zaire, Republic of" reads as "Zaire"; _DISPLAY_NAMES fixes the rest.
            names[country.alpha_3] = country.name.split(",")[0]
    return MappingProxyType(names)


# Display names where ISO's is not what a reader expects.
_DISPLAY_NAMES = {
    "KOR": "South Korea",
    "PRK": "North Korea",
    "RUS": "Russia",
    "IRN": "Iran",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "FSM": "Micronesia",
    "COD": "DR Congo",
    "USA": "United States",
    "GBR": "United Kingdom",
    # former countries (ISO 3166-3)
    "SUN": "Soviet Union",
    "DDR": "East Germany",
    "BYS": "Byelorussian SSR",
    "VDR": "North Vietnam",
    "YMD": "South Yemen",
    "FXX": "Metropolitan France",
}


def bloc_codes() -> frozenset[str]:
    """The codes of blocs and international bodies (EU, UN, G7, ...)."""
    return frozenset(_blocs())


@cache
def all_codes() -> frozenset[str]:
    """Every valid actor code: ISO alpha-3 states (current and former), extra states and blocs."""
    return frozenset(_states()) | frozenset(_blocs())


def historic_codes() -> frozenset[str]:
    """The codes of former countries (ISO 3166-3): SUN, YUG, CSK, DDR, ZAR, ..."""
    return frozenset(_historic())


def is_historic(code: str) -> bool:
    """Whether ``code`` is the code of a country that no longer exists (``SUN``, ``YUG``)."""
    return code in _historic()


def is_actor_code(code: str) -> bool:
    """Whether ``code`` is a valid actor code."""
    return code in all_codes()


def actor_name(code: str) -> str:
    """The display name of an actor code; raises `UnknownActorError` for an unknown code."""
    name = _states().get(code) or _blocs().get(code)
    if name is None:
        raise UnknownActorError(f"unknown actor code {code!r}")
    return name


def actor_kind(code: str) -> ActorKind:
    """Whether ``code`` is a state or a bloc; raises `UnknownActorError` for an unknown code."""
    if code in _blocs():
        return ActorKind.BLOC
    if code in _states():
        return ActorKind.STATE
    raise UnknownActorError(f"unknown actor code {code!r}")
