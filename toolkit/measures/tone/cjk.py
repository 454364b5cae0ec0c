"""Tone of Korean and Japanese sentences: the news measure's rules on analysed text.

``tone(..., method="news")`` scores Korean and Japanese documents with this
module (English ones with :mod:`toolkit.measures.tone.news`); the API, the columns
(``tone, pos_sum, neg_sum, n_hits``), the statuses and the document
aggregation are the same. A sentence's score is, as in English, a sum of
word valences changed by a few rules and squashed into [-1, 1] with
``s / sqrt(s^2 + 15)``.

Words and their valences (VADER's scale, -4..4)
-----------------------------------------------
``toolkit/data/tone/ko_lexicon.tsv`` and ``ja_lexicon.tsv``; each entry says
where it came from (``source`` column):

- ``hand``: general polarity words of news language written for this project
  from general knowledge (a word's polarity is a fact; 위기 "crisis" and 危機
  are negative in any news story), with valences set on the scale of the
  English news lexicon's counterpart;
- ``projected`` (Korean only): Korean words aligned with an English sentiment
  word of the news measure across the parallel English/Korean sentences of
  the Financial PhraseBank dev set (:func:`project_lexicon`; the Korean word
  takes the English word's valence). These are tuned on dev data;
  ``benchmarks/tone_validity.py`` reports a 5-fold estimate in which each
  fold's lexicon is projected from the other four folds only.

Hand entries win over projected ones. Verbs and adjectives are looked up by
their lemma (좋다, 良い); nouns and roots by their form, so 증가 matches
증가했다 (증가 + 하 + 었 + 다) and a hand entry 불안하다 also matches 불안
(not for one-syllable stems: 약하다 "weak" would match 약 "about").
Names (NNP, 固有名詞) carry no tone, as in English.

Rules
-----
- *negation* reverses and damps a valence by the English factor (-0.74).
  Korean: 안/못 before a predicate (안 좋다; 협력 안 한다), a predicate
  before ~지 않다 / ~지 못하다, a noun before 없다 (문제가 없다), anything
  before 아니다. Japanese: a word before ない, ぬ/ん/ず (良くない,
  成功しませんでした, 改善せず). The negator itself adds -1.0 to a sentence
  that has sentiment words, as in English (negation is more frequent in
  negative text);
- *intensifiers* (매우, 크게, 대폭; 非常に, 大きく ...) just before a word
  multiply it by 1.3, *dampeners* (다소, 소폭; やや, 小幅 ...) by 0.7;
- *contrast*: words before 하지만/그러나/~지만 (しかし/だが) count half, after
  1.5 times;
- negative valences count 1.5 times, and the sum is divided by
  ``(n / 20) ** 0.25`` for a sentence of ``n`` English-word equivalents
  (Korean eojeols x 1.55, the ratio of English words to eojeols in the
  PhraseBank's parallel sentences; Japanese short-unit words x 0.6, a rough
  ratio of English words to UniDic words).

Validity (``python benchmarks/tone_validity.py``): see the Korean rows there
and in :mod:`toolkit.measures.tone.scoring`. Japanese has no rated data here; its lexicon
is hand-written only and unvalidated.
"""

from __future__ import annotations

import csv
import functools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import pandas as pd

from toolkit.data import data_path
from toolkit.text.morphology import Morpheme, analyse

__all__ = [
    "cjk_lexicon",
    "cjk_tone_score",
    "cjk_span_tone_score",
    "project_lexicon",
]

NEGATION = -0.74  # the English measure's factor (VADER's)
NEGATOR_VALENCE = -1.0
BOOSTER, DAMPENER = 0.3, 0.3
NEGATIVE_WEIGHT = 1.5
ALPHA = 15.0
LENGTH_POWER, LENGTH_REF = 0.25, 20.0
WORDS_PER_UNIT = {"ko": 1.55, "ja": 0.6}
# Settings of the shipped projection (scripts/project_ko_tone_lexicon.py):
# chosen by 5-fold cross-validation on the PhraseBank dev set among
# min_dice 0.2-0.4 and min_count 2-3, as the one whose held-out figures are
# closest to its in-sample ones (benchmarks/tone_validity.py).
PROJECTION = {"min_dice": 0.3, "min_count": 3}

_KO_LOOKUP_LEMMA = frozenset(["VV", "VA"])
_KO_LOOKUP_FORM = frozenset(["NNG", "XR", "MAG"])
# 크다 is the 크 of 크게 ("greatly"); adverbs are looked up by form, adjectives by lemma
_KO_BOOST = frozenset(
    "매우 아주 크다 대폭 가장 더욱 훨씬 상당히 너무 굉장히 몹시 극히 급격히".split()
)
_KO_DAMP = frozenset("다소 약간 조금 소폭 다소간 비교적".split())
_KO_CONTRAST = frozenset("하지만 그러나 그렇지만 반면 반면에".split())
_JA_BOOST = frozenset("非常 とても 大きい 大幅 極めて 最も さらに 一層 著しい かなり".split())
_JA_DAMP = frozenset("やや 少し 若干 小幅 多少 わずか".split())
_JA_CONTRAST = frozenset("しかし だが ただ ところが けれども".split())


@functools.lru_cache(maxsize=2)
def cjk_lexicon(language: str) -> dict[str, float]:
    """The tone lexicon of ``language`` (``"ko"`` or ``"ja"``): word -> valence.

    Examples
    --------
    >>> lex = cjk_lexicon("ko")
    >>> lex["위기"] < 0 < lex["협력"]
    True
    """
    if language not in ("ko", "ja"):
        raise ValueError(f"no tone lexicon for language {language!r}")
    table = _read_lexicon(language)
    return _merge(table)


def _merge(table: pd.DataFrame) -> dict[str, float]:
    """word -> valence; hand entries win over projected ones."""
    hand = table[table["source"] == "hand"]
    words = dict(zip(table["word"], table["valence"].astype(float), strict=True))
    words.update(zip(hand["word"], hand["valence"].astype(float), strict=True))
    # 불안하다 is analysed as 불안 + 하 + 다, so a hand entry also matches its
    # stem; not for one-syllable stems (약하다 -> 약, "about"; 강하다 -> 강,
    # "river"), which are other words far more often.
    for w, v in zip(hand["word"], hand["valence"].astype(float), strict=True):
        if w.endswith("하다") and len(w) > 3:
            words.setdefault(w[:-2], v)
    return words


def _read_lexicon(language: str) -> pd.DataFrame:
    path = data_path(f"tone/{language}_lexicon.tsv")
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return pd.read_csv(
        pd.io.common.StringIO("".join(lines)), sep="\t", quoting=csv.QUOTE_NONE, dtype=str
    ).assign(valence=lambda d: d["valence"].astype(float))


# Japanese parts of speech never looked up. Whether a tag starts with one of
# them is remembered per tag (UniDic has a few hundred), not tested per morpheme.
_JA_SKIP_PREFIXES = ("名詞-固有名詞", "助詞", "助動詞", "補助記号", "記号", "接尾辞")
_JA_SKIP: dict[str, bool] = {}
# Only these can be negators (see _negators); the rest are skipped at once.
_KO_NEGATOR_POS = frozenset(["MAG", "VX", "VA", "VCN"])
_JA_NEGATOR_LEMMAS = frozenset(["ない", "ぬ", "ず"])


def _key(m: Morpheme, language: str) -> str | None:
    if language == "ko":
        if m.pos in _KO_LOOKUP_LEMMA:
            return m.lemma
        return m.form if m.pos in _KO_LOOKUP_FORM else None
    skip = _JA_SKIP.get(m.pos)
    if skip is None:
        skip = _JA_SKIP[m.pos] = m.pos.startswith(_JA_SKIP_PREFIXES)
    return None if skip else m.lemma


def _negators(morphs: list[Morpheme], language: str) -> list[tuple[int, int, int]]:
    """(negator index, first, last) : the negator reverses hits in morphs[first:last]."""
    out = []
    for i, m in enumerate(morphs):
        if language == "ko":
            if m.pos not in _KO_NEGATOR_POS:
                continue
            if m.pos == "MAG" and m.form in ("안", "못"):
                # 안 좋다: the predicate after; 협력 안 한다: the noun before a light verb
                nxt = morphs[i + 1] if i + 1 < len(morphs) else None
                if nxt is not None and nxt.lemma == "하다" and i > 0:
                    out.append((i, max(0, i - 2), i))
                else:
                    out.append((i, i + 1, min(len(morphs), i + 3)))
            elif m.pos == "VX" and m.lemma in ("않다", "못하다"):
                out.append((i, max(0, i - 5), i))
            elif (m.pos == "VA" and m.lemma == "없다") or m.pos == "VCN":
                out.append((i, max(0, i - 4), i))
        else:
            if m.lemma in _JA_NEGATOR_LEMMAS and m.pos.startswith(("助動詞", "形容詞-非自立可能")):
                out.append((i, max(0, i - 4), i))
    return out


def _clause_break(m: Morpheme, language: str) -> bool:
    if language == "ko":
        return m.pos in ("SP", "SF") or (m.pos == "EC" and m.form in ("고", "며", "으며", "지만"))
    return m.pos.startswith("補助記号-読点") or m.pos.startswith("補助記号-句点")


def _hits(
    morphs: list[Morpheme], language: str, lex: dict[str, float] | None = None
) -> tuple[list[tuple[int, float]], int]:
    """(index, modified valence) of every lexicon hit, and the number of negators."""
    lex = cjk_lexicon(language) if lex is None else lex
    boost, damp, contrast = (
        (_KO_BOOST, _KO_DAMP, _KO_CONTRAST)
        if language == "ko"
        else (_JA_BOOST, _JA_DAMP, _JA_CONTRAST)
    )
    keys = [_key(m, language) for m in morphs]
    raw = []
    for i, k in enumerate(keys):
        if k is not None and k in lex and lex[k] != 0.0 and k not in boost and k not in damp:
            raw.append((i, lex[k]))
    negs = _negators(morphs, language)
    contrast_at = next(
        (
            i
            for i, m in enumerate(morphs)
            if i > 0
            and (m.form in contrast or (language == "ko" and m.pos == "EC" and m.form == "지만"))
        ),
        None,
    )
    out = []
    for i, v in raw:
        for n, a, b in negs:
            if a <= i < b and not any(
                _clause_break(morphs[j], language) for j in range(min(i, n), max(i, n))
            ):
                v *= NEGATION
                break
        # an intensifier or dampener among the three morphemes before the word
        # (크게 is 크 + 게, so the adverb is two morphemes away)
        before = set(keys[max(0, i - 3) : i])
        if before & boost:
            v *= 1 + BOOSTER
        elif before & damp:
            v *= 1 - DAMPENER
        if contrast_at is not None:
            v *= 0.5 if i < contrast_at else 1.5
        out.append((i, v))
    return out, len(negs)


def _units(text: str, morphs: list[Morpheme], language: str) -> float:
    if language == "ko":
        n = len(text.split())
    else:
        n = sum(1 for m in morphs if not m.pos.startswith(("補助記号", "記号")))
    return max(1.0, n * WORDS_PER_UNIT[language])


def _total(
    hits: list[tuple[int, float]], n_negators: int, n_words: float
) -> tuple[float, float, float]:
    if hits and n_negators:
        hits = hits + [(-1, NEGATOR_VALENCE)] * n_negators
    pos = sum(v for _, v in hits if v > 0)
    neg = sum(v for _, v in hits if v < 0) * NEGATIVE_WEIGHT
    total = pos + neg
    if total:
        total /= (n_words / LENGTH_REF) ** LENGTH_POWER
    return total, pos, neg


def _squash(x: float) -> float:
    return x / math.sqrt(x * x + ALPHA) if x else 0.0


@functools.lru_cache(maxsize=4096)
def cjk_tone_score(text: str, language: str) -> tuple[float, float, float, int]:
    """Score one Korean or Japanese sentence: ``(score, positive sum, negative sum, n hits)``.

    Examples
    --------
    >>> cjk_tone_score("양국 관계가 크게 개선되었다.", "ko")[0] > 0
    True
    >>> cjk_tone_score("관계가 개선되지 않았다.", "ko")[0] < 0
    True
    >>> cjk_tone_score("日韓関係は悪化した。", "ja")[0] < 0
    True
    """
    return score_with_lexicon(text, language, None)


def score_with_lexicon(
    text: str, language: str, lexicon: dict[str, float] | None
) -> tuple[float, float, float, int]:
    """:func:`cjk_tone_score` with another lexicon (``None``: the shipped one),
    for validation and for lexicons of your own (not cached)."""
    morphs = analyse(text, language)
    hits, n_neg = _hits(morphs, language, lexicon)
    total, pos, neg = _total(hits, n_neg, _units(text, morphs, language))
    return _squash(total), pos, neg, len(hits)


def cjk_span_tone_score(
    text: str, start: int, end: int, language: str, *, window: int = 5
) -> float:
    """Tone toward the mention ``text[start:end]``: hits weighted by distance.

    A hit ``d`` morphemes from the mention weighs ``1 / (1 + d / window)``,
    as in :func:`toolkit.measures.tone.news.span_tone_score`.

    Examples
    --------
    >>> t = "한국은 협력을 환영했지만 일본은 반발했다."
    >>> cjk_span_tone_score(t, 0, 2, "ko") > 0 > cjk_span_tone_score(t, 13, 15, "ko")
    True
    """
    morphs = analyse(text, language)
    hits, n_neg = _hits(morphs, language)
    inside = [k for k, m in enumerate(morphs) if m.start < end and m.end > start]
    if not inside:
        return _squash(_total(hits, n_neg, _units(text, morphs, language))[0])
    a, b = inside[0], inside[-1]
    weighted = []
    for i, v in hits:
        d = a - i if i < a else max(0, i - b)
        # the words between the mention and the hit: a clause break halves it
        lo, hi = (i, a) if i < a else (b, i)
        brk = any(_clause_break(morphs[j], language) for j in range(lo, hi))
        weighted.append((i, v / (1 + d / window) * (0.3 if brk else 1.0)))
    return _squash(_total(weighted, n_neg, _units(text, morphs, language))[0])


def project_lexicon(
    english: Sequence[str],
    other: Sequence[str],
    language: str = "ko",
    *,
    min_dice: float = 0.2,
    min_count: int = 2,
) -> pd.DataFrame:
    """Project the English news lexicon onto ``language`` across parallel sentences.

    For every English sentiment word of :mod:`toolkit.measures.tone.news` found in the
    English sentences, the content word of the other side with the highest
    Dice coefficient (2 * co-occurring sentences / (sentences with either))
    is taken as its translation, when that coefficient is at least
    ``min_dice`` over at least ``min_count`` sentence pairs; the translation
    takes the English word's valence (averaged when several English words
    align with it).

    Returns
    -------
    DataFrame
        ``word, valence, source, note`` (``source`` = ``"projected"``; the
        note names the English words and their Dice coefficients).

    Examples
    --------
    >>> en = ["Profit rose sharply.", "The crisis deepened.", "Profit fell.", "A crisis looms."]
    >>> ko = ["이익이 크게 늘었다.", "위기가 깊어졌다.", "이익이 줄었다.", "위기가 닥쳤다."]
    >>> project_lexicon(en, ko).set_index("word")["valence"].to_dict()
    {'위기': -3.1, '이익': 1.9}
    """
    from toolkit.measures.tone import news as nt

    if len(english) != len(other):
        raise ValueError("english and other must be parallel (the same length)")
    n_e, n_k, both = Counter(), Counter(), Counter()
    valence: dict[str, float] = {}
    st = nt._words_for(nt.DEFAULT)
    for e_text, k_text in zip(english, other, strict=True):
        t = nt._read(nt._FAST_TOKEN.findall(e_text), st)
        raw = nt._hits(t, t.marks, 0, len(t.toks), st, nt.DEFAULT)[1]
        e_words = {t.recs[i][0]: v for i, v in raw}
        k_words = {
            k
            for m in analyse(k_text, language)
            if (k := _key(m, language)) is not None and m.pos != "MAG"
        }
        valence.update(e_words)
        n_e.update(e_words.keys())
        n_k.update(k_words)
        both.update((e, k) for e in e_words for k in k_words)
    best: dict[str, tuple[str, float]] = {}
    for (e, k), n in sorted(both.items()):
        if n < min_count:
            continue
        dice = 2 * n / (n_e[e] + n_k[k])
        if dice >= min_dice and (e not in best or dice > best[e][1]):
            best[e] = (k, dice)
    aligned: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for e, (k, dice) in best.items():
        aligned[k].append((e, dice))
    rows = [
        {
            "word": k,
            "valence": round(sum(valence[e] for e, _ in es) / len(es), 2),
            "source": "projected",
            "note": "; ".join(f"{e} (Dice {d:.2f})" for e, d in sorted(es)),
        }
        for k, es in sorted(aligned.items())
    ]
    return pd.DataFrame(rows, columns=["word", "valence", "source", "note"])
