"""The report page a reviewer opens: navigation, phone width, readable tables, language,
and the command line's comparison options.

Chromium (headless) renders the page at 420 px when it is installed; the same
properties are also checked in the HTML itself, so the test never depends on it alone.
"""

import re
import shutil
import subprocess
import sys
import types

import pandas as pd
import pytest

from toolkit.report import build as report_mod
from toolkit.report.build import ReportContext, build_report


def run_cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args], capture_output=True, text=True, cwd=cwd
    )


WIDE = pd.DataFrame(
    {f"a_rather_long_column_name_{i}": ["some long cell text here"] * 3 for i in range(12)}
)


def _fake_sections(monkeypatch):
    def one(ctx):
        return (
            "<h3>First part</h3><p>text</p>"
            + ctx.table_html(WIDE)
            + "<h3>Second part</h3><p>more</p>"
        )

    def two(ctx):
        return "<p>only text</p>"

    fake = [
        types.SimpleNamespace(
            __name__="toolkit.report.sections.one", TITLE="One", ORDER=1, build=one
        ),
        types.SimpleNamespace(
            __name__="toolkit.report.sections.two", TITLE="Two", ORDER=2, build=two
        ),
    ]
    monkeypatch.setattr(report_mod, "available_sections", lambda: fake)


@pytest.fixture()
def page(tmp_path, monkeypatch):
    _fake_sections(monkeypatch)
    corpus = pd.DataFrame({"text": ["Seoul met Tokyo."]})
    index = build_report(corpus, tmp_path / "rep", progress=False)
    return index, index.read_text(encoding="utf-8")


def test_navigation_and_viewport(page):
    _, html = page
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in html
    assert "<h1 id='top'>" in html
    toc = re.search(r"<nav class='toc'.*?</nav>", html, re.S).group(0)
    # every section and every subsection is linked, and every link has a target
    links = re.findall(r"href='#([^']+)'", toc)
    assert links == ["one", "one-1", "one-2", "two"]
    for anchor in links:
        assert f"id='{anchor}'" in html
    assert "<h3 id='one-1'>First part</h3>" in html
    # a per-section list where a section has several parts; back to top after each
    assert html.count("class='section-toc'") == 1
    assert html.count("<a class='top' href='#top'>") == 2


def test_tables_scroll_inside_their_box(page):
    _, html = page
    tables = re.findall(r"(.{0,30})<table", html)
    assert tables and all(t.endswith("<div class='scroll'>") for t in tables)
    assert ".scroll{overflow-x:auto" in html
    # every column of the wide table is there, none cut to fit the phone
    assert all(f"a_rather_long_column_name_{i}" in html for i in range(12))


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="headless Chromium not installed")
def test_page_fits_420_px_in_chromium(page):
    index, html = page
    # headless Chromium will not open a window narrower than 500 px, so the page is
    # shown in a 420 px frame; it reports its widths to the outer page by message
    probe = html.replace(
        "</body>",
        "<script>parent.postMessage(document.documentElement.scrollWidth + '/' + "
        "window.innerWidth, '*')</script></body>",
    )
    index.with_name("probe.html").write_text(probe, encoding="utf-8")
    outer = index.with_name("outer.html")
    outer.write_text(
        "<html><body><iframe src='probe.html' width='420' height='900'></iframe><script>"
        "addEventListener('message', e => document.body.setAttribute('data-width', e.data))"
        "</script></body></html>",
        encoding="utf-8",
    )
    res = subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=800,1000",
            "--virtual-time-budget=5000",
            "--dump-dom",
            outer.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = re.search(r'data-width="(\d+)/(\d+)"', res.stdout)
    assert found, res.stderr[-500:]
    page_width, viewport = map(int, found.groups())
    assert viewport == 420
    # the wide table scrolls inside its box: the page itself is no wider than the phone
    assert page_width <= viewport


def test_table_cells_read_well():
    df = pd.DataFrame(
        {
            "period": pd.to_datetime(["2015-01-01", "2016-01-01"]),
            "month": pd.to_datetime(["2015-03-01", "2015-04-01"]),
            "p_adj": [0.0000123, 0.0421],
            "mean": [-0.12345, 0.5],
            "small_cell": [True, False],
        }
    )
    html = ReportContext.table_html(df)
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert cells == [
        "2015",
        "2015-03",
        "&lt; 0.001",
        "-0.123",
        "yes",
        "2016",
        "2015-04",
        "0.042",
        "0.500",
        "no",
    ]
    assert "fewer than 5 documents" in html


MIXED = pd.DataFrame(
    {
        "text": (
            ["Seoul criticised Tokyo over the islets dispute and the export curbs."] * 4
            + ["Tokyo defended the export rules and the islets claim again."] * 4
            + ["서울은 도쿄의 수출 규제를 비판했다."] * 3
        ),
        "outlet": ["Herald"] * 4 + ["Shimbun"] * 4 + ["Ilbo"] * 3,
        "country": ["KR"] * 4 + ["JP"] * 4 + ["KR"] * 3,
        "date": ["2019-07-01"] * 11,
    }
)


def test_mixed_languages_compared_within_one(tmp_path):
    index = build_report(MIXED, tmp_path / "rep", sections=["keyness", "tone"], progress=False)
    html = index.read_text(encoding="utf-8")
    # 3 Korean-language articles: left out of the keyword comparison, and counted as such
    assert (
        "Comparisons are made within language 'en'; 3 documents have text in another "
        "language (ko: 3)." in html
    )
    assert "Both sides are documents in language 'en' only; 3 documents" in html
    assert "(4 documents," in html  # 4 English KR articles, not 7
    # Korean is scored by the news measure, but the charts compare English articles only
    assert (
        "11 of 11 articles were scored; 3 scored articles are in another language "
        "(ko: 3): their scores are in the tables, but the charts below compare articles "
        "in language 'en' only." in html
    )
    docs = pd.read_csv(tmp_path / "rep" / "tables" / "tone_documents.csv")
    assert len(docs) == 11
    by_outlet = pd.read_csv(tmp_path / "rep" / "tables" / "tone_by_outlet.csv")
    assert "Ilbo" not in set(by_outlet["outlet"])
    assert "This section failed" not in html


def test_cli_several_inputs_comparison_outlets_language(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    MIXED.iloc[:6].assign(
        outlet=["The Guardian", "Guardian", "guardian.co.uk", "Herald", "Herald", "Herald"]
    ).drop(columns="country").to_csv(a, index=False)
    MIXED.iloc[6:].drop(columns="country").to_csv(b, index=False)
    table = tmp_path / "outlets.tsv"
    table.write_text(
        "outlet\tcountry\taliases\nThe Guardian\tGB\tGuardian|guardian.co.uk\n"
        "Herald\tKR\t\nShimbun\tJP\t\nIlbo\tKR\t\n",
        encoding="utf-8",
    )
    res = run_cli(
        "report",
        str(a),
        str(b),
        "--out",
        str(tmp_path / "rep"),
        "--sections",
        "overview,keyness",
        "--by",
        "country",
        "--target",
        "KR",
        "--reference",
        "GB",
        "--outlets",
        str(table),
        "--language",
        "en",
        "--no-progress",
    )
    assert res.returncode == 0, res.stderr
    html = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert "a.csv, b.csv; 11 documents" in html
    assert "Comparison: country = KR against country = GB." in html
    assert "3 outlet names were merged" not in html  # "The Guardian" itself is not renamed
    assert "2 outlet names were merged" in html
    per_outlet = pd.read_csv(tmp_path / "rep" / "tables" / "overview_articles_per_outlet.csv")
    assert per_outlet.set_index("outlet").loc["The Guardian", "n"] == 3
    assert per_outlet.set_index("outlet").loc["The Guardian", "country"] == "GB"
    assert "Target: <b>KR outlets</b> (3 documents" in html


def test_cli_version_help_and_bad_comparison(tmp_path):
    from toolkit import __version__

    res = run_cli("--version")
    assert res.returncode == 0 and res.stdout.strip() == f"toolkit {__version__}"
    res = run_cli("report", "--help")
    assert "examples:" in res.stdout and "--by country --target KR --reference JP" in res.stdout
    res = run_cli("report", "--target", "KR", "--out", str(tmp_path / "x"))
    assert res.returncode == 2 and "--by and --target" in res.stderr
    csv = tmp_path / "c.csv"
    MIXED.to_csv(csv, index=False)
    res = run_cli(
        "report",
        str(csv),
        "--by",
        "country",
        "--target",
        "CN",
        "--out",
        str(tmp_path / "y"),
        "--sections",
        "overview",
        "--no-progress",
    )
    assert res.returncode == 2 and "country='CN' is not in the corpus" in res.stderr
