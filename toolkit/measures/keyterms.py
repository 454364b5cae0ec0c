"""Keyness: which terms are over-used in a target group compared with a reference.

Every term gets a 2 x 2 table

==============  ===============  =================
count           target           reference
==============  ===============  =================
term            a                b
other terms     c = T - a        d = R - b
==============  ===============  =================

(``T``, ``R``: token totals of target and reference, ``N = T + R``) and,
computed for all terms at once with numpy/scipy ufuncs:

- **chi2**: Pearson's X^2 = N (ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d)); with
  Yates' correction every |O - E| is reduced by min(0.5, |O - E|), exactly as
  :func:`scipy.stats.chi2_contingency` does.
- **G2** (log-likelihood, Dunning 1993): 2 sum O ln(O / E), with 0 ln 0 = 0.
  Williams' (1976) correction divides it by
  q = 1 + (N/(a+b) + N/(c+d) - 1)(N/(a+c) + N/(b+d) - 1) / (6N).
- **exact**: Fisher's exact test, two-sided as scipy's ``fisher_exact``
  defines it (the sum of the hypergeometric probabilities of all tables with
  the same margins that are no more likely than the observed one). The
  statistic is the log of scipy's sample odds ratio, ln(ad / bc): signed,
  and +inf / -inf when the term is absent from the reference / target (no
  zero-cell adjustment is made because Haldane's +0.5 can flip the sign when
  the two totals differ a lot; use ``log_ratio`` for a finite effect size).
- **pmi**: log2(a / E11), E11 = (a+b)(a+c)/N; it has no p-value of its own,
  so ``p`` comes from the G2 test with Williams' correction.

chi2, G2 and the p-values of both use one degree of freedom. The statistic is
**signed**: positive when the term's relative frequency is higher in the
target (ad > bc), negative when it is higher in the reference.

Effect sizes, on every row whatever the statistic:

- **log_ratio** (Hardie 2014): log2((a/T) / (b/R)). A zero count is replaced
  by 0.5 before dividing (the adjustment Hardie suggests), so a term absent
  from one side gets a large but finite value. ``log_ratio_ci_low/high``: a
  normal-approximation interval for the log of a ratio of two Poisson rates,
  SE(ln RR) = sqrt(1/a + 1/b) with the same 0.5 adjustment, converted to log2.
- **pct_diff** (Gabrielatos & Marchi 2012): 100 (a/T - b/R) / (b/R), with 0.5
  in place of a zero reference count.
- **pmi** as above (-inf when a = 0).

Defaults follow quanteda's ``textstat_keyness`` documentation: ``chi2`` with
Yates' correction, ``lr`` (G2) with Williams' correction. quanteda's C++ code
differs from its documentation: its "default" for ``lr`` is a Yates-type
adjustment, its Yates adjustment is applied only when an expected count is
below 5, and Williams' correction is skipped when a cell is zero. Here each
correction is applied as its author defined it -- what scipy computes -- so
values can differ from quanteda's in those cases.

House style: :func:`keyness` folds spelling variants of one word before it
counts (``house_style=True``, the default; :mod:`toolkit.tokens.house_style`), so
that comparing two outlets does not rank their style sheets -- "Mr" against
"Mr.", "US" against "U.S.", a curly against a straight apostrophe -- above
what they write about. :func:`keyness_from_counts` takes counts as given.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from os import PathLike

import numpy as np
import pandas as pd

from toolkit._meta import STATUS_OK, attach_attrs, keyword_only, renamed
from toolkit.measures._contract import document_statuses
from toolkit.stats.groups import By, with_groups
from toolkit.tokens.house_style import fold_stream, fold_terms
from toolkit.tokens.streams import (
    check_filters,
    doc_term_matrix,
    token_stream,
)
from toolkit.tokens.tokenizer import Tokens

__all__ = ["keyness", "keyness_from_counts"]

_MEASURES = {
    "chi2": "chi2",
    "lr": "G2",
    "g2": "G2",
    "exact": "exact",
    "fisher": "exact",
    "pmi": "pmi",
}
_COLUMN = {"chi2": "chi2", "G2": "G2", "exact": "log_odds_ratio", "pmi": "pmi"}


# --------------------------------------------------------------------------
# Statistics on arrays of 2 x 2 tables
# --------------------------------------------------------------------------


def _margins(a, b, c, d):
    n = a + b + c + d
    return n, a + b, c + d, a + c, b + d


def chi2_stat(a, b, c, d, yates: bool) -> np.ndarray:
    """Unsigned Pearson X^2 of each table (NaN when a margin is zero)."""
    n, r1, r2, k1, k2 = _margins(a, b, c, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        dev = np.abs(a * d - b * c) / n  # |O - E|, the same in all four cells
        if yates:
            dev = np.maximum(dev - 0.5, 0.0)
        out = dev**2 * (n / r1) * (n / r2) * (n / k1) * (n / k2) / n
    return np.where((r1 > 0) & (r2 > 0) & (k1 > 0) & (k2 > 0), out, np.nan)


def g2_stat(a, b, c, d, yates: bool = False) -> np.ndarray:
    """Unsigned log-likelihood G2 of each table (NaN when a margin is zero)."""
    from scipy.special import xlogy

    n, r1, r2, k1, k2 = _margins(a, b, c, d)
    obs = [a, b, c, d]
    with np.errstate(divide="ignore", invalid="ignore"):
        exp = [r1 * k1 / n, r1 * k2 / n, r2 * k1 / n, r2 * k2 / n]
        dev = np.abs(a * d - b * c) / n  # |O - E|, the same in all four cells
        if yates:  # scipy moves every observed count 0.5 towards its expectation
            obs = [o + np.sign(e - o) * 0.5 for o, e in zip(obs, exp, strict=True)]
        g = 2.0 * sum(xlogy(o, o / e) for o, e in zip(obs, exp, strict=True))
    g = np.maximum(g, 0.0)  # rounding can leave -1e-13 for perfect independence
    if yates:
        # |O - E| <= 0.5: the corrected counts are the expected ones, so G2 is
        # exactly 0. Moving O by the difference in floating point instead left
        # a residue (2.6e-11 on [602840, 1, 11, 0]) that pulled p below 1.
        g = np.where(dev <= 0.5, 0.0, g)
    return np.where((r1 > 0) & (r2 > 0) & (k1 > 0) & (k2 > 0), g, np.nan)


def williams_q(a, b, c, d) -> np.ndarray:
    """Williams' (1976) correction factor for a 2 x 2 table."""
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


def adjust_p(p: np.ndarray, method: str = "bh") -> np.ndarray:
    """Benjamini-Hochberg (``"bh"``) or Bonferroni (``"bonferroni"``) adjusted p-values.

    NaN p-values are left NaN and not counted as tests. ``None``/"none"
    returns ``p`` unchanged.
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


def _measure_name(measure: str) -> str:
    key = _MEASURES.get(str(measure).lower())
    if key is None:
        raise ValueError(
            f"method must be one of 'chi2', 'lr' (or 'G2'), 'exact' (or 'fisher'), 'pmi'; "
            f"got {measure!r}"
        )
    return key


def _corrections(measure: str, correction: str) -> tuple[bool, bool]:
    """(yates, williams) for a measure and quanteda-style ``correction``."""
    corr = (correction or "none").lower()
    if corr not in ("default", "yates", "williams", "none"):
        raise ValueError("correction must be 'default', 'yates', 'williams' or 'none'")
    if measure in ("exact", "pmi"):
        if corr not in ("default", "none"):
            raise ValueError(f"correction={correction!r} does not apply to measure {measure!r}")
        return False, False
    if corr == "default":
        return measure == "chi2", measure == "G2"
    return corr == "yates", corr == "williams"


@renamed(measure="method")
@keyword_only("target_total", "reference_total")
def keyness_from_counts(
    term: Sequence[Hashable],
    target_count: Sequence[int],
    reference_count: Sequence[int],
    *,
    target_total: int | None = None,
    reference_total: int | None = None,
    method: str = "chi2",
    correction: str = "default",
    p_adjust: str | None = "bh",
    min_count: int = 1,
    ci: float = 0.95,
    sort: bool = True,
) -> pd.DataFrame:
    """Keyness statistics from term counts you already have.

    :func:`keyness` counts the tokens and calls this; call it directly with
    counts from another tool or a published frequency list.

    Parameters
    ----------
    term : sequence
        Term labels, one per row.
    target_count, reference_count : sequence of int
        Occurrences of each term in the target and in the reference.
    target_total, reference_total : int, optional
        Token totals; the column sums by default. Pass the true corpus size
        when the lists are truncated (e.g. a top-10,000 frequency list).
    method : {"chi2", "lr", "exact", "pmi"}, default "chi2"
        The signed statistic (see the module docstring). ``"G2"`` is an alias
        of ``"lr"``, ``"fisher"`` of ``"exact"`` (before 0.4: ``measure=``).
    correction : {"default", "yates", "williams", "none"}, default "default"
        ``"default"`` is Yates for chi2 and Williams for G2, as in quanteda.
    p_adjust : {"bh", "bonferroni", None}, default "bh"
        Multiple-comparison adjustment over the rows returned.
    min_count : int, default 1
        Keep terms with ``target_count + reference_count >= min_count``.
    ci : float, default 0.95
        Confidence level of the log-ratio interval.
    sort : bool, default True
        Sort by the statistic, descending (ties by term), so the top rows are
        key in the target and the bottom rows key in the reference.

    Returns
    -------
    DataFrame
        ``term, target_count, reference_count, target_total, reference_total,
        target_per_10k, reference_per_10k, <statistic>, p, p_adj, log_ratio,
        log_ratio_ci_low, log_ratio_ci_high, pct_diff, pmi``; the statistic
        column is ``chi2``, ``G2``, ``log_odds_ratio`` or ``pmi``.

    Examples
    --------
    >>> out = keyness_from_counts(
    ...     ["dokdo", "talks"], [30, 10], [2, 10], target_total=1000, reference_total=1000
    ... )
    >>> out[["term", "chi2"]].round(2).values.tolist()
    [['dokdo', 23.15], ['talks', 0.0]]
    >>> out["log_ratio"].round(3).tolist()
    [3.907, 0.0]
    """
    name = _measure_name(method)
    yates, williams = _corrections(name, correction)
    terms = pd.Series(list(term), dtype=object)
    a = np.asarray(target_count, dtype=np.int64)
    b = np.asarray(reference_count, dtype=np.int64)
    if not (len(terms) == len(a) == len(b)):
        raise ValueError("term, target_count and reference_count must have the same length")
    if (a < 0).any() or (b < 0).any():
        raise ValueError("counts must be non-negative")
    t_total = int(a.sum()) if target_total is None else int(target_total)
    r_total = int(b.sum()) if reference_total is None else int(reference_total)
    if t_total <= 0:
        raise ValueError("the target has no tokens")
    if r_total <= 0:
        raise ValueError("the reference has no tokens")
    if a.sum() > t_total or b.sum() > r_total:
        raise ValueError("a total is smaller than the sum of its counts")
    keep = (a + b) >= min_count
    terms, a, b = terms[keep].reset_index(drop=True), a[keep], b[keep]
    af, bf = a.astype(float), b.astype(float)
    cf, df = t_total - af, r_total - bf
    sign = np.where(af * df - bf * cf < 0, -1.0, 1.0)

    from scipy.special import chdtrc, ndtri

    with np.errstate(divide="ignore", invalid="ignore"):
        a_adj, b_adj = np.where(a == 0, 0.5, af), np.where(b == 0, 0.5, bf)
        ln_rr = np.log(a_adj / t_total) - np.log(b_adj / r_total)
        se = np.sqrt(1.0 / a_adj + 1.0 / b_adj)
        z = ndtri(0.5 + ci / 2.0)
        e11 = (af + bf) * (af + cf) / (af + bf + cf + df)
        pmi = np.log2(af / e11)
        pct = 100.0 * (af / t_total - b_adj / r_total) / (b_adj / r_total)
        if name in ("chi2", "G2"):
            stat = (chi2_stat if name == "chi2" else g2_stat)(af, bf, cf, df, yates)
            if williams:
                stat = stat / williams_q(af, bf, cf, df)
            p = chdtrc(1, stat)
            stat = np.where(stat == 0, 0.0, sign * stat)  # no -0.0 in tables
        elif name == "exact":
            stat = np.log(af) + np.log(df) - np.log(bf) - np.log(cf)
            p = fisher_p(a, b, cf.astype(np.int64), df.astype(np.int64))
        else:  # PMI, tested with Williams-corrected G2
            stat = pmi
            p = chdtrc(1, g2_stat(af, bf, cf, df) / williams_q(af, bf, cf, df))
    out = pd.DataFrame(
        {
            "term": terms,
            "target_count": a,
            "reference_count": b,
            "target_total": np.full(len(a), t_total, dtype=np.int64),
            "reference_total": np.full(len(a), r_total, dtype=np.int64),
            "target_per_10k": 1e4 * af / t_total,
            "reference_per_10k": 1e4 * bf / r_total,
            _COLUMN[name]: stat,
            "p": p,
            "p_adj": adjust_p(p, p_adjust),
            "log_ratio": ln_rr / np.log(2),
            "log_ratio_ci_low": (ln_rr - z * se) / np.log(2),
            "log_ratio_ci_high": (ln_rr + z * se) / np.log(2),
            "pct_diff": pct,
            "pmi": pmi,
        }
    )
    if sort:
        col = _COLUMN[name]
        key = out[col].fillna(-np.inf)
        order = np.lexsort((out["term"].astype(str).to_numpy(), -key.to_numpy()))
        out = out.iloc[order].reset_index(drop=True)
    params = {
        "method": name,
        "correction": correction,
        "yates": yates,
        "williams": williams,
        "p_adjust": p_adjust,
        "min_count": min_count,
        "ci": ci,
        "target_total": t_total,
        "reference_total": r_total,
    }
    out = attach_attrs(out, "keyness", params)
    out.attrs["statistic"] = _COLUMN[name]
    return out


# --------------------------------------------------------------------------
# From a corpus
# --------------------------------------------------------------------------


def _match_groups(corpus: pd.DataFrame, cols: list[str], values: object, what: str) -> np.ndarray:
    """Boolean mask of documents whose grouping value(s) equal ``values``."""
    wanted = values if isinstance(values, (list, set, frozenset)) else [values]
    frame = corpus[cols]
    mask = np.zeros(len(corpus), dtype=bool)
    for v in wanted:
        vals = v if isinstance(v, tuple) else (v,)
        if len(vals) != len(cols):
            raise ValueError(f"{what} {v!r} needs one value per column of by={cols}")
        hit = np.ones(len(corpus), dtype=bool)
        for c, x in zip(cols, vals, strict=True):
            col = frame[c]
            hit &= (col.isna() if pd.isna(x) else (col == x)).to_numpy(dtype=bool)
        mask |= hit
    return mask


def _reference_list(
    reference: Mapping[str, int] | pd.Series | pd.DataFrame,
    lower: bool,
    house_style: bool | str | PathLike | pd.DataFrame = False,
) -> pd.Series:
    if isinstance(reference, pd.DataFrame):
        tcol = "term" if "term" in reference else reference.columns[0]
        ccol = "count" if "count" in reference else reference.columns[1]
        ser = pd.Series(reference[ccol].to_numpy(), index=reference[tcol].astype(str))
    elif isinstance(reference, pd.Series):
        ser = reference.copy()
        ser.index = ser.index.astype(str)
    else:
        ser = pd.Series(dict(reference))
    if house_style is not False and house_style is not None:
        ser.index = pd.Index(fold_terms(list(ser.index), house_style))
    if lower:
        ser.index = ser.index.str.lower()
    ser = ser.astype(np.int64)
    return ser.groupby(level=0, sort=True).sum()


@renamed(measure="method")
def keyness(
    data: pd.DataFrame | Tokens,
    target: object,
    *,
    by: By = None,
    reference: object = None,
    reference_total: int | None = None,
    method: str = "chi2",
    correction: str = "default",
    p_adjust: str | None = "bh",
    min_count: int = 1,
    ci: float = 0.95,
    sort: bool = True,
    house_style: bool | str | PathLike | pd.DataFrame = True,
    **filters: object,
) -> pd.DataFrame:
    """Terms that are key in a target group compared with a reference.

    Parameters
    ----------
    data : DataFrame or Tokens
        A corpus or its tokens (:func:`toolkit.tokenize`).
    target : value, list of values, boolean mask or list of doc_ids
        With ``by``: the group value(s) forming the target (a tuple per value
        when ``by`` is a list). Without ``by``: a boolean array aligned with
        the corpus rows, or a collection of ``doc_id`` values.
    by : column name(s), or Series keyed by doc_id, optional
        Corpus column(s) defining the groups, e.g. ``"country"``.
    reference : None, value(s), or frequency list
        ``None`` (default): every document not in the target. A group value
        (or list of values) of ``by``: those documents. A mapping / Series
        ``term -> count`` or a DataFrame with ``term`` and ``count`` columns
        (e.g. :func:`toolkit.measures.frequency.frequencies` output): a reference
        frequency list from elsewhere; its terms are lower-cased when
        ``lower=True`` (the default filter).
    reference_total : int, optional
        Token total of a reference frequency list (default: its sum).
    method, correction, p_adjust, min_count, ci, sort
        As in :func:`keyness_from_counts`.
    house_style : bool, path or DataFrame, default True
        Fold house-style variants before counting, so that two outlets'
        style sheets do not come out as keywords: "Mr." counts as "Mr",
        "U.S."/"US" (upper case) as "U.S.", a curly "’s" as "'s", "defence"
        as "defense" (:mod:`toolkit.tokens.house_style`). ``True`` uses the bundled,
        editable table ``toolkit/data/house_style.tsv``; pass a path or a
        DataFrame of the same shape for your own, ``False`` to count the
        tokens as written. The variants actually folded are listed in
        ``attrs["house_style_folded"]``.
    **filters
        Token filters (``lower``, ``drop_punct``, ``drop_numbers``,
        ``stopwords``, ``min_length``, ``stem``) as in
        :meth:`toolkit.tokens.tokenizer.Tokens.sentence_tokens`.

    Returns
    -------
    DataFrame
        One row per term; see :func:`keyness_from_counts`. ``attrs`` record
        the target, the reference, the number of documents on each side and
        the parameters.

    Raises
    ------
    ValueError
        When the target or the reference has no documents or no tokens.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({  # constructed example sentences
    ...     "text": ["Dokdo is ours. Dokdo!", "Talks resumed.", "Takeshima talks resumed."],
    ...     "country": ["KR", "JP", "JP"]})
    >>> out = keyness(corpus, "KR", by="country", method="lr")
    >>> out[["term", "target_count", "reference_count"]].head(2).values.tolist()
    [['dokdo', 2, 0], ['is', 1, 0]]
    """
    check_filters(filters)
    name = _measure_name(method)
    stream = token_stream(data, **filters)
    folded: dict[str, str] = {}
    if house_style is not False and house_style is not None:
        stream, folded = fold_stream(stream, filters, house_style)
    corpus, cols = with_groups(stream.tokens.corpus, by)
    if cols:
        t_mask = _match_groups(corpus, cols, target, "target")
        t_label = target
    else:
        arr = np.asarray(target) if not isinstance(target, (set, frozenset)) else None
        if arr is not None and arr.dtype == bool:
            if len(arr) != len(corpus):
                raise ValueError("a boolean target must have one entry per corpus row")
            t_mask = arr.copy()
        elif isinstance(target, Iterable) and not isinstance(target, str):
            ids = set(target)
            missing = ids - set(stream.doc_ids)
            if missing:
                raise ValueError(f"target doc_ids not in the corpus: {sorted(missing)[:5]}")
            t_mask = np.isin(stream.doc_ids, list(ids))
        else:
            raise ValueError("without by=, target must be a boolean mask or a list of doc_ids")
        t_label = "target"
    if not t_mask.any():
        avail = sorted(map(str, corpus[cols[0]].dropna().unique())) if cols else []
        raise ValueError(
            f"target {t_label!r} has no documents"
            + (f"; values of {cols[0]!r}: {avail}" if cols else "")
        )
    mat = doc_term_matrix(stream)
    a = np.asarray(mat[t_mask].sum(axis=0)).ravel()
    t_total = int(a.sum())
    if t_total == 0:
        raise ValueError(f"target {t_label!r} has no tokens")
    is_list = isinstance(reference, (Mapping, pd.Series, pd.DataFrame))
    if is_list:
        ref = _reference_list(reference, bool(filters.get("lower", True)), house_style)
        vocab = np.union1d(stream.vocab.astype(str), ref.index.to_numpy(dtype=str))
        a_ser = pd.Series(a, index=stream.vocab.astype(str)).reindex(vocab, fill_value=0)
        b_ser = ref.reindex(vocab, fill_value=0)
        terms, a, b = vocab, a_ser.to_numpy(), b_ser.to_numpy()
        r_total = int(ref.sum()) if reference_total is None else int(reference_total)
        r_label, n_ref_docs = "reference list", None
        seen = (a + b) > 0
        terms, a, b = terms[seen], a[seen], b[seen]
    else:
        if reference is None:
            r_mask = ~t_mask
            r_label = "rest"
        elif cols:
            r_mask = _match_groups(corpus, cols, reference, "reference") & ~t_mask
            r_label = reference
        else:
            if isinstance(reference, str) or not isinstance(reference, Iterable):
                raise ValueError(
                    "without by=, reference must be None, a list of doc_ids or a frequency list"
                )
            r_mask = np.isin(stream.doc_ids, list(reference)) & ~t_mask
            r_label = "reference"
        if not r_mask.any():
            raise ValueError(f"reference {r_label!r} has no documents")
        b = np.asarray(mat[r_mask].sum(axis=0)).ravel()
        r_total = int(b.sum())
        if r_total == 0:
            raise ValueError(f"reference {r_label!r} has no tokens")
        seen = (a + b) > 0
        terms, a, b = stream.vocab[seen], a[seen], b[seen]
        n_ref_docs = int(r_mask.sum())
    out = keyness_from_counts(
        terms,
        a,
        b,
        target_total=t_total,
        reference_total=r_total,
        method=name,
        correction=correction,
        p_adjust=p_adjust,
        min_count=min_count,
        ci=ci,
        sort=sort,
    )
    out.attrs["params"].update(
        {
            "target": t_label,
            "reference": r_label,
            "by": cols,
            "filters": dict(filters),
            "house_style": house_style if isinstance(house_style, bool) else "custom table",
        }
    )
    out.attrs["house_style_folded"] = folded
    out.attrs["n_target_docs"] = int(t_mask.sum())
    out.attrs["n_reference_docs"] = n_ref_docs
    statuses = document_statuses(stream.tokens.corpus)
    out.attrs["n_docs"] = len(statuses)
    out.attrs["n_unmeasured"] = sum(st != STATUS_OK for st in statuses.values())
    return out
