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
