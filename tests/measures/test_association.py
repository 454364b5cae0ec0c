"""Collocations and window co-occurrence against scipy, hand counts and a brute-force count.

Example texts are constructed for the tests.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import product

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from toolkit.corpus.load import load_demo
from toolkit.measures.association import collocations, cooccurrence
from toolkit.tokens.tokenizer import tokenize

TEXTS = [
    "Seoul protested the naval review. Tokyo skipped the naval review.",
    "The naval review was held off Jeju. Officials said the review ended.",
    "Seoul and Tokyo held talks. The talks ended without a deal.",
]


@pytest.fixture(scope="module")
def demo_tokens():
    return tokenize(load_demo())


def _sentence_ngrams(tk, size, **filters):
    """Brute force: every n-gram of each sentence's tokens.

    Only valid when the filters drop no token (gaps would need padding), so
    it is used with drop_punct=False.
    """
    grams = []
    for toks in tk.sentence_tokens(**filters):
        grams += [tuple(toks[i : i + size]) for i in range(len(toks) - size + 1)]
    return grams


def test_bigram_counts_and_measures_match_scipy(demo_tokens):
    out = collocations(demo_tokens, min_count=3, drop_punct=False).set_index("collocation")
    grams = _sentence_ngrams(demo_tokens, 2, drop_punct=False)
    pairs, first, second = (
        Counter(grams),
        Counter(g[0] for g in grams),
        Counter(g[1] for g in grams),
    )
    n = len(grams)
    assert out["n_positions"].iat[0] == n
    checked = 0
    for label, row in out.head(40).iterrows():
        w1, w2 = label.split(" ")
        a = pairs[(w1, w2)]
        b, c = first[w1] - a, second[w2] - a
        d = n - a - b - c
        assert row["count"] == a
        ref = chi2_contingency([[a, b], [c, d]], correction=False)
        ref_g = chi2_contingency([[a, b], [c, d]], correction=False, lambda_="log-likelihood")
        e = (a + b) * (a + c) / n
        assert abs(row["chi2"]) == pytest.approx(ref.statistic, rel=1e-9)
        assert abs(row["G2"]) == pytest.approx(ref_g.statistic, rel=1e-9)
        assert row["p"] == pytest.approx(ref_g.pvalue, rel=1e-6, abs=1e-300)
        assert row["expected"] == pytest.approx(e)
        assert row["pmi"] == pytest.approx(math.log2(a / e))
        assert row["t_score"] == pytest.approx((a - e) / math.sqrt(a))
        assert row["dice"] == pytest.approx(2 * a / (first[w1] + second[w2]))
        assert np.sign(row["G2"]) == (1 if a > e else -1)
        checked += 1
    assert checked == 40


def test_trigrams_match_brute_force_2x2x2_table(demo_tokens):
    out = collocations(demo_tokens, size=3, min_count=2, drop_punct=False)
    grams = _sentence_ngrams(demo_tokens, 3, drop_punct=False)
    n = len(grams)
    for _, row in out.head(10).iterrows():
        words = tuple(row["collocation"].split(" "))
        cells = Counter(tuple(g[i] == words[i] for i in range(3)) for g in grams)
        marg = [sum(g[i] == words[i] for g in grams) / n for i in range(3)]
        chi, g2 = 0.0, 0.0
        for cell in product([True, False], repeat=3):
            exp = n * np.prod([marg[i] if cell[i] else 1 - marg[i] for i in range(3)])
            obs = cells.get(cell, 0)
            chi += (obs - exp) ** 2 / exp
            g2 += 2 * obs * math.log(obs / exp) if obs else 0.0
        e111 = n * np.prod(marg)
        assert row["count"] == cells[(True, True, True)]
        assert abs(row["chi2"]) == pytest.approx(chi, rel=1e-9)
        assert abs(row["G2"]) == pytest.approx(g2, rel=1e-9)
        assert row["pmi"] == pytest.approx(math.log2(row["count"] / e111))
        assert row["dice"] == pytest.approx(3 * row["count"] / (n * sum(marg)))


def test_hand_counted_bigram():
    out = collocations(pd.DataFrame({"text": TEXTS}), min_count=1).set_index("collocation")
    # sentences (punctuation dropped, lower case):
    # seoul protested the naval review | tokyo skipped the naval review
    # the naval review was held off jeju | officials said the review ended
    # seoul and tokyo held talks | the talks ended without a deal
    # bigram positions: 4 + 4 + 6 + 4 + 4 + 5 = 27
    row = out.loc["naval review"]
    assert row["n_positions"] == 27
    assert row["count"] == 3
    assert row["count_w1"] == 3  # "naval" first in a bigram
    assert row["count_w2"] == 4  # "review" second: 3 x naval review + the review
    assert row["expected"] == pytest.approx(3 * 4 / 27)
    assert row["dice"] == pytest.approx(6 / 7)


def test_no_bigrams_across_sentences_or_removed_tokens():
    corpus = pd.DataFrame({"text": ["They defend the rights of women. Women march."]})
    out = collocations(corpus, min_count=1)
    assert "women women" not in set(out["collocation"])  # across the full stop
    sw = collocations(corpus, min_count=1, stopwords=True)
    assert "rights women" not in set(sw["collocation"])  # "of" leaves a gap
    assert "women march" in set(sw["collocation"])


def test_sort_min_count_and_document_order():
    corpus = pd.DataFrame({"text": TEXTS})
    out = collocations(corpus, size=(2, 3), sort_by="pmi")
    assert set(out["size"]) == {2, 3}
    assert (out["count"] >= 2).all()
    assert out["pmi"].is_monotonic_decreasing
    shuffled = corpus.iloc[::-1].reset_index(drop=True)
    shuffled["doc_id"] = ["doc-000003", "doc-000002", "doc-000001"]
    pd.testing.assert_frame_equal(out, collocations(shuffled, size=(2, 3), sort_by="pmi"))
    with pytest.raises(ValueError, match="size"):
        collocations(corpus, size=5)


# --------------------------------------------------------------------------
# Window co-occurrence
# --------------------------------------------------------------------------


def test_cooccurrence_hand_counts():
    corpus = pd.DataFrame(
        {
            "text": [
                "Seoul says Dokdo islets belong to Korea. Tokyo disputes this.",
                "The Dokdo islets are small. Tokyo calls them Takeshima.",
            ]
        }
    )
    out = cooccurrence(corpus, "Dokdo", window=2, min_count=1).set_index("term")
    # windows (2 tokens each side, inside the sentence):
    # doc1: seoul says [dokdo] islets belong   doc2: the [dokdo] islets are
    # window tokens: 4 + 3 = 7; all tokens minus the 2 node tokens: 19 - 2 = 17
    assert out["window_tokens"].iat[0] == 7
    assert out["n_tokens"].iat[0] == 17
    assert out.loc["islets", ["count", "term_count"]].tolist() == [2, 2]
    assert out.loc["says", ["count", "term_count"]].tolist() == [1, 1]
    assert "tokyo" not in out.index  # never inside a window
    a, w, f, n = 2, 7, 2, 17
    ref = chi2_contingency([[a, w - a], [f - a, n - w - (f - a)]], correction=False)
    assert out.loc["islets", "chi2"] == pytest.approx(ref.statistic)
    assert out.loc["islets", "pmi"] == pytest.approx(math.log2(a / (w * f / n)))
    assert out.attrs["n_nodes"] == 2


def test_cooccurrence_node_matches_mwe_only_as_a_whole():
    corpus = pd.DataFrame(
        {
            "text": [
                "North Korea fired a missile. South Korea protested the missile launch.",
            ]
        }
    )
    mwe = cooccurrence(corpus, "North Korea", window=3, min_count=1)
    assert mwe.attrs["n_nodes"] == 1
    assert set(mwe["term"]) == {"fired", "a", "missile"}
    korea = cooccurrence(corpus, "Korea", window=3, min_count=1)
    assert korea.attrs["n_nodes"] == 0 and len(korea) == 0


def test_cooccurrence_overlapping_windows_counted_once():
    corpus = pd.DataFrame({"text": ["Dokdo and Dokdo and more words here."]})
    out = cooccurrence(corpus, "dokdo", window=1, min_count=1).set_index("term")
    # node positions 0 and 2; window positions 1 (shared) and 3 -> 2 window tokens
    assert out["window_tokens"].iat[0] == 2
    assert out.loc["and", "count"] == 2


def test_cooccurrence_order_independent():
    corpus = pd.DataFrame({"text": TEXTS})
    base = cooccurrence(corpus, ["naval", "talks"], window=3, min_count=1)
    shuffled = corpus.iloc[[2, 0, 1]].reset_index(drop=True)
    shuffled["doc_id"] = ["doc-000003", "doc-000001", "doc-000002"]
    pd.testing.assert_frame_equal(
        base, cooccurrence(shuffled, ["naval", "talks"], window=3, min_count=1)
    )
