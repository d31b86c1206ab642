"""Small shims for the Python versions the package supports (3.10 and later)."""

from __future__ import annotations

import enum

__all__ = ["StrEnum"]


class StrEnum(str, enum.Enum):
    """A str enum whose ``str()`` is its value, as ``enum.StrEnum`` of Python 3.11."""

    def __str__(self) -> str:
        return str(self.value)
