"""Framing charts: frame heatmap and frames over time."""

from __future__ import annotations

import math
import warnings
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from toolkit.plots._util import (
    check_data,
    check_numeric,
    colors_for,
    finish,
    get_ax,
    hatch,
    ink_for,
    label_text,
    legend_outside,
    levels,
    linestyle,
    marker,
    nice,
    optional_column,
    term_text,
    time_axis,
    to_x,
    x_positions,
)
from toolkit.stats.aggregation import MIN_DOCS

__all__ = ["plot_frames_heatmap", "plot_frames_over_time"]


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


def plot_frames_heatmap(
    data: pd.DataFrame,
    x: str,
    y: str = "frame",
    value: str = "share",
    *,
    x_order: Sequence[Hashable] | None = None,
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
    data : DataFrame
        One row per (group, frame) with a value, e.g. frame shares by outlet.
    x : str
        Group column (e.g. "outlet", "country", "period").
    y : str, default "frame"
    value : str, default "share"
    x_order, y_order : sequence, optional
        Column / row order. Default: columns sorted (time in order), rows by
        prevalence (highest mean over the columns on top, ties by name).
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
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

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
    cols = levels(data[x], x_order)
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


def plot_frames_over_time(
    data: pd.DataFrame,
    x: str = "period",
    y: str = "share",
    hue: str = "frame",
    *,
    kind: str = "facets",
    group: str | None = None,
    ci_low: str | None = "ci_low",
    ci_high: str | None = "ci_high",
    hue_order: Sequence[Hashable] | None = None,
    group_order: Sequence[Hashable] | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    ncols: int | None = None,
    figsize: tuple[float, float] | None = None,
    min_docs: int | None = MIN_DOCS,
    ax: Any = None,
) -> Any:
    """Frame shares over time: small multiples (one panel per frame) or a stacked area.

    Parameters
    ----------
    data : DataFrame
        One row per period and frame (and group) with a share.
    x : str, default "period"
    y : str, default "share"
    hue : str, default "frame"
    kind : {"facets", "area"}, default "facets"
        ``"facets"``: one panel per frame on a shared scale, with a line per
        ``group`` and interval ribbons if given; returns a Figure.
        ``"area"``: frames stacked in one Axes; only meaningful when frames
        are exclusive (shares per period sum to at most 1), so a warning is
        given otherwise.
    group : str, optional
        Facets only: a line per group (e.g. "country") in each panel.
    ci_low, ci_high : str or None, default "ci_low", "ci_high"
        Facets only: interval ribbons, drawn when the columns exist.
    hue_order, group_order : sequence, optional
    palette : list or dict of colours, optional
        Colours of the frames (area) or of the groups (facets).
    ncols : int, optional
        Facet columns (default up to 3).
    figsize : (float, float), optional
        Facets: figure size; default from the current style's width.
    min_docs : int or None, default 5
        Facets: periods from fewer documents (an ``n_docs`` column, or a
        ``small_cell`` flag) get an open marker and no ribbon. Lines break
        across periods with no row (no articles), as in
        :func:`plot_tone_over_time`; the stacked area (``kind="area"``) cannot
        break and spans them (one reason to prefer facets).
    ax : matplotlib Axes, optional
        Area only.

    Returns
    -------
    matplotlib Figure (facets) or Axes (area)

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
    check_data(data, func, x=x, y=y, hue=hue, group=group, ci_low=ci_low, ci_high=ci_high)
    check_numeric(data, func, y=y, ci_low=ci_low, ci_high=ci_high)
    frame, cats = x_positions(data, x)
    frames = levels(frame[hue], hue_order)
    if kind == "area":
        if group is not None:
            raise ValueError(f"{func}: group= needs kind='facets' (one panel per frame)")
        table = _pivot(frame, "_x", hue, y, func).reindex(columns=frames).sort_index()
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
        legend_outside(ax, title=nice(hue), handles=handles[::-1], labels=labels[::-1])
        return finish(ax, data)

    if ax is not None:
        raise ValueError(f"{func}: kind='facets' draws its own figure; ax= is for kind='area'")
    import matplotlib.pyplot as plt

    groups = [None] if group is None else levels(frame[group], group_order)
    colors = colors_for(["_all"] if group is None else groups, palette)
    ncols = ncols or min(3, len(frames))
    nrows = math.ceil(len(frames) / ncols)
    if figsize is None:
        width = plt.rcParams["figure.figsize"][0]
        figsize = (width, max(1.6, nrows * min(2.0, width / ncols * 0.8)) + 0.4)
    fig, axes = plt.subplots(
        nrows, ncols, sharex=True, sharey=True, squeeze=False, figsize=figsize, layout="constrained"
    )
    from toolkit.plots.tone import _break_gaps, _small_cells, _smallest_step

    # periods without articles break the lines (as in plot_tone_over_time)
    step = _smallest_step(frame["_x"])
    n_col = "n_docs" if "n_docs" in frame.columns else None
    frame["_small"] = _small_cells(frame, n_col, min_docs)
    if ci_low is not None:
        frame["_lo"] = frame[ci_low].where(~frame["_small"])
        frame["_hi"] = frame[ci_high].where(~frame["_small"])
    for k, (f, a) in enumerate(zip(frames, axes.flat, strict=False)):
        for i, g in enumerate(groups):
            part = (
                frame[frame[hue] == f]
                if g is None
                else frame[(frame[hue] == f) & (frame[group] == g)]
            )
            cols = [y, "_lo", "_hi"] if ci_low is not None else [y]
            part = _break_gaps(part.sort_values("_x"), step, cols).reset_index(drop=True)
            color = colors["_all" if g is None else g]
            a.plot(
                part["_x"],
                part[y],
                color=color,
                marker=marker(i),
                markevery=list(np.flatnonzero(part["_small"].eq(False).to_numpy())),
                linestyle=linestyle(i),
                markersize=2.5,
                label=None if g is None else label_text(g),
            )
            small = part[part["_small"].eq(True)]
            if len(small):
                a.plot(
                    small["_x"],
                    small[y],
                    linestyle="none",
                    marker=marker(i),
                    markersize=2.5,
                    markerfacecolor="white",
                    markeredgecolor=color,
                )
            if ci_low is not None:
                a.fill_between(
                    part["_x"], part["_lo"], part["_hi"], color=color, alpha=0.18, linewidth=0
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
        from toolkit.plots.tone import _small_note

        xlabel += f"\n({_small_note(min_docs)})"
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
