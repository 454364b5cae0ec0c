"""Parameter descriptions shared by every plot's docstring (private).

A plot's docstring writes ``{params.hue}`` where seaborn's contract names
apply; :func:`shared_docs` replaces it with the numpydoc entry: a header
line built from the function's own signature (type, default) and the one
shared description. Lines indented under the placeholder are kept after the
shared text, for what is particular to the plot. ``{returns.ax}`` writes
the Returns section of a plot that returns its Axes. So ``ax`` or ``hue``
reads the same in every plot, and a change of wording is made once.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# name -> (type in the header line, shared description)
PARAMS: dict[str, tuple[str, str]] = {
    "data": (
        "DataFrame",
        "Tidy table, one row per observation, as the matching measure returns it; "
        "every other column argument names a column of it.",
    ),
    "x": ("str", "Column drawn along the horizontal axis."),
    "y": ("str", "Column drawn along the vertical axis."),
    "hue": (
        "str",
        "Column whose levels each get their own colour (and their own marker, line "
        "style or fill pattern, so the chart also reads in greyscale).",
    ),
    "order": (
        "sequence",
        "Order of the categories along the categorical axis.",
    ),
    "hue_order": (
        "sequence",
        "Order of the ``hue`` levels (drawing and legend order); levels not listed "
        "are left out. Default: sorted.",
    ),
    "col": ("str", "Column whose levels each get their own panel (small multiples)."),
    "col_order": ("sequence", "Order of the panels. Default: sorted."),
    "palette": (
        "list or dict of colours",
        "Colours in level order, or a mapping from level to colour. Default: the "
        "fixed colours of country codes (:data:`toolkit.plots.style.COUNTRY_COLORS`), "
        "else the colour-blind-safe Okabe-Ito palette.",
    ),
    "ci_low": (
        "str or None",
        "Columns with the lower and upper bounds of each estimate's interval; "
        "drawn when the columns exist, skipped when absent or ``None``.",
    ),
    "count": (
        "str or None",
        "Column with the number of documents behind each row; skipped when absent or ``None``.",
    ),
    "min_docs": (
        "int or None",
        "Estimates from fewer documents (per ``count``, or flagged in a "
        "``small_cell`` column) or without an interval get an open marker and no "
        "interval, and the chart says why. ``None``: only the ``small_cell`` flag "
        "and missing intervals count. Default "
        ":data:`toolkit.stats.aggregation.MIN_DOCS`.",
    ),
    "ncols": ("int", "Panels per row."),
    "figsize": (
        "(float, float)",
        "Size of the new figure in inches; default the current style's width.",
    ),
    "fig": (
        "Figure or SubFigure",
        "Draw the panels into this (e.g. a subfigure of a larger layout) instead of a new figure.",
    ),
    "ax": (
        "matplotlib Axes",
        "Axes to draw on; default a new figure. The plot never calls ``plt.show()``.",
    ),
}

# whole Returns sections
RETURNS: dict[str, str] = {
    "ax": "Returns\n-------\nmatplotlib Axes\n    The Axes drawn on (``ax`` if given).",
}

_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)\{(?P<kind>params|returns)\.(?P<name>\w+)\}$", re.M)


def _default_text(default: Any) -> str:
    if default is inspect.Parameter.empty:
        return ""
    if default is None:
        return ", optional"
    return f", default {default!r}".replace("'", '"')


def _param_entry(name: str, func: Callable[..., Any]) -> str:
    kind, text = PARAMS[name]
    sig = inspect.signature(func)
    if name not in sig.parameters:
        raise TypeError(f"{func.__name__} documents {{params.{name}}} but has no {name!r}")
    header = name
    if name == "ci_low":
        # the pair is documented together, as numpydoc allows
        if "ci_high" not in sig.parameters:
            raise TypeError(f"{func.__name__} has ci_low but no ci_high")
        header = "ci_low, ci_high"
        lo = sig.parameters["ci_low"].default
        hi = sig.parameters["ci_high"].default
        default = "" if lo is None else f', default "{lo}", "{hi}"'
    else:
        default = _default_text(sig.parameters[name].default)
    body = textwrap.fill(text, 76)
    return f"{header} : {kind}{default}\n" + textwrap.indent(body, "    ")


def shared_docs(func: F) -> F:
    """Fill the ``{params.name}`` and ``{returns.name}`` placeholders of ``func``'s docstring.

    Examples
    --------
    >>> @shared_docs
    ... def plot_demo(data, *, ax=None):
    ...     '''Draw.
    ...
    ...     Parameters
    ...     ----------
    ...     {params.ax}
    ...     '''
    >>> print(plot_demo.__doc__.splitlines()[4])
        ax : matplotlib Axes, optional
    """
    doc = func.__doc__ or ""

    def fill(match: re.Match[str]) -> str:
        indent, kind, name = match["indent"], match["kind"], match["name"]
        if kind == "params":
            if name not in PARAMS:
                raise KeyError(f"{func.__name__}: no shared parameter entry {name!r}")
            text = _param_entry(name, func)
        else:
            if name not in RETURNS:
                raise KeyError(f"{func.__name__}: no shared returns entry {name!r}")
            text = RETURNS[name]
        return textwrap.indent(text, indent)

    func.__doc__ = _PLACEHOLDER.sub(fill, doc)
    return func
