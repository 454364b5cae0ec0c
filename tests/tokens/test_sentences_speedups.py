"""The faster sentence splitter gives what the earlier one gave (issue 16).

The oracle is the splitter as it was at commit 7d01540, frozen in
``benchmarks/_tokenize_before.py`` (the baseline ``benchmarks/tokenize.py``
times against): its candidate pattern with a leading lookahead, the word
before a full stop found by scanning back to the last space for every
candidate, and a pass over paragraph blocks for every document. The
current splitter (a character-class prefix, the word's rule memoised on the
seven characters before the stop, a one-block shortcut, ``sentence_bounds``)
must agree with it on hand-picked and on random text, in English, Korean
and Japanese.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import _tokenize_before
from toolkit.tokens.caches import clear_caches
from toolkit.tokens.sentences import sentence_bounds, split_sentences

old_split_sentences = _tokenize_before.split_sentences


# Words that exercise every rule: titles, initials, months before numbers,
# terminal abbreviations before openers and other words, dotted words of
# every length, long words, opening quotes stripped before a word, a Kelvin
# sign (its lower case is "k"), a dotted capital I (its lower case is two
# characters), tabs (not a word boundary for the rule), CJK stops and quotes.
WORDS = [
    "Mr.",
    "mr.",
    "MESSRS.",
    "Gen.",
    '"Mr.',
    "((Mr.",
    '"""""""""Mr.',
    "“Dr.",
    "x\tMr.",
    "J.",
    "j.",
    "É.",
    "Jan.",
    "Sept.",
    "5",
    "5.",
    "U.S.",
    "u.s.",
    "U.K.",
    "a.m.",
    "p.m.",
    "Inc.",
    "Co.",
    "etc.",
    "e.g.",
    "i.e.",
    "U.S.A.",
    "abcdefU.S.",
    "x.y.z.",
    "3.5.",
    "Japan.",
    "Seoul.",
    "said.",
    "plan.",
    "ministry.",
    "Ko.",
    "\u212ao.",
    "U.\u212a.",
    "\u0130nc.",
    "The",
    "the",
    "He",
    "But",
    "Kim",
    "talks",
    "ended",
    "North",
    "Korea",
    "!",
    "?",
    "...",
    "…",
    '."',
    ".”",
    ".)",
    "?!",
    "독도는",
    "섬이다.",
    "竹島は",
    "領土だ。",
    "「本当だ。」と",
    "述べた。",
    "“인용이다.”라고",
    "말했다.",
]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u3000", "\n- "]
TEXT = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)
LANGUAGE = st.sampled_from(["en", "ko", "ja", "de"])


def _bounds_as_spans(text, language):
    starts, ends = sentence_bounds(text, language)
    assert isinstance(starts, tuple) and isinstance(ends, tuple)
    return list(zip(starts, ends, strict=True))


@given(TEXT, LANGUAGE)
@settings(max_examples=1500, deadline=None)
def test_sentences_equal_the_earlier_splitter(text, language):
    expected = old_split_sentences(text, language)
    assert split_sentences(text, language) == expected
    assert _bounds_as_spans(text, language) == expected


@given(st.text(max_size=120), LANGUAGE)
@settings(max_examples=1000, deadline=None)
def test_sentences_equal_the_earlier_splitter_on_any_text(text, language):
    expected = old_split_sentences(text, language)
    assert split_sentences(text, language) == expected
    assert _bounds_as_spans(text, language) == expected


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_the_memo_of_word_rules_changes_nothing(text):
    # the same text split with the memo empty and with it filled by other text
    clear_caches()
    cold = split_sentences(text)
    split_sentences("Mr. Kim met Gen. Lee at 9 a.m. The U.S. Co. said. " * 3)
    assert split_sentences(text) == cold == old_split_sentences(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hand-split: a title never ends a sentence, whatever quotes open it
        ("He met ((Mr. Kim. Then left.", ["He met ((Mr. Kim.", "Then left."]),
        ('Quoted """""""""Mr. Kim left. Then', ['Quoted """""""""Mr. Kim left.', "Then"]),
        # a tab joins the title to the word before: no title, so a boundary
        ("He met x\tMr. Kim left.", ["He met x\tMr.", "Kim left."]),
        # a long dotted word before an opener ends the sentence, before
        # another word it does not (U.S.A is a dotted abbreviation)
        ("Made in the U.S.A. The end.", ["Made in the U.S.A.", "The end."]),
        ("Made in the U.S.A. Today it is.", ["Made in the U.S.A. Today it is."]),
        # seven letters or more before the stop: always a boundary
        ("Officials of the ministry. Seoul said.", ["Officials of the ministry.", "Seoul said."]),
        # the Kelvin sign lower-cases to k: "U.K." (with it) is the abbreviation
        ("Made in the U.\u212a. Today it is.", ["Made in the U.\u212a. Today it is."]),
        ("Made in the U.\u212a. The end.", ["Made in the U.\u212a.", "The end."]),
        # text opening with an abbreviation (fewer than seven characters before it)
        ("Gen. Kim left. Jan. 5 came.", ["Gen. Kim left.", "Jan. 5 came."]),
        ("  Leading space. And more.", ["Leading space.", "And more."]),
    ],
)
def test_sentence_split_by_hand(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
    assert _bounds_as_spans(text, "en") == spans


def test_sentence_bounds_of_empty_and_blank_text():
    assert sentence_bounds("") == ((), ())
    assert sentence_bounds(" \n\t ") == ((), ())
    assert sentence_bounds("。", "ja") == ((0,), (1,))
