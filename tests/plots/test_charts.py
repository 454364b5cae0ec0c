"""Each plot function: artists for the data, labels, legends, ax=, clear errors.

Expected numbers are hand counts from the small tables written in each test.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from toolkit import plots as P

# the plots are called in the 0.4 vocabulary: an old name here is a bug
pytestmark = pytest.mark.filterwarnings("error:plot_:FutureWarning")


def _legend(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def _yticks(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def _widths(ax):
    return [round(p.get_width(), 6) for p in ax.patches]


# ----------------------------------------------------------------- counts / lengths

COUNTS = pd.DataFrame(
    {
        "outlet": ["Daily A", "Daily A", "Times B", "Times B", "Wire C"],
        "topic": ["trade", "history", "trade", "history", "trade"],
        "n": [4, 2, 1, 6, 3],
    }
)


def test_counts_dodged_bars():
    ax = P.plot_counts(COUNTS, x="outlet", hue="topic")
    # 3 outlets x 2 topics; Wire C has no "history" bar of height 0 drawn too
    assert len(ax.patches) == 6
    # largest total first: Times B (7), Daily A (6), Wire C (3)
    assert _yticks(ax) == ["Times B", "Daily A", "Wire C"]
    assert _legend(ax) == ["history", "trade"]
    assert sorted(_widths(ax)) == [0, 1, 2, 3, 4, 6]


def test_counts_stacked_bars_add_up():
    ax = P.plot_counts(COUNTS, x="outlet", hue="topic", stacked=True)
    ends = {}
    for p in ax.patches:
        y = round(p.get_y() + p.get_height() / 2)
        ends[y] = max(ends.get(y, 0), p.get_x() + p.get_width())
    assert [ends[i] for i in range(3)] == [7, 6, 3]


def test_counts_without_y_counts_rows():
    ax = P.plot_counts(COUNTS, x="outlet", y=None)
    assert _widths(ax) == [2, 2, 1]
    assert ax.get_xlabel() == "Count"


def test_counts_time_axis_vertical_and_fills_months():
    df = pd.DataFrame({"month": pd.to_datetime(["2019-01-01", "2019-03-01"]), "n": [5, 2]})
    ax = P.plot_counts(df, x="month")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2019-01", "2019-02", "2019-03"]
    assert [p.get_height() for p in ax.patches] == [5, 0, 2]
    month_ends = pd.DataFrame({"month": pd.to_datetime(["2019-01-31", "2019-03-31"]), "n": [1, 4]})
    ax = P.plot_counts(month_ends, x="month")
    assert [p.get_height() for p in ax.patches] == [1, 0, 4]


def test_counts_missing_dates_warned_and_left_out():
    df = pd.DataFrame({"month": pd.to_datetime(["2019-01-01", None]), "n": [5, 2]})
    with pytest.warns(UserWarning, match="1 row"):
        ax = P.plot_counts(df, x="month")
    assert [p.get_height() for p in ax.patches] == [5]


def test_counts_nested_hue_is_stacked():
    df = pd.DataFrame({"outlet": ["A", "B"], "country": ["KR", "JP"], "n": [2, 3]})
    ax = P.plot_counts(df, x="outlet", hue="country")
    # one group per outlet: bars are full width, not dodged halves
    assert {round(p.get_height(), 2) for p in ax.patches} == {0.8}


def test_counts_errors():
    with pytest.raises(ValueError, match=r"x='outlets'.*Available columns"):
        P.plot_counts(COUNTS, x="outlets")
    with pytest.raises(TypeError, match="numeric"):
        P.plot_counts(COUNTS, x="outlet", y="topic")
    with pytest.raises(ValueError, match="no rows"):
        P.plot_counts(COUNTS.iloc[:0], x="outlet")
    with pytest.raises(TypeError, match="DataFrame"):
        P.plot_counts([1, 2], x="outlet")


LENGTHS = pd.DataFrame(
    {"n_tokens": [100, 200, 300, 400, np.nan, 800], "country": ["KR", "KR", "JP", "JP", "JP", "KR"]}
)


def test_lengths_histogram():
    ax = P.plot_lengths(LENGTHS, bins=4)
    assert len(ax.patches) == 4
    assert sum(p.get_height() for p in ax.patches) == 5  # the NaN is left out
    assert ax.get_xlabel() == "Length (tokens)"


def test_lengths_step_histograms_per_group():
    ax = P.plot_lengths(LENGTHS, hue="country", bins=3)
    assert len(ax.patches) == 2  # one outline per group
    assert _legend(ax) == ["JP (n=2)", "KR (n=3)"]
    # groups of different sizes: heights are shares of each group's documents.
    # bins of 700/3 from 100 (edges 333.3, 566.7): JP 300 | 400 -> 1/2 each;
    # KR 100, 200 | - | 800 -> 2/3, 0, 1/3
    jp = ax.patches[0].get_path().vertices[:, 1]
    kr = ax.patches[1].get_path().vertices[:, 1]
    assert np.isclose(jp.max(), 0.5) and np.isclose(kr.max(), 2 / 3)
    assert ax.get_ylabel() == "Share of the group's documents"


def test_lengths_boxes():
    ax = P.plot_lengths(LENGTHS, hue="country", kind="box")
    assert _yticks(ax) == ["JP (n=2)", "KR (n=3)"]
    medians = [line.get_xdata()[0] for line in ax.lines if line.get_label() == "_median"]
    assert sorted(medians) == [200, 350]


def test_lengths_errors():
    with pytest.raises(ValueError, match="kind"):
        P.plot_lengths(LENGTHS, kind="violin")
    with pytest.raises(ValueError, match="no non-missing"):
        P.plot_lengths(pd.DataFrame({"n_tokens": [np.nan]}))


# ----------------------------------------------------------------- tone

TONE = pd.DataFrame(
    {
        "period": pd.to_datetime(["2019-07-01", "2019-08-01", "2019-09-01"] * 2),
        "country": ["KR"] * 3 + ["JP"] * 3,
        "mean": [-0.2, -0.3, -0.1, 0.0, -0.1, 0.05],
        "ci_low": [-0.3, -0.45, -0.2, -0.1, -0.2, -0.05],
        "ci_high": [-0.1, -0.15, 0.0, 0.1, 0.0, 0.15],
        "n_docs": [10, 20, 5, 8, 12, 3],
    }
)


def test_tone_over_time_lines_ribbons_counts():
    ax = P.plot_tone_over_time(TONE, hue="country", ref=None)
    # two group lines + JP's open marker for September (3 documents < 5)
    assert len(ax.lines) == 3
    assert len(ax.collections) == 2  # one ribbon per group
    assert _legend(ax) == ["JP", "KR", "open marker: fewer than 5 documents, no interval"]
    kr = [ln for ln in ax.lines if ln.get_label() == "KR"][0]
    assert list(kr.get_ydata()) == [-0.2, -0.3, -0.1]
    twin = [a for a in ax.figure.axes if a is not ax][0]
    assert [p.get_height() for p in twin.patches] == [18, 32, 8]  # documents per month
    assert twin.get_ylabel() == "documents"


def test_tone_over_time_optional_columns_absent():
    df = TONE.drop(columns=["ci_low", "ci_high", "n_docs"])
    ax = P.plot_tone_over_time(df, hue="country")
    assert len(ax.collections) == 0
    assert len(ax.figure.axes) == 1
    assert len(ax.lines) == 3  # two groups + the zero line


def test_tone_over_time_string_periods():
    df = pd.DataFrame({"period": ["2019-08", "2019-07"], "mean": [0.1, 0.2]})
    ax = P.plot_tone_over_time(df, ref=None)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2019-07", "2019-08"]
    assert list(ax.lines[0].get_ydata()) == [0.2, 0.1]


def test_tone_over_time_errors():
    with pytest.raises(ValueError, match="ci_low='lower'"):
        P.plot_tone_over_time(TONE, ci_low="lower", ci_high="ci_high")
    with pytest.raises(ValueError, match="both"):
        P.plot_tone_over_time(TONE, ci_low=None)
    with pytest.raises(ValueError, match="y='score'"):
        P.plot_tone_over_time(TONE, y="score")


@pytest.mark.parametrize("option", ["stat", "method"])  # aggregate's name before / from 0.4
def test_tone_attrs_name_axis(option):
    df = TONE.copy()
    df.attrs = {"measure": "aggregate", "params": {"value": "tone", option: "mean"}}
    ax = P.plot_tone_over_time(df, hue="country")
    assert ax.get_ylabel() == "Mean tone"
    assert ax.get_xlabel() == "Period"
    df.attrs["params"][option] = "median"  # the plotted column is not the statistic
    assert P.plot_tone_over_time(df, hue="country").get_ylabel() == "Mean"


GROUPS = pd.DataFrame(
    {
        "outlet": ["Daily A", "Times B", "Wire C"],
        "mean": [-0.3, 0.1, -0.05],
        "ci_low": [-0.4, 0.0, -0.2],
        "ci_high": [-0.25, 0.3, 0.0],
        "n_docs": [30, 25, 8],
    }
)


def test_group_comparison_sorted_with_intervals():
    ax = P.plot_group_comparison(GROUPS, y="outlet")
    assert _yticks(ax) == ["Times B (n=25)", "Wire C (n=8)", "Daily A (n=30)"]
    (container,) = ax.containers
    segments = container.lines[2][0].get_segments()
    spans = sorted((round(s[0][0], 6), round(s[1][0], 6)) for s in segments)
    assert spans == [(-0.4, -0.25), (-0.2, 0.0), (0.0, 0.3)]


def test_group_comparison_hue_and_order():
    df = pd.DataFrame(
        {
            "frame": ["conflict", "conflict", "economic", "economic"],
            "country": ["KR", "JP"] * 2,
            "share": [0.6, 0.4, 0.2, 0.3],
        }
    )
    ax = P.plot_group_comparison(
        df, y="frame", x="share", hue="country", order=["economic", "conflict"]
    )
    assert _yticks(ax) == ["economic", "conflict"]
    assert len(ax.containers) == 2
    assert _legend(ax) == ["JP", "KR"]


def test_group_comparison_errors():
    with pytest.raises(ValueError, match="aggregate first"):
        P.plot_group_comparison(pd.concat([GROUPS, GROUPS]), y="outlet")
    with pytest.raises(ValueError, match="y='source'"):
        P.plot_group_comparison(GROUPS, y="source")


# ----------------------------------------------------------------- keywords

KEY = pd.DataFrame(
    {
        "term": ["east_sea", "dokdo", "apology", "takeshima", "sea_of_japan", "talks"],
        "G2": [40.0, 25.0, 12.0, -38.0, -20.0, 0.0],
        "log_ratio": [3.0, 2.0, 1.0, -3.5, -2.0, 0.0],
    }
)


def test_keyness_two_sided():
    ax = P.plot_keyness(KEY, n=2, target_label="KR", reference_label="JP")
    assert _yticks(ax) == ["east sea", "dokdo", "sea of japan", "takeshima"]
    assert _widths(ax) == [40, 25, -20, -38]
    assert _legend(ax) == ["KR", "JP"]


def test_keyness_effect_and_statistic_choice():
    df = KEY.rename(columns={"G2": "chi2"})
    ax = P.plot_keyness(df, n=1, statistic="chi2", show="effect")
    assert _yticks(ax) == ["east sea", "takeshima"]
    assert _widths(ax) == [3.0, -3.5]
    assert ax.get_xlabel() == "Log ratio"


def test_keyness_one_side_only():
    ax = P.plot_keyness(KEY[KEY["G2"] > 0], n=5)
    assert _yticks(ax) == ["east sea", "dokdo", "apology"]
    assert _legend(ax) == ["target"]


def test_keyness_errors():
    with pytest.raises(ValueError, match="statistic='G2'"):
        P.plot_keyness(KEY.drop(columns="G2"))
    with pytest.raises(ValueError, match="n must"):
        P.plot_keyness(KEY, n=0)
    with pytest.raises(ValueError, match="non-zero"):
        P.plot_keyness(KEY[KEY["G2"] == 0])


DIST = pd.DataFrame(
    {
        "term": ["east_sea", "takeshima", "talks", "summit", "dokdo", "minister"],
        "KR": [12.0, 0.5, 8.0, 3.0, 9.0, 0.0],
        "JP": [0.4, 9.0, 7.5, 3.2, 1.0, 4.0],
    }
)


def test_distinctive_terms_labels_extremes():
    ax = P.plot_distinctive_terms(DIST, x="KR", y="JP", n_labels=4)
    # log2(JP/KR) with zeros at half the smallest non-zero value (0.2):
    # B side: minister (4.3), takeshima (4.2); A side: east_sea (-4.9), dokdo (-3.2)
    assert sorted(t.get_text() for t in ax.texts) == ["dokdo", "east sea", "minister", "takeshima"]
    assert ax.get_xscale() == "log"
    assert ax.get_xlabel() == "KR (relative frequency)"
    # five terms measured in both groups (filled), one with a zero (open, on the "0" line)
    assert len(ax.collections[0].get_offsets()) == 5
    assert len(ax.collections[1].get_offsets()) == 1
    assert "0" in [t.get_text() for t in ax.get_xticklabels()]


def test_distinctive_terms_no_labels_linear():
    ax = P.plot_distinctive_terms(DIST, x="KR", y="JP", n_labels=0, log=False)
    assert len(ax.texts) == 0
    assert ax.get_xscale() == "linear"


def test_distinctive_terms_errors():
    bad = DIST.assign(KR=-DIST["KR"])
    with pytest.raises(ValueError, match=">= 0"):
        P.plot_distinctive_terms(bad, x="KR", y="JP")
    with pytest.raises(ValueError, match="label='word'"):
        P.plot_distinctive_terms(DIST, x="KR", y="JP", label="word")


POS = pd.DataFrame(
    {
        "term": ["dokdo", "dokdo", "dokdo", "takeshima"],
        "doc_id": ["d1", "d2", "d2", "d2"],
        "position": [0.1, 0.5, 0.7, 0.9],
        "date": pd.to_datetime(["2019-08-02", "2019-07-01", "2019-07-01", "2019-07-01"]),
        "outlet": ["Daily A", "Times B", "Times B", "Times B"],
    }
)


def test_dispersion_rows_and_ticks():
    ax = P.plot_dispersion(POS)
    assert len(ax.lines) == 2  # one marker series per term
    assert [len(line.get_xdata()) for line in ax.lines] == [3, 1]
    assert _yticks(ax) == ["d1", "d2"]
    assert _legend(ax) == ["dokdo", "takeshima"]


def test_dispersion_order_by_column_and_labels():
    ax = P.plot_dispersion(POS, order="date", label="outlet")
    assert _yticks(ax) == ["2019-07-01 Times B", "2019-08-02 Daily A"]


def test_dispersion_explicit_order_keeps_empty_documents():
    ax = P.plot_dispersion(POS[POS.term == "dokdo"], order=["d3", "d2", "d1"])
    assert _yticks(ax) == ["d3", "d2", "d1"]
    assert ax.get_legend() is None  # a single term needs no legend


def test_dispersion_errors():
    with pytest.raises(ValueError, match="order lacks"):
        P.plot_dispersion(POS, order=["d1"])
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        P.plot_dispersion(POS.assign(position=[0.1, 2.0, 0.3, 0.4]))


# ----------------------------------------------------------------- framing

FRAMES = pd.DataFrame(
    {
        "outlet": ["A", "A", "B", "B", "C"],
        "frame": ["conflict", "economic", "conflict", "economic", "conflict"],
        "share": [0.6, 0.2, 0.3, 0.5, 0.45],
    }
)


def test_heatmap_cells_and_annotations():
    ax = P.plot_frames_heatmap(FRAMES, x="outlet")
    texts = [t.get_text() for t in ax.texts]
    # row-major: conflict A, B, C then economic A, B, C (C has no economic value)
    assert texts == ["60%", "30%", "45%", "20%", "50%", "–"]
    mesh = ax.collections[0]
    assert mesh.get_array().shape == (2, 3)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B", "C"]
    assert _yticks(ax) == ["conflict", "economic"]
    assert len(ax.figure.axes) == 2  # the colour bar


def test_heatmap_counts_format_and_errors():
    ax = P.plot_frames_heatmap(
        FRAMES.assign(n=[6, 2, 3, 5, 4]), x="outlet", value="n", colorbar=False
    )
    assert [t.get_text() for t in ax.texts][:3] == ["6", "3", "4"]
    with pytest.raises(ValueError, match="aggregate first"):
        P.plot_frames_heatmap(pd.concat([FRAMES, FRAMES]), x="outlet")


OVER_TIME = pd.DataFrame(
    {
        "period": pd.to_datetime(["2019-07-01", "2019-08-01"] * 4),
        "frame": ["conflict"] * 4 + ["economic"] * 4,
        "country": ["KR", "KR", "JP", "JP"] * 2,
        "share": [0.5, 0.7, 0.3, 0.2, 0.2, 0.1, 0.4, 0.5],
    }
)


def test_frames_facets():
    fig = P.plot_frames_over_time(OVER_TIME, hue="country")
    axes = [a for a in fig.axes if a.get_visible()]
    assert [a.get_title() for a in axes] == ["conflict", "economic"]
    assert all(len(a.lines) == 2 for a in axes)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["JP", "KR"]


def test_frames_area_stack_and_warning():
    kr = OVER_TIME[OVER_TIME.country == "KR"].drop(columns="country")
    ax = P.plot_frames_over_time(kr, kind="area")
    assert len(ax.collections) == 2
    assert _legend(ax) == ["economic", "conflict"]  # top layer listed first
    overlap = kr.assign(share=[0.8, 0.7, 0.5, 0.6])
    with pytest.warns(UserWarning, match="overlap"):
        P.plot_frames_over_time(overlap, kind="area")


def test_frames_over_time_errors():
    with pytest.raises(ValueError, match="kind must"):
        P.plot_frames_over_time(OVER_TIME, kind="bars")
    with pytest.raises(ValueError, match="col="):
        P.plot_frames_over_time(OVER_TIME, kind="area", col="country")
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="ax="):
        P.plot_frames_over_time(OVER_TIME, ax=ax)


NAMING = pd.DataFrame(
    {
        "referent": ["sea"] * 4 + ["islets"] * 3,
        "outlet": [
            "KR daily",
            "KR daily",
            "JP daily",
            "JP daily",
            "KR daily",
            "JP daily",
            "JP daily",
        ],
        "variant": [
            "East Sea",
            "Sea of Japan",
            "East Sea",
            "Sea of Japan",
            "Dokdo",
            "Dokdo",
            "Takeshima",
        ],
        "count": [9, 1, 1, 3, 5, 1, 4],
    }
)


def test_naming_small_multiples_to_100_percent():
    fig = P.plot_naming(NAMING, x="count")
    assert [a.get_legend().get_title().get_text() for a in fig.axes] == ["islets", "sea"]
    islets, sea = fig.axes
    assert len(sea.patches) == 4 and len(islets.patches) == 4  # 2 outlets x 2 variants
    widths = {(round(p.get_y() + p.get_height() / 2), round(p.get_width(), 4)) for p in sea.patches}
    # JP daily first (sorted): 1/4 East Sea, 3/4 Sea of Japan; KR daily: 9/10, 1/10
    assert widths == {(0, 0.25), (0, 0.75), (1, 0.9), (1, 0.1)}
    assert _legend(sea) == ["East Sea", "Sea of Japan"]


def test_naming_errors():
    with pytest.raises(ValueError, match="y='outlet'"):
        P.plot_naming(NAMING.rename(columns={"outlet": "paper"}), x="count")
    with pytest.raises(ValueError, match=">= 0"):
        P.plot_naming(NAMING.assign(count=-1), x="count")


SOURCES = pd.DataFrame(
    {
        "outlet": ["Daily A"] * 3 + ["Times B"] * 2,
        "speaker_country": ["KR", "JP", "US", "KR", "JP"],
        "count": [6, 3, 1, 1, 3],
    }
)


def test_sources_shares_and_counts():
    ax = P.plot_sources(SOURCES, x="count", normalize=True)
    assert len(ax.patches) == 6  # 2 outlets x 3 countries (Times B has no US quote)
    assert _legend(ax) == ["JP", "KR", "US"]
    by_row = {}
    for p in ax.patches:
        by_row.setdefault(round(p.get_y() + p.get_height() / 2), []).append(round(p.get_width(), 4))
    assert by_row == {0: [0.3, 0.6, 0.1], 1: [0.75, 0.25, 0.0]}
    ax2 = P.plot_sources(SOURCES, x="count")
    assert sum(p.get_width() for p in ax2.patches) == 14


def test_sources_colours_follow_countries():
    ax = P.plot_sources(SOURCES, x="count")
    handles = ax.get_legend().legend_handles
    colours = [tuple(np.round(h.get_facecolor()[:3], 3)) for h in handles]
    # JP vermillion #D55E00, KR blue #0072B2 (Okabe-Ito)
    assert colours[0] == (round(0xD5 / 255, 3), round(0x5E / 255, 3), 0.0)
    assert colours[1] == (0.0, round(0x72 / 255, 3), round(0xB2 / 255, 3))


def test_sources_errors():
    with pytest.raises(ValueError, match="hue='speaker_country'"):
        P.plot_sources(SOURCES.drop(columns="speaker_country"), x="count")
    with pytest.raises(ValueError, match="total of 0"):
        P.plot_sources(SOURCES.assign(count=0), x="count", normalize=True)


# ----------------------------------------------------------------- shared contract

AX_CALLS = [
    lambda ax: P.plot_counts(COUNTS, x="outlet", ax=ax),
    lambda ax: P.plot_lengths(LENGTHS, ax=ax),
    lambda ax: P.plot_tone_over_time(TONE, hue="country", ax=ax),
    lambda ax: P.plot_group_comparison(GROUPS, y="outlet", ax=ax),
    lambda ax: P.plot_keyness(KEY, ax=ax),
    lambda ax: P.plot_distinctive_terms(DIST, x="KR", y="JP", ax=ax),
    lambda ax: P.plot_dispersion(POS, ax=ax),
    lambda ax: P.plot_frames_heatmap(FRAMES, x="outlet", ax=ax),
    lambda ax: P.plot_frames_over_time(OVER_TIME[OVER_TIME.country == "KR"], kind="area", ax=ax),
    lambda ax: P.plot_sources(SOURCES, x="count", ax=ax),
]


@pytest.mark.parametrize("call", AX_CALLS)
def test_ax_is_honoured(call):
    fig, (left, right) = plt.subplots(1, 2)
    out = call(right)
    assert out is right
    assert plt.get_fignums() == [fig.number]  # no new figure
    assert not left.has_data()
    assert right.has_data()


@pytest.mark.parametrize("call", AX_CALLS)
def test_never_shows_or_saves(call, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show called"))
    monkeypatch.setattr(plt.Figure, "savefig", lambda *a, **k: pytest.fail("savefig called"))
    call(None)
    assert list(tmp_path.iterdir()) == []


def test_attrs_travel_to_the_figure():
    df = KEY.copy()
    df.attrs = {"measure": "keyness", "params": {"statistic": "G2"}}
    ax = P.plot_keyness(df)
    assert ax.figure._toolkit_attrs["measure"] == "keyness"


def test_frames_over_time_facets_show_the_highest_share():
    # Regression: panels drawn later with a share of 1.0 were cut off at the
    # first panel's autoscaled top.
    import pandas as pd

    from toolkit.plots import plot_frames_over_time

    periods = pd.to_datetime(["2019-01-01", "2020-01-01"])
    df = pd.DataFrame(
        {
            "period": list(periods) * 2,
            "frame": ["a", "a", "b", "b"],
            "share": [0.1, 0.2, 0.5, 1.0],
            "ci_low": [0.0, 0.1, 0.4, 0.9],
            "ci_high": [0.2, 0.3, 0.6, 1.0],
        }
    )
    fig = plot_frames_over_time(df, kind="facets")
    for ax in fig.axes:
        if ax.get_visible():
            assert ax.get_ylim()[1] >= 1.0


def test_tone_over_time_does_not_bridge_missing_years():
    import numpy as np
    import pandas as pd

    from toolkit.plots import plot_tone_over_time

    years = pd.to_datetime(["2015-01-01", "2016-01-01", "2019-01-01", "2020-01-01"])
    df = pd.DataFrame(
        {
            "period": years,
            "mean": [0.1, 0.2, -0.1, 0.0],
            "ci_low": [0.0, 0.1, -0.2, -0.1],
            "ci_high": [0.2, 0.3, 0.0, 0.1],
            "n_docs": [3, 4, 5, 6],
        }
    )
    ax = plot_tone_over_time(df)
    y = np.asarray(ax.lines[0].get_ydata(), dtype=float)
    # four points plus one break between 2016 and 2019
    assert len(y) == 5 and np.isnan(y).sum() == 1 and np.isnan(y[2])


@pytest.mark.parametrize(
    ("call", "n_panels"),
    [
        (lambda fig: P.plot_naming(NAMING, x="count", fig=fig), 2),
        (lambda fig: P.plot_frames_over_time(OVER_TIME, hue="country", fig=fig), 2),
    ],
)
def test_small_multiples_draw_into_fig(call, n_panels):
    fig = plt.figure(layout="constrained")
    left, right = fig.subfigures(1, 2)
    out = call(right)
    assert out is right
    assert plt.get_fignums() == [fig.number]  # no new figure
    assert len(right.axes) == n_panels and not left.axes


def test_small_multiples_refuse_the_wrong_target():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="not both"):
        P.plot_naming(NAMING, x="count", ax=ax, fig=fig)
    with pytest.raises(ValueError, match="fig= is for kind='facets'"):
        P.plot_frames_over_time(OVER_TIME[OVER_TIME.country == "KR"], kind="area", fig=fig)


def test_log_axes_figures_pickle_with_their_tick_labels():
    # the report writes figures in helper processes, which needs a picklable
    # figure: the "0" stand-in of the distinctive-terms axes and the plain
    # numbers of log length axes were lambdas, which pickle cannot carry
    import pickle

    ax = P.plot_distinctive_terms(DIST, x="KR", y="JP", n_labels=4)
    ax.figure.canvas.draw()
    before = [t.get_text() for t in ax.get_xticklabels()]
    copy = pickle.loads(pickle.dumps(ax.figure))
    copy.canvas.draw()
    assert [t.get_text() for t in copy.axes[0].get_xticklabels()] == before
    assert "0" in before  # the stand-in for zero (hand check: KR has a 0 for "minister")
    fmt = ax.xaxis.get_major_formatter()
    floor = ax.xaxis.get_major_locator().locs[0]
    assert fmt(floor, 0) == "0" and fmt(10.0, 1) == "10" and fmt(0.5, 2) == "0.5"

    ax = P.plot_lengths(pd.DataFrame({"n_tokens": [10, 200, 3000, 45000]}), log=True)
    fmt = pickle.loads(pickle.dumps(ax.figure)).axes[0].xaxis.get_major_formatter()
    assert [fmt(v, 0) for v in (10.0, 1000.0, 45000.0)] == ["10", "1,000", "45,000"]
