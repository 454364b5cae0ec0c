"""plot_dispersion summarises runs of documents when there are many (the report's x-ray at scale)."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from toolkit.plots import plot_dispersion

# the plots are called in the 0.4 vocabulary: an old name here is a bug
pytestmark = pytest.mark.filterwarnings("error:plot_:FutureWarning")


def _positions(n: int) -> pd.DataFrame:
    # every document has "dokdo" at 0.5 (and 0.503, which rounds to the same
    # hundredth); even-numbered documents also have "takeshima" at 0.25
    rows = []
    for i in range(n):
        d = f"d{i:04d}"
        rows += [("dokdo", d, 0.5), ("dokdo", d, 0.503)]
        if i % 2 == 0:
            rows.append(("takeshima", d, 0.25))
    return pd.DataFrame(rows, columns=["term", "doc_id", "position"])


def test_many_documents_are_summarised_in_runs():
    ax = plot_dispersion(_positions(1000), max_rows=100)
    dokdo, takeshima = ax.lines
    # 1000 documents / 100 rows = 10 per row; one tick per row and hundredth
    assert len(dokdo.get_xdata()) == 100 and set(dokdo.get_xdata()) == {0.5}
    assert len(takeshima.get_xdata()) == 100 and set(takeshima.get_xdata()) == {0.25}
    lane = 0.8 / 2
    assert sorted(np.round(np.asarray(dokdo.get_ydata()) + lane / 2, 6)) == list(range(100))
    assert ax.get_ylim() == (99.5, -0.5)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:3] == ["d0000", "d0030", "d0060"]  # first document of rows 0, 3, 6
    assert "10 per row" in ax.get_ylabel()
    plt.close(ax.figure)


def test_few_documents_keep_one_row_and_tick_each():
    ax = plot_dispersion(_positions(50), max_rows=100)
    assert len(ax.lines[0].get_xdata()) == 100  # both dokdo ticks of each document
    assert ax.get_ylim() == (49.5, -0.5)
    assert ax.get_ylabel() == "Documents"
    plt.close(ax.figure)


def test_max_rows_must_be_positive():
    with pytest.raises(ValueError, match="max_rows"):
        plot_dispersion(_positions(3), max_rows=0)
