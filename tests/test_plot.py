import datetime as dt
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from _support import measure as make
from sanctions import plot
from sanctions.frames import dyads, to_frame


@pytest.fixture
def pyplot():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")


@pytest.fixture
def df():
    return to_frame(
        [
            make(date=dt.date(2022, 2, 28)),
            make(type="mfn_revocation", date=dt.date(2022, 3, 15)),
            make(issuer="EU", date=dt.date(2022, 3, 1)),
            make(issuer="RUS", target="JPN", type="talks_suspension", date=dt.date(2022, 3, 21)),
            make(issuer="USA", target=None),
        ]
    )


def bars(ax):
    return {c.get_label(): [p.get_height() for p in c.patches] for c in ax.containers}


def test_timeline_stacks_a_bar_per_value_and_period(pyplot, df):
    ax = plot.timeline(df)
    assert bars(ax) == {
        "asset_freeze": [1, 1],  # February, March
        "mfn_revocation": [0, 1],
        "talks_suspension": [0, 1],
    }


def test_timeline_in_total(pyplot, df):
    ax = plot.timeline(df, by=None, freq="YS")
    assert bars(ax) == {"measures": [4]}
    assert ax.get_legend() is None


def test_dyads_is_a_heatmap_of_the_dyad_table(pyplot, df):
    ax = plot.dyads(df)
    [image] = ax.get_images()
    assert (image.get_array() == dyads(df).to_numpy()).all()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["EU", "JPN", "RUS", "USA"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["JPN", "RUS", "unknown"]


def test_by_country_draws_stacked_bars(pyplot, df):
    ax = plot.by_country(df, by="category")
    widths = {c.get_label(): [p.get_width() for p in c.patches] for c in ax.containers}
    assert widths == {  # issuers EU, JPN, RUS, USA
        "trade": [0, 1, 0, 0],
        "financial": [1, 1, 0, 1],
        "diplomatic": [0, 0, 1, 0],
    }
    assert ax.get_legend().get_title().get_text() == "category"


def test_plots_draw_into_a_given_axes(pyplot, df):
    figure, axes = pyplot.subplots(1, 3)
    assert plot.timeline(df, ax=axes[0]) is axes[0]
    assert plot.dyads(df, ax=axes[1]) is axes[1]
    assert plot.by_country(df, role="target", ax=axes[2]) is axes[2]
    assert figure.axes[:3] == list(axes)


@pytest.mark.parametrize("draw", [plot.timeline, plot.dyads, plot.by_country])
def test_an_empty_frame_gives_an_empty_chart(pyplot, draw):
    ax = draw(to_frame([]))
    assert ax.texts[0].get_text().startswith("no ")


def test_charts_save_to_png(pyplot, df, tmp_path):
    ax = plot.by_country(df)
    ax.figure.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"


def test_missing_matplotlib_names_the_extra(monkeypatch, df):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"pip install 'sanctions\[plot\]'"):
        plot.timeline(df)


def test_bad_frames_are_rejected_before_drawing(df):
    with pytest.raises(TypeError, match="DataFrame"):
        plot.dyads([make()])


def test_the_example_script_writes_a_ledger_and_charts(pyplot, tmp_path):
    script = Path(__file__).parents[1] / "examples" / "track_and_plot.py"
    done = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "tracked measures by issuer and type" in done.stdout
    names = {p.name for p in tmp_path.iterdir()}
    assert {"ledger.jsonl", "timeline.png", "dyads.png", "by_country.png"} <= names


def test_the_example_script_skips_charts_without_matplotlib(monkeypatch, tmp_path, capsys):
    script = Path(__file__).parents[1] / "examples" / "track_and_plot.py"
    example = runpy.run_path(str(script), run_name="example")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert example["main"](["--out", str(tmp_path)]) == 0
    assert "matplotlib is not installed" in capsys.readouterr().out
    assert {p.name for p in tmp_path.iterdir()} == {"ledger.jsonl", "ledger.jsonl.lock"}
