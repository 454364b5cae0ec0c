"""The cross-language tone section: Korean-language tone toward Japan against
Japanese-language tone toward Korea, on the constructed ko/ja demo articles
(``load_demo_ko_ja``: written for the project, not real news)."""

import math

import pandas as pd
import pytest

from toolkit.corpus.demo import load_demo_ko_ja
from toolkit.measures.tone.scoring import target_tone
from toolkit.report.build import build_report
from toolkit.report.sections.cross_language import cross_language_table, tone_toward_by_language

# Hand count of the demo texts: 일본 in each Korean article, 韓国 in each
# Japanese one (no other name of the two countries appears in them except
# 한국/서울 in ko-02, 03, 05, 07, which name Korea, not Japan).
JAPAN_IN_KO = {1: 4, 2: 3, 3: 2, 4: 1, 5: 2, 6: 1, 7: 4, 8: 1, 9: 3, 10: 1}
KOREA_IN_JA = {1: 2, 2: 1, 3: 2, 4: 2, 5: 1, 6: 0, 7: 3, 8: 2, 9: 2, 10: 1}


@pytest.fixture(scope="module")
def demo():
    return load_demo_ko_ja()


@pytest.fixture(scope="module")
def docs(demo):
    return tone_toward_by_language(demo)


def test_every_article_and_target_is_accounted_for(docs):
    assert len(docs) == 40  # 20 articles x (KR, JP)
    assert set(docs.groupby("doc_id").size()) == {2}
    ko_jp = docs[(docs.language == "ko") & (docs.target == "JP")].set_index("doc_id")
    ja_kr = docs[(docs.language == "ja") & (docs.target == "KR")].set_index("doc_id")
    assert ko_jp["n_mentions"].to_dict() == {f"demo-ko-{i:02d}": n for i, n in JAPAN_IN_KO.items()}
    assert ja_kr["n_mentions"].to_dict() == {f"demo-ja-{i:02d}": n for i, n in KOREA_IN_JA.items()}
    # demo-ja-06 (Fukushima water, fishers) never names Korea: no score, not 0
    row = ja_kr.loc["demo-ja-06"]
    assert row["status"] == "no mention" and math.isnan(row["tone"])
    assert (ja_kr.drop(index="demo-ja-06")["status"] == "ok").all()


def test_cells_average_articles_not_mentions(demo, docs):
    cells, diff = cross_language_table(docs, n_boot=200, random_state=1)
    # Second implementation: article means of the mention scores, then their
    # plain mean over articles.
    m = target_tone(demo, actors=["KR", "JP"])
    m["language"] = m["doc_id"].str[5:7]

    def by_hand(lang, target):
        sub = m[(m.language == lang) & (m.target == target)]
        per_article = sub.groupby("doc_id")["tone"].mean()
        return float(per_article.mean()), len(per_article)

    head = cells[cells["headline"]].set_index("language")
    assert list(head.index) == ["ko", "ja"]
    for lang, target in (("ko", "JP"), ("ja", "KR")):
        want, n = by_hand(lang, target)
        assert head.loc[lang, "mean"] == pytest.approx(want, abs=1e-12)
        assert head.loc[lang, "n_docs"] == n
        assert head.loc[lang, "n_articles"] == 10
        assert head.loc[lang, "ci_low"] <= want <= head.loc[lang, "ci_high"]
    assert head.loc["ko", "n_docs"] == 10 and head.loc["ja", "n_docs"] == 9  # hand count
    assert head.loc["ko", "toward"] == "Japan" and head.loc["ja", "toward"] == "South Korea"
    assert "unvalidated" in head.loc["ja", "measure"]
    assert "unvalidated" not in head.loc["ko", "measure"]
    # the headline difference is Korean-language minus Japanese-language
    d = diff.iloc[0]
    assert d["difference"] == pytest.approx(by_hand("ko", "JP")[0] - by_hand("ja", "KR")[0])
    assert (d["n_docs_a"], d["n_docs_b"]) == (10, 9)
    assert d["ci_low"] <= d["difference"] <= d["ci_high"]


def test_hand_values_on_a_constructed_table():
    # Article scores written by hand: Korean-language toward JP -0.4 and 0.0
    # (mean -0.2); Japanese-language toward KR 0.3 (one article); an English
    # article toward both; a French one is left out of the cells.
    d = pd.DataFrame(
        {
            "doc_id": ["k1", "k2", "j1", "e1", "e1", "f1"],
            "language": ["ko", "ko", "ja", "en", "en", "fr"],
            "target": ["JP", "JP", "KR", "KR", "JP", "JP"],
            "tone": [-0.4, 0.0, 0.3, 0.1, -0.1, 0.9],
            "n_mentions": [2, 1, 1, 1, 1, 1],
            "status": ["ok"] * 6,
        }
    )
    cells, diff = cross_language_table(d, n_boot=100)
    got = cells[["press", "toward", "n_docs", "headline"]].values.tolist()
    assert got == [
        ["Korean-language", "Japan", 2, True],
        ["Japanese-language", "South Korea", 1, True],
        ["English-language", "Japan", 1, False],
        ["English-language", "South Korea", 1, False],
    ]
    assert cells["mean"].tolist() == pytest.approx([-0.2, 0.3, -0.1, 0.1])
    assert math.isnan(cells.loc[1, "ci_low"])  # one article: no interval
    assert diff.loc[0, "difference"] == pytest.approx(-0.5)
    # no Japanese-language article: cells, but no difference
    cells2, diff2 = cross_language_table(d[d.language != "ja"], n_boot=100)
    assert len(cells2) == 3 and diff2.empty


def test_report_section_says_japanese_tone_is_unvalidated(tmp_path, demo):
    index = build_report(demo, out_dir=tmp_path, sections=["cross_language"], progress=False)
    page = index.read_text(encoding="utf-8")
    assert "This section failed" not in page and "Tone across languages" in page
    assert "Japanese tone is unvalidated" in page
    table = pd.read_csv(tmp_path / "tables" / "tone_across_languages.csv")
    assert len(table) == 4 and table["headline"].sum() == 2
    per_doc = pd.read_csv(tmp_path / "tables" / "tone_across_languages_documents.csv")
    assert per_doc["doc_id"].nunique() == 20


def test_report_section_without_korean_or_japanese_says_so(tmp_path):
    corpus = pd.DataFrame({"text": ["Seoul and Tokyo met."], "language": ["en"]})  # constructed
    index = build_report(corpus, out_dir=tmp_path, sections=["cross_language"], progress=False)
    page = index.read_text(encoding="utf-8")
    assert "Needs Korean- or Japanese-language articles" in page
