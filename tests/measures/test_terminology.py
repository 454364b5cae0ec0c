"""Contested naming: every variant, hedged forms, traps, and the counts by group.

All example sentences are CONSTRUCTED for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.measures.actors import actor_mentions
from toolkit.measures.terminology import naming, naming_lexicon, naming_lines, naming_table


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
    (
        "Seoul calls them Korea's easternmost islets on every map.",
        ("islets_status", "korean_territory"),
    ),
    (
        "Tokyo describes them as an inherent part of its land.",
        ("islets_status", "inherent_territory"),
    ),
    ("Patrols near the disputed islets continued.", ("islets_status", "disputed")),
    ("The drill took place in the East Sea on Monday.", ("sea_name", "east_sea")),
    ("The missile fell into the Sea of Japan on Monday.", ("sea_name", "sea_of_japan")),
    ("The missile fell into the Japan Sea on Monday.", ("sea_name", "sea_of_japan")),
    ("The survivors among the comfort women met the press.", ("comfort_women", "comfort_women")),
    ("Activists spoke of sex slaves held by the army.", ("comfort_women", "sex_slaves")),
    ("Victims of Japan's wartime sexual slavery rallied.", ("comfort_women", "sexual_slavery")),
    (
        "Women were forced to work in Japanese military brothels.",
        ("comfort_women", "forced_prostitution"),
    ),
    ("The court ruled for victims of forced labor on Tuesday.", ("forced_labor", "forced_labor")),
    ("Koreans were forced to work in mines and factories.", ("forced_labor", "forced_labor")),
    ("Four wartime laborers won their case.", ("forced_labor", "wartime_laborers")),
    (
        "Tokyo referred to former civilian workers from the Korean Peninsula.",
        ("forced_labor", "workers_from_peninsula"),
    ),
    (
        "The daily wrote about former requisitioned workers.",
        ("forced_labor", "requisitioned_workers"),
    ),
    ("The release of treated water began in August.", ("fukushima_water", "treated_water")),
    ("The release of ALPS-treated water began in August.", ("fukushima_water", "treated_water")),
    (
        "The release of treated radioactive water began in August.",
        ("fukushima_water", "treated_radioactive_water"),
    ),
    (
        "Beijing condemned the nuclear-contaminated water.",
        ("fukushima_water", "contaminated_water"),
    ),
    (
        "Protesters opposed dumping radioactive water into the sea.",
        ("fukushima_water", "radioactive_water"),
    ),
    ("State media criticized the nuclear wastewater plan.", ("fukushima_water", "wastewater")),
    ("Japan tightened export controls in July.", ("export_measures", "export_controls")),
    ("Export curbs on three materials took effect.", ("export_measures", "export_restrictions")),
    (
        "Seoul called it economic retaliation for the rulings.",
        ("export_measures", "economic_retaliation"),
    ),
    ("Tokyo said it was a review of export management.", ("export_measures", "export_management")),
    ("The Rising Sun flag flew from the destroyer.", ("rising_sun", "rising_sun_flag")),
    ("Activists called it a war criminal flag.", ("rising_sun", "war_criminal_flag")),
    ("Textbooks describe colonial rule in a single page.", ("colonial_period", "colonial_rule")),
    ("Older people still remember the Japanese occupation.", ("colonial_period", "occupation")),
    ("The annexation treaty was signed in 1910.", ("colonial_period", "annexation")),
]


@pytest.mark.parametrize(
    "text,expected", CASES, ids=[c[1][1] + str(i) for i, c in enumerate(CASES)]
)
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
        (
            "Ships crossed the East Sea, also known as the Sea of Japan, at dawn.",
            ["east_sea", "sea_of_japan"],
        ),
        (
            "Tokyo renewed its claim to Takeshima (Dokdo in Korean) this week.",
            ["takeshima", "dokdo"],
        ),
        (
            "The islets known as Dokdo in Korea and Takeshima in Japan drew visitors.",
            ["dokdo", "takeshima"],
        ),
        ("Maps label it the East Sea/Sea of Japan.", ["east_sea", "sea_of_japan"]),
        (
            "The water, which critics call contaminated water rather than treated water, flowed.",
            ["contaminated_water", "treated_water"],
        ),
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
        ("fukushima_water", "treated_radioactive_water")
    ]
    # women forced to work in brothels are not counted as forced labor
    assert ("forced_labor", "forced_labor") not in found(
        "Thousands of women were forced to work in the brothels."
    )
    # "Sea of Japan" is a sea name and never Japan the actor
    text = "A missile fell into the Sea of Japan."
    assert found(text) == [("sea_name", "sea_of_japan")]
    assert "JP" not in set(actor_mentions(corpus(text))["actor"])


def test_distanced_mentions() -> None:
    lines = naming_lines(
        corpus('Tokyo held its so-called Takeshima Day event. Some call it "treated water" now.')
    )
    assert lines["variant"].tolist() == ["takeshima", "treated_water"]
    assert lines["distanced"].tolist() == [True, True]
    plain = naming_lines(corpus("Takeshima Day came again."))
    assert not plain["distanced"].any()


def test_counts_shares_and_documents_by_group() -> None:
    c = corpus(
        "Dokdo lies in the East Sea. Dokdo again.",  # KR: dokdo 2, east_sea 1
        "The East Sea, also known as the Sea of Japan.",  # KR: hedged pair
        "Takeshima is in the Sea of Japan.",  # JP: takeshima 1, sea_of_japan 1
        "Nothing contested here.",  # JP: nothing
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
    pd.testing.assert_frame_equal(naming(c, by="country", precomputed=lines), out)
    dokdo_only = naming(c, by="country", precomputed=lines[lines.referent == "dokdo"])
    assert set(dokdo_only.referent) == {"dokdo"}


def test_period_bins_accept_both_month_aliases() -> None:
    c = corpus(
        "Dokdo.", "Takeshima.", "Dokdo again.", date=["2019-07-01", "2019-07-30", "2019-08-02"]
    )
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
        "referent",
        "variant",
        "count",
        "share",
        "n_docs",
        "n_hedged",
        "n_measured",
        "n_unmeasured",
    ]


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
        ("A", "dokdo"): 1,
        ("A", "takeshima"): 1,
        ("A", "east_sea"): 1,
        ("B", "takeshima"): 1,
        ("B", "sea_of_japan"): 1,
        ("B", "treated_water"): 1,
        ("C", "contaminated_water"): 1,
        ("C", "forced_labor"): 1,
    }


# Korean and Japanese: (constructed sentence, the (referent, variant, matched) it must give)
CJK_CASES = [
    ("독도는 우리 땅이다.", ("dokdo", "dokdo", "독도")),
    ("獨島 표기가 남아 있다.", ("dokdo", "dokdo", "獨島")),
    ("独島と書く地図もある。", ("dokdo", "dokdo", "独島")),
    ("竹島の日の式典が開かれた。", ("dokdo", "takeshima", "竹島")),
    ("일본은 다케시마의 날 행사를 열었다.", ("dokdo", "takeshima", "다케시마")),
    ("동해에서 훈련이 열렸다.", ("sea_name", "east_sea", "동해")),
    ("동해상으로 미사일이 떨어졌다.", ("sea_name", "east_sea", "동해")),
    ("ミサイルは日本海に落下した。", ("sea_name", "sea_of_japan", "日本海")),
    ("일본해 단독 표기를 고집했다.", ("sea_name", "sea_of_japan", "일본해")),
    ("일본군위안부 피해자가 증언했다.", ("comfort_women", "comfort_women", "위안부")),
    ("위안부 합의는 2015년에 맺어졌다.", ("comfort_women", "comfort_women", "위안부")),
    ("慰安婦問題で協議した。", ("comfort_women", "comfort_women", "慰安婦")),
    ("옛 위안소 건물이 발견됐다.", ("comfort_women", "comfort_women", "위안소")),
    ("일본군성노예제 문제 해결을 요구했다.", ("comfort_women", "sexual_slavery", "성노예")),
    ("일본군 성 노예 피해자를 기렸다.", ("comfort_women", "sexual_slavery", "성 노예")),
    ("性奴隷という表現に反発した。", ("comfort_women", "sexual_slavery", "性奴隷")),
    ("강제징용 피해자들이 소송을 냈다.", ("forced_labor", "forced_labor", "강제징용")),
    ("강제 동원 피해자 지원 재단이 있다.", ("forced_labor", "forced_labor", "강제 동원")),
    ("強制連行の記録が残る。", ("forced_labor", "forced_labor", "強制連行")),
    (
        "旧朝鮮半島出身労働者の問題で協議した。",
        ("forced_labor", "workers_from_peninsula", "朝鮮半島出身労働者"),
    ),
    (
        "朝鮮半島出身の労働者をめぐる判決が出た。",
        ("forced_labor", "workers_from_peninsula", "朝鮮半島出身の労働者"),
    ),
    (
        "일본 정부는 옛 한반도 출신 노동자라는 표현을 쓴다.",
        ("forced_labor", "workers_from_peninsula", "한반도 출신 노동자"),
    ),
    ("徴用工訴訟の判決が出た。", ("forced_labor", "requisitioned_workers", "徴用工")),
    ("징용 피해자 배상 문제가 남았다.", ("forced_labor", "requisitioned_workers", "징용")),
    ("処理水の放出が始まった。", ("fukushima_water", "treated_water", "処理水")),
    ("정부는 처리수라는 표현을 검토했다.", ("fukushima_water", "treated_water", "처리수")),
    ("오염수 방류에 반대했다.", ("fukushima_water", "contaminated_water", "오염수")),
    ("핵오염수 방류 규탄 집회가 열렸다.", ("fukushima_water", "contaminated_water", "오염수")),
    ("汚染水の海洋放出に反対した。", ("fukushima_water", "contaminated_water", "汚染水")),
    ("핵폐수 방류라는 말도 나왔다.", ("fukushima_water", "wastewater", "핵폐수")),
    ("輸出規制の強化を発表した。", ("export_measures", "export_controls", "輸出規制")),
    ("일본의 수출규제에 맞섰다.", ("export_measures", "export_restrictions", "수출규제")),
    ("경제 보복을 멈추라고 요구했다.", ("export_measures", "economic_retaliation", "경제 보복")),
    ("経済報復との見方を否定した。", ("export_measures", "economic_retaliation", "経済報復")),
    ("輸出管理の見直しだと説明した。", ("export_measures", "export_management", "輸出管理")),
    ("旭日旗を掲げた艦艇が入港した。", ("rising_sun", "rising_sun_flag", "旭日旗")),
    ("욱일기 응원이 논란이 됐다.", ("rising_sun", "rising_sun_flag", "욱일기")),
    ("경기장에 전범기가 걸렸다.", ("rising_sun", "war_criminal_flag", "전범기")),
    ("식민 지배의 역사를 가르친다.", ("colonial_period", "colonial_rule", "식민 지배")),
    ("植民地支配への反省を述べた。", ("colonial_period", "colonial_rule", "植民地支配")),
    ("일제강점기 자료를 모았다.", ("colonial_period", "occupation", "일제강점기")),
    ("강점기 이전의 기록이다.", ("colonial_period", "occupation", "강점기")),
    ("한일병합 조약은 1910년에 체결됐다.", ("colonial_period", "annexation", "한일병합")),
    ("韓国併合から100年が過ぎた。", ("colonial_period", "annexation", "韓国併合")),
]


def found_cjk(text: str) -> list[tuple[str, str, str]]:
    lines = naming_lines(corpus(text))
    for r in lines.itertuples():
        assert text[r.start : r.end] == r.matched
    return list(zip(lines["referent"], lines["variant"], lines["matched"], strict=True))


@pytest.mark.parametrize(
    "text,expected", CJK_CASES, ids=[c[1][1] + str(i) for i, c in enumerate(CJK_CASES)]
)
def test_every_korean_and_japanese_pattern(text: str, expected: tuple[str, str, str]) -> None:
    assert found_cjk(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "전범기업 제품 불매 운동이 이어졌다.",  # war-criminal companies, not the flag
        "전범기업들은 배상을 거부했다.",
        "정부는 단호하게 행동해야 한다.",  # 행동해 "act" contains 동해
        "차량이 이동해 도착했다.",
        "동해안 날씨는 맑다.",  # the east coast
        "동해시 시장이 취임했다.",  # the city of Donghae
        "영화 감독도 참석했다.",  # 감독도 "the director, too"
        "군인들은 독도법을 배웠다.",  # map reading
        "旧日本海軍の資料が見つかった。",  # Japan's navy
        "日本海溝で地震が起きた。",  # the Japan Trench
        "일본해군 함정이 입항했다.",
        "여성 노예 무역의 역사를 다룬 책이다.",  # "female slaves"
        "수질 오염수준이 낮아졌다.",  # pollution level
        "하수처리수 재이용 사업이 시작됐다.",  # treated sewage
        "処理水準を引き上げた。",  # processing level
        "두 회사의 병합이 결정됐다.",  # a corporate merger
    ],
)
def test_korean_and_japanese_traps(text: str) -> None:
    assert found_cjk(text) == []


def test_forced_labor_longest_match_and_particles() -> None:
    # 강제징용 is one forced_labor mention, not also the bare legal term 징용
    assert found_cjk("강제징용 배상 판결.") == [("forced_labor", "forced_labor", "강제징용")]
    # names with particles and inside compounds, several in one sentence
    got = found_cjk("독도는 동해에 있고, 위안부 피해자와 일본군성노예제 문제도 남았다.")
    assert [v for _, v, _ in got] == ["dokdo", "east_sea", "comfort_women", "sexual_slavery"]


@pytest.mark.parametrize(
    "text,variants",
    [
        ("독도(일본명 다케시마) 주변에서 훈련이 열렸다.", ["dokdo", "takeshima"]),
        ("竹島（韓国名・独島）の周辺で訓練が行われた。", ["takeshima", "dokdo"]),
        ("동해/일본해 병기를 요구했다.", ["east_sea", "sea_of_japan"]),
        ("오염수 또는 처리수로 불리는 물이 방류됐다.", ["contaminated_water", "treated_water"]),
    ],
)
def test_korean_and_japanese_hedged_pairs(text: str, variants: list[str]) -> None:
    lines = naming_lines(corpus(text))
    assert lines["variant"].tolist() == variants
    assert lines["hedged"].all()


def test_korean_and_japanese_unhedged_and_distanced() -> None:
    lines = naming_lines(
        corpus(
            "독도에 관광객이 몰렸지만 일본 정부는 여전히 그 섬들을 영토라고 주장하며 다케시마를 거론했다."
        )
    )
    assert lines["variant"].tolist() == ["dokdo", "takeshima"]
    assert not lines["hedged"].any()
    lines = naming_lines(
        corpus(
            "이른바 위안부 문제가 다시 불거졌다. 일본은 ‘처리수’라고 부른다. いわゆる徴用工の問題だ。"
        )
    )
    assert lines["variant"].tolist() == ["comfort_women", "treated_water", "requisitioned_workers"]
    assert lines["distanced"].tolist() == [True, True, True]
    assert not naming_lines(corpus("위안부 피해자가 증언했다."))["distanced"].any()


def test_every_text_pattern_variant_has_a_case() -> None:
    lex = naming_lexicon()
    with_text = {c.split(".")[1] for c in lex.categories if lex.meta[c].get("text_patterns")}
    assert with_text <= {v for _, (_, v, _) in CJK_CASES}


def test_naming_lines_context_and_offsets_in_korean_documents() -> None:
    text = "첫 문장이다. 정부는 오늘 일본군위안부 문제를 논의했다."
    lines = naming_lines(corpus(text))
    (row,) = lines.itertuples()
    assert (row.sent_id, row.matched, text[row.start : row.end]) == (1, "위안부", "위안부")
    assert row.left.endswith("일본군") and row.right.startswith("문제를")


def test_bad_text_pattern_is_a_clear_error() -> None:
    lex = {"x": {"a": {"patterns": [], "text_patterns": ["(unclosed"]}}}
    with pytest.raises(ValueError, match="text_patterns"):
        naming_lines(corpus("독도"), lexicon=lex)
