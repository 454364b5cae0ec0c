"""Framing charts: frame heatmap and frames over time."""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from toolkit._meta import keyword_only, renamed, warn_renamed
from toolkit.plots._docs import shared_docs
from toolkit.plots._util import (
    break_gaps,
    check_data,
    check_numeric,
    colors_for,
    draw_series,
    finish,
    get_ax,
    hatch,
    ink_for,
    label_text,
    legend_outside,
    levels,
    nice,
    optional_column,
    small_cells,
    small_note,
    smallest_step,
    term_text,
    time_axis,
    to_x,
    x_positions,
)
from toolkit.stats.aggregation import MIN_DOCS

__all__ = ["plot_frames_heatmap", "plot_frames_over_time"]

F = TypeVar("F", bound=Callable[..., Any])


def _pivot(data: pd.DataFrame, index: str, columns: str, value: str, func: str) -> pd.DataFrame:
    if data.duplicated([index, columns]).any():
        raise ValueError(
            f"{func}: several rows per ({index!r}, {columns!r}); aggregate first "
            "(one value per cell)"
        )
    return data.pivot(index=index, columns=columns, values=value)


def _auto_fmt(values: np.ndarray) -> str:
    finite = values[np.isfinite(values)]
    if finite.size and finite.min() >= 0 and finite.max() <= 1:
        return "{:.0%}"
    if finite.size and np.allclose(finite, np.round(finite)):
        return "{:,.0f}"
    return "{:.2f}"


@renamed(x_order="order")
@keyword_only("x", "y", "value")
@shared_docs
def plot_frames_heatmap(
    data: pd.DataFrame,
    *,
    x: str,
    y: str = "frame",
    value: str = "share",
    order: Sequence[Hashable] | None = None,
    y_order: Sequence[Hashable] | None = None,
    annotate: bool = True,
    fmt: str | None = None,
    cmap: str = "Blues",
    vmin: float | None = 0.0,
    vmax: float | None = None,
    colorbar: bool = True,
    ax: Any = None,
) -> Any:
    """Heatmap of frame prevalence: frames (rows) by outlet, country or month (columns).

    Parameters
    ----------
    {params.data}
        One row per (group, frame) with a value, e.g. frame shares by outlet.
    {params.x}
        The group, one heatmap column per level (e.g. "outlet", "country", "period").
    {params.y}
        The frame, one heatmap row per level.
    value : str, default "share"
        The value shown by each cell's colour.
    {params.order}
        The heatmap's columns (was ``x_order`` before 0.4). Default:
        sorted (time in order).
    y_order : sequence, optional
        Order of the heatmap's rows. Default: by prevalence (highest mean
        over the columns on top, ties by name).
    annotate : bool, default True
        Write each cell's value in it (dark text on light cells and vice versa).
    fmt : str, optional
        Format for the annotations; default a percentage when all values lie
        in [0, 1], else integers or two decimals.
    cmap : str, default "Blues"
        A sequential map whose lightness rises with the value, so the chart
        also reads in greyscale.
    vmin, vmax : float, optional
        Colour scale limits (default 0 to the largest value).
    colorbar : bool, default True
    {params.ax}

    {returns.ax}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B", "B"],
    ...                    "frame": ["conflict", "economic", "conflict", "economic"],
    ...                    "share": [0.6, 0.2, 0.3, 0.5]})
    >>> ax = plot_frames_heatmap(df, x="outlet")
    >>> [t.get_text() for t in ax.texts]
    ['60%', '30%', '20%', '50%']
    """
    import matplotlib as mpl

    func = "plot_frames_heatmap"
    check_data(data, func, x=x, y=y, value=value)
    check_numeric(data, func, value=value)
    table = _pivot(data, y, x, value, func)
    xs, categorical = to_x(data[x])
    cols = levels(data[x], order)
    rows = levels(data[y], y_order)
    if y_order is None:
        means = table.mean(axis=1)
        rows = sorted(
            rows, key=lambda r: (-np.nan_to_num(means.get(r, np.nan), nan=-np.inf), label_text(r))
        )
    table = table.reindex(index=rows, columns=cols)
    vals = table.to_numpy(dtype=float)
    ax = get_ax(ax)
    norm = mpl.colors.Normalize(
        vmin=vmin if vmin is not None else np.nanmin(vals),
        vmax=vmax if vmax is not None else np.nanmax(vals),
    )
    cm = mpl.colormaps[cmap].with_extremes(bad="#f0f0f0")
    mesh = ax.pcolormesh(
        np.ma.masked_invalid(vals), cmap=cm, norm=norm, edgecolors="white", linewidth=0.6
    )
    fmt = fmt or _auto_fmt(vals)
    if annotate:
        for i in range(vals.shape[0]):
            for j in range(vals.shape[1]):
                v = vals[i, j]
                text = "–" if np.isnan(v) else fmt.format(v)
                ink = "#777777" if np.isnan(v) else ink_for(cm(norm(v))[:3])
                ax.text(
                    j + 0.5, i + 0.5, text, ha="center", va="center", color=ink, fontsize="small"
                )
    time_cols = not categorical
    col_labels = [label_text(c) for c in cols]
    if time_cols and pd.api.types.is_datetime64_any_dtype(xs):
        from toolkit.plots._util import time_labels

        col_labels = time_labels(cols)
    ax.set_xticks(np.arange(len(cols)) + 0.5, col_labels)
    ax.set_yticks(np.arange(len(rows)) + 0.5, [term_text(r) for r in rows])
    ax.set_ylim(len(rows), 0)  # first frame on top
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    if max((len(s) for s in col_labels), default=0) > 5 or len(cols) > 8:
        ax.tick_params(axis="x", labelrotation=45)
        for t in ax.get_xticklabels():
            t.set_horizontalalignment("right")
            t.set_rotation_mode("anchor")
    ax.set_xlabel(nice(x))
    ax.set_ylabel(nice(y))
    if colorbar:
        cb = ax.figure.colorbar(mesh, ax=ax, fraction=0.05, pad=0.02)
        cb.set_label(nice(value))
        cb.outline.set_visible(False)
        if "%" in fmt:
            cb.ax.yaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0, decimals=0))
    return finish(ax, data)


def _old_frames_call(func: F) -> F:
    """Read calls written for 0.3, where ``hue`` named the frames and ``group`` the lines.

    From 0.4 the names follow seaborn: ``hue`` is what gets a colour (the lines
    in each panel, or the stacked frames of ``kind="area"``) and ``col`` what
    gets a panel. A 0.3 call is recognised by ``group=``/``group_order=``, or,
    for panels, by a ``hue`` that can only mean the panels (the "frame"
    column, or any column when ``data`` has no "frame" column), and is
    translated with a FutureWarning.
    """

    @functools.wraps(func)
    def wrapper(data: Any, /, **kwargs: Any) -> Any:
        old = "group" in kwargs or "group_order" in kwargs
        facets = kwargs.get("kind", "facets") == "facets"
        hue = kwargs.get("hue")
        if not old and facets and kwargs.get("col") is None and hue is not None:
            columns = getattr(data, "columns", ())
            old = hue == "frame" or "frame" not in columns
        if old:
            if kwargs.get("col") is not None or kwargs.get("col_order") is not None:
                raise TypeError(
                    "plot_frames_over_time() got col= with a 0.3-style group=/hue= for the "
                    "frames; write col= for the panels and hue= for the lines"
                )
            warn_renamed(
                "plot_frames_over_time(hue=<frames>, group=<lines>) is now "
                "plot_frames_over_time(col=<frames>, hue=<lines>) (and hue_order/group_order "
                "are col_order/hue_order); the old spelling stops working after version 0.4"
            )
            frames_col = kwargs.pop("hue", None) or "frame"
            frames_order = kwargs.pop("hue_order", None)
            lines_col = kwargs.pop("group", None)
            lines_order = kwargs.pop("group_order", None)
            if facets:
                kwargs.update(col=frames_col, col_order=frames_order)
                kwargs.update(hue=lines_col, hue_order=lines_order)
            else:  # the area stacks the frames: they keep their colour
                kwargs.update(hue=frames_col, hue_order=frames_order)
                if lines_col is not None:
                    kwargs["col"] = lines_col  # area with group= was an error, and stays one
        return func(data, **kwargs)

    return wrapper  # type: ignore[return-value]


@keyword_only("x", "y", "hue")
@_old_frames_call
@shared_docs
def plot_frames_over_time(
    data: pd.DataFrame,
    *,
    x: str = "period",
    y: str = "share",
    hue: str | None = None,
    col: str | None = None,
    kind: str = "facets",
    ci_low: str | None = "ci_low",
    ci_high: str | None = "ci_high",
    hue_order: Sequence[Hashable] | None = None,
    col_order: Sequence[Hashable] | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    ncols: int | None = None,
    figsize: tuple[float, float] | None = None,
    min_docs: int | None = MIN_DOCS,
    fig: Any = None,
    ax: Any = None,
) -> Any:
    """Frame shares over time: small multiples (one panel per frame) or a stacked area.

    Parameters
    ----------
    {params.data}
        One row per period and frame (and group) with a share.
    {params.x}
        The period.
    {params.y}
        The share.
    {params.hue}
        Facets: a line per level in each panel (e.g. "country"); default one
        line. Area: the stacked frames; default "frame". (Before 0.4 ``hue``
        named the frames and ``group`` the lines; such calls still work, with
        a FutureWarning.)
    {params.col}
        Facets only: default "frame".
    kind : {"facets", "area"}, default "facets"
        ``"facets"``: one panel per frame on a shared scale, with a line per
        ``hue`` level and interval ribbons if given; returns a Figure.
        ``"area"``: frames stacked in one Axes; only meaningful when frames
        are exclusive (shares per period sum to at most 1), so a warning is
        given otherwise.
    {params.ci_low}
        Facets only: drawn as ribbons.
    {params.hue_order}
    {params.col_order}
    {params.palette}
        Colours of the lines (facets) or of the frames (area).
    {params.ncols}
        Facets only; default up to 3.
    {params.figsize}
        Facets only.
    {params.min_docs}
        Facets only (the count is an ``n_docs`` column). Lines break across
        periods with no row (no articles), as in :func:`plot_tone_over_time`;
        the stacked area (``kind="area"``) cannot break and spans them (one
        reason to prefer facets).
    {params.fig}
        Facets only.
    {params.ax}
        Area only: small multiples need a figure (``fig=``), not one Axes.

    Returns
    -------
    matplotlib Figure (facets) or Axes (area)
        Facets return the figure holding the panels (``fig`` if given).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({
    ...     "period": pd.to_datetime(["2019-07-01", "2019-08-01"] * 2),
    ...     "frame": ["conflict", "conflict", "economic", "economic"],
    ...     "share": [0.5, 0.7, 0.3, 0.2]})
    >>> fig = plot_frames_over_time(df)
    >>> [a.get_title() for a in fig.axes]
    ['conflict', 'economic']
    >>> ax = plot_frames_over_time(df, kind="area")
    >>> len(ax.collections)
    2
    """
    func = "plot_frames_over_time"
    if kind not in ("facets", "area"):
        raise ValueError(f"{func}: kind must be 'facets' or 'area', not {kind!r}")
    ci_low = optional_column(data, ci_low, "ci_low")
    ci_high = optional_column(data, ci_high, "ci_high")
    if kind == "area":
        if col is not None:
            raise ValueError(f"{func}: col= needs kind='facets' (one panel per frame)")
        if fig is not None:
            raise ValueError(f"{func}: fig= is for kind='facets'; pass ax= for kind='area'")
        frames_col, frames_order = hue or "frame", hue_order
    else:
        frames_col, frames_order = col or "frame", col_order
    group = hue if kind == "facets" else None
    check_data(data, func, x=x, y=y, hue=group, col=frames_col, ci_low=ci_low, ci_high=ci_high)
    check_numeric(data, func, y=y, ci_low=ci_low, ci_high=ci_high)
    frame, cats = x_positions(data, x)
    frames = levels(frame[frames_col], frames_order)
    if kind == "area":
        table = _pivot(frame, "_x", frames_col, y, func).reindex(columns=frames).sort_index()
        table = table.fillna(0.0)
        if (table.sum(axis=1) > 1 + 1e-9).any() and (table.to_numpy() <= 1).all():
            warnings.warn(
                f"{func}: shares sum to more than 1 in some periods (frames overlap), so a "
                "stacked area overstates the total; kind='facets' shows each frame on its own.",
                UserWarning,
                stacklevel=2,
            )
        colors = colors_for(frames, palette)
        ax = get_ax(ax)
        ax.stackplot(
            table.index,
            *[table[f].to_numpy(float) for f in frames],
            labels=[term_text(f) for f in frames],
            colors=[colors[f] for f in frames],
            hatch=[hatch(k) for k in range(len(frames))],
            edgecolor="white",
            linewidth=0.4,
        )
        time_axis(ax, frame["_x"], cats, minticks=2, maxticks=5)
        ax.set_xlabel(nice(x))
        ax.set_ylabel(nice(y))
        ax.set_ylim(bottom=0)
        handles, labels = ax.get_legend_handles_labels()
        legend_outside(ax, title=nice(frames_col), handles=handles[::-1], labels=labels[::-1])
        return finish(ax, data)

    if ax is not None:
        raise ValueError(f"{func}: kind='facets' draws its own figure; ax= is for kind='area'")
    import matplotlib.pyplot as plt

    groups = [None] if group is None else levels(frame[group], hue_order)
    colors = colors_for(["_all"] if group is None else groups, palette)
    ncols = ncols or min(3, len(frames))
    nrows = math.ceil(len(frames) / ncols)
    if fig is None:
        if figsize is None:
            width = plt.rcParams["figure.figsize"][0]
            figsize = (width, max(1.6, nrows * min(2.0, width / ncols * 0.8)) + 0.4)
        fig = plt.figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False)
    # periods without articles break the lines (as in plot_tone_over_time)
    step = smallest_step(frame["_x"])
    n_col = "n_docs" if "n_docs" in frame.columns else None
    frame["_small"] = small_cells(frame, n_col, min_docs)
    if ci_low is not None:
        frame["_lo"] = frame[ci_low].where(~frame["_small"])
        frame["_hi"] = frame[ci_high].where(~frame["_small"])
    for k, (f, a) in enumerate(zip(frames, axes.flat, strict=False)):
        in_panel = frame[frames_col] == f
        for i, g in enumerate(groups):
            part = frame[in_panel] if g is None else frame[in_panel & (frame[group] == g)]
            cols = [y, "_lo", "_hi"] if ci_low is not None else [y]
            part = break_gaps(part.sort_values("_x"), step, cols).reset_index(drop=True)
            color = colors["_all" if g is None else g]
            label = None if g is None else label_text(g)
            draw_series(
                a, part, y, i, color, label=label, ribbon=ci_low is not None, markersize=2.5
            )
        a.set_title(term_text(f), fontsize="medium")
        if k % ncols == 0:
            a.set_ylabel(nice(y))
    # One shared scale from 0 to the highest value or interval bound; set once,
    # after drawing, so that no panel's line or ribbon is cut off.
    highs = [frame[y].max()] + ([frame[ci_high].max()] if ci_high is not None else [])
    top = max((float(h) for h in highs if pd.notna(h)), default=1.0)
    axes.flat[0].set_ylim(0, top * 1.05 if top > 0 else 1.0)
    for k in range(len(frames), nrows * ncols):
        axes.flat[k].set_visible(False)
        # the panel above an empty slot is the bottom of its column: give it tick labels
        if k - ncols >= 0:
            axes.flat[k - ncols].xaxis.set_tick_params(labelbottom=True)
    for a in axes.flat[: len(frames)]:
        time_axis(a, frame["_x"], cats, minticks=2, maxticks=5)
        a.tick_params(axis="x", labelrotation=0)
    xlabel = nice(x)
    if frame["_small"].any() and ci_low is not None:
        xlabel += f"\n({small_note(min_docs)})"
    fig.supxlabel(xlabel, fontsize="medium")
    if group is not None:
        handles, labels = axes.flat[0].get_legend_handles_labels()
        fig.legend(
            handles,
            labels,
            title=nice(group),
            loc="outside upper center",
            ncols=min(len(groups), 6),
            frameon=False,
        )
    return finish(fig, data)
