"""Small cells and intervals: every point of a tone line shows its interval or says why not.

Expected values are hand counts from the small tables written here.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PolyCollection

from toolkit.plots import plot_tone_over_time
from toolkit.stats.aggregation import MIN_DOCS, aggregate

# the plots are called in the 0.4 vocabulary: an old name here is a bug
pytestmark = pytest.mark.filterwarnings("error:plot_:FutureWarning")


def test_aggregate_flags_cells_below_min_docs():
    # outlet A: 2 documents, B: 5, C: 1 (hand count)
    d = pd.DataFrame(
        {
            "doc_id": list("abcdefgh"),
            "outlet": ["A", "A", "B", "B", "B", "B", "B", "C"],
            "tone": [0.1, 0.3, 0.0, 0.2, -0.1, 0.1, 0.4, 0.5],
        }
    )
    out = aggregate(d, "tone", by="outlet", n_boot=50)
    assert MIN_DOCS == 5
    assert out["small_cell"].tolist() == [True, False, True]
    # the flag does not change the numbers: A's mean is (0.1 + 0.3) / 2
    assert out.loc[0, "mean"] == 0.2
    out3 = aggregate(d, "tone", by="outlet", n_boot=50, min_docs=2)
    assert out3["small_cell"].tolist() == [False, False, True]


def _whisker_xs(ax):
    xs = []
    for c in ax.collections:
        if isinstance(c, LineCollection):
            for seg in c.get_segments():
                xs.append(float(seg[0][0]))
    return xs


def _ribbon_spans(ax):
    spans = []
    for c in ax.collections:
        if isinstance(c, PolyCollection) and not isinstance(c, LineCollection):
            for path in c.get_paths():
                v = path.vertices[:, 0]
                if len(v):
                    spans.append((float(v.min()), float(v.max())))
    return spans


def test_isolated_period_gets_a_whisker_and_small_cells_an_open_marker():
    # 2005 stands alone (no 2004/2006); 2008-2009 are neighbours; 2012 has 2 docs
    years = [2005, 2008, 2009, 2012]
    df = pd.DataFrame(
        {
            "period": years,
            "mean": [-0.05, 0.0, 0.1, -0.14],
            "ci_low": [-0.091, -0.1, 0.0, -0.155],
            "ci_high": [-0.010, 0.1, 0.2, -0.119],
            "n_docs": [62, 30, 40, 2],
        }
    )
    ax = plot_tone_over_time(df, ref=None)
    # 2005: a whisker from -0.091 to -0.010
    whiskers = [c for c in ax.collections if isinstance(c, LineCollection)]
    segs = [s for c in whiskers for s in c.get_segments()]
    assert len(segs) == 1
    assert np.allclose(segs[0][:, 0], 2005) and np.allclose(sorted(segs[0][:, 1]), [-0.091, -0.010])
    # 2008-2009: one ribbon; 2012 (n=2) has none
    spans = _ribbon_spans(ax)
    assert any(lo <= 2008 and hi >= 2009 for lo, hi in spans)
    assert not any(lo <= 2012 <= hi for lo, hi in spans)
    # 2012 drawn with an open (white-faced) marker, explained in the legend
    opens = [
        ln
        for ln in ax.lines
        if ln.get_markerfacecolor() in ("white", "w", (1, 1, 1, 1)) and ln.get_linestyle() == "None"
    ]
    assert [list(ln.get_xdata()) for ln in opens] == [[2012]]
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts == ["open marker: fewer than 5 documents, no interval"]
    plt.close("all")


def test_every_point_shows_interval_or_reason():
    # ten episodes at irregular dates (no neighbour within 1.5 smallest gaps for most)
    dates = pd.to_datetime(
        [
            "2001-03-01",
            "2001-04-01",
            "2003-07-01",
            "2005-01-01",
            "2006-02-01",
            "2006-03-01",
            "2010-10-01",
            "2012-08-01",
            "2015-12-01",
            "2019-07-01",
        ]
    )
    rng = np.random.default_rng(1)
    mean = rng.uniform(-0.3, 0.1, len(dates))
    n_docs = [12, 8, 40, 3, 20, 22, 9, 1, 60, 15]
    df = pd.DataFrame(
        {
            "period": dates,
            "mean": mean,
            "ci_low": mean - 0.05,
            "ci_high": mean + 0.05,
            "n_docs": n_docs,
        }
    )
    df.loc[7, ["ci_low", "ci_high"]] = np.nan  # one document: no interval at all
    ax = plot_tone_over_time(df, ref=None)
    import matplotlib.dates as mdates

    xs = mdates.date2num(dates)
    whisk = _whisker_xs(ax)
    spans = _ribbon_spans(ax)
    opens = {
        float(x)
        for ln in ax.lines
        if ln.get_linestyle() == "None" and ln.get_markerfacecolor() == "white"
        for x in mdates.date2num(ln.get_xdata())
    }
    for x, k in zip(xs, n_docs, strict=True):
        shown = any(np.isclose(x, w) for w in whisk) or any(lo <= x <= hi for lo, hi in spans)
        if k < 5:
            assert x in opens and not shown
        else:
            assert shown and x not in opens
    plt.close("all")


def test_frames_facets_break_across_years_without_articles():
    from toolkit.plots import plot_frames_over_time

    years = pd.to_datetime(["2015-01-01", "2016-01-01", "2019-01-01"])
    df = pd.DataFrame(
        {
            "period": list(years) * 2,
            "frame": ["a"] * 3 + ["b"] * 3,
            "share": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
            "ci_low": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5],
            "ci_high": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
            "n_docs": [10, 10, 10, 10, 2, 10],
        }
    )
    fig = plot_frames_over_time(df)
    first = fig.axes[0].lines[0]
    y = np.asarray(first.get_ydata(), dtype=float)
    # 2016 -> 2019 has two empty years: the line is broken there
    assert len(y) == 4 and np.isnan(y[2])
    # panel b: 2016 has 2 documents -> open marker
    opens = [ln for ln in fig.axes[1].lines if ln.get_markerfacecolor() == "white"]
    assert len(opens) == 1 and list(opens[0].get_ydata()) == [0.5]
    plt.close("all")
