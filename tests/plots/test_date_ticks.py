"""The date axes' locator remembers ticks per view interval: same ticks as AutoDateLocator."""

from __future__ import annotations

import pickle
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from toolkit.plots._util import time_axis  # noqa: E402


def _ticks_both_ways(start: str, end: str, **options: int) -> tuple[np.ndarray, np.ndarray]:
    fig, (mine, plain) = plt.subplots(1, 2)
    xs = pd.Series(pd.to_datetime([start, end]))
    for ax in (mine, plain):
        ax.plot(xs, [0, 1])
    time_axis(mine, xs, [], **options)
    plain.xaxis.set_major_locator(mdates.AutoDateLocator(**options))
    out = mine.xaxis.get_majorticklocs(), plain.xaxis.get_majorticklocs()
    plt.close(fig)
    return out


def test_ticks_are_those_of_matplotlibs_auto_date_locator():
    for start, end, options in (
        ("2019-01-01", "2021-06-01", {"minticks": 2, "maxticks": 5}),
        ("2019-01-01", "2019-03-15", {"maxticks": 8}),
        ("2000-01-01", "2024-12-31", {}),
    ):
        mine, plain = _ticks_both_ways(start, end, **options)
        assert len(mine) >= 2
        np.testing.assert_array_equal(mine, plain)


def test_a_new_view_interval_gets_new_ticks_and_returned_ticks_are_copies():
    fig, ax = plt.subplots()
    xs = pd.Series(pd.to_datetime(["2010-01-01", "2020-01-01"]))
    ax.plot(xs, [0, 1])
    time_axis(ax, xs, [])
    wide = ax.xaxis.get_majorticklocs()
    wide[:] = 0  # changing what was returned does not change what is remembered
    ax.set_xlim(pd.Timestamp("2015-01-01"), pd.Timestamp("2015-03-01"))
    narrow = ax.xaxis.get_majorticklocs()
    ax.set_xlim(pd.Timestamp("2010-01-01"), pd.Timestamp("2020-01-01"))
    again = ax.xaxis.get_majorticklocs()
    plain = mdates.AutoDateLocator()
    plain.set_axis(ax.xaxis)
    np.testing.assert_array_equal(again, plain())
    assert mdates.num2date(narrow[0]).year == 2015 and mdates.num2date(narrow[-1]).year == 2015
    plt.close(fig)


def test_a_figure_with_such_an_axis_unpickles_in_a_fresh_interpreter():
    fig, ax = plt.subplots()
    xs = pd.Series(pd.to_datetime(["2019-01-01", "2020-01-01"]))
    ax.plot(xs, [0, 1])
    time_axis(ax, xs, [])
    expected = ax.xaxis.get_majorticklocs()
    data = pickle.dumps(fig)
    plt.close(fig)
    code = (
        "import pickle, sys, matplotlib; matplotlib.use('Agg'); "
        "fig = pickle.loads(sys.stdin.buffer.read()); "
        "print(list(fig.axes[0].xaxis.get_majorticklocs()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, check=True
    ).stdout
    assert eval(out) == list(expected)  # noqa: S307 - a list of floats we printed
