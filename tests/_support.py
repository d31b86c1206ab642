"""Helpers shared by test modules (not a test module itself)."""

import signal
from contextlib import contextmanager


@contextmanager
def deadline(seconds):
    """Raise TimeoutError if the block runs longer than ``seconds``: a hang guard.

    A linear pass over the inputs these guard takes well under a second; the deadline is many
    times that, so a slow machine does not fail it, while a quadratic pass (minutes) does.
    """

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def keys(measures):
    """The (issuer, target, type, status) tuples of some measures, as a set."""
    return {(m.issuer.code, m.target.code, m.type.value, m.status.value) for m in measures}


def measure(
    *,
    type="asset_freeze",
    status="imposed",
    issuer="JPN",
    target="RUS",
    date=None,
    source=None,
    text="froze",
    **fields,
):
    """A valid `Measure` with the given fields; evidence is ``text`` at offset 0."""
    from sanctions import Evidence, Issuer, Measure, Target

    return Measure(
        type=type,
        status=status,
        issuer=Issuer(code=issuer),
        target=Target(code=target),
        evidence=Evidence(text=text, start=0, end=len(text)),
        date=date,
        source=source,
        **fields,
    )


def benchmark_corpus():
    """The benchmark's corpus generator, ``benchmarks/corpus.py`` (not an installed module)."""
    import importlib.util
    import sys
    from pathlib import Path

    name = "benchmark_corpus"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
