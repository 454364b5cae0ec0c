"""toolkit.text.language on hand-counted scripts, and against the old per-character count."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import _language_before as before
from tests._paths import EVAL, needs_shared
from toolkit.text.language import _script_counts, detect_language, other_language


def test_detect_language_shares_are_hand_counts():
    assert detect_language("Seoul protested.") == ("en", 1.0)
    # 3 Hangul + 2 Han of 5 letters: Han counts as Korean beside Hangul
    assert detect_language("독도는 韓國") == ("ko", 1.0)
    # 1 kana + 3 Han + 4 Latin = 8 letters; Japanese is kana + Han = 4/8, a tie with
    # Latin that goes to English
    assert detect_language("竹島は本 abcd") == ("en", 0.5)
    # 3 kana + 2 Han of 9 letters against 4 Latin: ja 5/9
    assert detect_language("竹島ですね abcd") == ("ja", round(5 / 9, 3))
    assert detect_language("中国") == ("zh", 1.0)
    assert detect_language("1234 !?") == ("", 0.0)


def test_other_language_lists_documents_in_another_language():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "language": ["en", "ja", "", None]})
    assert other_language(corpus, "en") == {"b": "ja"}
    assert other_language(corpus, "") == {}
    assert other_language(corpus.drop(columns="language"), "en") == {}


# --------------------------------------------------------------------------
# The vectorised script count against the per-character implementation
# --------------------------------------------------------------------------
# The oracle is the per-character detector as it was before the vectorised
# count (issue 16), frozen in benchmarks/_language_before.py (which
# benchmarks/ingest.py times against): every result must stay identical to it.


def _assert_same(texts):
    texts = list(texts)
    assert texts
    for text in texts:
        assert _script_counts(text) == before.script_counts(text), text[:80]
        assert detect_language(text) == before.detect_language(text), text[:80]


MIXED = [
    # CONSTRUCTED strings mixing every script the detector distinguishes
    "독도 Dokdo 竹島 たけしま",
    "ㄱㄴㄷ ᄀᄁ ㆎ 한국어",  # compatibility and conjoining jamo
    "ㇰㇱㇲ ｶﾀｶﾅ ｰﾞﾟ カタカナ ひらがな ー・",  # phonetic extensions, half-width forms
    "漢字 㐀㐁 𠀀𠀁 中国",  # unified, extension A, extension B (astral)
    "Café résumé naïve Ærø Łódź ŒŸ ǅ ɐ",  # Latin with accents, to U+024F and past it
    "Ελλάδα Россия עברית العربية हिन्दी ไทย",  # other alphabets count with Latin
    "0123456789 ０１２３ ½ ² ⅫⅣ ⑦ 〇 一二三",  # digits and numerals
    "ＡＢＣ ｄｅｆ ！？（）　全角",  # full-width forms
    "😀🇰🇷🇯🇵 ✌️ 👍🏽 emoji only words",
    "\u200b\u200d\ufeff\u00ad soft\u00adhyphen zero\u200bwidth",
    "lone surrogate \ud800 and \udfff here",
    "",
    "   \n\t ",
    "x" * 25_000 + "한" * 10,  # past the 20,000 characters read
    "한" * 19_999 + "abc",
]


def test_script_counts_equal_the_per_character_count_on_constructed_mixed_strings():
    _assert_same(MIXED)


@pytest.mark.parametrize("step", [512, 200])
def test_script_counts_equal_the_per_character_count_on_every_code_point(step):
    # all 1,114,112 code points (surrogates included) in runs of 512 (counted
    # with numpy) and of 200 (short texts, counted with str.translate): both
    # paths, and their astral branches, agree with the oracle everywhere
    _assert_same(
        "".join(map(chr, range(lo, min(lo + step, 0x110000)))) for lo in range(0, 0x110000, step)
    )


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300))
@settings(max_examples=300, deadline=None)
def test_script_counts_equal_the_per_character_count_on_random_text(text):
    _assert_same([text])


def _conllu_texts(name):
    path = EVAL / name
    return [
        ln[len("# text = ") :]
        for ln in path.read_text("utf-8").splitlines()
        if ln.startswith("# text = ")
    ]


@needs_shared
@pytest.mark.parametrize("name", ["ud_ko_gsd_dev.conllu", "ud_ja_gsd_dev.conllu"])
def test_script_counts_equal_the_per_character_count_on_ud_sentences(name):
    texts = _conllu_texts(name)
    assert len(texts) > 500
    _assert_same(texts)
    _assert_same(["\n".join(texts[k : k + 50]) for k in range(0, len(texts), 50)])


@needs_shared
def test_script_counts_equal_the_per_character_count_on_eval_english():
    from tests.tokens._digest import eval_english_texts

    texts = eval_english_texts()
    assert len(texts) > 5000
    _assert_same(texts)


def _detect_by_counts(text: str) -> tuple[str, float]:
    """detect_language as written before its ASCII shortcut (oracle): from the four counts."""
    return before.language_from_counts(_script_counts(text))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list(" .,1a\n!Z_-") + ["독", "竹", "は", "é"]), max_size=40)
)
def test_ascii_shortcut_gives_what_the_counts_give(text):
    got = detect_language(text)
    assert got == _detect_by_counts(text)
    assert type(got[1]) is float


def test_ascii_shortcut_by_hand():
    assert detect_language("... 2015, 04!") == ("", 0.0)
    assert detect_language("x") == ("en", 1.0)
    # only the first characters are read: ASCII there, Hangul after
    head = "a" * 20_000
    assert detect_language(head + "독도" * 10) == ("en", 1.0)
