"""Tests for toolkit.aggregate: hand-computed means, a loop bootstrap, scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from toolkit.stats.aggregation import aggregate, difference, period_start


def _sentences() -> pd.DataFrame:
    # doc a has three sentences (mean 0.2), b two (mean -0.3), c one (0.9);
    # outlet X = {a, b}, Y = {c, d}; d (mean 0.1) is in May.
    return pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b", "c", "d", "d"],
            "sent_id": [0, 1, 2, 0, 1, 0, 0, 1],
            "outlet": ["X", "X", "X", "X", "X", "Y", "Y", "Y"],
            "date": pd.to_datetime(
                ["2015-04-02"] * 3 + ["2015-04-20"] * 2 + ["2015-04-30"] + ["2015-05-03"] * 2
            ),
            "tone": [0.0, 0.3, 0.3, -0.5, -0.1, 0.9, 0.2, 0.0],
        }
    )


def _loop_bootstrap(vals: list[float], n_boot: int, seed: int, ci: float) -> tuple[float, float]:
    """A plain, one-resample-at-a-time percentile bootstrap."""
    rng = np.random.default_rng(seed)
    n = len(vals)
    means = []
    for _ in range(n_boot):
        pick = [vals[int(rng.integers(0, n))] for _ in range(n)]
        means.append(sum(pick) / n)
    lo, hi = np.quantile(means, [(1 - ci) / 2, (1 + ci) / 2])
    return float(lo), float(hi)


def test_means_average_sentences_within_documents_first():
    out = aggregate(_sentences(), "tone", by="outlet", n_boot=50)
    # X: docs a (0.2) and b (-0.3) -> 0.2 + -0.3 = -0.1, / 2 = -0.05 (not the
    # sentence mean 0.0/5); Y: c (0.9) and d (0.1) -> 0.5.
    assert out["outlet"].tolist() == ["X", "Y"]
    assert out["mean"].tolist() == pytest.approx([-0.05, 0.5])
    assert out["n_docs"].tolist() == [2, 2]


def test_interval_matches_loop_bootstrap_with_same_seed():
    vals = [0.3, -0.2, 0.5, 0.1, -0.4, 0.8, 0.0, 0.25]
    d = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(vals))], "tone": vals})
    out = aggregate(d, "tone", n_boot=300, random_state=7, ci=0.9)
    lo, hi = _loop_bootstrap(vals, 300, 7, 0.9)
    assert out.loc[0, "ci_low"] == pytest.approx(lo)
    assert out.loc[0, "ci_high"] == pytest.approx(hi)
    assert out.loc[0, "mean"] == pytest.approx(sum(vals) / len(vals))


def test_interval_close_to_scipy_percentile_bootstrap():
    rng = np.random.default_rng(1)
    vals = rng.normal(0.1, 0.5, size=60)
    d = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(60)], "tone": vals})
    out = aggregate(d, "tone", n_boot=4000, random_state=3)
    ref = stats.bootstrap(
        (vals,), np.mean, n_resamples=4000, method="percentile", random_state=11
    ).confidence_interval
    # Different draws, same procedure: the bounds agree to Monte Carlo error.
    assert out.loc[0, "ci_low"] == pytest.approx(ref.low, abs=0.02)
    assert out.loc[0, "ci_high"] == pytest.approx(ref.high, abs=0.02)


def test_row_order_does_not_change_results():
    d = _sentences()
    a = aggregate(d, "tone", by="outlet", n_boot=200)
    b = aggregate(d.sample(frac=1, random_state=4), "tone", by="outlet", n_boot=200)
    pd.testing.assert_frame_equal(a, b)


def test_freq_month_aliases_and_periods():
    d = _sentences()
    for freq in ("M", "ME"):
        out = aggregate(d, "tone", freq=freq, n_boot=50)
        assert out["period"].tolist() == [pd.Timestamp("2015-04-01"), pd.Timestamp("2015-05-01")]
        # April: a 0.2, b -0.3, c 0.9 -> 0.8 / 3
        assert out["mean"].tolist() == pytest.approx([0.8 / 3, 0.1])
        assert out["n_docs"].tolist() == [3, 1]
        # one document: no interval
        assert np.isnan(out.loc[1, "ci_low"]) and np.isnan(out.loc[1, "ci_high"])


def test_missing_scores_ignored_but_cell_kept():
    d = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"], "tone": [0.5, np.nan, np.nan]}
    )
    out = aggregate(d, "tone", by="outlet", n_boot=20)
    assert out["n_docs"].tolist() == [1, 0]
    assert out.loc[0, "mean"] == 0.5
    assert np.isnan(out.loc[1, "mean"])


def test_median_stat_and_attrs():
    d = pd.DataFrame({"doc_id": list("abcde"), "tone": [0.0, 0.1, 0.9, 0.2, -0.7]})
    out = aggregate(d, "tone", method="median", n_boot=100)
    assert out.loc[0, "median"] == pytest.approx(0.1)
    assert out.attrs["measure"] == "aggregate"
    assert out.attrs["params"]["n_boot"] == 100


def test_unknown_column_raises():
    with pytest.raises(KeyError, match="outlett"):
        aggregate(_sentences(), "tone", by="outlett")


def test_period_start_weeks_start_monday():
    s = pd.Series(pd.to_datetime(["2015-04-15", "2015-04-19"]))  # Wednesday, Sunday
    assert period_start(s, "W").tolist() == [pd.Timestamp("2015-04-13")] * 2


def test_difference_matches_hand_means_and_loop():
    d = pd.DataFrame(
        {
            "doc_id": ["k1", "k1", "k2", "k3", "j1", "j2", "j3", "j4"],
            "country": ["KR", "KR", "KR", "KR", "JP", "JP", "JP", "JP"],
            "tone": [0.2, 0.4, 0.1, -0.2, -0.3, 0.0, 0.1, -0.4],
        }
    )
    out = difference(d, "tone", by="country", groups=("KR", "JP"), n_boot=200, random_state=5)
    # KR docs: k1 0.3, k2 0.1, k3 -0.2 -> 0.2/3; JP: -0.6/4 = -0.15
    assert out.loc[0, "mean_a"] == pytest.approx(0.2 / 3)
    assert out.loc[0, "mean_b"] == pytest.approx(-0.15)
    assert out.loc[0, "difference"] == pytest.approx(0.2 / 3 + 0.15)
    assert (out.loc[0, "n_docs_a"], out.loc[0, "n_docs_b"]) == (3, 4)
    rng = np.random.default_rng(5)
    kr, jp = [0.3, 0.1, -0.2], [-0.3, 0.0, 0.1, -0.4]  # sorted by doc id
    jp_sorted = [jp[i] for i in np.argsort(["j1", "j2", "j3", "j4"])]
    a = [np.mean([kr[int(rng.integers(0, 3))] for _ in range(3)]) for _ in range(200)]
    b = [np.mean([jp_sorted[int(rng.integers(0, 4))] for _ in range(4)]) for _ in range(200)]
    lo, hi = np.quantile(np.array(a) - np.array(b), [0.025, 0.975])
    assert out.loc[0, "ci_low"] == pytest.approx(lo)
    assert out.loc[0, "ci_high"] == pytest.approx(hi)


def test_difference_needs_two_groups():
    d = pd.DataFrame({"doc_id": list("abc"), "g": ["x", "y", "z"], "tone": [0.0, 1.0, 2.0]})
    with pytest.raises(ValueError, match="3 groups"):
        difference(d, "tone", by="g")
