"""Benchmark toolkit.measures.terminology.naming_lines: time per character as one document grows.

Issue 12 measured 57 s for ``naming_lines`` on one 5 MB article: every
mention sliced the text from its start to the mention. The script builds one
long English document and one long Korean document from constructed
sentences (varied by a seeded random choice, so no two neighbouring
sentences repeat), tokenizes them, and prints the time of ``naming_lines``
per million characters at two sizes and the ratio between them (about 1 when
the cost is linear in length; it was about 10 per tenfold before the fix).

Run ``python benchmarks/naming.py`` (about half a minute on two cores) or
``python benchmarks/naming.py --big 500000`` for a quick check.
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

import pandas as pd  # noqa: E402

from toolkit.measures.terminology import naming_lines  # noqa: E402
from toolkit.tokens.tokenizer import tokenize  # noqa: E402

# Constructed sentences (not quotations), with and without contested names.
_EN = [
    "Dokdo, called Takeshima in Japan, lies in the East Sea.",
    "The ministry said talks on {n} would resume next month.",
    "Activists spoke about the comfort women and forced labor cases.",
    "Shipping in the Sea of Japan was normal on day {n}.",
    "Officials discussed the release of treated water from the plant.",
    "Markets in Seoul and Tokyo closed higher on day {n}.",
]
_KO = [
    "독도(일본명 다케시마) 주변에서 {n}일 훈련이 열렸다.",
    "정부는 {n}일 일본군위안부 문제를 논의했다.",
    "강제징용 피해자 지원 예산이 {n}억 원 늘었다.",
    "전범기업 제품 불매 운동이 {n}주째 이어졌다.",
    "동해상 기상은 {n}일 맑겠다.",
    "오염수 방류를 둘러싼 논의가 {n}차 회의에서 계속됐다.",
]


def _document(templates: list[str], n_chars: int, seed: int) -> str:
    rng = random.Random(seed)
    parts, size = [], 0
    while size < n_chars:
        s = rng.choice(templates).format(n=rng.randrange(1, 1000))
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts)[:n_chars]


def _seconds(text: str) -> float:
    tk = tokenize(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    t0 = time.perf_counter()
    naming_lines(tk)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=100_000, help="characters of the small document")
    ap.add_argument("--big", type=int, default=1_000_000, help="characters of the big document")
    args = ap.parse_args()
    for name, templates in (("English", _EN), ("Korean", _KO)):
        small = _seconds(_document(templates, args.small, 1)) / args.small * 1e6
        big = _seconds(_document(templates, args.big, 2)) / args.big * 1e6
        print(
            f"naming_lines {name}: {small:.2f} s/M chars at {args.small:,} chars, "
            f"{big:.2f} s/M chars at {args.big:,} chars; ratio {big / small:.2f} (1 = linear)"
        )


if __name__ == "__main__":
    main()
