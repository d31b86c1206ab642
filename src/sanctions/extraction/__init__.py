"""Rule-based extraction of sanctions measures from news text: the stages, run in order.

The pipeline is a chain of small pure functions over frozen tables, one module per stage:

0. `normalize`: check the input; squeeze runs of spaces (with an offset map back); lower-case.
1. `sentences`: sentence and clause spans, and the dates sentences name.
2. `prefilter`: one pass over the lower-cased text finds anchor words ("sanction", "freez",
   "swift", ...) and decides which rules may fire in which sentence; a text without any
   costs little more than that pass.
3. `triggers`: the rules enabled there run; overlapping matches are settled by weight, then
   length.
4. `mentions`: actor mentions, anaphors ("the bloc") and lists ("Russia and Belarus"); what
   the words around a mention say is in `clues`.
5. `status`: cue words before and after a trigger decide imposed / announced / threatened /
   lifted, or rule it out (negation, commentary on effects, conditions).
6. `roles` and `issuers`: mentions in the sentence become targets (objects of
   "on/against/to", demonyms before banks or goods) or issuers (owners of the measure,
   subjects, by-agents, speakers), from a cascade of constructions over the trigger's
   `scope`.
7. `discourse`: what a sentence leaves out comes from the document's context, a value each
   measure updates; elliptical clauses ("Canada followed suit") repeat earlier measures.
8. `measures`: one `Measure` per distinct (issuer, target, type, status), in document order.

>>> from sanctions import extract
>>> [(m.issuer.code, m.target.code, m.type.value, m.status.value)
...  for m in extract("Canada froze the assets of nine Belarusian officials on Monday.")]
[('CAN', 'BLR', 'asset_freeze', 'imposed')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

from .._parallel import check_processes, chunked, ordered_map, worker_extractor
from ..actors import ActorTable
from ..model import Measure, Sanction
from ..rules import RuleSet
from .discourse import _causes, _Context, _ellipses
from .measures import _Found, _map_back, _measures_by_sentence, _to_measures
from .mentions import _find_mentions
from .normalize import (
    _check_length,
    _check_published,
    _check_source,
    _check_text,
    _lower,
    _squeeze_spaces,
    _unpack,
)
from .prefilter import _anaphors_possible, _Prefilter, _rules_by_sentence, _wake
from .sentences import _sentence_spans
from .triggers import _sentence_triggers

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Extractor",
    "Record",
    "extract",
    "extract_many",
    "extract_sanctions",
]

#: Texts longer than this raise `DocumentTooLargeError` unless the extractor is told otherwise.
DEFAULT_MAX_CHARS = 20_000_000

#: A record for `extract_many`: a text, or a mapping with ``text`` and optional ``published``,
#: ``source`` and ``id``.
Record = str | Mapping[str, object]


class Extractor:
    """The configurable object behind `extract`: rules, actor table and limits.

    Arguments:
        rules: the trigger rules and cues (default: the package tables).
        actors: the actor table (default: the package tables).
        extra_patterns: user pattern tables (YAML, the format of ``data/patterns.yaml``).
        extra_actors: user actor tables (YAML, the format of ``data/actors/*.yaml``).
        max_chars: texts longer than this raise `DocumentTooLargeError`.

    Usage::

        extractor = Extractor(extra_actors=[Path("my_aliases.yaml")])
        measures = extractor.extract(text, published="2022-03-22")

    """

    def __init__(
        self,
        rules: RuleSet | None = None,
        actors: ActorTable | None = None,
        *,
        extra_patterns: Iterable[Path] = (),
        extra_actors: Iterable[Path] = (),
        max_chars: int = DEFAULT_MAX_CHARS,
        compiled_scanner: bool = True,
    ) -> None:
        extra_patterns = tuple(extra_patterns)
        extra_actors = tuple(extra_actors)
        # How to build this extractor again in another process (see `__reduce__`): only an
        # extractor made from files can be, since the table objects do not pickle.
        self._recipe = (
            (extra_patterns, extra_actors, max_chars, compiled_scanner)
            if rules is None and actors is None
            else None
        )
        if rules is None:
            rules = RuleSet.load(extra_patterns=extra_patterns) if extra_patterns else _rules()
        elif extra_patterns:
            raise TypeError("pass either rules or extra_patterns, not both")
        if actors is None:
            actors = ActorTable.default()
        if extra_actors:
            actors = ActorTable.from_files(*extra_actors, base=actors)
        if not isinstance(max_chars, int) or max_chars <= 0:
            raise TypeError(f"max_chars must be a positive int, got {max_chars!r}")
        self.rules = rules
        self.actors = actors
        self.max_chars = max_chars
        # The literal strings of the rules, scanned for in one pass (see `prefilter`).
        self._prefilter = _Prefilter.build(rules, compiled_scanner)

    # -- public API ---------------------------------------------------------------------------
    def extract(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> list[Measure]:
        """Every measure ``text`` states, in document order (see `sanctions.extract`)."""
        text = _check_text(text)
        day = _check_published(published)
        _check_source(source)
        _check_length(text, self.max_chars)
        plain, offsets = _squeeze_spaces(text)
        found = self._find(plain, day)
        if offsets is not None:
            found = [_map_back(item, offsets) for item in found]
        return _to_measures(text, found, day, source)

    def extract_sanctions(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> list[Sanction]:
        """The measures of ``text`` grouped per issuer and target (see `Sanction.group`)."""
        return Sanction.group(self.extract(text, published=published, source=source))

    def extract_many(
        self, records: Iterable[Record], *, processes: int | None = 1
    ) -> Iterator[Measure]:
        """Lazily extract from many records; see `sanctions.extract_many`."""
        if isinstance(records, (str, bytes, Mapping)):
            raise TypeError(
                "extract_many takes an iterable of texts or records; "
                "for a single text use extract()"
            )
        count = check_processes(processes)
        if count == 1:
            return self._extract_records(enumerate(records))
        self.__reduce__()  # an extractor that cannot go to the workers fails here, not later
        return self._extract_in_workers(records, count)

    def __reduce__(self) -> tuple[Callable[..., Extractor], tuple[object, ...]]:
        """Pickle as the recipe the extractor was built from; loading compiles it again.

        This is how `extract_many` hands the extractor to its worker processes. An extractor
        built from ``rules=`` or ``actors=`` objects raises ``TypeError``: build it from files
        (``extra_patterns=``, ``extra_actors=``) to use it in other processes.
        """
        if self._recipe is None:
            raise TypeError(
                "an Extractor built from rules= or actors= objects cannot be sent to other "
                "processes; build it with extra_patterns= and extra_actors= files instead"
            )
        return _rebuild, self._recipe

    def _extract_records(self, numbered: Iterable[tuple[int, Record]]) -> Iterator[Measure]:
        """The measures of records numbered by their place in the input (for error messages)."""
        for number, record in numbered:
            text, published, source = _unpack(record, number)
            yield from self.extract(text, published=published, source=source)

    def _extract_in_workers(self, records: Iterable[Record], processes: int) -> Iterator[Measure]:
        for found, error in ordered_map(
            _extract_chunk, chunked(enumerate(records)), processes, self
        ):
            yield from found
            if error is not None:
                raise error

    # -- pipeline -----------------------------------------------------------------------------
    def _find(self, text: str, day: dt.date | None) -> list[_Found]:
        """The measures of a squeezed text, in document order: the stages, one after another."""
        woken = _wake(self._prefilter, self.rules, text, _lower(text))
        if woken is None:
            return []
        spans = _sentence_spans(text)
        rules_by_sentence = _rules_by_sentence(
            woken.hits, spans, self.rules, woken.words, woken.needs
        )
        if not rules_by_sentence:
            return []
        triggers = _sentence_triggers(
            text, spans, rules_by_sentence, self.rules, woken.words, woken.needs,
            self._prefilter.starts,
        )  # fmt: skip
        if not triggers:
            return []
        cues = self.rules.cues
        anaphors = _anaphors_possible(self._prefilter, text)
        mentions = _find_mentions(text, day, self.actors, cues.anaphors, anaphors)
        causes = _causes(text, mentions, cues)
        context = _Context.of(text, mentions, causes)
        results = _measures_by_sentence(text, spans, triggers, mentions, context, cues, day)
        return _ellipses(text, spans, mentions, causes, results, cues) if results else results


# -- module-level API -------------------------------------------------------------------------
def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
) -> list[Measure]:
    """Every sanctions measure that ``text`` states, in document order.

    One `Measure` per distinct (issuer, target, type, status), carrying the evidence of its
    first mention; ``evidence.text == text[evidence.start:evidence.end]`` always holds.
    ``published`` (a date or ISO string) anchors weekday and month references and dated leader
    names ("Kishida" in 2022); ``source`` is copied onto every measure.

    Raises ``TypeError`` for a text that is not a str (decode bytes first) and
    `DocumentTooLargeError` past the extractor's ``max_chars``. An empty text gives ``[]``.

    >>> [m.type.value for m in extract("Britain banned imports of Russian vodka.")]
    ['import_ban']
    """
    return _default().extract(text, published=published, source=source)


def extract_sanctions(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
) -> list[Sanction]:
    """The measures of ``text`` grouped into one `Sanction` per issuer and target."""
    return _default().extract_sanctions(text, published=published, source=source)


def extract_many(
    records: Iterable[Record],
    *,
    extractor: Extractor | None = None,
    processes: int | None = 1,
) -> Iterator[Measure]:
    """Lazily extract measures from an iterable of texts or records.

    A record is a str, or a mapping with ``text`` and optional ``published``, ``source`` and
    ``id`` (``source`` defaults to ``id``). Records are read one at a time, so a generator over
    a huge file never sits in memory whole. A record that is not a str or a mapping with a str
    ``text`` raises ``TypeError`` naming its position.

    ``processes`` spreads the work over that many worker processes (None: one per usable
    core); the measures come out in the same order as with one. Records are sent to the
    workers in chunks of 32, at most two chunks per worker ahead of the reader, so memory
    stays flat; a chunk that cannot be pickled (a record holding a lambda or a generator) is
    extracted in the calling process instead, with the same results and errors. Workers are
    started with ``spawn``, so a script using them keeps its top-level code under
    ``if __name__ == "__main__":``. An ``extractor`` is sent to each worker once, as the files
    it was built from (see `Extractor.__reduce__`).
    """
    return (extractor or _default()).extract_many(records, processes=processes)


# -- the shared extractor, and worker processes (see `sanctions._parallel`) ----------------
@cache
def _rules() -> RuleSet:
    return RuleSet.load()


@cache
def _default() -> Extractor:
    return Extractor()


def _rebuild(
    extra_patterns: tuple[Path, ...],
    extra_actors: tuple[Path, ...],
    max_chars: int,
    compiled_scanner: bool,
) -> Extractor:
    """An extractor from its recipe (see `Extractor.__reduce__`).

    A new object each time, so that a copy is never the shared default; the compiled tables
    behind it are cached per process, so only the first one in a process costs time.
    """
    return Extractor(
        extra_patterns=extra_patterns,
        extra_actors=extra_actors,
        max_chars=max_chars,
        compiled_scanner=compiled_scanner,
    )


def _extract_chunk(
    chunk: list[tuple[int, Record]],
) -> tuple[list[Measure], Exception | None]:
    """In a worker process: the measures of numbered records, up to the first that fails."""
    found: list[Measure] = []
    try:
        for measure in worker_extractor()._extract_records(chunk):
            found.append(measure)
    except Exception as exc:  # raised again by the parent, in its place in the order
        return found, exc
    return found, None
