"""The toolkit pipeline against a naive pandas-apply script, same corpus, same run.

The corpus is CONSTRUCTED (``benchmarks/_distinct.py``): articles of eight
distinct sentences each, no sentence repeated anywhere, so memoising
repeated sentences cannot help either side.

- **naive**: what a student would write with pandas: ``df.text.apply`` a
  regex sentence split and a regex word split, ``collections.Counter`` for
  frequencies, tf-idf from the counters, VADER's ``polarity_scores`` and the
  toolkit's ``news_tone_score`` on every sentence, averaged per article;
- **toolkit**: ``load_corpus``, ``tokenize``, ``frequencies``, ``tf_idf``,
  ``tone(method="vader")`` and ``tone(method="news")`` at document level.

The toolkit does more per article (cleaning, language detection, duplicate
groups, multi-word expressions, statuses), so this is a ratio on the same
input, not on identical work. Both are timed twice, interleaved, in the same
process; the faster run of each counts.

Run: ``python benchmarks/pipeline.py [n_articles]`` (default 5,000).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path, and its
# tokenize.py would shadow the standard library module of that name.
_ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]
sys.path.insert(0, str(_ROOT))

import importlib.util  # noqa: E402
import math  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections import Counter  # noqa: E402

import pandas as pd  # noqa: E402

_SENT = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z0-9']+")


def _distinct():
    spec = importlib.util.spec_from_file_location(
        "_distinct", _ROOT / "benchmarks" / "_distinct.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def naive(raw: pd.DataFrame) -> pd.DataFrame:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from toolkit.measures.tone.news import news_tone_score

    vader = SentimentIntensityAnalyzer()
    df = raw.copy()
    df["sentences"] = df["text"].apply(lambda t: _SENT.split(t.strip()))
    df["words"] = df["text"].apply(lambda t: _WORD.findall(t.lower()))
    df["counts"] = df["words"].apply(Counter)
    total = Counter()
    for c in df["counts"]:
        total.update(c)
    doc_freq = Counter()
    for c in df["counts"]:
        doc_freq.update(c.keys())
    n_docs = len(df)
    df["tf_idf"] = df["counts"].apply(
        lambda c: {t: k / sum(c.values()) * math.log(n_docs / doc_freq[t]) for t, k in c.items()}
    )
    df["vader"] = df["sentences"].apply(
        lambda ss: sum(vader.polarity_scores(s)["compound"] for s in ss) / len(ss)
    )
    df["news"] = df["sentences"].apply(lambda ss: sum(news_tone_score(s)[0] for s in ss) / len(ss))
    return df


def toolkit_pipeline(raw: pd.DataFrame) -> tuple:
    import toolkit

    corpus = toolkit.load_corpus(raw)
    tk = toolkit.tokenize(corpus)
    freq = toolkit.frequencies(tk)
    tfidf = toolkit.tf_idf(tk)
    vader = toolkit.tone(tk, method="vader", level="document")
    news = toolkit.tone(tk, method="news", level="document")
    return freq, tfidf, vader, news


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    raw = _distinct().articles(n)
    n_sent = n * 8
    print(f"{n:,} constructed articles, {n_sent:,} sentences, all distinct\n")
    warnings.simplefilter("ignore")
    best = {"naive": math.inf, "toolkit": math.inf}
    for _ in range(2):
        for name, func in (("naive", naive), ("toolkit", toolkit_pipeline)):
            from toolkit.tokens.streams import clear_cache

            clear_cache()
            t = time.perf_counter()
            func(raw)
            best[name] = min(best[name], time.perf_counter() - t)
    print(f"{'pipeline':<10} {'seconds':>8} {'articles/s':>11}")
    for name, s in best.items():
        print(f"{name:<10} {s:>8.2f} {n / s:>11,.0f}")
    print(
        f"\ntoolkit vs naive: {best['naive'] / best['toolkit']:.2f}x faster (>1 = toolkit faster)"
    )


if __name__ == "__main__":
    main()
