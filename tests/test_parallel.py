"""toolkit.parallel: what n_jobs means, and chunks coming back in order."""

from __future__ import annotations

import os

import pytest

from toolkit.parallel import job_count, map_chunks


def _tag(prefix: str, chunk: list[int]) -> list[str]:
    return [f"{prefix}{i}:{os.getpid()}" for i in chunk]


def test_job_count():
    assert job_count(1) == 1
    assert job_count(3) == 3
    assert job_count(-1) == job_count(None) == (os.cpu_count() or 1)
    for bad in (0, -2, 1.5, True, "2"):
        with pytest.raises(ValueError, match="n_jobs must be"):
            job_count(bad)


def test_one_job_or_a_small_input_stays_in_this_process():
    assert map_chunks(_tag, [1, 2, 3], 1, args=("a",)) == [
        [f"a{i}:{os.getpid()}" for i in (1, 2, 3)]
    ]
    # fewer items than min_items: one chunk, here, even with 2 jobs
    assert map_chunks(_tag, [1, 2], 2, args=("a",), min_items=10) == [
        [f"a1:{os.getpid()}", f"a2:{os.getpid()}"]
    ]


def test_chunks_come_back_in_order_from_other_processes():
    items = list(range(50))
    seen = []
    parts = map_chunks(_tag, items, 2, args=("x",), min_items=0, on_chunk=seen.append)
    # 2 jobs, four chunks each: 8 chunks of ceil(50 / 8) = 7 items (the last 1)
    assert [len(p) for p in parts] == [7] * 7 + [1]
    assert seen == [7] * 7 + [1]
    flat = [t for p in parts for t in p]
    assert [t.split(":")[0] for t in flat] == [f"x{i}" for i in items]
    assert all(t.split(":")[1] != str(os.getpid()) for t in flat)
