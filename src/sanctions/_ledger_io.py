"""The ledger's files: formats, headers, loading, and saving atomically under a lock.

A ledger is JSON Lines (a header line, then one tracked measure per line) or Parquet (every
report with its key, the header in the table's metadata). It is written to a temporary file
in its directory and renamed over the old one, under a file lock, and temporaries that killed
saves left behind are removed. `sanctions.tracker.Tracker.save`, `~Tracker.update` and
`~Tracker.load` are the public way in.
"""

from __future__ import annotations

import datetime as dt
import errno
import importlib
import io
import json
import math
import os
import re
import tempfile
import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING

from filelock import FileLock, Timeout
from pydantic import ValidationError

from ._jsonl import BadLineError, parse_line
from ._tracked import TrackedMeasure
from .errors import LedgerError
from .model import Measure

if TYPE_CHECKING:
    from .extraction import Extractor
    from .tracker import Tracker

#: Version of the ledger file layout; `Tracker.load` refuses files with a newer one.
SCHEMA_VERSION = 1
#: The ``format`` field of a JSON Lines ledger header.
LEDGER_FORMAT = "sanctions.ledger"
#: How long to wait for another process's save before giving up, in seconds.
LOCK_TIMEOUT = 60.0
_PARQUET_KEY = "key"
_PARQUET_ATTR = "sanctions.ledger"


def _ledger_header(records: int, window: dt.timedelta) -> dict[str, object]:
    """The header of a ledger of ``records`` tracked measures and this ``window``."""
    return {
        "format": LEDGER_FORMAT,
        "schema": SCHEMA_VERSION,
        "records": records,
        # Exact: a float of seconds loses microseconds and rounds timedelta.max past it.
        "window": {
            "days": window.days,
            "seconds": window.seconds,
            "microseconds": window.microseconds,
        },
        # For versions before "window" was written; ignored where "window" is there.
        "window_seconds": window.total_seconds(),
    }


def _dump_jsonl(
    file: IO[bytes], header: dict[str, object], records: Collection[TrackedMeasure]
) -> None:
    """Write a JSON Lines ledger: the header line, then one tracked measure per line."""
    file.write(json.dumps(header).encode() + b"\n")
    for record in records:
        file.write(record.model_dump_json().encode() + b"\n")


def _dump_parquet(
    file: IO[bytes], header: dict[str, object], records: Collection[TrackedMeasure]
) -> None:
    """Write a Parquet ledger: every report with its key, the header in the metadata."""
    from .frames import to_frame

    reports = [r for record in records for r in record.reports]
    keys = [record.key for record in records for _ in record.reports]
    frame = to_frame(reports)
    frame.insert(0, _PARQUET_KEY, keys)
    frame.attrs[_PARQUET_ATTR] = header
    frame.to_parquet(file, index=False)


def _from_header(
    cls: type[Tracker], header: object, where: str, extractor: Extractor | None
) -> tuple[Tracker, int]:
    if not isinstance(header, dict) or header.get("format") != LEDGER_FORMAT:
        raise LedgerError(f"{where}: not a sanctions ledger (no {LEDGER_FORMAT} header)")
    schema = header.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise LedgerError(f"{where}: bad schema version {schema!r}")
    if schema > SCHEMA_VERSION:
        raise LedgerError(
            f"{where}: ledger schema version {schema} is newer than this version of "
            f"sanctions supports ({SCHEMA_VERSION}); upgrade sanctions to read it"
        )
    records = header.get("records")
    bad = LedgerError(f"{where}: bad header {repr(header)[:200]}")
    if not isinstance(records, int) or isinstance(records, bool) or records < 0:
        raise bad
    window = _header_window(header)
    if window is None:
        raise bad
    return cls(extractor=extractor, window=window), records


def _load_jsonl(cls: type[Tracker], path: Path, extractor: Extractor | None) -> Tracker:
    tracker: Tracker | None = None
    expected = 0
    number = 0
    with path.open("rb") as file:
        for number, raw in enumerate(file, start=1):
            where = f"{path}:{number}"
            if tracker is None:
                try:
                    header = parse_line(raw)
                except BadLineError as exc:
                    raise LedgerError(f"{where}: not a ledger header: {exc}") from None
                tracker, expected = _from_header(cls, header, where, extractor)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LedgerError(f"{where}: not UTF-8: {exc}") from exc
            if not line.strip():
                continue
            try:
                record = TrackedMeasure.model_validate_json(line)
                tracker._put(record)
            except ValidationError as exc:
                problem = exc.errors(include_url=False)[0]
                place = ".".join(str(p) for p in problem["loc"])
                raise LedgerError(
                    f"{where}: invalid tracked measure: {place}: {problem['msg']}"
                ) from exc
            except ValueError as exc:
                raise LedgerError(f"{where}: {exc}") from exc
    if tracker is None:
        raise LedgerError(f"{path}:1: empty file, not a sanctions ledger")
    if len(tracker) != expected:
        raise LedgerError(
            f"{path}:{number}: the header promises {expected} tracked measures but the "
            f"file holds {len(tracker)} (truncated?)"
        )
    return tracker


def _load_parquet(cls: type[Tracker], path: Path, extractor: Extractor | None) -> Tracker:
    _require_pyarrow()
    import pandas as pd

    from .frames import from_frame

    data = path.read_bytes()
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises its own error types for damaged files
        raise LedgerError(f"{path}: not a readable Parquet file: {exc}") from exc
    tracker, expected = _from_header(cls, frame.attrs.get(_PARQUET_ATTR), str(path), extractor)
    if _PARQUET_KEY not in frame.columns:
        raise LedgerError(f"{path}: no {_PARQUET_KEY!r} column")
    try:
        keys = frame[_PARQUET_KEY].astype(object).tolist()
        reports = from_frame(frame)
    except Exception as exc:  # pyarrow and pandas raise their own errors for bad values
        raise LedgerError(f"{path}: invalid report: {type(exc).__name__}: {exc}") from exc
    grouped: dict[str, list[Measure]] = {}
    for row, (key, report) in enumerate(zip(keys, reports, strict=True), start=1):
        if not isinstance(key, str):
            raise LedgerError(f"{path}: row {row}: bad key {key!r}")
        grouped.setdefault(key, []).append(report)
    for key, members in grouped.items():
        try:
            tracker._put(TrackedMeasure.of(members, key))
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            raise LedgerError(f"{path}: tracked measure {key!r}: {exc}") from exc
    if len(tracker) != expected:
        raise LedgerError(
            f"{path}: the header promises {expected} tracked measures but the file "
            f"holds {len(tracker)}"
        )
    return tracker


_WINDOW_FIELDS = {"days": 999_999_999, "seconds": 86_399, "microseconds": 999_999}


def _header_window(header: dict[str, object]) -> dt.timedelta | None:
    """The window a ledger header states, or None if it states none that is valid.

    ``window`` holds it exactly (days, seconds, microseconds, as a timedelta normalises
    them); ledgers of earlier versions have only ``window_seconds``, a float.
    """
    if "window" in header:
        fields = header["window"]
        if not isinstance(fields, dict) or fields.keys() != _WINDOW_FIELDS.keys():
            return None
        for name, top in _WINDOW_FIELDS.items():
            value = fields[name]
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
                return None
        return dt.timedelta(**fields)
    seconds = header.get("window_seconds")
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool):
        return None
    largest = dt.timedelta.max.total_seconds()  # rounded up past timedelta.max
    if not (math.isfinite(seconds) and 0 <= seconds <= largest):
        return None
    if seconds == largest:  # timedelta.max, as earlier versions wrote it
        return dt.timedelta.max
    return dt.timedelta(seconds=seconds)


def _require_pyarrow() -> None:
    try:
        importlib.import_module("pyarrow")
    except ImportError as exc:
        raise ImportError(
            "Parquet files need pyarrow, an optional dependency: pip install 'sanctions[parquet]'"
        ) from exc


def _resolved(path: str | os.PathLike[str]) -> Path:
    """``path`` with its symlinks followed, so a ledger is written and locked where it is."""
    return Path(path).resolve()


_locks: dict[tuple[int, Path], FileLock] = {}
_locks_guard = threading.Lock()


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the ledger's lock (``path + ".lock"``); again in the same thread holds it already.

    One `FileLock` per ledger per process: it counts nested acquisitions in each thread, so a
    `Tracker.save` inside `Tracker.update` does not wait for itself, while other threads and
    processes wait their turn. Keyed by process id too: a forked child must not inherit a
    lock its parent held as its own.
    """
    if not path.parent.is_dir():  # filelock would create it; a typo should not
        raise FileNotFoundError(errno.ENOENT, "no such directory", str(path.parent))
    with _locks_guard:
        key = (os.getpid(), path)
        lock = _locks.get(key)
        if lock is None:
            lock = _locks[key] = FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LedgerError(f"{path}: another process holds {lock.lock_file}") from exc
    try:
        yield
    finally:
        lock.release()


def _remove_stale_temporaries(path: Path) -> None:
    """Remove the temporaries earlier saves of ``path`` left behind; call under its lock.

    Every save of the ledger holds its lock, so under the lock a temporary of this ledger
    (``.NAME.XXXXXXXX.tmp``, as `tempfile.mkstemp` names it) belongs to a save that died.
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    with suppress(OSError):
        for entry in os.scandir(path.parent):
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with suppress(FileNotFoundError):
                    os.unlink(entry.path)


def _atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through a temporary file in its directory; call under its lock."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
