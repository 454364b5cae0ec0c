"""Report section: which names each outlet uses for contested referents."""

from __future__ import annotations

import html

TITLE = "Contested naming: Dokdo or Takeshima, East Sea or Sea of Japan ..."
ORDER = 41


def build(ctx) -> str:
    """Variant shares per outlet and referent, the lexicon, and the lines behind the counts."""
    from toolkit.measures.terminology import naming, naming_lines, naming_table

    by = "outlet" if "outlet" in ctx.corpus.columns else None
    lines = naming_lines(ctx.tokens)
    counts = naming(ctx.tokens, by=by, lines=lines)
    csv_n = ctx.save_table(counts, f"naming{'_by_' + by if by else ''}")
    csv_l = ctx.save_table(lines, "naming_lines")
    csv_t = ctx.save_table(naming_table(), "naming_lexicon")
    parts = [
        "<p>Each contested referent has competing names that mark a side or a stance "
        "(toolkit/data/naming.yaml documents what each variant signals). Counts are "
        'mentions; shares are within a referent and outlet. A hedged mention ("Dokdo, called '
        'Takeshima in Japan") counts for both names and is flagged in the lines table.</p>'
    ]
    if counts.empty:
        parts.append("<p>No contested name from the lexicon occurs in this corpus.</p>")
        return "".join(parts)
    import toolkit.plots as plots

    if by is not None:
        used = counts.groupby("referent")["count"].transform("sum") > 0
        shown = counts[used]
        # several referents side by side keep the figure about a page tall at most
        ncols = 1 if shown["referent"].nunique() <= 2 else 2
        with plots.paper_style(width="double"):
            fig = plots.plot_naming(shown, x="count", y=by, ncols=ncols)
            src = ctx.save_figure(fig, "naming_by_outlet")
        parts.append(
            ctx.figure_html(src, "Share of each name among a referent's mentions, per outlet.")
        )
    summary = (
        lines.groupby(["referent", "variant"])
        .agg(
            mentions=("doc_id", "size"),
            documents=("doc_id", "nunique"),
            hedged=("hedged", "sum"),
            distanced=("distanced", "sum"),
        )
        .reset_index()
    )
    parts.append(ctx.table_html(summary, max_rows=40))
    parts.append(
        ctx.table_html(
            lines[["doc_id", "referent", "variant", "hedged", "left", "matched", "right"]],
            max_rows=15,
        )
    )
    parts.append(
        f"<p class='note'>Tables: <a href='{html.escape(csv_n)}'>counts and shares</a>, "
        f"<a href='{html.escape(csv_l)}'>every mention in context</a>, "
        f"<a href='{html.escape(csv_t)}'>the lexicon</a>.</p>"
    )
    return "".join(parts)
