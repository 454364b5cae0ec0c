"""Read Factiva HTML exports (the page saved from "Display/Save as article").

Factiva saves articles in one of two layouts, both handled here:

* **Article layout** (the default "Article" display): each article is a
  ``<div class="article xxArticle">`` whose header is a run of unlabelled
  ``<div>`` elements in a fixed order -- section, headline (``<div id="hd">``),
  author (``class="author"``), credit, word count, date, [time], source name,
  source code, [edition], [page], language, copyright -- followed by
  ``<p class="articleParagraph">`` body paragraphs and ``Document <AN>``.
  The labels are in the interface language ("877 words", "877 Wörter",
  "877 語", "877 단어"), so header lines are recognised by their shape.
* **Field layout** ("Full article with indexing"): a table whose rows are
  two-letter field codes and values -- ``HD`` headline, ``BY`` byline,
  ``WC`` word count, ``PD`` date, ``SN`` source name, ``SC`` source code,
  ``LA`` language, ``CY`` copyright, ``LP`` lead paragraph, ``TD`` text,
  ``AN`` accession number. Codes do not change with the interface language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from toolkit.readers._common import (
    Record,
    add_file_warning,
    build_frame,
    is_language_name,
    language_code,
)
from toolkit.text.clean import clean_field
from toolkit.text.dates import parse_date
from toolkit.text.decode import read_decoded

__all__ = ["read_factiva", "WORD_COUNT_RE"]

EXTRA_COLUMNS = (
    "byline",
    "section",
    "length",
    "source_code",
    "edition",
    "page",
    "credit",
    "copyright",
    "accession_number",
)

#: A word-count line in the interface languages we know of.
WORD_COUNT_RE = re.compile(
    r"^\s*(\d[\d,.\s]*)\s*(?:words?|wörter|wort|mots?|palabras?|parole|palavras?|woorden|"
    r"слов[ао]?|語|単語|字|词|단어|개 단어|어절)\s*$",
    re.IGNORECASE,
)
_TIME_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?:\s+[A-Z]{2,5})?$", re.I)
_CODE_RE = re.compile(r"^[A-Z0-9]{2,12}$")
_COPYRIGHT_RE = re.compile(r"^(?:copyright|\(c\)|©|著作権|저작권|版权|版權)", re.I)
_FIELD_CODE_RE = re.compile(r"^[A-Z]{2,3}$")
_AN_RE = re.compile(r"^\S{1,20}\s+([A-Za-z0-9]{16,40})$")
# "Results found" in the search summary, per interface language.
_RESULTS_RE = re.compile(
    r"^(?:results found|gefundene ergebnisse|résultats trouvés|resultados encontrados|"
    r"risultati trovati|検索結果|該当件数|검색 결과|找到的结果)",
    re.IGNORECASE,
)


def _text(node, sep: str = " ") -> str:
    return clean_field(node.get_text(sep)) if node is not None else ""


def _parse_article_layout(div, rec: Record) -> None:
    """Unlabelled header divs, classified by what they look like."""
    lang_class = next(
        (c[:-7] for c in div.get("class", []) if re.fullmatch(r"[a-z]{2}Article", c)), ""
    )
    paragraphs = div.find_all("p", class_=re.compile("articleParagraph"))
    header = div.find_all("div", recursive=False)
    hd_at = next((i for i, c in enumerate(header) if c.get("id") == "hd"), None)
    if hd_at is None:
        rec.warn("no headline block (div id='hd')")
        hd_at = -1
    else:
        rec.title = _text(header[hd_at])
    if hd_at > 0:
        rec.extra["section"] = "; ".join(_text(c) for c in header[:hd_at] if _text(c))
    after = header[hd_at + 1 :]
    byline = [c for c in after if "author" in (c.get("class") or [])]
    if byline:
        rec.extra["byline"] = "; ".join(_text(c) for c in byline)
    rest = [c for c in after if c not in byline]
    texts = [_text(c) for c in rest]
    wc_at = next((i for i, t in enumerate(texts) if WORD_COUNT_RE.match(t)), None)
    if wc_at is None:
        rec.warn("no word-count line; date and source found by shape")
        date_at = next(
            (i for i, t in enumerate(texts) if len(t) < 60 and not pd.isna(parse_date(t))), None
        )
        credit = texts[:date_at] if date_at is not None else []
    else:
        credit = texts[:wc_at]
        rec.extra["length"] = int(re.sub(r"\D", "", WORD_COUNT_RE.match(texts[wc_at]).group(1)))
        date_at = wc_at + 1 if wc_at + 1 < len(texts) else None
    if credit:
        rec.extra["credit"] = "; ".join(t for t in credit if t)
    if date_at is not None:
        rec.date_raw = texts[date_at]
        _fill_tail(texts[date_at + 1 :], rec)
    if not rec.language and lang_class:
        rec.language = language_code(lang_class)
    # Inline tags (search-term <b>) must not split words, hence no separator.
    rec.text = "\n\n".join(t for t in (_text(p, "") for p in paragraphs) if t)
    an = div.find_parent("div", id=re.compile(r"^article-"))
    if an is not None:
        rec.extra["accession_number"] = an["id"][len("article-") :]
    else:
        for p in reversed(div.find_all("p")):
            m = _AN_RE.match(_text(p))
            if m:
                rec.extra["accession_number"] = m.group(1)
                break


def _fill_tail(texts: list[str], rec: Record) -> None:
    """Source name, code, edition, page, language and copyright after the date."""
    i = 0
    if i < len(texts) and _TIME_RE.match(texts[i]):
        rec.date_raw = f"{rec.date_raw} {texts[i]}".strip()
        i += 1
    if i < len(texts) and not _COPYRIGHT_RE.match(texts[i]):
        # The source name always follows the date; it is only taken for the
        # language line when no other language line follows (SN missing).
        later_language = any(is_language_name(t) for t in texts[i + 1 :])
        if not is_language_name(texts[i]) or later_language:
            rec.outlet = texts[i]
            i += 1
    if i < len(texts) and _CODE_RE.match(texts[i]) and not texts[i].isdigit():
        rec.extra["source_code"] = texts[i]
        i += 1
    edition: list[str] = []
    for t in texts[i:]:
        if not t:
            continue
        if _COPYRIGHT_RE.match(t):
            rec.extra["copyright"] = t
        elif is_language_name(t) and not rec.language:
            rec.language = language_code(t)
        elif re.fullmatch(r"[A-Z]?\d{1,4}[A-Z]?", t) and not rec.extra.get("page"):
            rec.extra["page"] = t
        else:
            edition.append(t)
    if edition:
        rec.extra["edition"] = "; ".join(edition)


def _code_rows(scope) -> list[tuple[str, object]]:
    """(code, value cell) for table rows whose first cell is a field code."""
    rows = []
    for tr in scope.find_all("tr"):
        cells = tr.find_all("td", recursive=False)
        if len(cells) < 2:
            continue
        code = clean_field(cells[0].get_text(" "))
        if _FIELD_CODE_RE.match(code):
            rows.append((code, cells[1]))
    return rows


def _fill_from_codes(rows: list[tuple[str, object]], rec: Record) -> None:
    fields: dict[str, list[str]] = {}
    body: list[str] = []
    for code, cell in rows:
        if code in ("LP", "TD"):
            paras = cell.find_all("p")
            parts = [_text(p, "") for p in paras] if paras else [_text(cell, "")]
            body.extend(t for t in parts if t)
        else:
            fields.setdefault(code, []).append(_text(cell))
    get = lambda code: "; ".join(t for t in fields.get(code, []) if t)  # noqa: E731
    rec.title = get("HD")
    rec.date_raw = get("PD")
    if get("ET"):
        rec.date_raw = f"{rec.date_raw} {get('ET')}".strip()
    rec.outlet = get("SN")
    rec.language = language_code(get("LA"))
    rec.text = "\n\n".join(body)
    for code, col in (
        ("BY", "byline"),
        ("SE", "section"),
        ("SC", "source_code"),
        ("ED", "edition"),
        ("PG", "page"),
        ("CR", "credit"),
        ("CY", "copyright"),
    ):
        if get(code):
            rec.extra[col] = get(code)
    wc = WORD_COUNT_RE.match(get("WC")) or re.match(r"\s*(\d[\d,.]*)", get("WC"))
    if wc:
        rec.extra["length"] = int(re.sub(r"\D", "", wc.group(1)))
    an = get("AN")
    if an:
        rec.extra["accession_number"] = an.split()[-1]
    if "HD" not in fields:
        rec.warn("no HD (headline) field")


def _group_code_rows(rows: list[tuple[str, object]]) -> list[list[tuple[str, object]]]:
    """Split a run of field rows into articles: a new one at each HD, one ends at AN."""
    groups: list[list[tuple[str, object]]] = []
    current: list[tuple[str, object]] = []
    for code, cell in rows:
        if code == "HD" and any(c == "HD" for c, _ in current):
            groups.append(current)
            current = []
        current.append((code, cell))
        if code == "AN":
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _position(tag: object) -> tuple[int, int]:
    """Where a tag starts in the page (html.parser records line and column)."""
    return (getattr(tag, "sourceline", None) or 0, getattr(tag, "sourcepos", None) or 0)


def parse_factiva_html(markup: str, path: str | Path, encoding: str = "") -> pd.DataFrame:
    """Parse the text of a Factiva HTML export (see :func:`read_factiva`)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    records = [rec for _, rec in sorted(_articles(soup), key=lambda item: item[0])]
    if records and not re.search(r"</(?:html|body)\s*>", markup[-4000:], re.I):
        # A saved page always closes; one that does not was cut, likely inside the last article.
        records[-1].warn(
            "truncated: the file ends in or just after this article (no closing </body> or </html>)"
        )
    if not records:
        raise ValueError(
            f"{path}: no Factiva articles found (no 'article' blocks and no HD/PD field tables)"
        )
    _accession_ids(records)
    file_warnings = []
    declared = _declared_results(soup)
    if declared is not None and declared < len(records):
        file_warnings.append(f"search summary says {declared} results, found {len(records)}")
    elif declared is not None and declared > len(records):
        file_warnings.append(
            f"export declares {declared} results, found {len(records)}: "
            "the file was cut short or is a partial download"
        )
    df = build_frame(
        records,
        path,
        "factiva_html",
        encoding=encoding,
        extra_columns=EXTRA_COLUMNS,
        file_warnings=file_warnings,
    )
    df.attrs["declared"] = declared
    return df


def _articles(soup) -> list[tuple[tuple[int, int], Record]]:
    """(page position, article) of every article block and every HD..AN run outside one.

    A page may mix the article layout and field tables (articles saved from
    both views), so both are collected and the caller sorts them by position.
    """
    containers = soup.find_all("div", class_=re.compile(r"^[a-z]{2}Article$"))
    if not containers:
        containers = soup.find_all("div", id=re.compile(r"^article-"))
    items: list[tuple[tuple[int, int], Record]] = []
    inside = {id(div) for div in containers}
    for div in containers:
        rows = _code_rows(div)
        if not rows:
            rec = Record()
            _parse_article_layout(div, rec)
            items.append((_position(div), rec))
            continue
        for k, group in enumerate(_group_code_rows(rows)):
            rec = _record_from_codes(group)
            if k:
                rec.warn("one of several HD/AN runs in one article block")
            items.append((_position(group[0][1]), rec))
    outside = [
        (code, cell)
        for code, cell in _code_rows(soup)
        if not any(id(p) in inside for p in cell.parents)
    ]
    for group in _group_code_rows(outside):
        items.append((_position(group[0][1]), _record_from_codes(group)))
    return items


def _record_from_codes(group) -> Record:
    rec = Record()
    _fill_from_codes(group, rec)
    return rec


def _accession_ids(records: list[Record]) -> None:
    """``factiva:<accession number>`` ids, unless a number repeats (then positions for all)."""
    for rec in records:
        an = rec.extra.get("accession_number")
        if an:
            rec.doc_id = f"factiva:{an}"
    ids = [r.doc_id for r in records if r.doc_id]
    if len(ids) != len(set(ids)):
        # The same accession number twice in one file: fall back to positions.
        for rec in records:
            rec.doc_id = ""


def _declared_results(soup) -> int | None:
    for tr in soup.find_all("tr"):
        cells = tr.find_all("td")
        if len(cells) >= 2 and _RESULTS_RE.match(_text(cells[0])):
            digits = re.sub(r"\D", "", _text(cells[1]))
            if digits:
                return int(digits)
    return None


def read_factiva(path: str | Path, encoding: str | None = None) -> pd.DataFrame:
    """Read a Factiva HTML export into the canonical corpus DataFrame.

    Parameters
    ----------
    path : str or Path
        The saved ``.htm``/``.html`` page, in either Factiva layout (see the
        module docstring) and any interface language whose word-count,
        date and language words are known (English, German, French,
        Spanish, Italian, Portuguese, Russian, Japanese, Korean, Chinese).
    encoding : str, optional
        Force a codec. By default it is detected from the bytes, not from
        the page's ``<meta charset>`` (Factiva pages often declare UTF-8 and
        are Windows-1252).

    Returns
    -------
    pandas.DataFrame
        One row per article. ``doc_id`` is ``factiva:<accession number>``
        when the export gives one (it is the archive's own id), else
        ``file#position``. Extra columns: ``byline``, ``section``,
        ``length`` (word count), ``source_code``, ``edition``, ``page``,
        ``credit``, ``copyright``, ``accession_number``, then the common ones.

    Raises
    ------
    ValueError
        If no Factiva article block or field table is found, or the bytes
        cannot be decoded.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> page = ('<div id="article-EXAMPL0020150414eb4e0001a" class="article">'
    ...         '<div class="article enArticle"><div id="hd">Ministers meet</div>'
    ...         '<div>120 words</div><div>14 April 2015</div><div>Example Daily</div>'
    ...         '<div>EXDLY</div><div>English</div>'
    ...         '<p class="articleParagraph">Officials met.</p></div></div>')
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "f.html"
    >>> _ = p.write_text(page, encoding="utf-8")
    >>> df = read_factiva(p)
    >>> df.loc[0, ["doc_id", "title", "outlet", "language"]].tolist()
    ['factiva:EXAMPL0020150414eb4e0001a', 'Ministers meet', 'Example Daily', 'en']
    >>> int(df.loc[0, "length"])
    120
    """
    path = Path(path)
    decoded = read_decoded(path, encoding)
    return add_file_warning(parse_factiva_html(decoded.text, path, decoded.encoding), decoded.note)
