"""Bounded memory: run the measures over a corpus partition by partition.

A corpus too large to hold in memory (a decade of exports) is read in
**partitions** (row chunks of a DataFrame, row groups of a Parquet file, or
one file at a time), and each partition goes through the same public
measures as the in-memory path (:func:`toolkit.load_corpus`,
:func:`toolkit.tokenize`, :func:`toolkit.tone`, :func:`toolkit.frames`).
Each measure's per-document results are written to
``out_dir/<measure>/part-NNNNN.parquet``, so peak memory depends on the
partition size, not the corpus size.

What must be corpus-wide is carried from partition to partition, so the
document-level results equal the in-memory ones: default ``doc_id`` values
are numbered across the whole corpus, repeated ids are made unique across
partitions, and exact duplicates (``dup_group``, ``is_duplicate``) point at
the first copy in corpus order, wherever it was. Statistics over the whole
corpus are computed from summed counts (:func:`sum_counts`,
:func:`partitioned_keyness`), never by averaging per-partition statistics.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from toolkit._parallel import n_jobs_default, process_pool, resolve_n_jobs
from toolkit.tokens.caches import clear_caches

__all__ = [
    "MEASURES",
    "iter_partitions",
    "process_partition",
    "run_partitioned",
    "read_results",
    "sum_counts",
    "partitioned_keyness",
    "keyness_of_counts",
]

#: The measures :func:`run_partitioned` can write, one folder each.
MEASURES = ("corpus", "tone", "frames", "counts")


# --------------------------------------------------------------------------
# Reading in partitions
# --------------------------------------------------------------------------


def iter_partitions(
    source: pd.DataFrame | str | Path | Sequence[str | Path], rows: int = 10_000
) -> Iterator[pd.DataFrame]:
    """Yield the raw rows of ``source`` a partition at a time.

    Parameters
    ----------
    source : DataFrame, Parquet file, other file, folder or list of files
        A DataFrame is cut into chunks of ``rows`` rows; a Parquet file is
        read ``rows`` rows at a time (whole row groups are never loaded at
        once beyond that); any other file (CSV, export, folder of ``.txt``)
        is one partition; a list of files gives one partition per file.
    rows : int, default 10,000
        Partition size for DataFrames and Parquet files.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["a.", "b.", "c."]})
    >>> [len(p) for p in iter_partitions(df, rows=2)]
    [2, 1]
    """
    if rows < 1:
        raise ValueError(f"rows must be at least 1, got {rows}")
    if isinstance(source, pd.DataFrame):
        for start in range(0, len(source), rows):
            yield source.iloc[start : start + rows]
        return
    if isinstance(source, (list, tuple)):
        for path in source:
            yield from iter_partitions(path, rows)
        return
    from toolkit.corpus.load import read_source

    path = Path(source).expanduser()
    if path.is_file() and path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        with pq.ParquetFile(path) as pf:
            for batch in pf.iter_batches(batch_size=rows):
                yield batch.to_pandas()
        return
    yield read_source(path, None)[0]


# --------------------------------------------------------------------------
# Corpus-wide bookkeeping carried across partitions
# --------------------------------------------------------------------------


class _Ledger:
    """What one partition must know about the ones before it."""

    def __init__(self) -> None:
        self.n_rows = 0
        self.ids: dict[str, int] = {}
        # text key digest -> doc_id of its first copy; 16-byte digests keep
        # this to ~100 bytes per distinct text instead of the text itself
        self.first: dict[bytes, str] = {}
        self.repeated_ids = 0

    def assign_ids(self, raw: pd.DataFrame, columns: Mapping[str, str] | None) -> pd.DataFrame:
        """Give every row its final doc_id, as load_corpus would on the whole corpus."""
        from toolkit.corpus.load import find_alias

        df = raw.rename(columns=dict(columns or {}))
        df.columns = [str(c) for c in df.columns]
        col = "doc_id" if "doc_id" in df.columns else None
        if col is None:
            col = find_alias(df.columns, "doc_id")
        values = df[col].tolist() if col else [None] * len(df)
        ids = []
        for i, v in enumerate(values):
            v = "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
            v = v or f"doc-{self.n_rows + i + 1:06d}"
            if v in self.ids:
                self.ids[v] += 1
                v = f"{v}~{self.ids[v]}"
                self.repeated_ids += 1
            else:
                self.ids[v] = 1
            ids.append(v)
        self.n_rows += len(df)
        df = df.copy()
        df[col or "doc_id"] = ids
        return df

    def mark_duplicates(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """dup_group / is_duplicate against every earlier document, not just this partition's."""
        groups, dup = [], []
        for text, d in zip(corpus["text"], corpus["doc_id"], strict=True):
            if not text:
                groups.append(None)
                dup.append(False)
                continue
            key = hashlib.blake2b(" ".join(text.split()).casefold().encode(), digest_size=16)
            first = self.first.setdefault(key.digest(), d)
            groups.append(first)
            dup.append(first != d)
        corpus = corpus.copy()
        corpus["dup_group"] = pd.Series(groups, dtype=object, index=corpus.index)
        corpus["is_duplicate"] = dup
        return corpus


# --------------------------------------------------------------------------
# One partition
# --------------------------------------------------------------------------


def _doc_counts(tk: Any, filters: Mapping[str, Any]) -> pd.DataFrame:
    """Long per-document term counts (doc_id, term, count) of the kept tokens."""
    from toolkit.tokens.house_style import fold_stream
    from toolkit.tokens.streams import doc_term_matrix, token_stream

    stream = token_stream(tk, **dict(filters))
    # counted as toolkit.keyness counts them by default: house-style variants
    # (Mr/Mr., US/U.S.) folded before lower-casing
    stream, _ = fold_stream(stream, dict(filters), True)
    coo = doc_term_matrix(stream).tocoo()
    order = np.lexsort((coo.col, coo.row))  # by document, then term
    return pd.DataFrame(
        {
            "doc_id": pd.Series(
                np.asarray(stream.doc_ids, dtype=object)[coo.row[order]], dtype=object
            ),
            "term": pd.Series(np.asarray(stream.vocab, dtype=object)[coo.col[order]], dtype=object),
            "count": coo.data[order].astype(np.int64),
        }
    )


def process_partition(
    corpus: pd.DataFrame,
    measures: Sequence[str] = MEASURES,
    *,
    tone_method: str = "news",
    count_filters: Mapping[str, Any] | None = None,
) -> dict[str, pd.DataFrame]:
    """The per-document measures of one loaded partition.

    Parameters
    ----------
    corpus : DataFrame
        A loaded corpus (or partition of one) from :func:`toolkit.load_corpus`.
    measures : sequence of {"corpus", "tone", "frames", "counts"}
        ``corpus`` is the loaded table itself; ``tone`` the document tone
        (:func:`toolkit.tone` with ``level="document"``); ``frames`` the
        document frame scores (:func:`toolkit.frames`); ``counts`` the long
        table of term counts per document (``doc_id, term, count``), the
        input of :func:`sum_counts`.
    tone_method : str, default "news"
        ``method`` of :func:`toolkit.tone`.
    count_filters : mapping, optional
        Token filters of the counts (as in :func:`toolkit.keyness`); the
        defaults of :func:`toolkit.keyness` when None.

    Returns
    -------
    dict of str to DataFrame

    Examples
    --------
    >>> from toolkit import load_corpus
    >>> part = load_corpus(pd.DataFrame({"text": ["Seoul protested. Tokyo replied."]}))
    >>> out = process_partition(part, ["counts"])
    >>> out["counts"][["term", "count"]].values.tolist()
    [['protested', 1], ['replied', 1], ['seoul', 1], ['tokyo', 1]]
    """
    unknown = set(measures) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}; choose from {list(MEASURES)}")
    from toolkit.measures.framing import frames
    from toolkit.measures.tone.scoring import tone
    from toolkit.tokens.tokenizer import tokenize

    out: dict[str, pd.DataFrame] = {}
    if "corpus" in measures:
        out["corpus"] = corpus
    if {"tone", "frames", "counts"} & set(measures):
        tk = tokenize(corpus)
        if "tone" in measures:
            out["tone"] = tone(tk, method=tone_method, level="document")
        if "frames" in measures:
            out["frames"] = frames(tk)
        if "counts" in measures:
            out["counts"] = _doc_counts(tk, count_filters or {})
    return out


# --------------------------------------------------------------------------
# The whole corpus
# --------------------------------------------------------------------------


def _missing_marker(col: pd.Series) -> str | None:
    """How an object column marks missing values: "none", "nan", or None (none missing yet)."""
    missing = col[col.isna()]
    if missing.empty:
        return None
    return "none" if missing.iloc[0] is None else "nan"


def _load_and_measure(
    raw: pd.DataFrame,
    outlets: Any,
    language: str | None,
    measures: Sequence[str],
    tone_method: str,
    count_filters: Mapping[str, Any] | None,
) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """Load one partition (its ids already final) and measure it; may run in a worker."""
    from toolkit.corpus.load import load_corpus

    with warnings.catch_warnings():
        # ids were made unique corpus-wide; load_corpus must not renumber them
        warnings.filterwarnings("ignore", message=".*repeated doc_id")
        corpus = load_corpus(raw, outlets=outlets, language=language)
    results = process_partition(
        corpus, measures, tone_method=tone_method, count_filters=count_filters
    )
    # The measures' per-text memo caches would otherwise hold up to 200,000
    # whole documents each across partitions; results do not depend on them.
    clear_caches()
    return corpus, results


def _pool(workers: int) -> Any:
    """Worker processes; forked where that is safe and cheap (toolkit._parallel)."""
    return process_pool(workers)


def _write(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    plain = df.copy()
    plain.attrs = {}  # attrs hold parameters (written once to the manifest), not data
    plain.to_parquet(path, index=False)


def run_partitioned(
    source: pd.DataFrame | str | Path | Sequence[str | Path],
    out_dir: str | Path,
    *,
    measures: Sequence[str] = MEASURES,
    rows: int = 10_000,
    columns: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | str | Path | None = None,
    language: str | None = None,
    tone_method: str = "news",
    count_filters: Mapping[str, Any] | None = None,
    progress: bool = False,
    n_jobs: int | None = 1,
) -> pd.DataFrame:
    """Run the measures over ``source`` in partitions and write them to Parquet.

    Each partition is loaded with :func:`toolkit.load_corpus` (ids and
    duplicate groups made corpus-wide), measured with
    :func:`process_partition` and written as
    ``out_dir/<measure>/part-NNNNN.parquet``; ``out_dir/manifest.json``
    records the partitions and parameters. Concatenated in order, each
    measure's files equal the in-memory result on the whole corpus.

    Parameters
    ----------
    source : DataFrame, path or list of paths
        See :func:`iter_partitions`.
    out_dir : path
        Output folder (created; earlier ``part-*.parquet`` files of the
        chosen measures are removed first, so a smaller rerun leaves no stale part).
    measures : sequence of str, default all of :data:`MEASURES`
    rows : int, default 10,000
        Partition size (DataFrames, Parquet files); memory grows with it.
    columns, outlets, language
        As in :func:`toolkit.load_corpus`.
    tone_method, count_filters
        As in :func:`process_partition`.
    progress : bool, default False
        Show a progress bar over partitions.
    n_jobs : int or None, default 1
        Processes measuring partitions at the same time (None or -1: all
        cores). Memory grows to about ``n_jobs + 1`` partitions; the files
        are the same whatever ``n_jobs``.

    Returns
    -------
    DataFrame
        One row per partition: ``partition``, ``n_docs``, ``first_doc_id``.

    Examples
    --------
    >>> import tempfile
    >>> from toolkit import load_demo
    >>> out = tempfile.mkdtemp()
    >>> parts = run_partitioned(load_demo(), out, measures=["corpus", "frames"], rows=50)
    >>> parts["n_docs"].tolist()
    [50, 50, 21]
    >>> len(read_results(out, "frames"))
    121
    """
    unknown = set(measures) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}; choose from {list(MEASURES)}")
    jobs = resolve_n_jobs(n_jobs)
    out = Path(out_dir)
    for m in measures:
        for old in (out / m).glob("part-*.parquet"):
            old.unlink()
    ledger = _Ledger()
    parts: Iterable[pd.DataFrame] = iter_partitions(source, rows)
    if progress:
        from tqdm.auto import tqdm

        parts = tqdm(parts, desc="partitions", unit="part")
    writer = _PartWriter(out, measures, ledger)
    args = (outlets, language, [m for m in measures if m != "corpus"], tone_method, count_filters)
    # a partition measured in this process (jobs == 1) stays in it
    with n_jobs_default(jobs):
        for i, corpus, results in _measured(parts, ledger, columns, args, jobs):
            writer.write(i, corpus, results)
    if ledger.repeated_ids:
        warnings.warn(
            f"{ledger.repeated_ids} repeated doc_id values were made unique with a ~N suffix",
            stacklevel=2,
        )
    manifest = {
        "measures": list(measures),
        "rows": rows,
        "tone_method": tone_method,
        "count_filters": dict(count_filters or {}),
        "object_columns": writer.object_columns,
        "partitions": writer.rows,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "manifest.json").write_text(
        json.dumps(manifest, indent=1, default=str), encoding="utf-8"
    )
    return pd.DataFrame(writer.rows, columns=["partition", "n_docs", "first_doc_id"])


def _measured(
    parts: Iterable[pd.DataFrame],
    ledger: _Ledger,
    columns: Mapping[str, str] | None,
    args: tuple,
    jobs: int,
) -> Iterator[tuple[int, pd.DataFrame, dict[str, pd.DataFrame]]]:
    """(index, corpus, results) of each partition, in order, measured by ``jobs`` processes.

    Ids are assigned here, in corpus order, before a partition goes to a worker.
    """
    if jobs == 1:
        for i, raw in enumerate(parts):
            yield (i, *_load_and_measure(ledger.assign_ids(raw, columns), *args))
        return
    from collections import deque

    pending: deque = deque()
    with _pool(jobs) as pool:
        for i, raw in enumerate(parts):
            pending.append(
                (i, pool.submit(_load_and_measure, ledger.assign_ids(raw, columns), *args))
            )
            # at most one partition waiting per worker: memory stays bounded
            while len(pending) > jobs:
                j, fut = pending.popleft()
                yield (j, *fut.result())
        while pending:
            j, fut = pending.popleft()
            yield (j, *fut.result())


class _PartWriter:
    """Writes each partition's results as Parquet parts and remembers what the manifest needs."""

    def __init__(self, out: Path, measures: Sequence[str], ledger: _Ledger) -> None:
        self.out = out
        self.measures = measures
        self.ledger = ledger
        self.rows: list[dict[str, Any]] = []
        self.object_columns: dict[str, dict[str, str | None]] = {}

    def write(self, i: int, corpus: pd.DataFrame, results: dict[str, pd.DataFrame]) -> None:
        # duplicates are marked here, in corpus order, whichever process loaded the partition
        corpus = self.ledger.mark_duplicates(corpus)
        if "corpus" in self.measures:
            results = {"corpus": corpus, **results}
        for name, df in results.items():
            _write(df, self.out / name / f"part-{i:05d}.parquet")
            # Parquet brings plain-object text columns back as pandas' string
            # dtype, and both None and NaN back as one missing value; the
            # in-memory dtype and missing marker are remembered for read_results
            seen = self.object_columns.setdefault(name, {})
            for c in df.columns:
                if df[c].dtype == object and seen.get(str(c)) is None:
                    seen[str(c)] = _missing_marker(df[c])
        self.rows.append(
            {
                "partition": i,
                "n_docs": len(corpus),
                "first_doc_id": corpus["doc_id"].iloc[0] if len(corpus) else None,
            }
        )


def _parts(out_dir: str | Path, measure: str) -> list[Path]:
    files = sorted((Path(out_dir) / measure).glob("part-*.parquet"))
    if not files:
        raise FileNotFoundError(
            f"no {measure!r} results under {out_dir}; run run_partitioned "
            f"with measures including {measure!r}"
        )
    return files


def read_results(
    out_dir: str | Path, measure: str, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """One measure's per-document results, all partitions concatenated in corpus order.

    Only for results that fit in memory (choose ``columns`` to read fewer);
    at scale read the Parquet folder with pyarrow, DuckDB or Dask instead.

    Examples
    --------
    >>> import tempfile
    >>> from toolkit import load_demo
    >>> out = tempfile.mkdtemp()
    >>> _ = run_partitioned(load_demo(), out, measures=["corpus"], rows=100)
    >>> len(read_results(out, "corpus", columns=["doc_id"]))
    121
    """
    frames_ = [
        pd.read_parquet(p, columns=list(columns) if columns else None)
        for p in _parts(out_dir, measure)
    ]
    out = pd.concat(frames_, ignore_index=True)
    manifest = Path(out_dir) / "manifest.json"
    if manifest.exists():
        objects = json.loads(manifest.read_text(encoding="utf-8")).get("object_columns", {})
        for c, marker in objects.get(measure, {}).items():
            # (also when the concatenation is object already: a part whose
            # column is all missing, e.g. only unmeasured documents, reads as nulls)
            if c in out.columns:
                col = out[c].astype(object)
                out[c] = col.where(col.notna(), np.nan if marker == "nan" else None)
    return out


def sum_counts(out_dir: str | Path, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Term counts summed over every partition, overall or per group of corpus columns.

    Reads one partition at a time (memory: the vocabulary times the groups).

    Parameters
    ----------
    out_dir : path
        A folder written by :func:`run_partitioned` with ``counts`` (and,
        with ``by``, ``corpus``).
    by : str or list of str, optional
        Corpus columns to group by (e.g. ``"country"``).

    Returns
    -------
    DataFrame
        ``[*by], term, count`` sorted by group and term.

    Examples
    --------
    >>> import tempfile
    >>> from toolkit import load_demo
    >>> out = tempfile.mkdtemp()
    >>> _ = run_partitioned(load_demo(), out, measures=["corpus", "counts"], rows=60)
    >>> c = sum_counts(out, by="country")
    >>> int(c.loc[(c["country"] == "KR") & (c["term"] == "dokdo"), "count"].iloc[0]) > 0
    True
    """
    cols = [by] if isinstance(by, str) else list(by or [])
    totals: pd.Series | None = None
    count_parts = _parts(out_dir, "counts")
    corpus_parts = _parts(out_dir, "corpus") if cols else [None] * len(count_parts)
    for cp, kp in zip(count_parts, corpus_parts, strict=True):
        counts = pd.read_parquet(cp)
        if cols:
            groups = pd.read_parquet(kp, columns=["doc_id", *cols])
            counts = counts.merge(groups, on="doc_id", how="left", validate="many_to_one")
        part = counts.groupby([*cols, "term"], dropna=False, sort=False)["count"].sum()
        totals = part if totals is None else totals.add(part, fill_value=0)
    assert totals is not None
    out = totals.astype(np.int64).rename("count").reset_index()
    return out.sort_values([*cols, "term"], kind="mergesort", ignore_index=True)


def partitioned_keyness(
    out_dir: str | Path,
    target: Any,
    *,
    by: str,
    reference: Any = None,
    **options: Any,
) -> pd.DataFrame:
    """Keyness of ``target`` against ``reference`` from counts summed over partitions.

    Counts are summed across partitions first (:func:`sum_counts`) and the
    statistics computed once, by :func:`toolkit.keyness_from_counts`, so
    the result equals :func:`toolkit.keyness` on the whole corpus with the
    same token filters (those given to :func:`run_partitioned`).

    Parameters
    ----------
    out_dir : path
        A folder written by :func:`run_partitioned` with ``corpus`` and ``counts``.
    target : value or list of values
        The ``by`` value(s) forming the target.
    by : str
        The corpus column defining the groups.
    reference : value, list of values or None
        The reference group(s); None = every document not in the target.
    **options
        ``method``, ``correction``, ``p_adjust``, ``min_count``, ``ci``,
        ``sort`` as in :func:`toolkit.keyness_from_counts`.

    Examples
    --------
    >>> import tempfile
    >>> from toolkit import load_demo
    >>> out = tempfile.mkdtemp()
    >>> _ = run_partitioned(load_demo(), out, measures=["corpus", "counts"], rows=60)
    >>> key = partitioned_keyness(out, "KR", by="country", reference="JP")
    >>> "dokdo" in set(key["term"].head(20))
    True
    """
    out = keyness_of_counts(sum_counts(out_dir, by=by), by, target, reference, **options)
    out.attrs["params"]["source"] = str(out_dir)
    return out


def keyness_of_counts(
    counts: pd.DataFrame,
    by: str,
    target: Any,
    reference: Any = None,
    **options: Any,
) -> pd.DataFrame:
    """Keyness from long term counts (``by, term, count``) summed over documents.

    The counts of each side are summed per term before any statistic is
    computed (:func:`toolkit.keyness_from_counts`), so partitions or Dask
    workers that counted separately give the whole corpus's keyness.

    Examples
    --------
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"country": ["KR", "KR", "JP"], "term": ["dokdo", "talks", "talks"],
    ...                        "count": [5, 2, 3]})
    >>> keyness_of_counts(counts, "country", "KR", method="lr")["term"].iloc[0]
    'dokdo'
    """
    from toolkit.measures.keyterms import keyness_from_counts

    value = counts[by].astype(str)

    def members(v: Any) -> pd.Series:
        vals = [v] if isinstance(v, str) or not isinstance(v, Iterable) else list(v)
        return value.isin([str(x) for x in vals])

    t = members(target)
    if not t.any():
        raise ValueError(
            f"target {target!r} has no tokens; values of {by!r}: {sorted(value.unique())}"
        )
    r = ~t if reference is None else members(reference) & ~t
    if not r.any():
        raise ValueError(f"reference {reference!r} has no tokens")
    a = counts[t].groupby("term")["count"].sum()
    b = counts[r].groupby("term")["count"].sum()
    terms = a.index.union(b.index).sort_values()
    a, b = a.reindex(terms, fill_value=0), b.reindex(terms, fill_value=0)
    out = keyness_from_counts(
        terms.to_numpy(dtype=object),
        a.to_numpy(),
        b.to_numpy(),
        target_total=int(a.sum()),
        reference_total=int(b.sum()),
        **options,
    )
    out.attrs["params"] = {
        **out.attrs.get("params", {}),
        "by": by,
        "target": target,
        "reference": "rest" if reference is None else reference,
    }
    return out
