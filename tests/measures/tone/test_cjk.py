"""Korean and Japanese tone: rules on constructed sentences, the API, the lexicons.

The sentences are constructed for these tests (no real speaker). Expected
directions come from the sentences' meaning; expected values are computed by
hand from the lexicon entries and the rules in toolkit/measures/tone/cjk.py.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests._paths import REPO, SHARED
from toolkit.measures.tone.cjk import cjk_lexicon, cjk_span_tone_score, cjk_tone_score
from toolkit.measures.tone.scoring import target_tone, tone

ROOT = REPO


def score(text: str, lang: str = "ko") -> float:
    return cjk_tone_score(text, lang)[0]


def test_korean_score_by_hand():
    # 개선 (improvement) is a hand entry of 1.8; 관계가 개선되었다 has 2
    # eojeols = 3.1 English-word equivalents, so the sum is divided by
    # (3.1 / 20) ** 0.25 and squashed with s / sqrt(s^2 + 15)
    assert cjk_lexicon("ko")["개선"] == 1.8
    s = 1.8 / (2 * 1.55 / 20) ** 0.25
    assert score("관계가 개선되었다.") == pytest.approx(s / math.sqrt(s * s + 15))


@pytest.mark.parametrize(
    "positive, negative, lang",
    [
        ("관계가 개선되었다.", "관계가 개선되지 않았다.", "ko"),  # ~지 않다
        ("양국은 협력한다.", "양국은 협력 안 한다.", "ko"),  # 안 + light verb
        ("회담은 좋았다.", "회담은 안 좋았다.", "ko"),  # 안 + adjective
        ("関係が改善した。", "関係は改善しなかった。", "ja"),  # ない
        ("交渉は成功しました。", "交渉は成功しませんでした。", "ja"),  # ません
        ("関係が改善した。", "関係は改善せず、", "ja"),  # ず
    ],
)
def test_negation_reverses_the_word(positive, negative, lang):
    assert score(positive, lang) > 0 > score(negative, lang)


def test_no_problem_is_better_than_a_problem():
    assert score("문제가 없다.") > score("문제가 있다.")
    assert score("問題ない。", "ja") > score("問題がある。", "ja")


def test_intensifiers_and_dampeners():
    plain, strong, weak = (
        score(t)
        for t in ("관계가 악화되었다.", "관계가 매우 크게 악화되었다.", "관계가 다소 악화되었다.")
    )
    assert strong < plain < weak < 0
    assert score("関係が大きく悪化した。", "ja") < score("関係が悪化した。", "ja") < 0


def test_contrast_weighs_what_follows():
    assert (
        score("실적은 개선되었지만 전망은 악화되었다.")
        < 0
        < score("전망은 악화되었지만 실적은 개선되었다.")
    )
    assert score("業績は改善した。しかし見通しは悪化した。", "ja") < 0


def test_names_carry_no_tone_and_neutral_sentences_score_zero():
    assert score("회의는 서울에서 열렸다.") == 0.0
    assert score("会議は東京で開かれた。", "ja") == 0.0


def test_tone_api_scores_korean_and_japanese_documents_like_english():
    corpus = pd.DataFrame(
        {
            "doc_id": ["ko", "ja", "en", "empty"],
            "text": [
                "양국 관계가 개선되었다. 그러나 갈등은 계속되었다.",
                "関係が悪化した。",
                "Ties have frayed.",
                "",
            ],
            "language": ["ko", "ja", "en", "ko"],
        }
    )
    sent = tone(corpus)
    assert list(sent.columns) == ["doc_id", "sent_id", "tone", "pos_sum", "neg_sum", "n_hits"]
    ko = sent[sent["doc_id"] == "ko"]
    assert ko["tone"].iloc[0] > 0 > ko["tone"].iloc[1]
    # by hand: 3 eojeols = 4.65 English-word equivalents in each sentence; 개선 is +1.8,
    # 갈등 is -1.8 and negative words weigh 1.5 as in the English news measure;
    # the sum is divided by (4.65 / 20) ** 0.25 and squashed with s / sqrt(s^2 + 15)
    hand = []
    for raw in (1.8, -1.8 * 1.5):
        s = raw / (3 * 1.55 / 20) ** 0.25
        hand.append(s / math.sqrt(s * s + 15))
    assert ko["tone"].tolist() == pytest.approx(hand)
    doc = tone(corpus, level="document").set_index("doc_id")
    assert doc["status"].tolist() == ["ok", "ok", "ok", "empty"]
    assert doc.loc["ko", "tone"] == pytest.approx(sum(ko["tone"]) / 2)
    assert doc.loc["ja", "tone"] < 0 and math.isnan(doc.loc["empty", "tone"])
    # VADER reads English only: the Korean document is left unscored, with a reason
    v = tone(corpus, method="vader", level="document").set_index("doc_id")
    assert math.isnan(v.loc["ko", "tone"]) and "English-only" in v.loc["ko", "status"]


def test_tone_toward_a_target_in_korean():
    t = "한국은 협력을 환영했지만 일본은 반발했다."
    assert cjk_span_tone_score(t, 0, 2, "ko") > 0 > cjk_span_tone_score(t, 13, 15, "ko")
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [t], "language": ["ko"]})
    out = target_tone(corpus, actors=["한국", "일본"])
    assert out["matched"].tolist() == ["한국", "일본"]
    assert out["tone"].iloc[0] > 0 > out["tone"].iloc[1]


def test_lexicon_files_say_where_every_entry_comes_from():
    from toolkit.measures.tone.cjk import _read_lexicon

    for lang in ("ko", "ja"):
        table = _read_lexicon(lang)
        assert set(table["source"]) <= {"hand", "projected"}
        assert table["note"].notna().all()
        # a word may be both hand-written and projected (the hand entry wins)
        assert not table.duplicated(["word", "source"]).any()
        assert table["valence"].between(-4, 4).all()
    assert set(_read_lexicon("ja")["source"]) == {"hand"}


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared")
def test_projected_entries_are_what_the_procedure_gives():
    from toolkit.measures.tone.cjk import PROJECTION, _read_lexicon, project_lexicon

    fp = pd.read_csv(SHARED / "eval" / "finphrase_en_ko_dev.tsv", sep="\t")
    again = project_lexicon(fp["en"].tolist(), fp["ko"].tolist(), "ko", **PROJECTION)
    shipped = _read_lexicon("ko").query("source == 'projected'")
    assert dict(zip(again["word"], again["valence"], strict=True)) == dict(
        zip(shipped["word"], shipped["valence"], strict=True)
    )
