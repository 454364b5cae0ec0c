"""House-style folding: variants of one word are one term in keyness between outlets.

Every article text in this file is constructed for the tests: two invented
outlets report the same invented events, one in a British house style (Mr, US,
curly apostrophes, "defence") and one in an American house style (Mr., U.S.,
straight apostrophes, "defense"). No real outlet's text and no real person's
words are used.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.measures.keyterms import keyness
from toolkit.tokens.house_style import fold_terms, folder, variant_table
from toolkit.tokens.tokenizer import default_stopwords, tokenize

# One template per article; {mr}, {us} ... are filled in each outlet's style.
_TEMPLATES = [
    "{mr} Park said the {us} would send envoys to Tokyo. Seoul{s} envoy told us the talks went well.",
    "{mr} Sato met {mr} Park in Seoul. The {us} ambassador said the {defence} ministers will meet.",
    "Seoul{s} foreign ministry said the {us} pact was on track. {mr} Park said he {dont} expect delays.",
    "The {defence} budget rose. {mr} Sato said Tokyo{s} plans for the {us} alliance {dont} change.",
    "Protesters asked us to report the rally. {mr} Park said the {us} side had been told.",
]
_UK = {"mr": "Mr", "us": "US", "s": "\u2019s", "defence": "defence", "dont": "don\u2019t"}
_US = {"mr": "Mr.", "us": "U.S.", "s": "'s", "defence": "defense", "dont": "don't"}
# Content that really differs between the two outlets: the British one writes
# about tariffs, the American one about the summit.
_UK_EXTRA = "Tariffs on chips worried exporters, and tariffs dominated the day."
_US_EXTRA = "The summit schedule slipped, and the summit host apologized."


def _corpus(copies: int = 6) -> pd.DataFrame:
    rows = []
    for outlet, style, extra in (("Britpaper", _UK, _UK_EXTRA), ("Amerpost", _US, _US_EXTRA)):
        for i in range(copies):
            for j, tpl in enumerate(_TEMPLATES):
                text = tpl.format(**style) + (" " + extra if j % 2 == 0 else "")
                rows.append({"doc_id": f"{outlet}-{i}-{j}", "outlet": outlet, "text": text})
    return pd.DataFrame(rows)


STYLE_TERMS = {
    "mr",
    "mr.",
    "us",
    "u.s.",
    "u.s",
    "'s",
    "\u2019s",
    "defence",
    "defense",
    "n't",
    "n\u2019t",
}


def test_variants_are_not_keywords_between_outlets():
    out = keyness(_corpus(), "Britpaper", by="outlet", method="lr")
    key = out[out["p_adj"] < 0.05]
    # the real differences are still found, on both sides
    assert {"tariffs", "summit"} <= set(key["term"])
    assert not (set(key["term"]) & STYLE_TERMS), key[["term", "G2"]]
    assert not (_top10(out) & STYLE_TERMS)
    # counted together: 'mr' has every title of both outlets (hand count: 1 +
    # 2 + 1 + 1 + 1 in the five templates, 6 copies per outlet)
    row = out.set_index("term").loc["mr"]
    assert (row["target_count"], row["reference_count"]) == (36, 36)
    assert abs(row["log_ratio"]) < 0.05 and row["p"] > 0.5  # totals differ a little


def _top10(out: pd.DataFrame) -> set[str]:
    """The ten terms with the largest |G2|, on either side."""
    return set(
        out.loc[out["G2"].abs().sort_values(ascending=False, kind="stable").index[:10], "term"]
    )


def test_without_folding_the_style_sheet_is_what_differs():
    out = keyness(_corpus(), "Britpaper", by="outlet", method="lr", house_style=False)
    key = set(out.loc[out["p_adj"] < 0.05, "term"])
    assert {"mr", "mr.", "u.s.", "defence", "defense"} <= key
    assert {"mr", "mr."} <= _top10(out)


def test_country_us_is_kept_apart_from_the_pronoun():
    out = keyness(_corpus(), "Britpaper", by="outlet", method="lr").set_index("term")
    # "told us" and "asked us" in every copy of both outlets: 2 per copy
    assert (out.loc["us", "target_count"], out.loc["us", "reference_count"]) == (12, 12)
    # the country: once in each of the five templates, 6 copies per outlet
    assert out.loc["u.s.", "target_count"] == out.loc["u.s.", "reference_count"] == 30


def test_folded_variants_are_recorded():
    out = keyness(_corpus(1), "Britpaper", by="outlet")
    folded = out.attrs["house_style_folded"]
    assert folded["Mr."] == "Mr" and folded["US"] == "U.S." and folded["\u2019s"] == "'s"
    assert out.attrs["params"]["house_style"] is True


def test_sentence_final_abbreviation_and_case():
    assert fold_terms(
        ["U.S", "U.S.", "US", "Us", "us", "MR.", "mr.", "Defence", "Labour", "labour"]
    ) == [
        "U.S.",
        "U.S.",
        "U.S.",
        "Us",
        "us",
        "MR",
        "mr",
        "Defense",
        "Labour",
        "labor",
    ]


def test_curly_and_straight_possessive_fold_together():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["x", "y"],
            "text": ["Seoul\u2019s plan and Tokyo\u2019s plan.", "Seoul's plan and Tokyo 's plan."],
        }
    )
    out = keyness(corpus, "x", by="outlet", method="lr").set_index("term")
    assert (out.loc["'s", "target_count"], out.loc["'s", "reference_count"]) == (2, 2)
    assert "\u2019s" not in out.index


def test_a_user_table_replaces_the_bundled_one(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# my own table\nvariant\tcanonical\tmatch\nTakeshima\tDokdo\ttoken\n", encoding="utf-8"
    )
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "g": ["x", "y"],
            "text": ["Takeshima and Mr. Abe.", "Dokdo and Mr Abe."],
        }
    )
    out = keyness(corpus, "x", by="g", house_style=path).set_index("term")
    assert out.loc["dokdo", "target_count"] == 1 and "takeshima" not in out.index
    assert "mr." in out.index  # the bundled rules are not applied on top
    table = pd.DataFrame({"variant": ["Mr."], "canonical": ["Mr"], "match": ["token_nocase"]})
    out2 = keyness(corpus, "x", by="g", house_style=table).set_index("term")
    assert out2.loc["mr", "target_count"] == 1 and "mr." not in out2.index


def test_reference_frequency_list_is_folded_too():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Mr Kim and the US."]})
    ref = {"mr.": 5, "mr": 5, "u.s.": 3, "kim": 1}
    out = keyness(corpus, [True], reference=ref).set_index("term")
    assert out.loc["mr", "reference_count"] == 10
    assert "mr." not in out.index


@pytest.mark.parametrize(
    "text, message",
    [
        ("variant\tcanonical\n", "lacks column"),
        ("variant\tcanonical\tmatch\nx\ty\tword\n", "match must be one of"),
        ("variant\tcanonical\tmatch\nab\ty\tchar\n", "one character"),
        (
            "variant\tcanonical\tmatch\nMr.\tMr\ttoken_nocase\nmr.\tMister\ttoken_nocase\n",
            "two canonical",
        ),
    ],
)
def test_bad_tables_are_rejected(tmp_path, text, message):
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        variant_table(path)


def test_bundled_table_is_consistent():
    table = variant_table()
    assert {"apostrophe", "title", "abbreviation", "spelling"} == set(table["group"])
    assert (table["note"] != "").all()  # every row says why it is there
    fold = folder()
    # folding is idempotent: a canonical form is not itself folded further
    for canon in table["canonical"]:
        assert fold(canon) == canon
    assert folder(False)("Mr.") == "Mr."


def test_curly_clitics_are_stopwords_like_the_straight_ones():
    stop = default_stopwords()
    for clitic in ("s", "re", "ve", "ll", "d", "m"):
        assert "'" + clitic in stop and "\u2019" + clitic in stop
    # negation stays visible, in either spelling
    assert not {"not", "n't", "n\u2019t"} & stop


def test_folding_keeps_every_token_count():
    corpus = _corpus(2)
    on = keyness(corpus, "Britpaper", by="outlet")
    off = keyness(corpus, "Britpaper", by="outlet", house_style=False)
    # folding merges terms, it never drops or adds tokens
    assert on["target_total"].iloc[0] == off["target_total"].iloc[0]
    assert on["target_count"].sum() == off["target_count"].sum()
    assert np.isclose(on["reference_count"].sum(), off["reference_count"].sum())


def test_cached_folding_gives_the_same_table_and_follows_the_filters():
    tk = tokenize(_corpus(1))
    first = keyness(tk, "Britpaper", by="outlet")
    second = keyness(tk, "Britpaper", by="outlet")  # the folding now comes from the cache
    pd.testing.assert_frame_equal(first, second)
    assert first.attrs["house_style_folded"] == second.attrs["house_style_folded"]
    # Hand count over the five British templates: "Mr" 6 times, "US" (the
    # country) 5 times, "us" (the pronoun) twice.
    cased = keyness(tk, "Britpaper", by="outlet", lower=False).set_index("term")
    assert cased.loc["Mr", "target_count"] == 6
    assert cased.loc["U.S.", "target_count"] == 5
    assert cased.loc["us", "target_count"] == 2
    lower = keyness(tk, "Britpaper", by="outlet").set_index("term")
    assert "Mr" not in lower.index and lower.loc["mr", "target_count"] == 6
    assert lower.loc["u.s.", "target_count"] == 5 and lower.loc["us", "target_count"] == 2
