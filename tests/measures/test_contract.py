"""The output contract (docs/output_contract.md), checked for every public measure.

One small corpus of constructed sentences (written for this test, no real
quotes) in English, Korean, Japanese and Chinese, plus an empty and an
unreadable document, goes through every measure. Expected values are counted
by hand from the texts below and the bundled dictionaries' entries
(toolkit/data/frames/issue_frames.yaml, toolkit/data/naming.yaml).
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit._meta import STATUSES, status_kind
from toolkit.corpus.load import STATUSES as LOADER_STATUSES
from toolkit.corpus.load import load_corpus
from toolkit.tokens.tokenizer import as_corpus, as_tokens

# Constructed texts: (outlet, text). "bad" stands for a record the loader
# could not read (its text is replaced below, as the loader does).
TEXTS = {
    "en1": (
        "Alpha",
        "Japan's prime minister said the talks with Seoul would continue. Protesters "
        "rallied in Seoul over the colonial rule and the court ruling on compensation.",
    ),
    "en2": (
        "Alpha",
        'South Korea and Japan signed an export control deal. "We welcome the deal," '
        "said a trade official in Tokyo.",
    ),
    "empty": ("Alpha", ""),
    "ko1": (
        "Hangul",
        "한국 정부는 일본의 수출 규제를 비판했다. 외교부는 독도 문제에 대해 항의했다.",
    ),
    "bad": ("Hangul", "placeholder"),
    "ja1": ("Kana", "日本政府は韓国との首脳会談を開いた。外務省は竹島について抗議した。"),
    "zh1": ("Han", "外交部发言人表示反对这一决定。"),
}
IDS = list(TEXTS)
OUTLETS = ["Alpha", "Han", "Hangul", "Kana"]
NO_TEXT = {"empty": "empty", "bad": "unreadable"}
OTHER = ("ko1", "ja1", "zh1")  # not English


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    c = load_corpus(
        pd.DataFrame(
            {
                "doc_id": IDS,
                "outlet": [o for o, _ in TEXTS.values()],
                "text": [t for _, t in TEXTS.values()],
            }
        )
    )
    bad = c["doc_id"] == "bad"
    c.loc[bad, ["text", "status", "status_reason"]] = ["", "unreadable", "unreadable: constructed"]
    return c


@pytest.fixture(scope="module")
def tk(corpus: pd.DataFrame) -> toolkit.Tokens:
    return toolkit.tokenize(corpus)


def quiet(func, *args, **kwargs):
    """Call a measure and return (result, the 'could not be measured' warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = func(*args, **kwargs)
    said = [w for w in caught if "could not be measured" in str(w.message)]
    return out, said


def check_attrs(out: pd.DataFrame, measure: str, n_docs: int | None = 7) -> None:
    assert out.attrs["measure"] == measure
    assert isinstance(out.attrs["params"], dict)
    assert out.attrs["toolkit_version"] == toolkit.__version__
    if n_docs is None:
        assert "n_docs" not in out.attrs
    else:
        assert out.attrs["n_docs"] == n_docs
    assert "n_documents" not in out.attrs  # one name: n_docs


def check_document_table(out: pd.DataFrame, ids: list[str] = IDS) -> None:
    """One row per input document, in corpus order, statuses from the vocabulary."""
    assert out["doc_id"].tolist() == ids
    assert out["status"].map(status_kind).isin(STATUSES).all()


def check_unmeasured(out: pd.DataFrame, expected: dict[str, str]) -> None:
    """The documents not read are listed with their status; none of them has rows."""
    got = out.attrs["unmeasured"]
    assert {d: status_kind(s) for d, s in got.items()} == expected
    assert out.attrs["n_unmeasured"] == len(expected)
    assert not set(out["doc_id"]) & set(expected)
    # pandas deep-copies attrs on every operation: the statuses are shared, not copied
    assert out.head(1).attrs["unmeasured"] is got


# -- the vocabulary and the input path ---------------------------------------


def test_one_status_vocabulary_builds_on_the_loader() -> None:
    # the loader's statuses that mean "nothing to read" are measure statuses
    # too; "truncated" documents are measured ("ok")
    assert {"ok", "empty", "unreadable"} <= set(STATUSES) & set(LOADER_STATUSES)
    assert "not measured" in STATUSES and "truncated" not in STATUSES


def test_is_this_a_corpus_is_decided_in_one_place(corpus: pd.DataFrame) -> None:
    assert as_corpus(corpus) is corpus
    assert as_tokens(corpus).corpus is corpus
    # a table with a status column of its own is not a loaded corpus
    own = pd.DataFrame({"doc_id": ["a"], "text": ["Seoul met Tokyo."], "status": ["draft"]})
    loaded = as_corpus(own)
    assert loaded["status"].tolist() == ["ok"] and loaded["user_status"].tolist() == ["draft"]
    assert toolkit.tokenize(own).corpus["user_status"].tolist() == ["draft"]
    # tone's own corpus path is gone: every module goes through toolkit.tokens
    root = Path(toolkit.__file__).parent
    for path in root.rglob("*.py"):
        names = {
            a.name
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom)
            for a in node.names
        }
        assert not names & {"_corpus_of", "_sentence_table"}, path


# -- frames --------------------------------------------------------------


def test_frames_one_row_per_document_na_for_unmeasured(tk) -> None:
    f = toolkit.frames(tk)
    check_document_table(f)
    check_attrs(f, "frames")
    s = f.set_index("doc_id")
    # hand counts from issue_frames.yaml: court, ruling*, compensat* | colonial rule | talks
    assert (s.loc["en1", "law_count"], s.loc["en1", "history_count"]) == (3, 1)
    assert s.loc["en1", "diplomacy_count"] == 1 and s.loc["en1", "dominant_frame"] == "law"
    assert s.loc["en2", "economy_count"] == 2  # export*, trade
    assert bool(s.loc["en2", "law_present"]) is False  # measured, absent: False
    for doc in (*OTHER, *NO_TEXT):
        row = s.loc[doc]
        counts = row[[c for c in s.columns if c.endswith(("_count", "_present"))]]
        assert counts.isna().all(), doc  # NA, never 0/False
        assert pd.isna(row["n_frames"]) and pd.isna(row["dominant_frame"])
        assert pd.isna(row["dominant_tie"]) and np.isnan(row["law_rate"])
    assert s.loc["ko1", "status"].startswith("not measured: language 'ko'")
    assert s.loc["empty", "status"] == "empty" and s.loc["bad", "status"] == "unreadable"
    # a groupby mean reads unmeasured documents as missing, not as "no frame"
    assert f["law_present"].astype("Float64").mean() == pytest.approx(0.5)


def test_frames_sentence_level_marks_unmeasured_sentences(tk) -> None:
    f = toolkit.frames(tk, level="sentence")
    assert f["doc_id"].drop_duplicates().tolist() == IDS
    ko = f[f["doc_id"] == "ko1"]
    assert len(ko) == 2 and ko["territory_count"].isna().all()  # 독도 in the dictionary
    assert f["status"].map(status_kind).isin(STATUSES).all()


def test_a_dictionary_without_language_reads_its_own_script(tk) -> None:
    english = toolkit.frames(tk, lexicon={"trade": ["export*", "trade"]}).set_index("doc_id")
    assert english.loc["en2", "trade_count"] == 2
    assert english.loc["ko1", "status"].startswith("not measured: language 'ko'")
    assert pd.isna(english.loc["ko1", "trade_count"])
    korean = toolkit.frames(tk, lexicon={"trade": ["수출"]}).set_index("doc_id")
    assert korean.loc["ko1", "status"] == "ok" and korean.loc["ko1", "trade_count"] == 1
    assert korean.loc["en2", "status"].startswith("not measured: language 'en'")
    # tone's dictionary method follows the same rule
    t = toolkit.tone(
        tk,
        method="dictionary",
        level="document",
        lexicon={"positive": ["welcome"], "negative": ["protest*"]},
    ).set_index("doc_id")
    assert (t.loc["en1", "neg"], t.loc["en2", "pos"]) == (1, 1)
    assert t.loc["ko1", "status"] == "not measured: language 'ko' (dictionary 'user' is in 'en')"
    assert np.isnan(t.loc["ko1", "pos"])


def test_explain_frames_leaves_out_unmeasured_documents(tk) -> None:
    e = toolkit.explain_frames(tk)
    check_attrs(e, "explain_frames")
    # 독도 and 竹島 are issue-frame entries, but the dictionary is English
    check_unmeasured(
        e, {**NO_TEXT, "ko1": "not measured", "ja1": "not measured", "zh1": "not measured"}
    )
    assert sorted(e.loc[e["doc_id"] == "en1", "pattern"]) == sorted(
        ["talks", "protester*", "colonial rule", "court", "ruling*", "compensat*"]
    )
    one = toolkit.explain_frames(tk, doc_id=["en2", "ko1"])
    assert one["pattern"].tolist() == ["export*", "trade"]  # ko1: not measured, no rows


def test_frame_shares_keep_every_outlet_and_warn_once(tk) -> None:
    s, said = quiet(toolkit.frame_shares, tk, by="outlet", n_boot=20)
    check_attrs(s, "frame_shares")
    law = s[s["frame"] == "law"].set_index("outlet")
    assert law.index.tolist() == OUTLETS  # the all-Korean outlet is not dropped
    assert law.loc["Alpha", "share"] == 0.5  # en1 yes, en2 no
    assert law["n_docs"].tolist() == [2, 0, 0, 0]
    assert law["n_unmeasured"].tolist() == [1, 1, 2, 1]
    assert law.loc[["Han", "Hangul", "Kana"], "share"].isna().all()
    assert len(said) == 1 and "5 of 7" in str(said[0].message)
    assert s.attrs["n_unmeasured"] == 5


def test_frame_cooccurrence_counts_measured_documents(tk) -> None:
    m = toolkit.frame_cooccurrence(toolkit.frames(tk))
    check_attrs(m, "frame_cooccurrence")
    assert m.attrs["n_measured"] == 2
    assert m.loc["law", "law"] == 1 and m.loc["economy", "economy"] == 1
    assert m.loc["law", "history"] == 1 and m.loc["law", "economy"] == 0


# -- tone ----------------------------------------------------------------


def test_tone_document_level_nan_for_what_it_cannot_read(tk) -> None:
    d = toolkit.tone(tk, method="vader", level="document")
    check_document_table(d)
    check_attrs(d, "tone")
    s = d.set_index("doc_id")
    for doc in (*OTHER, *NO_TEXT):
        assert s.loc[doc, ["tone", "tone_mean", "share_negative", "share_positive"]].isna().all()
    assert s.loc["ko1", "status"] == (
        "not measured: language 'ko' (method 'vader' is English-only)"
    )
    assert s.loc["ko1", "n_sentences"] == 2  # a size, not a score: kept
    assert s.loc[["en1", "en2"], "status"].eq("ok").all()
    # the news method reads Korean and Japanese, not Chinese
    news = toolkit.tone(tk, level="document").set_index("doc_id")
    assert news.loc[["ko1", "ja1"], "status"].eq("ok").all()
    assert news.loc["zh1", "status"].startswith("not measured: language 'zh'")


def test_tone_sentences_and_document_tone(tk) -> None:
    s = toolkit.tone(tk, method="vader")
    check_attrs(s, "tone")
    assert s.loc[s["doc_id"].isin(OTHER), "tone"].isna().all()
    assert {k: status_kind(v) for k, v in s.attrs["unmeasured"].items()} == {
        **NO_TEXT,
        **dict.fromkeys(OTHER, "not measured"),
    }
    d = toolkit.document_tone(s, tk)
    check_document_table(d)
    check_attrs(d, "tone")
    pd.testing.assert_frame_equal(d, toolkit.tone(tk, method="vader", level="document"))


def test_target_tone_mentions_and_documents(tk) -> None:
    m = toolkit.target_tone(tk, actors=["JP", "KR"], method="vader")
    check_attrs(m, "target_tone")
    assert m.loc[m["doc_id"].isin(OTHER), "tone"].isna().all()
    d = toolkit.target_tone(tk, actors=["JP", "KR"], method="vader", level="document")
    check_attrs(d, "target_tone")
    assert d["doc_id"].tolist() == [x for x in IDS for _ in range(2)]
    assert d["status"].map(status_kind).isin(STATUSES).all()
    s = d.set_index(["doc_id", "target"])
    # Seoul twice in en1; Japan in en1; South Korea, Japan, Tokyo in en2
    assert s.loc[("en1", "KR"), "n_mentions"] == 2 and s.loc[("en2", "JP"), "n_mentions"] == 2
    for doc in (*OTHER, *NO_TEXT):
        assert pd.isna(s.loc[(doc, "JP"), "n_mentions"]) and np.isnan(s.loc[(doc, "JP"), "tone"])
    assert s.loc[("bad", "KR"), "status"] == "unreadable"


def test_aggregate_and_difference_count_unmeasured_per_group(tk, corpus) -> None:
    d = toolkit.tone(tk, method="vader", level="document").merge(corpus[["doc_id", "outlet"]])
    a, said = quiet(toolkit.aggregate, d, "tone", by="outlet", n_boot=20)
    check_attrs(a, "aggregate")
    assert a["outlet"].tolist() == OUTLETS
    assert a["n_docs"].tolist() == [2, 0, 0, 0]
    assert a["n_unmeasured"].tolist() == [1, 1, 2, 1]
    assert len(said) == 1 and "5 of 7" in str(said[0].message)
    diff, said = quiet(toolkit.difference, d, "tone", by="outlet", groups=("Alpha", "Hangul"))
    check_attrs(diff, "difference")
    assert (diff.loc[0, "n_docs_a"], diff.loc[0, "n_docs_b"]) == (2, 0)
    assert (diff.loc[0, "n_unmeasured_a"], diff.loc[0, "n_unmeasured_b"]) == (1, 2)
    assert np.isnan(diff.loc[0, "mean_b"])
    assert len(said) == 1 and "3 of 5" in str(said[0].message)  # Alpha 3 + Hangul 2


# -- actors, naming, quotes --------------------------------------------------


def test_actor_mentions_and_table(tk) -> None:
    a = toolkit.actor_mentions(tk)
    check_attrs(a, "actor_mentions")
    check_unmeasured(a, NO_TEXT)
    # 한국/일본, 日本/韓国: the actor lexicon reads Korean and Japanese
    assert sorted(a.loc[a["doc_id"] == "ko1", "matched"]) == ["일본", "한국"]
    assert a.loc[a["doc_id"] == "en1", "actor"].tolist() == ["JP", "KR", "KR"]
    t = toolkit.actor_table()
    check_attrs(t, "actor_table", n_docs=None)  # a table of the lexicon
    assert "Seoul" in t.loc[t["actor"] == "KR", "pattern"].tolist()


def test_naming_keeps_every_group(tk) -> None:
    lines = toolkit.naming_lines(tk)
    check_attrs(lines, "naming_lines")
    check_unmeasured(lines, NO_TEXT)
    # naming.yaml: "export control", "colonial rule"; text_patterns 수출 규제, 독도, 竹島
    assert lines[["doc_id", "variant"]].values.tolist() == [
        ["en1", "colonial_rule"],
        ["en2", "export_controls"],
        ["ko1", "export_restrictions"],
        ["ko1", "dokdo"],
        ["ja1", "takeshima"],
    ]
    n, said = quiet(toolkit.naming, tk, by="outlet")
    check_attrs(n, "naming")
    assert n["outlet"].drop_duplicates().tolist() == OUTLETS
    per = n.groupby("outlet")[["n_measured", "n_unmeasured"]].first()
    assert per.loc[OUTLETS].values.tolist() == [[2, 1], [1, 0], [1, 1], [1, 0]]
    han = n[n["outlet"] == "Han"]  # read, no contested name: count 0, share NaN
    assert (han["count"] == 0).all() and han["share"].isna().all()
    assert len(said) == 1 and "2 of 7" in str(said[0].message)


def test_quotes_sources_and_silent_people(tk) -> None:
    q = toolkit.quotes(tk)
    check_attrs(q, "quotes")
    check_unmeasured(q, {**NO_TEXT, "zh1": "not measured"})
    assert q[["doc_id", "kind"]].values.tolist() == [["en1", "indirect"], ["en2", "direct"]]
    s, said = quiet(toolkit.sources, tk, by="outlet")
    check_attrs(s, "sources")
    country = s[s["dimension"] == "speaker_country"].set_index("outlet")
    assert country.index.tolist() == OUTLETS
    assert country["n_docs"].tolist() == [2, 0, 1, 1]
    assert country["n_unmeasured"].tolist() == [1, 1, 1, 0]
    # the Chinese document is not read as a story quoting "unknown" people
    assert "unknown" not in s["category"].tolist()
    assert country.loc["Han", "category"] == "none" and np.isnan(country.loc["Han", "share"])
    assert len(said) == 1 and "3 of 7" in str(said[0].message)
    m = toolkit.mentioned_not_quoted(tk)
    check_attrs(m, "mentioned_not_quoted")
    check_unmeasured(m, {**NO_TEXT, **dict.fromkeys(OTHER, "not measured")})


# -- counts, keyness, concordances ------------------------------------------------


def test_frequencies_tf_idf_keyness_collocations(tk) -> None:
    f = toolkit.frequencies(tk)
    check_attrs(f, "frequencies")
    assert f.attrs["n_unmeasured"] == 2  # a term table counts them: no document to mark
    assert f.set_index("term").loc["seoul", "count"] == 2
    t = toolkit.tf_idf(tk)
    check_attrs(t, "tf_idf")
    check_unmeasured(t, NO_TEXT)
    assert t.attrs["n_measured"] == 5  # documents with tokens: the idf's D
    assert set(t["doc_id"]) == {"en1", "en2", "ko1", "ja1", "zh1"}
    k = toolkit.keyness(tk, by="outlet", target="Alpha")
    check_attrs(k, "keyness")
    assert (k.attrs["n_target_docs"], k.attrs["n_reference_docs"]) == (3, 4)
    assert k.attrs["n_unmeasured"] == 2
    c = toolkit.collocations(tk, min_count=2)
    check_attrs(c, "collocations")
    assert c.attrs["n_unmeasured"] == 2
    co = toolkit.cooccurrence(tk, "Seoul", min_count=1)
    check_attrs(co, "cooccurrence")


def test_kwic_and_dispersion(tk) -> None:
    k = toolkit.kwic(tk, "Seoul")
    check_attrs(k, "kwic")
    check_unmeasured(k, NO_TEXT)
    assert k[["doc_id", "sent_id"]].values.tolist() == [["en1", 0], ["en1", 1]]
    d = toolkit.dispersion(tk, "Seoul")
    check_attrs(d, "dispersion")
    assert set(d["doc_id"]) == set(IDS)  # every document has a row
    assert d.loc[d["doc_id"] == "en1", "sent_id"].tolist() == [0, 1]
    td = toolkit.term_dispersion(tk, terms=["seoul"])
    check_attrs(td, "term_dispersion")
    assert td.loc[0, "count"] == 2 and td.attrs["n_unmeasured"] == 2
