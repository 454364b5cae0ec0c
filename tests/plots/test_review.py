"""What a reviewer checks: greyscale-safe categories, readable labels, naming panels,
one warning without CJK fonts, a bounded layout loop.

Greyscale: each chart's legend entries (its categories) are compared pairwise;
two entries stay apart in a greyscale print if their grey levels differ by at
least 0.15 (Rec. 601 luma of the sRGB colour, 0 = black, 1 = white) or they
differ in hatch, marker or line style. The luma weights are the published
ITU-R BT.601 ones, not taken from the toolkit.
"""

import itertools
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import Collection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from toolkit import plots as P
from toolkit.plots import style

# the plots are called in the 0.4 vocabulary: an old name here is a bug
pytestmark = pytest.mark.filterwarnings("error:plot_:FutureWarning")


def _grey(color) -> float:
    r, g, b = mpl.colors.to_rgb(color)
    return 0.299 * r + 0.587 * g + 0.114 * b


def _signature(handle):
    if isinstance(handle, Line2D):
        # the marker face tells lines apart only as filled/open, never by its hue
        face = handle.get_markerfacecolor()
        open_ = isinstance(face, str) and face.lower() in ("none", "white", "w")
        return (
            _grey(handle.get_color()),
            "",
            handle.get_marker(),
            str(handle.get_linestyle()),
            "open" if open_ else "filled",
        )
    if isinstance(handle, Patch):
        fill = handle.get_facecolor() if handle.get_fill() else handle.get_edgecolor()
        return (_grey(fill), handle.get_hatch() or "", "", str(handle.get_linestyle()), "")
    if isinstance(handle, Collection):
        fc = handle.get_facecolor()
        colour = fc[0] if len(fc) else handle.get_edgecolor()[0]
        shape = (
            tuple(np.round(handle.get_paths()[0].vertices.ravel(), 3)) if handle.get_paths() else ()
        )
        return (_grey(colour), handle.get_hatch() or "", str(shape), "", "")
    raise TypeError(type(handle))


def _apart(a, b) -> bool:
    return abs(a[0] - b[0]) >= 0.15 or a[1:] != b[1:]


def _legends(obj):
    fig = obj if isinstance(obj, plt.Figure) else obj.figure
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
    return legends


COUNTRIES = ["KR", "JP", "INT", "KP", "unknown"]
FRAMES9 = [f"frame_{i}" for i in range(9)]
YEARS = pd.to_datetime([f"{y}-01-01" for y in range(2015, 2019)])


def _charts():
    counts = pd.DataFrame(
        {"outlet": [f"O{i}" for i in range(5)], "country": COUNTRIES, "n": [5, 4, 3, 2, 1]}
    )
    sources = pd.DataFrame(
        {"outlet": ["A"] * 5 + ["B"] * 5, "speaker_country": COUNTRIES * 2, "count": range(1, 11)}
    )
    area = pd.DataFrame({"period": np.repeat(YEARS, 9), "frame": FRAMES9 * 4, "share": 1 / 9})
    tone = pd.DataFrame(
        {
            "period": np.repeat(YEARS, 3),
            "country": ["KR", "JP", "INT"] * 4,
            "mean": np.linspace(-0.3, 0.1, 12),
            "n_docs": 10,
        }
    )
    tone["ci_low"], tone["ci_high"] = tone["mean"] - 0.05, tone["mean"] + 0.05
    lengths = pd.DataFrame(
        {"n_tokens": np.arange(120) * 7 % 500 + 50, "country": (["KR", "JP", "INT"] * 40)}
    )
    disp = pd.DataFrame(
        {
            "term": ["dokdo", "takeshima", "east_sea", "sea_of_japan"] * 3,
            "doc_id": np.repeat(["a", "b", "c"], 4),
            "position": 0.5,
        }
    )
    key = pd.DataFrame(
        {
            "term": ["a", "b", "c", "d"],
            "G2": [9.0, 5.0, -4.0, -8.0],
            "log_ratio": [2.0, 1.0, -1.0, -2.0],
        }
    )
    dist = pd.DataFrame(
        {
            "term": list("abcdefgh"),
            "KR": [12, 0.5, 8, 3, 9, 0.3, 1, 2],
            "JP": [0.4, 9, 7.5, 3.2, 1, 6, 1, 2],
        }
    )
    comp = pd.DataFrame(
        {
            "frame": ["x", "y"] * 3,
            "country": np.repeat(["KR", "JP", "INT"], 2),
            "share": [0.1, 0.2, 0.3, 0.4, 0.2, 0.3],
            "n_docs": 10,
        }
    )
    comp["ci_low"], comp["ci_high"] = comp["share"] - 0.05, comp["share"] + 0.05
    naming_df = pd.DataFrame(
        {
            "referent": ["fukushima_water"] * 5 * 2,
            "outlet": np.repeat(["A", "B"], 5),
            "variant": [
                "treated_water",
                "treated_radioactive_water",
                "contaminated_water",
                "radioactive_water",
                "wastewater",
            ]
            * 2,
            "count": [3, 2, 1, 1, 1, 1, 1, 2, 3, 1],
        }
    )
    return {
        "counts": lambda: P.plot_counts(counts, x="outlet", hue="country"),
        "sources": lambda: P.plot_sources(sources, x="count"),
        "area": lambda: P.plot_frames_over_time(area, kind="area"),
        "tone": lambda: P.plot_tone_over_time(tone, hue="country"),
        "lengths": lambda: P.plot_lengths(lengths, hue="country"),
        "dispersion": lambda: P.plot_dispersion(disp),
        "keyness": lambda: P.plot_keyness(key, target_label="KR", reference_label="JP"),
        "distinctive": lambda: P.plot_distinctive_terms(dist, x="KR", y="JP", n_labels=4),
        "comparison": lambda: P.plot_group_comparison(comp, y="frame", x="share", hue="country"),
        "facets": lambda: P.plot_frames_over_time(
            tone.assign(frame="f", share=tone["mean"] + 0.5, ci_low=np.nan, ci_high=np.nan),
            hue="country",
        ),
        "naming": lambda: P.plot_naming(naming_df, x="count"),
    }


@pytest.mark.parametrize("name", sorted(_charts()))
def test_categories_stay_apart_in_greyscale(name):
    obj = _charts()[name]()
    legends = _legends(obj)
    assert legends, f"{name}: no legend to check"
    for leg in legends:
        handles = [h for h in leg.legend_handles if h is not None]
        sigs = [_signature(h) for h in handles]
        texts = [t.get_text() for t in leg.get_texts()]
        for (i, a), (j, b) in itertools.combinations(enumerate(sigs), 2):
            assert _apart(a, b), f"{name}: {texts[i]!r} and {texts[j]!r} look alike in grey"
    plt.close("all")


def test_default_labels_read_like_captions():
    import re

    charts = _charts()
    for name, call in charts.items():
        obj = call()
        fig = obj if isinstance(obj, plt.Figure) else obj.figure
        texts = [ax.get_xlabel() for ax in fig.axes] + [ax.get_ylabel() for ax in fig.axes]
        texts += [t.get_text() for leg in _legends(obj) for t in leg.get_texts()]
        texts += [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
        texts += [t.get_text() for ax in fig.axes for t in ax.texts]
        if fig._supxlabel is not None:
            texts.append(fig._supxlabel.get_text())
        for t in texts:
            assert "_" not in t, f"{name}: {t!r}"
            assert not re.fullmatch(r"n|n_docs|period|category|G2", t), f"{name}: {t!r}"
        plt.close("all")


def test_keyness_axis_says_g_squared():
    key = pd.DataFrame({"term": ["a", "b"], "G2": [9.0, -4.0]})
    ax = P.plot_keyness(key)
    assert ax.get_xlabel().startswith("G²")
    plt.close("all")


NAMING = pd.DataFrame(
    {
        "referent": ["dokdo"] * 4 + ["sea_name"] * 4,
        "outlet": ["KR daily", "KR daily", "JP daily", "JP daily"] * 2,
        # Takeshima is the more frequent name overall, but keeps the lexicon's second colour
        "variant": ["dokdo", "takeshima"] * 2 + ["east_sea", "sea_of_japan"] * 2,
        "count": [1, 5, 0, 9, 9, 1, 1, 3],
    }
)


def test_naming_colours_follow_lexicon_position_and_labels():
    fig = P.plot_naming(NAMING, x="count")
    dokdo, sea = fig.axes
    assert [t.get_text() for t in dokdo.get_legend().get_texts()] == ["Dokdo", "Takeshima"]
    assert [t.get_text() for t in sea.get_legend().get_texts()] == ["East Sea", "Sea of Japan"]
    assert dokdo.get_legend().get_title().get_text() == "The Dokdo / Takeshima islets"

    def colour(ax, label):
        return [
            h.get_facecolor()
            for h, t in zip(
                ax.get_legend().legend_handles, ax.get_legend().get_texts(), strict=True
            )
            if t.get_text() == label
        ][0]

    # first variant of each referent (the Korean name) has one colour in both panels
    assert colour(dokdo, "Dokdo") == colour(sea, "East Sea")
    assert colour(dokdo, "Takeshima") == colour(sea, "Sea of Japan")
    plt.close("all")


def test_naming_ax_and_height():
    _, ax = plt.subplots()
    out = P.plot_naming(NAMING[NAMING.referent == "dokdo"], x="count", ax=ax)
    assert out is ax and len(ax.patches) == 4
    with pytest.raises(ValueError, match="one Axes per referent"):
        P.plot_naming(NAMING, x="count", ax=ax)
    nine = pd.concat([NAMING.assign(referent=NAMING.referent + str(i)) for i in range(5)])
    with P.paper_style(width="double"):
        fig = P.plot_naming(nine, x="count", ncols=2)
    # 10 referents in 2 columns of 2-outlet panels: a few inches, not a poster
    assert fig.get_size_inches()[1] < 7
    plt.close("all")


def test_one_warning_without_cjk_fonts(monkeypatch, tmp_path, request):
    # a machine whose only fonts are matplotlib's DejaVu (fonts are chosen by coverage,
    # so the font files themselves are what must be missing)
    from matplotlib import font_manager

    base = sorted({e.fname for e in font_manager.fontManager.ttflist if "DejaVu" in e.fname})
    monkeypatch.setattr(style, "_font_files", lambda: base)
    monkeypatch.setattr(style, "_system_font_files", lambda: [])
    monkeypatch.setattr(style, "_warned_no_cjk", False)
    style._cjk_choice.cache_clear()
    request.addfinalizer(style._cjk_choice.cache_clear)
    df = pd.DataFrame({"outlet": ["조선일보", "朝日新聞", "Daily A"], "n": [3, 2, 1]})
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        with P.paper_style():
            ax = P.plot_counts(df, x="outlet")
            P.save_figure(ax.figure, tmp_path / "f", formats=("png", "pdf", "svg"))
    assert len(record) == 1, [str(w.message)[:60] for w in record]
    assert "font" in str(record[0].message)
    plt.close("all")


def test_layout_settles_in_a_bounded_number_of_draws(monkeypatch, tmp_path):
    from toolkit.plots import export

    draws, passes = [], []
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([0, 1], [0, 1])
    ax.set_ylabel("a label")
    original = fig.canvas.draw
    monkeypatch.setattr(fig.canvas, "draw", lambda *a, **k: (draws.append(1), original())[1])
    engine = fig.get_layout_engine()
    layout = engine.execute
    monkeypatch.setattr(engine, "execute", lambda f: (passes.append(1), layout(f))[1])
    with export._settled_layout(fig):
        pass
    # layout passes only: rendering the whole figure each time was wasted work
    assert 2 <= len(passes) <= 5
    assert draws == []
    plt.close("all")


def test_data_labels_are_never_parsed_as_math(tmp_path):
    # an outlet name with two dollar signs used to be read as broken mathtext
    df = pd.DataFrame({"outlet": ["Cost $\\frac{1}{$ Daily", "Plain"], "n": [3, 1]})
    ax = P.plot_counts(df, x="outlet")
    P.save_figure(ax.figure, tmp_path / "f", formats=("png",))
    texts = [t.get_text() for t in ax.get_yticklabels()]
    assert texts[0] == "Cost \\$\\frac{1}{\\$ Daily"  # escaped: drawn literally
    plt.close("all")
