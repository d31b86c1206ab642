"""Benchmark: MB/s of text end to end (text -> measures -> DataFrame), with references.

    python benchmarks/run.py --size-mb 50 --json benchmarks/out/results.json

Generates two reproducible corpora (benchmarks/corpus.py: dense, about 20% of sentences state a
measure; sparse, about 1%), then times each configuration in a fresh subprocess, ``--repeat``
times, and reports the median, with the peak RSS of that subprocess (``os.wait4``):

- ``extract_many``: a lazy JSON Lines reader -> `sanctions.extract_many` -> ``to_frame``;
- ``cli``: ``sanctions extract FILE -o OUT.jsonl`` (process start-up included);
- ``spacy``: spaCy ``blank("en")`` tokenizer + ``PhraseMatcher`` (attr LOWER) over the anchors of
  ``RuleSet.default()``, matches -> DataFrame: a reference for a tokenizing matcher;
- ``scan``: ``make_scanner(anchors).find(text.lower())``, hits -> DataFrame: the floor of the
  design (one anchor pass and nothing else);
- ``processes2``: ``extract_many(records, processes=2)`` -> ``to_frame`` (dense corpus), for the
  speedup over one process on one machine, worker start-up included;
- ``dask2``: `sanctions.dask.extract_frame` on a 2-worker ``LocalCluster`` (dense corpus), for
  the speedup over one process;
- linearity: ``extract_many`` on 1/10 of the dense corpus against all of it, and adversarial
  single-line texts (``corpus.PATHOLOGICAL``) of 1 MB against 10 MB.

``--memory-check`` streams a 1 GB corpus to disk and runs ``extract_many`` (from a lazy reader,
measures folded into per-chunk frames) and the CLI over it, checking peak RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (benchmarks/corpus.py, next to this file)

OUT = HERE / "out"
SEED = {"dense": 20240304, "sparse": 20240305}
SHARE = {"dense": 0.20, "sparse": 0.01}
CONFIGS = ("extract_many", "cli", "spacy", "scan")
MEMORY_LIMIT_MB = 300


# --- corpora ----------------------------------------------------------------------------------


def corpus_path(name: str, size_mb: float) -> Path:
    """The corpus file for ``name`` and size; its name changes whenever the generator does."""
    return OUT / f"{name}-{size_mb:g}MB-{corpus.fingerprint()}.jsonl"


def ensure_corpus(name: str, size_mb: float) -> Path:
    path = corpus_path(name, size_mb)
    if not path.exists():
        partial = path.with_suffix(".partial")
        written = corpus.write_corpus(partial, size_mb, SHARE[name], SEED[name], name)
        partial.rename(path)
        print(f"wrote {path.name}: {written / 1e6:.1f} MB of text", file=sys.stderr)
    return path


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """One record per line, lazily: the file never sits in memory whole."""
    with path.open(encoding="utf-8") as file:
        for line in file:
            yield json.loads(line)


def text_bytes(path: Path) -> int:
    return sum(len(record["text"].encode("utf-8")) for record in read_records(path))


# --- configurations, each run in a fresh subprocess ---------------------------------------------


class Clock:
    """Wall and CPU seconds of a timed section: CPU time is steady on a loaded machine."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def stop(self) -> dict[str, float]:
        return {
            "seconds": time.perf_counter() - self.wall,
            "cpu_seconds": time.process_time() - self.cpu,
        }


def _anchors() -> list[str]:
    from sanctions.rules import RuleSet

    return sorted(RuleSet.default().anchors)


def child_extract_many(path: Path) -> dict[str, Any]:
    import sanctions
    from sanctions.frames import to_frame

    started = time.perf_counter()
    sanctions.extract("Warm-up: Canada froze assets.")  # compile the default tables
    build = time.perf_counter() - started
    clock = Clock()
    frame = to_frame(sanctions.extract_many(read_records(path)))
    return {**clock.stop(), "measures": len(frame), "build_seconds": build}


def child_spacy(path: Path) -> dict[str, Any]:
    import pandas as pd
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("ANCHOR", [nlp.make_doc(anchor) for anchor in _anchors()])
    clock = Clock()
    pairs = ((record["text"], record["source"]) for record in read_records(path))
    sources, starts, ends = [], [], []
    for doc, source in nlp.pipe(pairs, as_tuples=True, batch_size=256):
        for _, start, end in matcher(doc):
            span = doc[start:end]
            sources.append(source)
            starts.append(span.start_char)
            ends.append(span.end_char)
    frame = pd.DataFrame({"source": sources, "start": starts, "end": ends})
    return {**clock.stop(), "matches": len(frame)}


def child_scan(path: Path) -> dict[str, Any]:
    import pandas as pd

    from sanctions.scan import make_scanner

    scanner = make_scanner(_anchors())
    clock = Clock()
    sources, starts, anchors = [], [], []
    for record in read_records(path):
        for start, anchor in scanner.find(record["text"].lower()):
            sources.append(record["source"])
            starts.append(start)
            anchors.append(anchor)
    frame = pd.DataFrame({"source": sources, "start": starts, "anchor": anchors})
    return {**clock.stop(), "matches": len(frame), "scanner": type(scanner).__name__}


def child_processes2(path: Path) -> dict[str, Any]:
    """``extract_many(..., processes=2)``: the wall time, worker start-up and tables included."""
    import sanctions
    from sanctions.frames import to_frame

    started = time.perf_counter()
    frame = to_frame(sanctions.extract_many(read_records(path), processes=2))
    return {"seconds": time.perf_counter() - started, "measures": len(frame)}


def child_dask2(path: Path) -> dict[str, Any]:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    from sanctions import dask as sanctions_dask

    size = path.stat().st_size
    blocksize = max(1_000_000, size // 16)  # about 16 partitions: 8 per worker
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(sanctions_dask._extractor)  # compile the tables once on each worker
        cpu_before = client.run(time.process_time)
        started = time.perf_counter()
        articles = dd.read_json(str(path), lines=True, blocksize=blocksize)
        measures = sanctions_dask.extract_frame(articles, published="published", source="id")
        frame = measures.compute()
        seconds = time.perf_counter() - started
        cpu_after = client.run(time.process_time)
        worker_rss = client.run(_peak_rss_mb)
        partitions = articles.npartitions
    return {
        "seconds": seconds,
        "measures": len(frame),
        "partitions": partitions,
        "worker_peak_rss_mb": max(worker_rss.values()),
        # CPU seconds each worker spent: on an idle machine the wall time approaches the largest.
        "worker_cpu_seconds": sorted(cpu_after[w] - cpu_before[w] for w in cpu_after),
    }


def child_pathological(kind: str, size: int) -> dict[str, Any]:
    from sanctions import Extractor

    extractor = Extractor(max_chars=max(size + 1, 20_000_000))
    text = corpus.pathological(kind, size)
    clock = Clock()
    measures = extractor.extract(text)
    return {**clock.stop(), "measures": len(measures)}


def child_memory(path: Path) -> dict[str, Any]:
    """extract_many over a lazy reader; measures folded into per-chunk frames and counts."""
    import sanctions
    from sanctions.frames import to_frame

    chunk: list[sanctions.Measure] = []
    counts: dict[str, int] = {}
    total = 0
    clock = Clock()
    for measure in sanctions.extract_many(read_records(path)):
        chunk.append(measure)
        if len(chunk) == 10_000:
            total += _fold(to_frame(chunk), counts)
            chunk = []
    total += _fold(to_frame(chunk), counts)
    return {**clock.stop(), "measures": total, "by_type": counts}


def _fold(frame: Any, counts: dict[str, int]) -> int:
    for key, value in frame["type"].value_counts().items():
        counts[str(key)] = counts.get(str(key), 0) + int(value)
    return len(frame)


def _peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child_versions() -> dict[str, Any]:
    """Library versions, read in a child so that the parent stays small (see `spawn`)."""

    def version(name: str) -> str | None:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return None

    import sanctions

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], capture_output=True, text=True, cwd=Path(sanctions.__file__).parent
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--", ".")
    return {
        "python": platform.python_version(),
        "sanctions": sanctions.__version__,
        "sanctions_path": str(Path(sanctions.__file__).parent),
        "git": (commit + ("+dirty" if dirty else "")) if commit else None,
        **{
            name: version(name)
            for name in (
                "pandas", "pydantic", "spacy", "pyahocorasick", "dask", "distributed", "numpy"
            )
        },
    }  # fmt: skip


def child_main(args: list[str]) -> None:
    name, *rest = args
    if name == "versions":
        result = child_versions()
    elif name == "pathological":
        result = child_pathological(rest[0], int(rest[1]))
    else:
        result = globals()[f"child_{name}"](Path(rest[0]))
    print(json.dumps(result))


# --- the parent: spawn, time, collect ---------------------------------------------------------


def spawn(command: list[str], timeout: float | None = None) -> dict[str, Any]:
    """Run ``command``; its wall time, peak RSS (its own rusage) and the JSON it printed.

    Linux carries a process's peak RSS over ``exec`` from the process it was forked from, so
    the parent imports nothing heavy (no pandas, no sanctions): the figure is the child's own.
    """
    load = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = None if timeout is None else started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and time.perf_counter() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            return {"timeout": timeout}
        time.sleep(0.02)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{command} failed ({process.returncode}):\n{err[-3000:]}")
    lines = out.strip().splitlines()
    result: dict[str, Any] = json.loads(lines[-1]) if lines and lines[-1][:1] == "{" else {}
    result["wall_seconds"] = wall
    result["load_average_at_start"] = load
    result["peak_rss_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    result["process_cpu_seconds"] = usage.ru_utime + usage.ru_stime
    return result


def child_command(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", *args]


def cli_command(path: Path, output: Path) -> list[str] | None:
    script = Path(sys.executable).parent / "sanctions"
    try:
        import sanctions.cli  # noqa: F401
    except ImportError:
        return None
    if script.exists():
        return [str(script), "extract", str(path), "-o", str(output)]
    return [sys.executable, "-m", "sanctions", "extract", str(path), "-o", str(output)]


def measure(config: str, path: Path, repeat: int) -> dict[str, Any] | None:
    """Median seconds of ``repeat`` fresh runs of one configuration, with its peak RSS."""
    runs = []
    for _ in range(repeat):
        if config == "cli":
            output = OUT / f"cli-{path.stem}.jsonl"
            command = cli_command(path, output)
            if command is None:
                return None
            result = spawn(command)
            result["seconds"] = result["wall_seconds"]
            result["cpu_seconds"] = result["process_cpu_seconds"]  # start-up included
            result["measures"] = _count_lines(output)
            output.unlink()
        else:
            result = spawn(child_command(config, str(path)))
        runs.append(result)
        cpu = result.get("cpu_seconds")
        print(
            f"  {config:<13} {path.name}: {result['seconds']:.2f} s"
            + (f" ({cpu:.2f} s CPU)" if cpu else "")
            + f", load {result['load_average_at_start']:.1f}",
            file=sys.stderr,
        )
    summary = dict(runs[0])
    summary["runs"] = [round(r["seconds"], 3) for r in runs]
    summary["seconds"] = statistics.median(r["seconds"] for r in runs)
    if all(r.get("cpu_seconds") for r in runs):
        summary["cpu_seconds"] = statistics.median(r["cpu_seconds"] for r in runs)
    else:
        summary.pop("cpu_seconds", None)
    summary["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return summary


def _count_lines(path: Path) -> int:
    with path.open("rb") as file:
        return sum(1 for _ in file)


def pathological_runs(kinds: list[str], sizes: list[int], timeout: float) -> dict[str, Any]:
    """Seconds per adversarial kind and size; bigger sizes are skipped after a timeout."""
    results: dict[str, Any] = {}
    for kind in kinds:
        row: dict[str, Any] = {}
        for size in sizes:
            result = spawn(child_command("pathological", kind, str(size)), timeout=timeout)
            row[str(size)] = result.get("cpu_seconds", f">{timeout:g}")
            shown = row[str(size)]
            shown = f"{shown:.2f} s" if isinstance(shown, float) else f"{shown} s"
            print(f"  pathological {kind} {size / 1e6:g} MB: {shown}", file=sys.stderr)
            if "timeout" in result:
                break
        results[kind] = row
    return results


def machine() -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            model = next((ln.split(":", 1)[1].strip() for ln in info if "model name" in ln), "")
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": model,
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
    }


def available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


# --- reports ----------------------------------------------------------------------------------


def table(report: dict[str, Any]) -> str:
    """The report as Markdown tables; ratios compare CPU-time rates, steady under load."""
    lines = [
        "| corpus | configuration | MB/s wall | MB/s CPU | s wall | s CPU | measures (matches) "
        "| measures/CPU s | peak RSS MB | x spaCy | x scan |",
        "| --- | --- |" + " ---: |" * 9,
    ]
    for name, block in report["corpora"].items():
        mb = block["text_mb"]
        spacy_rate = _rate(block.get("spacy"), mb)
        scan_rate = _rate(block.get("scan"), mb)
        for config in (*CONFIGS, "processes2", "dask2"):
            result = block.get(config)
            if not result:
                continue
            cpu = result.get("cpu_seconds")
            rate = _rate(result, mb)
            found = result.get("measures", result.get("matches", 0))
            per_cpu = f"{found / cpu:,.0f}" if cpu and "measures" in result else ""
            rss = result.get("worker_peak_rss_mb", result["peak_rss_mb"])
            lines.append(
                f"| {name} | {config} | {mb / result['seconds']:.2f} | "
                f"{_cell(rate)} | {result['seconds']:.1f} | {_cell(cpu)} | {found:,} "
                f"| {per_cpu} | {rss:.0f} | {_ratio(rate, spacy_rate) if cpu else ''} "
                f"| {_ratio(rate, scan_rate) if cpu else ''} |"
            )
    out = ["\n".join(lines)]
    if "processes_speedup" in report:
        out.append(
            "extract_many(processes=2) speedup over one process (dense, wall time, worker "
            f"start-up included): {report['processes_speedup']:.2f}x"
        )
    if "dask_speedup" in report:
        out.append(
            f"2-worker Dask speedup over one process (dense, wall time): "
            f"{report['dask_speedup']:.2f}x"
            + (
                f"; one process's CPU seconds / the busiest worker's: "
                f"{report['dask_cpu_speedup']:.2f}x"
                if "dask_cpu_speedup" in report
                else ""
            )
        )
    linear = report.get("linearity")
    if linear:
        out.append(
            f"Linearity (dense, extract_many, CPU s): {linear['small_mb']:.1f} MB in "
            f"{linear['small_seconds']:.2f} s, {linear['large_mb']:.1f} MB in "
            f"{linear['large_seconds']:.2f} s; time per MB, 10x / 1x = {linear['ratio']:.2f}"
        )
    patho = report.get("pathological")
    if patho:
        rows = ["| adversarial single line | " + " | ".join(
            f"{int(s) / 1e6:g} MB (CPU s)" for s in report["pathological_sizes"]
        ) + " |", "| --- |" + " ---: |" * len(report["pathological_sizes"])]  # fmt: skip
        for kind, row in patho.items():
            cells = [_cell(row.get(str(size), "-")) for size in report["pathological_sizes"]]
            rows.append(
                f"| {kind} `{corpus.PATHOLOGICAL[kind].strip()}` | " + " | ".join(cells) + " |"
            )
        out.append("\n".join(rows))
    memory = report.get("memory")
    if memory:
        out.append(
            "Memory check ({:.0f} MB of text): ".format(memory["text_mb"])
            + "; ".join(
                f"{name} peak RSS {result['peak_rss_mb']:.0f} MB in {result['seconds']:.0f} s "
                f"({'ok' if result['peak_rss_mb'] < MEMORY_LIMIT_MB else 'OVER'} "
                f"< {MEMORY_LIMIT_MB} MB)"
                for name, result in memory["runs"].items()
            )
        )
    return "\n\n".join(out)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _rate(result: dict[str, Any] | None, mb: float) -> float | None:
    """MB per CPU second (per wall second where no CPU time was measured)."""
    if not result:
        return None
    return mb / (result.get("cpu_seconds") or result["seconds"])


def _ratio(rate: float | None, reference: float | None) -> str:
    return f"{rate / reference:.3f}" if rate and reference else ""


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=50.0, help="MB of text per corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--only", choices=("dense", "sparse"), help="one corpus only")
    parser.add_argument("--skip", nargs="*", default=[], metavar="PART",
                        choices=(*CONFIGS, "processes", "dask", "linearity", "pathological"),
                        help="parts to leave out")  # fmt: skip
    parser.add_argument("--pathological-mb", type=float, nargs="+", default=[0.01, 0.1, 1, 10],
                        help="sizes of the adversarial single-line texts")  # fmt: skip
    parser.add_argument("--pathological", nargs="+", default=list(corpus.PATHOLOGICAL),
                        choices=list(corpus.PATHOLOGICAL), metavar="KIND",
                        help="adversarial texts to run (default: all)")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=600.0, help="per adversarial run, s")
    parser.add_argument("--memory-check", action="store_true",
                        help="only the 1 GB memory check (extract_many and the CLI)")  # fmt: skip
    parser.add_argument("--memory-mb", type=float, default=1000.0)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    report: dict[str, Any] = {"machine": machine(), "corpora": {}}
    report["versions"] = spawn(child_command("versions"))
    report["settings"] = {"size_mb": args.size_mb, "repeat": args.repeat, "seeds": SEED}
    if args.memory_check:
        report["memory"] = memory_check(args.memory_mb)
    else:
        benchmark(args, report)
    print(table(report))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def benchmark(args: argparse.Namespace, report: dict[str, Any]) -> None:
    skip = set(args.skip)
    if not available("spacy"):
        print("spaCy is not installed: pip install 'sanctions[bench]'", file=sys.stderr)
        skip.add("spacy")
    if not (available("dask.dataframe") and available("distributed")):
        skip.add("dask")
    names = [args.only] if args.only else ["dense", "sparse"]
    for name in names:
        path = ensure_corpus(name, args.size_mb)
        block: dict[str, Any] = {"file": path.name, "text_mb": text_bytes(path) / 1e6}
        for config in CONFIGS:
            if config not in skip:
                block[config] = measure(config, path, args.repeat)
                if block[config] is None:
                    block[config] = {}
                    report.setdefault("notes", []).append("CLI not available: skipped")
        if name == "dense" and "processes" not in skip:
            block["processes2"] = measure("processes2", path, args.repeat)
            single = block.get("extract_many")
            if single:
                report["processes_speedup"] = single["seconds"] / block["processes2"]["seconds"]
        if name == "dense" and "dask" not in skip:
            block["dask2"] = measure("dask2", path, args.repeat)
            single = block.get("extract_many")
            if single:
                report["dask_speedup"] = single["seconds"] / block["dask2"]["seconds"]
                if single.get("cpu_seconds"):
                    busiest = max(block["dask2"]["worker_cpu_seconds"])
                    report["dask_cpu_speedup"] = single["cpu_seconds"] / busiest
        report["corpora"][name] = block
    if (
        "linearity" not in skip
        and "dense" in names
        and report["corpora"]["dense"].get("extract_many")
    ):
        large = report["corpora"]["dense"]
        small_path = ensure_corpus("dense", args.size_mb / 10)
        small_mb = text_bytes(small_path) / 1e6
        small = measure("extract_many", small_path, args.repeat)
        assert small is not None
        small_s = small.get("cpu_seconds", small["seconds"])
        large_s = large["extract_many"].get("cpu_seconds", large["extract_many"]["seconds"])
        report["linearity"] = {
            "small_mb": small_mb,
            "small_seconds": small_s,
            "large_mb": large["text_mb"],
            "large_seconds": large_s,
            "ratio": (large_s / large["text_mb"]) / (small_s / small_mb),
            "wall_ratio": (large["extract_many"]["seconds"] / large["text_mb"])
            / (small["seconds"] / small_mb),
        }
    if "pathological" not in skip:
        sizes = [int(mb * 1_000_000) for mb in args.pathological_mb]
        report["pathological_sizes"] = sizes
        report["pathological"] = pathological_runs(args.pathological, sizes, args.timeout)
    report["machine"]["load_average_after"] = os.getloadavg()


def memory_check(size_mb: float) -> dict[str, Any]:
    """Stream a ``size_mb`` dense corpus to disk; peak RSS of extract_many and of the CLI."""
    path = ensure_corpus("dense", size_mb)
    result: dict[str, Any] = {"file": path.name, "text_mb": text_bytes(path) / 1e6, "runs": {}}
    result["runs"]["extract_many"] = spawn(child_command("memory", str(path)))
    output = OUT / "memory-cli.jsonl"
    command = cli_command(path, output)
    if command is not None:
        cli = spawn(command)
        cli["seconds"] = cli["wall_seconds"]
        cli["cpu_seconds"] = cli["process_cpu_seconds"]
        cli["measures"] = _count_lines(output)
        output.unlink()
        result["runs"]["cli"] = cli
    return result


if __name__ == "__main__":
    main()
