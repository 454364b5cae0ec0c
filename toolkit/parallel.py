"""What ``n_jobs`` means in the loader and the tokenizer: worker processes.

``n_jobs=1`` works in the calling process; ``n_jobs=k`` spreads chunks of
the input over ``k`` processes; ``-1`` (or ``None``) uses every local core.
Results come back in input order, so they are identical whatever ``n_jobs``.
Below a size threshold the work stays in the calling process: starting
processes and sending the results back costs more than it saves.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any, TypeVar

__all__ = ["job_count", "map_chunks"]

R = TypeVar("R")


def job_count(n_jobs: int | None) -> int:
    """The number of processes ``n_jobs`` asks for: ``-1`` or ``None`` is every core.

    Examples
    --------
    >>> job_count(2)
    2
    >>> job_count(-1) == (os.cpu_count() or 1)
    True
    >>> job_count(0)
    Traceback (most recent call last):
    ...
    ValueError: n_jobs must be a positive number of processes, -1 or None; got 0
    """
    if n_jobs is None or n_jobs == -1:
        return os.cpu_count() or 1
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive number of processes, -1 or None; got {n_jobs}")
    return n_jobs


def map_chunks(
    func: Callable[..., R],
    items: Sequence[Any],
    n_jobs: int | None,
    *,
    args: tuple = (),
    min_items: int = 1000,
    on_chunk: Callable[[int], object] | None = None,
) -> list[R]:
    """``func(*args, chunk)`` for consecutive chunks of ``items``, in order.

    With one job, or fewer than ``min_items`` items, there is one chunk (all
    of ``items``) and no process is started. Otherwise ``items`` is cut into
    about four chunks per process, so a slow chunk does not hold the others
    up. ``func`` must be a module-level function (it is sent to the
    processes by name). ``on_chunk(n)`` is called as each chunk of ``n``
    items comes back (a progress bar).

    Returns
    -------
    list
        One result per chunk, in the order of the chunks.

    Examples
    --------
    >>> map_chunks(sorted, [3, 1, 2], n_jobs=1)
    [[1, 2, 3]]
    """
    jobs = job_count(n_jobs)
    if jobs <= 1 or len(items) < max(min_items, 2):
        out = [func(*args, items)]
        if on_chunk is not None:
            on_chunk(len(items))
        return out
    size = math.ceil(len(items) / (jobs * 4))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    results: list[R] = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
        for chunk, result in zip(chunks, pool.map(partial(func, *args), chunks), strict=True):
            results.append(result)
            if on_chunk is not None:
                on_chunk(len(chunk))
    return results
