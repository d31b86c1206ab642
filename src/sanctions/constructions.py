"""The role-construction table (``data/roles.yaml``), validated when it loads.

Each row names a construction of English news that tells a measure's issuer or its target
("sanctions on X", "frozen by X", "X's tourism agency halted ..."), with a weight. The roles
stage of the extractor tries the constructions of a role by weight, highest first; two rows of
one role never share a weight, so the order of the code never decides.

>>> table = load_constructions()
>>> [row.name for row in table.issuer][:2]
['issuer_adjacent', 'issuer_source']
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ._tables import load_rows
from .errors import VocabularyError
from .vocabulary import MeasureTypeInfo

__all__ = ["ConstructionRow", "Constructions", "load_constructions"]

Role = Literal["issuer", "target"]
#: The `reading` columns of the measure-type table that a construction may require.
ReadingColumn = Literal["place_issues", "holder_issues"]


class ConstructionRow(BaseModel):
    """One role construction as written in ``data/roles.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    role: Role
    weight: int = Field(ge=1, le=100)
    form: Literal["noun", "verb"] | None = None
    when: ReadingColumn | None = None
    reads: str = Field(min_length=1)

    def applies(self, form: str, info: MeasureTypeInfo) -> bool:
        """Whether the construction may read a trigger of this form and measure type."""
        if self.form is not None and self.form != form:
            return False
        return self.when is None or bool(getattr(info.reading, self.when))


@dataclass(frozen=True)
class Constructions:
    """The constructions of each role, highest weight first."""

    issuer: tuple[ConstructionRow, ...]
    target: tuple[ConstructionRow, ...]

    def names(self) -> set[str]:
        """Every construction's name."""
        return {row.name for row in self.issuer + self.target}

    def check_readers(self, issuer: Collection[str], target: Collection[str]) -> None:
        """Raise `VocabularyError` unless each row has a reader, and each reader a row."""
        for role, rows, readers in (
            ("issuer", self.issuer, issuer),
            ("target", self.target, target),
        ):
            named = {row.name for row in rows}
            if named - set(readers):
                raise VocabularyError(
                    f"roles.yaml: no {role} construction reads {sorted(named - set(readers))}"
                )
            if set(readers) - named:
                raise VocabularyError(
                    f"roles.yaml: {role} constructions without a row: "
                    f"{sorted(set(readers) - named)}"
                )


def load_constructions(source: str | Path = "roles.yaml") -> Constructions:
    """Read and check a construction table (the package's own by default).

    Raises `VocabularyError` for a bad row, a repeated name, or two rows of one role with the
    same weight.
    """
    if source == "roles.yaml":
        return _default()
    return _load(source)


@cache
def _default() -> Constructions:
    return _load("roles.yaml")


def _load(source: str | Path) -> Constructions:
    rows = load_rows(source, ConstructionRow)
    names = [row.name for row in rows]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise VocabularyError(f"{source}: repeated construction names {repeated}")
    by_role: dict[str, tuple[ConstructionRow, ...]] = {}
    for role in ("issuer", "target"):
        chosen = sorted((r for r in rows if r.role == role), key=lambda r: -r.weight)
        weights = [r.weight for r in chosen]
        tied = sorted({w for w in weights if weights.count(w) > 1})
        if tied:
            raise VocabularyError(
                f"{source}: {role} constructions share the weight {tied[0]}: a tie would "
                "leave the choice to code order"
            )
        by_role[role] = tuple(chosen)
    return Constructions(issuer=by_role["issuer"], target=by_role["target"])
