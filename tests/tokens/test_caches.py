"""toolkit.tokens.caches: one switch empties the tokenizer's and tone's per-text caches."""

from __future__ import annotations

import pandas as pd

from toolkit.measures.tone import scoring
from toolkit.tokens import tokenizer
from toolkit.tokens.caches import clear_caches


def test_clear_caches_empties_tokenizer_and_tone_caches():
    corpus = pd.DataFrame({"text": ["Seoul protested. Tokyo replied."]})
    tokenizer.tokenize(corpus)
    scoring._split("Seoul protested. Tokyo replied.", "en")
    assert tokenizer._tokenize_text.cache_info().currsize > 0
    assert scoring._split.cache_info().currsize > 0
    clear_caches()
    assert tokenizer._tokenize_text.cache_info().currsize == 0
    assert scoring._split.cache_info().currsize == 0
