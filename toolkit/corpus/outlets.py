"""Outlet names and the countries they publish in.

``toolkit/data/outlets.tsv`` lists outlets with their country and the other
spellings archives use for them ("조선일보", "Chosun Ilbo", "The Chosun Ilbo
(English)"...). Names are compared after :func:`normalize_outlet_name`, so
case, width, dots, hyphens and apostrophes do not matter.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from toolkit.data import data_path

__all__ = ["normalize_outlet_name", "outlet_index", "outlet_lookup", "outlet_table"]


def normalize_outlet_name(name: str) -> str:
    """The form outlet names are compared in: NFKC, casefolded, punctuation runs as one space.

    Examples
    --------
    >>> normalize_outlet_name("The  Korea-Times.")
    'the korea times'
    >>> normalize_outlet_name("ＮＨＫ") == normalize_outlet_name("nhk")
    True
    """
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
    header, rows = _bundled_rows()
    table = pd.DataFrame([list(r) for r in rows], columns=list(header), dtype=str)
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


# Fields pandas reads as missing by default (its documented na_values), which
# the table has as "": a bundled field like these is left to pandas to read.
_PANDAS_NA = {"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND"}
_PANDAS_NA |= {"1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"}


def _read_bundled_tsv(text: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]] | None:
    """(header, rows) of ``outlets.tsv`` as ``pd.read_csv(sep="\\t", comment="#",
    dtype=str).fillna("")`` reads it, or None where the plain reading might differ."""
    lines = [line.split("#", 1)[0] for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines or any('"' in line or not line.strip() for line in lines):
        return None  # quoting or blank-looking lines: pandas' rules
    header, *body = (tuple(line.split("\t")) for line in lines)
    rows = []
    for fields in body:
        if len(fields) > len(header) or any(f in _PANDAS_NA and f for f in fields):
            return None
        rows.append(fields + ("",) * (len(header) - len(fields)))
    return header, rows


@functools.lru_cache(maxsize=1)
def _bundled_rows() -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The bundled table's (header, rows), read once per process.

    Read without pandas when its plain form allows (the first call of the
    loader otherwise pays for a CSV parser and an Arrow string table).
    """
    path = data_path("outlets.tsv")
    plain = _read_bundled_tsv(path.read_text(encoding="utf-8"))
    if plain is not None:
        return plain[0], tuple(plain[1])
    table = pd.read_csv(path, sep="\t", comment="#", dtype=str).fillna("")
    return tuple(table.columns), tuple(tuple(r) for r in table.values.tolist())


@functools.lru_cache(maxsize=1)
def _bundled_index() -> dict[str, tuple[str, str]]:
    header, rows = _bundled_rows()
    at = {name: i for i, name in enumerate(header)}
    return _index_of((r[at["outlet"]], r[at["country"]], r[at["aliases"]]) for r in reversed(rows))


def _index_of(rows: Iterable[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """``{normalised name or alias: (outlet, country)}`` of (outlet, country, aliases)
    rows; a later row overwrites an earlier one."""
    index: dict[str, tuple[str, str]] = {}
    for outlet, country, aliases in rows:
        for name in [outlet, *str(aliases).split("|")]:
            if name.strip():
                index[normalize_outlet_name(name)] = (outlet, country)
    return index


def outlet_index(
    extra: Mapping[str, str] | str | Path | None = None,
) -> dict[str, tuple[str, str]]:
    """``{normalised name or alias: (the table's outlet name, country)}``; user rows win.

    Examples
    --------
    >>> index = outlet_index({"Busan Ilbo": "KR"})
    >>> index[normalize_outlet_name("BUSAN ILBO")]
    ('Busan Ilbo', 'KR')
    """
    if extra is None:
        return dict(_bundled_index())  # a copy: the caller may change it
    # Iterate in reverse so that earlier rows (the user's) win.
    rows = outlet_table(extra).iloc[::-1]
    return _index_of(zip(rows["outlet"], rows["country"], rows["aliases"], strict=True))


def outlet_lookup(extra: Mapping[str, str] | str | Path | None = None) -> dict[str, str]:
    """``{normalised name or alias: country}`` (see :func:`outlet_index`).

    Examples
    --------
    >>> outlet_lookup({"Busan Ilbo": "KR"})[normalize_outlet_name("BUSAN ILBO")]
    'KR'
    """
    return {key: country for key, (_, country) in outlet_index(extra).items()}
