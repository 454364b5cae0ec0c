"""Measures learned from your own coding: fit, validate, apply, save.

Researchers hand-code a few hundred articles (or sentences, or mentions of an
actor) and want the rest of the corpus coded the same way. This module takes
the coded sheet (:func:`toolkit.validity.read_coding_sheet`, or any table
with a text column and one column per code) and

1. :func:`fit_classifier` fits a classifier per code on text features (word
   and word-pair tf-idf) and the toolkit's own dictionary measures (the
   generic frames' evidence for documents; tone toward the target for
   mentions);
2. :func:`cross_validate` reports how well that procedure agrees with the
   coders on items it was not fitted on: F1 and Cohen's kappa with bootstrap
   intervals, beside the baseline of always answering the most common code;
3. :func:`classify` applies a fitted model to a corpus: one row per input
   document (or mention), a ``status`` for every row it could not read, NaN
   scores for those rows, and columns that
   :func:`toolkit.stats.aggregation.aggregate` summarises by outlet and month like any
   other measure;
4. :meth:`Classifier.save` / :func:`load_classifier` keep the fitted model as
   plain JSON (vocabulary, idf weights, coefficients, scaling): readable,
   portable, and never executed on loading (no pickle).

Two units (``level=``):

- ``"document"``: the text is the unit (an article, a sentence). A 0/1
  code is fitted in two stages: a logistic regression on the words and word
  pairs gives a text log-odds; a second one weighs it (out-of-fold within
  the coded items) against the evidence of the generic frame
  (:func:`toolkit.measures.framing.frames`) that ranks the coded items best:
  its score, the share of sentences with one of its indicators, the number of
  distinct indicators and the weight of its densest sentence. On the
  Narrative Frames Corpus dev half (5x5 cross-validation) this two-stage fit
  agreed better with the coders than one regression over words and every
  frame's score (see ``benchmarks/classifier_validity.py``). Codes with more
  than two values get one regression over the words and all five frames'
  evidence.
- ``"mention"`` (stored as ``"target"`` in a model file): the unit is one mention of an actor in a sentence (columns
  ``start`` and ``end``: character offsets of the mention in the text), the
  code is the tone toward that actor. Features are target-aware: the words of
  the sentence with the mention masked, the words of the mention's clause,
  and the toolkit's tone scores toward the span
  (:func:`toolkit.measures.tone.news.span_tone_score` at three distances, tone of the
  clause and sentence, VADER on the clause and on five words either side
  of the mention), whether
  the mention is a speaker (a reporting verb next to it) and whether it opens
  the sentence.

The fit is deterministic (lbfgs, fixed folds from ``random_state``).
Features are computed by this module, not by scikit-learn's vectorisers, so a
saved model is applied with numpy alone and gives the same numbers anywhere.
"""

from __future__ import annotations

import json
import math
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from toolkit._meta import attach_attrs, renamed

__all__ = ["Classifier", "classify", "cross_validate", "fit_classifier", "load_classifier"]

FORMAT = "toolkit-classifier"
# 2: 0/1 codes carry their probability cut ("threshold"); a reader of version 1
# would ignore it and decide at 0.5, so it must refuse these files. Version 1
# files load with the cut 0.5 they were made with.
# 3: 0/1 document codes are two-stage ("stack": text log-odds and frame
# evidence); a version-2 reader would apply the text coefficients alone.
# Version-2 document files load and still read their issue-frame scores.
FORMAT_VERSION = 3
_WORD = re.compile(r"\w[\w'’-]*")
_TOKEN = re.compile(r"\w[\w'’-]*|[,;:()—–]")
_BREAKS = frozenset(",;:()—–") | {"but", "however", "while", "although", "though", "whereas"}
_REPORTING = frozenset(
    """said says say told tells according added adds noted notes stated argued explained
    insisted claimed asked replied announced tweeted wrote writes warned urged""".split()
)
# text blocks of each kind: (name, n-gram size)
_BLOCKS = {
    "document": (("w", 2),),
    # Words just left and right of the mention as a third block scored 0.692
    # macro-F1 on NewsMTSC dev against 0.702 without it: left out.
    "target": (("w", 2), ("c", 2)),
}
_TARGET_DICT = [
    "span_tone_2",
    "span_tone_5",
    "span_tone_15",
    "sentence_tone",
    "sentence_pos",
    "sentence_neg",
    "clause_tone",
    "vader_sentence",
    "vader_window",
    "vader_clause",
    "speaker",
    "first",
]


# --------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------


def _grams(tokens: list[str], n: int) -> list[str]:
    out = list(tokens)
    for k in range(2, n + 1):
        out += [" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]
    return out


def _clause(left: list[str], right: list[str]) -> list[str]:
    """Words of the mention's clause: up to the nearest break on either side."""
    before: list[str] = []
    for t in reversed(left):
        if t in _BREAKS:
            break
        before.append(t)
    after: list[str] = []
    for t in right:
        if t in _BREAKS:
            break
        after.append(t)
    return before[::-1] + after


def _text_blocks(kind: str, text: str, start: int | None, end: int | None) -> dict[str, list[str]]:
    if kind == "document":
        return {"w": _grams(_WORD.findall(text.lower()), 2)}
    left = _TOKEN.findall(text[:start].lower())
    right = _TOKEN.findall(text[end:].lower())
    lw = [t for t in left if t not in _BREAKS]
    rw = [t for t in right if t not in _BREAKS]
    clause = [t for t in _clause(left, right) if t not in _BREAKS]
    return {"w": _grams([*lw, "TARGET", *rw], 2), "c": _grams(clause, 2)}


def _target_dictionary_row(text: str, start: int, end: int) -> list[float]:
    from toolkit.measures.tone.news import news_tone_score, span_tone_score
    from toolkit.measures.tone.scoring import _score_vader

    left = _TOKEN.findall(text[:start])
    right = _TOKEN.findall(text[end:])
    clause = " ".join(_clause([t.lower() for t in left], [t.lower() for t in right]))
    lw = [t for t in left if t not in _BREAKS]
    rw = [t for t in right if t not in _BREAKS]
    window = " ".join([*lw[-5:], text[start:end], *rw[:5]])
    near = {t.lower() for t in lw[-2:] + rw[:2]}
    tone, pos, neg, _ = news_tone_score(text)
    return [
        span_tone_score(text, start, end, window=2),
        span_tone_score(text, start, end, window=5),
        span_tone_score(text, start, end, window=15),
        tone,
        pos,
        neg,
        news_tone_score(clause)[0] if clause else 0.0,
        _score_vader(text)[0],
        _score_vader(window)[0],
        _score_vader(clause)[0] if clause else 0.0,
        float(bool(near & _REPORTING)),
        float(text[:start].strip() == ""),
    ]


# Per generic frame, four readings of the dictionary's evidence (raw values;
# the feature space standardises them): the weighted indicators per 1,000
# words (the score of :func:`toolkit.measures.framing.frames`), the share of
# sentences with an indicator (a frame runs through a story, not one line),
# the number of distinct indicators (log: many different signs against one
# word repeated) and the weight of the densest sentence.
_EVIDENCE = ("", ":sentences", ":indicators", ":max_sentence")
# Regularisation of the second-stage model: five inputs, a few hundred items.
# In an exploratory 5x5 CV on NFC dev (tuned cut) 0.3 gave macro-F1 0.659, 0.1 gave 0.651.
_STACK_C = 0.3


def _generic_evidence(texts: list[str]) -> tuple[list[str], np.ndarray]:
    from toolkit.measures.framing import _matches, _n_words, frame_dictionary
    from toolkit.tokens.tokenizer import as_tokens

    corpus = pd.DataFrame(
        {"doc_id": [f"r{i}" for i in range(len(texts))], "text": texts, "language": "en"}
    )
    tk = as_tokens(corpus)
    d = frame_dictionary("generic")
    frames = list(d.categories)
    index = {f: j for j, f in enumerate(frames)}
    n, k = len(texts), len(frames)
    weight, covered, densest = np.zeros((n, k)), np.zeros((n, k)), np.zeros((n, k))
    distinct: list[list[set[str]]] = [[set() for _ in frames] for _ in range(n)]
    n_sent, n_words = np.zeros(n), np.zeros(n)
    order = {x: i for i, x in enumerate(tk.doc_ids)}
    doc = tk.sentences["doc_id"].map(order).to_numpy()
    words = _n_words(tk)
    for i, ms in enumerate(_matches(tk, d)):
        r = doc[i]
        n_words[r] += words[i]
        n_sent[r] += words[i] > 0
        w = np.zeros(k)
        for m in ms:
            w[index[m.category]] += m.value
            distinct[r][index[m.category]].add(m.pattern)
        weight[r] += w
        covered[r] += w > 0
        densest[r] = np.maximum(densest[r], w)
    rate = np.where(n_words[:, None] > 0, weight * 1000.0 / np.maximum(n_words, 1)[:, None], 0.0)
    share = covered / np.maximum(n_sent, 1)[:, None]
    kinds = np.log1p(np.array([[len(x) for x in row] for row in distinct], dtype=float))
    names, cols = [], []
    for j, f in enumerate(frames):
        for suffix, values in zip(_EVIDENCE, (rate, share, kinds, densest), strict=True):
            names.append(f"generic:{f}{suffix}")
            cols.append(values[:, j])
    return names, np.column_stack(cols).reshape(n, len(names))


def _issue_scores(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """Issue-frame scores: only read by document models saved in format 2."""
    from toolkit.measures.framing import frames

    corpus = pd.DataFrame(
        {"doc_id": [f"r{i}" for i in range(len(texts))], "text": texts, "language": "en"}
    )
    f = frames(corpus, lexicon="issue")
    names = [f"issue:{x}" for x in f.attrs["frames"]]
    cols = [f[f"{x}_score"].fillna(0.0).to_numpy(dtype=float) for x in f.attrs["frames"]]
    return names, np.column_stack(cols).reshape(len(texts), len(names))


def _document_dictionary(
    texts: list[str], wanted: Sequence[str] | None = None
) -> tuple[list[str], np.ndarray]:
    """Dictionary features of documents, in the order of ``wanted`` (default:
    the generic-frame evidence, see ``_EVIDENCE``)."""
    names, values = _generic_evidence(texts)
    if wanted is None:
        return names, values
    wanted = list(wanted)
    if any(w.startswith("issue:") for w in wanted):
        more, extra = _issue_scores(texts)
        names, values = names + more, np.hstack([values, extra])
    pos = {x: i for i, x in enumerate(names)}
    missing = [w for w in wanted if w not in pos]
    if missing:
        raise ValueError(f"the model needs dictionary features this toolkit lacks: {missing}")
    return wanted, values[:, [pos[w] for w in wanted]].reshape(len(texts), len(wanted))


@dataclass
class _Rows:
    """Featurised rows before vocabulary: text blocks and dictionary values."""

    blocks: list[dict[str, list[str]]]
    dictionary: np.ndarray
    dictionary_names: list[str]


def _featurise(kind: str, texts: list[str], starts=None, ends=None, wanted=None) -> _Rows:
    if kind == "document":
        blocks = [_text_blocks(kind, t, None, None) for t in texts]
        names, dic = _document_dictionary(texts, wanted)
        return _Rows(blocks, dic, names)
    blocks, rows = [], []
    for t, a, b in zip(texts, starts, ends, strict=True):
        blocks.append(_text_blocks(kind, t, a, b))
        rows.append(_target_dictionary_row(t, a, b))
    return _Rows(blocks, np.asarray(rows, dtype=float).reshape(len(texts), -1), list(_TARGET_DICT))


@dataclass
class _Space:
    """The learned feature space: vocabulary and idf per block, dictionary scaling."""

    kind: str
    vocabulary: dict[str, list[str]]
    idf: dict[str, list[float]]
    dictionary_names: list[str]
    mean: list[float]
    sd: list[float]

    @classmethod
    def fit(cls, kind: str, rows: _Rows, min_df: int) -> _Space:
        vocab, idf = {}, {}
        n = len(rows.blocks)
        for name, _ in _BLOCKS[kind]:
            df = Counter()
            for b in rows.blocks:
                df.update(set(b[name]))
            terms = sorted(t for t, k in df.items() if k >= min_df)
            vocab[name] = terms
            # smoothed idf, as in scikit-learn's TfidfVectorizer(smooth_idf=True)
            idf[name] = [math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms]
        d = rows.dictionary
        mean = d.mean(axis=0) if len(d) else np.zeros(d.shape[1])
        sd = d.std(axis=0) if len(d) else np.ones(d.shape[1])
        sd = np.where(sd > 0, sd, 1.0)
        return cls(kind, vocab, idf, list(rows.dictionary_names), mean.tolist(), sd.tolist())

    def transform(self, rows: _Rows):
        """Sparse matrix: per block sublinear tf x idf, L2-normalised; then the
        standardised dictionary values."""
        from scipy import sparse

        parts = []
        for name, _ in _BLOCKS[self.kind]:
            index = {t: i for i, t in enumerate(self.vocabulary[name])}
            idf = np.asarray(self.idf[name], dtype=float)
            data, ind, ptr = [], [], [0]
            for b in rows.blocks:
                counts = Counter(index[t] for t in b[name] if t in index)
                cols = sorted(counts)
                vals = np.array([(1.0 + math.log(counts[c])) * idf[c] for c in cols])
                norm = float(np.sqrt((vals**2).sum())) if len(vals) else 0.0
                if norm > 0:
                    vals = vals / norm
                data.extend(vals.tolist())
                ind.extend(cols)
                ptr.append(len(ind))
            parts.append(sparse.csr_matrix((data, ind, ptr), shape=(len(rows.blocks), len(index))))
        if list(rows.dictionary_names) != self.dictionary_names:
            raise ValueError("dictionary features differ from the ones the model was fitted on")
        z = (rows.dictionary - np.asarray(self.mean)) / np.asarray(self.sd)
        parts.append(sparse.csr_matrix(z))
        return sparse.hstack(parts).tocsr()

    def n_text(self) -> int:
        """Number of text (word and word-pair) columns; the dictionary columns follow."""
        return sum(len(v) for v in self.vocabulary.values())

    def n_features(self) -> int:
        return sum(len(v) for v in self.vocabulary.values()) + len(self.dictionary_names)


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------


@dataclass
class Classifier:
    """A fitted classifier: one logistic regression per code over one feature space.

    Use :func:`fit_classifier` to make one, :func:`classify` to apply it,
    :meth:`save` and :func:`load_classifier` to keep it.

    Attributes
    ----------
    kind : {"document", "target"}
    codes : dict
        Code -> ``{"classes": [...], "coef": [[...]], "intercept": [...]}``,
        with ``"threshold"`` (the probability cut) for 0/1 codes and, for
        0/1 document codes, ``"stack"``: the second stage (``inputs``:
        ``"text"``, the log-odds of ``coef``, and the frame evidence it
        weighs; their ``mean`` and ``sd``; its ``coef`` and ``intercept``).
    language : str
        Language of the training texts; other languages are not classified.
    info : dict
        How it was fitted (parameters, training size, toolkit version).
    """

    kind: str
    codes: dict[str, dict[str, Any]]
    space: _Space
    language: str = "en"
    info: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (
            f"<Classifier {self.kind}: codes {list(self.codes)}, "
            f"{self.space.n_features()} features, language {self.language!r}>"
        )

    def _proba(self, x) -> dict[str, np.ndarray]:
        out = {}
        for code, m in self.codes.items():
            if "stack" in m:
                p1 = self._stacked(x, m)
                out[code] = np.column_stack([1.0 - p1, p1])
                continue
            coef = np.asarray(m["coef"], dtype=float)
            z = np.asarray(x @ coef.T) + np.asarray(m["intercept"], dtype=float)
            if len(m["classes"]) == 2:  # one column: the log-odds of the second class
                p1 = 1.0 / (1.0 + np.exp(-z[:, 0]))
                out[code] = np.column_stack([1.0 - p1, p1])
            else:
                z = z - z.max(axis=1, keepdims=True)
                e = np.exp(z)
                out[code] = e / e.sum(axis=1, keepdims=True)
        return out

    def _stacked(self, x, m: dict[str, Any]) -> np.ndarray:
        """Probability of the second class of a two-stage code (see ``_fit_stacked``)."""
        n_text = self.space.n_text()
        st = m["stack"]
        ev = x[:, n_text:]
        ev = np.asarray(ev.todense()) if hasattr(ev, "todense") else np.asarray(ev)
        columns = []
        for name in st["inputs"]:
            if name == "text":
                coef = np.asarray(m["coef"], dtype=float)
                z = np.asarray(x[:, :n_text] @ coef.T)[:, 0] + float(m["intercept"][0])
                columns.append(z)
            else:
                columns.append(ev[:, self.space.dictionary_names.index(name)])
        z = (np.column_stack(columns) - np.asarray(st["mean"])) / np.asarray(st["sd"])
        logit = z @ np.asarray(st["coef"], dtype=float) + float(st["intercept"])
        return 1.0 / (1.0 + np.exp(-logit))

    def to_dict(self) -> dict[str, Any]:
        """The model as plain JSON-ready data."""
        s = self.space
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "kind": self.kind,
            "language": self.language,
            "info": self.info,
            "features": {
                "blocks": [list(b) for b in _BLOCKS[self.kind]],
                "vocabulary": s.vocabulary,
                "idf": s.idf,
                "dictionary": s.dictionary_names,
                "mean": s.mean,
                "sd": s.sd,
            },
            "codes": self.codes,
        }

    def save(self, path: str | Path) -> Path:
        """Write the model as JSON (UTF-8). Returns the path.

        Examples
        --------
        >>> import tempfile, pandas as pd
        >>> coded = pd.DataFrame({"text": ["Costs rose.", "Costs fell.", "Rain.", "Sun."] * 3,
        ...                       "EC": [1, 1, 0, 0] * 3})  # constructed
        >>> m = fit_classifier(coded, ["EC"], min_df=1)
        >>> p = m.save(Path(tempfile.mkdtemp()) / "ec.json")
        >>> load_classifier(p).codes["EC"]["classes"]
        [0, 1]
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False), encoding="utf-8")
        return path


def load_classifier(path: str | Path) -> Classifier:
    """Read a model written by :meth:`Classifier.save` (plain JSON, nothing executed).

    Raises
    ------
    ValueError
        If the file is not a toolkit classifier or is of a newer format.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> coded = pd.DataFrame({"text": ["Costs rose.", "Rain."] * 4, "EC": [1, 0] * 4})
    >>> p = fit_classifier(coded, ["EC"], min_df=1).save(Path(tempfile.mkdtemp()) / "m.json")
    >>> load_classifier(p).kind
    'document'
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a toolkit classifier (format {FORMAT!r})")
    if int(data.get("format_version", 0)) > FORMAT_VERSION:
        raise ValueError(
            f"{path}: format version {data['format_version']} is newer than "
            f"this toolkit reads ({FORMAT_VERSION}); update the toolkit"
        )
    kind = data["kind"]
    if kind not in _BLOCKS:
        raise ValueError(f"{path}: unknown kind {kind!r}")
    f = data["features"]
    space = _Space(kind, f["vocabulary"], f["idf"], f["dictionary"], f["mean"], f["sd"])
    return Classifier(kind, data["codes"], space, data.get("language", "en"), data.get("info", {}))


# --------------------------------------------------------------------------
# Fitting
# --------------------------------------------------------------------------


def _kind_of(level: str) -> str:
    """The model's unit as stored in its file ("document" or "target") from ``level=``."""
    if level == "target":
        warnings.warn(
            "level='target' is now level='mention'; the old value stops working after version 0.4",
            FutureWarning,
            stacklevel=3,
        )
        return "target"
    if level not in ("document", "mention"):
        raise ValueError(f"level must be 'document' or 'mention', not {level!r}")
    return "target" if level == "mention" else "document"


def _check_input(data: pd.DataFrame, text: str, kind: str) -> None:
    if kind not in _BLOCKS:
        raise ValueError(f"kind must be 'document' or 'target', not {kind!r}")
    if text not in data.columns:
        raise ValueError(f"no text column {text!r}; columns: {list(data.columns)}")
    if kind == "target":
        missing = {"start", "end"} - set(data.columns)
        if missing:
            raise ValueError(
                f"kind='target' needs columns 'start' and 'end' (offsets of the "
                f"mention in the text); missing {sorted(missing)}"
            )


def _labels(values: pd.Series, code: str) -> np.ndarray:
    num = pd.to_numeric(values, errors="coerce")
    if num.notna().sum() != values.notna().sum():
        raise ValueError(f"code {code!r} must be numeric (e.g. 0/1, or -1/0/1 for tone)")
    return num.to_numpy(dtype=float)


def _best_cut(p: np.ndarray, y: np.ndarray) -> float:
    """The probability cut maximising F1 of ``p >= cut`` against 0/1 ``y``:
    halfway between the lowest probability let in and the next lower one.
    Ties go to the higher cut (fewer false positives)."""
    values = np.unique(p)[::-1]
    best_f, best_i = -1.0, 0
    for i, t in enumerate(values):
        f = _f1(y, (p >= t).astype(int), [0, 1])
        if f > best_f:
            best_f, best_i = f, i
    t = values[best_i]
    return float((t + values[best_i + 1]) / 2) if best_i + 1 < len(values) else float(t)


def _tuned_cut(x, y: np.ndarray, C: float, folds: int = 5) -> float:
    """Cut for a 0/1 code chosen on out-of-fold probabilities within the training items.

    Why: with codes present in a fifth of the items, a logistic regression's
    0.5 is rarely the cut that agrees best with the coders. The inner folds
    share the outer feature space (vocabulary, idf): that space never saw the
    items a cross-validation judges, so the outer estimate stays honest.
    """
    from sklearn.linear_model import LogisticRegression

    folds = int(min(folds, np.bincount(y).min()))
    if folds < 2:
        return 0.5
    fold = _stratified_folds(y, folds, np.random.default_rng(0))
    oof = np.zeros(len(y))
    for k in range(folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        m = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(x[tr], y[tr])
        oof[te] = m.predict_proba(x[te])[:, 1]
    return _best_cut(oof, y)


def _auc(score: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve of ``score`` for 0/1 ``y`` (Mann-Whitney, ties halved)."""
    from scipy.stats import rankdata

    n1 = int(y.sum())
    n0 = len(y) - n1
    r = rankdata(score)
    return float((r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def _closest_frame(space: _Space, ev: np.ndarray, y: np.ndarray) -> str | None:
    """The generic frame whose score ranks the coded items best (highest AUC).

    Why: a code such as "EC" names a frame the dictionary measures too, but
    the coding sheet does not say which; the training items do. Chosen on the
    items being fitted (inside each training fold in a cross-validation).
    """
    best, best_auc = None, -1.0
    for j, name in enumerate(space.dictionary_names):
        if not name.startswith("generic:") or name.count(":") != 1:
            continue
        auc = _auc(ev[:, j], y)
        if auc > best_auc:
            best, best_auc = name, auc
    return best


def _out_of_fold(fit, x, y: np.ndarray, folds: int = 5) -> np.ndarray | None:
    """Out-of-fold values of ``fit(x_train, y_train, x_test)`` over stratified
    inner folds (fixed seed); None when a class is too rare to split."""
    folds = int(min(folds, np.bincount(y).min()))
    if folds < 2:
        return None
    fold = _stratified_folds(y, folds, np.random.default_rng(0))
    out = np.zeros(len(y))
    for k in range(folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        out[te] = fit(x[tr], y[tr], x[te])
    return out


def _fit_stacked(x, y: np.ndarray, space: _Space, C: float, threshold: float | str) -> dict:
    """A 0/1 document code in two stages.

    1. A logistic regression on the words and word pairs (tf-idf) gives a
       text log-odds.
    2. A second logistic regression weighs that log-odds against the
       dictionary's evidence for the frame closest to the code (score,
       share of sentences, distinct indicators, densest sentence).

    Why: with a few hundred coded articles the dictionary's evidence for
    the one matching frame carries most of the signal; in one regression
    over thousands of word features and every frame's score it was diluted
    (5x5 CV on NFC dev, macro-F1 0.584). The text log-odds fed to stage 2
    are out-of-fold within the training items, so stage 2 learns how far
    the words can be trusted on articles they were not fitted on.
    """
    from sklearn.linear_model import LogisticRegression

    def lr(c: float):
        return LogisticRegression(C=c, class_weight="balanced", max_iter=5000)

    n_text = space.n_text()
    ev = np.asarray(x[:, n_text:].todense()) if hasattr(x, "todense") else x[:, n_text:]
    inputs, columns = [], []
    out: dict[str, Any] = {"classes": [0, 1]}
    if n_text:
        xt = x[:, :n_text]
        text = lr(C).fit(xt, y)
        out["coef"], out["intercept"] = text.coef_.tolist(), text.intercept_.tolist()
        oof = _out_of_fold(lambda a, b, c: lr(C).fit(a, b).decision_function(c), xt, y)
        inputs.append("text")
        columns.append(text.decision_function(xt) if oof is None else oof)
    frame = _closest_frame(space, ev, y)
    if frame is not None:
        for suffix in _EVIDENCE:
            j = space.dictionary_names.index(frame + suffix)
            inputs.append(frame + suffix)
            columns.append(ev[:, j])
    if not columns:
        raise ValueError("no features: lower min_df or give longer texts")
    z = np.column_stack(columns)
    mean, sd = z.mean(axis=0), z.std(axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    z = (z - mean) / sd
    second = lr(_STACK_C).fit(z, y)
    out["stack"] = {
        "inputs": inputs,
        "mean": mean.tolist(),
        "sd": sd.tolist(),
        "coef": second.coef_[0].tolist(),
        "intercept": float(second.intercept_[0]),
    }
    if threshold == "tuned":
        p = _out_of_fold(lambda a, b, c: lr(_STACK_C).fit(a, b).predict_proba(c)[:, 1], z, y)
        out["threshold"] = 0.5 if p is None else _best_cut(p, y)
    else:
        out["threshold"] = float(threshold)
    return out


def _fit_codes(
    x,
    labels: dict[str, np.ndarray],
    C: float,
    threshold: float | str = 0.5,
    space: _Space | None = None,
) -> dict[str, dict[str, Any]]:
    from sklearn.linear_model import LogisticRegression

    out = {}
    for code, y in labels.items():
        keep = ~np.isnan(y)
        yk = y[keep].astype(int)
        classes = sorted(set(yk.tolist()))
        if len(classes) < 2:
            raise ValueError(
                f"code {code!r}: the coders gave only one value ({classes}); nothing to learn"
            )
        xk = x[np.flatnonzero(keep)]
        if len(classes) == 2 and space is not None and space.kind == "document":
            out[code] = _fit_stacked(xk, (yk == classes[1]).astype(int), space, C, threshold)
            out[code]["classes"] = [int(c) for c in classes]
            continue
        m = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        m.fit(xk, yk)
        out[code] = {
            "classes": [int(c) for c in m.classes_],
            "coef": m.coef_.tolist(),
            "intercept": m.intercept_.tolist(),
        }
        if len(classes) == 2:
            if threshold == "tuned":
                cut = _tuned_cut(xk, (yk == classes[1]).astype(int), C)
            else:
                cut = float(threshold)
            out[code]["threshold"] = cut
    return out


def _check_threshold(threshold: float | str) -> None:
    if threshold == "tuned":
        return
    if isinstance(threshold, str) or not 0.0 < float(threshold) < 1.0:
        raise ValueError(f"threshold must be 'tuned' or a probability in (0, 1), not {threshold!r}")


def _prepare(data: pd.DataFrame, text: str, kind: str, wanted=None) -> _Rows:
    texts = data[text].fillna("").astype(str).tolist()
    if kind == "target":
        return _featurise(
            kind, texts, data["start"].astype(int).tolist(), data["end"].astype(int).tolist()
        )
    return _featurise(kind, texts, wanted=wanted)


def _subset(rows: _Rows, idx: np.ndarray) -> _Rows:
    return _Rows([rows.blocks[i] for i in idx], rows.dictionary[idx], rows.dictionary_names)


@renamed(kind="level")
def fit_classifier(
    coded: pd.DataFrame,
    codes: Sequence[str],
    *,
    text: str = "text",
    level: str = "document",
    C: float = 1.0,
    min_df: int = 2,
    threshold: float | str = 0.5,
) -> Classifier:
    """Fit one classifier per code on hand-coded texts.

    Parameters
    ----------
    coded : DataFrame
        One row per coded item: the text and one numeric column per code
        (0/1 for "frame present", -1/0/1 for tone ...), e.g. what
        :func:`toolkit.validity.read_coding_sheet` returns. Blank codes
        (NaN) leave the item out for that code only. With ``level="mention"``
        also ``start`` and ``end``, the mention's offsets in the text.
    codes : list of str
        The code columns to learn.
    text : str, default "text"
    level : {"document", "mention"}, default "document"
        The unit coded: whole documents, or one mention inside a text (the
        ``target`` unit of the module docstring; ``"target"`` is still read,
        with a FutureWarning). Called ``kind`` before 0.4.
    C : float, default 1.0
        Inverse regularisation strength of the logistic regressions on the
        text (the second stage of a 0/1 document code has five inputs and a
        fixed C of 0.3).
    min_df : int, default 2
        A word (or word pair) must occur in this many coded items to be a
        feature.
    threshold : float or "tuned", default 0.5
        For 0/1 codes, the probability from which an item is coded 1. With
        ``"tuned"`` each code gets the cut that maximises F1 on out-of-fold
        probabilities within the coded items (5 inner folds): worth it when
        a code is rare. Saved with the
        model and used by :func:`classify`.

    Returns
    -------
    Classifier

    Examples
    --------
    >>> import pandas as pd
    >>> coded = pd.DataFrame({"text": ["Costs rose sharply.", "Prices and costs soared.",
    ...                                "The choir sang.", "A calm day."] * 3,
    ...                       "EC": [1, 1, 0, 0] * 3})  # constructed
    >>> m = fit_classifier(coded, ["EC"], min_df=1)
    >>> m.kind, m.codes["EC"]["classes"]
    ('document', [0, 1])
    """
    from toolkit import __version__

    kind = _kind_of(level)
    _check_input(coded, text, kind)
    _check_threshold(threshold)
    codes = list(codes)
    missing = [c for c in codes if c not in coded.columns]
    if missing:
        raise ValueError(f"code column(s) {missing} not in the coded table")
    labels = {c: _labels(coded[c], c) for c in codes}
    rows = _prepare(coded, text, kind)
    space = _Space.fit(kind, rows, min_df)
    fitted = _fit_codes(space.transform(rows), labels, C, threshold, space)
    language = "en"
    if "language" in coded.columns and coded["language"].notna().any():
        language = str(coded["language"].mode().iloc[0])
    info = {
        "n_items": len(coded),
        "C": C,
        "min_df": min_df,
        "threshold": threshold,
        "toolkit_version": __version__,
        "n_features": space.n_features(),
        "n_coded": {c: int((~np.isnan(v)).sum()) for c, v in labels.items()},
    }
    return Classifier(kind, fitted, space, language, info)


# --------------------------------------------------------------------------
# Cross-validation
# --------------------------------------------------------------------------


def _stratified_folds(y: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    fold = np.empty(len(y), dtype=np.int64)
    for cls in np.unique(y):
        idx = np.flatnonzero(y == cls)
        idx = idx[rng.permutation(len(idx))]
        fold[idx] = np.arange(len(idx)) % k
    return fold


def _f1(y: np.ndarray, p: np.ndarray, classes: list[int]) -> float:
    """Positive-class F1 for two classes, macro F1 over classes otherwise."""

    def one(c: int) -> float:
        tp = int(((y == c) & (p == c)).sum())
        denom = int((p == c).sum() + (y == c).sum())
        return 2 * tp / denom if denom else 0.0

    if len(classes) == 2:
        return one(classes[1])
    return float(np.mean([one(c) for c in classes]))


def _kappa(y: np.ndarray, p: np.ndarray) -> float:
    """Unweighted Cohen's kappa (as :func:`toolkit.validity.cohen_kappa`, in numpy
    because the bootstrap calls it a thousand times)."""
    cats, inv = np.unique(np.concatenate([y, p]), return_inverse=True)
    k = len(cats)
    table = np.bincount(inv[: len(y)] * k + inv[len(y) :], minlength=k * k).reshape(k, k)
    table = table / table.sum()
    observed = np.trace(table)
    expected = float(table.sum(axis=1) @ table.sum(axis=0))
    if expected == 1.0:
        return 1.0 if observed == 1.0 else float("nan")
    return float((observed - expected) / (1.0 - expected))


def _decide(m: dict[str, Any], proba: np.ndarray) -> np.ndarray:
    """Predicted class: for 0/1 codes the second class from the model's cut
    (0.5 for models saved before cuts were stored), else the most probable."""
    classes = np.asarray(m["classes"])
    if len(classes) == 2:
        return np.where(proba[:, 1] >= float(m.get("threshold", 0.5)), classes[1], classes[0])
    return classes[proba.argmax(axis=1)]


def _spread(values: list[float]) -> dict[str, float]:
    return {
        "f1_mean": float(np.mean(values)),
        "f1_sd": float(np.std(values, ddof=1)) if len(values) > 1 else float("nan"),
    }


@renamed(kind="level")
def cross_validate(
    coded: pd.DataFrame,
    codes: Sequence[str],
    *,
    text: str = "text",
    level: str = "document",
    C: float = 1.0,
    min_df: int = 2,
    threshold: float | str = 0.5,
    folds: int = 5,
    random_state: int = 0,
    repeats: int = 1,
    ci: float = 0.95,
    n_boot: int = 1000,
) -> pd.DataFrame:
    """How well classifiers fitted on the coding agree with the coders on unseen items.

    Each item is predicted by a model fitted, features included (vocabulary,
    idf, scaling), on the other folds only; F1 and Cohen's kappa of those
    out-of-fold predictions against the codes get percentile bootstrap
    intervals (items resampled). F1 is that of the "present" class for 0/1
    codes and the macro F1 over classes otherwise. The baseline is always
    answering the most common code (for 0/1 codes: always "present"; its F1).

    Parameters
    ----------
    coded, codes, text, kind, C, min_df, threshold
        As in :func:`fit_classifier`. A tuned threshold is chosen inside each
        training fold, never on the items judged.
    folds : int, default 5
        Stratified folds (by the first code's values).
    random_state : int, default 0
    repeats : int, default 1
        Repeat the whole cross-validation on this many different splits.
        The table's F1, kappa and intervals are those of the first split;
        ``f1_mean`` and ``f1_sd`` give the mean and standard deviation of F1
        over the repeats (how much the estimate owes to one split).
    ci : float, default 0.95
    n_boot : int, default 1000

    Returns
    -------
    DataFrame
        One row per code: ``code, n, classes, f1, f1_low, f1_high, kappa,
        kappa_low, kappa_high, accuracy, baseline_f1, f1_mean, f1_sd``.
        ``attrs["predictions"]`` holds the out-of-fold predictions of the
        first split (``row, code, true, predicted``), ``attrs["repeat_f1"]``
        the F1 of every code in every repeat (``repeat, code, f1``).

    Examples
    --------
    >>> import pandas as pd
    >>> coded = pd.DataFrame({"text": ["Costs rose sharply.", "Prices and costs soared.",
    ...                                "The choir sang.", "A calm day."] * 5,
    ...                       "EC": [1, 1, 0, 0] * 5})  # constructed
    >>> t = cross_validate(coded, ["EC"], min_df=1, n_boot=100)
    >>> t[["code", "n", "f1", "kappa"]].values.tolist()
    [['EC', 20, 1.0, 1.0]]
    """
    kind = _kind_of(level)
    _check_input(coded, text, kind)
    _check_threshold(threshold)
    codes = list(codes)
    if folds < 2:
        raise ValueError("folds must be at least 2")
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    labels = {c: _labels(coded[c], c) for c in codes}
    rows = _prepare(coded, text, kind)
    rng = np.random.default_rng(random_state)
    first = labels[codes[0]]
    runs = []
    for _ in range(repeats):
        fold = _stratified_folds(np.nan_to_num(first, nan=-999), folds, rng)
        pred = {c: np.full(len(coded), np.nan) for c in codes}
        for k in range(folds):
            tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
            space = _Space.fit(kind, _subset(rows, tr), min_df)
            fitted = _fit_codes(
                space.transform(_subset(rows, tr)),
                {c: v[tr] for c, v in labels.items()},
                C,
                threshold,
                space,
            )
            model = Classifier(kind, fitted, space)
            proba = model._proba(space.transform(_subset(rows, te)))
            for c in codes:
                pred[c][te] = _decide(fitted[c], proba[c])
        runs.append(pred)
    pred = runs[0]
    out, preds, per_run = [], [], []
    alpha = (1 - ci) / 2
    for c in codes:
        keep = ~np.isnan(labels[c])
        y = labels[c][keep].astype(int)
        p = pred[c][keep].astype(int)
        classes = sorted(set(y.tolist()))
        boot_f, boot_k = [], []
        brng = np.random.default_rng(random_state)
        for _ in range(n_boot):
            i = brng.integers(0, len(y), len(y))
            boot_f.append(_f1(y[i], p[i], classes))
            boot_k.append(_kappa(y[i], p[i]))
        common = np.bincount(y - min(classes)).argmax() + min(classes)
        base = classes[1] if len(classes) == 2 else common
        out.append(
            {
                "code": c,
                "n": int(len(y)),
                "classes": classes,
                "f1": _f1(y, p, classes),
                "f1_low": float(np.nanquantile(boot_f, alpha)),
                "f1_high": float(np.nanquantile(boot_f, 1 - alpha)),
                "kappa": _kappa(y, p),
                "kappa_low": float(np.nanquantile(boot_k, alpha)),
                "kappa_high": float(np.nanquantile(boot_k, 1 - alpha)),
                "accuracy": float((y == p).mean()),
                "baseline_f1": _f1(y, np.full(len(y), base), classes),
                **_spread([_f1(y, r[c][keep].astype(int), classes) for r in runs]),
            }
        )
        per_run += [
            {"repeat": j, "code": c, "f1": _f1(y, r[c][keep].astype(int), classes)}
            for j, r in enumerate(runs)
        ]
        preds.append(
            pd.DataFrame({"row": np.flatnonzero(keep), "code": c, "true": y, "predicted": p})
        )
    table = pd.DataFrame(out)
    attach_attrs(
        table,
        "cross_validate",
        {
            "kind": kind,
            "C": C,
            "min_df": min_df,
            "threshold": threshold,
            "folds": folds,
            "repeats": repeats,
            "random_state": random_state,
            "ci": ci,
            "n_boot": n_boot,
        },
    )
    table.attrs["predictions"] = pd.concat(preds, ignore_index=True)
    table.attrs["repeat_f1"] = pd.DataFrame(per_run)
    return table


# --------------------------------------------------------------------------
# Applying
# --------------------------------------------------------------------------


def classify(
    data: pd.DataFrame,
    model: Classifier | str | Path,
    *,
    text: str = "text",
) -> pd.DataFrame:
    """Apply a fitted classifier: one row per input document (or mention).

    Parameters
    ----------
    data : DataFrame
        A corpus (``doc_id``, ``text``; ``language`` and ``status`` are used
        when present) or, for a ``"target"`` model, one row per mention with
        ``start`` and ``end`` offsets into the text (e.g. the mention rows of
        :func:`toolkit.measures.tone.scoring.target_tone` joined with their sentence).
    model : Classifier or path
        A fitted model or the path of a saved one.
    text : str, default "text"

    Returns
    -------
    DataFrame
        The key columns (``doc_id``, and ``start, end`` and any ``target`` /
        ``sent_id`` column for a target model), ``status`` ("ok", "empty",
        the corpus status, or "not measured: language ..."), then per code:
        for 0/1 codes ``<code>_prob`` (probability of 1) and
        ``<code>_present`` (nullable boolean: the probability reaches the
        model's cut, see ``threshold`` in :func:`fit_classifier`); for other codes ``<code>``
        (the most probable class), ``<code>_expected`` (sum of class x
        probability, e.g. a tone in [-1, 1]) and ``<code>_prob_<class>``.
        Rows that could not be read have NaN / NA in every code column.

    Examples
    --------
    >>> import pandas as pd
    >>> coded = pd.DataFrame({"text": ["Costs rose sharply.", "Prices and costs soared.",
    ...                                "The choir sang.", "A calm day."] * 3,
    ...                       "EC": [1, 1, 0, 0] * 3})  # constructed
    >>> m = fit_classifier(coded, ["EC"], min_df=1)
    >>> new = pd.DataFrame({"doc_id": ["a", "b", "c"],
    ...                     "text": ["Costs soared.", "", "The choir sang again."]})
    >>> out = classify(new, m)
    >>> out[["doc_id", "status", "EC_present"]].values.tolist()
    [['a', 'ok', True], ['b', 'empty', <NA>], ['c', 'ok', False]]
    """
    if not isinstance(model, Classifier):
        model = load_classifier(model)
    if "doc_id" not in data.columns:
        raise ValueError("data needs a doc_id column (load it with toolkit.load_corpus)")
    _check_input(data, text, model.kind)
    texts = data[text]
    status = np.where(texts.fillna("").astype(str).str.strip() == "", "empty", "ok").astype(object)
    if "status" in data.columns:
        src = data["status"].astype(str).to_numpy()
        bad = (src != "ok") & (src != "nan")
        status[bad] = src[bad]
    if "language" in data.columns and model.language:
        lang = data["language"].astype(str).to_numpy()
        other = (status == "ok") & (lang != model.language) & (lang != "nan") & (lang != "")
        status[other] = [
            f"not measured: language '{x}' (model is in '{model.language}')" for x in lang[other]
        ]
    keys = ["doc_id"]
    if model.kind == "target":
        keys += [c for c in ("sent_id", "target") if c in data.columns] + ["start", "end"]
    out = data[keys].reset_index(drop=True).copy()
    out["status"] = status
    ok = np.flatnonzero(status == "ok")
    proba = {}
    if len(ok):
        rows = _prepare(data.iloc[ok], text, model.kind, model.space.dictionary_names)
        proba = model._proba(model.space.transform(rows))
    for code, m in model.codes.items():
        classes = m["classes"]
        full = np.full((len(out), len(classes)), np.nan)
        if len(ok):
            full[ok] = proba[code]
        if len(classes) == 2:
            out[f"{code}_prob"] = full[:, 1]
            present = pd.array([pd.NA] * len(out), dtype="boolean")
            if len(ok):
                present[ok] = full[ok, 1] >= float(m.get("threshold", 0.5))
            out[f"{code}_present"] = present
        else:
            best = np.full(len(out), np.nan)
            if len(ok):
                best[ok] = np.asarray(classes)[full[ok].argmax(axis=1)]
            out[code] = best
            out[f"{code}_expected"] = full @ np.asarray(classes, dtype=float)
            for j, c in enumerate(classes):
                out[f"{code}_prob_{c}"] = full[:, j]
    params = {
        "kind": model.kind,
        "codes": list(model.codes),
        "language": model.language,
        **{k: v for k, v in model.info.items() if k in ("C", "min_df", "threshold", "n_items")},
    }
    return attach_attrs(out, "classify", params)
