"""Group and time aggregation of document scores, with bootstrap intervals.

Every per-sentence or per-document measure in the toolkit (tone, target tone,
frame shares) ends up here when it is summarised by outlet, country or month.
Two rules make the intervals honest for news data:

1. **Documents are the unit.** When ``data`` has several rows per document
   (sentences, mentions), the rows of one document are first averaged into one
   document score, and the bootstrap resamples documents. Resampling
   sentences would treat thirty sentences of one article as thirty
   independent observations and give intervals that are far too narrow.
2. **Seeded and order-free.** Inside each cell the document scores are sorted
   by document id before resampling, and each cell draws from its own
   generator seeded with ``random_state``; the same data in any row order
   gives the same interval, and a cell's interval does not change when other
   outlets or months are added to the data.

The interval is the percentile bootstrap: the ``(1 - ci) / 2`` and
``(1 + ci) / 2`` quantiles (numpy's default linear interpolation) of the
statistic over ``n_boot`` resamples of the cell's documents, drawn as one
``n_boot x n`` index matrix per cell.

**Small cells.** A percentile bootstrap over two or three documents can only
recombine those few values: its "95%" interval covers far less than 95% and
is often narrower than the spread of the documents themselves. Cells with
fewer than ``min_docs`` documents (:data:`MIN_DOCS`, 5, by default) keep
their computed bounds in the table but carry ``small_cell = True``; the
plots draw such cells with an open marker and no interval, and say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import Any

import numpy as np
import pandas as pd

from toolkit._meta import attach_attrs, renamed, unmeasured_warning
from toolkit.stats.groups import By, MissingColumnError, with_groups

__all__ = ["MIN_DOCS", "aggregate", "difference", "period_start"]

#: Fewest documents in a cell for its bootstrap interval to be shown as one.
#: A choice, not a law: with 5 documents the percentile bootstrap can form
#: 126 distinct resamples (multisets), with 2 only 3, and the percentile
#: interval's coverage falls well short of its nominal level in tiny samples.
MIN_DOCS = 5

StatFunc = Callable[..., Any]

_STATS: dict[str, StatFunc] = {"mean": np.mean, "median": np.median}


def _stat_func(stat: str | StatFunc) -> tuple[str, StatFunc]:
    if callable(stat):
        return getattr(stat, "__name__", "stat"), stat
    if stat not in _STATS:
        raise ValueError(f"stat must be 'mean', 'median' or a callable, not {stat!r}")
    return stat, _STATS[stat]


def _period_alias(freq: str) -> str:
    """Map an offset alias ("ME", "MS", "QE-DEC", "A") to a period alias ("M", "Q-DEC", "Y")."""
    m = re.fullmatch(r"(\d*)([A-Za-z]+)(-.+)?", freq.strip())
    if not m:
        raise ValueError(f"freq {freq!r} is not a pandas offset alias such as 'M', 'ME' or 'W'")
    mult, base, anchor = m.group(1), m.group(2), m.group(3) or ""
    up = base.upper()
    table = {
        "ME": "M",
        "MS": "M",
        "BM": "M",
        "BME": "M",
        "BMS": "M",
        "QE": "Q",
        "QS": "Q",
        "BQ": "Q",
        "BQE": "Q",
        "BQS": "Q",
        "YE": "Y",
        "YS": "Y",
        "A": "Y",
        "AE": "Y",
        "AS": "Y",
        "BA": "Y",
        "BY": "Y",
        "BYE": "Y",
        "BYS": "Y",
        "M": "M",
        "Q": "Q",
        "Y": "Y",
        "W": "W",
        "D": "D",
    }
    if up in table:
        return f"{mult}{table[up]}{anchor}"
    return freq  # "h", "min" and friends are period aliases already


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The start of the time bin each date falls in, as a Timestamp.

    Parameters
    ----------
    dates : Series
        Dates (datetime64 or anything :func:`pandas.to_datetime` parses).
        Time zones are dropped (the local wall-clock date is kept).
    freq : str
        A pandas offset alias: ``"M"`` and ``"ME"`` (month), ``"Q"``/``"QE"``,
        ``"Y"``/``"YE"``/``"A"``, ``"W"`` (weeks starting Monday), ``"D"``.

    Examples
    --------
    >>> s = pd.Series(pd.to_datetime(["2015-04-14", "2015-04-30", "2015-05-02"]))
    >>> period_start(s, "ME").dt.strftime("%Y-%m-%d").tolist()
    ['2015-04-01', '2015-04-01', '2015-05-01']
    """
    d = pd.to_datetime(dates, errors="coerce")
    if getattr(d.dt, "tz", None) is not None:
        d = d.dt.tz_localize(None)
    return d.dt.to_period(_period_alias(freq)).dt.start_time


def _doc_scores(data: pd.DataFrame, value: str, keys: list[str], doc: str) -> pd.DataFrame:
    """One row per (cell, document): the mean of the document's non-missing rows.

    A document whose rows are all missing keeps a NaN score, so its cell still
    appears (with ``n_docs`` counting only measurable documents).
    """
    cols = [*keys, doc]
    frame = data[cols].copy()
    frame["_v"] = pd.to_numeric(data[value], errors="coerce").astype(float)
    out = frame.groupby(cols, dropna=False, sort=False)["_v"].mean().reset_index()
    return out


def _boot_interval(
    values: np.ndarray, func: StatFunc, ci: float, n_boot: int, random_state: int
) -> tuple[float, float]:
    n = len(values)
    if n < 2 or n_boot < 1:
        return float("nan"), float("nan")
    rng = np.random.default_rng(random_state)
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = func(values[idx], axis=1)
    lo, hi = np.quantile(stats, [(1 - ci) / 2, (1 + ci) / 2])
    return float(lo), float(hi)


def _check(data: pd.DataFrame, value: str, doc: str, keys: list[str], ci: float) -> None:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be a DataFrame, got {type(data).__name__}")
    missing = [c for c in [value, doc, *keys] if c not in data.columns]
    if missing:
        hint = (
            " Measures return doc_id and scores only: join the corpus columns first, e.g. "
            f"data.merge(corpus[['doc_id', {', '.join(repr(m) for m in missing)}]], on='doc_id')."
            if "doc_id" in data.columns
            else ""
        )
        raise MissingColumnError(
            f"columns not in data: {missing}; have {list(data.columns)}.{hint}"
        )
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")


@renamed(stat="method")
def aggregate(
    data: pd.DataFrame,
    value: str,
    *,
    by: By = None,
    freq: str | None = None,
    date: str = "date",
    doc: str = "doc_id",
    method: str | StatFunc = "mean",
    ci: float = 0.95,
    n_boot: int = 1000,
    random_state: int = 0,
    min_docs: int = MIN_DOCS,
) -> pd.DataFrame:
    """Summarise a score by group and time bin, with a document bootstrap interval.

    Parameters
    ----------
    data : DataFrame
        One row per document, or several (sentences, mentions) per document.
        Needs ``value`` and ``doc`` columns, the ``by`` columns and, when
        ``freq`` is given, the ``date`` column. Join corpus columns (outlet,
        country, date) onto sentence scores with plain pandas first.
    value : str
        The numeric column to summarise.
    by : column name(s), or Series keyed by doc_id, optional
        Grouping columns (e.g. ``"outlet"`` or ``["country", "outlet"]``).
        Missing group values form their own group (nothing is dropped).
    freq : str, optional
        Time bins: a pandas offset alias (``"M"``, ``"ME"``, ``"W"``, ``"Q"``...).
        Bins are labelled by their start (``period``, a Timestamp).
    date, doc : str
        Names of the date and document-id columns.
    method : {"mean", "median"} or callable
        Statistic of the document scores in a cell (before 0.4: ``stat=``). A callable must accept
        ``(array, axis=...)`` like ``np.mean``.
    ci : float, default 0.95
        Confidence level of the percentile bootstrap interval.
    n_boot : int, default 1000
        Bootstrap resamples per cell.
    random_state : int, default 0
        Seed; each cell uses a generator seeded with it.
    min_docs : int, default :data:`MIN_DOCS` (5)
        Cells with fewer documents are flagged ``small_cell`` (their interval
        is not a reliable 95% interval; plots withhold it).

    Returns
    -------
    DataFrame
        One row per cell that has at least one row in ``data``: the ``by``
        columns, ``period`` (when ``freq`` is given), the statistic (column
        named after ``method``), ``ci_low``, ``ci_high``, ``n_docs`` (documents
        with a non-missing score; rows with a missing score are ignored, so a
        cell where nothing could be measured appears with ``n_docs == 0`` and
        NaN statistic), ``n_unmeasured`` (the cell's documents without a
        score: empty, unreadable or not measured; a warning gives their total
        once) and ``small_cell`` (``n_docs < min_docs``). Cells with one
        document get NaN interval bounds. Time bins without any row do not
        appear.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "outlet": ["X", "X", "X", "Y"],
    ...                   "tone": [0.2, 0.4, -0.1, 0.5]})
    >>> aggregate(d, "tone", by="outlet", n_boot=200)[["outlet", "mean", "n_docs"]]
      outlet  mean  n_docs
    0      X   0.1       2
    1      Y   0.5       1
    """
    _check(data, value, doc, [date] if freq else [], ci)
    data, keys = with_groups(data, by, doc=doc, what="data")
    stat_name, func = _stat_func(method)
    frame = data
    cell_keys = list(keys)
    if freq is not None:
        frame = data.copy()
        frame["period"] = period_start(data[date], freq)
        cell_keys.append("period")
    docs = _doc_scores(frame, value, cell_keys, doc)
    rows = []
    if cell_keys:
        groups = docs.groupby(cell_keys, dropna=False, sort=True)
    else:
        groups = [((), docs)]
    for key, g in groups:
        key = key if isinstance(key, tuple) else (key,)
        n_all = len(g)
        g = g[g["_v"].notna()]
        order = np.argsort(g[doc].astype(str).to_numpy(), kind="stable")
        vals = g["_v"].to_numpy(dtype=float)[order]
        est = float(func(vals)) if len(vals) else float("nan")
        lo, hi = _boot_interval(vals, func, ci, n_boot, random_state)
        rows.append((*key, est, lo, hi, len(vals), n_all - len(vals)))
    out = pd.DataFrame(
        rows, columns=[*cell_keys, stat_name, "ci_low", "ci_high", "n_docs", "n_unmeasured"]
    )
    out["n_docs"] = out["n_docs"].astype("int64")
    out["n_unmeasured"] = out["n_unmeasured"].astype("int64")
    out["small_cell"] = out["n_docs"] < min_docs
    # A document with no value (NaN: empty, unreadable, a language the measure
    # does not read) is counted per cell, never silently dropped.
    unmeasured_warning("aggregate", int(out["n_docs"].sum()), int(out["n_unmeasured"].sum()))
    return attach_attrs(
        out,
        "aggregate",
        {
            "value": value,
            "by": keys,
            "freq": freq,
            "method": stat_name,
            "stat": stat_name,  # the attrs key before 0.4; plots.tone.value_label reads it
            "ci": ci,
            "n_boot": n_boot,
            "random_state": random_state,
            "unit": doc,
            "min_docs": min_docs,
        },
        n_docs=docs[doc].nunique(),
    )


def difference(
    data: pd.DataFrame,
    value: str,
    *,
    by: By,
    groups: tuple[Hashable, Hashable] | None = None,
    doc: str = "doc_id",
    ci: float = 0.95,
    n_boot: int = 1000,
    random_state: int = 0,
) -> pd.DataFrame:
    """Difference of mean document scores between two groups, with a bootstrap interval.

    Documents are resampled within each group independently (the groups are
    taken as independent samples); rows of one document are averaged first,
    as in :func:`aggregate`.

    Parameters
    ----------
    data : DataFrame
    value : str
        The numeric column.
    by : column name, or Series keyed by doc_id
        The column holding the group labels.
    groups : (a, b), optional
        The two groups; the difference is ``mean(a) - mean(b)``. Defaults to
        the two values of ``by`` when it has exactly two (sorted).
    doc : str, default "doc_id"
    ci, n_boot, random_state
        As in :func:`aggregate`. One generator seeded with ``random_state``
        draws group ``a``'s resamples, then group ``b``'s.

    Returns
    -------
    DataFrame
        One row: ``group_a, group_b, mean_a, mean_b, difference, ci_low,
        ci_high, n_docs_a, n_docs_b`` (documents with a value) and
        ``n_unmeasured_a, n_unmeasured_b`` (documents without one: left out,
        and announced by one warning). The interval is NaN when a group has
        fewer than two documents.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": list("abcd"), "country": ["KR", "KR", "JP", "JP"],
    ...                   "tone": [0.4, 0.2, -0.1, 0.1]})
    >>> r = difference(d, "tone", by="country", groups=("KR", "JP"), n_boot=200)
    >>> round(float(r.loc[0, "difference"]), 3), int(r.loc[0, "n_docs_a"])
    (0.3, 2)
    """
    _check(data, value, doc, [], ci)
    data, keys = with_groups(data, by, doc=doc, what="data")
    if len(keys) != 1:
        raise ValueError(f"difference() compares the groups of one column, got by={keys}")
    by = keys[0]
    if groups is None:
        present = sorted(pd.unique(data[by].dropna()).tolist())
        if len(present) != 2:
            raise ValueError(f"{by!r} has {len(present)} groups; pass groups=(a, b)")
        groups = (present[0], present[1])
    a, b = groups
    docs = _doc_scores(data, value, [by], doc)
    n_docs = docs[doc].nunique()
    in_groups = docs[by].isin([a, b])
    no_value = docs["_v"].isna()
    n_unmeasured = [int((no_value & (docs[by] == grp)).sum()) for grp in (a, b)]
    unmeasured_warning(
        "difference",
        int((in_groups & docs["_v"].notna()).sum()),
        int((in_groups & docs["_v"].isna()).sum()),
    )
    docs = docs[docs["_v"].notna()]
    samples = []
    for grp in (a, b):
        g = docs[docs[by] == grp]
        order = np.argsort(g[doc].astype(str).to_numpy(), kind="stable")
        samples.append(g["_v"].to_numpy(dtype=float)[order])
    va, vb = samples
    mean_a = float(va.mean()) if len(va) else float("nan")
    mean_b = float(vb.mean()) if len(vb) else float("nan")
    lo = hi = float("nan")
    if len(va) >= 2 and len(vb) >= 2 and n_boot >= 1:
        rng = np.random.default_rng(random_state)
        ba = va[rng.integers(0, len(va), size=(n_boot, len(va)))].mean(axis=1)
        bb = vb[rng.integers(0, len(vb), size=(n_boot, len(vb)))].mean(axis=1)
        lo, hi = (float(x) for x in np.quantile(ba - bb, [(1 - ci) / 2, (1 + ci) / 2]))
    out = pd.DataFrame(
        [
            {
                "group_a": a,
                "group_b": b,
                "mean_a": mean_a,
                "mean_b": mean_b,
                "difference": mean_a - mean_b,
                "ci_low": lo,
                "ci_high": hi,
                "n_docs_a": len(va),
                "n_docs_b": len(vb),
                "n_unmeasured_a": n_unmeasured[0],
                "n_unmeasured_b": n_unmeasured[1],
            }
        ]
    )
    return attach_attrs(
        out,
        "difference",
        {
            "value": value,
            "by": by,
            "groups": [a, b],
            "ci": ci,
            "n_boot": n_boot,
            "random_state": random_state,
            "unit": doc,
        },
        n_docs=n_docs,
    )
