"""Result tables for papers: LaTeX (booktabs) and Markdown with sensible number formatting.

Both renderers are written here (no jinja2 or tabulate needed) and format
numbers the same way: integers with thousands separators, other numbers
with a fixed number of decimals, p-values as "< 0.001" below 0.001 (APA
style; ``exact_p=True`` for scientific notation), missing values as an empty
cell (or ``na_rep``). A table's index is printed when it holds row labels.
:func:`safe_for_spreadsheet` prepares a table for Excel.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from toolkit._meta import keyword_only

__all__ = [
    "format_number",
    "format_p",
    "is_p_column",
    "meaningful_index",
    "safe_for_spreadsheet",
    "to_latex",
    "to_markdown",
]

# A text cell starting with one of these is run as a formula by Excel,
# LibreOffice or Google Sheets (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutral(value: Any) -> Any:
    # text already quoted this way gets a second quote, so that
    # undo_spreadsheet_quotes() gives back exactly the original
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def undo_spreadsheet_quotes(values: pd.Series) -> pd.Series:
    """Remove the quote :func:`safe_for_spreadsheet` added (for reading files back)."""

    def undo(v: Any) -> Any:
        if isinstance(v, str) and v.startswith("'") and v.lstrip("'").startswith(FORMULA_STARTS):
            return v[1:]
        return v

    return values.map(undo)


def safe_for_spreadsheet(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cannot run as a spreadsheet formula.

    Text cells (and column names) that start with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return get a leading single quote, as OWASP
    recommends against CSV injection: the spreadsheet then shows the text
    instead of evaluating it (``=HYPERLINK(...)`` would otherwise send data
    to a web site when the file is opened). Numbers, dates and booleans are
    left as they are, so a negative score stays a number. Use it on any
    table written for people to open in Excel (the report's CSVs and
    :func:`toolkit.validity.coding_sheet` do).

    Parameters
    ----------
    df : DataFrame

    Returns
    -------
    DataFrame

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["=1+2", "-ok", "fine"], "score": [-0.5, 0.1, 0.0]})
    >>> out = safe_for_spreadsheet(df)
    >>> out["text"].tolist(), out["score"].tolist()
    (["'=1+2", "'-ok", 'fine'], [-0.5, 0.1, 0.0])
    """
    out = df.copy()
    for c in out.columns:
        col = out[c]
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            out[c] = col.map(_neutral)
        elif isinstance(col.dtype, pd.CategoricalDtype) and col.cat.categories.dtype == object:
            out[c] = col.cat.rename_categories([_neutral(v) for v in col.cat.categories])
    out.columns = [_neutral(c) for c in out.columns]
    if pd.api.types.is_string_dtype(out.index):
        out.index = out.index.map(_neutral)
    return out


# Column names treated as p-values unless p_columns= says otherwise.
P_COLUMNS = ("p", "p_adj", "p_value", "pvalue", "p.value", "p_fdr", "p_holm", "q", "q_value")

FloatFormat = str | int | Callable[[float], str] | None


def format_p(p: float, digits: int = 3, latex: bool = False, exact: bool = False) -> str:
    """Format a p-value: fixed decimals from 0.001 up, "< 0.001" below.

    Parameters
    ----------
    p : float
    digits : int, default 3
        Decimals for p >= 10**-digits (and the threshold below which
        "< 0.001" is written); significant digits when ``exact``.
    latex : bool, default False
        Write math for LaTeX (``$<0.001$``; ``<`` in text mode prints as "¡").
    exact : bool, default False
        Scientific notation below the threshold instead (``1.23e-05``,
        ``$1.23 \\times 10^{-5}$``), e.g. for a supplement. Values this small
        are rarely meaningful: they depend on the test's tail approximation.

    Examples
    --------
    >>> format_p(0.0342), format_p(0.00001234), format_p(0.0)
    ('0.034', '< 0.001', '< 0.001')
    >>> format_p(0.00001234, exact=True), format_p(0.00001234, latex=True)
    ('1.23e-05', '$<0.001$')
    >>> format_p(0.00001234, latex=True, exact=True)
    '$1.23 \\\\times 10^{-5}$'
    """
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return ""
    p = float(p)
    threshold = 10.0**-digits
    if p >= threshold:
        return f"{p:.{digits}f}"
    if not exact or p == 0:
        bound = f"{threshold:.{digits}f}"
        return f"$<{bound}$" if latex else f"< {bound}"
    mantissa, exponent = f"{p:.{digits - 1}e}".split("e")
    if latex:
        return f"${mantissa} \\times 10^{{{int(exponent)}}}$"
    return f"{mantissa}e{exponent}"


def format_number(value: Any, float_format: FloatFormat = 3, thousands: bool = True) -> str:
    """Format one cell: integers with separators, floats with ``float_format``.

    ``float_format`` is a number of decimals, a format string such as
    ``"{:.2f}"``, or a function. Missing values become "".

    Examples
    --------
    >>> format_number(12345), format_number(0.12345), format_number(2.0), format_number(None)
    ('12,345', '0.123', '2', '')
    >>> format_number(0.5, "{:.0%}")
    '50%'
    """
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}" if thousands else str(int(value))
    if isinstance(value, numbers.Real):
        v = float(value)
        if math.isnan(v):
            return ""
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        if callable(float_format):
            return float_format(v)
        if isinstance(float_format, str):
            return float_format.format(v)
        if v.is_integer() and abs(v) < 1e15:
            return f"{int(v):,}" if thousands else str(int(v))
        decimals = 3 if float_format is None else int(float_format)
        return f"{v:,.{decimals}f}" if thousands else f"{v:.{decimals}f}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return str(value)


def _is_code(column: object) -> bool:
    """Years and ids are labels, not quantities: no thousands separators (2019, not 2,019)."""
    name = str(column).lower()
    return "year" in name or name == "id" or name.endswith("_id")


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and arrays are values, not missing
        return False


def is_p_column(column: object) -> bool:
    """A p-value column by name, also when written as math ("$p_{adj}$").

    Examples
    --------
    >>> is_p_column("p_adj"), is_p_column("$p_{adj}$"), is_p_column("pmi")
    (True, True, False)
    """
    name = str(column)
    bare = re.sub(r"[$\\{}\s]", "", name).lower()
    return name in P_COLUMNS or bare in P_COLUMNS or bare in {"p_{adj}", "padj", "p-value"}


def _cells(
    df: pd.DataFrame,
    float_format: FloatFormat | dict[str, FloatFormat],
    p_columns: Iterable[str] | None,
    na_rep: str,
    latex: bool,
    exact_p: bool = False,
) -> tuple[list[list[str]], list[bool]]:
    """Formatted cell text per row, and whether each column is numeric (right-aligned)."""
    p_cols = {c for c in df.columns if is_p_column(c)} if p_columns is None else set(p_columns)
    formats = float_format if isinstance(float_format, dict) else {}
    default = None if isinstance(float_format, dict) else float_format
    numeric = [
        pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
        for c in df.columns
    ]
    columns = []
    for c, is_num in zip(df.columns, numeric, strict=True):
        fmt = formats.get(c, default)
        is_p = (c in p_cols or str(c) in p_cols) and is_num and fmt is None
        uniform = fmt is None or (isinstance(fmt, int) and not isinstance(fmt, bool))
        if is_num and not is_p and uniform and pd.api.types.is_float_dtype(df[c]):
            # one rule per column, so decimals line up: whole numbers only if all are
            vals = df[c].dropna().to_numpy(dtype=float)
            finite = vals[np.isfinite(vals)]
            whole = finite.size > 0 and np.all(finite == np.round(finite))
            decimals = 3 if fmt is None else fmt
            if not whole:
                fmt = (lambda d: lambda v: f"{v:,.{d}f}")(decimals)
        out = []
        for v in df[c].tolist():
            if _is_na(v):
                out.append(na_rep)
            elif is_p:
                out.append(format_p(v, latex=latex, exact=exact_p))
            else:
                out.append(format_number(v, fmt, thousands=not _is_code(c)))
        columns.append(out)
    rows = [list(r) for r in zip(*columns, strict=True)] if columns else []
    return rows, numeric


def meaningful_index(df: pd.DataFrame) -> bool:
    """Whether the index carries row labels worth printing.

    A named index (a pivot's rows, ``set_index("term")``) or one of labels
    does; pandas' default 0, 1, 2, ... (also after filtering) does not.
    """
    idx = df.index
    if any(name is not None for name in idx.names):
        return True
    return not pd.api.types.is_integer_dtype(idx.dtype)


def _frame(
    df: pd.DataFrame,
    index: bool | None,
    columns: Sequence[str] | None,
    func: str,
    headers: Mapping[Any, str] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """The table to print and the header text of each of its columns."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{func}: expected a DataFrame, got {type(df).__name__}")
    if columns is not None:
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise ValueError(f"{func}: columns not in the table: {missing}")
        df = df[list(columns)]
    if index is None:
        index = meaningful_index(df)
    if index:
        names = [n if n is not None else "" for n in df.index.names]
        df = df.copy()
        df.index = df.index.set_names(
            [f"__index_{i}" if n == "" else n for i, n in enumerate(names)]
        )
        df = df.reset_index()
    if isinstance(df.columns, pd.MultiIndex):
        df.columns = [" ".join(str(p) for p in c if str(p) != "") for c in df.columns]
    headers = dict(headers or {})
    unknown = [h for h in headers if h not in set(df.columns)]
    if unknown:
        raise ValueError(f"{func}: headers= names columns not in the table: {unknown}")
    text = [headers.get(c, "" if str(c).startswith("__index_") else str(c)) for c in df.columns]
    return df, text


_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _latex_escape(text: str) -> str:
    return "".join(_LATEX_ESCAPES.get(ch, ch) for ch in text)


def _latex_header(text: str) -> str:
    """Escape a header, keeping ``$...$`` math as written ("$G^2$", "$p_{adj}$")."""
    parts = re.split(r"(\$[^$]+\$)", text)
    return "".join(
        p if p.startswith("$") and p.endswith("$") and len(p) > 2 else _latex_escape(p)
        for p in parts
    )


@keyword_only("caption", "label", "float_format")
def to_latex(
    df: pd.DataFrame,
    *,
    caption: str | None = None,
    label: str | None = None,
    float_format: FloatFormat | dict[str, FloatFormat] = None,
    columns: Sequence[str] | None = None,
    index: bool | None = None,
    headers: Mapping[Any, str] | None = None,
    p_columns: Iterable[str] | None = None,
    exact_p: bool = False,
    na_rep: str = "",
    notes: str | None = None,
    position: str = "htbp",
    escape: bool = True,
) -> str:
    """A LaTeX ``table`` with booktabs rules, caption and label.

    Parameters
    ----------
    df : DataFrame
    caption : str, optional
        Placed above the table (the usual convention for tables).
    label : str, optional
        ``\\label{...}`` for cross-references, e.g. ``"tab:keyness"``.
    float_format : int, str, callable or dict, optional
        Decimals (default 3; whole numbers print without decimals), a
        format string (``"{:.1%}"``) or a function; a dict sets it per column.
    columns : sequence of str, optional
        Columns to include, in this order.
    index : bool, optional
        Include the index as the first column(s). Default: when it holds row
        labels (a named index, such as a pivot's rows, or non-integer
        labels), not pandas' default 0, 1, 2, ...
    headers : mapping, optional
        Header text per column (``{"p_adj": "$p_{adj}$", "G2": "$G^2$"}``);
        formatting still follows the original names, so a renamed p-value
        column keeps its "< 0.001". ``$...$`` math in headers is kept as
        written; everything else is escaped.
    p_columns : iterable of str, optional
        Columns formatted as p-values ("< 0.001" below 0.001); default:
        columns named ``p``, ``p_adj``, ``p_value`` and the like (also as math).
    exact_p : bool, default False
        Scientific notation instead of "< 0.001" (see :func:`format_p`).
    na_rep : str, default ""
        Text for missing values.
    notes : str, optional
        A note set in small type under the table.
    position : str, default "htbp"
        Float placement.
    escape : bool, default True
        Escape LaTeX special characters in text cells, the caption and the
        headers (outside ``$...$`` math). ``False`` leaves them all as
        written (for cells that hold LaTeX).

    Returns
    -------
    str
        Needs ``\\usepackage{booktabs}`` in the preamble (and a CJK-capable
        engine such as XeLaTeX for Korean or Japanese text).

    Examples
    --------
    >>> import pandas as pd
    >>> kw = pd.DataFrame({"term": ["east_sea", "dokdo"], "G2": [40.21, 25.0],
    ...                    "p": [0.00002, 0.0123]})
    >>> print(to_latex(kw, caption="Key terms", label="tab:key"))
    \\begin{table}[htbp]
    \\centering
    \\caption{Key terms}
    \\label{tab:key}
    \\begin{tabular}{lrr}
    \\toprule
    term & G2 & p \\\\
    \\midrule
    east\\_sea & 40.210 & $<0.001$ \\\\
    dokdo & 25.000 & 0.012 \\\\
    \\bottomrule
    \\end{tabular}
    \\end{table}
    """
    df, header = _frame(df, index, columns, "to_latex", headers)
    rows, numeric = _cells(df, float_format, p_columns, na_rep, latex=True, exact_p=exact_p)
    esc = _latex_escape if escape else str

    def cell(text: str, is_num: bool) -> str:
        # formatted p-values already carry their own math mode
        return text if (is_num and text.startswith("$")) else esc(text)

    align = "".join("r" if n else "l" for n in numeric)
    lines = [f"\\begin{{table}}[{position}]", "\\centering"]
    if caption:
        lines.append(f"\\caption{{{esc(caption)}}}")
    if label:
        lines.append(f"\\label{{{label}}}")
    lines += [f"\\begin{{tabular}}{{{align}}}", "\\toprule"]
    lines.append(" & ".join(_latex_header(h) if escape else h for h in header) + " \\\\")
    lines.append("\\midrule")
    for r in rows:
        lines.append(" & ".join(cell(t, n) for t, n in zip(r, numeric, strict=True)) + " \\\\")
    lines += ["\\bottomrule", "\\end{tabular}"]
    if notes:
        lines.append(f"\\par\\smallskip{{\\footnotesize {esc(notes)}\\par}}")
    lines.append("\\end{table}")
    return "\n".join(lines)


@keyword_only("caption", "float_format")
def to_markdown(
    df: pd.DataFrame,
    *,
    caption: str | None = None,
    float_format: FloatFormat | dict[str, FloatFormat] = None,
    columns: Sequence[str] | None = None,
    index: bool | None = None,
    headers: Mapping[Any, str] | None = None,
    p_columns: Iterable[str] | None = None,
    exact_p: bool = False,
    na_rep: str = "",
    max_rows: int | None = None,
) -> str:
    """A Markdown pipe table (GitHub / pandoc / Jupyter), numbers right-aligned.

    Parameters
    ----------
    df : DataFrame
    caption : str, optional
        Written under the table as ``Table: caption`` (pandoc's caption syntax).
    float_format, columns, index, headers, p_columns, exact_p, na_rep
        As in :func:`to_latex`.
    max_rows : int, optional
        Show only the first rows, with a note saying how many there are.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["Daily A", "Times|B"], "n": [1200, 85],
    ...                    "mean": [-0.2345, 0.1]})
    >>> print(to_markdown(df, caption="Tone by outlet"))
    | outlet   |     n |   mean |
    |:---------|------:|-------:|
    | Daily A  | 1,200 | -0.234 |
    | Times\\|B |    85 |  0.100 |
    <BLANKLINE>
    Table: Tone by outlet
    """
    df, header = _frame(df, index, columns, "to_markdown", headers)
    total = len(df)
    if max_rows is not None and total > max_rows:
        df = df.head(max_rows)
    rows, numeric = _cells(df, float_format, p_columns, na_rep, latex=False, exact_p=exact_p)
    header = [h.replace("|", "\\|") for h in header]
    body = [[t.replace("|", "\\|").replace("\n", " ") for t in r] for r in rows]
    widths = [max(3, len(h), *(len(r[i]) for r in body)) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        padded = [
            c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join(
            ("-" * (w + 1) + ":") if n else (":" + "-" * (w + 1))
            for w, n in zip(widths, numeric, strict=True)
        )
        + "|"
    )
    lines = [line(header), rule, *(line(r) for r in body)]
    if len(df) < total:
        lines += ["", f"Showing {len(df):,} of {total:,} rows."]
    if caption:
        lines += ["", f"Table: {caption}"]
    return "\n".join(lines)
