"""Property-based tests: generated exports round-trip; mangled ones never crash.

For every format, hypothesis writes exports of random constructed articles
(random letters, Hangul, kana, accented Latin) and checks that

* a clean export reads back with exactly its articles and fields, and
* a mangled one (cut short, lines or separators dropped, bytes overwritten,
  re-encoded in cp949 / Shift_JIS / cp1252) either raises ``ValueError`` or
  returns a frame that keeps the column contract and has no more rows than
  the article separators that survived the mangling, counted here with
  patterns written independently of the readers.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from datetime import date

import docx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.readers import (
    CANONICAL_COLUMNS,
    read_factiva,
    read_lexisnexis,
    read_nexis,
    read_scraped,
)
from toolkit.text.decode import decode_bytes

# READERS_EXAMPLES=500 runs a longer bug hunt; 40 keeps the suite fast.
SETTINGS = settings(
    max_examples=int(os.environ.get("READERS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

LATIN = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ"
ALPHABETS = {
    "utf-8": LATIN + "éü가나다한국あいうカナ日本",
    "utf-8-sig": LATIN + "é가나",
    "cp949": LATIN + "가나다라한국일본",
    "cp932": LATIN + "あいうえおカナ日本韓国",
    "cp1252": LATIN + "éèüñç",
}
# Lines that are structure in some export format, never body text.
RESERVED = {
    "Body",
    "End of Document",
    "Graphic",
    "Classification",
    "Notes",
    "Correction",
    "Related Articles",
    "Correction Appended",
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def words(alphabet: str, min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    # Single spaces, no leading/trailing space: what clean_text would give back.
    return (
        st.text(alphabet=alphabet, min_size=min_size, max_size=max_size)
        .map(lambda s: " ".join(s.split()))
        .filter(lambda s: len(s) >= min_size)
    )


@st.composite
def articles(draw, alphabet: str, max_articles: int = 5) -> list[dict]:
    n = draw(st.integers(1, max_articles))
    out = []
    for _ in range(n):
        out.append(
            {
                "title": draw(words(alphabet).filter(lambda s: s not in RESERVED)),
                "outlet": draw(words(alphabet).filter(lambda s: s not in RESERVED)),
                "date": draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
                "body": draw(
                    st.lists(
                        words(alphabet, 1, 60).filter(lambda s: s not in RESERVED),
                        min_size=0,
                        max_size=3,
                    )
                ),
            }
        )
    return out


def check_contract(df: pd.DataFrame) -> None:
    assert list(df.columns[:8]) == CANONICAL_COLUMNS
    assert df.columns[-1] == "parse_warnings"
    assert df["parse_warnings"].map(lambda v: isinstance(v, str)).all()
    assert str(df["date"].dtype) == "datetime64[ns]"


def check_round_trip(df: pd.DataFrame, arts: list[dict]) -> None:
    """The reader gave back exactly the articles that were rendered, in order."""
    check_contract(df)
    assert len(df) == len(arts)
    assert df["title"].tolist() == [a["title"] for a in arts]
    assert df["outlet"].tolist() == [a["outlet"] for a in arts]
    assert df["date"].tolist() == [pd.Timestamp(a["date"]) for a in arts]
    assert df["text"].tolist() == ["\n\n".join(a["body"]) for a in arts]


def decoded(data: bytes) -> str | None:
    try:
        return decode_bytes(data)[0]
    except ValueError:
        return None


@st.composite
def mangled(draw, data: bytes) -> bytes:
    """Apply one to three random injuries to an export's bytes."""
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["truncate", "drop_lines", "overwrite", "no_blank_lines", "duplicate_lines"]
            )
        )
        if not data:
            break
        if kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "overwrite":
            at = draw(st.integers(0, len(data)))
            junk = draw(st.binary(min_size=1, max_size=40))
            data = data[:at] + junk + data[at + len(junk) :]
        else:
            lines = data.split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(i, min(len(lines), i + 12)))
            if kind == "drop_lines":
                lines = lines[:i] + lines[j:]
            elif kind == "duplicate_lines":
                lines = lines[:j] + lines[i:j] + lines[j:]
            else:
                lines = [ln for ln in lines if ln.strip()]
            data = b"\n".join(lines)
    return data


# ---------------------------------------------------------------- LexisNexis TXT


def render_lexisnexis(arts: list[dict]) -> str:
    out = [f"Download Request: Selected Items: 1-{len(arts)}", ""]
    for i, a in enumerate(arts, start=1):
        d = a["date"]
        out += [
            f"                 {i} of {len(arts)} DOCUMENTS",
            "",
            f"              {a['outlet']}",
            "",
            f"          {MONTHS[d.month - 1]} {d.day}, {d.year} {d.strftime('%A')}",
            "",
            a["title"],
            "",
            "LENGTH: 10 words",
            "",
        ]
        for para in a["body"]:
            out += [para, ""]
        out += ["LOAD-DATE: January 1, 2031", "", "LANGUAGE: ENGLISH", ""]
    return "\n".join(out)


# The header line exactly as render_lexisnexis writes it (the reader accepts a
# wider, multilingual form).
# Any line a reader of the export would take for an article header, whatever a
# mutation did to its case or indentation ("1 oF 1 DOCUMENTS" is still one).
LN_HEADER = re.compile(r"^[ \t]*\d+ of \d+ DOCUMENTS[ \t]*$", re.M | re.I)


@SETTINGS
@given(data=st.data(), codec=st.sampled_from(sorted(ALPHABETS)))
def test_lexisnexis_round_trip(tmp_path, data, codec):
    arts = data.draw(articles(ALPHABETS[codec]))
    path = tmp_path / "ln.txt"
    path.write_bytes(render_lexisnexis(arts).encode(codec))
    df = read_lexisnexis(path, encoding=codec)
    check_round_trip(df, arts)
    assert df["file_warnings"].iloc[0] == ""


@SETTINGS
@given(data=st.data(), codec=st.sampled_from(sorted(ALPHABETS)))
def test_lexisnexis_mangled_never_crashes(tmp_path, data, codec):
    arts = data.draw(articles(ALPHABETS[codec]))
    raw = data.draw(mangled(render_lexisnexis(arts).encode(codec)))
    path = tmp_path / "ln.txt"
    path.write_bytes(raw)
    try:
        df = read_lexisnexis(path)
    except ValueError:
        return
    check_contract(df)
    text = decoded(raw)
    assert text is not None
    assert len(df) <= len(LN_HEADER.findall(text))


def render_lexisnexis_html(arts: list[dict]) -> str:
    out = ["<HTML><HEAD><TITLE>&nbsp;</TITLE></HEAD><BODY>"]
    for i, a in enumerate(arts, start=1):
        d = a["date"]
        out.append(
            f"<!-- Hide XML section from browser <DOC NUMBER={i}> <DOCFULL> -->"
            f'<DIV CLASS="c0"><P><SPAN>{i} of {len(arts)} DOCUMENTS</SPAN></P></DIV>'
            f"<DIV><P><SPAN>{a['outlet']}</SPAN></P></DIV>"
            f"<DIV><P><SPAN>{MONTHS[d.month - 1]} {d.day}, {d.year}</SPAN></P></DIV>"
            f"<DIV><P><SPAN>{a['title']}</SPAN></P></DIV>"
            "<DIV><P><SPAN>LENGTH: </SPAN><SPAN>10 words</SPAN></P></DIV><DIV>"
            + "".join(f"<P><SPAN>{p}</SPAN></P>" for p in a["body"])
            + "</DIV><DIV><P><SPAN>LOAD-DATE: </SPAN><SPAN>January 1, 2031</SPAN></P></DIV>"
            "<!-- Hide XML section from browser </DOCFULL> </DOC> -->"
        )
    return "\n".join(out).replace("</DIV>", "</DIV>\n") + "</BODY></HTML>"


@SETTINGS
@given(data=st.data(), codec=st.sampled_from(sorted(ALPHABETS)))
def test_lexisnexis_html_round_trip_and_mangled(tmp_path, data, codec):
    arts = data.draw(articles(ALPHABETS[codec]))
    raw = render_lexisnexis_html(arts).encode(codec)
    path = tmp_path / "ln.html"
    path.write_bytes(raw)
    df = read_lexisnexis(path, encoding=codec)
    assert df["title"].tolist() == [a["title"] for a in arts]
    assert df["text"].tolist() == ["\n\n".join(a["body"]) for a in arts]

    raw = data.draw(mangled(raw))
    path.write_bytes(raw)
    try:
        df = read_lexisnexis(path)
    except ValueError:
        return
    check_contract(df)
    visible = re.sub(r"<[^>]*>", "", decoded(raw) or "")
    assert len(df) <= len(re.findall(r"\d+\s+of\s+\d+\s+DOCUMENTS?", visible))


# ---------------------------------------------------------------- Factiva HTML


def render_factiva(arts: list[dict]) -> str:
    blocks = []
    for i, a in enumerate(arts):
        d = a["date"]
        paras = "".join(
            f'<p class="articleParagraph enarticleParagraph">{p}</p>' for p in a["body"]
        )
        blocks.append(
            f'<div id="article-TESTDOC00{i:04d}0000000000" class="article">'
            '<div class="article enArticle">'
            f'<div id="hd"><span class="enHeadline">{a["title"]}</span></div>'
            f"<div>{10 + i} words</div><div>{d.day} {MONTHS[d.month - 1]} {d.year}</div>"
            f"<div>{a['outlet']}</div><div>TESTSC</div><div>English</div>"
            f"{paras}<p>Document TESTDOC00{i:04d}0000000000</p></div></div>"
        )
    return "<html><body>" + "".join(blocks) + "</body></html>"


def factiva_markers(text: str) -> int:
    # An intact block opens with both markers and counts once; a block that
    # lost one of them still counts once.
    both = r'id="article-[^"]*" class="article"><div class="article enArticle"'
    return len(re.findall(both + r'|id="article-|class="[^"]*\b[a-z]{2}Article\b', text)) + len(
        re.findall(r"<b>\s*HD\s*</b>", text)
    )


@SETTINGS
@given(data=st.data(), codec=st.sampled_from(sorted(ALPHABETS)))
def test_factiva_round_trip(tmp_path, data, codec):
    arts = data.draw(articles(ALPHABETS[codec]))
    path = tmp_path / "f.html"
    path.write_bytes(render_factiva(arts).encode(codec))
    df = read_factiva(path, encoding=codec)
    check_round_trip(df, arts)
    assert df["length"].tolist() == [10 + i for i in range(len(arts))]


@SETTINGS
@given(data=st.data(), codec=st.sampled_from(sorted(ALPHABETS)))
def test_factiva_mangled_never_crashes(tmp_path, data, codec):
    arts = data.draw(articles(ALPHABETS[codec]))
    raw = data.draw(mangled(render_factiva(arts).encode(codec)))
    path = tmp_path / "f.html"
    path.write_bytes(raw)
    try:
        df = read_factiva(path)
    except ValueError:
        return
    check_contract(df)
    assert len(df) <= factiva_markers(decoded(raw) or "")


# ---------------------------------------------------------------- Nexis Uni DOCX


def render_nexis(arts: list[dict], drop: set[int], keep_last_sep: bool) -> bytes:
    d = docx.Document()
    d.add_paragraph(f"Documents ({len(arts)})")
    paras: list[tuple[str, bool]] = []
    for k, a in enumerate(arts):
        dt = a["date"]
        paras += [
            (a["title"], False),
            (a["outlet"], False),
            (f"{MONTHS[dt.month - 1]} {dt.day}, {dt.year}", False),
            ("Length:\u00a010 words", False),
            ("Body", False),
        ]
        paras += [(p, False) for p in a["body"]]
        paras.append(("Load-Date:\u00a0January 1, 2031", True))
        if k < len(arts) - 1 or keep_last_sep:
            paras.append(("End of Document", True))
    for i, (text, br) in enumerate(paras):
        if i in drop:
            continue
        run = d.add_paragraph().add_run()
        if br:
            run.add_break()
        run.add_text(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def count_separators(raw: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return len(re.findall(r"<w:t>End of Document</w:t>", xml))


@SETTINGS
@given(data=st.data())
def test_nexis_round_trip(tmp_path, data):
    arts = data.draw(articles(ALPHABETS["utf-8"], max_articles=4))
    path = tmp_path / "n.docx"
    path.write_bytes(render_nexis(arts, set(), True))
    df = read_nexis(path)
    check_round_trip(df, arts)
    assert (df["parse_warnings"].str.contains("empty body") == [not a["body"] for a in arts]).all()


@SETTINGS
@given(data=st.data())
def test_nexis_mangled_paragraphs_never_crash(tmp_path, data):
    arts = data.draw(articles(ALPHABETS["utf-8"], max_articles=4))
    n_paras = sum(8 + len(a["body"]) for a in arts)
    drop = set(data.draw(st.lists(st.integers(0, n_paras), max_size=6)))
    raw = render_nexis(arts, drop, data.draw(st.booleans()))
    path = tmp_path / "n.docx"
    path.write_bytes(raw)
    try:
        df = read_nexis(path)
    except ValueError:
        return
    check_contract(df)
    # A last article without its separator is still returned, hence + 1.
    assert len(df) <= count_separators(raw) + 1


@SETTINGS
@given(data=st.data())
def test_nexis_damaged_zip_is_valueerror(tmp_path, data):
    raw = render_nexis(data.draw(articles(LATIN, max_articles=2)), set(), True)
    cut = data.draw(st.integers(0, len(raw) - 1))
    path = tmp_path / "n.docx"
    path.write_bytes(raw[:cut])
    with pytest.raises(ValueError):
        read_nexis(path)


# ---------------------------------------------------------------- scraper JSON / JSONL


@SETTINGS
@given(data=st.data(), lines=st.booleans(), codec=st.sampled_from(sorted(ALPHABETS)))
def test_scraped_round_trip_and_mangled(tmp_path, data, lines, codec):
    arts = data.draw(articles(ALPHABETS[codec]))
    records = [
        {
            "title": a["title"],
            "text": "\n\n".join(a["body"]),
            "url": f"https://e.org/{i}",
            "date_publish": a["date"].isoformat(),
            "source_domain": a["outlet"],
        }
        for i, a in enumerate(arts)
    ]
    text = (
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
        if lines
        else json.dumps(records, ensure_ascii=False, indent=1)
    )
    path = tmp_path / "s.json"
    path.write_bytes(text.encode(codec))
    df = read_scraped(path, encoding=codec)
    check_contract(df)
    assert df["title"].tolist() == [a["title"] for a in arts]
    assert df["date"].tolist() == [pd.Timestamp(a["date"]) for a in arts]

    raw = data.draw(mangled(text.encode(codec)))
    path.write_bytes(raw)
    try:
        df = read_scraped(path)
    except ValueError:
        return
    check_contract(df)
    # Separators: "{" for array elements, non-blank lines for JSON Lines (a damaged
    # line is still a row, with a warning).
    text = decoded(raw) or ""
    lines_found = sum(1 for ln in text.split("\n") if ln.strip())
    assert len(df) <= max(text.count("{"), lines_found if lines else 0, 1)
