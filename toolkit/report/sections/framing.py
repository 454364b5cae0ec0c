"""Report section: issue frames and generic news frames by country, with intervals."""

from __future__ import annotations

import html

import pandas as pd

TITLE = "Frames: which issues and which generic frames each side uses"
ORDER = 40
# Two matches make a frame "present" in an article here: on the constructed
# demo articles this trades a little recall for clearly better precision
# against the authors' intended frames (tests/measures/test_demo_intended_codes.py).
MIN_COUNT = 2


def group_column(corpus: pd.DataFrame) -> str | None:
    """The column to compare groups by: country if it has two values, else outlet."""
    for col in ("country", "outlet"):
        if col in corpus.columns:
            vals = corpus[col].dropna().astype(str)
            if vals[vals.str.strip() != ""].nunique() >= 2:
                return col
    return None


def _figures(ctx, shares: pd.DataFrame, by: str | None, stem: str, what: str) -> list[str]:
    import toolkit.plots as plots

    out = []
    if by is not None:
        with plots.paper_style():
            ax = plots.plot_frames_heatmap(shares, x=by, y="frame", value="share")
            ax.set_title(f"Share of documents using each {what} frame")
            src = ctx.save_figure(ax.figure, f"{stem}_heatmap")
        out.append(
            ctx.figure_html(
                src, f"Share of documents in which each {what} frame is present, by {by}."
            )
        )
    with plots.paper_style():
        ax = plots.plot_group_comparison(
            shares, y="frame", x="share", hue=by, count=None if by else "n_docs"
        )
        ax.set_xlabel("Share of documents (95% bootstrap interval)")
        src = ctx.save_figure(ax.figure, f"{stem}_shares")
    out.append(
        ctx.figure_html(
            src,
            f"{what.capitalize()} frame shares with 95% "
            "percentile-bootstrap intervals over documents.",
        )
    )
    return out


def _over_time(ctx, dictionary: str, stem: str, scores: pd.DataFrame) -> str:
    """Yearly frame shares, one small panel per frame."""
    from toolkit.measures.framing import frame_shares
    from toolkit.plots import paper_style, plot_frames_over_time

    yearly = frame_shares(
        ctx.tokens,
        dictionary,
        freq="YE",
        n_boot=ctx.n_boot,
        random_state=ctx.random_state,
        min_count=MIN_COUNT,
        scores=scores,
    )
    csv = ctx.save_table(yearly, f"{stem}_shares_by_year")
    with paper_style(width="double"):
        fig = plot_frames_over_time(yearly, x="period", y="share", col="frame", kind="facets")
        src = ctx.save_figure(fig, f"{stem}_over_time")
    return ctx.figure_html(
        src,
        "Share of documents using each issue frame per year, with 95% "
        "bootstrap intervals (years without articles are left out).",
    ) + (f"<p class='note'>Table: <a href='{html.escape(csv)}'>{html.escape(csv)}</a></p>")


def build(ctx) -> str:
    """Frame shares by group (issue and generic frames), dominant frames, co-occurrence."""
    from toolkit.measures.framing import frame_cooccurrence, frame_shares, frame_table, frames

    by = group_column(ctx.corpus)
    parts = [
        "<p>Frames are counted with editable dictionaries (toolkit/data/frames/). A frame is "
        f"<i>present</i> in a document when its patterns match at least {MIN_COUNT} times "
        "(<code>min_count</code>); shares are "
        "the proportion of documents with the frame, with 95% percentile-bootstrap intervals "
        f"that resample documents ({ctx.n_boot:,} resamples, seed {ctx.random_state}). Use "
        "<code>toolkit.measures.framing.explain_frames</code> to see which words fired.</p>"
    ]
    for dictionary in ("issue", "generic"):
        what, stem = dictionary, f"frames_{dictionary}"
        scores = frames(ctx.tokens, dictionary, min_count=MIN_COUNT)
        shares = frame_shares(
            ctx.tokens,
            dictionary,
            by=by,
            n_boot=ctx.n_boot,
            random_state=ctx.random_state,
            min_count=MIN_COUNT,
            scores=scores,
        )
        csv_s = ctx.save_table(shares, f"{stem}_shares{'_by_' + by if by else ''}")
        csv_d = ctx.save_table(scores, f"{stem}_by_document")
        co = frame_cooccurrence(scores)
        csv_c = ctx.save_table(co.reset_index(), f"{stem}_cooccurrence")
        parts.append(f"<h3>{html.escape(what.capitalize())} frames</h3>")
        parts.append(
            ctx.table_html(frame_table(dictionary)[["frame", "label", "n_patterns"]], max_rows=20)
        )
        parts.append(ctx.table_html(shares, max_rows=30))
        parts.extend(_figures(ctx, shares, by, stem, what))
        if what == "issue" and ctx.corpus["date"].notna().sum() >= 2:
            parts.append(_over_time(ctx, dictionary, stem, scores))
        dom = scores["dominant_frame"].fillna("(none)")
        if by is not None:
            dom_tab = (
                pd.crosstab(dom, ctx.corpus.set_index("doc_id").loc[scores["doc_id"], by].values)
                .rename_axis(index="dominant_frame", columns=None)
                .reset_index()
            )
        else:
            dom_tab = dom.value_counts().rename_axis("dominant_frame").reset_index(name="n")
        parts.append("<p>Dominant frame per document (ties joined with |):</p>")
        parts.append(ctx.table_html(dom_tab, max_rows=15))
        parts.append(
            f"<p class='note'>Tables: <a href='{html.escape(csv_s)}'>shares</a>, "
            f"<a href='{html.escape(csv_d)}'>per-document scores</a>, "
            f"<a href='{html.escape(csv_c)}'>co-occurrence</a>.</p>"
        )
    return "".join(parts)
