"""The constructed Korean and Japanese demo articles: labelled, and the measures recover
what the writers intended (naming, frames, quote speakers)."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.corpus.demo import load_demo_ko_ja
from toolkit.measures.framing import frames
from toolkit.measures.framing_cjk import issue_frames
from toolkit.measures.quotes.english import quotes
from toolkit.measures.terminology import naming_lines
from toolkit.tokens.tokenizer import tokenize


@pytest.fixture(scope="module")
def demo():
    return load_demo_ko_ja()


@pytest.fixture(scope="module")
def tokens(demo):
    return tokenize(demo)


def test_every_article_is_labelled_constructed(demo):
    assert len(demo) == 20
    assert demo["constructed"].all()
    assert demo["status"].eq("ok").all()
    assert demo.groupby("language")["country"].agg(set).to_dict() == {"ko": {"KR"}, "ja": {"JP"}}


def test_intended_naming_is_recovered(demo, tokens):
    lines = naming_lines(tokens)
    found = lines.groupby("doc_id")["variant"].agg(set).to_dict()
    for row in demo.itertuples():
        for forms in row.intended_naming.values():
            for form in forms:
                # the variant a written form stands for, read from the form alone
                variants = set(naming_lines(pd.DataFrame({"text": [form]}))["variant"])
                assert variants, f"{row.doc_id}: {form} is not in the naming lexicon"
                assert variants <= found.get(row.doc_id, set()), (row.doc_id, form)
    # 전범기업 in demo-ko-01 is not the war criminal flag
    assert "war_criminal_flag" not in found["demo-ko-01"]


def test_intended_frames_are_present(demo, tokens):
    for lang in ("ko", "ja"):
        out = frames(tokens, lexicon=issue_frames(lang)).set_index("doc_id")
        for row in demo[demo["language"] == lang].itertuples():
            for frame in row.intended_frames:
                assert out.loc[row.doc_id, f"{frame}_count"] > 0, (row.doc_id, frame)


def test_quotes_have_speakers_and_no_named_person_is_quoted(tokens):
    q = quotes(tokens)
    assert len(q) >= 20
    assert q["speaker"].notna().all()
    # the demo rule: only unnamed officials or described ordinary people speak
    assert q["speaker_name"].isna().all()
