"""Actor resolution: names, demonyms, capitals, seats, agencies, blocs and leaders to actor codes.

News rarely names a state by its ISO name. It writes "Tokyo", "the Kremlin", "OFAC", "Brussels",
"Kishida" or "Russian", and the annotation guide resolves each of these metonyms to an actor
code. The aliases are rows in ``sanctions/data/actors/*.yaml``; this module validates them, indexes
them once and offers two operations over the frozen result:

* `get` / `resolve` look up one whole name, forgivingly (any case, optional "the", possessive);
* `find` scans a text once and returns every alias mention, case-sensitively, leftmost-longest.

Aliases can be dated. A leader's surname resolves while the leader is in office (plus a grace),
and any row can carry a validity period (``since``, ``until``) during which its names stand for
its code: "Moscow" is the Soviet Union (``SUN``) until 1991 and Russia otherwise.

>>> resolve("the Kremlin"), get("Tokyo's"), get("Kishida", on=datetime.date(2022, 3, 22))
('RUS', 'JPN', 'JPN')
>>> get("Moscow", on=datetime.date(1987, 4, 17)), get("Moscow", on=datetime.date(2022, 3, 1))
('SUN', 'RUS')
>>> [(m.text, m.code, m.kind.value) for m in find("Tokyo followed the EU and the U.S.")]
[('Tokyo', 'JPN', 'capital'), ('the EU', 'EU', 'bloc'), ('the U.S.', 'USA', 'name')]

The tables load on first use, so ``import sanctions`` stays fast.

This module is the public surface; the pieces live in private modules, one job each:
`sanctions._actor_rows` (the row models, their validation and dated validity periods) and
`sanctions._actor_table` (`ActorTable`: the index, lookup, matching, and loading the package
tables).
"""

from __future__ import annotations

import datetime

from ._actor_rows import GRACE_DAYS, AliasKind, AliasRow, Role
from ._actor_table import ActorTable, Mention, _default_table

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

# Defined in private modules, documented and pickled as `sanctions.actors` names: doctests of
# this module run their examples, and reprs and pickles name the module users import.
for _public in (ActorTable, AliasKind, AliasRow, Mention, Role):
    _public.__module__ = __name__
del _public


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
