"""The Dask adapter on a local distributed cluster equals the in-memory path."""

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster
from pandas.testing import assert_frame_equal

import toolkit
from toolkit.scale.dask_backend import dask_keyness, dask_term_counts, map_measure
from toolkit.scale.partitions import run_partitioned, sum_counts


def _raw() -> pd.DataFrame:
    demo = toolkit.load_demo()
    raw = demo[["doc_id", "text", "title", "date", "outlet", "country"]].copy()
    raw["date"] = raw["date"].dt.strftime("%Y-%m-%d")
    return raw


@pytest.fixture(scope="module")
def client():
    # worker processes: the partitions and functions really travel by pickle
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def memory():
    raw = _raw()
    tk = toolkit.tokenize(toolkit.load_corpus(raw))
    return raw, tk


@pytest.mark.parametrize("measure", ["tone", "frames"])
def test_document_measures_identical_to_in_memory(client, memory, measure):
    raw, tk = memory
    expected = toolkit.tone(tk, level="document") if measure == "tone" else toolkit.frames(tk)
    got = map_measure(dd.from_pandas(raw, npartitions=3), measure).compute()
    assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))


def test_keyness_from_counts_summed_across_partitions(client, memory):
    raw, tk = memory
    ddf = dd.from_pandas(raw, npartitions=4)
    expected = toolkit.keyness(tk, "KR", by="country", reference="JP")
    got = dask_keyness(ddf, "KR", by="country", reference="JP")
    assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))


def test_term_counts_agree_with_the_streaming_path(client, tmp_path):
    raw = _raw()
    run_partitioned(raw, tmp_path, measures=["corpus", "counts"], rows=50)
    got = dask_term_counts(dd.from_pandas(raw, npartitions=3), by="country")
    assert_frame_equal(got, sum_counts(tmp_path, by="country"))


def test_term_counts_by_hand(client):
    # constructed sentences; counted by hand (lower-cased, punctuation dropped)
    raw = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": ["Tokyo protested. Tokyo again.", "Seoul protested.", "Seoul."],
        }
    )
    got = dask_term_counts(dd.from_pandas(raw, npartitions=2))
    assert dict(zip(got["term"], got["count"], strict=True)) == {
        "again": 1,
        "protested": 2,
        "seoul": 2,
        "tokyo": 2,
    }


def test_missing_doc_id_is_a_clear_error():
    ddf = dd.from_pandas(pd.DataFrame({"text": ["Seoul.", "Tokyo."]}), npartitions=2)
    with pytest.raises(ValueError, match="doc_id"):
        map_measure(ddf, "tone")
    with pytest.raises(ValueError, match="measure"):
        map_measure(ddf, "sentiment")
