import json
from pathlib import Path

import pytest

from sanctions.evaluation import CorpusError, read_corpus, score, score_file

FREEZE = {"issuer": "CAN", "target": "BLR", "type": "asset_freeze", "status": "imposed"}


def record(text, measures, rid="r"):
    return {"id": rid, "text": text, "measures": measures}


def test_perfect_record():
    result = score([record("Canada froze the assets of nine Belarusian officials.", [FREEZE])])
    assert (result.tuples.tp, result.tuples.fp, result.tuples.fn) == (1, 0, 0)
    assert result.f1 == 1.0


def test_announced_and_imposed_are_one_status_class():
    gold = dict(FREEZE, status="announced")
    result = score([record("Canada froze the assets of nine Belarusian officials.", [gold])])
    assert result.tuples.tp == 1
    assert result.exact.tp == 0  # the exact-status figure tells them apart


def test_misses_extras_and_false_alarms():
    records = [
        record("Canada froze the assets of nine Belarusian officials.", [], "neg"),
        record("Markets were calm on Friday.", [FREEZE], "miss"),
    ]
    result = score(records)
    assert result.negatives == 1
    assert result.false_alarms == 1
    assert (result.tuples.tp, result.tuples.fp, result.tuples.fn) == (0, 1, 1)
    by_id = {r.id: r for r in result.records}
    assert by_id["miss"].missed == {("CAN", "BLR", "asset_freeze", "active")}
    assert by_id["neg"].extra == {("CAN", "BLR", "asset_freeze", "active")}


def test_report_lists_errors_with_text():
    result = score([record("Markets were calm on Friday.", [FREEZE], "miss")])
    report = result.report(errors=5)
    assert "== miss" in report
    assert "Markets were calm" in report
    assert "MISSED         gold CAN -> BLR  asset_freeze  active" in report
    assert report.splitlines()[-1].startswith("tuple (status class): P")


class Exploding:
    def extract(self, text, *, published=None):
        raise RuntimeError("boom")


def test_a_crash_is_scored_as_empty_and_reported():
    result = score([record("Canada froze Belarusian assets.", [FREEZE])], extractor=Exploding())  # type: ignore[arg-type]
    assert len(result.crashes) == 1
    assert result.crashes[0].error == "RuntimeError: boom"
    assert result.tuples.fn == 1


def test_read_corpus_reports_file_and_line(tmp_path: Path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(record("ok", [])) + "\n{broken\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c\.jsonl:2"):
        list(read_corpus(corpus))


def test_records_without_measures_are_not_a_corpus(tmp_path: Path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": "hello"}) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no 'measures'"):
        list(read_corpus(corpus))


def test_bad_gold_type_is_named(tmp_path: Path):
    corpus = tmp_path / "c.jsonl"
    bad = dict(FREEZE, type="boycott")
    corpus.write_text(json.dumps(record("x", [bad])) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="bad type, status or target kind"):
        score_file(corpus)


def test_missing_file_is_a_corpus_error(tmp_path: Path):
    with pytest.raises(CorpusError, match="cannot open"):
        score_file(tmp_path / "nope.jsonl")


def test_error_kinds_pair_misses_with_extras():
    gold = [
        {"issuer": "CAN", "target": "BLR", "type": "asset_freeze", "status": "imposed"},
        {"issuer": "GBR", "target": "IRN", "type": "export_ban", "status": "imposed"},
        {"issuer": "USA", "target": "CUB", "type": "travel_ban", "status": "imposed"},
    ]
    # roles swapped, wrong status, and a miss the extractor found nothing near
    text = (
        "Belarus froze the assets of Canadians. Britain threatened to ban exports to Iran. "
        "Markets were calm."
    )
    result = score([record(text, gold)])
    kinds = sorted(kind for kind, _, _ in result.records[0].errors)
    assert kinds == ["missed", "roles swapped", "wrong status"]
    assert result.error_counts["roles swapped"] == 1
    assert result.error_counts["spurious"] == 0


def test_error_kinds_one_field_at_a_time():
    from sanctions.evaluation import error_kinds

    gold = ("USA", "IRN", "asset_freeze", "active")
    assert error_kinds([gold], [("GBR", "IRN", "asset_freeze", "active")])[0][0] == "wrong issuer"
    assert error_kinds([gold], [("USA", "SYR", "asset_freeze", "active")])[0][0] == "wrong target"
    assert error_kinds([gold], [("USA", "IRN", "export_ban", "active")])[0][0] == "wrong type"
    two_fields = error_kinds([gold], [("GBR", "SYR", "asset_freeze", "active")])
    assert sorted(kind for kind, _, _ in two_fields) == ["missed", "spurious"]


def test_pool_sums_the_records_of_several_scores():
    from sanctions.evaluation import pool

    hit = score([record("Canada froze the assets of nine Belarusian officials.", [FREEZE])])
    miss = score([record("Markets were calm on Friday.", [FREEZE], "miss")])
    pooled = pool([hit, miss])
    assert (pooled.tuples.tp, pooled.tuples.fn) == (1, 1)
    assert len(pooled.records) == 2


class Fixed:
    """An extractor that finds one measure whose target has the given kind."""

    def __init__(self, kind):
        self.kind = kind

    def extract(self, text, *, published=None):
        from sanctions import Evidence, Issuer, Measure, Target

        return [
            Measure(
                type="asset_freeze",
                status="imposed",
                issuer=Issuer(code="CAN"),
                target=Target(code="BLR", kind=self.kind),
                evidence=Evidence(text=text[:5], start=0, end=5),
            )
        ]


TEXT = "Canada froze the assets of nine Belarusian officials."


def test_target_kind_is_compared_on_matched_measures():
    gold = [dict(FREEZE, target_kind="individual")]
    assert score([record(TEXT, gold)], extractor=Fixed("individual")).target_kinds == (1, 1)  # type: ignore[arg-type]
    assert score([record(TEXT, gold)], extractor=Fixed("state")).target_kinds == (0, 1)  # type: ignore[arg-type]


def test_target_kind_skips_misses_and_gold_without_a_kind():
    missed = dict(FREEZE, type="travel_ban", target_kind="individual")
    records = [record(TEXT, [FREEZE, missed], "a")]
    assert score(records, extractor=Fixed("state")).target_kinds == (0, 0)  # type: ignore[arg-type]


def test_target_kind_line_in_the_report_and_pooled():
    from sanctions.evaluation import pool

    gold = [dict(FREEZE, target_kind="entity")]
    right = score([record(TEXT, gold, "a")], extractor=Fixed("entity"))  # type: ignore[arg-type]
    wrong = score([record(TEXT, gold, "b")], extractor=Fixed("sector"))  # type: ignore[arg-type]
    assert "target kind: 1 of 1 matched measures (100.0%)" in right.report()
    assert "target kind: 1 of 2 matched measures (50.0%)" in pool([right, wrong]).report()
    assert "target kind: 0 of 0 matched measures\n" in score([]).report()


def test_bad_gold_target_kind_is_named():
    with pytest.raises(CorpusError, match="bad type, status or target kind"):
        score([record(TEXT, [dict(FREEZE, target_kind="country")])])
