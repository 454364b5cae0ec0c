"""The helpers of benchmarks/tone_ceiling.py that need none of its optional packages."""

from __future__ import annotations

import pytest

from toolkit.measures.tone.news import news_tone_score, with_params


@pytest.fixture(scope="module")
def ceiling(load_benchmark):
    return load_benchmark("tone_ceiling")


def test_second_tier_adds_only_unknown_words_and_restores(ceiling):
    plain = with_params(length_power=0.0, negator_valence=0.0)
    assert news_tone_score("Zorbly results.", plain)[3] == 0
    good = news_tone_score("Good results.", plain)[0]
    # "good" is known to the news measure and keeps its VADER valence
    with ceiling.second_tier({"zorbly": 2.0, "good": -3.0}, 0.5):
        s, pos, neg, n = news_tone_score("Zorbly results.", plain)
        assert (pos, neg, n) == (1.0, 0, 1)  # 2.0 x 0.5
        assert news_tone_score("Good results.", plain)[0] == good
    assert news_tone_score("Zorbly results.", plain)[3] == 0


def test_best_cutoffs_finds_a_perfect_split(ceiling):
    import numpy as np

    x = np.array([-3.0, -2.0, -1.0, 0.0, 0.1, 0.2, 2.0, 3.0, 4.0])
    y = np.array([-1, -1, -1, 0, 0, 0, 1, 1, 1])
    f1, lo, hi = ceiling.best_cutoffs(x, y)
    assert f1 == 1.0 and -1.0 < lo <= 0.0 and 0.2 <= hi < 2.0


def test_fast_macro_f1_agrees_with_compare_to_human(ceiling):
    import numpy as np
    import pandas as pd

    from toolkit.validity import compare_to_human

    rng = np.random.default_rng(0)
    y, p = rng.integers(-1, 2, 200), rng.integers(-1, 2, 200)
    ids = np.arange(200)
    want = compare_to_human(
        pd.DataFrame({"doc_id": ids, "tone": p.astype(float)}),
        pd.DataFrame({"doc_id": ids, "code": y}),
    ).summary.loc[0, "macro_f1"]
    assert ceiling.macro_f1(y, p) == pytest.approx(want)
