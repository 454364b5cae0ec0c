"""Contested naming: which of the competing names for one thing a text uses.

Korea-Japan coverage names the same islets, sea, victims, workers, water,
trade measures and flag in ways that mark a side: Dokdo or Takeshima, East
Sea or Sea of Japan, comfort women or sexual slavery victims, treated or
contaminated water. The bundled lexicon (``toolkit/data/naming.yaml``)
documents each **referent**, its **variants** and what each variant signals;
:func:`naming` counts variants by outlet, country or period and
:func:`naming_lines` shows every mention in context.

Counting rules
--------------
- At one position the longest variant of a referent wins: "treated
  radioactive water" is one ``treated_radioactive_water`` mention, not also
  ``radioactive_water``.
- **Hedged forms are counted as both variants.** When two variants of the
  same referent stand close together in one sentence with a naming cue
  between them ("Dokdo, called Takeshima in Japan"; "East Sea, also known as
  the Sea of Japan"; "Takeshima (Dokdo in Korean)"; "East Sea/Sea of Japan"),
  each is counted once and both rows are flagged ``hedged=True``.
- A mention after "so-called" or inside quotation marks is flagged
  ``distanced=True`` (the writer uses the name while distancing from it);
  it is still counted.
- Names are matched on tokens, so "East Sea" never matches inside "East
  China Sea", and "Sea of Japan" is one token the actor lexicon does not
  read as Japan.
- Korean and Japanese names (a variant's ``text_patterns``) are matched on
  the characters of the sentence, so they are found inside compounds
  (일본군위안부, 일본군성노예제) and with any particle (독도는, 竹島は), however
  the tokenizer splits the words; lookarounds in the patterns keep out
  longer words that only contain a name (전범기업 is not 전범기, the "war
  criminal flag"). Hedging cues there are a bracket, a slash or middle dot,
  "일본명"/"韓国名" ("the Japanese/Korean name"), 또는/혹은/または ("or"),
  "라고 부르는"/"と呼ぶ" ("called"); 이른바/소위/いわゆる ("so-called") or
  quotation marks make a mention distanced.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit._meta import STATUS_OK, attach_attrs, renamed, unmeasured_warning
from toolkit.data import read_yaml
from toolkit.lexicons.dictionary import Dictionary, load_bundled, load_dictionary, reads_language
from toolkit.measures._contract import document_statuses, record_unmeasured
from toolkit.stats.groups import By, with_groups
from toolkit.tokens.tokenizer import Tokens, as_tokens

__all__ = ["naming", "naming_lexicon", "naming_lines", "naming_table"]

LexiconLike = Dictionary | str | Path | Mapping[str, Any] | None

# Words between two variants that show the writer is naming, not just
# mentioning: "X, called Y", "X, also known as Y", "X (Y)", "X or Y".
_CUES = frozenset(
    """called calls call known aka a.k.a. name names named naming refer refers referred
    dubbed termed labeled labelled ( / or versus vs vs. instead rather than""".split()
)
_PLACES = frozenset("korea korean koreans japan japanese seoul tokyo".split())
_QUOTES = "\"'“”‘’「」『』"
_MAX_GAP = 8

# Korean and Japanese (character matching; see the module docstring).
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_CUES = (
    "(",
    "（",
    "/",
    "／",
    "・",
    "·",
    "명",
    "名",
    "또는",
    "혹은",
    "または",
    "부르",
    "呼",
    "표기",
    "表記",
)
_CJK_SO_CALLED = ("이른바", "소위", "いわゆる", "所謂")
_CJK_MAX_GAP = 15  # characters between two names of a hedged pair
_CJK_WINDOW = 3  # characters of context per token of ``window``


def naming_lexicon(lexicon: LexiconLike = None) -> Dictionary:
    """The naming lexicon: categories ``"<referent>.<variant>"``.

    Parameters
    ----------
    lexicon : None, path, mapping or Dictionary
        ``None``: the bundled ``toolkit/data/naming.yaml``. Otherwise a file
        or mapping in the same shape (referent -> variant -> patterns).

    Examples
    --------
    >>> lex = naming_lexicon({"sea_name": {"east_sea": ["East Sea"], "sea_of_japan": ["Sea of Japan"]}})
    >>> list(lex.categories)
    ['sea_name.east_sea', 'sea_name.sea_of_japan']
    """
    if isinstance(lexicon, Dictionary):
        lex = lexicon
    elif lexicon is None:
        lex = load_bundled("naming.yaml")
    elif isinstance(lexicon, Mapping):
        lex = load_dictionary(lexicon, name="user_naming")
    else:
        lex = load_dictionary(lexicon)
    bad = [c for c in lex.categories if c.count(".") != 1]
    if bad:
        raise ValueError(
            f"naming categories must be '<referent>.<variant>' (two levels), got {bad[:5]}"
        )
    return lex


def _text_patterns(lex: Dictionary) -> list[tuple[str, str, re.Pattern[str]]]:
    """(referent, variant, regex) for every variant with ``text_patterns``.

    A space in a pattern matches any run of whitespace or none, since Korean
    word spacing varies ("강제징용" / "강제 징용").
    """
    out = []
    for cat in lex.categories:
        pats = lex.meta.get(cat, {}).get("text_patterns") or []
        if isinstance(pats, str):
            pats = [pats]
        if not pats:
            continue
        ref, var = cat.split(".")
        src = "|".join("(?:" + str(p).strip().replace(" ", r"\s*") + ")" for p in pats)
        try:
            out.append((ref, var, re.compile(src, 0 if lex.case_sensitive else re.IGNORECASE)))
        except re.error as err:
            raise ValueError(f"naming variant {cat!r}: bad text_patterns regex ({err})") from err
    return out


def _cjk_found(
    sentence: str, rxs: list[tuple[str, str, re.Pattern[str]]], wanted: set[str] | None
) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, referent, variant) character spans, longest first."""
    hits = [
        (m.start(), m.end(), ref, var)
        for ref, var, rx in rxs
        if wanted is None or ref in wanted
        for m in rx.finditer(sentence)
        if m.end() > m.start()
    ]
    by_ref: dict[str, list] = {}
    for h in hits:
        by_ref.setdefault(h[2], []).append(h)
    return _longest_first(by_ref)


def _cjk_hedged(sentence: str, found: list[tuple[int, int, str, str]]) -> set[int]:
    """Indexes of mentions in a hedged pair: "독도(일본명 다케시마)", "竹島（韓国名・独島）"."""
    return _hedged_pairs(
        found, _CJK_MAX_GAP, lambda ea, sb: any(c in sentence[ea:sb] for c in _CJK_CUES)
    )


def _cjk_distanced(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - 8) : start].rstrip()
    if before.endswith(_CJK_SO_CALLED):
        return True
    if before and before[-1] in _QUOTES:
        # a closing mark may come after the name or after its particle: ‘위안부’는
        return any(ch in _QUOTES for ch in sentence[end : end + 3])
    return False


def _referent_meta(lexicon: LexiconLike) -> dict[str, dict[str, Any]]:
    if lexicon is None:
        from toolkit.data import data_path

        with open(data_path("naming.yaml"), encoding="utf-8") as fh:
            return dict(read_yaml(fh).get("_referents", {}))
    if isinstance(lexicon, (str, Path)) and str(lexicon).endswith((".yaml", ".yml")):
        with open(lexicon, encoding="utf-8") as fh:
            data = read_yaml(fh) or {}
        return dict(data.get("_referents", {})) if isinstance(data, Mapping) else {}
    return {}


def naming_table(lexicon: LexiconLike = None) -> pd.DataFrame:
    """The lexicon as a table: one row per referent and variant, with what it signals.

    Examples
    --------
    >>> t = naming_table()
    >>> t[t.referent == "sea_name"].variant.tolist()
    ['east_sea', 'sea_of_japan']
    """
    lex = naming_lexicon(lexicon)
    refs = _referent_meta(lexicon)
    rows = []
    for cat, pats in lex.categories.items():
        ref, var = cat.split(".")
        meta = lex.meta.get(cat, {})
        rows.append(
            {
                "referent": ref,
                "referent_label": refs.get(ref, {}).get("label", ref),
                "variant": var,
                "label": meta.get("label", var),
                "signals": " ".join(str(meta.get("signals", "")).split()),
                "patterns": "; ".join([*pats, *map(str, meta.get("text_patterns") or [])]),
            }
        )
    cols = ["referent", "referent_label", "variant", "label", "signals", "patterns"]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def _units(tokens: Sequence[str]) -> tuple[list[str], list[tuple[int, int, int]]]:
    """Tokens with slash compounds split ("East_Sea/Sea_of_Japan" -> 3 units).

    Returns the unit texts and, per unit, (token index, char offset in the
    token, char length).
    """
    texts: list[str] = []
    where: list[tuple[int, int, int]] = []
    for i, tok in enumerate(tokens):
        if "/" in tok.strip("/") and re.search(r"\w/\w", tok):
            pos = 0
            for k, part in enumerate(tok.split("/")):
                if k:
                    texts.append("/")
                    where.append((i, pos - 1, 1))
                texts.append(part)
                where.append((i, pos, len(part)))
                pos += len(part) + 1
        else:
            texts.append(tok)
            where.append((i, 0, len(tok)))
    return texts, where


def _longest_first(by_ref: dict[str, list]) -> list[tuple[int, int, str, str]]:
    """Per referent, keep the longest of overlapping mentions; sorted by position."""
    out = []
    for ms in by_ref.values():
        ms.sort(key=lambda x: (x[0], -(x[1] - x[0]), x[3]))
        busy = -1
        for m in ms:
            if m[0] >= busy:
                out.append(m)
                busy = m[1]
    out.sort(key=lambda x: (x[0], x[2]))
    return out


def _resolve(matches: list, lex: Dictionary) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, referent, variant) per referent, longest first."""
    by_ref: dict[str, list] = {}
    for m in matches:
        ref, var = m.category.split(".")
        by_ref.setdefault(ref, []).append((m.start, m.end, ref, var))
    return _longest_first(by_ref)


def _hedged(units: list[str], found: list[tuple[int, int, str, str]]) -> set[int]:
    """Indexes into ``found`` of mentions in a hedged pair."""
    low = [u.lower() for u in units]

    def cue(ea: int, sb: int) -> bool:
        gap = low[ea:sb]
        if any(g in _CUES for g in gap) or any(
            g == "in" and k + 1 < len(gap) and gap[k + 1] in _PLACES for k, g in enumerate(gap)
        ):
            return True
        # "Takeshima (Dokdo in Korean)": the cue may follow the second name
        after = low[sb + 1 : sb + 3] if sb + 1 < len(low) else []
        return gap == [] and after[:1] == ["in"] and len(after) > 1 and after[1] in _PLACES

    return _hedged_pairs(found, _MAX_GAP, cue)


def _hedged_pairs(
    found: list[tuple[int, int, str, str]], max_gap: int, cue: Callable[[int, int], bool]
) -> set[int]:
    """Pairs of mentions of one referent by different names, close together and
    joined by a cue (``cue(end_of_first, start_of_second)``); their indexes."""
    flagged: set[int] = set()
    for a in range(len(found)):
        for b in range(a + 1, len(found)):
            _, ea, ra, va = found[a]
            sb, _, rb, vb = found[b]
            if sb - ea > max_gap:
                break
            if ra != rb or va == vb or sb < ea:
                continue
            if cue(ea, sb):
                flagged.update((a, b))
    return flagged


def _distanced(text: str, start: int, end: int, prev_unit: str) -> bool:
    if prev_unit.lower() in ("so-called", "so_called", "socalled"):
        return True
    # a bounded look either side: slicing to the text's start or end made
    # every mention cost the document's length (quadratic on long texts)
    before = text[max(0, start - 64) : start].rstrip()
    after = text[end : end + 64].lstrip()
    if after[:1] in ",.":
        after = after[1:]
    return bool(before) and before[-1] in _QUOTES and after[:1] in _QUOTES


def naming_lines(
    data: pd.DataFrame | Tokens,
    *,
    lexicon: LexiconLike = None,
    referent: str | Sequence[str] | None = None,
    window: int = 8,
) -> pd.DataFrame:
    """Every naming mention in context (keyword-in-context lines).

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    lexicon : see :func:`naming_lexicon`
    referent : str or list of str, optional
        Only these referents (e.g. ``"dokdo"``).
    window : int, default 8
        Tokens of context on each side (within the sentence).

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, referent, variant, matched, start, end, hedged,
        distanced, left, right, sentence``; ``start``/``end`` are offsets
        into the document text (``text[start:end] == matched``). A hedged
        pair gives two rows, one per variant, both ``hedged=True``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Dokdo, called Takeshima in Japan, lies in the East Sea."]})
    >>> naming_lines(c)[["variant", "matched", "hedged"]].values.tolist()
    [['dokdo', 'Dokdo', True], ['takeshima', 'Takeshima', True], ['east_sea', 'East Sea', False]]
    """
    tk = as_tokens(data)
    lex = naming_lexicon(lexicon)
    wanted = (
        None if referent is None else ({referent} if isinstance(referent, str) else set(referent))
    )
    texts = dict(zip(tk.corpus["doc_id"], tk.corpus["text"], strict=True))
    sent = tk.sentences
    rxs = _text_patterns(lex)
    order = {d: k for k, d in enumerate(tk.corpus["doc_id"])}
    rows = []
    for i, toks in enumerate(sent["tokens"]):
        units, where = _units(toks)
        found = _resolve(lex.match(units), lex)
        if wanted is not None:
            found = [f for f in found if f[2] in wanted]
        if not found:
            continue
        hedged = _hedged(units, found)
        spans = tk.token_spans(i)
        did = sent["doc_id"].iat[i]
        text = texts[did]

        def char(u: int, end: bool = False, spans=spans, where=where) -> int:
            tok, off, ln = where[u]
            return spans[tok][0] + off + (ln if end else 0)

        for k, (s, e, ref, var) in enumerate(found):
            start, stop = char(s), char(e - 1, end=True)
            lo, hi = max(0, s - window), min(len(units), e + window)
            rows.append(
                {
                    "doc_id": did,
                    "sent_id": int(sent["sent_id"].iat[i]),
                    "referent": ref,
                    "variant": var,
                    "matched": text[start:stop],
                    "start": start,
                    "end": stop,
                    "hedged": k in hedged,
                    "distanced": _distanced(text, start, stop, units[s - 1] if s else ""),
                    "left": text[char(lo) : start].strip() if lo < s else "",
                    "right": text[stop : char(hi - 1, end=True)].strip() if hi > e else "",
                    "sentence": sent["sentence"].iat[i],
                }
            )
    if rxs:
        rows.extend(_cjk_rows(sent, texts, rxs, wanted, window))
        rows.sort(key=lambda r: (order[r["doc_id"]], r["start"], r["referent"]))
    cols = [
        "doc_id",
        "sent_id",
        "referent",
        "variant",
        "matched",
        "start",
        "end",
        "hedged",
        "distanced",
        "left",
        "right",
        "sentence",
    ]
    # Every mention in a sentence shares that sentence's string: an object column
    # keeps references, where a string column would copy a 1 MB run-on sentence
    # once per mention (quadratic in the sentence's length).
    sentences = pd.Series([r.pop("sentence") for r in rows], dtype=object)
    out = pd.DataFrame(rows, columns=cols[:-1])
    out["sentence"] = sentences.set_axis(out.index)
    out["hedged"] = out["hedged"].astype(bool)
    out["distanced"] = out["distanced"].astype(bool)
    statuses = _statuses(tk, lex)
    out = out[out["doc_id"].map(statuses) == STATUS_OK].reset_index(drop=True)
    out = _attrs(out, "naming_lines", lex, n_docs=len(tk.doc_ids), referent=referent, window=window)
    return record_unmeasured(out, statuses)


def _cjk_rows(
    sent: pd.DataFrame,
    texts: dict[Any, str],
    rxs: list[tuple[str, str, re.Pattern[str]]],
    wanted: set[str] | None,
    window: int,
) -> list[dict[str, Any]]:
    """Rows of :func:`naming_lines` for the ``text_patterns`` of sentences with CJK text."""
    rows = []
    width = window * _CJK_WINDOW
    for did, sid, off, sentence in zip(
        sent["doc_id"], sent["sent_id"], sent["start"], sent["sentence"], strict=True
    ):
        if not _CJK_CHAR.search(sentence):
            continue
        found = _cjk_found(sentence, rxs, wanted)
        if not found:
            continue
        hedged = _cjk_hedged(sentence, found)
        text = texts[did]
        for k, (s, e, ref, var) in enumerate(found):
            start, stop = int(off) + s, int(off) + e
            rows.append(
                {
                    "doc_id": did,
                    "sent_id": int(sid),
                    "referent": ref,
                    "variant": var,
                    "matched": text[start:stop],
                    "start": start,
                    "end": stop,
                    "hedged": k in hedged,
                    "distanced": _cjk_distanced(sentence, s, e),
                    "left": sentence[max(0, s - width) : s].strip(),
                    "right": sentence[e : e + width].strip(),
                    "sentence": sentence,
                }
            )
    return rows


def _attrs(
    out: pd.DataFrame, measure: str, lex: Dictionary, n_docs: int, **params: Any
) -> pd.DataFrame:
    return attach_attrs(out, measure, {"lexicon": lex.name, **params}, n_docs=n_docs)


@renamed(lines="precomputed")
def naming(
    data: pd.DataFrame | Tokens,
    *,
    by: By = None,
    freq: str | None = None,
    lexicon: LexiconLike = None,
    referent: str | Sequence[str] | None = None,
    precomputed: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which name each group uses for each contested referent.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    by : column name(s), or Series keyed by doc_id, optional
        Corpus column(s) to compare, e.g. ``"outlet"`` or ``"country"``.
    freq : str, optional
        Time bins (pandas offset alias; "M" and "ME" both mean month),
        labelled by their start in a ``period`` column.
    lexicon : see :func:`naming_lexicon`
    referent : str or list of str, optional
        Only these referents.
    precomputed : DataFrame, optional
        The output of :func:`naming_lines` for the same data, lexicon and
        referents, to avoid finding the mentions again (as in
        :func:`toolkit.measures.framing.frame_shares`; before 0.4: ``lines=``).

    Returns
    -------
    DataFrame
        One row per group x [period] x referent x variant, for every group
        where the referent is mentioned (variants not used there have
        ``count == 0``): the by-columns, [``period``], ``referent``,
        ``variant``, ``count`` (mentions), ``share`` (of the referent's
        mentions in the group), ``n_docs`` (documents using the variant),
        ``n_hedged`` (mentions in a hedged pair; a hedged pair counts for both
        variants, so shares describe names used, not a forced choice),
        ``n_measured`` and ``n_unmeasured`` (the group's documents the lexicon
        read, and those it could not: empty, unreadable or in another
        language; a warning gives the total once). A group without any
        mention keeps one row per referent and variant (count 0, share NaN).
        ``attrs["n_docs"]`` holds the number of input documents. The lines
        behind the counts: :func:`naming_lines`.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Dokdo lies in the East Sea.", "Takeshima is in the Sea of Japan.",
    ...                            "The East Sea, also known as the Sea of Japan."],
    ...                   "country": ["KR", "JP", "KR"]})
    >>> out = naming(c, by="country", referent="sea_name")
    >>> out[["country", "variant", "count", "share", "n_hedged"]].values.tolist()
    [['JP', 'east_sea', 0, 0.0, 0], ['JP', 'sea_of_japan', 1, 1.0, 0], ['KR', 'east_sea', 2, 0.6666666666666666, 1], ['KR', 'sea_of_japan', 1, 0.3333333333333333, 1]]
    """
    from toolkit.stats.aggregation import period_start

    tk = as_tokens(data)
    lex = naming_lexicon(lexicon)
    lines = precomputed
    if lines is None:
        lines = naming_lines(tk, lexicon=lex, referent=referent)
    corpus, by_cols = with_groups(tk.corpus, by)
    meta = corpus[["doc_id", *by_cols, *(["date"] if freq else [])]].copy()
    statuses = _statuses(tk, lex)
    meta["_measured"] = meta["doc_id"].map(statuses) == STATUS_OK
    # Lines of a document the lexicon cannot read do not count (none are
    # found there; a caller's ``precomputed`` lines may still hold some).
    df = lines[lines["doc_id"].isin(meta.loc[meta["_measured"], "doc_id"])]
    df = df.merge(meta, on="doc_id", how="left")
    keys = list(by_cols)
    if freq:
        df["period"] = period_start(df["date"], freq)
        meta["period"] = period_start(meta["date"], freq)
        keys.append("period")
    variants = {}
    for cat in lex.categories:
        ref, var = cat.split(".")
        variants.setdefault(ref, []).append(var)
    out_cols = [
        *keys,
        *("referent", "variant", "count", "share", "n_docs", "n_hedged"),
        *("n_measured", "n_unmeasured"),
    ]
    n_unmeasured = int((~meta["_measured"]).sum())
    unmeasured_warning("naming", len(meta) - n_unmeasured, n_unmeasured)
    if df.empty and not keys:
        out = pd.DataFrame(columns=out_cols)
        return _attrs(out, "naming", lex, n_docs=len(meta), by=by_cols, freq=freq)
    grp = df.groupby([*keys, "referent", "variant"], dropna=False, sort=False)
    counts = grp.agg(
        count=("doc_id", "size"), n_docs=("doc_id", "nunique"), n_hedged=("hedged", "sum")
    ).reset_index()
    # Complete the grid: every variant of a referent in each cell where it occurs.
    cells = counts[[*keys, "referent"]].drop_duplicates()
    # ... and every referent in a cell (group) with no line at all, count 0 and
    # share NaN, so that no group disappears (its documents may all be unread).
    per_cell = meta.groupby(keys, dropna=False)["_measured"].agg(["sum", "size"]).reset_index()
    per_cell = per_cell.rename(columns={"sum": "n_measured"})
    per_cell["n_unmeasured"] = per_cell["size"] - per_cell["n_measured"]
    per_cell = per_cell.drop(columns="size")
    if keys:
        silent = per_cell.merge(cells[keys].drop_duplicates(), on=keys, how="left", indicator=True)
        silent = silent.loc[silent["_merge"] == "left_only", keys]
        wanted = (
            None
            if referent is None
            else ({referent} if isinstance(referent, str) else set(referent))
        )
        refs = [r for r in variants if wanted is None or r in wanted]
        if len(silent) and refs:
            cells = pd.concat(
                [cells, silent.assign(referent=[refs] * len(silent)).explode("referent")],
                ignore_index=True,
            )
    grid = cells.assign(variant=[variants.get(r, []) for r in cells["referent"]])
    grid = grid.explode("variant")
    out = grid.merge(counts, on=[*keys, "referent", "variant"], how="left")
    for c in ("count", "n_docs", "n_hedged"):
        out[c] = out[c].fillna(0).astype("int64")
    total = out.groupby([*keys, "referent"], dropna=False)["count"].transform("sum")
    out["share"] = out["count"] / total.where(total > 0)
    if keys:
        out = out.merge(per_cell, on=keys, how="left")
    else:
        out["n_measured"] = int(per_cell["n_measured"].iloc[0])
        out["n_unmeasured"] = int(per_cell["n_unmeasured"].iloc[0])
    out["n_measured"] = out["n_measured"].astype("int64")
    out["n_unmeasured"] = out["n_unmeasured"].astype("int64")
    ref_order = {r: k for k, r in enumerate(variants)}
    var_order = {(r, v): k for r, vs in variants.items() for k, v in enumerate(vs)}
    out["_r"] = out["referent"].map(ref_order)
    out["_v"] = [
        var_order.get((r, v), 0) for r, v in zip(out["referent"], out["variant"], strict=True)
    ]
    out = out.sort_values([*keys, "_r", "_v"], kind="stable").reset_index(drop=True)
    out = out[out_cols]
    return _attrs(out, "naming", lex, n_docs=len(meta), by=by_cols, freq=freq, referent=referent)


def _statuses(tk: Tokens, lex: Dictionary) -> dict[str, str]:
    """Every document's status for ``lex``: with ``text_patterns`` it reads Korean
    and Japanese text as well; without, the language of its patterns."""
    language = "" if _text_patterns(lex) else reads_language(lex)
    return document_statuses(tk.corpus, language, f"naming lexicon '{lex.name}' is in '{language}'")
