"""The annotation format of the corpus guide: reading corpora and their gold measures.

A corpus is JSON Lines, one record a line, each with a ``text`` and a ``measures`` list of
gold measures (issuer, target, type, status, and optionally target_kind); see `read_corpus`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from ._jsonl import BadLineError, parse_line
from .errors import SanctionsError
from .vocabulary import MeasureType, Status, TargetKind, status_class

__all__ = ["CorpusError", "Key", "gold_keys", "read_corpus", "type_counts"]

#: A measure as the evaluation counts it: (issuer, target, type, status or status class).
Key = tuple[str | None, str | None, str, str]


class CorpusError(SanctionsError, ValueError):
    """A corpus file or record does not follow the annotation format."""


def gold_keys(
    record: Mapping[str, object], where: str
) -> tuple[frozenset[Key], frozenset[Key], dict[Key, frozenset[str]]]:
    """A record's gold tuples (status classes, exact statuses) and the target kinds of each.

    Raises `CorpusError` for a measure with a bad type, status or target kind.
    """
    measures = record.get("measures")
    if not isinstance(measures, list):
        raise CorpusError(f"{where}: 'measures' must be a list")
    classed: set[Key] = set()
    exact: set[Key] = set()
    kinds: dict[Key, frozenset[str]] = {}
    for number, item in enumerate(measures, start=1):
        if not isinstance(item, Mapping):
            raise CorpusError(f"{where}: measure {number} is not an object")
        try:
            type_ = MeasureType(item["type"]).value
            status = Status(item["status"]).value
            kind = None if item.get("target_kind") is None else TargetKind(item["target_kind"])
        except (KeyError, ValueError) as exc:
            raise CorpusError(
                f"{where}: measure {number}: bad type, status or target kind ({exc})"
            ) from exc
        key = (_code(item.get("issuer")), _code(item.get("target")), type_, status_class(status))
        classed.add(key)
        exact.add((*key[:3], status))
        if kind is not None:
            kinds[key] = kinds.get(key, frozenset()) | {kind.value}
    return frozenset(classed), frozenset(exact), kinds


def _code(value: object) -> str | None:
    return value if isinstance(value, str) else None


def read_corpus(path: Path | str) -> Iterator[dict[str, object]]:
    """Yield the records of a corpus file; a bad line raises `CorpusError` with its number."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise CorpusError(f"{path}: cannot open corpus: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            try:
                record = parse_line(line)
            except BadLineError as exc:
                raise CorpusError(f"{path}:{number}: {exc}") from None
            if record is None:
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise CorpusError(f"{path}:{number}: a record needs a 'text' string")
            if "measures" not in record:
                raise CorpusError(
                    f"{path}:{number}: no 'measures' list: not an annotated corpus "
                    "in the format of the annotation guide"
                )
            record.setdefault("id", f"line-{number}")
            yield record


def type_counts(records: Iterable[Mapping[str, object]]) -> Counter[str]:
    """How many gold measures of each type a corpus holds."""
    counts: Counter[str] = Counter()
    for record in records:
        measures = record.get("measures")
        if isinstance(measures, list):
            counts.update(str(m.get("type")) for m in measures if isinstance(m, Mapping))
    return counts
