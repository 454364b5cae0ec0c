"""Parse the date forms found in news exports into pandas timestamps.

Handles ISO 8601 (with or without time and offset), compact ``20230531``,
dotted ``2015.04.14``, English ``April 14, 2015`` / ``14 April 2015`` /
``Apr. 14, 2015`` (with or without a weekday or a trailing time), Korean
``2015년 4월 14일`` and Japanese ``2015年4月14日``. Anything else becomes
``NaT``: the caller keeps the row and counts the failure.

Times and time zones are dropped on purpose: news is binned by the day it
was published where it was published, and mixing offsets would move
articles across midnight.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

__all__ = ["parse_date", "parse_dates"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
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
        return value.tz_localize(None).normalize() if value.tzinfo else value.normalize()
    if hasattr(value, "year") and hasattr(value, "month"):
        return pd.Timestamp(value.year, value.month, getattr(value, "day", 1))
    text = str(value).strip()
    if not text:
        return pd.NaT
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
    cache: dict[object, pd.Timestamp] = {}
    out = []
    for v in s.tolist():
        key = v if isinstance(v, (str, int, float, type(None))) else repr(v)
        if key not in cache:
            cache[key] = parse_date(v)
        out.append(cache[key])
    return pd.Series(pd.to_datetime(out), index=s.index, dtype="datetime64[ns]")
