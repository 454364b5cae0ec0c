"""A constructed corpus of distinct sentences, for the scale benchmarks.

Every sentence is built from word lists (subject, verb, object, place,
time, comment), numbered in a mixed radix and scattered by a fixed
permutation, so no sentence repeats until the lists are exhausted
(over 4 million combinations): caching repeated sentences cannot flatter
the timings. The text is CONSTRUCTED for benchmarking; it reports nothing
that happened and quotes no one. Running this file prints a sample.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

# Run as a script, this folder would come first on sys.path, and its
# tokenize.py would shadow the standard library module of that name.
_ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

SUBJECTS = [
    "Officials in Seoul",
    "Officials in Tokyo",
    "The foreign ministry",
    "The trade ministry",
    "Opposition lawmakers",
    "Fishing cooperatives",
    "Business groups",
    "Civic groups",
    "Historians",
    "Defence planners",
    "Port authorities",
    "Local governments",
    "Students",
    "Tour operators",
    "Farm unions",
    "Shipping firms",
    "Analysts",
    "Coast guard units",
    "Museum curators",
    "Exporters",
    "Teachers' unions",
    "City councils",
    "Diplomats",
    "Energy companies",
    "Regional broadcasters",
    "Veterans' groups",
    "Legal scholars",
    "Chip makers",
    "Airlines",
    "Think tanks",
]
VERBS = [
    "welcomed",
    "criticised",
    "questioned",
    "praised",
    "rejected",
    "supported",
    "condemned",
    "reviewed",
    "debated",
    "protested",
    "endorsed",
    "delayed",
    "defended",
    "challenged",
    "celebrated",
    "doubted",
    "studied",
    "opposed",
    "accepted",
    "postponed",
]
OBJECTS = [
    "the new export rules",
    "the island dispute",
    "the wartime labour ruling",
    "the fisheries agreement",
    "the summit plan",
    "the textbook revision",
    "the visa waiver",
    "the joint drill",
    "the semiconductor curbs",
    "the apology statement",
    "the intelligence pact",
    "the tourism campaign",
    "the compensation fund",
    "the maritime survey",
    "the cultural exchange",
    "the tariff review",
    "the court settlement",
    "the memorial ceremony",
    "the student programme",
    "the energy deal",
    "the airline routes",
    "the shipping lanes",
    "the museum loan",
    "the history panel",
    "the youth forum",
]
PLACES = [
    "in Busan",
    "in Osaka",
    "near Ulleung",
    "in Fukuoka",
    "in Incheon",
    "in Sapporo",
    "in Daegu",
    "in Nagoya",
    "in Gwangju",
    "in Kobe",
    "in Jeju",
    "in Sendai",
    "in Ulsan",
    "in Hiroshima",
    "in Suwon",
    "in Kyoto",
]
TIMES = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "over the weekend",
    "last week",
    "this month",
    "late on Sunday",
    "early on Saturday",
    "after talks",
    "before the vote",
]
COMMENTS = [
    "calling it a fair step",
    "calling it a serious mistake",
    "citing rising costs",
    "citing public anger",
    "pointing to strong demand",
    "warning of lasting damage",
    "hoping for calm",
    "demanding a full review",
    "noting modest gains",
    "fearing new tension",
    "praising the careful work",
    "blaming weak planning",
    "seeking more talks",
    "expecting better ties",
    "predicting a painful year",
    "urging patience",
    "describing a hopeful sign",
    "describing a bitter setback",
]
LISTS = [SUBJECTS, VERBS, OBJECTS, PLACES, TIMES, COMMENTS]
N_COMBINATIONS = int(np.prod([len(x) for x in LISTS]))
OUTLETS = [
    ("Constructed Daily A", "KR"),
    ("Constructed Herald B", "KR"),
    ("Constructed Times C", "JP"),
    ("Constructed Shimbun D", "JP"),
    ("Constructed Wire E", "INT"),
]
_STEP = 1_000_003  # a prime that does not divide N_COMBINATIONS: i -> i*STEP mod N is a bijection


def sentence(i: int) -> str:
    """The i-th distinct sentence."""
    k = (i * _STEP) % N_COMBINATIONS
    words = []
    for lst in LISTS:
        k, r = divmod(k, len(lst))
        words.append(lst[r])
    s, v, o, p, t, c = words
    return f"{s} {v} {o} {p} {t}, {c}."


def articles(n: int, start: int = 0, per_article: int = 8) -> pd.DataFrame:
    """Articles ``start`` .. ``start + n - 1``: ``per_article`` distinct sentences each."""
    rows = []
    dates = pd.date_range("2015-01-01", "2024-12-31", freq="D")
    for a in range(start, start + n):
        text = " ".join(sentence(a * per_article + j) for j in range(per_article))
        outlet, country = OUTLETS[a % len(OUTLETS)]
        rows.append(
            {
                "doc_id": f"c-{a + 1:07d}",
                "text": text,
                "outlet": outlet,
                "country": country,
                "date": dates[(a * 37) % len(dates)].strftime("%Y-%m-%d"),
                "constructed": True,
            }
        )
    return pd.DataFrame(rows)


def chunks(n: int, size: int = 10_000, per_article: int = 8) -> Iterator[pd.DataFrame]:
    for start in range(0, n, size):
        yield articles(min(size, n - start), start, per_article)


def write_parquet(n: int, path: Path, row_group: int = 10_000) -> Path:
    """Write ``n`` constructed articles to Parquet, a row group at a time (bounded memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if n * 8 > N_COMBINATIONS:
        raise ValueError(f"{n:,} articles need more distinct sentences than {N_COMBINATIONS:,}")
    writer = None
    try:
        for df in chunks(n, row_group):
            table = pa.Table.from_pandas(df, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()
    return path


if __name__ == "__main__":
    for s in articles(2)["text"]:
        print(s[:200], "...")
    print(f"{N_COMBINATIONS:,} distinct sentences available (constructed)")
