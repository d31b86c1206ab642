"""Sentence spans and date expressions: small pure functions over the text, offsets exact.

>>> text = "The U.S. froze assets on Monday. Russia said it would respond."
>>> [text[s:e] for s, e in sentences(text)]
['The U.S. froze assets on Monday.', 'Russia said it would respond.']
>>> resolve_date("froze assets on Monday", published=dt.date(2022, 3, 2))
datetime.date(2022, 2, 28)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

__all__ = ["resolve_date", "sentences"]

# Tokens ending in a full stop that do not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "corp",
        "ltd",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "approx",
        "est",
        "dept",
        "fig",
        "ft",
        "mt",
        "mr.",
    ]
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“])")
# A line that ends like this runs on into the next one: a comma or a word that needs more.
_RUNS_ON = re.compile(
    r"(?:,|\b(?:of|the|a|an|to|and|or|in|on|for|with|by|from|at|as|that|its|their|his|her|"
    r"our|into|onto|over|against|than|whose|which|who)\b)[ \t]*$",
    re.IGNORECASE,
)


#: No span is longer than this: a longer run without a sentence break (a page of boilerplate,
#: a table flattened to one line) is cut at a clause mark or a space, so the work per span
#: stays bounded and the whole text costs time linear in its length.
MAX_SENTENCE = 800


def sentences(text: str, max_chars: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``; whitespace between them is dropped.

    Splits after ``.``, ``!`` or ``?`` followed by a capital, and at blank lines; a full stop
    after a known abbreviation ("U.S.", "Dec.", "Mr.") or a single initial does not split.
    A span longer than ``max_chars`` is cut into pieces of at most that length, each at the
    last clause mark (";", ",", ":") or else the last space before the limit.
    """
    found = _sentences(text)
    if not any(end - start > max_chars for start, end in found):
        return found  # the spans are trimmed already
    spans: list[tuple[int, int]] = []
    for start, end in found:
        while end - start > max_chars:
            cut = _cut(text, start, start + max_chars)
            _append(text, start, cut, spans)
            start = cut
        _append(text, start, end, spans)
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    """Where to cut ``text[start:limit]``: after its last clause mark, else its last space."""
    window = text[start:limit]
    for marks in (";,:)]", " \t\n"):
        position = max(window.rfind(mark) for mark in marks)
        if position > len(window) // 2:
            return start + position + 1
    return limit


# `_BOUNDARY` as two patterns that each start with a character to look for, which the regex
# engine skips to at C speed: the first consumes the mark that `_BOUNDARY`'s lookbehind checks.
_AFTER_MARK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_AT_NEWLINE = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\"“])")


def _boundaries(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``_BOUNDARY.finditer(text)``, found faster.

    At each place `_BOUNDARY` tries its first branch (`_AFTER_MARK`, one character later)
    before the others (`_AT_NEWLINE`), and a match hides any other that starts inside it; a
    pattern whose next match was hidden searches again from where the hiding match ends.
    """
    marks = _AFTER_MARK.finditer(text)
    lines = _AT_NEWLINE.finditer(text)
    mark = next(marks, None)
    line = next(lines, None)
    while mark is not None or line is not None:
        if mark is not None and (line is None or mark.start() + 1 <= line.start()):
            start, end = mark.start() + 1, mark.end()
            mark = next(marks, None)
            if line is not None and line.start() < end:
                lines = _AT_NEWLINE.finditer(text, end)
                line = next(lines, None)
        elif line is not None:
            start, end = line.start(), line.end()
            line = next(lines, None)
            if mark is not None and mark.start() + 1 < end:
                marks = _AFTER_MARK.finditer(text, end - 1)
                mark = next(marks, None)
        yield start, end


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for end, after in _boundaries(text):
        if text[end - 1 : end] == "." if end else False:
            word = _last_token(text, max(start, end - 40), end).rstrip(".").lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        elif text.count("\n", end, after) == 1 and _RUNS_ON.search(text, max(start, end - 40), end):
            continue  # a line wrapped mid-sentence: "banned imports of\nRussian vodka"
        _append(text, start, end, spans)
        start = after
    _append(text, start, len(text), spans)
    return spans


def _last_token(text: str, start: int, end: int) -> str:
    r"""The last whitespace-delimited token of ``text[start:end]`` ("" if there is none).

    Where the stretch ends in a full stop this is what the regex ``(\S+)["')\]]*\s*$``
    finds there, for the cost of one split (``\s`` and ``str.split`` agree on whitespace).
    """
    tokens = text[start:end].rsplit(None, 1)
    return tokens[-1] if tokens else ""


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    if end > start and not text[start].isspace() and not text[end - 1].isspace():
        spans.append((start, end))  # the common case: nothing to trim
        return
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')}"
    rf"(?:,?\s+(?P<year2>(?:19|20)\d\d))?)\b"
    r"|\b(?:on|last|this|next|from|by|until|since)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
    r"|\b(?P<rel>yesterday|today|tonight)\b"
)


def resolve_date(sentence: str, published: dt.date | None) -> dt.date | None:
    """The first date ``sentence`` states, resolved against the publication date.

    Explicit dates ("March 2, 2022", "2 March", "Dec. 5") take the year they give, else the
    year that puts them nearest to ``published``; a weekday ("on Monday") is the last such day
    on or before ``published``; "yesterday" and "today" count from it. Returns None when the
    sentence states no date or a relative one cannot be anchored. A date that does not exist
    ("February 30"), or a relative one that falls outside the calendar ("yesterday" with
    ``published`` 0001-01-01), is no date: the next one the sentence states is tried.
    """
    for match in _DATE.finditer(sentence):
        try:
            found = _date_of(match, published)
        except (ValueError, OverflowError):  # "February 30"; a day before 0001-01-01
            continue
        if found is not None:
            return found
    return None


def _date_of(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    groups = match.groupdict()
    if groups["iso"]:
        return dt.date.fromisoformat(groups["iso"])
    if groups["rel"]:
        if published is None:
            return None
        offset = {"yesterday": -1}.get(groups["rel"].lower(), 0)
        return published + dt.timedelta(days=offset)
    if groups["weekday"]:
        if published is None:
            return None
        back = (published.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
        return published - dt.timedelta(days=back)
    month_name = groups["month"] or groups["month2"]
    day = groups["day"] or groups["day2"]
    year = groups["year"] or groups["year2"]
    month = _MONTHS[month_name.lower().rstrip(".")]
    if year:
        return dt.date(int(year), month, int(day))
    if published is None:
        return None
    candidates = []
    for offset in (-1, 0, 1):
        try:
            candidates.append(dt.date(published.year + offset, month, int(day)))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - published).days))
