"""Read article JSON / JSON Lines written by web extractors.

newspaper3k/newspaper4k, news-please and trafilatura each name the same
fields differently; the first key found in each list below wins:

========  ==========================================================
column    keys tried
========  ==========================================================
text      text, maintext, content, raw_text, body, article_text
title     title, headline
date      date_publish, published, publish_date, date_published,
          published_at, pubdate, date, date_modify, date_download
url       url, link, canonical_url, source_url, source (if a URL)
outlet    source_domain, sitename, site_name, source-hostname,
          hostname, source, outlet, publisher, domain
language  language, lang, meta_lang
byline    authors, author, byline
========  ==========================================================

A file may hold a JSON list of articles, one article object, an object with
one list of articles inside (``{"articles": [...]}``), or one object per
line (JSONL). A line or element that is not valid JSON becomes a row with a
``parse_warnings`` entry, so the count of rows still matches the input.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from toolkit.readers._common import Record, build_frame, language_code
from toolkit.text.clean import clean_field
from toolkit.text.decode import read_decoded

__all__ = ["read_scraped", "FIELD_KEYS", "looks_like_article"]

FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "raw_text", "body", "article_text"),
    "title": ("title", "headline"),
    "date": (
        "date_publish",
        "published",
        "publish_date",
        "date_published",
        "published_at",
        "pubdate",
        "date",
        "date_modify",
        "date_download",
    ),
    "url": ("url", "link", "canonical_url", "source_url", "source"),
    "outlet": (
        "source_domain",
        "sitename",
        "site_name",
        "source-hostname",
        "hostname",
        "source",
        "outlet",
        "publisher",
        "domain",
    ),
    "language": ("language", "lang", "meta_lang"),
    "byline": ("authors", "author", "byline"),
    "description": ("description", "excerpt", "summary"),
}
EXTRA_COLUMNS = ("byline", "description")


def looks_like_article(obj: object) -> bool:
    """True for a dict with a text-like key and a title, URL or date key.

    Examples
    --------
    >>> looks_like_article({"title": "T", "maintext": "Body"})
    True
    >>> looks_like_article({"name": "x", "value": 3})
    False
    """
    if not isinstance(obj, dict):
        return False
    keys = set(obj)
    has_text = bool(keys & set(FIELD_KEYS["text"]))
    has_meta = bool(
        keys & (set(FIELD_KEYS["title"]) | set(FIELD_KEYS["url"]) | set(FIELD_KEYS["date"]))
    )
    return (
        has_text
        and has_meta
        or (
            bool(keys & set(FIELD_KEYS["title"]))
            and has_meta
            and bool(keys & set(FIELD_KEYS["url"]))
        )
    )


def _scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_scalar(v) for v in value if _scalar(v))
    if isinstance(value, dict):
        # news-please nests nothing we need; newspaper may store {"name": ...}
        return _scalar(value.get("name") or value.get("value") or "")
    return clean_field(value)


def _record(obj: object, where: str) -> Record:
    rec = Record()
    if not isinstance(obj, dict):
        rec.warn(f"{where}: not a JSON object ({type(obj).__name__})")
        return rec
    found: dict[str, str] = {}
    for col, keys in FIELD_KEYS.items():
        for key in keys:
            value = _scalar(obj.get(key))
            if not value:
                continue
            if col == "url" and not re.match(r"https?://", value):
                continue
            if col == "outlet" and re.match(r"https?://", value):
                found.setdefault("url", value)
                continue
            found[col] = value
            break
    rec.text = found.get("text", "")
    rec.title = found.get("title", "").replace("\n", " ")
    rec.date_raw = found.get("date", "")
    rec.url = found.get("url", "")
    rec.outlet = found.get("outlet", "")
    rec.language = language_code(found.get("language", ""))
    for col in EXTRA_COLUMNS:
        if found.get(col):
            rec.extra[col] = found[col]
    return rec


def _split_lines(text: str) -> list[tuple[object, str]]:
    """Parse JSON Lines: (object or None, error) for each non-blank line."""
    out: list[tuple[object, str]] = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            out.append((json.loads(line), ""))
        except json.JSONDecodeError as err:
            out.append((None, f"line {n}: invalid JSON ({err.msg})"))
    return out


def _salvage_array(text: str) -> tuple[list[tuple[object, str]], list[str]]:
    """Read the complete objects of a JSON array cut short or damaged midway.

    Articles are objects, so decoding is tried only where a ``{`` starts; after
    a damaged element it resumes at the next ``}, {`` boundary.
    """
    decoder = json.JSONDecoder()
    out: list[tuple[object, str]] = []
    warnings = ["the JSON array is damaged or cut short"]
    i = text.index("[") + 1
    while True:
        start = text.find("{", i)
        if start < 0:
            if text[i:].strip(" \t\r\n,]"):
                warnings.append(f"text after element {len(out)} could not be read")
            break
        if text[i:start].strip(" \t\r\n,"):
            warnings.append(f"text before element {len(out) + 1} could not be read")
        try:
            obj, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError as err:
            out.append((None, f"element {len(out) + 1}: invalid or cut-off JSON ({err.msg})"))
            boundary = _NEXT_OBJECT_RE.search(text, start + 1)
            if boundary is None:
                break
            i = boundary.end() - 1
            continue
        out.append((obj, ""))
        i = end
    return out, warnings


_NEXT_OBJECT_RE = re.compile(r"\}\s*,\s*\{")


def _items(text: str) -> tuple[list[tuple[object, str]], list[str]]:
    """Articles (object, error) in file order, and file-level warnings."""
    stripped = text.lstrip("\ufeff \t\n")
    if not stripped:
        return [], []
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:
        data = None
        first_line = stripped.split("\n", 1)[0].strip()
        if stripped.startswith("{") and (first_line.endswith("}") or "\n{" in stripped):
            return _split_lines(stripped), []
        if stripped.startswith("["):
            return _salvage_array(stripped)
        if stripped.startswith("{"):
            return [(None, "invalid or cut-off JSON object")], []
        raise ValueError("not JSON or JSON Lines") from None
    if isinstance(data, list):
        # a non-object element stays a row (with a warning) so the count matches the file
        items = [
            (
                obj,
                ""
                if isinstance(obj, dict)
                else f"element {n}: not a JSON object ({type(obj).__name__})",
            )
            for n, obj in enumerate(data, start=1)
        ]
        skipped = sum(bool(e) for _, e in items)
        notes = [f"{skipped} list elements are not objects"] if skipped else []
        return items, notes
    if isinstance(data, dict):
        if looks_like_article(data):
            return [(data, "")], []
        lists = [
            v
            for v in data.values()
            if isinstance(v, list) and v and sum(isinstance(x, dict) for x in v) >= len(v) / 2
        ]
        if len(lists) == 1:
            return _items(json.dumps(lists[0]))
        return [(data, "")], ["one JSON object that does not look like an article"]
    raise ValueError(f"JSON holds a {type(data).__name__}, not articles")


def read_scraped(path: str | Path, encoding: str | None = None) -> pd.DataFrame:
    """Read scraper output (JSON or JSON Lines) into the canonical corpus DataFrame.

    Parameters
    ----------
    path : str or Path
        A ``.json`` / ``.jsonl`` file from newspaper4k, news-please,
        trafilatura or a similar extractor (see the module docstring for
        the keys read).
    encoding : str, optional
        Force a codec; by default it is detected.

    Returns
    -------
    pandas.DataFrame
        One row per article object (or per damaged line/element, with a
        warning); canonical columns, then ``byline`` and ``description``,
        then the common columns. ``doc_id`` is ``file#position``.

    Raises
    ------
    ValueError
        If the file is not JSON / JSON Lines or cannot be decoded.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.jsonl"
    >>> rows = [{"title": "Talks resume", "maintext": "Diplomats met.",
    ...          "date_publish": "2015-04-14 05:38:00", "url": "https://example.org/a",
    ...          "source_domain": "example.org", "language": "en"}]
    >>> _ = p.write_text("\\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    >>> read_scraped(p).loc[0, ["doc_id", "title", "outlet", "language"]].tolist()
    ['s.jsonl#1', 'Talks resume', 'example.org', 'en']
    """
    path = Path(path)
    decoded = read_decoded(path, encoding)
    text, codec = decoded.text, decoded.encoding
    try:
        items, file_warnings = _items(text)
    except ValueError as err:
        raise ValueError(f"{path}: {err}") from err
    records = []
    for n, (obj, error) in enumerate(items, start=1):
        rec = _record(obj, f"record {n}") if error == "" else Record()
        if error:
            rec.warn(error)
        records.append(rec)
    return build_frame(
        records,
        path,
        "scraped_json",
        encoding=codec,
        extra_columns=EXTRA_COLUMNS,
        file_warnings=[*file_warnings, *filter(None, [decoded.note])],
    )
