"""Time and peak memory at 1k / 10k (/100k) articles: in-memory path vs streaming path.

The corpus is CONSTRUCTED (``benchmarks/_distinct.py``): articles of eight
distinct sentences each (no sentence repeats anywhere), written to a Parquet
file first, so both paths start from the same file.

- **in-memory**: ``load_corpus(file)``, ``tokenize``, ``frequencies``,
  document ``tone`` (news), ``frames``, ``keyness`` KR vs JP;
- **streaming**: :func:`toolkit.scale.partitions.run_partitioned` over the file in
  partitions of ``--rows`` articles (the same measures, written to Parquet)
  and :func:`toolkit.scale.partitions.partitioned_keyness` from the summed counts;
- **stream, all cores**: the same with ``n_jobs=None`` (worker processes;
  its peak column is the main process, the largest worker's is printed beside).

Each run is a fresh subprocess; peak memory is its maximum resident set
(``ru_maxrss``), which includes the interpreter and libraries (~200 MB).
For the smallest size the script also checks that the streaming results
(document tone, frames, keyness) equal the in-memory ones.

Then it times the HTML report (``build_report``, PNG figures) on the bundled
demo corpus, with ``n_jobs=1`` and with all cores, in fresh subprocesses
(``--report-articles N`` adds a report on N constructed articles).

Run: ``python benchmarks/scale.py [--sizes 1000 10000] [--rows 5000] [--big]
[--report-articles 20000] [--stream-only]`` (``--big`` adds 100,000 articles;
``--stream-only`` runs only the streaming path on all cores, for sizes such as
1,000,000 that the in-memory path cannot hold).
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
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402

from benchmarks import _distinct  # noqa: E402

_CHILD = r"""
import json, resource, sys, time, warnings
sys.path.insert(0, {root!r})
mode, path, out, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
warnings.simplefilter("ignore")
import pandas as pd
import toolkit
from toolkit.scale import partitions as stream
t = time.perf_counter()
if mode == "memory":
    corpus = toolkit.load_corpus(path)
    tk = toolkit.tokenize(corpus)
    freq = toolkit.frequencies(tk)
    tone = toolkit.tone(tk, level="document")
    fr = toolkit.frames(tk)
    key = toolkit.keyness(tk, "KR", by="country", reference="JP")
    elapsed = time.perf_counter() - t
    if out != "-":
        tone.to_pickle(out + "/tone.pkl"); fr.to_pickle(out + "/frames.pkl")
        key.to_pickle(out + "/keyness.pkl")
else:
    jobs = 1 if mode == "stream" else None  # None: all cores
    stream.run_partitioned(path, out, rows=rows, n_jobs=jobs)
    key = stream.partitioned_keyness(out, "KR", by="country", reference="JP")
    elapsed = time.perf_counter() - t
    key.to_pickle(out + "/keyness.pkl")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux -> MiB
worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest worker
print(json.dumps({{"seconds": elapsed, "peak_mib": peak, "worker_peak_mib": worker}}))
"""


_REPORT = r"""
import json, os, resource, sys, tempfile, time, warnings
sys.path.insert(0, {root!r})
source, n_jobs = sys.argv[1], int(sys.argv[2])
warnings.simplefilter("ignore")
from toolkit.report.build import build_report
t, c = time.perf_counter(), time.process_time()
with tempfile.TemporaryDirectory() as out:
    build_report(None if source == "demo" else source, out, progress=False, n_jobs=n_jobs)
wall, cpu = time.perf_counter() - t, time.process_time() - c
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{"wall": wall, "cpu": cpu, "helper_cpu": kids.ru_utime + kids.ru_stime}}))
"""


def _report(source: str, n_jobs: int) -> dict:
    res = subprocess.run(
        [sys.executable, "-c", _REPORT.format(root=str(_ROOT)), source, str(n_jobs)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        raise RuntimeError(f"report failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def _run(mode: str, path: Path, out: str, rows: int) -> dict:
    code = _CHILD.format(root=str(_ROOT))
    res = subprocess.run(
        [sys.executable, "-c", code, mode, str(path), out, str(rows)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        raise RuntimeError(f"{mode} run failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def _check_identical(mem_dir: Path, stream_dir: Path) -> str:
    import pandas as pd
    from pandas.testing import assert_frame_equal

    from toolkit.scale.partitions import read_results

    for name in ("tone", "frames"):
        assert_frame_equal(
            read_results(stream_dir, name),
            pd.read_pickle(mem_dir / f"{name}.pkl").reset_index(drop=True),
        )
    assert_frame_equal(
        pd.read_pickle(stream_dir / "keyness.pkl").reset_index(drop=True),
        pd.read_pickle(mem_dir / "keyness.pkl").reset_index(drop=True),
    )
    return "identical (document tone, frames, keyness)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rows", type=int, default=5000, help="streaming partition size")
    parser.add_argument("--big", action="store_true", help="add 100,000 articles")
    parser.add_argument(
        "--stream-only",
        action="store_true",
        help="run only the streaming path on all cores (sizes the in-memory path cannot hold, e.g. 1,000,000)",
    )
    parser.add_argument(
        "--report-articles",
        type=int,
        default=0,
        help="also time the report on this many constructed articles",
    )
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + ([100_000] if args.big else [])))
    distinct = _distinct
    print("Constructed corpus of distinct sentences (8 per article), read from Parquet.")
    print(f"streaming partitions: {args.rows:,} articles\n")
    print(f"{'articles':>9}  {'path':<18} {'seconds':>8} {'peak MiB':>9} {'ms/article':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for i, n in enumerate(sizes):
            path = distinct.write_parquet(n, tmp / f"corpus_{n}.parquet")
            mem_dir, stream_dir = tmp / f"mem_{n}", tmp / f"stream_{n}"
            mem_dir.mkdir()
            if args.stream_only:
                r = _run("stream-all", path, str(tmp / f"par_{n}"), args.rows)
                print(
                    f"{n:>9,}  {'stream, all cores':<18} {r['seconds']:>8.1f} {r['peak_mib']:>9.0f} "
                    f"{1000 * r['seconds'] / n:>10.2f}  (largest worker "
                    f"{r.get('worker_peak_mib', 0):.0f} MiB)"
                )
                continue
            check = i == 0
            mem = _run("memory", path, str(mem_dir) if check else "-", args.rows)
            st = _run("stream", path, str(stream_dir), args.rows)
            par = _run("stream-all", path, str(tmp / f"par_{n}"), args.rows)
            for label, r in (("in-memory", mem), ("streaming", st), ("stream, all cores", par)):
                worker = r.get("worker_peak_mib", 0)
                print(
                    f"{n:>9,}  {label:<18} {r['seconds']:>8.1f} {r['peak_mib']:>9.0f} "
                    f"{1000 * r['seconds'] / n:>10.2f}"
                    + (f"  (largest worker {worker:.0f} MiB)" if label.endswith("cores") else "")
                )
            print(
                f"{'':>9}  streaming / in-memory: time {st['seconds'] / mem['seconds']:.2f}x, "
                f"peak memory {st['peak_mib'] / mem['peak_mib']:.2f}x"
            )
            if check:
                print(f"{'':>9}  results at {n:,}: {_check_identical(mem_dir, stream_dir)}")
        if args.stream_only:
            return
        print("\nHTML report (PNG figures), fresh process each; wall time depends on other load")
        print(f"{'corpus':<28} {'n_jobs':>6} {'wall s':>7} {'main CPU s':>10} {'helper CPU s':>12}")
        sources = [("demo (121 articles)", "demo")]
        if args.report_articles:
            path = distinct.write_parquet(args.report_articles, tmp / "report.parquet")
            sources.append((f"constructed ({args.report_articles:,})", str(path)))
        cores = os.cpu_count() or 1
        for label, source in sources:
            for jobs in sorted({1, cores}):
                r = _report(source, jobs)
                print(
                    f"{label:<28} {jobs:>6} {r['wall']:>7.1f} {r['cpu']:>10.1f} "
                    f"{r['helper_cpu']:>12.1f}"
                )


if __name__ == "__main__":
    main()
