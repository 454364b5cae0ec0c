"""The partitioned (bounded-memory) path equals the in-memory path on the same corpus."""

import json
import warnings

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import toolkit
from toolkit.scale.partitions import (
    iter_partitions,
    partitioned_keyness,
    read_results,
    run_partitioned,
    sum_counts,
)


def _raw_demo() -> pd.DataFrame:
    """The demo corpus as a user's raw table: no doc_id, date strings, and two
    articles repeated at the end so their first copies sit in other partitions."""
    demo = toolkit.load_demo()
    raw = demo[["text", "title", "date", "outlet", "country"]].copy()
    raw["date"] = raw["date"].dt.strftime("%Y-%m-%d")
    return pd.concat([raw, raw.iloc[[3, 50]]], ignore_index=True)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    raw = _raw_demo()
    full = toolkit.load_corpus(raw)
    tk = toolkit.tokenize(full)
    out = tmp_path_factory.mktemp("parts")
    parts = run_partitioned(raw, out, rows=40)
    return raw, full, tk, out, parts


def test_partitions_cover_the_corpus(both):
    raw, _, _, out, parts = both
    assert parts["n_docs"].tolist() == [40, 40, 40, 3]
    assert sorted(p.name for p in (out / "tone").iterdir()) == [
        f"part-0000{i}.parquet" for i in range(4)
    ]
    assert json.loads((out / "manifest.json").read_text())["rows"] == 40


def test_corpus_ids_and_duplicates_are_corpus_wide(both):
    raw, full, _, out, _ = both
    got = read_results(out, "corpus")
    assert_frame_equal(got, full.reset_index(drop=True))
    # by hand: rows 122 and 123 repeat rows 4 and 51 (1-based), which were in
    # partitions 0 and 1
    last = got.set_index("doc_id").loc[["doc-000122", "doc-000123"]]
    assert last["dup_group"].tolist() == ["doc-000004", "doc-000051"]
    assert last["is_duplicate"].tolist() == [True, True]
    assert got["dup_group"].map(type).isin([str, type(None)]).all()


@pytest.mark.parametrize("measure", ["tone", "frames"])
def test_document_measures_identical(both, measure):
    _, _, tk, out, _ = both
    expected = toolkit.tone(tk, level="document") if measure == "tone" else toolkit.frames(tk)
    assert_frame_equal(read_results(out, measure), expected.reset_index(drop=True))


def test_keyness_from_summed_counts_equals_in_memory_keyness(both):
    _, _, tk, out, _ = both
    expected = toolkit.keyness(tk, "KR", by="country", reference="JP")
    got = partitioned_keyness(out, "KR", by="country", reference="JP")
    assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    expected = toolkit.keyness(tk, "JP", by="country", method="lr")
    got = partitioned_keyness(out, "JP", by="country", method="lr")
    assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))


def test_sum_counts_by_hand(tmp_path):
    # constructed sentences; counted by hand (keyness' default filters: lower-cased,
    # punctuation dropped, stopwords kept)
    raw = pd.DataFrame(
        {
            "text": ["Tokyo protested. Tokyo again.", "Seoul protested.", "Tokyo and Seoul."],
            "country": ["JP", "KR", "JP"],
        }
    )
    run_partitioned(raw, tmp_path, measures=["corpus", "counts"], rows=2)
    total = sum_counts(tmp_path).set_index("term")["count"].to_dict()
    assert total == {"tokyo": 3, "protested": 2, "seoul": 2, "again": 1, "and": 1}
    by = sum_counts(tmp_path, by="country")
    jp = by[by["country"] == "JP"].set_index("term")["count"].to_dict()
    assert jp == {"again": 1, "and": 1, "protested": 1, "seoul": 1, "tokyo": 3}


def test_parquet_row_groups_give_the_same_results(both, tmp_path):
    raw, full, _, out, _ = both
    path = tmp_path / "corpus.parquet"
    raw.to_parquet(path, row_group_size=25, index=False)
    assert [len(p) for p in iter_partitions(path, rows=50)] == [50, 50, 23]
    run_partitioned(path, tmp_path / "res", measures=["corpus", "frames"], rows=50)
    assert_frame_equal(
        read_results(tmp_path / "res", "corpus").drop(columns="url"),
        full.reset_index(drop=True).drop(columns="url"),
    )
    assert_frame_equal(read_results(tmp_path / "res", "frames"), read_results(out, "frames"))


def test_repeated_user_ids_across_partitions_as_load_corpus(tmp_path):
    raw = pd.DataFrame(
        {"id": ["a", "b", "a", "a", ""], "text": ["x one.", "y two.", "z.", "w.", "v."]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = toolkit.load_corpus(raw)["doc_id"].tolist()
    with pytest.warns(UserWarning, match="2 repeated doc_id"):
        run_partitioned(raw, tmp_path, measures=["corpus"], rows=2)
    assert read_results(tmp_path, "corpus")["doc_id"].tolist() == expected
    assert expected == ["a", "b", "a~2", "a~3", "doc-000005"]


def test_rerun_with_fewer_partitions_leaves_no_stale_part(tmp_path):
    raw = _raw_demo().head(30)
    run_partitioned(raw, tmp_path, measures=["corpus"], rows=10)
    run_partitioned(raw, tmp_path, measures=["corpus"], rows=20)
    assert len(list((tmp_path / "corpus").glob("part-*.parquet"))) == 2
    assert len(read_results(tmp_path, "corpus")) == 30


def test_bad_arguments_are_clear(tmp_path):
    with pytest.raises(ValueError, match="unknown measures"):
        run_partitioned(pd.DataFrame({"text": ["a."]}), tmp_path, measures=["sentiment"])
    with pytest.raises(ValueError, match="rows"):
        list(iter_partitions(pd.DataFrame({"text": ["a."]}), rows=0))
    with pytest.raises(FileNotFoundError, match="counts"):
        sum_counts(tmp_path)


AWKWARD = [  # constructed: empty, missing, markup-only, Korean, Japanese, mixed, a duplicate
    "Seoul protested Tokyo's claim to Dokdo. Officials rejected it.",
    None,
    "",
    "<div></div>",
    "독도는 한국 땅이다. 일본은 항의했다.",
    "竹島は日本の領土だ。韓国は反発した。",
    "Seoul protested Tokyo's claim to Dokdo. Officials rejected it.",
    "Seoul 서울 and Tokyo 東京 talked about the East Sea.",
]


def test_awkward_documents_are_all_accounted_for_as_in_memory(tmp_path):
    raw = pd.DataFrame({"text": AWKWARD, "outlet": "Yonhap", "date": "2019-01-01"})
    full = toolkit.load_corpus(raw)
    tk = toolkit.tokenize(full)
    run_partitioned(raw, tmp_path, rows=3)
    corpus = read_results(tmp_path, "corpus")
    assert_frame_equal(corpus, full)
    assert corpus["status"].tolist()[:4] == ["ok", "empty", "empty", "empty"]
    assert corpus["is_duplicate"].tolist()[6] is True  # first copy was in partition 0
    tone = read_results(tmp_path, "tone")
    assert_frame_equal(tone, toolkit.tone(tk, level="document"))
    assert len(tone) == len(AWKWARD) and tone["tone"].iloc[1:4].isna().all()
    assert_frame_equal(read_results(tmp_path, "frames"), toolkit.frames(tk))


def test_worker_processes_give_the_same_results(both, tmp_path):
    raw, _, _, out, _ = both
    parts = run_partitioned(raw, tmp_path, rows=40, n_jobs=2)
    assert parts["n_docs"].tolist() == [40, 40, 40, 3]
    for measure in ("corpus", "tone", "frames", "counts"):
        assert_frame_equal(read_results(tmp_path, measure), read_results(out, measure))
    # duplicates found across partitions measured in different processes
    corpus = read_results(tmp_path, "corpus").set_index("doc_id")
    assert corpus.loc["doc-000122", "dup_group"] == "doc-000004"


def test_no_document_is_kept_in_memo_caches_after_a_partition(tmp_path):
    # the measures memoise whole documents (up to 200,000 each); the streaming
    # path must not carry them from partition to partition
    import importlib

    tokenize_module = importlib.import_module("toolkit.tokens.tokenizer")

    run_partitioned(_raw_demo().head(30), tmp_path, measures=["tone"], rows=10)
    assert tokenize_module._tokenize_text.cache_info().currsize == 0
    assert tokenize_module._split.cache_info().currsize == 0
