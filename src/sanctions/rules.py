"""Trigger rules and cue tables, loaded from ``data/patterns.yaml`` and ``data/cues.yaml``.

Every regex is compiled once, when the table is loaded; a bad row (unknown type, unknown macro,
a regex that does not compile, a duplicate name) raises `VocabularyError` naming the row.

>>> rules = RuleSet.default()
>>> rule = rules.by_name["freeze_assets"]
>>> rule.type.value, bool(rule.regex.search("Tokyo froze the assets of 15 people"))
('asset_freeze', True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ._tables import read_yaml
from .errors import VocabularyError
from .vocabulary import MeasureType, Status, TargetKind

__all__ = ["Cues", "Rule", "RuleRow", "RuleSet"]

_FLAGS = re.IGNORECASE
_GAP = re.compile(r"\{g(\d+)\}")
_MACRO = re.compile(r"\{([a-zA-Z_]+)\}")
# A gap between a verb and its object does not run into another clause, nor past a second verb
# joined to the first ("halted trade and closed its airspace": the airspace is what was closed).
_NEXT_VERB = (
    r"(?:and|or)\s+(?:(?:has|have|had|will|would|also|then|later|to)\s+){0,2}"
    r"(?:\w+ed|froze|cut|shut|put|hit|broke|withdrew|threw|gave|told|sent|took|set|close|ban|bar|"
    r"halt|stop|suspend|freeze|impose|expel|recall|seal|sever|slap|block|end)\b"
)
_NOT_CLAUSE = (
    r"(?!(?:that|which|who|whom|whose|while|whereas|but|because|although|though)\b"
    rf"|{_NEXT_VERB})"
)


class RuleRow(BaseModel):
    """One trigger rule as written in a pattern table (see ``data/patterns.yaml``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    type: MeasureType
    anchors: tuple[str, ...] = Field(min_length=1)
    regex: str = Field(min_length=1)
    form: Literal["noun", "verb"] = "verb"
    weight: int = Field(default=10, ge=0, le=100)
    sector: TargetKind | None = None
    status: Status | None = None

    @field_validator("anchors")
    @classmethod
    def _lower(cls, anchors: tuple[str, ...]) -> tuple[str, ...]:
        for anchor in anchors:
            if not anchor or anchor != anchor.lower():
                raise ValueError(f"anchor {anchor!r} must be non-empty lower-case text")
        return anchors


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled trigger rule."""

    name: str
    type: MeasureType
    anchors: tuple[str, ...]
    regex: re.Pattern[str]
    form: Literal["noun", "verb"]
    weight: int
    sector: TargetKind | None = None
    status: Status | None = None


def _expand(text: str, macros: Mapping[str, str], where: str) -> str:
    def gap(match: re.Match[str]) -> str:
        # A gap is at most ``words`` words; full stops belong to words ("U.S."), never to the
        # separators, so abbreviations cannot be read in many ways.
        words = int(match.group(1))
        sep = r"[^\w.;:!?]+"
        return rf"(?:{sep}{_NOT_CLAUSE}[\w'’.-]+){{0,{words}}}?{sep}"

    def macro(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise VocabularyError(f"{where}: unknown macro {{{name}}}")
        return macros[name]

    return _MACRO.sub(macro, _GAP.sub(gap, text))


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise VocabularyError(f"{where}: regex does not compile: {exc}") from exc


def _compile_all(patterns: Iterable[str], macros: Mapping[str, str], where: str) -> re.Pattern[str]:
    parts = [f"(?:{_expand(p, macros, where)})" for p in patterns]
    return _compile("|".join(parts) if parts else r"(?!)", where)


@dataclass(frozen=True, slots=True)
class StatusCues:
    """Left and right context regexes for one status (or for negation)."""

    left: re.Pattern[str]
    right: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A phrase that stands for an actor named elsewhere ("the bloc"), or for a list of them.

    A ``group`` phrase ("the four countries") stands for the latest list of its size.
    """

    regex: re.Pattern[str]
    kind: Literal["bloc", "state", "group"]
    default: str | None


#: A pattern that matches nothing: an optional cue table a user's file leaves out.
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled cue tables of ``data/cues.yaml``."""

    left_words: int
    right_words: int
    status: Mapping[str, StatusCues]
    commentary_left: re.Pattern[str]
    commentary_right: re.Pattern[str]
    target_heads: re.Pattern[str]
    issuer_heads: re.Pattern[str]
    issuer_preps: re.Pattern[str]
    target_preps: re.Pattern[str]
    reason_preps: re.Pattern[str]
    reason_heads: re.Pattern[str]
    reason_objects: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    #: A speech verb within four words after a mention ("..., the US pledged").
    speech_after: re.Pattern[str]
    #: A speech verb right before a mention ("said Foreign Secretary ...").
    speech_before: re.Pattern[str]
    anaphors: tuple[Anaphor, ...]
    response_cues: re.Pattern[str]
    #: Words that set a measure in the past of the report ("already", "had imposed", "in
    #: 2014"): such a measure takes no date from the article's (optional in a cue table).
    background_cues: re.Pattern[str] = _NEVER
    #: A private party acting as the subject before a measure ("Indian traders have called
    #: for a boycott"): with no state named as issuer, it states no sanctions measure.
    private_subjects: re.Pattern[str] = _NEVER


class _AnaphorRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    phrase: str
    kind: Literal["bloc", "state", "group"]
    default: str | None = None


def _cue_section(data: Mapping[str, object], key: str, where: str) -> object:
    if key not in data:
        raise VocabularyError(f"{where}: missing section {key!r}")
    return data[key]


def _str_list(value: object, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"{where}: expected a regex or a list of regexes")
    return list(value)


def _load_cues(data: object, where: str) -> Cues:
    if not isinstance(data, dict):
        raise VocabularyError(f"{where}: expected a mapping")
    macros: dict[str, str] = {}
    status_data = _cue_section(data, "status", where)
    if not isinstance(status_data, dict):
        raise VocabularyError(f"{where}: status must be a mapping")
    status: dict[str, StatusCues] = {}
    for name in ("negation", "imposed", "lifted", "threatened", "announced"):
        entry = status_data.get(name)
        if not isinstance(entry, dict):
            raise VocabularyError(f"{where}: status.{name} must have left/right lists")
        status[name] = StatusCues(
            left=_compile_all(_str_list(entry.get("left", []), where), macros, f"{where} {name}"),
            right=_compile_all(_str_list(entry.get("right", []), where), macros, f"{where} {name}"),
        )
    commentary = _cue_section(data, "commentary", where)
    if not isinstance(commentary, dict):
        raise VocabularyError(f"{where}: commentary must have left/right lists")

    def word_set(key: str) -> re.Pattern[str]:
        value = _cue_section(data, key, where)
        return _compile_all(_str_list(value, f"{where} {key}"), macros, f"{where} {key}")

    anaphors = []
    for number, item in enumerate(_str_list_or_rows(data.get("anaphors", [])), start=1):
        try:
            row = _AnaphorRow.model_validate(item)
        except ValidationError as exc:
            raise VocabularyError(f"{where}: anaphors row {number}: {exc}") from exc
        anaphors.append(
            Anaphor(
                regex=re.compile(_anaphor_pattern(row.phrase)),
                kind=row.kind,
                default=row.default,
            )
        )
    left_words = data.get("left_words", 12)
    right_words = data.get("right_words", 6)
    if not isinstance(left_words, int) or not isinstance(right_words, int):
        raise VocabularyError(f"{where}: left_words and right_words must be integers")
    speech = word_set("speech_verbs")
    return Cues(
        left_words=left_words,
        right_words=right_words,
        status=status,
        commentary_left=_compile_all(
            _str_list(commentary.get("left", []), where), macros, f"{where} commentary"
        ),
        commentary_right=_compile_all(
            _str_list(commentary.get("right", []), where), macros, f"{where} commentary"
        ),
        target_heads=_compile(rf"^\W{{0,3}}{_head(data, 'target_heads', where)}\b", where),
        issuer_heads=_compile(rf"^\W{{0,3}}{_head(data, 'issuer_heads', where)}\b", where),
        issuer_preps=_compile(rf"\b{_head(data, 'issuer_preps', where)}\s+(?:the\s+)?$", where),
        target_preps=_compile(rf"\b{_head(data, 'target_preps', where)}\W*(?:the\s+)?$", where),
        reason_preps=_compile(rf"\b{_head(data, 'reason_preps', where)}\W*(?:the\s+)?$", where),
        reason_heads=_compile(
            rf"^\W{{0,3}}(?:[\w-]+\s+){{0,2}}{_head(data, 'reason_heads', where)}\b", where
        ),
        reason_objects=_compile(rf"\b{_head(data, 'reason_objects', where)}\s*(?:the\s+)?$", where),
        speech_verbs=speech,
        speech_after=_compile(rf"^(?:'s|’s)?\W*(?:[\w-]+\s+){{0,4}}?{speech.pattern}\b", where),
        speech_before=_compile(rf"{speech.pattern}\s*$", where),
        anaphors=tuple(anaphors),
        response_cues=word_set("response_cues"),
        background_cues=word_set("background_cues") if "background_cues" in data else _NEVER,
        private_subjects=word_set("private_subjects") if "private_subjects" in data else _NEVER,
    )


def _anaphor_pattern(phrase: str) -> str:
    """A case-sensitive pattern for an anaphor phrase, at word boundaries.

    A leading "the" matches "The" too; the pattern opens with its first letter (not with a
    word-boundary assertion) so that the regex engine can skip ahead to it, which keeps the scan
    of a long text cheap.
    """
    if phrase.startswith("the"):
        return rf"[Tt](?<![\w][Tt])he{phrase[3:]}\b"
    return rf"\b{phrase}\b"


def _str_list_or_rows(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _head(data: Mapping[str, object], key: str, where: str) -> str:
    value = _cue_section(data, key, where)
    if not isinstance(value, str):
        raise VocabularyError(f"{where}: {key} must be one regex")
    return value


@dataclass(frozen=True)
class RuleSet:
    """The trigger rules and cue tables the extractor runs with, compiled once."""

    rules: tuple[Rule, ...]
    cues: Cues
    by_name: Mapping[str, Rule] = field(repr=False)
    #: Every anchor string, with the indexes of the rules it enables.
    anchors: Mapping[str, tuple[int, ...]] = field(repr=False)

    @classmethod
    @cache
    def default(cls) -> RuleSet:
        """The package's own tables (cached)."""
        return cls.load()

    @classmethod
    def load(
        cls,
        patterns: Path | None = None,
        cues: Path | None = None,
        *,
        extra_patterns: Iterable[Path] = (),
    ) -> RuleSet:
        """Load pattern and cue tables; ``None`` means the package's own.

        ``extra_patterns`` are user tables in the same format (``rules:`` and optional
        ``macros:``), added to the main table; their macros may use the main table's.
        """
        main = read_yaml(patterns if patterns is not None else "patterns.yaml")
        cue_data = read_yaml(cues if cues is not None else "cues.yaml")
        tables: list[tuple[object, str]] = [(main, str(patterns or "patterns.yaml"))]
        tables += [(read_yaml(path), str(path)) for path in extra_patterns]
        macros: dict[str, str] = {}
        rows: list[tuple[RuleRow, str]] = []
        for data, where in tables:
            if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
                raise VocabularyError(f"{where}: expected a mapping with a 'rules' list")
            table_macros = data.get("macros") or {}
            if not isinstance(table_macros, dict):
                raise VocabularyError(f"{where}: macros must be a mapping")
            for key, value in table_macros.items():
                if not isinstance(key, str) or not isinstance(value, str):
                    raise VocabularyError(f"{where}: macro {key!r} must map a name to a regex")
                macros[key] = _expand(value, macros, f"{where} macro {key}")
            for number, item in enumerate(data["rules"], start=1):
                try:
                    rows.append((RuleRow.model_validate(item), f"{where}: rule {number}"))
                except ValidationError as exc:
                    raise VocabularyError(f"{where}: rule {number}: {exc}") from exc
        return cls.from_rows(rows, macros, _load_cues(cue_data, str(cues or "cues.yaml")))

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[RuleRow, str]],
        macros: Mapping[str, str],
        cues: Cues,
    ) -> RuleSet:
        """Compile validated rows (each with a location for error messages)."""
        rules: list[Rule] = []
        names: set[str] = set()
        for row, where in rows:
            if row.name in names:
                raise VocabularyError(f"{where}: duplicate rule name {row.name!r}")
            names.add(row.name)
            pattern = _compile(_expand(row.regex, macros, where), f"{where} ({row.name})")
            rules.append(
                Rule(
                    row.name,
                    row.type,
                    row.anchors,
                    pattern,
                    row.form,
                    row.weight,
                    row.sector,
                    row.status,
                )
            )
        anchors: dict[str, list[int]] = {}
        for index, rule in enumerate(rules):
            for anchor in rule.anchors:
                anchors.setdefault(anchor, []).append(index)
        return cls(
            rules=tuple(rules),
            cues=cues,
            by_name={rule.name: rule for rule in rules},
            anchors={key: tuple(value) for key, value in anchors.items()},
        )
