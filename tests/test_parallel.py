"""Extraction in worker processes gives what one process gives, in the same order."""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from _support import benchmark_corpus
from sanctions import Extractor, extract_many
from sanctions._parallel import CHUNK, check_processes, chunked
from sanctions.cli import main
from sanctions.rules import RuleSet


def _articles(count: int, share: float = 0.2) -> list[dict[str, str]]:
    """Team-written benchmark articles (benchmarks/corpus.py), about 3 KB each."""
    stream = benchmark_corpus().records(share, 5, "par")
    return [next(stream) for _ in range(count)]


@pytest.fixture(scope="module")
def articles() -> list[dict[str, str]]:
    return _articles(3 * CHUNK + 5)  # four chunks, the last one short


def test_two_processes_give_the_same_measures_in_the_same_order(
    articles: list[dict[str, str]],
) -> None:
    one = list(extract_many(articles))
    two = list(extract_many(articles, processes=2))
    assert len(one) > 200
    assert two == one


def test_a_bad_record_fails_in_its_place_after_the_measures_before_it(
    articles: list[dict[str, str]],
) -> None:
    bad = 2 * CHUNK + 3  # inside the third chunk
    records: list[object] = [*articles[:bad], {"body": "no text"}, *articles[bad:]]

    def collect(processes: int) -> tuple[list[object], str]:
        found: list[object] = []
        with pytest.raises(TypeError, match=f"record {bad}") as failure:
            found.extend(extract_many(records, processes=processes))  # type: ignore[arg-type]
        return found, str(failure.value)

    assert collect(2) == collect(1)


def test_the_reader_stays_at_most_two_chunks_per_worker_ahead() -> None:
    read = 0

    def records() -> Iterator[str]:
        nonlocal read
        for number in range(10_000):
            read += 1
            yield f"Canada froze the assets of {number} Iranian officials on Monday."

    measures = extract_many(records(), processes=2)
    first = next(measures)
    assert first.issuer.code == "CAN"
    assert read <= (2 * 2 + 1) * CHUNK  # the chunks in flight and the one being read
    measures.close()  # stops the workers; must not hang


@pytest.mark.parametrize(
    ("processes", "error"),
    [(0, ValueError), (-2, ValueError), ("2", TypeError), (True, TypeError), (1.5, TypeError)],
)
def test_processes_must_be_a_positive_int_or_none(processes: object, error: type) -> None:
    with pytest.raises(error, match="processes"):
        extract_many(["Canada froze Iranian assets."], processes=processes)  # type: ignore[arg-type]


def test_none_means_one_process_per_usable_core() -> None:
    assert check_processes(None) >= 1
    assert check_processes(3) == 3


def test_chunks_are_read_lazily_and_keep_every_item() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_an_extractor_from_files_travels_as_its_recipe(tmp_path: Path) -> None:
    table = tmp_path / "aliases.yaml"
    table.write_text("- {code: GBR, kind: agency, names: [the Embargo Office]}\n", encoding="utf-8")
    extractor = Extractor(extra_actors=[table], max_chars=50_000)
    text = "The Embargo Office froze the assets of four Syrian generals."
    copy = pickle.loads(pickle.dumps(extractor))
    assert copy is not extractor
    assert copy.max_chars == 50_000
    assert copy.extract(text) == extractor.extract(text)
    assert {m.issuer.code for m in copy.extract(text)} == {"GBR"}
    records = [text] * (CHUNK + 1)
    assert list(extract_many(records, extractor=extractor, processes=2)) == list(
        extractor.extract_many(records)
    )


def test_an_extractor_from_table_objects_cannot_go_to_other_processes() -> None:
    extractor = Extractor(rules=RuleSet.default())
    with pytest.raises(TypeError, match="extra_patterns"):
        pickle.dumps(extractor)
    with pytest.raises(TypeError, match="extra_patterns"):
        extractor.extract_many(["Canada froze Iranian assets."], processes=2)
    assert [m.issuer.code for m in extractor.extract_many(["Canada froze Iranian assets."])] == [
        "CAN"
    ]


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def test_the_cli_with_jobs_writes_what_one_process_writes(
    articles: list[dict[str, str]], tmp_path: Path
) -> None:
    import json

    lines = [json.dumps(article).encode() for article in articles[: CHUNK + 4]]
    lines.insert(CHUNK + 1, json.dumps({"text": 5}).encode())  # fails in a worker
    lines.insert(CHUNK + 3, b"{not json")  # fails in the reader, after it
    lines.insert(3, b'{"text": "caf\xe9"}')  # not UTF-8: fails in the reader, early
    lines.append(b"[1, 2]")  # the last line: reported after every document
    path = tmp_path / "news.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    one = _cli("extract", str(path))
    two = _cli("extract", "-j", "2", str(path))
    assert one[0] == two[0] == 1
    assert two[1] == one[1]
    assert one[1].count("\n") > 50
    assert two[2] == one[2]  # the same messages in the same order
    messages = two[2].splitlines()
    assert len(messages) == 4
    assert "news.jsonl:4: not UTF-8" in messages[0]
    assert f"news.jsonl:{CHUNK + 3}: 'text' must be a str" in messages[1]
    assert f"news.jsonl:{CHUNK + 5}: bad JSON" in messages[2]
    assert "expected a JSON object" in messages[3]


def test_the_cli_takes_jobs_zero_as_every_core_and_refuses_a_bad_count(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Canada froze the assets of three Iranian officials.", encoding="utf-8")
    status, out, _ = _cli("extract", "--jobs", "0", str(path))
    assert status == 0
    assert '"CAN"' in out
    with pytest.raises(SystemExit) as usage:
        _cli("extract", "--jobs", "many", str(path))
    assert usage.value.code == 2


def test_a_copy_of_the_default_extractor_is_not_the_shared_default() -> None:
    from sanctions.extraction import _default

    copy = pickle.loads(pickle.dumps(_default()))
    assert copy is not _default()
    limit = _default().max_chars
    copy.max_chars = 10
    assert _default().max_chars == limit


def test_track_add_with_jobs_keeps_the_same_ledger(
    articles: list[dict[str, str]], tmp_path: Path
) -> None:
    import json

    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles[: CHUNK + 4]), encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = _cli("track", "add", str(one), str(path))
    second = _cli("track", "add", "--jobs", "2", str(two), str(path))
    assert first[0] == second[0] == 0
    assert json.loads(first[1])["reports"] > 50
    assert first[1].replace(str(one), "") == second[1].replace(str(two), "")
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


# --- records that cannot go to a worker process -------------------------------------------------


def _outcome(records: list[object], processes: int) -> tuple[list[object], str | None]:
    """The measures extract_many gives before it stops, and its error, if any."""
    found: list[object] = []
    try:
        found.extend(extract_many(records, processes=processes))  # type: ignore[arg-type]
    except Exception as exc:
        return found, f"{type(exc).__name__}: {exc}"
    return found, None


def _unpicklable_records(articles: list[dict[str, str]]) -> dict[str, list[object]]:
    at = CHUNK + 3  # inside the second chunk
    generator = (line for line in ["Canada froze Iranian assets."])
    extra = {**articles[at], "callback": lambda: None}  # valid: only its text is read
    return {
        "a lambda": [*articles[:at], lambda: None, *articles[at:]],
        "a generator": [*articles[:at], generator, *articles[at:]],
        "a mapping holding a lambda": [*articles[:at], extra, *articles[at + 1 :]],
    }


@pytest.mark.parametrize("kind", ["a lambda", "a generator", "a mapping holding a lambda"])
def test_a_record_that_cannot_be_pickled_gives_what_one_process_gives(
    articles: list[dict[str, str]], kind: str
) -> None:
    records = _unpicklable_records(articles)[kind]
    one = _outcome(records, 1)
    two = _outcome(records, 2)
    assert two == one
    if kind == "a mapping holding a lambda":
        assert one[1] is None
        assert len(one[0]) > 100
    else:
        assert one[1] is not None
        assert f"record {CHUNK + 3}: expected a str or a mapping" in one[1]


# --- workers do not outlive their parent --------------------------------------------------------

ORPHAN_SCRIPT = """
import itertools
import multiprocessing
import time

from sanctions import extract_many


def records():
    for number in itertools.count():
        yield f"Canada froze the assets of {number} Iranian officials."


if __name__ == "__main__":
    measures = extract_many(records(), processes=2)
    next(measures)
    print(" ".join(str(child.pid) for child in multiprocessing.active_children()), flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting to be reaped has exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "orphans.py"
    script.write_text(ORPHAN_SCRIPT, encoding="utf-8")
    command = [sys.executable, str(script)]
    # stderr: the killed parent's resource tracker reports the semaphores it leaked.
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as parent:
        try:
            assert parent.stdout is not None
            workers = [int(pid) for pid in parent.stdout.readline().split()]
            assert len(workers) >= 2
            assert all(_alive(pid) for pid in workers)
        finally:
            os.kill(parent.pid, signal.SIGKILL)
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # do not leave them behind if the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
