"""Korean and Japanese issue frames (toolkit.measures.framing_cjk). Sentences are CONSTRUCTED."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.measures.framing import frame_dictionary, frames
from toolkit.measures.framing_cjk import issue_frames

FRAMES = [
    "history",
    "territory",
    "security",
    "diplomacy",
    "economy",
    "law",
    "domestic",
    "environment",
    "culture",
]


def present(text: str, language: str) -> set[str]:
    c = pd.DataFrame({"text": [text], "language": [language]})
    row = frames(c, lexicon=issue_frames(language)).iloc[0]
    assert row["status"] == "ok"
    return {f for f in FRAMES if row[f"{f}_count"] > 0}


def test_same_frames_as_english_with_labels():
    english = list(frame_dictionary().categories)
    for lang in ("ko", "ja"):
        d = issue_frames(lang)
        assert list(d.categories) == english == FRAMES
        assert d.language == lang
        assert all(d.meta[f]["label"] for f in FRAMES)


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("일본군위안부 문제에 대한 사죄를 요구했다.", "ko", {"history"}),
        ("독도는 한국 영토라고 밝혔다.", "ko", {"territory"}),
        ("북한이 미사일을 발사했다.", "ko", {"security"}),
        ("양국 정상회담이 열렸다.", "ko", {"diplomacy"}),
        ("반도체 소재 수출규제가 시작됐다.", "ko", {"economy"}),
        ("대법원은 배상 판결을 확정했다.", "ko", {"law"}),
        ("총선을 앞두고 여론조사 결과가 나왔다.", "ko", {"domestic"}),
        ("후쿠시마 오염수 방류가 시작됐다.", "ko", {"environment"}),
        ("한류 드라마 팬들이 늘었다.", "ko", {"culture"}),
        ("慰安婦問題で謝罪を求めた。", "ja", {"history"}),
        ("竹島は日本固有の領土だと主張した。", "ja", {"territory"}),
        ("北朝鮮がミサイルを発射した。", "ja", {"security"}),
        ("日韓首脳会談が開かれた。", "ja", {"diplomacy"}),
        ("半導体材料の輸出管理を強化した。", "ja", {"economy"}),
        ("最高裁が賠償を命じる判決を出した。", "ja", {"law"}),
        ("内閣支持率が世論調査で下がった。", "ja", {"domestic"}),
        ("処理水の海洋放出が始まった。", "ja", {"environment"}),
        ("韓流ドラマのファンが増えた。", "ja", {"culture"}),
    ],
)
def test_each_frame_in_korean_and_japanese(text, language, expected):
    assert present(text, language) == expected


@pytest.mark.parametrize(
    "text,language",
    [
        ("참가자들이 일제히 자리에서 일어났다.", "ko"),  # 일제히 "all at once"
        ("핵심 쟁점은 예산이었다.", "ko"),  # 핵심 "core"
        ("영화 감독도 자리에 있었다.", "ko"),  # 감독도 "the director, too"... 영화 is culture
        ("시장이 취임식을 열었다.", "ko"),  # 시장 "mayor" is not economy
        ("問題の核心を説明した。", "ja"),  # 核心 "core"
    ],
)
def test_traps(text, language):
    got = present(text, language)
    assert "history" not in got and "security" not in got and "territory" not in got
    assert "economy" not in got


def test_other_languages_are_left_unmeasured():
    c = pd.DataFrame(
        {
            "text": ["독도는 한국 땅이다.", "Dokdo is Korean land.", "竹島は日本の領土だ。"],
            "language": ["ko", "en", "ja"],
        }
    )
    out = frames(c, lexicon=issue_frames("ko"))
    assert out["status"].tolist()[0] == "ok"
    assert out["status"].tolist()[1].startswith("not measured: language 'en'")
    assert out["status"].tolist()[2].startswith("not measured: language 'ja'")
    with pytest.raises(ValueError, match="language"):
        issue_frames("en")
