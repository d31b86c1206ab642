"""Exceptions raised by `sanctions`.

Every error the library raises on purpose derives from `SanctionsError`, so a caller can catch
them all at once. pydantic's ``ValidationError`` passes through unchanged where a model is built
from bad values; wrong argument types raise the builtin ``TypeError``.
"""

from __future__ import annotations

__all__ = [
    "DocumentTooLargeError",
    "LedgerError",
    "SanctionsError",
    "UnknownActorError",
    "VocabularyError",
]


class SanctionsError(Exception):
    """Base class of every error raised by `sanctions`."""


class VocabularyError(SanctionsError):
    """A vocabulary, actor or pattern table is malformed; raised when the table is loaded."""


class UnknownActorError(SanctionsError, LookupError):
    """A name or code does not resolve to a known state or bloc."""


class DocumentTooLargeError(SanctionsError, ValueError):
    """A text is longer than the extractor's configured ``max_chars``."""


class LedgerError(SanctionsError):
    """A tracker ledger file cannot be read or written (damaged, truncated, newer schema)."""
