"""Stage 0: check the input and normalise the text the rules read.

`_check_text`, `_check_published`, `_check_length` and `_unpack` turn what a caller passes
into a str, a date and a source, or raise the documented errors. `_squeeze_spaces` reads each
run of spaces, tabs and no-break spaces as one space and returns the offset map (by runs)
that takes spans back to the text as given; `_lower` lower-cases one character for one.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import DocumentTooLargeError

_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "extract() takes a str, not bytes; decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"extract() takes a str, not {type(text).__name__}")


def _check_published(published: object) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            raise ValueError(
                f"published must be an ISO date (YYYY-MM-DD), got {published!r}"
            ) from None
    raise TypeError(
        f"published must be a date, an ISO date string or None, not {type(published).__name__}"
    )


def _check_source(source: object) -> None:
    if source is not None and not isinstance(source, str):
        raise TypeError(f"source must be a str or None, not {type(source).__name__}")


def _check_length(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise DocumentTooLargeError(
            f"text has {len(text):,} characters, more than max_chars={max_chars:,}; "
            "split it or raise the limit with Extractor(max_chars=...)"
        )


def _unpack(record: object, number: int) -> tuple[str, dt.date | str | None, str | None]:
    if isinstance(record, str):
        return record, None, None
    if isinstance(record, Mapping):
        text = record.get("text")
        if not isinstance(text, str):
            raise TypeError(f"record {number}: 'text' must be a str, not {type(text).__name__}")
        published = record.get("published")
        try:
            _check_published(published)
        except TypeError:
            raise TypeError(
                f"record {number}: 'published' must be a date, an ISO date string or None, "
                f"not {type(published).__name__}"
            ) from None
        except ValueError:
            raise ValueError(
                f"record {number}: 'published' must be an ISO date (YYYY-MM-DD), got {published!r}"
            ) from None
        source = record.get("source") or record.get("id")
        if source is not None and not isinstance(source, str):
            source = str(source)
        return text, published, source
    raise TypeError(f"record {number}: expected a str or a mapping, not {type(record).__name__}")


@dataclass(frozen=True, slots=True)
class _OffsetMap:
    """Offsets in a squeezed text mapped back to the text as given, by runs (see `_squeeze_spaces`).

    A run of n spaces squeezed to one shifts every later offset by n - 1, so the map needs one
    entry per run, not one per character: ``starts`` holds the first squeezed offset after
    each run of two or more, ascending, and ``shifts`` the total shift from there on.
    """

    starts: array[int]
    shifts: array[int]

    def __getitem__(self, offset: int) -> int:
        """The offset in the text as given of the squeezed text's ``offset``."""
        runs = bisect_right(self.starts, offset)
        return offset + self.shifts[runs - 1] if runs else offset


def _squeeze_spaces(text: str) -> tuple[str, _OffsetMap | None]:
    """``text`` with each run of spaces, tabs and no-break spaces read as one space.

    The rules measure their windows in characters, so "asset  freeze" or a tab must read as
    "asset freeze". Returns the squeezed text and, when it differs, the map from its offsets
    (up to one past its end) to those of ``text``; line breaks are kept as they are.
    """
    # Substring tests run at memchr speed; the regex only runs on a text that needs it.
    if "  " not in text and "\t" not in text and "\u00a0" not in text:
        return text, None
    starts = array("q")
    shifts = array("q")
    shift = 0
    for match in _SPACE_RUN.finditer(text):
        start, end = match.span()
        if end - start > 1:
            # the run's space is at start - shift in the squeezed text; what follows it shifts
            starts.append(start - shift + 1)
            shift += end - start - 1
            shifts.append(shift)
    return _SPACE_RUN.sub(" ", text), _OffsetMap(starts, shifts)


def _original_span(offsets: _OffsetMap, start: int, end: int) -> tuple[int, int]:
    """A span of the squeezed text as a span of the text as given (see `_squeeze_spaces`)."""
    original = offsets[start]
    return original, (offsets[end - 1] + 1 if end > start else original)


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one, so its offsets are those of ``text``.

    "İ" lower-cases to two characters; such a character is kept as it is.
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)
