"""Readers for news-archive exports: fixtures written for this project, and the
shared real samples (counts only) when ../shared is present.

Expected values below were counted by hand from the fixture files in
tests/fixtures/exports/ (see make_fixtures.py there) or from the builders in
this file; they are not taken from the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

from tests._paths import FIXTURES, SHARED, needs_shared
from toolkit.readers import (
    CANONICAL_COLUMNS,
    detect_format,
    read_bigkinds,
    read_export,
    read_factiva,
    read_lexisnexis,
    read_nexis,
    read_scraped,
    summarize_load,
)

EXPORT_FIXTURES = FIXTURES / "exports"
SAMPLES = SHARED / "samples" / "exports"
TS = pd.Timestamp


def check_frame(df: pd.DataFrame) -> None:
    """The contract every reader keeps."""
    assert list(df.columns[:8]) == CANONICAL_COLUMNS
    assert df.columns[-1] == "parse_warnings"
    assert str(df["date"].dtype) == "datetime64[ns]"
    for col in (
        "doc_id",
        "text",
        "title",
        "outlet",
        "country",
        "language",
        "url",
        "parse_warnings",
    ):
        assert df[col].map(lambda v: isinstance(v, str)).all(), col
    assert (df["country"] == "").all()
    assert df["doc_id"].is_unique


# ------------------------------------------------------------------ Nexis Uni DOCX


def add_para(d, text: str, br_before: bool = False) -> None:
    p = d.add_paragraph()
    run = p.add_run()
    if br_before:
        run.add_break()
    run.add_text(text)


NEXIS_A1 = {
    "title": "Seoul and Tokyo resume security dialogue",
    "outlet": "The Example Herald",
    "date": "April 14, 2015 Tuesday, Late Edition - Final",
    "fields": [
        ("Section", "World; Asia"),
        ("Length", "45 words"),
        ("Byline", "By A. Reporter"),
        ("Dateline", "SEOUL"),
    ],
    "body": [
        "Officials of South Korea and Japan met in Seoul on Tuesday for security talks, "
        "the first in five years.",
        "The delegations discussed how to share missile warnings, a ministry official "
        "said after the meeting.",
    ],
    "url": "https://herald.example.org/2015/04/14/talks",
    "graphic": "Delegates arrive at the ministry.",
    "language": "ENGLISH",
    "load_date": "April 15, 2015",
}
NEXIS_A2 = {
    "title": "Talks end without statement",
    "outlet": "Example Wire Service",
    "date": "April 15, 2015 Wednesday 10:36 EST",
    "fields": [("Length", "12 words")],
    "body": ["The talks ended on Wednesday without a joint statement from either side."],
    "load_date": "April 16, 2015",
}


def build_nexis(
    path: Path, articles: list[dict], cover: bool = True, last_separator: bool = True
) -> Path:
    d = docx.Document()
    if cover:
        add_para(d, "User Name: A Tester")
        add_para(d, "Date and Time: Monday, May 4, 2015 9:00:00 AM KST")
        add_para(d, "Job Number: 1234")
        add_para(d, f"Documents ({len(articles)})")
        for i, a in enumerate(articles, start=1):
            add_para(d, f"{i}. {a['title']}")
            add_para(d, "Client/Matter: -None-")
            add_para(d, "Search Terms: korea and japan")
            add_para(d, "Search Type: Terms and Connectors")
            add_para(d, "Narrowed by: ")
            t = d.add_table(rows=2, cols=2)
            t.cell(0, 0).text, t.cell(0, 1).text = "Content Type", "Narrowed by"
            t.cell(1, 0).text, t.cell(1, 1).text = "News", "Sources: Example"
        add_para(d, "")
    for k, a in enumerate(articles):
        add_para(d, a["title"])
        add_para(d, a["outlet"])
        add_para(d, a["date"])
        add_para(d, "")
        add_para(d, f"Copyright 2015 {a['outlet']}", br_before=True)
        for label, value in a["fields"]:
            add_para(d, f"{label}:\u00a0{value}")
        add_para(d, "Body")
        add_para(d, "")
        for para in a["body"]:
            add_para(d, para)
        if a.get("url"):
            add_para(d, a["url"], br_before=True)
        if a.get("graphic"):
            add_para(d, "Graphic", br_before=True)
            add_para(d, a["graphic"])
        if a.get("language"):
            add_para(d, "Classification", br_before=True)
            add_para(d, f"Language:\u00a0{a['language']}")
        add_para(d, f"Load-Date:\u00a0{a['load_date']}", br_before=True)
        add_para(d, "")
        if k < len(articles) - 1 or last_separator:
            add_para(d, "End of Document", br_before=True)
    d.save(path)
    return path


def test_nexis_fields_body_and_tail(tmp_path):
    df = read_nexis(build_nexis(tmp_path / "nexis.docx", [NEXIS_A1, NEXIS_A2]))
    check_frame(df)
    assert len(df) == 2
    assert df["doc_id"].tolist() == ["nexis.docx#1", "nexis.docx#2"]
    a1, a2 = df.iloc[0], df.iloc[1]
    assert a1["title"] == NEXIS_A1["title"]
    assert a1["outlet"] == "The Example Herald"
    assert a1["date"] == TS("2015-04-14")
    assert a1["edition"] == "Late Edition - Final"
    assert a1["section"] == "World; Asia"
    assert a1["length"] == 45
    assert a1["byline"] == "By A. Reporter"
    assert a1["dateline"] == "SEOUL"
    assert a1["text"] == "\n\n".join(NEXIS_A1["body"])
    assert a1["url"] == NEXIS_A1["url"]
    assert a1["graphic"] == NEXIS_A1["graphic"]
    assert a1["language"] == "en"
    assert a1["load_date"] == "April 15, 2015"
    assert a1["parse_warnings"] == ""
    assert a2["date"] == TS("2015-04-15")
    assert a2["byline"] == "" and a2["url"] == "" and a2["language"] == ""
    assert a2["text"] == NEXIS_A2["body"][0]
    assert df["file_warnings"].tolist() == ["", ""]
    assert detect_format(tmp_path / "nexis.docx") == "nexis_docx"


def test_nexis_truncated_last_article_is_kept_with_warning(tmp_path):
    path = build_nexis(tmp_path / "cut.docx", [NEXIS_A1, NEXIS_A2], last_separator=False)
    df = read_nexis(path)
    assert len(df) == 2
    assert df.loc[0, "parse_warnings"] == ""
    assert "no 'End of Document'" in df.loc[1, "parse_warnings"]


def test_nexis_missing_separator_is_flagged_not_dropped(tmp_path):
    # Three articles, the separator after the first removed: two blocks remain.
    a3 = dict(NEXIS_A2, title="A third article", load_date="April 17, 2015")
    path = build_nexis(tmp_path / "merged.docx", [NEXIS_A1, NEXIS_A2, a3])
    d = docx.Document(path)
    first_sep = next(p for p in d.paragraphs if p.text.strip() == "End of Document")
    first_sep._element.getparent().remove(first_sep._element)
    d.save(path)
    df = read_nexis(path)
    assert len(df) == 2
    assert "more than one 'Body'" in df.loc[0, "parse_warnings"]
    assert df.loc[0, "file_warnings"] == "cover declares Documents (3), found 2"


def test_nexis_without_cover_and_without_date(tmp_path):
    no_date = dict(NEXIS_A2, date="")
    df = read_nexis(build_nexis(tmp_path / "single.docx", [no_date], cover=False))
    assert len(df) == 1
    assert df.loc[0, "title"] == "Talks end without statement"
    # The header has no date line, so the Load-Date is used and said so.
    assert df.loc[0, "date"] == TS("2015-04-16")
    assert "used Load-Date" in df.loc[0, "parse_warnings"]


def test_nexis_damaged_docx_is_valueerror(tmp_path):
    good = build_nexis(tmp_path / "good.docx", [NEXIS_A1])
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good.read_bytes()[:300])
    with pytest.raises(ValueError, match="not a readable DOCX"):
        read_nexis(bad)
    assert detect_format(bad) == "nexis_docx"  # by extension, so the reader explains
    with pytest.raises(ValueError, match="not a readable DOCX"):
        read_export(bad)


def test_plain_docx_is_not_detected(tmp_path):
    d = docx.Document()
    d.add_paragraph("Meeting notes: nothing to do with news archives.")
    d.save(tmp_path / "notes.docx")
    assert detect_format(tmp_path / "notes.docx") is None


# ------------------------------------------------------------------ LexisNexis


def test_lexisnexis_txt_fixture():
    df = read_lexisnexis(EXPORT_FIXTURES / "lexisnexis_en.txt")
    check_frame(df)
    assert len(df) == 3
    assert df["encoding"].iloc[0] == "utf-8-sig"
    assert df["title"].tolist() == [
        "Seoul and Tokyo hold first security talks in five years",
        "Talks end without joint statement",
        "Editorial: A careful step",
    ]
    assert df["outlet"].tolist() == [
        "The Example Herald",
        "Example Wire Service",
        "The Example Herald",
    ]
    assert df["date"].tolist() == [TS("2015-04-14"), TS("2015-04-15"), TS("2015-04-17")]
    assert df["length"].tolist() == [42, 31, 25]
    assert df["byline"].tolist() == ["A. Reporter", "", "The Editorial Board"]
    assert df.loc[0, "section"] == "NEWS; Pg. 3"
    assert df.loc[0, "edition"] == "Final Edition"
    assert df.loc[0, "dateline"] == "SEOUL"
    assert df.loc[0, "text"].startswith("Defence and foreign ministry officials")
    assert df.loc[0, "text"].count("\n\n") == 1  # two paragraphs
    assert df.loc[0, "text"].endswith("an official said.")
    assert df.loc[1, "graphic"] == (
        "Delegates arrive for the talks in Seoul. Photo by a staff photographer."
    )
    assert df.loc[1, "copyright"] == "Copyright 2015 Example Wire Service"
    assert (df["language"] == "en").all()
    # Article 3 has no date line: the LOAD-DATE is used and said so.
    assert df["parse_warnings"].tolist()[:2] == ["", ""]
    assert df.loc[2, "parse_warnings"] == "no publication date; used LOAD-DATE"
    assert df.loc[0, "file_warnings"] == ""


def test_lexisnexis_cp1252():
    df = read_lexisnexis(EXPORT_FIXTURES / "lexisnexis_cp1252.txt")
    assert df["encoding"].iloc[0] == "cp1252"
    assert df["title"].tolist() == [
        "Café diplomacy: “a naïve hope”, critics say",
        "Ministers’ résumé of the talks",
    ]
    assert "€2,000" in df.loc[0, "text"]
    # "14 avril 2015 mardi" is a French interface date.
    assert df["date"].tolist() == [TS("2015-04-14"), TS("2015-04-16")]
    assert df["language"].tolist() == ["fr", "en"]


def test_load_corpus_passes_a_forced_encoding_to_the_export_reader():
    from toolkit.corpus.load import load_corpus

    c = load_corpus(EXPORT_FIXTURES / "lexisnexis_cp1252.txt", encoding="latin-1")
    assert c["encoding"].tolist() == ["latin-1", "latin-1"]
    # latin-1 has no curly quotes: cp1252's 0x93/0x94 become control characters
    assert c.loc[0, "title"] == "Café diplomacy: \x93a naïve hope\x94, critics say"


def test_load_corpus_reads_scraper_json_with_the_scraper_field_names(tmp_path):
    from toolkit.corpus.load import load_corpus
    from toolkit.readers import read_export

    path = tmp_path / "scraped.json"
    path.write_text(
        json.dumps(
            {
                "articles": [
                    {
                        "headline": "Talks resume",
                        "article_text": "Officials met in Seoul.",
                        "pubdate": "14 April 2015",
                        "site_name": "example.org",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    c = load_corpus(path)
    assert c.loc[0, "text"] == "Officials met in Seoul." and c.loc[0, "title"] == "Talks resume"
    assert c.loc[0, "date"] == TS("2015-04-14") and c.loc[0, "outlet"] == "example.org"
    r = read_export(path)
    assert (r.loc[0, "text"], r.loc[0, "date"]) == (c.loc[0, "text"], c.loc[0, "date"])


def test_lexisnexis_truncated_file_keeps_rows_and_warns():
    df = read_lexisnexis(EXPORT_FIXTURES / "lexisnexis_truncated.txt")
    assert len(df) == 2
    assert df.loc[0, "parse_warnings"] == ""
    assert "may be cut short" in df.loc[1, "parse_warnings"]
    assert "body has 9 words but the export states 30" in df.loc[1, "parse_warnings"]
    assert df.loc[1, "text"] == "The second day of talks focused on maritime inci"
    assert df.loc[0, "file_warnings"] == "download request selected 3 documents, found 2"


def test_lexisnexis_html_fixture():
    df = read_lexisnexis(EXPORT_FIXTURES / "lexisnexis_en.html")
    check_frame(df)
    assert len(df) == 2
    assert set(df["source_format"]) == {"lexisnexis_html"}
    assert df["title"].tolist() == [
        "Security talks resume in Seoul",
        "Talks close without statement",
    ]
    assert df["outlet"].tolist() == ["Example Wire Service -- English"] * 2
    assert df["date"].tolist() == [TS("2015-04-14"), TS("2015-04-15")]
    assert df.loc[0, "dateline"] == "SEOUL, April 14 2015"
    assert df.loc[0, "publication_type"] == "Newswire"
    # Entities decoded; paragraphs kept apart.
    assert df.loc[0, "text"] == (
        "South Korean and Japanese officials resumed security talks on Tuesday.\n\n"
        '"The atmosphere was constructive," a ministry spokesperson said & added that the '
        "next round would follow."
    )
    assert df.loc[0, "copyright"] == "Copyright 2015 Example Wire Service All Rights Reserved"
    assert (df["parse_warnings"] == "").all()


def test_lexisnexis_disagreeing_totals(tmp_path):
    text = (EXPORT_FIXTURES / "lexisnexis_en.txt").read_text(encoding="utf-8-sig")
    text = text.replace("2 of 3 DOCUMENTS", "2 of 383 DOCUMENTS")
    (tmp_path / "odd.txt").write_text(text, encoding="utf-8")
    df = read_lexisnexis(tmp_path / "odd.txt")
    assert len(df) == 3
    assert df.loc[1, "parse_warnings"] == "header says '2 of 383 DOCUMENTS' but the file says 3"
    assert df.loc[0, "parse_warnings"] == ""
    assert "totals disagree" in df.loc[0, "file_warnings"]


def test_lexisnexis_without_headers_is_valueerror(tmp_path):
    (tmp_path / "x.txt").write_text("Just some notes.\n\nNothing else.\n")
    with pytest.raises(ValueError, match="N of M DOCUMENTS"):
        read_lexisnexis(tmp_path / "x.txt")


# ------------------------------------------------------------------ Factiva


def test_factiva_article_layout_english():
    df = read_factiva(EXPORT_FIXTURES / "factiva_article_en.html")
    check_frame(df)
    assert len(df) == 2
    a = df.iloc[0]
    assert a["doc_id"] == "factiva:EXMPLH0020150414eb4e0001a"
    assert a["title"] == "Seoul and Tokyo resume security talks"
    assert a["section"] == "World; A"
    assert a["byline"] == "By A. Reporter"
    assert a["credit"] == "Special to the Example Herald"
    assert a["length"] == 29
    assert a["date"] == TS("2015-04-14")
    assert a["outlet"] == "The Example Herald"
    assert a["source_code"] == "EXMPLH"
    assert a["edition"] == "Late Edition"
    assert a["page"] == "A6"
    assert a["language"] == "en"
    assert a["copyright"] == "Copyright 2015 Example Herald Ltd. All Rights Reserved."
    # The <b> search highlight must not split words or add spaces.
    assert a["text"] == (
        "SEOUL -- Officials of the two countries met on Tuesday for the first "
        "security talks in five years.\n\nThey discussed the sharing of missile "
        "warnings, a ministry official said."
    )
    assert a["parse_warnings"] == ""
    b = df.iloc[1]
    assert b["outlet"] == "Example Wire Service" and b["date"] == TS("2015-04-15")
    assert b["parse_warnings"] == "no word-count line; date and source found by shape"


@pytest.mark.parametrize(
    ("name", "codec", "title", "outlet", "date", "language", "length"),
    [
        (
            "factiva_article_de_cp1252.html",
            "cp1252",
            "Envoys meet in Tokyo",
            "The Example Herald",
            "2015-03-03",
            "en",
            9,
        ),
        (
            "factiva_article_ja_sjis.html",
            "cp932",
            "日韓、安保協議を再開",
            "例示新聞",
            "2015-04-14",
            "ja",
            186,
        ),
        (
            "factiva_article_ko_cp949.html",
            "cp949",
            "한일 안보정책협의회 5년 만에 재개",
            "예시일보",
            "2015-04-14",
            "ko",
            215,
        ),
    ],
)
def test_factiva_interface_languages_and_encodings(
    name, codec, title, outlet, date, language, length
):
    df = read_factiva(EXPORT_FIXTURES / name)
    check_frame(df)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["encoding"] == codec
    assert row["title"] == title
    assert row["outlet"] == outlet
    assert row["date"] == TS(date)
    assert row["language"] == language
    assert row["length"] == length
    assert row["parse_warnings"] == ""


def test_factiva_japanese_body_and_korean_byline():
    ja = read_factiva(EXPORT_FIXTURES / "factiva_article_ja_sjis.html").iloc[0]
    assert ja["text"].split("\n\n")[0] == "日韓両政府は14日、ソウルで安全保障政策協議を開いた。"
    assert ja["section"] == "政治"
    ko = read_factiva(EXPORT_FIXTURES / "factiva_article_ko_cp949.html").iloc[0]
    assert ko["byline"] == "가상 기자"
    assert ko["text"].count("\n\n") == 1


def test_factiva_field_layout():
    df = read_factiva(EXPORT_FIXTURES / "factiva_fields_en.html")
    check_frame(df)
    assert len(df) == 2
    a, b = df.iloc[0], df.iloc[1]
    assert a["doc_id"] == "factiva:EXMPLH0020150414eb4e0006f"
    assert a["title"] == "Seoul and Tokyo agree on hotline"
    assert a["byline"] == "By A. Reporter"
    assert a["length"] == 22
    assert a["date"] == TS("2015-04-14")
    assert a["date_raw"] == "14 April 2015 05:38"
    assert a["outlet"] == "The Example Herald"
    assert a["page"] == "4"
    # LP then TD paragraphs, in order.
    assert a["text"].split("\n\n") == [
        "The two governments agreed on Tuesday to open a military hotline.",
        "Details will follow in May.",
        "Officials called it a first step.",
    ]
    assert pd.isna(b["date"])
    assert b["parse_warnings"] == "no date"


def test_factiva_without_articles_is_valueerror(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><p>Factiva</p></body></html>")
    with pytest.raises(ValueError, match="no Factiva articles"):
        read_factiva(tmp_path / "empty.html")


# ------------------------------------------------------------------ BigKinds

BK_HEADER = [
    "뉴스 식별자",
    "일자",
    "언론사",
    "기고자",
    "제목",
    "통합 분류1",
    "키워드",
    "본문",
    "URL",
    "분석제외 여부",
]


def build_bigkinds(
    path: Path, header: list[str], rows: list[list[object]], title_row: bool = False
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    if title_row:
        ws.append(["뉴스 검색 결과"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_bigkinds_full_columns(tmp_path):
    rows = [
        [
            "01100101.20150414100000001",
            "20150414",
            "예시일보",
            "가상 기자",
            "한일 안보협의 재개",
            "정치>외교",
            "한국,일본,안보",
            "한국과 일본은 14일 서울에서 안보정책협의회를 열었다.",
            "https://ilbo.example.kr/1",
            None,
        ],
        [
            None,
            20150415,
            "예시신문",
            None,
            "협의 종료",
            "정치>외교",
            "협의",
            "협의가 끝났다.",
            None,
            "예외",
        ],
        [None, None, None, None, None, None, None, None, None, None],  # blank row: skipped
    ]
    df = read_bigkinds(build_bigkinds(tmp_path / "bk.xlsx", BK_HEADER, rows))
    check_frame(df)
    assert len(df) == 2
    assert df["doc_id"].tolist() == ["01100101.20150414100000001", "bk.xlsx#2"]
    assert df["date"].tolist() == [TS("2015-04-14"), TS("2015-04-15")]
    assert df["outlet"].tolist() == ["예시일보", "예시신문"]
    assert df["byline"].tolist() == ["가상 기자", ""]
    assert df["url"].tolist() == ["https://ilbo.example.kr/1", ""]
    assert df["통합 분류1"].tolist() == ["정치>외교", "정치>외교"]
    assert df["분석제외 여부"].tolist() == ["", "예외"]
    assert df["text_truncated"].tolist() == [True, True]
    assert df["language"].tolist() == ["", ""]
    assert df.loc[0, "parse_warnings"] == ""
    assert "no 뉴스 식별자" in df.loc[1, "parse_warnings"]
    # Korean columns kept in export order after the canonical ones.
    assert list(df.columns[8:13]) == [
        "byline",
        "통합 분류1",
        "키워드",
        "분석제외 여부",
        "text_truncated",
    ]


def test_bigkinds_subset_with_title_row(tmp_path):
    path = build_bigkinds(
        tmp_path / "sub.xlsx",
        ["일자", "언론사", "제목", "키워드"],
        [[20150414, "예시일보", "제목 하나", "가,나"], [20150416, "예시신문", "제목 둘", "다"]],
        title_row=True,
    )
    assert detect_format(path) == "bigkinds_xlsx"
    df = read_export(path)
    assert df["doc_id"].tolist() == ["sub.xlsx#1", "sub.xlsx#2"]
    assert df["title"].tolist() == ["제목 하나", "제목 둘"]
    assert (df["text"] == "").all()
    assert df["parse_warnings"].tolist() == ["empty body", "empty body"]
    assert df.loc[0, "file_warnings"] == "no 본문 (body) column: titles only"


def test_non_bigkinds_xlsx_is_not_detected(tmp_path):
    path = build_bigkinds(
        tmp_path / "table.xlsx",
        ["date", "outlet", "title", "text"],
        [["2015-04-14", "Herald", "T", "Body"]],
    )
    assert detect_format(path) is None
    with pytest.raises(ValueError, match="not a recognised news-archive export"):
        read_export(path)
    with pytest.raises(ValueError, match="no BigKinds header"):
        read_bigkinds(path)


def test_bigkinds_repeated_ids_fall_back_to_positions(tmp_path):
    rows = [
        ["same.id", "20150414", "예시일보", None, "가", None, None, "본문 가", None, None],
        ["same.id", "20150414", "예시일보", None, "나", None, None, "본문 나", None, None],
    ]
    df = read_bigkinds(build_bigkinds(tmp_path / "rep.xlsx", BK_HEADER, rows))
    assert df["doc_id"].tolist() == ["rep.xlsx#1", "rep.xlsx#2"]
    assert all("repeated" in w for w in df["parse_warnings"])


# ------------------------------------------------------------------ scraper JSON


def test_scraped_jsonl_with_a_cut_line():
    df = read_scraped(EXPORT_FIXTURES / "scraped_newsplease.jsonl")
    check_frame(df)
    assert len(df) == 3
    assert df["title"].tolist() == ["Security talks resume", "", "한일 안보협의 재개"]
    assert df["outlet"].tolist() == ["herald.example.org", "", "ilbo.example.kr"]
    assert df["date"].tolist()[0] == TS("2015-04-14")
    assert df["date"].tolist()[2] == TS("2015-04-14")
    assert df["language"].tolist() == ["en", "", "ko"]
    assert df["byline"].tolist() == ["A. Reporter", "", ""]
    assert df.loc[1, "parse_warnings"].startswith("line 2: invalid JSON")
    assert df.loc[0, "parse_warnings"] == "" and df.loc[2, "parse_warnings"] == ""


def test_scraped_trafilatura_keys():
    df = read_scraped(EXPORT_FIXTURES / "scraped_trafilatura.json")
    assert df["url"].tolist() == ["https://shimbun.example.jp/c3", "https://wire.example.org/d4"]
    # "source-hostname" (site name) is preferred to "hostname".
    assert df["outlet"].tolist() == ["例示新聞", "wire.example.org"]
    assert df["byline"].tolist() == ["例示記者", ""]
    assert df["language"].tolist() == ["ja", "en"]


def test_scraped_truncated_array_salvages_complete_elements():
    df = read_scraped(EXPORT_FIXTURES / "scraped_truncated.json")
    assert len(df) == 3
    assert df["title"].tolist()[:2] == ["日韓、安保協議を再開", "Talks end"]
    assert df.loc[2, "parse_warnings"].startswith("element 3: invalid or cut-off JSON")
    assert df.loc[0, "file_warnings"] == "the JSON array is damaged or cut short"


def test_scraped_wrapped_list(tmp_path):
    payload = {
        "articles": [
            {
                "headline": "H",
                "content": "C",
                "link": "https://e.org/x",
                "pubdate": "14 April 2015",
                "sitename": "Example",
            }
        ]
    }
    (tmp_path / "w.json").write_text(json.dumps(payload))
    assert detect_format(tmp_path / "w.json") == "scraped_json"
    df = read_export(tmp_path / "w.json")
    assert df.loc[0, ["title", "text", "url", "outlet"]].tolist() == [
        "H",
        "C",
        "https://e.org/x",
        "Example",
    ]
    assert df.loc[0, "date"] == TS("2015-04-14")


# ------------------------------------------------------------------ detection & dispatch


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lexisnexis_en.txt", "lexisnexis_txt"),
        ("lexisnexis_cp1252.txt", "lexisnexis_txt"),
        ("lexisnexis_truncated.txt", "lexisnexis_txt"),
        ("lexisnexis_en.html", "lexisnexis_html"),
        ("factiva_article_en.html", "factiva_html"),
        ("factiva_article_de_cp1252.html", "factiva_html"),
        ("factiva_article_ja_sjis.html", "factiva_html"),
        ("factiva_article_ko_cp949.html", "factiva_html"),
        ("factiva_fields_en.html", "factiva_html"),
        ("scraped_newsplease.jsonl", "scraped_json"),
        ("scraped_trafilatura.json", "scraped_json"),
        ("scraped_truncated.json", "scraped_json"),
        ("not_an_export.csv", None),
        ("not_an_export.json", None),
    ],
)
def test_detect_format(name, expected):
    assert detect_format(EXPORT_FIXTURES / name) == expected


def test_detect_by_content_not_extension(tmp_path):
    # A LexisNexis text saved as .html and a Factiva page saved as .txt.
    (tmp_path / "ln.html").write_bytes((EXPORT_FIXTURES / "lexisnexis_en.txt").read_bytes())
    (tmp_path / "fa.txt").write_bytes((EXPORT_FIXTURES / "factiva_fields_en.html").read_bytes())
    assert detect_format(tmp_path / "ln.html") == "lexisnexis_txt"
    assert detect_format(tmp_path / "fa.txt") == "factiva_html"
    assert len(read_export(tmp_path / "fa.txt")) == 2


def test_read_export_errors(tmp_path):
    with pytest.raises(ValueError) as err:
        read_export(EXPORT_FIXTURES / "not_an_export.csv")
    for fmt in (
        "nexis_docx",
        "factiva_html",
        "lexisnexis_html",
        "lexisnexis_txt",
        "bigkinds_xlsx",
        "scraped_json",
    ):
        assert fmt in str(err.value)
    with pytest.raises(ValueError, match="unknown export format 'rtf'"):
        read_export(EXPORT_FIXTURES / "lexisnexis_en.txt", format="rtf")
    with pytest.raises(FileNotFoundError):
        read_export(tmp_path / "missing.txt")


def test_summarize_load_counts():
    frames = [
        read_export(EXPORT_FIXTURES / n)
        for n in ("lexisnexis_en.txt", "lexisnexis_truncated.txt", "factiva_fields_en.html")
    ]
    s = summarize_load(pd.concat(frames, ignore_index=True))
    assert s.index.tolist() == [
        "lexisnexis_en.txt",
        "lexisnexis_truncated.txt",
        "factiva_fields_en.html",
        "(all files)",
    ]
    assert s["articles"].tolist() == [3, 2, 2, 7]
    assert s["with_warnings"].tolist() == [1, 1, 1, 3]
    assert s["undated"].tolist() == [0, 0, 1, 1]
    assert s.loc["lexisnexis_en.txt", "date_min"] == TS("2015-04-14")
    assert s.loc["lexisnexis_en.txt", "date_max"] == TS("2015-04-17")
    assert s.loc["lexisnexis_en.txt", "n_outlets"] == 2
    # The Example Herald and Example Wire Service appear in all three files.
    assert s.loc["(all files)", "n_outlets"] == 2
    assert s.loc["lexisnexis_truncated.txt", "file_warnings"] == (
        "download request selected 3 documents, found 2"
    )


# ------------------------------------------------------------------ shared real samples


# Counts the files declare: "Documents (50)" on the Nexis cover; "N of 74 DOCUMENTS" and
# DOCUMENTS="74" in the AFP HTML; "Selected Items: 1-10" and "N of 10 DOCUMENTS" in the
# mock TXT (one header says "of 383"); "Results found: 27" in the Factiva search
# summary; 40 and 31 data rows in the BigKinds sheets.
SAMPLE_COUNTS = {
    "nexis_uni_nyt.docx": ("nexis_docx", 50),
    "factiva_nyt.html": ("factiva_html", 27),
    "lexisnexis_legacy_afp.html": ("lexisnexis_html", 74),
    "lexisnexis_legacy_mock.txt": ("lexisnexis_txt", 10),
    "bigkinds_full_columns.xlsx": ("bigkinds_xlsx", 40),
    "bigkinds_subset.xlsx": ("bigkinds_xlsx", 31),
}


@needs_shared
@pytest.mark.parametrize("name", sorted(SAMPLE_COUNTS))
def test_shared_samples_declared_counts(name):
    fmt, count = SAMPLE_COUNTS[name]
    path = SAMPLES / name
    assert detect_format(path) == fmt
    df = read_export(path)
    check_frame(df)
    assert len(df) == count
    # Every sample article has a date the reader can parse.
    assert df["date"].notna().all()
    if fmt != "bigkinds_xlsx" or name == "bigkinds_full_columns.xlsx":
        assert (df["text"].str.len() > 0).all()


@needs_shared
def test_shared_sample_details():
    mock = read_export(SAMPLES / "lexisnexis_legacy_mock.txt")
    flagged = mock[mock["parse_warnings"] != ""]
    assert flagged["doc_id"].tolist() == ["lexisnexis_legacy_mock.txt#8"]
    assert "383" in flagged["parse_warnings"].iloc[0]
    factiva = read_export(SAMPLES / "factiva_nyt.html")
    # German interface: "9 Januar 1993" ... "3 Januar 1993", "Englisch".
    assert factiva["date"].min() == TS("1993-01-03")
    assert factiva["date"].max() == TS("1993-01-09")
    assert set(factiva["language"]) == {"en"}
    assert factiva["doc_id"].str.startswith("factiva:NYTF").all()
    afp = read_export(SAMPLES / "lexisnexis_legacy_afp.html")
    assert (afp["parse_warnings"] == "").all()
    assert afp["length"].notna().all()
    nexis = read_export(SAMPLES / "nexis_uni_nyt.docx")
    assert nexis["length"].notna().all()
    # One article has no date line; its Load-Date is used and flagged.
    assert (nexis["parse_warnings"] != "").sum() == 1
    full = read_export(SAMPLES / "bigkinds_full_columns.xlsx")
    assert full["text_truncated"].all()
    assert full["doc_id"].str.match(r"^\d{8}\.\d{17}$").all()
