"""toolkit.tokens.caches: one switch empties the per-text caches (words and sentence spans)."""

from __future__ import annotations

import pandas as pd

from toolkit.tokens import tokenizer
from toolkit.tokens.caches import clear_caches


def test_clear_caches_empties_the_word_and_sentence_caches():
    corpus = pd.DataFrame({"text": ["Seoul protested. Tokyo replied."]})
    tokenizer.tokenize(corpus)
    tokenizer._split("Seoul protested. Tokyo replied.", "en")
    assert tokenizer._tokenize_text.cache_info().currsize > 0
    assert tokenizer._split.cache_info().currsize > 0
    clear_caches()
    assert tokenizer._tokenize_text.cache_info().currsize == 0
    assert tokenizer._split.cache_info().currsize == 0
