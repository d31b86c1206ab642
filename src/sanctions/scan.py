"""One-pass scan for anchor strings: the cheap first step that decides where rules run.

Two scanners give identical results: `AhoCorasickScanner` (pyahocorasick, compiled, used when it
is installed) and `RegexScanner` (pure Python). `make_scanner` picks the fastest available.

>>> scanner = make_scanner(["sanction", "asset"])
>>> scanner.find("new sanctions; assets frozen")
[(4, 'sanction'), (15, 'asset')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter
from typing import Protocol

__all__ = ["AhoCorasickScanner", "RegexScanner", "Scanner", "make_scanner"]


class Scanner(Protocol):
    """Finds every occurrence of a fixed set of lower-case anchors in lower-cased text."""

    def find(self, text: str) -> list[tuple[int, str]]:
        """Every (start, anchor) pair in ``text``, in order of start, longest anchor first."""
        ...


class RegexScanner:
    """Pure-Python scanner: one regex alternation, overlapping matches found by lookahead."""

    def __init__(self, anchors: Iterable[str]) -> None:
        self.anchors = tuple(sorted(set(anchors), key=lambda a: (-len(a), a)))
        alternation = "|".join(re.escape(a) for a in self.anchors)
        # A lookahead matches at every position, so anchors that overlap are all found.
        self._regex = re.compile(f"(?=({alternation}))") if self.anchors else None
        self._by_first: dict[str, tuple[str, ...]] = {}
        for anchor in self.anchors:
            self._by_first.setdefault(anchor[0], ())
            self._by_first[anchor[0]] += (anchor,)

    def find(self, text: str) -> list[tuple[int, str]]:
        """Every (start, anchor) pair, ordered by start then longest anchor."""
        if self._regex is None:
            return []
        found: list[tuple[int, str]] = []
        for match in self._regex.finditer(text):
            start = match.start()
            for anchor in self._by_first.get(text[start], ()):
                if text.startswith(anchor, start):
                    found.append((start, anchor))
        return found


class AhoCorasickScanner:
    """Compiled scanner built on pyahocorasick's automaton."""

    def __init__(self, anchors: Iterable[str]) -> None:
        import ahocorasick  # optional dependency: sanctions[fast]

        self.anchors = tuple(sorted(set(anchors), key=lambda a: (-len(a), a)))
        self._automaton = ahocorasick.Automaton()
        for anchor in self.anchors:
            self._automaton.add_word(anchor, anchor)
        if self.anchors:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, str]]:
        """Every (start, anchor) pair, ordered by start then longest anchor."""
        if not self.anchors:
            return []
        found = [(end - len(anchor) + 1, anchor) for end, anchor in self._automaton.iter(text)]
        # The automaton reports by end. Anchors that start at the same place end at different
        # places (the same start and end is the same anchor), so reversing the list puts the
        # longest first, and a stable sort by start alone keeps it there.
        found.reverse()
        found.sort(key=itemgetter(0))
        return found


def make_scanner(anchors: Iterable[str], *, prefer_compiled: bool = True) -> Scanner:
    """The fastest scanner available: pyahocorasick when installed, else the regex scanner."""
    anchors = tuple(anchors)
    if prefer_compiled:
        try:
            return AhoCorasickScanner(anchors)
        except ImportError:
            pass
    return RegexScanner(anchors)
