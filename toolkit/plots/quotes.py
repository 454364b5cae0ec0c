"""Plot who is quoted (:func:`toolkit.measures.quotes.english.sources`)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import pandas as pd

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


def plot_sources(
    data: pd.DataFrame,
    group: str = "outlet",
    category: str = "speaker_country",
    value: str = "share",
    *,
    normalize: bool | None = None,
    order: Sequence[Hashable] | None = None,
    category_order: Sequence[Hashable] | None = None,
    palette: Sequence[str] | Mapping[Hashable, str] | None = None,
    label_min: float | None = 0.1,
    ax: Any = None,
) -> Any:
    """Who is quoted: stacked bars per outlet, split by the speakers' country (or any category).

    Parameters
    ----------
    data : DataFrame
        One row per (group, category) with a share or count, e.g. quotes
        per outlet and speaker country from :func:`sources`.
    group : str, default "outlet"
    category : str, default "speaker_country"
    value : str, default "share"
        ``"share"`` draws 100% bars; ``"count"`` draws stacked counts.
    normalize : bool, optional
        Rescale to 100% per group; default ``True`` unless ``value == "count"``.
    order, category_order : sequence, optional
        Group order (default: sorted) and segment order.
    palette : list or dict of colours, optional
        Default: fixed country colours (other categories grey), else Okabe-Ito.
    label_min : float or None, default 0.1
        With shares, segments at least this wide show their percentage.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["Daily A"] * 3 + ["Times B"] * 3,
    ...                    "speaker_country": ["KR", "JP", "US"] * 2,
    ...                    "count": [30, 10, 5, 8, 25, 4]})
    >>> ax = plot_sources(df, value="count")
    >>> len(ax.patches), [t.get_text() for t in ax.get_legend().get_texts()]
    (6, ['JP', 'KR', 'US'])
    """
    func = "plot_sources"
    check_data(data, func, group=group, category=category, value=value)
    check_numeric(data, func, value=value)
    if (data[value] < 0).any():
        raise ValueError(f"{func}: column {value!r} must be >= 0")
    normalize = (value != "count") if normalize is None else normalize
    table = group_shares(data, group, category, value, normalize, func)
    rows = levels(data[group], order)
    cats = levels(data[category], category_order)
    table = table.reindex(index=rows, columns=cats, fill_value=0.0)
    ax = get_ax(ax)
    stacked_barh(ax, table, colors_for(cats, palette), label_min=label_min if normalize else None)
    if normalize:
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(percent_formatter())
        ax.set_xlabel("Share of quoted sources")
    else:
        ax.set_xlabel(f"Quoted sources ({nice(value).lower()})")
    ax.set_ylabel(nice(group))
    ax.tick_params(axis="y", length=0)
    legend_outside(ax, title=nice(category))
    return finish(ax, data)
