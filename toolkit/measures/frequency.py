"""Term frequencies by group, and tf-idf.

Counts come from the shared token stream (:mod:`toolkit.tokens.streams`), so the
corpus is tokenized once and the filters (lower case, stopwords, stemming)
are the same ones every other measure accepts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.measures._contract import finish
from toolkit.stats.groups import By, by_names
from toolkit.tokens.streams import (
    check_filters,
    doc_term_matrix,
    group_codes,
    group_columns,
    group_matrix,
    token_stream,
)
from toolkit.tokens.tokenizer import Tokens

__all__ = ["frequencies", "tf_idf"]


def _terms(vocab: np.ndarray, codes: np.ndarray) -> np.ndarray | pd.api.extensions.ExtensionArray:
    """``vocab[codes]`` as the column pandas makes of it, the strings converted once
    per distinct term (the vocabulary) rather than once per row."""
    if not len(codes) or not len(vocab):
        return vocab[codes]  # pandas' own inference for an empty column
    return pd.Series(vocab).array.take(codes)


def _sort_within_runs(group: np.ndarray, key: np.ndarray) -> np.ndarray:
    """``np.lexsort((key, group))`` for ``group`` in ascending order and ``key`` without NaN.

    Each run of equal ``group`` values is sorted on its own: the runs are
    short (a document's distinct terms), and sorting many short rows of a
    2-D array is several times faster than one stable sort of the whole
    array. Runs are batched by length rounded up to a power of two and
    padded with +inf, which sorts after every real key; the sort is stable,
    so equal keys keep their order, as in lexsort.
    """
    n = len(key)
    if n == 0 or np.isnan(key).any() or (np.diff(group) < 0).any():
        return np.lexsort((key, group))
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    lengths = np.diff(np.r_[starts, n])
    widths = 1 << np.ceil(np.log2(lengths)).astype(np.int64)
    order = np.empty(n, dtype=np.int64)
    batches = np.unique(widths).tolist()
    for width in batches:
        rows = np.flatnonzero(widths == width)
        first, length = starts[rows][:, None], lengths[rows][:, None]
        real = np.arange(width) < length
        # the batch's entries, in order: every entry when there is one batch
        at = np.arange(n) if len(batches) == 1 else (first + np.arange(width))[real]
        values = np.full(real.shape, np.inf)
        values[real] = key[at]
        within = np.argsort(values, axis=1, kind="stable")
        within += first
        order[at] = within[real]
    return order


def frequencies(
    data: pd.DataFrame | Tokens,
    *,
    by: By = None,
    freq: str | None = None,
    n: int | None = None,
    min_count: int = 1,
    **filters: object,
) -> pd.DataFrame:
    """Term counts, relative frequency per 10,000 tokens and document frequency.

    Parameters
    ----------
    data : DataFrame or Tokens
        A corpus or its tokens.
    by : column name(s), or Series keyed by doc_id, optional
        Corpus column(s) to group by (``"outlet"``, ``"country"``); one table
        for the whole corpus by default. Documents with a missing group value
        form their own group (NaN), so no document is dropped.
    freq : str, optional
        Also group by calendar period of ``date`` (``"M"``/``"ME"`` month,
        ``"Q"``, ``"Y"``, ``"W"``); adds a ``period`` column (period start).
    n : int, optional
        Keep the top ``n`` terms of each group (by count, ties broken
        alphabetically).
    min_count : int, default 1
        Drop terms counted fewer times than this within a group.
    **filters
        Token filters as in :meth:`toolkit.tokens.tokenizer.Tokens.sentence_tokens`
        (``lower=True``, ``drop_punct=True``, ``stopwords=False`` ...).

    Returns
    -------
    DataFrame
        One row per (group, term): the ``by`` columns, ``term``, ``count``,
        ``per_10k`` (count per 10,000 tokens of the group), ``doc_freq``
        (documents of the group containing the term), ``doc_share``
        (``doc_freq / n_docs``), ``n_tokens`` and ``n_docs`` (group totals,
        documents without tokens included), ``rank`` (1 = most frequent; ties
        broken alphabetically, so ranks are the row order within the group).
        Sorted by group, then count descending, then term.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"text": ["Dokdo talks. Dokdo!", "Talks resumed."],
    ...                        "outlet": ["A", "B"]})  # constructed example
    >>> frequencies(corpus)[["term", "count", "per_10k", "doc_freq"]].values.tolist()
    [['dokdo', 2, 4000.0, 1], ['talks', 2, 4000.0, 2], ['resumed', 1, 2000.0, 1]]
    >>> frequencies(corpus, by="outlet", n=1)[["outlet", "term", "count"]].values.tolist()
    [['A', 'dokdo', 2], ['B', 'resumed', 1]]
    """
    check_filters(filters)
    stream = token_stream(data, **filters)
    corpus = stream.tokens.corpus
    cols = group_columns(by, freq)
    codes, labels = group_codes(corpus, by, freq)
    n_groups = len(labels)
    mat = doc_term_matrix(stream)
    ind = group_matrix(codes, n_groups)
    counts = (ind @ mat).tocsr()
    dfreq = (ind @ (mat > 0).astype(np.int64)).tocsr()
    counts.sort_indices()
    dfreq.sort_indices()  # same sparsity pattern as counts: count > 0 iff doc_freq > 0
    n_tokens = np.asarray(mat.sum(axis=1)).ravel()
    group_tokens = np.bincount(codes, weights=n_tokens, minlength=n_groups).astype(np.int64)
    group_docs = np.bincount(codes, minlength=n_groups).astype(np.int64)
    g = np.repeat(np.arange(n_groups), np.diff(counts.indptr))
    t, c, df = counts.indices, counts.data.astype(np.int64), dfreq.data.astype(np.int64)
    keep = c >= min_count
    g, t, c, df = g[keep], t[keep], c[keep], df[keep]
    out = labels.iloc[g].reset_index(drop=True) if cols else pd.DataFrame(index=range(len(g)))
    out["term"] = _terms(stream.vocab, t)
    out["count"] = c
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_10k"] = 1e4 * c / group_tokens[g]
    out["doc_freq"] = df
    out["doc_share"] = out["doc_freq"] / group_docs[g]
    out["n_tokens"] = group_tokens[g]
    out["n_docs"] = group_docs[g]
    # Sort by group index (labels are already sorted), count desc, term. The
    # entries are in (group, term) order (sorted indices) and lexsort is
    # stable, so the term key is not needed: ties keep term order.
    order = np.lexsort((-c, g))
    out = out.iloc[order].reset_index(drop=True)
    out["rank"] = out.groupby(g[order], sort=False).cumcount().to_numpy() + 1
    if n is not None:
        out = out[out["rank"] <= n].reset_index(drop=True)
    params = {
        "by": by_names(by),
        "freq": freq,
        "n": n,
        "min_count": min_count,
        "filters": dict(filters),
    }
    return finish(out, "frequencies", params, stream.tokens, per_document=False)


def tf_idf(
    data: pd.DataFrame | Tokens,
    *,
    by: By = None,
    min_count: int = 1,
    n: int | None = 10,
    **filters: object,
) -> pd.DataFrame:
    """Term frequency - inverse document frequency, defined as in tidytext's ``bind_tf_idf``.

    With documents ``d`` (each ``doc_id``, or each group of ``by``, treated
    as one document, as in *Text Mining with R* chapter 3):

    - ``tf = n(term, d) / n(d)`` -- the term's share of the document's tokens;
    - ``idf = ln(D / D(term))`` -- natural log; ``D`` is the number of
      documents that have at least one token, ``D(term)`` those containing
      the term;
    - ``tf_idf = tf * idf``.

    Parameters
    ----------
    data : DataFrame or Tokens
    by : column name(s), or Series keyed by doc_id, optional
        Group documents into one "document" per value (e.g. ``"outlet"``).
    min_count : int, default 1
        Drop (document, term) rows with a count below this *after*
        computing tf and idf, so the numbers do not depend on it.
    n : int or None, default 10
        Keep the top ``n`` terms of each document (by ``tf_idf``, ties broken
        alphabetically): a keyword list per article. ``n=None`` keeps every
        (document, term) row, the table tidytext's ``bind_tf_idf`` returns;
        it is about as long as the corpus has tokens (19.6 million rows, about
        2 GB, for the 100,000 articles of the project's scale benchmark), so
        ask for it when you need it.
        tf, idf and tf_idf are the same either way.
    **filters
        Token filters as in :func:`frequencies`.

    Returns
    -------
    DataFrame
        One row per (document, term) with a positive count, at most ``n``
        per document: ``doc_id`` (or the ``by`` columns), ``term``, ``count``,
        ``tf``, ``idf``, ``tf_idf``, sorted by document, then ``tf_idf``
        descending, then term. Documents without tokens have no rows;
        ``attrs["n_measured"]`` is ``D`` (``attrs["n_docs"]`` counts every
        input document).

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"text": ["Dokdo talks", "Talks resumed"]})  # constructed
    >>> out = tf_idf(corpus)
    >>> out[["doc_id", "term", "tf_idf"]].round(3).values.tolist()[:2]
    [['doc-000001', 'dokdo', 0.347], ['doc-000001', 'talks', 0.0]]
    >>> tf_idf(corpus, n=1)[["doc_id", "term"]].values.tolist()
    [['doc-000001', 'dokdo'], ['doc-000002', 'resumed']]
    """
    check_filters(filters)
    if n is not None and (isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0):
        raise ValueError(f"n must be a whole number >= 0 or None, not {n!r}")
    stream = token_stream(data, **filters)
    corpus = stream.tokens.corpus
    mat = doc_term_matrix(stream)
    cols = group_columns("doc_id" if by is None else by, None)
    codes, labels = group_codes(corpus, "doc_id" if by is None else by)
    if len(labels) == mat.shape[0] and np.array_equal(codes, np.arange(len(codes))):
        grouped = mat  # one group per document, in document order: the matrix itself
    else:
        grouped = (group_matrix(codes, len(labels)) @ mat).tocsr()
    if not grouped.has_sorted_indices:  # entries in (document, term) order: see the sort below
        grouped = grouped.copy()
        grouped.sort_indices()
    totals = np.asarray(grouped.sum(axis=1)).ravel()
    has_tokens = totals > 0
    n_documents = int(has_tokens.sum())
    doc_freq = np.asarray((grouped > 0).sum(axis=0)).ravel()
    coo = grouped.tocoo()
    g, t, c = coo.row, coo.col, coo.data.astype(np.int64)
    with np.errstate(divide="ignore"):
        idf = np.log(n_documents / doc_freq[t])
    tf = c / totals[g]
    score = tf * idf
    # Sort and select on the arrays, then build only the rows returned. The
    # entries are in (document, term) order, so a stable sort of each
    # document's entries by -tf_idf keeps term order among ties.
    order = _sort_within_runs(g, -score)
    order = order[c[order] >= min_count]
    if n is not None:
        sorted_g = g[order]
        first = np.flatnonzero(np.r_[True, sorted_g[1:] != sorted_g[:-1]]) if len(order) else order
        rank = np.arange(len(order)) - np.repeat(first, np.diff(np.r_[first, len(order)]))
        order = order[rank < n]
    out = labels.iloc[g[order]].reset_index(drop=True)[cols]
    out["term"] = _terms(stream.vocab, t[order])
    out["count"] = c[order]
    out["tf"] = tf[order]
    out["idf"] = idf[order]
    out["tf_idf"] = score[order]
    params = {"by": by_names(by), "min_count": min_count, "n": n, "filters": dict(filters)}
    out = finish(out, "tf_idf", params, stream.tokens)
    out.attrs["n_measured"] = n_documents  # D in the idf: documents with tokens
    return out
