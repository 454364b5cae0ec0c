"""Quotes, attribution, speakers and sources.

Example texts are CONSTRUCTED for these tests (the names are invented); the
seed article test reads the real Yonhap article from ../shared when present.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from toolkit.quotes import mentioned_not_quoted, quotes, role_lexicon, sources

SHARED = Path(__file__).resolve().parents[2] / "shared"


def corpus(*texts: str, country: str = "KR", **cols) -> pd.DataFrame:
    data = {"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts),
            "country": [country] * len(texts)}
    data.update(cols)
    return pd.DataFrame(data)


def one(text: str, country: str = "KR") -> pd.DataFrame:
    return quotes(corpus(text, country=country))


# ---------------------------------------------------------------- seed article


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    files = sorted((SHARED / "seed").glob("*.txt")) if SHARED.exists() else []
    if not files:
        pytest.skip("../shared/seed is not available")
    text = files[0].read_text(encoding="utf-8")
    return pd.DataFrame({"doc_id": ["seed"], "text": [text], "outlet": ["Yonhap"],
                         "country": ["KR"]})


def test_seed_quotes(seed: pd.DataFrame) -> None:
    q = quotes(seed)
    direct = q[q.kind == "direct"]
    assert len(direct) == 3 and (q.kind == "direct").all()  # no indirect speech in the seed
    lee = direct.iloc[:2]
    assert (lee["speaker_name"] == "Lee Sang-deok").all()
    assert (lee["speaker_role"] == "foreign_ministry").all()
    assert (lee["speaker_country"] == "KR").all()
    assert lee["attribution"].tolist() == ["after", "continued"]  # 2nd paragraph is his too
    assert lee.iloc[0]["quote"].startswith("Not only in Northeast Asia")
    assert lee.iloc[1]["quote"].startswith("Through today's meeting")
    anon = direct.iloc[2]
    assert anon["speaker"] == "a foreign ministry official"
    assert anon["anonymous"] and anon["speaker_country"] == "KR"
    assert not lee["anonymous"].any()
    text = seed["text"].iloc[0]
    for r in q.itertuples():
        assert text[r.start : r.end] == r.quote


def test_seed_japanese_side_not_quoted(seed: pd.DataFrame) -> None:
    silent = mentioned_not_quoted(seed)
    assert silent["person"].tolist() == ["Junichi Ihara"]
    assert silent["country"].item() == "JP" and silent["role"].item() == "foreign_ministry"


def test_seed_sources(seed: pd.DataFrame) -> None:
    s = sources(seed, by="outlet").set_index(["dimension", "category"])
    assert s.loc[("speaker_country", "KR"), "share"] == 1.0
    assert s.loc[("anonymous", "anonymous"), "count"] == 1
    assert s.loc[("anonymous", "anonymous"), "share"] == pytest.approx(1 / 3)


# ---------------------------------------------------------------- quote marks


def test_curly_and_straight_marks_and_inverted_attribution() -> None:
    q = one("“We will not yield on this,” said Choi Min-ho, a professor at a Seoul university. "
            '"Talks must continue," Choi added.')
    assert q["quote"].tolist() == ["We will not yield on this", "Talks must continue"]
    assert q["speaker_name"].tolist() == ["Choi Min-ho", "Choi"]
    assert q["speaker_role"].iloc[0] == "expert" and pd.isna(q["speaker_role"].iloc[1])
    assert q["speaker_country"].tolist() == ["KR", "KR"]  # Seoul; then the earlier mention
    assert q["country_source"].tolist() == ["speaker", "earlier_mention"]


def test_quote_inside_a_quote_stays_one_quote() -> None:
    text = ('"He told me, \'We will never give up,\' and then he left the room," '
            "said Han Ji-won, a lawyer for the plaintiffs.")
    q = one(text)
    assert len(q) == 1
    assert q["quote"].item() == "He told me, 'We will never give up,' and then he left the room"
    assert q["speaker_name"].item() == "Han Ji-won" and q["speaker_role"].item() == "legal"


def test_multi_sentence_and_multi_paragraph_quotes() -> None:
    text = ('"We regret the decision. We will respond calmly," a Japanese official said.\n\n'
            '"We cannot accept this ruling,\n\n'
            '"and we will not pay," the company spokesperson said.')
    q = one(text, country="JP")
    assert q["quote"].tolist() == ["We regret the decision. We will respond calmly",
                                   "We cannot accept this ruling",
                                   "and we will not pay"]
    assert q["speaker"].tolist()[1:] == ["the company spokesperson"] * 2
    assert q["attribution"].tolist() == ["after", "continued", "after"]
    assert q["speaker_country"].tolist()[0] == "JP"


def test_attribution_before_the_quote_and_according_to() -> None:
    q = one('Defense Minister Yoon Tae-ho said: "The radar was never aimed at the plane."')
    assert q["attribution"].item() == "before"
    assert q["speaker_name"].item() == "Yoon Tae-ho"
    assert q["speaker_role"].item() == "defense_ministry"
    q = one("According to a diplomatic source in Tokyo, the two leaders will meet next month.")
    assert q["kind"].item() == "indirect" and q["attribution"].item() == "according_to"
    assert q["speaker_country"].item() == "JP" and q["anonymous"].item()
    assert q["quote"].item() == "the two leaders will meet next month"


def test_pronoun_attribution_resolves_to_the_nearest_speaker() -> None:
    text = ('"We lodged a strong protest," Japan\'s chief cabinet secretary told reporters. '
            '"The claim is unacceptable," he added.')
    q = one(text, country="KR")
    assert q["speaker"].tolist() == ["Japan's chief cabinet secretary"] * 2
    assert q["speaker_country"].tolist() == ["JP", "JP"]
    assert q["resolved_from"].tolist()[1] == "he"
    assert q["speaker_role"].tolist() == ["chief_cabinet_secretary"] * 2


def test_pronoun_resolves_to_a_person_introduced_in_the_paragraph() -> None:
    text = ('"Japan keeps printing those textbooks," said an office worker, 29, in Seoul.\n\n'
            "A retired army colonel, 67, took a more practical view. "
            '"In the worst case, we will need the Americans," he said.')
    q = one(text)
    assert q["speaker"].tolist() == ["an office worker, 29, in Seoul", "A retired army colonel"]
    assert q["speaker_role"].tolist() == ["resident", "military"]


def test_chief_cabinet_secretary_title_alone_is_japanese() -> None:
    q = one('"We will respond," Chief Cabinet Secretary Ito Kenji said.', country="KR")
    assert q["speaker_country"].item() == "JP" and q["country_source"].item() == "speaker"


def test_north_korea_in_speaker_phrase_is_not_south_korea() -> None:
    q = one("North Korea's foreign ministry said the drills were a rehearsal for invasion.")
    assert q["speaker_country"].item() == "KP"
    assert q["kind"].item() == "indirect"
    assert q["quote"].item() == "the drills were a rehearsal for invasion"


# ---------------------------------------------------------------- indirect speech


def test_indirect_forms() -> None:
    text = ("Foreign Minister Kang Hye-jin said that talks would resume in May. "
            "The talks will resume next month, officials said. "
            "Historians say thousands were mobilized during the war.")
    q = one(text)
    assert q["kind"].tolist() == ["indirect"] * 3
    assert q["quote"].tolist() == ["talks would resume in May", "The talks will resume next month",
                                   "thousands were mobilized during the war"]
    assert q["speaker"].tolist() == ["Foreign Minister Kang Hye-jin", "officials", "Historians"]
    assert q["anonymous"].tolist() == [False, True, True]  # unnamed officials / experts


@pytest.mark.parametrize(
    "text",
    [
        "The so-called 2+2 talks resumed on Tuesday after a long pause.",
        "That said, the outcome of the meeting remained unclear to everyone.",
        "As said before, the agreement stands firm despite the protests.",
        "The said agreement was signed in 1965 by both governments.",
        "The plan is said to be popular among younger voters in Seoul.",
        "Easier said than done, many diplomats would reply to the proposal.",
        "The size of the crowd says much about public anger in Seoul.",
        'Protesters carried a banner reading "No Japan".',  # short quote without attribution
        'Shimane Prefecture again held what it calls "Takeshima Day" on Friday.',  # quoted name
    ],
)
def test_non_attributions_are_not_quotes(text: str) -> None:
    assert one(text).empty


def test_anonymity_formulas() -> None:
    text = ('"We will deliver our stance," a foreign ministry official here said, speaking on '
            "customary condition of anonymity. "
            '"The ship was searching for a vessel," said Kim Do-yun, who asked not to be named. '
            '"We are ready," said Park Seo-jun, a senior foreign ministry official.')
    q = one(text)
    assert q["anonymous"].tolist() == [True, True, False]
    assert q["speaker"].tolist()[0] == "a foreign ministry official"  # "here" trimmed
    assert q["named"].tolist() == [False, True, True]


def test_unnamed_ordinary_people_are_not_anonymous_sources() -> None:
    q = one('"Asking them to leave it at home is not too much," said a retired teacher, 67.')
    assert q["speaker_role"].item() == "resident"
    assert not q["anonymous"].item() and not q["named"].item()
    assert pd.isna(q["speaker_country"].item())
    q2 = quotes(corpus('"Asking them to leave it at home is not too much," said a retired '
                       "teacher, 67."), assume_home=True)
    assert q2["speaker_country"].item() == "KR"
    assert q2["country_source"].item() == "outlet_assumed"


def test_roles_are_ordered_from_specific_to_general() -> None:
    cats = list(role_lexicon().categories)
    assert cats.index("foreign_ministry") < cats.index("government_official")
    assert cats.index("government_official") < cats.index("resident")
    q = one('"Our position has not changed at all," a Japanese foreign ministry official said.')
    assert q["speaker_role"].item() == "foreign_ministry"
    assert q["speaker_roles"].item() == "foreign_ministry|government_official"


# ---------------------------------------------------------------- sources


def test_sources_shares_by_hand_and_every_group_accounted_for() -> None:
    c = corpus(
        '"We regret it deeply," Japan\'s chief cabinet secretary said. '
        '"We will respond," a South Korean official said.',
        '"This is unacceptable for us," a foreign ministry official said.',
        "No quotes in this one at all.",
        outlet=["Daily A", "Daily A", "Times B"],
    )
    s = sources(c, by="outlet")
    a = s[s.outlet == "Daily A"].set_index(["dimension", "category"])
    # Daily A: JP 1, KR 2 (one via outlet default); 2 of 3 anonymous
    assert a.loc[("speaker_country", "KR"), "count"] == 2
    assert a.loc[("speaker_country", "JP"), "share"] == pytest.approx(1 / 3)
    assert a.loc[("anonymous", "anonymous"), "count"] == 2
    assert (a["n_quotes"] == 3).all() and (a["n_docs"] == 2).all()
    b = s[s.outlet == "Times B"]
    assert b["category"].tolist() == ["none"] * 3 and (b["count"] == 0).all()
    assert b["n_docs"].tolist() == [1, 1, 1]
    direct_only = sources(c, by="outlet", kind="indirect")
    assert (direct_only["count"] == 0).all()


def test_mentioned_not_quoted_matches_surnames() -> None:
    text = ("Japan sent Sato Taro, director-general of the foreign ministry. "
            "Foreign Minister Kang Hye-jin met him. "
            '"We had a frank exchange," Kang said.')
    silent = mentioned_not_quoted(corpus(text))
    assert silent["person"].tolist() == ["Sato Taro"]
    assert silent["country"].item() == "JP"


def test_every_document_is_listed_and_offsets_hold() -> None:
    c = corpus('"Talks must go on," said Lee Jun-ho, an analyst.', "", "Plain text here.")
    q = quotes(c)
    assert q["doc_id"].tolist() == ["d0"]
    assert q.attrs["docs_without_quotes"] == ["d1", "d2"]
    assert q["quote_id"].tolist() == [0]


def test_mentioned_not_quoted_skips_institutions_places_and_possessives():
    # Constructed example text.
    text = (
        "The General Security of Military Information Agreement was renewed. "
        "Ships of the Self-Defense Forces sailed into the Pacific Ocean. "
        "President Park Geun-hye's government defended the deal. "
        "Officials said President Park Geun-hye would speak later."
    )
    people = mentioned_not_quoted(pd.DataFrame({"text": [text]}))["person"].tolist()
    assert people == ["Park Geun-hye"]
