"""toolkit.text.language on hand-counted scripts."""

from __future__ import annotations

import pandas as pd

from toolkit.text.language import detect_language, other_language


def test_detect_language_shares_are_hand_counts():
    assert detect_language("Seoul protested.") == ("en", 1.0)
    # 3 Hangul + 2 Han of 5 letters: Han counts as Korean beside Hangul
    assert detect_language("독도는 韓國") == ("ko", 1.0)
    # 1 kana + 3 Han + 4 Latin = 8 letters; Japanese is kana + Han = 4/8, a tie with
    # Latin that goes to English
    assert detect_language("竹島は本 abcd") == ("en", 0.5)
    # 3 kana + 2 Han of 9 letters against 4 Latin: ja 5/9
    assert detect_language("竹島ですね abcd") == ("ja", round(5 / 9, 3))
    assert detect_language("中国") == ("zh", 1.0)
    assert detect_language("1234 !?") == ("", 0.0)


def test_other_language_lists_documents_in_another_language():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "language": ["en", "ja", "", None]})
    assert other_language(corpus, "en") == {"b": "ja"}
    assert other_language(corpus, "") == {}
    assert other_language(corpus.drop(columns="language"), "en") == {}
