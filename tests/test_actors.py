"""Actor mentions, including the traps the lexicon must avoid."""

import pandas as pd
import pytest

from toolkit.actors import actor_lexicon, actor_mentions, actor_table


def mentions(text):
    m = actor_mentions(pd.DataFrame({"text": [text]}))
    return list(zip(m["actor"], m["matched"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul and Tokyo agreed.", [("KR", "Seoul"), ("JP", "Tokyo")]),
        ("North Korea fired a missile.", [("KP", "North Korea")]),
        ("North Korean troops and South Korean troops.",
         [("KP", "North Korean"), ("KR", "South Korean")]),
        ("A Seoul National University professor spoke.", []),
        ("Korean War veterans met in a hall.", []),
        ("Ships crossed the Sea of Japan.", []),
        ("Let us talk.", []),
        ("The U.S.-Japan alliance held.", [("US", "U.S."), ("JP", "Japan")]),
        ("Korea-Japan ties improved.", [("KR", "Korea"), ("JP", "Japan")]),
        ("The Blue House and the Kantei spoke.", [("KR", "Blue House"), ("JP", "Kantei")]),
        ("Moon Jae-in met Prime Minister Kishida.",
         [("KR", "Moon Jae-in"), ("JP", "Prime Minister Kishida")]),
        ("Pyongyang and Beijing watched Washington.",
         [("KP", "Pyongyang"), ("CN", "Beijing"), ("US", "Washington")]),
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
    assert m["end"].tolist() == [s + len(w) for s, w in zip(starts, ["Tokyo", "Seoul", "U.S.",
                                                                     "Japan"], strict=True)]
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
    text = ("The talks came a week after Tokyo angered Seoul by approving new school textbooks "
            "and publishing a white paper renewing its claim to Dokdo.")
    assert mentions(text) == [("JP", "Tokyo"), ("KR", "Seoul")]


def test_no_mentions_gives_empty_frame_with_columns():
    m = actor_mentions(pd.DataFrame({"text": ["Nothing here.", ""]}))
    assert m.empty
    assert m.columns.tolist() == ["doc_id", "sent_id", "actor", "actor_label", "matched",
                                  "start", "end", "sentence"]
