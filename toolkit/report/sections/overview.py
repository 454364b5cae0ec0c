"""Report section: what is in the corpus (counts, lengths, problems, duplicates, top terms)."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

TITLE = "Corpus overview"
ORDER = 10

_TOP_TERMS = 10
_MAX_PANELS = 4


def _label(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return "(none)"
    return str(value)


def _counts(corpus: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    keyed = corpus[by].astype(object).where(corpus[by].notna(), None)
    keyed = keyed.map(_label) if hasattr(keyed, "map") else keyed.applymap(_label)
    out = keyed.groupby(by, sort=False).size().reset_index(name="n")
    return out.sort_values(["n", *by], ascending=[False] + [True] * len(by), ignore_index=True)


def _month_counts(corpus: pd.DataFrame) -> pd.DataFrame:
    month = corpus["date"].dt.to_period("M").dt.to_timestamp()
    frame = pd.DataFrame({"month": month, "country": corpus["country"].map(_label)})
    dated = frame[frame["month"].notna()]
    out = dated.groupby(["month", "country"]).size().reset_index(name="n")
    undated = frame["month"].isna()
    if undated.any():  # every document is accounted for, dated or not
        extra = frame[undated].groupby("country").size().reset_index(name="n")
        extra.insert(0, "month", pd.NaT)
        out = pd.concat([out, extra], ignore_index=True)
    return out


def _month_wide(per_month: pd.DataFrame) -> pd.DataFrame:
    """Months as rows, countries as columns: easier to read than the tidy CSV."""
    labels = per_month["month"].dt.strftime("%Y-%m").fillna("(no date)")
    wide = per_month.assign(month=labels).pivot_table(
        index="month", columns="country", values="n", aggfunc="sum", fill_value=0, sort=False
    )
    wide["total"] = wide.sum(axis=1)
    return wide.reset_index().rename_axis(columns=None)


def _length_summary(lengths: pd.DataFrame) -> pd.DataFrame:
    grouped = lengths.groupby("country")["n_tokens"]
    out = grouped.agg(
        documents="size",
        mean="mean",
        median="median",
        min="min",
        max="max",
        no_tokens=lambda s: int((s == 0).sum()),
    ).reset_index()
    total = lengths["n_tokens"]
    all_row = pd.DataFrame(
        [
            {
                "country": "all",
                "documents": len(total),
                "mean": total.mean(),
                "median": total.median(),
                "min": total.min(),
                "max": total.max(),
                "no_tokens": int((total == 0).sum()),
            }
        ]
    )
    return pd.concat([out, all_row], ignore_index=True)


def _problems(corpus: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    reason = corpus["status_reason"].fillna("").astype(str)
    summary = (
        pd.DataFrame({"status": corpus["status"].astype(str), "status_reason": reason})
        .groupby(["status", "status_reason"])
        .size()
        .reset_index(name="n")
        .sort_values(["status", "n"], ascending=[True, False], ignore_index=True)
    )
    bad = corpus.loc[
        corpus["status"] != "ok", ["doc_id", "outlet", "date", "status", "status_reason"]
    ]
    return summary, bad.reset_index(drop=True)


def _duplicates(corpus: pd.DataFrame) -> pd.DataFrame:
    """Groups of exact and near-duplicate articles (wire copy, updated versions)."""
    from toolkit.corpus.duplicates import find_duplicates

    found = find_duplicates(corpus)
    found = found.assign(outlet=corpus["outlet"].to_numpy())
    rows = []
    for group, part in found.groupby("dup_group", sort=True):
        if len(part) < 2:
            continue
        rows.append(
            {
                "dup_group": group,
                "copies": len(part),
                "exact": bool(part["is_exact"].iloc[1:].all()),
                "min_similarity": float(part["similarity"].min()),
                "doc_ids": "; ".join(map(str, part["doc_id"])),
                "outlets": "; ".join(sorted({_label(o) for o in part["outlet"]})),
            }
        )
    cols = ["dup_group", "copies", "exact", "min_similarity", "doc_ids", "outlets"]
    return pd.DataFrame(rows, columns=cols)


def _top_terms(ctx: Any) -> pd.DataFrame:
    from toolkit.measures.frequency import frequencies

    # grouped by is_duplicate too, so duplicates (the same article twice) drop out
    top = frequencies(
        ctx.tokens,
        by=["is_duplicate", "country"],
        n=_TOP_TERMS,
        lower=True,
        drop_punct=True,
        drop_numbers=True,
        stopwords=True,
    )
    top = top[~top["is_duplicate"].astype(bool)]
    out = pd.DataFrame(
        {
            "country": top["country"].map(_label),
            "rank": top["rank"],
            "term": top["term"],
            "n": top["count"],
        }
    )
    return out.sort_values(["country", "rank"], kind="stable").reset_index(drop=True)


def _bar_height(n_bars: int) -> float:
    return min(9.0, 0.8 + 0.17 * max(n_bars, 1))


def _figures(ctx: Any, parts: dict[str, Any]) -> dict[str, str]:
    import matplotlib.pyplot as plt

    from toolkit.plots import COUNTRY_COLORS, paper_style, plot_counts, plot_lengths

    out: dict[str, str] = {}
    per_outlet = parts["per_outlet"]
    with paper_style("single", height=_bar_height(len(per_outlet))):
        fig, ax = plt.subplots()
        plot_counts(per_outlet, x="outlet", y="n", hue="country", stacked=True, ax=ax)
        ax.set_xlabel("Articles")
        out["outlets"] = ctx.save_figure(fig, "overview_outlets")
    per_month = parts["per_month"].dropna(subset=["month"])
    if not per_month.empty:
        with paper_style("double", height=2.4):
            fig, ax = plt.subplots()
            plot_counts(per_month, x="month", y="n", hue="country", stacked=True, ax=ax)
            ax.set_ylabel("Articles")
            out["months"] = ctx.save_figure(fig, "overview_months")
    lengths = parts["lengths"]
    with paper_style("double", height=2.4):
        fig, (left, right) = plt.subplots(1, 2)
        plot_lengths(lengths, x="n_tokens", ax=left)
        left.set_xlabel("Tokens per article")
        plot_lengths(lengths, x="n_tokens", hue="country", kind="box", ax=right)
        right.set_xlabel("Tokens per article")
        out["lengths"] = ctx.save_figure(fig, "overview_lengths")
    terms = parts["top_terms"]
    countries = list(pd.unique(terms["country"]))[:_MAX_PANELS]
    if countries:
        with paper_style("double", height=_bar_height(_TOP_TERMS) + 0.2):
            # one count scale for all panels, so bar lengths compare across countries
            fig, axes = plt.subplots(1, len(countries), squeeze=False, sharex=True)
            for ax, country in zip(axes[0], countries, strict=True):
                sub = terms[terms["country"] == country]
                color = COUNTRY_COLORS.get(country, "#0072B2")
                plot_counts(sub, x="term", y="n", order=list(sub["term"]), palette=[color], ax=ax)
                ax.set_title(country)
                ax.set_xlabel("Occurrences")
                ax.set_ylabel("")
            out["terms"] = ctx.save_figure(fig, "overview_top_terms")
    return out


def build(ctx: Any) -> str:
    """Counts per outlet/country/month, lengths, problems, duplicates and top terms."""
    corpus = ctx.corpus
    n = len(corpus)
    lengths = ctx.tokens.by_doc().merge(
        corpus[["doc_id", "outlet", "country"]], on="doc_id", how="left"
    )
    lengths["country"] = lengths["country"].map(_label)
    parts: dict[str, Any] = {
        "per_outlet": _counts(corpus, ["outlet", "country"]),
        "per_country": _counts(corpus, ["country"]),
        "per_month": _month_counts(corpus),
        "lengths": lengths,
        "top_terms": _top_terms(ctx),
    }
    length_summary = _length_summary(lengths)
    status_summary, bad_docs = _problems(corpus)
    dups = _duplicates(corpus)
    tables = {
        "per_outlet": ctx.save_table(parts["per_outlet"], "overview_articles_per_outlet"),
        "per_country": ctx.save_table(parts["per_country"], "overview_articles_per_country"),
        "per_month": ctx.save_table(parts["per_month"], "overview_articles_per_month"),
        "lengths": ctx.save_table(length_summary, "overview_length_summary"),
        "doc_lengths": ctx.save_table(lengths, "overview_document_lengths"),
        "status": ctx.save_table(status_summary, "overview_status"),
        "problems": ctx.save_table(bad_docs, "overview_problem_documents"),
        "dups": ctx.save_table(dups, "overview_duplicates"),
        "terms": ctx.save_table(parts["top_terms"], "overview_top_terms"),
    }
    figs = _figures(ctx, parts)

    def link(key: str) -> str:
        return f"<p class='note'>CSV: <a href='{html.escape(tables[key])}'>{html.escape(tables[key])}</a></p>"

    dates = corpus["date"].dropna()
    span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
    n_ok = int((corpus["status"] == "ok").sum())
    n_dup = int(corpus["is_duplicate"].astype(bool).sum())
    out = [
        f"<p>{n:,} documents from {corpus['outlet'].nunique():,} outlets in "
        f"{corpus['country'].nunique():,} countries, dated {span}. {n_ok:,} have readable "
        f"text; empty or unreadable: {n - n_ok:,}; flagged as exact duplicates of an earlier "
        f"document: {n_dup:,} (kept, not removed).</p>",
        "<h3>Articles per outlet</h3>",
        ctx.table_html(parts["per_outlet"], max_rows=30),
        link("per_outlet"),
        ctx.figure_html(figs["outlets"], "Articles per outlet, coloured by country."),
        "<h3>Articles per country</h3>",
        ctx.table_html(parts["per_country"]),
        link("per_country"),
        "<h3>Articles per month</h3>",
        ctx.table_html(_month_wide(parts["per_month"]), max_rows=24),
        link("per_month"),
    ]
    if "months" in figs:
        out.append(ctx.figure_html(figs["months"], "Articles per month, stacked by country."))
    out += [
        "<h3>Article length</h3>",
        "<p>Tokens per article (words and punctuation, multi-word expressions counted once); "
        "documents without text count as 0.</p>",
        ctx.table_html(length_summary, float_format="{:.1f}"),
        link("lengths"),
        ctx.figure_html(
            figs["lengths"], "Tokens per article: all articles (left) and by country (right)."
        ),
        "<h3>Missing, empty and unreadable texts</h3>",
        ctx.table_html(status_summary),
        link("status"),
    ]
    if len(bad_docs):
        out += [ctx.table_html(bad_docs, max_rows=20), link("problems")]
    else:
        out.append("<p>Every document has readable text.</p>")
    out.append("<h3>Duplicates</h3>")
    out.append(
        "<p>Exact copies and near-duplicates (wire stories reprinted by several outlets, "
        "updated versions): 5-word shingles, MinHash/LSH candidates, exact Jaccard "
        "similarity of at least 0.5 to the group's first article "
        "(<code>toolkit.corpus.duplicates.find_duplicates</code>). Nothing is removed; "
        "<code>toolkit.corpus.duplicates.drop_duplicates</code> keeps one per group.</p>"
    )
    if len(dups):
        out += [ctx.table_html(dups, max_rows=20), link("dups")]
    else:
        out.append("<p>No duplicates found.</p>")
    out += [
        "<h3>Top terms per country</h3>",
        "<p>Most frequent words per country: lower-cased, without stopwords, punctuation "
        "and numbers, duplicates counted once.</p>",
        ctx.table_html(parts["top_terms"], max_rows=40),
        link("terms"),
    ]
    if "terms" in figs:
        out.append(ctx.figure_html(figs["terms"], "The ten most frequent terms per country."))
    return "".join(out)
