"""Every public plot keeps seaborn's contract (docs/plot_conventions.md).

``data`` first and the only positional argument; then keyword-only options
with one vocabulary (``x, y, hue, order, hue_order, col, col_order, palette,
ax``); ``ax=`` everywhere, and ``fig=`` where small multiples return a
Figure; every parameter documented, the shared ones with the one shared
text. :func:`problems` is the rule; the made-up functions below show that
it catches each way of breaking it.
"""

import inspect
import re

import pytest

import toolkit.plots as P
from toolkit.plots._docs import PARAMS, _param_entry

PUBLIC = sorted(n for n in P.__all__ if n.startswith("plot_"))

# Names the plots used before 0.4 for concepts that now have one name each.
FORBIDDEN = {
    "group": "hue (a colour per level) or y (a bar per level)",
    "category": "hue",
    "colors": "palette",
    "color": "palette",
    "term": "y or hue",
    "terms": "hue_order",
    "doc": "y",
    "position": "x",
    "variant": "hue",
    "referent": "col",
    "x_order": "order",
    "group_order": "order or hue_order",
    "referent_order": "col_order",
    "category_order": "hue_order",
}
ORDERS = {"order", "hue_order", "col_order", "y_order"}

# Shared names a plot documents in its own words, and why (kept as short as possible:
# test_deviations_are_real fails once an entry is no longer needed).
DEVIATIONS = {
    ("plot_counts", "x"): "the category column in either bar direction (orient=)",
    ("plot_counts", "y"): "the count column in either bar direction (orient=)",
    ("plot_keyness", "palette"): "a pair of colours, target and reference side",
    ("plot_distinctive_terms", "palette"): "a pair of colours, the two sides of the diagonal",
}


def _flat(text):
    return " ".join(text.split())


def _documented(doc):
    """Parameter names in the numpydoc Parameters section."""
    section = re.split(r"\n\s*Parameters\n\s*-+\n", doc, maxsplit=1)
    if len(section) < 2:
        return set()
    body = re.split(r"\n\s*\n\s*(?:Returns|Examples|Raises|Notes|See Also)\n\s*-+", section[1])[0]
    names = set()
    for line in body.splitlines():
        m = re.match(r"^\s{0,8}([A-Za-z_][\w, ]*?) :", line)
        if m:
            names.update(n.strip() for n in m.group(1).split(","))
    return names


def problems(func):
    """What in ``func``'s signature or docstring breaks the plotting contract."""
    out = []
    sig = inspect.signature(func)
    params = list(sig.parameters.values())
    names = [p.name for p in params]
    if not params or params[0].name != "data":
        out.append("the first parameter must be `data`")
    elif params[0].kind not in (params[0].POSITIONAL_ONLY, params[0].POSITIONAL_OR_KEYWORD):
        out.append("`data` must be positional")
    for p in params[1:]:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            out.append(f"`{p.name}`: no *args/**kwargs (every option is named)")
        elif p.kind != p.KEYWORD_ONLY:
            out.append(f"`{p.name}` must be keyword-only (after `*`)")
    for name in names:
        if name in FORBIDDEN:
            out.append(f"`{name}` is spelled `{FORBIDDEN[name]}`")
        elif name.endswith("_order") and name not in ORDERS:
            out.append(f"`{name}`: orders are {sorted(ORDERS)}")
    if "n" in sig.parameters and isinstance(sig.parameters["n"].default, str):
        out.append("`n` is a top-n count; a document-count column is `count`")
    doc = inspect.getdoc(func) or ""
    if "ax" not in names and "takes no ``ax``" not in doc:
        out.append("no `ax=` (and the docstring does not say why: 'takes no ``ax``')")
    returns = re.split(r"\n\s*Returns\n\s*-+\n", doc, maxsplit=1)
    if len(returns) == 2 and "Figure" in returns[1].split("\n\n")[0] and "fig" not in names:
        out.append("returns a Figure but takes no `fig=` to draw into")
    documented = _documented(doc)
    for name in names:
        if name not in documented:
            out.append(f"`{name}` is not documented")
    for name in names:
        if name in PARAMS and name != "ci_high" and (func.__name__, name) not in DEVIATIONS:
            if _flat(_param_entry(name, func)) not in _flat(doc):
                out.append(f"`{name}` is not documented with the shared text ({{params.{name}}})")
    return out


@pytest.mark.parametrize("name", PUBLIC)
def test_public_plots_keep_the_contract(name):
    assert problems(getattr(P, name)) == []


@pytest.mark.parametrize(("name", "param"), sorted(DEVIATIONS))
def test_deviations_are_real(name, param):
    func = getattr(P, name)
    assert _flat(_param_entry(param, func)) not in _flat(inspect.getdoc(func))


def test_every_public_plot_is_checked():
    # the plots the package exports, written out: a new one joins the check above
    assert PUBLIC == [
        "plot_counts",
        "plot_dispersion",
        "plot_distinctive_terms",
        "plot_frames_heatmap",
        "plot_frames_over_time",
        "plot_group_comparison",
        "plot_keyness",
        "plot_lengths",
        "plot_naming",
        "plot_sources",
        "plot_tone_over_time",
    ]


# ------------------------------------------------------------- made-up plots


def plot_good(data, *, x="a", hue=None, ax=None):
    """A plot that keeps the rules.

    Parameters
    ----------
    data : DataFrame
        Tidy table, one row per observation, as the matching measure returns it;
        every other column argument names a column of it.
    x : str, default "a"
        Column drawn along the horizontal axis.
    hue : str, optional
        Column whose levels each get their own colour (and their own marker, line
        style or fill pattern, so the chart also reads in greyscale).
    ax : matplotlib Axes, optional
        Axes to draw on; default a new figure. The plot never calls ``plt.show()``.
    """


def test_a_plot_that_keeps_the_rules_passes():
    assert problems(plot_good) == []


def _bad(signature, doc=None):
    """A made-up plot with this signature, documented like plot_good plus its own names."""
    scope = {}
    exec(f"def plot_bad{signature}:\n    pass", scope)
    func = scope["plot_bad"]
    func.__doc__ = doc if doc is not None else plot_good.__doc__
    return func


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("(data, x, *, ax=None)", "`x` must be keyword-only"),
        ("(frame, *, ax=None)", "the first parameter must be `data`"),
        ("(*, data, ax=None)", "`data` must be positional"),
        ("(data, *, ax=None, **kw)", "`kw`: no *args"),
        ("(data, *, group='outlet', ax=None)", "`group` is spelled"),
        ("(data, *, colors=None, ax=None)", "`colors` is spelled `palette`"),
        ("(data, *, x_order=None, ax=None)", "`x_order` is spelled `order`"),
        ("(data, *, frame_order=None, ax=None)", "`frame_order`: orders are"),
        ("(data, *, n='n_docs', ax=None)", "`n` is a top-n count"),
        ("(data, *, x='a')", "no `ax=`"),
        ("(data, *, x='a', width=3, ax=None)", "`width` is not documented"),
    ],
)
def test_each_broken_rule_is_caught(signature, expected):
    found = problems(_bad(signature))
    assert any(p.startswith(expected) for p in found), found


def test_shared_names_must_use_the_shared_text():
    doc = plot_good.__doc__.replace(
        "Column drawn along the horizontal axis.", "The horizontal thing."
    )
    assert problems(_bad("(data, *, x='a', hue=None, ax=None)", doc)) == [
        "`x` is not documented with the shared text ({params.x})"
    ]


def test_figure_returning_plot_needs_fig():
    doc = plot_good.__doc__ + "\n    Returns\n    -------\n    matplotlib Figure\n"
    found = problems(_bad("(data, *, x='a', hue=None, ax=None)", doc))
    assert found == ["returns a Figure but takes no `fig=` to draw into"]


def test_a_plot_without_ax_may_say_why():
    doc = plot_good.__doc__.replace("A plot that", "A plot (it takes no ``ax``: 3-D) that")
    doc = doc.replace("    ax : matplotlib Axes, optional\n", "").replace(
        "        Axes to draw on; default a new figure. The plot never calls ``plt.show()``.\n",
        "",
    )
    assert problems(_bad("(data, *, x='a', hue=None)", doc)) == []
