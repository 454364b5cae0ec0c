"""Outlet names and the countries they publish in.

``toolkit/data/outlets.tsv`` lists outlets with their country and the other
spellings archives use for them ("조선일보", "Chosun Ilbo", "The Chosun Ilbo
(English)"...). Names are compared after :func:`normalize_outlet_name`, so
case, width, dots, hyphens and apostrophes do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
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
    index: dict[str, tuple[str, str]] = {}
    # Iterate in reverse so that earlier rows (the user's) win.
    for row in outlet_table(extra).iloc[::-1].itertuples(index=False):
        for name in [row.outlet, *str(row.aliases).split("|")]:
            if name.strip():
                index[normalize_outlet_name(name)] = (row.outlet, row.country)
    return index


def outlet_lookup(extra: Mapping[str, str] | str | Path | None = None) -> dict[str, str]:
    """``{normalised name or alias: country}`` (see :func:`outlet_index`).

    Examples
    --------
    >>> outlet_lookup({"Busan Ilbo": "KR"})[normalize_outlet_name("BUSAN ILBO")]
    'KR'
    """
    return {key: country for key, (_, country) in outlet_index(extra).items()}
