"""The numpy batch path of news tone (issue 16) against independent references.

- its byte tokenizer against the regex of c6738d2 (``_TOKEN``), on CONSTRUCTED
  strings made to break it (they report nothing and quote no one), on random
  strings over the characters the regex treats specially, and on every dev
  sentence in ``../shared/eval``;
- its per-sentence sums against a plain Python left-to-right loop;
- its scores against the per-sentence scorer (``news_tone_score``, a separate
  implementation held to the c6738d2 fixtures in test_news_reference.py) under
  parameters that switch every rule, where a sentence holds the batch's
  boundary word, and on a run-on sentence longer than the length table.
"""

from __future__ import annotations

import csv
import json
import random

import numpy as np
import pandas as pd

from tests._paths import EVAL, needs_shared
from toolkit.measures.tone import _news_batch, news
from toolkit.measures.tone.news import news_tone_score, news_tone_scores, with_params

# What the batch path reads instead of a token of the regex: the same record.
_SAME_RECORD = str.maketrans({"’": "'", "“": '"', "”": '"'})


def _regex_tokens(text: str) -> list[str]:
    toks = [t.translate(_SAME_RECORD) for t in news._TOKEN.findall(text)]
    return ["--" if t in ("—", "–") else t for t in toks]


def _batch_tokens(text: str, text_of: dict[int, str] | None = None) -> list[str]:
    st = news._words_for(news.DEFAULT)
    ids = st.ids(_news_batch._blanked(text))
    if text_of is None or len(text_of) < len(st.index):
        text_of = {k: c.decode("ascii") for c, k in st.index.items()}
    return [text_of[k] for k in ids.tolist()]


TRICKY = [
    "",
    "   ",
    "a---b a--b a-b--c a-b- -b - -- --- ---- a----b",
    "rock'n'roll don't officials' 'tis ''quoted'' a''b a'-b a-'b a-b'c",
    "rock’n’roll don’t officials’ ’90s G7’s l’état",
    "war—peace war–peace -— —- –-– a-—b ——",
    "“Quoted,” he said; (really?) yes: no! U.S. 3.5% $5-billion 2-1",
    "Café naïve résumé 한국 日本 😀 \t\n\x0b\x0c\x00 tab\tnew\nline",
    "lone surrogate \ud800 here",
    f"a {news._BOUNDARY} b x{news._BOUNDARY}y {news._BOUNDARY}-z",
    # 16 letters and longer: a long chunk must not be read as its first 16 bytes
    "abcdefghijklmnop abcdefghijklmnopq abcdefghijklmnop- abcdefghijklmnopqrstuvwxyz"
    " abcdefgh abcdefghi abcdefghijklmnop-qrst abcdefghijklmnop's",
]


def test_byte_tokens_equal_regex_tokens_on_tricky_strings():
    for _ in range(2):  # the second time every chunk is known (in the key table)
        for text in TRICKY:
            assert _batch_tokens(text) == _regex_tokens(text), text


def test_byte_tokens_equal_regex_tokens_on_random_strings():
    rng = random.Random(16)
    alphabet = list("aZ'’-—–.,;:!?()\"“”‘ 1é\t") + ["ab", "Xy", "--", "n't"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert _batch_tokens(text) == _regex_tokens(text), repr(text)


def _eval_texts() -> list[str]:
    nyt = pd.read_csv(EVAL / "nyt_editorial_snippets_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    fp = pd.read_csv(EVAL / "finphrase_en_ko_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    with open(EVAL / "newsmtsc_rw_dev.jsonl", encoding="utf-8") as fh:
        mt = [json.loads(line)["sentence"] for line in fh if line.strip()]
    return nyt["text"].astype(str).tolist() + mt + fp["en"].astype(str).tolist()


@needs_shared
def test_byte_tokens_equal_regex_tokens_on_dev_sentences():
    texts = _eval_texts()
    st = news._words_for(news.DEFAULT)
    for t in texts:  # every chunk an id first, so one inverse map serves all
        st.ids(_news_batch._blanked(t))
    text_of = {k: c.decode("ascii") for c, k in st.index.items()}
    bad = [t for t in texts if _batch_tokens(t, text_of) != _regex_tokens(t)]
    assert len(texts) > 5000 and bad == []


def test_running_sums_add_left_to_right():
    rng = np.random.default_rng(4)
    # sentence k holds k % 40 values: some past the numpy columns (_COLUMNS)
    sents = np.repeat(np.arange(200), np.arange(200) % 40)
    vals = rng.standard_normal(len(sents)) * 10.0 ** rng.integers(-8, 8, len(sents))
    got, counts = _news_batch._running_sums(vals, sents, 201)
    want = [0.0] * 201
    for s, v in zip(sents.tolist(), vals.tolist(), strict=True):
        want[s] = want[s] + v
    assert [repr(x) for x in got.tolist()] == [repr(x) for x in want]
    assert counts.tolist() == np.bincount(sents, minlength=201).tolist()
    # pairwise summation (numpy's own) differs somewhere on these values
    pairwise = np.add.reduceat(vals, np.flatnonzero(np.diff(sents, prepend=-1)))
    assert pairwise.tolist() != [w for w in want if w != 0.0]


# every switch and weight changed from the defaults
ALT = with_params(
    negation=-0.5,
    negation_window=5,
    booster=0.5,
    dampener=0.1,
    contrast_before=0.25,
    contrast_after=2.0,
    names_neutral=False,
    inflections=False,
    derivations=False,
    negative_weight=1.0,
    length_power=0.5,
    length_ref=10.0,
    negator_valence=0.5,
)

CONSTRUCTED = [
    "The talks were not very good, but officials were hopeful.",
    "Good faith talks resumed in good faith at odds on track.",
    "Human rights human rights good good faith faith.",
    "Hope and Liberty: Hope remains; Freedom matters. Joy!",
    "They cannot, will not and would never agree -- nothing helped.",
    "The deal, however, was a success but the outlook remains grim.",
    "Barely good, hardly bad, slightly disappointing, extremely bad.",
]


def test_batch_equals_single_sentence_path_under_other_parameters():
    texts = CONSTRUCTED + [t.upper() for t in CONSTRUCTED] + [t.lower() for t in CONSTRUCTED]
    for params in (news.DEFAULT, ALT):
        single = [news_tone_score(t, params) for t in texts]
        assert news._news_tone_rows(texts, params) == single
        want = np.array([[float(x) for x in r] for r in single])
        assert news_tone_scores(texts, params).tolist() == want.tolist()


@needs_shared
def test_batch_equals_single_sentence_path_on_dev_sentences_under_other_parameters():
    texts = list(dict.fromkeys(_eval_texts()))
    rows = news._news_tone_rows(texts, ALT)
    bad = [t for t, r in zip(texts, rows, strict=True) if repr(r) != repr(news_tone_score(t, ALT))]
    assert bad == []


def test_sentence_holding_the_boundary_word_is_read_alone():
    texts = [
        "Relations have frayed.",
        f"Talks {news._BOUNDARY} failed.",
        f"{news._BOUNDARY} good",
        "Good faith talks resumed.",
    ]
    single = [news_tone_score(t) for t in texts]
    assert news._news_tone_rows(texts) == single
    # the boundary word is a capitalised word inside the sentence like any other
    assert single[1] == news_tone_score("Talks Somewhere failed.")


def test_run_on_sentence_past_the_length_table():
    # constructed: 70,000 words, one sentence (a scrape that lost its full stops)
    text = " ".join(["talks were good and results were bad"] * 10_000)
    assert news._news_tone_rows([text, "Relations have frayed."]) == [
        news_tone_score(text),
        news_tone_score("Relations have frayed."),
    ]
