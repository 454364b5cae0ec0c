"""toolkit.corpus.outlets: name normalisation and the outlet -> country lookup."""

from __future__ import annotations

import pandas as pd

import toolkit
from toolkit.corpus.outlets import (
    normalize_outlet_name,
    outlet_index,
    outlet_lookup,
    outlet_table,
)


def test_normalize_outlet_name():
    assert normalize_outlet_name("  The Korea-Times. ") == "the korea times"
    assert normalize_outlet_name("ＡＳＡＨＩ") == "asahi"  # full-width letters (NFKC)
    assert normalize_outlet_name("Yomiuri’s") == normalize_outlet_name("yomiuri s")


def test_user_rows_win_and_aliases_resolve():
    table = pd.read_csv(
        toolkit.data.data_path("outlets.tsv"), sep="\t", comment="#", dtype=str
    ).fillna("")
    row = table[table["aliases"] != ""].iloc[0]
    alias = row["aliases"].split("|")[0]
    index = outlet_index()
    assert index[normalize_outlet_name(alias)] == (row["outlet"], row["country"])
    # a user row for the same name takes precedence over the bundled table
    other = "JP" if row["country"] != "JP" else "KR"
    assert outlet_lookup({row["outlet"]: other})[normalize_outlet_name(row["outlet"])] == other
    assert outlet_table({"Busan Ilbo": "KR"}).iloc[0].tolist() == ["Busan Ilbo", "KR", "", ""]


def test_public_names_come_from_their_new_modules():
    assert toolkit.outlet_table is outlet_table
    assert toolkit.detect_language.__module__ == "toolkit.text.language"
