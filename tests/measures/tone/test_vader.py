"""The toolkit's VADER against vaderSentiment, an independent implementation.

Every score must equal ``SentimentIntensityAnalyzer().polarity_scores``
float for float: on every sentence of the dev evaluation data in
``../shared/eval`` (skipped only when it is absent) and on sentences
CONSTRUCTED here for the rules (they report nothing and quote no one).
A few scores are also worked out by hand from the published formula.
"""

from __future__ import annotations

import csv
import json
import math
from unittest import mock

import numpy as np
import pandas as pd
import pytest

from tests._paths import EVAL, needs_shared
from toolkit.measures.tone import scoring, vader
from toolkit.measures.tone.vader import vader_scores


@pytest.fixture(scope="module")
def analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def reference(analyzer, texts: list[str]) -> np.ndarray:
    """vaderSentiment's compound, pos, neu, neg, one call per text."""
    rows = []
    for t in texts:
        s = analyzer.polarity_scores(t)
        rows.append((s["compound"], s["pos"], s["neu"], s["neg"]))
    return np.array(rows, dtype=float).reshape(-1, 4)


def batch_scores(texts: list[str]) -> np.ndarray:
    """vader_scores with every text in the batch path, however few the texts."""
    with mock.patch.object(vader, "_BATCH_MIN", 1):
        return vader_scores(texts)


def assert_same(analyzer, texts: list[str]) -> None:
    ref = reference(analyzer, texts)
    # as called (one text at a time below vader._BATCH_MIN texts), and batched
    for path, ours in (("default", vader_scores(texts)), ("batch", batch_scores(texts))):
        differ = [
            (t, o.tolist(), r.tolist())
            for t, o, r in zip(texts, ours, ref, strict=True)
            if (o != r).any()
        ]
        # bit-identical, not merely close
        assert not differ, f"{path}: {len(differ)} of {len(texts)} differ, e.g. {differ[:3]}"


# --------------------------------------------------------------------------
# Real text: the dev evaluation data
# --------------------------------------------------------------------------


@needs_shared
def test_every_nyt_editorial_sentence_matches(analyzer):
    df = pd.read_csv(EVAL / "nyt_editorial_snippets_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    texts = df["text"].astype(str).tolist()
    assert len(texts) == 2596
    assert_same(analyzer, texts)


@needs_shared
def test_every_newsmtsc_sentence_and_target_window_matches(analyzer):
    with open(EVAL / "newsmtsc_rw_dev.jsonl", encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    texts = [it["sentence"] for it in items]
    assert len(texts) == 343
    windows = [
        scoring._window_text(it["sentence"], it["from"], it["to"], 5) for it in items
    ]  # what target_tone(method="vader") scores
    assert_same(analyzer, texts + windows)


@needs_shared
def test_every_phrasebank_english_sentence_matches(analyzer):
    df = pd.read_csv(EVAL / "finphrase_en_ko_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    texts = df["en"].astype(str).tolist()
    assert len(texts) == 2388
    assert_same(analyzer, texts)


# --------------------------------------------------------------------------
# Constructed sentences, one or more per rule (no ../shared needed)
# --------------------------------------------------------------------------

EDGE_CASES = [
    # nothing to score
    "",
    "   ",
    "\n\t",
    "!!!",
    "?!?",
    "...",
    "- -- ---",
    "The ministry met on Tuesday.",
    # lexicon words, emoticons, punctuation around words
    "The talks were good.",
    "The talks were good",
    "(good) 'bad' \"great\" --terrible--",
    ":) :( :-D :P xD <3",
    "ok. OK! Ok?",
    "a ab abc... good,,, bad;",
    # ALL CAPS emphasis only when caps differ
    "The talks were GOOD.",
    "THE TALKS WERE GOOD.",
    "The talks were VERY good.",
    "The talks were VERY GOOD and NOT bad.",
    "I think the plan is GREAT",
    "NO good",
    "U.S. officials were HAPPY",
    # boosters and dampeners, decaying over three words
    "The talks were very good.",
    "The talks were extremely bad.",
    "Very much so good",
    "Incredibly, the talks were good.",
    "It was slightly good.",
    "It was somewhat bad.",
    "Extremely very really good",
    "The deal is kind of good.",
    "The deal is sort of bad.",
    "The deal is kinda good.",
    "It was just enough good",
    "kind people",
    "kind of",
    "kind",
    # negation
    "The talks were not good.",
    "The talks were not very good.",
    "The talks were not at all good.",
    "The talks weren't good.",
    "It wasn't really that good.",
    "It isnt good and it aint bad",
    "Nothing was good, nor bad.",
    "Never so good.",
    "It was never so good.",
    "It was never this bad.",
    "This is so good",
    "they were this good",
    "Without doubt good.",
    "It is without doubt good.",
    "It is without a doubt good.",
    "Despite everything, good.",
    "Rarely good, seldom bad.",
    "don’t like it",  # a curly apostrophe is not "n't"
    "no good",
    "No problem at all",
    "There is no hope.",
    "no no no",
    "There was no doubt or nor bad",
    "No, good.",
    "at least good",
    "least good",
    "The least good option.",
    "The very least bad option.",
    "least",
    # but
    "The plan was good but the execution was bad.",
    "Good good but good good.",
    "good but",
    "but good",
    "Good, BUT bad, but great.",
    "The food was nice but the soup was warm.",  # list.index reweights twice
    "Fear and risk but risk and fear.",
    # special idioms and two-word boosters at distance three
    "The new plan is the bomb.",
    "The old party is the shit",
    "That was a kiss of death.",
    "Yeah right, great idea.",
    "The dessert is to die for",
    "A very bad ass move",
    "he stood near the bus stop",
    "a slow beating heart here",
    "Cut the mustard and good",
    # punctuation emphasis
    "good!",
    "good!!",
    "good!!!!!!!!",
    "bad!!!",
    "good?",
    "good??",
    "good???",
    "good?????",
    "bad?!?!",
    "!!! neutral words only !!!",
    # emoji and unicode
    "😁",
    "💘💋",
    "Catch emoji such as 💘 and 💋 and 😁",
    "x😁y 😁 z",
    " 😁 leading",
    "Great 🔛 news",
    "Bad🆙day",
    "Ｇｏｏｄ ｎｅｗｓ",
    "café was good",
    "İSTANBUL was GOOD",
    "ΣΟΦΟΣ good ΣΟΦΌΣ",
    "naïve bad",
    "good\u00a0news\u2028bad\u3000great",
    "good\u200bnews",
    "한국과 일본의 관계가 좋다 good",
    "日韓関係は良好だ bad",
    "ǅ good ǈ",
]


def test_each_rule_matches_vader_sentiment(analyzer):
    assert_same(analyzer, EDGE_CASES)


def test_very_long_sentence_matches(analyzer):
    words = "the talks were not very good but never so bad and kind of great !".split()
    text = " ".join(words * 80)  # 1,280 words, one "sentence"
    assert_same(analyzer, [text, text.upper(), text.replace("but", "and")])


def test_random_word_salad_matches(analyzer):
    # Constructed: words that trigger the rules, mixed at random (fixed seed),
    # so that rules meet each other in orders no hand-written case covers.
    vocab = (
        "good bad great terrible hope doubt no not never so this without least at very "
        "kind of sort just enough but BUT GOOD BAD VERY NOT extremely slightly kinda "
        "isn't don't the bomb kiss death to die for yeah right bus stop beating heart "
        "bad ass nice warm fear risk ok or nor and it was . , ! ? :) :( 😁 💘 "
        "good! (bad) 'great' NO Never Least Kind "
        "İYİ ß ΣΟΦΟΣ café don’t “good” ＧＯＯＤ 🔛 🆙 🇰🇷 x\u0307"
    ).split()
    seps = [" ", " ", " ", "", "\t", "\u00a0", "  "]  # "" glues neighbours together
    rng = np.random.default_rng(20_140_601)
    texts = []
    for _ in range(4000):
        words = rng.choice(vocab, size=int(rng.integers(1, 18)))
        texts.append("".join(w + str(rng.choice(seps)) for w in words))
    assert_same(analyzer, texts)


# --------------------------------------------------------------------------
# The batch path: many texts at once, plain ones vectorised
# --------------------------------------------------------------------------

# Constructed filler words that are not in VADER's lexicon and trigger no rule.
NEUTRAL = "the ministry talks on tuesday and in of a seoul tokyo port rules plan".split()
TRIGGERS = (
    "not never no isn't don't very extremely slightly kinda kind of sort just enough "
    "but BUT so this least at without doubt the bomb kiss death to die for yeah right "
    "bus stop beating heart bad ass nor or 😁 💘 :) :( 🔛 ＧＯＯＤ café"
).split()
PUNCT = ["!", "!!", "!!!!!", "?", "??", "???", "????", "?!", ",", ".", "...", "--", "'"]


def word_salad(analyzer, n: int, seed: int, triggers: bool) -> list[str]:
    """CONSTRUCTED strings of random lexicon words (fixed seed), in random case,
    with punctuation glued on or set apart; ``triggers`` mixes in the words
    the rules look for."""
    rng = np.random.default_rng(seed)
    lexicon = sorted(analyzer.lexicon)
    pool = np.array(
        [*rng.choice(lexicon, 600, replace=False), *NEUTRAL, *(TRIGGERS if triggers else [])]
    )
    texts = []
    for _ in range(n):
        words = rng.choice(pool, size=int(rng.integers(0, 26)))
        out = []
        for w in words.tolist():
            r = rng.random()
            if r < 0.1:
                w = w.upper()
            elif r < 0.15:
                w = w.capitalize()
            r = rng.random()
            if r < 0.1:
                w += str(rng.choice(PUNCT))
            elif r < 0.15:
                w = f"({w})"
            elif r < 0.2:
                out.append(str(rng.choice(PUNCT)))
            out.append(w)
        texts.append(" ".join(out))
    return texts


def test_sixty_thousand_random_texts_match(analyzer):
    # half of them plain (scored vectorised), half with the words the rules
    # look for mixed in (scored by the one-text rules, or vectorised where
    # no trigger reaches a lexicon word)
    texts = word_salad(analyzer, 30_000, 1, False) + word_salad(analyzer, 30_000, 2, True)
    assert_same(analyzer, texts)


def test_plain_texts_are_scored_without_the_one_text_rules(analyzer, monkeypatch):
    texts = word_salad(analyzer, 3000, 3, False)
    texts += ["GOOD and great", "good GREAT and FINE!!", "Sad", "fine ??", ""]
    expected = reference(analyzer, texts)

    def no_rules():
        raise AssertionError("a plain text went to the one-text rules")

    monkeypatch.setattr(vader, "_scorer", no_rules)
    assert len(texts) >= vader._BATCH_MIN
    np.testing.assert_array_equal(vader_scores(texts), expected)


def test_many_scored_words_in_one_text_match(analyzer):
    # past vader._MAX_RANKS scored words a text's sums are added in Python
    rng = np.random.default_rng(4)
    lexicon = sorted(analyzer.lexicon)
    texts = [" ".join(rng.choice(lexicon, size=k)) for k in (7, 8, 9, 30, 200) for _ in range(20)]
    assert_same(analyzer, texts)


def python_sum(values, compensated: bool) -> float:
    """CPython's ``sum()`` of ints and floats from int 0: left to right up to 3.11;
    from 3.12 Neumaier's compensated summation (Neumaier 1974, as CPython
    applies it: the first float added to the int total, then compensated)."""
    it = iter(values)
    total = 0
    for x in it:
        total = total + x
        if isinstance(x, float):
            break
    if not compensated:
        for x in it:
            total = total + x
        return total
    c = 0.0
    for x in it:
        if isinstance(x, float):
            t = total + x
            c += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
            total = t
        else:
            total += float(x)
    return total + c if c and math.isfinite(c) else total


@pytest.mark.parametrize("compensated", [False, True])
def test_batch_sums_add_valences_as_python_sum_does(analyzer, monkeypatch, compensated):
    # vaderSentiment adds a text's valences with sum(): the batch must add them
    # in the same order (and, on CPython >= 3.12, with the same compensation)
    texts = word_salad(analyzer, 4000, 5, False)
    seen = []
    score_valence = analyzer.score_valence

    def spy(sentiments, text):
        seen.append((list(sentiments), text))
        return score_valence(sentiments, text)

    monkeypatch.setattr(analyzer, "score_valence", spy)
    for t in texts:
        analyzer.polarity_scores(t)
    expected = []
    for sentiments, text in seen:
        x = float(python_sum(sentiments, compensated))
        amp = analyzer._punctuation_emphasis(text)
        expected.append(x + amp if x > 0 else x - amp if x < 0 else x)
    left_to_right = [float(python_sum(s, False)) for s, _ in seen]
    neumaier = [float(python_sum(s, True)) for s, _ in seen]
    assert sum(a != b for a, b in zip(left_to_right, neumaier, strict=True)) > 50

    monkeypatch.setattr(vader, "_COMPENSATED_SUM", compensated)
    # every text's sum in numpy (a text with many scored words is otherwise
    # summed by this interpreter's own sum())
    monkeypatch.setattr(vader, "_MAX_RANKS", 10**6)
    monkeypatch.setattr(vader, "_scorer", lambda: lambda t: (math.nan,) * 4)
    got = vader._batch_sums([t for t in texts if t.split()])[:, 0]
    want = np.array([e for e, t in zip(expected, texts, strict=True) if t.split()])
    vectorised = ~np.isnan(got)
    assert vectorised.mean() > 0.95
    np.testing.assert_array_equal(got[vectorised], want[vectorised])


def test_a_text_holding_the_batch_separator_as_a_word_matches(analyzer):
    texts = ["good news", "bad \x00 news", "\x00", "x\x00y great"] * 20
    assert_same(analyzer, texts)


def test_many_texts_one_not_a_string_is_a_clear_error():
    n = vader._BATCH_MIN
    with pytest.raises(TypeError, match=f"text {n} is NoneType"):
        vader_scores(["good"] * n + [None])
    with pytest.raises(TypeError, match="text 3 is float"):
        vader_scores(["good"] * 3 + [float("nan")] + ["bad"] * n)
    with pytest.raises(TypeError, match="text 1 is bytes"):
        batch_scores(["good", b"bad"])


def test_many_texts_without_words(analyzer):
    texts = ["", " ", "\t\n", "!!!", "?? ??"] * 20
    assert_same(analyzer, texts)
    # no words score 0 everywhere; words of punctuation only are neutral words
    expected = [[0.0] * 4] * 3 + [[0.0, 0.0, 1.0, 0.0]] * 2
    assert vader_scores(texts).tolist() == expected * 20


def test_scores_by_hand_from_the_published_formula():
    # "good" has valence 1.9 in VADER's lexicon; 4 words, 3 of them neutral
    c, pos, neu, neg = vader_scores(["The talks were good."])[0]
    assert c == round(1.9 / math.sqrt(1.9**2 + 15), 4) == 0.4404
    assert (pos, neu, neg) == (round(2.9 / 5.9, 3), round(3 / 5.9, 3), 0.0)
    # "not good": 1.9 * -0.74 before normalising
    c = vader_scores(["The talks were not good."])[0][0]
    assert c == round(-1.406 / math.sqrt(1.406**2 + 15), 4)
    # "nice" (1.8) before "but", "warm" (0.9) after: vaderSentiment's
    # list.index matches "warm"'s 0.9 to "nice" already halved to 0.9 and
    # halves it again; "warm" keeps 0.9. Sum 0.45 + 0.9; 7 neutral words.
    c, pos, neu, neg = vader_scores(["The food was nice but the soup was warm."])[0]
    assert c == round(1.35 / math.sqrt(1.35**2 + 15), 4)
    assert (pos, neu, neg) == (round(3.35 / 10.35, 3), round(7 / 10.35, 3), 0.0)


def test_a_text_that_is_not_a_string_is_a_clear_error():
    with pytest.raises(TypeError, match="text 1 is float"):
        vader_scores(["good", float("nan")])
    with pytest.raises(TypeError, match="text 0 is NoneType"):
        vader_scores([None])


def test_empty_input_and_shape():
    assert vader_scores([]).shape == (0, 4)
    out = vader_scores(iter(["", "good"]))
    assert out.shape == (2, 4) and out.dtype == np.float64
    assert out[0].tolist() == [0.0, 0.0, 0.0, 0.0]


# --------------------------------------------------------------------------
# tone() and target_tone() use it
# --------------------------------------------------------------------------


def test_tone_vader_equals_vader_sentiment_per_sentence(analyzer):
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": [
                "Constructed: the talks were not good. Relations have improved greatly!",
                "Constructed: the ministry met on Tuesday. Nothing was bad, but great.",
            ],
        }
    )
    out = scoring.tone(corpus, method="vader")
    sents = scoring.as_sentences(corpus)[0]["sentence"].astype(str).tolist()
    ref = reference(analyzer, sents)
    np.testing.assert_array_equal(out[["compound", "pos", "neu", "neg"]].to_numpy(), ref)
    np.testing.assert_array_equal(out["tone"].to_numpy(), ref[:, 0])


def test_long_sentence_pieces_weigh_vader_sentiment_scores(analyzer):
    # Constructed run-on text without full stops: scored in pieces, each piece
    # by VADER, and the pieces' scores averaged by their length.
    text = " ".join(["Seoul", "praised", "Tokyo", "and", "the", "talks", "failed"] * 400)
    assert len(text) > scoring.LONG_SENTENCE_CHARS
    parts = scoring._pieces(text)
    ref = reference(analyzer, parts)
    w = np.array([len(p) for p in parts], dtype=float)
    expected = w @ ref / w.sum()
    got = scoring._score_chunk("vader", [text, "good"])
    assert got[0] == pytest.approx((expected[0], *expected), abs=1e-15)
    assert got[1] == (0.4404, 0.4404, 1.0, 0.0, 0.0)


def test_target_tone_vader_scores_the_window(analyzer):
    corpus = pd.DataFrame(
        {"text": ["Constructed: Seoul praised the talks, but Tokyo angered its neighbours."]}
    )
    out = scoring.target_tone(corpus, actors=["KR", "JP"], method="vader", window=3)
    sentence = corpus["text"][0]
    windows = [
        scoring._window_text(sentence, s, e, 3)
        for s, e in zip(out["start"], out["end"], strict=True)
    ]
    assert out["matched"].tolist() == ["Seoul", "Tokyo"]
    np.testing.assert_array_equal(out["tone"].to_numpy(), reference(analyzer, windows)[:, 0])


def test_vectorised_rounding_equals_python_round():
    from toolkit.measures.tone.vader import _round

    rng = np.random.default_rng(7)
    x = np.concatenate(
        [
            rng.uniform(-1, 1, 20_000),
            rng.uniform(0, 1, 20_000) ** 9,  # tiny values
            np.arange(-2000, 2001) / 2000,  # exact and inexact ties at 3 and 4 digits
            np.arange(0, 1001) / 1000 + 5e-4,
            np.nextafter(np.arange(0, 10001) / 10000 + 5e-5, 1),
            [0.0625, 0.125, -0.0005, 0.00005, 0.99995, -0.99995, 1.0, -1.0, 0.0, -0.0],
        ]
    )
    for digits in (3, 4):
        expected = np.array([round(float(v), digits) for v in x])
        got = _round(x, digits)
        assert (got == expected).all()
        assert (np.signbit(got) == np.signbit(expected)).all()


def test_one_text_at_a_time_matches(analyzer):
    # few texts are finished in Python, many in numpy: both must match
    texts = EDGE_CASES[:40]
    one_by_one = np.vstack([vader_scores([t]) for t in texts])
    np.testing.assert_array_equal(one_by_one, reference(analyzer, texts))
    np.testing.assert_array_equal(one_by_one, vader_scores(texts * 2)[: len(texts)])
    np.testing.assert_array_equal(one_by_one, batch_scores(texts * 2)[: len(texts)])
