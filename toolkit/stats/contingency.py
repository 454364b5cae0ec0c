"""Tests of independence on contingency tables, vectorised over many tables at once.

One implementation for every measure that compares observed with expected
counts: :mod:`toolkit.measures.keyterms` (keyness: one 2 x 2 table per term,
target against reference) and :mod:`toolkit.measures.association`
(collocations and co-occurrence: one 2^n table per n-gram).

2 x 2 tables ``[[a, b], [c, d]]`` (arrays of equal length, one table per
element):

- :func:`chi2_stat`: Pearson's X^2, optionally with Yates' correction (every
  |O - E| reduced by min(0.5, |O - E|), as :func:`scipy.stats.chi2_contingency`);
- :func:`g2_stat`: the log-likelihood G2 = 2 sum O ln(O / E), 0 ln 0 = 0;
- :func:`williams_q`: Williams' (1976) correction factor for G2;
- :func:`chi2_p1`: the p-value of X^2 or G2 with one degree of freedom;
- :func:`fisher_p`: Fisher's exact two-sided p-value, as
  :func:`scipy.stats.fisher_exact` defines it.

2^n tables of n-gram positions: :func:`independence_measures` (G2, X^2, PMI,
t-score, Dice from the sub-n-gram counts).

Multiple tests: :func:`adjust_p` (Benjamini-Hochberg or Bonferroni).

Both families sum their G2 over cells with the one helper :func:`g2_from_cells`.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

__all__ = [
    "adjust_p",
    "chi2_p1",
    "chi2_stat",
    "fisher_p",
    "g2_from_cells",
    "g2_stat",
    "independence_measures",
    "williams_q",
]


def g2_from_cells(observed, expected) -> np.ndarray:
    """Log-likelihood G2 = 2 sum O ln(O / E) over the cells of each table (0 ln 0 = 0).

    Parameters
    ----------
    observed, expected : sequence of array-like
        One array per cell, each holding that cell's count in every table.

    Returns
    -------
    numpy.ndarray
        G2 of each table (not clipped at 0; NaN where an expected count is 0
        and the observed is not).

    Examples
    --------
    >>> float(g2_from_cells([[10.0], [0.0]], [[5.0], [5.0]])[0])  # 2 * 10 ln 2
    13.862943611198906
    """
    from scipy.special import xlogy

    cells = zip(observed, expected, strict=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2.0 * sum(xlogy(o, o / e) for o, e in ((np.asarray(o), e) for o, e in cells))


def _margins(a, b, c, d):
    n = a + b + c + d
    return n, a + b, c + d, a + c, b + d


def chi2_stat(a, b, c, d, yates: bool) -> np.ndarray:
    """Unsigned Pearson X^2 of each 2 x 2 table ``[[a, b], [c, d]]``.

    In a 2 x 2 table |O - E| is the same in all four cells, |ad - bc| / N, so
    X^2 = (|O - E| - y)^2 N^3 / (r1 r2 k1 k2) with y = min(0.5, |O - E|) under
    Yates' correction and 0 without.

    Parameters
    ----------
    a, b, c, d : array-like
        The four cells, one element per table.
    yates : bool
        Apply Yates' continuity correction.

    Returns
    -------
    numpy.ndarray
        X^2 of each table; NaN when a margin is zero.

    Examples
    --------
    >>> import numpy as np
    >>> x = chi2_stat(np.array([10.0]), np.array([5.0]), np.array([90.0]), np.array([195.0]), False)
    >>> round(float(x[0]), 6)
    7.894737
    """
    n, r1, r2, k1, k2 = _margins(a, b, c, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        dev = np.abs(a * d - b * c) / n  # |O - E|, the same in all four cells
        if yates:
            dev = np.maximum(dev - 0.5, 0.0)
        out = dev**2 * (n / r1) * (n / r2) * (n / k1) * (n / k2) / n
    return np.where((r1 > 0) & (r2 > 0) & (k1 > 0) & (k2 > 0), out, np.nan)


def g2_stat(a, b, c, d, yates: bool = False) -> np.ndarray:
    """Unsigned log-likelihood G2 of each 2 x 2 table ``[[a, b], [c, d]]``.

    Parameters
    ----------
    a, b, c, d : array-like
        The four cells, one element per table.
    yates : bool
        Move every observed count 0.5 towards its expected count first, as
        :func:`scipy.stats.chi2_contingency` does with ``correction=True``.

    Returns
    -------
    numpy.ndarray
        G2 of each table; NaN when a margin is zero.

    Examples
    --------
    >>> import numpy as np
    >>> g = g2_stat(np.array([10.0]), np.array([0.0]), np.array([0.0]), np.array([10.0]))
    >>> round(float(g[0]), 6)  # 4 cells: 2 * (10 ln 2 + 10 ln 2)
    27.725887
    """
    n, r1, r2, k1, k2 = _margins(a, b, c, d)
    obs = [a, b, c, d]
    with np.errstate(divide="ignore", invalid="ignore"):
        exp = [r1 * k1 / n, r1 * k2 / n, r2 * k1 / n, r2 * k2 / n]
        dev = np.abs(a * d - b * c) / n  # |O - E|, the same in all four cells
        if yates:  # scipy moves every observed count 0.5 towards its expectation
            obs = [o + np.sign(e - o) * 0.5 for o, e in zip(obs, exp, strict=True)]
        g = g2_from_cells(obs, exp)
    g = np.maximum(g, 0.0)  # rounding can leave -1e-13 for perfect independence
    if yates:
        # |O - E| <= 0.5: the corrected counts are the expected ones, so G2 is
        # exactly 0. Moving O by the difference in floating point instead left
        # a residue (2.6e-11 on [602840, 1, 11, 0]) that pulled p below 1.
        g = np.where(dev <= 0.5, 0.0, g)
    return np.where((r1 > 0) & (r2 > 0) & (k1 > 0) & (k2 > 0), g, np.nan)


def williams_q(a, b, c, d) -> np.ndarray:
    """Williams' (1976) correction factor for G2 of each 2 x 2 table.

    q = 1 + (N/r1 + N/r2 - 1)(N/k1 + N/k2 - 1) / (6N); divide G2 by q.

    Examples
    --------
    >>> import numpy as np
    >>> one = np.array([5.0])
    >>> float(williams_q(one, one, one, one)[0])  # 1 + 3 * 3 / 120
    1.075
    """
    n, r1, r2, k1, k2 = _margins(a, b, c, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 1.0 + (n / r1 + n / r2 - 1.0) * (n / k1 + n / k2 - 1.0) / (6.0 * n)


_GAMMA = 1e-14  # relative tolerance for "no more likely than observed", as in scipy


def _fisher_enumerate(a, n1, k, total, lo, width: int) -> np.ndarray:
    """Fisher p for tables whose support (possible values of ``a``) has <= ``width`` values.

    The whole distribution is built from the ratio of successive
    probabilities, P(x+1)/P(x) = (n1-x)(k-x) / ((x+1)(total-n1-k+x+1)),
    whose numerator minus denominator is computed exactly in integers before
    ``log1p``, so near-ties are resolved as precisely as scipy's own pmf.
    """
    x = lo[:, None] + np.arange(width)[None, :]
    hi = np.minimum(k, n1)
    valid = x <= hi[:, None]
    num = (n1[:, None] - x) * (k[:, None] - x)
    den = (x + 1) * (total[:, None] - n1[:, None] - k[:, None] + x + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        step = np.log1p((num - den).astype(float) / den)
    step = np.where(valid & (x < hi[:, None]), step, 0.0)
    logp = np.concatenate([np.zeros((len(a), 1)), np.cumsum(step, axis=1)[:, :-1]], axis=1)
    logp = np.where(valid, logp, -np.inf)
    obs = logp[np.arange(len(a)), a - lo]
    weight = np.exp(logp - logp.max(axis=1, keepdims=True))
    keep = logp <= obs[:, None] + _GAMMA
    # Rounding in the running sums can split exact ties (symmetric tables);
    # decide values within 1e-9 of the observed log-probability exactly.
    near = valid & (np.abs(logp - obs[:, None]) < 1e-9) & (x != a[:, None])
    for r, col in zip(*np.nonzero(near), strict=True):
        keep[r, col] = _exact_not_more_likely(
            int(x[r, col]), int(a[r]), int(n1[r]), int(k[r]), int(total[r])
        )
    return np.minimum((weight * keep).sum(axis=1) / weight.sum(axis=1), 1.0)


def _exact_not_more_likely(x: int, a: int, n1: int, k: int, total: int) -> bool:
    """P(x) <= P(a) * (1 + 1e-14), in exact rational arithmetic."""
    from fractions import Fraction

    ratio = Fraction(1)  # P(x) / P(a)
    lo_, hi_ = min(x, a), max(x, a)
    for y in range(lo_, hi_):
        step = Fraction((n1 - y) * (k - y), (y + 1) * (total - n1 - k + y + 1))
        ratio = ratio * step if x > a else ratio / step
    return ratio <= 1 + Fraction(1, 10**14)


def _fisher_search(a, n1, k, total, lo, hi) -> np.ndarray:
    """Fisher p for tables with a wide support: scipy's algorithm, run on all tables at once.

    The probability is unimodal, so the values on the far side of the mode
    that are no more likely than the observed one form a tail whose start is
    found by a vectorised binary search.
    """
    from scipy.stats import hypergeom

    mode = np.clip((k + 1) * (n1 + 1) // (total + 2), lo, hi)
    p_obs = hypergeom.pmf(a, total, n1, k)
    p_mode = hypergeom.pmf(mode, total, n1, k)
    thr = p_obs * (1.0 + _GAMMA)
    p = np.ones(len(a))
    with np.errstate(divide="ignore", invalid="ignore"):
        tie = np.abs(p_obs - p_mode) / np.maximum(p_obs, p_mode) <= _GAMMA
    for below in (True, False):
        i = np.flatnonzero(~tie & ((a < mode) if below else (a > mode)))
        if not len(i):
            continue
        # search the other side of the mode for the boundary of the tail
        if below:
            left, right = mode[i].copy(), hi[i] + 1  # first x >= mode with pmf <= thr
        else:
            left, right = lo[i] - 1, mode[i].copy()  # last x <= mode with pmf <= thr
        while True:
            active = np.flatnonzero(left < right)
            if not len(active):
                break
            mid = (left[active] + right[active] + (0 if below else 1)) // 2
            j = i[active]
            cond = hypergeom.pmf(mid, total[j], n1[j], k[j]) <= thr[j]
            if below:
                right[active] = np.where(cond, mid, right[active])
                left[active] = np.where(cond, left[active], mid + 1)
            else:
                left[active] = np.where(cond, mid, left[active])
                right[active] = np.where(cond, right[active], mid - 1)
        args = (total[i], n1[i], k[i])
        if below:
            tail = np.where(left <= hi[i], hypergeom.sf(left - 1, *args), 0.0)
            p[i] = hypergeom.cdf(a[i], *args) + tail
        else:
            tail = np.where(left >= lo[i], hypergeom.cdf(left, *args), 0.0)
            p[i] = hypergeom.sf(a[i] - 1, *args) + tail
    return np.minimum(p, 1.0)


def fisher_p(a, b, c, d, max_width: int = 2048) -> np.ndarray:
    """Two-sided Fisher exact p-value of each 2 x 2 table ``[[a, b], [c, d]]``, vectorised.

    With the margins fixed, ``a`` follows a hypergeometric distribution; the
    two-sided p-value is the total probability of all values of ``a`` no more
    likely than the observed one (relative tolerance 1e-14, as in
    :func:`scipy.stats.fisher_exact`). Tables whose support has at most
    ``max_width`` values (most terms of a vocabulary: those seen fewer than
    ``max_width`` times) enumerate their whole distribution; the others use
    scipy's binary-search algorithm, vectorised.

    Parameters
    ----------
    a, b, c, d : array-like of int
        The four cells, one element per table.
    max_width : int
        Largest support enumerated in full.

    Returns
    -------
    numpy.ndarray
        p of each table (1.0 when a margin is zero).

    Examples
    --------
    >>> round(float(fisher_p([3], [1], [1], [3])[0]), 6)  # (1 + 16 + 16 + 1) / 70
    0.485714
    """
    a, b, c, d = (np.asarray(x, dtype=np.int64) for x in (a, b, c, d))
    total = a + b + c + d
    n1 = a + b  # row total: the term
    k = a + c  # column total: the target
    lo = np.maximum(0, k - (total - n1))
    hi = np.minimum(k, n1)
    p = np.ones(len(a))
    degenerate = (n1 == 0) | (n1 == total) | (k == 0) | (k == total)
    width = hi - lo + 1
    small = ~degenerate & (width <= max_width)
    idx = np.flatnonzero(small)
    if len(idx):
        # bucket by width so that padding stays small; ~4M cells per chunk
        for w_lo, w_hi in ((0, 16), (16, 128), (128, 512), (512, max_width)):
            sel = idx[(width[idx] > w_lo) & (width[idx] <= w_hi)]
            rows = max(1, 4_000_000 // w_hi)
            for s in range(0, len(sel), rows):
                j = sel[s : s + rows]
                p[j] = _fisher_enumerate(a[j], n1[j], k[j], total[j], lo[j], int(width[j].max()))
    big = np.flatnonzero(~degenerate & ~small)
    if len(big):
        p[big] = _fisher_search(a[big], n1[big], k[big], total[big], lo[big], hi[big])
    return p


def chi2_p1(stat) -> np.ndarray:
    """Upper-tail p-value of the chi-squared distribution with 1 degree of freedom.

    The same numbers as ``scipy.special.chdtrc(1, stat)`` (what
    :func:`scipy.stats.chi2_contingency` reports for a 2 x 2 table), but
    evaluated once per distinct value: a vocabulary's tables repeat (the many
    terms seen once or twice share a handful of count pairs), and the
    incomplete gamma function is the slowest step of keyness otherwise.

    Parameters
    ----------
    stat : array-like of float
        X^2 or G2 values (NaN stays NaN).

    Returns
    -------
    numpy.ndarray

    Examples
    --------
    >>> chi2_p1([3.841458820694124, 0.0, 3.841458820694124]).round(6).tolist()
    [0.05, 1.0, 0.05]
    """
    from scipy.special import chdtrc

    x = np.asarray(stat, dtype=float)
    if x.size < 1024:  # sorting out the repeats costs more than it saves
        return chdtrc(1, x)
    uniq, inverse = np.unique(x, return_inverse=True)
    return chdtrc(1, uniq)[inverse.reshape(x.shape)]


def adjust_p(p: np.ndarray, method: str = "bh") -> np.ndarray:
    """Benjamini-Hochberg (``"bh"``) or Bonferroni (``"bonferroni"``) adjusted p-values.

    NaN p-values are left NaN and not counted as tests. ``None``/"none"
    returns ``p`` unchanged.

    Parameters
    ----------
    p : array-like of float
        Unadjusted p-values.
    method : {"bh", "bonferroni", "none"}
        Benjamini-Hochberg false discovery rate, Bonferroni family-wise
        error, or no adjustment.

    Returns
    -------
    numpy.ndarray
        Adjusted p-values, capped at 1.

    Examples
    --------
    >>> adjust_p([0.01, 0.04, 0.03]).round(3).tolist()  # 0.01*3/1; min(0.03*3/2, 0.04*3/3)
    [0.03, 0.04, 0.04]
    >>> adjust_p([0.01, 0.04, float("nan")], "bonferroni").tolist()
    [0.02, 0.08, nan]
    """
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return out
    key = (method or "none").lower()
    if key in ("none",):
        return p.copy()
    if key in ("bonferroni", "bonf"):
        out[ok] = np.minimum(p[ok] * m, 1.0)
        return out
    if key not in ("bh", "fdr_bh", "benjamini-hochberg", "fdr"):
        raise ValueError(f"p_adjust must be 'bh', 'bonferroni' or None, not {method!r}")
    vals = p[ok]
    order = np.argsort(vals, kind="stable")
    ranked = vals[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    adj = np.empty(m)
    adj[order] = np.minimum(ranked, 1.0)
    out[ok] = adj
    return out


def _independence_cells(
    sub_counts: dict[frozenset[int], np.ndarray], n_total: float, size: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(observed, expected) of each of the 2^size cells "slot i holds w_i or not"."""
    slots = range(size)
    full = frozenset(slots)
    n_rows = len(sub_counts[full])

    def count(s: frozenset[int]) -> np.ndarray:
        return np.full_like(sub_counts[full], n_total, dtype=float) if not s else sub_counts[s]

    probs = [np.asarray(sub_counts[frozenset([i])], dtype=float) / n_total for i in slots]
    cells = []
    for k in range(size + 1):
        for ones in combinations(slots, k):
            s = frozenset(ones)
            obs = np.zeros(n_rows)
            # Inclusion-exclusion: cells where exactly the slots in s match.
            for extra in range(size - k + 1):
                for more in combinations(sorted(full - s), extra):
                    obs = obs + (-1) ** extra * count(s | frozenset(more))
            exp = np.full(n_rows, float(n_total))
            for i in slots:
                exp = exp * (probs[i] if i in s else 1.0 - probs[i])
            cells.append((obs, exp))
    return cells


def independence_measures(
    sub_counts: dict[frozenset[int], np.ndarray], n_total: float, size: int
) -> dict[str, np.ndarray]:
    """Association measures of ``size``-word combinations from their sub-counts.

    The 2^size table "slot i holds w_i / something else" of every combination
    is recovered from the sub-counts by inclusion-exclusion; its expected
    counts are those of independence between the slots.

    Parameters
    ----------
    sub_counts : dict of frozenset to numpy.ndarray
        ``sub_counts[S]`` is, for every combination, the number of positions
        whose slots ``S`` hold the combination's words (``S`` = all slots: the
        combination's own count). Every non-empty subset of slots is needed.
    n_total : float
        Number of positions (n-grams) counted.
    size : int
        Number of slots (2 for bigrams).

    Returns
    -------
    dict of str to numpy.ndarray
        ``expected`` (count of the combination under independence), ``G2``
        and ``chi2`` (over all 2^size cells, signed negative when the
        combination is rarer than expected), ``pmi`` (log2 O/E), ``t_score``
        ((O - E) / sqrt(O)), ``dice`` (size O / sum f_i) and ``p`` (G2's
        chi-squared tail with 2^size - 1 - size degrees of freedom).

    Examples
    --------
    A bigram seen 10 times in 100 positions, its words 20 and 10 times in
    their slots (the 2 x 2 table [[10, 10], [0, 80]]):

    >>> import numpy as np
    >>> sub = {frozenset([0]): np.array([20]), frozenset([1]): np.array([10]),
    ...        frozenset([0, 1]): np.array([10])}
    >>> out = independence_measures(sub, 100, 2)
    >>> [round(float(out[k][0]), 4) for k in ("expected", "pmi", "chi2")]  # E = 20 * 10 / 100
    [2.0, 2.3219, 44.4444]
    """
    from scipy.special import chdtrc

    slots = range(size)
    full = frozenset(slots)
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = _independence_cells(sub_counts, n_total, size)
        chi2 = sum((obs - exp) ** 2 / exp for obs, exp in cells)
        g2 = g2_from_cells(*zip(*cells, strict=True))
        probs = [np.asarray(sub_counts[frozenset([i])], dtype=float) / n_total for i in slots]
        obs1 = np.asarray(sub_counts[full], dtype=float)
        exp1 = n_total * np.prod(probs, axis=0)
        sign = np.where(obs1 < exp1, -1.0, 1.0)
        g2 = np.maximum(g2, 0.0)
        dof = 2**size - 1 - size
        return {
            "expected": exp1,
            "G2": sign * g2,
            "chi2": sign * chi2,
            "pmi": np.log2(obs1 / exp1),
            "t_score": (obs1 - exp1) / np.sqrt(obs1),
            "dice": size * obs1 / sum(np.asarray(sub_counts[frozenset([i])]) for i in slots),
            "p": chdtrc(dof, g2),
        }
