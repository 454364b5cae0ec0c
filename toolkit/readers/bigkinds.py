"""Read BigKinds (Korea Press Foundation news archive) XLSX exports.

BigKinds exports one sheet with Korean column names. The ones that map onto
the corpus columns are renamed; all others (통합 분류1-3, 사건/사고 분류1-3,
인물, 위치, 기관, 키워드, 특성추출(가중치순 상위 50개), 분석제외 여부, ...) are kept
under their original names. BigKinds cuts article bodies (본문) to about 200
characters, so every row gets ``text_truncated = True``: measures that need
whole articles can warn.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from toolkit.readers._common import Record, build_frame
from toolkit.text.clean import clean_field
from toolkit.text.decode import check_archive

__all__ = ["read_bigkinds", "BIGKINDS_COLUMNS", "is_bigkinds_header"]

#: Korean column name -> canonical or extra column.
BIGKINDS_COLUMNS = {
    "뉴스 식별자": "doc_id",
    "일자": "date",
    "언론사": "outlet",
    "기고자": "byline",
    "제목": "title",
    "본문": "text",
    "URL": "url",
}
# Columns BigKinds exports besides the mapped ones (used to recognise a file).
_KNOWN_OTHER = {
    "통합 분류1",
    "통합 분류2",
    "통합 분류3",
    "사건/사고 분류1",
    "사건/사고 분류2",
    "사건/사고 분류3",
    "인물",
    "위치",
    "기관",
    "키워드",
    "특성추출(가중치순 상위 50개)",
    "분석제외 여부",
}


def _norm(name: object) -> str:
    return clean_field(name).replace(" ", "") if name is not None else ""


_MAPPED_NORM = {_norm(k): k for k in BIGKINDS_COLUMNS}
_KNOWN_NORM = {_norm(k) for k in _KNOWN_OTHER} | set(_MAPPED_NORM)


def is_bigkinds_header(names: list[object]) -> bool:
    """True when a header row looks like a BigKinds export.

    It must have 일자 (date) and at least two more BigKinds columns, one of
    them 제목 (title) or 언론사 (outlet); spacing inside names is ignored.

    Examples
    --------
    >>> is_bigkinds_header(["일자", "언론사", "제목", "키워드"])
    True
    >>> is_bigkinds_header(["date", "outlet", "title"])
    False
    """
    norm = {_norm(n) for n in names}
    hits = norm & _KNOWN_NORM
    return "일자" in norm and bool({"제목", "언론사"} & norm) and len(hits) >= 3


def _header_row(rows: list[tuple]) -> int | None:
    """Index of the header row among the first rows (exports may have a title row)."""
    for i, row in enumerate(rows[:10]):
        if is_bigkinds_header(list(row)):
            return i
    return None


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        # Excel stores 20230531 as a number; keep it as the digits it was.
        return str(int(value))
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return clean_field(value)


def read_bigkinds(path: str | Path, sheet: int | str = 0) -> pd.DataFrame:
    """Read a BigKinds XLSX export into the canonical corpus DataFrame.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file BigKinds produced (any subset of its columns, as
        long as 일자 and 제목 or 언론사 are there).
    sheet : int or str, default 0
        Sheet to read.

    Returns
    -------
    pandas.DataFrame
        One row per spreadsheet row (blank rows skipped). ``doc_id`` is the
        뉴스 식별자 (news id) when present, else ``file#position``; 기고자 becomes
        ``byline``; the other BigKinds columns follow under their Korean
        names, then ``text_truncated`` (always True: BigKinds bodies are
        about 200 characters) and the common columns. ``language`` is left
        "" as the export does not state it.

    Raises
    ------
    ValueError
        If the file is not a readable XLSX or has no BigKinds header row.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> wb = openpyxl.Workbook()
    >>> ws = wb.active
    >>> ws.append(["뉴스 식별자", "일자", "언론사", "제목", "본문"])
    >>> ws.append(["01100101.20150414000000001", "20150414", "예시일보", "한일 외교장관 회담",
    ...            "양국 외교장관이 14일 만났다."])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "bk.xlsx"
    >>> wb.save(p)
    >>> df = read_bigkinds(p)
    >>> df.loc[0, ["doc_id", "outlet", "title"]].tolist()
    ['01100101.20150414000000001', '예시일보', '한일 외교장관 회담']
    >>> bool(df.loc[0, "text_truncated"])
    True
    >>> str(df.loc[0, "date"].date())
    '2015-04-14'
    """
    path = Path(path)
    rows = _sheet_rows(path, sheet)
    at = _header_row(rows)
    if at is None:
        raise ValueError(f"{path}: no BigKinds header row (일자, 제목/언론사, ...) found")
    roles, extra_cols = _roles([_cell(h) for h in rows[at]])
    records = [_record(roles, values) for values in map(_cells, rows[at + 1 :]) if any(values)]
    _drop_repeated_ids(records)
    file_warnings = []
    if "text" not in roles:
        file_warnings.append("no 본문 (body) column: titles only")
    return build_frame(
        records,
        path,
        "bigkinds_xlsx",
        extra_columns=(*extra_cols, "text_truncated"),
        file_warnings=file_warnings,
    )


def _sheet_rows(path: Path, sheet: int | str) -> list[tuple]:
    """Every row of one sheet as a tuple of cell values; damaged files raise ValueError."""
    import openpyxl

    check_archive(path)  # a zip bomb is refused before openpyxl inflates it
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise ValueError(f"{path}: not a readable XLSX file ({err})") from err
    except Exception as err:  # damaged XML inside the zip
        raise ValueError(f"{path}: not a readable XLSX file ({type(err).__name__}: {err})") from err
    try:
        ws = wb.worksheets[sheet] if isinstance(sheet, int) else wb[sheet]
        return [tuple(r) for r in ws.iter_rows(values_only=True)]
    except (IndexError, KeyError) as err:
        raise ValueError(f"{path}: no sheet {sheet!r}") from err
    except Exception as err:
        raise ValueError(f"{path}: cannot read sheet ({type(err).__name__}: {err})") from err
    finally:
        wb.close()


def _roles(header: list[str]) -> tuple[list[str], list[str]]:
    """(the role of each column, the extra columns in output order).

    A BigKinds column gets its canonical role (the first time it appears);
    any other column keeps its name, made unique.
    """
    roles: list[str] = []
    extra_cols: list[str] = []
    for i, name in enumerate(header):
        role = BIGKINDS_COLUMNS.get(_MAPPED_NORM.get(_norm(name), ""), "")
        if role and role not in roles:
            roles.append(role)
        else:
            col = name or f"column_{i + 1}"
            while col in extra_cols or col in roles:
                col = f"{col}_"
            roles.append(col)
            extra_cols.append(col)
    if "byline" in roles:
        extra_cols.insert(0, "byline")
    return roles, extra_cols


def _cells(row: tuple) -> list[str]:
    return [_cell(v) for v in row]


def _record(roles: list[str], values: list[str]) -> Record:
    """One article from one spreadsheet row."""
    rec = Record()
    for role, value in zip(roles, values, strict=False):
        if role == "doc_id":
            rec.doc_id = value.strip("'")
        elif role == "date":
            rec.date_raw = value
        elif role in ("text", "title", "outlet", "url"):
            setattr(rec, role, value)
        else:
            rec.extra[role] = value
    rec.extra["text_truncated"] = True
    if "doc_id" in roles and not rec.doc_id:
        rec.warn("no 뉴스 식별자 (news id); id made from the position")
    if len(values) > len(roles) and any(values[len(roles) :]):
        rec.warn("cells beyond the header's columns were ignored")
    return rec


def _drop_repeated_ids(records: list[Record]) -> None:
    """An id repeated within the file identifies no article: each copy gets a position id."""
    ids = [rec.doc_id for rec in records if rec.doc_id]
    if len(ids) == len(set(ids)):
        return
    seen: set[str] = set()
    dupes = {i for i in ids if i in seen or seen.add(i)}
    for rec in records:
        if rec.doc_id in dupes:
            rec.warn(f"뉴스 식별자 {rec.doc_id} repeated in the file; id made from the position")
            rec.doc_id = ""
