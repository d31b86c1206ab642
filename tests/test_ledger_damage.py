"""Damaged ledgers, concurrent saves and a directory of mixed files on the command line.

A ledger a user saved is never lost: a damaged one is refused with `LedgerError` naming the
file and line, and nothing overwrites it; two processes saving at once leave one whole ledger.
Every sentence here is written for these tests.
"""

import datetime as dt
import json
import multiprocessing
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctions import LedgerError

tracker_module = pytest.importorskip(
    "sanctions.tracker", reason="sanctions.tracker (issue: ledger) is not there yet"
)
cli_module = pytest.importorskip("sanctions.cli", reason="sanctions.cli is not there yet")
Tracker = tracker_module.Tracker
SCHEMA_VERSION = tracker_module.SCHEMA_VERSION

DOCUMENTS = [
    ("Canada froze the assets of nine Belarusian officials on Monday.", "2022-03-22", "a"),
    ("Britain banned imports of Russian vodka.", "2022-03-15", "b"),
    ("Japan lifted sanctions on Iran on Friday.", "2022-04-01", "c"),
    ("The European Union will ban imports of Russian steel.", "2022-03-10", "d"),
]
FREEZE = DOCUMENTS[0][0]


def make_tracker(documents=DOCUMENTS):
    tracker = Tracker()
    for text, published, source in documents:
        tracker.add(text, published=published, source=source)
    assert len(tracker) >= 2
    return tracker


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A good ledger: its path, its bytes and the tracker it holds."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.jsonl"
    tracker = make_tracker()
    tracker.save(path)
    return path, path.read_bytes(), tracker


def refused(path, line=None):
    """Tracker.load(path) raises LedgerError naming the file (and the line); returns it."""
    with pytest.raises(LedgerError) as info:
        Tracker.load(path)
    message = str(info.value)
    assert str(path) in message
    if line is not None:
        assert f"{path}:{line}:" in message
    return message


def write(tmp_path, data, name="ledger.jsonl"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- damaged ledgers --------------------------------------------------------------------------


def test_a_good_ledger_loads_back_equal(saved):
    path, _, tracker = saved
    assert Tracker.load(path) == tracker


def test_a_ledger_missing_its_last_records_is_refused(saved, tmp_path):
    _, data, _ = saved
    lines = data.splitlines(keepends=True)
    message = refused(write(tmp_path, b"".join(lines[:-1])), line=len(lines) - 1)
    assert "truncated" in message


def test_a_ledger_cut_inside_a_line_is_refused_naming_the_line(saved, tmp_path):
    _, data, _ = saved
    lines = data.splitlines(keepends=True)
    cut = b"".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2]
    refused(write(tmp_path, cut), line=len(lines))


def load_or_error(path):
    """The tracker at ``path``, or the message of the LedgerError that refused it."""
    try:
        return Tracker.load(path), None
    except LedgerError as exc:
        return None, str(exc)


def test_every_truncation_is_refused_or_loads_the_whole_ledger(saved, tmp_path):
    _, data, tracker = saved
    ends = [i for i, byte in enumerate(data) if byte == ord("\n")]
    sizes = set(range(0, len(data), 5)) | {e + d for e in ends for d in (-1, 0, 1)}
    for size in sorted(sizes):
        cut = write(tmp_path, data[:size])
        loaded, error = load_or_error(cut)
        assert loaded == tracker if error is None else str(cut) in error, size


@pytest.mark.parametrize(
    ("junk", "line"),
    [
        (b'{"key": "CAN:BLR:asset_freeze", "issuer": \n', 2),
        (b"not json at all\n", 2),
        (b"[1, 2, 3]\n", 2),
        (b'{"key": "x"}\n', 2),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\n", 2),
        (b"\x00" * 64 + b"\n", 2),
        (b"\xc3\x28 invalid utf-8\n", 2),
    ],
)
def test_a_bad_record_line_is_refused_naming_the_line(saved, tmp_path, junk, line):
    _, data, _ = saved
    lines = data.splitlines(keepends=True)
    damaged = lines[0] + junk + b"".join(lines[1:])
    refused(write(tmp_path, damaged), line=line)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n",
        b"\x00\x01\x02\xff" * 100,
        b"just some text\n",
        b'{"format": "something else", "schema": 1}\n',
        b'{"schema": 1, "records": 0}\n',
        b"[]\n",
        b"null\n",
        b'{"format": "sanctions.ledger", "schema": "1", "records": 0, "window_seconds": 0}\n',
        b'{"format": "sanctions.ledger", "schema": 1, "records": "0", "window_seconds": 0}\n',
        b'{"format": "sanctions.ledger", "schema": 1, "records": 0, "window_seconds": -5}\n',
        b'{"format": "sanctions.ledger", "schema": 0, "records": 0, "window_seconds": 0}\n',
    ],
    ids=lambda d: repr(d[:30]),
)
def test_a_file_that_is_not_a_ledger_is_refused_at_line_1(tmp_path, data):
    refused(write(tmp_path, data), line=1)


def test_a_ledger_from_a_newer_schema_is_refused_with_a_hint_to_upgrade(saved, tmp_path):
    _, data, _ = saved
    header, rest = data.split(b"\n", 1)
    newer = json.loads(header)
    newer["schema"] = SCHEMA_VERSION + 1
    message = refused(write(tmp_path, json.dumps(newer).encode() + b"\n" + rest), line=1)
    assert "newer" in message
    assert "upgrade" in message


@pytest.mark.parametrize(
    "header",
    [
        b'{"format": "sanctions.ledger", "schema": 1, "records": 0, "window_seconds": NaN}',
        b'{"format": "sanctions.ledger", "schema": 1, "records": 0, "window_seconds": Infinity}',
        b'{"format": "sanctions.ledger", "schema": 1, "records": 0, "window_seconds": 1e300}',
        b'{"format": "sanctions.ledger", "schema": 1, "records": ' + b"9" * 5000 + b"}",
        b"[" * 100_000 + b"]" * 100_000,
    ],
    ids=["nan window", "infinite window", "huge window", "5000-digit count", "deep nesting"],
)
def test_a_hostile_header_is_refused_as_a_ledger_error(tmp_path, header):
    refused(write(tmp_path, header + b"\n"), line=1)


@pytest.mark.parametrize(
    "window",
    [
        '{"days": -1, "seconds": 0, "microseconds": 0}',
        '{"days": 1000000000, "seconds": 0, "microseconds": 0}',
        '{"days": 1, "seconds": 86400, "microseconds": 0}',
        '{"days": 1, "seconds": 0, "microseconds": 1000000}',
        '{"days": 1.5, "seconds": 0, "microseconds": 0}',
        '{"days": true, "seconds": 0, "microseconds": 0}',
        '{"days": 1, "seconds": 0}',
        '{"days": 1, "seconds": 0, "microseconds": 0, "weeks": 1}',
        "[1, 0, 0]",
        '"31 days"',
    ],
)
def test_a_bad_exact_window_is_refused_as_a_ledger_error(tmp_path, window):
    header = '{"format": "sanctions.ledger", "schema": 1, "records": 0, "window": ' + window + "}"
    refused(write(tmp_path, header.encode() + b"\n"), line=1)


HOSTILE_WINDOWS = [
    dt.timedelta.max,
    dt.timedelta(days=10**6, microseconds=1),
    dt.timedelta(days=999_999_999, seconds=86_399, microseconds=1),
    dt.timedelta(0),
    dt.timedelta(microseconds=1),
]


@pytest.mark.parametrize("window", HOSTILE_WINDOWS)
@pytest.mark.parametrize("name", ["ledger.jsonl", "ledger.parquet"])
def test_any_window_is_saved_and_loaded_back_exactly(tmp_path, window, name):
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    path = tmp_path / name
    tracker = make_tracker()
    tracker.window = window
    tracker.save(path)
    loaded = Tracker.load(path)
    assert loaded.window == window
    assert loaded == tracker


def test_a_ledger_of_an_earlier_version_with_only_window_seconds_loads(tmp_path):
    header = b'{"format": "sanctions.ledger", "schema": 1, "records": 0, "window_seconds": 2.5}'
    assert Tracker.load(write(tmp_path, header + b"\n")).window == dt.timedelta(seconds=2.5)


def test_an_earlier_version_s_ledger_of_the_largest_window_loads(tmp_path, capsys):
    # Earlier versions wrote timedelta.max as its float number of seconds, rounded up past it.
    seconds = json.dumps(dt.timedelta.max.total_seconds()).encode()
    header = b'{"format": "sanctions.ledger", "schema": 1, "records": 0, "window_seconds": '
    path = write(tmp_path, header + seconds + b"}\n")
    assert Tracker.load(path).window == dt.timedelta.max
    text = tmp_path / "freeze.txt"
    text.write_text(FREEZE, encoding="utf-8")
    assert cli_module.main(["track", "add", str(path), str(text)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert Tracker.load(path).window == dt.timedelta.max


def test_a_ledger_with_a_duplicate_key_is_refused(saved, tmp_path):
    _, data, _ = saved
    lines = data.splitlines(keepends=True)
    header = json.loads(lines[0])
    header["records"] += 1
    damaged = json.dumps(header).encode() + b"\n" + b"".join(lines[1:]) + lines[1]
    assert "duplicate key" in refused(write(tmp_path, damaged), line=len(lines) + 1)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, 10_000), junk=st.binary(min_size=1, max_size=8))
def test_any_corruption_is_refused_or_loads(saved, tmp_path, position, junk):
    _, data, _ = saved
    position %= len(data)
    damaged = write(tmp_path, data[:position] + junk + data[position + len(junk) :])
    _, error = load_or_error(damaged)
    assert error is None or str(damaged) in error


def test_a_missing_ledger_is_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        Tracker.load(tmp_path / "missing.jsonl")


def test_a_damaged_parquet_ledger_is_refused(tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet ledgers need sanctions[parquet]")
    path = tmp_path / "ledger.parquet"
    make_tracker().save(path)
    data = path.read_bytes()
    for damaged in (data[: len(data) // 2], b"PAR1" + b"\x00" * 100, b""):
        path.write_bytes(damaged)
        refused(path)


def test_a_parquet_ledger_with_invalid_utf8_in_a_key_is_refused(tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet ledgers need sanctions[parquet]")
    path = tmp_path / "ledger.parquet"
    make_tracker().save(path)
    data = path.read_bytes()
    at = data.index(b"CAN:BLR:asset_freeze")
    path.write_bytes(data[:at] + b"\xff" + data[at + 1 :])
    refused(path)


def test_a_parquet_ledger_with_a_date_out_of_range_is_refused(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="Parquet ledgers need sanctions[parquet]")
    parquet = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "ledger.parquet"
    make_tracker().save(path)
    table = parquet.read_table(path)
    index = table.schema.get_field_index("date")
    field = table.schema.field("date")
    assert pa.types.is_timestamp(field.type)
    far = pa.array([253_402_300_800_000_000] * table.num_rows, type=pa.timestamp("us"))
    parquet.write_table(table.set_column(index, field, far.cast(field.type)), path)
    refused(path)


# --- saving never loses the old ledger --------------------------------------------------------


def test_a_failed_save_keeps_the_old_ledger_and_leaves_no_temporary_file(
    saved, tmp_path, monkeypatch
):
    _, data, _ = saved
    path = write(tmp_path, data)
    written = []

    def fail_on_the_second_record(record, *args, **kwargs):
        written.append(record.key)
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        return dump(record, *args, **kwargs)

    dump = tracker_module.TrackedMeasure.model_dump_json
    monkeypatch.setattr(tracker_module.TrackedMeasure, "model_dump_json", fail_on_the_second_record)
    with pytest.raises(OSError, match="No space left"):
        make_tracker(DOCUMENTS[1:]).save(path)
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        "ledger.jsonl"
    ]


def test_a_ledger_with_a_lone_surrogate_in_an_evidence_saves_and_loads(tmp_path):
    tracker = make_tracker()
    tracker.add("Canada froze the assets of nine \ud800 Belarusian officials.", source="x")
    tracker.save(tmp_path / "ledger.jsonl")
    assert len(Tracker.load(tmp_path / "ledger.jsonl")) == len(tracker)


@pytest.mark.parametrize("name", ["ledger.jsonl", "ledger.parquet"])
def test_a_ledger_with_lone_surrogates_outside_the_evidence_saves_and_loads(tmp_path, name):
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    tracker = make_tracker()
    text = "Canada froze the assets of nine \ud800 Belarusian officials."
    tracker.add(text, source="https://example.org/\udcff", published="2023-01-05")
    tracker.save(tmp_path / name)
    loaded = Tracker.load(tmp_path / name)
    assert len(loaded) == len(tracker)
    assert "https://example.org/\ufffd" in {r.source for t in loaded for r in t.reports}


def test_the_cli_takes_a_file_name_that_is_not_utf8(tmp_path):
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"caf\xe9.txt")
    with open(name, "wb") as file:
        file.write(FREEZE.encode())
    shown = os.fsdecode(name)
    for form in ("jsonl", "csv"):
        result = run_cli("extract", shown, "--format", form)
        assert (result.returncode, result.stderr) == (0, "")
        assert "caf\ufffd.txt" in result.stdout
    ledger = os.fsdecode(os.path.join(folder, b"ledger.jsonl"))
    result = run_cli("track", "add", ledger, shown)
    assert (result.returncode, result.stderr) == (0, "")
    [record] = Tracker.load(ledger)
    assert record.sources == (shown.replace(shown[-5], "\ufffd"),)


def test_the_cli_does_not_touch_a_damaged_ledger(saved, tmp_path, capsys):
    _, data, _ = saved
    damaged_bytes = data[: len(data) - 30]
    ledger = write(tmp_path, damaged_bytes)
    article = tmp_path / "article.txt"
    article.write_text(FREEZE, encoding="utf-8")
    status = cli_module.main(["track", "add", str(ledger), str(article)])
    _, err = capsys.readouterr()
    assert status == 2
    assert f"{ledger}:" in err
    assert ledger.read_bytes() == damaged_bytes


# --- concurrent saves -------------------------------------------------------------------------


def _save_many(path, which, times, start):
    documents = DOCUMENTS[:2] if which == 0 else DOCUMENTS[2:]
    tracker = make_tracker(documents) if which == 1 else make_tracker(documents + DOCUMENTS[:1])
    start.wait()
    for _ in range(times):
        tracker.save(path)


def _load_many(path, times, start, failures):
    start.wait()
    for _ in range(times):
        try:
            Tracker.load(path)
        except Exception as exc:
            failures.put(f"{type(exc).__name__}: {exc}")


def test_concurrent_saves_leave_one_whole_ledger(tmp_path):
    path = tmp_path / "ledger.jsonl"
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    make_tracker().save(path)  # readers always find a ledger
    start = context.Barrier(3)
    failures = context.Queue()
    workers = [context.Process(target=_save_many, args=(path, n, 20, start)) for n in (0, 1)]
    workers.append(context.Process(target=_load_many, args=(path, 40, start, failures)))
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert failures.empty(), failures.get()
    loaded = Tracker.load(path)
    first = make_tracker(DOCUMENTS[:2] + DOCUMENTS[:1])
    second = make_tracker(DOCUMENTS[2:])
    assert loaded in (first, second)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


# --- the command line on a directory of mixed files -------------------------------------------


@pytest.fixture
def mixed(tmp_path):
    """A directory with good and bad inputs; returns it and the names of the bad ones."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(FREEZE, encoding="utf-8")
    (folder / "good.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Britain banned imports of Russian vodka."})
        + "\n"
        + json.dumps({"id": "j2", "text": "Japan lifted sanctions on Iran."})
        + "\n",
        encoding="utf-8",
    )
    (folder / "one_bad_line.jsonl").write_text(
        json.dumps({"id": "b1", "text": "The EU froze the assets of Russian banks."})
        + '\n{"id": "b2", "text": \n'
        + json.dumps({"id": "b3", "text": "Australia banned imports of Russian gold."})
        + "\n",
        encoding="utf-8",
    )
    (folder / "latin1.txt").write_bytes("Café: Canada froze the assets of Iran.".encode("latin-1"))
    (folder / "binary.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.jsonl").write_bytes(b"\n\n")
    bad = {"one_bad_line.jsonl:2", "latin1.txt", "binary.png"}
    return folder, bad


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "sanctions", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def test_the_cli_processes_every_good_file_and_reports_every_bad_one(mixed):
    folder, bad = mixed
    result = run_cli("extract", *sorted(folder.iterdir()))
    assert result.returncode == 1
    sources = {json.loads(line)["source"] for line in result.stdout.splitlines()}
    assert sources == {str(folder / "good.txt"), "j1", "j2", "b1", "b3"}
    errors = result.stderr.splitlines()
    assert len(errors) == len(bad)
    for name in bad:
        assert any(f"{folder / name}" in line for line in errors), name
    assert "Traceback" not in result.stderr


def test_empty_files_are_not_errors(mixed):
    folder, _ = mixed
    result = run_cli("extract", folder / "empty.txt", folder / "blank.jsonl")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_directory_or_a_missing_file_is_reported_and_the_rest_runs(mixed):
    folder, _ = mixed
    result = run_cli("extract", folder, folder / "missing.txt", folder / "good.txt")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert f"{folder}: cannot read" in result.stderr
    assert f"{folder / 'missing.txt'}: cannot read" in result.stderr


def test_the_cli_survives_a_record_with_a_lone_surrogate(tmp_path):
    # Lone surrogates are written as U+FFFD (model.py), so the measure prints and the run goes on.
    records = tmp_path / "records.jsonl"
    records.write_text(
        '{"id": "s1", "text": "Canada froze the assets of nine \\ud800 Belarusian officials."}\n'
        + json.dumps({"id": "s2", "text": "Britain banned imports of Russian vodka."})
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("extract", records)
    assert "Traceback" not in result.stderr
    assert "s2" in {json.loads(line)["source"] for line in result.stdout.splitlines()}


# --- concurrent updates, links and leftovers ---------------------------------------------------


def _report(number):
    """A report no other number gives: its own issuer, target and date."""
    from _support import measure

    codes = ["CAN", "JPN", "GBR", "AUS", "NOR", "CHE", "NZL", "KOR", "USA", "ISL"]
    return measure(
        issuer=codes[number % 10],
        target=["RUS", "BLR", "IRN", "PRK", "SYR"][number // 10 % 5],
        date=dt.date(2022, 1, 1) + dt.timedelta(days=400 * (number // 50)),
        source=f"s{number}",
    )


def _update_many(path, numbers, start):
    start.wait()
    for number in numbers:
        with Tracker.update(path) as tracker:
            tracker.add_measures([_report(number)])


def test_two_processes_updating_at_once_lose_nothing(tmp_path):
    path = tmp_path / "ledger.jsonl"
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    start = context.Barrier(2)
    halves = [range(0, 100, 2), range(1, 100, 2)]
    workers = [context.Process(target=_update_many, args=(path, half, start)) for half in halves]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    sources = {r.source for record in Tracker.load(path) for r in record.reports}
    assert sources == {f"s{number}" for number in range(100)}


def test_an_update_that_fails_saves_nothing(tmp_path):
    path = tmp_path / "ledger.jsonl"
    make_tracker().save(path)
    before = path.read_bytes()

    def change_and_fail():
        with Tracker.update(path) as tracker:
            tracker.add_measures([_report(1)])
            raise KeyError("the caller changed its mind")

    with pytest.raises(KeyError):
        change_and_fail()
    assert path.read_bytes() == before


def test_an_update_of_a_missing_ledger_starts_one_and_saves_inside_it_do_not_deadlock(tmp_path):
    path = tmp_path / "ledger.jsonl"
    with Tracker.update(path) as tracker:
        tracker.add_measures([_report(1)])
        tracker.save(path)  # the lock is this update's own: no wait
        tracker.add_measures([_report(2)])
    assert len(Tracker.load(path)) == 2


def test_concurrent_track_add_runs_lose_nothing(tmp_path):
    ledger = tmp_path / "ledger.jsonl"
    texts = [
        "Canada froze the assets of nine Belarusian officials.",
        "Britain banned imports of Russian vodka.",
        "Japan banned exports of luxury goods to North Korea.",
        "Norway froze the assets of Iranian banks.",
        "Australia imposed a travel ban on Syrian officials.",
        "Switzerland banned imports of Belarusian potash.",
    ]
    commands = []
    for number, text in enumerate(texts):
        document = tmp_path / f"d{number}.txt"
        document.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "sanctions", "track", "add", str(ledger), str(document)]
        commands.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    for command in commands:
        _, err = command.communicate(timeout=300)
        assert (command.returncode, err) == (0, b"")
    sources = {r.source for record in Tracker.load(ledger) for r in record.reports}
    assert sources == {str(tmp_path / f"d{number}.txt") for number in range(len(texts))}


def test_saving_through_a_symlink_writes_the_file_it_points_to(tmp_path):
    real = tmp_path / "data" / "ledger.jsonl"
    real.parent.mkdir()
    make_tracker(DOCUMENTS[:2]).save(real)
    link = tmp_path / "ledger.jsonl"
    link.symlink_to(real)
    make_tracker().save(link)
    assert link.is_symlink()
    assert Tracker.load(real) == make_tracker()
    assert (real.parent / "ledger.jsonl.lock").exists()
    assert not (tmp_path / "ledger.jsonl.lock").exists()
    with Tracker.update(link) as tracker:
        tracker.add_measures([_report(3)])
    assert link.is_symlink()
    assert len(Tracker.load(real)) == len(make_tracker()) + 1


def test_a_save_removes_the_temporaries_of_earlier_saves_that_were_killed(tmp_path):
    path = tmp_path / "ledger.jsonl"
    stale = [tmp_path / ".ledger.jsonl.abc_1234.tmp", tmp_path / ".ledger.jsonl.zz9x0y8w.tmp"]
    kept = [
        tmp_path / ".ledger.jsonl.x.abcd1234.tmp",  # a temporary of the ledger "ledger.jsonl.x"
        tmp_path / ".other.jsonl.abcd1234.tmp",
        tmp_path / "ledger.jsonl.abcd1234.tmp",
        tmp_path / ".ledger.jsonl.notes",
    ]
    for leftover in stale + kept:
        leftover.write_bytes(b'{"format": "sanctions.ledger"')
    make_tracker().save(path)
    assert not any(leftover.exists() for leftover in stale)
    assert all(leftover.exists() for leftover in kept)
    assert Tracker.load(path) == make_tracker()
