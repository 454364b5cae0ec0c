"""Report section: tone by country and outlet over time, and tone toward Korea and Japan.

Sentence tone comes from the project's news measure (``tone(method="news")``);
an article's tone is the mean of its sentences; groups and time bins are
summarised by :func:`toolkit.stats.aggregation.aggregate` with bootstrap intervals
that resample articles. Tone toward KR and JP is :func:`target_tone` per
mention, averaged within each article first.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

TITLE = "Tone"
ORDER = 30


def _freq(dates: pd.Series) -> tuple[str, str]:
    """Time bins that leave several articles per bin: years, quarters or months."""
    d = dates.dropna()
    if d.empty:
        return "", ""
    span = (d.max() - d.min()).days
    if span > 3 * 365:
        return "YE", "year"
    if span > 180:
        return "QE", "quarter"
    return "ME", "month"


def _link(path: str) -> str:
    return f"<p class='note'>CSV: <a href='{html.escape(path)}'>{html.escape(path)}</a></p>"


def _figure(
    ctx: Any,
    plot: Any,
    data: pd.DataFrame,
    name: str,
    caption: str,
    labels: tuple[str, str],
    **kwargs: Any,
) -> str:
    if data.empty:
        return "<p class='note'>Figure skipped: no data.</p>"
    import matplotlib.pyplot as plt

    from toolkit.plots import paper_style

    with paper_style():
        fig, ax = plt.subplots(figsize=(6.5, 3.6))
        plot(data, ax=ax, **kwargs)
        ax.set_xlabel(labels[0])
        ax.set_ylabel(labels[1])
        src = ctx.save_figure(fig, name)
    return ctx.figure_html(src, caption)


def _named(values: pd.Series) -> pd.Series:
    """Group labels with missing and empty values shown as "(none)"."""
    return values.fillna("").astype(str).replace("", "(none)")


def _differences(mentions: pd.DataFrame, ctx: Any) -> pd.DataFrame:
    """KR-outlet minus JP-outlet tone toward each target, with intervals."""
    from toolkit.stats.aggregation import difference

    rows = []
    for target in ("KR", "JP"):
        sub = mentions[mentions["target"] == target]
        if {"KR", "JP"} <= set(sub["outlet_country"]):
            d = difference(
                sub,
                "tone",
                by="outlet_country",
                groups=("KR", "JP"),
                n_boot=ctx.n_boot,
                random_state=ctx.random_state,
            )
            d.insert(0, "toward", target)
            rows.append(d)
    cols = [
        "toward",
        "group_a",
        "group_b",
        "mean_a",
        "mean_b",
        "difference",
        "ci_low",
        "ci_high",
        "n_docs_a",
        "n_docs_b",
    ]
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=cols)


def build(ctx: Any) -> str:
    """Tone by country over time, by outlet, and toward KR vs JP by outlet country."""
    from toolkit.measures.tone.scoring import document_tone, target_tone, tone
    from toolkit.plots import plot_group_comparison, plot_tone_over_time
    from toolkit.stats.aggregation import aggregate

    corpus = ctx.corpus
    tk = ctx.tokens
    sent = tone(tk, method="news")
    docs = document_tone(sent, tk)
    meta = corpus[["doc_id", "date", "outlet", "country"]]
    docs_m = docs.merge(meta, on="doc_id", how="left")
    for col in ("outlet", "country"):
        docs_m[col] = _named(docs_m[col])
    n_ok = int((docs["status"] == "ok").sum())
    status = docs["status"].astype(str)
    other_lang = status.str.startswith("not measured: language")
    seed = ctx.random_state
    unread = ""
    if other_lang.any():
        langs = status[other_lang].str.extract(r"language '([^']*)'")[0].value_counts()
        listed = ", ".join(f"{k}: {v:,}" for k, v in langs.sort_index().items())
        unread += (
            f" {int(other_lang.sum()):,} have text in a language this measure does not "
            f"score ({listed});"
        )
    n_rest = len(docs) - n_ok - int(other_lang.sum())
    if n_rest:
        unread += f" {n_rest:,} have no readable text;"
    # Each language's measure has its own lexicon and its own validity figures, so the
    # charts compare articles of one language (as keyness does); every article's score
    # stays in the tables.
    all_docs = docs_m
    lang = ctx.language
    if lang is not None and "language" in corpus.columns:
        doc_lang = docs_m["doc_id"].map(corpus.set_index("doc_id")["language"])
        elsewhere = docs_m["status"].eq("ok") & doc_lang.fillna("").ne(lang)
        if elsewhere.any():
            counts = doc_lang[elsewhere].value_counts().sort_index()
            listed = ", ".join(f"{k}: {v:,}" for k, v in counts.items())
            unread += (
                f" {int(elsewhere.sum()):,} scored articles are in another language "
                f"({listed}): their scores are in the tables, but the charts below "
                f"compare articles in language '{html.escape(lang)}' only;"
            )
        keep = doc_lang.fillna("").eq(lang) | ~docs_m["status"].eq("ok")
        docs_m = docs_m[keep]
        in_lang = set(docs_m["doc_id"])
    else:
        in_lang = None
    parts = [
        f"<p>Sentence tone from the toolkit's news measure (in [-1, 1]; "
        f"<code>tone(method='news')</code>), averaged over each article's sentences. "
        f"{n_ok:,} of {len(docs):,} articles were scored;{unread.rstrip(';')}"
        f"{'.' if unread else ''} Intervals are 95% "
        f"percentile bootstrap intervals over articles ({ctx.n_boot:,} resamples, seed "
        f"{seed}); <em>n</em> is the number of articles. Cells with fewer than 5 articles "
        "are drawn with an open marker and without an interval (small_cell in the "
        "tables).</p>"
    ]
    tables: dict[str, str] = {
        "sentences": ctx.save_table(sent, "tone_sentences"),
        "documents": ctx.save_table(all_docs, "tone_documents"),
    }

    freq, unit = _freq(docs_m["date"])
    if freq:
        over_time = aggregate(
            docs_m, "tone", by="country", freq=freq, n_boot=ctx.n_boot, random_state=seed
        )
        tables["time"] = ctx.save_table(over_time, "tone_by_country_over_time")
        parts += [
            f"<h3>Tone by outlet country, per {unit}</h3>",
            _figure(
                ctx,
                plot_tone_over_time,
                over_time,
                "tone_by_country_over_time",
                f"Mean article tone per {unit} by outlet country, with 95% intervals.",
                (unit.capitalize(), "Mean article tone"),
                hue="country",
            ),
            ctx.table_html(over_time, max_rows=30),
            _link(tables["time"]),
        ]
    by_outlet = aggregate(
        docs_m, "tone", by=["country", "outlet"], n_boot=ctx.n_boot, random_state=seed
    )
    tables["outlet"] = ctx.save_table(by_outlet, "tone_by_outlet")
    parts += [
        "<h3>Tone by outlet</h3>",
        _figure(
            ctx,
            plot_group_comparison,
            by_outlet,
            "tone_by_outlet",
            "Mean article tone by outlet, with 95% intervals.",
            ("Mean article tone", ""),
            y="outlet",
            ref=0.0,
        ),
        ctx.table_html(by_outlet, max_rows=40),
        _link(tables["outlet"]),
    ]

    mentions = target_tone(tk, actors=["KR", "JP"])
    m = mentions if in_lang is None else mentions[mentions["doc_id"].isin(in_lang)]
    m = m.merge(meta[["doc_id", "country"]], on="doc_id", how="left")
    m["country"] = _named(m["country"])
    m = m.rename(columns={"country": "outlet_country"})
    toward = aggregate(
        m, "tone", by=["outlet_country", "target"], n_boot=ctx.n_boot, random_state=seed
    )
    toward["target"] = toward["target"].map({"KR": "toward KR", "JP": "toward JP"})
    diffs = _differences(m, ctx)
    tables["diff"] = ctx.save_table(diffs, "tone_toward_kr_jp_differences")
    tables["mentions"] = ctx.save_table(mentions, "tone_toward_targets_mentions")
    tables["toward"] = ctx.save_table(toward, "tone_toward_kr_jp_by_outlet_country")
    parts += [
        "<h3>Tone toward South Korea and toward Japan, by outlet country</h3>",
        "<p>Tone of what is said near each mention of South Korea or Japan (actor "
        "lexicon), from <code>target_tone</code>: sentiment words weigh less the further "
        "they are from the mention (scale 5 tokens) and less again outside its clause; "
        'when the country is the speaker ("Seoul said") the score is damped. Mentions are '
        "averaged within each article before the bootstrap.</p>",
        _figure(
            ctx,
            plot_group_comparison,
            toward,
            "tone_toward_kr_jp",
            "Tone toward KR and JP by outlet country, with 95% intervals.",
            ("Mean tone toward the country", "Outlet country"),
            y="outlet_country",
            hue="target",
            ref=0.0,
        ),
        ctx.table_html(toward, max_rows=30),
        _link(tables["toward"]),
        "<p>Difference between Korean and Japanese outlets in tone toward each country "
        "(KR outlets minus JP outlets; bootstrap over articles within each side):</p>",
        ctx.table_html(diffs) if len(diffs) else "<p class='note'>Needs KR and JP outlets.</p>",
        _link(tables["diff"]),
        "<p class='note'>Validity of these measures on human-rated news sentences: "
        "<code>python benchmarks/tone_validity.py</code> (see "
        "<code>toolkit.measures.tone.scoring</code>'s docstring). All sentence scores: "
        f"<a href='{html.escape(tables['sentences'])}'>{html.escape(tables['sentences'])}</a>; "
        f"article scores: <a href='{html.escape(tables['documents'])}'>"
        f"{html.escape(tables['documents'])}</a>; mentions: "
        f"<a href='{html.escape(tables['mentions'])}'>{html.escape(tables['mentions'])}</a>.</p>",
    ]
    return "\n".join(parts)
