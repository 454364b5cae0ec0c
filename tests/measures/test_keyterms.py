"""Keyness statistics against scipy and against tables worked out by hand.

All example texts in this file are constructed for the tests.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency, false_discovery_control, fisher_exact

from toolkit.measures.keyterms import keyness, keyness_from_counts


def _one(a, b, t_total, r_total, **kw):
    """Statistics of a single term with counts a (target) and b (reference)."""
    out = keyness_from_counts(
        ["w"], [a], [b], target_total=t_total, reference_total=r_total, sort=False, **kw
    )
    return out.iloc[0]


def _random_tables(n=60, seed=1):
    rng = np.random.default_rng(seed)
    tables = []
    for _ in range(n):
        t_total, r_total = rng.integers(50, 5000, 2)
        a = int(rng.integers(0, min(t_total, 80)))
        b = int(rng.integers(0, min(r_total, 80)))
        if a + b == 0:
            a = 1
        tables.append((a, b, int(t_total), int(r_total)))
    return tables + [(5, 0, 100, 100), (0, 7, 1000, 50), (3, 3, 10, 10), (1, 0, 10000, 20)]


TABLES = _random_tables()


# --------------------------------------------------------------------------
# One hand-worked table: a=10, b=5, T=100, R=200 (c=90, d=195, N=300)
# Expected counts: E11 = 15*100/300 = 5, E12 = 10, E21 = 95, E22 = 190.
# --------------------------------------------------------------------------


def test_hand_table_chi2_without_and_with_yates():
    # X2 = N (ad - bc)^2 / (r1 r2 k1 k2) = 300 * 1500^2 / (15*285*100*200) = 7.894736...
    assert _one(10, 5, 100, 200, correction="none")["chi2"] == pytest.approx(675e6 / 85.5e6)
    # Yates: |O-E| = 5 in every cell -> 4.5; X2 = 4.5^2 * (1/5 + 1/10 + 1/95 + 1/190)
    yates = 4.5**2 * (1 / 5 + 1 / 10 + 1 / 95 + 1 / 190)
    assert _one(10, 5, 100, 200)["chi2"] == pytest.approx(yates)  # Yates is the default
    assert yates == pytest.approx(6.3947368, rel=1e-7)


def test_hand_table_g2_and_williams():
    g2 = 2 * (
        10 * math.log(10 / 5)
        + 5 * math.log(5 / 10)
        + 90 * math.log(90 / 95)
        + 195 * math.log(195 / 190)
    )
    q = 1 + (300 / 15 + 300 / 285 - 1) * (300 / 100 + 300 / 200 - 1) / (6 * 300)
    assert _one(10, 5, 100, 200, method="lr", correction="none")["G2"] == pytest.approx(g2)
    row = _one(10, 5, 100, 200, method="lr")  # Williams is the default for lr
    assert row["G2"] == pytest.approx(g2 / q)
    assert row["p"] == pytest.approx(chi2.sf(g2 / q, 1))


def test_hand_table_effect_sizes():
    row = _one(10, 5, 100, 200)
    assert row["log_ratio"] == pytest.approx(2.0)  # (10/100) / (5/200) = 4
    assert row["pct_diff"] == pytest.approx(300.0)  # (0.1 - 0.025) / 0.025 * 100
    assert row["pmi"] == pytest.approx(1.0)  # log2(10 / E11) = log2(2)
    assert row["target_per_10k"] == pytest.approx(1000.0)
    assert row["reference_per_10k"] == pytest.approx(250.0)
    # 95% CI of log2 ratio: ln(4) +- 1.959964 * sqrt(1/10 + 1/5), in bits
    half = 1.959963985 * math.sqrt(0.1 + 0.2) / math.log(2)
    assert row["log_ratio_ci_low"] == pytest.approx(2.0 - half)
    assert row["log_ratio_ci_high"] == pytest.approx(2.0 + half)


def test_log_ratio_zero_adjustment_is_half_a_count():
    row = _one(7, 0, 1000, 500)
    assert row["log_ratio"] == pytest.approx(math.log2((7 / 1000) / (0.5 / 500)))
    assert row["pct_diff"] == pytest.approx(100 * ((7 / 1000) - (0.5 / 500)) / (0.5 / 500))
    assert np.isfinite(row["chi2"]) and row["chi2"] > 0
    zero_target = _one(0, 9, 1000, 1000)
    assert zero_target["pct_diff"] == pytest.approx(-100.0)
    assert zero_target["pmi"] == -np.inf


# --------------------------------------------------------------------------
# Against scipy, many tables
# --------------------------------------------------------------------------


@pytest.mark.parametrize("a,b,t_total,r_total", TABLES)
def test_chi2_matches_scipy(a, b, t_total, r_total):
    table = [[a, b], [t_total - a, r_total - b]]
    for corr, name in ((True, "yates"), (False, "none")):
        ref = chi2_contingency(table, correction=corr)
        row = _one(a, b, t_total, r_total, method="chi2", correction=name)
        assert abs(row["chi2"]) == pytest.approx(ref.statistic, rel=1e-9, abs=1e-12)
        assert row["p"] == pytest.approx(ref.pvalue, rel=1e-8, abs=1e-300)


@pytest.mark.parametrize("a,b,t_total,r_total", TABLES)
def test_g2_matches_scipy(a, b, t_total, r_total):
    table = np.array([[a, b], [t_total - a, r_total - b]])
    ref = chi2_contingency(table, correction=False, lambda_="log-likelihood")
    row = _one(a, b, t_total, r_total, method="lr", correction="none")
    assert abs(row["G2"]) == pytest.approx(ref.statistic, rel=1e-9, abs=1e-10)
    assert row["p"] == pytest.approx(ref.pvalue, rel=1e-7, abs=1e-300)
    # Yates-corrected G2 as scipy computes it (observed moved 0.5 towards E)
    ref_y = chi2_contingency(table, correction=True, lambda_="log-likelihood")
    row_y = _one(a, b, t_total, r_total, method="lr", correction="yates")
    assert abs(row_y["G2"]) == pytest.approx(ref_y.statistic, rel=1e-9, abs=1e-10)


@pytest.mark.parametrize("a,b,t_total,r_total", TABLES[:20])
def test_g2_matches_power_divergence(a, b, t_total, r_total):
    from scipy.stats import power_divergence

    table = np.array([[a, b], [t_total - a, r_total - b]], dtype=float)
    expected = np.outer(table.sum(1), table.sum(0)) / table.sum()
    ref = power_divergence(table.ravel(), expected.ravel(), lambda_="log-likelihood")
    row = _one(a, b, t_total, r_total, method="G2", correction="none")
    assert abs(row["G2"]) == pytest.approx(ref.statistic, rel=1e-9, abs=1e-10)


@pytest.mark.parametrize("a,b,t_total,r_total", TABLES)
def test_fisher_matches_scipy(a, b, t_total, r_total):
    ref = fisher_exact([[a, b], [t_total - a, r_total - b]])
    row = _one(a, b, t_total, r_total, method="exact")
    assert row["p"] == pytest.approx(ref.pvalue, rel=1e-9, abs=1e-300)
    assert np.exp(row["log_odds_ratio"]) == pytest.approx(ref.statistic, rel=1e-9)


def test_fisher_vectorised_in_one_call():
    """All tables at once (the vectorised path) give scipy's p for each."""
    a, b, t, r = map(np.array, zip(*TABLES, strict=True))
    out = keyness_from_counts([f"w{i}" for i in range(len(a))], a, b, method="exact", sort=False)
    # with totals = column sums every table shares its margins; recompute by scipy
    t_total, r_total = int(a.sum()), int(b.sum())
    for i in range(len(a)):
        ref = fisher_exact([[a[i], b[i]], [t_total - a[i], r_total - b[i]]]).pvalue
        assert out["p"].iat[i] == pytest.approx(ref, rel=1e-9, abs=1e-300)


def test_sign_negative_means_key_in_reference():
    out = keyness_from_counts(
        ["t", "r"], [30, 2], [5, 40], target_total=1000, reference_total=1000, method="lr"
    )
    got = out.set_index("term")
    assert got.loc["t", "G2"] > 0 and got.loc["r", "G2"] < 0
    assert got.loc["t", "log_ratio"] > 0 and got.loc["r", "log_ratio"] < 0
    assert list(out["term"]) == ["t", "r"]  # sorted by the statistic, descending
    ex = keyness_from_counts(
        ["t", "r"], [30, 2], [5, 40], target_total=1000, reference_total=1000, method="exact"
    )
    assert (ex.set_index("term")["log_odds_ratio"] > 0).to_dict() == {"t": True, "r": False}


def test_pmi_measure_takes_p_from_williams_g2():
    row = _one(10, 5, 100, 200, method="pmi")
    g2_w = _one(10, 5, 100, 200, method="lr")
    assert row["pmi"] == pytest.approx(1.0)
    assert row["p"] == pytest.approx(g2_w["p"])


def test_p_adjust_bh_and_bonferroni():
    terms = [f"w{i}" for i in range(8)]
    a = [30, 12, 9, 5, 4, 3, 2, 1]
    b = [3, 5, 6, 5, 6, 2, 3, 1]
    bh = keyness_from_counts(terms, a, b, target_total=1000, reference_total=1000, sort=False)
    assert np.allclose(bh["p_adj"], false_discovery_control(bh["p"], method="bh"))
    bonf = keyness_from_counts(
        terms, a, b, target_total=1000, reference_total=1000, sort=False, p_adjust="bonferroni"
    )
    assert np.allclose(bonf["p_adj"], np.minimum(bonf["p"] * 8, 1))


def test_min_count_and_bad_input():
    out = keyness_from_counts(
        ["x", "y"], [1, 5], [0, 5], target_total=100, reference_total=100, min_count=2
    )
    assert out["term"].tolist() == ["y"]
    with pytest.raises(ValueError, match="method"):
        keyness_from_counts(["x"], [1], [1], target_total=10, reference_total=10, method="tscore")
    with pytest.raises(ValueError, match="no tokens"):
        keyness_from_counts(["x"], [0], [1], target_total=0, reference_total=10)
    with pytest.raises(ValueError, match="does not apply"):
        keyness_from_counts(
            ["x"], [1], [1], target_total=10, reference_total=10, method="exact", correction="yates"
        )


# --------------------------------------------------------------------------
# From a corpus
# --------------------------------------------------------------------------


@pytest.fixture()
def corpus():
    return pd.DataFrame(
        {
            "doc_id": ["k1", "k2", "j1", "j2", "i1"],
            "text": [
                "Dokdo belongs to Korea. The East Sea is calm.",
                "Korea protests. Dokdo again.",
                "Takeshima talks. The Sea of Japan is calm.",
                "Tokyo protests the talks.",
                "Talks in Geneva.",
            ],
            "country": ["KR", "KR", "JP", "JP", "INT"],
        }
    )


def test_counts_from_corpus_by_hand(corpus):
    out = keyness(corpus, "KR", by="country", reference="JP").set_index("term")
    # KR tokens (lower, no punctuation): dokdo belongs to korea the east_sea is calm
    # korea protests dokdo again -> 12 tokens
    assert out["target_total"].iat[0] == 12
    # JP: takeshima talks the sea_of_japan is calm tokyo protests the talks -> 10 tokens
    assert out["reference_total"].iat[0] == 10
    assert out.loc["dokdo", ["target_count", "reference_count"]].tolist() == [2, 0]
    assert out.loc["the", ["target_count", "reference_count"]].tolist() == [1, 2]
    assert "geneva" not in out.index  # INT is in neither group
    assert out.loc["dokdo", "chi2"] > 0 and out.loc["talks", "chi2"] < 0
    rest = keyness(corpus, "KR", by="country").set_index("term")  # all the rest
    assert rest["reference_total"].iat[0] == 13
    assert rest.loc["talks", "reference_count"] == 3


def test_target_with_one_document_and_mask_and_ids(corpus):
    one = keyness(corpus, ["k1"], method="lr")
    assert one.attrs["n_target_docs"] == 1 and one.attrs["n_reference_docs"] == 4
    mask = keyness(corpus, corpus["doc_id"].eq("k1").to_numpy(), method="lr")
    pd.testing.assert_frame_equal(one, mask)


def test_term_in_every_document(corpus):
    corpus = corpus.assign(text=corpus["text"] + " Seoul.")
    out = keyness(corpus, "KR", by="country", reference="JP").set_index("term")
    assert out.loc["seoul", ["target_count", "reference_count"]].tolist() == [2, 2]
    ref = chi2_contingency([[2, 2], [12, 10]], correction=True)
    assert abs(out.loc["seoul", "chi2"]) == pytest.approx(ref.statistic)


def test_empty_group_is_a_clear_error(corpus):
    with pytest.raises(ValueError, match="CN.*no documents"):
        keyness(corpus, "CN", by="country")
    with pytest.raises(ValueError, match="reference 'US' has no documents"):
        keyness(corpus, "KR", by="country", reference="US")
    empty = corpus.assign(text=["", "", "x y", "z", "w"])
    with pytest.raises(ValueError, match="no tokens"):
        keyness(empty, "KR", by="country")


def test_user_reference_frequency_list(corpus):
    ref = {"Dokdo": 1, "talks": 50, "korea": 10}
    out = keyness(corpus, "KR", by="country", reference=ref, reference_total=1000)
    got = out.set_index("term")
    assert got.loc["dokdo", "reference_count"] == 1  # lower-cased to match tokens
    assert got.loc["talks", ["target_count", "reference_count"]].tolist() == [0, 50]
    assert got["reference_total"].iat[0] == 1000 and got["target_total"].iat[0] == 12
    ref_frame = pd.DataFrame({"term": ["dokdo", "talks", "korea"], "count": [1, 50, 10]})
    out2 = keyness(corpus, "KR", by="country", reference=ref_frame, reference_total=1000)
    pd.testing.assert_frame_equal(
        out.reset_index(drop=True), out2.reset_index(drop=True), check_like=True
    )


def test_document_order_does_not_matter(corpus):
    base = keyness(corpus, "KR", by="country", reference="JP", method="lr")
    for seed in range(3):
        shuffled = corpus.sample(frac=1, random_state=seed).reset_index(drop=True)
        again = keyness(shuffled, "KR", by="country", reference="JP", method="lr")
        pd.testing.assert_frame_equal(base, again)


def test_attrs_record_parameters(corpus):
    out = keyness(corpus, "KR", by="country", method="lr", stopwords=True)
    assert out.attrs["measure"] == "keyness"
    assert out.attrs["statistic"] == "G2"
    assert out.attrs["params"]["williams"] is True
    assert out.attrs["params"]["filters"] == {"stopwords": True}
    assert "toolkit_version" in out.attrs
    assert "the" not in set(out["term"])


def test_by_several_columns_takes_tuples(corpus):
    corpus = corpus.assign(outlet=["A", "B", "C", "C", "D"])
    out = keyness(corpus, ("KR", "A"), by=["country", "outlet"], reference=[("JP", "C")])
    assert out.attrs["n_target_docs"] == 1 and out.attrs["n_reference_docs"] == 2
    with pytest.raises(ValueError, match="one value per column"):
        keyness(corpus, "KR", by=["country", "outlet"])


def test_report_section_writes_full_table(corpus, tmp_path):
    from toolkit.report.build import build_report

    tripled = corpus.assign(text=(corpus["text"] + " ") * 3)  # so terms pass min_count=3
    page = build_report(tripled, out_dir=tmp_path, sections=["keyness"], progress=False)
    html = page.read_text(encoding="utf-8")
    assert "KR outlets" in html and "JP outlets" in html and "This section failed" not in html
    table = pd.read_csv(tmp_path / "tables" / "keyness_KR_vs_JP.csv")
    assert {"term", "target_count", "reference_count", "G2", "p_adj", "log_ratio"} <= set(table)
    assert table.set_index("term").loc["dokdo", "target_count"] == 6
    assert (tmp_path / "figures" / "keyness_KR_vs_JP.png").exists()
    tiny = build_report(corpus, out_dir=tmp_path / "tiny", sections=["keyness"], progress=False)
    assert "nothing to show" in tiny.read_text(encoding="utf-8")
    single = pd.DataFrame({"text": ["Dokdo.", "Talks."], "country": ["KR", "KR"]})
    page = build_report(single, out_dir=tmp_path / "one", sections=["keyness"], progress=False)
    assert "no grouping column" in page.read_text(encoding="utf-8")


def _exact_fisher(a, b, c, d):
    """Two-sided Fisher p in exact rational arithmetic (independent of scipy)."""
    from fractions import Fraction

    n, n1, k = a + b + c + d, a + b, a + c
    lo, hi = max(0, k - (n - n1)), min(k, n1)
    weights = {lo: Fraction(1)}
    for x in range(lo, hi):
        weights[x + 1] = weights[x] * Fraction((n1 - x) * (k - x), (x + 1) * (n - n1 - k + x + 1))
    total = sum(weights.values())
    return float(sum(w for w in weights.values() if w <= weights[a]) / total)


@pytest.mark.parametrize(
    "a,b,t_total,r_total",
    [
        (17, 29, 5_000_000, 8_000_000),
        (4, 8, 5_000_000, 8_000_000),
        (0, 24, 24, 24),
        (300, 200, 5000, 6000),
        (120, 60, 900, 1400),
    ],
)
def test_fisher_matches_exact_rational_arithmetic(a, b, t_total, r_total):
    from toolkit.measures.keyterms import fisher_p

    exact = _exact_fisher(a, b, t_total - a, r_total - b)
    for width in (2048, 1):  # whole-distribution path and binary-search path
        got = fisher_p([a], [b], [t_total - a], [r_total - b], max_width=width)[0]
        assert got == pytest.approx(exact, rel=1e-12 if width > 1 else 1e-8)


# --------------------------------------------------------------------------
# Yates-corrected G2 where the correction removes the whole deviation
# --------------------------------------------------------------------------

# Tables whose |O - E| is at most 0.5: the corrected counts equal the expected
# ones, so the statistic is 0 and p is 1 (scipy's chi2_contingency says so).
NEAR_INDEPENDENT = [
    (602840, 1, 602851, 1),  # the table [602840, 1, 11, 0] from issue 15
    (1, 0, 200000, 7),
    (4, 1000, 4000, 1000000),
    (12, 13, 500000, 500011),
    (50000, 2, 3000000, 120),
]


@pytest.mark.parametrize("a,b,t_total,r_total", NEAR_INDEPENDENT)
def test_yates_g2_is_exactly_zero_when_scipy_says_so(a, b, t_total, r_total):
    table = np.array([[a, b], [t_total - a, r_total - b]])
    ref = chi2_contingency(table, correction=True, lambda_="log-likelihood")
    assert ref.statistic == 0.0 and ref.pvalue == 1.0  # the premise of the test
    row = _one(a, b, t_total, r_total, method="lr", correction="yates")
    assert row["G2"] == 0.0
    assert row["p"] == 1.0
    from toolkit.measures.keyterms import g2_stat

    cells = [np.array([float(x)]) for x in (a, b, t_total - a, r_total - b)]
    assert g2_stat(*cells, yates=True)[0] == 0.0


def test_yates_g2_still_matches_scipy_just_above_the_half():
    # |O - E| slightly above 0.5: the correction leaves a small positive G2
    rng = np.random.default_rng(7)
    checked = 0
    for _ in range(400):
        t_total, r_total = (int(x) for x in rng.integers(1000, 900000, 2))
        a = int(rng.integers(0, 40))
        b = int(rng.integers(0, 40))
        table = np.array([[a, b], [t_total - a, r_total - b]])
        ref = chi2_contingency(table, correction=True, lambda_="log-likelihood")
        row = _one(a, b, t_total, r_total, method="lr", correction="yates")
        assert abs(row["G2"]) == pytest.approx(ref.statistic, rel=1e-8, abs=1e-12)
        assert row["p"] == pytest.approx(ref.pvalue, rel=1e-8, abs=1e-300)
        checked += ref.statistic > 0
    assert checked > 100


def _constructed_tokens(n_docs=600, seed=3):
    """A Tokens object of constructed word lists (no text): many terms share counts."""
    from toolkit.tokens.tokenizer import Tokens

    rng = np.random.default_rng(seed)
    words = np.array([f"w{i}" for i in range(6000)] + ["Dokdo", "DOKDO", "talks", ",", "."], object)
    p = 1.0 / np.arange(1, len(words) + 1)
    p /= p.sum()
    rows = []
    for d in range(n_docs):
        for s_id in range(int(rng.integers(0, 4))):  # some documents have no sentences
            toks = list(rng.choice(words, size=int(rng.integers(0, 30)), p=p))
            rows.append((f"d{d:03d}", s_id, toks))
    sents = pd.DataFrame(
        {
            "doc_id": [r[0] for r in rows],
            "sent_id": [r[1] for r in rows],
            "start": 0,
            "end": 0,
            "sentence": "",
            "tokens": pd.Series([r[2] for r in rows], dtype=object),
            "n_tokens": [len(r[2]) for r in rows],
        }
    )
    corpus = pd.DataFrame(
        {
            "doc_id": [f"d{d:03d}" for d in range(n_docs)],
            "text": "constructed",
            "side": np.where(np.arange(n_docs) % 3 == 0, "T", "R"),
        }
    )
    return Tokens(corpus=corpus, sentences=sents), rows


def test_keyness_from_tokens_equals_counter_and_scipy_loop():
    from collections import Counter

    tk, rows = _constructed_tokens()
    side = dict(zip(tk.corpus["doc_id"], tk.corpus["side"], strict=True))
    counts = {"T": Counter(), "R": Counter()}
    for doc_id, _, toks in rows:  # lower case, punctuation dropped: the default filters
        counts[side[doc_id]].update(t.lower() for t in toks if t not in (",", "."))
    t_total, r_total = sum(counts["T"].values()), sum(counts["R"].values())
    out = keyness(tk, "T", by="side", house_style=False)
    assert len(out) > 1024  # large enough for the p-values' repeated-value path
    assert set(out["term"]) == set(counts["T"]) | set(counts["R"])
    for row in out.itertuples():
        x, y = counts["T"][row.term], counts["R"][row.term]
        assert (row.target_count, row.reference_count) == (x, y)
        res = chi2_contingency([[x, y], [t_total - x, r_total - y]], correction=True)
        assert abs(row.chi2) == pytest.approx(res.statistic, rel=1e-9, abs=1e-12)
        assert row.p == pytest.approx(res.pvalue, rel=1e-9)
    # sorted by the statistic, descending, ties by term: checked with Python's sort
    pairs = list(zip(out["chi2"], out["term"], strict=True))
    expected = sorted(pairs, key=lambda r: (-r[0], r[1]))
    assert pairs == expected
    assert out["target_total"].iat[0] == t_total and out["reference_total"].iat[0] == r_total
