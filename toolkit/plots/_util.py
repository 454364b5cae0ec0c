"""Shared checks and helpers for the plot functions (private)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from toolkit.plots.style import COUNTRY_COLORS, LINESTYLES, MARKERS, PALETTE, apply_cjk_fallback

ATTRS_KEY = "_toolkit_attrs"


def check_data(data: object, func: str, **columns: str | None) -> pd.DataFrame:
    """Raise a clear error unless ``data`` is a non-empty DataFrame with ``columns``.

    ``columns`` maps parameter names to column names (``None`` = not used).
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{func}: data must be a pandas DataFrame, got {type(data).__name__}")
    missing = [f"{p}={c!r}" for p, c in columns.items() if c is not None and c not in data.columns]
    if missing:
        raise ValueError(
            f"{func}: column(s) not found in data: {', '.join(missing)}. "
            f"Available columns: {list(map(str, data.columns))}. "
            "Pass the right names with these parameters."
        )
    if data.empty:
        raise ValueError(f"{func}: data has no rows to plot")
    return data


def check_numeric(data: pd.DataFrame, func: str, **columns: str | None) -> None:
    """Raise unless each named column is numeric (or boolean)."""
    bad = [
        f"{p}={c!r} ({data[c].dtype})"
        for p, c in columns.items()
        if c is not None and not (pd.api.types.is_numeric_dtype(data[c]))
    ]
    if bad:
        raise TypeError(f"{func}: column(s) must be numeric: {', '.join(bad)}")


def get_ax(ax: Any = None, figsize: tuple[float, float] | None = None) -> Any:
    """Return ``ax`` or a new Axes in a new pyplot figure."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=figsize)
    return new


def levels(values: pd.Series, order: Sequence[Hashable] | None = None) -> list[Hashable]:
    """Distinct non-missing values in ``order`` or in first-seen/sorted order."""
    present = pd.unique(values.dropna())
    if order is not None:
        return [v for v in order if v in set(present)]
    try:
        return sorted(present)
    except TypeError:
        return list(present)


# Greys for non-country labels beside country colours ("unknown", "(none)"):
# light first, so they stand apart from the mid-dark country colours in greyscale.
_OTHER_GREYS = ("#DDDDDD", "#AAAAAA", "#F2F2F2", "#777777", "#555555")

# Fill patterns that tell bars, segments and areas apart without colour (greyscale
# print, colour-blind readers); index 0 is plain.
HATCHES = ("", "////", "....", "xxxx", "\\\\\\\\", "oo", "----", "++++", "||||", "**", "OO", "..//")


def hatch(i: int) -> str:
    """The fill pattern of the ``i``-th category (see :data:`HATCHES`)."""
    return HATCHES[i % len(HATCHES)]


# Yellow (#F0E442) is unreadable as a line or label on white, so default
# palettes skip it; extra colours come from the dark half of tab20.
_DEFAULT = tuple(c for c in PALETTE if c.upper() != "#F0E442")


def colors_for(
    keys: Sequence[Hashable], palette: Sequence[str] | Mapping[Hashable, str] | None = None
) -> dict[Hashable, str]:
    """Map each key to a colour.

    An explicit mapping or list wins. By default country codes get their
    fixed :data:`COUNTRY_COLORS` (other labels next to them, such as
    "unknown", get greys); anything else gets the Okabe-Ito palette in order.
    """
    if isinstance(palette, Mapping):
        missing = [k for k in keys if k not in palette]
        if missing:
            raise ValueError(f"palette has no colour for {missing}")
        return {k: palette[k] for k in keys}
    if palette is None and keys:
        countries = [k for k in keys if isinstance(k, str) and k in COUNTRY_COLORS and k]
        if len(countries) >= max(1, len(keys) - len(_OTHER_GREYS)) and len(countries) * 2 >= len(
            keys
        ):
            others = iter(_OTHER_GREYS)
            return {k: COUNTRY_COLORS[k] if k in countries else next(others) for k in keys}
    pal = list(palette) if palette is not None else list(_DEFAULT)
    if not pal:
        raise ValueError("palette is empty")
    if len(keys) > len(pal):
        import matplotlib as mpl

        # more groups than distinct safe colours: extend with tab20's darker
        # shades (even indices); patterns (HATCHES) keep them apart anyway
        cmap = mpl.colormaps["tab20"]
        # red, brown, purple, olive, grey, cyan, pink first: tab20's blue, orange and
        # green look like the Okabe-Ito ones already in use
        extra = [mpl.colors.to_hex(cmap(i)) for i in (6, 10, 8, 16, 14, 18, 12, 0, 2, 4)]
        extra = [c for c in extra if c not in pal]
        pal = pal + [extra[i % len(extra)] for i in range(len(keys) - len(pal))]
    return {k: pal[i] for i, k in enumerate(keys)}


def optional_column(data: pd.DataFrame, name: str | None, default: str) -> str | None:
    """``name`` if it is a column; ``None`` if it is the default name and absent.

    Lets interval and count columns be drawn when a measure provides them
    without making them mandatory, while a misspelt explicit name still errors.
    """
    if name is None or not isinstance(data, pd.DataFrame):
        return name  # not a table: left for check_data to report
    if name in data.columns:
        return name
    if name == default:
        return None
    return name  # left for check_data to report


def stacked_barh(
    ax: Any,
    table: pd.DataFrame,
    colors: Mapping[Hashable, str],
    *,
    label_min: float | None = None,
    fmt: str = "{:.0%}",
    hatches: bool = True,
    labels: Mapping[Hashable, str] | None = None,
) -> None:
    """Horizontal stacked bars: one bar per row of ``table``, one segment per column.

    Segments wider than ``label_min`` get their value written inside, in
    black or white, whichever reads better on the segment's colour. Each
    column also gets its own fill pattern (greyscale-safe) unless ``hatches``
    is false; ``labels`` maps columns to legend text.
    """
    import matplotlib as mpl

    pos = np.arange(len(table))
    left = np.zeros(len(table))
    for k, col in enumerate(table.columns):
        vals = table[col].to_numpy(dtype=float)
        bars = ax.barh(
            pos,
            vals,
            left=left,
            height=0.75,
            color=colors[col],
            edgecolor="white",
            linewidth=0.4,
            hatch=hatch(k) if hatches else None,
            label=(labels or {}).get(col, label_text(col)),
        )
        if label_min is not None:
            rgb = mpl.colors.to_rgb(colors[col])
            ink = ink_for(rgb)
            for bar, v in zip(bars, vals, strict=True):
                if v >= label_min:
                    # a box in the segment's colour keeps the number clear of the pattern
                    ax.text(
                        bar.get_x() + bar.get_width() / 2,
                        bar.get_y() + bar.get_height() / 2,
                        fmt.format(v),
                        ha="center",
                        va="center",
                        color=ink,
                        fontsize="x-small",
                        bbox={
                            "boxstyle": "square,pad=0.1",
                            "facecolor": colors[col],
                            "edgecolor": "none",
                        }
                        if hatches and hatch(k)
                        else None,
                    )
        left = left + vals
    ax.set_yticks(pos, [label_text(v) for v in table.index])
    ax.set_ylim(len(pos) - 0.5, -0.5)


def ink_for(rgb: Sequence[float]) -> str:
    """Black or white text, whichever contrasts more with background ``rgb``."""
    return "white" if 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 0.5 else "black"


def legend_outside(ax: Any, title: str | None = None, **kw: Any) -> Any:
    """Legend to the right of the axes (never on top of the data)."""
    return ax.legend(
        title=title,
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
        alignment="left",  # a long title starts with the entries instead of sticking out
        **kw,
    )


def to_x(values: pd.Series) -> tuple[np.ndarray | pd.Series, bool]:
    """Values for a time/number/category x axis; second item says whether it is categorical."""
    if isinstance(values.dtype, pd.PeriodDtype):
        return values.dt.to_timestamp(), False
    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_numeric_dtype(values):
        return values, False
    return values, True


def x_positions(data: pd.DataFrame, x: str) -> tuple[pd.DataFrame, list[Any]]:
    """``data`` with an ``_x`` plotting column, and the categories if x is categorical.

    Dates, periods and numbers are plotted as they are; categories at 0, 1,
    2, ... in sorted order (the returned list, for the tick labels).
    """
    xs, categorical = to_x(data[x])
    frame = data.assign(_x=xs.to_numpy() if hasattr(xs, "to_numpy") else xs)
    cats: list[Any] = []
    if categorical:
        cats = sorted(pd.unique(frame["_x"].dropna()), key=str)
        frame["_x"] = frame["_x"].map({c: i for i, c in enumerate(cats)})
    return frame, cats


def time_axis(ax: Any, xs: pd.Series, cats: list[Any], **locator: int) -> None:
    """Tick labels for an x axis drawn from :func:`x_positions`: the categories,
    or concise dates (``locator``: AutoDateLocator's minticks/maxticks)."""
    if cats:
        ax.set_xticks(range(len(cats)), [label_text(c) for c in cats])
    elif pd.api.types.is_datetime64_any_dtype(xs):
        import matplotlib.dates as mdates

        loc = _date_locator(**locator)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))


def _date_locator(**options: int) -> Any:
    """An AutoDateLocator that remembers the ticks of the view intervals it has seen.

    Saving a figure asks the locator for its ticks dozens of times per axis
    (every layout pass, every measurement of the tick labels, every panel
    sharing the axis), and each time AutoDateLocator builds a new rule and
    walks the calendar; its ticks depend only on the view interval and the
    options, so the answer for an interval is kept. A new interval (zooming)
    is computed afresh.
    """
    return _remembering_date_locator()(**options)


_REMEMBERING: list[Any] = []


def _remembering_date_locator() -> type:
    # made on first use, so importing the toolkit does not import matplotlib
    if not _REMEMBERING:
        import matplotlib.dates as mdates

        class _RememberingDateLocator(mdates.AutoDateLocator):
            def __call__(self) -> Any:
                key = tuple(float(v) for v in self.axis.get_view_interval())
                known = self.__dict__.setdefault("_ticks_by_interval", {})
                if key not in known:
                    known[key] = super().__call__()
                return known[key].copy()

        _RememberingDateLocator.__module__ = __name__
        _RememberingDateLocator.__qualname__ = "_RememberingDateLocator"
        _REMEMBERING.append(_RememberingDateLocator)
    return _REMEMBERING[0]


def __getattr__(name: str) -> Any:
    # pickle finds the locator class of a pickled figure by this name
    if name == "_RememberingDateLocator":
        return _remembering_date_locator()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def marker(i: int) -> str:
    return MARKERS[i % len(MARKERS)]


def linestyle(i: int) -> Any:
    return LINESTYLES[i % len(LINESTYLES)]


def label_text(value: object) -> str:
    """Readable tick/legend text for a category value (dates as YYYY-MM-DD or YYYY-MM)."""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m") if value.day == 1 else value.strftime("%Y-%m-%d")
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "(missing)"
    if value == "":
        return "(none)"
    # data never switches matplotlib into math mode: "Cost $5 $6" stays as written
    return str(value).replace("$", "\\$")


_NICE = {
    "n": "Count",
    "n_docs": "Documents",
    "n_tokens": "Length (tokens)",
    "n_chars": "Length (characters)",
    "g2": "G²",
    "G2": "G²",
    "log_ratio": "Log ratio",
    "lr": "Log ratio",
    "p_adj": "Adjusted p",
    "ci_low": "Lower bound",
    "ci_high": "Upper bound",
    "doc_id": "Document",
}


def nice(name: object) -> str:
    """A column name as a human-readable axis label ("n_docs" -> "Documents").

    Known toolkit columns get their caption wording; anything else has its
    underscores turned into spaces and its first letter capitalised (user
    labels that already contain capitals or spaces are left as they are).
    """
    text = str(name)
    if text in _NICE:
        return _NICE[text]
    if text.endswith("_per_10k"):
        return f"{nice(text[: -len('_per_10k')])} per 10,000 tokens"
    if "_" not in text and text != text.lower():
        return text  # the user's own label ("Tone (VADER)"): keep it
    text = text.replace("_", " ")
    return text[:1].upper() + text[1:]


def term_text(term: object) -> str:
    """A lexicon term for display: multiword ids ("sea_of_japan") with spaces."""
    return label_text(term).replace("_", " ")


def time_labels(values: Sequence[object]) -> list[str]:
    """Tick labels for period starts: YYYY-MM when every value is a month start/end."""
    ts = [pd.Timestamp(v) if not isinstance(v, pd.Period) else v.start_time for v in values]
    monthly = all(t.day == 1 or t.is_month_end for t in ts)
    return [t.strftime("%Y-%m" if monthly else "%Y-%m-%d") for t in ts]


def is_time(series: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(series) or isinstance(series.dtype, pd.PeriodDtype)


def thin_ticks(ax: Any, axis: str = "x", max_labels: int = 12) -> None:
    """Show at most ``max_labels`` category labels so long time axes stay readable."""
    get = ax.get_xticks if axis == "x" else ax.get_yticks
    labels = (ax.get_xticklabels if axis == "x" else ax.get_yticklabels)()
    ticks = list(get())
    if len(ticks) <= max_labels:
        return
    step = int(np.ceil(len(ticks) / max_labels))
    keep = ticks[::step]
    texts = [lab.get_text() for lab in labels][::step]
    if axis == "x":
        ax.set_xticks(keep, texts)
    else:
        ax.set_yticks(keep, texts)


def finish(ax_or_fig: Any, data: pd.DataFrame | None = None) -> Any:
    """Common last step: CJK fallback fonts and the measure's attrs for :func:`save_figure`."""
    fig = root_figure(ax_or_fig)
    if data is not None and data.attrs:
        setattr(fig, ATTRS_KEY, dict(data.attrs))
    apply_cjk_fallback(fig)
    return ax_or_fig


def root_figure(obj: Any) -> Any:
    """The top-level Figure of an Axes, SubFigure or Figure."""
    from matplotlib.figure import Figure

    fig = obj
    while not isinstance(fig, Figure):
        fig = fig.figure
    return fig


def group_shares(
    data: pd.DataFrame, index: str, columns: str, value: str, normalize: bool, func: str
) -> pd.DataFrame:
    """Sum ``value`` by ``index`` x ``columns``; rows as shares when ``normalize``."""
    values = data[value].astype(float)
    table = values.groupby([data[index], data[columns]], sort=False).sum()
    table = table.unstack(columns, fill_value=0.0)
    if normalize:
        totals = table.sum(axis=1)
        if (totals <= 0).any():
            raise ValueError(f"{func}: a group has a total of 0 in {value!r}; cannot show shares")
        table = table.div(totals, axis=0)
    return table


def percent_formatter() -> Any:
    """A 0-1 axis labelled in whole percent."""
    import matplotlib as mpl

    return mpl.ticker.PercentFormatter(1.0, decimals=0)


def small_cells(data: pd.DataFrame, n: str | None, min_docs: int | None) -> pd.Series:
    """Rows whose interval is withheld: flagged ``small_cell`` or fewer than ``min_docs``."""
    small = pd.Series(False, index=data.index)
    if "small_cell" in data.columns:
        small |= data["small_cell"].fillna(False).astype(bool)
    if n is not None and min_docs is not None:
        small |= pd.to_numeric(data[n], errors="coerce").fillna(0) < min_docs
    return small


def small_note(min_docs: int | None) -> str:
    if min_docs is None:
        return "open marker: no interval (too few documents)"
    return f"open marker: fewer than {min_docs} documents, no interval"


def smallest_step(xs: pd.Series) -> Any:
    """The smallest distance between distinct x values (a bin's width), or None."""
    values = pd.Series(pd.unique(xs.dropna())).sort_values()
    diffs = values.diff().dropna()  # distinct and sorted, so all positive
    return diffs.min() if len(diffs) else None


def break_gaps(part: pd.DataFrame, step: Any, cols: Sequence[str | None]) -> pd.DataFrame:
    """Insert an empty point wherever bins are missing, so lines do not bridge them.

    A gap is a distance of more than 1.5 bins between consecutive points (so
    months of 28 to 31 days are not gaps, but a missing month is).
    """
    if step is None or len(part) < 2:
        return part
    xs = part["_x"].reset_index(drop=True)
    gaps = [k for k in range(1, len(xs)) if xs[k] - xs[k - 1] > step * 1.5]
    if not gaps:
        return part
    fillers = pd.DataFrame({"_x": [xs[k - 1] + (xs[k] - xs[k - 1]) / 2 for k in gaps]})
    for c in cols:
        if c is not None:
            fillers[c] = np.nan
    return pd.concat([part, fillers], ignore_index=True).sort_values("_x", kind="stable")


def open_marker_handle() -> Any:
    """Legend key of an open marker: the note that a point has no interval."""
    from matplotlib.lines import Line2D

    return Line2D(
        [], [], linestyle="none", marker="o", markerfacecolor="white", markeredgecolor="#555555"
    )


def draw_series(
    ax: Any,
    part: pd.DataFrame,
    y: str,
    i: int,
    color: str,
    *,
    label: str | None = None,
    ribbon: bool = False,
    zorder: float | None = None,
    **marker_kw: Any,
) -> bool:
    """One group's line over ``_x``: filled markers where the interval is shown,
    open markers where it is withheld (``_small``), and the ``_lo``/``_hi``
    ribbon if ``ribbon``. Returns whether any marker is open.

    ``zorder`` puts the line there, the open markers above and the ribbon below.
    """

    def z(k: int) -> dict[str, float]:
        return {} if zorder is None else {"zorder": zorder + k}

    solid = part["_small"].eq(False).to_numpy()  # gap fillers (NaN) are not points
    ax.plot(
        part["_x"],
        part[y],
        color=color,
        marker=marker(i),
        markevery=list(np.flatnonzero(solid)),
        linestyle=linestyle(i),
        **marker_kw,
        label=label,
        **z(0),
    )
    small = part[part["_small"].eq(True)]
    if len(small):
        ax.plot(
            small["_x"],
            small[y],
            linestyle="none",
            marker=marker(i),
            **marker_kw,
            markerfacecolor="white",
            markeredgecolor=color,
            **z(1),
        )
    if ribbon:
        ax.fill_between(
            part["_x"], part["_lo"], part["_hi"], color=color, alpha=0.18, linewidth=0, **z(-1)
        )
    return bool(len(small))
