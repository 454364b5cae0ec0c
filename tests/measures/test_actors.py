"""Actor mentions, including the traps the lexicon must avoid."""

import pandas as pd
import pytest

from toolkit.measures.actors import actor_lexicon, actor_mentions, actor_table


def mentions(text):
    m = actor_mentions(pd.DataFrame({"text": [text]}))
    return list(zip(m["actor"], m["matched"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul and Tokyo agreed.", [("KR", "Seoul"), ("JP", "Tokyo")]),
        ("North Korea fired a missile.", [("KP", "North Korea")]),
        (
            "North Korean troops and South Korean troops.",
            [("KP", "North Korean"), ("KR", "South Korean")],
        ),
        ("A Seoul National University professor spoke.", []),
        ("Korean War veterans met in a hall.", []),
        ("Ships crossed the Sea of Japan.", []),
        ("Let us talk.", []),
        ("The U.S.-Japan alliance held.", [("US", "U.S."), ("JP", "Japan")]),
        ("Korea-Japan ties improved.", [("KR", "Korea"), ("JP", "Japan")]),
        ("The Blue House and the Kantei spoke.", [("KR", "Blue House"), ("JP", "Kantei")]),
        (
            "Moon Jae-in met Prime Minister Kishida.",
            [("KR", "Moon Jae-in"), ("JP", "Prime Minister Kishida")],
        ),
        (
            "Pyongyang and Beijing watched Washington.",
            [("KP", "Pyongyang"), ("CN", "Beijing"), ("US", "Washington")],
        ),
        ("The Korean Peninsula is tense.", []),
        # Korean is tokenized into morphemes: the mention is the name, not its particle
        ("한국과 일본은 북한 문제를 논의했다.", [("KR", "한국"), ("JP", "일본"), ("KP", "북한")]),
    ],
)
def test_mentions_and_traps(text, expected):
    assert mentions(text) == expected


def test_spans_point_into_the_document_text():
    text = "Officials met.\nTalks between Tokyo and Seoul resumed; the U.S.-Japan pact held."
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    m = actor_mentions(corpus)
    assert m["matched"].tolist() == ["Tokyo", "Seoul", "U.S.", "Japan"]
    # offsets located by hand in the text
    starts = [text.index("Tokyo"), text.index("Seoul"), text.index("U.S."), text.index("Japan")]
    assert m["start"].tolist() == starts
    assert m["end"].tolist() == [
        s + len(w) for s, w in zip(starts, ["Tokyo", "Seoul", "U.S.", "Japan"], strict=True)
    ]
    assert m["sent_id"].tolist() == [1, 1, 1, 1]


def test_user_extension_adds_patterns_and_actors():
    lex = actor_lexicon({"KR": ["Yongsan"], "RU": {"label": "Russia", "patterns": ["Moscow"]}})
    m = actor_mentions(pd.DataFrame({"text": ["Yongsan and Moscow replied."]}), lexicon=lex)
    assert m[["actor", "actor_label"]].values.tolist() == [["KR", "South Korea"], ["RU", "Russia"]]


def test_actor_table_lists_includes_and_excludes():
    t = actor_table()
    assert set(t["actor"]) == {"KR", "JP", "US", "KP", "CN"}
    assert ("JP", "Sea of Japan", "exclude") in set(zip(t.actor, t.pattern, t.kind, strict=True))


def test_seed_like_sentence():
    text = (
        "The talks came a week after Tokyo angered Seoul by approving new school textbooks "
        "and publishing a white paper renewing its claim to Dokdo."
    )
    assert mentions(text) == [("JP", "Tokyo"), ("KR", "Seoul")]


def test_no_mentions_gives_empty_frame_with_columns():
    m = actor_mentions(pd.DataFrame({"text": ["Nothing here.", ""]}))
    assert m.empty
    assert m.columns.tolist() == [
        "doc_id",
        "sent_id",
        "actor",
        "actor_label",
        "matched",
        "start",
        "end",
        "sentence",
    ]


# Korean and Japanese (constructed sentences): names with particles and in
# compounds, and the traps the header of actors.yaml lists.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("한국 정부는 유감을 표명했다.", [("KR", "한국")]),
        ("청와대가 입장을 냈다.", [("KR", "청와대")]),
        ("대통령실은 회의를 열었다.", [("KR", "대통령실")]),
        ("서울과 도쿄가 합의했다.", [("KR", "서울"), ("JP", "도쿄")]),
        ("우리 정부는 단호히 대응하겠다고 했다.", [("KR", "우리 정부")]),
        ("윤석열 대통령이 기시다 총리와 만났다.", [("KR", "윤석열"), ("JP", "기시다 총리")]),
        ("일본 정부는 항의했다.", [("JP", "일본")]),
        ("일본해군 함정이 입항했다.", [("JP", "일본")]),
        ("자위대 초계기가 접근했다.", [("JP", "자위대")]),
        (
            "북한은 미사일을 쐈고 미국과 중국이 우려했다.",
            [("KP", "북한"), ("US", "미국"), ("CN", "중국")],
        ),
        ("평양에서 열병식이 열렸다.", [("KP", "평양")]),
        ("日本政府は韓国に抗議した。", [("JP", "日本"), ("KR", "韓国")]),
        ("首相官邸で会見があった。", [("JP", "首相官邸")]),
        ("東京とソウルが協議した。", [("JP", "東京"), ("KR", "ソウル")]),
        (
            "北朝鮮が発射し、米国と中国が反応した。",
            [("KP", "北朝鮮"), ("US", "米国"), ("CN", "中国")],
        ),
        ("岸田首相は尹錫悦大統領と会談した。", [("JP", "岸田首相"), ("KR", "尹錫悦")]),
        # traps
        ("한국전쟁 참전 용사를 기렸다.", []),  # the Korean War
        ("한국전력 주가가 올랐다.", []),  # a company
        ("북한산 등산로가 붐볐다.", []),  # a mountain in Seoul
        ("북한강 자전거길이 열렸다.", []),  # a river
        ("평양냉면 가게에 줄이 섰다.", []),  # a dish
        ("서울대 연구팀이 발표했다.", []),  # a university
        ("서울시는 버스 요금을 올렸다.", []),  # the city government
        ("일본해 표기 문제가 불거졌다.", []),  # the sea name
        ("日本海で漁をした。", []),
        ("東京電力が発表した。", []),  # TEPCO
        ("東京大学の研究者が調べた。", []),
        ("中国地方で大雨が降った。", []),  # a region of Japan
        ("동중국해에서 훈련했다.", []),  # the East China Sea
    ],
)
def test_korean_and_japanese_mentions_and_traps(text, expected):
    m = actor_mentions(pd.DataFrame({"text": [text]}))
    got = list(zip(m["actor"], m["matched"], strict=True))
    assert got == expected
    for r in m.itertuples():
        assert text[r.start : r.end] == r.matched


def test_korean_offsets_in_later_sentences_and_mixed_scripts():
    text = "첫 문장이다. 이어서 Seoul 특파원은 일본 정부가 반발했다고 전했다."
    m = actor_mentions(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert list(zip(m["actor"], m["matched"], m["sent_id"], strict=True)) == [
        ("KR", "Seoul", 1),
        ("JP", "일본", 1),
    ]
    assert m["start"].tolist() == [text.index("Seoul"), text.index("일본")]


def test_user_korean_patterns_become_text_patterns():
    lex = actor_lexicon({"KR": ["용산*"]})
    assert "용산*" not in lex.categories["KR"]
    m = actor_mentions(pd.DataFrame({"text": ["용산은 답하지 않았다."]}), lexicon=lex)
    assert m[["actor", "matched"]].values.tolist() == [["KR", "용산"]]
    # bundled text patterns are kept when a user adds some
    assert "청와대" in lex.meta["KR"]["text_patterns"]


def test_find_actors_reads_inside_korean_tokens():
    from toolkit.measures.actors import find_actors

    assert find_actors(["한국과", "일본은", "만났다"], actor_lexicon()) == [
        (0, 1, "KR", 0, 2),
        (1, 2, "JP", 0, 2),
    ]
