r"""Literal strings a regex cannot match without: a cheap test before an expensive search.

`required` reads a compiled pattern's syntax tree and returns clauses, each a set of literal
strings: every match of the pattern contains at least one string of each clause. A text (or a
stretch of it) that lacks every string of some clause cannot hold a match, so the regex need
not run there. The clauses are a necessary condition only; they never decide a match.

For a case-insensitive pattern the strings are lower-case and must be looked up in lower-cased
text; only ASCII characters are used, and `folds_to_ascii` tells whether a text holds one of
the few other characters that such a pattern matches as an ASCII letter (the long s, the
dotted capital I). Where one occurs, the clauses of case-insensitive patterns do not apply.

>>> import re
>>> [sorted(c) for c in required(re.compile(r"imports?\s+(?:bans?|curbs?)", re.I))]
[['ban', 'curb'], ['import']]
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from typing import Any

try:  # Python 3.11+
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse

__all__ = ["WORD_START", "folds_to_ascii", "required", "starts"]

#: Sets of strings bigger than this are not tracked exactly (they become one clause).
_LIMIT = 128
_CLASS_LIMIT = 8
#: Alternatives keep this many of their best clauses when an alternation is turned into clauses.
_BRANCH_CLAUSES = 3
#: A string that starts with this must start a word (a ``\b`` before a word character).
WORD_START = "\x02"


@dataclass(frozen=True, slots=True)
class _Info:
    """What a piece of a pattern matches.

    Exactly one of ``exact`` when that is known (and then ``clauses`` is empty), else text
    that holds a string of each of ``clauses``.
    """

    exact: frozenset[str] | None
    clauses: tuple[frozenset[str], ...] = ()


_ANY = _Info(None)
_EMPTY = _Info(frozenset({""}))
_BOUNDARY = _Info(frozenset({WORD_START}))


def required(pattern: re.Pattern[str], *, min_length: int = 1) -> tuple[frozenset[str], ...]:
    """Clauses of literal strings that every match of ``pattern`` holds one of each.

    A string that starts with `WORD_START` must also start a word of the text. Clauses with
    a string shorter than ``min_length`` are left out (too common to tell anything); so are
    clauses that another one implies.
    """
    return _required(pattern.pattern, pattern.flags, min_length)


@cache
def _required(source: str, flags: int, min_length: int) -> tuple[frozenset[str], ...]:
    try:
        tree = _sre_parse.parse(source, flags)
    except Exception:  # a pattern we cannot read gives no clauses, never an error
        return ()
    kept = {
        clause
        for clause in _clauses(_Reader(bool(flags & re.IGNORECASE)).sequence(list(tree)))
        if min(len(s.lstrip(WORD_START)) for s in clause) >= min_length
    }
    # A clause that holds another one says nothing more.
    return tuple(sorted((c for c in kept if not any(o < c for o in kept)), key=sorted))


def starts(pattern: re.Pattern[str], *, min_length: int = 1) -> frozenset[str] | None:
    """Literal strings of which every match of ``pattern`` starts with one, or None.

    Marks and case as in `required`. None when some match may start otherwise or with a
    string shorter than ``min_length``. A regex need only be tried where one of these starts.
    """
    return _starts(pattern.pattern, pattern.flags, min_length)


@cache
def _starts(source: str, flags: int, min_length: int) -> frozenset[str] | None:
    try:
        tree = _sre_parse.parse(source, flags)
    except Exception:  # a pattern we cannot read gives no starts, never an error
        return None
    found = _Reader(bool(flags & re.IGNORECASE)).prefixes(list(tree))
    if found is None:
        return None
    cleaned = set()
    for text in found:
        body = text.replace(WORD_START, "")
        if len(body) < min_length:
            return None
        word_start = text.startswith(WORD_START) and (body[0].isalnum() or body[0] == "_")
        cleaned.add(WORD_START + body if word_start else body)
    # A string that begins with another one adds no place to try ("bans" begins with "ban").
    return frozenset(s for s in cleaned if not any(o != s and s.startswith(o) for o in cleaned))


def _clause(strings: frozenset[str]) -> frozenset[str] | None:
    """``strings`` as a clause, or None if one of them is empty.

    Word-start marks stay only in front of a word character; strings that hold another one
    are dropped ("bans" holds "ban").
    """
    cleaned = set()
    for text in strings:
        body = text.replace(WORD_START, "")
        if not body:
            return None
        word_start = text.startswith(WORD_START) and (body[0].isalnum() or body[0] == "_")
        cleaned.add(WORD_START + body if word_start else body)
    return frozenset(s for s in cleaned if not any(o != s and o in s for o in cleaned))


def _clauses(info: _Info) -> list[frozenset[str]]:
    """Every clause ``info`` gives, the exact strings included."""
    found = list(info.clauses)
    if info.exact is not None:
        clause = _clause(info.exact)
        if clause is not None:
            found.append(clause)
    return found


def _char(code: int, fold: bool) -> str | None:
    char = chr(code)
    if not fold:
        return char
    return char.lower() if char.isascii() else None


def _rank(clause: frozenset[str]) -> tuple[int, int]:
    """Clauses with longer strings, then fewer of them, are likelier to be rare."""
    return (min(len(s.lstrip(WORD_START)) for s in clause), -len(clause))


class _Reader:
    """Reads one parsed pattern; each node is read once (``memo``, by identity)."""

    def __init__(self, fold: bool) -> None:
        self.fold = fold
        self.memo: dict[tuple[int, int], _Info] = {}

    def sequence(self, items: list[Any]) -> _Info:
        """A concatenation: exact strings join up while the product stays small."""
        clauses: list[frozenset[str]] = []
        exact: frozenset[str] | None = frozenset({""})
        whole = True  # whether ``exact`` still stands for everything so far
        for op, av in items:
            info = self.node(op, av)
            if (
                exact is not None
                and info.exact is not None
                and len(exact) * len(info.exact) <= _LIMIT
            ):
                exact = frozenset(a + b for a in exact for b in info.exact)
                continue
            whole = False
            if exact is not None and (clause := _clause(exact)) is not None:
                clauses.append(clause)
            clauses += info.clauses
            exact = info.exact
        if whole:
            return _Info(exact)
        if exact is not None and (clause := _clause(exact)) is not None:
            clauses.append(clause)
        return _Info(None, tuple(clauses))

    def branch(self, infos: list[_Info]) -> _Info:
        """An alternation: (A1 and A2) or (B1 and B2) holds (A1 or B1), (A1 or B2), ..."""
        exacts = [info.exact for info in infos]
        if all(e is not None for e in exacts):
            union = frozenset().union(*(e for e in exacts if e is not None))
            if len(union) <= _LIMIT:
                return _Info(union)
        options = [sorted(_clauses(info), key=_rank, reverse=True) for info in infos]
        if not all(options):
            return _ANY
        keep = _BRANCH_CLAUSES
        while keep > 1 and keep ** len(options) > 32:
            keep -= 1
        combined = {frozenset().union(*choice) for choice in product(*(o[:keep] for o in options))}
        return _Info(None, tuple(_clause(c) or c for c in combined))

    def node(self, op: Any, av: Any) -> _Info:
        key = (id(op), id(av))  # the parsed tree outlives the reader, so ids stay unique
        info = self.memo.get(key)
        if info is None:
            info = self.memo[key] = self._node(op, av)
        return info

    def _node(self, op: Any, av: Any) -> _Info:
        sre = _sre_parse
        if op is sre.LITERAL:
            char = _char(av, self.fold)
            return _ANY if char is None else _Info(frozenset({char}))
        if op is sre.IN:
            chars: set[str] = set()
            for item_op, item_av in av:
                if item_op is not sre.LITERAL:
                    return _ANY
                char = _char(item_av, self.fold)
                if char is None:
                    return _ANY
                chars.add(char)
            return _Info(frozenset(chars)) if 0 < len(chars) <= _CLASS_LIMIT else _ANY
        if op is sre.AT:
            return _BOUNDARY if av is sre.AT_BOUNDARY else _EMPTY
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            return _EMPTY  # zero width: matches the empty string
        if op is sre.BRANCH:
            return self.branch([self.sequence(list(alternative)) for alternative in av[1]])
        if op is sre.SUBPATTERN:
            add_flags = av[1]
            if add_flags & re.IGNORECASE and not self.fold:
                return _ANY
            return self.sequence(list(av[3]))
        if op is getattr(sre, "ATOMIC_GROUP", None):
            return self.sequence(list(av))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) or op is getattr(sre, "POSSESSIVE_REPEAT", None):
            low, high, item = av
            info = self.sequence(list(item))
            if low == 0:
                if high == 1 and info.exact is not None and len(info.exact) < _LIMIT:
                    return _Info(info.exact | {""})
                return _ANY
            if info.exact is not None and low == high and len(info.exact) ** low <= _LIMIT:
                exact = frozenset({""})
                for _ in range(low):
                    exact = frozenset(a + b for a in exact for b in info.exact)
                return _Info(exact)
            return _Info(None, tuple(_clauses(info)))
        return _ANY

    def prefixes(self, items: list[Any]) -> frozenset[str] | None:
        """Strings of which every match of the sequence ``items`` starts with one, or None."""
        found: frozenset[str] = frozenset({""})
        for op, av in items:
            info = self.node(op, av)
            if info.exact is not None and len(found) * len(info.exact) <= _LIMIT:
                found = frozenset(a + b for a in found for b in info.exact)
                continue
            inner = self.node_prefixes(op, av)
            if inner is not None and len(found) * len(inner) <= _LIMIT:
                found = frozenset(a + b for a in found for b in inner)
            break
        return found

    def node_prefixes(self, op: Any, av: Any) -> frozenset[str] | None:
        sre = _sre_parse
        if op is sre.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                found = self.prefixes(list(alternative))
                if found is None:
                    return None
                union |= found
            return frozenset(union)
        if op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE and not self.fold:
                return None
            return self.prefixes(list(av[3]))
        if op is getattr(sre, "ATOMIC_GROUP", None):
            return self.prefixes(list(av))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) or op is getattr(sre, "POSSESSIVE_REPEAT", None):
            return self.prefixes(list(av[2])) if av[0] >= 1 else None
        return None


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def folds_to_ascii(text: str) -> bool:
    """Whether ``text`` holds a non-ASCII character that a case-insensitive ASCII letter matches.

    The long s matches ``(?i)s`` and the dotted capital I ``(?i)i``, but neither lower-cases
    to an ASCII letter. Where such a character occurs, the lower-case clauses of a
    case-insensitive pattern may miss a match.
    """
    if text.isascii():
        return False
    return any(map(_folds_to_ascii, set("".join(_NON_ASCII.findall(text)))))


@lru_cache(maxsize=4096)  # bounded: a hostile text may hold a million distinct characters
def _folds_to_ascii(char: str) -> bool:
    return any(re.fullmatch(letter, char, re.IGNORECASE) for letter in string.ascii_lowercase)
