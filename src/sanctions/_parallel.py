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
"""

from __future__ import annotations

import os
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

_worker: Extractor | None = None


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
    if _worker is None:
        raise RuntimeError("worker_extractor() is only available inside an ordered_map worker")
    return _worker


def _start_worker(extractor: Extractor) -> None:
    global _worker
    _worker = extractor


def ordered_map(
    function: Callable[[T], R], chunks: Iterable[T], processes: int, extractor: Extractor
) -> Iterator[R]:
    """``map(function, chunks)`` on ``processes`` worker processes, lazily and in order.

    ``function`` must be a module-level function (it is sent to the workers by name); inside
    it, `worker_extractor` is ``extractor``. An exception raised by ``function`` is raised
    here, at its chunk's place in the order. Closing the iterator early stops the workers.
    """
    import multiprocessing  # here, not at import: `import sanctions` stays light
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        processes, mp_context=context, initializer=_start_worker, initargs=(extractor,)
    )
    pending: deque[Future[R]] = deque()
    try:
        for chunk in chunks:
            pending.append(executor.submit(function, chunk))
            if len(pending) >= 2 * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
