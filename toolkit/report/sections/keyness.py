"""Report section: keyness of one group of outlets against another.

Korean against Japanese outlets (``country`` KR vs JP) when the corpus has
both; otherwise the most common value of the first grouping column with at
least two values against all the other documents.
"""

from __future__ import annotations

import html
import re

import pandas as pd

TITLE = "Keywords: what each side writes about more"
ORDER = 20

_CANDIDATES = ("country", "outlet", "language", "episode")
_SHOWN = [
    "term",
    "target_count",
    "reference_count",
    "target_per_10k",
    "reference_per_10k",
    "G2",
    "p_adj",
    "log_ratio",
]


def _choose(corpus: pd.DataFrame, asked=None) -> tuple[str, object, object] | None:
    """(by, target, reference) for the comparison, or None if there is nothing to compare."""
    if asked is not None:
        return asked
    if "country" in corpus.columns:
        values = set(corpus["country"].dropna())
        if {"KR", "JP"} <= values:
            return "country", "KR", "JP"
    for col in _CANDIDATES:
        if col not in corpus.columns:
            continue
        counts = corpus[col].dropna().astype(str)
        counts = counts[counts.str.strip() != ""].value_counts()
        if len(counts) >= 2:
            top = sorted(counts.index, key=lambda v: (-counts[v], v))[0]
            return col, top, None
    return None


def _label(by: str, value: object) -> str:
    return f"{value} outlets" if by == "country" else f"{by} = {value}"


def _slug(value: object) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", str(value)).strip("-") or "group"


# Contested place names whose spread across articles the x-ray shows.
_XRAY_TERMS = ["Dokdo", "Takeshima", "East Sea", "Sea of Japan"]


def _scatter(ctx, out: pd.DataFrame, name: str, target: str, reference: str) -> str:
    from toolkit.plots import paper_style, plot_distinctive_terms

    with paper_style(width="single", aspect=1.0):
        ax = plot_distinctive_terms(
            out,
            x="reference_per_10k",
            y="target_per_10k",
            n_labels=12,
            key_labels=(reference, target),
        )
        ax.set_xlabel(f"per 10,000 tokens, {reference}")
        ax.set_ylabel(f"per 10,000 tokens, {target}")
        src = ctx.save_figure(ax.figure, f"{name}_scatter")
    return ctx.figure_html(
        src,
        f"Relative frequency of each term in {target} (y) and "
        f"{reference} (x); the most distinctive terms are labelled.",
    )


def _xray(ctx) -> str:
    """Where the contested place names fall in the articles that use them, by date."""
    from toolkit.measures.concordance import dispersion
    from toolkit.plots import paper_style, plot_dispersion

    pos = dispersion(ctx.tokens, _XRAY_TERMS, include_empty=False)
    if pos.empty:
        return "<p>None of the contested place names occurs in this corpus.</p>"
    meta = ctx.corpus[["doc_id", "date", "outlet"]]
    pos = pos.merge(meta, on="doc_id", how="left")
    n_docs = pos["doc_id"].nunique()
    with paper_style(width="double", height=min(9.0, 1.0 + 0.12 * n_docs)):
        ax = plot_dispersion(pos, order=["date", "doc_id"], label="outlet", hue_order=_XRAY_TERMS)
        src = ctx.save_figure(ax.figure, "dispersion_place_names")
    csv = ctx.save_table(pos, "dispersion_place_names")
    per = -(-n_docs // 200)  # plot_dispersion's max_rows: runs of articles beyond 200
    rows = (
        "one row per article that uses any of them"
        if per == 1
        else f"one row per {per} consecutive articles that use any of them, a tick where any "
        "of them has the term"
    )
    return ctx.figure_html(
        src,
        f"Lexical dispersion of {', '.join(_XRAY_TERMS)}: {rows} "
        f"({n_docs:,} articles), ordered by date, "
        "labelled by outlet; 0 = start of the article, 1 = end.",
    ) + (f"<p class='note'>Positions: <a href='{html.escape(csv)}'>{html.escape(csv)}</a></p>")


def build(ctx) -> str:
    """Compute keyness, save the full table, show the top terms of each side and a figure."""
    from toolkit.measures.keyterms import keyness

    corpus = ctx.corpus
    lang = ctx.language
    candidates = corpus
    if lang is not None and "language" in corpus.columns:
        # words of two languages are not comparable: compare within one
        candidates = corpus[corpus["language"].fillna("").astype(str) == lang]
    choice = _choose(candidates, ctx.compare)
    if choice is None:
        return (
            "<p>Keyness compares two groups of documents, but no grouping column "
            f"({', '.join(_CANDIDATES)}) has two or more values in this corpus.</p>"
        )
    by, target, reference = choice
    t_label = _label(by, target)
    ref_label = "all other documents" if reference is None else _label(by, reference)
    target_key, reference_key, by_key = target, reference, by
    if lang is not None and by != "language" and "language" in corpus.columns:
        by_key = [by, "language"]
        target_key = (target, lang)
        if reference is None:
            others = candidates[by].dropna()
            reference_key = [(v, lang) for v in sorted(set(others) - {target}, key=str)]
        else:
            reference_key = (reference, lang)
    try:
        out = keyness(
            ctx.tokens,
            target_key,
            by=by_key,
            reference=reference_key,
            measure="lr",
            min_count=3,
            stopwords=True,
            drop_numbers=True,
        )
    except ValueError as err:
        if lang is None:
            raise
        return (
            f"<p>Within language '{html.escape(lang)}', the comparison of "
            f"{html.escape(t_label)} with {html.escape(ref_label)} is not possible: "
            f"{html.escape(str(err))}.</p>"
        )
    name = f"keyness_{_slug(target)}_vs_{_slug(reference if reference is not None else 'rest')}"
    csv = ctx.save_table(out, name)
    n_t, n_r = out.attrs["n_target_docs"], out.attrs["n_reference_docs"]
    within = ""
    if lang is not None:
        n_other = int(ctx.other_languages().sum())
        within = (
            f"Both sides are documents in language '{html.escape(lang)}' only; "
            f"{n_other:,} documents in other languages are left out (comparing the "
            "words of two languages would only find the languages). "
        )
    parts = [
        f"<p>{within}Target: <b>{html.escape(t_label)}</b> ({n_t} documents, "
        f"{int(out.attrs['params']['target_total']):,} tokens); reference: "
        f"<b>{html.escape(ref_label)}</b> ({n_r} documents, "
        f"{int(out.attrs['params']['reference_total']):,} tokens). "
        "Statistic: log-likelihood G² with Williams' correction, signed (negative = key "
        "in the reference); p_adj: Benjamini-Hochberg over the terms in the table; "
        "log_ratio: binary log of the ratio of relative frequencies (zero counts replaced "
        "by 0.5). Stopwords and "
        "numbers removed, terms seen fewer than 3 times dropped. "
        f"Full table: <a href='{html.escape(csv)}'>{html.escape(csv)}</a>.</p>"
    ]
    if out.empty:
        parts.append("<p>No term occurs at least 3 times; nothing to show.</p>")
        return "".join(parts)
    parts.append(_figure(ctx, out, name, t_label, ref_label))
    parts.append(_scatter(ctx, out, name, t_label, ref_label))
    parts.append(_xray(ctx))
    pos = out[out["G2"] > 0].head(15)[_SHOWN]
    neg = out[out["G2"] < 0].sort_values(["G2", "term"]).head(15)[_SHOWN]
    parts.append(f"<h3>Key in {html.escape(t_label)}</h3>")
    parts.append(ctx.table_html(pos, max_rows=15) if len(pos) else "<p>None.</p>")
    parts.append(f"<h3>Key in {html.escape(ref_label)}</h3>")
    parts.append(ctx.table_html(neg, max_rows=15) if len(neg) else "<p>None.</p>")
    return "".join(parts)


def _figure(ctx, out: pd.DataFrame, name: str, target: str, reference: str) -> str:
    from toolkit.plots import paper_style, plot_keyness

    with paper_style(width="double", aspect=0.55):
        ax = plot_keyness(
            out,
            n=10,
            statistic="G2",
            effect="log_ratio",
            target_label=target,
            reference_label=reference,
        )
        src = ctx.save_figure(ax.figure, name)
    caption = f"Top 10 key terms on each side, {target} vs {reference} (signed log-likelihood G²)."
    return ctx.figure_html(src, caption)
