"""The toolkit pipeline against a naive pandas-apply script, same corpus, same run.

The corpus is CONSTRUCTED (``benchmarks/_distinct.py``): articles of eight
distinct sentences each, no sentence repeated anywhere, so memoising
repeated sentences cannot help either side.

- **naive**: what a student would write with pandas: ``df.text.apply`` a
  regex sentence split and a regex word split, ``collections.Counter`` for
  frequencies, tf-idf from the counters, VADER's ``polarity_scores`` and the
  toolkit's ``news_tone_score`` on every sentence, averaged per article;
- **toolkit**: ``load_corpus``, ``tokenize``, ``frequencies``, ``tf_idf``,
  ``tone(method="vader")`` and ``tone(method="news")`` at document level;
- **tidytext** (R, when ``Rscript`` and the tidytext package are installed,
  e.g. Debian's ``r-cran-tidytext``; otherwise the line says why it did not
  run): ``benchmarks/tidytext_pipeline.R``, the same steps in tidytext's
  idiom (``unnest_tokens`` to sentences and words, ``count``,
  ``bind_tf_idf``) with tone from the Bing lexicon tidytext ships, since it
  has no VADER or news tone: less tone work than either Python side. It is
  timed by R's own clock after its packages load and the CSV is read.

The toolkit does more per article (cleaning, language detection, duplicate
groups, multi-word expressions, statuses), so this is a ratio on the same
input, not on identical work.

Every timed run is a fresh Python process, so nothing one run memoised
(tokenized documents, word records, token streams) can help the next: the
toolkit's caches are keyed on text, and a second run in the same process
would be a warm run on the same corpus. Each process imports the libraries
both sides use and builds the corpus before the clock starts; reading the
lexicons is part of the timed work on both sides. The two pipelines
alternate for ``--rounds`` rounds (default 3); the best run of each counts,
and every run is printed, with the CPU seconds of the best run (its worker
processes included) and the toolkit's seconds per stage in its best run
(the stage clocks are read between calls, outside the work). The toolkit
uses its defaults, so on a machine with more than one core ``tokenize`` and
``tone`` work in worker processes (``n_jobs``).

Run: ``python benchmarks/pipeline.py [n_articles] [--rounds K]`` (default
5,000 articles, 3 rounds).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path, and its
# tokenize.py would shadow the standard library module of that name.
_ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]
sys.path.insert(0, str(_ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections import Counter  # noqa: E402

import pandas as pd  # noqa: E402

from benchmarks import _distinct  # noqa: E402

_SENT = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z0-9']+")


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


STAGES = ("load", "tokenize", "frequencies", "tf_idf", "tone vader", "tone news")


def toolkit_pipeline(raw: pd.DataFrame, stages: dict[str, float] | None = None) -> tuple:
    import toolkit

    clock = _Clock(stages)
    corpus = clock("load", toolkit.load_corpus, raw)
    tk = clock("tokenize", toolkit.tokenize, corpus)
    freq = clock("frequencies", toolkit.frequencies, tk)
    # the full table, as the naive script and tidytext build (the default keeps 10 a document)
    tfidf = clock("tf_idf", toolkit.tf_idf, tk, n=None)
    vader = clock("tone vader", toolkit.tone, tk, method="vader", level="document")
    news = clock("tone news", toolkit.tone, tk, method="news", level="document")
    return freq, tfidf, vader, news


class _Clock:
    """Calls a stage and records its wall-clock seconds (reading the clock is all it adds)."""

    def __init__(self, stages: dict[str, float] | None) -> None:
        self.stages = stages

    def __call__(self, name: str, func, *args, **kwargs):
        if self.stages is None:
            return func(*args, **kwargs)
        t = time.perf_counter()
        out = func(*args, **kwargs)
        self.stages[name] = time.perf_counter() - t
        return out


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes."""
    import resource

    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _one_run(which: str, n: int) -> None:
    """Time one pipeline in this (fresh) process and print the seconds as JSON."""
    warnings.simplefilter("ignore")
    raw = _distinct.articles(n)
    # imports are not part of the work on either side
    import scipy.sparse  # noqa: F401
    import vaderSentiment.vaderSentiment  # noqa: F401

    import toolkit.corpus.load
    import toolkit.measures.frequency
    import toolkit.measures.tone.news
    import toolkit.measures.tone.scoring
    import toolkit.measures.tone.vader
    import toolkit.tokens.tokenizer  # noqa: F401

    stages: dict[str, float] = {}
    cpu = _cpu_seconds()
    t = time.perf_counter()
    if which == "naive":
        naive(raw)
    else:
        toolkit_pipeline(raw, stages)
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "cpu": _cpu_seconds() - cpu, "stages": stages}))


def _timed_in_fresh_process(which: str, n: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, str(n), "--one", which],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _tidytext_available() -> str | None:
    """Why the tidytext column is left out, or None when Rscript and tidytext are here."""
    import shutil

    if shutil.which("Rscript") is None:
        return "Rscript not found"
    probe = subprocess.run(
        ["Rscript", "-e", "suppressPackageStartupMessages(library(tidytext))"],
        capture_output=True,
        text=True,
    )
    return None if probe.returncode == 0 else "R package tidytext not installed"


def _timed_tidytext(csv: Path) -> dict:
    """tidytext_pipeline.R in a fresh R process (its own clock, after loading and reading)."""
    out = subprocess.run(
        ["Rscript", str(_ROOT / "benchmarks" / "tidytext_pipeline.R"), str(csv)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=5000, help="articles (default 5,000)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    ap.add_argument("--one", choices=("naive", "toolkit"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    n = args.n
    if args.one:
        _one_run(args.one, n)
        return
    print(f"{n:,} constructed articles, {n * 8:,} sentences, all distinct; {os.cpu_count()} cores")
    print("each run in a fresh process (nothing memoised carries over)\n")
    results: dict[str, list[dict]] = {"naive": [], "toolkit": []}
    why_not_r = _tidytext_available()
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "articles.csv"
        if why_not_r is None:
            results["tidytext"] = []
            _distinct.articles(n)[["doc_id", "text"]].to_csv(csv, index=False)
        for _ in range(args.rounds):
            for name in results:
                if name == "tidytext":
                    results[name].append(_timed_tidytext(csv))
                else:
                    results[name].append(_timed_in_fresh_process(name, n))
    runs = {name: [r["seconds"] for r in v] for name, v in results.items()}
    best = {name: min(v) for name, v in runs.items()}
    print(f"{'pipeline':<10} {'best s':>7} {'articles/s':>11} {'CPU s':>6}   runs")
    for name, s in best.items():
        shown = ", ".join(f"{x:.2f}" for x in runs[name])
        cpu = next((r.get("cpu") for r in results[name] if r["seconds"] == s), None)
        cpu_shown = "" if cpu is None else f"{cpu:.2f}"
        print(f"{name:<10} {s:>7.2f} {n / s:>11,.0f} {cpu_shown:>6}   {shown}")
    # CPU s: this process and its worker processes, in the best run; more
    # than the wall-clock seconds when stages ran on several cores
    fastest = min(results["toolkit"], key=lambda r: r["seconds"])
    print(
        "\ntoolkit stages in its best run (s): "
        + ", ".join(f"{k} {fastest['stages'][k]:.2f}" for k in STAGES)
    )
    print(
        f"\ntoolkit vs naive: {best['naive'] / best['toolkit']:.2f}x faster (>1 = toolkit faster)"
    )
    if why_not_r is None:
        print(
            f"toolkit vs tidytext: {best['tidytext'] / best['toolkit']:.2f}x faster "
            "(tidytext scores tone with the Bing lexicon only, no VADER, no news tone)"
        )
    else:
        print(f"tidytext (R): not run ({why_not_r}; Debian/Ubuntu: apt install r-cran-tidytext)")


if __name__ == "__main__":
    main()
