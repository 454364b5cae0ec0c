"""House-style variants: count "Mr" and "Mr.", "US" and "U.S." as one term.

Outlets spell the same word differently: British papers write "Mr" and "US",
American papers "Mr." and "U.S."; one typesetting system emits a curly "’s",
another a straight "'s". Compared with each other, two outlets then differ
most in their style sheets, and keyness ranks "mr", "mr." and "us" (the
country merged with the pronoun once lower-cased) among the top keywords.

Folding maps each variant to one canonical form before the terms are
counted. The variants live in a visible, editable table,
``toolkit/data/house_style.tsv`` (:func:`variant_table` reads it), with one
rule per row:

- ``char``: a character replaced inside every token (curly apostrophes become
  straight ones, so "Seoul’s" and "Seoul's" give the same "'s");
- ``token``: a whole token, exact case ("US" but not the pronoun "us");
- ``token_nocase``: a whole token in any case ("Mr.", "MR.", "mr."); the
  canonical form takes the token's case pattern (all lower, all upper or
  initial capital).

:func:`toolkit.measures.keyterms.keyness` folds by default (``house_style=True``);
:func:`fold_terms` folds any list of tokens or terms with the same rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from os import PathLike
from pathlib import Path

import pandas as pd

from toolkit.data import data_path

__all__ = ["fold_stream", "fold_terms", "folder", "variant_table"]

_MATCHES = ("char", "token", "token_nocase")
_COLUMNS = ["variant", "canonical", "match", "group", "note"]

HouseStyle = bool | str | PathLike | pd.DataFrame | None


def variant_table(
    path: str | PathLike | None = None, groups: Iterable[str] | None = None
) -> pd.DataFrame:
    """The house-style variant table, checked.

    Parameters
    ----------
    path : str or path, optional
        A TSV of the bundled table's shape (``variant, canonical, match``;
        ``group`` and ``note`` optional; ``#`` lines are comments). Default:
        the bundled ``toolkit/data/house_style.tsv``.
    groups : iterable of str, optional
        Keep only rows of these groups (bundled: ``apostrophe``, ``title``,
        ``abbreviation``, ``spelling``).

    Returns
    -------
    DataFrame
        ``variant, canonical, match, group, note``, one row per rule.

    Raises
    ------
    ValueError
        A missing column, an unknown ``match``, a ``char`` variant longer
        than one character, or one variant given two canonical forms.

    Examples
    --------
    >>> table = variant_table()
    >>> table.loc[table["variant"] == "Mr.", ["canonical", "match"]].values.tolist()
    [['Mr', 'token_nocase']]
    >>> sorted(variant_table(groups=["apostrophe"])["canonical"].unique())
    ["'"]
    """
    src = data_path("house_style.tsv") if path is None else Path(path)
    return _check(_read_tsv(src), groups, str(src))


def _read_tsv(src: Path) -> pd.DataFrame:
    # Read by hand rather than with pandas: a variant may itself be '#' or a
    # quote character, which pandas' comment and quoting rules would eat.
    lines = [
        ln.rstrip("\r")
        for ln in src.read_text(encoding="utf-8").split("\n")
        if ln.strip() and not ln.startswith("#")
    ]
    if not lines:
        raise ValueError(f"house-style table {src} is empty")
    header = lines[0].split("\t")
    rows = [ln.split("\t") for ln in lines[1:]]
    width = len(header)
    bad = [i for i, r in enumerate(rows) if len(r) > width]
    if bad:
        raise ValueError(
            f"house-style table {src}: row {bad[0] + 1} has more fields than the header"
        )
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=header, dtype=str)


def _check(table: pd.DataFrame, groups: Iterable[str] | None, where: str) -> pd.DataFrame:
    missing = {"variant", "canonical", "match"} - set(table.columns)
    if missing:
        raise ValueError(f"house-style table {where} lacks column(s) {sorted(missing)}")
    table = table.copy()
    for col in ("group", "note"):
        if col not in table:
            table[col] = ""
    table = table[_COLUMNS].fillna("").astype(str).reset_index(drop=True)
    bad = sorted(set(table["match"]) - set(_MATCHES))
    if bad:
        raise ValueError(f"house-style table {where}: match must be one of {_MATCHES}; got {bad}")
    chars = table[table["match"] == "char"]
    if (chars["variant"].str.len() != 1).any():
        raise ValueError(f"house-style table {where}: a 'char' variant must be one character")
    if (table["variant"] == "").any():
        raise ValueError(f"house-style table {where}: empty variant")
    key = table["variant"].where(table["match"] != "token_nocase", table["variant"].str.lower())
    dup = table.assign(key=key).groupby(["match", "key"])["canonical"].nunique()
    if (dup > 1).any():
        raise ValueError(
            f"house-style table {where}: variants with two canonical forms: "
            f"{sorted(dup[dup > 1].index.get_level_values('key'))}"
        )
    if groups is not None:
        table = table[table["group"].isin(list(groups))].reset_index(drop=True)
    return table


def _as_table(house_style: HouseStyle) -> pd.DataFrame | None:
    if house_style is None or house_style is False:
        return None
    if house_style is True:
        return variant_table()
    if isinstance(house_style, pd.DataFrame):
        return _check(house_style, None, "(DataFrame)")
    if isinstance(house_style, (str, PathLike)):
        return variant_table(house_style)
    raise TypeError("house_style must be True, False, a path to a TSV or a DataFrame")


def _case_like(token: str, canonical: str) -> str:
    if token.islower():
        return canonical.lower()
    if token.isupper() and len(token) > 1:
        return canonical.upper()
    if token[:1].isupper():
        return canonical[:1].upper() + canonical[1:]
    return canonical


def folder(house_style: HouseStyle = True) -> Callable[[str], str]:
    """A function folding one token by the house-style rules.

    Parameters
    ----------
    house_style : bool, path or DataFrame, default True
        ``True``: the bundled table; a path or a DataFrame: that table;
        ``False``/``None``: no folding (the identity).

    Returns
    -------
    callable
        ``str -> str``.

    Examples
    --------
    >>> fold = folder()
    >>> [fold(t) for t in ["Mr.", "U.S.", "US", "us", "’s", "defence"]]
    ['Mr', 'U.S.', 'U.S.', 'us', "'s", 'defense']
    """
    table = _as_table(house_style)
    if table is None or table.empty:
        return str
    chars = table[table["match"] == "char"]
    trans = str.maketrans(dict(zip(chars["variant"], chars["canonical"], strict=True)))
    exact = table[table["match"] == "token"]
    exact_map = dict(zip(exact["variant"], exact["canonical"], strict=True))
    loose = table[table["match"] == "token_nocase"]
    loose_map = dict(zip(loose["variant"].str.lower(), loose["canonical"], strict=True))

    def fold(token: str) -> str:
        t = token.translate(trans) if trans else token
        hit = exact_map.get(t)
        if hit is not None:
            return hit
        hit = loose_map.get(t.lower())
        return _case_like(t, hit) if hit is not None else t

    return fold


def fold_terms(terms: Sequence[str], house_style: HouseStyle = True) -> list[str]:
    """Fold a sequence of tokens or terms by the house-style rules.

    Parameters
    ----------
    terms : sequence of str
    house_style : bool, path or DataFrame, default True
        As in :func:`folder`.

    Returns
    -------
    list of str
        One folded form per input term, in order.

    Examples
    --------
    >>> fold_terms(["Mr", "Mr.", "US", "U.S", "Seoul", "’s"])
    ['Mr', 'Mr', 'U.S.', 'U.S.', 'Seoul', "'s"]
    """
    fold = folder(house_style)
    return [fold(str(t)) for t in terms]


def fold_stream(stream, filters: dict, house_style: HouseStyle = True):
    """A token stream whose terms are the folded, then filtered, tokens.

    The folding runs on the original tokens (before lower-casing), so an
    exact-case rule can tell the country "US" from the pronoun "us".

    Parameters
    ----------
    stream : toolkit.tokens.streams.Stream
    filters : dict
        The token filters the stream was made with.
    house_style : bool, path or DataFrame, default True
        As in :func:`folder`.

    Returns
    -------
    (Stream, dict)
        The folded stream (same tokens, new ``term`` and ``vocab``) and the
        distinct original tokens that were changed, ``{variant: folded}``.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.tokens.streams import token_stream
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Mr Kim and Mr. Lee."]})
    >>> folded, changed = fold_stream(token_stream(corpus), {})
    >>> list(folded.vocab), changed
    (['and', 'kim', 'lee', 'mr'], {'Mr.': 'Mr'})
    """
    import dataclasses

    import numpy as np

    from toolkit.tokens.streams import _freeze, _raw_arrays, token_stream
    from toolkit.tokens.tokenizer import token_filter

    raw_arrays = _raw_arrays(stream.tokens)
    # The folding by the bundled table is kept beside the filtered streams of
    # these Tokens; the file's size and time are in the key because the table
    # is meant to be edited. Custom tables are not cached (a DataFrame can be
    # changed in place).
    key = None
    if house_style is True:
        st = data_path("house_style.tsv").stat()
        key = ("house_style", _freeze(filters), st.st_mtime_ns, st.st_size)
    hit = raw_arrays[7].get(key) if key is not None else None
    if hit is not None:
        term, vocab, changed = hit
        return dataclasses.replace(stream, term=term, vocab=vocab), dict(changed)
    fold = folder(house_style)
    keep = token_filter(**filters)
    # Start from the same filters without folding (cached per Tokens) and
    # re-filter only the distinct tokens that folding changes. Korean/Japanese
    # tokens carry part-of-speech marks that the filters need (stopwords=True
    # drops particles by tag); house style is English spelling, so marked
    # tokens keep their unfolded filtering.
    base = token_stream(stream.tokens, **filters)
    per_raw = np.full(len(base.raw_vocab), -1, dtype=np.int64)
    per_raw[base.raw] = base.term
    mapped = np.where(per_raw >= 0, base.vocab[np.maximum(per_raw, 0)], None)
    changed: dict[str, str] = {}
    keyed = raw_arrays[8]
    for i, (raw, marked) in enumerate(zip(base.raw_vocab, keyed, strict=True)):
        if marked != raw:
            continue
        f = fold(raw)
        if f != raw:
            changed[raw] = f
            kept = keep([f])
            mapped[i] = kept[0] if kept else None
    vocab = sorted({m for m in mapped if m is not None})
    index = {t: i for i, t in enumerate(vocab)}
    codes = np.fromiter((index.get(m, -1) for m in mapped), np.int64, len(mapped))
    term = codes[base.raw] if len(base.raw) else np.zeros(0, np.int64)
    vocab_arr = np.asarray(vocab, dtype=object)
    changed = dict(sorted(changed.items()))
    if key is not None:
        term.flags.writeable = vocab_arr.flags.writeable = False  # shared through the cache
        raw_arrays[7][key] = (term, vocab_arr, dict(changed))
    return dataclasses.replace(stream, term=term, vocab=vocab_arr), changed
