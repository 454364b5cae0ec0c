"""The measures on a ``dask.dataframe``: past one machine (optional: ``pip install toolkit[dask]``).

Each partition of a Dask DataFrame of articles goes through the same public
measures as the in-memory path (:func:`toolkit.load_corpus`,
:func:`toolkit.tokenize`, :func:`toolkit.tone`, :func:`toolkit.frames`)
with ``map_partitions``; the per-document results are the same rows as the
in-memory ones, in the same order. Whole-corpus statistics are computed from
counts summed across partitions (:func:`dask_keyness`), never from
per-partition statistics.

The rows need a ``doc_id`` column (the partitions are loaded independently,
so default ids numbered by position cannot be made corpus-wide); give one
with ``ddf["doc_id"] = ...`` or read files that have one. See
``docs/scale.md`` for running on a cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

__all__ = ["DASK_MEASURES", "map_measure", "dask_term_counts", "dask_keyness"]

#: Measures :func:`map_measure` can run.
DASK_MEASURES = ("tone", "frames", "counts")


def _require_dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError as err:  # optional dependency
        raise ImportError(
            "this needs Dask: pip install 'toolkit[dask]' (dask[dataframe] and distributed)"
        ) from err
    return dd


def _measure(
    part: pd.DataFrame,
    measure: str,
    columns: Mapping[str, str] | None,
    language: str | None,
    tone_method: str,
    count_filters: Mapping[str, Any] | None,
    by: list[str],
) -> pd.DataFrame:
    """One partition: load, tokenize and measure (runs on the workers)."""
    from toolkit.corpus.load import load_corpus
    from toolkit.scale.partitions import process_partition

    corpus = load_corpus(part, columns=columns, language=language)
    out = process_partition(
        corpus, [measure], tone_method=tone_method, count_filters=count_filters
    )[measure]
    out = out.copy()
    out.attrs = {}  # attrs differ per partition (parameters, counts): not data
    if measure == "counts" and by:
        groups = corpus[["doc_id", *by]]
        out = out.merge(groups, on="doc_id", how="left", validate="many_to_one")
        out = out.groupby([*by, "term"], dropna=False, sort=False, as_index=False)["count"].sum()
    return out.reset_index(drop=True)


def map_measure(
    ddf: Any,
    measure: str,
    *,
    columns: Mapping[str, str] | None = None,
    language: str | None = None,
    tone_method: str = "news",
    count_filters: Mapping[str, Any] | None = None,
) -> Any:
    """A lazy Dask DataFrame of one measure's per-document results.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Articles, one row each, with a unique ``doc_id`` and a text column
        (any names :func:`toolkit.load_corpus` recognises, or ``columns=``).
    measure : {"tone", "frames", "counts"}
        Document tone (:func:`toolkit.tone`, ``level="document"``), document
        frame scores (:func:`toolkit.frames`), or long term counts per
        document (``doc_id, term, count``; filters as :func:`toolkit.keyness`'s).
    columns, language
        As in :func:`toolkit.load_corpus`.
    tone_method : str, default "news"
    count_filters : mapping, optional
        Token filters of the counts.

    Returns
    -------
    dask.dataframe.DataFrame
        Call ``.compute()`` for a pandas DataFrame, or ``.to_parquet(folder)``.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> ddf = dd.from_pandas(pd.DataFrame({"doc_id": ["a", "b"],
    ...     "text": ["Talks collapsed.", "Ties improved."]}), npartitions=2)
    >>> map_measure(ddf, "frames").compute()["doc_id"].tolist()
    ['a', 'b']
    """
    _require_dask()
    if measure not in DASK_MEASURES:
        raise ValueError(f"measure must be one of {list(DASK_MEASURES)}, got {measure!r}")
    return _map(ddf, measure, columns, language, tone_method, count_filters, [])


def _map(ddf, measure, columns, language, tone_method, count_filters, by) -> Any:
    cols = [c for c in ddf.columns]
    renamed = [dict(columns or {}).get(c, c) for c in cols]
    if "doc_id" not in renamed:
        raise ValueError(
            "the Dask DataFrame needs a doc_id column: partitions are loaded separately, so "
            f"positional ids would repeat; columns: {cols}"
        )
    args = (measure, columns, language, tone_method, count_filters, by)
    # the output's columns and dtypes, from a two-row sample of the first partition
    meta = _measure(ddf.get_partition(0).head(2, compute=True), *args).iloc[:0]
    return ddf.map_partitions(_measure, *args, meta=meta, enforce_metadata=False)


def dask_term_counts(
    ddf: Any,
    by: str | Iterable[str] | None = None,
    *,
    columns: Mapping[str, str] | None = None,
    language: str | None = None,
    count_filters: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Term counts summed over the whole Dask DataFrame, overall or per group.

    Each partition counts its terms (per group); the partial counts are
    summed across partitions by Dask, and only the summed table is returned.

    Returns
    -------
    DataFrame
        ``[*by], term, count`` sorted by group and term.
    """
    _require_dask()
    cols = [by] if isinstance(by, str) else list(by or [])
    lazy = _map(ddf, "counts", columns, language, "news", count_filters, cols)
    if not cols:
        lazy = lazy[["term", "count"]]
    summed = lazy.groupby([*cols, "term"], dropna=False)["count"].sum().compute()
    out = summed.astype("int64").rename("count").reset_index()
    return out.sort_values([*cols, "term"], kind="mergesort", ignore_index=True)


def dask_keyness(
    ddf: Any,
    target: Any,
    *,
    by: str,
    reference: Any = None,
    columns: Mapping[str, str] | None = None,
    language: str | None = None,
    count_filters: Mapping[str, Any] | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Keyness of ``target`` against ``reference`` (values of ``by``) over a Dask DataFrame.

    Term counts are summed across partitions first, then
    :func:`toolkit.keyness_from_counts` runs once: the result equals
    :func:`toolkit.keyness` on the whole corpus in memory.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
    target, by, reference
        As in :func:`toolkit.scale.partitions.partitioned_keyness`.
    columns, language, count_filters
        As in :func:`dask_term_counts`.
    **options
        ``measure``, ``correction``, ``p_adjust``, ``min_count``, ``ci``, ``sort``.
    """
    from toolkit.scale.partitions import keyness_of_counts

    counts = dask_term_counts(
        ddf, by, columns=columns, language=language, count_filters=count_filters
    )
    return keyness_of_counts(counts, by, target, reference, **options)
