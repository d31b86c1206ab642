"""The ``sanctions`` command: parse the arguments, call the public API, print the results.

::

    sanctions extract FILE... [-o OUT] [--format jsonl|csv|parquet] [-j N]
    sanctions summary FILE... [--role issuer|target] [--by type|category|status|target_kind] [-j N]
    sanctions track add LEDGER FILE... [-j N]
    sanctions track show LEDGER [--as-of DATE]
    sanctions evaluate CORPUS.jsonl [CORPUS.jsonl ...] [--errors N]

A FILE ending in ``.jsonl`` holds one record per line (``text`` and optional ``published``,
``source``, ``id``) and is read lazily; any other FILE is one document whose source is its
path; ``-`` reads standard input (JSON Lines if its first line is a JSON object, else one
text). A file or line that cannot be read is reported on stderr with its name and line, the
run goes on, and the exit status is 1. Usage errors and unreadable ledgers or corpora exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from . import __version__
from ._cli_io import PROG, STDIN, _extracted, _message, _Run
from .errors import SanctionsError
from .model import written

if TYPE_CHECKING:
    from .model import Measure
    from .tracker import Tracker

__all__ = ["main"]

_FORMATS = ("jsonl", "csv", "parquet")


# --- commands ---------------------------------------------------------------------------------


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output:
        suffix = Path(args.output).suffix.lstrip(".")
        if suffix in _FORMATS:
            return suffix
    return "jsonl"


def _refuse_input_as_output(output: str, inputs: Sequence[str]) -> None:
    """Raise `_UsageError` if ``output`` is one of ``inputs``, under any name (links too).

    Opening the output for writing empties it before a single input is read, so this runs
    before anything is opened.
    """
    for name in inputs:
        if name == STDIN:
            continue
        try:
            same = os.path.samefile(output, name)  # same device and inode: links count
        except OSError:  # one of them does not exist: it cannot be the other
            continue
        if same:
            raise _UsageError(
                f"{output} is also an input ({name}): writing it would destroy the input; "
                "write to another file"
            )


def _cmd_extract(args: argparse.Namespace, out: IO[str], run: _Run) -> int:
    if args.output:
        _refuse_input_as_output(args.output, args.files)
    form = _format(args)
    if form == "parquet" and not args.output:
        raise _UsageError("--format parquet needs an output file (-o OUT.parquet)")
    if form == "parquet":
        from ._ledger_io import _require_pyarrow

        _require_pyarrow()
    measures = _extracted(args.files, run, args.jobs)
    if form == "jsonl":
        if args.output:
            with open(args.output, "w", encoding="utf-8") as file:
                _write_jsonl(measures, file)
        else:
            _write_jsonl(measures, out)
        return run.status
    from .frames import to_frame

    frame = to_frame(list(measures))
    if form == "csv":
        if args.output:
            frame.to_csv(args.output, index=False)
        else:
            frame.to_csv(out, index=False)
    else:
        frame.to_parquet(args.output, index=False)
    return run.status


def _write_jsonl(measures: Iterable[Measure], file: IO[str]) -> None:
    for measure in measures:
        file.write(measure.model_dump_json() + "\n")


def _cmd_summary(args: argparse.Namespace, out: IO[str], run: _Run) -> int:
    from .frames import by_country, to_frame

    frame = to_frame(list(_extracted(args.files, run, args.jobs)))
    if frame.empty:
        print(f"no measures in {run.documents} documents", file=out)
        return run.status
    table = by_country(frame, role=args.role, by=args.by)
    table = table.loc[:, table.sum(axis=0) > 0]
    table["total"] = table.sum(axis=1)
    print(table.to_string(), file=out)
    print(
        f"\n{len(frame)} measures from {run.documents} documents "
        f"({frame['issuer'].nunique()} issuers, {frame['target'].nunique()} targets)",
        file=out,
    )
    return run.status


def _load_ledger(path: str, create: bool) -> Tracker:
    from .tracker import Tracker

    if create and not os.path.exists(path):
        return Tracker()
    return Tracker.load(path)


def _cmd_track_add(args: argparse.Namespace, out: IO[str], run: _Run) -> int:
    """Extract, then add to the ledger under its lock: concurrent runs lose nothing.

    The ledger is read once first, so a damaged one stops the run before any extraction; it
    is read again under the lock, as it is then, and saved before the lock is released.
    """
    from .tracker import Tracker

    _load_ledger(args.ledger, create=True)
    measures = list(_extracted(args.files, run, args.jobs))
    with Tracker.update(args.ledger) as tracker:
        before = len(tracker)
        reports = len(tracker.add_measures(measures))
        tracked = len(tracker)
    summary = {
        "ledger": written(args.ledger),
        "documents": run.documents,
        "reports": reports,
        "new": tracked - before,
        "tracked": tracked,
    }
    print(json.dumps(summary), file=out)
    return run.status


def _cmd_track_show(args: argparse.Namespace, out: IO[str], run: _Run) -> int:
    tracker = _load_ledger(args.ledger, create=False)
    records = tracker.as_of(args.as_of) if args.as_of else tracker.tracked()
    for record in records:
        print(record.model_dump_json(), file=out)
    return 0


def _cmd_evaluate(args: argparse.Namespace, out: IO[str], run: _Run) -> int:
    from .evaluation import pool, score_file

    scores = [score_file(Path(corpus)) for corpus in args.corpus]
    for corpus, result in zip(args.corpus, scores, strict=True):
        if len(scores) > 1:
            print(f"=== {corpus}", file=out)
        print(result.report(errors=args.errors), file=out)
    if len(scores) > 1:
        print(f"=== pool of {len(scores)} files", file=out)
        print(pool(scores).report(), file=out)
    return 0


# --- parsing ----------------------------------------------------------------------------------


class _UsageError(Exception):
    """A command-line mistake argparse cannot see; exits 2 like argparse's own."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _jobs(value: str) -> int:
    """``--jobs``: a count of worker processes, 0 meaning one per usable core."""
    from ._parallel import usable_cores

    jobs = _count(value)
    return jobs or usable_cores()


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a non-negative integer: {value!r}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extract sanctions measures from news text into typed records and tables.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    files_help = ".txt (one document) or .jsonl (one record per line) files; - for stdin"

    extract = commands.add_parser(
        "extract", help="print the measures of documents as JSON Lines (or CSV, Parquet)"
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help=files_help)
    extract.add_argument("-o", "--output", metavar="OUT", help="write here, not to stdout")
    extract.add_argument(
        "--format", choices=_FORMATS, help="output format (default: from OUT's suffix, or jsonl)"
    )
    jobs_help = "worker processes to extract with (default 1; 0: one per core)"
    extract.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help=jobs_help)
    extract.set_defaults(run=_cmd_extract)

    summary = commands.add_parser("summary", help="print measures by country and type")
    summary.add_argument("files", nargs="+", metavar="FILE", help=files_help)
    summary.add_argument("--role", choices=("issuer", "target"), default="issuer")
    summary.add_argument(
        "--by", choices=("type", "category", "status", "target_kind"), default="type"
    )
    summary.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help=jobs_help)
    summary.set_defaults(run=_cmd_summary)

    track = commands.add_parser("track", help="keep a ledger of measures across documents")
    track_commands = track.add_subparsers(dest="track_command", metavar="ACTION", required=True)
    add = track_commands.add_parser("add", help="extract documents into a ledger (made if new)")
    add.add_argument("ledger", metavar="LEDGER", help=".jsonl (or .parquet) ledger file")
    add.add_argument("files", nargs="+", metavar="FILE", help=files_help)
    add.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help=jobs_help)
    add.set_defaults(run=_cmd_track_add)
    show = track_commands.add_parser("show", help="print a ledger's tracked measures")
    show.add_argument("ledger", metavar="LEDGER", help=".jsonl (or .parquet) ledger file")
    show.add_argument("--as-of", type=_date, metavar="DATE", help="only measures in force on DATE")
    show.set_defaults(run=_cmd_track_show)

    evaluate = commands.add_parser(
        "evaluate", help="score the extractor on an annotated corpus (JSON Lines)"
    )
    evaluate.add_argument(
        "corpus", nargs="+", metavar="CORPUS", help="annotated corpora, .jsonl (each, then pooled)"
    )
    evaluate.add_argument(
        "--errors", type=_count, default=0, metavar="N", help="show up to N records with errors"
    )
    evaluate.set_defaults(run=_cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sanctions`` command line with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit status: 0 on success, 1 if some input could not be read, 2 for a usage
    error or an unreadable ledger or corpus.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    run = _Run(sys.stderr)
    try:
        status: int = args.run(args, sys.stdout, run)
    except _UsageError as exc:
        parser.error(str(exc))
    except BrokenPipeError:  # pragma: no cover - piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return run.status
    except (SanctionsError, OSError, ImportError) as exc:
        run.error(_message(exc))
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    finally:
        run.close()
    return status
