"""tokenize(n_jobs=) and load_corpus(n_jobs=): the same output from one process or two.

The size thresholds below which both stay in one process are lowered so
that the small demo corpus goes through worker processes; the expected
output is the one-process run (and, for the demo, the digests recorded
before n_jobs existed, tests/fixtures/ingest_digests.tsv).
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests._paths import FIXTURES
from tests.tokens import _digest
from toolkit.corpus import load as load_mod
from toolkit.corpus.load import load_corpus, load_demo
from toolkit.tokens import tokenizer
from toolkit.tokens.caches import clear_caches
from toolkit.tokens.tokenizer import tokenize

EXPECTED = pd.read_csv(FIXTURES / "ingest_digests.tsv", sep="\t", comment="#").set_index("case")


@pytest.fixture
def parallel_always(monkeypatch):
    monkeypatch.setattr(tokenizer, "_PARALLEL_MIN_DOCS", 0)
    monkeypatch.setattr(load_mod, "_PARALLEL_MIN_ROWS", 0)


def _demo_raw() -> pd.DataFrame:
    # the demo's source file, as load_demo reads it
    return pd.read_json(load_mod.data_path("demo", "articles.jsonl"), lines=True, dtype=False)


def test_load_corpus_in_two_processes_equals_one(parallel_always):
    raw = pd.concat([_demo_raw(), _digest.distinct_frame(60)], ignore_index=True)
    one = load_corpus(raw, n_jobs=1)
    two = load_corpus(raw, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    assert one.attrs == two.attrs


def test_load_demo_in_two_processes_matches_the_recorded_digest(parallel_always, monkeypatch):
    calls = []
    real = load_mod.map_chunks

    def counting(*args, **kwargs):
        out = real(*args, **kwargs)
        calls.append(len(out))
        return out

    monkeypatch.setattr(load_mod, "map_chunks", counting)
    corpus = load_corpus(load_mod.data_path("demo", "articles.jsonl"), n_jobs=2)
    corpus["constructed"] = corpus["constructed"].astype(bool)
    assert calls == [8]  # 2 processes x 4 chunks: the parallel path ran
    assert _digest.corpus_digest(corpus) == EXPECTED.loc["demo", "corpus_sha256"]
    pd.testing.assert_frame_equal(corpus, load_demo())


def test_tokenize_in_two_processes_equals_one(parallel_always, monkeypatch):
    calls = []
    real = tokenizer.map_chunks

    def counting(*args, **kwargs):
        out = real(*args, **kwargs)
        calls.append(len(out))
        return out

    monkeypatch.setattr(tokenizer, "map_chunks", counting)
    corpus = load_demo()
    clear_caches()  # nothing remembered from another test: the workers tokenize
    two = tokenize(corpus, n_jobs=2).sentences
    assert calls == [8]  # 2 processes x 4 chunks: the parallel path ran
    one = tokenize(corpus, n_jobs=1).sentences
    pd.testing.assert_frame_equal(one, two)
    assert _digest.tokens_digest(two) == EXPECTED.loc["demo", "tokens_sha256"]


def test_tokenize_every_core_equals_one_process(parallel_always):
    corpus = load_corpus(_digest.distinct_frame(40))
    pd.testing.assert_frame_equal(
        tokenize(corpus, n_jobs=-1).sentences, tokenize(corpus, n_jobs=1).sentences
    )


def _upper_words(sentence: str) -> list[str]:
    return sentence.upper().split()


def test_a_registered_tokenizer_reaches_the_processes(parallel_always, monkeypatch):
    monkeypatch.setitem(tokenizer._TOKENIZERS, "xx", _upper_words)
    corpus = load_corpus(
        pd.DataFrame(
            {"text": ["Seoul met Tokyo.", "Talks ended. Both left."] * 3, "language": "xx"}
        )
    )
    clear_caches()
    sent = tokenize(corpus, n_jobs=2).sentences
    assert (
        sent["tokens"].tolist()
        == [["SEOUL", "MET", "TOKYO."], ["TALKS", "ENDED."], ["BOTH", "LEFT."]] * 3
    )


def test_an_unsendable_tokenizer_runs_in_one_process(parallel_always, monkeypatch):
    monkeypatch.setitem(tokenizer._TOKENIZERS, "xx", lambda s: s.lower().split())
    monkeypatch.setattr(tokenizer, "map_chunks", None)  # would fail if called
    corpus = load_corpus(pd.DataFrame({"text": ["Seoul met Tokyo."] * 3, "language": "xx"}))
    clear_caches()
    assert (
        tokenize(corpus, n_jobs=2).sentences["tokens"].tolist() == [["seoul", "met", "tokyo."]] * 3
    )


@pytest.mark.parametrize("bad", [0, -3])
def test_bad_n_jobs_is_a_clear_error(bad):
    corpus = pd.DataFrame({"text": ["Seoul met Tokyo."]})
    with pytest.raises(ValueError, match="n_jobs must be"):
        tokenize(corpus, n_jobs=bad)
    with pytest.raises(ValueError, match="n_jobs must be"):
        load_corpus(corpus, n_jobs=bad)


def _folder(tmp_path):
    # CONSTRUCTED files: articles, a table with a column the loader writes
    # (a warning), a file that cannot be decoded, one that is skipped
    for i in range(7):
        (tmp_path / f"a{i}.txt").write_text(f"Seoul and Tokyo met, round {i}.", encoding="utf-8")
    (tmp_path / "table.csv").write_text("text,status\nTalks resumed.,draft\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff" * 40 + bytes(range(256)))
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    return tmp_path


def test_a_folder_read_in_two_processes_equals_one(tmp_path, monkeypatch):
    monkeypatch.setattr(load_mod, "_PARALLEL_MIN_FILES", 0)
    calls = []
    real = load_mod.map_chunks

    def counting(func, *args, **kwargs):
        out = real(func, *args, **kwargs)
        calls.append(func.__name__)
        return out

    monkeypatch.setattr(load_mod, "map_chunks", counting)
    folder = _folder(tmp_path)
    with pytest.warns(UserWarning) as one_warned:
        one = load_corpus(folder, n_jobs=1)
    assert calls == ["_read_texts"]  # one process: no folder chunks
    with pytest.warns(UserWarning) as two_warned:
        two = load_corpus(folder, n_jobs=2)
    assert calls[1:] == ["_folder_chunk", "_read_texts"]
    pd.testing.assert_frame_equal(one, two)
    assert one.attrs == two.attrs
    # the warnings raised in the worker processes reach the caller, the same ones
    assert sorted(str(w.message) for w in two_warned) == sorted(str(w.message) for w in one_warned)
    assert any("user_status" in str(w.message) for w in two_warned)
    assert set(one["status"]) >= {"ok", "unreadable"}
