"""decode_text's "could this UTF-8 be a legacy encoding?" test, by max() (issue 16).

The test asks whether every character is below U+0800 and one is at or above
U+00A0; it was written as two per-character generator scans (seconds on a
folder of 5,000 articles) and is now one ``max``. The oracle is the earlier
expression, copied here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.text.decode import decode_text


def _old_check(text: str) -> bool:
    return all(ord(c) < 0x800 for c in text) and any(ord(c) >= 0xA0 for c in text)


def _new_check(text: str) -> bool:  # the line in decode_text
    return not text.isascii() and "\u00a0" <= max(text) < "\u0800"


@given(st.text(max_size=40))
@settings(max_examples=500, deadline=None)
def test_max_check_equals_the_per_character_check(text):
    assert _new_check(text) == _old_check(text)


def test_max_check_at_the_edges():
    for text, expected in [
        ("", False),
        ("abc", False),
        ("a\u009f", False),  # a C1 control: not ASCII, yet below U+00A0
        ("\u0080\u009f", False),
        ("a\u00a0", True),
        ("\u07ff", True),
        ("é\u0800", False),
        ("ʸ", True),
    ]:
        assert _new_check(text) == _old_check(text) == expected


def test_decode_text_still_lets_legacy_readings_compete():
    # "文" in EUC-JP is valid UTF-8 ("ʸ", below U+0800): the legacy readings
    # compete, and EUC-JP wins (flagged as uncertain)
    assert b"\xca\xb8".decode("utf-8") == "\u02b8"
    decoded = decode_text("文".encode("euc-jp"))
    assert (decoded.text, decoded.encoding) == ("文", "euc_jp")
    assert "could be utf-8" in decoded.note
    assert decode_text(b"Seoul protested.").encoding == "utf-8"
