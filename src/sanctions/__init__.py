"""Extract typed, dated, sourced records of sanctions measures from news text.

>>> import sanctions
>>> sanctions.MeasureType.ASSET_FREEZE.value
'asset_freeze'

Only the names in ``__all__`` are promised; modules with a leading underscore are private.
``sanctions.strategies`` (hypothesis) is not imported here, so hypothesis stays optional.
"""

from __future__ import annotations

from . import vocabulary
from .codes import ActorKind
from .errors import (
    DocumentTooLargeError,
    LedgerError,
    SanctionsError,
    UnknownActorError,
    VocabularyError,
)
from .extract import Extractor, extract, extract_many, extract_sanctions
from .model import ActorCode, Evidence, Issuer, Measure, MeasureRef, Sanction, Target
from .vocabulary import MeasureType, Status, TargetKind

__version__ = "0.1.0"

__all__ = [
    "ActorCode",
    "ActorKind",
    "DocumentTooLargeError",
    "Evidence",
    "Extractor",
    "Issuer",
    "LedgerError",
    "Measure",
    "MeasureRef",
    "MeasureType",
    "Sanction",
    "SanctionsError",
    "Status",
    "Target",
    "TargetKind",
    "UnknownActorError",
    "VocabularyError",
    "__version__",
    "extract",
    "extract_many",
    "extract_sanctions",
    "vocabulary",
]
