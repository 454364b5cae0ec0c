"""Corpus overview charts: article counts and article lengths."""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from toolkit._meta import keyword_only, renamed
from toolkit.plots._docs import shared_docs
from toolkit.plots._util import (
    check_data,
    check_numeric,
    colors_for,
    finish,
    get_ax,
    hatch,
    is_time,
    label_text,
    levels,
    linestyle,
    nice,
    term_text,
    thin_ticks,
    time_labels,
)

__all__ = ["plot_counts", "plot_lengths"]

# pandas >= 2.2 spells month-end "ME" and deprecates "M"
_HAS_ME = tuple(int(p) for p in pd.__version__.split(".")[:2]) >= (2, 2)


def _count_table(data: pd.DataFrame, x: str, y: str | None, hue: str | None) -> pd.DataFrame:
    """Sum ``y`` (or count rows) per x (and hue) into a wide x-by-hue table."""
    keys = [x] if hue is None else [x, hue]
    frame = data[keys].copy()
    frame["_v"] = 1 if y is None else data[y].astype(float)
    frame[keys] = frame[keys].astype(object).where(frame[keys].notna(), None)
    summed = frame.groupby(keys, dropna=False, sort=False)["_v"].sum()
    if hue is None:
        return summed.to_frame("_all")
    return summed.unstack(hue, fill_value=0.0)


@keyword_only("x", "y", "hue")
@shared_docs
def plot_counts(
    data: pd.DataFrame,
    *,
    x: str,
    y: str | None = "n",
    hue: str | None = None,
    order: Sequence[Hashable] | None = None,
    hue_order: Sequence[Hashable] | None = None,
    stacked: bool = False,
    orient: str | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    ax: Any = None,
) -> Any:
    """Bar chart of counts per category (outlet, country, month), optionally split by a group.

    Parameters
    ----------
    {params.data}
        One row per category (and group) with a count column, e.g.
        ``corpus.groupby("outlet").size().reset_index(name="n")``. Rows with
        the same category are summed.
    x : str
        Category column, whatever the bars' direction (see ``orient``). A
        datetime or period column is drawn in time order with ``YYYY-MM``
        labels.
    y : str or None, default "n"
        Count column; ``None`` counts rows.
    {params.hue}
        E.g. "country": bars are split by group, side by side or stacked.
    {params.order}
        Default: largest first (time order for dates).
    {params.hue_order}
    stacked : bool, default False
        Stack the groups instead of placing them side by side.
    orient : {"h", "v"}, optional
        Bar direction; default horizontal for categories (long outlet names
        stay readable) and vertical for dates.
    {params.palette}
    {params.ax}

    {returns.ax}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["Daily A", "Daily B", "Times C"],
    ...                    "country": ["KR", "KR", "JP"], "n": [12, 5, 9]})
    >>> ax = plot_counts(df, x="outlet", hue="country", stacked=True)
    >>> len(ax.patches), [t.get_text() for t in ax.get_yticklabels()]
    (6, ['Daily A', 'Times C', 'Daily B'])
    """
    func = "plot_counts"
    check_data(data, func, x=x, y=y, hue=hue)
    if y is not None:
        check_numeric(data, func, y=y)
    if orient not in (None, "h", "v"):
        raise ValueError(f"{func}: orient must be 'h', 'v' or None, not {orient!r}")
    time_axis = is_time(data[x])
    if time_axis and data[x].isna().any():
        n_missing = int(data[x].isna().sum())
        warnings.warn(
            f"{func}: {n_missing} row(s) with a missing {x!r} cannot be placed on the time "
            "axis and are left out of the chart",
            UserWarning,
            stacklevel=2,
        )
        data = data[data[x].notna()]
        if data.empty:
            raise ValueError(f"{func}: every value of {x!r} is missing")
    table = _count_table(data, x, y, hue)
    if order is not None:
        unknown = [v for v in order if v not in table.index]
        table = table.reindex([v for v in order if v in table.index])
        if unknown and table.empty:
            raise ValueError(f"{func}: none of order={list(order)} occur in column {x!r}")
    elif time_axis:
        table = _fill_months(table.sort_index())
    else:
        total = table.sum(axis=1)
        # largest first; ties in label order so the chart is the same for any row order
        keys = sorted(table.index, key=lambda k: (-total[k], label_text(k)))
        table = table.loc[keys]
    groups = list(table.columns) if hue is None else levels(data[hue], hue_order)
    table = table.reindex(columns=groups, fill_value=0.0)
    colors = colors_for(["_all"] if hue is None else groups, palette)
    if hue is not None and ((table != 0).sum(axis=1) <= 1).all():
        stacked = True  # each category has one group (outlet -> country): dodging only adds gaps
    orient = orient or ("v" if time_axis else "h")
    ax = get_ax(ax)
    pos = np.arange(len(table))
    n_groups = len(groups)
    width = 0.8 if stacked or n_groups == 1 else 0.8 / n_groups
    base = np.zeros(len(table))
    for i, g in enumerate(groups):
        vals = table[g].to_numpy(dtype=float)
        offset = 0.0 if stacked or n_groups == 1 else (i - (n_groups - 1) / 2) * width
        label = None if hue is None else label_text(g)
        kw = {
            "color": colors[g],
            "label": label,
            "edgecolor": "white",
            "linewidth": 0.4,
            "hatch": None if hue is None else hatch(i),
        }
        if orient == "h":
            ax.barh(pos + offset, vals, height=width, left=base if stacked else None, **kw)
        else:
            ax.bar(pos + offset, vals, width=width, bottom=base if stacked else None, **kw)
        if stacked:
            base = base + vals
    labels = time_labels(table.index) if time_axis else [term_text(v) for v in table.index]
    value_label = "Count" if y is None else nice(y)
    if orient == "h":
        ax.set_yticks(pos, labels)
        ax.set_ylim(len(pos) - 0.5, -0.5)  # first category on top
        ax.set_xlabel(value_label)
        ax.set_ylabel(nice(x))
    else:
        ax.set_xticks(pos, labels)
        ax.set_xlim(-0.5, len(pos) - 0.5)
        ax.set_xlabel(nice(x))
        ax.set_ylabel(value_label)
        if time_axis or max((len(s) for s in labels), default=0) > 4:
            ax.tick_params(axis="x", labelrotation=90 if len(labels) > 6 else 45)
        thin_ticks(ax, "x")
    if hue is not None:
        # horizontal bars are sorted largest first, so the lower right is usually free
        ax.legend(title=nice(hue), frameon=False, loc="lower right" if orient == "h" else "best")
    return finish(ax, data)


def _fill_months(table: pd.DataFrame) -> pd.DataFrame:
    """Insert zero rows for empty months so gaps in coverage show as gaps."""
    idx = table.index
    if isinstance(idx.dtype, pd.PeriodDtype):
        full = pd.period_range(idx.min(), idx.max(), freq=idx.freq)
    else:
        stamps = pd.DatetimeIndex(idx)
        if stamps.hasnans:
            return table
        if (stamps.day == 1).all():
            full = pd.date_range(stamps.min(), stamps.max(), freq="MS")
        elif stamps.is_month_end.all() and (stamps == stamps.normalize()).all():
            full = pd.date_range(stamps.min(), stamps.max(), freq="ME" if _HAS_ME else "M")
        else:
            return table
    return table.reindex(full, fill_value=0.0)


@renamed(order="hue_order")
@keyword_only("x", "hue")
@shared_docs
def plot_lengths(
    data: pd.DataFrame,
    *,
    x: str = "n_tokens",
    hue: str | None = None,
    kind: str = "hist",
    bins: int | str | Sequence[float] = "auto",
    hue_order: Sequence[Hashable] | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    log: bool = False,
    stat: str | None = None,
    ax: Any = None,
) -> Any:
    """Distribution of document lengths: a histogram or one box per group.

    Parameters
    ----------
    {params.data}
        One row per document with a length column, e.g.
        ``tokens.by_doc()`` joined to the corpus.
    {params.x}
        The length column (numeric); missing values are left out.
    {params.hue}
        One outline histogram, or one box, per group; legend and box
        labels give each group's number of documents.
    kind : {"hist", "box"}, default "hist"
    bins : int, str or sequence, default "auto"
        Histogram bins (as in :func:`numpy.histogram_bin_edges`), shared by all groups.
    {params.hue_order}
        Was ``order`` before 0.4.
    {params.palette}
    log : bool, default False
        Logarithmic length axis (for corpora mixing briefs and long features).
    stat : {"count", "share"}, optional
        Histogram heights: documents per bin, or the share of the group's
        documents per bin. Default: "share" with ``hue`` (groups of different
        sizes stay comparable), "count" without.
    {params.ax}

    {returns.ax}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"n_tokens": [120, 340, 560, 800, 410],
    ...                    "country": ["KR", "KR", "JP", "JP", "JP"]})
    >>> ax = plot_lengths(df, hue="country", kind="box")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['JP (n=3)', 'KR (n=2)']
    """
    func = "plot_lengths"
    check_data(data, func, x=x, hue=hue)
    check_numeric(data, func, x=x)
    if kind not in ("hist", "box"):
        raise ValueError(f"{func}: kind must be 'hist' or 'box', not {kind!r}")
    stat = stat or ("count" if hue is None else "share")
    if stat not in ("count", "share"):
        raise ValueError(f"{func}: stat must be 'count' or 'share', not {stat!r}")
    values = data[x].astype(float)
    keep = values.notna()
    if not keep.any():
        raise ValueError(f"{func}: column {x!r} has no non-missing values")
    groups = [None] if hue is None else levels(data.loc[keep, hue], hue_order)
    colors = colors_for(["_all"] if hue is None else groups, palette)
    series = [values[keep] if g is None else values[keep & (data[hue] == g)] for g in groups]
    names = [
        f"{'all' if g is None else label_text(g)} (n={len(s)})"
        for g, s in zip(groups, series, strict=True)
    ]
    ax = get_ax(ax)
    if kind == "hist":
        edges = np.histogram_bin_edges(values[keep], bins=bins)
        if log and (values[keep] > 0).all():
            edges = np.geomspace(max(values[keep].min(), 1), values[keep].max(), len(edges))

        def weights(s: pd.Series) -> np.ndarray | None:
            return np.full(len(s), 1 / len(s)) if stat == "share" and len(s) else None

        if hue is None:
            ax.hist(
                series[0],
                bins=edges,
                weights=weights(series[0]),
                color=colors["_all"],
                edgecolor="white",
                linewidth=0.4,
            )
        else:
            for i, (g, s, name) in enumerate(zip(groups, series, names, strict=True)):
                ax.hist(
                    s,
                    bins=edges,
                    weights=weights(s),
                    histtype="step",
                    color=colors[g],
                    linewidth=1.2,
                    linestyle=linestyle(i),
                    label=name,
                )
            from matplotlib.lines import Line2D

            # line keys (a step histogram's own key is a filled box without its dash
            # pattern); inside, small: beside a one-column panel it would take a third
            keys = [
                Line2D([], [], color=colors[g], linewidth=1.2, linestyle=linestyle(i))
                for i, g in enumerate(groups)
            ]
            ax.legend(
                keys,
                names,
                title=nice(hue),
                frameon=False,
                loc="upper right",
                fontsize="x-small",
                title_fontsize="x-small",
                handlelength=1.8,
                borderaxespad=0.1,
            )
        ax.set_xlabel(nice(x))
        if stat == "share":
            ax.set_ylabel("Share of documents" if hue is None else "Share of the group's documents")
            ax.yaxis.set_major_formatter(_percent())
        else:
            ax.set_ylabel("Documents")
        if log:
            _log_axis(ax)
    else:
        pos = np.arange(len(series))
        parts = _boxplot_h(ax, [s.to_numpy() for s in series], pos)
        for g, box in zip(groups, parts["boxes"], strict=True):
            box.set_facecolor(colors["_all" if g is None else g])
        for med in parts["medians"]:
            med.set_color("black")
            med.set_label("_median")  # findable, never in a legend
        ax.set_yticks(pos, names)
        ax.set_ylim(len(pos) - 0.5, -0.5)
        ax.set_xlabel(nice(x))
        if hue is not None:
            ax.set_ylabel(nice(hue))
        if log:
            _log_axis(ax)
    return finish(ax, data)


def _percent() -> Any:
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(1.0, decimals=0)


def _log_axis(ax: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.set_xscale("log")
    # plain numbers (100, 1000) read better than powers of ten for lengths
    ax.xaxis.set_major_formatter(FuncFormatter(_thousands))


def _thousands(value: float, _pos: Any) -> str:
    """1,000 rather than 1e3; a named function so the figure can be pickled."""
    return f"{value:,.0f}"


def _boxplot_h(ax: Any, arrays: list[np.ndarray], pos: np.ndarray) -> dict[str, list[Any]]:
    import matplotlib as mpl

    kw = {"positions": pos, "widths": 0.6, "patch_artist": True, "showfliers": True}
    # matplotlib 3.10 replaced vert=False by orientation="horizontal"
    if tuple(int(p) for p in mpl.__version__.split(".")[:2]) >= (3, 10):
        return ax.boxplot(arrays, orientation="horizontal", **kw)
    return ax.boxplot(arrays, vert=False, **kw)
