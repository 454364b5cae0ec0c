"""paper_style, the colour palette and the CJK font fallback."""

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import toolkit.plots.style as style
from toolkit.plots import PALETTE, STYLE_PATH, paper_style, plot_counts

# Okabe & Ito (2008) colours, written out independently of the module.
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


def test_palette_is_okabe_ito():
    assert {c.upper() for c in PALETTE} == OKABE_ITO
    assert len(PALETTE) == 8


@pytest.mark.parametrize(("width", "inches"), [("single", 3.5), ("double", 7.2), (5.0, 5.0)])
def test_widths(width, inches):
    with paper_style(width):
        fig = plt.figure()
    w, h = fig.get_size_inches()
    assert w == pytest.approx(inches)
    assert h == pytest.approx(inches * 0.75)


def test_height_and_font_size():
    with paper_style("single", height=2.0, font_size=9):
        fig = plt.figure()
        assert mpl.rcParams["font.size"] == 9
        assert mpl.rcParams["xtick.labelsize"] == 8
    assert fig.get_size_inches()[1] == pytest.approx(2.0)


def test_rcparams_restored_after_block():
    before = dict(mpl.rcParams)
    with paper_style("double"):
        assert mpl.rcParams["pdf.fonttype"] == 42
        assert mpl.rcParams["axes.spines.top"] is False
    after = dict(mpl.rcParams)
    changed = {k for k in before if before[k] != after[k]}
    assert not changed


def test_style_cycles_colour_marker_and_linestyle():
    with paper_style():
        cycle = list(mpl.rcParams["axes.prop_cycle"])
    assert [c["color"].upper() for c in cycle[:2]] == ["#0072B2", "#D55E00"]
    markers = [c["marker"] for c in cycle]
    styles = [c["linestyle"] for c in cycle]
    assert len(set(markers)) == len(cycle)  # distinct in greyscale
    assert len(set(styles)) >= 4


def test_style_file_usable_without_toolkit():
    params = mpl.rc_params_from_file(STYLE_PATH, use_default_template=False)
    assert params["pdf.fonttype"] == 42
    assert params["figure.figsize"] == [3.5, 2.6]


@pytest.mark.parametrize("width", ["wide", -1, 0])
def test_bad_width(width):
    with pytest.raises(ValueError, match="width"):
        with paper_style(width):
            pass


def _cjk_counts():
    return pd.DataFrame({"outlet": ["조선일보", "朝日新聞", "Daily A"], "n": [3, 2, 1]})


def test_no_cjk_font_warns_once(monkeypatch):
    monkeypatch.setattr(style, "cjk_fonts", lambda: [])
    monkeypatch.setattr(style, "_warned_no_cjk", False)
    with pytest.warns(UserWarning, match="fonts-noto-cjk") as record:
        plot_counts(_cjk_counts(), x="outlet")
        plot_counts(_cjk_counts(), x="outlet")
    ours = [w for w in record if "CJK font" in str(w.message)]
    assert len(ours) == 1
    assert "conda" in str(ours[0].message)


def test_no_warning_without_cjk_text(monkeypatch):
    monkeypatch.setattr(style, "cjk_fonts", lambda: [])
    monkeypatch.setattr(style, "_warned_no_cjk", False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot_counts(pd.DataFrame({"outlet": ["Daily A"], "n": [1]}), x="outlet")


def test_cjk_font_added_as_fallback(monkeypatch):
    monkeypatch.setattr(style, "cjk_fonts", lambda: ["Some CJK Sans"])
    ax = plot_counts(_cjk_counts(), x="outlet")
    labels = ax.get_yticklabels()
    assert labels and all(lab.get_fontfamily()[-1] == "Some CJK Sans" for lab in labels)
    # the primary font stays first, the CJK font is only a fallback
    assert labels[0].get_fontfamily()[0] != "Some CJK Sans"


def test_cff_detection(tmp_path):
    truetype = tmp_path / "a.ttf"
    truetype.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 12)
    cff = tmp_path / "b.otf"
    cff.write_bytes(b"OTTO" + b"\x00" * 12)
    # a collection whose first font (at offset 16) is CFF
    collection = tmp_path / "c.ttc"
    collection.write_bytes(
        b"ttcf" + b"\x00\x01\x00\x00" + b"\x00\x00\x00\x01" + (16).to_bytes(4, "big") + b"OTTO"
    )
    assert not style._is_cff(str(truetype))
    assert style._is_cff(str(cff))
    assert style._is_cff(str(collection))


def test_cjk_fonts_returns_installed_names():
    from matplotlib import font_manager

    found = style.cjk_fonts()  # may register system CJK fonts matplotlib had not listed
    names = {f.name for f in font_manager.fontManager.ttflist}
    assert all(name in names for name in found)
    # a machine with any known CJK family installed must get one (CI installs
    # NanumGothic and IPAGothic); without any, the list is empty
    assert bool(found) == bool(names & set(style._CJK_PREFERRED))


@pytest.mark.parametrize(
    ("installed", "cff", "expected"),
    [
        # TrueType pan-CJK font beats everything
        ({"Noto Sans CJK JP", "WenQuanYi Zen Hei"}, {"Noto Sans CJK JP"}, ["WenQuanYi Zen Hei"]),
        # CFF pan-CJK font loses to a TrueType Japanese + Korean pair
        (
            {"Noto Sans CJK JP", "IPAGothic", "NanumGothic"},
            {"Noto Sans CJK JP"},
            ["IPAGothic", "NanumGothic"],
        ),
        # a CFF font is still better than nothing
        ({"Noto Sans CJK JP"}, {"Noto Sans CJK JP"}, ["Noto Sans CJK JP"]),
        # Japanese only: use it (Korean glyphs will be missing, but kana and kanji work)
        ({"IPAGothic"}, set(), ["IPAGothic"]),
        (set(), set(), []),
    ],
)
def test_cjk_font_choice(monkeypatch, installed, cff, expected):
    monkeypatch.setattr(style, "_cjk_entries", lambda: {n: n for n in installed})
    monkeypatch.setattr(style, "_register_system_cjk_files", lambda: None)
    monkeypatch.setattr(style, "_is_cff", lambda path: path in cff)
    style._find_cjk_fonts.cache_clear()
    try:
        assert style.cjk_fonts() == expected
    finally:
        style._find_cjk_fonts.cache_clear()


def test_interactive_mode_set_inside_paper_style_survives():
    # Jupyter's inline backend turns interactive mode on at the first figure;
    # resetting it on exit stopped later figures from showing.
    import matplotlib as mpl

    from toolkit.plots import paper_style

    before = mpl.rcParams["interactive"]
    try:
        mpl.rcParams["interactive"] = False
        with paper_style():
            mpl.rcParams["interactive"] = True
            assert mpl.rcParams["font.size"] == 8
        assert mpl.rcParams["interactive"] is True
        assert mpl.rcParams["font.size"] != 8 or mpl.rcParamsDefault["font.size"] == 8
    finally:
        mpl.rcParams["interactive"] = before
