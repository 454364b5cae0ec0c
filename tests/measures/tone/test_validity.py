"""Validity numbers on the human-rated news data in ../shared/eval (skipped when absent).

The harness is checked against the numbers published in issue 4 for VADER
and TextBlob (an independent source), then the toolkit's measures are held
to the levels they reach. Of issue 4's targets for the news measure on the
NYT editorials, r >= 0.56 is met (0.569; cross-validated 0.568) and macro
F1 >= 0.58 is NOT (0.566; cross-validated 0.560): the lower bounds below
guard what is achieved. The target-tone target (NewsMTSC dev macro F1 >=
0.58) is met (0.623) and asserted.
"""

from __future__ import annotations

import pytest

from tests._paths import EVAL

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not present")


@pytest.fixture(scope="module")
def bench(load_benchmark):
    return load_benchmark("tone_validity")


@pytest.fixture(scope="module")
def table(bench):
    return bench.validity_table(EVAL).set_index(["dataset", "method"])


NYT = "NYT editorials dev"
MTSC = "NewsMTSC dev (toward target)"


def test_harness_reproduces_published_baselines(table):
    # issue 4: VADER r = 0.50, F1 = 0.53; TextBlob r = 0.29, F1 = 0.40; NewsMTSC VADER F1 0.51
    assert table.loc[(NYT, "vader"), "r"] == pytest.approx(0.50, abs=0.01)
    assert table.loc[(NYT, "vader"), "macro_f1"] == pytest.approx(0.53, abs=0.01)
    assert table.loc[(NYT, "textblob"), "r"] == pytest.approx(0.29, abs=0.01)
    assert table.loc[(NYT, "textblob"), "macro_f1"] == pytest.approx(0.40, abs=0.01)
    assert table.loc[(MTSC, "vader"), "macro_f1"] == pytest.approx(0.51, abs=0.01)
    assert table.loc[(NYT, "vader"), "n"] == 2596 and table.loc[(MTSC, "vader"), "n"] == 343


def test_news_measure_beats_vader_on_both_sets(table):
    news, vader = table.loc[(NYT, "news")], table.loc[(NYT, "vader")]
    assert news["r"] >= 0.566 and news["macro_f1"] >= 0.563
    assert news["r"] - vader["r"] >= 0.07
    # NewsMTSC dev, sentence level: 0.541 before the third revision, must not drop
    assert table.loc[(MTSC, "news"), "macro_f1"] >= 0.545
    assert table.loc[(MTSC, "news"), "macro_f1"] > table.loc[(MTSC, "vader"), "macro_f1"]


def test_target_tone_reaches_issue_target(table):
    assert table.loc[(MTSC, "target_tone (news)"), "macro_f1"] >= 0.62
    assert (
        table.loc[(MTSC, "target_tone (news)"), "macro_f1"] > table.loc[(MTSC, "news"), "macro_f1"]
    )


def test_cross_validated_estimate_is_close_to_full_dev(bench):
    cv = bench.cv_table(EVAL).set_index("fold")
    # five held-out folds that together cover the dev set exactly once
    folds = bench.cv_folds(2596)
    assert sorted(int((folds == k).sum()) for k in range(5)) == [519, 519, 519, 519, 520]
    held_out = cv.loc[[str(k) for k in range(5)]]
    assert cv.loc["CV mean", "r"] == pytest.approx(held_out["r"].mean())
    # the tuned parameters carry to held-out editorials: CV estimate within 0.01
    # of the shipped defaults' full-dev number, and both above VADER (0.495 / 0.526)
    full = cv.loc["defaults, full dev"]
    assert full["r"] >= 0.566 and full["macro_f1"] >= 0.563
    assert cv.loc["CV mean", "r"] >= 0.56 and cv.loc["CV mean", "macro_f1"] >= 0.555
    assert abs(cv.loc["CV mean", "r"] - full["r"]) <= 0.01
    assert abs(cv.loc["CV mean", "macro_f1"] - full["macro_f1"]) <= 0.01
    # the length rule and the negator valence were accepted because they do not
    # hurt the second data set: the length rule raises r and leaves F1 within
    # 0.001 (one sentence in 8,739 is 0.0001); the negator valence raises both
    shipped = cv.loc["defaults, NewsMTSC train"]
    no_length = cv.loc["length_power=0, NewsMTSC train"]
    no_negator = cv.loc["negator_valence=0, NewsMTSC train"]
    assert shipped["r"] > no_length["r"]
    assert shipped["macro_f1"] >= no_length["macro_f1"] - 0.001
    assert shipped["r"] >= no_negator["r"] + 0.005
    assert shipped["macro_f1"] > no_negator["macro_f1"]
    # every fold's own choice of negator valence is negative: the rule is not an
    # artefact of tuning on the whole dev set
    assert (held_out["negator_valence"] < 0).all()


def test_korean_tone_meets_the_issue_14_targets(bench):
    # issue 14: Korean macro F1 at most 0.05 below the English news measure on
    # the same sentences' English side, and r >= 0.6 with the English scores;
    # the cross-validated estimate (projection fitted on the other folds) too
    ko = bench.korean_table(EVAL).set_index("measure")
    en_f1 = ko.loc["English news (en side)", "macro_f1"]
    for row in ("Korean, shipped lexicon", "Korean, 5-fold CV (held-out mean)"):
        assert ko.loc[row, "macro_f1"] >= en_f1 - 0.05
        assert ko.loc[row, "r_en"] >= 0.6
    assert ko.loc["Korean, shipped lexicon", "n"] == 2388
