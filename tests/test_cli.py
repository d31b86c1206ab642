import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import sanctions
from sanctions import Measure
from sanctions.cli import main
from sanctions.tracker import TrackedMeasure, Tracker

ARTICLES = sorted((Path(__file__).parents[1] / "examples" / "articles").glob("*.txt"))
VODKA = "Britain banned imports of Russian vodka."
FREEZE = "On March 4, 2024 the European Union froze the assets of 28 Belarusian officials."


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "vodka.txt"
    path.write_text(VODKA, encoding="utf-8")
    return path


@pytest.fixture
def records_file(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": VODKA, "published": "2022-03-15"}),
        "",
        json.dumps({"id": "r2", "text": FREEZE, "source": "https://example.org/eu"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def measures_of(out):
    return [Measure.model_validate_json(line) for line in out.splitlines()]


def stdin(monkeypatch, data):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))


# --- extract ------------------------------------------------------------------------------------


def test_extract_a_text_file(capsys, text_file):
    status, out, err = run(capsys, "extract", text_file)
    assert (status, err) == (0, "")
    [measure] = measures_of(out)
    assert (measure.issuer.code, measure.type.value) == ("GBR", "import_ban")
    assert measure.source == str(text_file)


def test_extract_json_lines_records(capsys, records_file):
    status, out, _ = run(capsys, "extract", records_file)
    found = measures_of(out)
    assert status == 0
    assert [(m.source, m.type.value) for m in found] == [
        ("r1", "import_ban"),
        ("https://example.org/eu", "asset_freeze"),
    ]
    assert found[0].date.isoformat() == "2022-03-15"


def test_extract_reports_bad_lines_and_goes_on(capsys, tmp_path, text_file):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"text": "' + VODKA.encode() + b'"}\n'
        b"{not json\n"
        b"[1, 2]\n"
        b'{"text": 5}\n'
        b'{"text": "x", "published": "someday"}\n'
        b'{"text": "\xff"}\n'
    )
    status, out, err = run(capsys, "extract", path, text_file)
    assert status == 1
    assert len(measures_of(out)) == 2  # the good line and the text file
    for line in (2, 3, 4, 5, 6):
        assert f"{path}:{line}:" in err
    assert "bad JSON" in err
    assert "not UTF-8" in err


def test_extract_reports_unreadable_files_and_goes_on(capsys, tmp_path, text_file):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Sanktionen gegen Moskau, ça".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    status, out, err = run(capsys, "extract", latin, missing, text_file)
    assert status == 1
    assert len(measures_of(out)) == 1
    assert f"{latin}: not UTF-8" in err
    assert f"{missing}: cannot read" in err


def test_extract_reads_text_from_stdin(capsys, monkeypatch):
    stdin(monkeypatch, "\n" + VODKA + "\nMore text.\n")
    status, out, _ = run(capsys, "extract", "-")
    [measure] = measures_of(out)
    assert (status, measure.source) == (0, "<stdin>")


def test_extract_reads_json_lines_from_stdin(capsys, monkeypatch):
    stdin(monkeypatch, json.dumps({"text": VODKA, "id": "a"}) + "\n{bad\n")
    status, out, err = run(capsys, "extract", "-")
    assert [m.source for m in measures_of(out)] == ["a"]
    assert status == 1
    assert "<stdin>:2: bad JSON" in err


def test_extract_writes_to_a_file(capsys, tmp_path, records_file):
    out_path = tmp_path / "out.jsonl"
    status, out, _ = run(capsys, "extract", records_file, "-o", out_path)
    assert (status, out) == (0, "")
    assert len(measures_of(out_path.read_text())) == 2


def test_extract_as_csv(capsys, records_file):
    status, out, _ = run(capsys, "extract", records_file, "--format", "csv")
    frame = pd.read_csv(io.StringIO(out))
    assert status == 0
    assert frame["type"].tolist() == ["import_ban", "asset_freeze"]
    assert list(frame.columns) == list(sanctions.frames.COLUMNS)


def test_extract_as_parquet(capsys, tmp_path, records_file):
    pytest.importorskip("pyarrow")
    out_path = tmp_path / "out.parquet"
    status, _, _ = run(capsys, "extract", records_file, "-o", out_path)
    assert status == 0
    found = sanctions.frames.from_frame(pd.read_parquet(out_path))
    assert [m.type.value for m in found] == ["import_ban", "asset_freeze"]


def test_extract_as_parquet_needs_an_output_file(capsys, records_file):
    with pytest.raises(SystemExit) as exited:
        main(["extract", str(records_file), "--format", "parquet"])
    assert exited.value.code == 2
    assert "-o OUT.parquet" in capsys.readouterr().err


def test_extract_as_parquet_without_pyarrow(capsys, monkeypatch, tmp_path, records_file):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    status, _, err = run(capsys, "extract", records_file, "-o", tmp_path / "out.parquet")
    assert status == 2
    assert "sanctions[parquet]" in err


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_shown_only_on_a_terminal(capsys, monkeypatch, records_file):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", str(records_file)]) == 0
    assert "1 documents, 1 measures" in terminal.getvalue()
    assert run(capsys, "extract", records_file)[2] == ""


# --- summary ------------------------------------------------------------------------------------


def test_summary_of_the_bundled_articles(capsys):
    status, out, err = run(capsys, "summary", *ARTICLES)
    assert (status, err) == (0, "")
    header = out.splitlines()[0].split()
    assert header[0] == "type"
    assert {"asset_freeze", "total"} <= set(header)
    assert "media_ban" not in header  # columns with no measure are left out
    assert "EU" in out
    assert "USA" in out
    assert f"from {len(ARTICLES)} documents" in out


def test_summary_by_target_and_category(capsys, records_file):
    status, out, _ = run(capsys, "summary", records_file, "--role", "target", "--by", "category")
    assert status == 0
    assert "financial" in out
    assert "BLR" in out


def test_summary_of_nothing(capsys, tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text("The weather was fine.")
    assert run(capsys, "summary", path)[:2] == (0, "no measures in 1 documents\n")


# --- track --------------------------------------------------------------------------------------


def test_track_add_and_show(capsys, tmp_path, records_file, text_file):
    ledger = tmp_path / "ledger.jsonl"
    status, out, _ = run(capsys, "track", "add", ledger, records_file, text_file)
    assert status == 0
    assert json.loads(out) == {
        "ledger": str(ledger),
        "documents": 3,
        "reports": 3,
        "new": 2,
        "tracked": 2,
    }
    status, out, _ = run(capsys, "track", "show", ledger)
    records = [TrackedMeasure.model_validate_json(line) for line in out.splitlines()]
    assert [r.key for r in records] == ["GBR:RUS:import_ban", "EU:BLR:asset_freeze"]
    assert records[0].sources == (str(text_file), "r1")  # undated reports come first
    assert Tracker.load(ledger).tracked() == records


def test_track_add_twice_adds_nothing_new(capsys, tmp_path, records_file):
    ledger = tmp_path / "ledger.jsonl"
    run(capsys, "track", "add", ledger, records_file)
    status, out, _ = run(capsys, "track", "add", ledger, records_file)
    assert (status, json.loads(out)["new"], json.loads(out)["tracked"]) == (0, 0, 2)


def test_track_show_as_of(capsys, tmp_path, records_file):
    ledger = tmp_path / "ledger.jsonl"
    run(capsys, "track", "add", ledger, records_file)
    _, out, _ = run(capsys, "track", "show", ledger, "--as-of", "2024-03-04")
    assert [json.loads(line)["key"] for line in out.splitlines()] == [
        "GBR:RUS:import_ban",
        "EU:BLR:asset_freeze",
    ]
    _, out, _ = run(capsys, "track", "show", ledger, "--as-of", "2022-03-14")
    assert out == ""


def test_track_show_rejects_a_bad_date(capsys, tmp_path):
    with pytest.raises(SystemExit) as exited:
        main(["track", "show", str(tmp_path / "l.jsonl"), "--as-of", "March"])
    assert exited.value.code == 2
    assert "not an ISO date" in capsys.readouterr().err


def test_track_show_of_a_missing_ledger(capsys, tmp_path):
    status, _, err = run(capsys, "track", "show", tmp_path / "none.jsonl")
    assert status == 2
    assert "none.jsonl" in err


def test_track_add_to_a_damaged_ledger_leaves_it(capsys, tmp_path, text_file):
    ledger = tmp_path / "ledger.jsonl"
    ledger.write_text("garbage\n")
    status, _, err = run(capsys, "track", "add", ledger, text_file)
    assert status == 2
    assert f"{ledger}:1:" in err
    assert ledger.read_text() == "garbage\n"


def test_track_add_reports_bad_inputs_and_saves_the_rest(capsys, tmp_path, text_file):
    ledger = tmp_path / "ledger.jsonl"
    status, out, err = run(capsys, "track", "add", ledger, tmp_path / "nope.txt", text_file)
    assert status == 1
    assert "nope.txt: cannot read" in err
    assert json.loads(out)["tracked"] == 1


# --- evaluate -----------------------------------------------------------------------------------


def test_evaluate_prints_the_report(capsys, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    gold = {"issuer": "GBR", "target": "RUS", "type": "import_ban", "status": "imposed"}
    lines = [
        {"id": "a", "text": VODKA, "measures": [gold]},
        {"id": "b", "text": "Nothing happened.", "measures": []},
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines))
    status, out, _ = run(capsys, "evaluate", corpus, "--errors", "3")
    assert status == 0
    assert "F1 1.000" in out


def test_evaluate_several_files_reports_each_and_the_pool(capsys, tmp_path):
    gold = {"issuer": "GBR", "target": "RUS", "type": "import_ban", "status": "imposed"}
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "a", "text": VODKA, "measures": [gold]}) + "\n")
    second.write_text(
        json.dumps({"id": "b", "text": "Nothing happened.", "measures": [gold]}) + "\n"
    )
    status, out, _ = run(capsys, "evaluate", first, second)
    assert status == 0
    assert f"=== {first}" in out
    assert f"=== {second}" in out
    pooled = out.split("=== pool of 2 files")[1]
    assert "(tp 1, fp 0, fn 1)" in pooled


def test_evaluate_a_missing_corpus(capsys, tmp_path):
    status, out, err = run(capsys, "evaluate", tmp_path / "none.jsonl")
    assert (status, out) == (2, "")
    assert "none.jsonl" in err


# --- the program --------------------------------------------------------------------------------


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"sanctions {sanctions.__version__}\n"


def test_a_command_is_required(capsys):
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2


def test_python_dash_m(text_file):
    done = subprocess.run(
        [sys.executable, "-m", "sanctions", "extract", str(text_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["type"] == "import_ban"


# --- a record that fails does not stop the run ---------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_date_at_the_edge_of_the_calendar_does_not_stop_the_run(tmp_path, jobs):
    path = tmp_path / "edge.jsonl"
    lines = [
        {"id": "before", "text": VODKA},
        {
            "id": "edge",
            "text": "Canada froze the assets of nine Belarusian officials yesterday.",
            "published": "0001-01-01",
        },
        {"id": "after", "text": FREEZE},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sanctions", "extract", "-j", jobs, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    found = measures_of(result.stdout)
    assert [m.source for m in found] == ["before", "edge", "after"]
    assert found[1].date == dt.date.min  # "yesterday" resolves to no date: the publication's


def test_an_unexpected_error_in_one_record_is_reported_and_the_run_goes_on(
    capsys, monkeypatch, records_file
):
    from sanctions.extraction import Extractor

    extract = Extractor.extract

    def fragile(self, text, **kwargs):
        if text == VODKA:
            raise RuntimeError("something broke")
        return extract(self, text, **kwargs)

    monkeypatch.setattr(Extractor, "extract", fragile)
    status, out, err = run(capsys, "extract", records_file)
    assert status == 1
    assert [m.source for m in measures_of(out)] == ["https://example.org/eu"]
    assert (
        f"{records_file}:1: internal error: RuntimeError: something broke (please report it)" in err
    )
    assert "Traceback" not in err


# --- hostile JSON Lines --------------------------------------------------------------------------

HOSTILE_LINES = {
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep nesting, unclosed": b'{"text": ' + b"[" * 100_000,
    "a 5000-digit number": b'{"text": "x", "id": ' + b"9" * 5000 + b"}",
    "not UTF-8": b'{"text": "caf\xe9"}',
    "a lone BOM": b"\xef\xbb\xbf",
}


@pytest.fixture
def hostile_jsonl(tmp_path):
    """Good records on lines 1, 3, 5, ...; a hostile line between each two."""
    path = tmp_path / "hostile.jsonl"
    lines = [json.dumps({"id": "r0", "text": VODKA}).encode()]
    for number, line in enumerate(HOSTILE_LINES.values(), start=1):
        lines += [line, json.dumps({"id": f"r{number}", "text": FREEZE}).encode()]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def hostile_errors(err, path):
    for line in (2, 4, 6, 8):
        assert f"{path}:{line}: " in err
    assert "Traceback" not in err
    assert "nested too deeply" in err
    assert "more than 4300 digits" in err


def test_extract_reports_hostile_json_lines_and_goes_on(capsys, hostile_jsonl):
    status, out, err = run(capsys, "extract", hostile_jsonl)
    assert status == 1
    assert [m.source for m in measures_of(out)] == ["r0", "r1", "r2", "r3", "r4", "r5"]
    hostile_errors(err, hostile_jsonl)


def test_summary_reports_hostile_json_lines_and_goes_on(capsys, hostile_jsonl):
    status, out, err = run(capsys, "summary", hostile_jsonl)
    assert status == 1
    assert "6 measures from 6 documents" in out
    hostile_errors(err, hostile_jsonl)


def test_track_add_reports_hostile_json_lines_and_goes_on(capsys, tmp_path, hostile_jsonl):
    status, out, err = run(capsys, "track", "add", tmp_path / "ledger.jsonl", hostile_jsonl)
    assert status == 1
    assert json.loads(out)["reports"] == 6
    hostile_errors(err, hostile_jsonl)


@pytest.mark.parametrize("line", list(HOSTILE_LINES.values())[:4], ids=list(HOSTILE_LINES)[:4])
def test_evaluate_refuses_a_hostile_corpus_line_naming_it(capsys, tmp_path, line):
    corpus = tmp_path / "corpus.jsonl"
    good = json.dumps({"id": "a", "text": VODKA, "measures": []}).encode()
    corpus.write_bytes(good + b"\n" + line + b"\n" + good + b"\n")
    status, out, err = run(capsys, "evaluate", corpus)
    assert (status, out) == (2, "")
    assert f"{corpus}:2: " in err
    assert "Traceback" not in err


# --- an output that is an input ------------------------------------------------------------------


def other_names(folder, path):
    """Other names of the file ``path``: a symlink, a hard link, a path through ``..``."""
    folder.mkdir()
    (folder / "sub").mkdir()
    link = folder / f"link-{path.name}"
    link.symlink_to(path)
    hard = folder / f"hard-{path.name}"
    hard.hardlink_to(path)
    return {
        "itself": path,
        "symlink": link,
        "hard link": hard,
        "roundabout": path.parent / "x" / ".." / path.name,
    }


@pytest.mark.parametrize("way", ["itself", "symlink", "hard link", "roundabout"])
@pytest.mark.parametrize("form", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("which", ["records", "text"])
def test_extract_refuses_to_write_over_an_input(
    capsys, tmp_path, records_file, text_file, way, form, which
):
    source = records_file if which == "records" else text_file
    (source.parent / "x").mkdir(exist_ok=True)
    before = source.read_bytes()
    output = other_names(tmp_path / "names", source)[way]
    with pytest.raises(SystemExit) as exited:
        main(["extract", str(text_file), str(records_file), "-o", str(output), "--format", form])
    assert exited.value.code == 2
    assert f"{output} is also an input" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_extract_writes_to_a_new_file_beside_its_inputs(capsys, tmp_path, records_file):
    output = tmp_path / "new.jsonl"
    assert run(capsys, "extract", records_file, "-o", output)[0] == 0
    assert len(measures_of(output.read_text())) == 2
