"""Benchmark: sentence + word tokenization speed and agreement with NLTK.

Builds a synthetic corpus by resampling demo-corpus sentences into articles
of 8-16 sentences (seeded), then times, in the same run:

- the toolkit's ``tokenize`` (sentences, multi-word expressions, words, and
  the Tokens tables), with its per-document cache cleared first;
- NLTK's ``PunktSentenceTokenizer`` (untrained, as on a fresh install) plus
  ``NLTKWordTokenizer``;
- a plain ``re.findall(r"\\w+|[^\\w\\s]")`` floor.

It prints tokens per second, the ratios, and the share of tokens on which
the toolkit agrees with NLTK's word tokenizer on the same sentences.

Usage: ``python benchmarks/tokenize.py [--n 20000]``
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
import time  # noqa: E402
from collections import Counter  # noqa: E402

import pandas as pd  # noqa: E402
from nltk.tokenize import NLTKWordTokenizer, PunktSentenceTokenizer  # noqa: E402

from toolkit import load_demo, tokenize  # noqa: E402


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
    args = parser.parse_args()
    corpus = synthetic_corpus(args.n)
    from toolkit.corpus import load_corpus

    corpus = load_corpus(corpus, language="en")
    texts = corpus["text"].tolist()
    print(f"{len(texts):,} synthetic articles, {sum(map(len, texts)) / 1e6:.1f} M characters")

    # the module, not the function of the same name that toolkit exports
    importlib.import_module("toolkit.tokenize")._tokenize_text.cache_clear()
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
    for name, n, t in (("toolkit", n_ours, t_ours), ("nltk", n_nltk, t_nltk), ("regex", n_re, t_re)):
        print(f"{name:<10}{n:>12,}{t:>10.2f}{n / t:>14,.0f}")
    print(f"toolkit / nltk speed: {rate['toolkit'] / rate['nltk']:.1f}x")
    print(f"regex floor / nltk speed: {rate['regex'] / rate['nltk']:.1f}x")
    print(f"regex floor / toolkit speed: {rate['regex'] / rate['toolkit']:.1f}x")

    plain = tokenize(corpus.head(2000), mwes=[])  # compare words without MWE joining
    share = agreement(plain.sentences["sentence"].tolist(), plain.sentences["tokens"].tolist())
    print(f"token agreement with NLTKWordTokenizer (first 2,000 articles): {share:.2%}")


if __name__ == "__main__":
    main()
