"""toolkit._parallel: what n_jobs means, and chunks that come back whole and in order."""

from __future__ import annotations

import os

import pytest

import toolkit._parallel as parallel
from toolkit._parallel import map_chunks, resolve_n_jobs, run_chunks


def _pid_and_items(chunk):
    return os.getpid(), list(chunk)


def _default_jobs_here(chunk):
    return [resolve_n_jobs(None) for _ in chunk]


def test_n_jobs_values():
    cores = os.cpu_count() or 1
    assert resolve_n_jobs(1) == 1
    assert resolve_n_jobs(3) == 3
    assert resolve_n_jobs(-1) == cores
    assert parallel.DEFAULT_N_JOBS == -1
    assert resolve_n_jobs(None) == cores  # main thread of the main process: all cores


@pytest.mark.parametrize("bad", [0, -2, 2.5, True, "2"])
def test_bad_n_jobs_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="n_jobs must be a positive number of processes"):
        resolve_n_jobs(bad)


def test_chunks_are_contiguous_in_order_and_run_in_other_processes():
    items = list(range(103))
    parts = map_chunks(_pid_and_items, items, n_jobs=2, min_items=1)
    # 2 processes x 4 chunks of ceil(103 / 8) = 13 items: 7 full chunks and one of 12
    assert [len(p[1]) for p in parts] == [13] * 7 + [12]
    assert [x for _, chunk in parts for x in chunk] == items
    assert os.getpid() not in {pid for pid, _ in parts}


def _slow_pid_and_items(chunk):
    import time

    time.sleep(0.05)  # long enough for the worker to have taken the last chunks
    return os.getpid(), list(chunk)


def _fail_on_seven(chunk):
    if 7 in chunk:
        raise KeyError("seven")
    return list(chunk)


@pytest.mark.skipif(parallel._start_method() != "fork", reason="main_works needs fork")
def test_main_works_shares_the_chunks_and_keeps_their_order(process_pools):
    items = list(range(103))
    seen: list[int] = []
    parts = map_chunks(
        _slow_pid_and_items, items, n_jobs=2, min_items=1, main_works=True, on_chunk=seen.append
    )
    # 2 processes x 8 chunks of ceil(103 / 16) = 7 items: 14 full chunks and one of 5
    assert [len(p[1]) for p in parts] == [7] * 14 + [5]
    assert [x for _, chunk in parts for x in chunk] == items
    assert seen == [7] * 14 + [5]
    pids = [pid for pid, _ in parts]
    # this process took the first chunk, one forked worker the last: two processes
    assert pids[0] == os.getpid() and pids[-1] != os.getpid()
    assert len(set(pids)) == 2
    assert process_pools == [1]


@pytest.mark.skipif(parallel._start_method() != "fork", reason="main_works needs fork")
def test_main_works_passes_on_an_error_from_any_chunk():
    # 7 falls in the first chunk (this process), 100 in the last (the worker)
    with pytest.raises(KeyError, match="seven"):
        map_chunks(_fail_on_seven, list(range(103)), n_jobs=2, min_items=1, main_works=True)
    with pytest.raises(KeyError, match="seven"):
        map_chunks(_fail_on_seven, [0] * 100 + [7, 7, 7], n_jobs=2, min_items=1, main_works=True)


def test_small_input_and_one_job_stay_in_process():
    items = list(range(50))
    for kwargs in ({"n_jobs": 2, "min_items": 51}, {"n_jobs": 1, "min_items": 1}):
        parts = map_chunks(_pid_and_items, items, **kwargs)
        assert parts == [(os.getpid(), items)]


def test_the_default_is_one_process_inside_a_worker():
    # a measure called in a worker (scale.run_partitioned, Dask) starts no pool of its own
    assert run_chunks(_default_jobs_here, list(range(8)), n_jobs=2, min_items=1) == [1] * 8


def test_the_default_is_one_process_in_another_thread():
    import threading

    seen = []
    t = threading.Thread(target=lambda: seen.append(resolve_n_jobs(None)))
    t.start()
    t.join()
    assert seen == [1]


def test_spawned_workers_get_their_chunks(monkeypatch):
    # where fork is not used (macOS, Windows, Python 3.12+), chunks are sent
    monkeypatch.setattr(parallel, "_start_method", lambda: "spawn")
    assert map_chunks(sum, range(100), n_jobs=2, min_items=1) == [
        sum(range(a, min(a + 13, 100))) for a in range(0, 100, 13)
    ]
    # spawning costs seconds: the threshold is SPAWN_FACTOR times higher there
    assert parallel.SPAWN_FACTOR == 20
    assert map_chunks(sum, range(100), n_jobs=2, min_items=6) == [sum(range(100))]
    assert len(map_chunks(sum, range(100), n_jobs=2, min_items=5)) == 8


def test_head_arguments_reach_every_chunk():
    out = run_chunks(_scaled, list(range(20)), head=(3,), n_jobs=2, min_items=1)
    assert out == [3 * x for x in range(20)]


def _scaled(k, chunk):
    return [k * x for x in chunk]


def test_on_chunk_hears_each_chunk_size_in_order():
    items = list(range(103))
    seen: list[int] = []
    map_chunks(_pid_and_items, items, n_jobs=2, min_items=1, on_chunk=seen.append)
    assert seen == [13] * 7 + [12]  # hand count: ceil(103 / 8) = 13
    seen.clear()
    map_chunks(_pid_and_items, items, n_jobs=1, on_chunk=seen.append)
    assert seen == [103]


def test_n_jobs_default_scopes_what_none_means():
    cores = os.cpu_count() or 1
    with parallel.n_jobs_default(1) as jobs:
        assert jobs == 1
        assert resolve_n_jobs(None) == 1
        assert resolve_n_jobs(3) == 3  # an explicit value still wins
        with parallel.n_jobs_default(2):
            assert resolve_n_jobs(None) == 2
        assert resolve_n_jobs(None) == 1
    assert resolve_n_jobs(None) == cores
    with pytest.raises(RuntimeError), parallel.n_jobs_default(1):
        raise RuntimeError("the block's default is dropped on the way out")
    assert resolve_n_jobs(None) == cores
    with pytest.raises(ValueError, match="n_jobs must be"), parallel.n_jobs_default(0):
        pass


def test_a_measure_inside_n_jobs_default_1_starts_no_process(monkeypatch, process_pools):
    import toolkit.measures.tone.scoring as scoring

    for name in ("_PARALLEL_MIN", "_VADER_PARALLEL_MIN", "_NEWS_PARALLEL_MIN"):
        monkeypatch.setattr(scoring, name, 1)
    sentences = [f"Talks number {i} went well." for i in range(40)]
    with parallel.n_jobs_default(1):
        inside = scoring.score_sentences(sentences)
    assert process_pools == []
    outside = scoring.score_sentences(sentences, n_jobs=2)
    assert process_pools == [2]
    assert inside.equals(outside)
