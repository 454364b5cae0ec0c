"""load_corpus and tokenize give the same output as before the issue-16 speed-ups.

The expected digests in ``tests/fixtures/ingest_digests.tsv`` were computed
by ``tests/tokens/_digest.py`` with the code as it was before (commit
c6738d2), so they are an independent record of the old output.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests._paths import FIXTURES, needs_shared
from tests.tokens import _digest
from toolkit.corpus.load import load_corpus, load_demo
from toolkit.tokens.tokenizer import tokenize

EXPECTED = pd.read_csv(FIXTURES / "ingest_digests.tsv", sep="\t", comment="#").set_index("case")


def _check(name: str, corpus: pd.DataFrame) -> None:
    want = EXPECTED.loc[name]
    assert len(corpus) == want["documents"]
    assert _digest.corpus_digest(corpus) == want["corpus_sha256"]
    sent = tokenize(corpus).sentences
    assert (len(sent), int(sent["n_tokens"].sum())) == (want["sentences"], want["tokens"])
    assert _digest.tokens_digest(sent) == want["tokens_sha256"]


def test_demo_corpus_loads_and_tokenizes_as_before():
    _check("demo", load_demo())


def test_constructed_articles_load_and_tokenize_as_before():
    _check("distinct_500", load_corpus(_digest.distinct_frame(500)))


@needs_shared
def test_eval_english_text_loads_and_tokenizes_as_before():
    _check("eval_en", load_corpus(_digest.eval_english_frame()))


@pytest.mark.parametrize("case", ["demo", "distinct_500"])
def test_digest_changes_when_one_token_changes(case):
    # the digest is sensitive: altering one token of one sentence changes it
    corpus = load_demo() if case == "demo" else load_corpus(_digest.distinct_frame(500))
    sent = tokenize(corpus).sentences.copy()
    sent.at[3, "tokens"] = [*sent.at[3, "tokens"], "extra"]
    assert _digest.tokens_digest(sent) != EXPECTED.loc[case, "tokens_sha256"]
