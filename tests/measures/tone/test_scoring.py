"""tone() and target_tone(): equality with direct VADER/TextBlob calls, hand counts."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import toolkit.measures.tone.scoring as sentiment
from tests._paths import FIXTURES
from toolkit.lexicons.dictionary import Dictionary
from toolkit.measures.tone.scoring import dictionary_scores, score_sentences, target_tone, tone
from toolkit.tokens.tokenizer import tokenize

FIX = FIXTURES / "tone"

# Constructed example text (not quotes of real coverage).
TEXTS = [
    "Seoul and Tokyo held security talks on Tuesday. Relations have frayed badly. "
    "Officials praised the cooperation, but critics were angry.",
    "Relations have frayed badly. The talks will resume in May!",
    "",
    "Relations have frayed badly.",
]


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": ["a", "b", "c", "d"], "text": TEXTS, "outlet": ["X", "Y", "X", "Y"]}
    )


@pytest.fixture(scope="module")
def tokens(corpus):
    return tokenize(corpus)


def test_vader_equals_direct_calls(tokens):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    an = SentimentIntensityAnalyzer()
    out = tone(tokens, method="vader")
    direct = pd.DataFrame([an.polarity_scores(s) for s in tokens.sentences["sentence"]])
    assert out[["doc_id", "sent_id"]].values.tolist() == (
        tokens.sentences[["doc_id", "sent_id"]].values.tolist()
    )
    for col in ("compound", "pos", "neu", "neg"):
        assert out[col].tolist() == direct[col].tolist()
    assert out["tone"].tolist() == direct["compound"].tolist()


def test_textblob_equals_direct_calls(tokens):
    from textblob import TextBlob

    out = tone(tokens, method="textblob")
    sents = tokens.sentences["sentence"]
    assert out["polarity"].tolist() == [TextBlob(s).sentiment.polarity for s in sents]
    assert out["subjectivity"].tolist() == [TextBlob(s).sentiment.subjectivity for s in sents]


def test_corpus_and_tokens_give_the_same_table(corpus, tokens):
    pd.testing.assert_frame_equal(tone(corpus, method="news"), tone(tokens, method="news"))


def test_document_level_aggregates_every_document(tokens):
    sent = tone(tokens, method="vader")
    doc = tone(tokens, method="vader", level="document").set_index("doc_id")
    assert list(doc.index) == ["a", "b", "c", "d"]
    a = sent[sent.doc_id == "a"]["tone"].tolist()
    assert len(a) == 3
    assert doc.loc["a", "tone"] == pytest.approx(sum(a) / 3)
    assert doc.loc["a", "tone_median"] == pytest.approx(sorted(a)[1])
    assert doc.loc["a", "share_negative"] == pytest.approx(sum(x < -0.05 for x in a) / 3)
    assert doc.loc["a", "share_positive"] == pytest.approx(sum(x > 0.05 for x in a) / 3)
    assert doc.loc["a", "n_sentences"] == 3
    # the empty document is kept, unscored, with its status
    assert doc.loc["c", "n_sentences"] == 0 and math.isnan(doc.loc["c", "tone"])
    assert doc.loc["c", "status"] == "empty"
    assert doc.attrs["measure"] == "tone" and doc.attrs["params"]["method"] == "vader"


def test_median_aggregate_fills_tone(tokens):
    doc = tone(tokens, method="vader", level="document", document_method="median")
    assert doc["tone"].equals(doc["tone_median"])


def test_repeated_sentences_scored_once(tokens, monkeypatch):
    calls: list[str] = []
    real = sentiment.vader_scores

    def counting(texts: list[str]):
        calls.extend(texts)
        return real(texts)

    # every VADER path of tone (tuples or arrays) scores through vader_scores
    monkeypatch.setattr(sentiment, "vader_scores", counting)
    out = tone(tokens, method="vader")
    # "Relations have frayed badly." occurs in three documents
    assert len(out) == 6  # a: 3 sentences, b: 2, c: none, d: 1
    assert len(calls) == 4 == len(set(calls))


def _tuple_path(tk, method: str) -> pd.DataFrame:
    """Oracle: sentence scores as tone built them before the array paths, one
    sentence at a time through the tuple scorers, into a DataFrame of tuples."""
    texts = tk.sentences["sentence"].astype(str).tolist()
    if method == "vader":
        rows = [sentiment._score_chunk("vader", [t])[0] for t in texts]
    else:
        rows = [sentiment._news_chunk("news", [("en", t)])[0] for t in texts]
    scores = pd.DataFrame(rows, columns=sentiment.COLUMNS[method])
    out = pd.concat([tk.sentences[["doc_id", "sent_id"]].reset_index(drop=True), scores], axis=1)
    if "n_hits" in out:
        out["n_hits"] = out["n_hits"].astype("int64")
    return out


@pytest.mark.parametrize("method", ["vader", "news"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_array_paths_equal_the_tuple_paths(tokens, method, jobs, monkeypatch):
    for name in (
        "_PARALLEL_MIN",
        "_VADER_PARALLEL_MIN",
        "_NEWS_PARALLEL_MIN",
    ):  # jobs=2: chunks in two processes
        monkeypatch.setattr(sentiment, name, 1)
    got, _ = sentiment._sentence_scores(tokens, method, None, 3, jobs)
    pd.testing.assert_frame_equal(got, _tuple_path(tokens, method), check_exact=True)


def test_news_sums_are_floats_even_without_positive_words():
    # Constructed: no sentence has a positive word, so every positive sum is
    # Python's integer 0 (sum of nothing); both paths still give float columns
    # and the same values (before 0.4.1 such a corpus got an int64 pos_sum).
    tk = tokenize(pd.DataFrame({"text": ["Relations have frayed badly.", "Talks collapsed."]}))
    got, _ = sentiment._sentence_scores(tk, "news", None, 3, 1)
    want = _tuple_path(tk, "news")
    assert got["pos_sum"].tolist() == [0.0, 0.0]  # hand count: no positive word
    assert got["pos_sum"].dtype == want["pos_sum"].dtype == np.float64
    assert got["neg_sum"].dtype == np.float64
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_parallel_scores_identical(tokens, monkeypatch, process_pools):
    for name in ("_PARALLEL_MIN", "_VADER_PARALLEL_MIN", "_NEWS_PARALLEL_MIN"):
        monkeypatch.setattr(sentiment, name, 1)
    for method in ("news", "vader", "dictionary"):
        one = tone(tokens, method=method, level="document", n_jobs=1)
        two = tone(tokens, method=method, level="document", n_jobs=2)
        pd.testing.assert_frame_equal(one, two)
    # news and vader (English): this process and one worker; dictionary: two workers
    assert process_pools == [1, 1, 2]


def test_dictionary_scores_formulas_by_hand():
    # pos 3, neg 1, 20 words
    out = dict(zip(sentiment.COLUMNS["dictionary"], dictionary_scores(3, 1, 20), strict=True))
    assert out["tone_per_token"] == pytest.approx(2 / 20)
    assert out["tone_relative"] == pytest.approx(2 / 4)
    assert out["tone_logit"] == pytest.approx(math.log(3.5 / 1.5))
    assert out["pos_pct"] == pytest.approx(15.0) and out["neg_pct"] == pytest.approx(5.0)
    assert out["gdelt_tone"] == pytest.approx(10.0) and out["polarity"] == pytest.approx(20.0)
    none = dict(zip(sentiment.COLUMNS["dictionary"], dictionary_scores(0, 0, 5), strict=True))
    assert none["tone"] == 0.0 and math.isnan(none["tone_relative"])


def test_dictionary_counts_with_negation_window():
    d = Dictionary({"positive": ["cooperat*", "good"], "negative": ["frayed", "tension*"]})
    sents = [
        # 1 pos (cooperation), 2 neg (frayed, tensions): 7 words
        "Cooperation continued although ties frayed amid tensions.",
        # "not" two tokens before "good" -> counted negative; 5 words
        "The talks were not very good.",
        # negator beyond the comma does not reach "good": positive
        "There was no doubt, good talks.",
    ]
    out = score_sentences(sents, "dictionary", lexicon=d)
    assert out[["pos", "neg", "n_tokens"]].values.tolist() == [[1, 2, 7], [0, 1, 6], [1, 0, 6]]
    assert out.loc[0, "tone_relative"] == pytest.approx((1 - 2) / 3)
    assert out.loc[1, "tone"] == pytest.approx(-1.0)


def test_lexicoder_negated_categories(tmp_path):
    out = score_sentences(
        ["This is not good.", "This is not bad.", "Cooperation is good."],
        "dictionary",
        lexicon=FIX / "mini_lsd.lc3",
    )
    # "not good" is neg_positive -> negative, and the plain "good" inside it is dropped
    assert out[["pos", "neg"]].values.tolist() == [[0, 1], [1, 0], [1, 0]]


def test_default_dictionary_is_the_news_dictionary(tokens):
    from toolkit.measures.tone.news import news_dictionary

    a = tone(tokens, method="dictionary")
    b = tone(tokens, method="dictionary", lexicon=news_dictionary())
    pd.testing.assert_frame_equal(a, b)
    assert a.loc[(a.doc_id == "d"), "neg"].tolist() == [2]  # "frayed", "badly"


def test_dictionary_document_level_sums_counts(tokens):
    d = Dictionary({"positive": ["cooperation", "praised"], "negative": ["frayed", "angry"]})
    doc = tone(
        tokens, method="dictionary", level="document", lexicon=d, document_method="counts"
    ).set_index("doc_id")
    # doc a: praised, cooperation | frayed, angry
    assert (doc.loc["a", "pos"], doc.loc["a", "neg"]) == (2, 2)
    assert doc.loc["a", "tone"] == 0.0
    assert doc.loc["d", "tone"] == -1.0 and math.isnan(doc.loc["c", "tone"])


@pytest.mark.parametrize(
    "method,aggregate",
    [
        ("news", "mean"),
        ("vader", "median"),
        ("textblob", "share_positive"),
        ("dictionary", "counts"),
        ("news", "share_negative"),
    ],
)
def test_document_tone_aggregates_sentences_like_plain_pandas(tokens, method, aggregate):
    from toolkit.measures.tone.scoring import document_tone

    sent = tone(tokens, method=method)
    got = document_tone(sent, tokens, document_method=aggregate).set_index("doc_id")
    # a second implementation of each aggregate, with pandas on the sentence table
    g = sent.groupby("doc_id")
    if aggregate == "counts":
        sums = g[["pos", "neg"]].sum()
        want = (sums["pos"] - sums["neg"]) / (sums["pos"] + sums["neg"])
    elif aggregate.startswith("share_"):
        sign = -1 if aggregate == "share_negative" else 1
        want = g["tone"].apply(lambda t: float((sign * t > 0.05).mean()))
    else:
        want = g["tone"].agg(aggregate)
    assert got.index.tolist() == tokens.doc_ids  # every document, in corpus order
    assert got.loc[want.index, "tone"].to_numpy() == pytest.approx(want.to_numpy())
    assert got.loc[want.index, "n_sentences"].tolist() == g.size().tolist()
    assert got.drop(want.index)["tone"].isna().all()  # documents without sentences
    assert got.attrs["params"]["level"] == "document"
    assert got.attrs["params"]["document_method"] == aggregate


def test_document_tone_by_hand(corpus):
    from toolkit.measures.tone.scoring import document_tone

    sent = tone(corpus, method="news")
    doc = document_tone(sent, corpus, document_method="share_negative").set_index("doc_id")
    # doc b: "Relations have frayed badly." (negative), "The talks will resume in May!"
    # (no lexicon word: 0), so half its sentences are negative
    b = sent[sent["doc_id"] == "b"]["tone"].tolist()
    assert b[0] < -0.05 and b[1] == 0.0
    assert doc.loc["b", "tone"] == 0.5 and doc.loc["d", "tone"] == 1.0
    assert math.isnan(doc.loc["c", "tone"]) and doc.loc["c", "status"] == "empty"


def test_document_tone_rejects_other_tables(corpus):
    from toolkit.measures.tone.scoring import document_tone

    docs = tone(corpus, level="document")
    with pytest.raises(ValueError, match="level='sentence'"):
        document_tone(docs, corpus)
    with pytest.raises(ValueError, match="document_method"):
        document_tone(tone(corpus), corpus, document_method="counts")
    other = pd.DataFrame({"doc_id": ["a"], "text": ["Relations have frayed."]})
    with pytest.raises(ValueError, match="not in data"):
        document_tone(tone(corpus), other)


def test_bad_arguments():
    c = pd.DataFrame({"text": ["Talks resumed."]})
    with pytest.raises(ValueError, match="method"):
        tone(c, method="liwc")
    with pytest.raises(ValueError, match="positive"):
        tone(c, method="dictionary", lexicon={"frames": ["talks"]})
    with pytest.raises(ValueError, match="level"):
        tone(c, level="paragraph")


def test_target_tone_sides_and_documents(corpus):
    c = pd.DataFrame(
        {
            "doc_id": ["p", "q"],
            "text": [
                "Seoul praised the talks, but Tokyo angered its neighbours.",
                "Talks resumed.",
            ],
        }
    )
    m = target_tone(c, actors=["KR", "JP"])
    assert m[["target", "matched"]].values.tolist() == [["KR", "Seoul"], ["JP", "Tokyo"]]
    text = c.text[0]
    assert [text[s:e] for s, e in zip(m.start, m.end, strict=True)] == ["Seoul", "Tokyo"]
    assert m.tone.iloc[0] > 0 > m.tone.iloc[1]
    d = target_tone(c, actors=["KR", "JP"], level="document")
    assert d[["doc_id", "target", "n_mentions", "status"]].values.tolist() == [
        ["p", "KR", 1, "ok"],
        ["p", "JP", 1, "ok"],
        ["q", "KR", 0, "no mention"],
        ["q", "JP", 0, "no mention"],
    ]
    assert np.isnan(d.tone.iloc[2])


def test_target_tone_pattern_and_window_method():
    c = pd.DataFrame({"text": ["The envoy was furious, while Kim stayed calm and hopeful."]})
    m = target_tone(c, actors="Kim", method="vader", window=3)
    assert m["matched"].tolist() == ["Kim"]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    # three words either side of the mention
    expected = SentimentIntensityAnalyzer().polarity_scores("furious, while Kim stayed calm and")
    assert m["tone"].iloc[0] == expected["compound"]


def test_report_section_writes_tables_and_cache(tmp_path):
    from toolkit.report.build import ReportContext
    from toolkit.report.sections import tone as section

    # Constructed articles from two fictional outlets.
    c = pd.DataFrame(
        {
            "doc_id": ["k1", "k2", "j1", "j2", "e"],
            "text": [
                "Seoul criticized Tokyo. Ties frayed.",
                "Seoul welcomed the talks.",
                "Tokyo praised Seoul.",
                "Japan and Korea agreed to cooperate.",
                "",
            ],
            "outlet": ["Han Daily", "Han Daily", "Edo Post", "Edo Post", "Edo Post"],
            "country": ["KR", "KR", "JP", "JP", "JP"],
            "date": ["2015-04-01", "2016-05-01", "2015-06-01", "2019-07-01", "2019-07-02"],
        }
    )
    from toolkit.corpus.load import load_corpus

    ctx = ReportContext(corpus=load_corpus(c), out_dir=tmp_path)
    html = section.build(ctx)
    assert "Tone toward South Korea and toward Japan" in html
    for name in (
        "tone_sentences",
        "tone_documents",
        "tone_by_outlet",
        "tone_by_country_over_time",
        "tone_toward_kr_jp_by_outlet_country",
    ):
        assert (tmp_path / "tables" / f"{name}.csv").exists()
    sents = pd.read_csv(tmp_path / "tables" / "tone_sentences.csv")
    assert len(sents) == 5  # k1 has two sentences, e none
    docs = pd.read_csv(tmp_path / "tables" / "tone_documents.csv")
    assert len(docs) == 5 and docs.loc[docs.doc_id == "e", "status"].item() == "empty"


# Constructed Korean and Japanese articles (no real speaker), added to the
# demo so the processes also score the other languages.
CJK_DOCS = pd.DataFrame(
    {
        "doc_id": ["ko-1", "ja-1"],
        "text": [
            "한국 정부는 일본과의 관계가 개선되었다고 밝혔다. 일본은 협력을 환영했다.",
            "日本政府は韓国との関係が改善したと説明した。韓国は協力を歓迎した。",
        ],
        "language": ["ko", "ja"],
    }
)


@pytest.fixture(scope="module")
def mixed_tokens():
    from toolkit.corpus.load import load_demo

    demo = load_demo()[["doc_id", "text", "language"]]
    return tokenize(pd.concat([demo, CJK_DOCS], ignore_index=True))


def test_news_tone_on_mixed_languages_is_the_same_in_processes(
    mixed_tokens, monkeypatch, process_pools
):
    for name in (
        "_PARALLEL_MIN",
        "_VADER_PARALLEL_MIN",
        "_NEWS_PARALLEL_MIN",
    ):  # the demo is below the real threshold
        monkeypatch.setattr(sentiment, name, 1)
    one = tone(mixed_tokens, n_jobs=1)
    two = tone(mixed_tokens, n_jobs=2)
    assert process_pools == [2]
    pd.testing.assert_frame_equal(one, two)
    assert two.loc[two["doc_id"].isin(["ko-1", "ja-1"]), "tone"].notna().all()
    pd.testing.assert_frame_equal(
        score_sentences(["Ties frayed.", "Talks resumed."] * 3, n_jobs=1),
        score_sentences(["Ties frayed.", "Talks resumed."] * 3, n_jobs=2),
    )


@pytest.mark.parametrize("level", ["mention", "document"])
def test_target_tone_is_the_same_in_processes(mixed_tokens, monkeypatch, process_pools, level):
    monkeypatch.setattr(sentiment, "_TARGET_PARALLEL_MIN", 1)
    for method in ("news", "vader"):
        one = target_tone(mixed_tokens, actors=["KR", "JP"], method=method, level=level, n_jobs=1)
        two = target_tone(mixed_tokens, actors=["KR", "JP"], method=method, level=level, n_jobs=2)
        pd.testing.assert_frame_equal(one, two)
        assert one.attrs == two.attrs
    assert process_pools == [2, 2]
    if level == "mention":  # the Korean and Japanese mentions were read in the workers
        assert {"ko-1", "ja-1"} <= set(two["doc_id"])


def test_small_corpora_stay_in_process_by_default(mixed_tokens, process_pools):
    tone(mixed_tokens)  # 1,654 sentences: under the thresholds
    target_tone(mixed_tokens, actors="KR")
    assert process_pools == []


@pytest.mark.parametrize("bad", [0, -2])
def test_bad_n_jobs_raises(corpus, bad):
    with pytest.raises(ValueError, match="n_jobs"):
        tone(corpus, n_jobs=bad)
    with pytest.raises(ValueError, match="n_jobs"):
        target_tone(corpus, n_jobs=bad)
    with pytest.raises(ValueError, match="n_jobs"):
        score_sentences(["Talks resumed."], n_jobs=bad)


@pytest.mark.parametrize("method", ["vader", "textblob"])
def test_a_long_run_of_blanks_is_scored_like_the_blank_it_is(method):
    # over LONG_SENTENCE_CHARS, text is scored in pieces; blanks have no
    # pieces, and used to end in a TypeError from an empty weighted mean
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from toolkit.measures.tone.scoring import LONG_SENTENCE_CHARS, score_sentences

    blanks = " \n\t" * (LONG_SENTENCE_CHARS // 3 + 1)
    got = score_sentences([blanks, "Good talks."], method=method)
    assert len(got) == 2
    if method == "vader":
        ref = SentimentIntensityAnalyzer().polarity_scores(blanks)
        assert got.loc[0, ["compound", "pos", "neu", "neg"]].tolist() == [
            ref["compound"],
            ref["pos"],
            ref["neu"],
            ref["neg"],
        ]
    else:
        ref = TextBlob(blanks).sentiment
        assert got.loc[0, ["tone", "subjectivity"]].tolist() == [ref.polarity, ref.subjectivity]


def test_english_news_and_vader_have_their_own_process_thresholds(
    tokens, monkeypatch, process_pools
):
    # the general threshold alone no longer sends English news tone or VADER to
    # processes: they score in microseconds, and pay for processes only on far
    # more sentences (_NEWS_PARALLEL_MIN, _VADER_PARALLEL_MIN)
    monkeypatch.setattr(sentiment, "_PARALLEL_MIN", 1)
    tone(tokens, method="news", n_jobs=2)
    tone(tokens, method="vader", n_jobs=2)
    assert process_pools == []
    monkeypatch.setattr(sentiment, "_VADER_PARALLEL_MIN", 1)
    tone(tokens, method="vader", n_jobs=2)
    assert process_pools == [1]  # this process and one worker
