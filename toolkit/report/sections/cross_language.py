"""Report section: each country's press about the other, in its own language.

The comparison researchers of Korea–Japan coverage ask for: tone toward Japan
in Korean-language articles against tone toward Korea in Japanese-language
articles, beside the English-language press toward both. Tone toward a country
is :func:`toolkit.measures.tone.scoring.target_tone` (the news measure, which
reads English, Korean and Japanese, each with its own lexicon) per mention,
averaged within each article; cells and the difference carry bootstrap
intervals over articles (:mod:`toolkit.stats.aggregation`).

This compares across languages on purpose, unlike the other sections: the
three measures share rules but not words, and only the English and Korean ones
have been checked against rated sentences. Japanese tone is unvalidated (there
is no rated Japanese news text to check it against), which the section says
next to every figure.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

TITLE = "Tone across languages"
ORDER = 35

LANGUAGE_NAMES = {"ko": "Korean", "ja": "Japanese", "en": "English"}
# Each side's press about the other country: the headline comparison.
_ABOUT_THE_OTHER = (("ko", "JP"), ("ja", "KR"))
_TARGET_NAMES = {"KR": "South Korea", "JP": "Japan"}
VALIDITY = {
    "en": "checked against human-rated English news sentences",
    "ko": "checked against Korean translations of rated news sentences",
    "ja": "unvalidated: no rated Japanese text to check it against",
}


def tone_toward_by_language(data: Any, *, window: int = 5) -> pd.DataFrame:
    """Article tone toward South Korea and Japan, with each article's language.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    window : int, default 5
        Distance scale of :func:`~toolkit.measures.tone.scoring.target_tone`.

    Returns
    -------
    DataFrame
        One row per document and target (``KR``, ``JP``), every document
        included: ``doc_id, language, target, tone`` (mean over the article's
        mentions; NaN without one), ``n_mentions``, ``status`` (``"ok"``,
        ``"no mention"`` or ``"not scored: ..."``).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["일본 정부가 강하게 비판했다.", "韓国との協力を歓迎した。"],
    ...                   "language": ["ko", "ja"]})
    >>> t = tone_toward_by_language(c)
    >>> t[["language", "target", "n_mentions", "status"]].values.tolist()
    [['ko', 'KR', 0, 'no mention'], ['ko', 'JP', 1, 'ok'], ['ja', 'KR', 1, 'ok'], ['ja', 'JP', 0, 'no mention']]
    """
    from toolkit.measures.tone.scoring import target_tone
    from toolkit.tokens.tokenizer import as_tokens

    tk = as_tokens(data)
    doc = target_tone(tk, actors=["KR", "JP"], window=window, level="document")
    language = tk.corpus.set_index("doc_id")["language"].fillna("").astype(str)
    doc.insert(1, "language", doc["doc_id"].map(language).fillna(""))
    return doc


def cross_language_table(
    docs: pd.DataFrame, *, n_boot: int = 1000, random_state: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cells (press language x target) and the headline difference, with intervals.

    Parameters
    ----------
    docs : DataFrame
        Output of :func:`tone_toward_by_language`.
    n_boot, random_state : int
        Bootstrap resamples over articles and their seed.

    Returns
    -------
    (cells, difference) : tuple of DataFrame
        ``cells``: one row per language of :data:`LANGUAGE_NAMES` present and
        target: ``language, press, toward, mean, ci_low, ci_high, n_docs``
        (articles with a scored mention), ``n_articles`` (all articles of the
        language), ``small_cell``, ``headline`` (the press about the other
        country) and ``measure`` (validity of that language's measure).
        ``difference``: Korean-language tone toward Japan minus
        Japanese-language tone toward Korea (``group_a, group_b, mean_a,
        mean_b, difference, ci_low, ci_high, n_docs_a, n_docs_b``); empty
        unless both sides have a scored article.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "language": ["ko", "ko", "ja", "ja"],
    ...                   "target": ["KR", "JP"] * 2, "tone": [None, -0.5, 0.25, None],
    ...                   "n_mentions": [0, 1, 1, 0], "status": ["no mention", "ok"] * 2})
    >>> cells, diff = cross_language_table(d, n_boot=100)
    >>> cells.loc[cells.headline, ["press", "toward", "mean"]].values.tolist()
    [['Korean-language', 'Japan', -0.5], ['Japanese-language', 'South Korea', 0.25]]
    >>> float(diff.loc[0, "difference"])
    -0.75
    """
    from toolkit.stats.aggregation import aggregate, difference

    d = docs[docs["language"].isin(list(LANGUAGE_NAMES))]
    cols = ["language", "press", "toward", "mean", "ci_low", "ci_high", "n_docs"]
    cols += ["n_articles", "small_cell", "headline", "measure"]
    if d.empty:
        return pd.DataFrame(columns=cols), pd.DataFrame()
    cells = aggregate(
        d, "tone", by=["language", "target"], n_boot=n_boot, random_state=random_state
    )
    articles = d.groupby("language")["doc_id"].nunique()
    order = {lang: i for i, lang in enumerate(LANGUAGE_NAMES)}
    cells = cells.sort_values(
        ["language", "target"], key=lambda s: s.map(order) if s.name == "language" else s
    )
    cells["press"] = cells["language"].map(LANGUAGE_NAMES) + "-language"
    cells["toward"] = cells["target"].map(_TARGET_NAMES)
    cells["n_articles"] = cells["language"].map(articles).astype("int64")
    pairs = set(_ABOUT_THE_OTHER)
    cells["headline"] = [
        (a, b) in pairs for a, b in zip(cells["language"], cells["target"], strict=True)
    ]
    cells["measure"] = cells["language"].map(VALIDITY)
    cells = cells[cols].reset_index(drop=True)

    sides = []
    for lang, target in _ABOUT_THE_OTHER:
        s = d[(d["language"] == lang) & (d["target"] == target) & d["tone"].notna()]
        sides.append(s.assign(side=f"{LANGUAGE_NAMES[lang]}-language toward {target}"))
    if any(s.empty for s in sides):
        return cells, pd.DataFrame()
    both = pd.concat(sides, ignore_index=True)
    diff = difference(
        both,
        "tone",
        by="side",
        groups=(sides[0]["side"].iat[0], sides[1]["side"].iat[0]),
        n_boot=n_boot,
        random_state=random_state,
    )
    return cells, diff


def build(ctx: Any) -> str:
    """Korean-language tone toward Japan against Japanese-language tone toward Korea."""
    corpus = ctx.corpus
    langs = set(corpus["language"].dropna()) if "language" in corpus.columns else set()
    if not {"ko", "ja"} & langs:
        return (
            "<p class='note'>Needs Korean- or Japanese-language articles (a "
            "<code>language</code> column with <code>ko</code> or <code>ja</code>).</p>"
        )
    docs = tone_toward_by_language(ctx.tokens)
    cells, diff = cross_language_table(docs, n_boot=ctx.n_boot, random_state=ctx.random_state)
    t_docs = ctx.save_table(docs, "tone_across_languages_documents")
    t_cells = ctx.save_table(cells, "tone_across_languages")
    n_docs = docs["doc_id"].nunique()
    elsewhere = docs.drop_duplicates("doc_id")["language"]
    elsewhere = elsewhere[~elsewhere.isin(list(LANGUAGE_NAMES))]
    left_out = ""
    if len(elsewhere):
        counts = elsewhere.replace("", "(unknown)").value_counts().sort_index()
        listed = ", ".join(f"{html.escape(str(k))}: {v:,}" for k, v in counts.items())
        left_out = (
            f" {len(elsewhere):,} articles are in another language ({listed}) and are "
            "left out of the cells; they stay in the documents table."
        )
    parts = [
        "<p>Tone toward Japan in Korean-language articles against tone toward South "
        "Korea in Japanese-language articles, beside English-language articles toward "
        "both. Tone of what is said near each mention of the country (actor lexicon, "
        "<code>target_tone</code>, the news measure in the article's own language), "
        "averaged within each article; 95% percentile bootstrap intervals over articles "
        f"({ctx.n_boot:,} resamples, seed {ctx.random_state}); <em>n_docs</em> counts "
        "articles with a scored mention, <em>n_articles</em> all articles of that "
        f"language. All {n_docs:,} articles are in the documents table with a status."
        f"{left_out}</p>",
        "<p class='note'><strong>Japanese tone is unvalidated</strong>: there is no "
        "rated Japanese news text to check the Japanese measure against. The three "
        "languages' measures share rules but not words, so a difference between "
        "languages mixes how the press writes with how each lexicon reads it.</p>",
        ctx.table_html(cells, max_rows=20),
    ]
    if len(diff):
        parts += [
            "<p>Korean-language tone toward Japan minus Japanese-language tone toward "
            "South Korea (articles resampled within each side):</p>",
            ctx.table_html(diff),
        ]
    else:
        parts.append(
            "<p class='note'>No difference: it needs a scored mention of Japan in a "
            "Korean-language article and of South Korea in a Japanese-language one.</p>"
        )
    parts.append(
        f"<p class='note'>CSV: <a href='{html.escape(t_cells)}'>{html.escape(t_cells)}</a>; "
        f"articles: <a href='{html.escape(t_docs)}'>{html.escape(t_docs)}</a>. Validity "
        "of the English and Korean measures: <code>python benchmarks/tone_validity.py"
        "</code>.</p>"
    )
    return "\n".join(parts)
