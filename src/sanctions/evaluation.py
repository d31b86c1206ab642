"""Score the extractor against an annotated corpus (the JSON Lines format of the corpus guide).

The unit is the distinct tuple (issuer, target, type, status class) per record, where the status
classes are {imposed, announced}, {threatened} and {lifted}; micro precision, recall and F1 are
summed over records. The same figures are also given with exact statuses, per type, and as
false alarms: records with no gold measure on which the extractor found one.

>>> record = {"id": "r1", "text": "Canada froze the assets of nine Belarusian officials.",
...           "measures": [{"issuer": "CAN", "target": "BLR", "type": "asset_freeze",
...                         "status": "imposed"}]}
>>> score([record]).f1
1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ._jsonl import BadLineError, parse_line
from .errors import SanctionsError
from .extraction import Extractor, _default
from .model import Measure
from .vocabulary import MeasureType, Status, status_class

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

Key = tuple[str | None, str | None, str, str]

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


class CorpusError(SanctionsError, ValueError):
    """A corpus file or record does not follow the annotation format."""


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


def _gold_keys(record: Mapping[str, object], where: str) -> tuple[frozenset[Key], frozenset[Key]]:
    measures = record.get("measures")
    if not isinstance(measures, list):
        raise CorpusError(f"{where}: 'measures' must be a list")
    classed: set[Key] = set()
    exact: set[Key] = set()
    for number, item in enumerate(measures, start=1):
        if not isinstance(item, Mapping):
            raise CorpusError(f"{where}: measure {number} is not an object")
        try:
            type_ = MeasureType(item["type"]).value
            status = Status(item["status"]).value
        except (KeyError, ValueError) as exc:
            raise CorpusError(f"{where}: measure {number}: bad type or status ({exc})") from exc
        issuer, target = item.get("issuer"), item.get("target")
        classed.add((_code(issuer), _code(target), type_, status_class(status)))
        exact.add((_code(issuer), _code(target), type_, status))
    return frozenset(classed), frozenset(exact)


def _code(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _predicted(measures: list[Measure]) -> tuple[frozenset[Key], frozenset[Key]]:
    classed = {(m.issuer.code, m.target.code, m.type.value, m.status_class) for m in measures}
    exact = {(m.issuer.code, m.target.code, m.type.value, m.status.value) for m in measures}
    return frozenset(classed), frozenset(exact)


def read_corpus(path: Path | str) -> Iterator[dict[str, object]]:
    """Yield the records of a corpus file; a bad line raises `CorpusError` with its number."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise CorpusError(f"{path}: cannot open corpus: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            try:
                record = parse_line(line)
            except BadLineError as exc:
                raise CorpusError(f"{path}:{number}: {exc}") from None
            if record is None:
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise CorpusError(f"{path}:{number}: a record needs a 'text' string")
            if "measures" not in record:
                raise CorpusError(
                    f"{path}:{number}: no 'measures' list: not an annotated corpus "
                    "in the format of the annotation guide"
                )
            record.setdefault("id", f"line-{number}")
            yield record


def score(records: Iterable[Mapping[str, object]], *, extractor: Extractor | None = None) -> Score:
    """Run the extractor over annotated records and compare with their gold measures.

    An exception inside the extractor is caught, recorded on the record (`Score.crashes`) and
    scored as an empty prediction, so one bad record does not hide the rest.
    """
    extractor = extractor or _default()
    results = []
    for number, record in enumerate(records, start=1):
        where = str(record.get("id", f"record {number}"))
        gold, gold_exact = _gold_keys(record, where)
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
        predicted, predicted_exact = _predicted(measures)
        results.append(
            RecordResult(
                id=where,
                text=text if isinstance(text, str) else repr(text),
                gold=gold,
                predicted=predicted,
                gold_exact=gold_exact,
                predicted_exact=predicted_exact,
                error=error,
            )
        )
    return Score(tuple(results))


def score_file(path: Path | str, *, extractor: Extractor | None = None) -> Score:
    """`score` over the records of a corpus file."""
    return score(read_corpus(path), extractor=extractor)


def type_counts(records: Iterable[Mapping[str, object]]) -> Counter[str]:
    """How many gold measures of each type a corpus holds."""
    counts: Counter[str] = Counter()
    for record in records:
        measures = record.get("measures")
        if isinstance(measures, list):
            counts.update(str(m.get("type")) for m in measures if isinstance(m, Mapping))
    return counts
