"""Shared pieces of the export readers: the row builder, warnings, dates, languages.

Every reader turns one file into a list of :class:`Record` objects and hands
them to :func:`build_frame`, so that the column order, the ``doc_id`` rule, the
date parsing and the warning texts are the same for every archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit.text.clean import clean_field
from toolkit.text.dates import parse_date

__all__ = [
    "CANONICAL_COLUMNS",
    "Record",
    "add_file_warning",
    "build_frame",
    "language_code",
]

#: The columns every reader returns first, in this order; the corpus keeps them first too.
CANONICAL_COLUMNS = ["doc_id", "text", "title", "date", "outlet", "country", "language", "url"]

# Columns every reader appends after its own extras (``parse_warnings`` is last).
_TRAILING_COLUMNS = ["source_file", "source_format", "encoding", "date_raw", "file_warnings"]


@dataclass
class Record:
    """One article as a reader found it, before it becomes a DataFrame row."""

    text: str = ""
    title: str = ""
    date_raw: str = ""
    outlet: str = ""
    language: str = ""
    url: str = ""
    doc_id: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """Add a parse warning once (readers may reach the same problem twice)."""
        if message not in self.warnings:
            self.warnings.append(message)


# ------------------------------------------------------------------------ languages

# Language names as the archives print them, in the interface languages we
# know of (English, German, French, Spanish, Italian, Japanese, Korean,
# Chinese), mapped to ISO 639-1 codes so tokenizers can dispatch on them.
_LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "english",
        "englisch",
        "anglais",
        "inglés",
        "ingles",
        "inglese",
        "inglês",
        "английский",
        "英語",
        "英文",
        "英语",
        "영어",
    ),
    "ko": (
        "korean",
        "koreanisch",
        "coréen",
        "coreen",
        "coreano",
        "корейский",
        "韓国語",
        "朝鮮語",
        "韩语",
        "韓語",
        "한국어",
        "한국말",
    ),
    "ja": (
        "japanese",
        "japanisch",
        "japonais",
        "japonés",
        "japones",
        "giapponese",
        "japonês",
        "японский",
        "日本語",
        "日语",
        "日文",
        "일본어",
    ),
    "zh": (
        "chinese",
        "chinesisch",
        "chinois",
        "chino",
        "cinese",
        "chinês",
        "китайский",
        "中国語",
        "中文",
        "汉语",
        "漢語",
        "중국어",
        "chinese-simplified",
        "chinese-traditional",
    ),
    "de": (
        "german",
        "deutsch",
        "allemand",
        "alemán",
        "aleman",
        "tedesco",
        "alemão",
        "немецкий",
        "ドイツ語",
        "德语",
        "독일어",
    ),
    "fr": (
        "french",
        "französisch",
        "franzosisch",
        "français",
        "francais",
        "francés",
        "frances",
        "francese",
        "francês",
        "французский",
        "フランス語",
        "法语",
        "프랑스어",
    ),
    "es": (
        "spanish",
        "spanisch",
        "espagnol",
        "español",
        "espanol",
        "spagnolo",
        "espanhol",
        "испанский",
        "スペイン語",
        "西班牙语",
        "스페인어",
    ),
    "ru": (
        "russian",
        "russisch",
        "russe",
        "ruso",
        "russo",
        "русский",
        "ロシア語",
        "俄语",
        "러시아어",
    ),
}
_LANGUAGE_LOOKUP = {name: code for code, names in _LANGUAGE_NAMES.items() for name in names}
_LANGUAGE_LOOKUP.update({code: code for code in _LANGUAGE_NAMES})


def language_code(value: object) -> str:
    """Map a language name as printed in an export to an ISO 639-1 code.

    Unknown names are returned trimmed, unchanged, so nothing is lost.

    Examples
    --------
    >>> language_code("ENGLISH"), language_code("Englisch"), language_code("한국어")
    ('en', 'en', 'ko')
    >>> language_code("Esperanto")
    'Esperanto'
    """
    text = clean_field(value)
    if not text:
        return ""
    key = text.lower().strip(" .;:")
    return _LANGUAGE_LOOKUP.get(key, text)


def is_language_name(value: str) -> bool:
    """True when ``value`` is a language name the lookup table knows."""
    return clean_field(value).lower().strip(" .;:") in _LANGUAGE_LOOKUP


# ----------------------------------------------------------------------- the frame


def _check_length(rec: Record) -> None:
    """Warn when a body has far fewer words than the export's stated length.

    In the sample exports the body's word count is 0.75-1.13 of the stated
    LENGTH/WC, so under half means the body was cut (a truncated file, or a
    lost block). Only checked for Latin-script text, where words are
    space-separated as the archives count them.
    """
    stated = rec.extra.get("length")
    if not isinstance(stated, int) or stated < 20:
        return
    letters = [c for c in rec.text[:2000] if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) < 0.8 * len(letters):
        return
    words = len(rec.text.split())
    if words < 0.5 * stated:
        rec.warn(f"body has {words} words but the export states {stated}: cut short?")


def add_file_warning(df: pd.DataFrame, message: str) -> pd.DataFrame:
    """Append a file-level warning (e.g. an uncertain encoding) to every row and to attrs.

    Examples
    --------
    >>> df = build_frame([Record(text="B.", title="T", date_raw="2015-04-14")], "x", "lexisnexis_txt")
    >>> add_file_warning(df, "encoding uncertain")["file_warnings"].tolist()
    ['encoding uncertain']
    """
    if not message:
        return df
    df["file_warnings"] = [
        "; ".join(filter(None, [str(w), message])) for w in df["file_warnings"].fillna("")
    ]
    df.attrs["file_warnings"] = [*df.attrs.get("file_warnings", []), message]
    return df


def build_frame(
    records: list[Record],
    path: str | Path,
    source_format: str,
    *,
    encoding: str = "",
    extra_columns: tuple[str, ...] = (),
    file_warnings: list[str] | None = None,
) -> pd.DataFrame:
    """Turn reader records into the canonical corpus DataFrame.

    Parameters
    ----------
    records : list of Record
        Articles in file order.
    path : str or Path
        The export file; its name makes ``doc_id`` (``name#position``,
        1-based) for records without their own id.
    source_format : str
        One of the formats of :func:`toolkit.readers.detect_format`.
    encoding : str, optional
        Codec the text was decoded with ("" for zip-based formats).
    extra_columns : tuple of str
        Reader-specific columns, in the order they should appear.
    file_warnings : list of str, optional
        Problems with the file as a whole (declared count differs, ...),
        repeated on every row in ``file_warnings`` and kept in ``attrs``.

    Returns
    -------
    pandas.DataFrame
        Canonical columns, then ``extra_columns``, ``source_file``,
        ``source_format``, ``encoding``, ``date_raw``, ``file_warnings`` and
        ``parse_warnings``.

    Examples
    --------
    >>> df = build_frame([Record(text="Body.", title="T", date_raw="2015-04-14")],
    ...                  "x.txt", "lexisnexis_txt")
    >>> df.loc[0, "doc_id"], str(df.loc[0, "date"].date()), df.loc[0, "parse_warnings"]
    ('x.txt#1', '2015-04-14', '')
    """
    name = Path(path).name
    file_warnings = list(file_warnings or [])
    rows = []
    for pos, rec in enumerate(records, start=1):
        date = parse_date(rec.date_raw) if rec.date_raw else pd.NaT
        if not rec.date_raw:
            rec.warn("no date")
        elif pd.isna(date):
            rec.warn(f"date not parsed: {rec.date_raw!r}")
        if not rec.title:
            rec.warn("no title")
        if not rec.text:
            rec.warn("empty body")
        else:
            _check_length(rec)
        row = {
            "doc_id": rec.doc_id or f"{name}#{pos}",
            "text": rec.text,
            "title": rec.title,
            "date": date,
            "outlet": rec.outlet,
            "country": "",
            "language": rec.language,
            "url": rec.url,
        }
        for col in extra_columns:
            row[col] = rec.extra.get(col, "")
        row.update(
            source_file=name,
            source_format=source_format,
            encoding=encoding,
            date_raw=rec.date_raw,
            file_warnings="; ".join(file_warnings),
            parse_warnings="; ".join(rec.warnings),
        )
        rows.append(row)
    columns = [*CANONICAL_COLUMNS, *extra_columns, *_TRAILING_COLUMNS, "parse_warnings"]
    df = pd.DataFrame(rows, columns=columns)
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    if "length" in df.columns:
        # Word counts as the export states them; NA where it states none.
        df["length"] = pd.to_numeric(df["length"].replace("", None), errors="coerce").astype(
            "Int64"
        )
    for col in columns:
        if col not in ("date", "length") and df[col].dtype == object:
            df[col] = df[col].fillna("")
    df.attrs["source_file"] = name
    df.attrs["source_format"] = source_format
    df.attrs["file_warnings"] = file_warnings
    return df
