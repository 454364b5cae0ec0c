"""Which language a text is in, from the scripts its letters are written in.

The toolkit measures English, Korean and Japanese news; telling them apart
needs no model: Hangul is Korean, kana is Japanese, Han characters alone are
Chinese, and Latin letters are taken to be English.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

__all__ = ["detect_language", "other_language", "script_of"]


# The Unicode ranges of each script (Hangul syllables, jamo and compatibility
# jamo; hiragana, katakana, their phonetic extensions and half-width forms;
# CJK unified ideographs and extension A).
_RANGES = {
    "ko": ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F)),
    "ja": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),
    "han": ((0x4E00, 0x9FFF), (0x3400, 0x4DBF)),
}


def script_of(ch: str) -> str | None:
    """The script of one character: "ko" (Hangul), "ja" (kana), "han", "latin" or None.

    Examples
    --------
    >>> [script_of(c) for c in "a한カ日é1"]
    ['latin', 'ko', 'ja', 'han', 'latin', None]
    """
    o = ord(ch)
    for script, ranges in _RANGES.items():
        if any(lo <= o <= hi for lo, hi in ranges):
            return script
    if ch.isascii() and ch.isalpha() or 0xC0 <= o <= 0x24F and ch.isalpha():
        return "latin"
    return None


# Only the first characters of a text are read: enough to tell its script.
_READ_CHARS = 20_000
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
# Codes in the look-up table: 0 no letter, 1 Latin (any other alphabet too),
# 2 Hangul, 3 kana, 4 Han.
_CODES = {"ko": 2, "ja": 3, "han": 4}


@functools.cache
def _bmp_codes() -> np.ndarray:
    """Script code of every Basic Multilingual Plane character (as script_of
    decides it, other alphabets counted as Latin), built once: a table look-up
    per character instead of a Python call per character."""
    chars = "".join(map(chr, range(0x10000)))
    codes = np.fromiter(map(str.isalpha, chars), dtype=np.uint8, count=0x10000)
    for script, ranges in _RANGES.items():
        for lo, hi in ranges:
            codes[lo : hi + 1] = _CODES[script]
    return codes


# Below this length the fixed cost of numpy calls outweighs their speed: a
# short text is mapped to one code letter per script by str.translate.
_SHORT = 300


@functools.cache
def _letter_table() -> list[str | None]:
    """Code point -> "L" (Latin), "H" (Hangul), "K" (kana), "C" (Han) or None (drop)."""
    letters = (None, "L", "H", "K", "C")
    return [letters[c] for c in _bmp_codes().tolist()]


def _short_counts(text: str) -> dict[str, int]:
    # Characters past the table (astral) are kept as they are by translate;
    # none is one of the code letters, and they are counted apart.
    coded = text.translate(_letter_table())
    extra = 0
    if max(text) > "\uffff":
        extra = sum(ch.isalpha() for ch in text if ord(ch) > 0xFFFF)
    return {
        "latin": coded.count("L") + extra,
        "hangul": coded.count("H"),
        "kana": coded.count("K"),
        "han": coded.count("C"),
    }


def _script_counts(text: str) -> dict[str, int]:
    """Letters of each script among the first characters of ``text``."""
    text = text[:_READ_CHARS]
    if text.isascii():
        raw = text.encode("ascii")
        latin = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        return {"latin": latin, "hangul": 0, "kana": 0, "han": 0}
    if len(text) < _SHORT:
        return _short_counts(text)
    # surrogatepass: a lone surrogate (not a letter) must not stop the count
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    astral = points > 0xFFFF
    extra = 0
    if astral.any():
        # no Hangul, kana or (counted) Han up there: letters count as Latin
        extra = sum(chr(p).isalpha() for p in points[astral].tolist())
        points = points[~astral]
    n = np.bincount(_bmp_codes()[points], minlength=5).tolist()
    return {"latin": n[1] + extra, "hangul": n[2], "kana": n[3], "han": n[4]}


def other_language(corpus: pd.DataFrame, language: str) -> dict[str, str]:
    """Documents a measure in ``language`` cannot read: ``{doc_id: their language}``.

    Documents whose detected language is another one (not ``language``, and
    not ``""``, no letters) are left unmeasured by the English-only methods
    and dictionaries, with a status naming their language, instead of being
    counted as "no match". ``language=""`` (a dictionary for any language)
    excludes nothing.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["en", "ko", ""]})
    >>> other_language(c, "en")
    {'b': 'ko'}
    """
    if not language or "language" not in corpus.columns:
        return {}
    lang = corpus["language"].fillna("").astype(str)
    hit = ~lang.isin([language, ""])
    return dict(zip(corpus.loc[hit, "doc_id"], lang[hit], strict=True))


def detect_language(text: str) -> tuple[str, float]:
    """Guess the language of ``text`` from its scripts.

    Returns the ISO code (``"en"``, ``"ko"``, ``"ja"``, ``"zh"`` or ``""`` for no
    letters) and the share of letters in that language's scripts. Latin
    script is taken to be English, which is what this toolkit measures; a
    French article would be mislabelled, so set the ``language`` column
    yourself for such corpora. Korean counts a character as Korean when it
    is Hangul; Japanese text is recognised by its kana.

    Examples
    --------
    >>> detect_language("독도는 한국 영토이다")
    ('ko', 1.0)
    >>> detect_language("竹島は日本の領土")[0]
    'ja'
    """
    head = text[:_READ_CHARS]
    if head.isascii():
        # Latin letters only (or none): what the general count below gives,
        # without building the counts of four scripts for every English text
        raw = head.encode("ascii")
        return ("en", 1.0) if raw.translate(None, _ASCII_LETTERS) != raw else ("", 0.0)
    c = _script_counts(head)
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
