"""Stage 0: check the input and normalise the text the rules read.

`_check_text`, `_check_published`, `_check_length` and `_unpack` turn what a caller passes
into a str, a date and a source, or raise the documented errors. `_squeeze_spaces` reads each
run of spaces, tabs and no-break spaces as one space and returns the offset map that takes
spans back to the text as given; `_lower` lower-cases one character for one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

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


def _squeeze_spaces(text: str) -> tuple[str, list[int] | None]:
    """``text`` with each run of spaces, tabs and no-break spaces read as one space.

    The rules measure their windows in characters, so "asset  freeze" or a tab must read as
    "asset freeze". Returns the squeezed text and, when it differs, the offset in ``text`` of
    each of its characters (plus one past the end); line breaks are kept as they are.
    """
    # Substring tests run at memchr speed; the regex only runs on a text that needs it.
    if "  " not in text and "\t" not in text and "\u00a0" not in text:
        return text, None
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for match in _SPACE_RUN.finditer(text):
        pieces.append(text[last : match.start()])
        positions.extend(range(last, match.start()))
        pieces.append(" ")
        positions.append(match.start())
        last = match.end()
    pieces.append(text[last:])
    positions.extend(range(last, len(text)))
    positions.append(len(text))
    return "".join(pieces), positions


def _original_span(positions: list[int], start: int, end: int) -> tuple[int, int]:
    """A span of the squeezed text as a span of the text as given (see `_squeeze_spaces`)."""
    original = positions[start]
    return original, (positions[end - 1] + 1 if end > start else original)


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one, so its offsets are those of ``text``.

    "İ" lower-cases to two characters; such a character is kept as it is.
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)
