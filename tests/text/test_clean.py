"""toolkit.text.clean: the one text cleaner of the readers and the loader, on hand-written input."""

from __future__ import annotations

import pytest

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
