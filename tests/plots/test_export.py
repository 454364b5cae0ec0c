"""save_figure: valid files, byte-identical reruns, TrueType fonts in PDF, metadata."""

import json
import re
import warnings
import xml.etree.ElementTree as ET
import zlib

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from toolkit.plots import paper_style, plot_counts, save_figure


def _figure(title: str = "Articles per outlet"):
    df = pd.DataFrame(
        {"outlet": ["Daily A", "Times B", "Wire C"], "country": ["KR", "JP", "INT"], "n": [5, 3, 2]}
    )
    df.attrs = {"measure": "counts", "params": {"by": "outlet"}}
    with paper_style():
        ax = plot_counts(df, x="outlet", hue="country")
        ax.set_title(title)
    return ax.figure


def test_files_exist_and_are_valid(tmp_path):
    paths = save_figure(_figure(), tmp_path / "sub" / "fig")
    assert [p.name for p in paths] == ["fig.pdf", "fig.svg", "fig.png"]
    pdf, svg, png = (p.read_bytes() for p in paths)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_reruns_are_byte_identical(tmp_path):
    first = save_figure(_figure(), tmp_path / "a" / "fig")
    plt.close("all")
    second = save_figure(_figure(), tmp_path / "b" / "fig")
    for p, q in zip(first, second, strict=True):
        assert p.read_bytes() == q.read_bytes(), p.suffix


def test_saving_the_same_figure_twice_is_byte_identical(tmp_path):
    # Constrained layout needs several draws to settle here (the axes' width
    # moves the tick labels); before the layout was settled first, the second
    # save differed from the first in the sixth decimal of every coordinate.
    fig, ax = plt.subplots(figsize=(3.5, 2.4), layout="constrained")
    ax.errorbar(
        [-0.28, -0.096, -0.21, -0.138],
        ["Hangang Daily", "Japan Evening Post", "Korea Morning Star", "Meridian News Agency"],
        xerr=0.05,
        fmt="o",
    )
    ax.axvline(0)
    first = save_figure(fig, tmp_path / "a", formats=("svg", "pdf"))
    second = save_figure(fig, tmp_path / "b", formats=("svg", "pdf"))
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
    # the figure keeps its layout engine for later drawing
    assert fig.get_layout_engine().__class__.__name__ == "ConstrainedLayoutEngine"
    plt.close(fig)


def test_svg_has_no_timestamp(tmp_path):
    (svg,) = save_figure(_figure(), tmp_path / "fig", formats="svg")
    assert b"<dc:date>" not in svg.read_bytes()


def _pdf_streams(data: bytes) -> list[bytes]:
    out = []
    for m in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", m.end())
        try:
            out.append(zlib.decompress(data[m.end() : end]))
        except zlib.error:
            out.append(data[m.end() : end])
    return out


def test_pdf_fonts_are_truetype_type42(tmp_path):
    (pdf,) = save_figure(_figure(), tmp_path / "fig", formats=("pdf",))
    data = pdf.read_bytes()
    assert b"/Type3" not in data.replace(b" ", b"")
    assert b"/Subtype /CIDFontType2" in data or b"/Subtype /TrueType" in data
    assert b"/FontFile2" in data  # the font program itself is embedded
    # the embedded DejaVu Sans program is a TrueType font (sfnt version 0x00010000)
    assert any(s[:4] == b"\x00\x01\x00\x00" for s in _pdf_streams(data))


def test_pdf_fonttype_is_forced_even_if_user_rc_says_type3(tmp_path):
    with plt.rc_context({"pdf.fonttype": 3}):
        (pdf,) = save_figure(_figure(), tmp_path / "fig", formats="pdf")
    assert b"/Type3" not in pdf.read_bytes().replace(b" ", b"")


def test_metadata_from_data_attrs(tmp_path):
    pdf, svg, png = save_figure(_figure(), tmp_path / "fig")
    from PIL import Image

    info = Image.open(png).info
    described = json.loads(info["Description"])
    assert described["measure"] == "counts"
    assert described["params"] == {"by": "outlet"}
    assert described["toolkit_version"]
    assert info["Software"].startswith("toolkit ")
    assert b"measure: counts" in pdf.read_bytes()
    assert (
        "&quot;by&quot;: &quot;outlet&quot;" in svg.read_text()
        or '"by": "outlet"' in svg.read_text()
    )


def test_explicit_metadata_wins(tmp_path):
    (png,) = save_figure(
        _figure(), tmp_path / "fig", formats="png", metadata={"measure": "tone", "title": "T"}
    )
    from PIL import Image

    info = Image.open(png).info
    assert json.loads(info["Description"])["measure"] == "tone"
    assert info["Title"] == "T"


def test_metadata_from_dataframe(tmp_path):
    df = pd.DataFrame({"x": [1]})
    df.attrs = {"measure": "keyness", "params": {"statistic": "G2"}}
    (png,) = save_figure(_figure(), tmp_path / "fig", formats="png", metadata=df)
    from PIL import Image

    assert json.loads(Image.open(png).info["Description"])["params"] == {"statistic": "G2"}


def test_suffix_on_stem_is_dropped_and_axes_accepted(tmp_path):
    ax = _figure().axes[0]
    paths = save_figure(ax, tmp_path / "fig.pdf", formats=("png",))
    assert [p.name for p in paths] == ["fig.png"]


def test_png_dpi(tmp_path):
    from PIL import Image

    fig = plt.figure(figsize=(2, 1))
    ax = fig.add_axes((0, 0, 1, 1))  # content fills the figure, so the tight box is ~2 x 1 in
    ax.set_axis_off()
    ax.fill_between([0, 1], [0, 0], [1, 1])
    low, high = (save_figure(fig, tmp_path / f"f{d}", formats="png", dpi=d)[0] for d in (100, 200))
    w_low, w_high = Image.open(low).size[0], Image.open(high).size[0]
    assert abs(w_high / w_low - 2) < 0.05


@pytest.mark.parametrize("formats", [("jpg",), (), ("pdf", "eps")])
def test_bad_formats(tmp_path, formats):
    with pytest.raises(ValueError, match="formats"):
        save_figure(_figure(), tmp_path / "fig", formats=formats)


def test_bad_metadata(tmp_path):
    with pytest.raises(TypeError, match="metadata"):
        save_figure(_figure(), tmp_path / "fig", formats="png", metadata=["measure"])


def test_no_warnings_for_latin_figure(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        save_figure(_figure(), tmp_path / "fig")


def _busy_figure(layout):
    """Legend outside, colorbar, rotated labels, a suptitle: what the tight box must hold."""
    import numpy as np

    fig, axes = plt.subplots(1, 2, figsize=(5, 2.4), layout=layout)
    axes[0].plot([1, 2, 3], [3, 1, 2], label="a series with a long name")
    axes[0].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes[0].tick_params(axis="x", labelrotation=40)
    mesh = axes[1].pcolormesh(np.arange(12.0).reshape(3, 4))
    fig.colorbar(mesh, ax=axes[1], extend="both")
    fig.suptitle("A suptitle")
    return fig


@pytest.mark.parametrize("layout", ["constrained", None])
def test_png_box_is_matplotlibs_tight_box(tmp_path, monkeypatch, layout):
    # save_figure measures the PNG's tight box itself instead of letting
    # savefig draw the figure once more first; the file must be the one
    # matplotlib's own bbox_inches="tight" writes (the reference: the
    # measured box switched off, so savefig computes the box)
    from toolkit.plots import export

    fast = save_figure(_busy_figure(layout), tmp_path / "fast", formats="png", dpi=120)[0]
    monkeypatch.setattr(export, "_png_bbox", lambda fig, dpi: None)
    slow = save_figure(_busy_figure(layout), tmp_path / "slow", formats="png", dpi=120)[0]
    assert fast.read_bytes() == slow.read_bytes()
    plt.close("all")


def test_png_box_used_and_layout_engine_kept(tmp_path, monkeypatch):
    from toolkit.plots import export

    seen = []
    real = export._png_bbox
    monkeypatch.setattr(
        export, "_png_bbox", lambda fig, dpi: seen.append(real(fig, dpi)) or seen[-1]
    )
    fig = _busy_figure("constrained")
    save_figure(fig, tmp_path / "f", formats=("png", "pdf"))
    assert len(seen) == 1 and seen[0] is not None  # the PNG only; PDF keeps matplotlib's path
    assert fig.get_layout_engine().__class__.__name__ == "ConstrainedLayoutEngine"
    plt.close(fig)
