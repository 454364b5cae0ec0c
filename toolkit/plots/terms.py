"""Word-level charts: keyness bars, distinctive-terms scatter, lexical dispersion."""

from __future__ import annotations

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
    is_time,
    label_text,
    legend_outside,
    levels,
    marker,
    nice,
    term_text,
)
from toolkit.plots.style import PALETTE

# Dispersion ticks: one shape per term, so terms stay apart without colour.
_TICKS = ("|", "o", "x", "^", "s", "+", "D", "v")

__all__ = ["plot_dispersion", "plot_distinctive_terms", "plot_keyness"]


@renamed(term="y", colors="palette")
@keyword_only("n", "statistic", "effect")
@shared_docs
def plot_keyness(
    data: pd.DataFrame,
    *,
    n: int = 10,
    statistic: str = "G2",
    effect: str = "log_ratio",
    y: str = "term",
    show: str = "statistic",
    target_label: str = "target",
    reference_label: str = "reference",
    palette: Sequence[str] | Mapping[Hashable, str] = (PALETTE[0], PALETTE[1]),
    ax: Any = None,
) -> Any:
    """Two-sided keyness bars: the top ``n`` key terms of the target and of the reference.

    Terms are ranked by ``statistic``: positive values are key in the target,
    negative values key in the reference (the ``keyness`` convention).

    Parameters
    ----------
    {params.data}
        :func:`keyness` output: one row per term with ``term``, the signed
        statistic and the effect size.
    n : int, default 10
        Terms per side.
    statistic : str, default "G2"
        Signed keyness statistic column used for ranking (e.g. "G2", "chi2").
    effect : str, default "log_ratio"
        Effect-size column, drawn when ``show="effect"``.
    {params.y}
        The term column (was ``term`` before 0.4).
    show : {"statistic", "effect"}, default "statistic"
        Bar length: the statistic or the effect size.
    target_label, reference_label : str
        Legend names of the two sides (e.g. "KR outlets", "JP outlets").
    palette : pair of colours, or dict
        Target and reference bar colours, or a mapping from ``target_label``
        and ``reference_label`` to colours (was ``colors`` before 0.4).
    {params.ax}

    {returns.ax}

    Examples
    --------
    >>> import pandas as pd
    >>> kw = pd.DataFrame({"term": ["east_sea", "dokdo", "takeshima", "sea_of_japan", "talks"],
    ...                    "G2": [40.2, 25.1, -38.0, -22.5, 0.4],
    ...                    "log_ratio": [3.1, 2.2, -3.4, -2.0, 0.1]})
    >>> ax = plot_keyness(kw, n=2, target_label="KR", reference_label="JP")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['east sea', 'dokdo', 'sea of japan', 'takeshima']
    """
    func = "plot_keyness"
    check_data(data, func, y=y, statistic=statistic, effect=effect if show == "effect" else None)
    check_numeric(data, func, statistic=statistic, effect=effect if show == "effect" else None)
    if show not in ("statistic", "effect"):
        raise ValueError(f"{func}: show must be 'statistic' or 'effect', not {show!r}")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"{func}: n must be a positive integer, not {n!r}")
    stat = data[statistic].astype(float)
    # ties broken by term so the chart does not depend on row order
    base = data.assign(_s=stat, _t=data[y].astype(str))
    pos_side = base[base["_s"] > 0]
    neg_side = base[base["_s"] < 0]
    top = pos_side.sort_values(["_s", "_t"], ascending=[False, True]).head(n)
    bottom = neg_side.sort_values(["_s", "_t"], ascending=[True, True]).head(n)
    bottom = bottom.iloc[::-1]  # strongest reference term at the very bottom
    rows = pd.concat([top, bottom])
    if rows.empty:
        raise ValueError(f"{func}: no term has a non-zero {statistic!r}")
    col = statistic if show == "statistic" else effect
    values = rows[col].to_numpy(dtype=float)
    colors = _pair(palette, target_label, reference_label, func)
    ax = get_ax(ax)
    pos = np.arange(len(rows))
    is_target = rows["_s"].to_numpy() > 0
    for mask, color, label in (
        (is_target, colors[0], target_label),
        (~is_target, colors[1], reference_label),
    ):
        if mask.any():
            ax.barh(
                pos[mask],
                values[mask],
                color=color,
                height=0.75,
                label=label,
                hatch=None if color == colors[0] else "////",
                edgecolor="white",
                linewidth=0.3,
            )
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_yticks(pos, [term_text(t) for t in rows[y]])
    ax.set_ylim(len(pos) - 0.5, -0.5)
    if len(top) and len(bottom):
        ax.axhline(len(top) - 0.5, color="#bbbbbb", linewidth=0.5, linestyle=":")
    ax.set_xlabel(
        nice(col)
        if show == "effect"
        else f"{nice(col)} (signed: + {target_label}, − {reference_label})"
    )
    ax.legend(frameon=False, loc="lower right" if len(bottom) == 0 else "best")
    return finish(ax, data)


def _pair(
    palette: Sequence[str] | Mapping[Hashable, str], first: str, second: str, func: str
) -> tuple[str, str]:
    """Two colours from a pair or from a mapping keyed by the two sides' labels."""
    if isinstance(palette, Mapping):
        missing = [k for k in (first, second) if k not in palette]
        if missing:
            raise ValueError(f"{func}: palette has no colour for {missing}")
        return palette[first], palette[second]
    pair = tuple(palette)
    if len(pair) != 2:
        raise ValueError(f"{func}: palette must hold two colours, got {len(pair)}")
    return pair[0], pair[1]


def _repel(ys: np.ndarray, min_gap: float) -> np.ndarray:
    """Spread sorted 1-D label positions so neighbours are at least ``min_gap`` apart."""
    order = np.argsort(ys, kind="stable")
    placed = ys[order].astype(float).copy()
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + min_gap)
    # centre the block again so labels do not all drift upwards
    shift = (placed - ys[order]).mean()
    placed -= shift
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + min_gap)
    out = np.empty_like(placed)
    out[order] = placed
    return out


@renamed(colors="palette")
@keyword_only("x", "y", "label", "n_labels")
@shared_docs
def plot_distinctive_terms(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    label: str = "term",
    n_labels: int = 10,
    log: bool = True,
    palette: Sequence[str] = (PALETTE[0], PALETTE[1]),
    key_labels: tuple[str, str] | None = None,
    ax: Any = None,
) -> Any:
    """Scatter of each term's relative frequency in group A (x) against group B (y).

    Terms on the diagonal are used alike; the further from it, the more
    distinctive. The ``n_labels`` most distinctive terms (half on each side,
    by the log ratio of the frequencies) are labelled. A static alternative
    to scattertext for papers.

    Parameters
    ----------
    {params.data}
        One row per term with the two relative frequencies (e.g. per 10,000 tokens).
    {params.x}
        Relative frequencies in group A; also the axis label.
    {params.y}
        Relative frequencies in group B; also the axis label.
    label : str, default "term"
        Term column.
    n_labels : int, default 10
        Terms to label in total; 0 for none.
    log : bool, default True
        Log-log axes (word frequencies are skewed). Zero frequencies are drawn
        at half the smallest non-zero value, on the axis edge.
    palette : pair of colours
        Labelled terms that lean to A (below the diagonal) and to B (above)
        (was ``colors`` before 0.4). They also differ in marker shape, and a
        key names both sides.
    key_labels : (str, str), optional
        Names of A and B in the key ("more frequent in ..."); default from
        the column names. Terms with a zero frequency are drawn open on a
        "0" line beyond a dotted break (log axes cannot show zero).
    {params.ax}

    {returns.ax}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"term": ["east_sea", "takeshima", "talks", "summit"],
    ...                    "KR": [12.0, 0.5, 8.0, 3.0], "JP": [0.4, 9.0, 7.5, 3.2]})
    >>> ax = plot_distinctive_terms(df, x="KR", y="JP", n_labels=2)
    >>> sorted(t.get_text() for t in ax.texts)
    ['east sea', 'takeshima']
    """
    func = "plot_distinctive_terms"
    check_data(data, func, x=x, y=y, label=label)
    check_numeric(data, func, x=x, y=y)
    if n_labels < 0:
        raise ValueError(f"{func}: n_labels must be >= 0")
    xa = data[x].to_numpy(dtype=float)
    ya = data[y].to_numpy(dtype=float)
    if (xa < 0).any() or (ya < 0).any():
        raise ValueError(f"{func}: relative frequencies must be >= 0")
    ok = ~(np.isnan(xa) | np.isnan(ya))
    if log:
        positive = np.concatenate([xa[ok & (xa > 0)], ya[ok & (ya > 0)]])
        if positive.size == 0:
            raise ValueError(f"{func}: no positive frequencies to draw on log axes")
        floor = positive.min() / 2
        xa, ya = np.where(xa > 0, xa, floor), np.where(ya > 0, ya, floor)
    else:
        floor = 0.0
    colors = _pair(palette, "A", "B", func)
    eps = floor if floor > 0 else 1e-12
    lean = np.log2((ya + eps) / (xa + eps))  # > 0: more in B
    key = {
        "A": key_labels[0] if key_labels else nice(x).replace(" per 10,000 tokens", ""),
        "B": key_labels[1] if key_labels else nice(y).replace(" per 10,000 tokens", ""),
    }
    ax = get_ax(ax)
    zero = ok & ((xa == floor) | (ya == floor)) if log else np.zeros(len(xa), bool)
    ax.scatter(
        xa[ok & ~zero], ya[ok & ~zero], s=6, color="#9a9a9a", alpha=0.6, linewidths=0, zorder=2
    )
    if zero.any():
        # zero frequencies cannot sit on a log scale: they go on a "0" line beyond a
        # break, drawn open so they do not read as measured small values
        ax.scatter(
            xa[zero],
            ya[zero],
            s=6,
            facecolors="none",
            edgecolors="#9a9a9a",
            linewidths=0.5,
            alpha=0.8,
            zorder=2,
        )
    lo = float(min(xa[ok].min(), ya[ok].min()))
    hi = float(max(xa[ok].max(), ya[ok].max()))
    ax.plot([lo, hi], [lo, hi], color="#666666", linewidth=0.6, linestyle="--", marker="", zorder=1)
    if log:
        ax.set_xscale("log")
        ax.set_yscale("log")
        if zero.any():
            _zero_break(ax, floor, positive.min())
    terms = np.array([term_text(t) for t in data[label]], dtype=object)
    idx = np.flatnonzero(ok)
    order_b = sorted(idx[lean[idx] > 0], key=lambda i: (-lean[i], terms[i]))
    order_a = sorted(idx[lean[idx] < 0], key=lambda i: (lean[i], terms[i]))
    k_b = n_labels // 2 + n_labels % 2
    k_a = n_labels // 2
    # if one side has too few distinctive terms, give its share to the other
    chosen_b = order_b[: k_b + max(0, k_a - len(order_a))]
    chosen_a = order_a[: k_a + max(0, k_b - len(order_b))]
    ax.autoscale_view()
    fig = ax.figure
    import matplotlib as mpl

    font_pt = mpl.font_manager.FontProperties(size="small").get_size_in_points()
    font_px = font_pt * fig.dpi / 72
    for chosen, color, side in ((chosen_b, colors[1], "B"), (chosen_a, colors[0], "A")):
        if not chosen:
            continue
        chosen = np.array(chosen)
        ax.scatter(
            xa[chosen],
            ya[chosen],
            s=14,
            color=color,
            zorder=3,
            marker=marker(1 if side == "B" else 0),
            label=f"more frequent in {key[side]}",
        )
        # spread the labels vertically (in pixels) so neighbours never overlap
        disp = ax.transData.transform(np.column_stack([xa[chosen], ya[chosen]]))
        placed = _repel(disp[:, 1], font_px * 1.3)
        # keep the block of labels inside the axes (not over the tick labels)
        y0, y1 = ax.bbox.y0 + font_px, ax.bbox.y1 - font_px
        if len(placed) and placed.min() < y0:
            placed = placed + (y0 - placed.min())
        if len(placed) and placed.max() > y1:
            placed = placed - (placed.max() - y1)
        dy_pt = (placed - disp[:, 1]) * 72 / fig.dpi
        for i, dy in zip(chosen, dy_pt, strict=True):
            # both sides write to the right: B (up-left of the diagonal) towards the open
            # middle, A (down-right) into the empty lower-right corner
            ax.annotate(
                terms[i],
                (xa[i], ya[i]),
                xytext=(9, dy),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize="small",
                color=color,
                zorder=4,
                # a white box keeps the label readable over the grey cloud of terms
                bbox={
                    "boxstyle": "round,pad=0.1",
                    "facecolor": "white",
                    "edgecolor": "none",
                    "alpha": 0.85,
                },
                arrowprops={
                    "arrowstyle": "-",
                    "color": color,
                    "linewidth": 0.4,
                    "shrinkA": 0,
                    "shrinkB": 2,
                },
            )
    ax.set_xlabel(_freq_label(x))
    ax.set_ylabel(_freq_label(y))
    if chosen_a or chosen_b:
        # above the axes: the labelled terms fill the corners inside
        ax.legend(
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            fontsize="x-small",
            handletextpad=0.2,
            borderaxespad=0.1,
            ncols=2,
        )
    return finish(ax, data)


def _freq_label(column: str) -> str:
    """ "target_per_10k" -> "Target per 10,000 tokens"; other names get "(relative frequency)"."""
    text = nice(column)
    return text if "per 10,000" in text else f"{text} (relative frequency)"


def _zero_break(ax: Any, floor: float, smallest: float) -> None:
    """Mark the stand-in position of zero frequencies on log axes: a "0" tick and a break."""
    from functools import partial

    from matplotlib.ticker import FixedLocator, FuncFormatter, LogLocator

    gap = float(np.sqrt(floor * smallest))  # halfway (in log terms) to the smallest value
    for axis, line in ((ax.xaxis, ax.axvline), (ax.yaxis, ax.axhline)):
        line(gap, color="#bbbbbb", linewidth=0.6, linestyle=(0, (1, 2)), zorder=1)
        major = [t for t in LogLocator().tick_values(smallest, ax.get_xlim()[1] * 10) if t > gap]
        axis.set_major_locator(FixedLocator([floor, *major]))
        axis.set_major_formatter(FuncFormatter(partial(_zero_or_number, floor=floor)))
        axis.set_minor_locator(FixedLocator([]))


def _zero_or_number(value: float, _pos: Any, floor: float) -> str:
    """Tick label of :func:`_zero_break`'s axes: "0" at the stand-in for zero.

    A module-level function rather than a lambda, so that the figure can be
    pickled (the report writes figures in helper processes).
    """
    return "0" if np.isclose(value, floor) else f"{value:g}"


@renamed(term="hue", doc="y", position="x", terms="hue_order")
@keyword_only("hue", "y", "x", "order")
@shared_docs
def plot_dispersion(
    data: pd.DataFrame,
    *,
    x: str = "position",
    y: str = "doc_id",
    hue: str = "term",
    order: Sequence[Hashable] | str | Sequence[str] | None = None,
    hue_order: Sequence[Hashable] | None = None,
    label: str | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    max_labels: int = 40,
    max_rows: int = 200,
    ax: Any = None,
) -> Any:
    """Lexical dispersion ("x-ray"): where each term occurs within each document.

    One row per document, the horizontal axis the relative position in the
    document (0 = start, 1 = end), one tick per occurrence; several terms
    share a row, each in its own colour, shape and lane.

    Parameters
    ----------
    {params.data}
        :func:`dispersion` positions output: one row per occurrence with
        ``term, doc_id, position`` (plus any document columns, e.g. date, outlet).
    {params.x}
        The relative position in [0, 1] (was ``position`` before 0.4).
    {params.y}
        The document id: one row of the chart per document (was ``doc``).
    {params.hue}
        The term (was ``term``).
    {params.order}
        The rows: an explicit list of document ids (documents without
        any occurrence get an empty row, so coverage gaps show; every
        document with an occurrence must be listed), or column(s) of
        ``data`` to sort documents by (e.g. ``"date"`` or
        ``["outlet", "date"]``). Default: order of first appearance.
    {params.hue_order}
        The terms to draw (was ``terms``).
    label : str, optional
        Column for row labels (e.g. "outlet"); default the document id.
    {params.palette}
    max_labels : int, default 40
        At most this many row labels are written (every k-th), to stay legible.
    max_rows : int, default 200
        With more documents than this, each row summarises a run of
        consecutive documents (in ``order``), and positions are rounded to
        hundredths: a tick means "at least one occurrence here in these
        documents". The drawing then stays the same size however many
        documents there are; the row labels name the first document of
        each run and the axis says how many documents a row holds.
    {params.ax}

    {returns.ax}

    Examples
    --------
    >>> import pandas as pd
    >>> pos = pd.DataFrame({"term": ["dokdo", "dokdo", "takeshima"],
    ...                     "doc_id": ["d1", "d2", "d2"], "position": [0.1, 0.5, 0.9]})
    >>> ax = plot_dispersion(pos, order=["d2", "d1", "d3"])
    >>> len(ax.lines), [t.get_text() for t in ax.get_yticklabels()]
    (2, ['d2', 'd1', 'd3'])
    """
    func = "plot_dispersion"
    check_data(data, func, hue=hue, y=y, x=x, label=label)
    check_numeric(data, func, x=x)
    pos_vals = data[x].astype(float)
    if ((pos_vals < 0) | (pos_vals > 1)).any():
        raise ValueError(f"{func}: column {x!r} must hold relative positions in [0, 1]")
    by: list[str] = []
    if order is None:
        docs = list(pd.unique(data[y]))
    elif isinstance(order, str) or (
        isinstance(order, Sequence)
        and len(order)
        and all(c in data.columns for c in order)
        and not set(order) & set(data[y])
    ):
        by = [order] if isinstance(order, str) else list(order)
        check_data(data, func, order=by[0], **{f"order[{i}]": c for i, c in enumerate(by[1:])})
        firsts = data.drop_duplicates(y).sort_values([*by, y], kind="stable")
        docs = list(firsts[y])
    else:
        docs = list(dict.fromkeys(order))
        missing = set(data[y]) - set(docs)
        if missing:
            raise ValueError(
                f"{func}: order lacks {len(missing)} document(s) that have occurrences, "
                f"e.g. {sorted(map(str, missing))[:3]}"
            )
    words = levels(data[hue], hue_order) if hue_order is not None else levels(data[hue])
    if not words:
        raise ValueError(f"{func}: none of hue_order={list(hue_order or [])} occur in the data")
    colors = colors_for(words, palette)
    row = {d: i for i, d in enumerate(docs)}
    per = 1
    if max_rows < 1:
        raise ValueError(f"{func}: max_rows must be at least 1, got {max_rows}")
    if len(docs) > max_rows:
        # summarise: a row per run of `per` documents, a tick per hundredth of
        # the document in which any of them has the term
        per = int(np.ceil(len(docs) / max_rows))
        row = {d: i // per for d, i in row.items()}
        data = data.assign(**{x: data[x].astype(float).round(2)})
        data = data.assign(_row=data[y].map(row)).drop_duplicates(["_row", hue, x])
        data = data.drop(columns="_row")
        docs = docs[::per]
    k = len(words)
    lane = 0.8 / k
    ax = get_ax(ax)
    # tick height: the lane's share of the row, in points, so ticks never touch
    row_pt = ax.bbox.height * 72 / ax.figure.dpi / max(len(docs), 1)
    # at least 4 pt: smaller ticks vanish in print (lanes may then touch, shapes differ)
    size = float(np.clip(0.9 * row_pt * lane, 4.0, 12.0))
    for j, w in enumerate(words):
        part = data[data[hue] == w]
        yy = part[y].map(row).to_numpy(dtype=float) + (j - (k - 1) / 2) * lane
        shape = _TICKS[j % len(_TICKS)]
        ax.plot(
            part[x].to_numpy(dtype=float),
            yy,
            linestyle="none",
            marker=shape,
            markersize=size if shape == "|" else size * 0.7,
            markeredgewidth=1.0,
            markerfacecolor="none" if shape in ("o", "s", "^", "D", "v") else colors[w],
            color=colors[w],
            label=term_text(w),
        )
    firsts = data.drop_duplicates(y).set_index(y)
    if label is None:
        names = [label_text(d) for d in docs]
    else:
        names = [label_text(firsts[label][d]) if d in firsts.index else label_text(d) for d in docs]
    dated = [c for c in by if is_time(data[c])] if by else []
    if dated:
        # rows are ordered by date: say so on every row label
        when = firsts[dated[0]]
        names = [
            f"{pd.Timestamp(when[d]):%Y-%m-%d} {n}" if d in when.index and pd.notna(when[d]) else n
            for d, n in zip(docs, names, strict=True)
        ]
    step = max(1, int(np.ceil(len(docs) / max_labels)))
    ticks = list(range(0, len(docs), step))
    ax.set_yticks(ticks, [names[i] for i in ticks])
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlim(-0.01, 1.01)  # ticks at 0 and 1 stay whole
    ax.set_xlabel("Relative position in the document")
    ax.set_ylabel(
        ("Documents" if per == 1 else f"Documents, {per:,} per row")
        + (f" ({', '.join(map(nice, by)).lower()})" if by else "")
    )
    # faint separators between documents (minor grid, so no extra line artists)
    ax.set_yticks(np.arange(len(docs) + 1) - 0.5, minor=True)
    ax.tick_params(axis="y", which="minor", length=0)
    ax.grid(axis="y", which="minor", color="#eeeeee", linewidth=0.4)
    ax.set_axisbelow(True)
    if k > 1:
        leg = legend_outside(ax, title=nice(hue))
        for handle in getattr(leg, "legend_handles", None) or leg.legendHandles:
            handle.set_markersize(8)  # legible key even when the ticks are small
    return finish(ax, data)
