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

import functools
import html
import json
import re
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.data import data_path
from toolkit.dates import parse_dates
from toolkit.textio import DecodeError, decode_bytes, read_text

__all__ = [
    "BOOKKEEPING_COLUMNS",
    "CANONICAL_COLUMNS",
    "detect_language",
    "load_corpus",
    "load_demo",
    "outlet_table",
]

CANONICAL_COLUMNS = ["doc_id", "text", "title", "date", "outlet", "country", "language", "url"]
BOOKKEEPING_COLUMNS = ["status", "status_reason", "dup_group", "is_duplicate", "n_chars"]

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
_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*\b[^>]*|/[a-zA-Z][a-zA-Z0-9]*\s*)>")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/h\d|/li|/tr)\b[^>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WS = re.compile(r"[ \t\u00a0\u3000]+")




@functools.lru_cache(maxsize=1)
def _aliases() -> dict[str, list[str]]:
    """Export column names, then the scraper reader's, so a scraper JSON file
    loaded as a table is read like :func:`toolkit.readers.read_scraped` reads it."""
    from toolkit.readers.scraper import FIELD_KEYS  # here: the readers import this module

    return {
        canon: names + [k for k in FIELD_KEYS.get(canon, ()) if k != canon and k not in names]
        for canon, names in _ALIASES.items()
    }


# --------------------------------------------------------------------------
# Outlets
# --------------------------------------------------------------------------


def _norm_name(name: str) -> str:
    return re.sub(r"[\s.\-'’]+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()


def outlet_table(extra: Mapping[str, str] | str | Path | None = None) -> pd.DataFrame:
    """The outlet -> country table, optionally extended by the user.

    Parameters
    ----------
    extra : mapping, path or None
        ``{"outlet name": "KR"}`` pairs, or a TSV file with the columns of
        ``toolkit/data/outlets.tsv``. User rows take precedence.

    Returns
    -------
    DataFrame
        Columns ``outlet, country, kind, aliases``.

    Examples
    --------
    >>> t = outlet_table({"Busan Ilbo": "KR"})
    >>> t.set_index("outlet").loc["Busan Ilbo", "country"]
    'KR'
    """
    table = pd.read_csv(data_path("outlets.tsv"), sep="\t", comment="#", dtype=str).fillna("")
    if extra is None:
        return table
    if isinstance(extra, Mapping):
        user = pd.DataFrame(
            {"outlet": list(extra), "country": list(extra.values()), "kind": "", "aliases": ""}
        )
    else:
        user = pd.read_csv(extra, sep="\t", comment="#", dtype=str).fillna("")
        missing = {"outlet", "country"} - set(user.columns)
        if missing:
            raise ValueError(f"{extra}: outlet table needs columns outlet and country")
        for col in ("kind", "aliases"):
            if col not in user:
                user[col] = ""
    return pd.concat([user[table.columns], table], ignore_index=True)


def _outlet_lookup(extra: Mapping[str, str] | str | Path | None) -> dict[str, str]:
    lookup: dict[str, str] = {}
    # Iterate in reverse so that earlier rows (the user's) win.
    for row in outlet_table(extra).iloc[::-1].itertuples(index=False):
        for name in [row.outlet, *str(row.aliases).split("|")]:
            if name.strip():
                lookup[_norm_name(name)] = row.country
    return lookup


# --------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------


def _script_counts(text: str) -> dict[str, int]:
    counts = {"latin": 0, "hangul": 0, "kana": 0, "han": 0}
    for ch in text[:20_000]:
        o = ord(ch)
        if ch.isascii():
            counts["latin"] += ch.isalpha()
        elif 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            counts["hangul"] += 1
        elif 0x3040 <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9F:
            counts["kana"] += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            counts["han"] += 1
        elif ch.isalpha():
            counts["latin"] += 1
    return counts


def other_language(corpus: pd.DataFrame, language: str) -> dict[str, str]:
    """Documents a measure in ``language`` cannot read: ``{doc_id: their language}``.

    Documents whose detected language is another one (not ``language``, and
    not ``""``, no letters) are left unmeasured by the English-only methods
    and dictionaries, with a status naming their language, instead of being
    counted as "no match". ``language=""`` (a dictionary for any language)
    excludes nothing.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["en", "ko", ""]})
    >>> other_language(c, "en")
    {'b': 'ko'}
    """
    if not language or "language" not in corpus.columns:
        return {}
    lang = corpus["language"].fillna("").astype(str)
    hit = ~lang.isin([language, ""])
    return dict(zip(corpus.loc[hit, "doc_id"], lang[hit], strict=True))


def detect_language(text: str) -> tuple[str, float]:
    """Guess the language of ``text`` from its scripts.

    Returns the ISO code (``"en"``, ``"ko"``, ``"ja"``, ``"zh"`` or ``""`` for no
    letters) and the share of letters in that language's scripts. Latin
    script is taken to be English, which is what this toolkit measures; a
    French article would be mislabelled, so set the ``language`` column
    yourself for such corpora. Korean counts a character as Korean when it
    is Hangul; Japanese text is recognised by its kana.

    Examples
    --------
    >>> detect_language("독도는 한국 영토이다")
    ('ko', 1.0)
    >>> detect_language("竹島は日本の領土")[0]
    'ja'
    """
    c = _script_counts(text)
    letters = sum(c.values())
    if not letters:
        return "", 0.0
    shares = {
        "en": c["latin"] / letters,
        "ko": (c["hangul"] + (c["han"] if c["hangul"] else 0)) / letters,
        "ja": (c["kana"] + (c["han"] if c["kana"] and not c["hangul"] else 0)) / letters,
        "zh": (c["han"] if not (c["kana"] or c["hangul"]) else 0) / letters,
    }
    lang = max(shares, key=lambda k: (shares[k], k == "en"))
    return lang, round(shares[lang], 3)


# --------------------------------------------------------------------------
# Text cleaning
# --------------------------------------------------------------------------


def _clean_text(value: object) -> tuple[str, list[str]]:
    """Normalise one text; return it with notes on what was changed."""
    notes: list[str] = []
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "", ["text missing (NaN/None)"]
    if isinstance(value, bytes):
        try:
            value, enc = decode_bytes(value)
            if enc not in ("utf-8", "utf-8-sig"):
                notes.append(f"decoded from {enc}")
        except DecodeError as err:
            return "", [f"unreadable: {err}"]
    text = value if isinstance(value, str) else str(value)
    if "<" in text and _TAG.search(text):
        text = _SCRIPT.sub(" ", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub(" ", text)
        notes.append("HTML tags removed")
    if "&" in text and re.search(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);", text):
        text = html.unescape(text)
        notes.append("HTML entities decoded")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _CONTROL.sub(" ", text)).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_WS.sub(" ", line).strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, notes


# --------------------------------------------------------------------------
# Reading sources
# --------------------------------------------------------------------------


def _read_table(path: Path, encoding: str | None) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".tab"):
        text, _ = read_text(path, encoding)
        import io

        header = text.split("\n", 1)[0]
        if suffix in (".tsv", ".tab"):
            sep = "\t"
        else:  # Excel in many European locales writes ";"-separated "CSV"
            sep = ";" if header.count(";") > header.count(",") else ","
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=object,
                           keep_default_na=False, na_values=[""])
    if suffix in (".jsonl", ".ndjson"):
        text, _ = read_text(path, encoding)
        records = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}: line {n} is not valid JSON ({err.msg})") from err
        return pd.DataFrame.from_records(records)
    if suffix == ".json":
        text, _ = read_text(path, encoding)
        obj = json.loads(text)
        if isinstance(obj, dict):
            # {"articles": [...]} or a single article
            lists = [v for v in obj.values() if isinstance(v, list)]
            obj = lists[0] if len(lists) == 1 else [obj]
        return pd.DataFrame.from_records(obj)
    if suffix == ".parquet":
        return pd.read_parquet(path)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return pd.read_excel(path, dtype=object)
    raise ValueError(
        f"{path}: unsupported file type {suffix!r}; expected .csv, .tsv, .json, .jsonl, "
        ".parquet, .xlsx, .txt, a folder of .txt files, or a news-archive export"
    )


def _try_export(path: Path, encoding: str | None) -> pd.DataFrame | None:
    """Read ``path`` with an archive-export reader if its content matches one."""
    from toolkit import readers  # here, not at the top: the readers import this module

    fmt = readers.detect_format(path)
    if fmt is None:
        return None
    return readers.read_export(path, format=fmt, encoding=encoding)


_TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".json", ".jsonl", ".ndjson", ".parquet")
_META_NAMES = ("metadata.csv", "meta.csv", "metadata.tsv", "index.csv")


def _read_folder(folder: Path, encoding: str | None) -> pd.DataFrame:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    meta_path = next((folder / n for n in _META_NAMES if (folder / n).exists()), None)
    rows, frames = [], []
    for p in files:
        if p == meta_path:
            continue
        rel = p.relative_to(folder).as_posix()
        if p.suffix.lower() == ".txt":
            export = _try_export(p, encoding)
            if export is not None:
                frames.append(export)
                continue
            try:
                text, enc = read_text(p, encoding)
                rows.append({"doc_id": rel, "text": text, "file": rel, "encoding": enc,
                             "_notes": ""})
            except DecodeError as err:
                rows.append({"doc_id": rel, "text": "", "file": rel, "encoding": "",
                             "_notes": f"unreadable: {err}"})
        elif p.suffix.lower() in _TABLE_SUFFIXES:
            frames.append(_read_table(p, encoding))
        else:
            export = _try_export(p, encoding)
            if export is not None:
                frames.append(export)
    docs = pd.DataFrame(rows)
    if meta_path is not None and not docs.empty:
        meta = _read_table(meta_path, encoding)
        key = next((c for c in ("file", "filename", "path", "doc_id") if c in meta.columns), None)
        if key is None:
            raise ValueError(
                f"{meta_path}: metadata needs a column naming the text file "
                f"(file, filename, path or doc_id); found {list(meta.columns)}"
            )
        meta = meta.rename(columns={key: "file"})
        meta["file"] = meta["file"].astype(str)
        docs = docs.merge(meta.drop(columns=["text"], errors="ignore"), on="file",
                          how="left", suffixes=("", "_meta"))
        if "doc_id_meta" in docs:
            docs["doc_id"] = docs["doc_id_meta"].where(docs["doc_id_meta"].notna(), docs["doc_id"])
            docs = docs.drop(columns="doc_id_meta")
    if frames:
        docs = pd.concat([docs, *frames], ignore_index=True)
    if docs.empty:
        raise ValueError(f"{folder}: no .txt files or news-archive exports found")
    return docs


def _read_source(source: object, encoding: str | None) -> tuple[pd.DataFrame, str]:
    if isinstance(source, pd.DataFrame):
        return source.copy(), "DataFrame"
    if isinstance(source, (list, tuple)) and source and all(
        isinstance(s, (str, Path)) for s in source
    ):
        parts = [_read_source(s, encoding)[0] for s in source]
        return pd.concat(parts, ignore_index=True), f"{len(parts)} sources"
    if isinstance(source, (str, Path)):
        path = Path(source).expanduser()
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        if path.is_dir():
            return _read_folder(path, encoding), str(path)
        # Plain tables (CSV, JSON, Parquet) are read as they are, so every
        # column and id survives; scraper JSON is recognised by its field
        # names (maintext, date_publish, source_domain) in the aliases above.
        if path.suffix.lower() not in _TABLE_SUFFIXES:
            export = _try_export(path, encoding)
            if export is not None:
                return export, str(path)
        if path.suffix.lower() == ".txt":
            text, _ = read_text(path, encoding)
            return pd.DataFrame({"doc_id": [path.name], "text": [text]}), str(path)
        return _read_table(path, encoding), str(path)
    raise TypeError(
        f"load_corpus takes a DataFrame, a path or a list of paths, not {type(source).__name__}"
    )


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
    raw, label = _read_source(source, encoding)
    df = raw.rename(columns=dict(columns or {}))
    if columns:
        absent = [c for c in columns if c not in raw.columns]
        if absent:
            raise ValueError(
                f"columns= names {absent} not found in {label}; found {list(raw.columns)}"
            )
    df.columns = [str(c) for c in df.columns]
    for canon, aliases in _aliases().items():
        if canon not in df.columns:
            lower = {c.lower(): c for c in df.columns}
            hit = next((lower[a.lower()] for a in aliases if a.lower() in lower), None)
            if hit is not None:
                df = df.rename(columns={hit: canon})
    if "text" not in df.columns:
        raise ValueError(
            f"no text column in {label}: found columns {list(raw.columns)}. "
            "Name the text column with columns={'your_column': 'text'}."
        )
    df = df.reset_index(drop=True)
    n = len(df)

    # doc_id: keep the user's, fill blanks, make unique.
    if "doc_id" in df.columns:
        ids = [
            "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
            for v in df["doc_id"]
        ]
    else:
        ids = [""] * n
    ids = [v or f"doc-{i + 1:06d}" for i, v in enumerate(ids)]
    seen: dict[str, int] = {}
    renamed = 0
    for i, v in enumerate(ids):
        if v in seen:
            seen[v] += 1
            ids[i] = f"{v}~{seen[v]}"
            renamed += 1
        else:
            seen[v] = 1
    if renamed:
        warnings.warn(f"{renamed} repeated doc_id values were made unique with a ~N suffix",
                      stacklevel=2)
    df["doc_id"] = ids

    # Text and status.
    notes_in = df.pop("_notes").fillna("").tolist() if "_notes" in df.columns else [""] * n
    texts, status, reasons = [], [], []
    for value, note in zip(df["text"].tolist(), notes_in, strict=True):
        if note.startswith("unreadable"):
            texts.append("")
            status.append("unreadable")
            reasons.append(note)
            continue
        text, notes = _clean_text(value)
        if any(m.startswith("unreadable") for m in notes):
            status.append("unreadable")
        elif not text:
            status.append("empty")
            if not notes:
                notes.append("no text" if value == "" else "text is only whitespace or markup")
        else:
            status.append("ok")
            if len(text) > LONG_DOC_CHARS:
                notes.append(f"very long document ({len(text):,} characters)")
        texts.append(text)
        reasons.append("; ".join(filter(None, [note, *notes])))
    df["text"] = texts
    df["status"] = status

    for col in CANONICAL_COLUMNS:
        if col not in df.columns:
            df[col] = ""
    for col in ("title", "outlet", "country", "language", "url"):
        df[col] = [
            "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
            for v in df[col]
        ]

    # Dates.
    if not pd.api.types.is_datetime64_any_dtype(df["date"]):
        raw_dates = df["date"]
        df["date_raw"] = raw_dates.where(raw_dates.notna(), "").astype(str)
        df["date"] = parse_dates(raw_dates)
        bad = int((df["date"].isna() & (df["date_raw"].str.strip() != "")).sum())
        if bad:
            warnings.warn(
                f"{bad} of {n} dates could not be parsed and were kept as NaT "
                "(the original strings are in the date_raw column)",
                stacklevel=2,
            )
    else:
        df["date"] = parse_dates(df["date"])

    # Language, per document where not given.
    langs = df["language"].str.lower().tolist()
    for i, text in enumerate(texts):
        if langs[i]:
            continue
        if language:
            langs[i] = language
            continue
        lang, share = detect_language(text)
        langs[i] = lang or "en"
        if lang and share < 0.8:
            reasons[i] = "; ".join(filter(None, [reasons[i], f"mixed scripts ({share:.0%} {lang})"]))
    df["language"] = langs

    # Country from outlet.
    if (df["country"] == "").any():
        lookup = _outlet_lookup(outlets)
        df["country"] = [
            c or lookup.get(_norm_name(o), "") for c, o in zip(df["country"], df["outlet"], strict=True)
        ]

    # Exact duplicates, cheaply: the same text after whitespace and case folding,
    # the first in corpus order standing for the group. toolkit.dedup.find_duplicates
    # is the fuller tool: it compares word tokens (so "met." and "met!" match),
    # finds near-duplicates and picks the earliest-dated copy.
    keys = [" ".join(t.split()).casefold() if t else None for t in texts]
    first: dict[str, str] = {}
    count: dict[str, int] = {}
    for k, d in zip(keys, df["doc_id"], strict=True):
        if k is not None:
            first.setdefault(k, d)
            count[k] = count.get(k, 0) + 1
    # Singletons get their own id (as find_duplicates does), so a groupby on
    # dup_group never drops a row; empty texts have no group.
    df["dup_group"] = pd.Series(
        [first[k] if k is not None else None for k in keys], dtype=object
    )
    df["is_duplicate"] = [
        k is not None and count[k] > 1 and first[k] != d for k, d in zip(keys, df["doc_id"], strict=True)
    ]
    df["status_reason"] = reasons
    df["n_chars"] = [len(t) for t in texts]

    extras = [c for c in df.columns if c not in CANONICAL_COLUMNS + BOOKKEEPING_COLUMNS]
    out = df[CANONICAL_COLUMNS + BOOKKEEPING_COLUMNS + extras]
    out.attrs["source"] = label
    return out


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
