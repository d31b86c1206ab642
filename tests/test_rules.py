"""The pattern table is checked when it loads (the sentences of each rule: tests/test_golden.py)."""

from pathlib import Path

import pytest

from sanctions.errors import VocabularyError
from sanctions.rules import RuleSet


def test_bad_pattern_table_names_the_rule(tmp_path: Path) -> None:
    table = tmp_path / "patterns.yaml"
    table.write_text("rules:\n- {name: x, type: boycott, anchors: [x], regex: 'x'}\n")
    with pytest.raises(VocabularyError, match="rule 1"):
        RuleSet.load(extra_patterns=[table])


def test_unknown_macro_is_rejected(tmp_path: Path) -> None:
    table = tmp_path / "patterns.yaml"
    table.write_text("rules:\n- {name: x, type: asset_freeze, anchors: [x], regex: '{nope}x'}\n")
    with pytest.raises(VocabularyError, match="unknown macro"):
        RuleSet.load(extra_patterns=[table])


def test_regex_that_does_not_compile_is_rejected(tmp_path: Path) -> None:
    table = tmp_path / "patterns.yaml"
    table.write_text("rules:\n- {name: x, type: asset_freeze, anchors: [x], regex: '(x'}\n")
    with pytest.raises(VocabularyError, match="does not compile"):
        RuleSet.load(extra_patterns=[table])


def test_duplicate_rule_name_is_rejected(tmp_path: Path) -> None:
    table = tmp_path / "patterns.yaml"
    table.write_text("rules:\n- {name: swift, type: asset_freeze, anchors: [x], regex: 'x'}\n")
    with pytest.raises(VocabularyError, match="duplicate rule name"):
        RuleSet.load(extra_patterns=[table])
