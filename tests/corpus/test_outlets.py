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


def _old_outlet_index(extra=None) -> dict:
    """outlet_index as written before the bundled table was cached (oracle)."""
    table = pd.read_csv(
        toolkit.data.data_path("outlets.tsv"), sep="\t", comment="#", dtype=str
    ).fillna("")
    if extra is not None:
        user = pd.DataFrame(
            {"outlet": list(extra), "country": list(extra.values()), "kind": "", "aliases": ""}
        )
        table = pd.concat([user[table.columns], table], ignore_index=True)
    index = {}
    for row in table.iloc[::-1].itertuples(index=False):
        for name in [row.outlet, *str(row.aliases).split("|")]:
            if name.strip():
                index[normalize_outlet_name(name)] = (row.outlet, row.country)
    return index


def test_bundled_table_is_what_pandas_reads():
    expected = pd.read_csv(
        toolkit.data.data_path("outlets.tsv"), sep="\t", comment="#", dtype=str
    ).fillna("")
    pd.testing.assert_frame_equal(outlet_table(), expected, check_exact=True)
    # a fresh frame each call: changing one does not change the next
    changed = outlet_table()
    changed.loc[0, "country"] = "XX"
    assert changed.loc[0, "country"] == "XX"
    pd.testing.assert_frame_equal(outlet_table(), expected, check_exact=True)


def test_index_equals_the_table_loop():
    assert outlet_index() == _old_outlet_index()
    assert list(outlet_index()) == list(_old_outlet_index())
    extra = {"Busan Ilbo": "KR", "Asahi Shimbun": "XX"}
    assert outlet_index(extra) == _old_outlet_index(extra)
    # the cached index is not handed out: changing a result changes nothing
    outlet_index().clear()
    assert outlet_index() == _old_outlet_index()


def test_plain_tsv_reading_against_pandas():
    import io

    from toolkit.corpus.outlets import _read_bundled_tsv

    text = "# note\nouter\tcountry\tkind\taliases\nA Daily\tKR\t\tA|B # trailing note\nC\tJP\n\n"
    header, rows = _read_bundled_tsv(text)
    expected = pd.read_csv(io.StringIO(text), sep="\t", comment="#", dtype=str).fillna("")
    assert list(header) == list(expected.columns)
    assert [list(r) for r in rows] == expected.values.tolist()
    # what pandas reads by its own rules is left to pandas
    for odd in ('a\tb\n"x\ty"\tz\n', "a\tb\nNA\tz\n", "a\tb\n   \nx\ty\n", "a\tb\nx\ty\tz\n"):
        assert _read_bundled_tsv(odd) is None
