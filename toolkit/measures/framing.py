"""Frames: which issue (history, territory, security ...) or generic news frame a text uses.

Frames are measured with transparent, editable dictionaries matched on the
toolkit's tokens (:mod:`toolkit.lexicons.dictionary`):

- the **issue frames** of Korea-Japan coverage
  (``toolkit/data/frames/issue_frames.yaml``): history, territory, security,
  diplomacy, economy, law, domestic, environment, culture;
- the **generic news frames** of Semetko & Valkenburg (2000)
  (``toolkit/data/frames/generic_frames.yaml``): conflict, responsibility,
  economic_consequences, human_interest, morality, as weighted word
  indicators derived from their coding questions, with thresholds calibrated
  on human-coded real news (``benchmarks/frame_validity.py``).

A frame is *present* in a sentence or document when at least ``min_count``
of its patterns match there; its *rate* is matches per 1,000 word tokens
(punctuation not counted). Its *score* weighs each match by the pattern's
weight (``- pattern: weight`` in YAML; 1 by default) per 1,000 word tokens.
When the dictionary gives a frame a ``threshold`` (the bundled generic frames
do), the frame is present only where its score reaches the threshold: a frame
is a property of the story, and one passing word in a long article is not
evidence of it. :func:`calibrate_thresholds` chooses thresholds that agree
best with a human-coded sample, with a cross-validated estimate of how well
they will agree on new articles. The *dominant* frame of a document is the one with
most matches; ties are kept and stated (``"history|law"``,
``dominant_tie=True``), in dictionary order. :func:`explain_frames` lists every
match with its sentence so a score can be audited, and
:func:`frame_shares` gives shares by outlet / country / period with bootstrap
intervals (through :func:`toolkit.stats.aggregation.aggregate`).

The dictionaries are indicators, not a trained classifier: validate them on
your material, or fit a classifier to your own coding (:mod:`toolkit.measures.supervised`). ``tests/measures/test_demo_intended_codes.py`` compares them with the
frames the authors of the constructed demo articles intended.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from toolkit._meta import (
    STATUS_NO_WORDS,
    STATUS_OK,
    attach_attrs,
    keyword_only,
    not_measured,
    renamed,
    unmeasured_warning,
)
from toolkit._parallel import map_chunks, resolve_n_jobs
from toolkit.lexicons.dictionary import (
    Dictionary,
    Match,
    load_bundled,
    load_dictionary,
    reads_language,
)
from toolkit.measures._contract import document_statuses, record_unmeasured
from toolkit.stats.groups import By, with_groups
from toolkit.text.language import other_language
from toolkit.tokens.tokenizer import Tokens, as_tokens

__all__ = [
    "calibrate_thresholds",
    "explain_frames",
    "frame_cooccurrence",
    "frame_dictionary",
    "frame_shares",
    "frame_table",
    "frames",
]

_BUNDLED = {
    "issue": "frames/issue_frames.yaml",
    "generic": "frames/generic_frames.yaml",
}
_WORD = re.compile(r"\w")

DictLike = Dictionary | str | Path | Mapping[str, Any] | None


@renamed(dictionary="lexicon")
def frame_dictionary(lexicon: DictLike = None) -> Dictionary:
    """The frame dictionary to use.

    Parameters
    ----------
    lexicon : None, "issue", "generic", path, mapping or Dictionary
        ``None`` or ``"issue"``: the bundled Korea-Japan issue frames;
        ``"generic"``: the bundled generic news frames; a path to any file
        :func:`toolkit.load_dictionary` reads (YAML, CSV/TSV, LIWC ...); a
        mapping of frame -> patterns; or a :class:`~toolkit.Dictionary`.

    Examples
    --------
    >>> list(frame_dictionary("generic").categories)
    ['conflict', 'responsibility', 'economic_consequences', 'human_interest', 'morality']
    >>> frame_dictionary({"trade": ["export control*"]}).categories
    {'trade': ['export control*']}
    """
    if isinstance(lexicon, Dictionary):
        return lexicon
    if lexicon is None:
        lexicon = "issue"
    if isinstance(lexicon, str) and lexicon in _BUNDLED:
        return load_bundled(_BUNDLED[lexicon])
    if isinstance(lexicon, Mapping):
        return load_dictionary(lexicon, name="user")
    if isinstance(lexicon, (str, Path)):
        return load_dictionary(lexicon)
    raise TypeError(
        "lexicon must be None, 'issue', 'generic', a path, a mapping or a Dictionary, "
        f"not {type(lexicon).__name__}"
    )


@renamed(dictionary="lexicon")
def frame_table(lexicon: DictLike = None) -> pd.DataFrame:
    """The frames of a dictionary with their labels, definitions and pattern counts.

    Examples
    --------
    >>> frame_table().loc[0, ["frame", "label"]].tolist()
    ['history', 'History and colonial legacy']
    """
    d = frame_dictionary(lexicon)
    rows = []
    for f, pats in d.categories.items():
        meta = d.meta.get(f, {})
        rows.append(
            {
                "frame": f,
                "label": meta.get("label", f),
                "definition": meta.get("definition", ""),
                "n_patterns": len(pats),
                "n_exclude": len(d.exclude.get(f, [])),
                "threshold": _thresholds(d).get(f, np.nan),
            }
        )
    cols = ["frame", "label", "definition", "n_patterns", "n_exclude", "threshold"]
    return pd.DataFrame(rows, columns=cols)


def _thresholds(d: Dictionary, key: str = "threshold") -> dict[str, float]:
    """Per-frame numbers given in the dictionary (``threshold:``, ``min_weight:`` in YAML)."""
    out = {}
    for f in d.categories:
        t = d.meta.get(f, {}).get(key)
        if t is not None:
            try:
                out[f] = float(t)
            except (TypeError, ValueError):
                raise ValueError(f"frame {f!r}: {key} must be a number, got {t!r}") from None
    return out


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def _matches(tk: Tokens, d: Dictionary) -> list[list[Match]]:
    """Dictionary matches per sentence, aligned with ``tk.sentences``."""
    return [d.match(toks) for toks in tk.sentences["tokens"]]


def _n_words(tk: Tokens) -> np.ndarray:
    return np.fromiter(
        (sum(1 for t in toks if _WORD.search(t)) for toks in tk.sentences["tokens"]),
        dtype=np.int64,
        count=len(tk.sentences),
    )


# Below this many sentences, starting processes costs more than it saves.
_PARALLEL_MIN = 20_000


def _frame_counts(
    d: Dictionary, names: Sequence[str], token_lists: Sequence[Sequence[str]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Matches, summed match weights (sentences x frames) and word tokens of each sentence."""
    index = {f: j for j, f in enumerate(names)}
    counts = np.zeros((len(token_lists), len(names)), dtype=np.int64)
    weights = np.zeros((len(token_lists), len(names)), dtype=float)
    for i, toks in enumerate(token_lists):
        for m in d.match(toks):
            counts[i, index[m.category]] += 1
            weights[i, index[m.category]] += m.value
    words = np.fromiter(
        (sum(1 for t in toks if _WORD.search(t)) for toks in token_lists),
        dtype=np.int64,
        count=len(token_lists),
    )
    return counts, weights, words


def _dominant(counts: np.ndarray, names: Sequence[str]) -> tuple[list[Any], list[bool]]:
    """Dominant frame per row (ties joined with "|", in dictionary order)."""
    dom: list[Any] = []
    tie: list[bool] = []
    if counts.shape[1] == 0:
        return [np.nan] * counts.shape[0], [False] * counts.shape[0]
    top = counts.max(axis=1)
    for row, m in zip(counts, top, strict=True):
        if m <= 0:
            dom.append(np.nan)
            tie.append(False)
            continue
        winners = [names[j] for j in np.flatnonzero(row == m)]
        dom.append("|".join(winners))
        tie.append(len(winners) > 1)
    return dom, tie


def _attrs(
    out: pd.DataFrame, measure: str, d: Dictionary, n_docs: int, **params: Any
) -> pd.DataFrame:
    attach_attrs(out, measure, {"lexicon": d.name, **params}, n_docs=n_docs)
    out.attrs["frames"] = list(d.categories)
    return out


@renamed(dictionary="lexicon")
@keyword_only("lexicon")
def frames(
    data: pd.DataFrame | Tokens,
    *,
    lexicon: DictLike = None,
    level: str = "document",
    min_count: int = 1,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Frame scores per document or per sentence.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    lexicon : None, "issue", "generic", path, mapping or Dictionary
        See :func:`frame_dictionary`. Default: the bundled issue frames
        (before 0.4: ``dictionary=``).
    level : {"document", "sentence"}, default "document"
    min_count : int, default 1
        A frame is present when it has at least this many matches in the
        unit. Documents are long, so ``min_count=2`` gives a stricter reading
        of "the article uses this frame". Frames with a ``threshold`` in the
        dictionary must also reach it with their score, and their weights
        must add up to the dictionary's ``min_weight``, if it gives one.
    n_jobs : int, optional
        Worker processes matching the sentences: None (default) all cores,
        -1 all cores, 1 this process, k processes; corpora under 20,000
        sentences stay in this process. The output is the same for any value
        (see ``toolkit._parallel``).

    Returns
    -------
    DataFrame
        One row per document (every document, also empty ones) or per
        sentence (plus one row with ``sent_id`` missing for each document
        without sentences). Columns: ``doc_id``, [``sent_id``], ``n_tokens``
        (word tokens), ``status`` ("ok", or why nothing could be measured:
        "empty", "unreadable", "no words", "not measured: language ..."; a
        unit not measured has NA in every count, rate, score, flag and
        dominant-frame column, never 0/False),
        then per frame ``<frame>_count``, ``<frame>_rate`` (per 1,000 word
        tokens; NaN without tokens), ``<frame>_score`` (weighted matches per
        1,000 word tokens; equal to the rate when no pattern has a weight) and
        ``<frame>_present``, then
        ``n_frames`` (frames present), ``dominant_frame`` (most matches; ties
        joined with ``|``; NaN when no frame matched) and ``dominant_tie``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b"],
    ...     "text": ["Tokyo apologized for colonial rule. The court ruled on compensation.", ""]})
    >>> f = frames(c)
    >>> f[["doc_id", "history_count", "law_count", "dominant_frame", "dominant_tie"]].values.tolist()
    [['a', 2, 3, 'law', False], ['b', <NA>, <NA>, nan, <NA>]]
    >>> round(float(f.loc[0, "law_rate"]), 1), f.loc[1, "status"]
    (333.3, 'empty')
    """
    if level not in ("document", "sentence"):
        raise ValueError(f"level must be 'document' or 'sentence', not {level!r}")
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    resolve_n_jobs(n_jobs)  # a bad n_jobs fails also on a small corpus
    tk = as_tokens(data)
    d = frame_dictionary(lexicon)
    names = list(d.categories)
    sent = tk.sentences
    parts = map_chunks(
        _frame_counts,
        sent["tokens"].tolist(),
        head=(d, names),
        n_jobs=n_jobs,
        min_items=_PARALLEL_MIN,
    )
    counts = np.vstack([p[0] for p in parts])
    weights = np.vstack([p[1] for p in parts])
    words = np.concatenate([p[2] for p in parts])

    if level == "sentence":
        keys = pd.DataFrame({"doc_id": sent["doc_id"].to_numpy(), "sent_id": sent["sent_id"]})
        keys["sent_id"] = keys["sent_id"].astype("Int64")
        status = [STATUS_OK if w > 0 else STATUS_NO_WORDS for w in words]
        present = set(sent["doc_id"])
        missing = [d_ for d_ in tk.doc_ids if d_ not in present]
        if missing:
            keys = pd.concat(
                [
                    keys,
                    pd.DataFrame(
                        {
                            "doc_id": missing,
                            "sent_id": pd.array([pd.NA] * len(missing), dtype="Int64"),
                        }
                    ),
                ],
                ignore_index=True,
            )
            counts = np.vstack([counts, np.zeros((len(missing), len(names)), dtype=np.int64)])
            weights = np.vstack([weights, np.zeros((len(missing), len(names)))])
            words = np.concatenate([words, np.zeros(len(missing), dtype=np.int64)])
            why = _doc_statuses(tk)
            status += [why[x] for x in missing]
    else:
        order = {d_: k for k, d_ in enumerate(tk.doc_ids)}
        rows = sent["doc_id"].map(order).to_numpy()
        doc_counts = np.zeros((len(order), len(names)), dtype=np.int64)
        doc_words = np.zeros(len(order), dtype=np.int64)
        doc_weights = np.zeros((len(order), len(names)), dtype=float)
        if len(rows):
            np.add.at(doc_counts, rows, counts)
            np.add.at(doc_words, rows, words)
            np.add.at(doc_weights, rows, weights)
        keys = pd.DataFrame({"doc_id": tk.doc_ids})
        counts, words, weights = doc_counts, doc_words, doc_weights
        why = _doc_statuses(tk)
        status = [
            STATUS_OK if w > 0 else why[x] for x, w in zip(tk.doc_ids, doc_words, strict=True)
        ]

    # In a Korean or Japanese text an English dictionary's "no frame found"
    # would only mean "no English word found".
    language = reads_language(d)
    other = other_language(tk.corpus, language)
    for k, doc_id in enumerate(keys["doc_id"]):
        if status[k] == STATUS_OK and doc_id in other:
            status[k] = not_measured(other[doc_id], f"dictionary '{d.name}' is in '{language}'")
    # Only a measured unit has counts, flags and a dominant frame: a document
    # the dictionary cannot read gets NA there, never 0/False (a groupby mean
    # would read them as "no frame").
    measured = np.array([st == STATUS_OK for st in status], dtype=bool)
    out = keys.copy()
    out["n_tokens"] = words
    out["status"] = status
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = np.where(measured[:, None], counts * 1000.0 / words[:, None], np.nan)
        scores = np.where(measured[:, None], weights * 1000.0 / words[:, None], np.nan)
    thresholds = _thresholds(d)
    min_weight = _thresholds(d, "min_weight")
    present = counts >= min_count
    for j, f in enumerate(names):
        if f in thresholds:  # NaN score (nothing to read) is never >= a threshold
            present[:, j] &= scores[:, j] >= thresholds[f]
        if f in min_weight:
            present[:, j] &= weights[:, j] >= min_weight[f]

    def unless_unmeasured(values: np.ndarray, dtype: str) -> pd.api.extensions.ExtensionArray:
        arr = pd.array(values, dtype=dtype)
        arr[~measured] = pd.NA
        return arr

    cols: dict[str, Any] = {}
    for j, f in enumerate(names):
        cols[f"{f}_count"] = unless_unmeasured(counts[:, j], "Int64")
    for j, f in enumerate(names):
        cols[f"{f}_rate"] = rates[:, j]
    for j, f in enumerate(names):
        cols[f"{f}_score"] = scores[:, j]
    for j, f in enumerate(names):
        cols[f"{f}_present"] = unless_unmeasured(present[:, j], "boolean")
    out = pd.concat([out, pd.DataFrame(cols, index=out.index)], axis=1)
    out["n_frames"] = unless_unmeasured(present.sum(axis=1), "Int64")
    dom, tie = _dominant(counts, names)
    out["dominant_frame"] = pd.Series(dom, index=out.index, dtype=object)
    out.loc[~measured, "dominant_frame"] = np.nan
    out["dominant_tie"] = unless_unmeasured(np.array(tie, dtype=bool), "boolean")
    if level == "sentence":  # documents without sentences in their corpus place
        rank = out["doc_id"].map({d_: k for k, d_ in enumerate(tk.doc_ids)}).to_numpy()
        out = out.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)
    out = _attrs(out, "frames", d, n_docs=len(tk.doc_ids), level=level, min_count=min_count)
    out.attrs["thresholds"] = thresholds
    return out


def _doc_statuses(tk: Tokens) -> dict[str, str]:
    """Why each document without word tokens has nothing to measure.

    No text: ``empty`` or ``unreadable`` (from the loader); text but no word
    token (only punctuation or digits): ``no words``.
    """
    st = document_statuses(tk.corpus)
    return {d: STATUS_NO_WORDS if v == STATUS_OK else v for d, v in st.items()}


@renamed(dictionary="lexicon")
@keyword_only("lexicon")
def explain_frames(
    data: pd.DataFrame | Tokens,
    *,
    lexicon: DictLike = None,
    doc_id: str | Sequence[str] | None = None,
    frame: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every frame match: which pattern fired on which words of which sentence.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    lexicon : see :func:`frame_dictionary`
    doc_id : str or list of str, optional
        Only these documents (auditing one article is then instant).
    frame : str or list of str, optional
        Only these frames.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, frame, pattern, matched, start, end, sentence``;
        ``start``/``end`` are character offsets into the document text, so
        ``text[start:end] == matched``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Seoul protested the textbook. Talks resume."]})
    >>> explain_frames(c)[["sent_id", "frame", "pattern", "matched"]].values.tolist()
    [[0, 'history', 'textbook*', 'textbook'], [1, 'diplomacy', 'talks', 'Talks']]
    """
    tk = as_tokens(data)
    d = frame_dictionary(lexicon)
    language = reads_language(d)
    statuses = document_statuses(tk.corpus, language, f"dictionary '{d.name}' is in '{language}'")
    sent = tk.sentences
    # Matches in a document frames() does not measure (an English dictionary's
    # stray hits in a Korean article) are not evidence of anything: left out.
    keep = np.array(sent["doc_id"].map(statuses) == STATUS_OK, dtype=bool)  # writable
    if doc_id is not None:
        ids = {doc_id} if isinstance(doc_id, str) else set(doc_id)
        keep &= sent["doc_id"].isin(ids).to_numpy()
    wanted = None if frame is None else ({frame} if isinstance(frame, str) else set(frame))
    if wanted is not None and not wanted <= set(d.categories):
        raise ValueError(f"unknown frame(s) {sorted(wanted - set(d.categories))}")
    texts = dict(zip(tk.corpus["doc_id"], tk.corpus["text"], strict=True))
    rows = []
    for i in np.flatnonzero(keep):
        ms = d.match(sent["tokens"].iat[i])
        if wanted is not None:
            ms = [m for m in ms if m.category in wanted]
        if not ms:
            continue
        spans = tk.token_spans(int(i))
        did = sent["doc_id"].iat[i]
        for m in ms:
            start, end = spans[m.start][0], spans[m.end - 1][1]
            rows.append(
                {
                    "doc_id": did,
                    "sent_id": int(sent["sent_id"].iat[i]),
                    "frame": m.category,
                    "pattern": m.pattern,
                    "matched": texts[did][start:end],
                    "start": start,
                    "end": end,
                    "sentence": sent["sentence"].iat[i],
                }
            )
    cols = ["doc_id", "sent_id", "frame", "pattern", "matched", "start", "end", "sentence"]
    out = _attrs(pd.DataFrame(rows, columns=cols), "explain_frames", d, n_docs=len(tk.doc_ids))
    return record_unmeasured(out, statuses)


def _frame_scores(
    data: pd.DataFrame | Tokens, dictionary: DictLike, min_count: int, n_jobs: int | None = None
) -> pd.DataFrame:
    """Document frame scores, reusing ``data`` when it already is :func:`frames` output."""
    if isinstance(data, pd.DataFrame) and data.attrs.get("measure") == "frames":
        if data.attrs.get("params", {}).get("level") != "document":
            raise ValueError("pass document-level frames() output (level='document')")
        return data
    return frames(data, lexicon=dictionary, level="document", min_count=min_count, n_jobs=n_jobs)


@renamed(dictionary="lexicon")
@keyword_only("lexicon")
def frame_cooccurrence(
    data: pd.DataFrame | Tokens,
    *,
    lexicon: DictLike = None,
    min_count: int = 1,
    jaccard: bool = False,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """How often two frames are present in the same document.

    Parameters
    ----------
    data : corpus DataFrame, Tokens, or the document-level output of :func:`frames`
    lexicon : see :func:`frame_dictionary` (ignored when ``data`` is frames output)
    min_count : int, default 1
        Matches needed for a frame to be present (see :func:`frames`).
    jaccard : bool, default False
        Return the Jaccard similarity (documents with both / documents with
        either) instead of counts; NaN when neither frame occurs.
    n_jobs : int, optional
        As in :func:`frames`, when the frames are computed here.

    Returns
    -------
    DataFrame
        Square frames x frames table. With counts, the diagonal is the number
        of documents in which the frame is present. Only documents with
        ``status == "ok"`` count.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["The court ruled on colonial rule.", "Talks on history.",
    ...                            "The court met."]})
    >>> m = frame_cooccurrence(c, lexicon={"history": ["colonial*", "history"], "law": ["court"]})
    >>> m.values.tolist()
    [[2, 1], [1, 2]]
    """
    scores = _frame_scores(data, lexicon, min_count, n_jobs)
    names = scores.attrs["frames"]
    ok = scores[scores["status"] == "ok"]
    x = ok[[f"{f}_present" for f in names]].to_numpy(dtype=np.int64)
    both = x.T @ x
    if jaccard:
        n = np.diag(both)
        union = n[:, None] + n[None, :] - both
        with np.errstate(divide="ignore", invalid="ignore"):
            vals = np.where(union > 0, both / union, np.nan)
    else:
        vals = both
    out = pd.DataFrame(vals, index=pd.Index(names, name="frame"), columns=names)
    out.attrs.update(scores.attrs)
    attach_attrs(
        out,
        "frame_cooccurrence",
        {**scores.attrs.get("params", {}), "jaccard": jaccard},
        n_docs=len(scores),
    )
    out.attrs["n_measured"] = len(ok)
    return out


@renamed(dictionary="lexicon", value="method", scores="precomputed")
@keyword_only("lexicon")
def frame_shares(
    data: pd.DataFrame | Tokens,
    *,
    lexicon: DictLike = None,
    by: By = None,
    freq: str | None = None,
    method: str = "present",
    min_count: int = 1,
    ci: float = 0.95,
    n_boot: int = 1000,
    random_state: int = 0,
    precomputed: pd.DataFrame | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Share of documents using each frame, by group and period, with bootstrap intervals.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
        The corpus supplies the ``by`` columns and ``date``.
    lexicon : see :func:`frame_dictionary`
    by : column name(s), or Series keyed by doc_id, optional
        Corpus column(s) to group by, e.g. ``"country"`` or ``["country", "outlet"]``.
    freq : str, optional
        Time bins (pandas offset alias; "M" and "ME" both mean month).
    method : {"present", "dominant"}, default "present"
        Which share (before 0.4: ``value=``). ``"present"``: share of documents in which the frame is present.
        ``"dominant"``: share of documents whose dominant frame it is (a tie
        between k frames gives each 1/k), so shares add up to the share of
        documents with any frame.
    min_count : int, default 1
    ci, n_boot, random_state
        Percentile bootstrap over documents, as in :func:`toolkit.stats.aggregation.aggregate`.
    precomputed : DataFrame, optional
        The document-level output of :func:`frames` for the same data,
        lexicon and ``min_count``, to avoid computing it again (e.g. for
        shares by country and then by year; before 0.4: ``scores=``).
    n_jobs : int, optional
        As in :func:`frames`, when the frames are computed here.

    Returns
    -------
    DataFrame
        Long format: by-columns, [``period``], ``frame``, ``share``,
        ``ci_low``, ``ci_high``, ``n_docs`` (documents measured),
        ``n_unmeasured`` (documents of the group with nothing the dictionary
        could read: ``status != "ok"``). These are left out of the shares,
        counted per group, totalled in ``attrs["n_unmeasured"]`` and
        announced by one warning; a group with none measured keeps its rows
        (share NaN, ``n_docs`` 0).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Dokdo talks.", "Talks resumed.", "Trade fell."],
    ...                   "country": ["KR", "KR", "JP"]})
    >>> s = frame_shares(c, by="country", n_boot=200)
    >>> s[s.frame == "diplomacy"][["country", "share", "n_docs"]].values.tolist()
    [['JP', 0.0, 1], ['KR', 1.0, 2]]
    """
    from toolkit.stats.aggregation import aggregate

    if method not in ("present", "dominant"):
        raise ValueError(f"method must be 'present' or 'dominant', not {method!r}")
    tk = as_tokens(data)
    scores = precomputed
    if scores is None:
        scores = frames(tk, lexicon=lexicon, level="document", min_count=min_count, n_jobs=n_jobs)
    elif scores.attrs.get("params", {}).get("min_count", min_count) != min_count:
        raise ValueError("precomputed frames were computed with another min_count")
    names = scores.attrs["frames"]
    corpus, by_cols = with_groups(tk.corpus, by)
    meta_cols = [c for c in dict.fromkeys([*by_cols, "date"]) if c in corpus.columns]
    docs = corpus[["doc_id", *meta_cols]].merge(scores, on="doc_id", how="left")
    # Every document stays in its group: one the dictionary could not read
    # has a NaN value, so aggregate() counts it in n_unmeasured and a group of
    # only such documents appears with share NaN instead of vanishing.
    measured = (docs["status"] == STATUS_OK).to_numpy()
    if method == "present":
        vals = {
            f: np.where(
                measured,
                docs[f"{f}_present"].astype("Float64").to_numpy(float, na_value=np.nan),
                np.nan,
            )
            for f in names
        }
    else:
        split = docs["dominant_frame"].fillna("").str.split("|")
        vals = {
            f: np.where(
                measured,
                split.map(lambda w, f=f: (1.0 / len(w)) if f in w else 0.0).astype(float),
                np.nan,
            )
            for f in names
        }
    parts = []
    for f in names:
        frame_df = docs[["doc_id", *meta_cols]].copy()
        frame_df["_value"] = vals[f]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # warned once below, not per frame
            agg = aggregate(
                frame_df,
                "_value",
                by=by_cols or None,
                freq=freq,
                ci=ci,
                n_boot=n_boot,
                random_state=random_state,
            )
        agg = agg.rename(columns={"mean": "share"})
        agg.insert(len(by_cols) + (1 if "period" in agg.columns else 0), "frame", f)
        parts.append(agg)
    out = pd.concat(parts, ignore_index=True)
    keep = [
        *by_cols,
        *(["period"] if "period" in out.columns else []),
        "frame",
        "share",
        "ci_low",
        "ci_high",
        "n_docs",
        "n_unmeasured",
    ]
    sort = [*by_cols, *(["period"] if "period" in out.columns else [])]
    out = out[keep]
    if sort:
        order = {f: k for k, f in enumerate(names)}
        out = out.assign(_o=out["frame"].map(order)).sort_values([*sort, "_o"], kind="stable")
        out = out.drop(columns="_o").reset_index(drop=True)
    out = _attrs(
        out,
        "frame_shares",
        frame_dictionary(lexicon),
        n_docs=len(docs),
        by=by_cols,
        freq=freq,
        method=method,
        min_count=min_count,
        ci=ci,
        n_boot=n_boot,
        random_state=random_state,
    )
    n_unmeasured = int((~measured).sum())
    out.attrs["n_unmeasured"] = n_unmeasured
    unmeasured_warning("frame_shares", len(docs) - n_unmeasured, n_unmeasured)
    return out


# --------------------------------------------------------------------------
# Calibration against human coding
# --------------------------------------------------------------------------


def _f1(y: np.ndarray, p: np.ndarray) -> float:
    tp = int((y & p).sum())
    fp = int((~y & p).sum())
    fn = int((y & ~p).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _best_threshold(score: np.ndarray, y: np.ndarray) -> float:
    """The threshold maximising F1 of ``score >= t``: halfway between the
    lowest score let in and the next lower one, so a new article scoring
    between two coded ones is not decided by an accident of the sample.
    Ties go to the higher threshold (fewer false positives)."""
    values = np.unique(score)[::-1]  # descending
    best_f, best_i = -1.0, 0
    for i, t in enumerate(values):
        f = _f1(y, score >= t)
        if f > best_f:
            best_f, best_i = f, i
    t = values[best_i]
    return float((t + values[best_i + 1]) / 2) if best_i + 1 < len(values) else float(t)


def _stratified_folds(y: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Fold number of each row, positives and negatives dealt out separately."""
    fold = np.empty(len(y), dtype=np.int64)
    for cls in (True, False):
        idx = np.flatnonzero(y == cls)
        idx = idx[rng.permutation(len(idx))]
        fold[idx] = np.arange(len(idx)) % k
    return fold


def calibrate_thresholds(
    scores: pd.DataFrame,
    coded: pd.DataFrame,
    codes: Mapping[str, str],
    *,
    folds: int = 5,
    repeats: int = 5,
    random_state: int = 0,
) -> pd.DataFrame:
    """Score thresholds that agree best with human coders, with a cross-validated check.

    For each frame, the threshold on ``<frame>_score`` that maximises F1
    against the coders' yes/no codes is chosen; then the same choice is
    repeated inside ``folds``-fold cross-validation (``repeats`` times, with
    different splits), each time judged on the articles left out, which
    estimates the agreement to expect on articles the threshold was not
    chosen on. Put the chosen ``threshold`` into your copy of the frame
    dictionary (``threshold:`` under the frame).

    Parameters
    ----------
    scores : DataFrame
        Document-level :func:`frames` output. Only rows with
        ``status == "ok"`` are used.
    coded : DataFrame
        ``doc_id`` and one 0/1 (or boolean) column per code; rows with a
        missing code are left out for that frame.
    codes : mapping
        Frame -> column of ``coded``, e.g. ``{"conflict": "CO"}``.
    folds, repeats, random_state
        Cross-validation: stratified ``folds``-fold splits, ``repeats``
        times, seeded by ``random_state``.

    Returns
    -------
    DataFrame
        One row per frame: ``frame, code, n, n_present`` (coded present),
        ``threshold, precision, recall, f1`` (on all coded articles, at the
        threshold), ``cv_f1, cv_f1_sd`` (mean and SD over repeats),
        ``baseline_f1`` (marking every article present).

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": list("abcd"), "text": [  # constructed
    ...     "Costs soared and prices rose.", "Costs fell.", "A quiet day.", "Rain fell."]})
    >>> s = frames(corpus, lexicon={"economy": ["cost*", "price*"]})
    >>> coded = pd.DataFrame({"doc_id": list("abcd"), "EC": [1, 1, 0, 0]})
    >>> t = calibrate_thresholds(s, coded, {"economy": "EC"}, folds=2, repeats=1)
    >>> t[["frame", "threshold", "f1", "baseline_f1"]].round(2).values.tolist()
    [['economy', 200.0, 1.0, 0.67]]
    """
    if folds < 2:
        raise ValueError("folds must be at least 2")
    if "doc_id" not in coded.columns:
        raise ValueError("coded needs a doc_id column")
    ok = scores[scores["status"] == "ok"]
    rows = []
    for frame, col in codes.items():
        if f"{frame}_score" not in ok.columns:
            raise ValueError(f"no {frame}_score column: is {frame!r} a frame of the dictionary?")
        if col not in coded.columns:
            raise ValueError(f"coded has no column {col!r}")
        both = ok[["doc_id", f"{frame}_score"]].merge(
            coded[["doc_id", col]].dropna(subset=[col]), on="doc_id", how="inner"
        )
        s = both[f"{frame}_score"].to_numpy(dtype=float)
        y = both[col].astype(float).to_numpy() > 0
        if y.sum() == 0 or (~y).sum() == 0:
            raise ValueError(f"{col!r}: the coders marked every article the same way")
        t = _best_threshold(s, y)
        p = s >= t
        rng = np.random.default_rng(random_state)
        cv = []
        for _ in range(repeats):
            fold = _stratified_folds(y, folds, rng)
            pred = np.zeros(len(y), dtype=bool)
            for k in range(folds):
                test = fold == k
                pred[test] = s[test] >= _best_threshold(s[~test], y[~test])
            cv.append(_f1(y, pred))
        tp = int((y & p).sum())
        rows.append(
            {
                "frame": frame,
                "code": col,
                "n": len(y),
                "n_present": int(y.sum()),
                "threshold": t,
                "precision": tp / p.sum() if p.sum() else np.nan,
                "recall": tp / y.sum(),
                "f1": _f1(y, p),
                "cv_f1": float(np.mean(cv)),
                "cv_f1_sd": float(np.std(cv, ddof=1)) if len(cv) > 1 else np.nan,
                "baseline_f1": _f1(y, np.ones(len(y), dtype=bool)),
            }
        )
    out = pd.DataFrame(rows)
    return attach_attrs(
        out,
        "calibrate_thresholds",
        {"folds": folds, "repeats": repeats, "random_state": random_state},
    )
