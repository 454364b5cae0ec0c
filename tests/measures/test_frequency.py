"""Frequencies and tf-idf against hand counts and a second, straightforward implementation.

Example texts are constructed for the tests.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from toolkit.corpus.load import load_demo
from toolkit.measures.frequency import frequencies, tf_idf
from toolkit.tokens.tokenizer import tokenize


@pytest.fixture()
def corpus():
    return pd.DataFrame(
        {
            "doc_id": ["a1", "a2", "b1", "c1"],
            "text": ["Dokdo talks. Dokdo!", "Talks resumed in Seoul.", "Seoul said no.", ""],
            "outlet": ["A", "A", "B", None],
            "date": ["2019-01-05", "2019-02-10", "2019-02-11", "2019-02-12"],
        }
    )


def test_counts_rates_and_doc_freq_by_hand(corpus):
    out = frequencies(corpus).set_index("term")
    # tokens: dokdo talks dokdo | talks resumed in seoul | seoul said no -> 10
    assert out["n_tokens"].iat[0] == 10
    assert out["n_docs"].iat[0] == 4  # the empty document counts as a document
    assert out.loc["dokdo", ["count", "doc_freq"]].tolist() == [2, 1]
    assert out.loc["seoul", ["count", "doc_freq"]].tolist() == [2, 2]
    assert out.loc["talks", "per_10k"] == pytest.approx(2 / 10 * 10_000)
    assert out.loc["seoul", "doc_share"] == pytest.approx(2 / 4)


def test_by_group_top_n_and_missing_group(corpus):
    out = frequencies(corpus, by="outlet")
    a = out[out["outlet"] == "A"].set_index("term")
    assert a["n_tokens"].iat[0] == 7 and a["n_docs"].iat[0] == 2
    # dokdo and talks tie at 2: alphabetical order breaks the tie, in order and rank
    assert a.loc["dokdo", ["count", "doc_freq", "rank"]].tolist() == [2, 1, 1]
    assert a.loc["talks", ["count", "doc_freq", "rank"]].tolist() == [2, 2, 2]
    top = frequencies(corpus, by="outlet", n=1)
    assert top[["outlet", "term"]].values.tolist() == [["A", "dokdo"], ["B", "no"]]


def test_missing_group_keeps_its_documents():
    corpus = pd.DataFrame({"text": ["Seoul said no.", "Seoul again."], "section": ["A", None]})
    out = frequencies(corpus, by="section")
    missing = out[out["section"].isna()]
    assert missing["term"].tolist() == ["again", "seoul"]
    assert missing["n_docs"].tolist() == [1, 1]


def test_freq_month_aliases_agree(corpus):
    m = frequencies(corpus, freq="M")
    me = frequencies(corpus, freq="ME")
    pd.testing.assert_frame_equal(m, me)
    jan = m[m["period"] == pd.Timestamp("2019-01-01")].set_index("term")
    assert jan["count"].to_dict() == {"dokdo": 2, "talks": 1}


def test_matches_counter_over_doc_tokens_on_demo():
    """A second implementation: collections.Counter over Tokens.doc_tokens."""
    tk = tokenize(load_demo())
    filters = {"stopwords": True, "stem": "lemma", "drop_numbers": True}
    counter = Counter(t for toks in tk.doc_tokens(**filters).values() for t in toks)
    dfreq = Counter(t for toks in tk.doc_tokens(**filters).values() for t in set(toks))
    out = frequencies(tk, **filters).set_index("term")
    assert out["count"].to_dict() == dict(counter)
    assert out["doc_freq"].to_dict() == dict(dfreq)


def test_tf_idf_tidytext_definition_by_hand():
    corpus = pd.DataFrame(
        {"doc_id": ["d1", "d2", "d3"], "text": ["Dokdo talks", "Talks resumed talks", ""]}
    )
    out = tf_idf(corpus).set_index(["doc_id", "term"])
    # D = 2 documents with tokens (the empty one is not a document, as in tidytext)
    assert out.attrs["n_measured"] == 2
    assert out.loc[("d1", "dokdo"), "tf"] == pytest.approx(1 / 2)
    assert out.loc[("d1", "dokdo"), "idf"] == pytest.approx(math.log(2 / 1))
    assert out.loc[("d1", "dokdo"), "tf_idf"] == pytest.approx(0.5 * math.log(2))
    assert out.loc[("d2", "talks"), "tf"] == pytest.approx(2 / 3)
    assert out.loc[("d2", "talks"), "tf_idf"] == 0.0  # in every document
    assert "d3" not in out.index.get_level_values(0)


def test_tf_idf_by_group():
    corpus = pd.DataFrame({"text": ["a b", "a c", "a d"], "outlet": ["X", "X", "Y"]})
    out = tf_idf(corpus, by="outlet").set_index(["outlet", "term"])
    assert out.loc[("X", "a"), "tf"] == pytest.approx(2 / 4)
    assert out.loc[("X", "b"), "tf_idf"] == pytest.approx(1 / 4 * math.log(2))
    assert out.loc[("Y", "a"), "idf"] == 0.0


def test_document_order_does_not_matter(corpus):
    base = frequencies(corpus, by="outlet")
    base_tfidf = tf_idf(corpus)
    shuffled = corpus.sample(frac=1, random_state=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(base, frequencies(shuffled, by="outlet"))
    pd.testing.assert_frame_equal(base_tfidf, tf_idf(shuffled))


def test_min_count_and_unknown_filter(corpus):
    out = frequencies(corpus, min_count=2)
    assert set(out["term"]) == {"dokdo", "talks", "seoul"}
    with pytest.raises(TypeError, match="token filters"):
        frequencies(corpus, stopword=True)
    with pytest.raises(ValueError, match="not a column"):
        frequencies(corpus, by="newspaper")


def test_attrs(corpus):
    out = frequencies(corpus, by="outlet", n=3)
    assert out.attrs["measure"] == "frequencies"
    assert out.attrs["params"]["n"] == 3
    assert np.issubdtype(out["count"].dtype, np.integer)


def test_tf_idf_top_n_per_document_by_hand():
    # constructed: doc 1 has a, b, c once each (tf 1/3, idf ln 2 for all three:
    # a tie, broken alphabetically), plus "e" shared with doc 2 (idf 0)
    corpus = pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["c b a e", "e d d"]})
    top = tf_idf(corpus, n=2)
    assert top[["doc_id", "term"]].values.tolist() == [
        ["d1", "a"],
        ["d1", "b"],
        ["d2", "d"],
        ["d2", "e"],
    ]
    assert top["tf_idf"].tolist() == pytest.approx(
        [math.log(2) / 4] * 2 + [2 / 3 * math.log(2), 0.0]
    )
    assert top.attrs["params"]["n"] == 2
    one = tf_idf(corpus, n=1, min_count=2)  # min_count first: only d2's "d" (count 2) is left
    assert one[["doc_id", "term", "count"]].values.tolist() == [["d2", "d", 2]]
    assert len(tf_idf(corpus, n=0)) == 0


def test_tf_idf_top_n_is_the_head_of_the_full_table():
    tk = tokenize(load_demo())
    full = tf_idf(tk, n=None)
    top = tf_idf(tk, n=5)
    expected = full.groupby("doc_id", sort=False).head(5).reset_index(drop=True)
    pd.testing.assert_frame_equal(top, expected)
    assert top.groupby("doc_id").size().max() == 5


def test_tf_idf_keeps_ten_terms_per_document_unless_asked_for_all():
    # constructed: d1 has 12 distinct words (a tie at tf 1/12, idf ln 2: broken
    # alphabetically), d2 two words of its own
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima"
    corpus = pd.DataFrame({"doc_id": ["d1", "d2"], "text": [words, "mike november"]})
    default = tf_idf(corpus)
    assert default.attrs["params"]["n"] == 10
    assert default.groupby("doc_id").size().to_dict() == {"d1": 10, "d2": 2}
    assert default.loc[default["doc_id"] == "d1", "term"].tolist() == sorted(words.split())[:10]
    full = tf_idf(corpus, n=None)
    assert len(full) == 14 and full.attrs["params"]["n"] is None
    expected = full.groupby("doc_id", sort=False).head(10).reset_index(drop=True)
    pd.testing.assert_frame_equal(default, expected)
    assert default["tf_idf"].tolist() == pytest.approx(
        [math.log(2) / 12] * 10 + [math.log(2) / 2] * 2
    )


@pytest.mark.parametrize("bad", [-1, 2.5, "5", True])
def test_tf_idf_bad_n_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="n must be"):
        tf_idf(pd.DataFrame({"text": ["Talks resumed."]}), n=bad)


@pytest.mark.parametrize(
    "vocab, codes",
    [
        (["talks", "dokdo", "seoul"], [2, 0, 0, 1]),
        (["talks", "dokdo"], []),
        ([], []),
    ],
)
def test_term_column_is_the_one_pandas_makes_of_the_terms(vocab, codes):
    from toolkit.measures.frequency import _terms

    vocab = np.asarray(vocab, dtype=object)
    codes = np.asarray(codes, dtype=np.int64)
    # oracle: the column pandas builds from the object array of every row's term
    want = pd.DataFrame(index=range(len(codes)))
    want["term"] = vocab[codes]
    got = pd.DataFrame(index=range(len(codes)))
    got["term"] = _terms(vocab, codes)
    pd.testing.assert_frame_equal(got, want)
    assert got["term"].tolist() == [vocab[c] for c in codes]


def test_frequencies_and_tf_idf_terms_match_a_plain_object_column():
    tk = tokenize(load_demo())
    for table in (frequencies(tk), tf_idf(tk, n=None)):
        want = pd.Series(np.asarray(table["term"].tolist(), dtype=object), name="term")
        pd.testing.assert_series_equal(table["term"], want)


@pytest.mark.parametrize("seed", range(6))
def test_sort_within_runs_is_lexsort(seed):
    from toolkit.measures.frequency import _sort_within_runs

    rng = np.random.default_rng(seed)
    lengths = rng.integers(1, 70, int(rng.integers(0, 30)))
    if seed == 5:
        lengths = np.r_[lengths, 1000]  # one long run among short ones
    group = np.repeat(np.arange(len(lengths)) * 3, lengths)
    # few distinct values, so ties are common; inf and -0.0 among them
    key = rng.choice([-0.5, -0.25, 0.0, -0.0, 1.0, np.inf, -np.inf], len(group))
    expected = np.lexsort((key, group))
    assert np.array_equal(_sort_within_runs(group, key), expected)
    # unsorted groups or NaN keys take lexsort itself
    shuffled = rng.permutation(group)
    assert np.array_equal(_sort_within_runs(shuffled, key), np.lexsort((key, shuffled)))
    if len(key):
        key[0] = np.nan
        assert np.array_equal(_sort_within_runs(group, key), np.lexsort((key, group)))


def test_sort_within_runs_by_hand():
    from toolkit.measures.frequency import _sort_within_runs

    group = np.array([0, 0, 0, 4, 4])
    key = np.array([2.0, 1.0, 2.0, 0.0, -1.0])
    assert _sort_within_runs(group, key).tolist() == [1, 0, 2, 4, 3]
    assert _sort_within_runs(np.zeros(0, int), np.zeros(0)).tolist() == []
    # runs of one width (one batch): 3 and 4 entries both pad to 4
    group = np.array([1, 1, 1, 2, 2, 2, 2])
    key = np.array([0.5, 0.5, -1.0, 3.0, 3.0, 2.0, np.inf])
    assert _sort_within_runs(group, key).tolist() == [2, 0, 1, 5, 3, 4, 6]
    assert _sort_within_runs(group, key).tolist() == np.lexsort((key, group)).tolist()
