"""Loading of the package's YAML tables: read once, validated on load, never mutated."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import VocabularyError

__all__ = ["load_rows", "read_yaml"]

RowT = TypeVar("RowT", bound=BaseModel)


def read_yaml(source: str | Path) -> object:
    """Parse a YAML file: a package data name ("measure_types.yaml") or a filesystem path."""
    if isinstance(source, Path):
        name = str(source)
        try:
            raw = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise VocabularyError(f"{name}: cannot read table: {exc}") from exc
    else:
        name = f"sanctions/data/{source}"
        node = resources.files("sanctions").joinpath("data")
        for part in source.split("/"):
            node = node.joinpath(part)
        raw = node.read_text("utf-8")
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{name}: not valid YAML: {exc}") from exc


def load_rows(source: str | Path, row: type[RowT]) -> tuple[RowT, ...]:
    """Read a YAML list of mappings and validate each one as ``row``.

    Raises `VocabularyError` naming the table and the row number on the first bad row.
    """
    data = read_yaml(source)
    if not isinstance(data, list):
        raise VocabularyError(f"{source}: expected a list of rows, got {type(data).__name__}")
    rows = []
    for number, item in enumerate(data, start=1):
        try:
            rows.append(row.model_validate(item))
        except ValidationError as exc:
            raise VocabularyError(f"{source}: row {number}: {exc}") from exc
    return tuple(rows)
