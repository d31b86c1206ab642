"""Extract typed, dated, sourced records of sanctions measures from news text.

>>> import sanctions
>>> [(m.issuer.code, m.target.code, m.type.value, m.status.value)
...  for m in sanctions.extract("Canada froze the assets of nine Belarusian officials.")]
[('CAN', 'BLR', 'asset_freeze', 'imposed')]

Only the names in ``__all__`` are promised; modules with a leading underscore are private.
``sanctions.strategies`` (hypothesis) and ``sanctions.plot`` (matplotlib) are not imported
here, so those stay optional.
"""

from __future__ import annotations

from . import actors, vocabulary
from .actors import ActorTable, AliasKind, Mention
from .codes import ActorKind
from .errors import (
    DocumentTooLargeError,
    LedgerError,
    SanctionsError,
    UnknownActorError,
    VocabularyError,
)
from .extraction import Extractor, extract, extract_many, extract_sanctions
from .frames import by_country, dyads, from_frame, gsdb_panel, timeline, to_frame
from .model import ActorCode, Evidence, Issuer, Measure, MeasureRef, Sanction, Target
from .tracker import Event, TrackedMeasure, Tracker
from .vocabulary import MeasureType, Status, TargetKind

__version__ = "0.1.0"

__all__ = [
    "ActorCode",
    "ActorKind",
    "ActorTable",
    "AliasKind",
    "DocumentTooLargeError",
    "Event",
    "Evidence",
    "Extractor",
    "Issuer",
    "LedgerError",
    "Measure",
    "MeasureRef",
    "MeasureType",
    "Mention",
    "Sanction",
    "SanctionsError",
    "Status",
    "Target",
    "TargetKind",
    "TrackedMeasure",
    "Tracker",
    "UnknownActorError",
    "VocabularyError",
    "__version__",
    "actors",
    "by_country",
    "dyads",
    "extract",
    "extract_many",
    "extract_sanctions",
    "from_frame",
    "gsdb_panel",
    "timeline",
    "to_frame",
    "vocabulary",
]
