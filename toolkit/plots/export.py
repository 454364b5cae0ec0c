"""One-call figure export for manuscripts: PDF, SVG and PNG, reproducibly."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.plots._util import ATTRS_KEY, root_figure

__all__ = ["save_figure"]

_FORMATS = ("pdf", "svg", "png")
_GLYPH_MISSING = re.compile(r"Glyph \d+ .*missing from (current )?font", re.S)


def _describe(metadata: Mapping[str, Any] | pd.DataFrame | None, fig: Any) -> dict[str, Any]:
    """Collect version, measure and parameters from ``metadata``, a DataFrame's attrs or the fig."""
    from toolkit import __version__

    if isinstance(metadata, pd.DataFrame):
        info = dict(metadata.attrs)
    elif metadata is None:
        info = dict(getattr(fig, ATTRS_KEY, {}) or {})
    elif isinstance(metadata, Mapping):
        info = dict(metadata)
    else:
        raise TypeError(
            "metadata must be a mapping, a DataFrame (its .attrs are used) or None, "
            f"not {type(metadata).__name__}"
        )
    info.setdefault("toolkit_version", __version__)
    return info


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _format_metadata(fmt: str, info: Mapping[str, Any]) -> dict[str, Any]:
    import matplotlib as mpl

    creator = f"toolkit {info['toolkit_version']} (matplotlib {mpl.__version__})"
    measure = info.get("measure")
    description = _as_text({k: v for k, v in info.items() if k not in {"title", "author"}})
    title = info.get("title")
    if fmt == "pdf":
        md: dict[str, Any] = {"Creator": creator, "CreationDate": None, "Keywords": description}
        if measure is not None:
            md["Subject"] = f"measure: {_as_text(measure)}"
        if info.get("author"):
            md["Author"] = _as_text(info["author"])
    elif fmt == "svg":  # Dublin Core fields only
        md = {"Creator": creator, "Date": None, "Description": description}
        if measure is not None:
            md["Keywords"] = [f"measure: {_as_text(measure)}"]
    else:  # png: free-form text chunks
        md = {"Software": creator, "Description": description}
        if measure is not None:
            md["Subject"] = f"measure: {_as_text(measure)}"
    if title:
        md["Title"] = _as_text(title)
    return md


def _stem(path_stem: str | Path) -> Path:
    stem = Path(path_stem)
    if stem.suffix.lower().lstrip(".") in _FORMATS:
        stem = stem.with_suffix("")
    return stem


def save_figure(
    fig: Any,
    path_stem: str | Path,
    formats: Sequence[str] | str = ("pdf", "svg", "png"),
    dpi: int = 300,
    metadata: Mapping[str, Any] | pd.DataFrame | None = None,
) -> list[Path]:
    """Write a figure as PDF, SVG and/or PNG, ready for a manuscript.

    PDF fonts are embedded as TrueType (Type 42), so journals' font checks pass
    and text stays editable; SVG output is byte-identical across runs (fixed
    ids, no timestamp); PNG output is deterministic too; margins are trimmed
    to the drawn content. Where the format has room for it, the file records
    the toolkit version and the measure and parameters that produced the data.

    Parameters
    ----------
    fig : Figure or Axes
        What to save (an Axes means its figure).
    path_stem : str or Path
        Output path without extension (``figures/tone`` writes ``figures/tone.pdf`` ...).
        A trailing ``.pdf``/``.svg``/``.png`` is dropped. Parent folders are created.
    formats : sequence of {"pdf", "svg", "png"} or str, default all three
    dpi : int, default 300
        Resolution of the PNG (PDF and SVG are vector).
    metadata : mapping, DataFrame or None
        ``{"measure": ..., "params": {...}, "title": ..., "author": ...}``, or a
        measure's output DataFrame whose ``.attrs`` hold them. By default the
        attrs of the data a ``toolkit.plots`` function drew are used.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], [0, 1])
    >>> paths = save_figure(fig, tempfile.mkdtemp() + "/line", formats=("svg", "png"))
    >>> [p.suffix for p in paths]
    ['.svg', '.png']
    >>> plt.close(fig)
    """
    fig = root_figure(fig)
    if isinstance(formats, str):
        formats = (formats,)
    formats = [f.lower().lstrip(".") for f in formats]
    bad = [f for f in formats if f not in _FORMATS]
    if bad or not formats:
        raise ValueError(f"formats must be drawn from {list(_FORMATS)}, got {list(formats)}")
    stem = _stem(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    info = _describe(metadata, fig)
    rc = {
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.hashsalt": "toolkit",
        "svg.fonttype": "path",
    }
    # fontTools reports tables it leaves out of font subsets (e.g. NanumGothic's
    # hinting sources) as warnings; they do not affect the output
    subset_log = logging.getLogger("fontTools.subset")
    old_level = subset_log.level
    subset_log.setLevel(logging.ERROR)
    try:
        written = _save_all(fig, stem, formats, dpi, info, rc)
    finally:
        subset_log.setLevel(old_level)
    return written


@contextlib.contextmanager
def _settled_layout(fig: Any, max_draws: int = 20) -> Iterator[None]:
    """Run the figure's layout engine to a fixed point, and hold it there while saving.

    Constrained layout converges over several draws (the axes' width moves
    the tick labels, which move the axes), so without this, saving the same
    figure twice gives files that differ in the sixth decimal place.
    """
    engine = fig.get_layout_engine()
    if engine is None:
        yield
        return
    import numpy as np

    before = None
    for _ in range(max_draws):
        # the layout pass alone (text extents, no rasterising): a full draw
        # per iteration cost about as much again in rendering that was thrown away
        engine.execute(fig)
        now = np.array([ax.get_position().bounds for ax in fig.axes], dtype=float)
        # settled when nothing moves by more than 1e-5 of the figure (well under
        # a pixel); layouts that oscillate by less stop here instead of running
        # all max_draws
        if (
            before is not None
            and now.shape == before.shape
            and np.allclose(now, before, rtol=0, atol=1e-5)
        ):
            break
        before = now
    # freeze on rounded positions, so saving the same figure again gives the same bytes
    for ax, bounds in zip(fig.axes, np.round(now, 5), strict=True):
        ax.set_position(tuple(float(b) for b in bounds))
    fig.set_layout_engine("none")
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


def _save_all(
    fig: Any, stem: Path, formats: Sequence[str], dpi: int, info: dict[str, Any], rc: dict[str, Any]
) -> list[Path]:
    import matplotlib as mpl

    import toolkit.plots.style as style

    with mpl.rc_context(rc), warnings.catch_warnings():
        # apply_cjk_fallback already warned once if CJK glyphs are missing; matplotlib
        # would add one warning per glyph and per draw on top of that. Installed
        # before the layout draws, which render the text too.
        if style._warned_no_cjk:
            warnings.filterwarnings("ignore", message=_GLYPH_MISSING.pattern)
        with _settled_layout(fig):
            written = _save_each(fig, stem, formats, dpi, info)
    return written


_PAD_INCHES = 0.02


def _save_each(
    fig: Any, stem: Path, formats: Sequence[str], dpi: int, info: dict[str, Any]
) -> list[Path]:
    written = []
    for fmt in formats:
        path = Path(f"{stem}.{fmt}")
        bbox = _png_bbox(fig, dpi) if fmt == "png" else None
        if bbox is None:
            fig.savefig(
                path,
                format=fmt,
                dpi=dpi,
                bbox_inches="tight",
                pad_inches=_PAD_INCHES,
                metadata=_format_metadata(fmt, info),
            )
        else:
            with _no_layout_engine(fig):
                fig.savefig(
                    path,
                    format=fmt,
                    dpi=dpi,
                    bbox_inches=bbox,
                    metadata=_format_metadata(fmt, info),
                )
        written.append(path)
    return written


def _png_bbox(fig: Any, dpi: int) -> Any:
    """The padded tight bounding box (inches) that ``bbox_inches="tight"`` gives a PNG.

    Asked for "tight", matplotlib first draws the whole figure with rendering
    switched off (to run a layout engine, which :func:`_settled_layout` has
    already frozen) and then measures it; measuring alone gives the same box
    from the same Agg renderer, and the draw cost about a fifth of a save.
    None when the figure's canvas is not Agg's (matplotlib's own path then).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    engine = fig.get_layout_engine()
    if not isinstance(fig.canvas, FigureCanvasAgg) or (
        engine is not None and type(engine).__name__ != "PlaceHolderLayoutEngine"
    ):
        return None
    old = fig.dpi
    fig.dpi = dpi
    try:
        bbox = fig.get_tightbbox(fig.canvas.get_renderer())
    finally:
        fig.dpi = old
    return bbox.padded(_PAD_INCHES, _PAD_INCHES)


@contextlib.contextmanager
def _no_layout_engine(fig: Any) -> Iterator[None]:
    """No layout engine while saving (the layout is frozen), so savefig does not probe-draw."""
    import matplotlib as mpl

    engine = fig.get_layout_engine()
    with mpl.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    try:
        yield
    finally:
        if engine is not None:
            fig.set_layout_engine(engine)
