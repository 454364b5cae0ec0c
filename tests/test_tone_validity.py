"""Validity numbers on the human-rated news data in ../shared/eval (skipped when absent).

The harness is checked against the numbers published in issue 4 for VADER
and TextBlob (an independent source), then the toolkit's measures are held
to the levels they reach. Of issue 4's targets for the news measure on the
NYT editorials, r >= 0.56 is met (0.561; cross-validated 0.562) and macro
F1 >= 0.58 is NOT (0.561; cross-validated 0.559): the lower bounds below
guard what is achieved. The target-tone target (NewsMTSC dev macro F1 >=
0.58) is met (0.615) and asserted.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not present")


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("tone_validity",
                                                  ROOT / "benchmarks" / "tone_validity.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


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
    assert news["r"] >= 0.558 and news["macro_f1"] >= 0.557
    assert news["r"] - vader["r"] >= 0.06
    # NewsMTSC dev, sentence level: 0.541 before the second revision, must not drop
    assert table.loc[(MTSC, "news"), "macro_f1"] >= 0.540
    assert table.loc[(MTSC, "news"), "macro_f1"] > table.loc[(MTSC, "vader"), "macro_f1"]


def test_target_tone_reaches_issue_target(table):
    assert table.loc[(MTSC, "target_tone (news)"), "macro_f1"] >= 0.61
    assert (table.loc[(MTSC, "target_tone (news)"), "macro_f1"]
            > table.loc[(MTSC, "news"), "macro_f1"])


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
    assert full["r"] >= 0.558 and full["macro_f1"] >= 0.557
    assert cv.loc["CV mean", "r"] >= 0.555 and cv.loc["CV mean", "macro_f1"] >= 0.552
    assert abs(cv.loc["CV mean", "r"] - full["r"]) <= 0.01
    assert abs(cv.loc["CV mean", "macro_f1"] - full["macro_f1"]) <= 0.01
    # the length rule was accepted because it does not hurt the second data set
    assert (cv.loc["defaults, NewsMTSC train", "macro_f1"]
            >= cv.loc["length_power=0, NewsMTSC train", "macro_f1"])
