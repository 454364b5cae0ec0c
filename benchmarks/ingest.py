"""Loading and tokenizing: language detection old and new, and n_jobs 1 against 2.

The corpus is CONSTRUCTED (``benchmarks/_distinct.py``): articles of eight
distinct sentences each. In one run, interleaved (the machine is shared, so
only ratios measured side by side mean much), the best of ``--rounds``:

- language detection of every article with the earlier per-character
  detector (a frozen copy below, the baseline) and with
  ``toolkit.text.language.detect_language``; the same on the UD Korean and
  Japanese dev sentences when ``../shared`` is present (non-ASCII text);
- ``load_corpus`` and ``tokenize`` with ``n_jobs=1`` and ``n_jobs=2``
  (caches cleared before each tokenize, so nothing is remembered between runs);
- ``load_corpus`` of a folder holding the same articles as ``.txt`` files
  (written to a temporary folder), ``n_jobs=1`` and ``n_jobs=2``;
- with ``--against COMMIT`` (e.g. ``c6738d2``, before the issue-16 ingest
  work), ``load_corpus`` + ``tokenize`` of that commit's ``toolkit/`` (taken
  with ``git archive``) and of this checkout, each in a fresh process, rounds
  alternating, with a digest of both outputs compared; and the folder load.
  The same runs give CPU seconds, all before the other steps: the first
  ``load_corpus`` + ``tokenize`` of a session on one document (and a second
  call on another, for the first-call overhead); then, each after a full
  garbage collection (so none owed by an earlier step is charged to it),
  ``load_corpus(n_jobs=1)`` of the articles, of the export samples in
  ``../shared/samples/exports`` (when present; their outputs are in the
  digest too) and ``load_demo``.

Outputs are checked to be identical between the compared runs.

Run: ``python benchmarks/ingest.py [n_articles] [--rounds 3] [--against c6738d2]``
(default 5,000 articles).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path, and its
# tokenize.py would shadow the standard library module of that name.
_ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]
sys.path.insert(0, str(_ROOT))

import argparse  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

import pandas as pd  # noqa: E402

from benchmarks import _distinct, _language_before  # noqa: E402

SHARED = _ROOT.parent / "shared"


# The per-character detector as it was before issue 16 (frozen baseline).
old_detect_language = _language_before.detect_language


def _ud_sentences() -> list[str]:
    out = []
    for name in ("ud_ko_gsd_dev.conllu", "ud_ja_gsd_dev.conllu"):
        path = SHARED / "eval" / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            out += [ln[len("# text = ") :] for ln in lines if ln.startswith("# text = ")]
    return out


def _timed(func: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = func()
    return time.perf_counter() - t0, out


# Run in a fresh process per round: times load_corpus and tokenize of the
# toolkit first on sys.path, and prints them with a digest of the output.
# Its first calls are two one-document corpora (CONSTRUCTED sentences), CPU
# seconds: what a session's first call costs, and a second call for the
# steady cost. Libraries are imported before any clock, as in pipeline.py.
_CHILD = """
import gc, hashlib, json, sys, time, warnings
import pandas as pd
sys.path.insert(0, sys.argv[1])
import scipy.sparse
import openpyxl, docx
import toolkit
import toolkit.corpus.load, toolkit.tokens.tokenizer, toolkit.measures.frequency
raw = pd.read_pickle(sys.argv[2])
first = []
for text, outlet in (("Seoul protested on Monday, and Tokyo replied.", "Yonhap"),
                     ("Tokyo replied on Tuesday, and Seoul protested again.", "Asahi")):
    one = pd.DataFrame({"text": [text], "outlet": [outlet]})  # constructed
    c0 = time.process_time()
    c = toolkit.load_corpus(one)
    c1 = time.process_time()
    toolkit.tokenize(c)
    first.append([c1 - c0, time.process_time() - c1])
h = hashlib.sha256()
def digest(frame):
    h.update(str(list(frame.dtypes.astype(str))).encode())
    h.update(frame.to_csv(index=False).encode())
gc.collect()  # before each CPU-timed step: no collection owed by earlier steps
c0 = time.process_time()
loaded = toolkit.load_corpus(raw, n_jobs=1)  # first of the big calls, as in pipeline.py
cpu = {"load n_jobs=1": time.process_time() - c0, "exports": 0.0}
digest(loaded)
del loaded
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for path in sys.argv[4:]:
        gc.collect()
        c0 = time.process_time()
        loaded = toolkit.load_corpus(path, n_jobs=1)
        cpu["exports"] += time.process_time() - c0
        digest(loaded)
gc.collect()
c0 = time.process_time()
digest(toolkit.load_demo())
cpu["demo"] = time.process_time() - c0
t0 = time.perf_counter()
corpus = toolkit.load_corpus(raw)
t1 = time.perf_counter()
sent = toolkit.tokenize(corpus).sentences
t2 = time.perf_counter()
from_folder = toolkit.load_corpus(sys.argv[3])
t3 = time.perf_counter()
for col in ("doc_id", "text", "language", "status", "status_reason"):
    h.update(json.dumps(from_folder[col].astype(str).tolist()).encode())
for col in ("doc_id", "text", "language", "status", "status_reason", "dup_group"):
    h.update(json.dumps(corpus[col].astype(str).tolist()).encode())
for col in ("doc_id", "start", "end", "tokens"):
    h.update(json.dumps(sent[col].astype(str).tolist()).encode())
print(json.dumps({"load": t1 - t0, "tokenize": t2 - t1, "folder": t3 - t2,
                  "first": first, "cpu": cpu, "digest": h.hexdigest(),
                  "toolkit": toolkit.__file__}))
"""


def against(commit: str, raw: pd.DataFrame, folder: Path, rounds: int) -> None:
    """load_corpus + tokenize of ``commit`` against this checkout, fresh processes."""
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        old_root = Path(tmp) / "old"
        old_root.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(_ROOT), "archive", commit, "toolkit"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old_root)], input=archive, check=True)
        data = Path(tmp) / "raw.pkl"
        raw.to_pickle(data)
        exports = sorted(str(p) for p in (SHARED / "samples" / "exports").glob("*.*"))
        runs: dict[str, list[dict]] = {commit: [], "this checkout": []}
        for _ in range(rounds):
            for name, root in ((commit, old_root), ("this checkout", _ROOT)):
                out = subprocess.run(
                    [sys.executable, "-c", _CHILD, str(root), str(data), str(folder), *exports],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                runs[name].append(json.loads(out.strip().splitlines()[-1]))
    assert str(old_root) in runs[commit][0]["toolkit"], "the old toolkit was not the one imported"
    best = {
        name: {k: min(r[k] for r in rs) for k in ("load", "tokenize", "folder")}
        for name, rs in runs.items()
    }
    old, new = best[commit], best["this checkout"]
    same = runs[commit][0]["digest"] == runs["this checkout"][0]["digest"]
    print(f"\nagainst {commit} (fresh process each, best of {rounds}):")
    for k in ("load", "tokenize"):
        print(
            f"  {k:<9} {commit}: {old[k]:.3f} s   this checkout: {new[k]:.3f} s   "
            f"{old[k] / new[k]:.2f}x"
        )
    total_old, total_new = old["load"] + old["tokenize"], new["load"] + new["tokenize"]
    print(
        f"  both      {commit}: {total_old:.3f} s   this checkout: {total_new:.3f} s   "
        f"{total_old / total_new:.2f}x; outputs identical: {same}"
    )
    print(
        f"  .txt folder load  {commit}: {old['folder']:.3f} s   this checkout: "
        f"{new['folder']:.3f} s   {old['folder'] / new['folder']:.2f}x"
    )
    _print_cpu(commit, runs, len(raw), len(exports))
    if not same:
        raise SystemExit("outputs differ from the earlier commit")


def _print_cpu(commit: str, runs: dict[str, list[dict]], n: int, n_exports: int) -> None:
    """The CPU-second lines of :func:`against`: best of the rounds, old over new."""

    def best(name: str, pick) -> float:
        return min(pick(r) for r in runs[name])

    rows = [
        ("first call, one document: load_corpus", lambda r: r["first"][0][0]),
        ("first call, one document: tokenize", lambda r: r["first"][0][1]),
        ("first call, one document: both", lambda r: sum(r["first"][0])),
        ("second call, another document: both", lambda r: sum(r["first"][1])),
        (
            "first-call overhead (first less second)",
            lambda r: sum(r["first"][0]) - sum(r["first"][1]),
        ),
        (f"load_corpus n_jobs=1, {n:,} constructed articles", lambda r: r["cpu"]["load n_jobs=1"]),
        (f"load_corpus n_jobs=1, {n_exports} export samples", lambda r: r["cpu"]["exports"]),
        ("load_demo (121 articles)", lambda r: r["cpu"]["demo"]),
    ]
    print(f"  CPU seconds, best of {len(runs[commit])} (time.process_time, one process):")
    for label, pick in rows:
        old, new = best(commit, pick), best("this checkout", pick)
        print(f"  {label:<48} {commit}: {old:.4f}   this checkout: {new:.4f}   {old / new:.2f}x")


def main() -> None:
    import toolkit
    from toolkit.text.language import detect_language
    from toolkit.tokens.caches import clear_caches

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", metavar="COMMIT", help="also time this commit's toolkit")
    args = parser.parse_args()

    raw = _distinct.articles(args.n)
    texts = raw["text"].tolist()
    ud = _ud_sentences()
    print(
        f"{args.n:,} CONSTRUCTED articles, {sum(map(len, texts)):,} characters; "
        f"best of {args.rounds} interleaved rounds\n"
    )

    def detect_all(func, items):
        return lambda: [func(t) for t in items]

    def tokenize_with(corpus, jobs):
        def run():
            clear_caches()
            return toolkit.tokenize(corpus, n_jobs=jobs)

        return run

    import tempfile

    tmp = tempfile.TemporaryDirectory()
    folder = Path(tmp.name)
    for i, text in enumerate(texts):
        (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")

    times: dict[str, list[float]] = {}
    outputs: dict[str, object] = {}
    corpus = toolkit.load_corpus(raw)
    steps = {
        "detect, old per-character": detect_all(old_detect_language, texts),
        "detect, new": detect_all(detect_language, texts),
        "load_corpus n_jobs=1": lambda: toolkit.load_corpus(raw, n_jobs=1),
        "load_corpus n_jobs=2": lambda: toolkit.load_corpus(raw, n_jobs=2),
        "folder n_jobs=1": lambda: toolkit.load_corpus(folder, n_jobs=1),
        "folder n_jobs=2": lambda: toolkit.load_corpus(folder, n_jobs=2),
        "tokenize n_jobs=1": tokenize_with(corpus, 1),
        "tokenize n_jobs=2": tokenize_with(corpus, 2),
    }
    if ud:
        steps["detect UD ko+ja, old"] = detect_all(old_detect_language, ud)
        steps["detect UD ko+ja, new"] = detect_all(detect_language, ud)
    for _ in range(args.rounds):
        for name, step in steps.items():
            seconds, out = _timed(step)
            times.setdefault(name, []).append(seconds)
            outputs[name] = out

    best = {k: min(v) for k, v in times.items()}
    same = {
        "detect": outputs["detect, old per-character"] == outputs["detect, new"],
        "load": outputs["load_corpus n_jobs=1"].equals(outputs["load_corpus n_jobs=2"]),
        "folder": outputs["folder n_jobs=1"].equals(outputs["folder n_jobs=2"]),
        "tokenize": outputs["tokenize n_jobs=1"].sentences.equals(
            outputs["tokenize n_jobs=2"].sentences
        ),
    }
    if ud:
        same["detect UD"] = outputs["detect UD ko+ja, old"] == outputs["detect UD ko+ja, new"]
    rows = [
        ("language detection", "detect, old per-character", "detect, new", "detect"),
        ("load_corpus", "load_corpus n_jobs=1", "load_corpus n_jobs=2", "load"),
        ("load_corpus, .txt folder", "folder n_jobs=1", "folder n_jobs=2", "folder"),
        ("tokenize", "tokenize n_jobs=1", "tokenize n_jobs=2", "tokenize"),
    ]
    if ud:
        rows.insert(
            1, ("detection, UD ko+ja", "detect UD ko+ja, old", "detect UD ko+ja, new", "detect UD")
        )
    table = pd.DataFrame(
        [
            {
                "step": step,
                "baseline": base,
                "baseline s": round(best[base], 3),
                "compared": new,
                "compared s": round(best[new], 3),
                "speed-up": f"{best[base] / best[new]:.2f}x",
                "identical": same[key],
            }
            for step, base, new, key in rows
        ]
    )
    print(table.to_string(index=False))
    print(
        f"\nload_corpus + tokenize, n_jobs=1: "
        f"{best['load_corpus n_jobs=1'] + best['tokenize n_jobs=1']:.2f} s"
    )
    if not all(same.values()):
        raise SystemExit(f"outputs differ: {same}")
    if args.against:
        against(args.against, raw, folder, args.rounds)
    tmp.cleanup()


if __name__ == "__main__":
    main()
