"""Sentences, words, multi-word expressions and the Tokens object.

Expected token lists are written by hand following the Penn Treebank
conventions; agreement with NLTK's own tokenizer is checked against NLTK.
"""

import pandas as pd
import pytest
from nltk.stem.porter import PorterStemmer
from nltk.tokenize import NLTKWordTokenizer

from toolkit.corpus.load import load_demo
from toolkit.tokens.tokenizer import (
    Tokens,
    as_tokens,
    default_stopwords,
    register_tokenizer,
    split_sentences,
    tokenize,
    word_tokenize,
)


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. and Japan will meet.", ["The U.S. and Japan will meet."]),
        ("Troops left the U.S. The talks ended.", ["Troops left the U.S.", "The talks ended."]),
        ("Mr. Kim met Dr. Sato. They talked.", ["Mr. Kim met Dr. Sato.", "They talked."]),
        (
            "Lt. Gen. Park and Sen. Smith spoke. Nothing changed.",
            ["Lt. Gen. Park and Sen. Smith spoke.", "Nothing changed."],
        ),
        (
            "It began on Jan. 5 in Seoul. Talks ran until Feb. 2.",
            ["It began on Jan. 5 in Seoul.", "Talks ran until Feb. 2."],
        ),
        (
            "Resolution No. 2270 passed. The U.N. Security Council agreed.",
            ["Resolution No. 2270 passed.", "The U.N. Security Council agreed."],
        ),
        (
            "They met at 9 a.m. Officials said little.",
            ["They met at 9 a.m.", "Officials said little."],
        ),
        (
            "Samsung Co. Ltd. shares fell. Sony Inc. rose.",
            ["Samsung Co. Ltd. shares fell.", "Sony Inc. rose."],
        ),
        ("Author J. R. Kim wrote it. He agreed.", ["Author J. R. Kim wrote it.", "He agreed."]),
        ('"We will respond," he said. "Soon."', ['"We will respond," he said.', '"Soon."']),
        ("“Is it over?” she asked. Nobody knew.", ["“Is it over?” she asked.", "Nobody knew."]),
        ('He said: "It is done." Then he left.', ['He said: "It is done."', "Then he left."]),
        ("Seoul protested (again). Tokyo did not.", ["Seoul protested (again).", "Tokyo did not."]),
        (
            "(The meeting was short.) Both sides left.",
            ["(The meeting was short.)", "Both sides left."],
        ),
        (
            "Growth was 2.5 percent. Prices rose 3.1 percent.",
            ["Growth was 2.5 percent.", "Prices rose 3.1 percent."],
        ),
        ("Why? Nobody said.", ["Why?", "Nobody said."]),
    ],
)
def test_sentence_splitting_on_news_text(text, expected):
    assert sentences(text) == expected


def test_sentence_spans_point_into_the_text():
    text = "  First one.  Second one?\n\nThird one!  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one?", "Third one!"]


def test_headline_and_paragraph_lines_are_separate_sentences():
    text = "Seoul protests textbook approval\nSEOUL, April 7 -- Seoul lodged a protest.\n\nIt was the second."
    assert sentences(text) == [
        "Seoul protests textbook approval",
        "SEOUL, April 7 -- Seoul lodged a protest.",
        "It was the second.",
    ]


def test_hard_wrapped_lines_are_rejoined():
    text = "South Korea and Japan held talks on security and on historical issues that\nhave strained ties for years."
    assert len(split_sentences(text)) == 1


def test_empty_and_whitespace_text():
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []


def test_japanese_and_korean_sentences():
    assert sentences("日本は抗議した。韓国は反論した。") == ["日本は抗議した。", "韓国は反論した。"]
    assert sentences("한국은 항의했다. 일본은 반박했다.") == [
        "한국은 항의했다.",
        "일본은 반박했다.",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tokyo's claims don't help.", ["Tokyo", "'s", "claims", "do", "n't", "help", "."]),
        ("They can't and won't go.", ["They", "ca", "n't", "and", "wo", "n't", "go", "."]),
        (
            "More than 28,000 U.S. troops stay.",
            ["More", "than", "28,000", "U.S.", "troops", "stay", "."],
        ),
        (
            "Japan's 1910-45 colonial rule ended.",
            ["Japan", "'s", "1910-45", "colonial", "rule", "ended", "."],
        ),
        (
            "The so-called 2+2 talks, held Tuesday, ended.",
            ["The", "so-called", "2+2", "talks", ",", "held", "Tuesday", ",", "ended", "."],
        ),
        (
            "Mr. Kim met Gen. Sato in the U.S.",
            ["Mr.", "Kim", "met", "Gen.", "Sato", "in", "the", "U.S", "."],
        ),
        (
            "Growth hit 2.5% ($3 billion).",
            ["Growth", "hit", "2.5", "%", "(", "$", "3", "billion", ")", "."],
        ),
        ("O'Brien asked: why?", ["O'Brien", "asked", ":", "why", "?"]),
        (
            "It's Kim's—and Lee's—plan...",
            ["It", "'s", "Kim", "'s", "—", "and", "Lee", "'s", "—", "plan", "..."],
        ),
        ("Japan’s stance", ["Japan", "’s", "stance"]),
    ],
)
def test_word_tokens_follow_penn_treebank(sentence, expected):
    assert word_tokenize(sentence) == expected


def _nltk_tokens(sentence):
    # NLTK turns double quotes into `` and ''; map them back to compare words.
    return ['"' if t in ("``", "''") else t for t in NLTKWordTokenizer().tokenize(sentence)]


def test_agreement_with_nltk_on_demo_sentences():
    tk = tokenize(load_demo(), mwes=[])
    ours = [t for toks in tk.sentences["tokens"] for t in toks]
    theirs = [t for s in tk.sentences["sentence"] for t in _nltk_tokens(s)]
    # Compare as multisets per sentence to count disagreements.
    agree = total = 0
    for toks, s in zip(tk.sentences["tokens"], tk.sentences["sentence"], strict=True):
        ref = _nltk_tokens(s)
        remaining = list(ref)
        for t in toks:
            if t in remaining:
                remaining.remove(t)
                agree += 1
        total += max(len(toks), len(ref))
    assert len(ours) > 10_000 and len(theirs) > 10_000
    assert agree / total >= 0.99


def test_multiword_expressions_are_single_tokens():
    tk = tokenize(
        pd.DataFrame(
            {
                "text": [
                    "North Korea and South Korea met near the Korean Peninsula. "
                    "Comfort women and the Self-Defense Forces were discussed by the Prime Minister."
                ]
            }
        )
    )
    toks = [t for s in tk.sentences["tokens"] for t in s]
    assert "North_Korea" in toks and "South_Korea" in toks and "Korean_Peninsula" in toks
    assert "Comfort_women" in toks and "Self-Defense_Forces" in toks and "Prime_Minister" in toks
    assert "Korea" not in toks  # North Korea must never count as Korea


def test_mwes_match_across_line_breaks_and_keep_offsets():
    text = (
        "Officials said on Tuesday that the long-stalled talks with North\n"
        "Korea could resume next month in a third country."
    )
    tk = tokenize(pd.DataFrame({"text": [text]}))
    assert len(tk.sentences) == 1
    i = tk.sentences.loc[0, "tokens"].index("North_Korea")
    s, e = tk.token_spans(0)[i]
    assert text[s:e] == "North\nKorea"


def test_user_mwes_replace_the_default():
    tk = tokenize(
        pd.DataFrame({"text": ["The Dokdo issue and North Korea."]}), mwes=["Dokdo issue"]
    )
    assert tk.sentences.loc[0, "tokens"][:3] == ["The", "Dokdo_issue", "and"]
    assert "North" in tk.sentences.loc[0, "tokens"]


def test_filters_stopwords_numbers_length_and_stems():
    tk = tokenize(
        pd.DataFrame({"doc_id": ["d"], "text": ["The 2 allies are angered by 28,000 troops."]})
    )
    assert tk.doc_tokens()["d"] == [
        "the",
        "2",
        "allies",
        "are",
        "angered",
        "by",
        "28,000",
        "troops",
    ]
    assert tk.doc_tokens(stopwords=True, drop_numbers=True)["d"] == ["allies", "angered", "troops"]
    assert tk.doc_tokens(min_length=4, lower=False)["d"] == [
        "allies",
        "angered",
        "28,000",
        "troops",
    ]
    porter = PorterStemmer()
    expected = [porter.stem(w) for w in ["allies", "angered", "troops"]]
    assert tk.doc_tokens(stopwords=True, drop_numbers=True, stem="porter")["d"] == expected
    assert tk.doc_tokens(stopwords=True, drop_numbers=True, stem="lemma")["d"] == [
        "ally",
        "anger",
        "troop",
    ]
    assert tk.doc_tokens(stopwords=["allies"], drop_punct=False)["d"][-1] == "."
    with pytest.raises(ValueError, match="stem must be"):
        tk.doc_tokens(stem="magic")


def test_wordnet_option_explains_missing_data():
    from toolkit.tokens.tokenizer import nltk_has_data

    tk = tokenize(pd.DataFrame({"text": ["Allies met."]}))
    if nltk_has_data("corpora/wordnet"):
        assert tk.doc_tokens(stem="wordnet")["doc-000001"][0] == "ally"
    else:
        with pytest.raises(LookupError, match="stem='lemma'"):
            tk.doc_tokens(stem="wordnet")


def test_stopword_list_keeps_negators():
    sw = default_stopwords()
    assert {"the", "and", "of"} <= sw
    assert not {"not", "no", "never"} & sw


def test_every_document_accounted_for():
    df = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["One. Two.", "", None]})
    tk = tokenize(df)
    assert tk.doc_ids == ["a", "b", "c"]
    assert tk.doc_tokens() == {"a": ["one", "two"], "b": [], "c": []}
    assert tk.by_doc().to_dict("list") == {
        "doc_id": ["a", "b", "c"],
        "n_sentences": [2, 0, 0],
        "n_tokens": [4, 0, 0],
    }


def test_tidy_frame_one_row_per_token():
    tk = tokenize(
        pd.DataFrame({"doc_id": ["a", "b"], "text": ["Seoul met Tokyo. Talks ended.", "Yes."]})
    )
    frame = tk.to_frame()
    assert frame.columns.tolist() == ["doc_id", "sent_id", "token_id", "token"]
    assert frame["token"].tolist() == ["seoul", "met", "tokyo", "talks", "ended", "yes"]
    assert frame["token_id"].tolist() == [0, 1, 2, 3, 4, 0]
    assert frame["sent_id"].tolist() == [0, 0, 0, 1, 1, 0]


def test_token_spans_recover_the_text():
    text = "Tokyo's claim to Dokdo angered Seoul, officials said."
    tk = tokenize(pd.DataFrame({"text": [text]}))
    spans = tk.token_spans(0)
    assert [text[s:e] for s, e in spans] == tk.sentences.loc[0, "tokens"]


def test_korean_and_japanese_tokens():
    tk = tokenize(pd.DataFrame({"text": ["독도는 한국 땅이다.", "竹島は日本の領土だ。"]}))
    # morphemes, split by hand: noun + topic particle, noun, noun + copula + ending
    assert tk.sentences.loc[0, "tokens"] == ["독도", "는", "한국", "땅", "이", "다", "."]
    assert tk.sentences.loc[1, "tokens"] == ["竹島", "は", "日本", "の", "領土", "だ", "。"]


def test_register_tokenizer_plugs_in_a_language():
    register_tokenizer("xx", lambda s: s.upper().split())
    try:
        tk = tokenize(pd.DataFrame({"text": ["ab cd."], "language": ["xx"]}))
        assert tk.sentences.loc[0, "tokens"] == ["AB", "CD."]
    finally:
        import importlib

        mod = importlib.import_module("toolkit.tokens.tokenizer")  # the module, not the function
        mod._TOKENIZERS.pop("xx")
        mod._tokenize_text.cache_clear()


def test_as_tokens_passes_tokens_through_and_rejects_other_types():
    tk = tokenize(pd.DataFrame({"text": ["A."]}))
    assert as_tokens(tk) is tk
    assert isinstance(as_tokens(pd.DataFrame({"text": ["A."]})), Tokens)
    with pytest.raises(TypeError, match="corpus DataFrame or Tokens"):
        as_tokens(["not", "a", "corpus"])


def test_tokenization_is_the_same_whatever_the_document_order():
    from toolkit.tokens.tokenizer import _tokenize_text

    demo = load_demo()
    a = tokenize(demo).doc_tokens()
    _tokenize_text.cache_clear()  # or the second run would only read the cache
    b = tokenize(demo.sample(frac=1, random_state=3)).doc_tokens()
    assert a == {k: b[k] for k in a}


def test_ngrams_stay_within_sentences():
    tk = tokenize(pd.DataFrame({"doc_id": ["d"], "text": ["Seoul met Tokyo. North Korea fired."]}))
    assert tk.doc_tokens(ngrams=2)["d"] == ["seoul met", "met tokyo", "north_korea fired"]
    assert tk.doc_tokens(ngrams=(1, 3))["d"] == [
        "seoul",
        "met",
        "tokyo",
        "seoul met tokyo",
        "north_korea",
        "fired",
    ]
    with pytest.raises(ValueError, match="ngrams"):
        tk.doc_tokens(ngrams=0)
