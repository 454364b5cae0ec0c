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
from toolkit.stats.contingency import adjust_p, chi2_p1, chi2_stat, fisher_p, g2_stat, williams_q
from toolkit.stats.groups import By, with_groups
from toolkit.tokens.house_style import fold_stream, fold_terms
from toolkit.tokens.streams import (
    check_filters,
    group_term_counts,
    term_counts,
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
    return _counts_table(
        term,
        target_count,
        reference_count,
        target_total=target_total,
        reference_total=reference_total,
        method=method,
        correction=correction,
        p_adjust=p_adjust,
        min_count=min_count,
        ci=ci,
        sort=sort,
    )


def _counts_table(
    term: Sequence[Hashable],
    target_count: Sequence[int],
    reference_count: Sequence[int],
    *,
    target_total: int | None,
    reference_total: int | None,
    method: str,
    correction: str,
    p_adjust: str | None,
    min_count: int,
    ci: float,
    sort: bool,
    sorted_terms: bool = False,
) -> pd.DataFrame:
    """:func:`keyness_from_counts`; ``sorted_terms=True`` promises that ``term``
    is strictly increasing text (a stream's vocabulary), so that ties of the
    statistic are broken by position instead of by comparing the strings again.
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

    from scipy.special import ndtri

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
            p = chi2_p1(stat)
            stat = np.where(stat == 0, 0.0, sign * stat)  # no -0.0 in tables
        elif name == "exact":
            stat = np.log(af) + np.log(df) - np.log(bf) - np.log(cf)
            p = fisher_p(a, b, cf.astype(np.int64), df.astype(np.int64))
        else:  # PMI, tested with Williams-corrected G2
            stat = pmi
            p = chi2_p1(g2_stat(af, bf, cf, df) / williams_q(af, bf, cf, df))
    columns = {
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
    term_values = terms.to_numpy(dtype=object)
    if sort:  # sort the arrays, then build the table once
        key = np.where(np.isnan(stat), -np.inf, stat)
        tie = np.arange(len(a)) if sorted_terms else terms.astype(str).to_numpy()
        order = np.lexsort((tie, -key))
        term_values = term_values[order]
        columns = {k: v[order] for k, v in columns.items()}
    out = pd.DataFrame({"term": pd.Series(term_values, dtype=object), **columns})
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
    if reference is None:  # target and the rest of the corpus: both counts in one pass
        a, b_rest = group_term_counts(stream, np.where(t_mask, 0, 1), 2)
    else:
        a, b_rest = term_counts(stream, t_mask), None
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
        b = term_counts(stream, r_mask) if b_rest is None else b_rest
        r_total = int(b.sum())
        if r_total == 0:
            raise ValueError(f"reference {r_label!r} has no tokens")
        seen = (a + b) > 0
        terms, a, b = stream.vocab[seen], a[seen], b[seen]
        n_ref_docs = int(r_mask.sum())
    out = _counts_table(
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
        sorted_terms=True,  # a stream's vocabulary, or np.union1d's: sorted, distinct
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
