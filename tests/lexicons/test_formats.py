"""LIWC, Lexicoder and WordStat readers, on tiny constructed fixture files."""

from __future__ import annotations

import pytest

from tests._paths import FIXTURES
from toolkit.lexicons.dictionary import DictionaryError, load_dictionary
from toolkit.lexicons.formats import READERS, read_cat, read_dic, read_lc3

FIX = FIXTURES / "tone"


def test_liwc_dic_categories_multiword_and_conditional_code():
    d = load_dictionary(FIX / "mini_liwc.dic")
    # Written out by hand from the fixture file.
    assert d.categories == {
        "posemo": ["cooperat*", "good will", "ally"],
        "negemo": ["frayed", "tension*"],
        "social": ["cooperat*", "like", "ally"],
    }
    assert d.count(["Cooperation", "amid", "tensions", "and", "good", "will"]) == {
        "posemo": 2,
        "negemo": 1,
        "social": 1,
    }


def test_lexicoder_lc3_lsd_layout():
    d = load_dictionary(FIX / "mini_lsd.lc3")
    assert list(d.categories) == ["negative", "positive", "neg_positive", "neg_negative"]
    assert d.categories["neg_positive"] == ["not good", "not cooperat*"]
    assert d.count(["not", "cooperating"])["neg_positive"] == 1


def test_wordstat_cat_nesting_and_weights():
    d = load_dictionary(FIX / "mini_wordstat.cat")
    assert d.categories == {
        "NEWS TONE.NEGATIVE": ["FRAYED", "TENSION*", "PROVOCAT*"],
        "NEWS TONE.POSITIVE": ["COOPERAT*", "GOOD WILL"],
    }
    assert d.values == {("NEWS TONE.NEGATIVE", "PROVOCAT*"): 2.0}
    # case-insensitive matching of upper-case WordStat entries
    assert d.count(["provocations"])["NEWS TONE.NEGATIVE"] == 1


def test_registry_names():
    assert READERS["dic"] is read_dic and READERS["lc3"] is read_lc3 and READERS["cat"] is read_cat


@pytest.mark.parametrize(
    "reader, text, line",
    [
        (read_dic, "%\n1\tposemo\n%\ngood\t1\nbad\t7\n", 5),  # unknown category 7
        (read_dic, "%\n1\tposemo\n%\ngood\t1\nbad\n", 5),  # no codes
        (read_dic, "%\nposemo\n%\ngood\t1\n", 2),  # legend without a number
        (read_dic, "good\t1\n", 1),  # no legend
        (read_dic, "%\n1\tposemo\n%\ngood\tx1\n", 4),  # code not a number
        (read_lc3, "frayed\n+negative\ntension\n", 1),  # pattern before category
        (read_lc3, "+negative\nfrayed\n+\n", 3),  # empty category name
        (read_cat, "\tFRAYED (1)\n", 1),  # entry before category
        (read_cat, "NEG\n\t\tFRAYED (x)\n", 2),  # weight not a number
        (read_cat, "NEG\n\t\tSUB\n\t\t\tFRAYED (1)\n", 2),  # category skips a level
    ],
)
def test_malformed_line_is_named(reader, text, line):
    with pytest.raises(DictionaryError, match=rf"line {line}\b"):
        reader(text, "x.test")


def test_load_dictionary_error_names_file(tmp_path):
    bad = tmp_path / "broken.lc3"
    bad.write_text("\n\nfrayed\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"broken\.lc3: line 3"):
        load_dictionary(bad)
