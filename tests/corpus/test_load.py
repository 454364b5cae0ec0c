"""load_corpus: formats, columns, statuses, dates, outlets, duplicates."""

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.corpus.load import (
    BOOKKEEPING_COLUMNS,
    CANONICAL_COLUMNS,
    detect_language,
    load_corpus,
    load_demo,
    outlet_table,
)

# Constructed example texts (not real coverage).
ARTICLES = [
    {
        "id": "a1",
        "body": "Seoul and Tokyo held talks on Tuesday.",
        "paper": "Chosun Ilbo",
        "published": "2015-04-14",
        "section": "Politics",
    },
    {
        "id": "a2",
        "body": "Tokyo said the islets belong to Japan.",
        "paper": "Asahi Shimbun",
        "published": "April 15, 2015",
        "section": "World",
    },
]


def test_canonical_columns_first_and_extras_kept():
    c = load_corpus(
        pd.DataFrame(ARTICLES),
        columns={"id": "doc_id", "body": "text", "paper": "outlet", "published": "date"},
    )
    assert list(c.columns[:13]) == CANONICAL_COLUMNS + BOOKKEEPING_COLUMNS
    assert "section" in c.columns
    assert c["doc_id"].tolist() == ["a1", "a2"]
    assert c["country"].tolist() == ["KR", "JP"]
    assert c["date"].tolist() == [pd.Timestamp("2015-04-14"), pd.Timestamp("2015-04-15")]
    assert (c["title"] == "").all() and (c["url"] == "").all()


def test_missing_text_column_error_lists_columns():
    with pytest.raises(ValueError, match=r"found columns \['headline_only', 'when'\]"):
        load_corpus(pd.DataFrame({"headline_only": ["x"], "when": ["2020-01-01"]}))


def test_columns_mapping_that_does_not_exist_is_an_error():
    with pytest.raises(ValueError, match="nope"):
        load_corpus(pd.DataFrame({"text": ["x"]}), columns={"nope": "outlet"})


def test_common_aliases_are_recognised():
    c = load_corpus(
        pd.DataFrame(
            {
                "본문": ["독도 관련 기사"],
                "언론사": ["조선일보"],
                "일자": ["20190802"],
                "제목": ["제목"],
            }
        )
    )
    assert c.loc[0, "text"] == "독도 관련 기사"
    assert c.loc[0, "country"] == "KR"
    assert c.loc[0, "date"] == pd.Timestamp("2019-08-02")
    assert c.loc[0, "language"] == "ko"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "parquet", "xlsx"])
def test_file_formats_round_trip(tmp_path, fmt):
    df = pd.DataFrame(ARTICLES).rename(
        columns={"body": "text", "paper": "outlet", "published": "date", "id": "doc_id"}
    )
    path = tmp_path / f"corpus.{fmt}"
    if fmt == "csv":
        df.to_csv(path, index=False)
    elif fmt == "tsv":
        df.to_csv(path, sep="\t", index=False)
    elif fmt == "json":
        path.write_text(json.dumps(df.to_dict("records")), encoding="utf-8")
    elif fmt == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in df.to_dict("records")), encoding="utf-8")
    elif fmt == "parquet":
        df.to_parquet(path)
    else:
        df.to_excel(path, index=False)
    c = load_corpus(path)
    assert c["doc_id"].tolist() == ["a1", "a2"]
    assert c["text"].tolist() == [a["body"] for a in ARTICLES]
    assert c["date"].dt.day.tolist() == [14, 15]


def test_csv_in_cp949_loads(tmp_path):
    path = tmp_path / "ko.csv"
    path.write_bytes("text,outlet\n독도는 한국 땅,한겨레\n".encode("cp949"))
    c = load_corpus(path)
    assert c.loc[0, "text"] == "독도는 한국 땅"
    assert c.loc[0, "country"] == "KR"


def test_invalid_jsonl_line_is_named(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\n{"text": broken}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        load_corpus(path)


def test_folder_of_text_files_with_metadata_and_encodings(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Seoul protested on Tuesday.")
    (tmp_path / "b.txt").write_bytes("한국 정부는 항의했다.".encode("cp949"))
    (tmp_path / "c.txt").write_bytes("日本政府は抗議した。".encode("shift_jis"))
    (tmp_path / "d.txt").write_bytes(b"\xef\xbb\xbfWith a byte-order mark.")
    (tmp_path / "e.txt").write_bytes(bytes([0x81, 0x20, 0x8D, 0x20, 0x9D, 0x20]) * 30)
    (tmp_path / "f.txt").write_bytes(b"   \n  ")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,date\na.txt,Yonhap,2015-04-14\nb.txt,한겨레,2015년 4월 15일\n"
        "c.txt,朝日新聞,2015年4月16日\n",
        encoding="utf-8",
    )
    c = load_corpus(tmp_path).set_index("doc_id")
    assert sorted(c.index) == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]
    assert c.loc["b.txt", "text"] == "한국 정부는 항의했다."
    assert c.loc["c.txt", "text"] == "日本政府は抗議した。"
    assert c.loc["d.txt", "text"] == "With a byte-order mark."
    assert c.loc["e.txt", "status"] == "unreadable"
    assert "e.txt" in c.loc["e.txt", "status_reason"]
    assert c.loc["f.txt", "status"] == "empty"
    assert c.loc[["a.txt", "b.txt", "c.txt"], "country"].tolist() == ["KR", "KR", "JP"]
    assert c.loc[["b.txt", "c.txt"], "language"].tolist() == ["ko", "ja"]
    assert c.loc["c.txt", "date"] == pd.Timestamp("2015-04-16")
    assert c.loc["e.txt", "date"] is pd.NaT


def test_empty_and_nan_texts_are_kept_with_status():
    c = load_corpus(pd.DataFrame({"text": ["Real text.", None, float("nan"), "", "   ", 42]}))
    assert len(c) == 6
    assert c["status"].tolist() == ["ok", "empty", "empty", "empty", "empty", "ok"]
    assert c.loc[5, "text"] == "42"
    assert all(c.loc[1:4, "status_reason"] != "")


def test_html_debris_is_removed_and_noted():
    raw = "<p>Seoul &amp; Tokyo met.</p><script>var x=1;</script><br/>Talks&nbsp;ended."
    c = load_corpus(pd.DataFrame({"text": [raw, "<div></div>"]}))
    assert c.loc[0, "text"] == "Seoul & Tokyo met.\n\nTalks ended."
    assert "HTML" in c.loc[0, "status_reason"]
    assert c.loc[1, "status"] == "empty"


def test_exact_duplicates_flagged_not_removed():
    texts = ["Same story here.", "Other story.", "Same  story here.", "same story here."]
    c = load_corpus(pd.DataFrame({"doc_id": ["x", "y", "z", "w"], "text": texts}))
    assert len(c) == 4
    assert c["dup_group"].tolist() == ["x", "y", "x", "x"]
    assert c["is_duplicate"].tolist() == [False, False, True, True]


def test_repeated_doc_ids_made_unique_with_warning():
    with pytest.warns(UserWarning, match="2 repeated doc_id"):
        c = load_corpus(pd.DataFrame({"doc_id": ["a", "a", "a"], "text": ["x", "y", "z"]}))
    assert c["doc_id"].tolist() == ["a", "a~2", "a~3"]


def test_unparseable_dates_kept_as_nat_with_one_warning():
    df = pd.DataFrame({"text": ["a", "b", "c"], "date": ["2015-04-14", "yesterday", "??"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = load_corpus(df)
    messages = [str(w.message) for w in caught if "dates could not be parsed" in str(w.message)]
    assert messages == [
        "2 of 3 dates could not be parsed and were kept as NaT "
        "(the original strings are in the date_raw column)"
    ]
    assert c["date"].isna().tolist() == [False, True, True]
    assert c["date_raw"].tolist() == ["2015-04-14", "yesterday", "??"]


def test_outlet_table_spellings_and_user_extension():
    df = pd.DataFrame(
        {
            "text": ["x"] * 6,
            "outlet": [
                "조선일보",
                "朝日新聞",
                "The Japan Times",
                "KYODO NEWS",
                "Busan Ilbo",
                "Unknown Gazette",
            ],
        }
    )
    c = load_corpus(df, outlets={"Busan Ilbo": "KR"})
    assert c["country"].tolist() == ["KR", "JP", "JP", "JP", "KR", ""]
    table = outlet_table()
    assert {"Yonhap", "Kyodo", "Nikkei", "NHK", "Hankyoreh"} <= set(table["outlet"])


def test_existing_country_column_is_respected():
    c = load_corpus(pd.DataFrame({"text": ["x"], "outlet": ["Asahi"], "country": ["US"]}))
    assert c.loc[0, "country"] == "US"


def test_language_detection_and_mixed_texts():
    assert detect_language("Seoul and Tokyo")[0] == "en"
    assert detect_language("서울과 도쿄")[0] == "ko"
    assert detect_language("東京とソウル")[0] == "ja"
    assert detect_language("12345 !!!") == ("", 0.0)
    mixed = "Seoul and Tokyo agreed today. 서울과 도쿄가 오늘 합의했다 그리고 회담을 열었다"
    c = load_corpus(pd.DataFrame({"text": [mixed]}))
    assert "mixed scripts" in c.loc[0, "status_reason"]


def test_very_long_document_is_kept_whole_and_flagged():
    big = "Seoul and Tokyo met again. " * 10_000
    c = load_corpus(pd.DataFrame({"text": [big]}))
    assert c.loc[0, "n_chars"] == len(big.strip())
    assert c.loc[0, "status"] == "ok"
    assert "very long" in c.loc[0, "status_reason"]


def test_unknown_source_type_and_missing_path():
    with pytest.raises(TypeError, match="DataFrame, a path"):
        load_corpus(42)
    with pytest.raises(FileNotFoundError):
        load_corpus("/no/such/corpus.csv")


def test_demo_corpus_shape_and_credit():
    demo = load_demo()
    assert demo["doc_id"].is_unique
    seed = demo[demo["doc_id"] == "yonhap-2015-04-14"].iloc[0]
    assert seed["outlet"] == "Yonhap" and not seed["constructed"]
    assert "Yonhap" in seed["credit"]
    assert seed["text"].startswith("South Korea and Japan held their first high-level security")
    constructed = demo[demo["constructed"]]
    assert len(constructed) >= 120
    assert set(constructed["country"]) == {"KR", "JP", "INT"}
    assert constructed["episode"].nunique() >= 8
    words = constructed["text"].str.split().str.len()
    assert words.between(150, 400).all()
    assert (demo["status"] == "ok").all()
    assert demo["date"].notna().all()


# --- Shortcuts of the loader against the general code they stand for ---

_WHITE = ["a", "Q", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f"]
_WHITE += ["\u00a0", "\u3000", "\u2028", "É", "ß", "\u0130"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WHITE), min_size=1, max_size=25).map("".join))
def test_dup_key_is_split_join_casefold(text):
    from toolkit.corpus.load import _dup_key

    assert _dup_key(text) == " ".join(text.split()).casefold()


def test_dup_key_by_hand():
    from toolkit.corpus.load import _dup_key

    assert _dup_key("Seoul  Met\n\nTOKYO") == "seoul met tokyo"
    assert _dup_key(" Seoul\x1cmet ") == "seoul met"
    assert _dup_key("Straße") == "strasse"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=" \t\n\u3000ab\u00a0", max_size=6),
            st.none(),
            st.just(float("nan")),
            st.integers(-5, 5),
            st.floats(allow_nan=False, allow_infinity=False, width=32),
        ),
        max_size=8,
    )
)
def test_as_fields_is_as_field_of_each_value(values):
    from toolkit.corpus.load import _as_field, _as_fields

    expected = [_as_field(v) for v in values]
    assert _as_fields(pd.Series(values, dtype=object)) == expected
    strings = [v for v in values if isinstance(v, str)]
    assert _as_fields(pd.Series(strings, dtype="str")) == [_as_field(v) for v in strings]


def test_clean_texts_common_case_matches_text_status():
    from toolkit.corpus.load import LONG_DOC_CHARS, _clean_texts, _text_status
    from toolkit.text.clean import clean_article

    values = ["Seoul met Tokyo.", "", "  ", None, "<p>x</p>", "a" * (LONG_DOC_CHARS + 1), "b"]
    notes_in = ["", "", "", "", "", "", "truncated at 10 pages"]
    texts, status, reasons = _clean_texts(values, notes_in)
    for value, note, text, st_, reason in zip(
        values, notes_in, texts, status, reasons, strict=True
    ):
        expected_text, notes = clean_article(value)
        assert text == expected_text
        assert st_ == _text_status(expected_text, value, note, notes)
        assert reason == "; ".join(filter(None, [note, *notes]))
    # by hand: the statuses the loader documents
    assert status == ["ok", "empty", "empty", "empty", "ok", "ok", "truncated"]
    assert reasons[0] == "" and reasons[5].startswith("very long document")


def test_string_dates_read_as_object_dates_are():
    # the str-dtype shortcut of _parse_date_column against the general path
    # (an object column takes it), warning count included
    dates = ["2015-04-14", "", None, "  ", "not a date", "2015-02-30", "April 4, 2015", "\u3000"]
    texts = [f"Constructed text {i}." for i in range(len(dates))]
    out = {}
    for dtype in ("str", object):
        frame = pd.DataFrame({"text": texts, "date": pd.Series(dates, dtype=dtype)})
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out[dtype] = (load_corpus(frame), [str(w.message) for w in caught])
    pd.testing.assert_frame_equal(out["str"][0], out[object][0], check_exact=True)
    assert out["str"][1] == out[object][1]
    # by hand: "not a date" and "2015-02-30" are the two unparsed non-blank dates
    assert any(m.startswith("2 of 8 dates could not be parsed") for m in out["str"][1])
    assert out["str"][0]["date_raw"].tolist() == [d or "" for d in dates]


@pytest.mark.parametrize("rows", [0, 1])
def test_date_raw_is_a_string_column_even_when_empty(rows):
    # the str-dtype shortcut against the general path on the smallest frames
    frames = [
        pd.DataFrame({"text": pd.Series(["Seoul."] * rows, dtype=dtype)})
        for dtype in ("str", object)
    ]
    loaded = [load_corpus(f) for f in frames]
    assert str(loaded[0]["date_raw"].dtype) == str(loaded[1]["date_raw"].dtype) == "str"
    pd.testing.assert_frame_equal(loaded[0], loaded[1], check_exact=True)


@pytest.mark.parametrize("columns", [None, {"body": "text"}])
def test_the_source_frame_is_left_as_it_was(columns):
    # load_corpus renames and adds columns on its own copy, with or without columns=
    source = pd.DataFrame({"body": ["Seoul met Tokyo."], 7: ["x"], "status": ["draft"]})
    before = source.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(source, columns=columns)
    pd.testing.assert_frame_equal(source, before)
    assert list(source.columns) == ["body", 7, "status"]
    assert "7" in corpus.columns and corpus["user_status"].tolist() == ["draft"]
