"""Actor resolution: names, demonyms, capitals, seats, agencies, blocs and leaders to actor codes.

News rarely names a state by its ISO name. It writes "Tokyo", "the Kremlin", "OFAC", "Brussels",
"Kishida" or "Russian", and the annotation guide resolves each of these metonyms to an actor
code. The aliases are rows in ``sanctions/data/actors/*.yaml``; this module validates them, indexes
them once and offers two operations over the frozen result:

* `get` / `resolve` look up one whole name, forgivingly (any case, optional "the", possessive);
* `find` scans a text once and returns every alias mention, case-sensitively, leftmost-longest.

>>> resolve("the Kremlin"), get("Tokyo's"), get("Kishida", on=datetime.date(2022, 3, 22))
('RUS', 'JPN', 'JPN')
>>> [(m.text, m.code, m.kind.value) for m in find("Tokyo followed the EU and the U.S.")]
[('Tokyo', 'JPN', 'capital'), ('the EU', 'EU', 'bloc'), ('the U.S.', 'USA', 'name')]

The tables load on first use, so ``import sanctions`` stays fast.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ._tables import load_rows
from .codes import is_actor_code
from .errors import UnknownActorError, VocabularyError

__all__ = [
    "GRACE_DAYS",
    "ActorTable",
    "AliasKind",
    "AliasRow",
    "Mention",
    "Role",
    "default_table",
    "find",
    "get",
    "resolve",
]

#: Days after a leader leaves office during which the short form (surname) still resolves.
GRACE_DAYS = 365


class AliasKind(StrEnum):
    """What sort of expression an alias is; the order is the tie-break between kinds."""

    NAME = "name"
    BLOC = "bloc"
    DEMONYM = "demonym"
    CAPITAL = "capital"
    SEAT = "seat"
    AGENCY = "agency"
    LEADER = "leader"
    #: A state-owned or state-tied company, bank or body that is a target, never an issuer
    #: ("Rosoboronexport", "PDVSA", "the IRGC").
    ENTITY = "entity"


class Role(StrEnum):
    """A leader's office."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"
    OTHER = "other"


_KIND_RANK = {kind: rank for rank, kind in enumerate(AliasKind)}


class AliasRow(BaseModel):
    """One row of an actor table: the names that stand for one actor code.

    ``names`` always resolve. ``short`` forms (a leader's surname) resolve only while the leader
    is in office, plus `GRACE_DAYS` after ``end``; they exist only on ``leader`` rows, which also
    carry a ``role`` and a ``start`` date (``end`` is null while the leader is in office)::

        >>> AliasRow(code="JPN", kind="capital", names=("Tokyo",)).kind
        <AliasKind.CAPITAL: 'capital'>
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: The actor code the names stand for ("JPN", "EU").
    code: str
    #: What sort of expression the names are.
    kind: AliasKind
    #: Forms that always resolve: "Tokyo", "the Kremlin", a leader's full name.
    names: tuple[str, ...] = Field(min_length=1)
    #: Leader rows only: short forms valid in office (plus grace), such as the surname.
    short: tuple[str, ...] = ()
    #: Leader rows only: the office held.
    role: Role | None = None
    #: Leader rows only: first day in office.
    start: datetime.date | None = None
    #: Leader rows only: last day in office, or null while in office.
    end: datetime.date | None = None

    @field_validator("code")
    @classmethod
    def _known_code(cls, value: str) -> str:
        if not is_actor_code(value):
            raise ValueError(f"{value!r} is not an actor code")
        return value

    @field_validator("names", "short")
    @classmethod
    def _clean_names(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            if not _core(value):
                raise ValueError(f"empty alias {value!r}")
            if value != value.strip():
                raise ValueError(f"alias {value!r} has surrounding whitespace")
        return values

    @model_validator(mode="after")
    def _leader_fields(self) -> AliasRow:
        if self.kind is AliasKind.LEADER:
            if self.role is None or self.start is None:
                raise ValueError("a leader row needs a role and a start date")
            if self.end is not None and self.end < self.start:
                raise ValueError(f"end {self.end} is before start {self.start}")
        elif self.short or self.role or self.start or self.end:
            raise ValueError("short, role, start and end belong on leader rows only")
        return self


@dataclass(frozen=True, slots=True)
class Mention:
    """One alias found in a text: ``text[start:end] == mention.text``."""

    #: Offset of the first character of the mention.
    start: int
    #: Offset just past the mention.
    end: int
    #: The matched surface form ("Tokyo", "the Kremlin"); a possessive suffix is not part of it.
    text: str
    #: The actor code the mention stands for.
    code: str
    #: What sort of alias matched.
    kind: AliasKind
    #: Whether the mention is followed immediately by "'s" (straight or curly) or, after an s, "'".
    possessive: bool


class _Entry(NamedTuple):
    """One alias of one row, as indexed."""

    code: str
    kind: AliasKind
    #: The alias as written in the table.
    alias: str
    #: Whether the alias is a dated short form.
    dated: bool
    start: datetime.date | None
    end: datetime.date | None
    #: Where the row came from ("sanctions/data/actors/capitals.yaml row 3").
    origin: str


_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$")


def _core(alias: str) -> str:
    """An alias without a leading "the", with single spaces and straight apostrophes."""
    text = _SPACES.sub(" ", alias.replace("\u2019", "'")).strip()
    return _THE.sub("", text)


def _takes_the(alias: str) -> bool:
    return _THE.match(alias.strip()) is not None


def _key(alias: str) -> str:
    return _core(alias).casefold()


def _entries(row: AliasRow, origin: str) -> Iterator[_Entry]:
    for name in row.names:
        yield _Entry(row.code, row.kind, name, False, row.start, row.end, origin)
    for name in row.short:
        yield _Entry(row.code, row.kind, name, True, row.start, row.end, origin)


def _valid(entry: _Entry, on: datetime.date | None) -> bool:
    if not entry.dated or on is None:
        return True
    assert entry.start is not None  # leader rows always have a start
    if on < entry.start:
        return False
    return entry.end is None or on <= entry.end + datetime.timedelta(days=GRACE_DAYS)


def _in_office(entry: _Entry, on: datetime.date) -> bool:
    assert entry.start is not None
    return entry.start <= on and (entry.end is None or on <= entry.end)


def _choose(entries: tuple[_Entry, ...], on: datetime.date | None) -> _Entry | None:
    """The entry an alias stands for on a date.

    Short forms out of office (plus grace) drop out. Of the rest, undated aliases and leaders in
    office on ``on`` come first, then the kind order, then the latest start: so "Michel" is
    Charles Michel of the EU (from 2019) rather than of Belgium (to 2019) when no date is given.
    """
    valid = [entry for entry in entries if _valid(entry, on)]
    if not valid:
        return None

    def rank(entry: _Entry) -> tuple[int, int, int]:
        current = entry.start is None or (on is not None and _in_office(entry, on))
        latest_first = -(entry.start or datetime.date.min).toordinal()
        return (int(not current), _KIND_RANK[entry.kind], latest_first)

    return min(valid, key=rank)


def _overlap(a: _Entry, b: _Entry) -> bool:
    """Whether two entries can stand for the same thing at once (undated ones always can)."""
    if a.start is None or b.start is None:
        return True
    a_end = a.end or datetime.date.max
    b_end = b.end or datetime.date.max
    return a.start <= b_end and b.start <= a_end


def _atom(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['\u2019]"
    return re.escape(char)


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, as a trie so that a match costs its length.

    Children of a node start with disjoint characters, and an optional ending is greedy, so the
    backtracking engine returns the longest word that also satisfies what follows the pattern.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # the end-of-word marker

    def emit(node: _Trie) -> str:
        branches = [_atom(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if "" not in node and len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root)


class ActorTable:
    """A frozen, compiled set of actor aliases; build once and share.

    >>> table = ActorTable.default().extended(
    ...     [AliasRow(code="GBR", kind="seat", names=("Lancaster House",))]
    ... )
    >>> table.get("Lancaster House"), table.get("Tokyo"), get("Lancaster House")
    ('GBR', 'JPN', None)
    """

    __slots__ = ("_by_core", "_by_key", "_not_actors", "_pattern", "_rows", "_takes_the")

    def __init__(
        self, rows: Iterable[tuple[AliasRow, str]] = (), *, not_actors: Iterable[str] = ()
    ) -> None:
        """Index ``(row, origin)`` pairs; raise `VocabularyError` on a conflicting alias.

        ``not_actors`` are phrases that contain an alias but name no actor ("New Mexico",
        "Latin America", "the Indian Ocean"): `find` matches them like aliases, so that the
        alias inside is not found, and then drops them.
        """
        self._rows: tuple[tuple[AliasRow, str], ...] = tuple(rows)
        by_key: dict[str, list[_Entry]] = {}
        by_core: dict[str, list[_Entry]] = {}
        takes_the: set[str] = set()
        for row, origin in self._rows:
            for entry in _entries(row, origin):
                key = _key(entry.alias)
                same_key = by_key.setdefault(key, [])
                for other in same_key:
                    if (
                        other.kind is entry.kind
                        and other.code != entry.code
                        and _overlap(other, entry)
                    ):
                        raise VocabularyError(
                            f"{origin}: alias {entry.alias!r} ({entry.kind.value}) is "
                            f"{entry.code} but {other.origin} has it as {other.code}"
                        )
                if entry in same_key:
                    continue
                same_key.append(entry)
                core = _core(entry.alias)
                by_core.setdefault(core, []).append(entry)
                if _takes_the(entry.alias):
                    takes_the.add(core)
        self._by_key: Mapping[str, tuple[_Entry, ...]] = MappingProxyType(
            {key: tuple(value) for key, value in by_key.items()}
        )
        self._by_core: Mapping[str, tuple[_Entry, ...]] = MappingProxyType(
            {key: tuple(value) for key, value in by_core.items()}
        )
        self._takes_the = frozenset(takes_the)
        self._not_actors = frozenset(_core(phrase) for phrase in not_actors)
        clash = sorted(core for core in self._not_actors if _key(core) in by_key)
        if clash:
            raise VocabularyError(f"phrases listed both as aliases and as not actors: {clash}")
        cores = set(by_core) | self._not_actors
        trie = _trie_pattern(cores) if cores else "(?!)"
        self._pattern = re.compile(rf"(?<!\w)(?P<the>[Tt]he\s+)?(?P<core>{trie})(?!\w)")

    @classmethod
    def default(cls) -> ActorTable:
        """The package tables in ``sanctions/data/actors/`` (built once, then cached)."""
        return _default_table()

    @classmethod
    def from_files(cls, *paths: Path | str, base: ActorTable | None = None) -> ActorTable:
        """User tables in the package format, added to ``base`` (default: the package tables).

        Raises `VocabularyError` naming the file and row of a bad or conflicting row.
        """
        rows: list[tuple[AliasRow, str]] = []
        for path in map(Path, paths):
            rows.extend(_load(path, str(path)))
        start = cls.default() if base is None else base
        return cls((*start._rows, *rows), not_actors=start._not_actors)

    def extended(self, rows: Iterable[AliasRow]) -> ActorTable:
        """A new table with ``rows`` added; this one is unchanged."""
        added = []
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, AliasRow):
                raise TypeError(f"expected AliasRow, got {type(row).__name__}")
            added.append((row, f"<extended> row {number}"))
        return ActorTable((*self._rows, *added), not_actors=self._not_actors)

    @property
    def rows(self) -> tuple[AliasRow, ...]:
        """The rows of the table, in load order."""
        return tuple(row for row, _ in self._rows)

    def get(
        self, name: str, default: str | None = None, *, on: datetime.date | None = None
    ) -> str | None:
        """The actor code of a whole name, or ``default``.

        Case and whitespace are ignored, as are a leading "the" and a possessive "'s"; an actor
        code ("JPN", "EU") stands for itself. With ``on``, a leader's surname resolves only while
        the leader is in office (plus `GRACE_DAYS`).
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be str, not {type(name).__name__}")
        entry = self._lookup(name, on)
        if entry is not None:
            return entry.code
        stripped = name.strip()
        if is_actor_code(stripped):
            return stripped
        return default

    def resolve(self, name: str, *, on: datetime.date | None = None) -> str:
        """Like `get`, but raise `UnknownActorError` naming ``name`` when it does not resolve."""
        code = self.get(name, on=on)
        if code is None:
            when = f" on {on.isoformat()}" if on is not None else ""
            raise UnknownActorError(f"no actor is known as {name!r}{when}")
        return code

    def find(self, text: str, *, on: datetime.date | None = None) -> list[Mention]:
        """Every alias mention in ``text``: non-overlapping, leftmost-longest, in text order.

        Matching is case-sensitive and on word boundaries, except that a leading "the" may be
        "The" or absent. The span includes "the" only where the alias has it ("the Kremlin").
        A seat or agency right after another state's name, demonym or capital belongs to that
        state ("the German Foreign Office", "Britain's Treasury", "the Moscow White House"), so
        it is not reported as a mention of its own.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        mentions: list[Mention] = []
        for match in self._pattern.finditer(text):
            core = _core(match.group("core"))
            entries = self._by_core.get(core)
            if entries is None:  # a phrase that names no actor ("New Mexico")
                continue
            entry = _choose(entries, on)
            if entry is None:
                continue
            with_the = match.group("the") is not None and core in self._takes_the
            start = match.start("the") if with_the else match.start("core")
            end = match.end("core")
            if mentions and _owned_by_previous(text, mentions[-1], entry, start):
                continue
            mentions.append(
                Mention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    code=entry.code,
                    kind=entry.kind,
                    possessive=_is_possessive(text, end),
                )
            )
        return mentions

    def counts(self) -> dict[AliasKind, int]:
        """The number of distinct aliases (ignoring case and "the") of each kind."""
        seen: dict[AliasKind, set[str]] = {kind: set() for kind in AliasKind}
        for key, entries in self._by_key.items():
            for entry in entries:
                seen[entry.kind].add(key)
        return {kind: len(keys) for kind, keys in seen.items()}

    def _lookup(self, name: str, on: datetime.date | None) -> _Entry | None:
        key = _key(name)
        entries = self._by_key.get(key)
        if entries is None:
            bare = _POSSESSIVE.sub("", key)
            if bare != key:
                entries = self._by_key.get(_key(bare))
        return _choose(entries, on) if entries else None

    def __repr__(self) -> str:
        return f"<ActorTable {len(self._by_key)} aliases>"


_OWNED = frozenset({AliasKind.SEAT, AliasKind.AGENCY})
_OWNERS = frozenset({AliasKind.NAME, AliasKind.DEMONYM, AliasKind.CAPITAL})
_ADJOINING = re.compile(r"(?:['\u2019]s?)?\s+")


def _owned_by_previous(text: str, previous: Mention, entry: _Entry, start: int) -> bool:
    """Whether a seat or agency directly follows another state's name ("German Foreign Office")."""
    return (
        entry.kind in _OWNED
        and previous.kind in _OWNERS
        and previous.code != entry.code
        and _ADJOINING.fullmatch(text, previous.end, start) is not None
    )


_POSSESSIVE_AFTER = re.compile(r"['\u2019](?:s(?!\w)|(?!\w))")


def _is_possessive(text: str, end: int) -> bool:
    match = _POSSESSIVE_AFTER.match(text, end)
    if match is None:
        return False
    if len(match.group()) == 2:  # "'s", straight or curly
        return True
    # A bare apostrophe marks a possessive only after an s ("Brussels'"), not a closing quote.
    return text[end - 1] in "sS"


_TABLES = (
    "names.yaml",
    "blocs.yaml",
    "demonyms.yaml",
    "capitals.yaml",
    "seats_agencies.yaml",
    "leaders.yaml",
    "entities.yaml",
)
_NOT_ACTORS = "not_actors.yaml"


class _NotActorRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    names: tuple[str, ...] = Field(min_length=1)
    #: Why the phrases name no actor.
    note: str | None = None


def _load(source: str | Path, name: str) -> list[tuple[AliasRow, str]]:
    rows = load_rows(source, AliasRow)
    return [(row, f"{name} row {number}") for number, row in enumerate(rows, start=1)]


@cache
def _default_table() -> ActorTable:
    rows: list[tuple[AliasRow, str]] = []
    for table in _TABLES:
        rows.extend(_load(f"actors/{table}", f"sanctions/data/actors/{table}"))
    not_actors = [
        name for row in load_rows(f"actors/{_NOT_ACTORS}", _NotActorRow) for name in row.names
    ]
    return ActorTable(rows, not_actors=not_actors)


def default_table() -> ActorTable:
    """The package tables, built on first use and then shared."""
    return _default_table()


def get(name: str, default: str | None = None, *, on: datetime.date | None = None) -> str | None:
    """`ActorTable.get` on the package tables.

    >>> get("Washington"), get("Narnia")
    ('USA', None)
    """
    return _default_table().get(name, default, on=on)


def resolve(name: str, *, on: datetime.date | None = None) -> str:
    """`ActorTable.resolve` on the package tables."""
    return _default_table().resolve(name, on=on)


def find(text: str, *, on: datetime.date | None = None) -> list[Mention]:
    """`ActorTable.find` on the package tables."""
    return _default_table().find(text, on=on)
