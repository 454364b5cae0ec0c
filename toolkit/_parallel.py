"""Worker processes: what ``n_jobs`` means, everywhere in the toolkit.

Every measure that takes ``n_jobs`` reads it through :func:`resolve_n_jobs`
and spreads its work with :func:`map_chunks`, so the option means the same
thing in each:

- ``None`` (the default): the project default, :data:`DEFAULT_N_JOBS`
  (all local cores), except inside a worker process or a thread other than
  the main one, where it is 1 (a measure called from a worker of
  ``scale.run_partitioned``, a Dask task or a report figure process does
  not start processes of its own), and inside :func:`n_jobs_default`, where
  it is what that block says (``build_report(n_jobs=1)`` and
  ``run_partitioned(n_jobs=1)`` run every measure in one process);
- ``-1``: all local cores (``os.cpu_count()``);
- ``1``: in this process;
- ``k > 1``: ``k`` processes.

Anything else (0, -2, 2.5, True) is a ``ValueError``. Inputs smaller than
the caller's threshold stay in this process whatever ``n_jobs`` says:
starting processes costs more than small inputs take, so the demo corpus and
small samples never pay for it. Work is cut into contiguous chunks and the
results are put back in input order, so the output is the same whatever
``n_jobs`` is (each chunk runs the same pure function as the in-process
path). On Linux before Python 3.12 the workers are forked: they inherit the
imported modules and the input itself, so only the results travel between
processes; elsewhere they start fresh (``spawn``: seconds per pool, to import
pandas and the toolkit again) and receive their chunk, so there an input must
be :data:`SPAWN_FACTOR` times the caller's threshold to go to processes.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import math
import multiprocessing as mp
import numbers
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

__all__ = [
    "DEFAULT_N_JOBS",
    "map_chunks",
    "n_jobs_default",
    "process_pool",
    "resolve_n_jobs",
    "run_chunks",
]

#: What ``n_jobs=None`` means in the main thread of the main process: all cores.
DEFAULT_N_JOBS = -1

# Chunks per process: more than one evens out chunks that take longer (long
# articles); few enough that each result list travels back in a few pieces.
_CHUNKS_PER_JOB = 4
FREEZE = True
# A spawned worker starts a fresh interpreter and imports pandas and the
# toolkit (seconds, where a fork takes milliseconds), so without fork an input
# must be this many times a caller's threshold before processes pay.
SPAWN_FACTOR = 20


def resolve_n_jobs(n_jobs: int | None) -> int:
    """The number of processes ``n_jobs`` asks for (see the module docstring).

    Parameters
    ----------
    n_jobs : int or None
        None (project default), -1 (all cores) or a positive number of processes.

    Returns
    -------
    int
        At least 1.

    Examples
    --------
    >>> resolve_n_jobs(1), resolve_n_jobs(3), resolve_n_jobs(-1) == (os.cpu_count() or 1)
    (1, 3, True)
    >>> resolve_n_jobs(0)
    Traceback (most recent call last):
    ...
    ValueError: n_jobs must be a positive number of processes, -1 (all cores) or None (the default); got 0
    """
    if n_jobs is None:
        if mp.parent_process() is not None or threading.current_thread() is not (
            threading.main_thread()
        ):
            return 1
        n_jobs = _SCOPED[-1] if _SCOPED else DEFAULT_N_JOBS
    ok = isinstance(n_jobs, numbers.Integral) and not isinstance(n_jobs, bool)
    if not ok or not (n_jobs >= 1 or n_jobs == -1):
        raise ValueError(
            "n_jobs must be a positive number of processes, -1 (all cores) or None "
            f"(the default); got {n_jobs!r}"
        )
    return (os.cpu_count() or 1) if n_jobs == -1 else int(n_jobs)


# What n_jobs=None means inside the innermost n_jobs_default block.
_SCOPED: list[int] = []


@contextlib.contextmanager
def n_jobs_default(n_jobs: int | None) -> Iterator[int]:
    """Within the block, ``n_jobs=None`` means ``n_jobs`` (resolved once, here).

    A caller that takes ``n_jobs`` and calls measures without it (the report's
    sections, a partition measured in this process) passes its own choice on
    this way, so ``build_report(n_jobs=1)`` never starts a process.

    Examples
    --------
    >>> with n_jobs_default(1):
    ...     resolve_n_jobs(None)
    1
    """
    jobs = resolve_n_jobs(n_jobs)
    _SCOPED.append(jobs)
    try:
        yield jobs
    finally:
        _SCOPED.pop()


def _start_method() -> str:
    # fork shares the already imported modules and the input (no start-up
    # cost, nothing pickled on the way in); Python 3.12+ warns about forking
    # a threaded process, and macOS and Windows do not fork safely, so they
    # start fresh interpreters instead
    return "fork" if sys.platform == "linux" and sys.version_info < (3, 12) else "spawn"


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, forked where that is safe and cheap.

    Examples
    --------
    >>> with process_pool(1) as pool:
    ...     pool.submit(abs, -3).result()
    3
    """
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(_start_method()))


# Inputs handed to forked workers by inheritance, keyed per call: a child
# forked after the entry is made sees it without anything being pickled.
_INHERITED: dict[int, tuple[Callable, tuple, Sequence]] = {}
_KEYS = itertools.count()


@contextlib.contextmanager
def _inherited(func: Callable, head: tuple, items: Sequence) -> Iterator[int]:
    """The key under which workers forked inside the block find ``func(*head, items)``."""
    key = next(_KEYS)
    _INHERITED[key] = (func, head, items)
    # Objects that exist at the fork stay out of the workers' garbage
    # collections, which would otherwise write to (and so copy) every page
    # they live on.
    freeze = FREEZE and gc.isenabled()
    if freeze:
        gc.freeze()
    try:
        yield key
    finally:
        del _INHERITED[key]
        if freeze:
            gc.unfreeze()


def _inherited_slice(key: int, start: int, stop: int) -> Any:
    func, head, items = _INHERITED[key]
    return func(*head, items[start:stop])


def map_chunks(
    func: Callable[..., Any],
    items: Sequence[Any],
    *,
    head: tuple = (),
    n_jobs: int | None = None,
    min_items: int = 1,
    on_chunk: Callable[[int], object] | None = None,
    main_works: bool = False,
) -> list[Any]:
    """``func(*head, chunk)`` for contiguous chunks of ``items``, results in input order.

    In this process (one call on all of ``items``) when ``n_jobs`` resolves
    to 1 or there are fewer than ``min_items`` items (``SPAWN_FACTOR`` times
    as many where workers are spawned, not forked); otherwise in
    :func:`resolve_n_jobs` processes. ``func`` must be a module-level
    function and give the same result for a chunk wherever it runs.

    Parameters
    ----------
    func : callable
        ``func(*head, chunk) -> result``; ``chunk`` is a slice of ``items``.
    items : sequence
        Anything sliceable (list, tuple, array).
    head : tuple
        Leading arguments, the same for every chunk.
    n_jobs : int or None
        See :func:`resolve_n_jobs`.
    min_items : int, default 1
        Fewer items than this stay in this process.
    on_chunk : callable, optional
        Called with the number of items of each chunk as its result comes
        back, in order (to move a progress bar).
    main_works : bool, default False
        Where workers are forked: this process is one of the ``n_jobs``
        processes. It starts ``n_jobs - 1`` workers and works through the
        chunks from the first while they take them from the last, so one
        process fewer is forked and the chunks this process does are not
        sent back. The chunks are half the usual size, so the two sides
        meet near the middle. For a ``func`` with small results (arrays):
        the workers' results are unpickled by a thread of this process,
        which competes with this process's own chunks, so large results
        (tokens: measured slower) are better left to workers alone.

    Returns
    -------
    list
        One result per chunk, in order (one element when run in process).

    Examples
    --------
    >>> map_chunks(sorted, [3, 1, 2], n_jobs=1)
    [[1, 2, 3]]
    """
    jobs = resolve_n_jobs(n_jobs)
    n = len(items)
    forked = _start_method() == "fork"
    if jobs == 1 or n < max(min_items * (1 if forked else SPAWN_FACTOR), 2):
        out = [func(*head, items)]
        if on_chunk is not None:
            on_chunk(n)
        return out
    # this process and the workers meet in the middle of the chunks; smaller
    # ones let them meet closer to it (nothing is sent back from this side)
    per_job = _CHUNKS_PER_JOB * (2 if main_works and forked else 1)
    size = math.ceil(n / (jobs * per_job))
    starts = list(range(0, n, size))
    stops = [min(s + size, n) for s in starts]
    if not forked:
        chunks = [items[a:b] for a, b in zip(starts, stops, strict=True)]
        with process_pool(jobs) as pool:
            results = pool.map(func, *[[h] * len(chunks) for h in head], chunks)
            return _collect(results, starts, stops, on_chunk)
    if main_works:
        return _map_with_main(func, head, items, jobs, starts, stops, on_chunk)
    with _inherited(func, head, items) as key, process_pool(jobs) as pool:
        # workers fork at the first submit, after the entry exists
        results = pool.map(_inherited_slice, [key] * len(starts), starts, stops)
        return _collect(results, starts, stops, on_chunk)


def _map_with_main(
    func: Callable[..., Any],
    head: tuple,
    items: Sequence[Any],
    jobs: int,
    starts: list[int],
    stops: list[int],
    on_chunk: Callable[[int], object] | None,
) -> list[Any]:
    """:func:`map_chunks` (forked workers) with this process as one of the ``jobs``.

    The chunks are queued for ``jobs - 1`` workers last first; this process
    takes chunks from the first, each one it can still cancel in the queue,
    until it meets a chunk a worker has started. Who runs a chunk changes
    nothing in its result (``func`` is pure), so the output is the same.
    """
    with _inherited(func, head, items) as key, process_pool(jobs - 1) as pool:
        futures = [None] * len(starts)
        for i in reversed(range(len(starts))):
            futures[i] = pool.submit(_inherited_slice, key, starts[i], stops[i])
        out: list[Any] = []
        mine = True
        try:
            for i, fut in enumerate(futures):
                if mine and fut.cancel():
                    out.append(func(*head, items[starts[i] : stops[i]]))
                else:
                    mine = False
                    out.append(fut.result())
                if on_chunk is not None:
                    on_chunk(stops[i] - starts[i])
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise
        return out


def _collect(
    results: Iterable[Any],
    starts: list[int],
    stops: list[int],
    on_chunk: Callable[[int], object] | None,
) -> list[Any]:
    out = []
    for a, b, result in zip(starts, stops, results, strict=True):
        out.append(result)
        if on_chunk is not None:
            on_chunk(b - a)
    return out


def run_chunks(
    func: Callable[..., list],
    items: Sequence[Any],
    *,
    head: tuple = (),
    n_jobs: int | None = None,
    min_items: int = 1,
) -> list:
    """:func:`map_chunks` for a ``func`` that returns one row per item: the rows, flattened.

    Examples
    --------
    >>> run_chunks(lambda xs: [x * 2 for x in xs], [1, 2, 3], n_jobs=1)
    [2, 4, 6]
    """
    parts = map_chunks(func, items, head=head, n_jobs=n_jobs, min_items=min_items)
    return parts[0] if len(parts) == 1 else [row for part in parts for row in part]
