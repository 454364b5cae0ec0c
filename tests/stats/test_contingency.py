"""Contingency-table statistics against scipy.stats and hand-computed values."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy.stats import chi2_contingency, false_discovery_control, fisher_exact

from toolkit.stats.contingency import (
    adjust_p,
    chi2_p1,
    chi2_stat,
    fisher_p,
    g2_from_cells,
    g2_stat,
    independence_measures,
    williams_q,
)

# 2 x 2 tables chosen to cover small, lopsided, zero-cell and large counts
TABLES = [
    (10, 5, 90, 195),
    (1, 0, 3, 40),
    (0, 7, 12, 3),
    (3, 3, 3, 3),
    (602_840, 1, 11, 0),
    (250, 400, 12_000, 9_000),
    (2, 9, 7, 1),
]


def _cols(tables):
    return [np.array(col, dtype=float) for col in zip(*tables, strict=True)]


@pytest.mark.parametrize("yates", [False, True])
def test_chi2_matches_scipy(yates):
    got = chi2_stat(*_cols(TABLES), yates)
    for table, value in zip(TABLES, got, strict=True):
        ref = chi2_contingency(np.reshape(table, (2, 2)), correction=yates).statistic
        assert value == pytest.approx(ref, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("yates", [False, True])
def test_g2_matches_scipy(yates):
    got = g2_stat(*_cols(TABLES), yates=yates)
    for table, value in zip(TABLES, got, strict=True):
        ref = chi2_contingency(
            np.reshape(table, (2, 2)), correction=yates, lambda_="log-likelihood"
        ).statistic
        assert value == pytest.approx(ref, rel=1e-9, abs=1e-10)


def test_a_zero_margin_gives_nan_not_zero():
    cols = _cols([(0, 0, 5, 5), (4, 0, 6, 0)])
    assert np.isnan(chi2_stat(*cols, False)).all()
    assert np.isnan(g2_stat(*cols)).all()


def test_g2_from_cells_by_hand():
    # 2 (10 ln(10/5) + 0 ln 0 + 5 ln(5/10)) = 2 (10 - 5) ln 2 = 10 ln 2
    got = g2_from_cells([np.array([10.0]), np.array([0.0]), np.array([5.0])], [5.0, 5.0, 10.0])
    assert got[0] == pytest.approx(10 * math.log(2))


def test_williams_q_by_hand():
    # Williams (1976): q = 1 + (N/r1 + N/r2 - 1)(N/k1 + N/k2 - 1) / (6N)
    # [[10, 5], [90, 195]]: N = 300, rows 15 and 285, columns 100 and 200
    q = 1 + (300 / 15 + 300 / 285 - 1) * (300 / 100 + 300 / 200 - 1) / 1800
    assert williams_q(*_cols([(10, 5, 90, 195)]))[0] == pytest.approx(q, rel=1e-12)


@pytest.mark.parametrize("max_width", [1, 3, 2048])
def test_fisher_matches_scipy_by_both_algorithms(max_width):
    # max_width=1 sends every table to the binary search, 2048 to enumeration
    tables = [t for t in TABLES if t[0] < 1000] + [(5, 0, 0, 5), (1, 2, 2, 1), (40, 60, 60, 40)]
    a, b, c, d = (np.array(col) for col in zip(*tables, strict=True))
    got = fisher_p(a, b, c, d, max_width=max_width)
    for table, value in zip(tables, got, strict=True):
        ref = fisher_exact(np.reshape(table, (2, 2))).pvalue
        assert value == pytest.approx(ref, rel=1e-9, abs=1e-300)


def test_adjust_p_against_scipy_and_bonferroni():
    p = np.array([0.001, 0.2, 0.03, np.nan, 0.04, 0.5])
    ok = ~np.isnan(p)
    bh = adjust_p(p, "bh")
    assert np.isnan(bh[3])
    assert np.allclose(bh[ok], false_discovery_control(p[ok], method="bh"))
    assert np.allclose(adjust_p(p, "bonferroni")[ok], np.minimum(p[ok] * 5, 1.0))
    assert np.array_equal(adjust_p(p, None), p, equal_nan=True)
    with pytest.raises(ValueError, match="p_adjust"):
        adjust_p(p, "holm")


def _sub_counts(table: np.ndarray) -> dict[frozenset[int], np.ndarray]:
    """Sub-counts of the combination in cell (0, ..., 0) of a 2^n table (index 0 = word)."""
    size = table.ndim
    sub = {}
    for k in range(1, size + 1):
        for slots in itertools.combinations(range(size), k):
            index = tuple(0 if i in slots else slice(None) for i in range(size))
            sub[frozenset(slots)] = np.array([table[index].sum()], dtype=float)
    return sub


@pytest.mark.parametrize(
    "table",
    [
        np.array([[10, 10], [0, 80]]),
        np.array([[3, 40], [17, 940]]),
        np.array([[[4, 6], [9, 31]], [[12, 8], [20, 110]]]),  # a trigram's 2 x 2 x 2 table
    ],
)
def test_independence_measures_match_scipy_on_n_way_tables(table):
    # scipy's expected counts on an n-way table are the product of its margins,
    # i.e. mutual independence of the slots, with prod(shape) - sum(shape) + n - 1 dof
    out = independence_measures(_sub_counts(table), table.sum(), table.ndim)
    ref = chi2_contingency(table, correction=False)
    ref_g = chi2_contingency(table, correction=False, lambda_="log-likelihood")
    obs = float(table.flat[0])
    exp = ref.expected_freq.flat[0]
    sign = 1.0 if obs >= exp else -1.0
    assert out["expected"][0] == pytest.approx(exp)
    assert out["chi2"][0] == pytest.approx(sign * ref.statistic, rel=1e-9)
    assert out["G2"][0] == pytest.approx(sign * ref_g.statistic, rel=1e-9)
    assert out["p"][0] == pytest.approx(ref_g.pvalue, rel=1e-7)
    assert out["pmi"][0] == pytest.approx(math.log2(obs / exp))
    assert out["t_score"][0] == pytest.approx((obs - exp) / math.sqrt(obs))
    margins = [
        table.sum(axis=tuple(j for j in range(table.ndim) if j != i))[0] for i in range(table.ndim)
    ]
    assert out["dice"][0] == pytest.approx(table.ndim * obs / sum(margins))


def test_chi2_p1_is_chdtrc_value_for_value_with_repeats_and_nan():
    from scipy.special import chdtrc
    from scipy.stats import chi2

    rng = np.random.default_rng(7)
    # > 1024 values with many repeats (the path that evaluates each distinct value once)
    x = np.r_[rng.gamma(0.5, 4.0, 3000).round(2), 0.0, -0.0, np.nan, np.inf, 1e-300, 900.0]
    got = chi2_p1(x)
    assert np.array_equal(got, chdtrc(1, x), equal_nan=True)  # bit for bit
    np.testing.assert_allclose(got, chi2.sf(x, 1), rtol=1e-12)
    assert np.isnan(got[3002]) and got[3003] == 0.0 and got[3000] == got[3001] == 1.0
    small = x[:10]  # the direct path
    assert np.array_equal(chi2_p1(small), chdtrc(1, small))
