"""Calls written against 0.3 still draw the same figure for one version, with a FutureWarning.

Each case is drawn with the 0.4 names and with the old ones (or the old
positional columns); the two figures must be pixel-identical. The columns are
renamed away from the defaults and the orders are not the default ones, so an
old name that were silently dropped would fail (a missing column, or a
different picture), not pass.
"""

import inspect
import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest

import toolkit.plots as P
from tests.plots.test_charts import (
    COUNTS,
    DIST,
    FRAMES,
    GROUPS,
    KEY,
    LENGTHS,
    NAMING,
    OVER_TIME,
    POS,
    SOURCES,
    TONE,
)
from toolkit.plots._util import root_figure

# function -> (data, a call in the 0.4 vocabulary that sets every renamed option)
CASES = {
    "plot_counts": (COUNTS, {"x": "outlet", "y": "n", "hue": "topic"}),
    "plot_lengths": (LENGTHS, {"x": "n_tokens", "hue": "country", "hue_order": ["KR", "JP"]}),
    "plot_keyness": (
        KEY.rename(columns={"term": "word"}),
        {"n": 2, "statistic": "G2", "effect": "log_ratio", "y": "word", "palette": ("k", "0.6")},
    ),
    "plot_distinctive_terms": (
        DIST.rename(columns={"term": "word"}),
        {"x": "KR", "y": "JP", "label": "word", "n_labels": 2, "palette": ("k", "0.6")},
    ),
    "plot_dispersion": (
        POS.rename(columns={"term": "w", "doc_id": "doc", "position": "pos"}),
        {"x": "pos", "y": "doc", "hue": "w", "order": ["d2", "d1"], "hue_order": ["takeshima"]},
    ),
    "plot_tone_over_time": (
        TONE.rename(columns={"n_docs": "docs"}),
        {"x": "period", "y": "mean", "hue": "country", "count": "docs"},
    ),
    "plot_group_comparison": (
        GROUPS.rename(columns={"n_docs": "docs"}),
        {"y": "outlet", "x": "mean", "count": "docs"},
    ),
    "plot_frames_heatmap": (FRAMES, {"x": "outlet", "y": "frame", "order": ["C", "A", "B"]}),
    "plot_sources": (
        SOURCES.rename(columns={"outlet": "paper", "speaker_country": "who"}),
        {"y": "paper", "hue": "who", "x": "count", "hue_order": ["US", "KR", "JP"]},
    ),
    "plot_naming": (
        NAMING.rename(columns={"referent": "ref", "variant": "var", "outlet": "paper"}),
        {
            "col": "ref",
            "hue": "var",
            "y": "paper",
            "x": "count",
            "col_order": ["sea", "islets"],
            "order": ["KR daily", "JP daily"],
        },
    ),
}

RENAMES = sorted(
    (name, old, new)
    for name in P.__all__
    if name.startswith("plot_")
    for old, new in getattr(getattr(P, name), "__renamed__", {}).items()
)
POSITIONAL = sorted(
    name
    for name in P.__all__
    if name.startswith("plot_") and getattr(getattr(P, name), "__keyword_only__", ())
)
# its positional hue had a 0.3 meaning of its own: tested on its own below
POSITIONAL.remove("plot_frames_over_time")


def _pixels(out):
    fig = root_figure(out)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


def _draw(name, data, *args, **kw):
    plt.close("all")
    return _pixels(getattr(P, name)(data, *args, **kw))


def test_every_plot_with_positional_columns_is_checked():
    assert POSITIONAL == sorted(CASES)


def test_renames_are_the_ones_written_down():
    # the 0.3 names, written out (docs/plot_conventions.md lists them too)
    assert RENAMES == [
        ("plot_dispersion", "doc", "y"),
        ("plot_dispersion", "position", "x"),
        ("plot_dispersion", "term", "hue"),
        ("plot_dispersion", "terms", "hue_order"),
        ("plot_distinctive_terms", "colors", "palette"),
        ("plot_frames_heatmap", "x_order", "order"),
        ("plot_group_comparison", "n", "count"),
        ("plot_keyness", "colors", "palette"),
        ("plot_keyness", "term", "y"),
        ("plot_lengths", "order", "hue_order"),
        ("plot_naming", "group", "y"),
        ("plot_naming", "group_order", "order"),
        ("plot_naming", "referent", "col"),
        ("plot_naming", "referent_order", "col_order"),
        ("plot_naming", "value", "x"),
        ("plot_naming", "variant", "hue"),
        ("plot_sources", "category", "hue"),
        ("plot_sources", "category_order", "hue_order"),
        ("plot_sources", "group", "y"),
        ("plot_sources", "value", "x"),
        ("plot_tone_over_time", "n", "count"),
    ]


@pytest.mark.parametrize(("name", "old", "new"), RENAMES)
def test_old_keyword_draws_the_same_and_warns(name, old, new):
    data, kw = CASES[name]
    assert new in kw, f"CASES[{name!r}] must set {new!r}"
    expected = _draw(name, data, **kw)
    old_kw = {(old if k == new else k): v for k, v in kw.items()}
    # the wording is toolkit._meta.renamed's; the test needs both names in it
    with pytest.warns(FutureWarning, match=rf"{name}\({old}=.*\b{new}="):
        got = _draw(name, data, **old_kw)
    assert np.array_equal(got, expected)


@pytest.mark.parametrize(("name", "old", "new"), RENAMES)
def test_old_and_new_keyword_together_is_an_error(name, old, new):
    data, kw = CASES[name]
    with pytest.raises(TypeError, match=re.escape(repr(old))):
        getattr(P, name)(data, **kw, **{old: kw[new]})


@pytest.mark.parametrize("name", POSITIONAL)
def test_positional_columns_draw_the_same_and_warn(name):
    data, kw = CASES[name]
    func = getattr(P, name)
    defaults = inspect.signature(func).parameters
    names = func.__keyword_only__
    args = [kw.get(n, defaults[n].default) for n in names]
    expected = _draw(name, data, **kw)
    rest = {k: v for k, v in kw.items() if k not in names}
    with pytest.warns(FutureWarning, match="by name; passing it by position"):
        got = _draw(name, data, *args, **rest)
    assert np.array_equal(got, expected)


def test_positional_and_keyword_for_one_column_is_an_error():
    with pytest.raises(TypeError, match="both by position and by name"):
        P.plot_group_comparison(GROUPS, "outlet", y="outlet")


def test_too_many_positional_arguments_is_an_error():
    with pytest.raises(TypeError, match="positional arguments? but"):
        P.plot_lengths(LENGTHS, "n_tokens", "country", "hist")


def test_frames_over_time_reads_0_3_hue_and_group():
    # 0.3: hue named the frames (panels), group the lines; 0.4: col and hue
    new = {"col": "frame", "hue": "country", "col_order": ["economic", "conflict"]}
    expected = _draw("plot_frames_over_time", OVER_TIME, **new, hue_order=["KR", "JP"])
    old = {"hue": "frame", "group": "country", "hue_order": ["economic", "conflict"]}
    with pytest.warns(FutureWarning, match=r"is now plot_frames_over_time\(col=<frames>"):
        got = _draw("plot_frames_over_time", OVER_TIME, **old, group_order=["KR", "JP"])
    assert np.array_equal(got, expected)


def test_frames_over_time_reads_0_3_hue_for_the_panels():
    kr = OVER_TIME[OVER_TIME.country == "KR"].rename(columns={"frame": "topic"})
    expected = _draw("plot_frames_over_time", kr, col="topic")
    with pytest.warns(FutureWarning):
        by_keyword = _draw("plot_frames_over_time", kr, hue="topic")
    with pytest.warns(FutureWarning) as caught:
        by_position = _draw("plot_frames_over_time", kr, "period", "share", "topic")
    assert any("by name; passing it by position" in str(w.message) for w in caught)
    assert np.array_equal(by_keyword, expected)
    assert np.array_equal(by_position, expected)
    # the area keeps hue for the stacked frames: no warning, nothing translated
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        ax = P.plot_frames_over_time(kr, hue="topic", kind="area")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["economic", "conflict"]


def test_frames_over_time_mixed_spellings_are_an_error():
    with pytest.raises(TypeError, match="col= with a 0.3-style"):
        P.plot_frames_over_time(OVER_TIME, col="frame", group="country")


def test_new_calls_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        for name, (data, kw) in CASES.items():
            getattr(P, name)(data, **kw)
            plt.close("all")


def test_warnings_name_the_callers_line():
    # the wrappers are skipped: the warning points at the line to change
    with pytest.warns(FutureWarning) as caught:
        P.plot_lengths(LENGTHS, "n_tokens", order=["KR"])
        P.plot_frames_over_time(OVER_TIME, "period", "share", "frame", group="country")
    assert len(caught) == 4  # each call: one for the positional columns, one for the old name
    assert {w.filename for w in caught} == {__file__}
