"""Benchmark toolkit.measures.quotes.cjk.find_quotes: time per character as one Korean text grows.

Builds one long Korean document from constructed sentences with quotes
(seeded random choice), and prints the time of ``find_quotes`` per million
characters at two sizes and their ratio (about 1 when the cost is linear in
length). An early version stripped the whole text once per quote and was
quadratic.

Run ``python benchmarks/quotes_cjk.py`` (a few seconds).
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

from toolkit.measures.quotes.cjk import find_quotes  # noqa: E402

# Constructed sentences, quotes attributed to unnamed speakers only.
_KO = [
    "외교부 대변인은 {n}일 “대화는 계속된다”고 말했다.",
    "정부는 {n}일 회의를 열었다.",
    "“규제를 {n}개 풀겠다”고 덧붙였다.",
    "한 어민은 “바다가 걱정이다”며 한숨을 쉬었다.",
    "“협의는 {n}차례 열렸다”고 정부 당국자가 밝혔다.",
]


def _document(n_chars: int, seed: int) -> str:
    rng = random.Random(seed)
    parts, size = [], 0
    while size < n_chars:
        s = rng.choice(_KO).format(n=rng.randrange(1, 1000))
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts)[:n_chars]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=100_000)
    ap.add_argument("--big", type=int, default=1_000_000)
    args = ap.parse_args()
    per = []
    for size, seed in ((args.small, 1), (args.big, 2)):
        text = _document(size, seed)
        t0 = time.perf_counter()
        n = len(find_quotes(text, "ko"))
        per.append((time.perf_counter() - t0) / size * 1e6)
        print(f"find_quotes Korean: {size:,} chars, {n:,} quotes, {per[-1]:.2f} s/M chars")
    print(f"ratio {per[1] / per[0]:.2f} (1 = linear)")


if __name__ == "__main__":
    main()
