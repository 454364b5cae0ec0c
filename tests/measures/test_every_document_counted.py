"""Rule: every input document is accounted for in every per-document output.

One awkward corpus (constructed text) goes through every document-level
measure: empty, missing, whitespace-only and markup-only texts, Korean and
Japanese text, mixed scripts, an exact duplicate and a very long document.
"""

import pandas as pd
import pytest

import toolkit
from toolkit.corpus.duplicates import find_duplicates
from toolkit.measures.framing import frames
from toolkit.measures.tone.scoring import target_tone, tone

TEXTS = [
    'Seoul protested Tokyo\'s claim to Dokdo. "We reject it," an official said.',
    None,
    "",
    "   ",
    "<p>Tokyo &amp; Seoul met.</p>",
    "<div></div>",
    "독도는 한국 땅이다. 일본은 항의했다.",
    "竹島は日本の領土だ。韓国は反発した。",
    'Seoul protested Tokyo\'s claim to Dokdo. "We reject it," an official said.',
    "Seoul 서울 and Tokyo 東京 talked about the East Sea. 서울과 도쿄는 동해를 논의했다.",
    "The talks on the Sea of Japan collapsed again. " * 2000,
]


@pytest.fixture(scope="module")
def tokens():
    corpus = toolkit.load_corpus(
        pd.DataFrame({"text": TEXTS, "outlet": "Yonhap", "date": "2019-01-01"})
    )
    return toolkit.tokenize(corpus)


def test_corpus_keeps_and_labels_every_row(tokens):
    c = tokens.corpus
    assert len(c) == len(TEXTS)
    assert c["status"].tolist() == [
        "ok",
        "empty",
        "empty",
        "empty",
        "ok",
        "empty",
        "ok",
        "ok",
        "ok",
        "ok",
        "ok",
    ]
    assert (c.loc[c["status"] == "empty", "status_reason"] != "").all()
    assert c["language"].tolist()[6:8] == ["ko", "ja"]
    assert bool(c.loc[8, "is_duplicate"]) and c.loc[8, "dup_group"] == c.loc[0, "doc_id"]


@pytest.mark.parametrize(
    "measure",
    [
        lambda tk: tone(tk, level="document"),
        lambda tk: tone(tk, method="vader", level="document"),
        lambda tk: tone(tk, method="textblob", level="document"),
        lambda tk: tone(tk, method="dictionary", level="document"),
        lambda tk: frames(tk),
        lambda tk: frames(tk, lexicon="generic"),
        lambda tk: find_duplicates(tk.corpus),
        lambda tk: tk.by_doc(),
    ],
    ids=[
        "tone-news",
        "tone-vader",
        "tone-textblob",
        "tone-dictionary",
        "frames-issue",
        "frames-generic",
        "find_duplicates",
        "tokens-by_doc",
    ],
)
def test_one_row_per_document(tokens, measure):
    out = measure(tokens)
    assert out["doc_id"].tolist() == tokens.doc_ids


def test_empty_documents_are_unscored_not_zero(tokens):
    out = tone(tokens, level="document").set_index("doc_id")
    empty = tokens.corpus.loc[tokens.corpus["status"] == "empty", "doc_id"]
    assert out.loc[empty, "tone"].isna().all()
    english = tokens.corpus.loc[tokens.corpus["language"] == "en", "doc_id"]
    assert out.loc[english.drop(empty.index, errors="ignore"), "tone"].notna().all()


def test_target_tone_documents_cover_the_corpus(tokens):
    out = target_tone(tokens, level="document")
    assert set(out["doc_id"]) == set(tokens.doc_ids)


def test_english_only_tone_leaves_korean_and_japanese_unscored_with_a_reason(tokens):
    out = tone(tokens, method="vader", level="document").set_index("doc_id")
    ko, ja = tokens.doc_ids[6], tokens.doc_ids[7]
    assert out.loc[[ko, ja], "tone"].isna().all()
    assert out.loc[ko, "status"] == "not measured: language 'ko' (method 'vader' is English-only)"
    assert out.loc[ja, "status"].startswith("not measured: language 'ja'")
    # the news method reads Korean and Japanese: 항의 (protest), 反発 (backlash)
    news = tone(tokens, level="document").set_index("doc_id")
    assert (news.loc[[ko, ja], "status"] == "ok").all()
    assert (news.loc[[ko, ja], "tone"] < 0).all()
    # a user dictionary may be Korean (its words are morphemes: 항의했다 is
    # 항의 + 하 + 었 + 다): then Korean documents are scored
    kdict = {"positive": ["한국"], "negative": ["항의"]}
    d = tone(tokens, method="dictionary", lexicon=kdict, level="document").set_index("doc_id")
    assert d.loc[ko, "status"] == "ok" and d.loc[ko, "neg"] == 1
    # the bundled English dictionary passed explicitly is still English
    from toolkit.measures.tone.news import news_dictionary

    d = tone(tokens, method="dictionary", lexicon=news_dictionary(), level="document").set_index(
        "doc_id"
    )
    assert d.loc[ko, "status"] == (
        "not measured: language 'ko' (dictionary 'news_dictionary' is in 'en')"
    )
    assert pd.isna(d.loc[ko, "tone"])


def test_target_tone_leaves_korean_and_japanese_mentions_unscored(tokens):
    ko, ja = tokens.doc_ids[6], tokens.doc_ids[7]
    mentions = target_tone(tokens, method="vader")
    assert mentions["doc_id"].isin([ko, ja]).any()  # 독도/한국/일본 are found ...
    assert mentions.loc[mentions["doc_id"].isin([ko, ja]), "tone"].isna().all()  # ... not scored
    assert mentions.loc[mentions["doc_id"] == tokens.doc_ids[0], "tone"].notna().all()
    doc = target_tone(tokens, actors=["KR", "JP"], method="vader", level="document")
    st = doc.loc[(doc["doc_id"] == ko) & (doc["target"] == "JP"), "status"].item()
    assert st == "not measured: language 'ko' (method 'vader' is English-only)"
    # ... by the English-only methods; the news method scores them
    news = target_tone(tokens, method="news")
    assert news.loc[news["doc_id"].isin([ko, ja]), "tone"].notna().all()


def test_document_tone_from_sentences_keeps_every_document_and_status(tokens):
    from toolkit.measures.tone.scoring import document_tone

    sent = tone(tokens, method="textblob")
    out = document_tone(sent, tokens).set_index("doc_id")
    assert out.index.tolist() == tokens.doc_ids
    ko = tokens.doc_ids[6]
    assert (
        out.loc[ko, "status"] == "not measured: language 'ko' (method 'textblob' is English-only)"
    )
    empty = tokens.corpus.loc[tokens.corpus["status"] == "empty", "doc_id"]
    assert out.loc[empty, "tone"].isna().all()


def test_bundled_frames_do_not_measure_korean_or_japanese(tokens):
    out = frames(tokens).set_index("doc_id")
    ko, ja = tokens.doc_ids[6], tokens.doc_ids[7]
    assert out.loc[ko, "status"].startswith("not measured: language 'ko'")
    assert out.loc[ja, "status"].startswith("not measured: language 'ja'")
    assert out.loc[[ko, ja], "history_rate"].isna().all()
    # a user dictionary in Korean measures them
    user = frames(tokens, lexicon={"territory": ["독도*"]}).set_index("doc_id")
    assert user.loc[ko, "status"] == "ok" and user.loc[ko, "territory_count"] == 1
    # the bundled dictionary passed as an object is still English
    from toolkit.measures.framing import frame_dictionary

    same = frames(tokens, lexicon=frame_dictionary("issue")).set_index("doc_id")
    assert (
        same.loc[ko, "status"]
        == "not measured: language 'ko' (dictionary 'issue_frames' is in 'en')"
    )
