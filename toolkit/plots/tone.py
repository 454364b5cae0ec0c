"""Tone charts: tone over time with intervals, and group comparisons (dot and whisker)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from toolkit._meta import keyword_only, renamed
from toolkit.plots._docs import shared_docs
from toolkit.plots._util import (
    break_gaps,
    check_data,
    check_numeric,
    colors_for,
    draw_series,
    finish,
    get_ax,
    label_text,
    legend_outside,
    levels,
    marker,
    nice,
    open_marker_handle,
    optional_column,
    small_cells,
    small_note,
    smallest_step,
    time_axis,
    x_positions,
)
from toolkit.stats.aggregation import MIN_DOCS

__all__ = ["plot_group_comparison", "plot_tone_over_time"]


def value_label(data: pd.DataFrame, y: str) -> str:
    """Axis label for a value column, naming what was summarised when the data says so.

    An :func:`toolkit.stats.aggregation.aggregate` table of ``tone`` gives "Mean tone";
    other columns get :func:`nice` names ("n_docs" -> "Documents").
    """
    params = data.attrs.get("params")
    # "method" is the statistic's option name from 0.4 on, "stat" before
    if (
        isinstance(params, dict)
        and y in (params.get("method"), params.get("stat"))
        and isinstance(params.get("value"), str)
    ):
        value = str(params["value"]).lstrip("_").replace("_", " ") or "value"
        return f"{nice(y)} {value}"
    return nice(y)


def _bar_width(xs: np.ndarray) -> float:
    steps = np.diff(np.unique(xs))
    return 0.8 * float(steps.min()) if len(steps) else 0.8


def _legend_columns(ax: Any, labels: Sequence[str]) -> int:
    """As many legend columns as fit across the figure (long outlet names wrap to rows)."""
    import matplotlib as mpl

    width_in = ax.figure.get_figwidth()
    size_pt = mpl.font_manager.FontProperties(size=mpl.rcParams["legend.fontsize"]).get_size()
    column_in = max(map(len, labels), default=1) * size_pt * 0.55 / 72 + 0.55  # text + handle
    return int(max(1, min(len(labels), 6, width_in // column_in)))


@renamed(n="count")
@keyword_only("x", "y", "hue", "ci_low", "ci_high", "count")
@shared_docs
def plot_tone_over_time(
    data: pd.DataFrame,
    *,
    x: str = "period",
    y: str = "mean",
    hue: str | None = None,
    ci_low: str | None = "ci_low",
    ci_high: str | None = "ci_high",
    count: str | None = "n_docs",
    hue_order: Sequence[Hashable] | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    ref: float | None = 0.0,
    min_docs: int | None = MIN_DOCS,
    ax: Any = None,
) -> Any:
    """Mean tone per period, one line per group, with confidence ribbons and document counts.

    Parameters
    ----------
    {params.data}
        One row per period (and group), e.g. the tone aggregation output
        with columns ``period, mean, ci_low, ci_high, n_docs``.
    {params.x}
        The period: datetime, pandas Period, number, or ordered labels.
    {params.y}
        The value (e.g. mean tone).
    {params.hue}
        E.g. "country": one line per group.
    {params.ci_low}
        Drawn as ribbons.
    {params.count}
        Their total per period is drawn as grey bars along the bottom (right
        axis), so thin periods are visible. Was ``n`` before 0.4.
    {params.hue_order}
    {params.palette}
    ref : float or None, default 0.0
        Draw a thin reference line at this value (neutral tone); ``None`` for none.
    {params.min_docs}
    {params.ax}

    Returns
    -------
    matplotlib Axes
        The axes with the lines; the document-count bars sit on a twin axes.
        Every point with an interval shows it: runs of neighbouring periods
        as a ribbon, a period without a neighbour as a whisker.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({
    ...     "period": pd.to_datetime(["2019-07-01", "2019-08-01"] * 2),
    ...     "country": ["KR", "KR", "JP", "JP"],
    ...     "mean": [-0.20, -0.35, -0.05, -0.15], "ci_low": [-0.3, -0.5, -0.1, -0.25],
    ...     "ci_high": [-0.1, -0.2, 0.0, -0.05], "n_docs": [12, 20, 9, 15]})
    >>> ax = plot_tone_over_time(df, hue="country")
    >>> len(ax.lines) - 1, [t.get_text() for t in ax.get_legend().get_texts()]
    (2, ['JP', 'KR'])
    """
    func = "plot_tone_over_time"
    ci_low = optional_column(data, ci_low, "ci_low")
    ci_high = optional_column(data, ci_high, "ci_high")
    count = optional_column(data, count, "n_docs")
    check_data(data, func, x=x, y=y, hue=hue, ci_low=ci_low, ci_high=ci_high, count=count)
    check_numeric(data, func, y=y, ci_low=ci_low, ci_high=ci_high, count=count)
    if (ci_low is None) != (ci_high is None):
        raise ValueError(f"{func}: give both ci_low and ci_high, or neither")
    frame, cats = x_positions(data, x)
    frame["_small"] = small_cells(frame, count, min_docs)
    if ci_low is not None:
        # a cell whose interval is withheld (too few documents) or undefined
        # (one document) is drawn with an open marker and explained in the legend
        frame["_small"] |= frame[ci_low].isna() | frame[ci_high].isna()
        frame["_lo"] = frame[ci_low].where(~frame["_small"])
        frame["_hi"] = frame[ci_high].where(~frame["_small"])
    groups = [None] if hue is None else levels(frame[hue], hue_order)
    colors = colors_for(["_all"] if hue is None else groups, palette)
    ax = get_ax(ax)
    step = smallest_step(frame["_x"])
    any_small = False
    for i, g in enumerate(groups):
        part = frame if g is None else frame[frame[hue] == g]
        part = break_gaps(part.sort_values("_x"), step, [y, "_lo", "_hi"] if ci_low else [y])
        part = part.reset_index(drop=True)
        color = colors["_all" if g is None else g]
        label = None if g is None else label_text(g)
        ribbon = ci_low is not None
        any_small |= draw_series(ax, part, y, i, color, label=label, ribbon=ribbon, zorder=3)
        if ribbon:
            # a ribbon needs two neighbouring intervals: a lone one gets a whisker
            has = part["_lo"].notna().to_numpy()
            before = np.r_[False, has[:-1]]
            after = np.r_[has[1:], False]
            alone = part[has & ~before & ~after]
            if len(alone):
                ax.errorbar(
                    alone["_x"],
                    alone[y],
                    yerr=np.vstack(
                        [
                            (alone[y] - alone["_lo"]).clip(lower=0).to_numpy(float),
                            (alone["_hi"] - alone[y]).clip(lower=0).to_numpy(float),
                        ]
                    ),
                    fmt="none",
                    ecolor=color,
                    elinewidth=1.0,
                    capsize=2.5,
                    zorder=3,
                )
    if ref is not None:
        ax.axhline(ref, color="#888888", linewidth=0.6, zorder=1)
    if count is not None:
        totals = frame.groupby("_x")[count].sum()
        pos = totals.index.to_numpy()
        twin = ax.twinx()
        if pd.api.types.is_datetime64_any_dtype(totals.index):
            import matplotlib.dates as mdates

            pos = mdates.date2num(totals.index)
        twin.bar(
            pos,
            totals.to_numpy(),
            width=_bar_width(np.asarray(pos, dtype=float)),
            color="#d9d9d9",
            linewidth=0,
        )
        top = max(float(totals.max()), 1.0)
        twin.set_ylim(0, top * 4)  # bars fill the bottom quarter
        # ticks only where the bars are, so the right axis does not suggest a larger scale
        from matplotlib.ticker import MaxNLocator

        ticks = [t for t in MaxNLocator(nbins=2, integer=True).tick_values(0, top) if t <= top]
        twin.set_yticks(ticks)
        twin.set_ylabel("documents", color="#777777")
        # label starts at the bottom, beside the bars it describes
        twin.yaxis.label.set_y(0.0)
        twin.yaxis.label.set_horizontalalignment("left")
        twin.spines["right"].set_bounds(0, top)
        twin.tick_params(axis="y", colors="#777777")
        twin.spines["right"].set_visible(True)
        twin.spines["top"].set_visible(False)
        ax.set_zorder(twin.get_zorder() + 1)  # lines above the bars
        ax.patch.set_visible(False)
    time_axis(ax, frame["_x"], cats, maxticks=8)
    ax.set_xlabel(nice(x))
    ax.set_ylabel(value_label(data, y))
    handles, texts = ax.get_legend_handles_labels()
    if any_small and ci_low is not None:
        handles.append(open_marker_handle())
        texts.append(small_note(min_docs))
    if handles:
        # above the plot: clear of the lines, the ribbons and the right-hand count axis
        ax.legend(
            handles,
            texts,
            title=None,
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=_legend_columns(ax, texts),
            borderaxespad=0.2,
            handlelength=2.5,
        )
    return finish(ax, data)


@renamed(n="count")
@keyword_only("y", "x", "ci_low", "ci_high")
@shared_docs
def plot_group_comparison(
    data: pd.DataFrame,
    *,
    y: str,
    x: str = "mean",
    hue: str | None = None,
    ci_low: str | None = "ci_low",
    ci_high: str | None = "ci_high",
    count: str | None = "n_docs",
    order: Sequence[Hashable] | None = None,
    hue_order: Sequence[Hashable] | None = None,
    sort: bool = True,
    ref: float | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    min_docs: int | None = MIN_DOCS,
    ax: Any = None,
) -> Any:
    """Dot-and-whisker chart: one estimate with its interval per group, sorted.

    Parameters
    ----------
    {params.data}
        One row per group (and hue level) with an estimate and, optionally,
        its interval, e.g. tone by outlet or a frame's share by country.
    {params.y}
        The group: one row of the chart per group.
    {params.x}
        The estimate (``"share"`` for frame shares).
    {params.hue}
        A second grouping, drawn as dodged points per row (e.g. frame or period).
    {params.ci_low}
        Drawn as whiskers.
    {params.count}
        Shown in the row labels as ``(n=...)`` (without ``hue``). Was ``n``
        before 0.4.
    {params.order}
        Overrides ``sort``; groups not listed are left out.
    {params.hue_order}
    sort : bool, default True
        Largest estimate on top (mean over hue levels with ``hue``).
    ref : float, optional
        Reference line (e.g. 0 for neutral tone).
    {params.palette}
    {params.min_docs}
    {params.ax}

    {returns.ax}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["Daily A", "Times B", "Wire C"],
    ...                    "mean": [-0.3, 0.1, -0.05], "ci_low": [-0.4, 0.0, -0.1],
    ...                    "ci_high": [-0.2, 0.2, 0.0], "n_docs": [30, 25, 8]})
    >>> ax = plot_group_comparison(df, y="outlet", ref=0)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Times B (n=25)', 'Wire C (n=8)', 'Daily A (n=30)']
    """
    func = "plot_group_comparison"
    ci_low = optional_column(data, ci_low, "ci_low")
    ci_high = optional_column(data, ci_high, "ci_high")
    count = optional_column(data, count, "n_docs")
    check_data(data, func, y=y, x=x, hue=hue, ci_low=ci_low, ci_high=ci_high, count=count)
    check_numeric(data, func, x=x, ci_low=ci_low, ci_high=ci_high, count=count)
    if (ci_low is None) != (ci_high is None):
        raise ValueError(f"{func}: give both ci_low and ci_high, or neither")
    keys = [y] if hue is None else [y, hue]
    if data.duplicated(keys).any():
        raise ValueError(
            f"{func}: several rows per {' and '.join(map(repr, keys))}; aggregate first "
            "(one estimate per group)"
        )
    if order is not None:
        rows = [g for g in order if g in set(data[y])]
    elif sort:
        means = data.groupby(y)[x].mean()
        rows = sorted(means.index, key=lambda g: (-means[g], label_text(g)))
    else:
        rows = list(pd.unique(data[y]))
    groups = [None] if hue is None else levels(data[hue], hue_order)
    colors = colors_for(["_all"] if hue is None else groups, palette)
    pos_of = {g: i for i, g in enumerate(rows)}
    step = 0.7 / len(groups)
    ax = get_ax(ax)
    if ref is not None:
        ax.axvline(ref, color="#888888", linewidth=0.6, zorder=1)
    small_all = small_cells(data, count, min_docs)
    if ci_low is not None:
        small_all |= data[ci_low].isna() | data[ci_high].isna()
    any_small = False
    for i, g in enumerate(groups):
        keep = data[y].isin(pos_of) if g is None else (data[hue] == g) & data[y].isin(pos_of)
        part = data[keep]
        small = small_all[keep].to_numpy()
        pos = part[y].map(pos_of).to_numpy(dtype=float) + (i - (len(groups) - 1) / 2) * step
        xv = part[x].to_numpy(dtype=float)
        err = None
        if ci_low is not None:
            err = np.vstack([xv - part[ci_low].to_numpy(float), part[ci_high].to_numpy(float) - xv])
            err = np.clip(np.nan_to_num(err), 0, None)
            err[:, small] = 0.0  # too few documents: the interval is withheld
        color = colors["_all" if g is None else g]
        ax.errorbar(
            xv[~small] if ci_low is not None else xv,
            pos[~small] if ci_low is not None else pos,
            xerr=None if err is None else err[:, ~small],
            fmt=marker(i),
            color=color,
            ecolor=color,
            elinewidth=1.0,
            capsize=2,
            markersize=4,
            linestyle="none",
            label=None if g is None else label_text(g),
            zorder=3,
        )
        if ci_low is not None and small.any():
            any_small = True
            ax.plot(
                xv[small],
                pos[small],
                linestyle="none",
                marker=marker(i),
                markersize=4,
                markerfacecolor="white",
                markeredgecolor=color,
                zorder=4,
            )
    labels = [label_text(g) for g in rows]
    if count is not None and hue is None:
        counts = data.set_index(y)[count]
        labels = [f"{lab} (n={int(counts[g]):,})" for lab, g in zip(labels, rows, strict=True)]
    ax.set_yticks(range(len(rows)), labels)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlabel(value_label(data, x))
    ax.set_ylabel(nice(y))
    ax.grid(axis="y", linewidth=0.3, color="#e5e5e5")
    from matplotlib.lines import Line2D

    # proxies: an errorbar's own legend handle is its whisker, which looks the same
    # for every group; the marker shape is what tells groups apart in greyscale
    handles = [
        Line2D([], [], color=colors[g], marker=marker(i), markersize=4, linestyle="none")
        for i, g in enumerate(groups)
        if g is not None
    ]
    texts = [label_text(g) for g in groups if g is not None]
    if any_small:
        handles.append(open_marker_handle())
        texts.append(small_note(min_docs))
    if hue is not None:
        legend_outside(ax, handles=handles, labels=texts, title=nice(hue))
    elif handles:  # only the open-marker note: above the axes, not beside them
        ax.legend(
            handles,
            texts,
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            borderaxespad=0.2,
        )
    return finish(ax, data)
