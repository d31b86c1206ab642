"""Score the extractor against an annotated corpus (the JSON Lines format of the corpus guide).

The unit is the distinct tuple (issuer, target, type, status class) per record, where the status
classes are {imposed, announced}, {threatened} and {lifted}; micro precision, recall and F1 are
summed over records. The same figures are also given with exact statuses, per type, and as
false alarms: records with no gold measure on which the extractor found one. Target kind
accuracy is counted over the gold tuples the extractor matched (`Score.target_kinds`).

>>> record = {"id": "r1", "text": "Canada froze the assets of nine Belarusian officials.",
...           "measures": [{"issuer": "CAN", "target": "BLR", "type": "asset_freeze",
...                         "status": "imposed"}]}
>>> score([record]).f1
1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ._corpus import CorpusError, Key, gold_keys, read_corpus
from .extraction import Extractor, _default
from .model import Measure
from .vocabulary import MeasureType

__all__ = [
    "ERROR_KINDS",
    "PRF",
    "CorpusError",
    "RecordResult",
    "Score",
    "error_kinds",
    "pool",
    "read_corpus",
    "score",
    "score_file",
]

#: The kinds of error, in the order a missed tuple is paired with an extra one of the same
#: record: the first kind whose test the pair passes names both. What stays unpaired is
#: ``missed`` (gold, no prediction near it) or ``spurious`` (predicted, no gold near it).
ERROR_KINDS = (
    "roles swapped",
    "wrong status",
    "wrong issuer",
    "wrong target",
    "wrong type",
    "missed",
    "spurious",
)


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives, with the ratios they give."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn); 1.0 when nothing was to be found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class RecordResult:
    """What the extractor found on one record, against the gold tuples."""

    id: str
    text: str
    gold: frozenset[Key]
    predicted: frozenset[Key]
    gold_exact: frozenset[Key]
    predicted_exact: frozenset[Key]
    error: str | None = None
    #: For each gold tuple, the target kinds its gold measures give (where they give one).
    gold_kinds: Mapping[Key, frozenset[str]] = field(default_factory=dict, compare=False)
    #: For each predicted tuple, the target kind of the first measure extracted with it.
    predicted_kinds: Mapping[Key, str] = field(default_factory=dict, compare=False)

    @property
    def missed(self) -> frozenset[Key]:
        """Gold tuples the extractor did not find."""
        return self.gold - self.predicted

    @property
    def extra(self) -> frozenset[Key]:
        """Tuples the extractor found that are not gold."""
        return self.predicted - self.gold

    @property
    def errors(self) -> list[tuple[str, Key | None, Key | None]]:
        """Each error as (kind, gold tuple or None, predicted tuple or None); see `error_kinds`."""
        return error_kinds(self.missed, self.extra)


def _kind(gold: Key, found: Key) -> str | None:
    """The error kind that turns ``gold`` into ``found``, if they differ in one way only."""
    g_issuer, g_target, g_type, g_status = gold
    f_issuer, f_target, f_type, f_status = found
    if (f_issuer, f_target) == (g_target, g_issuer) and (f_type, f_status) == (g_type, g_status):
        return "roles swapped"
    same = [g_issuer == f_issuer, g_target == f_target, g_type == f_type, g_status == f_status]
    if sum(same) != 3:
        return None
    return ("wrong issuer", "wrong target", "wrong type", "wrong status")[same.index(False)]


def error_kinds(
    missed: Iterable[Key], extra: Iterable[Key]
) -> list[tuple[str, Key | None, Key | None]]:
    """Pair missed gold tuples with extra predicted ones of the same record, by kind.

    A pair differs in one field only (or has issuer and target swapped) and counts once, as
    the kind that names the difference; kinds are tried in the order of `ERROR_KINDS`, and
    tuples in sorted order, so the result does not depend on set order.

    >>> [kind for kind, _, _ in error_kinds([("CAN", "BLR", "asset_freeze", "active")],
    ...                                     [("BLR", "CAN", "asset_freeze", "active")])]
    ['roles swapped']
    """
    left = sorted(missed, key=str)
    right = sorted(extra, key=str)
    paired: list[tuple[str, Key | None, Key | None]] = []
    for kind in ERROR_KINDS[:5]:
        for gold in list(left):
            found = next((f for f in right if _kind(gold, f) == kind), None)
            if found is not None:
                paired.append((kind, gold, found))
                left.remove(gold)
                right.remove(found)
    paired += [("missed", gold, None) for gold in left]
    paired += [("spurious", None, found) for found in right]
    return paired


@dataclass(frozen=True)
class Score:
    """Corpus-level figures; `report` formats them for people."""

    records: tuple[RecordResult, ...] = field(repr=False)

    def _prf(self, gold: str, predicted: str) -> PRF:
        tp = fp = fn = 0
        for record in self.records:
            g, p = getattr(record, gold), getattr(record, predicted)
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
        return PRF(tp, fp, fn)

    @property
    def tuples(self) -> PRF:
        """Micro figures over (issuer, target, type, status class)."""
        return self._prf("gold", "predicted")

    @property
    def exact(self) -> PRF:
        """Micro figures over (issuer, target, type, exact status)."""
        return self._prf("gold_exact", "predicted_exact")

    @property
    def f1(self) -> float:
        """Tuple F1 (status classes): the headline figure."""
        return self.tuples.f1

    @property
    def per_type(self) -> dict[str, PRF]:
        """Tuple figures for each measure type that occurs in gold or predictions."""
        counts: dict[str, list[int]] = {}
        for record in self.records:
            for key in record.gold | record.predicted:
                row = counts.setdefault(key[2], [0, 0, 0])
                if key in record.gold and key in record.predicted:
                    row[0] += 1
                elif key in record.predicted:
                    row[1] += 1
                else:
                    row[2] += 1
        order = [t.value for t in MeasureType]
        return {t: PRF(*counts[t]) for t in order if t in counts}

    @property
    def target_kinds(self) -> tuple[int, int]:
        """(agreeing, compared): matched gold tuples with a gold kind, and how many agree.

        A matched tuple agrees when the target kind of the extracted measure is one that gold
        gives that tuple; tuples gold gives no kind are not compared.
        """
        agreeing = compared = 0
        for record in self.records:
            for key in record.gold & record.predicted:
                kinds = record.gold_kinds.get(key)
                if kinds:
                    compared += 1
                    agreeing += record.predicted_kinds.get(key) in kinds
        return agreeing, compared

    @property
    def negatives(self) -> int:
        """Records with no gold measure."""
        return sum(1 for r in self.records if not r.gold)

    @property
    def false_alarms(self) -> int:
        """Negative records on which the extractor found a measure."""
        return sum(1 for r in self.records if not r.gold and r.predicted)

    @property
    def error_counts(self) -> dict[str, int]:
        """How many errors of each kind of `ERROR_KINDS` (every kind present, zero or not)."""
        counts = Counter(kind for record in self.records for kind, _, _ in record.errors)
        return {kind: counts[kind] for kind in ERROR_KINDS}

    @property
    def crashes(self) -> list[RecordResult]:
        """Records on which the extractor raised (scored as empty predictions)."""
        return [r for r in self.records if r.error is not None]

    def report(self, errors: int = 0) -> str:
        """A plain-text report; with ``errors`` > 0, that many records with misses or extras."""
        lines = []
        if errors > 0:
            shown = 0
            for record in self.records:
                if shown >= errors:
                    break
                if not (record.missed or record.extra or record.error):
                    continue
                shown += 1
                lines.append(f"== {record.id}")
                lines.append(record.text)
                if record.error:
                    lines.append(f"  CRASH {record.error}")
                for kind, gold, found in record.errors:
                    shown_pair = " / ".join(
                        f"{label} {_fmt(key)}"
                        for label, key in (("gold", gold), ("found", found))
                        if key is not None
                    )
                    lines.append(f"  {kind.upper():<14} {shown_pair}")
                lines.append("")
        lines.append("per type (tuple P / R / F1, tp fp fn):")
        for name, prf in self.per_type.items():
            lines.append(
                f"  {name:<22} {prf.precision:5.2f} {prf.recall:5.2f} {prf.f1:5.2f}"
                f"   {prf.tp:3d} {prf.fp:3d} {prf.fn:3d}"
            )
        t, e = self.tuples, self.exact
        kinds = ", ".join(f"{kind} {n}" for kind, n in self.error_counts.items())
        lines.append(f"errors by kind: {kinds}")
        lines.append(f"records: {len(self.records)}  crashes: {len(self.crashes)}")
        lines.append(f"exact status: P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}")
        lines.append(
            f"false alarms: {self.false_alarms} of {self.negatives} negative records"
            + (f" ({self.false_alarms / self.negatives:.1%})" if self.negatives else "")
        )
        agreeing, compared = self.target_kinds
        lines.append(
            f"target kind: {agreeing} of {compared} matched measures"
            + (f" ({agreeing / compared:.1%})" if compared else "")
        )
        lines.append(
            f"tuple (status class): P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}"
            f"  (tp {t.tp}, fp {t.fp}, fn {t.fn})"
        )
        return "\n".join(lines)


def pool(scores: Iterable[Score]) -> Score:
    """One `Score` over the records of several (the pooled, micro-averaged figures)."""
    return Score(tuple(record for one in scores for record in one.records))


def _fmt(key: Key) -> str:
    issuer, target, type_, status = key
    return f"{issuer} -> {target}  {type_}  {status}"


def _predicted(
    measures: list[Measure],
) -> tuple[frozenset[Key], frozenset[Key], dict[Key, str]]:
    kinds: dict[Key, str] = {}
    for m in measures:
        kinds.setdefault(
            (m.issuer.code, m.target.code, m.type.value, m.status_class), m.target.kind
        )
    exact = {(m.issuer.code, m.target.code, m.type.value, m.status.value) for m in measures}
    return frozenset(kinds), frozenset(exact), kinds


def score(records: Iterable[Mapping[str, object]], *, extractor: Extractor | None = None) -> Score:
    """Run the extractor over annotated records and compare with their gold measures.

    An exception inside the extractor is caught, recorded on the record (`Score.crashes`) and
    scored as an empty prediction, so one bad record does not hide the rest.
    """
    extractor = extractor or _default()
    results = []
    for number, record in enumerate(records, start=1):
        where = str(record.get("id", f"record {number}"))
        gold, gold_exact, gold_kinds = gold_keys(record, where)
        text = record.get("text")
        error = None
        try:
            if not isinstance(text, str):
                raise TypeError(f"text must be a str, not {type(text).__name__}")
            published = record.get("published")
            measures = extractor.extract(
                text, published=published if isinstance(published, str) else None
            )
        except Exception as exc:
            measures, error = [], f"{type(exc).__name__}: {exc}"
        predicted, predicted_exact, predicted_kinds = _predicted(measures)
        results.append(
            RecordResult(
                id=where,
                text=text if isinstance(text, str) else repr(text),
                gold=gold,
                predicted=predicted,
                gold_exact=gold_exact,
                predicted_exact=predicted_exact,
                error=error,
                gold_kinds=gold_kinds,
                predicted_kinds=predicted_kinds,
            )
        )
    return Score(tuple(results))


def score_file(path: Path | str, *, extractor: Extractor | None = None) -> Score:
    """`score` over the records of a corpus file."""
    return score(read_corpus(path), extractor=extractor)
