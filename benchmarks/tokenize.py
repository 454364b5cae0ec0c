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

Last, :func:`versus_before`: ``tokenize`` against a frozen copy of the
tokenizer before the columnar rewrite (``benchmarks/_tokenize_before.py``),
interleaved in the same run, on constructed articles of distinct sentences
and on real text, in one process (CPU seconds) and with the default
``n_jobs`` (wall seconds).

Usage: ``python benchmarks/tokenize.py [--n 20000] [--n-cjk 2000] [--rounds 3]``;
``--versus-before`` runs only that last part.
"""

from __future__ import annotations

import os
import sys

# This file is named like the standard library's ``tokenize`` module; drop its
# folder from the import path so that ``import tokenize`` (used by numpy via
# inspect/linecache) finds the real one.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]
sys.path.insert(0, os.path.dirname(_here))

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
    parser.add_argument(
        "--versus-before",
        action="store_true",
        help="only time tokenize against the frozen copy of the previous tokenizer",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds (--versus-before)"
    )
    args = parser.parse_args()
    if args.versus_before:
        versus_before(args.rounds)
        return
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
    versus_before(args.rounds)


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


def previous_korean(pool: list[str]) -> int:
    """Morphemes of ``pool`` as the toolkit analysed Korean before the direct
    call and number shapes (commit cc3552c): kiwi's public ``tokenize`` once per
    distinct eojeol, Morpheme lists built the same way. A baseline timed in
    the same runs, so the gain is measured under the same machine load."""
    from toolkit.text.morphology import Morpheme, korean_analyser

    kiwi, cache, n = korean_analyser(), {}, 0
    for text in pool:
        forms, lemmas, tags, starts, ends = [], [], [], [], []
        for m in re.finditer(r"\S+", text):
            chunk = m.group()
            got = cache.get(chunk)
            if got is None:
                cols = ([], [], [], [], [])
                for t in kiwi.tokenize(chunk, z_coda=False):
                    pos = sys.intern(t.tag.split("-", 1)[0])
                    form = sys.intern(t.form)
                    cols[0].append(form)
                    cols[1].append(sys.intern(t.lemma) if pos in _INFLECTED else form)
                    cols[2].append(pos)
                    cols[3].append(t.start)
                    cols[4].append(t.start + t.len)
                got = cache[chunk] = tuple(map(tuple, cols))
            base = m.start()
            forms += got[0]
            lemmas += got[1]
            tags += got[2]
            starts += [x + base for x in got[3]]
            ends += [x + base for x in got[4]]
        n += len(list(map(Morpheme, forms, lemmas, tags, starts, ends)))
    return n


_INFLECTED = frozenset(["VV", "VA", "VX", "VCP", "VCN"])


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

    For Korean, more lines, timed in the same runs as the cold figure:
    the previous toolkit path (:func:`previous_korean`), per CPU second; the
    same tokens divided by the CPU time kiwi alone (its public ``tokenize``)
    takes to analyse each distinct eojeol of those sentences once: the speed
    the toolkit would have if everything but kiwi's analysis were free, which
    is what bounds the cold figure; and the second engine,
    ``korean="mecab"`` (MeCab with mecab-ko-dic), cold on the same sentences
    (its own tokens: it splits some words differently) and through
    ``tokenize`` on the same resampled articles.
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
        eojeols = list(dict.fromkeys(w for s in pool for w in s.split()))
        walls, cpus, kiwi_cpu, previous_cpu, mecab_wall, mecab_cpu = [], [], [], [], [], []
        if lang == "ko":
            morphology.analyse("준비", lang, korean="mecab")
        for _ in range(3):
            morphology._ko_eojeol.cache_clear()
            morphology._ja_feature.cache_clear()
            t0, c0 = time.perf_counter(), time.process_time()
            n_tok = sum(len(morphology.analyse(s, lang)) for s in pool)
            walls.append(n_tok / (time.perf_counter() - t0))
            cpus.append(n_tok / (time.process_time() - c0))
            if lang == "ko":
                kiwi = morphology.korean_analyser()
                c0 = time.process_time()
                for w in eojeols:
                    kiwi.tokenize(w, z_coda=False)
                kiwi_cpu.append(n_tok / (time.process_time() - c0))
                c0 = time.process_time()
                n_prev = previous_korean(pool)
                previous_cpu.append(n_prev / (time.process_time() - c0))
                morphology._mecab_parts.cache_clear()
                t0, c0 = time.perf_counter(), time.process_time()
                n_mecab = sum(len(morphology.analyse(s, lang, korean="mecab")) for s in pool)
                mecab_wall.append(n_mecab / (time.perf_counter() - t0))
                mecab_cpu.append(n_mecab / (time.process_time() - c0))
        cold, cold_cpu = statistics.median(walls), statistics.median(cpus)
        label = f"cold: {len(pool):,} distinct sentences"  # median of 3 runs
        print(f"{lang:<10}{label:<34}{n_tok:>10,}{cold:>12,.0f}{cold / en_rate:>10.2f}x")
        label = "  same, per CPU second"
        print(f"{lang:<10}{label:<34}{n_tok:>10,}{cold_cpu:>12,.0f}{cold_cpu / en_rate:>10.2f}x")
        if kiwi_cpu:
            prev = statistics.median(previous_cpu)
            label = "  previous path, per CPU second"
            print(f"{lang:<10}{label:<34}{n_prev:>10,}{prev:>12,.0f}{prev / en_rate:>10.2f}x")
            print(f"{'':<10}  toolkit cold / previous path: {cold_cpu / prev:.2f}")
            bound = statistics.median(kiwi_cpu)
            label = f"  bound: kiwi alone, {len(eojeols):,} eojeols"
            print(f"{lang:<10}{label:<34}{n_tok:>10,}{bound:>12,.0f}{bound / en_rate:>10.2f}x")
            print(f"{'':<10}  toolkit cold / kiwi-alone bound: {cold_cpu / bound:.2f}")
            m_wall, m_cpu = statistics.median(mecab_wall), statistics.median(mecab_cpu)
            label = "  korean='mecab', cold"
            print(f"{lang:<10}{label:<34}{n_mecab:>10,}{m_wall:>12,.0f}{m_wall / en_rate:>10.2f}x")
            label = "  korean='mecab', per CPU second"
            print(f"{lang:<10}{label:<34}{n_mecab:>10,}{m_cpu:>12,.0f}{m_cpu / en_rate:>10.2f}x")
            print(f"{'':<10}  mecab / kiwi, cold per CPU second: {m_cpu / cold_cpu:.2f}")

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
        if lang == "ko":
            importlib.import_module("toolkit.tokens.tokenizer")._tokenize_text.cache_clear()
            morphology._mecab_parts.cache_clear()
            t0 = time.perf_counter()
            tk = tokenize(corpus, korean="mecab")
            seconds = time.perf_counter() - t0
            n_tok = int(tk.sentences["n_tokens"].sum())
            label = "  same, korean='mecab'"
            print(
                f"{lang:<10}{label:<34}{n_tok:>10,}{n_tok / seconds:>12,.0f}"
                f"{n_tok / seconds / en_rate:>10.2f}x"
            )
    print("target: >= 100,000 tokens/s per core for Korean and Japanese")


def _real_articles() -> pd.DataFrame:
    """Real articles: the seed article, the demo corpus and the export samples
    in ../shared (read there, never copied), through ``load_corpus``."""
    from toolkit import load_corpus, load_demo

    parts = [load_demo()[["doc_id", "text"]]]
    for path in sorted((SHARED / "seed").glob("*.txt")):
        parts.append(pd.DataFrame({"doc_id": [path.stem], "text": [path.read_text("utf-8")]}))
    for path in sorted((SHARED / "samples" / "exports").glob("*")):
        got = load_corpus(path)
        parts.append(pd.DataFrame({"doc_id": path.name + ":" + got["doc_id"], "text": got["text"]}))
    corpus = pd.concat(parts, ignore_index=True)
    return load_corpus(corpus[corpus["text"].notna()].reset_index(drop=True))


def _real_sentences() -> pd.DataFrame:
    """Real English sentences of the dev sets in ../shared (NYT editorial
    snippets, NewsMTSC, Financial PhraseBank), each once, two or three to a
    document in file order: enough documents for ``tokenize`` to use processes."""
    from toolkit import load_corpus

    eval_dir = SHARED / "eval"
    pool = pd.read_csv(eval_dir / "nyt_editorial_snippets_dev.tsv", sep="\t")["text"].tolist()
    pool += pd.read_json(eval_dir / "newsmtsc_rw_dev.jsonl", lines=True)["sentence"].tolist()
    pool += pd.read_csv(eval_dir / "finphrase_en_ko_dev.tsv", sep="\t")["en"].tolist()
    pool = list(dict.fromkeys(str(x).strip() for x in pool if isinstance(x, str) and x.strip()))
    texts, i = [], 0
    while i < len(pool):
        k = 2 + len(texts) % 2
        texts.append(" ".join(pool[i : i + k]))
        i += k
    ids = [f"dev-{j:05d}" for j in range(len(texts))]
    return load_corpus(pd.DataFrame({"doc_id": ids, "text": texts}), language="en")


def versus_before(rounds: int = 3) -> None:
    """``tokenize`` against the tokenizer before the columnar rewrite, same run.

    For each corpus, ``rounds`` interleaved rounds; in each, both sides
    start with every memo emptied (the toolkit's ``clear_caches``, the
    frozen copy's own), first in this process (CPU seconds, ``n_jobs=1``),
    then with the default ``n_jobs`` (wall seconds; a corpus of fewer than
    2,000 documents stays in one process). The best round of each side
    counts. The two sentence tables are checked equal first.
    """
    from benchmarks import _distinct
    from benchmarks import _tokenize_before as before
    from toolkit.tokens.caches import clear_caches
    from toolkit.tokens.tokenizer import tokenize as toolkit_tokenize

    corpora = {"constructed: 5,000 articles, distinct sentences": None}
    corpora["constructed: 5,000 articles, distinct sentences"] = _distinct.articles(5000)[
        ["doc_id", "text"]
    ]
    from toolkit import load_corpus

    corpora["constructed: 5,000 articles, distinct sentences"] = load_corpus(
        corpora["constructed: 5,000 articles, distinct sentences"]
    )
    if (SHARED / "samples" / "exports").is_dir():
        corpora["real: seed + demo + export articles"] = _real_articles()
    if (SHARED / "eval").is_dir():
        corpora["real: dev-set sentences, 2-3 per document"] = _real_sentences()

    def timed(func, corpus, n_jobs):
        before.clear()
        clear_caches()
        c0, t0 = time.process_time(), time.perf_counter()
        func(corpus, n_jobs=n_jobs)
        return time.process_time() - c0, time.perf_counter() - t0

    def new(corpus, n_jobs):
        return toolkit_tokenize(corpus, n_jobs=n_jobs).sentences

    print("\ntokenize against the tokenizer before the columnar rewrite (same run, interleaved)")
    print(f"{'corpus':<46}{'docs':>7}{'sentences':>10}{'':>4}{'before':>8}{'now':>8}{'ratio':>7}")
    for name, corpus in corpora.items():
        pd.testing.assert_frame_equal(before.tokenize(corpus, n_jobs=1), new(corpus, 1))
        best = {}
        for _ in range(rounds):
            for key, func in (("before", before.tokenize), ("now", new)):
                cpu, _ = timed(func, corpus, 1)
                _, wall = timed(func, corpus, None)
                old = best.get(key, (float("inf"), float("inf")))
                best[key] = (min(old[0], cpu), min(old[1], wall))
        n_sent = len(new(corpus, 1))
        for i, label in enumerate(("CPU s, 1 process", "wall s, default n_jobs")):
            b, n = best["before"][i], best["now"][i]
            head = f"{name if i == 0 else '':<46}{len(corpus) if i == 0 else '':>7}"
            head += f"{n_sent if i == 0 else '':>10}"
            print(f"{head}    {b:>7.3f} {n:>7.3f} {b / n:>6.2f}x   {label}")
    print("target: >= 1.6x in both rows")


if __name__ == "__main__":
    main()
