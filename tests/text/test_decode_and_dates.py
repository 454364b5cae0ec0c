"""Encoding detection and date parsing (expected values written by hand)."""

import codecs
import math

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from toolkit.text.dates import parse_date, parse_dates
from toolkit.text.decode import (
    DecodeError,
    _folder_log_odds,
    decode_bytes,
    decode_text,
    folder_counts,
    read_text,
)

KO = "한국과 일본은 14일 서울에서 안보 회의를 열었다. 독도 문제도 논의됐다."
JA = "日本と韓国は14日、ソウルで安全保障対話を開いた。竹島の問題も議論された。"
EN = "The talks – held in Seoul – ended “amicably”, a café owner said."


@pytest.mark.parametrize(
    ("text", "encoding", "expected_codec"),
    [
        (KO, "utf-8", "utf-8"),
        (KO, "cp949", "cp949"),
        (KO, "euc_kr", "cp949"),
        (JA, "shift_jis", "cp932"),
        (JA, "cp932", "cp932"),
        (EN, "cp1252", "cp1252"),
        (EN, "utf-8", "utf-8"),
    ],
)
def test_decode_bytes_recovers_text(text, encoding, expected_codec):
    decoded, codec = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert codec == expected_codec


def test_bom_is_stripped_and_reported():
    decoded, codec = decode_bytes(codecs.BOM_UTF8 + KO.encode("utf-8"))
    assert decoded == KO
    assert codec == "utf-8-sig"


def test_windows_newlines_are_normalised():
    assert decode_bytes(b"a\r\nb\rc")[0] == "a\nb\nc"


def test_undecodable_file_names_its_path(tmp_path):
    # 0x81 0x8D 0x8F 0x90 0x9D are undefined in cp1252 and invalid as the
    # lead/trail bytes used here in UTF-8, cp949 and cp932.
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes([0x81, 0x20, 0x8D, 0x20, 0x8F, 0x20, 0x90, 0x20, 0x9D]) * 20)
    with pytest.raises(DecodeError, match="broken.txt"):
        read_text(bad)


@pytest.mark.parametrize("word", ["Köln", "schön", "señor", "año", "Straße"])
def test_accented_word_is_not_flagged_for_a_private_use_or_half_width_reading(word):
    # cp932 reads ö/ñ (0xF6, 0xF1 + next byte) as private-use characters and
    # ß (0xDF) as a half-width katakana inside the word: no real reading
    d = decode_text(word.encode("cp1252"))
    assert (d.text, d.encoding, d.note) == (word, "cp1252", "")


def test_cp932_text_with_a_user_defined_character_is_still_cp932():
    # a newspaper's own character (gaiji, cp932 0xF040 = U+E000) in real text
    text = "日本政府は\ue000氏の発言に抗議した"  # constructed
    d = decode_text(text.encode("cp932"))
    assert (d.text, d.encoding) == (text, "cp932")


# ------------------------------------------------------------- folder prior

# The EUC-JP bytes of 人 are also the EUC-KR bytes of 와 (0xBF 0xCD
# in both tables): on its own the file cannot say which it is.
HITO_EUC = "人".encode("euc_jp")


def test_single_kanji_alone_is_flagged_either_way():
    assert HITO_EUC == "와".encode("euc_kr")  # the collision the tests below rely on
    assert decode_text(HITO_EUC).note.startswith("encoding uncertain")


def test_folder_of_euc_jp_files_turns_an_uncertain_pick_and_keeps_the_flag():
    d = decode_text(HITO_EUC, folder={"euc_jp": 10})
    assert (d.text, d.encoding) == ("人", "euc_jp")
    assert d.note == (
        "encoding uncertain: read as euc_jp like 10 other files of its folder, could be cp949"
    )


def test_folder_of_korean_files_keeps_the_hangul_reading():
    d = decode_text(HITO_EUC, folder={"cp949": 10})
    assert (d.text, d.encoding) == ("와", "cp949")
    assert d.note == (
        "encoding uncertain: read as cp949 like 10 other files of its folder, could be euc_jp"
    )


def test_folder_prior_never_overrules_a_certain_file():
    # a Korean sentence beside a thousand EUC-JP files is still Korean, unflagged
    d = decode_text(KO.encode("cp949"), folder={"euc_jp": 1000})
    assert (d.text, d.encoding, d.note) == (KO, "cp949", "")


def test_folder_counts_counts_only_certain_legacy_files():
    files = [
        ("euc_jp", ""),
        ("euc_jp", ""),
        ("cp949", ""),
        ("euc_jp", "encoding uncertain: read as euc_jp, could be cp949"),
        ("utf-8", ""),
        ("utf-16", ""),
        ("cp949", "UTF-8 byte-order mark, but the bytes after it are not UTF-8"),
    ]
    assert folder_counts(files) == {"euc_jp": 2, "cp949": 1}


def test_folder_prior_is_the_rule_of_succession():
    # (n + 1/2) / (m + 1/2): 10 EUC-JP files and no cp949 file give 21 to 1
    assert _folder_log_odds({"euc_jp": 10}, "euc_jp", "cp949") == pytest.approx(math.log(21))
    assert _folder_log_odds({"euc_jp": 3, "cp949": 1}, "cp949", "euc_jp") == pytest.approx(
        math.log(1.5 / 3.5)
    )
    assert _folder_log_odds({}, "euc_jp", "cp949") == 0.0


def test_forced_encoding_error_is_clear():
    with pytest.raises(DecodeError, match="utf-8"):
        decode_bytes("독도".encode("cp949"), encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2015-04-14", "2015-04-14"),
        ("2015-04-14T23:30:00+09:00", "2015-04-14"),
        ("20230531", "2023-05-31"),
        ("2015.04.14", "2015-04-14"),
        ("2015/4/14", "2015-04-14"),
        ("April 14, 2015", "2015-04-14"),
        ("Apr. 14, 2015", "2015-04-14"),
        ("Tuesday, April 14, 2015 5:38 AM GMT", "2015-04-14"),
        ("14 April 2015", "2015-04-14"),
        ("2015년 4월 14일", "2015-04-14"),
        ("2015년4월14일 오후 3시", "2015-04-14"),
        ("2015年4月14日", "2015-04-14"),
        ("2019年 8月 2日(金)", "2019-08-02"),
        ("9 Januar 1993", "1993-01-09"),
        ("14 avril 2015", "2015-04-14"),
        ("1er mars 2019", "2019-03-01"),
        ("9 de enero de 1993", "1993-01-09"),
        ("2015. 4. 14. 오전 5:38", "2015-04-14"),
        (20150414, "2015-04-14"),
    ],
)
def test_parse_date_forms(raw, expected):
    assert parse_date(raw) == pd.Timestamp(expected)


@pytest.mark.parametrize("raw", ["", None, float("nan"), "soon", "April 31, 2015", "2015-13-01"])
def test_unparseable_dates_are_nat(raw):
    assert parse_date(raw) is pd.NaT


def test_parse_dates_keeps_index_and_order():
    s = pd.Series(["2015年4月14日", "bad", "20230531"], index=[10, 11, 12])
    out = parse_dates(s)
    assert out.index.tolist() == [10, 11, 12]
    assert out.isna().tolist() == [False, True, False]
    assert out[12] == pd.Timestamp("2023-05-31")


# Constructed short strings: single kanji and Hangul syllables whose bytes
# collide across EUC-JP and EUC-KR, and a few ordinary words.
SHORT = ["人", "生", "海", "石", "와", "집", "못", "색", "東京", "서울", "淡井", "café", "Köln"]
CODECS = ["cp949", "euc_jp", "cp932", "cp1252"]


@settings(max_examples=60, deadline=None)
@given(
    text=st.sampled_from(SHORT),
    encoding=st.sampled_from(["euc_kr", "euc_jp", "shift_jis", "cp1252"]),
    folder=st.dictionaries(st.sampled_from(CODECS), st.integers(0, 500), max_size=4),
)
def test_folder_prior_only_acts_on_flagged_files_and_never_unflags(text, encoding, folder):
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    alone = decode_text(raw)
    beside = decode_text(raw, folder=folder)
    if "encoding uncertain" in alone.note:
        assert "encoding uncertain" in beside.note
    else:
        assert beside == alone


def _old_parse_dates(values) -> pd.Series:
    """parse_dates as written before its vectorised ISO path (oracle): one parse_date each."""
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    cache = {}
    out = []
    for v in s.tolist():
        key = v if isinstance(v, (str, int, float, type(None))) else repr(v)
        if key not in cache:
            cache[key] = parse_date(v)
        out.append(cache[key])
    return pd.Series(pd.to_datetime(out), index=s.index, dtype="datetime64[ns]")


_DATE_FORMS = [
    "2015-01-01",
    "2016-02-29",
    "2015-02-29",  # no such day
    "2015-13-01",
    "0000-01-01",
    "1699-12-31",
    "1700-01-01",
    "2200-12-31",
    " 2015-03-04 ",
    "2015-3-4",
    "2015/03/04",
    "20150304",
    "2015-01-01T05:00:00+09:00",
    "2015-01-01x",
    "x2015-01-01",
    "\u0662\u0660\u0661\u0665-\u0660\u0661-\u0660\u0661",  # Arabic-Indic digits
    "April 4, 2015",
    "4 Avril 2015",
    "2015년 4월 14일",
    "",
    None,
    float("nan"),
    20150101,
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DATE_FORMS), max_size=12))
def test_parse_dates_equals_one_parse_per_value(values):
    pd.testing.assert_series_equal(parse_dates(values), _old_parse_dates(values))


def test_parse_dates_iso_by_hand():
    got = parse_dates(
        pd.Series(["2015-04-14", "2015-02-30", None, "2015-04-14"], index=[5, 6, 7, 8])
    )
    assert got.dtype == "datetime64[ns]"
    assert got.index.tolist() == [5, 6, 7, 8]
    assert got.tolist()[0] == pd.Timestamp(2015, 4, 14) == got.tolist()[3]
    assert got.isna().tolist() == [False, True, True, False]


def test_a_date_no_datetime64_column_can_hold_is_unreadable_not_a_crash():
    # a mistyped year in an export ("1015" for "2015") used to stop the whole
    # load with pandas' OutOfBoundsDatetime; it is now NaT like any unreadable
    # date, its text kept in date_raw and counted in the warning
    import datetime

    from toolkit.corpus.load import load_corpus

    got = parse_dates(
        ["1015-04-16", "15 March 1500", "2300-05-05", "2015-04-14", datetime.date(1500, 1, 1)]
    )
    assert got.isna().tolist() == [True, True, True, False, True]
    # the edges of datetime64[ns] (pandas: 1677-09-21 00:12:43 to 2262-04-11 23:47:16)
    assert parse_dates(
        ["1677-09-22", "1677-09-21", "2262-04-11", "2262-04-12"]
    ).isna().tolist() == [
        False,
        True,
        False,
        True,
    ]
    corpus = pd.DataFrame(
        {"text": ["Seoul met Tokyo.", "Tokyo met Seoul."], "date": ["1015-04-16", "2015-04-16"]}
    )
    with pytest.warns(UserWarning, match="1 of 2 dates could not be parsed"):
        out = load_corpus(corpus)
    assert out["date"].isna().tolist() == [True, False]
    assert out["date_raw"].tolist() == ["1015-04-16", "2015-04-16"]
