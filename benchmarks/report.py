"""Time of the demo report (``make demo``) against the same report from an older commit.

Both reports are written by ``python -m toolkit report --out DIR`` in a fresh
process, as ``make demo`` runs it (imports, the bundled demo corpus, every
section, every figure). The baseline is the same command run on a copy of
the code at ``--baseline`` (default: ``ece86c9``, the main branch before the
issue-16 report work), extracted with ``git archive`` and used with the same
virtual environment. The two are run alternately ``--repeats`` times and the
fastest run of each counts (other processes on a shared machine only ever
add time). Wall-clock and CPU (user + system, children included) seconds are
printed.

The two reports are then compared: every table (``tables/*.csv``) byte for
byte, every figure (``figures/*.png``) pixel for pixel.

Run: ``python benchmarks/report.py [--repeats 3] [--baseline REV]`` from the
project checkout (needs ``git``).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path, and its
# tokenize.py would shadow the standard library module of that name.
_ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "benchmarks"]

import argparse  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402


def _run(code_dir: Path, out: Path) -> tuple[float, float]:
    """(wall, cpu) seconds of one demo report written by the code in ``code_dir``."""
    env = dict(os.environ, PYTHONPATH=str(code_dir), MPLBACKEND="Agg")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "toolkit", "report", "--out", str(out)],
        cwd=code_dir,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _compare(new: Path, old: Path) -> list[str]:
    """Differences between two report folders' tables and figures (empty: identical)."""
    import numpy as np
    from matplotlib.image import imread

    problems = []
    for sub, pattern in (("tables", "*.csv"), ("figures", "*.png")):
        a = sorted(p.name for p in (new / sub).glob(pattern))
        b = sorted(p.name for p in (old / sub).glob(pattern))
        if a != b:
            problems.append(f"{sub}: different files {sorted(set(a) ^ set(b))}")
        for name in sorted(set(a) & set(b)):
            if sub == "tables":
                same = (new / sub / name).read_bytes() == (old / sub / name).read_bytes()
            else:
                x, y = imread(new / sub / name), imread(old / sub / name)
                same = x.shape == y.shape and bool(np.array_equal(x, y))
            if not same:
                problems.append(f"{sub}/{name} differs")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline", default="ece86c9", help="git revision of the baseline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        old_code = tmp_path / "baseline"
        old_code.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(_ROOT), "archive", args.baseline], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old_code)], input=archive, check=True)
        times: dict[str, list[tuple[float, float]]] = {"this code": [], "baseline": []}
        for i in range(args.repeats):
            for label, code in (("baseline", old_code), ("this code", _ROOT)):
                times[label].append(_run(code, tmp_path / f"{label.replace(' ', '_')}_{i}"))
        print(f"Demo report (python -m toolkit report), best of {args.repeats} runs each:")
        best = {k: (min(w for w, _ in v), min(c for _, c in v)) for k, v in times.items()}
        for label in ("baseline", "this code"):
            wall, cpu = best[label]
            name = f"baseline ({args.baseline})" if label == "baseline" else label
            print(f"  {name:22s} {wall:5.2f} s wall, {cpu:5.2f} s CPU")
        ratio = best["baseline"][0] / best["this code"][0]
        print(f"  -> {ratio:.2f}x faster (wall); target: this code <= 5 s")
        problems = _compare(tmp_path / "this_code_0", tmp_path / "baseline_0")
        if problems:
            print("  outputs DIFFER: " + "; ".join(problems))
        else:
            n_tab = len(list((tmp_path / "this_code_0" / "tables").glob("*.csv")))
            n_fig = len(list((tmp_path / "this_code_0" / "figures").glob("*.png")))
            print(
                f"  outputs identical: {n_tab} tables byte for byte, {n_fig} figures pixel for pixel"
            )


if __name__ == "__main__":
    main()
