"""Speed of the news tone measure: the batch scorer against the per-sentence one it replaced.

``tone(method="news")`` (the default tone method) scores English sentences
with :func:`toolkit.measures.tone.news.news_tone_scores` (one call per chunk
of sentences) since issue 16. The baseline is a FROZEN COPY, kept in this
file, of the per-sentence scorer of commit c6738d2 (``news_tone_score``
before the change; benchmark code, not part of the package), so the ratio
is measured against the old code in the same run, interleaved, on the same
input.

Input: the 40,000 distinct sentences of ``benchmarks/_distinct.py`` (the
sentences of ``benchmarks/pipeline.py 5000``; CONSTRUCTED text that reports
nothing and quotes no one), and, when ``../shared`` is present, the English
sentences of the dev sets in ``../shared/eval`` (NYT editorials, NewsMTSC,
Financial PhraseBank), real news text. Every repetition starts cold: the
per-token memo of the new scorer is emptied, as in a fresh worker process.
The script checks that every score tuple equals the baseline's exactly
(``repr``), then prints sentences per second and the ratio.

A second baseline is main's batch scorer before the numpy batch path
(``_news_tone_rows`` of commit 7d01540: one regex pass per 200 sentences and a
Python loop per sentence and hit), read from the git history at run time (the
line says so and is left out where there is no git history). On real text a
third comparison keeps the token memo warm between repetitions, the state of
a large corpus once its vocabulary has been seen: it shows the per-sentence
work without the one-off cost of each new word's record.

Run: ``python benchmarks/news_tone.py [n_sentences] [repeats]`` (defaults
40000 and 5; each figure is the best of the repeats). The ratio is given on
CPU seconds of this process (``time.process_time``), which other jobs on a
shared machine disturb much less than wall-clock time, and on wall seconds.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path, and its
# tokenize.py would shadow the standard library module of that name.
_ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]
sys.path.insert(0, str(_ROOT))

import csv  # noqa: E402
import functools  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import types  # noqa: E402

from benchmarks import _distinct  # noqa: E402
from toolkit.measures.tone import news  # noqa: E402
from toolkit.measures.tone.news import (  # noqa: E402
    _BOOSTERS,
    _CLAUSE_BREAK,
    _CONTRAST_WORDS,
    _DAMPENERS,
    _NEGATION_WORDS,
    _NEGATORS,
    _TOKEN,
    DEFAULT,
    NewsToneParams,
    _lexicon,
    news_tone_score,
    news_tone_scores,
)

# --------------------------------------------------------------------------
# Baseline: the per-sentence scorer of commit c6738d2, frozen (word lists and
# lexicon are the package's; the logic below is the old code, unchanged).
# --------------------------------------------------------------------------


def _inflection_candidates(w: str) -> list[str]:
    """Base forms to try when a word is not in the lexicon (VADER lists few inflections)."""
    out = []
    if w.endswith("ies") and len(w) > 5:
        out.append(w[:-3] + "y")
    if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
        out.append(w[:-1])
    if w.endswith("ed") and len(w) > 5:
        out += [w[:-1], w[:-2], w[:-3] if w[-3] == w[-4] else w[:-2]]
    if w.endswith("ing") and len(w) > 6:
        out += [w[:-3], w[:-3] + "e", w[:-4] if w[-4] == w[-5] else w[:-3]]
    if w.endswith("ly") and len(w) > 5:
        out += [w[:-2], w[:-3] + "y" if w.endswith("ily") else w[:-2]]
    return out


_NEG_PREFIXES = ("un", "dis", "non", "in", "im", "ir", "il")


def _derived(w: str, words: dict[str, float]) -> float | None:
    """Valence of a derived form whose base is in the lexicon.

    "unhelpful", "dishonest", "insecure": a negative prefix on a lexicon word
    reverses it (damped like a negation); "mishandled": "mis-" marks a wrong
    action; "pointless": "-less" on a positive base is negative.
    """
    if w.startswith("mis") and len(w) > 6:
        base = w[3:]
        if base in words or any(c in words for c in _inflection_candidates(base)):
            return -1.5
    for pre in _NEG_PREFIXES:
        if w.startswith(pre) and len(w) - len(pre) >= 4:
            base = w[len(pre) :].lstrip("-")
            v = words.get(base)
            if v is None:
                v = next((words[c] for c in _inflection_candidates(base) if c in words), None)
            if v:
                return -0.8 * v
    if w.endswith("less") and len(w) > 7:
        v = words.get(w[:-4])
        if v and v > 0:
            return -0.8 * v
    return None


def _tokens(text: str) -> list[tuple[str, int, int, bool]]:
    """(lower-case token, start, end, looks like a name) for one sentence."""
    out = []
    first = True
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        low = tok.lower().replace("’", "'")
        if low[0].isalpha():
            name = (not first) and tok[0].isupper() and not tok.isupper()
            first = False
        else:
            name = False
            if tok in ".!?:":
                first = True
        out.append((low, m.start(), m.end(), name))
    return out


def _valences(toks: list[tuple[str, int, int, bool]], p: NewsToneParams) -> list[tuple[int, float]]:
    """(token index, raw valence) of every lexicon hit, before modifiers."""
    words, bigrams = _lexicon()
    hits: list[tuple[int, float]] = []
    skip = -1
    for i, (w, _s, _e, name) in enumerate(toks):
        if i <= skip or not w[0].isalpha() or len(w) < 2:
            continue
        if i + 1 < len(toks) and (w, toks[i + 1][0]) in bigrams:
            hits.append((i, bigrams[(w, toks[i + 1][0])]))
            skip = i + 1
            continue
        v = words.get(w)
        if v is None and p.inflections:
            for c in _inflection_candidates(w):
                if c in words:
                    v = words[c]
                    break
        if v is None and p.derivations:
            v = _derived(w, words)
        if v is None or v == 0.0:
            continue
        if name and p.names_neutral:
            continue
        hits.append((i, v))
    return hits


def _modified(
    toks: list[tuple[str, int, int, bool]], hits: list[tuple[int, float]], p: NewsToneParams
) -> list[tuple[int, float]]:
    """Apply negation, boosters, dampeners and contrast to the raw hits."""
    contrast_at = next((i for i, t in enumerate(toks) if t[0] in _CONTRAST_WORDS and i > 0), None)
    out = []
    for i, v in hits:
        negated = boosted = damped = False
        for k in range(i - 1, max(-1, i - 1 - p.negation_window), -1):
            w = toks[k][0]
            if w in _CLAUSE_BREAK or w in _CONTRAST_WORDS:
                break
            if w in _NEGATORS or w.endswith("n't"):
                negated = True
            elif k == i - 1 and w in _BOOSTERS:
                boosted = True
            elif k == i - 1 and w in _DAMPENERS:
                damped = True
        if boosted:
            v *= 1 + p.booster
        if damped:
            v *= 1 - p.dampener
        if negated:
            v *= p.negation
        if contrast_at is not None:
            v *= p.contrast_before if i < contrast_at else p.contrast_after
        out.append((i, v))
    return out


def _with_negators(
    toks: list[tuple[str, int, int, bool]], hits: list[tuple[int, float]], p: NewsToneParams
) -> list[tuple[int, float]]:
    """Add a hit of ``p.negator_valence`` for each negation word, if the sentence has hits.

    Negation is more common in negative than in positive text (Potts 2011,
    "On the negativity of negation"), so "not" carries some negative tone
    of its own, besides reversing the word after it. Only sentences that
    already have sentiment words get it: in a sentence without any ("no
    decision was taken"), the negation word alone is not evidence of tone.
    """
    if not hits or not p.negator_valence:
        return hits
    extra = [
        (k, p.negator_valence)
        for k, t in enumerate(toks)
        if t[0] in _NEGATION_WORDS or t[0].endswith("n't")
    ]
    return hits + extra if extra else hits


def _squash(x: float, alpha: float) -> float:
    return x / math.sqrt(x * x + alpha) if x else 0.0


@functools.lru_cache(maxsize=4096)
def _scored(
    text: str, params: NewsToneParams
) -> tuple[list[tuple[str, int, int, bool]], list[tuple[int, float]], int]:
    """(tokens, modified hits with negation words, number of lexicon hits) of a
    sentence; cached, because tone toward targets scores one sentence once per
    mention. Callers must not change the lists."""
    toks = _tokens(text)
    hits = _modified(toks, _valences(toks, params), params)
    return toks, _with_negators(toks, hits, params), len(hits)


def old_news_tone_score(
    text: str, params: NewsToneParams = DEFAULT
) -> tuple[float, float, float, int]:
    """The per-sentence scorer of c6738d2."""
    toks, hits, n_hits = _scored(text, params)
    pos = sum(v for _, v in hits if v > 0)
    neg = sum(v for _, v in hits if v < 0) * params.negative_weight
    total = pos + neg
    if total and params.length_power:
        # Raters judge how evaluative a sentence reads, not how many loaded
        # words it holds: long sentences need a larger sum for the same score.
        n_words = max(1, sum(1 for t in toks if t[0][0].isalpha()))
        total /= (n_words / params.length_ref) ** params.length_power
    return _squash(total, params.alpha), pos, neg, n_hits


# --------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------


def distinct_sentences(n: int) -> list[str]:
    """The first ``n`` sentences of benchmarks/_distinct.py (constructed, all distinct)."""
    return [_distinct.sentence(i) for i in range(n)]


def eval_sentences() -> list[str]:
    """The distinct English sentences of the dev sets in ../shared/eval ([] without it)."""
    ev = _ROOT.parent / "shared" / "eval"
    if not ev.is_dir():
        return []
    import pandas as pd

    nyt = pd.read_csv(ev / "nyt_editorial_snippets_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    fp = pd.read_csv(ev / "finphrase_en_ko_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    with open(ev / "newsmtsc_rw_dev.jsonl", encoding="utf-8") as fh:
        mt = [json.loads(line)["sentence"] for line in fh if line.strip()]
    texts = nyt["text"].astype(str).tolist() + mt + fp["en"].astype(str).tolist()
    return list(dict.fromkeys(texts))


_MAIN_COMMIT = "7d01540"


def main_before() -> types.ModuleType | None:
    """toolkit/measures/tone/news.py at commit 7d01540 (main before the numpy batch
    path), from git; None without the history."""
    try:
        source = subprocess.run(
            ["git", "show", f"{_MAIN_COMMIT}:toolkit/measures/tone/news.py"],
            cwd=_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    mod = types.ModuleType("news_at_" + _MAIN_COMMIT)
    mod.__dict__["__file__"] = str(_ROOT / "toolkit" / "measures" / "tone" / "news.py")
    # dataclasses looks the module up by name while the class is made
    sys.modules[mod.__name__] = mod
    exec(compile(source, f"news.py@{_MAIN_COMMIT}", "exec"), mod.__dict__)
    return mod


MAIN = main_before()


def _cold() -> None:
    """Forget everything the scorers remember between sentences."""
    _scored.cache_clear()
    news._WORDS.clear()
    if MAIN is not None:
        MAIN._WORDS.clear()


def _old(texts: list[str]) -> list[tuple]:
    return [old_news_tone_score(t) for t in texts]


def _new_batch(texts: list[str]) -> list[tuple]:
    return news._news_tone_rows(texts)


def _new_array(texts: list[str]):
    return news_tone_scores(texts)  # an array: compared as float tuples, untimed


def _new_single(texts: list[str]) -> list[tuple]:
    return [news_tone_score(t) for t in texts]


def _main_batch(texts: list[str]) -> list[tuple]:
    return MAIN._news_tone_rows(texts)


_BASE, _MAIN_NAME = "c6738d2 per sentence", f"{_MAIN_COMMIT} batch (main)"


def _timed(runs: dict, texts: list[str], repeats: int, cold: bool) -> tuple[dict, dict, dict]:
    """Best-of-``repeats`` CPU and wall seconds of each scorer, interleaved."""
    cpu = dict.fromkeys(runs, math.inf)
    wall = dict.fromkeys(runs, math.inf)
    outputs = {}
    for _ in range(repeats):
        for name, fn in runs.items():
            if cold:
                _cold()
            c0, w0 = time.process_time(), time.perf_counter()
            outputs[name] = fn(texts)
            cpu[name] = min(cpu[name], time.process_time() - c0)
            wall[name] = min(wall[name], time.perf_counter() - w0)
    return cpu, wall, outputs


def _table(runs: dict, n: int, cpu: dict, wall: dict, bases: list[str]) -> None:
    head = "".join(f" {'x ' + b.split()[0]:>10}" for b in bases)
    print(f"  {'scorer':<24} {'CPU s':>7} {'sentences/s':>12}{head} {'wall s':>7}{head}")
    for name in runs:
        by_cpu = "".join(f" {cpu[b] / cpu[name]:10.2f}" for b in bases)
        by_wall = "".join(f" {wall[b] / wall[name]:10.2f}" for b in bases)
        print(
            f"  {name:<24} {cpu[name]:7.3f} {n / cpu[name]:12,.0f}{by_cpu} {wall[name]:7.3f}{by_wall}"
        )


def compare(label: str, texts: list[str], repeats: int, warm: bool = False) -> dict[str, float]:
    """Best-of-``repeats`` CPU and wall seconds of each scorer, interleaved, each
    repetition cold; checks identical scores. With ``warm``, also main's batch
    scorer against the new one with their token memos kept."""
    runs = {_BASE: _old}
    if MAIN is not None:
        runs[_MAIN_NAME] = _main_batch
    runs.update(
        {
            "news_tone_score": _new_single,
            "_news_tone_rows": _new_batch,
            "news_tone_scores": _new_array,
        }
    )
    cpu, wall, outputs = _timed(runs, texts, repeats, cold=True)
    want = [repr(r) for r in outputs[_BASE]]
    for name in runs:
        got = outputs[name]
        if name == "news_tone_scores":  # floats: the old tuples' values as floats
            got = [tuple(r) for r in got.tolist()]
            want_f = [tuple(float(x) for x in r) for r in outputs[_BASE]]
            bad = sum(repr(r) != repr(w) for r, w in zip(got, want_f, strict=True))
        else:
            bad = sum(repr(r) != w for r, w in zip(got, want, strict=True))
        if bad:
            raise SystemExit(f"{name}: {bad} of {len(texts)} scores differ from c6738d2")
    n = len(texts)
    print(f"{label}: {n:,} sentences, scores identical to c6738d2 (all {n:,})")
    if MAIN is None:
        print(f"  (no git history: the {_MAIN_COMMIT} baseline is left out)")
    bases = [b for b in (_BASE, _MAIN_NAME) if b in runs]
    _table(runs, n, cpu, wall, bases)
    if warm and MAIN is not None:
        warm_runs = {_MAIN_NAME: _main_batch, "news_tone_scores": _new_array}
        _cold()
        for fn in warm_runs.values():
            fn(texts)
        cpu_w, wall_w, _ = _timed(warm_runs, texts, repeats, cold=False)
        print("  warm (token memos kept from an earlier pass over the same sentences):")
        _table(warm_runs, n, cpu_w, wall_w, [_MAIN_NAME])
    return cpu


def main(argv: list[str]) -> None:
    n = int(argv[1]) if len(argv) > 1 else 40_000
    repeats = int(argv[2]) if len(argv) > 2 else 5
    real = eval_sentences()
    if real:
        compare("real text (../shared/eval dev sets, English)", real, repeats, warm=True)
    else:
        print("../shared is absent: real-text timing skipped")
    compare(
        "constructed distinct sentences (benchmarks/_distinct.py)", distinct_sentences(n), repeats
    )


if __name__ == "__main__":
    main(sys.argv)
