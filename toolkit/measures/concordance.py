"""Keyword in context, and where terms occur: positions and dispersion.

Patterns are matched word by word against tokens (see
:func:`toolkit.tokens.streams.compile_patterns`): ``"North Korea"`` matches the
joined token ``North_Korea`` (and ``North`` ``Korea`` if they were not
joined); ``"Korea"`` never matches ``North_Korea``; ``"comfort wom*"`` matches
``comfort_women``; matching ignores case unless ``case_sensitive=True``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from toolkit._meta import keyword_only, renamed
from toolkit.measures._contract import finish
from toolkit.stats.groups import By, by_names
from toolkit.tokens.streams import (
    check_filters,
    compile_patterns,
    doc_term_matrix,
    find_matches,
    group_codes,
    group_matrix,
    token_stream,
)
from toolkit.tokens.tokenizer import Tokens

__all__ = ["Concordance", "dispersion", "kwic", "kwic_html", "term_dispersion"]

_DEFAULT_META = ["outlet", "country", "date", "title"]
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}…]+|['’](?:s|re|ve|ll|d|m)|n['’]t)$", re.I)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘"}


def _detok(tokens: Sequence[str]) -> str:
    """Join tokens into readable text: MWEs get spaces back, punctuation hugs words."""
    out: list[str] = []
    glue = True
    for tok in tokens:
        tok = tok.replace("_", " ")
        if out and not glue and not _NO_SPACE_BEFORE.match(tok):
            out.append(" ")
        out.append(tok)
        glue = tok in _NO_SPACE_AFTER
    return "".join(out)


class Concordance(pd.DataFrame):
    """A KWIC table that shows itself as an aligned concordance in Jupyter.

    It is an ordinary DataFrame otherwise: filter, sort, ``to_csv`` and
    ``to_latex`` work as usual.
    """

    @property
    def _constructor(self):
        return Concordance

    def _repr_html_(self) -> str | None:
        if {"left", "keyword", "right"} <= set(self.columns):
            return kwic_html(self)
        return super()._repr_html_()


@keyword_only("max_rows")
def kwic_html(data: pd.DataFrame, *, max_rows: int = 200) -> str:
    """Render a :func:`kwic` table as an aligned HTML concordance.

    Left contexts are right-aligned and right contexts left-aligned, so the
    keywords line up in one column.

    Examples
    --------
    >>> row = pd.DataFrame({"doc_id": ["d1"], "left": ["the"], "keyword": ["Dokdo"],
    ...                     "right": ["islets"]})
    >>> "<b>Dokdo</b>" in kwic_html(row)
    True
    """
    cell = "padding:1px 6px;white-space:nowrap;font-family:monospace;"
    rows = []
    for r in data.head(max_rows).itertuples(index=False):
        d = r._asdict()
        rows.append(
            "<tr>"
            f"<td style='{cell}color:#777'>{html.escape(str(d.get('doc_id', '')))}</td>"
            f"<td style='{cell}text-align:right'>{html.escape(str(d['left']))}</td>"
            f"<td style='{cell}text-align:center'><b>{html.escape(str(d['keyword']))}</b></td>"
            f"<td style='{cell}text-align:left'>{html.escape(str(d['right']))}</td>"
            "</tr>"
        )
    note = ""
    if len(data) > max_rows:
        note = f"<p>Showing {max_rows} of {len(data):,} matches.</p>"
    head = "<tr><th>doc_id</th><th style='text-align:right'>left</th><th>keyword</th>"
    head += "<th style='text-align:left'>right</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>{note}"


def _meta_columns(corpus: pd.DataFrame, meta: Iterable[str] | None) -> list[str]:
    if meta is None:
        return [c for c in _DEFAULT_META if c in corpus.columns]
    meta = list(meta)
    missing = [c for c in meta if c not in corpus.columns]
    if missing:
        raise ValueError(f"meta columns not in the corpus: {missing}")
    return meta


@renamed(sort="sort_by")
def kwic(
    data: pd.DataFrame | Tokens,
    pattern: str | Iterable[str],
    *,
    window: int = 5,
    match: str = "glob",
    case_sensitive: bool = False,
    sort_by: str | None = None,
    meta: Iterable[str] | None = None,
) -> Concordance:
    """Keyword in context: every match of a word, phrase, glob or regex.

    Parameters
    ----------
    data : DataFrame or Tokens
    pattern : str or iterable of str
        ``"Dokdo"``, ``"comfort women"``, ``"comfort wom*"``, or a list of
        them. Words are separated by spaces; each must match a whole word.
    window : int, default 5
        Tokens of context on each side (within the document).
    match : {"glob", "regex", "fixed"}, default "glob"
        How each word of the pattern is read; with ``"regex"`` each word is a
        regular expression matched in full, e.g. ``"wom[ae]n"``.
    case_sensitive : bool, default False
    sort_by : {None, "doc", "left", "right", "keyword"}, default None
        What the rows are ordered by (before 0.4: ``sort=``).
        ``None`` or ``"doc"``: by ``doc_id`` then position. ``"left"``: by the words
        before the keyword, nearest first; ``"right"``: by the words after it.
    meta : list of str, optional
        Corpus columns to attach (default: ``outlet, country, date, title``
        where present).

    Returns
    -------
    Concordance
        A DataFrame: ``doc_id, sent_id, token_id`` (position of the first
        matched token among the document's tokens, punctuation included),
        ``left, keyword, right, pattern``, then ``meta``. It renders as an
        aligned concordance in Jupyter (:func:`kwic_html`).

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"text": [  # constructed example
    ...     "Seoul urged Tokyo to apologise to the comfort women. North Korea agreed."]})
    >>> kwic(corpus, "comfort wom*", window=3)[["left", "keyword", "right"]].values.tolist()
    [['apologise to the', 'comfort women', '. North Korea agreed']]
    >>> len(kwic(corpus, "Korea")), len(kwic(corpus, "North Korea"))
    (0, 1)
    """
    if int(window) < 0:
        raise ValueError("window must be >= 0")
    pats = compile_patterns(pattern, match, case_sensitive)
    stream = token_stream(data)
    corpus = stream.tokens.corpus
    hits = find_matches(stream, pats)
    raw_text = stream.raw_vocab
    starts, ends = hits["start"].to_numpy(), hits["end"].to_numpy()
    doc_start = starts - stream.token_id[starts] if len(hits) else starts
    doc_end = doc_start + stream.doc_len[hits["doc"].to_numpy()] if len(hits) else starts
    left, key, right = [], [], []
    for s, e, d0, d1 in zip(starts, ends, doc_start, doc_end, strict=True):
        left.append(_detok(raw_text[stream.raw[max(d0, s - window) : s]]))
        key.append(_detok(raw_text[stream.raw[s:e]]))
        right.append(_detok(raw_text[stream.raw[e : min(d1, e + window)]]))
    sents = stream.tokens.sentences
    out = pd.DataFrame(
        {
            "doc_id": pd.Series(stream.doc_ids[hits["doc"].to_numpy()], dtype=object),
            "sent_id": sents["sent_id"].to_numpy()[hits["sent"].to_numpy()].astype(np.int64),
            "token_id": stream.token_id[starts].astype(np.int64),
            "left": pd.Series(left, dtype=object),
            "keyword": pd.Series(key, dtype=object),
            "right": pd.Series(right, dtype=object),
            "pattern": hits["pattern"].to_numpy(dtype=object),
        }
    )
    cols = _meta_columns(corpus, meta)
    if cols:
        info = corpus.set_index("doc_id")[cols]
        for c in cols:
            out[c] = info[c].reindex(out["doc_id"]).to_numpy()
    out = _sort_kwic(out, sort_by)
    params = {
        "pattern": [p.text for p in pats],
        "window": window,
        "match": match,
        "case_sensitive": case_sensitive,
        "sort_by": sort_by,
    }
    out = Concordance(out)
    return finish(out, "kwic", params, stream.tokens)


def _sort_kwic(out: pd.DataFrame, sort: str | None) -> pd.DataFrame:
    base = [out["doc_id"].astype(str).to_numpy(), out["token_id"].to_numpy()]
    if sort is None or sort == "doc":
        order = np.lexsort(base[::-1])
    elif sort in ("left", "right", "keyword"):
        col = out[sort].str.lower()
        if sort == "left":  # nearest word first, as concordancers sort "L1, L2, ..."
            col = col.map(lambda s: "\x01".join(reversed(s.split())))
        order = np.lexsort((base[1], base[0], col.to_numpy(dtype=str)))
    else:
        raise ValueError("sort_by must be None, 'doc', 'left', 'right' or 'keyword'")
    return out.iloc[order].reset_index(drop=True)


def dispersion(
    data: pd.DataFrame | Tokens,
    pattern: str | Iterable[str],
    *,
    match: str = "glob",
    case_sensitive: bool = False,
    include_empty: bool = True,
) -> pd.DataFrame:
    """Where each pattern occurs in each document, for lexical dispersion (x-ray) plots.

    Parameters
    ----------
    data : DataFrame or Tokens
    pattern : str or iterable of str
        As in :func:`kwic`; each pattern is one ``term`` of the output.
    match : {"glob", "regex", "fixed"}, default "glob"
    case_sensitive : bool, default False
    include_empty : bool, default True
        Add one row with missing position for every (document, term) without
        a match, so every document keeps its lane in the plot.

    Returns
    -------
    DataFrame
        ``doc_id, term, sent_id, token_id, position, n_tokens, match``:
        ``token_id`` as in :func:`kwic` (the same match has the same
        ``token_id`` in both), ``n_tokens`` the document's token count,
        ``position = token_id / n_tokens`` in [0, 1), ``match`` the matched
        text. Sorted by ``doc_id``, ``term``, ``token_id``.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"text": ["Dokdo is small. Dokdo is far.", "Nothing here."]})
    >>> dispersion(corpus, "Dokdo")[["doc_id", "token_id", "position"]].values.tolist()
    [['doc-000001', 0, 0.0], ['doc-000001', 4, 0.5], ['doc-000002', <NA>, nan]]
    """
    pats = compile_patterns(pattern, match, case_sensitive)
    stream = token_stream(data)
    hits = find_matches(stream, pats)
    starts = hits["start"].to_numpy()
    docs = hits["doc"].to_numpy()
    sents = stream.tokens.sentences
    n_tok = stream.doc_len[docs]
    out = pd.DataFrame(
        {
            "doc_id": pd.Series(stream.doc_ids[docs], dtype=object),
            "term": hits["pattern"].to_numpy(dtype=object),
            "sent_id": pd.array(
                sents["sent_id"].to_numpy()[hits["sent"].to_numpy()], dtype="Int64"
            ),
            "token_id": pd.array(stream.token_id[starts], dtype="Int64"),
            "position": stream.token_id[starts] / np.maximum(n_tok, 1),
            "n_tokens": n_tok.astype(np.int64),
            "match": pd.Series(
                [
                    _detok(stream.raw_vocab[stream.raw[s:e]])
                    for s, e in zip(starts, hits["end"].to_numpy(), strict=True)
                ],
                dtype=object,
            ),
        }
    )
    if include_empty:
        found = set(zip(out["doc_id"], out["term"], strict=True))
        pairs = zip(stream.doc_ids, stream.doc_len, strict=True)
        empty = [(d, p.text, n) for d, n in pairs for p in pats if (d, p.text) not in found]
        if empty:
            extra = pd.DataFrame(
                {
                    "doc_id": pd.Series([e[0] for e in empty], dtype=object),
                    "term": pd.Series([e[1] for e in empty], dtype=object),
                    "sent_id": pd.array([pd.NA] * len(empty), dtype="Int64"),
                    "token_id": pd.array([pd.NA] * len(empty), dtype="Int64"),
                    "position": np.nan,
                    "n_tokens": np.asarray([e[2] for e in empty], dtype=np.int64),
                    "match": pd.Series([None] * len(empty), dtype=object),
                }
            )
            out = pd.concat([out, extra], ignore_index=True) if len(out) else extra
    out = out.sort_values(["doc_id", "term", "token_id"], na_position="last", kind="stable")
    out = out.reset_index(drop=True)
    params = {
        "pattern": [p.text for p in pats],
        "match": match,
        "case_sensitive": case_sensitive,
        "include_empty": include_empty,
    }
    return finish(out, "dispersion", params, stream.tokens)


@keyword_only("terms")
def term_dispersion(
    data: pd.DataFrame | Tokens,
    *,
    terms: Iterable[str] | None = None,
    by: By = None,
    min_count: int = 1,
    **filters: object,
) -> pd.DataFrame:
    """How evenly each term is spread over the corpus: Gries' DP and Juilland's D.

    The corpus is cut into parts -- documents, or the groups of ``by`` --
    and parts without tokens are ignored. With ``s_i`` the share of all
    tokens that part ``i`` holds, ``v_i`` the share of the term's
    occurrences found in it, ``r_i`` the term's relative frequency in it and
    ``n`` the number of parts:

    - ``dp`` (Gries 2008, "Dispersions and adjusted frequencies in corpora",
      *Int. J. of Corpus Linguistics* 13(4)) = 0.5 * sum |v_i - s_i|:
      0 when the term is spread exactly like the tokens, close to 1 when it is
      concentrated in one small part;
    - ``dp_norm`` (Lijffijt & Gries 2012) = dp / (1 - min s_i), scaled to [0, 1];
    - ``juilland_d`` (Juilland & Chang-Rodriguez 1964) = 1 - CV / sqrt(n - 1),
      CV the coefficient of variation (population SD / mean) of ``r_i``:
      1 for a perfectly even term, 0 for one confined to a single part;
      undefined (NaN) with fewer than two parts.

    Parameters
    ----------
    data : DataFrame or Tokens
    terms : iterable of str, optional
        Terms (after the filters, so lower case by default) to report; all
        terms by default. Terms not in the corpus get a row with count 0.
    by : column name(s), or Series keyed by doc_id, optional
        Corpus column(s) whose groups are the parts (default: documents).
    min_count : int, default 1
        With ``terms=None``, skip terms rarer than this.
    **filters
        Token filters as in :func:`toolkit.measures.frequency.frequencies`.

    Returns
    -------
    DataFrame
        ``term, count, range`` (parts containing the term), ``n_parts, dp,
        dp_norm, juilland_d``, sorted by count descending then term.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"text": ["a b", "a b", "b b"]})  # constructed
    >>> term_dispersion(corpus)[["term", "count", "range", "dp"]].round(3).values.tolist()
    [['b', 4, 3, 0.167], ['a', 2, 2, 0.333]]
    """
    check_filters(filters)
    terms = None if terms is None else [terms] if isinstance(terms, str) else list(terms)
    stream = token_stream(data, **filters)
    mat = doc_term_matrix(stream)
    if by is not None:
        codes, labels = group_codes(stream.tokens.corpus, by)
        mat = (group_matrix(codes, len(labels)) @ mat).tocsr()
    sizes = np.asarray(mat.sum(axis=1)).ravel().astype(float)
    mat = mat[sizes > 0]
    sizes = sizes[sizes > 0]
    n_parts = len(sizes)
    total = sizes.sum()
    s = sizes / total if total else sizes
    coo = mat.tocoo()
    part, term, f = coo.row, coo.col, coo.data.astype(float)
    v_count = len(stream.vocab)
    counts = np.bincount(term, weights=f, minlength=v_count)
    rng = np.bincount(term, minlength=v_count)
    with np.errstate(divide="ignore", invalid="ignore"):
        v = f / counts[term]
        dev = np.bincount(term, weights=np.abs(v - s[part]) - s[part], minlength=v_count)
        dp = 0.5 * (1.0 + dev)
        dp_norm = dp / (1.0 - s.min()) if n_parts else dp
        r = f / sizes[part]
        mean = np.bincount(term, weights=r, minlength=v_count) / n_parts
        mean_sq = np.bincount(term, weights=r * r, minlength=v_count) / n_parts
        sd = np.sqrt(np.maximum(mean_sq - mean**2, 0.0))
        jd = 1.0 - (sd / mean) / np.sqrt(n_parts - 1) if n_parts > 1 else np.full(v_count, np.nan)
    out = pd.DataFrame(
        {
            "term": stream.vocab.astype(object),
            "count": counts.astype(np.int64),
            "range": rng.astype(np.int64),
            "n_parts": n_parts,
            "dp": dp,
            "dp_norm": dp_norm,
            "juilland_d": jd,
        }
    )
    if terms is not None:
        wanted = pd.Index(list(dict.fromkeys(terms)), dtype=object)
        out = out.set_index("term").reindex(wanted)
        out.index.name = "term"
        out = out.reset_index()
        missing = out["count"].isna()
        out.loc[missing, ["count", "range"]] = 0
        out["n_parts"] = n_parts
        out = out.astype({"count": np.int64, "range": np.int64, "n_parts": np.int64})
    else:
        out = out[out["count"] >= min_count]
    order = np.lexsort((out["term"].astype(str).to_numpy(), -out["count"].to_numpy()))
    out = out.iloc[order].reset_index(drop=True)
    params = {"terms": terms, "by": by_names(by), "min_count": min_count, "filters": dict(filters)}
    return finish(out, "term_dispersion", params, stream.tokens, per_document=False)
