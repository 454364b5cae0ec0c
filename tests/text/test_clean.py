"""toolkit.text.clean: the one text cleaner of the readers and the loader, on hand-written input."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.text.clean import (
    clean_article,
    clean_field,
    remove_blocks,
    replace_surrogates,
    strip_markup,
)


def test_field_spacing_rules():
    # no-break space, its double-encoded form "Â\xa0", zero-width space, tabs
    assert clean_field("Seoul\u00a0and\u00c2\u00a0Tokyo\u200b met\t\tagain ") == (
        "Seoul and Tokyo met again"
    )
    assert clean_field(" one \n\n\n\n two \n three ") == "one\n\ntwo\nthree"
    assert clean_field(float("nan")) == ""
    assert clean_field(12) == "12"
    # an ideographic space is a character of a Japanese title, kept in a field
    assert clean_field("竹島\u3000問題") == "竹島\u3000問題"


def test_article_markup_entities_and_invisible_characters():
    text, notes = clean_article(
        '<div class="body"><p>Seoul &amp; Tokyo</p><br/>met<script>x=1</script>\u00ad again'
        "\u3000today.</div>"
    )
    assert text == "Seoul & Tokyo\n\nmet again today."
    assert notes == ["HTML tags removed", "HTML entities decoded"]


def test_article_leaves_text_that_only_looks_like_markup():
    assert clean_article("if a<b and c>d, write <kim@example.com>") == (
        "if a<b and c>d, write <kim@example.com>",
        [],
    )


def test_article_line_ends_controls_and_nfc():
    # "e" + combining acute is NFC "é"; \x0c (form feed) is a space; CR LF a line break
    text, notes = clean_article("Cafe\u0301\x0cnews\r\nline two\rline three")
    assert text == "Caf\u00e9 news\nline two\nline three"
    assert notes == []


def test_article_bytes_and_surrogates():
    text, notes = clean_article("독도 기사".encode("cp949"))
    assert text == "독도 기사"
    assert notes and notes[0] == "decoded from cp949"
    text, notes = clean_article("a\ud800b")
    assert text == "a\ufffdb"
    assert notes == ["invalid characters (lone surrogates) replaced by U+FFFD"]
    assert clean_article(None) == ("", ["text missing (NaN/None)"])


def test_blocks_and_markup():
    assert remove_blocks("a<!-- c -->b<STYLE>p{}</style>c") == "a b c"
    # an opener without its closer ends the scan: the rest stays text
    assert remove_blocks("a<script>never closed") == "a<script>never closed"
    assert strip_markup("x<br>y<hr/>z</li>w") == "x\ny\nz\nw"
    assert strip_markup("<b>bold</b>") == " bold "


@pytest.mark.parametrize(
    ("value", "expected", "hit"),
    [
        ("ok", "ok", False),
        (["\udfff", 3], ["\ufffd", 3], True),
        ({"k\ud801": {"v": "\ud802"}}, {"k\ufffd": {"v": "\ufffd"}}, True),
    ],
)
def test_replace_surrogates(value, expected, hit):
    assert replace_surrogates(value) == (expected, hit)


# --------------------------------------------------------------------------
# The spacing shortcuts against the rules as they were written before them
# --------------------------------------------------------------------------
# clean_article and clean_field skip substitutions that cannot change the
# text (issue 16). The oracle is the earlier cleaner's last steps, copied
# here: a substitution on every line and every text.


def _old_tidy(text, spaces):
    text = "\n".join(re.sub(spaces, " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _old_article_tail(text):
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", re.sub(CONTROL, " ", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _old_tidy(text, r"[ \t\u00a0\u3000]+")


CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
SPACEY = st.text(
    alphabet=st.sampled_from(list("ab 한\t\n\r\u00a0\u3000\u200b\u00ad\x0b\x0c\x01\x7f\u2028.")),
    max_size=60,
)


@given(SPACEY)
@settings(max_examples=400, deadline=None)
def test_article_spacing_equals_the_substitute_everything_rules(text):
    # no markup, entity or surrogate in this alphabet, so only the tail applies
    assert clean_article(text)[0] == _old_article_tail(text)


@given(SPACEY)
@settings(max_examples=400, deadline=None)
def test_field_spacing_equals_the_substitute_everything_rules(text):
    old = text.replace("\u00c2\u00a0", " ").replace("\u00a0", " ").replace("\u200b", "")
    assert clean_field(text) == _old_tidy(old, r"[ \t\f\v]+")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a  b", "a b"),  # a run of two spaces, no other space character
        ("a b\n\n\n\nc", "a b\n\nc"),  # blank lines only
        ("  a b  ", "a b"),
        ("a\u3000\u3000b", "a b"),
    ],
)
def test_article_spacing_by_hand(text, expected):
    assert clean_article(text)[0] == expected


# --- The ASCII path of clean_article against the general steps it skips ---

_ODD_ASCII = st.lists(
    st.sampled_from(
        ["a", "B", " ", "  ", "\n", "\n\n\n", "\t", "\r", "\r\n", "\x00", "\x0b", "\x0c"]
        + ["\x1c", "\x1f", "\x7f", "\u00a0", "\u200b", "\u212a", "\u3000"]
    ),
    max_size=30,
).map("".join)


def _old_clean_tail(text: str) -> str:
    """What clean_article did after markup and entities before its ASCII path (oracle)."""
    from toolkit.text.clean import _ARTICLE_SPACES, _CONTROL, _INVISIBLE, _tidy_lines

    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _tidy_lines(text, _ARTICLE_SPACES)


@settings(max_examples=400, deadline=None)
@given(_ODD_ASCII)
def test_clean_article_equals_the_general_steps(text):
    # no markup or entity here, so clean_article is only the steps of the oracle
    assert clean_article(text) == (_old_clean_tail(text), [])


def test_ascii_controls_and_carriage_returns_by_hand():
    assert clean_article("Seoul\x00protested.\r\nTokyo\x7freplied.\rEnd")[0] == (
        "Seoul protested.\nTokyo replied.\nEnd"
    )
    # the Kelvin sign becomes K under NFC: non-ASCII in, ASCII out
    assert clean_article("300 \u212a")[0] == "300 K"
