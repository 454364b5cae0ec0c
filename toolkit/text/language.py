"""Which language a text is in, from the scripts its letters are written in.

The toolkit measures English, Korean and Japanese news; telling them apart
needs no model: Hangul is Korean, kana is Japanese, Han characters alone are
Chinese, and Latin letters are taken to be English.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["detect_language", "other_language", "script_of"]


def script_of(ch: str) -> str | None:
    """The script of one character: "ko" (Hangul), "ja" (kana), "han", "latin" or None.

    Examples
    --------
    >>> [script_of(c) for c in "a한カ日é1"]
    ['latin', 'ko', 'ja', 'han', 'latin', None]
    """
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


_COUNT_KEY = {"ko": "hangul", "ja": "kana", "han": "han", "latin": "latin"}


def _script_counts(text: str) -> dict[str, int]:
    counts = {"latin": 0, "hangul": 0, "kana": 0, "han": 0}
    for ch in text[:20_000]:
        script = script_of(ch)
        if script is None and ch.isalpha():
            script = "latin"  # other alphabets (Greek, Cyrillic ...) count with Latin
        if script is not None:
            counts[_COUNT_KEY[script]] += 1
    return counts


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
    c = _script_counts(text)
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
