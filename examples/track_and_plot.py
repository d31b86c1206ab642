"""Track the bundled news articles: measures by country, a saved ledger, and charts.

    python examples/track_and_plot.py              # files go to a temporary directory
    python examples/track_and_plot.py --out out/   # keep the ledger and the PNG charts

Each article in examples/articles/ is one document; its dateline ("BRUSSELS, March 4, 2024 -")
gives the publication date that anchors the measures' dates. Charts need matplotlib
(pip install 'sanctions[plot]'); without it they are skipped with a message.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

from sanctions.frames import by_country, to_frame
from sanctions.tracker import Tracker

ARTICLES = Path(__file__).parent / "articles"
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, (?P<date>[A-Z][a-z]+ \d{1,2}, \d{4}) -", re.MULTILINE)


def published(text: str) -> dt.date | None:
    """The date of the article's dateline, if it has one."""
    match = DATELINE.search(text)
    if match is None:
        return None
    return dt.datetime.strptime(match["date"], "%B %d, %Y").date()


def track(articles: Path) -> Tracker:
    tracker = Tracker()
    for path in sorted(articles.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = tracker.add(text, published=published(text), source=path.name)
        print(f"{path.name}: {len(found)} measures")
    return tracker


def charts(tracker: Tracker, out: Path) -> None:
    try:
        import matplotlib
    except ImportError:
        print("matplotlib is not installed: no charts (pip install 'sanctions[plot]')")
        return
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from sanctions import plot

    df = to_frame(tracker)
    for name, draw in [
        ("timeline", lambda: plot.timeline(df, by="category")),
        ("dyads", lambda: plot.dyads(df)),
        ("by_country", lambda: plot.by_country(df)),
    ]:
        ax = draw()
        ax.figure.savefig(out / f"{name}.png", bbox_inches="tight", dpi=100)
        plt.close(ax.figure)
        print(f"wrote {out / name}.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="directory for the ledger and the charts")
    args = parser.parse_args(argv)

    tracker = track(ARTICLES)
    df = to_frame(tracker)
    table = by_country(df)
    print(f"\n{len(tracker)} tracked measures by issuer and type:")
    print(table.loc[:, table.sum() > 0].to_string())

    print("\ncountermeasures:")
    for answer, cause in tracker.countermeasures():
        print(f"  {answer.key} answers {cause.key}")
    in_force = tracker.as_of(dt.date(2024, 12, 31))
    print(f"\nin force on 2024-12-31: {len(in_force)} of {len(tracker)}")

    with tempfile.TemporaryDirectory() as temporary:
        out = args.out or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        ledger = out / "ledger.jsonl"
        tracker.save(ledger)
        assert Tracker.load(ledger) == tracker
        print(f"\nsaved {ledger}")
        charts(tracker, out)
        if args.out is None:
            print("(a temporary directory: pass --out DIR to keep the files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
