"""The news tone measure: lexicon sources and each rule, checked by hand arithmetic."""

from __future__ import annotations

import csv
import math
from importlib import resources

import pandas as pd
import pytest

from toolkit.data import data_path
from toolkit.measures.tone.news import (
    news_dictionary,
    news_lexicon,
    news_tone_score,
    span_tone_score,
    with_params,
)


def _vader_file() -> dict[str, float]:
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    return {ln.split("\t")[0]: float(ln.split("\t")[1]) for ln in text.splitlines() if ln}


VADER = _vader_file()


def squash(s: float) -> float:
    """VADER's normalisation, s / sqrt(s^2 + 15), written out independently."""
    return s / math.sqrt(s * s + 15)


def sentence(s: float, n_words: int) -> float:
    """The sentence score by hand: the sum over (n_words / 20) ** 0.25, then squashed."""
    return squash(s / (n_words / 20) ** 0.25)


def test_lexicon_merges_vader_and_news_file():
    lex = news_lexicon().set_index("word")
    news = pd.read_csv(
        data_path("tone", "news_lexicon.tsv"), sep="\t", comment="#", quoting=csv.QUOTE_NONE
    )
    assert not news["word"].duplicated().any()
    assert set(news.columns) == {"word", "valence", "note"} and news["note"].notna().all()
    # a news entry overrides VADER's ("united" is +1.8 in VADER, neutral in news)
    assert VADER["united"] > 0
    assert lex.loc["united", "valence"] == 0 and lex.loc["united", "source"] == "news"
    # VADER entries not overridden pass through unchanged
    assert lex.loc["horrible", "valence"] == VADER["horrible"]
    assert lex.loc["horrible", "source"] == "vader"
    assert len(lex) == len(set(VADER) | set(news["word"]))


def test_single_word_and_negation_by_hand():
    # "frayed" is a news entry (-1.8), weighed 1.5 as a negative word
    s, pos, neg, n = news_tone_score("Relations have frayed.")
    assert (pos, n) == (0, 1)
    assert neg == pytest.approx(-1.8 * 1.5)
    assert s == pytest.approx(sentence(-1.8 * 1.5, 3))
    # negated positive: VADER's "good" times -0.74, plus "not" itself (-1.0), both
    # counted as negative (5 words)
    s, *_ = news_tone_score("The talks were not good.")
    assert s == pytest.approx(sentence((VADER["good"] * -0.74 - 1.0) * 1.5, 5))


def test_negation_words_carry_tone_only_beside_sentiment_words():
    # a sentence without lexicon words stays neutral whatever its negations
    assert news_tone_score("No decision was taken and nothing was signed.") == (0.0, 0, 0, 0)
    # "never" (-1.0) beside "frayed" (-1.8) that it does not negate (3 tokens away);
    # n hits counts lexicon words only
    s, pos, neg, n = news_tone_score("Ties frayed and talks never resumed.")
    assert n == 1 and neg == pytest.approx((-1.8 - 1.0) * 1.5)
    assert s == pytest.approx(sentence((-1.8 - 1.0) * 1.5, 6))
    # switched off, only the lexicon word counts
    off = with_params(negator_valence=0.0)
    assert news_tone_score("Ties frayed and talks never resumed.", off)[2] == pytest.approx(-2.7)


def test_booster_and_contrast_by_hand():
    g, h = VADER["good"], VADER["hopeful"]
    s, *_ = news_tone_score("The talks were very good.")
    assert s == pytest.approx(sentence(g * 1.3, 5))
    # before "but" x0.5, after x1.5; "angered" is a news entry (-2.0), negative weight 1.5
    s, *_ = news_tone_score("Officials were hopeful, but the visit angered Seoul.")
    assert s == pytest.approx(sentence(h * 0.5 + -2.0 * 1.5 * 1.5, 8))


def test_names_inflections_and_derivations():
    # a capitalised word inside a sentence is a name: no tone
    assert news_tone_score("They met at Liberty Hall.")[3] == 0
    assert news_tone_score("Liberty matters.")[3] == 0  # "liberty" is neutral in news anyway
    assert news_tone_score("Freedom matters.")[0] > 0  # first word: not taken for a name
    # unknown inflection backs off to the lexicon's base form
    assert news_tone_score("Provocations continued.")[0] == pytest.approx(
        news_tone_score("Provocation continued.")[0]
    )
    # "unhelpful" is not in either lexicon: reversed, damped "helpful"
    assert "unhelpful" not in VADER
    assert news_tone_score("It was unhelpful.")[0] == pytest.approx(
        sentence(-0.8 * VADER["helpful"] * 1.5, 3)
    )


def test_length_rule():
    # the same single judgement ("frayed", -1.8 x 1.5) in a sentence of 3 and of 15 words
    short = "Relations have frayed."
    long = (
        "Relations between the two governments in the region have frayed over the last three years."
    )
    s, pos, neg, n = news_tone_score(short)
    s_long, pos_long, neg_long, n_long = news_tone_score(long)
    assert (pos, n, pos_long, n_long) == (0, 1, 0, 1)
    assert neg == neg_long == pytest.approx(-2.7)
    assert s == pytest.approx(sentence(-2.7, 3)) and s_long == pytest.approx(sentence(-2.7, 15))
    assert s < s_long < 0
    # length_power=0 switches the rule off: plain squashing of the sum
    off = with_params(length_power=0.0)
    assert news_tone_score(short, off)[0] == pytest.approx(squash(neg))
    assert news_tone_score(long, off)[0] == pytest.approx(squash(neg))


def test_second_revision_entries():
    # general vocabulary missing from VADER, now in the news lexicon
    for word in ("quagmire", "cronyism", "botched", "detente", "headway"):
        assert word not in VADER
    assert news_tone_score("Talks sank into a quagmire.")[0] < 0
    assert news_tone_score("Negotiators made headway.")[0] > 0
    # "no" is a negator, not also a negative word (VADER scores it -1.2)
    assert VADER["no"] < 0
    assert news_tone_score("There was no comment.")[3] == 0


def test_parameters_switch_rules_off():
    text = "They met in Hope Valley."  # "hope" is mildly positive in the news lexicon
    assert news_tone_score(text)[3] == 0
    assert news_tone_score(text, with_params(names_neutral=False))[0] > 0


def test_empty_and_punctuation_only():
    assert news_tone_score("") == (0.0, 0, 0, 0)
    assert news_tone_score("...")[0] == 0.0


def test_span_tone_clause_and_speaker():
    s = "Seoul praised the talks, but Tokyo angered its neighbours."
    assert span_tone_score(s, 0, 5) > 0 > span_tone_score(s, 29, 34)
    # the same judgement, once about the target and once spoken by it
    about = "The plan of Ito is a mess."
    said = "Ito said the plan is a mess."
    a = span_tone_score(about, 12, 15)
    b = span_tone_score(said, 0, 3)
    assert a < 0 and b < 0 and abs(b) < abs(a)
    # distance weighting: 1 / (1 + d / 5) for "mess" 3 tokens after "Ito"
    assert "mess" not in set(news_lexicon().query("source == 'news'")["word"])
    assert a == pytest.approx(squash(VADER["mess"] * 1.5 / (1 + 3 / 5)))
    # spoken by the target: "mess" 6 tokens away, times the speaker factor 0.3
    assert b == pytest.approx(squash(VADER["mess"] * 1.5 / (1 + 6 / 5) * 0.3))


def test_news_dictionary_categories():
    d = news_dictionary()
    assert set(d.categories) == {"positive", "negative"}
    assert "frayed" in d.categories["negative"] and "united" not in d.categories["positive"]
    assert not any(":" in w or "(" in w for w in d.categories["negative"])  # no emoticons
