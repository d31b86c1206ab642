"""Extraction spread over worker processes: every core of one machine, results in input order.

`ordered_map` sends chunks of records to a pool of worker processes and yields each chunk's
result in the order the chunks were read. At most two chunks per worker are in flight, so a
huge input is read no faster than the workers take it, and memory stays flat. Each worker
receives the extractor once, when it starts (an `Extractor` pickles as the recipe it was built
from and is compiled again in the worker), not once per chunk.

Workers are started with the ``spawn`` method on every platform: it does not copy the parent's
threads and locks, as ``fork`` does. The usual rule of `multiprocessing` follows: a script
that extracts with several processes keeps its top-level code under
``if __name__ == "__main__":``.

A chunk that cannot be pickled (a record that is a lambda or a generator, or a mapping that
holds one) is run in the parent process instead, by the same function, so the results and the
errors are those of one process, naming the record. Each worker watches its parent and exits
when the parent is gone, so a parent killed with ``kill -9`` leaves no worker behind.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .extraction import Extractor

__all__ = ["check_processes", "chunked", "ordered_map", "usable_cores", "worker_extractor"]

T = TypeVar("T")
R = TypeVar("R")

#: Records per task: a few hundred KB of news, so that sending a task and its measures costs
#: little beside extracting them, while the workers still share the end of the input evenly.
CHUNK = 32

#: How often a worker checks that its parent is still there, in seconds.
WATCH_INTERVAL = 0.5

_worker: Extractor | None = None
# The extractor of a chunk run in the parent process (see `ordered_map`), per thread.
_here = threading.local()


def usable_cores() -> int:
    """The number of cores this process may run on (its CPU affinity, where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def check_processes(processes: object) -> int:
    """``processes`` as a count of worker processes: None means one per usable core."""
    if processes is None:
        return usable_cores()
    if isinstance(processes, bool) or not isinstance(processes, int):
        raise TypeError(f"processes must be a positive int or None, not {processes!r}")
    if processes < 1:
        raise ValueError(f"processes must be at least 1 (or None for every core), not {processes}")
    return processes


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def worker_extractor() -> Extractor:
    """The extractor this worker process was started with."""
    extractor: Extractor | None = getattr(_here, "extractor", None) or _worker
    if extractor is None:
        raise RuntimeError("worker_extractor() is only available inside an ordered_map worker")
    return extractor


def _start_worker(extractor: Extractor, parent: int) -> None:
    global _worker
    _worker = extractor
    watchdog = threading.Thread(
        target=_exit_without, args=(parent,), name="sanctions-watchdog", daemon=True
    )
    watchdog.start()


def _exit_without(parent: int) -> None:
    """Exit this worker process once ``parent`` is gone (killed, say, with ``kill -9``).

    The pool's queues keep a worker waiting for work forever once its parent has died
    without shutting it down; an orphan is given another parent, so its parent id changes.
    ``parent`` is the id the parent gave, not ``os.getppid()`` at start: the parent may have
    died while this worker was still starting.
    """
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)


def _run_pickled(function: Callable[[T], R], payload: bytes) -> R:
    """In a worker: ``function`` of the chunk pickled in ``payload``."""
    chunk: T = pickle.loads(payload)
    return function(chunk)


def _run_here(function: Callable[[T], R], chunk: T, extractor: Extractor) -> Future[R]:
    """``function(chunk)`` in this process, as a worker would run it, as a finished future."""
    from concurrent.futures import Future

    done: Future[R] = Future()
    _here.extractor = extractor
    try:
        done.set_result(function(chunk))
    except Exception as exc:
        done.set_exception(exc)
    finally:
        _here.extractor = None
    return done


def ordered_map(
    function: Callable[[T], R], chunks: Iterable[T], processes: int, extractor: Extractor
) -> Iterator[R]:
    """``map(function, chunks)`` on ``processes`` worker processes, lazily and in order.

    ``function`` must be a module-level function (it is sent to the workers by name); inside
    it, `worker_extractor` is ``extractor``. An exception raised by ``function`` is raised
    here, at its chunk's place in the order. A chunk that cannot be pickled is run in this
    process, at its place, by the same ``function``. Closing the iterator early stops the
    workers.
    """
    import multiprocessing  # here, not at import: `import sanctions` stays light
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        processes,
        mp_context=context,
        initializer=_start_worker,
        initargs=(extractor, os.getpid()),
    )
    pending: deque[Future[R]] = deque()
    try:
        for chunk in chunks:
            try:  # pickled here, once, so that a chunk that cannot be is known at once
                payload = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # PicklingError, TypeError, AttributeError, RecursionError ...
                pending.append(_run_here(function, chunk, extractor))
            else:
                pending.append(executor.submit(_run_pickled, function, payload))
            if len(pending) >= 2 * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
