"""Shared machinery of the keyword measures: token streams, groups and patterns.

The keyword measures live in small modules that all start from the same
place:

- :mod:`toolkit.measures.frequency` -- :func:`~toolkit.measures.frequency.frequencies`,
  :func:`~toolkit.measures.frequency.tf_idf`;
- :mod:`toolkit.measures.keyterms` -- :func:`~toolkit.measures.keyterms.keyness`,
  :func:`~toolkit.measures.keyterms.keyness_from_counts`, :func:`~toolkit.measures.keyterms.association`;
- :mod:`toolkit.measures.association` -- :func:`~toolkit.measures.association.collocations`,
  :func:`~toolkit.measures.association.cooccurrence`;
- :mod:`toolkit.measures.concordance` -- :func:`~toolkit.measures.concordance.kwic`, :func:`~toolkit.measures.concordance.dispersion`,
  :func:`~toolkit.measures.concordance.term_dispersion`.

This module turns :class:`~toolkit.tokens.tokenizer.Tokens` into flat integer arrays
(one entry per token) so that every count is a vectorised numpy operation.
Token filters (lower case, stopwords, stemming ...) are functions of a single
token, so they are applied once per *distinct* token rather than once per
occurrence, which is what makes the measures fast on large corpora.

Search patterns (:func:`compile_patterns`) are matched against tokens
word by word: a multi-word token such as ``North_Korea`` has two words, so
the pattern ``"North Korea"`` matches it (and also the two tokens ``North``
``Korea`` if the expression was not joined), while ``"Korea"`` does not.
"""

from __future__ import annotations

import fnmatch
import inspect
import platform
import re
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd

from toolkit.stats.aggregation import period_start
from toolkit.stats.groups import By, by_names, with_groups
from toolkit.tokens.tokenizer import _FUNCTION, _LEMMA, Tokens, as_tokens, token_filter, unmark

__all__ = ["TOKEN_FILTERS", "clear_cache", "compile_patterns", "token_stream"]

#: Keyword arguments accepted as token filters (see :meth:`Tokens.sentence_tokens`).
TOKEN_FILTERS = ("lower", "drop_punct", "drop_numbers", "stopwords", "min_length", "stem")


def check_filters(filters: dict) -> dict:
    """Reject unknown keyword arguments early, naming the allowed ones."""
    unknown = set(filters) - set(TOKEN_FILTERS)
    if unknown:
        raise TypeError(
            f"unknown argument(s) {sorted(unknown)}; token filters are {list(TOKEN_FILTERS)}"
        )
    return filters


# --------------------------------------------------------------------------
# Token streams
# --------------------------------------------------------------------------


@dataclass
class Stream:
    """All tokens of a corpus as flat arrays, in sentence order.

    Attributes
    ----------
    tokens : Tokens
    doc_ids : ndarray
        Document ids in corpus order; ``doc`` indexes into it.
    raw : ndarray of int
        Code of each token's original string in ``raw_vocab``.
    raw_vocab : ndarray of object
        Distinct original token strings.
    term : ndarray of int
        Code of each token's filtered form in ``vocab``; -1 where the filters drop it.
    vocab : ndarray of object
        Distinct filtered terms, sorted, so codes do not depend on document order.
    doc, sent : ndarray of int
        Document index and sentence row (into ``tokens.sentences``) of each token.
    token_id : ndarray of int
        Position of each token among all tokens of its document, from 0.
    doc_len : ndarray of int
        Number of (unfiltered) tokens of each document.

    ``sent`` and ``token_id`` are built on first use (counts and keyness
    never need them): the constructor takes either the array or a function
    without arguments that returns it.
    """

    tokens: Tokens
    doc_ids: np.ndarray
    raw: np.ndarray
    raw_vocab: np.ndarray
    term: np.ndarray
    vocab: np.ndarray
    doc: np.ndarray
    _sent: np.ndarray | Callable[[], np.ndarray]
    _token_id: np.ndarray | Callable[[], np.ndarray]
    doc_len: np.ndarray

    @property
    def sent(self) -> np.ndarray:
        """Sentence row (into ``tokens.sentences``) of each token."""
        if callable(self._sent):
            self._sent = self._sent()
        return self._sent

    @property
    def token_id(self) -> np.ndarray:
        """Position of each token among all tokens of its document, from 0."""
        if callable(self._token_id):
            self._token_id = self._token_id()
        return self._token_id


def _filter_vocab(keyed_vocab: np.ndarray, filters: dict, marked: bool = True) -> list[str | None]:
    """Apply the token filters to each distinct token (None = dropped).

    ``marked=False`` says no token carries a Korean/Japanese mark; then the
    filters most calls use (case, punctuation, length) run on the whole
    vocabulary at once (:func:`_filter_plain`), which gives what
    :func:`~toolkit.tokens.tokenizer.token_filter` gives, token by token.
    """
    opts = {**_FILTER_DEFAULTS, **filters}
    stop = opts["stopwords"]
    if not opts["drop_numbers"] and opts["stem"] is None and (stop is False or stop is None):
        # Without stopwords=True or stem="lemma" the marks only come off: a
        # marked token is filtered as its form (what token_filter does with it)
        forms = [_form(t) for t in keyed_vocab] if marked else keyed_vocab
        fast = _filter_plain(
            forms, bool(opts["lower"]), bool(opts["drop_punct"]), opts["min_length"]
        )
        if fast is not None:
            return fast
    keep = token_filter(**filters)
    return [r[0] if (r := keep([t])) else None for t in keyed_vocab]


def _form(token: str) -> str:
    """A token of :meth:`Tokens.filter_input` as token_filter reads it without
    stopwords=True or stem="lemma": the function mark and the lemma taken off."""
    if token[:1] == _FUNCTION:
        token = token[1:]
    return token.partition(_LEMMA)[0] if _LEMMA in token else token


_FILTER_DEFAULTS = {k: p.default for k, p in inspect.signature(token_filter).parameters.items()}
_NOT_WORD = re.compile(r"[^\w\x00]+")


def _filter_plain(
    vocab: np.ndarray, lower: bool, drop_punct: bool, min_length: object
) -> list[str | None] | None:
    """:func:`token_filter`'s case, punctuation and length rules over a whole vocabulary.

    One ``str.lower`` and one regex pass over the tokens joined by NUL,
    instead of a Python call per token. Returns None (use the per-token
    filter) when a token holds a NUL or a capital sigma, the one letter whose
    lower case depends on its neighbours.
    """
    if not len(vocab):
        return []
    joined = "\x00".join(vocab)
    if joined.count("\x00") != len(vocab) - 1 or "\u03a3" in joined:
        return None
    lengths = np.fromiter(map(len, vocab), dtype=np.int64, count=len(vocab))
    drop = lengths < min_length
    if drop_punct:  # token_filter drops a token without a word character (\w)
        words = _NOT_WORD.sub("", joined).split("\x00")
        drop |= np.fromiter(map(len, words), dtype=np.int64, count=len(vocab)) == 0
    out = joined.lower().split("\x00") if lower else list(vocab)
    if len(out) != len(vocab):
        return None
    for i in np.flatnonzero(drop):
        out[i] = None
    return out


# Tokens -> raw arrays, for the few Tokens objects used most recently. The
# raw arrays do not depend on the filters, so a notebook that calls several
# measures on the same Tokens flattens them once. Entries hold a weak
# reference and are only reused for the very same, unchanged object.
_RAW_CACHE: dict[int, tuple] = {}
_RAW_CACHE_SIZE = 4
# stream.term array -> its document-term matrix (see doc_term_matrix)
_DTM_CACHE: dict[int, tuple] = {}


def clear_cache() -> None:
    """Forget cached token streams and document-term matrices (e.g. to time a cold run)."""
    _RAW_CACHE.clear()
    _DTM_CACHE.clear()


def _raw_arrays(tk: Tokens) -> tuple:
    sents = tk.sentences
    key = id(tk)
    hit = _RAW_CACHE.get(key)
    if hit is not None and hit[0]() is tk and hit[1] == id(sents) and hit[2] == len(sents):
        return hit[3]
    doc_ids = np.asarray(tk.doc_ids, dtype=object)
    if len(pd.unique(doc_ids)) != len(doc_ids):
        raise ValueError("doc_id values must be unique")
    # Korean/Japanese function tokens come marked, so that stopwords=True can
    # drop them by part of speech; the marks never leave this module.
    lists = tk.filter_input()
    lens = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    n_tokens = int(lens.sum())
    flat = np.fromiter(chain.from_iterable(lists), dtype=object, count=n_tokens)
    raw, keyed_vocab = _factorize_strings(flat)
    del flat
    joined = "".join(keyed_vocab)
    if _FUNCTION in joined or _LEMMA in joined:
        raw_vocab = np.asarray([unmark(t) for t in keyed_vocab], dtype=object)
    else:  # no marks (no tagged Korean/Japanese): the forms are the keys
        raw_vocab = keyed_vocab
    # Look up each distinct sentence doc_id once, not every sentence.
    sent_codes, sent_uniques = pd.factorize(sents["doc_id"], use_na_sentinel=False)
    sent_doc = pd.Index(doc_ids).get_indexer(sent_uniques).astype(np.int64)[sent_codes]
    if (sent_doc < 0).any():
        raise ValueError("Tokens.sentences has doc_id values that are not in the corpus")
    doc = np.repeat(sent_doc, lens)
    doc_len = np.bincount(sent_doc, weights=lens, minlength=len(doc_ids)).astype(np.int64)
    sent, token_id = _per_token_positions(lens, sent_doc, doc_len)
    for arr in (doc_ids, raw, raw_vocab, keyed_vocab, doc, doc_len):
        arr.flags.writeable = False  # shared through the cache: never modify in place
    out = (doc_ids, raw, raw_vocab, doc, sent, token_id, doc_len, {}, keyed_vocab)
    if len(_RAW_CACHE) >= _RAW_CACHE_SIZE:
        _RAW_CACHE.pop(next(iter(_RAW_CACHE)))
    _RAW_CACHE[key] = (weakref.ref(tk), id(sents), len(sents), out)
    weakref.finalize(tk, _RAW_CACHE.pop, key, None)  # free the arrays with the Tokens
    return out


class _Addresses:
    """The object pointers of a CPython object array, read as integers (no copy)."""

    def __init__(self, arr: np.ndarray) -> None:
        self.__array_interface__ = {
            "shape": arr.shape,
            "typestr": np.dtype(np.intp).str,
            "data": (arr.ctypes.data, True),
            "version": 3,
        }


def _factorize_strings(flat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(flat, sort=False)`` of an object array of tokens: int64 codes, uniques.

    The tokenizer hands out one string object per distinct token (equal
    tokens are the same object), so the tokens are first told apart by
    object identity -- hashing pointer-sized integers, without reading a
    string -- and only the first object of each identity is hashed as text,
    which merges equal strings that are distinct objects. Codes follow first
    appearance, as pd.factorize's do, so they depend on nothing but the token
    order. On an interpreter other than CPython, or an array whose items are
    not plain pointers, the strings are hashed directly.
    """
    hint = min(len(flat), 1 << 16)  # the default, one slot per token, is ~40% slower
    by_pointer = (
        platform.python_implementation() == "CPython"
        and flat.dtype == object
        and flat.ndim == 1
        and flat.flags.c_contiguous
        and flat.itemsize == np.dtype(np.intp).itemsize
        and len(flat) > 0
    )
    if not by_pointer:
        codes, uniques = pd.factorize(flat, sort=False, size_hint=hint)
        return np.asarray(codes, dtype=np.int64), np.asarray(uniques, dtype=object)
    pointers = np.asarray(_Addresses(flat))  # a view: valid while ``flat`` lives
    obj_codes, obj_uniques = pd.factorize(pointers, sort=False, size_hint=hint)
    del pointers
    obj_codes = np.asarray(obj_codes, dtype=np.int64)
    first = np.full(len(obj_uniques), len(flat), dtype=np.int64)  # first position of each object
    np.minimum.at(first, obj_codes, np.arange(len(flat), dtype=np.int64))
    codes, uniques = pd.factorize(flat[first], sort=False)
    codes = np.asarray(codes, dtype=np.int64)
    # in place: each position reads its own object code before writing its text code
    np.take(codes, obj_codes, out=obj_codes, mode="clip")
    return obj_codes, np.asarray(uniques, dtype=object)


def _per_token_positions(
    lens: np.ndarray, sent_doc: np.ndarray, doc_len: np.ndarray
) -> tuple[Callable[[], np.ndarray], Callable[[], np.ndarray]]:
    """Functions that build (once) the sentence row and token_id of each token.

    token_id = the token's flat position less the flat position of its
    document's first token, worked out per sentence (its first token's
    position less the document's tokens in earlier sentences) and repeated
    over the sentence's tokens: no per-token grouping.
    """
    memo: dict[str, np.ndarray] = {}

    def sent() -> np.ndarray:
        if "sent" not in memo:
            arr = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
            arr.flags.writeable = False  # shared through the cache
            memo["sent"] = arr
        return memo["sent"]

    def token_id() -> np.ndarray:
        if "token_id" not in memo:
            sent_start = np.cumsum(lens) - lens
            if len(lens) and (np.diff(sent_doc) >= 0).all():  # documents contiguous, as usual
                doc_start = np.cumsum(doc_len) - doc_len
                before = sent_start - doc_start[sent_doc]
            else:
                before = pd.Series(lens).groupby(sent_doc).cumsum().to_numpy(np.int64) - lens
            arr = np.arange(int(lens.sum()), dtype=np.int64) - np.repeat(sent_start - before, lens)
            arr.flags.writeable = False
            memo["token_id"] = arr
        return memo["token_id"]

    return sent, token_id


def _freeze(filters: dict) -> tuple:
    """A hashable key for a filter dict (stopword lists become sorted tuples)."""
    items = []
    for k, v in sorted(filters.items()):
        if isinstance(v, Iterable) and not isinstance(v, str):
            v = tuple(sorted(map(str, v)))
        items.append((k, v))
    return tuple(items)


def token_stream(data: pd.DataFrame | Tokens, **filters: object) -> Stream:
    """Flatten a corpus (or its tokens) into a :class:`Stream`."""
    check_filters(filters)
    tk = as_tokens(data)
    doc_ids, raw, raw_vocab, doc, sent, token_id, doc_len, by_filters, keyed = _raw_arrays(tk)
    key = _freeze(filters)
    if key not in by_filters:
        mapped = _filter_vocab(keyed, filters, marked=keyed is not raw_vocab)
        kept = sorted(set(mapped) - {None})
        index = dict(zip(kept, range(len(kept)), strict=True))
        index[None] = -1  # a dropped token
        codes = np.fromiter(map(index.__getitem__, mapped), np.int64, len(mapped))
        term = codes[raw] if len(raw) else np.zeros(0, np.int64)
        vocab = np.asarray(kept, dtype=object)
        term.flags.writeable = vocab.flags.writeable = False
        by_filters[key] = (term, vocab)
    term, vocab = by_filters[key]
    return Stream(tk, doc_ids, raw, raw_vocab, term, vocab, doc, sent, token_id, doc_len)


def term_counts(stream: Stream, docs: np.ndarray | None = None) -> np.ndarray:
    """Count of each ``stream.vocab`` term over the documents where ``docs`` is True.

    One ``bincount`` over the kept tokens: cheaper than summing the rows of
    :func:`doc_term_matrix` when only a group total is needed (keyness).
    """
    keep = stream.term >= 0
    if docs is not None:
        keep &= np.asarray(docs, dtype=bool)[stream.doc]
    return np.bincount(stream.term[keep], minlength=len(stream.vocab)).astype(np.int64)


def group_term_counts(stream: Stream, doc_group: np.ndarray, n_groups: int) -> np.ndarray:
    """Count of each ``stream.vocab`` term in each group of documents, in one pass.

    ``doc_group`` gives each document's group, 0 to ``n_groups - 1``, or -1
    for none. Returns an ``(n_groups, len(vocab))`` int64 array, each row what
    :func:`term_counts` gives for that group's documents. Meant for a few
    groups (keyness: target and reference); for many, use
    :func:`doc_term_matrix` and :func:`group_matrix`.
    """
    width = len(stream.vocab) + 1  # column 0 takes the tokens the filters drop
    group = np.asarray(doc_group, dtype=np.int64)
    group = np.where(group < 0, n_groups, group)  # row n_groups takes the other documents
    key = (group * width + 1)[stream.doc]  # per document first: one pass over the tokens
    key += stream.term
    counts = np.bincount(key, minlength=(n_groups + 1) * width)
    return counts.reshape(n_groups + 1, width)[:n_groups, 1:].astype(np.int64)


def _count_pairs(
    doc: np.ndarray, term: np.ndarray, n_docs: int, n_terms: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(data, indices, indptr) of the CSR matrix counting each (doc, term) pair, or None.

    What ``csr_matrix((ones, (doc, term))).sum_duplicates()`` holds, when the
    matrix is small enough to count densely: each pair is one integer,
    ``doc * n_terms + term``, and one ``bincount`` counts them all, without
    scipy's sort of every row. None for a larger matrix (a large
    vocabulary), where scipy's row-by-row sort is the faster way.
    """
    if n_docs * n_terms > 4 * len(doc) + 4096:
        return None
    key = doc.astype(np.int64)
    key *= n_terms
    key += term
    counts = np.bincount(key, minlength=n_docs * n_terms)
    del key
    pairs = np.flatnonzero(counts)
    data = counts[pairs].astype(np.int64)
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(pairs // n_terms, minlength=n_docs), out=indptr[1:])
    return data, pairs % n_terms, indptr


def doc_term_matrix(stream: Stream):
    """Sparse document x term count matrix (CSR, int64) of the kept tokens.

    Built once per stream (the same Tokens and filters give the same
    ``stream.term`` array, which keys the cache) and shared: the matrix's
    arrays are read-only, so a measure cannot change it for the next one.
    """
    key = id(stream.term)
    hit = _DTM_CACHE.get(key)
    if hit is not None and hit[0]() is stream.term and hit[1]() is stream.doc:
        return hit[2]
    from scipy import sparse

    keep = stream.term >= 0
    shape = (len(stream.doc_ids), len(stream.vocab))
    doc, term = stream.doc[keep], stream.term[keep]
    dense = _count_pairs(doc, term, *shape)
    if dense is not None:
        mat = sparse.csr_matrix(dense, shape=shape)
    else:
        mat = sparse.csr_matrix((np.ones(len(doc), dtype=np.int64), (doc, term)), shape=shape)
        mat.sum_duplicates()
    for arr in (mat.data, mat.indices, mat.indptr):
        arr.flags.writeable = False
    if len(_DTM_CACHE) >= _RAW_CACHE_SIZE:
        _DTM_CACHE.pop(next(iter(_DTM_CACHE)))
    _DTM_CACHE[key] = (weakref.ref(stream.term), weakref.ref(stream.doc), mat)
    weakref.finalize(stream.term, _DTM_CACHE.pop, key, None)
    return mat


# --------------------------------------------------------------------------
# Groups
# --------------------------------------------------------------------------


def group_columns(by: By, freq: str | None) -> list[str]:
    """Column names of the grouping (``"period"`` is added by ``freq=``)."""
    cols = by_names(by)
    return [*cols, "period"] if freq else cols


def group_matrix(codes: np.ndarray, n_groups: int):
    """Sparse group x document indicator matrix, from :func:`group_codes`' codes."""
    from scipy import sparse

    n = len(codes)
    return sparse.csr_matrix(
        (np.ones(n, dtype=np.int64), (codes, np.arange(n))), shape=(n_groups, n)
    )


def _ascending_unique(values: pd.Series) -> bool:
    """True for strings (at least one), none missing, each above the one before.

    Strings only: a groupby gives their labels the column's own dtype, where
    numbers in an object column would come back as int64 or float64.
    """
    if not len(values) or values.isna().any():
        return False
    if {type(v) for v in values.tolist()} != {str}:
        return False
    return bool(values.is_monotonic_increasing and values.is_unique)


def group_codes(
    corpus: pd.DataFrame, by: By, freq: str | None = None
) -> tuple[np.ndarray, pd.DataFrame]:
    """Group index of each document and the group labels (sorted, missing values kept)."""
    corpus, _ = with_groups(corpus, by)  # the one by= reading; a wrong column raises here
    cols = group_columns(by, freq)
    frame = pd.DataFrame(index=range(len(corpus)))
    for c in cols:
        if c == "period" and freq:
            if "date" not in corpus.columns:
                raise ValueError("freq= needs a 'date' column in the corpus")
            frame[c] = period_start(corpus["date"], freq).to_numpy()  # one binning rule for all
        else:
            frame[c] = corpus[c].to_numpy()
    if not cols:
        return np.zeros(len(corpus), np.int64), pd.DataFrame(index=[0])
    if len(cols) == 1 and _ascending_unique(frame[cols[0]]):
        # every row its own group, already in sorted order (a corpus's doc_id
        # column, usually): what the groupby below gives, without grouping
        labels = frame[cols].reset_index(drop=True)
        labels.columns = pd.Index(cols, dtype=object)  # as reset_index names them
        return np.arange(len(frame), dtype=np.int64), labels
    grouped = frame.groupby(cols, dropna=False, sort=True)
    codes = grouped.ngroup().to_numpy(dtype=np.int64)
    labels = grouped.size().reset_index()[cols]
    return codes, labels


# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------


@dataclass
class Pattern:
    """One search pattern: the text as typed and one compiled regex per word.

    ``head`` / ``tail``: the first / last word is a glob starting / ending
    with ``*``, which may also take in the other words of the same
    multi-word token ("*Korea" matches ``North_Korea``, "Rising Sun*"
    matches ``Rising_Sun_flag``).
    """

    text: str
    words: list[re.Pattern[str]]
    head: bool = False
    tail: bool = False


def compile_patterns(
    patterns: str | Iterable[str], match: str = "glob", case_sensitive: bool = False
) -> list[Pattern]:
    """Compile search patterns into word-by-word matchers.

    Parameters
    ----------
    patterns : str or iterable of str
        Words or phrases; words are separated by spaces (or underscores, as in
        ``"North_Korea"``).
    match : {"glob", "regex", "fixed"}, default "glob"
        How each word is read: a glob (``*`` any letters, ``?`` one letter,
        ``[ab]`` a set), a regular expression, or literal text. Each word's
        pattern must match a whole word of a token, so ``"Korea"`` does not
        match ``North_Korea``. A glob's leading or trailing ``*`` may also
        take in neighbouring words of the same multi-word token: ``"*Korea"``
        matches ``North_Korea`` and ``"Rising Sun*"`` matches ``Rising_Sun_flag``.
    case_sensitive : bool, default False

    Returns
    -------
    list of Pattern

    Examples
    --------
    >>> [p.text for p in compile_patterns(["comfort wom*", "Dokdo"])]
    ['comfort wom*', 'Dokdo']
    >>> bool(compile_patterns("wom*")[0].words[0].fullmatch("Women"))
    True
    """
    if isinstance(patterns, str):
        patterns = [patterns]
    patterns = list(dict.fromkeys(patterns))  # the same pattern twice would double rows
    flags = 0 if case_sensitive else re.IGNORECASE
    out = []
    for p in patterns:
        if not isinstance(p, str) or not p.strip():
            raise ValueError(f"empty or non-text pattern: {p!r}")
        words = p.strip().split() if match == "regex" else p.replace("_", " ").split()
        if match == "glob":
            regs = [fnmatch.translate(w) for w in words]
        elif match == "fixed":
            regs = [re.escape(w) for w in words]
        elif match == "regex":
            regs = words
        else:
            raise ValueError(f"match must be 'glob', 'regex' or 'fixed', not {match!r}")
        try:
            compiled = [re.compile(r, flags) for r in regs]
        except re.error as err:
            raise ValueError(f"invalid pattern {p!r}: {err}") from None
        glob = match == "glob"
        out.append(
            Pattern(
                p, compiled, glob and words[0].startswith("*"), glob and words[-1].endswith("*")
            )
        )
    return out


def _fit(parts: list[str], pat: Pattern, o: int) -> int:
    """How many pattern words token ``parts`` covers when it starts at word ``o`` (0 = no fit)."""
    words, m, k = pat.words, len(pat.words), len(parts)
    if (
        not words[o].fullmatch(parts[0])
        and not (pat.head and o == 0)
        and not (pat.tail and o == m - 1)
    ):
        return 0
    if k <= m - o and all(words[o + i].fullmatch(w) for i, w in enumerate(parts)):
        return k
    if k == 1:
        return 0
    if pat.tail and o == m - 1 and words[o].fullmatch(" ".join(parts)):
        return 1
    for h in range(1, k + 1) if (pat.head and o == 0) else [1]:
        if not words[o].fullmatch(" ".join(parts[:h])):
            continue
        rest, r = parts[h:], m - o - 1
        if not rest:
            return 1
        if len(rest) <= r and all(words[o + 1 + i].fullmatch(w) for i, w in enumerate(rest)):
            return 1 + len(rest)
        if pat.tail and 1 <= r < len(rest):
            mid, last = rest[: r - 1], " ".join(rest[r - 1 :])
            if all(words[o + 1 + i].fullmatch(w) for i, w in enumerate(mid)) and words[
                m - 1
            ].fullmatch(last):
                return m - o
    return 0


def find_matches(stream: Stream, patterns: list[Pattern]) -> pd.DataFrame:
    """Every match of ``patterns`` in ``stream``.

    Returns a DataFrame with ``pattern`` (as typed), ``start`` and ``end``
    (flat token positions, end exclusive), ``doc`` and ``sent``. A match is
    a run of tokens inside one sentence whose words, split on ``_``, match the
    pattern's words one for one (see :func:`compile_patterns` for globs).
    """
    parts = [t.split("_") if t.strip("_") else [t] for t in stream.raw_vocab]
    n = len(stream.raw)
    rows = []
    for pat in patterns:
        m = len(pat.words)
        # adv[o, u]: pattern words covered by distinct token u placed at word o.
        adv = np.zeros((m, len(parts)), dtype=np.int64)
        for o in range(m):
            adv[o] = [_fit(ps, pat, o) for ps in parts]
        if n == 0:
            continue
        pos = np.flatnonzero(adv[0][stream.raw] > 0)
        start = pos.copy()
        offset = adv[0][stream.raw[pos]]
        alive = np.ones(len(pos), dtype=bool)
        while True:
            todo = np.flatnonzero(alive & (offset < m))
            if not len(todo):
                break
            nxt = pos[todo] + 1
            inside = nxt < n
            alive[todo[~inside]] = False
            todo, nxt = todo[inside], nxt[inside]
            step = np.where(
                stream.sent[nxt] == stream.sent[start[todo]],
                adv[np.minimum(offset[todo], m - 1), stream.raw[nxt]],
                0,
            )
            alive[todo[step == 0]] = False
            todo, nxt, step = todo[step > 0], nxt[step > 0], step[step > 0]
            pos[todo] = nxt
            offset[todo] += step
        hit = alive & (offset == m)
        rows.append(pd.DataFrame({"pattern": pat.text, "start": start[hit], "end": pos[hit] + 1}))
    if rows:
        out = pd.concat(rows, ignore_index=True)
    else:
        out = pd.DataFrame({"pattern": [], "start": [], "end": []})
    out = out.astype({"pattern": object, "start": np.int64, "end": np.int64})
    out["doc"] = stream.doc[out["start"].to_numpy()] if len(out) else np.zeros(0, np.int64)
    out["sent"] = stream.sent[out["start"].to_numpy()] if len(out) else np.zeros(0, np.int64)
    return out
