"""The corpus overview report section: tables count every document, figures are written."""

import pandas as pd
import pytest

from toolkit.report.build import build_report

# Constructed example corpus (not real articles).
CORPUS = pd.DataFrame(
    {
        "text": [
            "Japan and Korea met in Seoul. Talks went well.",
            "Tokyo said the talks failed. Seoul disagreed with Tokyo.",
            "",
            "Japan and Korea met in Seoul. Talks went well.",
            "Exports from Japan fell. Seoul said exports matter.",
        ],
        "outlet": ["Hangang Daily", "Tokyo Chronicle", "Hangang Daily", "Pacific Wire", "朝日新聞"],
        "country": ["KR", "JP", "KR", "INT", "JP"],
        "date": ["2019-07-02", "2019-08-15", "2019-08-20", None, "2019-07-30"],
    }
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    index = build_report(
        CORPUS, out_dir=out, sections=["overview"], progress=False, figure_formats=("png", "pdf")
    )
    return out, index.read_text(encoding="utf-8")


def _table(report, name):
    return pd.read_csv(report[0] / "tables" / f"{name}.csv", keep_default_na=False)


def test_section_did_not_fail(report):
    assert "This section failed" not in report[1]
    assert "Corpus overview" in report[1]


def test_counts_per_outlet_country_month(report):
    outlets = _table(report, "overview_articles_per_outlet")
    assert dict(zip(outlets["outlet"], outlets["n"], strict=True)) == {
        "Hangang Daily": 2,
        "Tokyo Chronicle": 1,
        "Pacific Wire": 1,
        "朝日新聞": 1,
    }
    countries = _table(report, "overview_articles_per_country")
    assert dict(zip(countries["country"], countries["n"], strict=True)) == {
        "KR": 2,
        "JP": 2,
        "INT": 1,
    }
    months = _table(report, "overview_articles_per_month")
    assert months["n"].sum() == 5  # the undated article is kept
    assert months.loc[months["month"] == "", "country"].tolist() == ["INT"]
    july = months[months["month"].str.startswith("2019-07")]
    assert dict(zip(july["country"], july["n"], strict=True)) == {"JP": 1, "KR": 1}


def test_lengths_problems_duplicates(report):
    lengths = _table(report, "overview_document_lengths")
    assert len(lengths) == 5
    # hand counts, punctuation included: "Japan and Korea met in Seoul . Talks went well ." = 11,
    # "Exports from Japan fell . Seoul said exports matter ." = 10, the empty text = 0
    assert lengths["n_tokens"].tolist() == [11, 11, 0, 11, 10]
    problems = _table(report, "overview_problem_documents")
    assert problems["status"].tolist() == ["empty"]
    dups = _table(report, "overview_duplicates")
    assert dups["copies"].tolist() == [2]
    assert dups["outlets"].tolist() == ["Hangang Daily; Pacific Wire"]


def test_top_terms_drop_stopwords_and_duplicates(report):
    terms = _table(report, "overview_top_terms")
    jp = terms[terms["country"] == "JP"]
    # JP docs: "Tokyo said the talks failed. Seoul disagreed with Tokyo." and
    # "Exports from Japan fell. Seoul said exports matter." -> tokyo 2, seoul 2, exports 2, said 2
    counts = dict(zip(jp["term"], jp["n"], strict=True))
    assert counts["tokyo"] == 2 and counts["seoul"] == 2 and counts["exports"] == 2
    assert "the" not in counts and "." not in counts
    intl = terms[terms["country"] == "INT"]
    assert intl.empty  # its only article is a duplicate of a KR article


def test_figures_written(report):
    figures = report[0] / "figures"
    for name in ("overview_outlets", "overview_months", "overview_lengths", "overview_top_terms"):
        png = figures / f"{name}.png"
        assert png.read_bytes().startswith(b"\x89PNG")
        assert (figures / f"{name}.pdf").read_bytes().startswith(b"%PDF")
        assert f"figures/{name}.png" in report[1]
