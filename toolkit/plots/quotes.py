"""Plot who is quoted (:func:`toolkit.measures.quotes.english.sources`)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import pandas as pd

from toolkit._meta import keyword_only, renamed
from toolkit.plots._docs import shared_docs
from toolkit.plots._util import (
    check_data,
    check_numeric,
    colors_for,
    finish,
    get_ax,
    group_shares,
    legend_outside,
    levels,
    nice,
    percent_formatter,
    stacked_barh,
)

__all__ = ["plot_sources"]


@renamed(group="y", category="hue", value="x", category_order="hue_order")
@keyword_only("y", "hue", "x")
@shared_docs
def plot_sources(
    data: pd.DataFrame,
    *,
    x: str = "share",
    y: str = "outlet",
    hue: str = "speaker_country",
    normalize: bool | None = None,
    order: Sequence[Hashable] | None = None,
    hue_order: Sequence[Hashable] | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    label_min: float | None = 0.1,
    ax: Any = None,
) -> Any:
    """Who is quoted: stacked bars per outlet, split by the speakers' country (or any category).

    Parameters
    ----------
    {params.data}
        One row per (group, category) with a share or count, e.g. quotes
        per outlet and speaker country from :func:`sources`.
    {params.x}
        The share or count (was ``value`` before 0.4): ``"share"`` draws 100%
        bars; ``"count"`` draws stacked counts.
    {params.y}
        The group, one bar per level (was ``group``).
    {params.hue}
        The category, one segment per level (was ``category``).
    normalize : bool, optional
        Rescale to 100% per group; default ``True`` unless ``x == "count"``.
    {params.order}
        The bars. Default: sorted.
    {params.hue_order}
        Was ``category_order``.
    {params.palette}
        Categories that are not country codes get greys beside country colours.
    label_min : float or None, default 0.1
        With shares, segments at least this wide show their percentage.
    {params.ax}

    {returns.ax}

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["Daily A"] * 3 + ["Times B"] * 3,
    ...                    "speaker_country": ["KR", "JP", "US"] * 2,
    ...                    "count": [30, 10, 5, 8, 25, 4]})
    >>> ax = plot_sources(df, x="count")
    >>> len(ax.patches), [t.get_text() for t in ax.get_legend().get_texts()]
    (6, ['JP', 'KR', 'US'])
    """
    func = "plot_sources"
    check_data(data, func, x=x, y=y, hue=hue)
    check_numeric(data, func, x=x)
    if (data[x] < 0).any():
        raise ValueError(f"{func}: column {x!r} must be >= 0")
    normalize = (x != "count") if normalize is None else normalize
    table = group_shares(data, y, hue, x, normalize, func)
    rows = levels(data[y], order)
    cats = levels(data[hue], hue_order)
    table = table.reindex(index=rows, columns=cats, fill_value=0.0)
    ax = get_ax(ax)
    stacked_barh(ax, table, colors_for(cats, palette), label_min=label_min if normalize else None)
    if normalize:
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(percent_formatter())
        ax.set_xlabel("Share of quoted sources")
    else:
        ax.set_xlabel(f"Quoted sources ({nice(x).lower()})")
    ax.set_ylabel(nice(y))
    ax.tick_params(axis="y", length=0)
    legend_outside(ax, title=nice(hue))
    return finish(ax, data)
