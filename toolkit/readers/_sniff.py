"""Tell which archive produced a file by looking at its bytes.

Content decides; the file extension is consulted only when the content
cannot be read (a damaged ``.docx`` or ``.xlsx`` zip, an empty ``.jsonl``),
so that the reader for that format can report what is wrong with the file.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from toolkit.readers.bigkinds import is_bigkinds_header
from toolkit.readers.lexisnexis import HEADER_RE, HTML_RE
from toolkit.readers.scraper import looks_like_article
from toolkit.text.decode import DecodeError, check_archive, decode_bytes

__all__ = ["FORMATS", "detect_format"]

#: Every format :func:`detect_format` can return, with a short description.
FORMATS = {
    "nexis_docx": "Nexis Uni DOCX ('End of Document' separators)",
    "factiva_html": "Factiva HTML (article blocks or HD/PD field tables)",
    "lexisnexis_html": "legacy LexisNexis HTML ('N of M DOCUMENTS')",
    "lexisnexis_txt": "legacy LexisNexis TXT ('N of M DOCUMENTS')",
    "bigkinds_xlsx": "BigKinds XLSX (일자, 언론사, 제목, ... columns)",
    "scraped_json": "scraper JSON/JSONL (title, text/maintext, date, url)",
}

_SNIFF_BYTES = 2_000_000
_FACTIVA_RE = re.compile(
    r"class=\"[^\"]*\b(?:[a-z]{2}Article|articleParagraph)\b"
    r"|<td[^>]*>\s*(?:<b>)?\s*(?:HD|PD)\s*(?:&nbsp;)?\s*(?:</b>)?\s*(?:&nbsp;)?\s*</td>"
    r"|id=\"article-[A-Za-z0-9]{10,}\"",
    re.I,
)
# Upper case only: prose saying "3 of 5 documents" must not look like an export.
_LN_HEADER_RE = re.compile(
    r"(?<![\w])\d{1,7}\s+(?:of|von)\s+\d{1,7}\s+(?:DOCUMENTS?|DOKUMENTEN?)\b"
)
_NEXIS_MARKERS = ("End of Document", "Load-Date:", "Job Number:")


def _decode_head(data: bytes) -> str | None:
    """Decode the first bytes of a file; a multibyte character may be cut at the end."""
    for cut in range(4):
        chunk = data[: len(data) - cut] if cut else data
        try:
            return decode_bytes(chunk)[0]
        except DecodeError:
            continue
    return None


def _sniff_zip(path: Path) -> str | None:
    check_archive(path)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        if "word/document.xml" in names:
            xml = z.read("word/document.xml").decode("utf-8", errors="replace")
            text = re.sub(r"<[^>]+>", "", xml)
            return "nexis_docx" if any(m in text for m in _NEXIS_MARKERS) else None
    if any(n.startswith("xl/") for n in names):
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            rows = []
            for row in ws.iter_rows(values_only=True, max_row=10):
                rows.append(list(row))
        finally:
            wb.close()
        return "bigkinds_xlsx" if any(is_bigkinds_header(r) for r in rows) else None
    return None


def _has_article_keys(text: str) -> bool:
    """A text key and a title/url key near the start of a (possibly cut) JSON file."""
    head = text[:20_000]
    return bool(re.search(r'"(?:maintext|text|content)"\s*:', head)) and bool(
        re.search(r'"(?:title|url|headline)"\s*:', head)
    )


def _sniff_json(text: str) -> bool:
    stripped = text.lstrip("\ufeff \t\r\n")
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:
        data = None
        if stripped.startswith("{"):
            first = stripped.split("\n", 1)[0]
            try:
                data = json.loads(first)
            except json.JSONDecodeError:
                # A large or cut file: look for article keys in its first object.
                return _has_article_keys(stripped)
        elif stripped.startswith("["):
            return _has_article_keys(stripped)
    if isinstance(data, list):
        return bool(data) and looks_like_article(data[0])
    if isinstance(data, dict):
        if looks_like_article(data):
            return True
        lists = [v for v in data.values() if isinstance(v, list) and v]
        return len(lists) == 1 and looks_like_article(lists[0][0])
    return False


def detect_format(path: str | Path) -> str | None:
    """Name the archive export format of a file, or None if it is none of them.

    Parameters
    ----------
    path : str or Path
        Any file.

    Returns
    -------
    str or None
        One of ``"nexis_docx"``, ``"factiva_html"``, ``"lexisnexis_html"``,
        ``"lexisnexis_txt"``, ``"bigkinds_xlsx"``, ``"scraped_json"``; None
        for anything else, including plain CSV and non-BigKinds XLSX tables.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.dat").write_text("   1 of 3 DOCUMENTS\\n\\nThe Example Herald\\n")
    >>> detect_format(d / "a.dat")
    'lexisnexis_txt'
    >>> _ = (d / "b.csv").write_text("doc_id,text\\n1,hello\\n")
    >>> detect_format(d / "b.csv") is None
    True
    """
    path = Path(path)
    suffix = path.suffix.lower()
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    if head.startswith(b"PK\x03\x04") or zipfile.is_zipfile(path):
        try:
            return _sniff_zip(path)
        except Exception:  # damaged zip or workbook: let the reader report it
            return {".docx": "nexis_docx", ".xlsx": "bigkinds_xlsx"}.get(suffix)
    text = _decode_head(head)
    if text is None:
        return None
    if _FACTIVA_RE.search(text):
        return "factiva_html"
    if HEADER_RE.search(text) or _LN_HEADER_RE.search(text):
        return "lexisnexis_html" if HTML_RE.search(text) else "lexisnexis_txt"
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("{", "[") and _sniff_json(text):
        return "scraped_json"
    if suffix in (".jsonl", ".ndjson") and (not stripped or stripped.startswith("{")):
        return "scraped_json"
    return None
