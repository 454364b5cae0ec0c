"""paper_style, the colour palette and the CJK font fallback."""

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import toolkit.plots.style as style
from toolkit.plots import PALETTE, STYLE_PATH, paper_style, plot_counts

# the plots are called in the 0.4 vocabulary: an old name here is a bug
pytestmark = pytest.mark.filterwarnings("error:plot_:FutureWarning")

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


@pytest.fixture
def no_cjk_fonts(monkeypatch):
    """A machine whose only fonts are matplotlib's DejaVu: no CJK font at all."""
    from matplotlib import font_manager

    base = sorted({e.fname for e in font_manager.fontManager.ttflist if "DejaVu" in e.fname})
    monkeypatch.setattr(style, "_font_files", lambda: base)
    monkeypatch.setattr(style, "_system_font_files", lambda: [])
    monkeypatch.setattr(style, "_warned_no_cjk", False)
    style._cjk_choice.cache_clear()
    yield
    style._cjk_choice.cache_clear()


def test_no_cjk_font_warns_once(no_cjk_fonts):
    assert style.cjk_fonts() == []
    with pytest.warns(UserWarning, match="fonts-nanum") as record:
        plot_counts(_cjk_counts(), x="outlet")
        plot_counts(_cjk_counts(), x="outlet")
    ours = [w for w in record if "no installed font" in str(w.message)]
    assert len(ours) == 1
    assert "conda" in str(ours[0].message) and "pip install" in str(ours[0].message)


def test_no_cjk_font_one_warning_in_all_including_saving(no_cjk_fonts, tmp_path):
    from toolkit.plots import save_figure

    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        ax = plot_counts(_cjk_counts(), x="outlet")
        save_figure(ax.figure, tmp_path / "fig", formats=["pdf", "png", "svg"])
    assert [str(w.message)[:40] for w in record] == ["Labels contain Korean/Japanese/Chinese c"]


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


def _cov(family, hangul=0, kana=0, kanji=0, truetype=True):
    return {
        "family": family,
        "path": f"/fonts/{family}",
        "truetype": truetype,
        "hangul": hangul,
        "kana": kana,
        "kanji": kanji,
        "chars": frozenset(),
    }


# Coverage figures: Hangul syllables of 11,172, kana of 169, JIS level-1 kanji of 2,965.
NANUM = _cov("NanumGothic", hangul=11172, kana=169, kanji=2443)
IPAEX = _cov("IPAexGothic", kana=169, kanji=2965)
DROID = _cov("Droid Sans Fallback", hangul=3, kana=169, kanji=2965)  # the font
NOTO_OTF = _cov("Noto Sans CJK JP", hangul=11172, kana=169, kanji=2965, truetype=False)
NOTO_TTF = _cov("Noto Sans CJK TTF", hangul=11172, kana=169, kanji=2965)


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        # one TrueType font with everything is enough
        ([NANUM, IPAEX, NOTO_TTF], ["Noto Sans CJK TTF"]),
        # a CFF font loses to a TrueType Japanese + Korean pair (PDF Type 42)
        ([NOTO_OTF, IPAEX, NANUM], ["IPAexGothic", "NanumGothic"]),
        # "Droid Sans Fallback" is a Japanese font here, never the Korean one
        ([DROID, NANUM], ["Droid Sans Fallback", "NanumGothic"]),
        ([DROID], ["Droid Sans Fallback"]),
        # a CFF font is still better than nothing
        ([NOTO_OTF], ["Noto Sans CJK JP", "Noto Sans CJK JP"][:1]),
        ([NANUM], ["NanumGothic"]),
        ([_cov("DejaVu Sans", hangul=0, kana=0, kanji=0)], []),
        ([], []),
    ],
)
def test_cjk_fonts_are_chosen_by_coverage_not_by_name(installed, expected):
    assert [c["family"] for c in style._choose(installed)] == expected


def test_placeholder_fonts_count_distinct_glyphs():
    # matplotlib's "Last Resort" maps every character to one box per block
    rows = {r["family"]: r for r in style.cjk_font_coverage()}
    if "Last Resort High-Efficiency" in rows:
        assert rows["Last Resort High-Efficiency"]["hangul"] < 10
        assert not rows["Last Resort High-Efficiency"]["chosen"]


def test_jis_level1_kanji_set():
    kanji = style.jis_level1()
    assert len(kanji) == 2965  # JIS X 0208 level 1
    assert chr(kanji[0]) == "亜" and chr(kanji[-1]) == "腕"  # first and last of the level


def test_packaged_fonts_alone_cover_korean_and_japanese(monkeypatch):
    # a machine with no system CJK font: only the fonts the PyPI dependencies ship
    from matplotlib import font_manager

    files = style._packaged_font_files()
    assert len(files) == 2
    base = [e.fname for e in font_manager.fontManager.ttflist if "DejaVu" in e.fname]
    monkeypatch.setattr(style, "_font_files", lambda: sorted(set(base) | set(files)))
    monkeypatch.setattr(style, "_system_font_files", lambda: [])
    style._cjk_choice.cache_clear()
    try:
        chosen = style._cjk_choice()
        assert [c["family"] for c in chosen] == ["IPAexGothic", "NanumGothic"]
        assert chosen[1]["hangul"] == 11172 and chosen[0]["kanji"] == 2965
        assert all(c["truetype"] for c in chosen)
    finally:
        style._cjk_choice.cache_clear()


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


def _embedded_truetype(pdf: bytes) -> dict[str, bytes]:
    """Font name -> decompressed /FontFile2 stream, read from the PDF's objects."""
    import re
    import zlib

    objects = {int(m.group(1)): m.start() for m in re.finditer(rb"\n(\d+) 0 obj\n", pdf)}

    def body(num: int) -> bytes:
        start = objects[num]
        return pdf[start : pdf.index(b"endobj", start)]

    out = {}
    for m in re.finditer(rb"/FontDescriptor (\d+) 0 R", pdf):
        desc = body(int(m.group(1)))
        name = re.search(rb"/FontName /([^\s/]+)", desc).group(1).decode()
        ref = re.search(rb"/FontFile2 (\d+) 0 R", desc)
        if ref is None:
            continue
        obj = body(int(ref.group(1)))
        raw = obj[obj.index(b"stream") + len(b"stream") :].lstrip(b"\r\n")
        out[name] = zlib.decompressobj().decompress(raw)
    return out


def _sfnt_tables(font: bytes) -> set[str]:
    n = int.from_bytes(font[4:6], "big")
    return {font[12 + 16 * i : 16 + 16 * i].decode("latin-1") for i in range(n)}


def test_korean_and_japanese_labels_render_and_embed_truetype_outlines(tmp_path):
    # Uses whatever the coverage rule picks on this machine: on one without
    # system CJK fonts, the fonts of the PyPI dependencies.
    from toolkit.plots import save_figure

    style._cjk_choice.cache_clear()
    fonts = style.cjk_fonts()
    assert fonts, "no CJK font: the packaged NanumGothic/IPAexGothic should always be found"
    df = pd.DataFrame(
        {
            "outlet": ["조선일보", "한겨레", "朝日新聞", "読売新聞", "徴用工・処理水"],
            "n": [5, 4, 3, 2, 1],
        }
    )
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        with paper_style():
            ax = plot_counts(df, x="outlet")
            ax.set_title("독도와 竹島, 동해와 日本海")
            save_figure(ax.figure, tmp_path / "fig", formats=["pdf"])
    assert [str(w.message) for w in record] == []  # no missing glyph, no fallback warning
    embedded = _embedded_truetype((tmp_path / "fig.pdf").read_bytes())
    cjk = {name: data for name, data in embedded.items() if "DejaVu" not in name}
    assert cjk, f"no CJK font embedded: {sorted(embedded)}"
    for name, data in cjk.items():
        assert data[:4] == b"\x00\x01\x00\x00", f"{name} is not a TrueType font program"
        assert {"glyf", "loca"} <= _sfnt_tables(data), f"{name} has no glyf outlines"
    # every Hangul, kana and kanji of the labels is drawn by some embedded font
    covered = set()
    for cov in style._coverages(style._font_files()):
        if cov["family"] in fonts:
            covered |= cov["chars"]
    text = "".join(df["outlet"]) + "독도와竹島동해와日本海"
    assert {ch for ch in text if style.has_cjk(ch) and ord(ch) not in covered} == set()


def _old_coverage(path: str) -> dict | None:
    """Oracle: the coverage as 0.4.1 worked it out, from the whole character map."""
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path)
        if not any(font.get_char_index(c) for c in style._PROBE):
            return None
        cmap = font.get_charmap()
    except (OSError, RuntimeError, ValueError):
        return None

    def glyphs(codes):
        return len({cmap[c] for c in codes if c in cmap})

    cjk = [c for c in cmap if c >= 0x1100]
    real = len({cmap[c] for c in cjk}) >= 0.5 * len(cjk)
    return {
        "family": font.family_name,
        "path": path,
        "truetype": not style._is_cff(path),
        "hangul": glyphs(style.HANGUL),
        "kana": glyphs(style.KANA),
        "kanji": glyphs(style.jis_level1()),
        "chars": frozenset(cjk) if real else frozenset(),
    }


def test_font_coverage_equals_the_whole_character_map_reading():
    # every font file matplotlib knows here, the packaged CJK fonts and
    # matplotlib's "Last Resort" placeholder (whose character map is no longer read) included
    files = style._font_files()
    assert any("LastResort" in f for f in files) and len(style._packaged_font_files()) == 2
    for path in files:
        style._coverage_of.cache_clear()
        assert style._coverage_of(path, 0.0) == _old_coverage(path), path
    style._coverage_of.cache_clear()


def test_bold_cjk_text_does_not_print_matplotlib_font_weight_messages(caplog):
    # matplotlib logged "findfont: Failed to find font weight bold for
    # IPAexGothic, now using 400." for each CJK fallback family (packaged at
    # their regular weight only) in every report and notebook with a bold title
    import logging

    from matplotlib import font_manager

    families = style.cjk_fonts()
    assert families  # the packaged fonts are dependencies
    log = logging.getLogger("matplotlib.font_manager")

    def look_up(size: float) -> list[str]:
        # a size no other test uses: findfont caches each lookup
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
            for family in families:
                font_manager.findfont(
                    font_manager.FontProperties(family=family, weight=900, size=size)
                )
        return [r.getMessage() for r in caplog.records]

    assert look_up(7.31) == []
    # the same look-up without the filter does print them: the check above can fail
    log.removeFilter(style._QUIET_WEIGHTS)
    try:
        printed = look_up(7.37)
    finally:
        log.addFilter(style._QUIET_WEIGHTS)
    assert [m for m in printed if "Failed to find font weight" in m]
    # messages about other families still come through
    record = logging.LogRecord(
        "matplotlib.font_manager",
        logging.WARNING,
        "",
        0,
        "findfont: Failed to find font weight bold for Some Serif, now using 400.",
        None,
        None,
    )
    assert style._QUIET_WEIGHTS.filter(record)
