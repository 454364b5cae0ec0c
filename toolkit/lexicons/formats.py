"""Readers for the dictionary file formats of LIWC, Lexicoder and WordStat.

:func:`toolkit.lexicons.dictionary.load_dictionary` picks a reader from
:data:`READERS` by file extension (or ``format=``). Each reader takes the
file's text and a label for messages and returns ``(categories, values)``:
category -> patterns, and (category, pattern) -> numeric value for entries
that carry one. A malformed line raises
:class:`~toolkit.lexicons.dictionary.DictionaryError` naming the file and line.

Formats
-------
LIWC ``.dic``
    A legend between two ``%`` lines (``<id> <name>`` per line), then one
    entry per line: the pattern followed by the ids of its categories,
    separated by tabs or spaces. A pattern may contain spaces (multi-word
    entry) when the ids are tab-separated. LIWC2007's context-dependent codes
    such as ``(02 134)125/464`` are read as their default category (the id
    after ``/``), because the toolkit's matcher does not condition on the
    preceding word.
Lexicoder ``.lc3``
    ``+category`` lines open a category; every other non-blank line is a
    pattern of the current category. This is the format of the Lexicoder
    Sentiment Dictionary (LSD2015), whose licence does not allow shipping it:
    point :func:`~toolkit.lexicons.dictionary.load_dictionary` at your own copy.
WordStat ``.cat`` (also used to distribute Lexicoder dictionaries)
    Categories are lines without a trailing weight; entries end with a
    weight in brackets, ``ABANDON* (1)``. Tab indentation nests categories;
    nested names are joined with ``.``. The weight is kept as the entry's
    value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["READERS", "DictionaryError", "read_cat", "read_dic", "read_lc3"]


class DictionaryError(ValueError):
    """A dictionary file or mapping is malformed (the message names the line)."""


Result = tuple[dict[str, list[str]], dict[tuple[str, str], float]]

_CODE = re.compile(r"^\d+$")
_CONDITIONAL = re.compile(r"^(?:\([\d ]+\))?\d*(?:/(\d+))?$")


def _split_dic_entry(line: str) -> tuple[str, list[str]]:
    """Pattern and category codes of one LIWC entry line."""
    if "\t" in line:
        parts = [p.strip() for p in line.split("\t") if p.strip()]
        return parts[0], parts[1:]
    parts = line.split()
    # Space-separated files: the pattern is whatever precedes the first code.
    i = 1
    while i < len(parts) and not (_CODE.match(parts[i]) or parts[i].startswith("(")):
        i += 1
    return " ".join(parts[:i]), parts[i:]


def _dic_codes(codes: list[str], source: str, lineno: int) -> list[str]:
    out: list[str] = []
    joined = " ".join(codes)
    # Conditional codes may contain spaces inside the brackets: "(02 134)125/464".
    for token in re.findall(r"\([^)]*\)\S*|\S+", joined):
        if _CODE.match(token):
            out.append(str(int(token)))
            continue
        m = _CONDITIONAL.match(token)
        if m and m.group(1):
            out.append(str(int(m.group(1))))
            continue
        raise DictionaryError(f"{source}: line {lineno}: category code {token!r} is not a number")
    return out


def read_dic(text: str, source: str = "<dic>") -> Result:
    """Read a LIWC ``.dic`` dictionary.

    Examples
    --------
    >>> cats, _ = read_dic("%\\n1\\tposemo\\n2\\tnegemo\\n%\\ngood*\\t1\\nworr*\\t2\\n")
    >>> cats
    {'posemo': ['good*'], 'negemo': ['worr*']}
    """
    lines = text.splitlines()
    marks = [i for i, ln in enumerate(lines) if ln.strip() == "%"]
    if len(marks) < 2:
        where = marks[0] + 1 if marks else 1
        raise DictionaryError(
            f"{source}: line {where}: a LIWC dictionary starts with a category legend "
            "between two '%' lines"
        )
    legend: dict[str, str] = {}
    for i in range(marks[0] + 1, marks[1]):
        ln = lines[i].strip()
        if not ln:
            continue
        parts = ln.split(None, 1)
        if len(parts) != 2 or not _CODE.match(parts[0]):
            raise DictionaryError(
                f"{source}: line {i + 1}: expected '<number> <category>' in the legend, got {ln!r}"
            )
        legend[str(int(parts[0]))] = parts[1].strip()
    cats: dict[str, list[str]] = {name: [] for name in legend.values()}
    for i in range(marks[1] + 1, len(lines)):
        ln = lines[i].strip()
        if not ln:
            continue
        pattern, codes = _split_dic_entry(ln)
        if not codes:
            raise DictionaryError(
                f"{source}: line {i + 1}: entry {pattern!r} has no category codes"
            )
        for code in _dic_codes(codes, source, i + 1):
            if code not in legend:
                raise DictionaryError(
                    f"{source}: line {i + 1}: category {code} is not in the legend"
                )
            cats[legend[code]].append(pattern)
    return cats, {}


def read_lc3(text: str, source: str = "<lc3>") -> Result:
    """Read a Lexicoder ``.lc3`` dictionary (``+category`` lines, then patterns).

    Examples
    --------
    >>> read_lc3("+negative\\nfrayed\\ntension*\\n+positive\\ngood will\\n")[0]
    {'negative': ['frayed', 'tension*'], 'positive': ['good will']}
    """
    cats: dict[str, list[str]] = {}
    current: str | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        ln = raw.strip()
        if not ln:
            continue
        if ln.startswith("+"):
            current = ln[1:].strip()
            if not current:
                raise DictionaryError(f"{source}: line {lineno}: '+' without a category name")
            cats.setdefault(current, [])
            continue
        if current is None:
            raise DictionaryError(
                f"{source}: line {lineno}: pattern {ln!r} comes before any '+category' line"
            )
        cats[current].append(ln)
    if not cats:
        raise DictionaryError(f"{source}: no '+category' lines found")
    return cats, {}


_WEIGHT = re.compile(r"^(?P<pat>.+?)\s*\((?P<w>[^()]*)\)\s*$")


def read_cat(text: str, source: str = "<cat>") -> Result:
    """Read a WordStat ``.cat`` dictionary (tab-indented categories, entries with a weight).

    Examples
    --------
    >>> text = "TONE\\n\\tNEGATIVE\\n\\t\\tFRAYED (1)\\n\\tPOSITIVE\\n\\t\\tGOOD WILL (1)\\n"
    >>> read_cat(text)[0]
    {'TONE.NEGATIVE': ['FRAYED'], 'TONE.POSITIVE': ['GOOD WILL']}
    """
    cats: dict[str, list[str]] = {}
    values: dict[tuple[str, str], float] = {}
    path: list[str] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        stripped = raw.lstrip("\t")
        depth = len(raw) - len(stripped)
        if stripped[:1].isspace():
            # Space indentation: four spaces count as one level, as editors write tabs.
            spaces = len(stripped) - len(stripped.lstrip(" "))
            depth += spaces // 4
            stripped = stripped.lstrip()
        ln = stripped.rstrip()
        m = _WEIGHT.match(ln)
        if m:
            if not path:
                raise DictionaryError(
                    f"{source}: line {lineno}: entry {ln!r} comes before any category"
                )
            if depth > len(path):
                raise DictionaryError(
                    f"{source}: line {lineno}: entry indented deeper than its category"
                )
            try:
                weight = float(m.group("w"))
            except ValueError:
                raise DictionaryError(
                    f"{source}: line {lineno}: weight {m.group('w')!r} is not a number"
                ) from None
            cat = ".".join(path[:depth] if depth else path)
            pat = m.group("pat").strip()
            cats.setdefault(cat, []).append(pat)
            if weight != 1.0:
                values[(cat, pat)] = weight
            continue
        if depth > len(path):
            raise DictionaryError(
                f"{source}: line {lineno}: category {ln!r} is indented {depth} levels "
                f"under a parent at level {len(path) - 1}"
            )
        path = [*path[:depth], ln]
        cats.setdefault(".".join(path), [])
    cats = {k: v for k, v in cats.items() if v}
    if not cats:
        raise DictionaryError(
            f"{source}: no entries found (entries end with a weight, e.g. 'word (1)')"
        )
    return cats, values


READERS: dict[str, Callable[[str, str], Result]] = {
    "dic": read_dic,
    "liwc": read_dic,
    "lc3": read_lc3,
    "lexicoder": read_lc3,
    "cat": read_cat,
    "wordstat": read_cat,
}
