"""Time per character of every measure on adversarial long documents.

For each measure (load, split_sentences, tokenize, tone, target_tone,
frames, naming, quotes, mentioned_not_quoted, keyness) and each size
(10k, 100k, 1M characters by default) the script builds hostile documents
of that size and prints the slowest time per character over them:

* ``run-on``: one sentence of constructed news words with commas and no
  full stop (a scraped page that lost its punctuation);
* ``punct``: runs of dots, quotation marks and ``<!--`` / ``<script``
  openers between words (broken markup, ellipses, quote-heavy copy);
* ``dots``: nothing but full stops;
* ``openers``: nothing but ``<!--`` (an HTML comment opened and never closed).

The ratio column is time per character against the same input kind at the
10k-character size in the same run: about 1 for a linear measure, about 10 per tenfold size for
a quadratic one. An input kind is not run at larger sizes (and the script says so) when its
last time, grown by (size ratio) ** 1.5, would exceed ``--budget`` seconds,
so a quadratic measure cannot hang the run. All text is constructed for this benchmark.

Run ``python benchmarks/adversarial.py`` or ``--sizes 10000,100000`` for a
quick check.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import pandas as pd  # noqa: E402

import toolkit as tk  # noqa: E402

# Constructed vocabulary (not article text); includes actor names and quote verbs
# so that target_tone, naming, quotes and mentioned_not_quoted have work to do.
WORDS = (
    "Seoul Tokyo Japan South Korea government minister talks agreed protested "
    "said sharply criticised welcomed the a of and in on with over dispute "
    "Foreign Minister Yun Prime Minister Abe comfort women Dokdo Takeshima "
    "relations summit sanctions trade export officials spokesperson"
).split()


def run_on(n: int, rng: random.Random) -> str:
    out, size = [], 0
    while size < n:
        w = rng.choice(WORDS) + ("," if rng.random() < 0.1 else "")
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n]


def punct(n: int, rng: random.Random) -> str:
    pieces = ["." * 50, '"' * 7, "<!--", "<script", "...", "“", " said Yun ", " Abe "]
    out, size = [], 0
    while size < n:
        p = rng.choice(pieces) if rng.random() < 0.5 else rng.choice(WORDS)
        out.append(p)
        size += len(p) + 1
    return " ".join(out)[:n]


def corpus_of(text: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tk.load_corpus(
            pd.DataFrame(
                {"doc_id": ["d1", "d2"], "text": [text, "Seoul met Tokyo."], "outlet": ["A", "B"]}
            )
        )


MEASURES = {
    "load": lambda text: corpus_of(text),
    "split_sentences": lambda text: tk.split_sentences(text),
    "tokenize": lambda text: tk.tokenize(corpus_of(text)),
    "tone": lambda text: tk.tone(corpus_of(text), "vader", level="document"),
    "target_tone": lambda text: tk.target_tone(corpus_of(text), actors="Japan"),
    "frames": lambda text: tk.frames(corpus_of(text)),
    "naming": lambda text: tk.naming(corpus_of(text)),
    "quotes": lambda text: tk.quotes(corpus_of(text)),
    "mentioned_not_quoted": lambda text: tk.mentioned_not_quoted(corpus_of(text)),
    "keyness": lambda text: tk.keyness(corpus_of(text), target=["d1"]),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument(
        "--budget",
        type=float,
        default=20.0,
        help="drop an input kind when its next size would take longer than this (seconds)",
    )
    ap.add_argument("--measures", default=",".join(MEASURES))
    args = ap.parse_args()
    warnings.simplefilter("ignore")  # the long-sentence notes are expected here
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(12)
    texts = {
        n: {
            "run-on": run_on(n, rng),
            "punct": punct(n, rng),
            "dots": "." * n,
            "openers": ("<!--" * n)[:n],
        }
        for n in sizes
    }
    print(
        f"{'measure':22s}{'chars':>10s}{'seconds':>10s}{'us/char':>10s}{'ratio':>8s}  worst input"
    )
    for name in args.measures.split(","):
        fn = MEASURES[name]
        try:  # warm up: lexicons, models and imports load once, outside the timing
            fn(run_on(1_000, random.Random(0)))
        except Exception as err:  # noqa: BLE001
            print(f"{name:22s} fails: {type(err).__name__}: {str(err)[:80]}")
            continue
        base: dict[str, float] = {}  # time per character of each kind at the first size
        dropped: dict[str, str] = {}  # input kinds too slow to run at larger sizes
        for k, n in enumerate(sizes):
            worst, worst_kind = 0.0, ""
            nxt = sizes[k + 1] if k + 1 < len(sizes) else None
            for kind, text in texts[n].items():
                if kind in dropped:
                    continue
                # a first word unique to the measure defeats caches shared between measures
                text = f"{name} {text[len(name) + 1 :]}"
                start = time.perf_counter()
                try:
                    fn(text)
                except Exception as err:  # noqa: BLE001 - a benchmark reports, not fails
                    worst_kind = f"{kind}: {type(err).__name__}: {str(err)[:60]}"
                    break
                t = time.perf_counter() - start
                base.setdefault(kind, max(t / n * 1e6, 1e-9))
                if t > worst:
                    worst, worst_kind = t, kind
                # growth between linear and quadratic would exceed the budget
                if nxt and t * (nxt / n) ** 1.5 > args.budget:
                    dropped[kind] = f"{t:.1f} s at {n:,}"
            per = worst / n * 1e6
            ratio = per / base[worst_kind] if worst_kind in base else float("nan")
            print(
                f"{name:22s}{n:>10,d}{worst:>10.2f}{per:>10.2f}{ratio:>8.1f}  {worst_kind}",
                flush=True,
            )
            for kind, why in list(dropped.items()):
                if why and nxt:
                    print(
                        f"{name:22s}{'':>10s}  '{kind}' not run at {nxt:,} and larger "
                        f"({why}; budget {args.budget:.0f} s)"
                    )
                    dropped[kind] = ""


if __name__ == "__main__":
    main()
