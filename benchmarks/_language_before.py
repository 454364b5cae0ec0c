"""A frozen copy of the language detector of 0.4.1 (commit 7d01540), before issue 16.

It counts scripts one character at a time; the toolkit now counts them
with a vectorised pass and an ASCII shortcut. ``benchmarks/ingest.py``
times against it, and ``tests/text/test_language.py`` holds the toolkit's
counts and languages to it, equal on every input. Do not edit.
"""

from __future__ import annotations

_KEY = {"ko": "hangul", "ja": "kana", "han": "han", "latin": "latin"}


def script_of(ch: str) -> str | None:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "ko"
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return "ja"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return "han"
    if ch.isascii() and ch.isalpha() or 0xC0 <= o <= 0x24F and ch.isalpha():
        return "latin"
    return None


def script_counts(text: str) -> dict[str, int]:
    """Latin, Hangul, kana and Han letters among the first 20,000 characters."""
    counts = {"latin": 0, "hangul": 0, "kana": 0, "han": 0}
    for ch in text[:20_000]:
        script = script_of(ch)
        if script is None and ch.isalpha():
            script = "latin"
        if script is not None:
            counts[_KEY[script]] += 1
    return counts


def language_from_counts(c: dict[str, int]) -> tuple[str, float]:
    """The language with the largest share of letters, and that share."""
    letters = sum(c.values())
    if not letters:
        return "", 0.0
    shares = {
        "en": c["latin"] / letters,
        "ko": (c["hangul"] + (c["han"] if c["hangul"] else 0)) / letters,
        "ja": (c["kana"] + (c["han"] if c["kana"] and not c["hangul"] else 0)) / letters,
        "zh": (c["han"] if not (c["kana"] or c["hangul"]) else 0) / letters,
    }
    lang = max(shares, key=lambda k: (shares[k], k == "en"))
    return lang, round(shares[lang], 3)


def detect_language(text: str) -> tuple[str, float]:
    return language_from_counts(script_counts(text))
