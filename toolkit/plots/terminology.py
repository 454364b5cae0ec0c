"""Plot how outlets name contested referents (:func:`toolkit.measures.terminology.naming`)."""

from __future__ import annotations

import math
import textwrap
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
    group_shares,
    label_text,
    levels,
    nice,
    percent_formatter,
    stacked_barh,
    term_text,
)

__all__ = ["plot_naming"]


def _lexicon_names() -> tuple[dict[str, str], dict[tuple[str, str], str], dict[str, list[str]]]:
    """Referent titles, variant labels and variant order from the built-in naming lexicon."""
    from toolkit.measures.terminology import naming_table

    table = naming_table()
    titles = dict(zip(table["referent"], table["referent_label"], strict=True))
    labels = {
        (r, v): lab
        for r, v, lab in zip(table["referent"], table["variant"], table["label"], strict=True)
    }
    order: dict[str, list[str]] = {}
    for r, v in zip(table["referent"], table["variant"], strict=True):
        order.setdefault(r, []).append(v)
    return titles, labels, order


def _naming_size(
    panels: list[tuple[Any, ...]], ncols: int, nrows: int, n_bars: int
) -> tuple[float, float]:
    """The style's width; per row of panels its tallest key, the bars (~0.16 in
    each, at least 0.35 in) and the tick labels."""
    import matplotlib.pyplot as plt

    width = plt.rcParams["figure.figsize"][0]
    size = plt.rcParams["legend.fontsize"]
    line_in = 1.35 * float(size if isinstance(size, (int, float)) else 8) / 72
    height = 0.3
    for k in range(nrows):
        row = panels[k * ncols : (k + 1) * ncols]
        height += max(p[-1] for p in row) * line_in + max(0.35, 0.16 * n_bars) + 0.3
    return (width, height)


@renamed(
    referent="col",
    variant="hue",
    group="y",
    value="x",
    referent_order="col_order",
    group_order="order",
)
@keyword_only("col", "hue", "y", "x")
@shared_docs
def plot_naming(
    data: pd.DataFrame,
    *,
    x: str = "share",
    y: str = "outlet",
    hue: str = "variant",
    col: str = "referent",
    order: Sequence[Hashable] | None = None,
    col_order: Sequence[Hashable] | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    labels: Mapping[Hashable, str] | None = None,
    label_min: float = 0.12,
    ncols: int = 1,
    figsize: tuple[float, float] | None = None,
    fig: Any = None,
    ax: Any = None,
) -> Any:
    """Naming choices: for each contested referent, 100% stacked bars of variants per group.

    Parameters
    ----------
    {params.data}
        :func:`naming` output aggregated by group: one row per (referent,
        group, variant) with a share or count.
    {params.x}
        The share or count (was ``value`` before 0.4). Values are rescaled to
        100% within each group and referent, so counts work as well as shares.
    {params.y}
        The group, one bar per level in every panel (was ``group``).
    {params.hue}
        The naming variant, one segment per variant (was ``variant``).
    {params.col}
        The referent, one panel per referent (was ``referent``).
    {params.order}
        The bars (was ``group_order``). Default: sorted. Every panel has
        the same bars, so a group sits at the same height in each; a group
        without a mention of a referent shows "no mentions".
    {params.col_order}
        Was ``referent_order``.
    {params.palette}
        Here a list is taken in the lexicon's variant order (see Returns), a
        mapping by variant id. Default: the Okabe-Ito palette in that order.
    labels : mapping, optional
        Display text for variants and referents (``{"east_sea": "East
        Sea"}``). Default: the built-in lexicon's labels for its own ids,
        else the id with spaces for underscores.
    label_min : float, default 0.12
        Segments at least this wide show their percentage.
    {params.ncols}
        2 or 3 keep a figure with many referents short.
    {params.figsize}
        Default height from the rows of bars (about 0.16 in per bar).
    {params.fig}
    {params.ax}
        Or a sequence of Axes, one per referent. Drawn into given Axes, the
        panels are titled but have no shared axis label.

    Returns
    -------
    matplotlib Figure, or the Axes given as ``ax``
        One panel per referent, titled by its variant legend (small multiples
        need a figure). Colours and patterns follow a variant's position in
        the lexicon (its first variant is always blue and plain, the second
        vermillion and hatched ...), not its frequency, so a colour never
        swaps meaning between outlets; for the built-in lexicon the first
        variant of the main referents is the Korean usage and the second the
        Japanese.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({
    ...     "referent": ["sea"] * 4 + ["islets"] * 4,
    ...     "outlet": ["KR daily", "KR daily", "JP daily", "JP daily"] * 2,
    ...     "variant": ["East Sea", "Sea of Japan"] * 2 + ["Dokdo", "Takeshima"] * 2,
    ...     "share": [0.9, 0.1, 0.05, 0.95, 1.0, 0.0, 0.1, 0.9]})
    >>> fig = plot_naming(df)
    >>> [a.get_legend().get_title().get_text() for a in fig.axes], len(fig.axes[0].patches)
    (['islets', 'sea'], 4)
    """
    import matplotlib.pyplot as plt

    func = "plot_naming"
    check_data(data, func, x=x, y=y, hue=hue, col=col)
    check_numeric(data, func, x=x)
    if (data[x] < 0).any():
        raise ValueError(f"{func}: column {x!r} must be >= 0")
    if ax is not None and fig is not None:
        raise ValueError(f"{func}: pass ax= (one Axes per referent) or fig=, not both")
    refs = levels(data[col], col_order)
    groups = levels(data[y], order)
    titles, lex_labels, lex_order = _lexicon_names()
    labels = dict(labels or {})

    def title_of(r: Hashable) -> str:
        return labels.get(r, titles.get(r, term_text(r))) if isinstance(r, str) else label_text(r)

    many = ax is None and ncols > 2
    panels = []
    for r in refs:
        part = data[data[col] == r]
        present = part.groupby(y)[x].sum()
        present = present[present > 0]
        table = group_shares(part[part[y].isin(present.index)], y, hue, x, True, func)
        table = table.reindex(index=groups, fill_value=np.nan)
        known = lex_order.get(r, []) if isinstance(r, str) else []
        variants = [v for v in known if v in table.columns] + sorted(
            (v for v in table.columns if v not in known), key=label_text
        )
        # long lexicon labels wrap, so a key is never wider than its panel
        names = {
            v: textwrap.fill(
                labels.get(v, lex_labels.get((r, v), term_text(v)))
                if isinstance(v, str)
                else label_text(v),
                30,
            )
            for v in variants
        }
        key_cols = 1 if many or max(len(t) for t in names.values()) > 16 else min(len(variants), 2)
        title = textwrap.fill(title_of(r), 40)
        # lines of text above the bars: the title and the key's entries
        lines = (
            title.count("\n")
            + 1
            + math.ceil(sum(t.count("\n") + 1 for t in names.values()) / key_cols)
        )
        panels.append(
            (r, table[variants].fillna(0.0), present, variants, names, key_cols, title, lines)
        )

    if ax is not None:
        axes_list = [ax] if hasattr(ax, "barh") else list(np.ravel(ax))
        if len(axes_list) != len(refs):
            raise ValueError(
                f"{func}: got {len(axes_list)} Axes for {len(refs)} referents; pass one Axes "
                "per referent, or select referents first (e.g. data[data.referent == 'dokdo'])"
            )
        fig = None
    else:
        ncols = max(1, min(int(ncols), len(refs)))
        nrows = math.ceil(len(refs) / ncols)
        if fig is None:
            # constrained layout gives each row of panels the room its keys need
            size = figsize or _naming_size(panels, ncols, nrows, len(groups))
            fig = plt.figure(figsize=size, layout="constrained")
        grid = fig.subplots(nrows, ncols, squeeze=False, sharey=True)
        axes_list = list(grid.flat[: len(refs)])
        for extra in grid.flat[len(refs) :]:
            extra.set_visible(False)
    for (_r, table, present, variants, names, key_cols, title, _n), a in zip(
        panels, axes_list, strict=True
    ):
        if isinstance(palette, Mapping):
            colors = colors_for(variants, palette)
        else:
            by_position = colors_for(list(range(len(variants))), palette)
            colors = {v: by_position[i] for i, v in enumerate(variants)}
        stacked_barh(a, table, colors, label_min=label_min, labels=names)
        for i, g in enumerate(groups):
            if g not in present.index:
                a.text(
                    0.01,
                    i,
                    "no mentions",
                    va="center",
                    ha="left",
                    fontsize="x-small",
                    color="#777777",
                )
        a.set_xlim(0, 1)
        a.xaxis.set_major_formatter(percent_formatter())
        a.tick_params(axis="y", length=0)
        # the referent as the key's title, above the bars: panel title and key in one
        # block that the layout keeps clear of the neighbouring panels
        handles, _ = a.get_legend_handles_labels()
        leg = a.legend(
            handles,
            [names[v] for v in variants],
            title=title,
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=key_cols,
            handlelength=1.6,
            borderaxespad=0.2,
            columnspacing=0.8,
            alignment="left",
        )
        leg.get_title().set_fontweight("bold")
        if fig is None:
            a.set_ylabel(nice(y))
    if fig is None:
        return axes_list[0] if len(axes_list) == 1 and hasattr(ax, "barh") else ax
    fig.supxlabel("Share of the referent's mentions", fontsize="medium")
    return finish(fig, data)
