"""Frames: dictionaries, scores, explain, co-occurrence and shares.

All example sentences are CONSTRUCTED for these tests; expected counts are
hand counts written next to them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.lexicons.dictionary import load_dictionary
from toolkit.measures.framing import (
    explain_frames,
    frame_cooccurrence,
    frame_dictionary,
    frame_shares,
    frame_table,
    frames,
)
from toolkit.tokens.tokenizer import tokenize


def corpus(*texts: str, **cols) -> pd.DataFrame:
    data = {"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)}
    data.update(cols)
    return pd.DataFrame(data)


def fired(text: str, dictionary: str = "issue") -> set[str]:
    ex = explain_frames(corpus(text), lexicon=dictionary)
    return set(ex["frame"])


# One constructed sentence per issue frame that must fire it.
ISSUE_CASES = {
    "history": "Survivors demanded a sincere apology for colonial rule and wartime abuses.",
    "territory": "Tokyo repeated its sovereignty claim to the Dokdo islets.",
    "security": "The allies tracked a ballistic missile and discussed GSOMIA.",
    "diplomacy": "The foreign ministers agreed to resume shuttle diplomacy at a summit.",
    "economy": "Export controls on semiconductor materials hit supply chains.",
    "law": "The Supreme Court ordered compensation and approved the seizure of assets.",
    "domestic": "A new poll showed the president's approval rating falling before the election.",
    "environment": "Fishermen fear the release of treated water from Fukushima Daiichi.",
    "culture": "K-pop concerts and student exchanges keep young people in touch.",
}

GENERIC_CASES = {
    "conflict": "Seoul and Tokyo clashed again as the dispute escalated and each side rebuked the other.",
    "responsibility": "The government must take responsibility and find a solution urgently.",
    "economic_consequences": "Exporters lost millions of dollars as sales fell 30 percent.",
    "human_interest": "Her grandmother wept as she recalled the family she lost.",
    "morality": "Activists said it was a question of justice, dignity and conscience.",
}


@pytest.mark.parametrize("frame,text", sorted(ISSUE_CASES.items()))
def test_every_issue_frame_fires(frame: str, text: str) -> None:
    assert frame in fired(text)


@pytest.mark.parametrize("frame,text", sorted(GENERIC_CASES.items()))
def test_every_generic_frame_fires(frame: str, text: str) -> None:
    assert frame in fired(text, "generic")


@pytest.mark.parametrize(
    "text,frame",
    [
        ("It was a historic summit for both leaders.", "history"),  # "historic" = important
        ("The ruling party chose a new leader.", "law"),  # ruling party is politics
        ("The ruling Liberal Democratic Party met on Monday.", "law"),
        ("The exchange rate moved sharply.", "culture"),
        ("Energy security and food security were discussed.", "security"),
        ("She firmly rejected the idea.", "economy"),  # "firmly" is not a firm
        ("The guests thanked the hosts for their courtesy.", "law"),
        ("Officials held consultations on Friday.", "diplomacy"),  # not "consul*"
        # issue 15: the wartime system named with "military" is history
        ("Survivors of Japan's wartime military sexual slavery rallied.", "security"),
        ("The Japanese military 'comfort women' system was discussed.", "security"),
        ("The Japanese military \u201ccomfort women\u201d issue.", "security"),
        ("The military\u2019s sexual slavery was denied.", "security"),
        ("They were sex slaves for the Japanese military.", "security"),
        ("Women were forced into military brothels.", "security"),
        ("Comfort women for the Japanese military testified.", "security"),
        # issue 15: invest* matched "investigate"
        ("Prosecutors investigated the case.", "economy"),
        ("An investigation was opened.", "economy"),
    ],
)
def test_traps_do_not_fire(text: str, frame: str) -> None:
    assert frame not in fired(text, "issue")


def test_military_and_investment_still_fire() -> None:
    # the exclusions are narrow: military drills are security, investors economy
    assert "security" in fired("The military drills resumed near the border.")
    assert "economy" in fired("Foreign investors invested in chipmakers.")
    assert "history" in fired("Women were forced into military brothels.")


def test_a_party_alone_is_not_a_conflict() -> None:
    # "party" is a weak context indicator of conflict (weight 0.5: a conflict
    # needs parties), so it matches, but it is not enough for the frame
    f = frames(corpus("The opposition party walked out."), lexicon="generic")
    assert "conflict" in fired("The opposition party walked out.", "generic")
    assert not f.loc[0, "conflict_present"]


def test_north_korea_is_not_a_frame_word_inside_joined_token() -> None:
    # "Korea" alone is no frame word, and "nuclear" alone is not security:
    # the Fukushima plant must not read as a weapons story
    ex = explain_frames(corpus("The nuclear power plant at Fukushima released water."))
    assert "security" not in set(ex["frame"])
    assert "environment" in set(ex["frame"])


def test_document_counts_rates_and_dominant_tie() -> None:
    # hand count, issue frames:
    #   "Tokyo apologized for colonial rule."      history: apologized, colonial rule -> 2
    #   "The court ruled on compensation."         law: court, ruled, compensation  -> 3
    #   "The apology ignored textbooks."           history: apology, textbooks       -> 2
    # -> history 4, law 3; words: 4 + 5 + 4 = 13
    text_a = (
        "Tokyo apologized for colonial rule. The court ruled on compensation. "
        "The apology ignored textbooks."
    )
    # tie: history 1 (apology) and law 1 (court)
    text_b = "An apology reached the court."
    f = frames(corpus(text_a, text_b, ""))
    a = f.set_index("doc_id").loc["d0"]
    assert (a["history_count"], a["law_count"], a["n_tokens"]) == (4, 3, 13)
    assert a["history_rate"] == pytest.approx(4 * 1000 / 13)
    assert a["dominant_frame"] == "history" and not a["dominant_tie"]
    b = f.set_index("doc_id").loc["d1"]
    assert b["dominant_frame"] == "history|law" and b["dominant_tie"]
    empty = f.set_index("doc_id").loc["d2"]
    assert empty["status"] == "empty" and np.isnan(empty["history_rate"])
    # nothing to read: counts and flags are NA, not 0/False (issue 13)
    assert pd.isna(empty["dominant_frame"]) and pd.isna(empty["n_frames"])
    assert pd.isna(empty["history_count"]) and pd.isna(empty["history_present"])
    assert f["doc_id"].tolist() == ["d0", "d1", "d2"]  # every document, in order
    assert f.attrs["measure"] == "frames" and "toolkit_version" in f.attrs


def test_sentence_level_keeps_empty_documents() -> None:
    f = frames(corpus("Talks resumed. The court ruled.", ""), level="sentence")
    assert f["doc_id"].tolist() == ["d0", "d0", "d1"]
    assert f["sent_id"].iloc[:2].tolist() == [0, 1] and pd.isna(f["sent_id"].iloc[2])
    assert f["diplomacy_count"].tolist()[:2] == [1, 0] and pd.isna(f["diplomacy_count"].iloc[2])
    assert f["law_count"].tolist()[:2] == [0, 2] and pd.isna(f["law_count"].iloc[2])
    assert f["status"].tolist() == ["ok", "ok", "empty"]


def test_min_count_changes_presence_only() -> None:
    c = corpus("Talks resumed. More talks followed. The court met.")
    one = frames(c)
    two = frames(c, min_count=2)
    assert one["law_present"].item() and not two["law_present"].item()
    assert one["diplomacy_present"].item() and two["diplomacy_present"].item()
    assert one["law_count"].item() == two["law_count"].item() == 1


def test_explain_offsets_point_into_the_text() -> None:
    text = "Seoul lodged a protest over the textbook. The Supreme Court ruled."
    ex = explain_frames(corpus(text))
    for r in ex.itertuples():
        assert text[r.start : r.end] == r.matched
    assert ("law", "Supreme Court", "Supreme Court") in set(
        zip(ex["frame"], ex["pattern"], ex["matched"], strict=True)
    )
    assert set(explain_frames(corpus(text), frame="law")["frame"]) == {"law"}


def test_user_dictionary_from_mapping_yaml_and_csv(tmp_path) -> None:
    c = corpus("Beef imports and rice exports grew.")
    mapping = {"farm": {"patterns": ["beef", "rice"], "label": "Farm trade"}}
    assert frames(c, lexicon=mapping)["farm_count"].item() == 2
    y = tmp_path / "frames.yaml"
    y.write_text("farm:\n  patterns: [beef, rice]\n  exclude: [rice exports]\n", encoding="utf-8")
    assert frames(c, lexicon=y)["farm_count"].item() == 1  # "rice exports" cancels "rice"
    csvf = tmp_path / "frames.csv"
    csvf.write_text("word,category\nbeef,farm\nimport*,trade\n", encoding="utf-8")
    out = frames(c, lexicon=csvf)
    assert (out["farm_count"].item(), out["trade_count"].item()) == (1, 1)
    d = load_dictionary(y)
    assert frame_dictionary(d) is d


def test_bundled_dictionaries_are_documented() -> None:
    for name, n in (("issue", 9), ("generic", 5)):
        d = frame_dictionary(name)
        assert len(d.categories) == n
        for f in d.categories:
            meta = d.meta[f]
            assert meta.get("label") and meta.get("definition")
            assert meta.get("include_notes") and meta.get("exclude_notes")
    generic = frame_dictionary("generic")
    assert all(len(generic.meta[f]["questions"]) >= 3 for f in generic.categories)
    assert frame_table().shape[0] == 9


def test_cooccurrence_counts_and_jaccard_by_hand() -> None:
    # presence (issue frames): d0 history+law, d1 history, d2 law, d3 diplomacy
    c = corpus(
        "Colonial rule was raised in court.", "Colonial rule.", "The court met.", "Talks began."
    )
    m = frame_cooccurrence(c)
    assert m.loc["history", "law"] == 1 and m.loc["law", "history"] == 1
    assert m.loc["history", "history"] == 2 and m.loc["law", "law"] == 2
    assert m.loc["diplomacy", "history"] == 0
    j = frame_cooccurrence(c, jaccard=True)
    assert j.loc["history", "law"] == pytest.approx(1 / 3)  # both 1, either 3
    assert np.isnan(j.loc["culture", "territory"])
    # the same result from frames() output
    assert frame_cooccurrence(frames(c)).equals(m)


def test_frame_shares_match_hand_proportions_and_are_seeded() -> None:
    c = corpus(
        "Talks began.",
        "Talks ended.",
        "The court met.",
        "Dialogue and a summit.",
        "",
        country=["KR", "KR", "KR", "JP", "JP"],
        date=["2019-07-01", "2019-07-20", "2019-08-02", "2019-07-03", "2019-07-04"],
    )
    s = frame_shares(c, by="country", n_boot=300, random_state=3)
    dip = s[s["frame"] == "diplomacy"].set_index("country")
    assert dip.loc["KR", "share"] == pytest.approx(2 / 3)
    assert dip.loc["KR", "n_docs"] == 3
    assert dip.loc["JP", "share"] == 1.0 and dip.loc["JP", "n_docs"] == 1  # empty doc left out
    assert s.attrs["n_unmeasured"] == 1
    assert (s["ci_low"].dropna() <= s.loc[s["ci_low"].notna(), "share"] + 1e-12).all()
    assert s.equals(frame_shares(c, by="country", n_boot=300, random_state=3))
    # row order does not matter
    shuffled = c.sample(frac=1, random_state=1).reset_index(drop=True)
    s2 = frame_shares(shuffled, by="country", n_boot=300, random_state=3)
    pd.testing.assert_frame_equal(s.reset_index(drop=True), s2.reset_index(drop=True))
    by_month = frame_shares(c, by="country", freq="ME", n_boot=50)
    by_m = frame_shares(c, by="country", freq="M", n_boot=50)
    assert by_month.equals(by_m) and "period" in by_month.columns
    kr_jul = by_month[
        (by_month.country == "KR")
        & (by_month.frame == "diplomacy")
        & (by_month.period == pd.Timestamp("2019-07-01"))
    ]
    assert kr_jul["share"].item() == 1.0 and kr_jul["n_docs"].item() == 2


def test_frame_shares_dominant_splits_ties() -> None:
    # d0: history 1 (apology) + law 1 (court) -> tie, 1/2 each; d1: diplomacy
    c = corpus("An apology reached the court.", "Talks began.")
    s = frame_shares(c, method="dominant", n_boot=50).set_index("frame")["share"]
    assert s["history"] == pytest.approx(0.25) and s["law"] == pytest.approx(0.25)
    assert s["diplomacy"] == pytest.approx(0.5)
    assert s.sum() == pytest.approx(1.0)


def test_tokens_and_corpus_give_the_same_scores() -> None:
    c = corpus("The summit ended with an apology.", "Trade fell.")
    pd.testing.assert_frame_equal(frames(c), frames(tokenize(c)))


def test_bad_arguments_raise_clearly() -> None:
    c = corpus("Talks.")
    with pytest.raises(ValueError, match="level"):
        frames(c, level="paragraph")
    with pytest.raises(TypeError):
        frame_dictionary(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown frame"):
        explain_frames(c, frame="weather")
    with pytest.raises(KeyError):
        frame_shares(c, by="outlet_name", n_boot=10)


def test_frame_shares_reuses_given_scores_and_checks_min_count():
    import pandas as pd

    from toolkit.measures.framing import frame_shares, frames

    c = pd.DataFrame(
        {"text": ["Dokdo talks and a summit.", "Trade fell."], "country": ["KR", "JP"]}
    )
    scores = frames(c, min_count=1)
    a = frame_shares(c, by="country", n_boot=50, precomputed=scores)
    b = frame_shares(c, by="country", n_boot=50)
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(ValueError, match="min_count"):
        frame_shares(c, by="country", n_boot=50, min_count=2, precomputed=scores)


@pytest.fixture(scope="module")
def demo_tokens():
    from toolkit.corpus.load import load_demo

    return tokenize(load_demo())


@pytest.mark.parametrize("level", ["document", "sentence"])
def test_frames_are_the_same_in_processes(demo_tokens, monkeypatch, process_pools, level):
    import toolkit.measures.framing as framing

    monkeypatch.setattr(framing, "_PARALLEL_MIN", 1)  # the demo is below the real threshold
    for lexicon in ("issue", "generic"):
        one = frames(demo_tokens, lexicon=lexicon, level=level, n_jobs=1)
        assert not process_pools
        two = frames(demo_tokens, lexicon=lexicon, level=level, n_jobs=2)
        assert process_pools == [2]
        process_pools.clear()
        pd.testing.assert_frame_equal(one, two)
    assert one.attrs == two.attrs


def test_small_corpora_stay_in_process_by_default(demo_tokens, process_pools):
    frames(demo_tokens)  # 1,650 sentences, under the threshold: no processes started
    frame_shares(demo_tokens, by="outlet", n_boot=10)
    assert process_pools == []


@pytest.mark.parametrize("bad", [0, -2])
def test_bad_n_jobs_raises(bad):
    c = corpus("Seoul protested the textbook.")
    for call in (frames, frame_cooccurrence):
        with pytest.raises(ValueError, match="n_jobs"):
            call(c, n_jobs=bad)
    with pytest.raises(ValueError, match="n_jobs"):
        frame_shares(c, n_jobs=bad, n_boot=10)


def test_frames_are_the_same_in_spawned_processes(demo_tokens, monkeypatch):
    # macOS, Windows and Python 3.12+ spawn workers, which receive the
    # dictionary and their sentences pickled instead of inheriting them
    import toolkit._parallel as parallel
    import toolkit.measures.framing as framing

    monkeypatch.setattr(framing, "_PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel, "_start_method", lambda: "spawn")
    one = frames(demo_tokens, lexicon="generic", n_jobs=1)
    pd.testing.assert_frame_equal(one, frames(demo_tokens, lexicon="generic", n_jobs=2))
