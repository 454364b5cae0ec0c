"""Benchmark: sentence + word tokenization speed and agreement with NLTK.

Builds a synthetic corpus by resampling demo-corpus sentences into articles
of 8-16 sentences (seeded), then times, in the same run:

- the toolkit's ``tokenize`` (sentences, multi-word expressions, words, and
  the Tokens tables), with its per-document cache cleared first;
- NLTK's ``PunktSentenceTokenizer`` (untrained, as on a fresh install) plus
  ``NLTKWordTokenizer``;
- a plain ``re.findall(r"\\w+|[^\\w\\s]")`` floor.

It prints tokens per second, the ratios, and the share of tokens on which
the toolkit agrees with NLTK's word tokenizer on the same sentences. Then
Korean and Japanese speed beside the English figure, on real sentences from
``../shared/eval`` (UD dev sets, Financial PhraseBank Korean side): once cold
on the distinct sentences, once through ``tokenize`` on resampled articles.

Usage: ``python benchmarks/tokenize.py [--n 20000] [--n-cjk 2000]``
"""

from __future__ import annotations

import os
import sys

# This file is named like the standard library's ``tokenize`` module; drop its
# folder from the import path so that ``import tokenize`` (used by numpy via
# inspect/linecache) finds the real one.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

import argparse  # noqa: E402
import importlib  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402
from nltk.tokenize import NLTKWordTokenizer, PunktSentenceTokenizer  # noqa: E402

from toolkit import load_demo, tokenize  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def synthetic_corpus(n: int, seed: int = 0) -> pd.DataFrame:
    demo = tokenize(load_demo())
    pool = demo.sentences["sentence"].tolist()
    rng = random.Random(seed)
    texts = [" ".join(rng.choices(pool, k=rng.randint(8, 16))) for _ in range(n)]
    return pd.DataFrame({"doc_id": [f"s{i}" for i in range(n)], "text": texts})


def agreement(sentences: list[str], ours: list[list[str]]) -> float:
    nltk_tok = NLTKWordTokenizer()
    agree = total = 0
    for sent, toks in zip(sentences, ours, strict=True):
        ref = ['"' if t in ("``", "''") else t for t in nltk_tok.tokenize(sent)]
        agree += sum((Counter(toks) & Counter(ref)).values())
        total += max(len(toks), len(ref))
    return agree / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="number of synthetic articles")
    parser.add_argument(
        "--n-cjk", type=int, default=2_000, help="number of resampled Korean and Japanese articles"
    )
    args = parser.parse_args()
    corpus = synthetic_corpus(args.n)
    from toolkit.corpus.load import load_corpus

    corpus = load_corpus(corpus, language="en")
    texts = corpus["text"].tolist()
    print(f"{len(texts):,} synthetic articles, {sum(map(len, texts)) / 1e6:.1f} M characters")

    # the module, not the function of the same name that toolkit exports
    importlib.import_module("toolkit.tokens.tokenizer")._tokenize_text.cache_clear()
    t0 = time.perf_counter()
    tk = tokenize(corpus)
    t_ours = time.perf_counter() - t0
    n_ours = int(tk.sentences["n_tokens"].sum())

    punkt, word = PunktSentenceTokenizer(), NLTKWordTokenizer()
    t0 = time.perf_counter()
    n_nltk = sum(len(word.tokenize(s)) for text in texts for s in punkt.tokenize(text))
    t_nltk = time.perf_counter() - t0

    floor = re.compile(r"\w+|[^\w\s]")
    t0 = time.perf_counter()
    n_re = sum(len(floor.findall(text)) for text in texts)
    t_re = time.perf_counter() - t0

    rate = {"toolkit": n_ours / t_ours, "nltk": n_nltk / t_nltk, "regex": n_re / t_re}
    print(f"{'method':<10}{'tokens':>12}{'seconds':>10}{'tokens/s':>14}")
    for name, n, t in (
        ("toolkit", n_ours, t_ours),
        ("nltk", n_nltk, t_nltk),
        ("regex", n_re, t_re),
    ):
        print(f"{name:<10}{n:>12,}{t:>10.2f}{n / t:>14,.0f}")
    print(f"toolkit / nltk speed: {rate['toolkit'] / rate['nltk']:.1f}x")
    print(f"regex floor / nltk speed: {rate['regex'] / rate['nltk']:.1f}x")
    print(f"regex floor / toolkit speed: {rate['regex'] / rate['toolkit']:.1f}x")

    plain = tokenize(corpus.head(2000), mwes=[])  # compare words without MWE joining
    share = agreement(plain.sentences["sentence"].tolist(), plain.sentences["tokens"].tolist())
    print(f"token agreement with NLTKWordTokenizer (first 2,000 articles): {share:.2%}")
    cjk_speed(rate["toolkit"], args.n_cjk)


def _pools() -> dict[str, list[str]]:
    """Real Korean and Japanese sentences from ../shared (read, never copied)."""
    eval_dir = SHARED / "eval"
    pools: dict[str, list[str]] = {"ko": [], "ja": []}
    for lang in pools:
        path = eval_dir / f"ud_{lang}_gsd_dev.conllu"
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            pools[lang] += [ln[9:].strip() for ln in lines if ln.startswith("# text = ")]
    fin = eval_dir / "finphrase_en_ko_dev.tsv"
    if fin.exists():
        pools["ko"] += pd.read_csv(fin, sep="\t")["ko"].dropna().tolist()
    return pools


def cjk_speed(en_rate: float, n: int) -> None:
    """Korean and Japanese tokens per second, beside the English figure.

    Two figures per language, both single-process:
    - cold: each distinct real sentence analysed once, caches cleared (the
      worst case: a corpus in which no sentence repeats); run three times,
      the median printed, as wall-clock tokens/s and as tokens per CPU second
      of this process (per core: on a shared machine other jobs slow the wall
      clock but not this process's CPU time);
    - corpus: ``tokenize`` over ``n`` articles resampled from those sentences,
      caches cleared first (vocabulary repeats, as in a real corpus; Korean
      analyses each distinct eojeol once per process).
    """
    from toolkit.text import morphology

    pools = _pools()
    if not all(pools.values()):
        print(f"\nKorean/Japanese speed: needs the UD dev sets in {SHARED / 'eval'}")
        return
    print(f"\n{'language':<10}{'input':<34}{'tokens':>10}{'tokens/s':>12}{'/ English':>11}")
    for lang, pool in pools.items():
        pool = list(dict.fromkeys(pool))
        morphology._ko_eojeol.cache_clear()
        morphology._ja_feature.cache_clear()
        morphology.analyse("準備", lang)  # load the dictionary outside the timing
        walls, cpus = [], []
        for _ in range(3):
            morphology._ko_eojeol.cache_clear()
            morphology._ja_feature.cache_clear()
            t0, c0 = time.perf_counter(), time.process_time()
            n_tok = sum(len(morphology.analyse(s, lang)) for s in pool)
            walls.append(n_tok / (time.perf_counter() - t0))
            cpus.append(n_tok / (time.process_time() - c0))
        cold, cold_cpu = statistics.median(walls), statistics.median(cpus)
        label = f"cold: {len(pool):,} distinct sentences"  # median of 3 runs
        print(f"{lang:<10}{label:<34}{n_tok:>10,}{cold:>12,.0f}{cold / en_rate:>10.2f}x")
        label = "  same, per CPU second"
        print(f"{lang:<10}{label:<34}{n_tok:>10,}{cold_cpu:>12,.0f}{cold_cpu / en_rate:>10.2f}x")

        rng = random.Random(1)
        texts = [" ".join(rng.choices(pool, k=rng.randint(8, 16))) for _ in range(n)]
        corpus = pd.DataFrame(
            {"doc_id": [f"{lang}{i}" for i in range(n)], "text": texts, "language": lang}
        )
        importlib.import_module("toolkit.tokens.tokenizer")._tokenize_text.cache_clear()
        morphology._ko_eojeol.cache_clear()
        morphology._ja_feature.cache_clear()
        t0 = time.perf_counter()
        tk = tokenize(corpus)
        seconds = time.perf_counter() - t0
        n_tok = int(tk.sentences["n_tokens"].sum())
        label = f"corpus: {n:,} resampled articles"
        print(
            f"{lang:<10}{label:<34}{n_tok:>10,}{n_tok / seconds:>12,.0f}"
            f"{n_tok / seconds / en_rate:>10.2f}x"
        )
    print("target: >= 100,000 tokens/s per core for Korean and Japanese")


if __name__ == "__main__":
    main()
