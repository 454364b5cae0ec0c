"""The shared parameter entries are filled into plot docstrings from the signature."""

import doctest
import importlib
import inspect
import warnings

import pytest

import toolkit.plots as P
from toolkit.plots._docs import PARAMS, shared_docs


def _doc_lines(func):
    return inspect.getdoc(func).splitlines()


def test_header_comes_from_the_signature_and_own_lines_follow():
    @shared_docs
    def plot_demo(data, *, x, hue="country", palette=None, ci_low="lo", ci_high="hi", ax=None):
        """Demo.

        Parameters
        ----------
        {params.x}
        {params.hue}
            One line per country.
        {params.palette}
        {params.ci_low}
        {params.ax}
        """

    lines = _doc_lines(plot_demo)
    assert "x : str" in lines  # required: no default written
    assert 'hue : str, default "country"' in lines
    assert "palette : list or dict of colours, optional" in lines
    assert 'ci_low, ci_high : str or None, default "lo", "hi"' in lines
    assert "ax : matplotlib Axes, optional" in lines
    # the plot's own line comes right after the shared description, at the same depth
    hue = lines.index('hue : str, default "country"')
    own = lines.index("    One line per country.")
    assert lines[hue + 1 : own] == [
        "    Column whose levels each get their own colour (and their own marker, line",
        "    style or fill pattern, so the chart also reads in greyscale).",
    ]


def test_unknown_entry_fails_when_the_module_is_imported():
    with pytest.raises(KeyError, match="no shared parameter entry 'colour'"):

        @shared_docs
        def plot_demo(data, *, colour=None):
            """Demo.

            {params.colour}
            """


def test_entry_for_a_parameter_the_plot_lacks_is_an_error():
    with pytest.raises(TypeError, match="has no 'hue'"):

        @shared_docs
        def plot_demo(data, *, x=None):
            """Demo.

            {params.hue}
            """


@pytest.mark.parametrize("name", sorted(n for n in P.__all__ if n.startswith("plot_")))
def test_no_placeholder_is_left_unfilled(name):
    doc = getattr(P, name).__doc__
    assert "{params." not in doc and "{returns." not in doc


def test_every_shared_entry_is_used_by_some_plot():
    used = set()
    for name in P.__all__:
        if name.startswith("plot_"):
            used |= set(inspect.signature(getattr(P, name)).parameters)
    assert set(PARAMS) <= used


@pytest.mark.parametrize(
    "module", ["corpus", "framing", "quotes", "terminology", "terms", "tone"], ids=str
)
def test_examples_use_the_current_names(module):
    # an example that warns would teach a name that is going away
    mod = importlib.import_module(f"toolkit.plots.{module}")
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="plot_", category=FutureWarning)
        result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
