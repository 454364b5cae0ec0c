"""Read Nexis Uni DOCX exports (many articles in one Word file).

A Nexis Uni "Download" DOCX starts with a cover page (user name, job number,
``Documents (N)`` and a numbered list of titles) and then holds each article
as: title, outlet, date line (with edition or time), a ``Copyright`` line,
fields such as ``Section:``, ``Length:``, ``Byline:``, ``Dateline:`` and
``Highlight:``, the word ``Body``, the body paragraphs, then optional
trailing blocks (URL, ``Graphic``, ``Classification`` with ``Language:`` and
``Subject:``, ``Load-Date:``) and finally ``End of Document``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd

from toolkit.readers._common import (
    Record,
    build_frame,
    language_code,
)
from toolkit.text.clean import clean_field
from toolkit.text.dates import parse_date
from toolkit.text.decode import check_archive

__all__ = ["read_nexis"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

EXTRA_COLUMNS = (
    "byline",
    "section",
    "length",
    "dateline",
    "highlight",
    "edition",
    "load_date",
    "graphic",
    "notes",
    "copyright",
)

_SEPARATOR = "End of Document"
_FIELD_RE = re.compile(r"^([A-Z][A-Za-z][A-Za-z\-/ ]{0,28}):[\s\u00a0]*(.*)$", re.S)
_FIELD_COLUMNS = {
    "section": "section",
    "length": "length",
    "byline": "byline",
    "dateline": "dateline",
    "highlight": "highlight",
    "edition": "edition",
    "load-date": "load_date",
    "language": "language",
}
# Field labels that may follow the body (Classification block and friends).
_TAIL_FIELDS = set(_FIELD_COLUMNS) | {
    "publication-type",
    "subject",
    "organization",
    "person",
    "geographic",
    "industry",
    "company",
    "ticker",
    "correction-date",
    "journal-code",
    "document-type",
    "type",
    "series",
    "notes",
}
# Headings (alone on a line) that open a trailing block after the body.
_TAIL_HEADINGS = {
    "graphic",
    "classification",
    "notes",
    "related articles",
    "correction",
    "correction appended",
}
_BODY_STOPS = {"Related Articles", "Classification"}
_COVER_RE = re.compile(
    r"^(?:(?:User Name|Date and Time|Job Number|Client/Matter|Search Terms|Search Type"
    r"|Narrowed by|Content Type|Sources)\b|Documents \(\d+\))"
)
_TOC_RE = re.compile(r"^(\d{1,5})\.\s+(.+)$", re.S)
_DECLARED_RE = re.compile(r"^Documents \((\d+)\)")
_DATE_SPLIT_RE = re.compile(
    r"^(?P<date>.*?\b\d{4}\b(?:,?\s+[A-Za-z]+day\b)?"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?:\s+[A-Z]{2,5})?)?)\s*,?\s*(?P<rest>.*)$",
    re.S,
)


def _paragraph_text(el) -> str:
    """Text of a ``w:p`` element with line breaks and tabs kept.

    Nexis marks the start of many blocks (URL, Load-Date, End of Document)
    with a line break inside the paragraph; keeping it lets the reader tell
    a block start from an ordinary body paragraph.
    """
    parts: list[str] = []
    for node in el.iter():
        if node.tag == _W + "t":
            parts.append(node.text or "")
        elif node.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif node.tag == _W + "tab":
            parts.append("\t")
    return "".join(parts)


def _docx_items(path: Path) -> list[tuple[str, bool]]:
    """Paragraphs and table rows of the document body in order: (text, is_table)."""
    try:
        import docx  # python-docx; imported here so the package imports fast
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise ImportError("reading Nexis Uni DOCX needs python-docx") from err
    check_archive(path)  # a zip bomb is refused before python-docx inflates it
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise ValueError(f"{path}: not a readable DOCX file ({err})") from err
    except Exception as err:  # lxml syntax errors in a damaged document part
        raise ValueError(f"{path}: not a readable DOCX file ({type(err).__name__}: {err})") from err
    items: list[tuple[str, bool]] = []
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            items.append((_paragraph_text(child), False))
        elif child.tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                cells = []
                for cell in row.iter(_W + "tc"):
                    text = "\n".join(_paragraph_text(p) for p in cell.iter(_W + "p")).strip()
                    if text and text not in cells:
                        cells.append(text)
                items.append((" | ".join(cells), True))
    return items


def _is_separator(text: str) -> bool:
    return text.strip() == _SEPARATOR


def _strip_cover(chunk: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], list[str], int]:
    """Remove the cover page from the first block; return (rest, toc titles, declared)."""
    texts = [t.strip() for t, _ in chunk]
    if not any(_COVER_RE.match(t) for t in texts):
        return chunk, [], -1
    body_at = next((i for i, t in enumerate(texts) if t == "Body"), len(texts))
    last = -1
    toc: list[str] = []
    declared = -1
    for i in range(body_at):
        text, is_table = chunk[i]
        t = texts[i]
        m = _DECLARED_RE.match(t)
        if m:
            declared = int(m.group(1))
        if _COVER_RE.match(t) or is_table:
            last = i
        elif _TOC_RE.match(t) and (last >= 0 or declared >= 0):
            toc.append(clean_field(_TOC_RE.match(t).group(2)).replace("\n", " "))
            last = i
    return chunk[last + 1 :], toc, declared


def _split_date_line(line: str) -> tuple[str, str]:
    """Split 'January 11, 2018 Thursday, Late Edition - Final' into date and edition."""
    m = _DATE_SPLIT_RE.match(line.strip())
    if not m:
        return line.strip(), ""
    return m.group("date").strip(" ,"), m.group("rest").strip(" ,")


def _parse_article(chunk: list[tuple[str, bool]], rec: Record) -> None:
    """Fill ``rec`` from the items of one article (between separators).

    An article is a header (title, outlet, date), fields ("Byline: ..."), a
    "Body" marker, the body's paragraphs, then tail blocks (Load-Date,
    Graphic, Classification...).
    """
    items = list(chunk)
    while items and not items[0][0].strip():
        items.pop(0)
    stripped = [clean_field(t) for t, _ in items]
    body_marks = [i for i, t in enumerate(stripped) if t == "Body"]
    if len(body_marks) > 1:
        rec.warn(
            "more than one 'Body' marker: two articles may be merged (missing 'End of Document'?)"
        )
    notes: list[str] = []
    head_end = _head_end(stripped)
    _parse_head([t for t in stripped[:head_end] if t], rec, notes)
    body_start = _parse_fields(stripped, head_end, body_marks, rec, notes)
    end = _body_end(items, stripped, body_start)
    rec.text = "\n\n".join(t for t in stripped[body_start:end] if t)
    _parse_tail(stripped[end:], rec, notes)
    if notes:
        rec.extra["notes"] = "; ".join(notes)
    if not rec.date_raw and rec.extra.get("load_date"):
        rec.date_raw = str(rec.extra["load_date"])
        rec.warn("no publication date; used Load-Date")


def _is_copyright(t: str) -> bool:
    return t.startswith("Copyright") or t.startswith("©")


def _head_end(stripped: list[str]) -> int:
    """Where the header ends: the first field, Copyright line or Body marker."""
    for i, t in enumerate(stripped):
        if (
            t == "Body"
            or _is_copyright(t)
            or ((m := _FIELD_RE.match(t)) and m.group(1).lower() in _FIELD_COLUMNS)
        ):
            return i
    return len(stripped)


def _parse_head(head: list[str], rec: Record, notes: list[str]) -> None:
    """Title, outlet, then the first line that parses as a date (other lines are notes)."""
    if head:
        rec.title = head[0].replace("\n", " ")
    if len(head) > 1:
        rec.outlet = head[1].replace("\n", " ")
    for line in head[2:]:
        if not rec.date_raw and not pd.isna(parse_date(line)):
            date, edition = _split_date_line(line)
            rec.date_raw = date
            if edition:
                rec.extra["edition"] = edition
        else:
            notes.append(line.replace("\n", " "))


def _parse_fields(
    stripped: list[str], head_end: int, body_marks: list[int], rec: Record, notes: list[str]
) -> int:
    """Store the fields up to the Body marker (or the last field line); return where the body starts."""
    body_start = body_marks[0] + 1 if body_marks else None
    fields_end = body_marks[0] if body_marks else len(stripped)
    last_field = head_end - 1
    for i in range(head_end, fields_end):
        t = stripped[i]
        if not t:
            continue
        m = _FIELD_RE.match(t)
        if _is_copyright(t):
            rec.extra["copyright"] = t.replace("\n", " ")
            last_field = i
        elif m:
            _store_field(rec, m.group(1), clean_field(m.group(2)).replace("\n", " "), notes)
            last_field = i
        elif body_start is not None:
            byline = str(rec.extra.get("byline", ""))
            if t.replace("\n", " ") != byline:
                notes.append(t.replace("\n", " "))
        else:
            break
    if body_start is None:
        rec.warn("no 'Body' marker; body taken after the last header field")
        body_start = last_field + 1
    return body_start


def _body_end(items: list[tuple[str, bool]], stripped: list[str], start: int) -> int:
    """The first item after the body: a block opening with a line break, a tail heading
    or a Load-Date field."""
    for i in range(start, len(items)):
        t = stripped[i]
        # Nexis opens its trailing blocks with a line break; "Related Articles"
        # and "Classification" come without one but are never article text.
        if t and (
            items[i][0].lstrip(" \t").startswith("\n")
            or t in _BODY_STOPS
            or t.startswith("Load-Date:")
        ):
            return i
    return len(items)


def _parse_tail(tail: list[str], rec: Record, notes: list[str]) -> None:
    """URL, tail fields, graphic captions and notes after the body."""
    block = "notes"
    graphic: list[str] = []
    for t in tail:
        if not t:
            continue
        m = _FIELD_RE.match(t)
        low = t.lower()
        if re.fullmatch(r"https?://\S+", t) and not rec.url:
            rec.url = t
        elif low in _TAIL_HEADINGS:
            block = "graphic" if low == "graphic" else "notes"
            if low not in ("graphic", "classification"):
                notes.append(t)
        elif m and m.group(1).lower() in _TAIL_FIELDS:
            _store_field(rec, m.group(1), clean_field(m.group(2)).replace("\n", " "), notes)
        elif t == "Body":
            continue
        elif block == "graphic":
            graphic.append(t.replace("\n", " "))
        else:
            notes.append(t.replace("\n", " "))
    if graphic:
        rec.extra["graphic"] = " ".join(graphic)


def _store_field(rec: Record, label: str, value: str, notes: list[str]) -> None:
    key = label.lower().strip()
    col = _FIELD_COLUMNS.get(key)
    if col == "language":
        rec.language = language_code(value)
    elif col == "length":
        m = re.search(r"\d[\d,.]*", value)
        if m and "length" not in rec.extra:
            rec.extra["length"] = int(re.sub(r"[,.]", "", m.group(0)))
    elif col:
        if col not in rec.extra or not rec.extra[col]:
            rec.extra[col] = value
    else:
        notes.append(f"{label}: {value}")


def read_nexis(path: str | Path) -> pd.DataFrame:
    """Read a Nexis Uni DOCX export into the canonical corpus DataFrame.

    Parameters
    ----------
    path : str or Path
        A ``.docx`` file downloaded from Nexis Uni (one or many articles).

    Returns
    -------
    pandas.DataFrame
        One row per article: the canonical columns, then ``byline``,
        ``section``, ``length`` (words, as the export states it),
        ``dateline``, ``highlight``, ``edition``, ``load_date``, ``graphic``
        (photo captions), ``notes``, ``copyright`` and the common trailing
        columns. Articles are never dropped: an article missing a field gets a
        ``parse_warnings`` entry. A last article without ``End of Document``
        (a truncated file) is kept with a warning; if the cover page
        declares ``Documents (N)`` and another number of articles is found,
        ``file_warnings`` says so.

    Raises
    ------
    ValueError
        If the file is not a readable DOCX, or holds no article text at all.

    Examples
    --------
    >>> import docx, tempfile, pathlib
    >>> d = docx.Document()
    >>> for line in ["Ministers meet in Seoul", "The Example Times",
    ...              "April 14, 2015 Tuesday", "Length:\\u00a012 words", "Body",
    ...              "Officials from both countries met on Tuesday.", "End of Document"]:
    ...     _ = d.add_paragraph(line)
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "one.docx"
    >>> d.save(p)
    >>> df = read_nexis(p)
    >>> df.loc[0, ["doc_id", "title", "outlet"]].tolist()
    ['one.docx#1', 'Ministers meet in Seoul', 'The Example Times']
    >>> int(df.loc[0, "length"])
    12
    >>> str(df.loc[0, "date"].date())
    '2015-04-14'
    """
    path = Path(path)
    items = _docx_items(path)
    chunks: list[list[tuple[str, bool]]] = [[]]
    for item in items:
        if _is_separator(item[0]) and not item[1]:
            chunks.append([])
        else:
            chunks[-1].append(item)
    n_separators = len(chunks) - 1
    file_warnings: list[str] = []
    chunks[0], toc, declared = _strip_cover(chunks[0])
    records: list[Record] = []
    for k, chunk in enumerate(chunks):
        if not any(t.strip() for t, _ in chunk):
            if k < n_separators:
                file_warnings.append(f"empty block before separator {k + 1}")
            continue
        rec = Record()
        _parse_article(chunk, rec)
        if k == n_separators:
            rec.warn("no 'End of Document' after this article (truncated file?)")
        if not rec.title and len(records) < len(toc):
            rec.title = toc[len(records)]
            rec.warn("title taken from the cover list")
        records.append(rec)
    if not records:
        raise ValueError(f"{path}: no Nexis Uni articles found (no text besides a cover page)")
    if declared >= 0 and declared != len(records):
        file_warnings.append(f"cover declares Documents ({declared}), found {len(records)}")
    return build_frame(
        records, path, "nexis_docx", extra_columns=EXTRA_COLUMNS, file_warnings=file_warnings
    )
