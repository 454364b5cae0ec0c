"""Dispersion: positions for x-ray plots, and Gries' DP / Juilland's D by hand and by loop.

Example texts are constructed for the tests.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from toolkit.corpus.load import load_demo
from toolkit.measures.concordance import dispersion, term_dispersion
from toolkit.tokens.tokenizer import tokenize


def test_positions_by_hand():
    corpus = pd.DataFrame(
        {
            "doc_id": ["d1", "d2"],
            "text": ["Dokdo is small. North Korea is far from Dokdo.", "None."],
        }
    )
    out = dispersion(corpus, ["Dokdo", "North Korea"])
    # d1 tokens: Dokdo is small . North_Korea is far from Dokdo .  -> 10 tokens
    d1 = out[out["doc_id"] == "d1"]
    dok = d1[d1["term"] == "Dokdo"]
    assert dok["token_id"].tolist() == [0, 8]
    assert dok["position"].tolist() == [0.0, 0.8]
    assert dok["n_tokens"].tolist() == [10, 10]
    assert dok["sent_id"].tolist() == [0, 1]
    nk = d1[d1["term"] == "North Korea"]
    assert nk["token_id"].tolist() == [4] and nk["match"].tolist() == ["North Korea"]
    # d2 has no match: one row per term, position missing, so its lane is kept
    d2 = out[out["doc_id"] == "d2"]
    assert len(d2) == 2 and d2["position"].isna().all() and (d2["n_tokens"] == 2).all()
    assert len(dispersion(corpus, "Dokdo", include_empty=False)) == 2


def test_token_ids_point_at_the_matched_tokens():
    tk = tokenize(load_demo())
    pos = dispersion(tk, "Dokdo", include_empty=False)
    toks = tk.doc_tokens(lower=False, drop_punct=False)  # token_id counts every token
    # every "Dokdo" token of the corpus, found by a plain scan
    want = [
        (d, i) for d in tk.doc_ids for i, t in enumerate(toks.get(d, [])) if t.lower() == "dokdo"
    ]
    got = list(zip(pos["doc_id"], pos["token_id"].astype(int), strict=True))
    assert len(want) > 0 and sorted(got) == sorted(want)
    assert pos["position"].between(0, 1, inclusive="left").all()


def test_dp_and_juilland_by_hand():
    corpus = pd.DataFrame({"text": ["a b", "a b", "b b"]})
    out = term_dispersion(corpus).set_index("term")
    # parts of 2 tokens each: s = 1/3. Term a: v = (.5, .5, 0)
    # DP = 0.5 * (|.5-1/3| * 2 + 1/3) = 1/3; DP_norm = DP / (1 - 1/3) = 0.5
    assert out.loc["a", "dp"] == pytest.approx(1 / 3)
    assert out.loc["a", "dp_norm"] == pytest.approx(0.5)
    # relative freqs r = (.5, .5, 0): mean 1/3, population sd sqrt(1/18), CV = 1/sqrt(2)
    # D = 1 - CV / sqrt(3 - 1) = 0.5
    assert out.loc["a", "juilland_d"] == pytest.approx(0.5)
    # term b: v = (.25, .25, .5): DP = 0.5 * (1/12 + 1/12 + 1/6) = 1/6; D = 0.75
    assert out.loc["b", "dp"] == pytest.approx(1 / 6)
    assert out.loc["b", "juilland_d"] == pytest.approx(0.75)
    assert out.loc["b", ["count", "range", "n_parts"]].tolist() == [4, 3, 3]


def _loop_dispersion(doc_tokens, term):
    """Straightforward per-term loop over parts (documents with tokens)."""
    parts = [t for t in doc_tokens.values() if t]
    sizes = np.array([len(t) for t in parts], float)
    freqs = np.array([t.count(term) for t in parts], float)
    s, v = sizes / sizes.sum(), freqs / freqs.sum()
    dp = 0.5 * np.abs(v - s).sum()
    r = freqs / sizes
    d = 1 - (r.std() / r.mean()) / math.sqrt(len(parts) - 1)
    return dp, dp / (1 - s.min()), d


def test_matches_loop_on_demo():
    tk = tokenize(load_demo())
    docs = tk.doc_tokens(stopwords=True)
    terms = ["japan", "dokdo", "victims", "seoul", "not_a_word"]
    out = term_dispersion(tk, terms=terms, stopwords=True).set_index("term")
    for term in terms[:-1]:
        dp, dpn, d = _loop_dispersion(docs, term)
        assert out.loc[term, "dp"] == pytest.approx(dp, abs=1e-12)
        assert out.loc[term, "dp_norm"] == pytest.approx(dpn, abs=1e-12)
        assert out.loc[term, "juilland_d"] == pytest.approx(d, abs=1e-12)
    assert out.loc["not_a_word", "count"] == 0 and np.isnan(out.loc["not_a_word", "dp"])


def test_term_in_every_document_and_parts_by_group():
    corpus = pd.DataFrame({"text": ["x a", "x b b b", "x c"], "outlet": ["A", "A", "B"]})
    out = term_dispersion(corpus).set_index("term")
    assert out.loc["x", "range"] == 3
    # x: v = 1/3 each, s = (2, 4, 2)/8 -> DP = 0.5 * (1/12 + 1/6 + 1/12) = 1/6
    assert out.loc["x", "dp"] == pytest.approx(1 / 6)
    grouped = term_dispersion(corpus, by="outlet").set_index("term")
    # parts A (6 tokens, x twice) and B (2 tokens, x once): s = (.75, .25), v = (2/3, 1/3)
    assert grouped.loc["x", "dp"] == pytest.approx(0.5 * (abs(2 / 3 - 0.75) + abs(1 / 3 - 0.25)))
    assert grouped.loc["x", "n_parts"] == 2


def test_single_part_gives_nan_juilland_and_order_independence():
    one = term_dispersion(pd.DataFrame({"text": ["a b a"]}))
    assert one["juilland_d"].isna().all()
    corpus = pd.DataFrame({"text": ["a b", "a c d", "b b"]})
    base = term_dispersion(corpus)
    shuffled = corpus.iloc[[2, 0, 1]].reset_index(drop=True)
    shuffled["doc_id"] = ["doc-000003", "doc-000001", "doc-000002"]
    pd.testing.assert_frame_equal(base, term_dispersion(shuffled))
