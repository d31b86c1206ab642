"""The golden sentences (`tests/golden/*.jsonl`): each is extracted and must give exactly its measures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctions import MeasureType, extract
from sanctions.rules import RuleSet

GOLDEN = Path(__file__).parent / "golden"
Key = tuple[str | None, str | None, str, str]


def _records() -> list[dict[str, object]]:
    records = []
    for path in sorted(GOLDEN.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                record = json.loads(line)
                record["where"] = f"{path.name}:{number} ({record['id']})"
                records.append(record)
    return records


RECORDS = _records()


def _expected(record: dict[str, object]) -> set[Key]:
    measures = record["measures"]
    assert isinstance(measures, list)
    return {(m["issuer"], m["target"], m["type"], m["status"]) for m in measures}


def _found(record: dict[str, object]) -> set[Key]:
    text, published = record["text"], record.get("published")
    assert isinstance(text, str)
    assert published is None or isinstance(published, str)
    return {
        (m.issuer.code, m.target.code, m.type.value, m.status.value)
        for m in extract(text, published=published)
    }


@pytest.mark.parametrize("record", RECORDS, ids=[str(r["where"]) for r in RECORDS])
def test_golden_sentence(record: dict[str, object]) -> None:
    expected, found = _expected(record), _found(record)
    assert found == expected, (
        f"\n  text:     {record['text']}"
        f"\n  expected: {sorted(expected, key=str)}"
        f"\n  found:    {sorted(found, key=str)}"
        f"\n  missing:  {sorted(expected - found, key=str)}"
        f"\n  extra:    {sorted(found - expected, key=str)}"
    )


@pytest.mark.parametrize("record", [r for r in RECORDS if "rule" in r], ids=str)
def test_golden_rule_matches_its_sentence(record: dict[str, object]) -> None:
    rule = RuleSet.default().by_name[str(record["rule"])]
    assert rule.regex.search(str(record["text"])), record["where"]


def test_every_rule_has_a_golden_sentence() -> None:
    named = {r["rule"] for r in RECORDS if "rule" in r}
    assert set(RuleSet.default().by_name) <= named


def test_every_measure_type_has_a_trigger_and_a_golden_sentence() -> None:
    triggered = {rule.type for rule in RuleSet.default().rules}
    golden = {MeasureType(m["type"]) for r in RECORDS for m in r["measures"]}  # type: ignore[attr-defined]
    assert set(MeasureType) <= triggered
    assert set(MeasureType) <= golden


def test_golden_ids_are_unique() -> None:
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
