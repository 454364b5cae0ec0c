"""Validity of the tone measures against human judgments of news text, one table.

Data (read-only, beside the repository in ``../shared/eval``; never copied):

- ``nyt_editorial_snippets_dev.tsv``: 2,596 New York Times editorial
  sentences with the mean rating of 20 human raters (-4..4), from the
  ground truth of Hutto & Gilbert (2014). r = Pearson correlation of the
  score with the mean rating; F1 = 3-class macro F1 where the human class is
  the mean rating / 4 and the measure's class its score in [-1, 1], both cut
  at +-0.05.
- ``newsmtsc_rw_dev.jsonl``: 343 news sentences with the sentiment toward
  one marked target (-1, 0, 1), from NewsMTSC (Hamborg & Donnay 2021).
  F1 = 3-class macro F1 (score cut at +-0.05); r = Pearson correlation
  with the label. ``target_tone`` rows score toward the gold span.

Methods: ``vader`` (vaderSentiment compound), ``textblob`` (pattern
polarity), ``dictionary`` (``tone_relative`` = (pos - neg) / (pos + neg) with
0 without matches, counted with the toolkit's own news dictionary,
:func:`toolkit.news_tone.news_dictionary`), ``news`` (the project's measure),
``target_tone (news)`` (:func:`toolkit.news_tone.span_tone_score`) and, for
comparison, ``target window (vader)``: VADER on five words either side of
the target.

Results of ``python benchmarks/tone_validity.py`` (deterministic):

=============================  =====================  =====  ========
data set                       method                 r      macro F1
=============================  =====================  =====  ========
NYT editorials dev (n=2,596)   vader                  0.495  0.526
NYT editorials dev             textblob               0.291  0.400
NYT editorials dev             dictionary             0.485  0.528
NYT editorials dev             news                   0.547  0.556
NewsMTSC dev (n=343)           vader (sentence)       0.380  0.508
NewsMTSC dev                   news (sentence)        0.441  0.541
NewsMTSC dev                   target window (vader)  0.338  0.487
NewsMTSC dev                   target_tone (news)     0.448  0.606
=============================  =====================  =====  ========

Run ``python benchmarks/tone_validity.py``; it exits with a message (status 0)
when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this folder would come first on sys.path and its
# tokenize.py would shadow the standard library module of that name.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]
sys.path.insert(0, str(_ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

EVAL = _ROOT.parent / "shared" / "eval"


def _classes(x: np.ndarray, cut: float = 0.05) -> np.ndarray:
    return np.where(x > cut, 1, np.where(x < -cut, -1, 0))


def macro_f1(y: np.ndarray, p: np.ndarray) -> float:
    """Unweighted mean of the per-class F1 over the classes -1, 0, 1."""
    f1s = []
    for c in (-1, 0, 1):
        tp = int(((p == c) & (y == c)).sum())
        fp = int(((p == c) & (y != c)).sum())
        fn = int(((p != c) & (y == c)).sum())
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return float(np.mean(f1s))


def load_nyt(eval_dir: Path = EVAL) -> pd.DataFrame:
    return pd.read_csv(
        eval_dir / "nyt_editorial_snippets_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE
    )


def load_newsmtsc(eval_dir: Path = EVAL, split: str = "dev") -> pd.DataFrame:
    path = eval_dir / f"newsmtsc_rw_{split}.jsonl"
    with open(path, encoding="utf-8") as fh:
        return pd.DataFrame([json.loads(line) for line in fh if line.strip()])


def validity_table(eval_dir: Path = EVAL) -> pd.DataFrame:
    """One row per (method, data set): ``method, dataset, n, r, macro_f1``."""
    from scipy.stats import pearsonr

    from toolkit.news_tone import news_dictionary, span_tone_score
    from toolkit.sentiment import _SCORERS, _window_text, score_sentences

    rows = []
    nyt = load_nyt(eval_dir)
    y = nyt["mean_rating"].to_numpy(dtype=float)
    yc = _classes(y / 4)
    d = news_dictionary()
    for method in ("vader", "textblob", "dictionary", "news"):
        s = score_sentences(nyt["text"], method, dictionary=d if method == "dictionary" else None)
        x = s["tone"].to_numpy(dtype=float)
        rows.append({"method": method, "dataset": "NYT editorials dev", "n": len(x),
                     "r": float(pearsonr(x, y)[0]), "macro_f1": macro_f1(yc, _classes(x))})
    mt = load_newsmtsc(eval_dir, "dev")
    ym = mt["polarity"].to_numpy(dtype=int)
    scores = {
        "vader": score_sentences(mt["sentence"], "vader")["tone"].to_numpy(),
        "news": score_sentences(mt["sentence"], "news")["tone"].to_numpy(),
        "target window (vader)": np.array([
            _SCORERS["vader"](_window_text(s, a, b, 5))[0]
            for s, a, b in zip(mt["sentence"], mt["from"], mt["to"], strict=True)
        ]),
        "target_tone (news)": np.array([
            span_tone_score(s, a, b)
            for s, a, b in zip(mt["sentence"], mt["from"], mt["to"], strict=True)
        ]),
    }
    for method, x in scores.items():
        x = np.asarray(x, dtype=float)
        rows.append({"method": method, "dataset": "NewsMTSC dev (toward target)", "n": len(x),
                     "r": float(pearsonr(x, ym)[0]), "macro_f1": macro_f1(ym, _classes(x))})
    return pd.DataFrame(rows)


def main() -> int:
    if not EVAL.is_dir():
        print(f"No evaluation data at {EVAL}; nothing to measure (this is fine outside "
              "the project's workspace).")
        return 0
    table = validity_table()
    with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 120):
        print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
