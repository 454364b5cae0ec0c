"""Coding sheets, comparison with human codes, and intercoder reliability."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from toolkit.validity import (
    coding_sheet,
    cohen_kappa,
    compare_to_human,
    read_coding_sheet,
    reliability,
)


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    # Constructed sentences: outlet X has 9 sentences, Y 3, Z 6.
    texts = {
        "x1": "Talks resumed. Ties frayed. Aides met.",
        "x2": "Seoul protested. Tokyo replied. Envoys left.",
        "x3": "Trade fell. Exports rose. Prices held.",
        "y1": "The summit ended. Leaders smiled. Nothing changed.",
        "z1": "Ships sailed. Planes flew. Troops waited.",
        "z2": "Officials spoke. Critics objected. Voters shrugged.",
    }
    return pd.DataFrame(
        {
            "doc_id": list(texts),
            "text": list(texts.values()),
            "outlet": ["X", "X", "X", "Y", "Z", "Z"],
        }
    )


def test_coding_sheet_stratified_and_blinded(corpus, tmp_path):
    sheet, key = coding_sheet(corpus, n=9, by="outlet", path=tmp_path / "sheet.csv")
    # equal allocation: 3 per outlet (Y has exactly 3)
    assert key["outlet"].value_counts().to_dict() == {"X": 3, "Y": 3, "Z": 3}
    assert list(sheet.columns) == ["item_id", "text", "code", "notes"]
    assert sheet["code"].eq("").all()
    assert set(key.columns) == {"item_id", "doc_id", "sent_id", "outlet"}
    assert (tmp_path / "sheet.csv").exists() and (tmp_path / "sheet_key.csv").exists()
    # texts on the sheet are the sentences the key points to (each fixture text is
    # three short sentences, split here by hand at ". ")
    sents = {
        (d, k): part if part.endswith(".") else part + "."
        for d, text in zip(corpus["doc_id"], corpus["text"], strict=True)
        for k, part in enumerate(text.split(". "))
    }
    row = key.merge(sheet, on="item_id")
    assert len(row) == 9
    assert [sents[(d, k)] for d, k in zip(row["doc_id"], row["sent_id"], strict=True)] == (
        row["text"].tolist()
    )


def test_coding_sheet_reallocates_and_ignores_row_order(corpus):
    _, key = coding_sheet(corpus, n=12, by="outlet")
    # Y can give only 3; its share goes to X and Z
    assert key["outlet"].value_counts().to_dict() == {"X": 5, "Z": 4, "Y": 3} or (
        key["outlet"].value_counts().to_dict() == {"X": 4, "Z": 5, "Y": 3}
    )
    a, ka = coding_sheet(corpus, n=7, by="outlet", random_state=3)
    b, kb = coding_sheet(corpus.iloc[::-1], n=7, by="outlet", random_state=3)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(ka, kb)


def test_document_sheet(corpus):
    sheet, key = coding_sheet(corpus, n=2, level="document")
    assert len(sheet) == 2 and "sent_id" not in key.columns
    texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
    row = key.merge(sheet, on="item_id")
    assert row["text"].tolist() == [texts[d] for d in row["doc_id"]]


def test_read_back_joins_key_and_names_bad_codes(corpus, tmp_path):
    path = tmp_path / "s.csv"
    sheet, key = coding_sheet(corpus, n=4, path=path, coders=["coder_a", "coder_b"])
    filled = sheet.assign(coder_a=[1, 0, -1, ""], coder_b=[1, 0, 0, 1])
    filled.to_csv(path, index=False)
    back = read_coding_sheet(path)
    assert back["coder_a"].tolist()[:3] == [1.0, 0.0, -1.0] and np.isnan(back["coder_a"].iloc[3])
    assert back["doc_id"].tolist() == key["doc_id"].tolist()
    filled.assign(coder_b=["1", "x", "0", "1"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"item-002 \(row 3\), column 'coder_b'"):
        read_coding_sheet(path)


def test_compare_to_human_against_scipy_and_hand_counts():
    s = pd.DataFrame({"doc_id": list("abcdef"), "tone": [0.5, -0.4, 0.0, 0.3, -0.02, -0.6]})
    h = pd.DataFrame({"doc_id": list("abcdef"), "code": [5, 1, 3, 1, 3, 2]})
    r = compare_to_human(s, h, code_range=(1, 5))
    y = (np.array([5, 1, 3, 1, 3, 2]) - 1) / 2 - 1  # 1..5 onto -1..1
    x = s["tone"].to_numpy()
    assert r.summary.loc[0, "pearson"] == pytest.approx(stats.pearsonr(x, y)[0])
    assert r.summary.loc[0, "spearman"] == pytest.approx(stats.spearmanr(x, y)[0])
    assert r.summary.loc[0, "mae"] == pytest.approx(np.abs(x - y).mean())
    # human classes: + - 0 - 0 -; measure: + - 0 + 0 -
    assert r.confusion.loc["negative"].tolist() == [2, 0, 1]
    assert r.confusion.loc["neutral"].tolist() == [0, 2, 0]
    assert r.confusion.loc["positive"].tolist() == [0, 0, 1]
    pc = r.per_class.set_index("class")
    assert pc.loc["positive", "precision"] == pytest.approx(0.5)
    assert pc.loc["negative", "recall"] == pytest.approx(2 / 3)
    assert pc.loc["negative", "f1"] == pytest.approx(0.8)
    assert r.summary.loc[0, "macro_f1"] == pytest.approx((0.8 + 1.0 + 2 / 3) / 3)


def test_cohen_kappa_hand_worked_table():
    # 2x2 table: yes/yes 20, yes/no 5, no/yes 10, no/no 15 (n = 50)
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    # p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2/0.5 = 0.4
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    # linear weights over the observed, sorted codes 0 < 1 < 2; a = (2,0,1,2), b = (2,1,1,0)
    # observed weighted disagreement: |2-2| + |0-1| + |1-1| + |2-0| = 3 -> 3/4
    # expected: margins a = (1/4, 1/4, 2/4), b = (1/4, 2/4, 1/4) over codes (0, 1, 2):
    # sum_ij |i-j| a_i b_j = [a0(b1 + 2 b2) + a1(b0 + b2) + a2(2 b0 + b1)]
    #                      = 1/4*1 + 1/4*2/4 + 2/4*1 = 0.875 -> kappa = 1 - 0.75/0.875
    assert cohen_kappa([2, 0, 1, 2], [2, 1, 1, 0], weights="linear") == pytest.approx(
        1 - 0.75 / 0.875
    )
    assert cohen_kappa([1, 2, 3], [1, 2, 3]) == 1.0


def test_reliability_alpha_hand_worked():
    d = pd.DataFrame({"a": [1, 0, 1, 0], "b": [1, 0, 0, 0]})
    out = reliability(d, ["a", "b"], scale="nominal")
    # coincidences: o00 = 4, o11 = 2, o01 = o10 = 1; n0 = 5, n1 = 3, n = 8
    # alpha = 1 - (n - 1) * (o01 + o10) / (2 * n0 * n1) = 1 - 7 * 2 / 30
    assert out.loc[0, "value"] == pytest.approx(1 - 14 / 30)
    assert out.loc[0, "n_items"] == 4
    # kappa: p_o = 3/4; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2 -> 0.5
    assert out.loc[1, "statistic"] == "cohen_kappa"
    assert out.loc[1, "value"] == pytest.approx(0.5)


def test_reliability_needs_two_coders():
    with pytest.raises(ValueError, match="two coder"):
        reliability(pd.DataFrame({"a": [1]}), ["a"])


def test_ratings_exactly_on_a_cut_off_stay_neutral():
    # mean ratings of +-0.2 on a -4..4 scale are +-0.05 after rescaling: on the
    # cut-off, so neutral (floating-point error once made 0.2 positive)
    s = pd.DataFrame({"doc_id": list("abc"), "tone": [0.0, 0.0, 0.1]})
    h = pd.DataFrame({"doc_id": list("abc"), "code": [0.2, -0.2, 0.25]})
    r = compare_to_human(s, h, code_range=(-4, 4))
    assert r.confusion.loc["neutral", "neutral"] == 2 and r.summary.loc[0, "accuracy"] == 1.0
