"""Read legacy LexisNexis (Academic / Nexis) exports saved as TXT or HTML.

Each article starts with a centred ``N of M DOCUMENTS`` line, followed by
the outlet, the date line (with weekday, time or edition lines), the title,
upper-case fields (``BYLINE:``, ``SECTION:``, ``LENGTH:``, ``DATELINE:``),
the body, trailing fields (``LOAD-DATE:``, ``LANGUAGE:``,
``PUBLICATION-TYPE:``, ``GRAPHIC:`` ...) and a copyright notice. The HTML
export has the same sequence with each block in its own ``<DIV>``, so it is
flattened to the same paragraphs and parsed by the same code.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from toolkit.readers._common import (
    Record,
    add_file_warning,
    build_frame,
    language_code,
)
from toolkit.text.clean import clean_field
from toolkit.text.dates import parse_date
from toolkit.text.decode import read_decoded

__all__ = ["read_lexisnexis", "HEADER_RE", "HTML_RE"]

EXTRA_COLUMNS = (
    "byline",
    "section",
    "length",
    "dateline",
    "edition",
    "load_date",
    "publication_type",
    "graphic",
    "notes",
    "copyright",
)

#: The line that opens every article: "1 of 262 DOCUMENTS" (German: "1 von 262 DOKUMENTEN").
HEADER_RE = re.compile(
    r"^[ \t]*(\d{1,7})[ \t]+(?:of|von|sur|de|di)[ \t]+(\d{1,7})[ \t]+"
    r"(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTOS?|DOCUMENTI|DOCUMENTO)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
#: Markup that tells the HTML export from the TXT one (format detection uses it too).
HTML_RE = re.compile(r"<(?:html|body|div|p|span|br|table)\b", re.I)
_SELECTED_RE = re.compile(r"Selected Items?:\s*(\d+)\s*-\s*(\d+)", re.I)
_FIELD_RE = re.compile(r"^([A-Z][A-Z\-]+(?: [A-Z\-]+){0,2}):[ \t]*(.*)$", re.S)
# Fields LexisNexis prints before the body.
_HEAD_FIELDS = {
    "BYLINE",
    "SECTION",
    "LENGTH",
    "DATELINE",
    "HIGHLIGHT",
    "EDITION",
    "BODY",
    "HEADLINE",
    "SOURCE",
    "COLUMN",
    "TYPE",
    "SERIES",
    "DISTRIBUTION",
    "BYLINE-AUTHOR",
}
# Fields LexisNexis prints after the body; the first one ends the body.
_TAIL_FIELDS = {
    "LOAD-DATE",
    "LANGUAGE",
    "PUBLICATION-TYPE",
    "JOURNAL-CODE",
    "GRAPHIC",
    "SUBJECT",
    "ORGANIZATION",
    "PERSON",
    "GEOGRAPHIC",
    "COMPANY",
    "INDUSTRY",
    "TICKER",
    "COUNTRY",
    "CITY",
    "STATE",
    "CORRECTION-DATE",
    "CORRECTION",
    "NOTES",
    "URL",
    "DOCUMENT-TYPE",
    "ACC-NO",
    "DOCUMENT-ID",
    "PUBLICATION",
    "TERMS",
}
_COLUMN_OF = {
    "BYLINE": "byline",
    "SECTION": "section",
    "LENGTH": "length",
    "DATELINE": "dateline",
    "EDITION": "edition",
    "LOAD-DATE": "load_date",
    "PUBLICATION-TYPE": "publication_type",
    "GRAPHIC": "graphic",
}


def _strip_comments(markup: str) -> str:
    """Remove ``<!-- ... -->`` in one pass (linear, unlike a lazy regex on many ``<!--``).

    A comment that would run across an article header is not a comment: a
    damaged file lost its ``-->``; the text up to the header is kept.
    """
    out, pos = [], 0
    while True:
        start = markup.find("<!--", pos)
        if start < 0:
            break
        end = markup.find("-->", start + 4)
        if end < 0:
            break
        header = _COMMENT_HEADER_RE.search(markup, start + 4, end)
        if header is not None:  # keep the opener; resume at the header
            out.append(markup[pos : header.start()])
            pos = header.start()
            continue
        out.append(markup[pos:start])
        out.append(" ")
        pos = end + 3
    out.append(markup[pos:])
    return "".join(out)


_COMMENT_HEADER_RE = re.compile(r"\d+ of \d+ DOCUMENT")


def html_to_text(markup: str) -> str:
    """Flatten export HTML to text with a blank line between blocks.

    A regular-expression pass (not a DOM parser) so that truncated or
    malformed HTML still yields every block it contains.

    Examples
    --------
    >>> html_to_text("<div><p>A<br>B</p></div><!-- x --><div>C &amp; D</div>")
    'A\\nB\\n\\nC & D'
    """
    # A comment may not run across an article header: if a damaged file lost a
    # "-->", the next one must not swallow the article in between.
    text = _strip_comments(markup)
    # Only closed blocks are removed: an unclosed one in a damaged file must not
    # swallow the articles after it.
    text = re.sub(r"<(script|style|title)\b[^>]*>.*?</\1\s*>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(
        r"</?(?:div|p|tr|table|tbody|h\d|li|ul|ol|blockquote|body|html|center|hr)\b[^>]*>",
        "\n\n",
        text,
        flags=re.I,
    )
    text = re.sub(r"<[A-Za-z/!?][^>]*>?", "", text)
    text = html_lib.unescape(text).replace("\u00c2\u00a0", " ").replace("\u00a0", " ")
    lines = [ln.strip() for ln in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _paragraphs(block: str) -> list[list[str]]:
    """Blank-line separated paragraphs, each a list of stripped non-empty lines."""
    paras = []
    for chunk in re.split(r"\n[ \t]*\n", block):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if lines:
            paras.append(lines)
    return paras


def _looks_like_date(line: str) -> bool:
    return len(line) <= 80 and not pd.isna(parse_date(line))


def _parse_block(block: str, rec: Record) -> None:
    """Fill ``rec`` from the text of one article (after its header line).

    The paragraphs run through four states: ``head`` (outlet, date, title),
    ``fields`` (BYLINE:, SECTION:...), ``body`` and ``tail`` (LOAD-DATE: and
    the fields after it).
    """
    head: list[list[str]] = []
    body: list[str] = []
    notes: list[str] = []
    state = "head"
    last_field = ""
    for para in _paragraphs(block):
        m = _FIELD_RE.match(para[0])
        label = m.group(1) if m else ""
        if not (m and _is_field(label, state)):
            state = _place_paragraph(para, state, last_field, rec, head, body, notes)
            continue
        value = clean_field(" ".join([m.group(2), *para[1:]]))
        last_field = label
        if label in _TAIL_FIELDS:
            state = "tail"
        elif label == "BODY":
            state = "body"
            if value:
                body.append(value)
            continue
        elif state == "head":
            state = "fields"
        _store(rec, label, value, notes)
    _parse_head(head, rec, notes)
    rec.text = "\n\n".join(body)
    if notes:
        rec.extra["notes"] = "; ".join(notes)
    _check_block(rec, state, body)


def _is_field(label: str, state: str) -> bool:
    """Whether a "LABEL:" paragraph is a field in this state (not prose)."""
    if state == "body" and label in _HEAD_FIELDS and label != "BODY":
        # An upper-case "SECTION:" inside a body is most likely prose.
        return label in ("BYLINE", "LENGTH", "SECTION", "DATELINE")
    return label in _HEAD_FIELDS or label in _TAIL_FIELDS or state in ("head", "tail")


def _place_paragraph(
    para: list[str],
    state: str,
    last_field: str,
    rec: Record,
    head: list[list[str]],
    body: list[str],
    notes: list[str],
) -> str:
    """Put a paragraph that is not a field where its state says; return the new state."""
    text = clean_field(" ".join(para))
    if state == "head":
        head.append(para)
    elif state in ("fields", "body"):
        body.append(text)
        return "body"
    elif para[0].lower().startswith(("copyright", "©", "(c)")):
        rec.extra["copyright"] = text
    elif last_field == "GRAPHIC":
        rec.extra["graphic"] = clean_field(f"{rec.extra.get('graphic', '')} {text}")
    else:
        notes.append(text)
    return state


def _check_block(rec: Record, state: str, body: list[str]) -> None:
    """Warnings for an article that ended early; Load-Date when no date was printed."""
    if state in ("head", "fields") and not body:
        rec.warn("no body paragraphs after the header fields")
    if state != "tail":
        rec.warn("no LOAD-DATE or other trailing field: the article may be cut short")
    if not rec.date_raw and rec.extra.get("load_date"):
        rec.date_raw = str(rec.extra["load_date"])
        rec.warn("no publication date; used LOAD-DATE")


def _parse_head(head: list[list[str]], rec: Record, notes: list[str]) -> None:
    """Outlet, date (+ edition lines) and title from the paragraphs before the fields."""
    date_at = next((i for i, p in enumerate(head) if _looks_like_date(p[0])), None)
    if date_at is None:
        if head:
            rec.outlet = " ".join(head[0])
        rec.title = clean_field(" ".join(" ".join(p) for p in head[1:]))
        return
    before, date_para, after = head[:date_at], head[date_at], head[date_at + 1 :]
    rec.date_raw = date_para[0]
    if len(date_para) > 1:
        rec.extra["edition"] = clean_field(" ".join(date_para[1:]).strip(" ;"))
    if before:
        rec.outlet = " ".join(before[0])
        notes.extend(" ".join(p) for p in before[1:])
    rec.title = clean_field(" ".join(" ".join(p) for p in after))


def _store(rec: Record, label: str, value: str, notes: list[str]) -> None:
    if label == "LANGUAGE":
        rec.language = language_code(value.split(";")[0])
    elif label == "URL" and not rec.url:
        rec.url = value
    elif label == "HEADLINE" and not rec.title:
        rec.title = value
    elif label == "LENGTH":
        m = re.search(r"\d[\d,.]*", value)
        if m:
            rec.extra["length"] = int(re.sub(r"[,.]", "", m.group(0)))
    elif label in _COLUMN_OF:
        col = _COLUMN_OF[label]
        rec.extra[col] = f"{rec.extra[col]}; {value}" if rec.extra.get(col) else value
    else:
        notes.append(f"{label}: {value}")


def parse_lexisnexis_text(
    text: str, path: str | Path, source_format: str, encoding: str = ""
) -> pd.DataFrame:
    """Parse LexisNexis export text (already flattened from HTML if needed).

    Raises
    ------
    ValueError
        If there is no ``N of M DOCUMENTS`` line.
    """
    headers = list(HEADER_RE.finditer(text))
    if not headers:
        raise ValueError(f"{path}: no 'N of M DOCUMENTS' lines; not a LexisNexis export")
    records: list[Record] = []
    numbers: list[int] = []
    totals: Counter[int] = Counter()
    for k, m in enumerate(headers):
        end = headers[k + 1].start() if k + 1 < len(headers) else len(text)
        rec = Record()
        numbers.append(int(m.group(1)))
        totals[int(m.group(2))] += 1
        _parse_block(text[m.end() : end], rec)
        records.append(rec)
    file_warnings = _numbering_warnings(text, headers, records, numbers, totals)
    _flag_cut_last(records)
    return build_frame(
        records,
        path,
        source_format,
        encoding=encoding,
        extra_columns=EXTRA_COLUMNS,
        file_warnings=file_warnings,
    )


def _numbering_warnings(
    text: str, headers: list[re.Match], records: list[Record], numbers: list[int], totals: Counter
) -> list[str]:
    """File warnings from the "N of M DOCUMENTS" lines: totals that disagree (each odd
    article is told too), repeated or missing numbers, fewer articles than selected."""
    out: list[str] = []
    declared = totals.most_common(1)[0][0]
    odd = sorted(t for t in totals if t != declared)
    if odd:
        for rec, m in zip(records, headers, strict=True):
            if int(m.group(2)) != declared:
                rec.warn(f"header says '{m.group(0).strip()}' but the file says {declared}")
        out.append(f"'N of M DOCUMENTS' totals disagree: {declared} and {odd}")
    repeated = sorted(n for n, c in Counter(numbers).items() if c > 1)
    if repeated:
        out.append(f"document numbers repeated: {repeated[:10]}")
    selected = _SELECTED_RE.search(text[: headers[0].start()])
    if selected:
        expected = int(selected.group(2)) - int(selected.group(1)) + 1
        if expected != len(records):
            out.append(f"download request selected {expected} documents, found {len(records)}")
    elif max(numbers) < declared and len(set(numbers)) < declared:
        out.append(
            f"export declares {declared} documents, found {len(set(numbers))} "
            f"({min(numbers)}-{max(numbers)}): the file was cut short or is a partial download"
        )
    span = max(numbers) - min(numbers) + 1
    if span != len(set(numbers)):
        out.append(
            f"document numbers {min(numbers)}-{max(numbers)} have gaps: "
            f"{span - len(set(numbers))} missing (truncated file or lost separators?)"
        )
    return out


def _flag_cut_last(records: list[Record]) -> None:
    """Flag the last article when the file ends inside it.

    Every complete article ends with trailing fields (LOAD-DATE, LANGUAGE,
    copyright); when the others have them and the last has none, the file
    was cut inside the last article.
    """
    if len(records) < 2:
        return
    ends = ("load_date", "copyright", "publication_type")
    complete = [any(r.extra.get(k) for k in ends) for r in records[:-1]]
    if sum(complete) >= 0.8 * len(complete) and not any(records[-1].extra.get(k) for k in ends):
        records[-1].warn(
            "truncated: the file ends inside this article (no LOAD-DATE, "
            "LANGUAGE or copyright line after its body)"
        )


def read_lexisnexis(path: str | Path, encoding: str | None = None) -> pd.DataFrame:
    """Read a legacy LexisNexis export (``.txt`` or ``.html``).

    Parameters
    ----------
    path : str or Path
        The export file. HTML is recognised by its tags, not its extension.
    encoding : str, optional
        Force a codec; by default :func:`toolkit.text.decode.read_text` detects it.

    Returns
    -------
    pandas.DataFrame
        One row per ``N of M DOCUMENTS`` line: canonical columns, then
        ``byline``, ``section``, ``length``, ``dateline``, ``edition``,
        ``load_date``, ``publication_type``, ``graphic``, ``notes``,
        ``copyright`` and the common trailing columns. Headers whose total
        ``M`` disagrees with the rest of the file, repeated numbers and gaps
        are reported in ``parse_warnings`` / ``file_warnings``.

    Raises
    ------
    ValueError
        If the file has no ``N of M DOCUMENTS`` line, or cannot be decoded
        (:class:`toolkit.text.decode.DecodeError` is a ``ValueError``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> text = '''                 1 of 1 DOCUMENT
    ...
    ...                    The Example Herald
    ...
    ...                 April 14, 2015 Tuesday
    ...
    ... Ministers meet in Seoul
    ...
    ... BYLINE: A. Writer
    ...
    ... LENGTH: 9 words
    ...
    ... Officials from both countries met on Tuesday in Seoul.
    ...
    ... LANGUAGE: ENGLISH
    ... '''
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ln.txt"
    >>> _ = p.write_text(text, encoding="utf-8")
    >>> df = read_lexisnexis(p)
    >>> df.loc[0, ["title", "outlet", "byline", "language"]].tolist()
    ['Ministers meet in Seoul', 'The Example Herald', 'A. Writer', 'en']
    """
    path = Path(path)
    decoded = read_decoded(path, encoding)
    text, codec = decoded.text, decoded.encoding
    if HTML_RE.search(text, 0, 200_000):
        df = parse_lexisnexis_text(html_to_text(text), path, "lexisnexis_html", codec)
    else:
        df = parse_lexisnexis_text(text, path, "lexisnexis_txt", codec)
    return add_file_warning(df, decoded.note)
