"""What the harnesses share: a byte-driven data provider and a runner with a fallback.

With atheris installed (``pip install atheris``), `run` hands the harness to libFuzzer, which
takes its usual flags (``-runs=N``, ``-max_total_time=S``, ``-timeout=S``, corpus folders).
Without it, `run` falls back to a plain loop over random and mutated inputs with the same
flags, so CI can run the harnesses anywhere. Either way a failing input is written to
``crash-<sha1>`` (or ``-artifact_prefix``) and the process exits non-zero.

The harnesses read their input through `Provider`, not atheris' own provider, so the same
bytes mean the same test in both modes and a crash file replays without atheris:
``python fuzz/fuzz_extract.py crash-...``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

try:  # atheris is optional: pip install atheris
    import atheris
except ImportError:  # pragma: no cover - depends on the machine
    atheris = None

T = TypeVar("T")

__all__ = ["Provider", "instrumented", "run"]


class Provider:
    """Draws values from fuzzer bytes; past the end every draw gives its smallest value."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0

    def remaining(self) -> int:
        """How many bytes are left."""
        return len(self.data) - self.position

    def byte(self) -> int:
        """One byte, 0 past the end."""
        if self.position >= len(self.data):
            return 0
        value = self.data[self.position]
        self.position += 1
        return value

    def integer(self, low: int, high: int) -> int:
        """An int in ``[low, high]``."""
        span = high - low
        if span <= 0:
            return low
        value = 0
        for _ in range((span.bit_length() + 7) // 8):
            value = (value << 8) | self.byte()
        return low + value % (span + 1)

    def boolean(self) -> bool:
        """True or False."""
        return bool(self.byte() & 1)

    def pick(self, values: Sequence[T]) -> T:
        """One of ``values``."""
        return values[self.integer(0, len(values) - 1)]

    def raw(self, size: int) -> bytes:
        """Up to ``size`` bytes."""
        chunk = self.data[self.position : self.position + size]
        self.position += len(chunk)
        return chunk

    def rest(self) -> bytes:
        """Every byte left."""
        return self.raw(self.remaining())

    def text(self, size: int, *, surrogates: bool = True) -> str:
        """Up to ``size`` characters, from ASCII, BMP or all code points."""
        kind = self.byte() % 3
        if kind == 0:
            return self.raw(size).decode("latin-1")
        if kind == 1:
            data = self.raw(2 * size)
            data = data[: len(data) // 2 * 2]
            return data.decode("utf-16-le", "surrogatepass" if surrogates else "replace")
        chars = []
        for _ in range(min(size, self.remaining() // 3)):
            code = self.integer(0, 0x10FFFF)
            if not surrogates and 0xD800 <= code <= 0xDFFF:
                code = 0xFFFD
            chars.append(chr(code))
        return "".join(chars)


@contextlib.contextmanager
def instrumented() -> Iterator[None]:
    """Instrument the imports inside the block for coverage feedback, when atheris is there."""
    if atheris is None:
        yield
        return
    # Only our own code: instrumenting pandas, pydantic and pycountry takes half a minute.
    with atheris.instrument_imports(include=["sanctions"]):
        yield


#: A known bug: an exception type, a piece of its message, and the xfail test that shows it.
Known = tuple[type[BaseException], str, str]


def run(
    test_one_input: Callable[[bytes], None],
    seeds: Sequence[bytes],
    known: Sequence[Known] = (),
) -> None:
    """Fuzz ``test_one_input`` with libFuzzer, or with the fallback loop without atheris.

    Exceptions that match ``known`` (bugs with a strict xfail test, waiting for their fix) are
    counted and skipped, so that a run goes on to find new ones; ``--strict`` reports them too.
    """
    strict = "--strict" in sys.argv
    sys.argv = [arg for arg in sys.argv if arg != "--strict"]
    if known and not strict:
        test_one_input = _skipping(test_one_input, known)
    if atheris is not None and "--no-atheris" not in sys.argv:
        argv = list(sys.argv)
        if not any(not arg.startswith("-") for arg in argv[1:]):
            # No corpus folder given: start from the seeds, in a folder of their own.
            corpus = Path(tempfile.mkdtemp(prefix="sanctions-fuzz-"))
            for number, seed in enumerate(seeds):
                (corpus / f"seed-{number}").write_bytes(seed)
            argv.append(str(corpus))
        atheris.Setup(argv, test_one_input)
        atheris.Fuzz()
        return
    sys.exit(_fallback(test_one_input, seeds, sys.argv[1:]))


def _skipping(
    test_one_input: Callable[[bytes], None], known: Sequence[Known]
) -> Callable[[bytes], None]:
    seen: set[str] = set()

    def wrapped(data: bytes) -> None:
        try:
            test_one_input(data)
        except BaseException as exc:
            for kind, message, test in known:
                if isinstance(exc, kind) and message in str(exc):
                    if test not in seen:  # libFuzzer ends without atexit: say it now
                        seen.add(test)
                        print(f"INFO: known bug ({test}): {exc!r:.200}; skipping such inputs",
                              file=sys.stderr)  # fmt: skip
                    return
            raise

    return wrapped


def _flags(argv: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    flags: dict[str, str] = {}
    paths: list[str] = []
    for arg in argv:
        if arg.startswith("-") and "=" in arg:
            name, value = arg.lstrip("-").split("=", 1)
            flags[name] = value
        elif not arg.startswith("-"):
            paths.append(arg)
    return flags, paths


class _TimeoutError(Exception):
    """An input ran longer than ``-timeout``."""


def _expire(signum: int, frame: object) -> None:
    raise _TimeoutError


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(out))
        action = rng.randrange(5)
        if action == 0:
            out[at:at] = rng.randbytes(rng.randint(1, 8))
        elif action == 1:
            del out[at : at + rng.randint(1, 16)]
        elif action == 2 and out:
            start = rng.randrange(len(out))
            out[at:at] = out[start : start + rng.randint(1, 64)]
        elif action == 3 and at < len(out):
            out[at] = rng.randrange(256)
        else:
            out[at:at] = rng.choice([b" ", b"  ", b"\t", b"\n", b"\x00", b"\xff", b"\xed\xa0\x80"])
    return bytes(out)


def _fallback(
    test_one_input: Callable[[bytes], None], seeds: Sequence[bytes], argv: list[str]
) -> int:
    flags, paths = _flags(argv)
    inputs = [Path(p) for p in paths if Path(p).is_file()]
    if inputs:  # replay crash files, as libFuzzer does
        for path in inputs:
            print(f"Running: {path}", file=sys.stderr)
            test_one_input(path.read_bytes())
        return 0
    runs = int(flags.get("runs", "-1"))
    budget = float(flags.get("max_total_time", "0")) or float("inf")
    timeout = float(flags.get("timeout", "0"))
    max_len = int(flags.get("max_len", "4096"))
    seed = int(flags.get("seed", "0")) or int.from_bytes(os.urandom(4), "little")
    prefix = flags.get("artifact_prefix", "")
    rng = random.Random(seed)
    pool = [bytes(s) for s in seeds] or [b""]
    print(f"INFO: fallback loop (no atheris): random inputs, seed {seed}", file=sys.stderr)
    start = time.monotonic()
    done = 0
    if timeout:
        signal.signal(signal.SIGALRM, _expire)
    while (runs < 0 or done < runs) and time.monotonic() - start < budget:
        if rng.random() < 0.3:
            data = rng.randbytes(rng.randint(0, max_len))
        else:
            data = _mutate(rng.choice(pool), rng)[: max(max_len, 1) * 4]
        try:
            if timeout:
                signal.setitimer(signal.ITIMER_REAL, timeout)
            test_one_input(data)
        except _TimeoutError:
            return _crash(data, prefix, f"timeout after {timeout} s", "timeout")
        except BaseException:  # every failure is a finding
            return _crash(data, prefix, traceback.format_exc(), "crash")
        finally:
            if timeout:
                signal.setitimer(signal.ITIMER_REAL, 0)
        done += 1
        if done % 1000 == 0 and len(pool) < 10_000:
            pool.append(data)  # keep some inputs to mutate further
    elapsed = time.monotonic() - start
    print(f"Done {done} runs in {elapsed:.0f} second(s)", file=sys.stderr)
    return 0


def _crash(data: bytes, prefix: str, report: str, kind: str) -> int:
    path = Path(f"{prefix}{kind}-{hashlib.sha1(data).hexdigest()}")
    path.write_bytes(data)
    print(report, file=sys.stderr)
    print(f"==ERROR: {kind}; input written to {path}", file=sys.stderr)
    return 1
