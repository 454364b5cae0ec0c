"""Fuzz toolkit.load_corpus with generated hostile and unlucky inputs.

Generates ``--n`` inputs (default 10,000) from a fixed seed, each written to
a file (or passed as a DataFrame), and loads it. Families:

* random bytes under every suffix the loader knows;
* constructed Korean/Japanese/European text in every encoding archives use
  (cp949, EUC-KR, Shift_JIS, cp932, EUC-JP, cp1252, UTF-8, UTF-16, with and
  without byte-order marks, cut at a random byte);
* CSV/TSV/JSON/JSONL tables with hostile shapes (nulls, non-objects, nesting,
  surrogates, repeated and reserved column names, repeated ids, empty files);
* DataFrames with reserved columns and repeated ids;
* truncated and byte-mutated real exports from ``../shared/samples/exports``
  (read at run time; skipped when that folder is absent);
* zip files with oversized declared members.

Each outcome is counted as

* ``error naming the file`` -- a ValueError/OSError subclass whose message
  names the file;
* ``loaded, every article with a status`` -- unique doc_ids, a known status
  for every row, and, where the generator knows how many articles it wrote,
  exactly that many rows;
* ``anything else`` -- any other exception or a result failing those checks
  (must be 0; the first few are printed).

Run ``python benchmarks/fuzz_load.py`` (a few minutes on two cores) or
``--n 1000`` for a quick check.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
import zipfile  # noqa: E402
from collections import Counter  # noqa: E402

import pandas as pd  # noqa: E402

from toolkit.corpus.load import STATUSES, load_corpus  # noqa: E402

SHARED = _HERE.parents[1] / "shared" / "samples" / "exports"
# Constructed words (not article text).
KO = ["정부", "외교", "한국", "서울", "대통령", "회담", "협력", "문제", "경제", "발표", "는", "을"]
JA = ["東京", "政府", "外交", "首相", "会談", "日本", "問題", "は", "を", "した", "テレビ"]
EU = ["Pokémon", "café", "Müller", "Straße", "garçon", "the", "talks", "Seoul", "über"]
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "cp949",
    "euc_kr",
    "shift_jis",
    "cp932",
    "euc_jp",
    "cp1252",
]
SUFFIXES = [
    ".txt",
    ".csv",
    ".tsv",
    ".json",
    ".jsonl",
    ".html",
    ".xlsx",
    ".docx",
    ".parquet",
    ".md",
    ".dat",
]
RESERVED = [
    "status",
    "status_reason",
    "dup_group",
    "is_duplicate",
    "n_chars",
    "date_raw",
    "_notes",
    "source_file",
    "encoding",
    "load_note",
    "doc_id",
]


def _words(rng: random.Random) -> str:
    vocab = rng.choice([KO, JA, EU, KO + JA + EU])
    n = rng.choice([1, 1, 2, 5, 10, 100])
    return (" " if vocab is not JA else "").join(rng.choice(vocab) for _ in range(n))


def gen_random_bytes(rng, d):
    data = bytes(rng.getrandbits(8) for _ in range(rng.choice([0, 1, 2, 3, 17, 300])))
    return _write(d, rng.choice(SUFFIXES), data), None


def gen_encoded_text(rng, d):
    text = _words(rng)
    enc = rng.choice(ENCODINGS)
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    if rng.random() < 0.2:
        data = data[: rng.randrange(len(data) + 1)]
    if rng.random() < 0.05:
        data = b"\xef\xbb\xbf" + text.encode("cp949", errors="ignore")
    return _write(d, ".txt", data), None


def gen_table(rng, d):
    n = rng.randrange(0, 6)
    cols = ["text"] + rng.sample(RESERVED + ["title", "date", "outlet"], rng.randrange(0, 4))
    rows = []
    for _ in range(n):
        row = {}
        for c in cols:
            row[c] = rng.choice(
                [
                    _words(rng),
                    "",
                    None,
                    "a<b and c>d",
                    "=HYPERLINK(1)",
                    "2018.05.28",
                    "28. Februar 2012",
                    "a",
                    "a~2",
                    3,
                ]
            )
        rows.append(row)
    kind = rng.choice(["csv", "tsv-as-csv", "json", "jsonl", "json-wrapped", "json-bad"])
    if kind in ("csv", "tsv-as-csv"):
        sep = "," if kind == "csv" else "\t"
        frame = pd.DataFrame(rows, columns=cols)
        text = frame.to_csv(index=False, sep=sep)
        return _write(
            d, ".csv", text.encode(rng.choice(["utf-8", "utf-16", "cp949"]), errors="ignore")
        ), n
    if kind == "jsonl":
        lines = [json.dumps(r, ensure_ascii=rng.random() < 0.5) for r in rows]
        if rows and rng.random() < 0.3:
            lines[0] = '{"text": "lone \\ud800 surrogate"}'
        return _write(d, ".jsonl", "\n".join(lines).encode("utf-8")), n
    if kind == "json-wrapped":
        items = rows + [rng.choice([None, 3, "x", []])] * rng.randrange(0, 2)
        payload = {"articles": items} if items else {"articles": []}
        return _write(d, ".json", json.dumps(payload).encode("utf-8")), None
    if kind == "json-bad":
        payload = rng.choice(
            [
                "42",
                "null",
                '"s"',
                "[" * 50_000,
                "[null, 1, {}]",
                '{"text": ',
                "{}",
                "[]",
                '{"a": {"b": [1, {"c": null}]}}',
            ]
        )
        return _write(d, ".json", payload.encode("utf-8")), None
    items = rows + [rng.choice([None, 3])] * rng.randrange(0, 2)
    return _write(d, ".json", json.dumps(items).encode("utf-8")), len(items) if items else None


def gen_dataframe(rng, d):
    n = rng.randrange(0, 5)
    cols = {"text": [_words(rng) for _ in range(n)]}
    for c in rng.sample(RESERVED, rng.randrange(0, 4)):
        cols[c] = [rng.choice(["a", "a", "a~2", "", None, "unreadable x", 1]) for _ in range(n)]
    return pd.DataFrame(cols), n


def gen_export_mutation(rng, d, exports):
    name, data = rng.choice(exports)
    suffix = Path(name).suffix
    op = rng.choice(["cut", "flip", "cut", "splice"])
    if op == "cut":
        data = data[: rng.randrange(len(data) + 1)]
    elif op == "flip":
        b = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            b[rng.randrange(len(b))] = rng.getrandbits(8)
        data = bytes(b)
    else:
        i = rng.randrange(len(data))
        data = data[:i] + data[i + rng.randrange(1, 2000) :]
    return _write(d, suffix, data), None


def gen_zip(rng, d):
    path = d / f"z{rng.getrandbits(32)}{rng.choice(['.docx', '.xlsx'])}"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            rng.choice(["word/document.xml", "xl/workbook.xml"]),
            b"\0" * rng.choice([10, 3 * 2**20]),
        )
    return path, None


_COUNTER = [0]


def _write(d: Path, suffix: str, data: bytes) -> Path:
    _COUNTER[0] += 1
    path = d / f"f{_COUNTER[0]}{suffix}"
    path.write_bytes(data)
    return path


def classify(source, expected: int | None) -> tuple[str, str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            c = load_corpus(source)
    except (ValueError, OSError, TypeError) as err:
        if isinstance(source, pd.DataFrame):
            return (
                "error naming the file"
                if "DataFrame" in str(err) or "doc_id" in str(err) or "text column" in str(err)
                else "anything else",
                repr(err),
            )
        ok = source.name in str(err)
        return ("error naming the file" if ok else "anything else", repr(err)[:300])
    except Exception as err:  # noqa: BLE001 - this is what the benchmark counts
        return "anything else", f"{type(err).__name__}: {err}"[:300]
    problems = []
    if not c["doc_id"].is_unique:
        problems.append("repeated doc_id")
    if not c["status"].isin(STATUSES).all():
        problems.append(f"unknown status {set(c['status']) - set(STATUSES)}")
    if expected is not None and len(c) != expected:
        problems.append(f"{len(c)} rows for {expected} articles")
    if problems:
        return "anything else", "; ".join(problems)
    return "loaded, every article with a status", ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    exports = (
        [(p.name, p.read_bytes()) for p in sorted(SHARED.iterdir())] if SHARED.is_dir() else []
    )
    gens = [gen_random_bytes] * 3 + [gen_encoded_text] * 3 + [gen_table] * 4 + [gen_dataframe]
    counts: Counter[str] = Counter()
    by_family: Counter[tuple[str, str]] = Counter()
    shown = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for i in range(args.n):
            if exports and i % 40 == 0:
                gen = gen_export_mutation
                source, expected = gen(rng, d, exports)
            elif i % 200 == 1:
                gen = gen_zip
                source, expected = gen(rng, d)
            else:
                gen = rng.choice(gens)
                source, expected = gen(rng, d)
            outcome, detail = classify(source, expected)
            counts[outcome] += 1
            by_family[(gen.__name__, outcome)] += 1
            if outcome == "anything else" and shown < 10:
                shown += 1
                print(f"  [{gen.__name__}] {detail}")
            if isinstance(source, Path) and source.exists():
                source.unlink()
    elapsed = time.perf_counter() - start
    print(f"{args.n} inputs in {elapsed:.0f} s (seed {args.seed})")
    for outcome in (
        "error naming the file",
        "loaded, every article with a status",
        "anything else",
    ):
        print(f"{outcome:40s} {counts[outcome]:6d}")
    print("by family:")
    for (fam, outcome), k in sorted(by_family.items()):
        print(f"  {fam:22s} {outcome:40s} {k:6d}")


if __name__ == "__main__":
    main()
