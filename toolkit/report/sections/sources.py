"""Report section: who is quoted, from which country, in which role, and how anonymously."""

from __future__ import annotations

import html

TITLE = "Sources: whose voices each side carries"
ORDER = 42


def build(ctx) -> str:
    """Quoted sources by speaker country (figure), role and anonymity; people never quoted."""
    from toolkit.measures.quotes.english import mentioned_not_quoted, quotes, sources
    from toolkit.report.sections.framing import group_column

    by = group_column(ctx.corpus)
    qt = quotes(ctx.tokens)
    src_tab = sources(ctx.tokens, by=by, quotes_table=qt)
    silent = mentioned_not_quoted(ctx.tokens, quotes_table=qt)
    csv_q = ctx.save_table(qt, "quotes")
    csv_s = ctx.save_table(src_tab, f"sources{'_by_' + by if by else ''}")
    csv_m = ctx.save_table(silent, "mentioned_not_quoted")
    by_outlet = None
    if "outlet" in ctx.corpus.columns and by != "outlet":
        by_outlet = sources(ctx.tokens, by="outlet", quotes_table=qt)
        csv_o = ctx.save_table(by_outlet, "sources_by_outlet")
    n_direct = int((qt["kind"] == "direct").sum())
    parts = [
        f"<p>{len(qt):,} attributed statements: {n_direct:,} direct quotes and "
        f'{len(qt) - n_direct:,} indirect attributions ("X said that ..."). Speaker country '
        "comes from the actor lexicon on the speaker phrase, else from one-country titles, "
        "earlier mentions, or, for unnamed state bodies, the outlet's home country "
        "(column <code>country_source</code> in the quotes table). Anonymous = anonymity "
        "formula or an unnamed official, expert or source.</p>"
    ]
    import toolkit.plots as plots

    country = src_tab[(src_tab["dimension"] == "speaker_country") & (src_tab["count"] > 0)]
    if by is not None and not country.empty:
        with plots.paper_style():
            ax = plots.plot_sources(country, x="share", y=by, hue="category")
            ax.get_legend().set_title("Speaker country")
            src = ctx.save_figure(ax.figure, f"sources_by_{by}")
        parts.append(
            ctx.figure_html(src, f"Share of quoted statements by speaker country, per {by}.")
        )
    for dim, label in (
        ("speaker_country", "Speaker country"),
        ("speaker_role", "Speaker role"),
        ("anonymous", "Anonymity"),
    ):
        part = src_tab[src_tab["dimension"] == dim].drop(columns="dimension")
        parts.append(f"<h3>{label}</h3>")
        parts.append(ctx.table_html(part, max_rows=40))
    parts.append("<h3>Named people mentioned but never quoted</h3>")
    parts.append(ctx.table_html(silent.drop(columns=["start", "end", "sentence"]), max_rows=20))
    links = [
        f"<a href='{html.escape(csv_q)}'>all quotes</a>",
        f"<a href='{html.escape(csv_s)}'>sources</a>",
        f"<a href='{html.escape(csv_m)}'>mentioned, not quoted</a>",
    ]
    if by_outlet is not None:
        links.append(f"<a href='{html.escape(csv_o)}'>sources by outlet</a>")
    parts.append(f"<p class='note'>Tables: {', '.join(links)}.</p>")
    return "".join(parts)
