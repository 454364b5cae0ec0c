"""to_latex / to_markdown: structure, escaping and number formatting."""

import numpy as np
import pandas as pd
import pytest

from toolkit.tables import format_number, format_p, to_latex, to_markdown

RESULT = pd.DataFrame(
    {
        "term": ["east_sea", "50% & more", "조선일보"],
        "target_count": [1200, 35, 7],
        "G2": [40.2149, 12.5, np.nan],
        "p": [2.5e-7, 0.0004, 0.0312],
        "key": [True, False, True],
    }
)


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (0.05, "0.050"),
        (0.001, "0.001"),
        (0.000999, "< 0.001"),
        (3.2e-12, "< 0.001"),
        (1.0, "1.000"),
        (0.0, "< 0.001"),
        (float("nan"), ""),
    ],
)
def test_format_p(p, text):
    assert format_p(p) == text


def test_format_p_latex():
    assert format_p(4.56e-8, latex=True) == "$<0.001$"
    assert format_p(4.56e-8, latex=True, exact=True) == "$4.56 \\times 10^{-8}$"
    assert format_p(0.000999, exact=True) == "9.99e-04"


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (1234567, 3, "1,234,567"),
        (np.int64(5), 3, "5"),
        (0.98765, 2, "0.99"),
        (-0.5, 3, "-0.500"),
        (0.256, "{:.1%}", "25.6%"),
        (2.0, 3, "2"),
        (np.nan, 3, ""),
        (None, 3, ""),
        (True, 3, "yes"),
        (pd.Timestamp("2019-08-02"), 3, "2019-08-02"),
        ("Seoul", 3, "Seoul"),
        (3.14159, lambda v: f"{v:.1f}!", "3.1!"),
    ],
)
def test_format_number(value, fmt, text):
    assert format_number(value, fmt) == text


def test_latex_structure():
    out = to_latex(RESULT, caption="Key terms in KR outlets", label="tab:key")
    lines = out.splitlines()
    assert lines[0] == "\\begin{table}[htbp]"
    assert lines[-1] == "\\end{table}"
    assert "\\caption{Key terms in KR outlets}" in lines
    assert "\\label{tab:key}" in lines
    # text left, numbers right, the boolean column as text
    assert "\\begin{tabular}{lrrrl}" in lines
    assert lines.index("\\toprule") < lines.index("\\midrule") < lines.index("\\bottomrule")
    assert "term & target\\_count & G2 & p & key \\\\" in lines


def test_latex_cells():
    body = to_latex(RESULT).splitlines()
    rows = body[body.index("\\midrule") + 1 : body.index("\\bottomrule")]
    assert rows == [
        "east\\_sea & 1,200 & 40.215 & $<0.001$ & yes \\\\",
        "50\\% \\& more & 35 & 12.500 & $<0.001$ & no \\\\",
        "조선일보 & 7 &  & 0.031 & yes \\\\",
    ]


def test_latex_options():
    out = to_latex(
        RESULT,
        float_format={"G2": 1},
        columns=["term", "G2"],
        na_rep="--",
        notes="G2: log-likelihood.",
    )
    assert "east\\_sea & 40.2 \\\\" in out
    assert "조선일보 & -- \\\\" in out
    assert "\\footnotesize G2: log-likelihood." in out
    assert "\\caption" not in out


def test_latex_index_and_errors():
    df = RESULT.set_index("term")[["G2"]]
    assert "east\\_sea & 40.215 \\\\" in to_latex(df, index=True)
    with pytest.raises(ValueError, match="missing_col"):
        to_latex(RESULT, columns=["term", "missing_col"])
    with pytest.raises(TypeError, match="DataFrame"):
        to_latex([1, 2])


def test_markdown_table():
    out = to_markdown(RESULT[["term", "target_count", "p"]], caption="Key terms")
    lines = out.splitlines()
    assert lines[0].split("|")[1:-1] == [" term       ", " target_count ", "       p "]
    assert lines[1] == "|:-----------|-------------:|--------:|"
    assert lines[2] == "| east_sea   |        1,200 | < 0.001 |"
    assert lines[-1] == "Table: Key terms"
    # every table line has the same number of cells
    assert {line.count("|") for line in lines[:5]} == {4}


def test_markdown_escapes_pipes_and_limits_rows():
    df = pd.DataFrame({"outlet": ["A|B", "C", "D"], "n": [1, 2, 3]})
    out = to_markdown(df, max_rows=2)
    assert "A\\|B" in out
    assert "| D " not in out
    assert out.splitlines()[-1] == "Showing 2 of 3 rows."


def test_float_columns_share_decimals():
    out = to_markdown(pd.DataFrame({"x": [1.0, 2.5]}))
    assert out.splitlines()[2:] == ["| 1.000 |", "| 2.500 |"]
    whole = to_markdown(pd.DataFrame({"x": [1.0, 2.0, np.nan]}))
    assert whole.splitlines()[2:] == ["|   1 |", "|   2 |", "|     |"]


def test_years_and_ids_have_no_thousands_separator():
    df = pd.DataFrame({"year": [2019, 2020], "doc_id": [10234, 10235], "n": [12000, 5]})
    lines = to_markdown(df).splitlines()
    assert lines[2] == "| 2019 |  10234 | 12,000 |"


def test_latex_keeps_a_pivot_index_by_default():
    long = pd.DataFrame(
        {
            "frame": ["conflict", "conflict", "economic", "economic"],
            "country": ["JP", "KR", "JP", "KR"],
            "share": [0.5, 0.25, 0.125, 0.75],
        }
    )
    wide = long.pivot(index="frame", columns="country", values="share")
    lines = to_latex(wide).splitlines()
    assert "frame & JP & KR \\\\" in lines
    assert "conflict & 0.500 & 0.250 \\\\" in lines
    # pandas' default 0, 1, 2 index is not printed (also after filtering)
    assert "0 & " not in to_latex(long[long.share > 0.2])
    assert to_markdown(long).splitlines()[0].startswith("| frame")
    assert "frame" not in to_latex(wide, index=False).splitlines()[5]


def test_renamed_headers_keep_p_formatting_and_math():
    df = pd.DataFrame({"term": ["east_sea"], "G2": [40.2], "p_adj": [0.00002]})
    out = to_latex(df, headers={"G2": "$G^2$", "p_adj": "$p_{adj}$", "term": "term_1 & co"})
    assert "term\\_1 \\& co & $G^2$ & $p_{adj}$ \\\\" in out
    assert "east\\_sea & 40.200 & $<0.001$ \\\\" in out
    # a column renamed in the DataFrame itself is still recognised as p-values
    renamed = df.rename(columns={"p_adj": "$p_{adj}$"})
    assert "$<0.001$" in to_latex(renamed)
    assert "0.000" not in to_latex(renamed)
    assert to_markdown(df, headers={"p_adj": "p (adjusted)"}).endswith("|      < 0.001 |")
    with pytest.raises(ValueError, match="headers"):
        to_latex(df, headers={"nope": "x"})
