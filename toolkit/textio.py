"""Decode bytes from news files whatever their encoding.

Archive exports and scraped folders arrive as UTF-8, UTF-8 with a byte-order
mark, Korean legacy encodings (cp949, a superset of EUC-KR), Japanese
Shift_JIS (cp932) or Windows-1252. :func:`decode_bytes` tries them in a fixed
order and, when more than one legacy codec decodes the bytes without error,
keeps the one whose characters look like real text in that script. The
choice is deterministic and recorded, so a loader can report it.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

__all__ = ["DecodeError", "decode_bytes", "read_text"]

# Order matters only for ties; the plausibility score decides otherwise.
CANDIDATE_ENCODINGS = ("utf-8", "cp949", "cp932", "cp1252")


class DecodeError(ValueError):
    """Raised when bytes cannot be decoded with any supported encoding."""


def _in_euc_kr(c: str) -> bool:
    try:
        c.encode("euc_kr")
    except UnicodeEncodeError:
        return False
    return True


def _plausibility(text: str, encoding: str) -> float:
    """Score in [0, 1]: how much ``text`` looks like real text in ``encoding``.

    Wrongly decoded bytes betray themselves: Shift_JIS read as cp949 gives
    Hangul syllables outside the 2,350 common ones of KS X 1001 (EUC-KR);
    EUC-KR read as Shift_JIS gives half-width katakana; either read as
    cp1252 gives runs of accented capitals with few plain ASCII letters.
    """
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return 1.0
    good = 0
    for c in non_ascii:
        o = ord(c)
        hangul = 0xAC00 <= o <= 0xD7A3 or 0x3130 <= o <= 0x318F
        kana = 0x3040 <= o <= 0x30FF
        cjk = 0x4E00 <= o <= 0x9FFF
        punct = 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0x2010 <= o <= 0x2027
        if encoding == "cp949":
            good += punct or ((hangul or kana or cjk) and _in_euc_kr(c))
        elif encoding == "cp932":
            good += kana or cjk or punct
        else:  # cp1252: accented Latin letters and typographic punctuation
            good += unicodedata.category(c)[0] in "LPS" and o < 0x2200
    score = good / len(non_ascii)
    if encoding == "cp1252" and len(non_ascii) > 0.35 * len(text):
        score *= 0.3
    return score


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and say which encoding was used.

    Parameters
    ----------
    data : bytes
        Raw file content.
    encoding : str, optional
        Force this codec. By default the byte-order mark, UTF-8, cp949
        (EUC-KR), cp932 (Shift_JIS) and cp1252 are tried in that order, and
        among the legacy codecs that decode without error the one whose
        characters are most plausible for its script wins.

    Returns
    -------
    (str, str)
        The text (newlines normalised to ``\\n``) and the codec name.

    Raises
    ------
    DecodeError
        If no codec decodes the bytes.

    Examples
    --------
    >>> decode_bytes("독도".encode("cp949"))
    ('독도', 'cp949')
    >>> decode_bytes("竹島".encode("shift_jis"))
    ('竹島', 'cp932')
    """
    if encoding is not None:
        try:
            return _normalise(data.decode(encoding)), encoding
        except (UnicodeDecodeError, LookupError) as err:
            raise DecodeError(f"cannot decode with {encoding!r}: {err}") from err
    if data.startswith(codecs.BOM_UTF8):
        return _normalise(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _normalise(data.decode("utf-16")), "utf-16"
    try:
        return _normalise(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(CANDIDATE_ENCODINGS[1:]):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text, enc)
        key = (score, -rank, enc, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] < 0.25:
        raise DecodeError(
            "bytes are not valid UTF-8, cp949/EUC-KR, Shift_JIS or cp1252 text"
        )
    return _normalise(best[3]), best[2]


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, encoding: str | None = None) -> tuple[str, str]:
    """Read a text file with :func:`decode_bytes`; errors name the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("東海".encode("cp949"))
    >>> read_text(p)
    ('東海', 'cp949')
    """
    path = Path(path)
    try:
        return decode_bytes(path.read_bytes(), encoding)
    except DecodeError as err:
        raise DecodeError(f"{path}: {err}") from err
