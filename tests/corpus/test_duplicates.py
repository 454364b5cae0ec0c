"""Duplicate finding: hand-counted Jaccard values, grouping rules, order independence.

Texts are built from numbered placeholder words (w01, w02, ...) so that the
five-token shingles shared by two texts can be counted by hand: a text of n
distinct tokens has n - 4 shingles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.corpus.duplicates import drop_duplicates, find_duplicates, lsh_params, tokens


def w(lo: int, hi: int) -> str:
    """Tokens w{lo} .. w{hi} inclusive, space separated."""
    return " ".join(f"w{i:02d}" for i in range(lo, hi + 1))


def test_tokens_split_scripts():
    assert tokens("Seoul–Tokyo talks, 2015!") == ["seoul", "tokyo", "talks", "2015"]
    assert tokens("독도 문제") == ["독도", "문제"]
    assert tokens("竹島問題") == ["竹", "島", "問", "題"]
    assert tokens("ＡＢＣ") == ["abc"]  # full-width letters folded by NFKC


def test_lsh_params_hand_computed():
    # r = 3: 1 - (1 - 0.5**3)**42 = 0.9963 >= 0.99; r = 4: 1 - (1 - 0.5**4)**32 = 0.873.
    assert lsh_params(0.5, 128) == (42, 3)
    # r = 6: 1 - (1 - 0.8**6)**21 = 0.9983; r = 7: 1 - (1 - 0.8**7)**18 = 0.986.
    assert lsh_params(0.8, 128) == (21, 6)


def test_exact_near_and_unrelated():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "text": [w(1, 20), w(1, 25), w(1, 20), w(40, 70)],
        }
    )
    out = find_duplicates(corpus)
    assert out["dup_group"].tolist() == ["a", "a", "a", "d"]
    assert out["group_size"].tolist() == [3, 3, 3, 1]
    assert out["is_representative"].tolist() == [True, False, False, True]
    assert out["is_exact"].tolist() == [True, False, True, False]
    # a: 16 shingles, b: 21, all of a's in b -> 16 / 21.
    assert out.loc[1, "similarity"] == pytest.approx(16 / 21)
    assert out.loc[0, "similarity"] == 1.0 and out.loc[2, "similarity"] == 1.0
    assert np.isnan(out.loc[3, "similarity"])


def test_threshold_decides():
    # e and f share w01..w10: 6 shingles of 16 each -> 6 / 26 = 0.23.
    corpus = pd.DataFrame({"doc_id": ["e", "f"], "text": [w(1, 20), w(1, 10) + " " + w(51, 60)]})
    assert find_duplicates(corpus, threshold=0.5)["group_size"].tolist() == [1, 1]
    grouped = find_duplicates(corpus, threshold=0.2)
    assert grouped["dup_group"].tolist() == ["e", "e"]
    assert grouped.loc[1, "similarity"] == pytest.approx(6 / 26)


def test_single_linkage_chain():
    # x-y and y-z share 15 tokens (11 shingles: 11 / 21 = 0.52); x-z share 10 (6 / 26).
    corpus = pd.DataFrame({"doc_id": ["x", "y", "z"], "text": [w(1, 20), w(6, 25), w(11, 30)]})
    out = find_duplicates(corpus, threshold=0.5)
    assert out["dup_group"].tolist() == ["x", "x", "x"]
    assert out["similarity"].tolist() == pytest.approx([1.0, 11 / 21, 6 / 26])


def test_empty_and_short_texts():
    corpus = pd.DataFrame(
        {
            "doc_id": ["e1", "e2", "s1", "s2", "s3"],
            "text": ["", "  ", "Seoul talks", "seoul  TALKS!", "Tokyo talks"],
        }
    )
    out = find_duplicates(corpus)
    # Empty texts are never grouped; short texts are one shingle each.
    assert out["dup_group"].tolist() == ["e1", "e2", "s1", "s1", "s3"]
    assert out["is_exact"].tolist() == [False, False, True, True, False]


def test_japanese_character_shingles():
    base = "日韓両政府は四日ソウルで安保協議を開いた"  # 20 characters
    corpus = pd.DataFrame({"doc_id": ["j1", "j2"], "text": [base, base + "と発表した"]})
    out = find_duplicates(corpus)
    assert out["dup_group"].tolist() == ["j1", "j1"]
    # 16 shingles vs 21, all shared.
    assert out.loc[1, "similarity"] == pytest.approx(16 / 21)


def test_representative_is_earliest_then_doc_id():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "date": pd.to_datetime([None, "2015-04-15", "2015-04-14"]),
            "text": [w(1, 30), w(1, 30), w(1, 29)],
        },
        index=["r1", "r2", "r3"],
    )
    out = find_duplicates(corpus)
    assert out.index.tolist() == ["r1", "r2", "r3"]
    assert out["dup_group"].tolist() == ["c", "c", "c"]
    assert out["is_representative"].tolist() == [False, False, True]


def synthetic(n_base: int, seed: int) -> tuple[pd.DataFrame, set[frozenset[str]]]:
    """Random-word articles with planted copies (one word in 40 changed)."""
    rng = np.random.default_rng(seed)
    vocab = np.array([f"v{i}" for i in range(3000)])
    docs, planted = [], set()
    for i in range(n_base):
        text = " ".join(rng.choice(vocab, size=int(rng.integers(60, 120))))
        docs.append((f"d{i:04d}", text))
        if i % 5 == 0:
            toks = text.split()
            for j in range(0, len(toks), 40):
                toks[j] = "changed"
            docs.append((f"d{i:04d}c", " ".join(toks)))
            planted.add(frozenset({f"d{i:04d}", f"d{i:04d}c"}))
    return pd.DataFrame(docs, columns=["doc_id", "text"]), planted


def groups_of(out: pd.DataFrame) -> set[frozenset[str]]:
    multi = out[out["group_size"] > 1]
    return {frozenset(g["doc_id"]) for _, g in multi.groupby("dup_group")}


def test_planted_copies_found_and_nothing_else():
    corpus, planted = synthetic(300, seed=3)
    out = find_duplicates(corpus)
    assert len(out) == len(corpus)
    assert groups_of(out) == planted


def test_row_order_and_repeat_do_not_matter():
    corpus, _ = synthetic(200, seed=5)
    ref = find_duplicates(corpus).set_index("doc_id").sort_index()
    for seed in (1, 2, 3):
        shuffled = corpus.sample(frac=1.0, random_state=seed)
        out = find_duplicates(shuffled)
        assert out.index.equals(shuffled.index)
        pd.testing.assert_frame_equal(out.set_index("doc_id").sort_index(), ref, check_like=False)


def test_bad_arguments():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["x"]})
    with pytest.raises(ValueError, match="threshold"):
        find_duplicates(corpus, threshold=0)
    with pytest.raises(ValueError, match="no 'body' column"):
        find_duplicates(corpus, column="body")
    with pytest.raises(ValueError, match="keep must be"):
        drop_duplicates(corpus, keep="last")


def make_versions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["late", "early", "long", "other"],
            "date": pd.to_datetime(["2015-04-16", "2015-04-14", "2015-04-15", "2015-04-14"]),
            "text": [w(1, 30), w(1, 30), w(1, 36), w(50, 80)],
        }
    )


@pytest.mark.parametrize(
    ("keep", "kept"),
    [
        ("earliest", ["early", "other"]),
        ("first", ["late", "other"]),
        ("longest", ["long", "other"]),
    ],
)
def test_drop_duplicates_rules(keep, kept):
    corpus = make_versions()
    out = drop_duplicates(corpus, keep=keep)
    assert out["doc_id"].tolist() == kept
    assert out["dup_count"].tolist() == [3, 1]
    assert out.attrs["dropped"] == 2
    assert list(out.columns[:3]) == ["doc_id", "date", "text"]


def test_drop_duplicates_with_precomputed_dups_matched_by_doc_id():
    corpus = make_versions()
    dups = find_duplicates(corpus.iloc[::-1].reset_index(drop=True))
    out = drop_duplicates(corpus, dups=dups, keep="earliest")
    assert out["doc_id"].tolist() == ["early", "other"]
    assert out["dup_group"].tolist() == ["early", "other"]
