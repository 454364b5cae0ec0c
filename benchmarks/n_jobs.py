"""n_jobs: each measure in one process and on all cores, same input, same run.

Usage: python benchmarks/n_jobs.py [N_ARTICLES]   (default 5,000)

The corpus is benchmarks/_distinct.py's CONSTRUCTED articles (8 distinct
sentences each, nothing repeated, so memoising cannot flatter either side),
loaded and tokenized once outside the timings. Each measure runs with
``n_jobs=1`` and ``n_jobs=-1`` in turn, twice, and the faster run of each
counts; the two outputs must be equal (``assert_frame_equal``). Printed:
seconds per setting and the ratio one process / all cores (> 1: the
processes help). On a shared machine the ratios move with the other load,
which is why the runs are interleaved.
"""

from __future__ import annotations

import os
import resource
import sys
import time
import warnings
from pathlib import Path

# Run as a script, this folder would come first on sys.path, and its
# tokenize.py would shadow the standard library module of that name.
_ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]
sys.path.insert(0, str(_ROOT))


import pandas as pd  # noqa: E402

from benchmarks import _distinct  # noqa: E402


def _measures(tk) -> dict:
    from toolkit.measures.framing import frames
    from toolkit.measures.quotes.english import quotes
    from toolkit.measures.tone.scoring import target_tone, tone

    return {
        "tone news": lambda j: tone(tk, method="news", n_jobs=j),
        "tone vader": lambda j: tone(tk, method="vader", n_jobs=j),
        "target_tone": lambda j: target_tone(tk, n_jobs=j),
        "frames": lambda j: frames(tk, n_jobs=j),
        "quotes": lambda j: quotes(tk, n_jobs=j),
    }


def _thresholds() -> dict[str, tuple[int, str]]:
    """Each measure's smallest input that goes to the processes, and its unit."""
    from toolkit.measures import framing
    from toolkit.measures.quotes import english
    from toolkit.measures.tone import scoring

    return {
        "tone news": (scoring._NEWS_PARALLEL_MIN, "sentences"),
        "tone vader": (scoring._VADER_PARALLEL_MIN, "sentences"),
        "target_tone": (scoring._TARGET_PARALLEL_MIN, "sentences"),
        "frames": (framing._PARALLEL_MIN, "sentences"),
        "quotes": (english._PARALLEL_MIN, "documents"),
    }


def _compare(name: str, run, rounds: int) -> str:
    """Best wall and CPU seconds of ``rounds`` interleaved runs at n_jobs=1 and -1."""
    best = {1: float("inf"), -1: float("inf")}
    cpu = {1: float("inf"), -1: float("inf")}
    outs = {}
    load = os.getloadavg()[0]
    for _ in range(rounds):
        for jobs in (1, -1):
            c0 = _cpu()
            t = time.perf_counter()
            outs[jobs] = run(jobs)
            best[jobs] = min(best[jobs], time.perf_counter() - t)
            cpu[jobs] = min(cpu[jobs], _cpu() - c0)
    pd.testing.assert_frame_equal(outs[1], outs[-1])
    return (
        f"{name:<12} {best[1]:>10.2f} {best[-1]:>11.2f} {best[1] / best[-1]:>5.2f}x "
        f"{cpu[1]:>8.2f} {cpu[-1]:>8.2f} {100 * (cpu[-1] / cpu[1] - 1):>+5.0f}% {load:>5.1f}"
    )


_HEADER = (
    f"{'measure':<12} {'n_jobs=1 s':>10} {'n_jobs=-1 s':>11} {'ratio':>6} "
    f"{'cpu 1 s':>8} {'cpu -1 s':>8} {'cpu +':>6} {'load':>5}"
)


def main() -> None:
    import toolkit

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    warnings.simplefilter("ignore")
    distinct = _distinct
    tk = toolkit.tokenize(toolkit.load_corpus(distinct.articles(n)))
    print(
        f"{n:,} constructed articles, {len(tk.sentences):,} distinct sentences; "
        f"os.cpu_count() = {os.cpu_count()}\n"
    )
    print(_HEADER)
    for name, run in _measures(tk).items():
        print(_compare(name, run, rounds=2))

    # At the threshold: the smallest input the default sends to the processes.
    # Articles from elsewhere in the sentence numbering, so nothing is cached.
    print("\nAt each measure's threshold (smallest input run on all cores by default):")
    print(_HEADER)
    for name, (k, unit) in _thresholds().items():
        arts = k if unit == "documents" else k // 8
        small = toolkit.tokenize(toolkit.load_corpus(distinct.articles(arts, start=10 * n)))
        label = f"{name} ({k:,} {unit})"
        print(_compare(name, _measures(small)[name], rounds=3) + f"  {label}")
    print(
        "\nratio = one process / all cores, wall clock (> 1: all cores faster); outputs identical."
        "\ncpu = CPU seconds of this process and its workers: what the processes cost in all"
        "\n(cpu + = the extra CPU all cores take). With autogroup scheduling (Linux, often on),"
        "\na busy machine is shared per session, not per process: the workers find no free core."
        "\nload = 1-minute load average before the measure (other work sharing the cores)."
    )


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished worker processes."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    main()
