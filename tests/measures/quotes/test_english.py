"""Quotes, attribution, speakers and sources.

Example texts are CONSTRUCTED for these tests (the names are invented); the
seed article test reads the real Yonhap article from ../shared when present.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests._paths import BENCHMARKS, SHARED
from toolkit.measures.quotes.english import mentioned_not_quoted, quotes, role_lexicon, sources


def corpus(*texts: str, country: str = "KR", **cols) -> pd.DataFrame:
    data = {
        "doc_id": [f"d{i}" for i in range(len(texts))],
        "text": list(texts),
        "country": [country] * len(texts),
    }
    data.update(cols)
    return pd.DataFrame(data)


def one(text: str, country: str = "KR") -> pd.DataFrame:
    return quotes(corpus(text, country=country))


# ---------------------------------------------------------------- seed article


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    files = sorted((SHARED / "seed").glob("*.txt")) if SHARED.exists() else []
    if not files:
        pytest.skip("../shared/seed is not available")
    text = files[0].read_text(encoding="utf-8")
    return pd.DataFrame(
        {"doc_id": ["seed"], "text": [text], "outlet": ["Yonhap"], "country": ["KR"]}
    )


def test_seed_quotes(seed: pd.DataFrame) -> None:
    q = quotes(seed)
    direct = q[q.kind == "direct"]
    assert len(direct) == 3 and (q.kind == "direct").all()  # no indirect speech in the seed
    lee = direct.iloc[:2]
    assert (lee["speaker_name"] == "Lee Sang-deok").all()
    assert (lee["speaker_role"] == "foreign_ministry").all()
    assert (lee["speaker_country"] == "KR").all()
    assert lee["attribution"].tolist() == ["after", "continued"]  # 2nd paragraph is his too
    assert lee.iloc[0]["quote"].startswith("Not only in Northeast Asia")
    assert lee.iloc[1]["quote"].startswith("Through today's meeting")
    anon = direct.iloc[2]
    assert anon["speaker"] == "a foreign ministry official"
    assert anon["anonymous"] and anon["speaker_country"] == "KR"
    assert not lee["anonymous"].any()
    text = seed["text"].iloc[0]
    for r in q.itertuples():
        assert text[r.start : r.end] == r.quote


def test_seed_japanese_side_not_quoted(seed: pd.DataFrame) -> None:
    silent = mentioned_not_quoted(seed)
    assert silent["person"].tolist() == ["Junichi Ihara"]
    assert silent["country"].item() == "JP" and silent["role"].item() == "foreign_ministry"


def test_seed_sources(seed: pd.DataFrame) -> None:
    s = sources(seed, by="outlet").set_index(["dimension", "category"])
    assert s.loc[("speaker_country", "KR"), "share"] == 1.0
    assert s.loc[("anonymous", "anonymous"), "count"] == 1
    assert s.loc[("anonymous", "anonymous"), "share"] == pytest.approx(1 / 3)


# ---------------------------------------------------------------- quote marks


def test_curly_and_straight_marks_and_inverted_attribution() -> None:
    q = one(
        "“We will not yield on this,” said Choi Min-ho, a professor at a Seoul university. "
        '"Talks must continue," Choi added.'
    )
    assert q["quote"].tolist() == ["We will not yield on this", "Talks must continue"]
    assert q["speaker_name"].tolist() == ["Choi Min-ho", "Choi"]
    assert q["speaker_role"].iloc[0] == "expert" and pd.isna(q["speaker_role"].iloc[1])
    assert q["speaker_country"].tolist() == ["KR", "KR"]  # Seoul; then the earlier mention
    assert q["country_source"].tolist() == ["speaker", "earlier_mention"]


def test_quote_inside_a_quote_stays_one_quote() -> None:
    text = (
        "\"He told me, 'We will never give up,' and then he left the room,\" "
        "said Han Ji-won, a lawyer for the plaintiffs."
    )
    q = one(text)
    assert len(q) == 1
    assert q["quote"].item() == "He told me, 'We will never give up,' and then he left the room"
    assert q["speaker_name"].item() == "Han Ji-won" and q["speaker_role"].item() == "legal"


def test_multi_sentence_and_multi_paragraph_quotes() -> None:
    text = (
        '"We regret the decision. We will respond calmly," a Japanese official said.\n\n'
        '"We cannot accept this ruling,\n\n'
        '"and we will not pay," the company spokesperson said.'
    )
    q = one(text, country="JP")
    assert q["quote"].tolist() == [
        "We regret the decision. We will respond calmly",
        "We cannot accept this ruling",
        "and we will not pay",
    ]
    assert q["speaker"].tolist()[1:] == ["the company spokesperson"] * 2
    assert q["attribution"].tolist() == ["after", "continued", "after"]
    assert q["speaker_country"].tolist()[0] == "JP"


def test_attribution_before_the_quote_and_according_to() -> None:
    q = one('Defense Minister Yoon Tae-ho said: "The radar was never aimed at the plane."')
    assert q["attribution"].item() == "before"
    assert q["speaker_name"].item() == "Yoon Tae-ho"
    assert q["speaker_role"].item() == "defense_ministry"
    q = one("According to a diplomatic source in Tokyo, the two leaders will meet next month.")
    assert q["kind"].item() == "indirect" and q["attribution"].item() == "according_to"
    assert q["speaker_country"].item() == "JP" and q["anonymous"].item()
    assert q["quote"].item() == "the two leaders will meet next month"


def test_pronoun_attribution_resolves_to_the_nearest_speaker() -> None:
    text = (
        '"We lodged a strong protest," Japan\'s chief cabinet secretary told reporters. '
        '"The claim is unacceptable," he added.'
    )
    q = one(text, country="KR")
    assert q["speaker"].tolist() == ["Japan's chief cabinet secretary"] * 2
    assert q["speaker_country"].tolist() == ["JP", "JP"]
    assert q["resolved_from"].tolist()[1] == "he"
    assert q["speaker_role"].tolist() == ["chief_cabinet_secretary"] * 2


def test_pronoun_resolves_to_a_person_introduced_in_the_paragraph() -> None:
    text = (
        '"Japan keeps printing those textbooks," said an office worker, 29, in Seoul.\n\n'
        "A retired army colonel, 67, took a more practical view. "
        '"In the worst case, we will need the Americans," he said.'
    )
    q = one(text)
    assert q["speaker"].tolist() == ["an office worker, 29, in Seoul", "A retired army colonel"]
    assert q["speaker_role"].tolist() == ["resident", "military"]


def test_chief_cabinet_secretary_title_alone_is_japanese() -> None:
    q = one('"We will respond," Chief Cabinet Secretary Ito Kenji said.', country="KR")
    assert q["speaker_country"].item() == "JP" and q["country_source"].item() == "speaker"


def test_north_korea_in_speaker_phrase_is_not_south_korea() -> None:
    q = one("North Korea's foreign ministry said the drills were a rehearsal for invasion.")
    assert q["speaker_country"].item() == "KP"
    assert q["kind"].item() == "indirect"
    assert q["quote"].item() == "the drills were a rehearsal for invasion"


# ---------------------------------------------------------------- indirect speech


def test_indirect_forms() -> None:
    text = (
        "Foreign Minister Kang Hye-jin said that talks would resume in May. "
        "The talks will resume next month, officials said. "
        "Historians say thousands were mobilized during the war."
    )
    q = one(text)
    assert q["kind"].tolist() == ["indirect"] * 3
    assert q["quote"].tolist() == [
        "talks would resume in May",
        "The talks will resume next month",
        "thousands were mobilized during the war",
    ]
    assert q["speaker"].tolist() == ["Foreign Minister Kang Hye-jin", "officials", "Historians"]
    assert q["anonymous"].tolist() == [False, True, True]  # unnamed officials / experts


@pytest.mark.parametrize(
    "text",
    [
        "The so-called 2+2 talks resumed on Tuesday after a long pause.",
        "That said, the outcome of the meeting remained unclear to everyone.",
        "As said before, the agreement stands firm despite the protests.",
        "The said agreement was signed in 1965 by both governments.",
        "The plan is said to be popular among younger voters in Seoul.",
        "Easier said than done, many diplomats would reply to the proposal.",
        "The size of the crowd says much about public anger in Seoul.",
        'Protesters carried a banner reading "No Japan".',  # short quote without attribution
        'Shimane Prefecture again held what it calls "Takeshima Day" on Friday.',  # quoted name
    ],
)
def test_non_attributions_are_not_quotes(text: str) -> None:
    assert one(text).empty


def test_anonymity_formulas() -> None:
    text = (
        '"We will deliver our stance," a foreign ministry official here said, speaking on '
        "customary condition of anonymity. "
        '"The ship was searching for a vessel," said Kim Do-yun, who asked not to be named. '
        '"We are ready," said Park Seo-jun, a senior foreign ministry official.'
    )
    q = one(text)
    assert q["anonymous"].tolist() == [True, True, False]
    assert q["speaker"].tolist()[0] == "a foreign ministry official"  # "here" trimmed
    assert q["named"].tolist() == [False, True, True]


def test_unnamed_ordinary_people_are_not_anonymous_sources() -> None:
    q = one('"Asking them to leave it at home is not too much," said a retired teacher, 67.')
    assert q["speaker_role"].item() == "resident"
    assert not q["anonymous"].item() and not q["named"].item()
    assert pd.isna(q["speaker_country"].item())
    q2 = quotes(
        corpus('"Asking them to leave it at home is not too much," said a retired teacher, 67.'),
        assume_home=True,
    )
    assert q2["speaker_country"].item() == "KR"
    assert q2["country_source"].item() == "outlet_assumed"


def test_roles_are_ordered_from_specific_to_general() -> None:
    cats = list(role_lexicon().categories)
    assert cats.index("foreign_ministry") < cats.index("government_official")
    assert cats.index("government_official") < cats.index("resident")
    q = one('"Our position has not changed at all," a Japanese foreign ministry official said.')
    assert q["speaker_role"].item() == "foreign_ministry"
    assert q["speaker_roles"].item() == "foreign_ministry|government_official"


# ---------------------------------------------------------------- sources


def test_sources_shares_by_hand_and_every_group_accounted_for() -> None:
    c = corpus(
        '"We regret it deeply," Japan\'s chief cabinet secretary said. '
        '"We will respond," a South Korean official said.',
        '"This is unacceptable for us," a foreign ministry official said.',
        "No quotes in this one at all.",
        outlet=["Daily A", "Daily A", "Times B"],
    )
    s = sources(c, by="outlet")
    a = s[s.outlet == "Daily A"].set_index(["dimension", "category"])
    # Daily A: JP 1, KR 2 (one via outlet default); 2 of 3 anonymous
    assert a.loc[("speaker_country", "KR"), "count"] == 2
    assert a.loc[("speaker_country", "JP"), "share"] == pytest.approx(1 / 3)
    assert a.loc[("anonymous", "anonymous"), "count"] == 2
    assert (a["n_quotes"] == 3).all() and (a["n_docs"] == 2).all()
    b = s[s.outlet == "Times B"]
    assert b["category"].tolist() == ["none"] * 3 and (b["count"] == 0).all()
    assert b["n_docs"].tolist() == [1, 1, 1]
    direct_only = sources(c, by="outlet", kind="indirect")
    assert (direct_only["count"] == 0).all()


def test_mentioned_not_quoted_matches_surnames() -> None:
    text = (
        "Japan sent Sato Taro, director-general of the foreign ministry. "
        "Foreign Minister Kang Hye-jin met him. "
        '"We had a frank exchange," Kang said.'
    )
    silent = mentioned_not_quoted(corpus(text))
    assert silent["person"].tolist() == ["Sato Taro"]
    assert silent["country"].item() == "JP"


def test_every_document_is_listed_and_offsets_hold() -> None:
    c = corpus('"Talks must go on," said Lee Jun-ho, an analyst.', "", "Plain text here.")
    q = quotes(c)
    assert q["doc_id"].tolist() == ["d0"]
    assert q.attrs["docs_without_quotes"] == ["d1", "d2"]
    assert q["quote_id"].tolist() == [0]


def test_mentioned_not_quoted_skips_institutions_places_and_possessives():
    # Constructed example text.
    text = (
        "The General Security of Military Information Agreement was renewed. "
        "Ships of the Self-Defense Forces sailed into the Pacific Ocean. "
        "President Park Geun-hye's government defended the deal. "
        "Officials said President Park Geun-hye would speak later."
    )
    people = mentioned_not_quoted(pd.DataFrame({"text": [text]}))["person"].tolist()
    assert people == ["Park Geun-hye"]


# ------------------------------------------------ real news (issue 15) -----
# The texts below are CONSTRUCTED for these tests; every name is invented.


def test_nexis_double_apostrophe_marks_are_quotation_marks() -> None:
    text = (
        "''We have reached the limit,'' said Lee Han-soo, a union leader. ''Nobody listens "
        "to us.''\n\nThe strike began on Monday."
    )
    q = one(text)
    assert q["quote"].tolist() == ["We have reached the limit", "Nobody listens to us."]
    assert (q["speaker_name"] == "Lee Han-soo").all()
    for r in q.itertuples():
        assert text[r.start : r.end] == r.quote  # offsets into the text as given


@pytest.mark.parametrize(
    "text",
    [
        '<div style="background: url("images/banner-photo.jpg")">The rally drew 300 people.</div>',
        '[gallery ids="101,102,103" columns="3"] The rally drew 300 people.',
        'See <a href="https://example.org/news/rally-report">the full story</a> here.',
        'Students read "Comfort Women Speak Out Today" at the library, the teacher said.',
        'The museum showed the film titled "Why memory matters for all of us" last week.',
        '"Japan Must Apologize To The Victims Now"\n\nThe rally drew 300 people.',
        'The group called it a "so-called settlement" and left the room.',
    ],
)
def test_marks_around_no_ones_words_are_not_quotes(text: str) -> None:
    q = one(text)
    assert not (q["kind"] == "direct").any(), q[["quote", "speaker"]]


def test_speakers_are_never_according_a_date_or_a_clause() -> None:
    q = one(
        'According to Park Ji-won, "the agreement was signed without asking the victims."\n\n'
        "On March 1, 2018, Moon administration officials said the deal was flawed.\n\n"
        'There is one part that the newspaper did not report: "The documents were destroyed '
        'in 1945."'
    )
    assert q["speaker"].tolist()[:2] == ["Park Ji-won", "Moon administration officials"]
    assert q["speaker"].isna().iloc[2]
    for sp in q["speaker"].dropna():
        assert not sp.lower().startswith(("according", "there", "2018", "march"))


def test_source_in_parentheses_and_honorifics_without_period() -> None:
    q = one(
        '"We will not give up until the government apologizes." (Han Mi-ra, a member of the '
        'civic group)\n\n"The fund was never accepted by the survivors," said mr. Okada, a '
        "lawyer. Mr Okada added that the case would go on."
    )
    assert q["speaker_name"].tolist() == ["Han Mi-ra", "Okada", "Okada"]
    assert q["kind"].tolist() == ["direct", "direct", "indirect"]


def test_she_resolves_to_the_nearest_compatible_antecedent() -> None:
    # the nearest speaker is a man; "She" is the woman quoted before him
    q = one(
        'Han Mi-ra, 91, spoke at the rally. "I want an apology before I die," she said. '
        'Okada Kenji, a ministry official, disagreed. "The matter is settled," he said. '
        "She also explained that the fund was never accepted."
    )
    assert q["speaker"].tolist() == ["Han Mi-ra", "Okada Kenji", "Han Mi-ra"]
    assert q["resolved_from"].tolist() == ["she", "he", "She"]


def test_honorific_tells_the_gender_of_an_antecedent() -> None:
    q = one(
        "Ms. Kwon Ye-jin, a historian, and Mr. Ito Daiki, an editor, met in Seoul. "
        'Mr. Ito spoke first. "The archive must open," said Ms. Kwon. '
        '"We agree on that," he said.'
    )
    assert q["speaker_name"].tolist() == ["Kwon", "Ito"]


def test_roles_by_context_company_titles_are_not_military() -> None:
    q = one(
        '"Sales will recover next year," said Mary Vance, the chief executive officer of '
        'General Motors.\n\n"The filing is without merit," the company\'s general counsel, '
        'Ann Cole, said.\n\n"We cut prices in March," General Motors said in a statement.\n\n'
        '"We are not prepared for such madness," Gen. Paul Marot said.\n\n'
        '"The road was closed for hours," a police officer said.'
    )
    assert q["speaker_role"].tolist() == [
        "business",
        "legal",
        "business",
        "military",
        "government_official",
    ]
    assert not any("military" in r for r in q["speaker_roles"].iloc[[0, 1, 2, 4]])


def test_mentioned_not_quoted_lists_people_not_places_or_bodies() -> None:
    text = (
        "Fighting continued in Northern Iraq, a senior military official told reporters. "
        "Foreign Affairs, the ministry's journal, published the essay. "
        "The Asia Foundation, a nonprofit group, funded the survey. "
        "Chairman Foundation grants were announced. "
        "Taro Sato, director-general of the foreign ministry, attended."
    )
    people = mentioned_not_quoted(corpus(text))["person"].tolist()
    assert people == ["Taro Sato"]


# ---------------------------------------------------- dev set (real text) -----


def _dev_benchmark():
    import importlib.util

    path = BENCHMARKS / "quote_validity.py"
    spec = importlib.util.spec_from_file_location("quote_validity", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dev_set_is_well_formed() -> None:
    bench = _dev_benchmark()
    docs, gold = bench.load_gold()
    assert len(gold[gold["kind"] != "fragment"]) >= 300
    assert set(gold["kind"]) == {"direct", "indirect", "fragment"}
    assert set(docs["split"]) == {"tune", "held"}
    assert set(gold["doc_id"]) <= set(docs["doc_id"])
    assert ((gold["start"] < gold["end"]) & (gold["end"] - gold["start"] < 2000)).all()


def test_dev_set_offsets_point_at_the_annotated_text() -> None:
    if not (SHARED / "samples" / "exports").exists():
        pytest.skip("../shared/samples/exports is not available")
    bench = _dev_benchmark()
    docs, gold = bench.load_gold()
    texts = dict(zip(*bench.load_texts(docs)[["doc_id", "text"]].T.values, strict=True))
    assert set(texts) == set(docs["doc_id"])
    for r in gold.itertuples():
        t = texts[r.doc_id]
        assert 0 <= r.start < r.end <= len(t)
        assert t[r.start] not in ' \n"“”'  # spans start on a word, not on a mark
        if r.speaker != "none":
            assert t[r.speaker_start : r.speaker_end] == r.speaker


def test_quotes_on_real_news_meet_the_targets() -> None:
    """Against the hand annotation of 55 real articles (both splits): span
    precision >= 0.90, speaker precision >= 0.85, span and speaker recall
    >= 0.75 (issue 15)."""
    if not (SHARED / "samples" / "exports").exists():
        pytest.skip("../shared/samples/exports is not available")
    bench = _dev_benchmark()
    docs, gold = bench.load_gold()
    corpus_ = bench.load_texts(docs)
    got = quotes(corpus_)
    s = bench.score(got, gold, docs)
    assert s["span_precision"] >= 0.90
    assert s["speaker_precision"] >= 0.85
    assert s["span_recall"] >= 0.75
    assert s["speaker_recall"] >= 0.75
    assert not bench.roles_check(got)["military_wrong"]


def test_scorer_counts_by_hand() -> None:
    """The benchmark's scorer on a hand-made case: 2 gold quotes, 3 predictions
    (one right with the right speaker, one right with a wrong speaker, one
    over a fragment, ignored), so span P = 2/2, R = 2/2, speaker P = 1/2."""
    bench = _dev_benchmark()
    docs = pd.DataFrame({"file": ["f"], "doc_id": ["d"], "split": ["tune"]})
    gold = pd.DataFrame(
        {
            "file": "f",
            "doc_id": "d",
            "start": [0, 100, 200],
            "end": [50, 150, 210],
            "kind": ["direct", "indirect", "fragment"],
            "speaker": ["Kim Min-su", "the ministry", "none"],
            "speaker_start": -1,
            "speaker_end": -1,
            "speaker_alt": ["", "", ""],
            "split": "tune",
        }
    )
    pred = pd.DataFrame(
        {
            "doc_id": "d",
            "start": [2, 105, 200],
            "end": [50, 150, 210],
            "speaker": ["Mr. Kim", "Lee", None],
            "kind": "direct",
        }
    )
    s = bench.score(pred, gold, docs)
    assert (s["span_precision"], s["span_recall"], s["speaker_precision"]) == (1.0, 1.0, 0.5)
    assert s["speaker_recall"] == 0.5


# ------------------------------------------------------------- linear time -----


def _lines_run(fn, *args) -> int:
    """Lines of toolkit/measures/quotes/english.py executed by fn(*args): a count of the work
    done that does not depend on the machine's speed."""
    import sys

    target = sys.modules["toolkit.measures.quotes.english"].__file__
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def glob(frame, event, arg):
        return local if frame.f_code.co_filename == target else None

    sys.settrace(glob)
    try:
        fn(*args)
    finally:
        sys.settrace(None)
    return count


def _constructed_article(n_paragraphs: int, flat: bool = False) -> str:
    # CONSTRUCTED wire-style paragraphs; invented names, distinct per paragraph
    paras = []
    for i in range(n_paragraphs):
        paras.append(
            f'"We will study proposal {i} with care," said Minister Kim Ha-{i}, adding that '
            f"talks would resume. Officials in Tokyo said the plan number {i} was not final. "
            f"Park Jun-{i}, a professor at Seoul University, told reporters that the deal "
            f'"could fall apart within weeks." The "so-called deal" was signed, he said.'
        )
    return (" " if flat else "\n\n").join(paras)


@pytest.mark.parametrize("flat", [False, True])
def test_quotes_work_grows_linearly_with_document_length(flat: bool) -> None:
    from toolkit.tokens.tokenizer import tokenize

    small = tokenize(corpus(_constructed_article(20, flat)))
    large = tokenize(corpus(_constructed_article(80, flat)))
    quotes(small)  # lexicons loaded and cached before counting
    for fn in (quotes, lambda tk: mentioned_not_quoted(tk, precomputed=quotes(tk))):
        ratio = _lines_run(fn, large) / _lines_run(fn, small)
        # 4x the text: ~4x the work when linear, ~16x when quadratic
        assert ratio < 6, ratio


# ---------------------------------------------------------------- n_jobs

# Constructed Korean and Japanese articles (no real speaker), added to the
# demo so the processes also read the other languages.
CJK_DOCS = pd.DataFrame(
    {
        "doc_id": ["ko-1", "ja-1"],
        "text": [
            "일본 외무성 관계자는 “협의는 계속된다”라고 말했다. 정부 당국자는 “관계가 개선되었다”고 밝혔다.",
            "韓国外務省の担当者は「協議は続ける」と述べた。日本政府は「関係は改善した」と説明した。",
        ],
        "language": ["ko", "ja"],
        "country": ["KR", "JP"],
        "outlet": ["constructed", "constructed"],
    }
)


@pytest.fixture(scope="module")
def mixed_tokens():
    from toolkit.corpus.load import load_demo
    from toolkit.tokens.tokenizer import tokenize

    demo = load_demo()[["doc_id", "text", "language", "country", "outlet"]]
    return tokenize(pd.concat([demo, CJK_DOCS], ignore_index=True))


def test_quotes_are_the_same_in_processes(mixed_tokens, monkeypatch, process_pools):
    import toolkit.measures.quotes.english as english

    monkeypatch.setattr(english, "_PARALLEL_MIN", 1)  # the demo is below the real threshold
    one = quotes(mixed_tokens, n_jobs=1)
    assert not process_pools
    two = quotes(mixed_tokens, n_jobs=2)
    assert process_pools == [2]
    pd.testing.assert_frame_equal(one, two)
    assert one.attrs == two.attrs
    assert {"ko-1", "ja-1"} <= set(two["doc_id"])  # the Korean and Japanese readers ran too
    # sources and mentioned_not_quoted hand n_jobs to the quotes they compute
    pd.testing.assert_frame_equal(
        sources(mixed_tokens, by="outlet", precomputed=one),
        sources(mixed_tokens, by="outlet", n_jobs=2),
    )
    silent = mentioned_not_quoted(mixed_tokens, precomputed=one, n_jobs=1)
    assert len(silent) > 0
    pd.testing.assert_frame_equal(silent, mentioned_not_quoted(mixed_tokens, n_jobs=2))
    assert process_pools == [2, 2, 2, 2]  # quotes, sources' quotes, quotes, people


@pytest.mark.parametrize("bad", [0, -2])
def test_bad_n_jobs_raises(bad):
    c = corpus('"We will respond firmly," a defense ministry official said.')
    for call in (quotes, sources, mentioned_not_quoted):
        with pytest.raises(ValueError, match="n_jobs"):
            call(c, n_jobs=bad)


def test_small_corpora_stay_in_process_by_default(mixed_tokens, process_pools):
    mentioned_not_quoted(mixed_tokens)  # 123 documents, under the threshold: no processes
    assert process_pools == []
