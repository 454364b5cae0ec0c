"""Collocations (adjacent n-grams) and window co-occurrence around a node word.

Both measure how much more often words occur together than independence
predicts. For an n-gram w1 ... wn the counts are taken over all n-gram
*positions* within sentences (Evert 2005): ``N`` n-grams, ``f_i`` of which
have w_i in slot i, ``O`` of which are exactly w1 ... wn. Under independence
the expected count is ``E = N * prod(f_i / N)``. From the full 2^n table of
"slot i holds w_i / holds something else" (cells recovered from the sub-n-gram
counts by inclusion-exclusion) we report

- ``pmi`` = log2(O / E) (Church & Hanks 1990);
- ``G2`` = 2 sum O ln(O / E) over all 2^n cells (Dunning 1993), signed
  positive when O > E; ``p`` is its chi-squared tail with 2^n - 1 - n degrees
  of freedom (1 for bigrams, 4 for trigrams); ``p_adj`` is Benjamini-Hochberg;
- ``chi2`` = sum (O - E)^2 / E over the same cells, signed like G2 (for bigrams
  this is Pearson's X^2 of the 2 x 2 table, without Yates' correction);
- ``t_score`` = (O - E) / sqrt(O) (Church et al. 1991);
- ``dice`` = n O / sum f_i (Dice 1945; for bigrams 2 O / (f1 + f2)).

For bigrams this is the usual 2 x 2 contingency table, and the numbers equal
:func:`scipy.stats.chi2_contingency` (``correction=False``, and
``lambda_="log-likelihood"`` for G2).

N-grams never cross a sentence boundary, and an n-gram that contains a token
removed by the filters (punctuation by default; stopwords if asked) is not
counted: removed tokens leave a gap rather than joining their neighbours, so
"rights of women" with ``stopwords=True`` does not produce "rights women".

:func:`cooccurrence` uses the same measures on the 2 x 2 table of "token is
within ``window`` tokens of a node occurrence" by "token is the collocate".
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import numpy as np
import pandas as pd

from toolkit._meta import renamed
from toolkit.measures._contract import finish
from toolkit.stats.contingency import adjust_p, independence_measures
from toolkit.tokens.streams import (
    check_filters,
    compile_patterns,
    find_matches,
    token_stream,
)
from toolkit.tokens.tokenizer import Tokens

__all__ = ["collocations", "cooccurrence"]

_MEASURE_COLUMNS = ["G2", "chi2", "pmi", "t_score", "dice"]


def _dense_ids(cols: list[np.ndarray], base: int) -> np.ndarray:
    """Ids of the rows of ``cols``, one per distinct tuple, numbered in order of first
    appearance (hash-based, so no sort; overflow-safe because ids stay dense)."""
    ids = cols[0]
    for col in cols[1:]:
        ids = pd.factorize(ids * base + col)[0].astype(np.int64)
    return ids


def _ngram_table(stream, size: int, min_count: int) -> pd.DataFrame:
    term, sent = stream.term, stream.sent
    n = len(term) - size + 1
    if n <= 0:
        return pd.DataFrame()
    cols = [term[i : i + n] for i in range(size)]
    valid = sent[:n] == sent[size - 1 : size - 1 + n]
    for col in cols:
        valid &= col >= 0
    cols = [c[valid] for c in cols]
    n_total = int(valid.sum())
    if n_total == 0:
        return pd.DataFrame()
    base = max(len(stream.vocab), 1)
    ids = _dense_ids(cols, base)
    counts = np.bincount(ids)
    # first position of each n-gram type (ids are numbered by first appearance)
    rep = np.flatnonzero(np.r_[True, ids[1:] > np.maximum.accumulate(ids)[:-1]])
    types = np.flatnonzero(counts >= min_count)
    pos = rep[types]
    sub: dict[frozenset[int], np.ndarray] = {frozenset(range(size)): counts[types]}
    for k in range(1, size):
        for s in combinations(range(size), k):
            sid = _dense_ids([cols[i] for i in s], base)
            sub[frozenset(s)] = np.bincount(sid)[sid[pos]]
    stats = independence_measures(sub, n_total, size)
    words = [stream.vocab[c[pos]] for c in cols]
    label = words[0].astype(object)
    for w in words[1:]:
        label = label + " " + w.astype(object)
    out = pd.DataFrame({"collocation": label, "size": size, "count": counts[types]})
    for i in range(size):
        out[f"count_w{i + 1}"] = sub[frozenset([i])]
    out["n_positions"] = n_total
    for key, val in stats.items():
        out[key] = val
    return out


def _finish(out: pd.DataFrame, sort: str, p_adjust: str | None, key: str) -> pd.DataFrame:
    out["p_adj"] = adjust_p(out["p"].to_numpy(), p_adjust)
    return _sorted(out, sort, key)


def _sorted(out: pd.DataFrame, sort: str, key: str) -> pd.DataFrame:
    """Rows by ``sort`` descending (NaN last), ties by ``key``."""
    if sort not in out.columns:
        raise ValueError(f"sort_by must be one of {_MEASURE_COLUMNS + ['count']}, not {sort!r}")
    order = np.lexsort(
        (out[key].astype(str).to_numpy(), -out[sort].astype(float).fillna(-np.inf).to_numpy())
    )
    return out.iloc[order].reset_index(drop=True)


@renamed(sort="sort_by")
def collocations(
    data: pd.DataFrame | Tokens,
    *,
    size: int | Iterable[int] = 2,
    min_count: int = 2,
    sort_by: str = "G2",
    p_adjust: str | None = "bh",
    **filters: object,
) -> pd.DataFrame:
    """Adjacent word pairs or triples that occur together more than by chance.

    Parameters
    ----------
    data : DataFrame or Tokens
    size : int or iterable of int, default 2
        2 for bigrams, 3 for trigrams, ``(2, 3)`` for both.
    min_count : int, default 2
        Keep n-grams seen at least this often (quanteda's default).
    sort_by : str, default "G2"
        Column to sort by, descending: ``"G2"``, ``"chi2"``, ``"pmi"``,
        ``"t_score"``, ``"dice"`` or ``"count"`` (before 0.4: ``sort=``).
    p_adjust : {"bh", "bonferroni", None}, default "bh"
        Adjustment of ``p`` over the rows returned (per size).
    **filters
        Token filters as in :meth:`toolkit.tokens.tokenizer.Tokens.sentence_tokens`.

    Returns
    -------
    DataFrame
        One row per n-gram: ``collocation`` (words joined by a space;
        multi-word tokens keep their ``_``), ``size``, ``count``,
        ``count_w1`` ... (how many n-gram positions have that word in that
        slot), ``n_positions`` (N), ``expected``, ``G2``, ``chi2``, ``pmi``,
        ``t_score``, ``dice``, ``p``, ``p_adj``. See the module docstring for
        the formulas.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"text": [  # constructed example
    ...     "Seoul protested the naval review. Tokyo skipped the naval review.",
    ...     "Officials said the review was over."]})
    >>> out = collocations(corpus, min_count=2)
    >>> out[["collocation", "count"]].values.tolist()
    [['naval review', 2], ['the naval', 2]]
    """
    check_filters(filters)
    sizes = [size] if isinstance(size, int) else sorted(set(size))
    if not sizes or any(s not in (2, 3) for s in sizes):
        raise ValueError("size must be 2 or 3 (or a list of both)")
    stream = token_stream(data, **filters)
    parts = []
    for s in sizes:
        tab = _ngram_table(stream, s, min_count)
        if len(tab):
            tab["p_adj"] = adjust_p(tab["p"].to_numpy(), p_adjust)
            parts.append(tab)
    cols = [
        "collocation",
        "size",
        "count",
        "n_positions",
        "expected",
        *_MEASURE_COLUMNS,
        "p",
        "p_adj",
    ]
    if parts:
        out = pd.concat(parts, ignore_index=True)
    else:
        out = pd.DataFrame(
            {c: pd.Series(dtype=object if c == "collocation" else float) for c in cols}
        )
    out = _sorted(out, sort_by, "collocation")
    word_cols = [c for c in out.columns if c.startswith("count_w")]
    out = out[[*cols[:3], *word_cols, *cols[3:]]]
    params = {
        "size": sizes,
        "min_count": min_count,
        "sort_by": sort_by,
        "p_adjust": p_adjust,
        "filters": dict(filters),
    }
    return finish(out, "collocations", params, stream.tokens, per_document=False)


@renamed(sort="sort_by")
def cooccurrence(
    data: pd.DataFrame | Tokens,
    pattern: str | Iterable[str],
    *,
    window: int = 5,
    min_count: int = 2,
    match: str = "glob",
    case_sensitive: bool = False,
    sort_by: str = "G2",
    p_adjust: str | None = "bh",
    **filters: object,
) -> pd.DataFrame:
    """Words that occur within ``window`` tokens of a node word or phrase.

    The node is every match of ``pattern`` (see :func:`toolkit.measures.concordance.kwic`
    for the pattern rules: ``"Dokdo"``, ``"comfort wom*"``, ``"North Korea"``
    which also matches the joined token ``North_Korea``; several patterns
    form one node). For each term the 2 x 2 table is: ``count`` = tokens of
    the term inside the window span; ``window_tokens`` = all tokens inside
    the span (overlapping windows counted once); ``term_count`` = the term's
    tokens anywhere; ``n_tokens`` = all tokens. Node tokens themselves are
    left out of every count. Windows stay inside the sentence and count the
    tokens that survive the filters (with ``stopwords=True``, "Dokdo and the
    islets" puts "islets" one token from "Dokdo").

    Parameters
    ----------
    data : DataFrame or Tokens
    pattern : str or iterable of str
    window : int, default 5
        Tokens on each side.
    min_count : int, default 2
        Keep collocates seen at least this often inside the windows.
    match : {"glob", "regex", "fixed"}, default "glob"
    case_sensitive : bool, default False
    sort_by : str, default "G2"
        Column to sort by, as in :func:`collocations`.
    p_adjust : {"bh", "bonferroni", None}, default "bh"
    **filters
        Token filters for the collocates (as in :func:`collocations`).

    Returns
    -------
    DataFrame
        ``node, term, count, window_tokens, term_count, n_tokens, expected,
        G2, chi2, pmi, t_score, dice, p, p_adj`` (measures as for bigrams in
        :func:`collocations`). ``attrs["n_nodes"]`` is the number of node matches.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"text": [  # constructed example
    ...     "Seoul says Dokdo islets belong to Korea. Tokyo disputes this.",
    ...     "The Dokdo islets are small. Tokyo calls them Takeshima."]})
    >>> out = cooccurrence(corpus, "Dokdo", window=2, min_count=2)
    >>> out[["term", "count", "term_count"]].values.tolist()
    [['islets', 2, 2]]
    """
    check_filters(filters)
    if int(window) < 1:
        raise ValueError("window must be at least 1")
    pats = compile_patterns(pattern, match, case_sensitive)
    node_label = " | ".join(p.text for p in pats)
    stream = token_stream(data, **filters)
    hits = find_matches(stream, pats)
    kept = stream.term >= 0
    ckept = np.concatenate([[0], np.cumsum(kept)])
    n_kept = int(ckept[-1])
    ct = stream.term[kept]
    is_node = np.zeros(n_kept + 1, dtype=np.int64)
    in_win = np.zeros(n_kept + 1, dtype=np.int64)
    if len(hits):
        lo = ckept[hits["start"].to_numpy()]
        hi = ckept[hits["end"].to_numpy()]
        # compact bounds of each hit's sentence
        sent_rows = hits["sent"].to_numpy()
        first = np.searchsorted(stream.sent, sent_rows, side="left")
        last = np.searchsorted(stream.sent, sent_rows, side="right")
        s_lo, s_hi = ckept[first], ckept[last]
        np.add.at(is_node, lo, 1)
        np.add.at(is_node, hi, -1)
        for a, b in ((np.maximum(lo - window, s_lo), lo), (hi, np.minimum(hi + window, s_hi))):
            np.add.at(in_win, a, 1)
            np.add.at(in_win, b, -1)
    node_mask = np.cumsum(is_node)[:n_kept] > 0
    win_mask = (np.cumsum(in_win)[:n_kept] > 0) & ~node_mask
    v = len(stream.vocab)
    a = np.bincount(ct[win_mask], minlength=v)
    f = np.bincount(ct[~node_mask], minlength=v)
    w_total = int(win_mask.sum())
    n_total = int((~node_mask).sum())
    terms = np.flatnonzero(a >= max(min_count, 1))
    sub = {
        frozenset([0]): np.full(len(terms), w_total),
        frozenset([1]): f[terms],
        frozenset([0, 1]): a[terms],
    }
    stats = (
        independence_measures(sub, n_total, 2)
        if len(terms)
        else {k: np.zeros(0) for k in ["expected", *_MEASURE_COLUMNS, "p"]}
    )
    out = pd.DataFrame(
        {
            "node": node_label,
            "term": stream.vocab[terms].astype(object),
            "count": a[terms].astype(np.int64),
            "window_tokens": w_total,
            "term_count": f[terms].astype(np.int64),
            "n_tokens": n_total,
        }
    )
    for key, val in stats.items():
        out[key] = val
    out = _finish(out, sort_by, p_adjust, "term")
    params = {
        "pattern": [p.text for p in pats],
        "window": window,
        "min_count": min_count,
        "match": match,
        "case_sensitive": case_sensitive,
        "sort_by": sort_by,
        "p_adjust": p_adjust,
        "filters": dict(filters),
    }
    out = finish(out, "cooccurrence", params, stream.tokens, per_document=False)
    out.attrs["n_nodes"] = len(hits)
    return out
