"""The ``sanctions`` command's inputs: reading documents, extracting them, reporting progress.

Every FILE is read lazily, as `sanctions.cli` describes, into documents that know where they
came from ("file" or "file:line"); a file or line that cannot be read is reported on stderr
and skipped. `_extracted` runs the extraction, in worker processes with ``-j N``, and gives
the measures and the messages in the order of the input; `_Run` counts the errors and shows
a progress counter on a terminal.
"""

from __future__ import annotations

import io
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple, cast

from ._jsonl import BadLineError, parse_line
from .errors import SanctionsError

if TYPE_CHECKING:
    from .extraction import Extractor
    from .model import Measure

PROG = "sanctions"
STDIN = "-"


class _Document(NamedTuple):
    """A record to extract from, and where it came from ("file" or "file:line")."""

    where: str
    record: dict[str, object]


class _Run:
    """Per-run state: error count, and a progress counter on stderr when it is a terminal."""

    def __init__(self, stderr: IO[str]) -> None:
        self.stderr = stderr
        self.errors = 0
        self.documents = 0
        self.measures = 0
        self._live = stderr.isatty()
        self._shown = 0.0

    def error(self, message: str) -> None:
        self._clear()
        print(f"{PROG}: {message}", file=self.stderr)
        self.errors += 1

    def done(self, measures: int) -> None:
        self.documents += 1
        self.measures += measures
        now = time.monotonic()
        if self._live and now - self._shown > 0.1:
            self._shown = now
            self.stderr.write(f"\r{self.documents} documents, {self.measures} measures")
            self.stderr.flush()

    def _clear(self) -> None:
        if self._live and self._shown:
            self.stderr.write("\r\033[K")
            self._shown = 0.0

    def close(self) -> None:
        if self._live and self._shown:
            self.stderr.write(f"\r{self.documents} documents, {self.measures} measures\n")
            self.stderr.flush()

    @property
    def status(self) -> int:
        return 1 if self.errors else 0


# --- reading documents ------------------------------------------------------------------------


def _records(lines: Iterable[bytes], name: str, run: _Run, first: int = 1) -> Iterator[_Document]:
    """JSON Lines records, one line at a time; bad lines are reported and skipped."""
    for number, raw in enumerate(lines, start=first):
        where = f"{name}:{number}"
        try:
            record = parse_line(raw)
        except BadLineError as exc:
            run.error(f"{where}: {exc}")
            continue
        if record is None:
            continue
        if not isinstance(record, dict):
            run.error(f"{where}: expected a JSON object, got {type(record).__name__}")
            continue
        yield _Document(where, record)


def _text(data: bytes, name: str, run: _Run) -> Iterator[_Document]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        run.error(f"{name}: not UTF-8 (byte {exc.start})")
        return
    yield _Document(name, {"text": text.lstrip("\ufeff"), "source": name})


def _stdin(stream: IO[bytes], run: _Run) -> Iterator[_Document]:
    """JSON Lines if the first non-blank line is a JSON object, else one text."""
    name = "<stdin>"
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.strip():
            break
    if head and head[-1].lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
        yield from _records(_chain(head, stream), name, run)
    else:
        yield from _text(b"".join(head) + stream.read(), name, run)


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def _documents(paths: Sequence[str], run: _Run) -> Iterator[_Document]:
    """Every document of every input, lazily; unreadable inputs are reported and skipped."""
    for name in paths:
        if name == STDIN:
            yield from _stdin(_binary(sys.stdin), run)
            continue
        path = Path(name)
        try:
            if path.suffix == ".jsonl":
                with path.open("rb") as file:
                    yield from _records(file, name, run)
            else:
                data = path.read_bytes()
                yield from _text(data, name, run)
        except OSError as exc:
            run.error(f"{name}: cannot read: {exc.strerror or exc}")


def _extracted(paths: Sequence[str], run: _Run, jobs: int = 1) -> Iterator[Measure]:
    """The measures of every document, as they are extracted, in the order of the input.

    With ``jobs`` > 1 the documents are extracted in that many worker processes. The measures
    and the messages on stderr come out as with one process, in the same order: a line that
    cannot be read is reported once the documents before it are done.
    """
    from .extraction import _default

    if jobs == 1:
        extractor = _default()
        for document in _documents(paths, run):
            yield from _report(document.where, _extract_document(document.record, extractor), run)
        return
    from ._parallel import chunked, ordered_map

    reading = _Deferred(run.stderr)
    # For each chunk sent out: each document's place, with the read errors just before it.
    places: deque[list[tuple[list[str], str]]] = deque()
    trailing: list[str] = []

    def placed() -> Iterator[tuple[list[str], _Document]]:
        for document in _documents(paths, reading):
            yield reading.take(), document
        trailing.extend(reading.take())

    def chunks() -> Iterator[list[dict[str, object]]]:
        for chunk in chunked(placed()):
            places.append([(errors, document.where) for errors, document in chunk])
            yield [document.record for _, document in chunk]

    for results in ordered_map(_extract_documents, chunks(), jobs, _default()):
        for (errors, place), result in zip(places.popleft(), results, strict=True):
            for message in errors:
                run.error(message)
            yield from _report(place, result, run)
    for message in trailing:
        run.error(message)


class _Deferred(_Run):
    """A `_Run` that keeps its error messages for the caller to report later, in order."""

    def __init__(self, stderr: IO[str]) -> None:
        super().__init__(stderr)
        self._held: list[str] = []

    def error(self, message: str) -> None:
        self._held.append(message)

    def take(self) -> list[str]:
        """The messages held since the last call."""
        held, self._held = self._held, []
        return held


def _extract_document(record: dict[str, object], extractor: Extractor) -> list[Measure] | str:
    """The measures of one record, or why it could not be extracted.

    Any exception is turned into a message, so one record never stops the run (nor, in a
    worker process, loses the measures of the other records of its chunk): a bad record's
    own error as it is, anything else as an internal error to report.
    """
    try:
        return list(extractor.extract_many([record]))
    except (SanctionsError, TypeError, ValueError) as exc:
        return _message(exc)
    except Exception as exc:  # a bug: say so, and go on with the next record
        return f"internal error: {type(exc).__name__}: {exc} (please report it)"


def _extract_documents(records: list[dict[str, object]]) -> list[list[Measure] | str]:
    """In a worker process (see `sanctions._parallel`): `_extract_document` of each record."""
    from ._parallel import worker_extractor

    extractor = worker_extractor()
    return [_extract_document(record, extractor) for record in records]


def _report(where: str, result: list[Measure] | str, run: _Run) -> list[Measure]:
    if isinstance(result, str):
        run.error(f"{where}: {result}")
        return []
    run.done(len(result))
    return result


def _message(exc: BaseException) -> str:
    return str(exc).removeprefix("record 0: ") or type(exc).__name__


def _binary(stream: IO[str]) -> IO[bytes]:
    """The bytes under a text stream (its buffer; re-encoded if it has none, as in tests)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return cast("IO[bytes]", buffer)
    return io.BytesIO(stream.read().encode("utf-8"))
