"""Readers for the files news archives export.

Each reader returns a pandas DataFrame with the canonical corpus columns
``doc_id, text, title, date, outlet, country, language, url`` first (strings
"" when missing; ``date`` is ``datetime64[ns]`` with ``NaT`` when it could
not be read; ``country`` is left "" for the corpus loader's outlet table;
``language`` is an ISO 639-1 code when the export states a language), then
the extra fields the export has, then ``source_file``, ``source_format``,
``encoding``, ``date_raw``, ``file_warnings`` and ``parse_warnings``.

No article is ever dropped: an article whose fields could not all be read
is returned with what was read and a ``parse_warnings`` entry ("" when
clean, messages joined by "; " otherwise).

=====================  ====================  ================================
format                 reader                what it is
=====================  ====================  ================================
``nexis_docx``         ``read_nexis``        Nexis Uni DOCX
``factiva_html``       ``read_factiva``      Factiva HTML (both layouts)
``lexisnexis_html``    ``read_lexisnexis``   legacy LexisNexis HTML
``lexisnexis_txt``     ``read_lexisnexis``   legacy LexisNexis TXT
``bigkinds_xlsx``      ``read_bigkinds``     BigKinds XLSX
``scraped_json``       ``read_scraped``      newspaper4k/trafilatura JSON(L)
=====================  ====================  ================================
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from toolkit.readers._common import CANONICAL_COLUMNS
from toolkit.readers._sniff import FORMATS, detect_format
from toolkit.readers.bigkinds import read_bigkinds
from toolkit.readers.factiva import read_factiva
from toolkit.readers.lexisnexis import read_lexisnexis
from toolkit.readers.nexis import read_nexis
from toolkit.readers.scraper import read_scraped

__all__ = [
    "CANONICAL_COLUMNS",
    "FORMATS",
    "detect_format",
    "read_bigkinds",
    "read_export",
    "read_factiva",
    "read_lexisnexis",
    "read_nexis",
    "read_scraped",
    "summarize_load",
]

_READERS: dict[str, Callable[..., pd.DataFrame]] = {
    "nexis_docx": read_nexis,
    "factiva_html": read_factiva,
    "lexisnexis_html": read_lexisnexis,
    "lexisnexis_txt": read_lexisnexis,
    "bigkinds_xlsx": read_bigkinds,
    "scraped_json": read_scraped,
}
_TEXT_FORMATS = {"factiva_html", "lexisnexis_html", "lexisnexis_txt", "scraped_json"}


def read_export(
    path: str | Path, format: str | None = None, encoding: str | None = None
) -> pd.DataFrame:
    """Read one archive export, detecting its format from its content.

    Parameters
    ----------
    path : str or Path
        The exported file.
    format : str, optional
        One of :data:`FORMATS`; by default :func:`detect_format` decides.
    encoding : str, optional
        Force a codec for the text formats (HTML, TXT, JSON); ignored for
        DOCX and XLSX.

    Returns
    -------
    pandas.DataFrame
        The reader's DataFrame (see the module docstring for its columns).

    Raises
    ------
    ValueError
        If the format is unknown or cannot be detected (the message names
        the formats tried), or the reader cannot read the file.
    FileNotFoundError
        If ``path`` does not exist.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "feed.json"
    >>> _ = p.write_text(json.dumps([{"title": "T", "text": "Body.", "date": "2015-04-14",
    ...                                "url": "https://example.org/1"}]))
    >>> read_export(p)[["doc_id", "title"]].values.tolist()
    [['feed.json#1', 'T']]
    >>> _ = (p.parent / "table.csv").write_text("a,b\\n1,2\\n")
    >>> read_export(p.parent / "table.csv")
    Traceback (most recent call last):
    ...
    ValueError: ...table.csv: not a recognised news-archive export (tried: nexis_docx, ...)
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    if format is None:
        format = detect_format(path)
        if format is None:
            tried = ", ".join(FORMATS)
            raise ValueError(f"{path}: not a recognised news-archive export (tried: {tried})")
    if format not in _READERS:
        raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}")
    reader = _READERS[format]
    if format in _TEXT_FORMATS:
        return reader(path, encoding=encoding)
    return reader(path)


def summarize_load(df: pd.DataFrame) -> pd.DataFrame:
    """Summarise a loaded corpus per source file, with a total row.

    Parameters
    ----------
    df : pandas.DataFrame
        Output of one reader or several concatenated (needs ``doc_id``;
        uses ``source_file``, ``source_format``, ``date``, ``outlet``,
        ``parse_warnings`` and ``file_warnings`` when present).

    Returns
    -------
    pandas.DataFrame
        One row per source file, indexed by file name, then a last row
        ``"(all files)"``. Columns: ``format``, ``articles``,
        ``with_warnings`` (articles with a non-empty ``parse_warnings``),
        ``undated`` (``NaT`` dates), ``date_min``, ``date_max``,
        ``n_outlets``, ``outlets`` (the five most frequent, "; "-joined) and
        ``file_warnings``.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a#1", "a#2", "b#1"], "source_file": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2015-04-14", None, "2015-04-15"]),
    ...                    "outlet": ["Yonhap", "Yonhap", "Kyodo"],
    ...                    "parse_warnings": ["", "no date", ""]})
    >>> s = summarize_load(df)
    >>> s[["articles", "with_warnings", "undated", "n_outlets"]].values.tolist()
    [[2, 1, 1, 1], [1, 0, 0, 1], [3, 1, 1, 2]]
    >>> s.index.tolist()
    ['a', 'b', '(all files)']
    """
    data = df.copy()
    if "source_file" not in data:
        data["source_file"] = "(corpus)"
    for col, default in (
        ("source_format", ""),
        ("parse_warnings", ""),
        ("file_warnings", ""),
        ("outlet", ""),
    ):
        if col not in data:
            data[col] = default
    if "date" not in data:
        data["date"] = pd.NaT
    data["date"] = pd.to_datetime(data["date"], errors="coerce")

    def describe(part: pd.DataFrame) -> dict[str, object]:
        outlets = part["outlet"].fillna("").astype(str)
        outlets = outlets[outlets != ""]
        fw = [w for w in part["file_warnings"].fillna("").astype(str).unique() if w]
        return {
            "format": "; ".join(sorted(set(part["source_format"].fillna("").astype(str)) - {""})),
            "articles": len(part),
            "with_warnings": int((part["parse_warnings"].fillna("").astype(str) != "").sum()),
            "undated": int(part["date"].isna().sum()),
            "date_min": part["date"].min(),
            "date_max": part["date"].max(),
            "n_outlets": int(outlets.nunique()),
            "outlets": "; ".join(outlets.value_counts().index[:5]),
            "file_warnings": " | ".join(fw),
        }

    rows = {name: describe(part) for name, part in data.groupby("source_file", sort=False)}
    total = describe(data)
    total["file_warnings"] = ""
    rows["(all files)"] = total
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "source_file"
    return out
