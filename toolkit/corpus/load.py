"""Load news articles into one corpus DataFrame, whatever they came in.

A corpus is a pandas DataFrame with one row per article and the canonical
columns ``doc_id, text, title, date, outlet, country, language, url``, then
the bookkeeping columns ``status, status_reason, dup_group, is_duplicate,
n_chars``, then any extra columns the source had. Nothing is dropped: an
article without text is kept with ``status == "empty"``, a file that cannot
be decoded with ``status == "unreadable"``, and exact duplicates are flagged
rather than removed.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit._parallel import map_chunks, resolve_n_jobs
from toolkit.corpus.outlets import normalize_outlet_name, outlet_lookup, outlet_table
from toolkit.data import data_path
from toolkit.readers import CANONICAL_COLUMNS
from toolkit.readers.scraper import FIELD_KEYS
from toolkit.text.clean import SURROGATE_NOTE, clean_article, replace_surrogates
from toolkit.text.dates import parse_dates
from toolkit.text.decode import DecodeError, folder_counts, read_decoded
from toolkit.text.language import detect_language, other_language

__all__ = [
    "BOOKKEEPING_COLUMNS",
    "CANONICAL_COLUMNS",
    "LoadError",
    "RESERVED_COLUMNS",
    "check_unique_ids",
    "column_aliases",
    "find_alias",
    "is_corpus",
    "load_corpus",
    "load_demo",
    "load_summary",
    "read_source",
    # moved to toolkit.text.language and toolkit.corpus.outlets; still
    # importable from here for notebooks and code written against 0.3
    "detect_language",
    "other_language",
    "outlet_table",
]

BOOKKEEPING_COLUMNS = ["status", "status_reason", "dup_group", "is_duplicate", "n_chars"]
#: Columns the loader writes itself; a source's own columns of these names are
#: kept under ``user_<name>`` (with one warning) instead of being overwritten.
RESERVED_COLUMNS = [*BOOKKEEPING_COLUMNS, "date_raw", "source_file", "encoding", "load_note"]
#: Every status ``load_corpus`` gives (see docs/loading_exports.md).
STATUSES = ("ok", "empty", "unreadable", "truncated")


class LoadError(ValueError):
    """A source could not be read; the message names the file and says why."""


@contextlib.contextmanager
def _naming(path: Path):
    """Turn a library's exception while reading ``path`` into a LoadError naming it."""
    try:
        yield
    except (LoadError, FileNotFoundError):
        raise
    except DecodeError as err:
        msg = str(err)
        raise LoadError(msg if str(path) in msg else f"{path}: {msg}") from err
    except RecursionError as err:
        raise LoadError(f"{path}: nested too deeply to read (JSON/XML depth)") from err
    except MemoryError as err:
        raise LoadError(f"{path}: too large to read into memory") from err
    except Exception as err:  # pandas, json, openpyxl, pyarrow, zipfile errors alike
        raise LoadError(
            f"{path}: cannot read it as {path.suffix or 'a table'} ({type(err).__name__}: {err})"
        ) from err


def is_corpus(data: object) -> bool:
    """True for a DataFrame :func:`load_corpus` made (its columns, statuses and unique ids).

    A table that merely has a ``status`` column of its own is not a corpus;
    callers should pass it through :func:`load_corpus`, which keeps that
    column as ``user_status``.

    Examples
    --------
    >>> is_corpus(load_corpus(pd.DataFrame({"text": ["Seoul met Tokyo."]})))
    True
    >>> is_corpus(pd.DataFrame({"text": ["x"], "status": ["draft"]}))
    False
    """
    if not isinstance(data, pd.DataFrame):
        return False
    if not set(CANONICAL_COLUMNS + BOOKKEEPING_COLUMNS) <= set(data.columns):
        return False
    return bool(data["status"].isin(STATUSES).all() and data["doc_id"].is_unique)


def check_unique_ids(data: pd.DataFrame, what: str = "corpus") -> None:
    """Raise a clear error when ``data``'s ``doc_id`` values are not unique.

    Every measure keys its output by ``doc_id``; repeated ids would merge two
    articles or misalign scores. :func:`load_corpus` always returns unique ids.

    Examples
    --------
    >>> check_unique_ids(pd.DataFrame({"doc_id": ["a", "b"]}))
    >>> check_unique_ids(pd.DataFrame({"doc_id": ["a", "a"]}))
    Traceback (most recent call last):
    ...
    ValueError: the corpus has repeated doc_id values (1 repeated, e.g. ['a']): ...
    """
    if "doc_id" not in data.columns:
        return
    ids = data["doc_id"]
    dup = ids[ids.duplicated()]
    if len(dup):
        raise ValueError(
            f"the {what} has repeated doc_id values ({len(dup)} repeated, e.g. "
            f"{sorted(map(str, dup.unique()))[:3]}): measures key their results by doc_id. "
            "Load it with toolkit.load_corpus, which makes ids unique."
        )


# Column names seen in exports, tried when the canonical name is absent (after
# them, the scraper reader's field names: see _aliases). Korean names are BigKinds'.
_ALIASES = {
    "text": ["body", "content", "maintext", "article", "full_text", "fulltext", "story", "본문"],
    "title": ["headline", "heading", "hd", "제목"],
    "date": ["published", "date_publish", "pub_date", "publication_date", "pd", "datetime", "일자"],
    "outlet": ["source", "publication", "newspaper", "source_domain", "sitename", "sn", "언론사"],
    "url": ["link", "source_url", "URL"],
    "language": ["lang", "la"],
    "doc_id": ["id", "article_id", "뉴스 식별자"],
}
LONG_DOC_CHARS = 200_000


@functools.lru_cache(maxsize=1)
def column_aliases() -> dict[str, list[str]]:
    """Other names of each canonical column, in the order they are tried.

    Export column names first, then the scraper reader's field names, so a
    scraper JSON file loaded as a table is read as
    :func:`toolkit.readers.read_scraped` reads it.

    Examples
    --------
    >>> column_aliases()["title"][:3]
    ['headline', 'heading', 'hd']
    """
    return {
        canon: names + [k for k in FIELD_KEYS.get(canon, ()) if k != canon and k not in names]
        for canon, names in _ALIASES.items()
    }


def find_alias(columns: Sequence[object], canon: str) -> str | None:
    """The first of ``columns`` that is a known alias of ``canon`` (case-insensitive), or None.

    Examples
    --------
    >>> find_alias(["Headline", "Body"], "text")
    'Body'
    >>> find_alias(["x"], "text") is None
    True
    """
    lower = {str(c).lower(): str(c) for c in columns}
    return next((lower[a.lower()] for a in column_aliases()[canon] if a.lower() in lower), None)


# --------------------------------------------------------------------------
# Reading sources
# --------------------------------------------------------------------------


_DELIMITERS = ("\t", ";", ",", "|")


def _sniff_delimiter(header: str, suffix: str) -> str:
    """The delimiter of a delimited-text header: the commonest of tab, ; , |.

    Excel writes ";"-separated "CSV" in many European locales and
    tab-separated "Unicode text"; extensions are not to be trusted.
    """
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ("\t" if suffix != ".csv" else ",")))
    if counts[best] == 0:
        return "\t" if suffix in (".tsv", ".tab") else ","
    return best


def _records_frame(records: list[object], path: Path) -> pd.DataFrame:
    """JSON records as rows; a record that is not an object becomes an unreadable row."""
    rows, notes = [], []
    for n, rec in enumerate(records, start=1):
        if isinstance(rec, dict):
            clean, hit = replace_surrogates(rec)
            rows.append(clean)
            notes.append(SURROGATE_NOTE if hit else "")
        else:
            rows.append({})
            kind = "null" if rec is None else type(rec).__name__
            notes.append(f"unreadable: record {n} of {path.name} is {kind}, not a JSON object")
    df = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    df.index = range(len(rows))
    df["load_note"] = notes
    return df


def _json_records(text: str, path: Path, lines: bool) -> list[object]:
    """The records of a JSON Lines file (``lines``) or a JSON file (a list, or an object)."""
    if lines:
        records: list[object] = []
        for n, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise LoadError(f"{path}: line {n} is not valid JSON ({err.msg})") from err
        return records
    obj = json.loads(text) if text.strip() else []
    if isinstance(obj, dict):
        # {"articles": [...]} or a single article
        lists = [v for v in obj.values() if isinstance(v, list)]
        obj = lists[0] if len(lists) == 1 else [obj]
    if not isinstance(obj, list):
        raise LoadError(
            f"{path}: the JSON holds a {type(obj).__name__}, not articles "
            "(expected a list of objects or an object)"
        )
    return obj


def _parse_table(path: Path, suffix: str, encoding: str | None) -> tuple[pd.DataFrame, str, str]:
    """(frame, codec, decode note) for one table file."""
    if suffix in (".parquet", ".xlsx", ".xlsm", ".xls"):
        if suffix != ".parquet":
            from toolkit.text.decode import check_archive

            check_archive(path)
            return pd.read_excel(path, dtype=object), "", ""
        return pd.read_parquet(path), "", ""
    decoded = read_decoded(path, encoding)
    text = decoded.text.lstrip("\ufeff")
    if suffix in (".jsonl", ".ndjson", ".json"):
        records = _json_records(text, path, lines=suffix != ".json")
        return _records_frame(records, path), decoded.encoding, decoded.note
    if not text.strip():
        return pd.DataFrame({"text": []}, dtype=object), decoded.encoding, decoded.note
    header = text.split("\n", 1)[0]
    sep = _sniff_delimiter(header, suffix)
    frame = pd.read_csv(
        io.StringIO(text), sep=sep, dtype=object, keep_default_na=False, na_values=[""]
    )
    return frame, decoded.encoding, decoded.note


def _protect(df: pd.DataFrame, label: str) -> pd.DataFrame:
    """Keep a source's own columns that the loader writes under ``user_<name>``."""
    clash = [c for c in df.columns if str(c) in RESERVED_COLUMNS]
    if not clash:
        return df
    mapping = {}
    for c in clash:
        new = f"user_{c}"
        while new in df.columns or new in mapping.values():
            new = f"user_{new}"
        mapping[c] = new
    warnings.warn(
        f"{label}: columns {[str(c) for c in clash]} are names the loader writes; your values "
        f"are kept as {list(mapping.values())}",
        stacklevel=4,
    )
    return df.rename(columns=mapping)


def _read_table(path: Path, encoding: str | None) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix not in _TABLE_SUFFIXES + (".xlsx", ".xlsm", ".xls", ".txt"):
        raise LoadError(
            f"{path}: unsupported file type {suffix!r}; expected .csv, .tsv, .json, .jsonl, "
            ".parquet, .xlsx, .txt, a folder of .txt files, or a news-archive export"
        )
    with _naming(path):
        df, codec, note = _parse_table(path, suffix, encoding)
    internal = (
        df.pop("load_note")
        if "load_note" in df.columns and suffix in (".json", ".jsonl", ".ndjson")
        else None
    )
    df = _protect(df, str(path))
    df["source_file"] = path.name
    df["encoding"] = codec
    notes = internal.tolist() if internal is not None else [""] * len(df)
    df["load_note"] = ["; ".join(filter(None, [n, note])) for n in notes]
    return df


def _try_export(path: Path, encoding: str | None) -> pd.DataFrame | None:
    """Read ``path`` with an archive-export reader if its content matches one."""
    import toolkit.readers as readers

    with _naming(path):
        fmt = readers.detect_format(path)
        if fmt is None:
            return None
        df = readers.read_export(path, format=fmt, encoding=encoding)
    # Decode notes and truncation warnings of the file reach every article's reason.
    fw = df["file_warnings"] if "file_warnings" in df.columns else pd.Series([""] * len(df))
    pw = df["parse_warnings"] if "parse_warnings" in df.columns else pd.Series([""] * len(df))
    df["load_note"] = [
        "; ".join(
            x for x in [*str(f).split("; "), *str(p).split("; ")] if x.startswith(_CARRIED_NOTES)
        )
        for f, p in zip(fw.fillna(""), pw.fillna(""), strict=True)
    ]
    return df


# Reader warnings carried into status_reason (the rest stay in parse_warnings).
_CARRIED_NOTES = (
    "encoding uncertain",
    "UTF-8 byte-order mark",
    "UTF-16",
    "truncated",
    "export declares",
    "no 'End of Document'",
)
_TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".json", ".jsonl", ".ndjson", ".parquet")
_META_NAMES = ("metadata.csv", "meta.csv", "metadata.tsv", "index.csv")
_ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
REPORT_MARKER = ".toolkit-report"


def _is_report_folder(folder: Path) -> bool:
    """A report this toolkit wrote (its marker, or index.html beside tables/figures)."""
    return (folder / REPORT_MARKER).exists() or (
        (folder / "index.html").exists()
        and any((folder / d).is_dir() for d in ("tables", "figures"))
    )


def _docx_text(path: Path) -> str:
    from toolkit.text.decode import check_archive

    check_archive(path)
    import docx

    return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# Below this many files a folder is read in one process whatever n_jobs.
_PARALLEL_MIN_FILES = 2000


def _folder_item(p: Path, folder: Path, encoding: str | None) -> tuple[object, dict]:
    """One file of a folder read (see :func:`_folder_entry`), or an unreadable row."""
    rel = p.relative_to(folder).as_posix()
    try:
        return _folder_entry(p, rel, encoding)
    except (LoadError, DecodeError, OSError) as err:
        reason, fmt = str(err), p.suffix.lower()[1:]
        item = _article_row(rel, "", "", f"unreadable: {reason}")
        line = {
            "file": rel,
            "format": fmt,
            "articles": 1,
            "status": "unreadable",
            "reason": reason,
        }
        return item, line


def _folder_chunk(
    folder: Path, encoding: str | None, paths: list[Path]
) -> list[tuple[object, dict, list[warnings.WarningMessage]]]:
    """Files of a folder read in a worker process, each with the warnings it raised
    (a worker's warnings would not reach the caller: they are raised again there)."""
    out = []
    for p in paths:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            item, line = _folder_item(p, folder, encoding)
        out.append((item, line, caught))
    return out


def _folder_items(
    folder: Path, paths: list[Path], encoding: str | None, jobs: int
) -> list[tuple[object, dict]]:
    """(item, summary line) of each of ``paths``, in order, in ``jobs`` processes."""
    if jobs <= 1 or len(paths) < _PARALLEL_MIN_FILES:
        return [_folder_item(p, folder, encoding) for p in paths]
    out = []
    for part in map_chunks(_folder_chunk, paths, head=(folder, encoding), n_jobs=jobs, min_items=0):
        for item, line, caught in part:
            for w in caught:
                # attributed to the caller of load_corpus, as the one-process path does
                warnings.warn(w.message, w.category, stacklevel=5)
            out.append((item, line))
    return out


def _read_folder(
    folder: Path, encoding: str | None, jobs: int = 1
) -> tuple[pd.DataFrame, list[dict]]:
    """Every file of ``folder`` read or accounted for: (articles, per-file summary rows)."""
    files, summary = _folder_files(folder)
    meta_path = next((folder / n for n in _META_NAMES if (folder / n).exists()), None)
    rows, frames = [], []
    paths = [p for p in files if p != meta_path]
    for item, line in _folder_items(folder, paths, encoding, jobs):
        summary.append(line)
        if isinstance(item, dict):
            rows.append(item)
        elif item is not None:
            frames.append(item)
    if encoding is None:
        _reread_uncertain(folder, rows, frames, summary)
    docs = pd.DataFrame(rows, columns=["doc_id", "text", "source_file", "encoding", "load_note"])
    if meta_path is not None:
        docs = _merge_metadata(docs, meta_path, encoding, summary)
    if frames:
        docs = pd.concat([docs, *frames], ignore_index=True)
    if not files and not summary:
        raise LoadError(f"{folder}: the folder is empty")
    _warn_unread(folder, summary)
    return docs, summary


def _warn_unread(folder: Path, summary: list[dict]) -> None:
    """One warning naming the first files not read as articles (skipped, unreadable, missing)."""
    bad = [r for r in summary if r["status"] != "read"]
    if bad:
        warnings.warn(
            f"{folder}: {len(bad)} of {len(summary)} files not read as articles: "
            + "; ".join(f"{r['file']} ({r['status']}: {r['reason'][:80]})" for r in bad[:5]),
            stacklevel=4,
        )


def _folder_files(folder: Path) -> tuple[list[Path], list[dict]]:
    """The files to read, sorted (hidden ones and reports this toolkit wrote left out),
    and a summary line for each report folder skipped."""
    skip_dirs = {d for d in folder.rglob("*") if d.is_dir() and _is_report_folder(d)}
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and not any(d in p.parents for d in skip_dirs)
    )
    skipped = [
        {
            "file": d.relative_to(folder).as_posix() + "/",
            "format": "report",
            "articles": 0,
            "status": "skipped",
            "reason": "a report written by this toolkit, not articles",
        }
        for d in sorted(skip_dirs)
    ]
    return files, skipped


def _reread_uncertain(folder: Path, rows: list[dict], frames: list, summary: list[dict]) -> None:
    """Read again, beside the folder's files read with certainty, the files whose codec was uncertain.

    A corpus rarely mixes encodings (the folder prior of
    :func:`toolkit.text.decode.decode_text`); ``rows`` and their summary
    lines are updated in place.
    """
    tables = [f.iloc[0] for f in frames if len(f) and "encoding" in f and "load_note" in f]
    evidence = folder_counts((r["encoding"], r["load_note"]) for r in [*rows, *tables])
    lines = {line["file"]: line for line in summary}
    for row in rows if evidence else []:
        if "encoding uncertain" in row["load_note"]:
            try:
                again = read_decoded(folder / row["source_file"], None, evidence)
            except DecodeError:  # gone since the first read: keep that reading
                continue
            row.update(text=again.text, encoding=again.encoding, load_note=again.note)
            lines[row["source_file"]]["reason"] = again.note


def _folder_entry(
    p: Path, rel: str, encoding: str | None
) -> tuple[dict | pd.DataFrame | None, dict]:
    """One file of a folder: (an article row, a frame of articles, or None; its summary line).

    Export formats are recognised by content (except for tables and
    Markdown); text files are one article each unless they are a
    tab-separated table; other Word documents are one article; anything
    else is skipped with a reason.
    """
    suffix = p.suffix.lower()
    export = _try_export(p, encoding) if suffix not in _TABLE_SUFFIXES + (".md",) else None
    if export is not None:
        export["source_file"] = rel
        fmt = str(export["source_format"].iloc[0]) if len(export) else "export"
        fw = str(export["file_warnings"].iloc[0]) if len(export) else "no articles"
        return export, _summary_row(rel, fmt, len(export), fw)
    if suffix in _ARTICLE_SUFFIXES:
        decoded = read_decoded(p, encoding)
        if suffix == ".txt" and _is_delimited_table(decoded.text):
            table = _read_table(p, encoding)  # Excel's "Unicode text" table
            table["source_file"] = rel
            return table, _summary_row(rel, "tsv", len(table), "tab-separated table in a .txt file")
        row = _article_row(rel, decoded.text, decoded.encoding, decoded.note)
        return row, _summary_row(rel, suffix[1:], 1, decoded.note)
    if suffix in _TABLE_SUFFIXES + (".xlsx", ".xlsm", ".xls"):
        table = _read_table(p, encoding)
        table["source_file"] = rel
        return table, _summary_row(rel, suffix[1:], len(table))
    if suffix == ".docx":
        with _naming(p):
            text = _docx_text(p)
        row = _article_row(rel, text, "", "Word document read as one article")
        return row, _summary_row(rel, "docx", 1, "not a Nexis export: one article")
    skipped = {
        "file": rel,
        "format": suffix[1:] or "(none)",
        "articles": 0,
        "status": "skipped",
        "reason": f"{suffix or 'no extension'} files are not read (convert to .txt to include it)",
    }
    return None, skipped


def _merge_metadata(
    docs: pd.DataFrame, meta_path: Path, encoding: str | None, summary: list[dict]
) -> pd.DataFrame:
    """Join a folder's metadata table to its text files (by file name, or doc_id).

    Files the metadata names but the folder lacks are added to ``summary``
    as "missing", with one warning.
    """
    meta = _read_table(meta_path, encoding).drop(columns=["source_file", "encoding", "load_note"])
    key = next((c for c in ("file", "filename", "path", "doc_id") if c in meta.columns), None)
    if key is None:
        raise LoadError(
            f"{meta_path}: metadata needs a column naming the text file "
            f"(file, filename, path or doc_id); found {list(meta.columns)}"
        )
    meta = meta.rename(columns={key: "source_file"})
    meta["source_file"] = meta["source_file"].astype(str)
    known = set(docs["source_file"])
    missing = [f for f in meta["source_file"] if f not in known]
    for f in missing:
        summary.append(
            {
                "file": f,
                "format": "",
                "articles": 0,
                "status": "missing",
                "reason": f"named in {meta_path.name} but not found in the folder",
            }
        )
    if missing:
        warnings.warn(
            f"{meta_path}: {len(missing)} metadata rows name files that are not "
            f"in the folder: {missing[:5]}",
            stacklevel=4,
        )
    meta = meta.drop_duplicates("source_file")
    docs = docs.merge(
        meta.drop(columns=["text"], errors="ignore"),
        on="source_file",
        how="left",
        suffixes=("", "_meta"),
    )
    if "doc_id_meta" in docs:
        docs["doc_id"] = docs["doc_id_meta"].where(docs["doc_id_meta"].notna(), docs["doc_id"])
        docs = docs.drop(columns="doc_id_meta")
    return docs


def read_source(
    source: object, encoding: str | None = None, *, n_jobs: int | None = None
) -> tuple[pd.DataFrame, str, list[dict]]:
    """Read a source as it is, before any column is renamed or text cleaned.

    ``n_jobs`` processes read the files of a folder of 2,000 files or more
    (see :func:`load_corpus`); the rows are the same whatever ``n_jobs``.

    Returns
    -------
    tuple
        (the rows, a label naming the source, the per-file summary rows
        that :func:`load_summary` shows).

    Examples
    --------
    >>> rows, label, summary = read_source(pd.DataFrame({"body": ["Seoul protested."]}))
    >>> list(rows.columns), label, summary
    (['body'], 'DataFrame', [])
    """
    if isinstance(source, pd.DataFrame):
        made_here = source.attrs.get("toolkit_corpus")
        label = str(source.attrs.get("source", "DataFrame")) if made_here else "DataFrame"
        return _from_frame(source), label, []
    if (
        isinstance(source, (list, tuple))
        and source
        and all(isinstance(s, (str, Path)) for s in source)
    ):
        parts = [read_source(s, encoding, n_jobs=n_jobs) for s in source]
        summary = [row for part in parts for row in part[2]]
        return pd.concat([p[0] for p in parts], ignore_index=True), f"{len(parts)} sources", summary
    if isinstance(source, (str, Path)):
        path = Path(source).expanduser()
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        if path.is_dir():
            docs, summary = _read_folder(path, encoding, resolve_n_jobs(n_jobs))
            return docs, str(path), summary
        docs, summary = _read_file(path, encoding)
        return docs, str(path), summary
    raise TypeError(
        f"load_corpus takes a DataFrame, a path or a list of paths, not {type(source).__name__}"
    )


def _from_frame(source: pd.DataFrame) -> pd.DataFrame:
    """A copy of a DataFrame source; a corpus this loader made loses its bookkeeping."""
    df = source.copy()
    if not df.attrs.get("toolkit_corpus"):
        return _protect(df, "DataFrame")
    # a corpus this loader made: its bookkeeping is recomputed, not kept as user_*
    df = df.drop(columns=[c for c in BOOKKEEPING_COLUMNS + ["load_note"] if c in df.columns])
    if "date_raw" in df.columns and "date" in df.columns:
        df["date"] = df["date_raw"].where(df["date_raw"].astype(str) != "", df["date"])
        df = df.drop(columns="date_raw")
    return df


def _summary_row(file: str, fmt: str, articles: int, reason: str = "") -> dict:
    """One row of the per-file load summary, for a file that was read."""
    return {"file": file, "format": fmt, "articles": articles, "status": "read", "reason": reason}


def _article_row(name: str, text: str, encoding: str, note: str) -> dict:
    """A file read as one article: its row before loading."""
    return {
        "doc_id": name,
        "text": text,
        "source_file": name,
        "encoding": encoding,
        "load_note": note,
    }


def _one_article(name: str, text: str, encoding: str, note: str) -> pd.DataFrame:
    """A file read as one article, as a frame."""
    return pd.DataFrame([_article_row(name, text, encoding, note)])


def _read_file(path: Path, encoding: str | None) -> tuple[pd.DataFrame, list[dict]]:
    """One file: an archive export, a text file (one article), a Word document or a table."""
    suffix = path.suffix.lower()
    # Plain tables (CSV, JSON, Parquet) are read as they are, so every
    # column and id survives; scraper JSON is recognised by its field
    # names (maintext, date_publish, source_domain) in the aliases above.
    if suffix not in _TABLE_SUFFIXES:
        export = _try_export(path, encoding)
        if export is not None:
            fmt = str(export["source_format"].iloc[0]) if len(export) else "export"
            return export, [_summary_row(path.name, fmt, len(export))]
    if suffix in (".txt", ".md", ".html", ".htm"):
        decoded = read_decoded(path, encoding)
        if suffix == ".txt" and _is_delimited_table(decoded.text):
            # Excel's "Unicode text" export: a UTF-16 tab-separated table in a .txt
            table = _read_table(path, encoding)
            reason = "tab-separated table in a .txt file"
            return table, [_summary_row(path.name, "tsv", len(table), reason)]
        article = _one_article(path.name, decoded.text, decoded.encoding, decoded.note)
        return article, [_summary_row(path.name, path.suffix[1:], 1, decoded.note)]
    if suffix == ".docx":
        with _naming(path):
            text = _docx_text(path)
        return _one_article(path.name, text, "", "Word document read as one article"), []
    table = _read_table(path, encoding)
    return table, [_summary_row(path.name, path.suffix[1:], len(table))]


def _is_delimited_table(text: str) -> bool:
    """A tab-separated header naming a text column (Excel's "Unicode text" .txt)."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    if "\t" not in header:
        return False
    names = {h.strip().strip('"').lower() for h in header.split("\t")}
    return bool(names & {"text", *(a.lower() for a in _ALIASES["text"])})


# --------------------------------------------------------------------------
# The loader
# --------------------------------------------------------------------------


def load_corpus(
    source: pd.DataFrame | str | Path | Iterable[str | Path],
    *,
    columns: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | str | Path | None = None,
    encoding: str | None = None,
    language: str | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Load articles into a corpus DataFrame (one row per article).

    Parameters
    ----------
    source : DataFrame, path, or list of paths
        A DataFrame; a CSV/TSV, JSON, JSONL, Parquet or XLSX file; a
        news-archive export (Nexis Uni DOCX, Factiva HTML, LexisNexis HTML/TXT,
        BigKinds XLSX; detected by content); or a folder of ``.txt`` files,
        optionally with a ``metadata.csv`` whose ``file`` column names them.
    columns : mapping, optional
        Rename your columns to canonical ones, e.g. ``{"body": "text",
        "paper": "outlet"}``. Common names (``body``, ``headline``,
        ``published``, ``source``, BigKinds' ``본문``/``제목``/``일자``/``언론사``)
        are recognised without it.
    outlets : mapping or path, optional
        Extra outlet -> country pairs (see :func:`outlet_table`), used to fill
        ``country`` where it is missing.
    encoding : str, optional
        Force the text encoding of files; by default it is detected per file
        (UTF-8, UTF-8 BOM, cp949/EUC-KR, Shift_JIS, cp1252).
    language : str, optional
        Language code for documents without one; by default it is detected
        from the script of each text.
    n_jobs : int or None, default None
        Processes to read a folder's files in (folders of 2,000 files or
        more) and to clean texts and detect their language in (sources of
        50,000 articles or more), chunks in input order (``docs/conventions.md``:
        ``None`` every core, one process inside a worker; ``-1`` every core;
        ``1`` this process). The corpus is identical whatever ``n_jobs``.
        Cleaning and detection are cheap, so processes gain little here
        (``benchmarks/ingest.py`` times both).

    Returns
    -------
    DataFrame
        Canonical columns ``doc_id, text, title, date, outlet, country,
        language, url``; then ``status`` (``"ok"``, ``"empty"`` or
        ``"unreadable"``), ``status_reason`` (what was wrong or what cleaning
        was done), ``dup_group`` (the ``doc_id`` of the first document with
        the same text: a document's own id when it has no exact duplicate,
        ``None`` when it has no text),
        ``is_duplicate`` (True for second and later copies), ``n_chars``;
        then every other column of the source. ``date`` is ``datetime64``;
        the original strings are kept in ``date_raw``, and unparseable dates
        become ``NaT`` with one warning giving their count.

    Raises
    ------
    ValueError
        If no text column can be found (the message lists the columns found).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"body": ["Seoul protested.", None, "Seoul protested."],
    ...                    "paper": ["Chosun Ilbo", "Asahi", "조선일보"],
    ...                    "published": ["2015년 4월 14일", "20150415", "April 16, 2015"]})
    >>> c = load_corpus(df, columns={"body": "text", "paper": "outlet"})
    >>> c[["doc_id", "country", "status", "dup_group", "is_duplicate"]].values.tolist()
    [['doc-000001', 'KR', 'ok', 'doc-000001', False], ['doc-000002', 'JP', 'empty', None, False], ['doc-000003', 'KR', 'ok', 'doc-000001', True]]
    >>> c["date"].dt.strftime("%Y-%m-%d").tolist()
    ['2015-04-14', '2015-04-15', '2015-04-16']
    """
    jobs = resolve_n_jobs(n_jobs)
    raw, label, summary = read_source(source, encoding, n_jobs=jobs)
    df = _canonical_names(raw, columns, label)
    df["doc_id"] = _doc_ids(df)
    notes_in = (
        df.pop("load_note").fillna("").astype(str).tolist()
        if "load_note" in df.columns
        else [""] * len(df)
    )
    for col in ("title", "outlet", "country", "language", "url"):
        # a column the source lacks is written once, blank (not blank, then converted)
        df[col] = _as_fields(df[col]) if col in df.columns else [""] * len(df)
    for col in CANONICAL_COLUMNS:
        if col not in df.columns:
            df[col] = ""
    rows = list(zip(df["text"].tolist(), notes_in, df["language"].tolist(), strict=True))
    texts, status, reasons, langs = [], [], [], []
    for part in map_chunks(
        _read_texts, rows, head=(language,), n_jobs=jobs, min_items=_PARALLEL_MIN_ROWS
    ):
        for out, column in zip(part, (texts, status, reasons, langs), strict=True):
            column.extend(out)
    df["text"] = texts
    df["status"] = status
    _parse_date_column(df)
    df["language"] = langs
    if (df["country"] == "").any():
        lookup = outlet_lookup(outlets)
        df["country"] = [
            c or lookup.get(normalize_outlet_name(o), "")
            for c, o in zip(df["country"], df["outlet"], strict=True)
        ]
    df["dup_group"], df["is_duplicate"] = _exact_duplicates(texts, df["doc_id"].tolist())
    df["status_reason"] = reasons
    df["n_chars"] = [len(t) for t in texts]
    return _finish(df, label, summary)


# Steps of load_corpus, in the order it runs them.


def _canonical_names(
    raw: pd.DataFrame, columns: Mapping[str, str] | None, label: str
) -> pd.DataFrame:
    """The source with the user's renames, then known aliases, given canonical names."""
    # a shallow copy when nothing is renamed: rename's machinery (and its
    # first-call cost) for no change
    df = raw.rename(columns=dict(columns)) if columns else raw.copy(deep=False)
    if columns:
        absent = [c for c in columns if c not in raw.columns]
        if absent:
            raise ValueError(
                f"columns= names {absent} not found in {label}; found {list(raw.columns)}"
            )
    df.columns = [str(c) for c in df.columns]
    for canon in column_aliases():
        if canon not in df.columns:
            hit = find_alias(df.columns, canon)
            if hit is not None:
                df = df.rename(columns={hit: canon})
    if "text" not in df.columns and len(df) == 0:
        df["text"] = pd.Series(dtype=object)  # an empty source is an empty corpus
    if "text" not in df.columns:
        raise ValueError(
            f"no text column in {label}: found columns {list(raw.columns)}. "
            "Name the text column with columns={'your_column': 'text'}."
        )
    return df.reset_index(drop=True)


def _as_field(value: object) -> str:
    """A metadata value as a trimmed string, "" for None/NaN."""
    return (
        ""
        if value is None or (isinstance(value, float) and np.isnan(value))
        else str(value).strip()
    )


def _as_fields(column: pd.Series) -> list[str]:
    """:func:`_as_field` of every value of a column."""
    # tolist() first: iterating an Arrow-backed string column boxes one value
    # at a time, several times slower than converting the column at once
    return [v.strip() if type(v) is str else _as_field(v) for v in column.tolist()]


def _doc_ids(df: pd.DataFrame) -> list[str]:
    """The user's ids, blanks filled and repeats made unique (one warning)."""
    ids = _as_fields(df["doc_id"]) if "doc_id" in df.columns else [""] * len(df)
    ids, renamed = _unique_ids(ids)
    if renamed:
        warnings.warn(
            f"{renamed} repeated doc_id values were made unique with a ~N suffix", stacklevel=3
        )
    return ids


# Below this many articles load_corpus cleans and detects in one process
# whatever n_jobs: sending texts to processes and back costs more than it saves
# (two processes took 0.60x, 0.66x, 0.68x the time of one at 5k, 10k, 20k
# constructed articles once cleaning had its ASCII shortcuts).
_PARALLEL_MIN_ROWS = 50_000


def _read_texts(
    language: str | None, rows: list[tuple[object, str, str]]
) -> tuple[list, list, list, list]:
    """(texts, statuses, reasons, languages) of (text, load note, given language)
    rows: cleaned, given a status, and their language detected where not given."""
    values, notes_in, given = zip(*rows, strict=True) if rows else ((), (), ())
    texts, status, reasons = _clean_texts(list(values), list(notes_in))
    langs = _languages(list(given), texts, language, reasons)
    return texts, status, reasons, langs


def _clean_texts(values: list[object], notes_in: list[str]) -> tuple[list, list, list]:
    """(texts, statuses, reasons): every text cleaned and given a status."""
    texts, status, reasons = [], [], []
    for value, note in zip(values, notes_in, strict=True):
        if note.startswith("unreadable"):
            texts.append("")
            status.append("unreadable")
            reasons.append(note)
            continue
        text, notes = clean_article(value)
        if not (note or notes) and text and len(text) <= LONG_DOC_CHARS:
            # the common case, nothing to say: what _text_status gives it
            texts.append(text)
            status.append("ok")
            reasons.append("")
            continue
        status.append(_text_status(text, value, note, notes))
        texts.append(text)
        reasons.append("; ".join(filter(None, [note, *notes])))
    return texts, status, reasons


def _text_status(text: str, value: object, note: str, notes: list[str]) -> str:
    """The status of one cleaned text; adds to ``notes`` what the status needs said."""
    if any(m.startswith("unreadable") for m in notes):
        return "unreadable"
    if not text:
        if not notes:
            notes.append("no text" if value == "" else "text is only whitespace or markup")
        return "empty"
    if any(part.startswith(("truncated", "no 'End of Document'")) for part in note.split("; ")):
        return "truncated"
    if len(text) > LONG_DOC_CHARS:
        notes.append(f"very long document ({len(text):,} characters)")
    return "ok"


def _parse_date_column(df: pd.DataFrame) -> None:
    """``date`` as datetime64; strings kept in ``date_raw``; one warning for the unparsed."""
    if pd.api.types.is_datetime64_any_dtype(df["date"]):
        df["date"] = parse_dates(df["date"])
        return
    raw_dates = df["date"]
    if isinstance(raw_dates.dtype, pd.StringDtype):
        # strings or missing: the general conversion below, value by value
        # without a round trip through object arrays and Arrow kernels
        date_raw = [v if type(v) is str else "" for v in raw_dates.tolist()]
        df["date_raw"] = pd.Series(date_raw, index=df.index, dtype=str)  # str even when empty
        df["date"] = dates = parse_dates(raw_dates)
        bad = sum(
            1 for v, na in zip(date_raw, dates.isna().tolist(), strict=True) if na and v.strip()
        )
    else:
        df["date_raw"] = raw_dates.astype(object).where(raw_dates.notna(), "").astype(str)
        df["date"] = parse_dates(raw_dates)
        bad = int((df["date"].isna() & (df["date_raw"].astype(str).str.strip() != "")).sum())
    if bad:
        warnings.warn(
            f"{bad} of {len(df)} dates could not be parsed and were kept as NaT "
            "(the original strings are in the date_raw column)",
            stacklevel=3,
        )


def _languages(
    given: list[object], texts: list[str], language: str | None, reasons: list[str]
) -> list[str]:
    """Each document's language: given, else ``language``, else detected from its script.

    A detected language whose script covers less than 80% of the letters is
    noted in ``reasons`` (changed in place).
    """
    langs = [str(v).lower() for v in given]
    for i, text in enumerate(texts):
        if langs[i]:
            continue
        if language:
            langs[i] = language
            continue
        lang, share = detect_language(text)
        langs[i] = lang or "en"
        if lang and share < 0.8:
            reasons[i] = "; ".join(
                filter(None, [reasons[i], f"mixed scripts ({share:.0%} {lang})"])
            )
    return langs


def _exact_duplicates(texts: list[str], ids: list[str]) -> tuple[pd.Series, list[bool]]:
    """(dup_group, is_duplicate): the same text after whitespace and case folding.

    The first in corpus order stands for the group. This is the cheap check;
    :func:`toolkit.corpus.duplicates.find_duplicates` is the fuller tool: it
    compares word tokens (so "met." and "met!" match), finds near-duplicates
    and picks the earliest-dated copy.
    """
    keys = [_dup_key(t) if t else None for t in texts]
    first: dict[str, str] = {}
    count: dict[str, int] = {}
    for k, d in zip(keys, ids, strict=True):
        if k is not None:
            first.setdefault(k, d)
            count[k] = count.get(k, 0) + 1
    # Singletons get their own id (as find_duplicates does), so a groupby on
    # dup_group never drops a row; empty texts have no group.
    group = pd.Series([first[k] if k is not None else None for k in keys], dtype=object)
    dup = [k is not None and count[k] > 1 and first[k] != d for k, d in zip(keys, ids, strict=True)]
    return group, dup


# ASCII bytes with every whitespace character (those str.split splits on) as
# a space and capitals as small letters (casefold() of ASCII is lower()).
_ASCII_FOLD = bytes(
    32 if c in (9, 10, 11, 12, 13, 28, 29, 30, 31) else c + 32 if 65 <= c <= 90 else c
    for c in range(256)
)


def _dup_key(text: str) -> str:
    """``" ".join(text.split()).casefold()``: what exact duplicates are compared by."""
    # An ASCII text whose words are apart by one whitespace character (or a
    # blank line) gets the same key from one C-level pass over its bytes,
    # without a string for every word; anything else (checked here, not
    # assumed) takes the general way.
    if text.isascii():
        key = text.encode("ascii").replace(b"\n\n", b"\n").translate(_ASCII_FOLD)
        if b"  " not in key and key[:1] != b" " and key[-1:] != b" ":
            return key.decode("ascii")
    return " ".join(text.split()).casefold()


def _finish(df: pd.DataFrame, label: str, summary: list) -> pd.DataFrame:
    """Columns in corpus order, and the attrs that mark a loaded corpus."""
    extras = [c for c in df.columns if c not in CANONICAL_COLUMNS + BOOKKEEPING_COLUMNS]
    out = df[CANONICAL_COLUMNS + BOOKKEEPING_COLUMNS + extras]
    out.attrs["source"] = label
    out.attrs["toolkit_corpus"] = True
    if summary:
        # plain tuples, not a DataFrame: pandas compares attrs when frames are
        # concatenated, and a DataFrame there makes pd.concat raise
        keys = ("file", "format", "articles", "status", "reason")
        out.attrs["load_summary"] = tuple(
            tuple(row[k] for k in keys) if isinstance(row, dict) else tuple(row) for row in summary
        )
    return out


def load_summary(corpus: pd.DataFrame) -> pd.DataFrame:
    """The per-file load summary of a corpus read from files or a folder.

    One row per file met: ``file, format, articles, status, reason``, where
    ``status`` is ``"read"``, ``"unreadable"`` (the file is also an article
    row with that status), ``"skipped"`` (a format that is not read, or a
    report folder) or ``"missing"`` (named in the metadata, not found).
    Empty for a corpus built from a DataFrame.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Seoul protested.")
    >>> _ = (d / "b.pdf").write_bytes(b"%PDF-1.4")
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     c = load_corpus(d)
    >>> load_summary(c)[["file", "status"]].values.tolist()
    [['a.txt', 'read'], ['b.pdf', 'skipped']]
    """
    cols = ["file", "format", "articles", "status", "reason"]
    summary = corpus.attrs.get("load_summary")
    if summary is None:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame([list(row) for row in summary], columns=cols)


def _unique_ids(ids: list[str]) -> tuple[list[str], int]:
    """Fill blank ids and make repeated ones unique without colliding with any other.

    A new id (``doc-000003``, ``a~2``) is never one the source already used,
    so ``['a', 'a', 'a~2']`` becomes ``['a', 'a~3', 'a~2']``.
    """
    taken = {v for v in ids if v}
    out, seen, renamed = [], set(), 0
    for i, v in enumerate(ids):
        if not v:
            new, k = f"doc-{i + 1:06d}", 1
            while new in taken:
                k += 1
                new = f"doc-{i + 1:06d}~{k}"
        elif v in seen:
            k = 2
            while f"{v}~{k}" in taken:
                k += 1
            new = f"{v}~{k}"
            renamed += 1
        else:
            new = v
        taken.add(new)
        seen.add(new)
        out.append(new)
    return out, renamed


def load_demo() -> pd.DataFrame:
    """The bundled demo corpus: the Yonhap seed article plus constructed teaching articles.

    The constructed articles (``constructed == True``) were written for this
    project to illustrate the methods; their outlets are fictional and their
    results are not findings about real coverage. See
    ``toolkit/data/demo/README.md``.

    Examples
    --------
    >>> demo = load_demo()
    >>> int((~demo["constructed"]).sum()), demo.loc[0, "outlet"]
    (1, 'Yonhap')
    """
    corpus = load_corpus(data_path("demo", "articles.jsonl"))
    corpus["constructed"] = corpus["constructed"].astype(bool)
    return corpus
