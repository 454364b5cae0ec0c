"""toolkit.tokens.streams: the flat token arrays against a plain Python walk over the tokens.

Every expected value is computed here, token by token, with dicts and
counters, independently of the vectorised code. All texts are constructed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.tokens.streams import (
    _factorize_strings,
    _filter_vocab,
    clear_cache,
    doc_term_matrix,
    group_term_counts,
    term_counts,
    token_stream,
)
from toolkit.tokens.tokenizer import Tokens, token_filter

# Constructed sentences. Documents "b" and "a" are interleaved (not contiguous)
# and "c" has no sentences, so the general token_id path is exercised; the
# tokens mix case, punctuation, numbers, an underscore expression, a Greek
# word with a capital sigma, a dotted capital I and CJK.
SENTENCES = [
    ("a", ["Dokdo", "talks", "resumed", "."]),
    ("b", ["ΟΔΟΣ", "İstanbul", ",", "Seoul", "'s"]),
    ("a", ["The", "talks", "stalled", "in", "2019", "!"]),
    ("b", []),
    ("a", ["North_Korea", "…", "독도", "竹島", "talks"]),
    ("b", ["SEOUL", "--", "_", "x"]),
]
DOC_IDS = ["a", "b", "c"]


def _tokens(sentences=SENTENCES, doc_ids=DOC_IDS) -> Tokens:
    sents = pd.DataFrame(
        {
            "doc_id": [d for d, _ in sentences],
            "sent_id": list(range(len(sentences))),
            "start": 0,
            "end": 0,
            "sentence": "",
            "tokens": pd.Series([list(t) for _, t in sentences], dtype=object),
            "n_tokens": [len(t) for _, t in sentences],
        }
    )
    corpus = pd.DataFrame({"doc_id": doc_ids, "text": "constructed"})
    return Tokens(corpus=corpus, sentences=sents)


def _reference(sentences, doc_ids, filters):
    """The stream's arrays by walking the tokens one at a time."""
    keep = token_filter(**filters)
    first: dict[str, int] = {}
    raw, doc, sent, token_id, mapped = [], [], [], [], []
    per_doc = dict.fromkeys(doc_ids, 0)
    for row, (d, toks) in enumerate(sentences):
        for t in toks:
            raw.append(first.setdefault(t, len(first)))
            doc.append(doc_ids.index(d))
            sent.append(row)
            token_id.append(per_doc[d])
            per_doc[d] += 1
            kept = keep([t])
            mapped.append(kept[0] if kept else None)
    vocab = sorted({m for m in mapped if m is not None})
    term = [vocab.index(m) if m is not None else -1 for m in mapped]
    return {
        "raw": raw,
        "raw_vocab": list(first),
        "doc": doc,
        "sent": sent,
        "token_id": token_id,
        "doc_len": [per_doc[d] for d in doc_ids],
        "term": term,
        "vocab": vocab,
    }


@pytest.mark.parametrize(
    "filters",
    [{}, {"lower": False}, {"drop_punct": False}, {"min_length": 3}, {"drop_numbers": True}],
)
def test_stream_arrays_equal_a_token_by_token_walk(filters):
    clear_cache()
    stream = token_stream(_tokens(), **filters)
    expected = _reference(SENTENCES, DOC_IDS, filters)
    for name, want in expected.items():
        assert list(getattr(stream, name)) == want, name
    assert list(stream.doc_ids) == DOC_IDS


def test_contiguous_documents_give_the_same_token_ids_as_a_walk():
    sentences = sorted(SENTENCES, key=lambda s: s[0])  # a, a, a, b, b, b
    stream = token_stream(_tokens(sentences))
    expected = _reference(sentences, DOC_IDS, {})
    assert list(stream.token_id) == expected["token_id"]
    assert list(stream.doc_len) == expected["doc_len"] == [15, 9, 0]


def test_empty_tokens_give_empty_arrays():
    stream = token_stream(_tokens([("a", [])], ["a", "b"]))
    assert len(stream.raw) == len(stream.vocab) == 0
    assert list(stream.doc_len) == [0, 0]


TRICKY = [
    "Dokdo", "DOKDO", "ΟΔΟΣ", "ΣΑΣ", "Σ", "İ", "İstanbul", "ß", "Straße", "ǅ", "_", "__",
    "North_Korea", ",", "'s", "’s", "…", "--", "2019", "3.5%", "x", "", " ", "독도", "竹島",
    "タケシマ", "é", "e\u0301", "Ⅻ", "½", "٣", "\u200b", "a\u200bb", "🙂", "US", "U.S.",
]  # fmt: skip


@pytest.mark.parametrize("lower", [True, False])
@pytest.mark.parametrize("drop_punct", [True, False])
@pytest.mark.parametrize("min_length", [0, 1, 2, 4])
def test_vocabulary_filter_equals_token_filter_token_by_token(lower, drop_punct, min_length):
    filters = {"lower": lower, "drop_punct": drop_punct, "min_length": min_length}
    keep = token_filter(**filters)
    want = [r[0] if (r := keep([t])) else None for t in TRICKY]
    vocab = np.asarray(TRICKY, dtype=object)
    assert _filter_vocab(vocab, filters, marked=False) == want
    no_sigma = [t for t in TRICKY if "Σ" not in t]  # the whole-vocabulary path itself
    want = [r[0] if (r := keep([t])) else None for t in no_sigma]
    assert _filter_vocab(np.asarray(no_sigma, dtype=object), filters, marked=False) == want


@pytest.mark.parametrize("groups", [[0, 1, -1], [1, -1, 0], [0, 0, 0], [-1, -1, -1]])
def test_group_term_counts_equal_counters_per_group(groups):
    from collections import Counter

    stream = token_stream(_tokens())
    got = group_term_counts(stream, np.array(groups), 2)
    keep = token_filter()
    counters = [Counter(), Counter()]
    for d, toks in SENTENCES:
        g = groups[DOC_IDS.index(d)]
        if g >= 0:
            counters[g].update(keep(toks))
    want = np.array([[c[t] for t in stream.vocab] for c in counters])
    assert got.shape == (2, len(stream.vocab)) and got.dtype == np.int64
    assert np.array_equal(got, want)
    for g in (0, 1):  # the one-group counter agrees too
        mask = np.array(groups) == g
        assert np.array_equal(term_counts(stream, mask), want[g])


def test_doc_term_matrix_counts_and_is_shared_read_only():
    from collections import Counter

    clear_cache()
    stream = token_stream(_tokens())
    mat = doc_term_matrix(stream)
    keep = token_filter()
    want = np.zeros((len(DOC_IDS), len(stream.vocab)), dtype=np.int64)
    for d, toks in SENTENCES:
        for term, k in Counter(keep(toks)).items():
            want[DOC_IDS.index(d), list(stream.vocab).index(term)] += k
    assert np.array_equal(mat.toarray(), want)
    assert mat.has_canonical_format and mat.dtype == np.int64
    assert doc_term_matrix(token_stream(stream.tokens)) is mat  # cached
    with pytest.raises(ValueError):
        mat.data[0] = 99  # shared by every measure on these Tokens: read-only
    clear_cache()
    assert doc_term_matrix(token_stream(stream.tokens)) is not mat


def test_factorize_by_object_then_text_equals_pandas_factorize():
    rng = np.random.default_rng(5)
    words = ["Dokdo", "talks", ",", "독도", "竹島", "", "ΟΔΟΣ"]
    # equal strings as distinct objects (built at run time) and as shared ones
    tokens = [("".join(list(w)) if rng.random() < 0.5 else w) for w in rng.choice(words, 500)]
    assert len({id(t) for t in tokens}) > len(set(tokens))  # some equal tokens are distinct objects
    for sample in (tokens, tokens + [None, "talks", None], ["only"], []):
        flat = np.empty(len(sample), dtype=object)
        flat[:] = sample
        codes, uniques = _factorize_strings(flat)
        want_codes, want_uniques = pd.factorize(flat, sort=False)
        assert codes.dtype == np.int64
        assert np.array_equal(codes, want_codes)
        assert list(uniques) == list(want_uniques)


def _scipy_counts(doc, term, n_docs, n_terms):
    """The document-term matrix as scipy builds it from coordinates (oracle)."""
    from scipy import sparse

    ones = np.ones(len(doc), dtype=np.int64)
    mat = sparse.csr_matrix((ones, (doc, term)), shape=(n_docs, n_terms))
    mat.sum_duplicates()
    return mat


@pytest.mark.parametrize("n_terms", [3, 50, 5000])  # dense counts, and scipy for the largest
@pytest.mark.parametrize("seed", range(4))
def test_count_pairs_equals_scipy_coordinates(n_terms, seed):
    from scipy import sparse

    from toolkit.tokens.streams import _count_pairs

    rng = np.random.default_rng(seed)
    n_docs = int(rng.integers(1, 40))
    n = int(rng.integers(0, 400))
    doc = rng.integers(0, n_docs, n)
    if seed % 2:
        doc = np.sort(doc)  # documents contiguous, as the tokenizer gives them
    term = rng.integers(0, n_terms, n)
    expected = _scipy_counts(doc, term, n_docs, n_terms)
    dense = _count_pairs(doc, term, n_docs, n_terms)
    if n_docs * n_terms > 4 * n + 4096:
        assert dense is None  # a large matrix: scipy's own way
        return
    got = sparse.csr_matrix(dense, shape=(n_docs, n_terms))
    assert got.dtype == expected.dtype == np.int64
    assert got.indices.dtype == expected.indices.dtype
    assert got.indptr.dtype == expected.indptr.dtype
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)


def test_count_pairs_by_hand():
    from toolkit.tokens.streams import _count_pairs

    # doc 0: terms 2, 0, 2; doc 1: nothing; doc 2: term 1
    data, indices, indptr = _count_pairs(np.array([0, 2, 0, 0]), np.array([2, 1, 0, 2]), 3, 3)
    assert data.tolist() == [1, 2, 1]
    assert indices.tolist() == [0, 2, 1]
    assert indptr.tolist() == [0, 2, 2, 3]


def _marked(tokens: list[str]) -> list[str]:
    """TRICKY tokens with the marks of Tokens.filter_input: function, lemma, both."""
    from toolkit.tokens.tokenizer import _FUNCTION, _LEMMA

    out = []
    for i, t in enumerate(tokens):
        out += [t, _FUNCTION + t, t + _LEMMA + f"lem{i}", _FUNCTION + t + _LEMMA + "Lemma"]
    return out + [_FUNCTION, _LEMMA, _FUNCTION + _LEMMA, "a" + _LEMMA + "b" + _LEMMA + "c"]


@pytest.mark.parametrize("lower", [True, False])
@pytest.mark.parametrize("drop_punct", [True, False])
@pytest.mark.parametrize("min_length", [0, 1, 2])
@pytest.mark.parametrize("stopwords", [False, None, True])
def test_marked_vocabulary_filter_equals_token_filter(lower, drop_punct, min_length, stopwords):
    filters = {
        "lower": lower,
        "drop_punct": drop_punct,
        "min_length": min_length,
        "stopwords": stopwords,
    }
    keep = token_filter(**filters)
    for tokens in (TRICKY, [t for t in TRICKY if "Σ" not in t]):
        marked = _marked(tokens)
        want = [r[0] if (r := keep([t])) else None for t in marked]
        assert _filter_vocab(np.asarray(marked, dtype=object), filters, marked=True) == want


def _groupby_codes(frame: pd.DataFrame, col: str):
    """group_codes' general way (oracle): a sorted groupby keeping missing values."""
    grouped = frame[[col]].groupby([col], dropna=False, sort=True)
    return grouped.ngroup().to_numpy(dtype=np.int64), grouped.size().reset_index()[[col]]


@pytest.mark.parametrize(
    "values",
    [
        ["a", "b", "c"],  # unique and ascending: the shortcut
        ["doc-000001", "doc-000002", "doc-000010"],
        [1, 5, 9],
        [0.5, 1.5, 2.0],
        ["b", "a", "c"],  # not ascending
        ["a", "a", "b"],  # repeated
        ["a", None, "c"],  # missing
        [True, False, True],
        ["a", 1, "b"],  # no order
        ["Z", "a", "é"],  # code point order
    ],
)
def test_group_codes_of_one_column_equal_a_groupby(values):
    from toolkit.tokens.streams import group_codes

    for dtype in (object, None):
        corpus = pd.DataFrame({"g": pd.Series(values, dtype=dtype)})
        codes, labels = group_codes(corpus, "g")
        frame = pd.DataFrame({"g": corpus["g"].to_numpy()})
        want_codes, want_labels = _groupby_codes(frame, "g")
        assert codes.tolist() == want_codes.tolist()
        pd.testing.assert_frame_equal(labels, want_labels, check_exact=True)
        assert labels.columns.dtype == want_labels.columns.dtype
