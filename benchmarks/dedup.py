"""Benchmark toolkit.corpus.duplicates.find_duplicates on synthetic news with planted near-duplicates.

Builds ``--n`` articles (default 100,000) from random sentences over a
vocabulary generated here (pseudo-words drawn with Zipf frequencies, so
common words recur as in real text), plants groups of near-duplicates of
three kinds, and plants "hard negatives": unrelated articles that share two
whole sentences (a quotation or boilerplate) but must not be grouped.

Copies of an original are made as

* reprint -- 0-3 % of words replaced, last sentence sometimes cut (wire
  copy run by another outlet);
* edited  -- 3-8 % of words replaced, one or two sentences dropped, one
  sentence added;
* update  -- the first 60-85 % of sentences kept (with 0-3 % of words
  replaced), three to five new sentences added (a later version of the
  story).

A planted pair is any two articles from the same original. The script
prints the time, the pairs found, and precision and recall on the planted
pairs -- overall and for the planted pairs whose true shingle Jaccard is at
least the threshold (what the method promises to find).

Run ``python benchmarks/dedup.py`` (under half a minute on two cores) or
``python benchmarks/dedup.py --n 20000`` for a quick check.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, where a sibling
# benchmark named like a standard-library module (tokenize.py) would shadow
# it; put the repository root there instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from toolkit.corpus.duplicates import find_duplicates, tokens  # noqa: E402

_ONSETS = ["b", "d", "g", "h", "j", "k", "m", "n", "p", "r", "s", "t", "w", "ch", "sh", "y"]
_VOWELS = ["a", "e", "i", "o", "u", "ae", "eo", "ou"]


def vocabulary(size: int, rng: np.random.Generator) -> np.ndarray:
    """Distinct pseudo-words of two to four syllables."""
    words: set[str] = set()
    while len(words) < size:
        n_syl = int(rng.integers(2, 5))
        words.add(
            "".join(
                _ONSETS[rng.integers(len(_ONSETS))] + _VOWELS[rng.integers(len(_VOWELS))]
                for _ in range(n_syl)
            )
        )
    return np.array(sorted(words), dtype=object)


class SentenceMaker:
    """Random sentences, drawn in large batches for speed."""

    def __init__(self, vocab: np.ndarray, rng: np.random.Generator):
        self.vocab = vocab
        self.rng = rng
        ranks = np.arange(1, len(vocab) + 1)
        p = 1.0 / ranks**1.05
        self.p = p / p.sum()
        self._buf: list[str] = []

    def _refill(self, n: int = 200_000) -> None:
        lengths = self.rng.integers(8, 23, size=n)
        words = self.vocab[self.rng.choice(len(self.vocab), size=int(lengths.sum()), p=self.p)]
        cuts = np.cumsum(lengths)[:-1]
        self._buf = [" ".join(w).capitalize() + "." for w in np.split(words, cuts)]

    def take(self, k: int) -> list[str]:
        if len(self._buf) < k:
            self._refill()
        return [self._buf.pop() for _ in range(k)]

    def mutate(self, sentence: str, rate: float) -> str:
        if rate <= 0:
            return sentence
        words = sentence[:-1].split(" ")
        hit = self.rng.random(len(words)) < rate
        for i in np.flatnonzero(hit):
            words[i] = str(self.vocab[self.rng.integers(len(self.vocab))])
        return " ".join(words) + "."


def make_copy(orig: list[str], maker: SentenceMaker, rng: np.random.Generator) -> list[str]:
    kind = rng.choice(["reprint", "edited", "update"], p=[0.5, 0.3, 0.2])
    if kind == "reprint":
        rate = rng.uniform(0, 0.03)
        out = [maker.mutate(s, rate) for s in orig]
        if rng.random() < 0.5 and len(out) > 3:
            out = out[:-1]
    elif kind == "edited":
        rate = rng.uniform(0.03, 0.08)
        out = [maker.mutate(s, rate) for s in orig]
        for _ in range(int(rng.integers(1, 3))):
            if len(out) > 3:
                out.pop(int(rng.integers(len(out))))
        out.insert(int(rng.integers(len(out) + 1)), maker.take(1)[0])
    else:
        keep = max(2, int(len(orig) * rng.uniform(0.6, 0.85)))
        rate = rng.uniform(0, 0.03)
        out = [maker.mutate(s, rate) for s in orig[:keep]] + maker.take(int(rng.integers(3, 6)))
    return out


def shingle_set(text: str, k: int = 5) -> set[tuple[str, ...]]:
    toks = tokens(text)
    if len(toks) < k:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i : i + k]) for i in range(len(toks) - k + 1)}


def build(n: int, seed: int) -> tuple[pd.DataFrame, set[tuple[int, int]], list[tuple[int, int]]]:
    """The corpus, the planted pairs (row numbers, i < j) and the hard-negative pairs."""
    rng = np.random.default_rng(seed)
    maker = SentenceMaker(vocabulary(20_000, rng), rng)
    docs: list[list[str]] = []
    family: list[int] = []
    while len(docs) < n:
        sentences = maker.take(int(rng.integers(6, 15)))
        fam = len(docs)
        docs.append(sentences)
        family.append(fam)
        if rng.random() < 0.1:
            for _ in range(min(1 + int(rng.poisson(1.0)), 5)):
                if len(docs) >= n:
                    break
                docs.append(make_copy(sentences, maker, rng))
                family.append(fam)
    family_arr = np.array(family)
    # Hard negatives: pairs of unrelated articles that share two sentences.
    singles = list(np.flatnonzero(np.bincount(family_arr, minlength=n)[family_arr] == 1))
    rng.shuffle(singles)
    negatives = []
    for a, b in zip(singles[0 : 2 * (n // 50) : 2], singles[1 : 2 * (n // 50) : 2], strict=False):
        shared = maker.take(2)
        docs[a] = docs[a][:2] + [shared[0]] + docs[a][2:] + [shared[1]]
        docs[b] = [shared[0]] + docs[b] + [shared[1]]
        negatives.append((min(a, b), max(a, b)))
    texts = [" ".join(d) for d in docs]
    planted: set[tuple[int, int]] = set()
    order = np.argsort(family_arr, kind="stable")
    fam_sorted = family_arr[order]
    bounds = np.flatnonzero(np.diff(fam_sorted)) + 1
    for members in np.split(order, bounds):
        if len(members) > 1:
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    a, b = int(members[i]), int(members[j])
                    planted.add((min(a, b), max(a, b)))
    ids = [f"syn{i:06d}" for i in range(n)]
    corpus = pd.DataFrame({"doc_id": ids, "text": texts})
    return corpus, planted, negatives


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of articles")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    corpus, planted, negatives = build(args.n, args.seed)
    # Shuffle so the planted copies are not next to their originals.
    shuffled = corpus.sample(frac=1.0, random_state=args.seed).reset_index(drop=True)
    t_build = time.perf_counter() - t0
    words = int(shuffled["text"].str.count(" ").sum() + len(shuffled))

    t1 = time.perf_counter()
    dups = find_duplicates(shuffled, threshold=args.threshold)
    t_dedup = time.perf_counter() - t1

    row_of = {d: int(d[3:]) for d in shuffled["doc_id"]}
    found: set[tuple[int, int]] = set()
    for _, part in dups[dups["group_size"] > 1].groupby("dup_group"):
        rows = sorted(row_of[d] for d in part["doc_id"])
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                found.add((rows[i], rows[j]))
    hits = found & planted
    texts = corpus["text"].tolist()
    true_j = {p: _jaccard(shingle_set(texts[p[0]]), shingle_set(texts[p[1]])) for p in planted}
    reachable = {p for p, j in true_j.items() if j >= args.threshold}
    false_neg_links = sum(p in found for p in negatives)

    precision = len(hits) / len(found) if found else float("nan")
    recall = len(hits) / len(planted) if planted else float("nan")
    recall_reach = len(hits & reachable) / len(reachable) if reachable else float("nan")
    print(f"articles            {args.n:,} ({words:,} words), threshold {args.threshold}")
    print(f"build corpus        {t_build:6.1f} s")
    print(
        f"find_duplicates     {t_dedup:6.1f} s  (bands x rows {dups.attrs['bands']}x"
        f"{dups.attrs['rows']}, {dups.attrs['candidate_pairs']:,} candidate pairs)"
    )
    print(
        f"groups > 1          {int((dups['group_size'] > 1).sum()):,} articles in "
        f"{dups.loc[dups['group_size'] > 1, 'dup_group'].nunique():,} groups"
    )
    print(
        f"planted pairs       {len(planted):,} ({len(reachable):,} with true Jaccard >= "
        f"{args.threshold})"
    )
    print(f"pairs found         {len(found):,}")
    print(f"precision           {precision:.4f}")
    print(f"recall (all)        {recall:.4f}")
    print(f"recall (J >= {args.threshold})   {recall_reach:.4f}")
    edges = [0.0, 0.3, 0.5, 0.7, 0.9, 1.01]
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        band = [p for p, j in true_j.items() if lo <= j < hi]
        if band:
            share = sum(p in found for p in band) / len(band)
            print(
                f"  planted with true Jaccard in [{lo:.1f}, {min(hi, 1.0):.1f}): "
                f"{len(band):6,} pairs, found {share:.3f}"
            )
    print(
        f"hard negatives      {len(negatives):,} pairs sharing two sentences, "
        f"{false_neg_links} wrongly grouped"
    )


def _jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


if __name__ == "__main__":
    main()
