"""The faster English tokenizer steps give what the earlier code gave (issue 16).

Each oracle below is the earlier implementation, copied here as it was at
commit c6738d2: the regex run over the whole sentence, the position-by-
position expression merge, and the sentence splitter's candidate scan. The
fast versions must agree with them on hand-picked and on random text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.tokens import sentences as sentences_mod
from toolkit.tokens.tokenizer import _merge_mwes, default_mwes, word_tokenize

_CLITIC = r"(?:[sSmMdD]|ll|LL|re|RE|ve|VE)"
_OLD_WORD_RE = re.compile(
    rf"""
      \w+?(?=n['’]t\b)
    | n['’]t\b
    | ['’]{_CLITIC}\b
    | (?:[A-Za-z]\.){{2,}}(?![A-Za-z])
    | \w+(?:(?:[-+/&.]|,(?=\d)|['’](?!{_CLITIC}\b|t\b))\w+)*(?:\.(?![.\w]))?
    | \.\.\.+ | -- | [^\w\s]
    """,
    re.VERBOSE,
)
_CLOSERS = frozenset(['"', "'", "”", "’", ")", "]", "}", "»"])


def _old_words(sentence):
    toks = _OLD_WORD_RE.findall(sentence)
    i = len(toks) - 1
    while i >= 0 and toks[i] in _CLOSERS:
        i -= 1
    if i >= 0:
        last = toks[i]
        if len(last) > 1 and last.endswith(".") and not last.endswith(".."):
            toks[i : i + 1] = [last[:-1], "."]
    return toks


def _old_merge(toks, mwes):
    by_first = {}
    for m in mwes:
        t = tuple(x.lower() for x in _old_words(m.strip()))
        if len(t) > 1:
            by_first.setdefault(t[0], set()).add(t)
    index = {k: sorted(v, key=lambda t: (-len(t), t)) for k, v in by_first.items()}
    low = [t.lower() for t in toks]
    out, i = [], 0
    while i < len(toks):
        for cand in index.get(low[i], ()):
            k = len(cand)
            if tuple(low[i : i + k]) == cand:
                out.append(_old_join(toks[i : i + k]))
                i += k
                break
        else:
            out.append(toks[i])
            i += 1
    return out


def _old_join(parts):
    out = parts[0]
    for p in parts[1:]:
        out += p if p[:1] in ("'", "’") or p.lower() in ("n't", "n’t") else "_" + p
    return out


# Characters that exercise every branch of the word pattern and the splitter:
# clitics, abbreviations, numbers, dashes, quotes, Unicode letters and spaces.
PIECES = [
    "U.S.",
    "a.m.",
    "Mr.",
    "Jan.",
    "don't",
    "can’t",
    "Japan's",
    "they'll",
    "28,000",
    "3.5",
    "--",
    "...",
    "North",
    "Korea",
    "north",
    "korea",
    "comfort",
    "women",
    "South",
    "Sea",
    "of",
    "Japan",
    "East",
    "the",
    "Seoul",
    "said",
    "_x_",
    "é",
    "한국",
    "東京",
    "!",
    "?",
    ".",
    ",",
    '"',
    "“",
    "”",
    "(",
    ")",
    "’",
    "'",
    "-",
    "n't",
    "A.",
    "I",
    "Inc.",
    "Tuesday.",
    "e.g.",
    "x2",
    "½",
    "Ⅻ",
]
SPACES = [" ", "  ", "\n", "\t", "\u00a0", "\u3000", "\x1c", ""]
TEXT = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)


@given(TEXT)
@settings(max_examples=500, deadline=None)
def test_words_equal_the_whole_sentence_regex(text):
    assert word_tokenize(text) == _old_words(text)


@given(st.text(max_size=80))
@settings(max_examples=500, deadline=None)
def test_words_equal_the_whole_sentence_regex_on_any_text(text):
    assert word_tokenize(text) == _old_words(text)


@given(TEXT)
@settings(max_examples=500, deadline=None)
def test_expression_merge_equals_the_position_by_position_merge(text):
    mwes = default_mwes()
    toks = _old_words(text)
    assert _merge_mwes(list(toks), mwes) == _old_merge(toks, mwes)


def test_expression_merge_by_hand():
    mwes = ("North Korea", "North Korea's nuclear program", "comfort women", "Korea Strait")
    toks = ["North", "Korea", "Strait", "and", "north", "korea", "'s", "nuclear", "program"]
    assert _merge_mwes(toks, mwes) == [
        "North_Korea",
        "Strait",
        "and",
        "north_korea's_nuclear_program",
    ]


_OLD_CANDIDATE = re.compile(
    r"""(?<![.!?])(?P<punct>[.!?]+|…)(?P<close>["'”’)\]]*)(?P<space>\s+)"""
    r"""(?=["“‘'(\[「『<《〈]?[A-Z0-9\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff])"""
)


@given(TEXT)
@settings(max_examples=500, deadline=None)
def test_sentence_candidates_equal_the_earlier_pattern(text):
    new = [m.span() + m.span(1) + m.span(2) for m in sentences_mod._CANDIDATE.finditer(text)]
    old = [m.span() + m.span("punct") + m.span("close") for m in _OLD_CANDIDATE.finditer(text)]
    assert new == old


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hard-wrapped line (60 characters or more) is rejoined; the word
        # before the full stop starts after the newline ("Mr." would not end it)
        (
            "The foreign ministry in Seoul said on Monday that the minister met\nTokyo. They "
            "talked.",
            [
                "The foreign ministry in Seoul said on Monday that the minister met\nTokyo.",
                "They talked.",
            ],
        ),
        (
            "The foreign ministry in Seoul said on Monday that the minister met\nMr. Kim. They "
            "talked.",
            [
                "The foreign ministry in Seoul said on Monday that the minister met\nMr. Kim.",
                "They talked.",
            ],
        ),
        ("He left at 9 a.m. The talks ended.", ["He left at 9 a.m.", "The talks ended."]),
    ],
)
def test_sentence_split_by_hand(text, expected):
    assert [text[s:e] for s, e in sentences_mod.split_sentences(text)] == expected


# --------------------------------------------------------------------------
# Whole documents (issue 16): the document path of _tokenize_text (one pass
# over the pieces of all sentences, the last piece under a marked key, the
# merge only where a piece holds a first word) against the sentence-by-
# sentence oracle above, with the memos cold, warm, cut short and shared
# between sets of expressions.
# --------------------------------------------------------------------------

SENTENCE_ENDS = [".", ". ", '."', '. "', ".)", " .", "!", "?", ' "', " )", "", "\n\n"]
DOC = st.lists(
    st.tuples(
        st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), max_size=12),
        st.sampled_from(SENTENCE_ENDS),
        st.sampled_from([" ", "  ", "\n", " The ", " North Korea "]),
    ),
    max_size=8,
).map(lambda sents: "".join("".join(p + s for p, s in words) + e + g for words, e, g in sents))


def _oracle(text, mwes):
    from toolkit.tokens.sentences import split_sentences

    return [_old_merge(_old_words(text[s:e]), mwes) for s, e in split_sentences(text)]


def _document(text, mwes):
    from toolkit.tokens.tokenizer import _tokenize_text

    _, _, bounds, toks, lemmas, tags = _tokenize_text(text, "en", tuple(mwes))
    assert lemmas is None and tags is None
    return [toks[a:b] for a, b in zip((0, *bounds)[:-1], bounds, strict=True)]


@given(DOC, st.booleans())
@settings(max_examples=400, deadline=None)
def test_document_tokens_equal_the_sentence_by_sentence_path(text, cold):
    from toolkit.tokens.caches import clear_caches

    if cold:
        clear_caches()
    mwes = default_mwes()
    assert _document(text, mwes) == _oracle(text, mwes)


def test_document_tokens_by_hand():
    from toolkit.tokens.caches import clear_caches

    clear_caches()
    text = 'North Korea fired. He said "yes." Seoul and north korea\'s envoy met. They left. "'
    assert _document(text, default_mwes()) == [
        ["North_Korea", "fired", "."],
        ["He", "said", '"', "yes", ".", '"'],
        ["Seoul", "and", "north_korea", "'s", "envoy", "met", "."],
        # the last piece is a closer: the full stop of the piece before it is split off
        ["They", "left", ".", '"'],
    ]


def test_sets_of_expressions_share_the_memos_without_mixing():
    from toolkit.tokens.caches import clear_caches

    clear_caches()
    texts = [
        "North Korea and the Korea Strait. The comfort women spoke.",
        "Comfort women and North Korea met in the Korea Strait today.",
    ]
    sets = [default_mwes(), ("Korea Strait", "women spoke"), (), ("North Korea",)]
    for mwes in [*sets, *sets[::-1]]:
        for text in texts:
            assert _document(text, mwes) == _oracle(text, mwes), mwes


def test_pieces_memoised_elsewhere_are_learned_by_the_expression_flags():
    from toolkit.tokens.caches import clear_caches

    clear_caches()
    mwes = default_mwes()
    assert _document("Seoul spoke.", mwes) == _oracle("Seoul spoke.", mwes)
    # word_tokenize memoises these pieces outside the document path
    word_tokenize("The comfort women of North Korea.")
    text = "The comfort women of North Korea spoke."
    assert _document(text, mwes) == _oracle(text, mwes)
    assert "comfort_women" in _document(text, mwes)[0]


def test_full_memos_are_emptied_without_changing_tokens(monkeypatch):
    from toolkit.tokens import tokenizer
    from toolkit.tokens.caches import clear_caches

    clear_caches()
    monkeypatch.setattr(tokenizer._PieceMemo, "limit", 5)
    mwes = default_mwes()
    texts = [
        "North Korea fired missiles on Monday, officials said.",
        "The comfort women of the East Sea spoke. Tokyo's envoy left.",
        "Seoul and Tokyo met. North Korea's envoy said nothing.",
    ]
    for text in texts * 3:
        assert _document(text, mwes) == _oracle(text, mwes)
        tokenizer._tokenize_text.cache_clear()
    assert len(tokenizer._PIECES) < 40


def test_tokenize_builds_the_same_table_as_the_sentence_by_sentence_path():
    import pandas as pd

    from toolkit import load_demo, tokenize
    from toolkit.tokens.caches import clear_caches

    clear_caches()
    demo = load_demo()
    tk = tokenize(demo, n_jobs=1)
    sents = tk.sentences
    english = set(demo.loc[demo["language"] == "en", "doc_id"])
    texts = dict(zip(demo["doc_id"], demo["text"], strict=True))
    rows = sents[sents["doc_id"].isin(english)]
    expected = []
    for doc_id in dict.fromkeys(rows["doc_id"]):
        expected += _oracle(texts[doc_id], tk.mwes)
    assert rows["tokens"].tolist() == expected
    assert (rows["n_tokens"] == rows["tokens"].map(len)).all()
    # sent_id counts from 0 within each document
    expected_ids, previous = [], None
    for doc_id in sents["doc_id"]:
        expected_ids.append(expected_ids[-1] + 1 if doc_id == previous else 0)
        previous = doc_id
    assert sents["sent_id"].tolist() == expected_ids
    assert sents.dtypes.astype(str).tolist() == [
        "object",
        "int64",
        "int64",
        "int64",
        "object",
        "object",
        "int64",
        "object",
        "object",
    ]
    assert isinstance(sents.index, pd.RangeIndex)


def test_tokenize_leaves_the_garbage_collector_as_it_found_it():
    import gc

    import pandas as pd

    from toolkit import tokenize

    corpus = pd.DataFrame({"text": ["North Korea fired. Seoul said."] * 3})
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    tokenize(corpus, n_jobs=1)
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:
        tk = tokenize(corpus, n_jobs=1)
        assert not gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.enable()
    # objects a caller froze (the report does, before forking) stay frozen
    gc.freeze()
    try:
        kept = gc.get_freeze_count()
        tokenize(corpus, n_jobs=1)
        assert gc.get_freeze_count() == kept > 0
    finally:
        gc.unfreeze()
    assert tk.sentences["tokens"].tolist()[:2] == [
        ["North_Korea", "fired", "."],
        ["Seoul", "said", "."],
    ]


# Pieces around a word: openers and closers, clitics, stops and symbols.
AROUND = [
    *"\"“”()[]{},;:!?.'’-",
    "'s",
    "’s",
    "'S",
    "n't",
    "..",
]
CORE = ["Seoul", "said", "2015", "한국", "東京", "don", "n't", "x_y", "é", "½", "U.S", "s", ""]
PIECE = st.tuples(
    st.lists(st.sampled_from(AROUND), max_size=2),
    st.sampled_from(CORE),
    st.lists(st.sampled_from(AROUND), max_size=2),
).map(lambda t: "".join(t[0]) + t[1] + "".join(t[2]))


@given(st.one_of(PIECE, st.text(alphabet=st.characters(blacklist_categories=["Zs", "Cc"]))))
@settings(max_examples=1000, deadline=None)
def test_piece_words_equal_the_pattern(piece):
    from toolkit.tokens.tokenizer import _piece_words

    if not piece or piece != "".join(piece.split()):
        return  # pieces are never empty and hold no whitespace
    assert list(_piece_words(piece)) == _OLD_WORD_RE.findall(piece)


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        ("said,", ("said", ",")),
        ("(Seoul)", ("(", "Seoul", ")")),
        ("“Tokyo", ("“", "Tokyo")),
        ("Korea's", ("Korea", "'s")),
        ("28,000", ("28,000",)),
        ("said.", ("said.",)),
        ("Korea’s", ("Korea", "’s")),
        ("U.S.", ("U.S.",)),
    ],
)
def test_piece_words_by_hand(piece, expected):
    from toolkit.tokens.tokenizer import _piece_words

    assert _piece_words(piece) == expected


@pytest.mark.parametrize("cold", [True, False])
@given(DOC)
@settings(max_examples=150, deadline=None)
def test_both_paths_of_a_document_give_the_oracle_tokens(cold, text):
    from toolkit.tokens import tokenizer

    # cold: memoise sentence by sentence; warm: try the all-known pass first
    tokenizer._PIECES.cold = cold
    mwes = default_mwes()
    assert _document(text, mwes) == _oracle(text, mwes)
    tokenizer._tokenize_text.cache_clear()
    tokenizer._PIECES.cold = cold
    assert _document(text, mwes) == _oracle(text, mwes)  # now with every piece known
