"""Validity numbers on the human-rated news data in ../shared/eval (skipped when absent).

The harness is checked against the numbers published in issue 4 for VADER
and TextBlob (an independent source), then the toolkit's measures are held
to the levels they reach. Issue 4's targets for the news measure on the NYT
editorials (r >= 0.56, macro F1 >= 0.58) are NOT met yet (0.547 / 0.556);
the lower bounds below guard what is achieved. The target-tone target
(NewsMTSC dev macro F1 >= 0.58) is met and asserted.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not present")


@pytest.fixture(scope="module")
def table():
    spec = importlib.util.spec_from_file_location("tone_validity",
                                                  ROOT / "benchmarks" / "tone_validity.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = mod.validity_table(EVAL)
    return out.set_index(["dataset", "method"])


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
    assert news["r"] >= 0.54 and news["macro_f1"] >= 0.55
    assert news["r"] - vader["r"] >= 0.04
    assert table.loc[(MTSC, "news"), "macro_f1"] > table.loc[(MTSC, "vader"), "macro_f1"]


def test_target_tone_reaches_issue_target(table):
    assert table.loc[(MTSC, "target_tone (news)"), "macro_f1"] >= 0.58
    assert (table.loc[(MTSC, "target_tone (news)"), "macro_f1"]
            > table.loc[(MTSC, "news"), "macro_f1"])
