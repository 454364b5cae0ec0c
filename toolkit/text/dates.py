"""Parse the date forms found in news exports into pandas timestamps.

Handles ISO 8601 (with or without time and offset), compact ``20230531``,
dotted ``2015.04.14``, English ``April 14, 2015`` / ``14 April 2015`` /
``Apr. 14, 2015`` (with or without a weekday or a trailing time), Korean
``2015년 4월 14일`` and Japanese ``2015年4月14日``. Anything else becomes
``NaT``: the caller keeps the row and counts the failure.

German, French, Spanish, Italian, Portuguese and Russian month names (as in
Factiva and Nexis exports made in those interface languages) are read too.

Times and time zones are dropped on purpose: news is binned by the day it
was published where it was published, and mixing offsets would move
articles across midnight.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["normalise_date_text", "parse_date", "parse_dates"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # 2015-04-14, 2015/4/14, 2015.04.14, optionally followed by a time
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    # 2015년 4월 14일, 2015年4月14日 (spaces optional)
    (re.compile(r"(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]"), "ymd"),
    # 20150414 (alone, or followed by a time)
    (re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)"), "ymd"),
    # April 14, 2015 / Apr. 14 2015
    (re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
    # 14 April 2015 / 14 Apr. 2015
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I), "dmy"),
]


# Month names in the interface languages of Factiva and Nexis exports (and of
# European CSV files); mapped to English so that one set of patterns reads them.
_FOREIGN_MONTHS = {
    # German
    "januar": "January",
    "jänner": "January",
    "februar": "February",
    "märz": "March",
    "maerz": "March",
    "april": "April",
    "mai": "May",
    "juni": "June",
    "juli": "July",
    "august": "August",
    "september": "September",
    "oktober": "October",
    "november": "November",
    "dezember": "December",
    # French
    "janvier": "January",
    "février": "February",
    "fevrier": "February",
    "mars": "March",
    "avril": "April",
    "juin": "June",
    "juillet": "July",
    "août": "August",
    "aout": "August",
    "septembre": "September",
    "octobre": "October",
    "novembre": "November",
    "décembre": "December",
    "decembre": "December",
    # Spanish
    "enero": "January",
    "febrero": "February",
    "marzo": "March",
    "abril": "April",
    "mayo": "May",
    "junio": "June",
    "julio": "July",
    "agosto": "August",
    "septiembre": "September",
    "setiembre": "September",
    "octubre": "October",
    "noviembre": "November",
    "diciembre": "December",
    # Italian
    "gennaio": "January",
    "febbraio": "February",
    "aprile": "April",
    "maggio": "May",
    "giugno": "June",
    "luglio": "July",
    "settembre": "September",
    "ottobre": "October",
    "dicembre": "December",
    # Portuguese
    "janeiro": "January",
    "fevereiro": "February",
    "março": "March",
    "maio": "May",
    "junho": "June",
    "julho": "July",
    "setembro": "September",
    "outubro": "October",
    "dezembro": "December",
    # Russian (genitive, as dates are written)
    "января": "January",
    "февраля": "February",
    "марта": "March",
    "апреля": "April",
    "мая": "May",
    "июня": "June",
    "июля": "July",
    "августа": "August",
    "сентября": "September",
    "октября": "October",
    "ноября": "November",
    "декабря": "December",
}
_FOREIGN_MONTH_RE = re.compile(
    r"(?<![^\W\d_])("
    + "|".join(sorted(map(re.escape, _FOREIGN_MONTHS), key=len, reverse=True))
    + r")\.?(?![^\W\d_])",
    re.IGNORECASE,
)


def normalise_date_text(value: str) -> str:
    """Rewrite foreign-language date words into forms the English patterns read.

    Handles German, French, Spanish, Italian, Portuguese and Russian month
    names (Factiva and Nexis interfaces), ``1er`` and ``de`` in French and
    Spanish dates, and Korean dotted dates with spaces (``2015. 4. 14.``).
    Korean ``2015년 4월 14일`` and Japanese ``2015年4月14日`` are already read
    by ``parse_date``.

    Examples
    --------
    >>> normalise_date_text("9 Januar 1993")
    '9 January 1993'
    >>> normalise_date_text("28. Februar 2012 Dienstag")
    '28 February 2012 Dienstag'
    >>> normalise_date_text("9 de enero de 1993")
    '9 January 1993'
    >>> normalise_date_text("2015. 4. 14. 오전 5:38")
    '2015.4.14 오전 5:38'
    """
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = re.sub(r"(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?", r"\1.\2.\3", text)
    text = re.sub(r"\b(\d{1,2})(?:er|o|°)(?=\s)", r"\1", text)
    # German ordinal day: "28. Februar 2012"
    text = re.sub(r"\b(\d{1,2})\.\s+(?=[^\W\d_])", r"\1 ", text)
    text = _FOREIGN_MONTH_RE.sub(lambda m: _FOREIGN_MONTHS[m.group(1).lower()], text)
    text = re.sub(r"\b(\d{1,2})\s+de\s+([A-Z][a-z]+)\s+de\s+(\d{4})", r"\1 \2 \3", text)
    return text


def parse_date(value: object) -> pd.Timestamp:
    """Parse one date; return ``NaT`` when it cannot be read.

    Examples
    --------
    >>> parse_date("2015년 4월 14일")
    Timestamp('2015-04-14 00:00:00')
    >>> parse_date("Tuesday, April 14, 2015 5:38 AM GMT")
    Timestamp('2015-04-14 00:00:00')
    >>> parse_date("not a date")
    NaT
    """
    if value is None or (isinstance(value, float) and value != value):
        return pd.NaT
    if isinstance(value, pd.Timestamp):
        stamp = value.tz_localize(None).normalize() if value.tzinfo else value.normalize()
        return _held(stamp)
    if hasattr(value, "year") and hasattr(value, "month"):
        return _held(pd.Timestamp(value.year, value.month, getattr(value, "day", 1)))
    text = str(value).strip()
    if not text:
        return pd.NaT
    stamp = _match_date(text)
    if stamp is pd.NaT:
        # second chance: German, French, Spanish ... month names, "1er", "2015. 4. 14."
        normalised = normalise_date_text(text)
        if normalised != text:
            stamp = _match_date(normalised)
    return _held(stamp)


def _held(stamp: pd.Timestamp) -> pd.Timestamp:
    """``stamp``, or NaT when a ``datetime64[ns]`` column cannot hold it (before
    1677-09-22 or after 2262-04-11: in an archive export, a mistyped year such as
    "1015"). It is then an unreadable date like any other (the loader keeps the
    text in ``date_raw`` and counts it), not an error that stops the whole load."""
    if stamp is pd.NaT or pd.Timestamp.min <= stamp <= pd.Timestamp.max:
        return stamp
    return pd.NaT


def _match_date(text: str) -> pd.Timestamp:
    for pattern, order in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        a, b, c = m.groups()
        if order == "ymd":
            y, mo, d = int(a), int(b), int(c)
        elif order == "mdy":
            y, mo, d = int(c), _MONTHS[a.lower()], int(b)
        else:
            y, mo, d = int(c), _MONTHS[b.lower()], int(a)
        try:
            return pd.Timestamp(y, mo, d)
        except ValueError:
            return pd.NaT
    return pd.NaT


def parse_dates(values: Iterable[object]) -> pd.Series:
    """Parse many dates; each distinct string is parsed once.

    Returns a ``datetime64[ns]`` Series aligned with the input (its index is
    kept when ``values`` is a Series).

    Examples
    --------
    >>> parse_dates(["20230531", "2015年4月14日", "", None]).tolist()
    [Timestamp('2023-05-31 00:00:00'), Timestamp('2015-04-14 00:00:00'), NaT, NaT]
    """
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if pd.api.types.is_datetime64_any_dtype(s):
        s = s.dt.tz_localize(None) if getattr(s.dt, "tz", None) is not None else s
        return s.dt.normalize()
    # Each distinct value (the first of those with an equal key) is parsed
    # once, and every value takes its distinct value's date by position.
    slot: dict[object, int] = {}
    firsts: list[object] = []
    codes = []
    for v in s.tolist():
        key = v if isinstance(v, (str, int, float, type(None))) else repr(v)
        i = slot.get(key)
        if i is None:
            i = slot[key] = len(firsts)
            firsts.append(v)
        codes.append(i)
    days = np.full(len(firsts), np.datetime64("NaT"), dtype="datetime64[ns]")
    iso = [i for i, v in enumerate(firsts) if type(v) is str and _plain_iso_day(v)]
    if iso:
        # one vectorised parse for plain YYYY-MM-DD: the first of _PATTERNS
        # reads it as pandas does (an impossible day is NaT both ways)
        days[iso] = pd.to_datetime(
            pd.Series([firsts[i] for i in iso], dtype=object), format="%Y-%m-%d", errors="coerce"
        ).to_numpy(dtype="datetime64[ns]")
    rest = np.setdiff1d(np.arange(len(firsts)), iso).tolist() if iso else range(len(firsts))
    stamps = [parse_date(firsts[i]) for i in rest]
    if any(stamp is not pd.NaT for stamp in stamps):  # days are NaT already
        # every stamp fits datetime64[ns] (parse_date gives NaT otherwise)
        days[list(rest)] = pd.Series(pd.to_datetime(stamps), dtype="datetime64[ns]").to_numpy()
    return pd.Series(days[np.asarray(codes, dtype=np.intp)], index=s.index, dtype="datetime64[ns]")


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _plain_iso_day(text: str) -> bool:
    """``YYYY-MM-DD`` and nothing else, in years datetime64[ns] holds with room to spare."""
    return len(text) == 10 and _ISO_DAY.match(text) is not None and 1700 <= int(text[:4]) <= 2200
