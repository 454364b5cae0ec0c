"""Contested naming: every variant, hedged forms, traps, and the counts by group.

All example sentences are CONSTRUCTED for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.actors import actor_mentions
from toolkit.naming import naming, naming_lexicon, naming_lines, naming_table


def corpus(*texts: str, **cols) -> pd.DataFrame:
    data = {"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)}
    data.update(cols)
    return pd.DataFrame(data)


def found(text: str) -> list[tuple[str, str]]:
    lines = naming_lines(corpus(text))
    return list(zip(lines["referent"], lines["variant"], strict=True))


# (constructed sentence, the one (referent, variant) it must produce)
CASES = [
    ("Korean coast guard ships patrol near Dokdo every day.", ("dokdo", "dokdo")),
    ("Shimane marks Takeshima Day each February.", ("dokdo", "takeshima")),
    ("The Liancourt Rocks lie far from both coasts.", ("dokdo", "liancourt_rocks")),
    ("Seoul calls them Korea's easternmost islets on every map.", ("islets_status", "korean_territory")),
    ("Tokyo describes them as an inherent part of its land.", ("islets_status", "inherent_territory")),
    ("Patrols near the disputed islets continued.", ("islets_status", "disputed")),
    ("The drill took place in the East Sea on Monday.", ("sea_name", "east_sea")),
    ("The missile fell into the Sea of Japan on Monday.", ("sea_name", "sea_of_japan")),
    ("The missile fell into the Japan Sea on Monday.", ("sea_name", "sea_of_japan")),
    ("The survivors among the comfort women met the press.", ("comfort_women", "comfort_women")),
    ("Activists spoke of sex slaves held by the army.", ("comfort_women", "sex_slaves")),
    ("Victims of Japan's wartime sexual slavery rallied.", ("comfort_women", "sexual_slavery")),
    ("Women were forced to work in Japanese military brothels.",
     ("comfort_women", "forced_prostitution")),
    ("The court ruled for victims of forced labor on Tuesday.", ("forced_labor", "forced_labor")),
    ("Koreans were forced to work in mines and factories.", ("forced_labor", "forced_labor")),
    ("Four wartime laborers won their case.", ("forced_labor", "wartime_laborers")),
    ("Tokyo referred to former civilian workers from the Korean Peninsula.",
     ("forced_labor", "workers_from_peninsula")),
    ("The daily wrote about former requisitioned workers.",
     ("forced_labor", "requisitioned_workers")),
    ("The release of treated water began in August.", ("fukushima_water", "treated_water")),
    ("The release of ALPS-treated water began in August.", ("fukushima_water", "treated_water")),
    ("The release of treated radioactive water began in August.",
     ("fukushima_water", "treated_radioactive_water")),
    ("Beijing condemned the nuclear-contaminated water.", ("fukushima_water", "contaminated_water")),
    ("Protesters opposed dumping radioactive water into the sea.",
     ("fukushima_water", "radioactive_water")),
    ("State media criticized the nuclear wastewater plan.", ("fukushima_water", "wastewater")),
    ("Japan tightened export controls in July.", ("export_measures", "export_controls")),
    ("Export curbs on three materials took effect.", ("export_measures", "export_restrictions")),
    ("Seoul called it economic retaliation for the rulings.",
     ("export_measures", "economic_retaliation")),
    ("Tokyo said it was a review of export management.", ("export_measures", "export_management")),
    ("The Rising Sun flag flew from the destroyer.", ("rising_sun", "rising_sun_flag")),
    ("Activists called it a war criminal flag.", ("rising_sun", "war_criminal_flag")),
    ("Textbooks describe colonial rule in a single page.", ("colonial_period", "colonial_rule")),
    ("Older people still remember the Japanese occupation.", ("colonial_period", "occupation")),
    ("The annexation treaty was signed in 1910.", ("colonial_period", "annexation")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[1][1] + str(i) for i, c in enumerate(CASES)])
def test_every_variant(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


def test_every_bundled_variant_has_a_case_and_documentation() -> None:
    table = naming_table()
    covered = {v for _, (_, v) in CASES}
    assert set(table["variant"]) == covered
    assert (table["signals"].str.len() > 10).all()
    assert (table["referent_label"] != table["referent"]).all()  # every referent documented


@pytest.mark.parametrize(
    "text,variants",
    [
        ("Dokdo, called Takeshima in Japan, was quiet.", ["dokdo", "takeshima"]),
        ("Ships crossed the East Sea, also known as the Sea of Japan, at dawn.",
         ["east_sea", "sea_of_japan"]),
        ("Tokyo renewed its claim to Takeshima (Dokdo in Korean) this week.",
         ["takeshima", "dokdo"]),
        ("The islets known as Dokdo in Korea and Takeshima in Japan drew visitors.",
         ["dokdo", "takeshima"]),
        ("Maps label it the East Sea/Sea of Japan.", ["east_sea", "sea_of_japan"]),
        ("The water, which critics call contaminated water rather than treated water, flowed.",
         ["contaminated_water", "treated_water"]),
    ],
)
def test_hedged_forms_count_for_both(text: str, variants: list[str]) -> None:
    lines = naming_lines(corpus(text))
    assert lines["variant"].tolist() == variants
    assert lines["hedged"].all()
    for r in lines.itertuples():
        assert text[r.start : r.end] == r.matched


def test_two_names_without_a_naming_cue_are_not_hedged() -> None:
    text = "Dokdo drew tourists last summer while officials in Tokyo again spoke of Takeshima."
    lines = naming_lines(corpus(text))
    assert lines["variant"].tolist() == ["dokdo", "takeshima"]
    assert not lines["hedged"].any()


def test_traps() -> None:
    # "East China Sea" is not the East Sea
    assert found("Chinese ships sailed in the East China Sea.") == []
    # "treated radioactive water" is one mention, not also "radioactive water"
    assert found("Japan began releasing treated radioactive water.") == [
        ("fukushima_water", "treated_radioactive_water")]
    # women forced to work in brothels are not counted as forced labor
    assert ("forced_labor", "forced_labor") not in found(
        "Thousands of women were forced to work in the brothels.")
    # "Sea of Japan" is a sea name and never Japan the actor
    text = "A missile fell into the Sea of Japan."
    assert found(text) == [("sea_name", "sea_of_japan")]
    assert "JP" not in set(actor_mentions(corpus(text))["actor"])


def test_distanced_mentions() -> None:
    lines = naming_lines(corpus('Tokyo held its so-called Takeshima Day event. '
                                'Some call it "treated water" now.'))
    assert lines["variant"].tolist() == ["takeshima", "treated_water"]
    assert lines["distanced"].tolist() == [True, True]
    plain = naming_lines(corpus("Takeshima Day came again."))
    assert not plain["distanced"].any()


def test_counts_shares_and_documents_by_group() -> None:
    c = corpus(
        "Dokdo lies in the East Sea. Dokdo again.",          # KR: dokdo 2, east_sea 1
        "The East Sea, also known as the Sea of Japan.",     # KR: hedged pair
        "Takeshima is in the Sea of Japan.",                 # JP: takeshima 1, sea_of_japan 1
        "Nothing contested here.",                           # JP: nothing
        country=["KR", "KR", "JP", "JP"],
    )
    out = naming(c, by="country")
    sea = out[out.referent == "sea_name"].set_index(["country", "variant"])
    # KR: east_sea 2 mentions (d0, d1), sea_of_japan 1 (d1, hedged) -> shares 2/3 and 1/3
    assert sea.loc[("KR", "east_sea"), "count"] == 2
    assert sea.loc[("KR", "east_sea"), "n_docs"] == 2
    assert sea.loc[("KR", "east_sea"), "share"] == pytest.approx(2 / 3)
    assert sea.loc[("KR", "sea_of_japan"), "n_hedged"] == 1
    assert sea.loc[("JP", "east_sea"), "count"] == 0  # grid completed with zeros
    isl = out[out.referent == "dokdo"].set_index(["country", "variant"])
    assert isl.loc[("KR", "dokdo"), "count"] == 2 and isl.loc[("KR", "dokdo"), "n_docs"] == 1
    assert isl.loc[("JP", "takeshima"), "share"] == 1.0
    assert isl.loc[("JP", "liancourt_rocks"), "count"] == 0
    assert set(out.referent) == {"dokdo", "sea_name"}
    assert out.attrs["n_docs"] == 4
    # shares within each (group, referent) add to one
    sums = out.groupby(["country", "referent"])["share"].sum()
    assert (sums.round(9) == 1).all()
    # counting from lines already found: only the lines passed are counted
    lines = naming_lines(c)
    pd.testing.assert_frame_equal(naming(c, by="country", lines=lines), out)
    dokdo_only = naming(c, by="country", lines=lines[lines.referent == "dokdo"])
    assert set(dokdo_only.referent) == {"dokdo"}


def test_period_bins_accept_both_month_aliases() -> None:
    c = corpus("Dokdo.", "Takeshima.", "Dokdo again.",
               date=["2019-07-01", "2019-07-30", "2019-08-02"])
    a = naming(c, freq="M")
    b = naming(c, freq="ME")
    pd.testing.assert_frame_equal(a, b)
    july = a[(a.period == pd.Timestamp("2019-07-01"))].set_index("variant")
    assert (july.loc["dokdo", "count"], july.loc["takeshima", "count"]) == (1, 1)


def test_user_lexicon_and_validation(tmp_path) -> None:
    lex = {"capital": {"seoul": ["Seoul"], "keijo": ["Keijo", "Keijō"]}}
    lines = naming_lines(corpus("Keijo was the colonial name of Seoul."), lexicon=lex)
    assert lines["variant"].tolist() == ["keijo", "seoul"]
    with pytest.raises(ValueError, match="referent"):
        naming_lexicon({"flat": ["word"]})
    path = tmp_path / "names.yaml"
    path.write_text("capital:\n  seoul:\n    patterns: [Seoul]\n", encoding="utf-8")
    assert naming_table(path)["variant"].tolist() == ["seoul"]


def test_empty_corpus_and_no_mentions() -> None:
    out = naming(corpus("", "Nothing here."), by=None)
    assert out.empty and list(out.columns) == [
        "referent", "variant", "count", "share", "n_docs", "n_hedged"]


def test_korean_and_japanese_names_are_counted():
    # Constructed sentences.
    texts = [
        "독도는 한국 땅이다. 일본은 다케시마라고 부른다. 동해에서 훈련이 열렸다. 동해안 날씨는 맑다.",
        "竹島は日本の領土だ。日本海で訓練が行われた。処理水の放出が始まった。",
        "오염수 방류에 반대했다. 강제징용 피해자들이 소송을 냈다.",
    ]
    out = naming(pd.DataFrame({"text": texts, "outlet": ["A", "B", "C"]}), by="outlet")
    got = {(r.outlet, r.variant): r.count for r in out.itertuples() if r.count}
    assert got == {
        ("A", "dokdo"): 1, ("A", "takeshima"): 1, ("A", "east_sea"): 1,
        ("B", "takeshima"): 1, ("B", "sea_of_japan"): 1, ("B", "treated_water"): 1,
        ("C", "contaminated_water"): 1, ("C", "forced_labor"): 1,
    }
