"""KWIC: pattern rules (multi-word tokens), contexts, sorting and rendering.

Example texts are constructed for the tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.measures.concordance import Concordance, kwic, kwic_html
from toolkit.tokens.tokenizer import tokenize

TEXT = (
    "The Rising Sun flag flew. North Korea and South Korea met. Comfort women rallied. "
    "The comfort station closed. Korean Peninsula tension rose. Korea won."
)


@pytest.fixture()
def corpus():
    return pd.DataFrame(
        {"doc_id": ["d1"], "text": [TEXT], "outlet": ["Hangang Daily"], "country": ["KR"]}
    )


@pytest.mark.parametrize(
    "pattern,expected",
    [
        ("North Korea", ["North Korea"]),
        ("north_korea", ["North Korea"]),
        ("Korea", ["Korea"]),  # the last sentence only: never part of North_Korea
        ("comfort women", ["Comfort women"]),
        ("comfort wom*", ["Comfort women"]),
        ("comfort*", ["Comfort women", "comfort"]),
        ("*Korea", ["North Korea", "South Korea", "Korea"]),
        ("Rising Sun*", ["Rising Sun flag"]),
        ("Rising Sun", []),  # two words cannot match a three-word token
        ("Korean Peninsula", ["Korean Peninsula"]),
        ("Sun*", []),
    ],
)
def test_patterns_and_multiword_tokens(corpus, pattern, expected):
    assert kwic(corpus, pattern)["keyword"].tolist() == expected


def test_phrase_matches_separate_tokens_when_not_joined(corpus):
    tk = tokenize(corpus, mwes=[])
    assert kwic(tk, "North Korea")["keyword"].tolist() == ["North Korea"]
    assert kwic(tk, "Korea")["keyword"].tolist() == ["Korea", "Korea", "Korea"]
    assert kwic(tk, "comfort wom*")["keyword"].tolist() == ["Comfort women"]


def test_regex_fixed_and_case(corpus):
    assert kwic(corpus, r"comfort wom[ae]n", match="regex")["keyword"].tolist() == ["Comfort women"]
    assert kwic(corpus, "comfort*", match="fixed").empty
    assert kwic(corpus, "comfort", case_sensitive=True)["keyword"].tolist() == ["comfort"]
    with pytest.raises(ValueError, match="match must be"):
        kwic(corpus, "x", match="lucene")
    with pytest.raises(ValueError, match="invalid pattern"):
        kwic(corpus, "(", match="regex")


def test_contexts_window_and_columns(corpus):
    out = kwic(corpus, "South Korea", window=3)
    row = out.iloc[0]
    # tokens: The Rising_Sun_flag flew . North_Korea and South_Korea met . ...
    assert row["left"] == ". North Korea and"
    assert row["right"] == "met. Comfort women"
    assert (row["doc_id"], row["sent_id"], row["token_id"]) == ("d1", 1, 6)
    assert row["outlet"] == "Hangang Daily" and row["pattern"] == "South Korea"
    assert list(out.columns[:7]) == [
        "doc_id",
        "sent_id",
        "token_id",
        "left",
        "keyword",
        "right",
        "pattern",
    ]
    edge = kwic(corpus, "The", window=2).iloc[0]
    assert edge["left"] == "" and edge["right"] == "Rising Sun flag flew"


def test_sorting():
    corpus = pd.DataFrame({"text": ["Beta Dokdo zeta. Alpha Dokdo yankee. Gamma Dokdo xray."]})
    by_left = kwic(corpus, "Dokdo", window=1, sort_by="left")["left"].tolist()
    assert by_left == ["Alpha", "Beta", "Gamma"]
    by_right = kwic(corpus, "Dokdo", window=1, sort_by="right")["right"].tolist()
    assert by_right == ["xray", "yankee", "zeta"]
    default = kwic(corpus, "Dokdo", window=1)["token_id"].tolist()
    assert default == sorted(default)
    with pytest.raises(ValueError, match="sort"):
        kwic(corpus, "Dokdo", sort_by="middle")


def test_left_sort_reads_nearest_word_first():
    corpus = pd.DataFrame({"text": ["Alpha zulu Dokdo here. Zulu alpha Dokdo here."]})
    out = kwic(corpus, "Dokdo", window=2, sort_by="left")
    assert out["left"].tolist() == ["Zulu alpha", "Alpha zulu"]  # L1: alpha < zulu


def test_html_csv_latex(corpus, tmp_path):
    out = kwic(corpus, "*Korea")
    assert isinstance(out, Concordance)
    page = out._repr_html_()
    assert page.count("<b>") == 3 and "text-align:right" in page
    assert "<b>North Korea</b>" in kwic_html(out)
    out.to_csv(tmp_path / "k.csv", index=False)
    back = pd.read_csv(tmp_path / "k.csv")
    assert back["keyword"].tolist() == ["North Korea", "South Korea", "Korea"]
    assert "North Korea" in out.to_latex(index=False)
    subset = out[["doc_id", "keyword"]]  # without contexts it falls back to a plain table
    assert "<table" in subset._repr_html_()


def test_document_order_and_every_document():
    corpus = pd.DataFrame(
        {"doc_id": ["b", "a", "c"], "text": ["Dokdo here.", "And Dokdo there.", ""]}
    )
    out = kwic(corpus, "Dokdo")
    assert out["doc_id"].tolist() == ["a", "b"]
    again = kwic(corpus.iloc[::-1].reset_index(drop=True), "Dokdo")
    pd.testing.assert_frame_equal(out, again)
    assert out.attrs["measure"] == "kwic"
