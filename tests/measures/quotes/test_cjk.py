"""Korean and Japanese quotes and their speakers (toolkit.measures.quotes.cjk).

The example sentences are CONSTRUCTED for these tests (no real person's
words). The real-data check reads a BigKinds export from ../shared and
compares with speakers labelled by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests._paths import SHARED
from toolkit.measures.quotes.cjk import find_quotes
from toolkit.measures.quotes.english import quotes


def speakers(text: str, language: str = "ko", country: str = "KR") -> list[tuple]:
    rows = find_quotes(text, language, country=country)
    for r in rows:
        assert text[r["start"] : r["end"]] == r["quote"]
    return [(r["quote"], r["speaker"], r["attribution"]) for r in rows]


@pytest.mark.parametrize(
    "text,expected",
    [
        # speaker before the quote, topic particle
        (
            "김민수 외교부 대변인은 이날 브리핑에서 “대화는 계속된다”고 말했다.",
            [("대화는 계속된다", "김민수 외교부 대변인", "before")],
        ),
        # subject particle, -라며 + another verb
        (
            "국방부가 “추가 도발에 대비하고 있다”라며 경계 태세를 점검했다.",
            [("추가 도발에 대비하고 있다", "국방부", "before")],
        ),
        # speaker between the particle and the verb
        (
            "“회담 날짜는 아직 정해지지 않았다”고 정부 고위 당국자가 밝혔다.",
            [("회담 날짜는 아직 정해지지 않았다", "정부 고위 당국자", "after")],
        ),
        # 강조했다, straight quotation marks
        (
            '이 교수는 "양국 모두 한발씩 물러서야 한다"고 강조했다.',
            [("양국 모두 한발씩 물러서야 한다", "이 교수", "before")],
        ),
        # the last topic before the quote is the speaker, not an earlier subject
        (
            "정부가 발표한 계획을 두고 야당은 “현실성이 없다”고 비판했다.",
            [("현실성이 없다", "야당", "before")],
        ),
        # 에 따르면
        (
            "외교부에 따르면 “다음 주 실무 협의가 열린다”는 계획이다.",
            [("다음 주 실무 협의가 열린다", "외교부", "according_to")],
        ),
        # speaker in brackets after the quote
        (
            "“우리는 끝까지 싸울 것이다”(박영희 시민모임 대표)",
            [("우리는 끝까지 싸울 것이다", "박영희 시민모임 대표", "after")],
        ),
    ],
)
def test_korean_speakers(text, expected):
    assert speakers(text) == expected


def test_korean_pronoun_and_dropped_subject_continue_the_speaker():
    text = (
        "최지훈 산업부 장관은 “수출 회복이 우선이다”라고 말했다. "
        "그는 “기업 지원을 늘리겠다”고 밝혔다. “규제도 풀겠다”고 덧붙였다."
    )
    rows = find_quotes(text, "ko", country="KR")
    assert [r["speaker"] for r in rows] == ["최지훈 산업부 장관"] * 3
    assert [r["attribution"] for r in rows] == ["before", "continued", "continued"]
    assert rows[1]["resolved_from"] == "그"
    assert rows[0]["speaker_name"] == "최지훈"
    assert rows[0]["speaker_role"] == "trade_ministry"


def test_korean_scare_quotes_and_terms_are_not_quotes():
    # short quoted terms without attribution, single marks without attribution
    assert speakers("정부는 ‘건폭’ 몰이를 계속했다.") == []
    assert speakers("이른바 “시장화” 구상이 나왔다.") == []


def test_korean_roles_countries_and_anonymity():
    (r,) = find_quotes("일본 외무성 관계자는 “유감이다”라고 말했다.", "ko", country="KR")
    assert (r["speaker"], r["speaker_country"], r["country_source"]) == (
        "일본 외무성 관계자",
        "JP",
        "speaker",
    )
    assert r["anonymous"] and not r["named"]
    (r,) = find_quotes("정부 당국자는 “협의는 계속된다”고 말했다.", "ko", country="KR")
    assert (r["speaker_role"], r["speaker_country"], r["country_source"]) == (
        "government_official",
        "KR",
        "outlet",
    )
    (r,) = find_quotes("직장인 A씨는 “요즘 물가가 너무 올랐다”고 말했다.", "ko", country="KR")
    assert (r["speaker"], r["speaker_role"], r["named"]) == ("A씨", "resident", False)
    (r,) = find_quotes("회사원 김철수씨는 “주말에도 일한다”고 말했다.", "ko")
    assert (r["speaker"], r["speaker_name"], r["named"]) == ("회사원 김철수씨", "김철수", True)
    (r,) = find_quotes("이 관계자는 “검토 중”이라고 말했다.", "ko")
    assert (r["speaker"], r["speaker_name"], r["anonymous"]) == ("이 관계자", None, True)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "林官房長官は記者会見で「極めて遺憾だ」と述べた。",
            [("極めて遺憾だ", "林官房長官", "before")],
        ),
        (
            "外務省の担当者が「協議を続ける」と語った。",
            [("協議を続ける", "外務省の担当者", "before")],
        ),
        (
            "「対話の扉は開いている」と韓国外務省の報道官は強調した。",
            [("対話の扉は開いている", "韓国外務省の報道官", "after")],
        ),
        (
            "政府関係者によると「来週にも発表する」という。",
            [("来週にも発表する", "政府関係者", "according_to")],
        ),
    ],
)
def test_japanese_speakers(text, expected):
    assert speakers(text, "ja", "JP") == expected


def test_japanese_roles_and_names():
    (r,) = find_quotes("林官房長官は「極めて遺憾だ」と述べた。", "ja")
    assert (r["speaker_name"], r["speaker_role"], r["speaker_country"], r["verb"]) == (
        "林",
        "chief_cabinet_secretary",
        "JP",
        "述べた",
    )
    (r,) = find_quotes("「対話の扉は開いている」と韓国外務省の報道官は強調した。", "ja")
    assert (r["speaker_role"], r["speaker_country"]) == ("foreign_ministry", "KR")


def test_quotes_dispatches_korean_and_japanese_documents_and_keeps_english():
    corpus = pd.DataFrame(
        {
            "doc_id": ["en", "ko", "ja"],
            "text": [
                '"We will respond firmly," a defense ministry official said.',
                "김민수 외교부 대변인은 “대화는 계속된다”고 말했다.",
                "林官房長官は「極めて遺憾だ」と述べた。",
            ],
            "language": ["en", "ko", "ja"],
            "country": ["KR", "KR", "JP"],
        }
    )
    q = quotes(corpus)
    assert q["doc_id"].tolist() == ["en", "ko", "ja"]
    assert q["speaker"].tolist() == [
        "a defense ministry official",
        "김민수 외교부 대변인",
        "林官房長官",
    ]
    assert q["quote_id"].tolist() == [0, 0, 0]
    text = corpus.set_index("doc_id")["text"]
    for r in q.itertuples():
        assert text[r.doc_id][r.start : r.end] == r.quote


def test_unclosed_mark_and_bad_language():
    # an unclosed mark does not swallow the text or raise
    assert find_quotes("그는 “끝나지 않은 인용", "ko") == []
    with pytest.raises(ValueError, match="language"):
        find_quotes("text", "en")


# Speakers of the 33 quotes of this export, labelled by hand from the
# articles (doc_id, offset of the quote, speaker phrase or None). Two are
# headline or subheading quotes without a speaker; four are cut by the
# export's 200-character truncation.
_HAND = [
    ("01100101.20230531213522002", 62, "대통령실"),
    ("01100101.20230531211927002", 11, None),
    ("01100101.20230531211927002", 67, "윤석열 대통령"),
    ("01101001.20230531201007001", 14, "윤석열 대통령"),
    ("01101001.20230531200011002", 36, "윤석열 대통령"),
    ("01101001.20230531200011002", 97, "윤 대통령"),
    ("01101001.20230531193004001", 63, "야당"),
    ("01101001.20230531193003002", 50, "대통령실"),
    ("01100901.20230531191632001", 50, "한덕수 국무총리"),
    ("01100901.20230531191632001", 142, "한 총리"),
    ("01100101.20230531185907001", 34, "윤석열 대통령"),
    ("01100101.20230531185907001", 156, "윤 대통령"),
    ("01100801.20230531185347001", 46, "윤석열 대통령"),
    ("01100801.20230531185347001", 170, "윤 대통령"),
    ("01100401.20230531184841001", 14, "윤석열 대통령"),
    ("01100401.20230531184841001", 175, None),
    ("01101001.20230531182010001", 75, "임아무개 <문화방송>(MBC) 기자"),
    ("01101001.20230531181009002", 66, "중국 외교부"),
    ("01101001.20230531181009002", 136, "마오닝 외교부 대변인"),
    ("01100901.20230531181004001", 155, "A씨"),
    ("01100901.20230531180442001", 86, "더불어민주당"),
    ("01100401.20230531175027001", 111, "국가안보실"),
    ("01101001.20230531174006001", 1, "윤장혁 금속노조 위원장"),
    ("01100101.20230531172908001", 61, "대통령실"),
    ("01100901.20230531172725001", 110, "윤 대통령"),
    ("01100901.20230531172725001", 163, "윤 대통령"),
    ("01101001.20230531172005001", 74, "정의당 전남도당"),
    ("01101001.20230531172005001", 117, "전남도당"),
    ("01100101.20230531171706001", 32, "윤석열 대통령"),
    ("01101001.20230531171004001", 102, "시민모임"),
    ("01100901.20230531164614001", 163, "경찰"),
    ("01100901.20230531162225002", 32, "윤석열 대통령"),
    ("01100901.20230531162225002", 143, "윤 대통령"),
]


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present")
def test_real_bigkinds_export_speakers_match_hand_labels():
    import toolkit

    corpus = toolkit.load_corpus(SHARED / "samples" / "exports" / "bigkinds_full_columns.xlsx")
    q = quotes(corpus)
    got = [
        (r.doc_id, int(r.start), r.speaker if isinstance(r.speaker, str) else None)
        for r in q.itertuples()
    ]
    assert got == _HAND


def test_quote_cut_by_a_truncated_export_runs_to_the_end():
    text = "그는 앞서 발언했다. 김 장관은 “이번 조치는 양국 모두에 중요한 결정이라고 생각.."
    (r,) = find_quotes(text, "ko")
    assert r["quote"] == "이번 조치는 양국 모두에 중요한 결정이라고 생각"
    assert (r["speaker"], r["attribution"], r["end"]) == ("김 장관", "before", len(text) - 2)
    # a fragment of a word or two is not counted
    assert find_quotes("김 장관은 “처음..", "ko") == []
