"""The constructed Korean- and Japanese-language demo articles.

:func:`load_demo_ko_ja` returns 20 teaching articles written for this
project (10 Korean, 10 Japanese; ``toolkit/data/demo/articles_ko_ja.jsonl``,
datasheet in ``toolkit/data/demo/README.md``). They are **constructed**, not
real news: the outlets are fictional, the events real, and every quotation
is invented and attributed only to unnamed officials or described ordinary
people.
"""

from __future__ import annotations

import pandas as pd

from toolkit.data import data_path

__all__ = ["load_demo_ko_ja"]


def load_demo_ko_ja() -> pd.DataFrame:
    """The constructed Korean and Japanese demo corpus (20 articles, ``constructed`` is True).

    Examples
    --------
    >>> demo = load_demo_ko_ja()
    >>> demo["language"].value_counts().to_dict(), bool(demo["constructed"].all())
    ({'ko': 10, 'ja': 10}, True)
    """
    from toolkit.corpus.load import load_corpus

    corpus = load_corpus(data_path("demo", "articles_ko_ja.jsonl"))
    corpus["constructed"] = corpus["constructed"].astype(bool)
    return corpus
