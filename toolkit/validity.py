"""Check a measure against your own hand coding.

The workflow a reviewer expects:

1. :func:`coding_sheet` draws a stratified random sample of sentences or
   articles and writes a **blinded** CSV for coders: the text and empty code
   columns only, in random order, with neutral item ids. Scores, outlets and
   countries stay in a separate key file, so coders cannot be swayed by them.
2. Coders fill in the ``code`` column (one copy of the sheet per coder, or
   one column per coder).
3. :func:`read_coding_sheet` reads a sheet back and joins the key.
4. :func:`reliability` reports intercoder agreement (Krippendorff's alpha
   from the ``krippendorff`` package, Cohen's kappa per pair of coders) and
   :func:`compare_to_human` compares the measure with the (mean) human code:
   Pearson and Spearman correlation, mean absolute error, the confusion
   matrix and per-class precision, recall and F1.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit._meta import keyword_only, renamed
from toolkit.stats.groups import By, with_groups
from toolkit.tokens.tokenizer import Tokens

__all__ = [
    "HumanComparison",
    "coding_sheet",
    "cohen_kappa",
    "compare_to_human",
    "read_coding_sheet",
    "reliability",
]

_CLASSES = ("negative", "neutral", "positive")


# --------------------------------------------------------------------------
# Sampling and sheets
# --------------------------------------------------------------------------


def _allocate(sizes: pd.Series, n: int) -> dict:
    """Equal allocation of ``n`` items over strata, capped by stratum size.

    Items a small stratum cannot use go to the others, so the total is
    ``min(n, sum(sizes))``; ties are broken by stratum order.
    """
    alloc = dict.fromkeys(sizes.index, 0)
    left = min(n, int(sizes.sum()))
    open_ = [k for k in sizes.index if sizes[k] > 0]
    while left > 0 and open_:
        share = max(left // len(open_), 1)
        for k in list(open_):
            take = min(share, int(sizes[k]) - alloc[k], left)
            alloc[k] += take
            left -= take
            if alloc[k] >= sizes[k]:
                open_.remove(k)
            if left == 0:
                break
    return alloc


@keyword_only("n")
def coding_sheet(
    data: pd.DataFrame | Tokens,
    *,
    n: int = 100,
    by: By = None,
    level: str = "sentence",
    random_state: int = 0,
    path: str | Path | None = None,
    coders: Sequence[str] = ("code",),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Draw a stratified sample and make a blinded coding sheet and its key.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    n : int, default 100
        Items in total, shared equally between the strata of ``by`` (a
        stratum with fewer items gives all it has; the rest go to the others).
    by : column name(s), or Series keyed by doc_id, optional
        Corpus columns to stratify by (e.g. ``"outlet"`` or ``"country"``).
    level : {"sentence", "document"}
    random_state : int, default 0
    path : path, optional
        Write the sheet to ``path`` (CSV, UTF-8 with BOM so Excel shows Korean
        and Japanese text) and the key to ``<stem>_key.csv`` beside it. Text
        starting with ``=``, ``+``, ``-``, ``@``, tab or CR is written with a
        leading ``'`` so the spreadsheet does not run it as a formula.
    coders : list of str, default ("code",)
        Names of the empty code columns on the sheet (e.g. ``["coder_a",
        "coder_b"]`` when coders share one file).

    Returns
    -------
    sheet, key : DataFrame
        ``sheet``: ``item_id, text``, the empty code columns and ``notes``,
        in random order. ``key``: ``item_id, doc_id`` (and ``sent_id``), the
        stratum columns.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Talks met. Seoul said.", "Tokyo agreed.", "Ties frayed. Aides met."],
    ...                   "outlet": ["X", "X", "Y"]})
    >>> sheet, key = coding_sheet(c, n=4, by="outlet")
    >>> list(sheet.columns), len(sheet), key.outlet.value_counts().sort_index().tolist()
    (['item_id', 'text', 'code', 'notes'], 4, [2, 2])
    """
    if level not in ("sentence", "document"):
        raise ValueError(f"level must be 'sentence' or 'document', not {level!r}")
    # Only sentences (or nothing) are needed: no word tokenization.
    from toolkit.tokens.tokenizer import as_corpus, as_sentences

    sents, corpus = as_sentences(data) if level == "sentence" else (None, as_corpus(data))
    corpus, strata = with_groups(corpus, by)
    if level == "sentence":
        items = sents[["doc_id", "sent_id", "sentence"]].rename(columns={"sentence": "text"})
    else:
        items = corpus.loc[
            corpus["text"].fillna("").astype(str).str.strip() != "", ["doc_id", "title", "text"]
        ].copy()
        title = items["title"].fillna("").astype(str)
        items["text"] = np.where(
            title != "", title + "\n\n" + items["text"].astype(str), items["text"]
        )
        items = items.drop(columns="title")
    if strata:
        items = items.merge(corpus[["doc_id", *strata]], on="doc_id", how="left")
    # Sort first so the sample does not depend on the input row order.
    sort_cols = ["doc_id", "sent_id"] if level == "sentence" else ["doc_id"]
    items = items.sort_values(sort_cols, kind="stable").reset_index(drop=True)
    rng = np.random.default_rng(random_state)
    if strata:
        keys = items[strata].astype(str).agg("\x1f".join, axis=1)
        sizes = keys.value_counts().sort_index()
        alloc = _allocate(sizes, n)
        picked = []
        for k in sizes.index:
            idx = np.flatnonzero((keys == k).to_numpy())
            picked.extend(rng.choice(idx, size=alloc[k], replace=False).tolist())
        sample = items.iloc[sorted(picked)]
    else:
        take = min(n, len(items))
        sample = items.iloc[sorted(rng.choice(len(items), size=take, replace=False).tolist())]
    sample = sample.iloc[rng.permutation(len(sample))].reset_index(drop=True)
    width = max(3, len(str(len(sample))))
    sample.insert(0, "item_id", [f"item-{i + 1:0{width}d}" for i in range(len(sample))])
    sheet = sample[["item_id", "text"]].copy()
    for c in coders:
        sheet[c] = ""
    sheet["notes"] = ""
    key = sample.drop(columns="text")
    if path is not None:
        from toolkit.tables import safe_for_spreadsheet

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # coders open these in Excel: text like "=HYPERLINK(...)" must not run
        safe_for_spreadsheet(sheet).to_csv(
            path, index=False, encoding="utf-8-sig", lineterminator="\n"
        )
        safe_for_spreadsheet(key).to_csv(
            path.with_name(f"{path.stem}_key.csv"),
            index=False,
            encoding="utf-8-sig",
            lineterminator="\n",
        )
    return sheet, key


def read_coding_sheet(
    path: str | Path,
    *,
    key: str | Path | pd.DataFrame | None = None,
    coders: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Read a filled-in coding sheet and join its key.

    Parameters
    ----------
    path : path
        The CSV written by :func:`coding_sheet` (Excel may re-save it; both
        comma and semicolon separators are read).
    key : path or DataFrame, optional
        Defaults to ``<stem>_key.csv`` beside the sheet when it exists.
    coders : list of str, optional
        Code columns; by default every column other than ``item_id, text,
        notes``. Codes must be numbers (or blank = not coded, kept as NaN).

    Raises
    ------
    ValueError
        If a code is not a number; the message names the item and column.
    """
    from toolkit.tables import undo_spreadsheet_quotes

    path = Path(path)
    sheet = pd.read_csv(path, sep=None, engine="python", encoding="utf-8-sig", dtype=str)
    for c in ("item_id", "text", "notes"):
        if c in sheet.columns:  # the quote coding_sheet put before "=", "-", ...
            sheet[c] = undo_spreadsheet_quotes(sheet[c])
    if "item_id" not in sheet.columns:
        raise ValueError(f"{path}: no item_id column; is this a coding sheet?")
    cols = (
        list(coders)
        if coders
        else [c for c in sheet.columns if c not in ("item_id", "text", "notes")]
    )
    for c in cols:
        raw = sheet[c].fillna("").astype(str).str.strip()
        num = pd.to_numeric(raw.where(raw != ""), errors="coerce")
        bad = (raw != "") & num.isna()
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise ValueError(
                f"{path}: item {sheet['item_id'].iloc[i]} (row {i + 2}), column {c!r}: "
                f"code {raw.iloc[i]!r} is not a number"
            )
        sheet[c] = num.astype(float)
    if key is None:
        cand = path.with_name(f"{path.stem}_key.csv")
        key = cand if cand.exists() else None
    if key is not None:
        k = key if isinstance(key, pd.DataFrame) else pd.read_csv(key, encoding="utf-8-sig")
        if not isinstance(key, pd.DataFrame):
            k = k.apply(
                lambda col: (
                    undo_spreadsheet_quotes(col) if pd.api.types.is_string_dtype(col) else col
                )
            )
        sheet = sheet.merge(k, on="item_id", how="left", validate="one_to_one")
    return sheet


# --------------------------------------------------------------------------
# Agreement
# --------------------------------------------------------------------------


def _classes(x: np.ndarray, low: float, high: float) -> np.ndarray:
    return np.where(x < low, -1, np.where(x > high, 1, 0))


@dataclass
class HumanComparison:
    """The result of :func:`compare_to_human`.

    Attributes
    ----------
    summary : DataFrame
        One row: ``n, pearson, spearman, mae, accuracy, macro_f1``.
    confusion : DataFrame
        Counts; rows = human class, columns = measure class.
    per_class : DataFrame
        ``class, precision, recall, f1, support``.
    """

    summary: pd.DataFrame
    confusion: pd.DataFrame
    per_class: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"HumanComparison\n{self.summary.round(3).to_string(index=False)}\n\n"
            f"confusion (rows human, columns measure)\n{self.confusion.to_string()}\n\n"
            f"{self.per_class.round(3).to_string(index=False)}"
        )


def compare_to_human(
    scores: pd.DataFrame,
    coded: pd.DataFrame,
    *,
    score: str = "tone",
    code: str | Sequence[str] = "code",
    on: str | Sequence[str] | None = None,
    code_range: tuple[float, float] = (-1.0, 1.0),
    thresholds: tuple[float, float] = (-0.05, 0.05),
) -> HumanComparison:
    """Agreement between a measure and human codes.

    Parameters
    ----------
    scores : DataFrame
        The measure, e.g. ``tone(...)`` output, with ``score`` in [-1, 1].
    coded : DataFrame
        Human codes (e.g. :func:`read_coding_sheet` output).
    score : str, default "tone"
    code : str or list of str, default "code"
        Code column(s); several coders are averaged per item.
    on : str or list of str, optional
        Join keys; default ``["doc_id", "sent_id"]`` when both frames have
        ``sent_id``, else ``"doc_id"``.
    code_range : (low, high), default (-1, 1)
        The coding scale, mapped linearly onto [-1, 1] before the MAE and the
        classes are computed (e.g. ``(1, 5)`` for a five-point scale).
    thresholds : (low, high), default (-0.05, 0.05)
        Values below ``low`` are negative, above ``high`` positive, for both
        the measure and the rescaled human codes.

    Returns
    -------
    HumanComparison

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": list("abcd"), "tone": [0.5, -0.4, 0.0, 0.3]})
    >>> h = pd.DataFrame({"doc_id": list("abcd"), "code": [1, -1, 0, -1]})
    >>> r = compare_to_human(s, h)
    >>> r.summary[["n", "accuracy"]].values.tolist()
    [[4.0, 0.75]]
    """
    codes = [code] if isinstance(code, str) else list(code)
    if on is None:
        on = ["doc_id", "sent_id"] if "sent_id" in scores and "sent_id" in coded else ["doc_id"]
    keys = [on] if isinstance(on, str) else list(on)
    human = coded[keys + codes].copy()
    human["_human"] = human[codes].astype(float).mean(axis=1)
    m = scores[keys + [score]].merge(human[keys + ["_human"]], on=keys, how="inner")
    m = m.dropna(subset=[score, "_human"])
    lo, hi = code_range
    # Rounded so that a rating exactly on a cut-off stays there: without it,
    # 0.2 on a -4..4 scale becomes 0.05000000000000004 and crosses +0.05.
    y = np.round(2 * (m["_human"].to_numpy(dtype=float) - lo) / (hi - lo) - 1, 12)
    x = m[score].to_numpy(dtype=float)
    from scipy import stats

    n = len(m)
    pear = float(stats.pearsonr(x, y)[0]) if n > 2 and x.std() and y.std() else float("nan")
    spear = float(stats.spearmanr(x, y)[0]) if n > 2 and x.std() and y.std() else float("nan")
    yc, xc = _classes(y, *thresholds), _classes(x, *thresholds)
    labels = [-1, 0, 1]
    conf = pd.DataFrame(
        [[int(((yc == a) & (xc == b)).sum()) for b in labels] for a in labels],
        index=pd.Index(_CLASSES, name="human"),
        columns=pd.Index(_CLASSES, name="measure"),
    )
    rows = []
    for i, name in enumerate(_CLASSES):
        tp = conf.iat[i, i]
        pred, true = conf.iloc[:, i].sum(), conf.iloc[i, :].sum()
        p = tp / pred if pred else 0.0
        r = tp / true if true else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append({"class": name, "precision": p, "recall": r, "f1": f, "support": int(true)})
    per = pd.DataFrame(rows)
    summary = pd.DataFrame(
        [
            {
                "n": float(n),
                "pearson": pear,
                "spearman": spear,
                "mae": float(np.abs(x - y).mean()) if n else float("nan"),
                "accuracy": float((xc == yc).mean()) if n else float("nan"),
                "macro_f1": float(per["f1"].mean()),
            }
        ]
    )
    return HumanComparison(summary, conf, per)


def cohen_kappa(a: Sequence, b: Sequence, weights: str | None = None) -> float:
    """Cohen's kappa between two coders (items coded by both; NaN pairs dropped).

    Parameters
    ----------
    a, b : sequences of codes
    weights : {None, "linear", "quadratic"}
        Unweighted kappa for nominal codes; weighted kappa (disagreement
        weights ``|i - j|`` or ``(i - j)^2`` over the sorted categories) for
        ordered codes.

    Examples
    --------
    >>> cohen_kappa([1, 1, 0, 0], [1, 1, 0, 1])
    0.5
    """
    frame = pd.DataFrame({"a": list(a), "b": list(b)}).dropna()
    if frame.empty:
        return float("nan")
    cats = sorted(set(frame["a"]) | set(frame["b"]))
    k = len(cats)
    pos = {c: i for i, c in enumerate(cats)}
    table = np.zeros((k, k))
    for x, y in zip(frame["a"], frame["b"], strict=True):
        table[pos[x], pos[y]] += 1
    table /= table.sum()
    expected = np.outer(table.sum(axis=1), table.sum(axis=0))
    i, j = np.indices((k, k))
    if weights is None:
        w = (i != j).astype(float)
    elif weights == "linear":
        w = np.abs(i - j).astype(float)
    elif weights == "quadratic":
        w = ((i - j) ** 2).astype(float)
    else:
        raise ValueError(f"weights must be None, 'linear' or 'quadratic', not {weights!r}")
    denom = (w * expected).sum()
    if denom == 0:
        return 1.0 if (w * table).sum() == 0 else float("nan")
    return float(1 - (w * table).sum() / denom)


@renamed(level="scale")
def reliability(
    coded: pd.DataFrame,
    coders: Sequence[str],
    *,
    scale: str = "interval",
) -> pd.DataFrame:
    """Intercoder reliability: Krippendorff's alpha and pairwise Cohen's kappa.

    Parameters
    ----------
    coded : DataFrame
        One row per item, one column per coder (blank/NaN = not coded).
    coders : list of str
        The coder columns (two or more).
    scale : {"nominal", "ordinal", "interval", "ratio"}, default "interval"
        Scale (level of measurement) of the codes for alpha (before 0.4:
        ``level=``, which now always means the unit: sentence, document); kappa is unweighted for nominal codes
        and quadratic-weighted otherwise.

    Returns
    -------
    DataFrame
        ``statistic, coders, value, n_items``: one alpha row for all coders,
        then one kappa row per pair (items coded by both).

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"a": [1, 0, -1, 1, 0], "b": [1, 0, -1, 0, 0]})
    >>> reliability(d, ["a", "b"], scale="nominal")["statistic"].tolist()
    ['krippendorff_alpha', 'cohen_kappa']
    """
    import krippendorff

    if len(coders) < 2:
        raise ValueError("reliability needs at least two coder columns")
    if scale not in ("nominal", "ordinal", "interval", "ratio"):
        raise ValueError(f"unknown scale (level of measurement) {scale!r}")
    mat = coded[list(coders)].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float).T
    n_items = int((np.sum(~np.isnan(mat), axis=0) >= 2).sum())
    alpha = (
        float(krippendorff.alpha(reliability_data=mat, level_of_measurement=scale))
        if n_items
        else float("nan")
    )
    rows = [
        {
            "statistic": "krippendorff_alpha",
            "coders": ", ".join(coders),
            "value": alpha,
            "n_items": n_items,
        }
    ]
    weights = None if scale == "nominal" else "quadratic"
    for x, y in itertools.combinations(coders, 2):
        pair = coded[[x, y]].apply(pd.to_numeric, errors="coerce").dropna()
        rows.append(
            {
                "statistic": "cohen_kappa",
                "coders": f"{x}, {y}",
                "value": cohen_kappa(pair[x], pair[y], weights),
                "n_items": len(pair),
            }
        )
    return pd.DataFrame(rows)
