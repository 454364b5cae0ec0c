"""Decode bytes from news files whatever their encoding.

Archive exports and scraped folders arrive as UTF-8, UTF-8 with a byte-order
mark, UTF-16 (Excel's "Unicode text"), Korean legacy encodings (cp949, a
superset of EUC-KR), Japanese Shift_JIS (cp932) and EUC-JP, or Windows-1252.

Legacy encodings overlap: the same bytes are often valid cp949, EUC-JP,
Shift_JIS and cp1252 at once. :func:`decode_text` decodes with every codec
that accepts the bytes and scores each result by how much it looks like
real text in that codec's language (common Hangul syllables and plausible
syllable shapes for Korean; kana and common kanji for Japanese; accented
letters inside Latin words for cp1252). When the two best readings of a
short text are Korean and Japanese and score close, the morphological
analysers of :mod:`toolkit.text.morphology` (kiwi, MeCab with UniDic) say which
reading is made of known words; they load only then, so ordinary files do
not pay for them. When the choice stays doubtful, the best reading is
returned with a note saying the encoding is uncertain, so the loader can
flag the article instead of silently keeping the wrong reading. The choice
is deterministic.
"""

from __future__ import annotations

import codecs
import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DecodeError",
    "Decoded",
    "check_archive",
    "decode_bytes",
    "decode_text",
    "folder_counts",
    "read_decoded",
    "read_text",
]

# Legacy codecs tried when the bytes are not UTF-8; order matters only for ties.
CANDIDATE_ENCODINGS = ("cp949", "euc_jp", "cp932", "cp1252")
_LANGUAGE = {"cp949": "ko", "euc_jp": "ja", "cp932": "ja", "cp1252": "latin"}
# Score gap (natural-log units) under which two different readings are "uncertain".
UNCERTAIN_MARGIN = 4.0
# A best reading scoring worse than this per non-ASCII character is not text.
_GARBAGE_PER_CHAR = -10.5
# The plausibility gap between two readings overstates the evidence: a
# logistic fit of "the better-scored reading is right" on the gap gives log-odds
# of about 0.65 per unit (single characters read as Hangul or kanji, tuning half
# of the UD dev words; benchmarks/decode_roundtrip.py --fit prints it).
_GAP_LOG_ODDS = 0.65
# Pseudo-count of each legacy codec in a folder's prior (Jeffreys' 1/2): with
# no evidence every codec is equally likely, and one file cannot make a rule.
_FOLDER_PSEUDO = 0.5


class DecodeError(ValueError):
    """Raised when bytes cannot be decoded with any supported encoding."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec used and a note when the choice is uncertain.

    ``note`` is ``""`` when the decoding is certain (a byte-order mark,
    valid UTF-8, a forced codec, or one legacy reading far more plausible
    than every other); otherwise it starts with ``"encoding uncertain"`` or
    says what was repaired.
    """

    text: str
    encoding: str
    note: str = ""


# ----------------------------------------------------------------- plausibility

_KO_INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
# Rough log-weights of jamo in Korean prose (initial, vowel, final), from the
# well-known shape of Korean: no final or ㄴ/ㄹ/ㅇ/ㄱ/ㅁ finals dominate;
# ㅒ/ㅙ/ㅞ vowels and double finals are rare.
_KO_INITIAL_W = [
    0,
    -2.5,
    -1,
    -1,
    -2.5,
    -1.5,
    -1.2,
    -1.3,
    -3,
    -0.8,
    -2,
    0,
    -0.6,
    -3,
    -1.5,
    -2.5,
    -1.8,
    -2,
    -1,
]
_KO_VOWEL_W = [
    0,
    -1.5,
    -3,
    -4.5,
    0,
    -1.8,
    -2.5,
    -4,
    -0.4,
    -1.5,
    -3.5,
    -2.5,
    -3,
    -0.6,
    -2,
    -4.5,
    -2.8,
    -2.5,
    -0.6,
    -2.2,
    0,
]
_KO_FINAL_W = [
    0,
    -1.2,
    -4.5,
    -6,
    -0.6,
    -5,
    -4,
    -2.5,
    -0.8,
    -4,
    -3.5,
    -5,
    -6,
    -6,
    -6,
    -4.5,
    -1.5,
    -1.6,
    -6,
    -2,
    -1.8,
    -0.8,
    -2.8,
    -3,
    -4,
    -4,
    -4,
    -3,
]


@functools.lru_cache(maxsize=1)
def _common_chars() -> tuple[dict[str, float], dict[str, float]]:
    """Log-weights of the listed frequent Hangul syllables and kanji (two tiers each)."""
    from toolkit.data import data_path, read_yaml

    with open(data_path("encoding", "common_chars.yaml"), encoding="utf-8") as fh:
        data = read_yaml(fh)
    ko: dict[str, float] = {}
    ja: dict[str, float] = {}
    for key, table, lo, hi, weight in (
        ("korean_common", ko, 0xAC00, 0xD7A3, -5.5),
        ("korean", ko, 0xAC00, 0xD7A3, -3.5),
        ("japanese_common", ja, 0x4E00, 0x9FFF, -6.0),
        ("japanese", ja, 0x4E00, 0x9FFF, -4.5),
    ):
        table.update({c: weight for c in data[key] if lo <= ord(c) <= hi})
    return ko, ja


@functools.lru_cache(maxsize=65536)
def _in_codec(c: str, codec: str, nbytes: int) -> bool:
    """True when ``c`` is a character of ``codec``'s standard table.

    The byte count matters: CPython's EUC-KR encoder writes Hangul outside
    KS X 1001 as an 8-byte make-up sequence, which no real file contains.
    """
    try:
        return len(c.encode(codec)) == nbytes
    except UnicodeEncodeError:
        return False


def _hangul_weight(c: str) -> float:
    """Log-weight of a Hangul syllable in Korean text."""
    common_ko, _ = _common_chars()
    if c in common_ko:
        return common_ko[c]
    if not _in_codec(c, "euc_kr", 2):
        return -14.0  # cp949's extension syllables: almost never in text
    n = ord(c) - 0xAC00
    ini, vow, fin = n // 588, (n % 588) // 28, n % 28
    return -7.5 + _KO_INITIAL_W[ini] + _KO_VOWEL_W[vow] + _KO_FINAL_W[fin]


def _char_weight(c: str, language: str, prev: str, nxt: str) -> float:
    """Log-weight of one non-ASCII character read as ``language`` text."""
    o = ord(c)
    latin_neighbours = (prev.isascii() and prev.isalpha()) + (nxt.isascii() and nxt.isalpha())
    if language == "latin":
        if c.isalpha() and 0xC0 <= o <= 0x17F:
            # an accented letter sits inside a word; alone or in runs it is suspicious
            base = -3.0 if latin_neighbours else -6.5
            return base - (1.5 if c.isupper() and latin_neighbours == 2 else 0)
        if (
            c
            in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u00a0\u00b0\u00a7\u00a9\u00ae\u2122"
        ):
            return -4.5
        if c.isalpha() and 0x370 <= o <= 0x52F and (prev.isalpha() or nxt.isalpha()):
            return -7.0  # Greek or Cyrillic inside a word of them
        return -9.0
    cjk_penalty = -4.0 if latin_neighbours == 2 else 0.0  # "Pok駑on": a kanji inside a word
    if 0xE000 <= o <= 0xF8FF:
        # private use: a font's own characters (cp932's user-defined rows);
        # Latin bytes read as cp932 land here ("K\ue494n" for Köln)
        return -14.0
    if (
        0x3000 <= o <= 0x303F
        or 0xFF01 <= o <= 0xFF5E
        or 0x2010 <= o <= 0x2027
        or o in (0x30FB, 0x30FC, 0x00B7)
        or (o == 0x318D and language == "ko")
    ):
        # U+318D (arae-a) is Korean news's middle dot: "7ㆍ4 공동성명"
        return -5.0 + cjk_penalty  # CJK punctuation and full-width forms
    if language == "ko":
        if 0xAC00 <= o <= 0xD7A3:
            return _hangul_weight(c) + cjk_penalty
        if 0x4E00 <= o <= 0x9FFF:  # hanja: used in Korean news, but sparingly
            return -9.0 + cjk_penalty
        if 0x3131 <= o <= 0x318E:
            return -13.0  # a lone jamo
        return -9.5  # symbols, Greek, units: in KS X 1001, but rare in text
    # Japanese
    _, common_ja = _common_chars()
    if 0x3041 <= o <= 0x3096:
        return -3.5 + cjk_penalty
    if 0x30A1 <= o <= 0x30FA:
        return -4.5 + cjk_penalty
    if 0x4E00 <= o <= 0x9FFF:
        if c in common_ja:
            return common_ja[c] + cjk_penalty
        # JIS level-1 kanji (EUC-JP lead bytes 0xB0-0xCF) are the common ones
        lead = c.encode("euc_jp", errors="ignore")[:1]
        level1 = bool(lead) and 0xB0 <= lead[0] <= 0xCF
        return (-8.5 if level1 else -11.0) + cjk_penalty
    if 0xFF61 <= o <= 0xFF9F:
        return -10.0 + cjk_penalty  # half-width katakana: legacy, rare in news text
    return -9.5  # symbols, Greek, Cyrillic: in JIS X 0208, but rare in text


def plausibility(text: str, encoding: str) -> float:
    """Log-score of ``text`` as text in ``encoding``'s language (higher is better).

    ASCII characters score 0 (every candidate reading shares them); each
    other character adds the log-weight of seeing it in Korean (cp949),
    Japanese (EUC-JP, Shift_JIS) or a Latin-script language (cp1252).

    Examples
    --------
    >>> plausibility("東京", "euc_jp") > plausibility("톺딸", "cp949")
    True
    """
    return _plausibility(text, encoding)


# Reading a folder decodes each file twice with the same candidate codecs (once
# to recognise an export format, once to read the article): the second time,
# every reading's score is remembered (a file's five or six readings; at most
# 16 texts of the 256 KB a large file is judged on are kept).
@functools.lru_cache(maxsize=16)
def _plausibility(text: str, encoding: str) -> float:
    language = _LANGUAGE.get(encoding, "latin")
    score = 0.0
    if language == "latin":
        # Legacy CJK bytes read as cp1252 alternate symbols and letters
        # ("‰z’J"); real words carry an accent or two among plain letters.
        for token in text.split():
            k = sum(not c.isascii() for c in token)
            if len(token) > 1 and k > 0.34 * len(token):
                score -= 3.0 * k
    # Control characters other than tab/newline say "binary", whatever the codec.
    n = len(text)
    for i, c in enumerate(text):
        if c.isascii():
            if c < " " and c not in "\t\n\r\f":
                score -= 8.0
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        score += _char_weight(c, language, prev, nxt)
        if language == "ja" and prev == " " and i > 1 and not text[i - 2].isascii():
            score -= 3.0  # Japanese does not put spaces between words; Korean does
        elif language == "ko" and _is_hangul(prev) != _is_hangul(c) and _is_cjk(prev) | _is_cjk(c):
            score -= 3.0  # hanja glued to Hangul inside a word: rare in Korean text
    return score


def _is_hangul(c: str) -> bool:
    return 0xAC00 <= ord(c) <= 0xD7A3


def _is_cjk(c: str) -> bool:
    return 0x4E00 <= ord(c) <= 0x9FFF


def _hangul_or_punct(c: str) -> bool:
    o = ord(c)
    # modern jamo stay ("ㅜㅜ", "ㅋㅋ" in comments); archaic ones (ㅿ) do not
    return (
        o < 0x80
        or 0xAC00 <= o <= 0xD7A3
        or 0x3131 <= o <= 0x3163
        or 0x2010 <= o <= 0x2027
        or 0x3000 <= o <= 0x303F
        or o in (0xB7, 0x318D)
    )


def _looks_utf16(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` for BOM-less UTF-16 of mostly ASCII or CJK text."""
    if len(data) < 4 or b"\x00" not in data:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str) -> Decoded:
    note = ""
    if len(data) % 2:
        data = data[:-1]
        note = "UTF-16 data has an odd number of bytes: the last byte was dropped"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        note = "; ".join(filter(None, [note, "invalid UTF-16 sequences replaced by U+FFFD"]))
    return Decoded(
        _normalise(text),
        codec.replace("-le", "").replace("-be", "") if codec == "utf-16" else codec,
        note,
    )


# "ㅤ" (Hangul filler) + initial + vowel + final: KS X 1001's 8-byte make-up
# sequence for a syllable outside its 2,350, which cp949 decodes jamo by jamo.
_MAKEUP = re.compile("\u3164([\u3131-\u314e])([\u314f-\u3163])([\u3131-\u314e\u3164])")
_COMPAT_INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_COMPAT_FINAL = "\u3164ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def _compose_makeup(m: re.Match[str]) -> str:
    ini, vow, fin = m.group(1), m.group(2), m.group(3)
    if ini not in _COMPAT_INITIAL or fin not in _COMPAT_FINAL:
        return m.group(0)
    code = 0xAC00 + _COMPAT_INITIAL.index(ini) * 588 + (ord(vow) - 0x314F) * 28
    return chr(code + _COMPAT_FINAL.index(fin))


# A reading that needs its last bytes dropped is worth less ("caf\xe9" is
# cp1252 café, not cp949 "caf" cut short).
_CUT_PENALTY = 16.0

# Larger legacy files are judged on their first bytes, then decoded whole.
_JUDGE_BYTES = 256 * 1024


def _decode_legacy(
    data: bytes,
    prefix_note: str = "",
    utf8: str | None = None,
    folder: Mapping[str, int] | None = None,
) -> Decoded:
    if utf8 is None and len(data) > _JUDGE_BYTES:
        for cut in range(4):  # the sample may end inside a multibyte character
            try:
                judged = _decode_legacy(data[: _JUDGE_BYTES - cut], prefix_note, folder=folder)
            except DecodeError:
                continue
            try:
                text = data.decode(judged.encoding)
            except UnicodeDecodeError:
                break  # the rest disagrees with the sample: judge the whole file
            if judged.encoding == "cp949" and "\u3164" in text:
                text = _MAKEUP.sub(_compose_makeup, text)
            return Decoded(_normalise(text), judged.encoding, judged.note)
    readings: dict[str, tuple[float, str]] = {}
    if utf8 is not None:
        # each 2-byte sequence valid by chance is ~10x less likely than by design
        bonus = 2.3 * sum(ord(c) >= 0x80 for c in utf8)
        readings["utf-8"] = (plausibility(utf8, "utf-8") + bonus, utf8)
    cut_short: set[str] = set()
    for enc in CANDIDATE_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as err:
            # A file cut inside its last multibyte character is still that
            # codec's text; without this, cp1252 (which accepts any byte)
            # was the only reading left and won silently.
            if (
                err.end != len(data)
                or len(data) - err.start > 2
                or err.reason != "incomplete multibyte sequence"
            ):
                continue
            try:
                text = data[: err.start].decode(enc)
            except UnicodeDecodeError:
                continue
            cut_short.add(enc)
        if enc == "cp949" and "\u3164" in text:
            text = _MAKEUP.sub(_compose_makeup, text)
        if text not in {t for _, t in readings.values()}:
            readings[enc] = (plausibility(text, enc) - _CUT_PENALTY * (enc in cut_short), text)
    if not readings:
        raise DecodeError(
            "bytes are not valid UTF-8, UTF-16, cp949/EUC-KR, EUC-JP, Shift_JIS or cp1252 text"
        )
    ranked = sorted(readings.items(), key=lambda kv: -kv[1][0])  # stable: order breaks ties
    best_enc, (best_score, best_text) = ranked[0]
    n_foreign = sum(not c.isascii() for c in best_text) or 1
    n_control = sum(c < " " and c not in "\t\n\r\f" for c in best_text)
    # the dropped-bytes penalty says "less likely", not "not text"
    own_score = best_score + _CUT_PENALTY * (best_enc in cut_short)
    if own_score / n_foreign < _GARBAGE_PER_CHAR or n_control > 0.1 * len(best_text):
        raise DecodeError(
            "bytes do not look like text in any supported encoding (UTF-8, UTF-16, "
            "cp949/EUC-KR, EUC-JP, Shift_JIS, cp1252): binary or damaged data?"
        )
    note = prefix_note
    if best_enc in cut_short:
        note = "; ".join(
            filter(
                None,
                [
                    note,
                    f"the last bytes are an incomplete {best_enc} character (file cut short?): dropped",
                ],
            )
        )
    if len(ranked) > 1:
        second_enc, (second_score, second_text) = ranked[1]
        # short strings carry little evidence: ask for a wider gap before trusting one
        margin = UNCERTAIN_MARGIN * (1 + 1.5 / n_foreign)
        uncertain = best_score - second_score < margin
        # log-odds of the pick over the other reading, from this file alone
        evidence = _GAP_LOG_ODDS * (best_score - second_score)
        verdict = _ask_analysers(ranked[0], ranked[1], n_foreign, uncertain)
        if verdict is not None:
            pick, confident, evidence = verdict
            if pick == second_enc:
                # the analysers overrule the character statistics; when the
                # statistics were sure too, the two disagree: say so
                best_enc, best_text, second_enc, second_text = (
                    second_enc,
                    second_text,
                    best_enc,
                    best_text,
                )
                uncertain = not (confident and uncertain)
            else:
                # a hesitant analyser verdict flags even a clear statistical win
                uncertain = not confident
        like = ""
        if uncertain and folder:
            # Only a doubtful pick listens to the folder, and the flag stays:
            # a folder can mix encodings, and a file the prior turned would
            # otherwise be wrong without a word.
            prior = _folder_log_odds(folder, second_enc, best_enc)
            if prior > evidence:
                best_enc, best_text, second_enc = second_enc, second_text, best_enc
            if _folder_log_odds(folder, best_enc, second_enc) > 0:
                n = folder[best_enc]
                like = f" like {n} other file{'s' * (n != 1)} of its folder"
        if uncertain:
            note = "; ".join(
                filter(
                    None,
                    [note, f"encoding uncertain: read as {best_enc}{like}, could be {second_enc}"],
                )
            )
    return Decoded(_normalise(best_text), best_enc, note)


def _folder_log_odds(folder: Mapping[str, int], first: str, second: str) -> float:
    """Prior log-odds that a file of this folder is ``first`` rather than ``second``.

    The rule of succession (pseudo-count 1/2) over the folder's files read
    with certainty: a folder of 10 EUC-JP files gives a 21-to-1 prior for
    EUC-JP against cp949 (log-odds 3.0), enough to turn a coin-toss between
    a single kanji and a Hangul syllable, not a clear reading.
    """
    return math.log(
        (folder.get(first, 0) + _FOLDER_PSEUDO) / (folder.get(second, 0) + _FOLDER_PSEUDO)
    )


def folder_counts(files: Iterable[tuple[str, str]]) -> dict[str, int]:
    """How many files of a folder were read with certainty in each legacy codec.

    Parameters
    ----------
    files : iterable of (str, str)
        ``(encoding, note)`` of each file of one folder or export, as
        :func:`decode_text` returned them. Files with a note (uncertain,
        repaired) and UTF-8/UTF-16 files say nothing about which legacy
        codec a doubtful file is in, and are not counted.

    Returns
    -------
    dict
        Codec to count, for :func:`decode_text`'s ``folder=``.

    Examples
    --------
    >>> folder_counts([("euc_jp", ""), ("euc_jp", ""), ("cp949", "encoding uncertain: ..."),
    ...                ("utf-8", "")])
    {'euc_jp': 2}
    """
    counts: dict[str, int] = {}
    for encoding, note in files:
        if encoding in CANDIDATE_ENCODINGS and not note:
            counts[encoding] = counts.get(encoding, 0) + 1
    return counts


# ------------------------------------------------------------ analyser evidence

# Logistic model of "the Korean reading is the right one" when the two best
# readings are Korean and Japanese, from the morphological analysers of
# toolkit.text.morphology: (plausibility gap Korean minus Japanese; kiwi's score per
# non-ASCII character, share of them in kiwi's out-of-vocabulary tokens, kiwi
# tokens per character; MeCab tokens per character, share in unknown or
# symbol tokens, share in known words of two or more characters) and the
# intercept. Fitted (scikit-learn logistic regression, C=1) on the Korean vs
# Japanese reading pairs, plausibility gap under _ANALYSER_GAP, of half the
# UD Korean-GSD and Japanese-GSD development words (crc32 of the word even);
# benchmarks/decode_roundtrip.py reports the other half separately and, with
# --fit, refits them (scikit-learn is needed only there). Single characters are left to the character
# statistics: a lone syllable or kanji is a dictionary word in both languages.
# Refitted when kiwi's beam was narrowed (cutoff 4, no z_coda search in
# toolkit.text.morphology): the kiwi features moved and --fit no longer gave
# the weights in use; the refit changes one-word results by one draw in 3,000.
_ANALYSER_WEIGHTS = (0.41, 0.57, -1.66, -1.55, 2.21, 1.37, -4.1)
_ANALYSER_BIAS = 9.04
# |log-odds| above which the analysers decide without a flag: raised from 2.2
# (99.6% right on held-out pairs) to 3.0, for ~2% more flags on right
# readings; one silent error is left in 3,000 one- and two-word draws per
# encoding from all the dev words (EUC-JP 淡井, a rare name, read as 첩경,
# a real Korean word, with the analysers sure of it)
_ANALYSER_SURE = 3.0
# Consulted only while the plausibility gap is below this (log units) ...
_ANALYSER_GAP = 25.0
# ... and on short readings: long text is settled by the character statistics.
_ANALYSER_MAX_CHARS = 2000


def _ask_analysers(
    first: tuple[str, tuple[float, str]],
    second: tuple[str, tuple[float, str]],
    n_foreign: int,
    uncertain: bool,
) -> tuple[str, bool, float] | None:
    """``(encoding, confident, log-odds)`` the analysers prefer between the two best readings.

    A Korean against a Japanese reading goes to the fitted model; a Korean
    or Japanese one against an uncertain Latin one (cp1252 or UTF-8) to
    kiwi or MeCab alone.
    ``None`` when they have nothing to say (another pair, one character,
    anything but Hangul and punctuation in the Korean reading, long text, or
    an analyser missing).
    """
    readings = {
        _LANGUAGE.get(enc, "latin"): (enc, score, text) for enc, (score, text) in (first, second)
    }
    if "latin" in readings and uncertain and len(readings) == 2:
        (cjk_language,) = set(readings) - {"latin"}
        return _cjk_or_latin(readings[cjk_language], readings["latin"], cjk_language)
    if set(readings) != {"ko", "ja"} or n_foreign < 2:
        return None
    if abs(first[1][0] - second[1][0]) >= _ANALYSER_GAP:
        return None
    ko_enc, ko_score, ko_text = readings["ko"]
    ja_enc, ja_score, ja_text = readings["ja"]
    if max(len(ko_text), len(ja_text)) > _ANALYSER_MAX_CHARS:
        return None
    if not all(map(_hangul_or_punct, ko_text)):
        # kiwi passes hanja and symbols (kana read as "ⅵⅲι") through unjudged;
        # but hanja glued to Hangul ("후죠학磎") is how kanji read as cp949 look
        glued = any(
            _is_cjk(a) and _is_hangul(b) or _is_hangul(a) and _is_cjk(b)
            for a, b in zip(ko_text, ko_text[1:], strict=False)
        )
        return (first[0], False, 0.0) if glued else None
    try:
        features = (ko_score - ja_score, *_korean_evidence(ko_text), *_japanese_evidence(ja_text))
    except ImportError:  # pragma: no cover - both analysers are dependencies
        return None
    z = _ANALYSER_BIAS + sum(w * x for w, x in zip(_ANALYSER_WEIGHTS, features, strict=True))
    return (ko_enc if z > 0 else ja_enc), abs(z) > _ANALYSER_SURE, abs(z)


def _cjk_or_latin(
    cjk: tuple[str, float, str], latin: tuple[str, float, str], language: str
) -> tuple[str, bool, float] | None:
    """The Korean/Japanese reading when its analyser knows all its words and the Latin one has no word.

    Shift_JIS kanji read as cp1252 give a punctuation mark or a rare letter
    and an ASCII character ("’i", "ŠX"); EUC-JP or cp949 read as
    UTF-8 give one stray symbol or letter ("¾", "â"). A Latin reading
    with an accented letter (U+00C0-U+00FF) next to an ASCII letter looks like
    a real word and is left to the statistics, as is a Korean or Japanese
    reading glued to ASCII letters.
    """
    cjk_enc, _, cjk_text = cjk
    latin_enc, _, latin_text = latin
    if len(cjk_text) > _ANALYSER_MAX_CHARS or (language == "ko" and any(map(_is_cjk, cjk_text))):
        return None
    for text, letters in ((latin_text, range(0xC0, 0x100)), (cjk_text, None)):
        for i, c in enumerate(text):
            if c.isascii() or (letters is not None and ord(c) not in letters):
                continue
            if any(
                0 <= j < len(text) and text[j].isascii() and text[j].isalpha()
                for j in (i - 1, i + 1)
            ):
                return None
    try:
        if language == "ko":
            _, junk, _ = _korean_evidence(cjk_text)
        else:
            _, junk, _ = _japanese_evidence(cjk_text)
    except ImportError:  # pragma: no cover - the analysers are dependencies
        return None
    if junk:
        return None
    # valid UTF-8 is itself evidence: prefer the CJK reading but keep the flag
    # (no fitted log-odds here: the weighted gap of the two readings stands in)
    return cjk_enc, latin_enc != "utf-8", _GAP_LOG_ODDS * abs(cjk[1] - latin[1])


def _korean_evidence(text: str) -> tuple[float, float, float]:
    """Per non-ASCII character: kiwi's log-score, share in unknown words, tokens."""
    from toolkit.text.morphology import korean_analyser

    n = sum(not c.isascii() for c in text) or 1
    tokens, score = korean_analyser().analyze(text, top_n=1)[0]
    oov = sum(sum(not c.isascii() for c in t.form) for t in tokens if t.oov)
    n_tokens = sum(not t.form.isascii() for t in tokens)
    return score / n, oov / n, n_tokens / n


def _japanese_evidence(text: str) -> tuple[float, float, float]:
    """MeCab tokens per non-ASCII character; shares in unknown/symbol and in longer words."""
    from toolkit.text.morphology import japanese_analyser

    n = sum(not c.isascii() for c in text) or 1
    n_tokens = junk = multi = 0
    for word in japanese_analyser()(text):
        k = sum(not c.isascii() for c in word.surface)
        if not k:
            continue
        n_tokens += 1
        if word.is_unk or word.feature_raw.split(",", 1)[0] == "記号":
            junk += k  # a kanji MeCab only knows as a symbol is a rare one
        elif k > 1:
            multi += k
    return n_tokens / n, junk / n, multi / n


def decode_text(
    data: bytes, encoding: str | None = None, folder: Mapping[str, int] | None = None
) -> Decoded:
    """Decode ``data``, say which codec was used and whether the choice is uncertain.

    Parameters
    ----------
    data : bytes
        Raw file content.
    encoding : str, optional
        Force this codec. By default: a byte-order mark decides (UTF-8,
        UTF-16); then UTF-8; then BOM-less UTF-16; then the legacy codecs
        (cp949, EUC-JP, cp932, cp1252) compete on plausibility.
    folder : mapping of str to int, optional
        How many other files of the same folder or export were read with
        certainty in each legacy codec (:func:`folder_counts`). A corpus
        rarely mixes encodings, so when this file's own bytes leave the
        choice uncertain (a single kanji is also a Hangul syllable), the
        folder's codec is preferred unless the file's own evidence
        outweighs it. The note still says "encoding uncertain", now naming
        the folder: a folder can mix encodings.

    Returns
    -------
    Decoded
        ``text`` (newlines normalised to ``\\n``), ``encoding`` and ``note``
        (``""``, or why the reading may be wrong: ``"encoding uncertain: ..."``,
        a UTF-8 byte-order mark before non-UTF-8 bytes, an odd-length UTF-16
        file).

    Raises
    ------
    DecodeError
        If no codec decodes the bytes into something that looks like text.

    Examples
    --------
    >>> decode_text("東京".encode("shift_jis"))
    Decoded(text='東京', encoding='cp932', note='')
    >>> decode_text(b"\\xff\\xfeA").note
    'UTF-16 data has an odd number of bytes: the last byte was dropped'
    >>> raw = "人".encode("euc_jp")  # also the Hangul syllable 와 in EUC-KR
    >>> decode_text(raw, folder={"euc_jp": 10}).text
    '人'
    """
    if encoding is not None:
        try:
            return Decoded(_normalise(data.decode(encoding)), encoding)
        except (UnicodeDecodeError, LookupError) as err:
            raise DecodeError(f"cannot decode with {encoding!r}: {err}") from err
    if data.startswith(codecs.BOM_UTF8):
        body = data[3:]
        try:
            return Decoded(_normalise(body.decode("utf-8")), "utf-8-sig")
        except UnicodeDecodeError:
            # A BOM glued onto legacy bytes (a tool added it without re-encoding).
            note = "UTF-8 byte-order mark, but the bytes after it are not UTF-8"
            if _looks_utf16(body):
                return _decode_utf16(body, _looks_utf16(body) or "utf-16-le")
            return _decode_legacy(body, note, folder=folder)
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode_utf16(data[2:], "utf-16-le")
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode_utf16(data[2:], "utf-16-be")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text or not _looks_utf16(data):
            if not text.isascii() and "\u00a0" <= max(text) < "\u0800":  # all < U+0800
                # Short EUC/Shift_JIS text can be valid UTF-8 by chance ("文" in
                # EUC-JP is UTF-8 "ʸ"): let the legacy readings compete.
                return _decode_legacy(data, utf8=text, folder=folder)
            return Decoded(_normalise(text), "utf-8")
    utf16 = _looks_utf16(data)
    if utf16:
        return _decode_utf16(data, utf16)
    return _decode_legacy(data, folder=folder)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and say which encoding was used (see :func:`decode_text`).

    Returns
    -------
    (str, str)
        The text (newlines normalised to ``\\n``) and the codec name. Use
        :func:`decode_text` to also learn whether the choice is uncertain.

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
    result = decode_text(data, encoding)
    return result.text, result.encoding


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_decoded(
    path: str | Path, encoding: str | None = None, folder: Mapping[str, int] | None = None
) -> Decoded:
    """Read a text file with :func:`decode_text` (``folder`` as there); errors name the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("東海".encode("cp949"))
    >>> read_decoded(p).encoding
    'cp949'
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DecodeError(f"{path}: cannot read the file ({err.strerror or err})") from err
    try:
        return decode_text(data, encoding, folder)
    except DecodeError as err:
        raise DecodeError(f"{path}: {err}") from err


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
    result = read_decoded(path, encoding)
    return result.text, result.encoding


#: Limits on the members of a zip-based file (.docx, .xlsx) before it is parsed.
MAX_MEMBER_BYTES = 512 * 2**20
MAX_TOTAL_BYTES = 1024 * 2**20
MAX_RATIO = 200


def check_archive(path: str | Path) -> None:
    """Refuse a .docx/.xlsx whose members would expand beyond sane sizes (a zip bomb).

    The sizes are the ones the zip directory declares, so nothing is
    decompressed: a member over 512 MiB, a total over 1 GiB, or a member
    over 1 MiB that expands more than 200-fold (text XML rarely exceeds
    20-fold) is refused.

    Raises
    ------
    DecodeError
        Naming the file and the member.

    Examples
    --------
    >>> import tempfile, pathlib, zipfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ok.docx"
    >>> with zipfile.ZipFile(p, "w") as z:
    ...     z.writestr("word/document.xml", "<w:document/>")
    >>> check_archive(p)
    """
    import zipfile

    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the format's reader says what is wrong
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (info.file_size > 2**20 and ratio > MAX_RATIO):
            raise DecodeError(
                f"{path}: member {info.filename} would expand to {info.file_size:,} bytes "
                f"from {info.compress_size:,} (a zip bomb?); not read"
            )
    if total > MAX_TOTAL_BYTES:
        raise DecodeError(f"{path}: members would expand to {total:,} bytes in all; not read")
