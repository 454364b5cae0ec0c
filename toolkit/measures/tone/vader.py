"""VADER sentiment, scored many sentences at a time: ``tone(..., method="vader")``.

The project's own implementation of the rules of VADER (Hutto & Gilbert
2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
Social Media Text", ICWSM) as the ``vaderSentiment`` 3.3.2 package applies
them, written so that its output equals ``SentimentIntensityAnalyzer().
polarity_scores`` float for float (``tests/measures/tone/test_vader.py``
checks every sentence of the dev evaluation data, a constructed list of
edge cases and 60,000 random constructed texts against the package) while
taking a fraction of the time. Many texts at once are scored as a batch:
the words of all of them are split and numbered in one pass, each distinct
word classified once, and every text whose lexicon words no rule reaches
(most sentences) is scored with numpy across texts, its valences added in
the order vaderSentiment adds them; the others go through the rules one
text at a time (one dictionary look-up per word, and work beyond that only
for the few words that carry a valence).

The data are read at run time from the installed ``vaderSentiment`` package
and are not copied into this repository: the lexicon and emoji table from
its data files, the lists of negators, boosters/dampeners and special idioms
from its module. The rules, for a word with a lexicon valence ``v``:

1. *emoji* become their descriptions ("smiling face") before anything else;
   the text is split on whitespace and punctuation is stripped from both
   ends of a word unless fewer than three characters would remain (":)");
2. a booster or dampener word, and "kind" in "kind of", carries no valence
   of its own;
3. "no" directly before another lexicon word scores 0 itself; a word up to
   two words after "no" (three, when "or"/"nor" stands between) has
   ``v = -0.74 * valence``;
4. an ALL-CAPS word in a sentence that is not all capitals gets ``0.733``
   more intensity;
5. each of the three preceding words that is not itself a lexicon word may
   boost or dampen by ``0.293`` (plus ``0.733`` when ALL-CAPS as in 4),
   times ``0.95`` at distance two and ``0.9`` at distance three, and may
   negate (a negator, or any word containing "n't": ``v * -0.74``; "never
   so"/"never this" raise by 1.25 instead, "without doubt" leaves ``v``
   alone; vaderSentiment also raises by 1.25 whenever the word just before
   is "so" or "this" at the distance-three check);
6. at the distance-three check, special idioms ("the bomb", "kiss of
   death") replace ``v`` and two-word dampeners ("kind of", "sort of")
   add to it;
7. "least" just before the word (not "at least", "very least") negates;
8. a "but" reweights every word before the first "but" by 0.5 and after
   it by 1.5 (as vaderSentiment does it: each value is matched to the
   first equal value in the sentence, so a value repeated on both sides
   of "but" can be reweighted twice);
9. the sum, plus 0.292 per "!" (up to 4) and 0.18 per "?" (when 2 or 3;
   0.96 for more) in the sentence's direction, becomes ``compound = x /
   sqrt(x^2 + 15)``; ``pos``, ``neu`` and ``neg`` are the shares of positive
   (``v + 1`` each), neutral (1 each) and negative (``|v - 1|`` each) words,
   with the punctuation emphasis added to the larger side. ``compound`` is
   rounded to 4 decimals, the shares to 3.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from itertools import repeat

import numpy as np
import pandas as pd

__all__ = ["vader_scores"]

# Published constants of VADER's rules (Hutto & Gilbert 2014, and the
# vaderSentiment 3.3.2 implementation of them).
_NEGATION = -0.74
_CAPS = 0.733
_DECAY = (1.0, 0.95, 0.9)  # a booster's weight at distance 1, 2, 3
_NEVER_SO = 1.25
_BEFORE_BUT, _AFTER_BUT = 0.5, 1.5
_EXCLAIM, _MAX_EXCLAIM = 0.292, 4
_QUESTION, _MAX_QUESTION = 0.18, 0.96
_ALPHA = 15.0
_PUNCT = string.punctuation


def _read_table(name: str) -> list[list[str]]:
    """Tab-separated lines of a vaderSentiment data file, as that package splits them."""
    text = resources.files("vaderSentiment").joinpath(name).read_bytes().decode("utf-8")
    # vaderSentiment drops only the final newline and strips each line (which
    # also removes the files' carriage returns) before splitting on tabs
    return [line.strip().split("\t") for line in text.rstrip("\n").split("\n")]


@lru_cache(maxsize=1)
def _tables() -> dict:
    """Lexicon, emoji table and word lists, from the installed vaderSentiment."""
    from vaderSentiment import vaderSentiment as vs

    lexicon = {row[0]: float(row[1]) for row in _read_table("vader_lexicon.txt") if row[0]}
    emoji = {row[0]: row[1] for row in _read_table("emoji_utf8_lexicon.txt")}
    # vaderSentiment replaces emoji one character at a time, so entries of
    # several code points (flags, skin tones) never match: leave them out
    single = {k: v for k, v in emoji.items() if len(k) == 1}
    boosters = {k: float(v) for k, v in vs.BOOSTER_DICT.items()}
    return {
        "lexicon": lexicon,
        "emoji": single,
        "negators": frozenset(vs.NEGATE),
        "boosters": boosters,
        "special": {tuple(k.split(" ")): float(v) for k, v in vs.SPECIAL_CASES.items()},
        "booster_pairs": {tuple(k.split(" ")): float(v) for k, v in boosters.items() if " " in k},
    }


def _emoji_replacer() -> Callable[[str], str]:
    """A function that writes out a text's emoji as their descriptions."""
    table = _tables()["emoji"]
    emoji = table.keys()

    def replace(text: str) -> str:
        # a set, not a regular expression of the ~3,500 emoji (compiling it
        # cost about 2 ms in every process that scores)
        if emoji.isdisjoint(text):
            return text
        out = []
        for at, c in enumerate(text):
            if c in table:
                # a description is set off by a space unless it starts the
                # text or follows a plain space
                out.append(table[c] if at == 0 or text[at - 1] == " " else " " + table[c])
            else:
                out.append(c)
        return "".join(out)

    return replace


@lru_cache(maxsize=1)
def _rule_words() -> tuple[dict[str, float], frozenset[str], frozenset[tuple[str, str]]]:
    """The words the rules look for: scored words and their valences, modifiers,
    and the first two words of every idiom and two-word dampener."""
    t = _tables()
    boosters = t["boosters"]
    # words that are scored: lexicon words that are not boosters (a booster
    # carries no valence of its own even where the lexicon lists it)
    scored = {w: v for w, v in t["lexicon"].items() if w not in boosters}
    # Words that change the valence of a lexicon word up to three words
    # after them ("so" and "this" only right before it; words containing
    # "n't" and idioms are tested separately): a lexicon word with none of
    # them before it keeps its valence.
    modifiers = frozenset([*boosters, *t["negators"], "no", "never", "without", "least"])
    # an idiom or two-word dampener can match only where two neighbouring
    # words are the first two of one of them
    keys = (*t["special"], *t["booster_pairs"])
    heads = frozenset(k[:2] for k in keys if len(k) > 1)
    return scored, modifiers, heads


@lru_cache(maxsize=1)
def _scorer() -> Callable[[str], tuple[float, float, float, int]]:
    """The one-sentence rules: a text's valence sum (with punctuation emphasis),
    its positive and negative sums and its number of neutral words; every
    table is bound to a local name (speed). :func:`vader_scores` finishes
    the scores for all texts at once."""
    t = _tables()
    lex: dict[str, float] = t["lexicon"]
    boosters: dict[str, float] = t["boosters"]
    negators: frozenset[str] = t["negators"]
    special: dict[tuple[str, ...], float] = t["special"]
    pairs: dict[tuple[str, ...], float] = t["booster_pairs"]
    scored, modifiers, heads = _rule_words()
    replace_emoji = _emoji_replacer()
    punct = _PUNCT
    neg_k, caps = _NEGATION, _CAPS
    d2, d3 = _DECAY[1], _DECAY[2]
    so_this = ("so", "this")
    least_ok = ("at", "very")
    fabs = math.fabs

    # An idiom or two-word dampener can match only where two neighbouring
    # words are the first two of one of them.
    firsts = {h[0] for h in heads}
    # Two neighbouring words that begin an idiom or a two-word dampener, as
    # text: absent from the " "-joined words, no idiom can match (present,
    # perhaps inside longer words, the full check runs: never a wrong skip)
    head_texts = [" ".join(h) for h in sorted(heads)]
    seconds = {h[1] for h in heads}
    # none of these anywhere: no rule applies to any word of the sentence
    plain_block = modifiers | {"so", "this", "but", "kind"}

    def boosted(b: float, v: float, caps_word: bool, decay: float) -> float:
        """What a booster or dampener of value ``b`` adds to ``v`` from ``decay``'s distance."""
        s = b if v >= 0 else -b
        if caps_word:
            s = s + caps if v > 0 else s - caps
        return s * decay

    def valence(i: int, low: list[str], caps_of: list[str] | None) -> float:
        """Valence of the lexicon word ``low[i]`` in context; ``caps_of`` holds the
        words as written when ALL-CAPS emphasis applies (some words, not all, in
        capitals), else None."""
        n = len(low)
        w = low[i]
        v = lex[w]
        if w == "no" and i != n - 1 and low[i + 1] in lex:
            v = 0.0
        if (
            (i > 0 and low[i - 1] == "no")
            or (i > 1 and low[i - 2] == "no")
            or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))
        ):
            v = lex[w] * neg_k
        if caps_of is not None and caps_of[i].isupper():
            v = v + caps if v > 0 else v - caps
        # distance 1
        if i > 0:
            p = low[i - 1]
            if p not in lex:
                b = boosters.get(p)
                if b is not None:
                    v = v + boosted(b, v, caps_of is not None and caps_of[i - 1].isupper(), 1.0)
                if p in negators or "n't" in p:
                    v = v * neg_k
        # distance 2
        if i > 1:
            p = low[i - 2]
            if p not in lex:
                b = boosters.get(p)
                if b is not None:
                    v = v + boosted(b, v, caps_of is not None and caps_of[i - 2].isupper(), d2)
                q = low[i - 1]
                if p == "never" and q in so_this:
                    v = v * _NEVER_SO
                elif p == "without" and q == "doubt":
                    pass
                elif p in negators or "n't" in p:
                    v = v * neg_k
        # distance 3, then the idioms
        if i > 2:
            p = low[i - 3]
            if p not in lex:
                b = boosters.get(p)
                if b is not None:
                    v = v + boosted(b, v, caps_of is not None and caps_of[i - 3].isupper(), d3)
                p2, p1 = low[i - 2], low[i - 1]
                if (p == "never" and p2 in so_this) or p1 in so_this:
                    v = v * _NEVER_SO
                elif p == "without" and (p2 == "doubt" or p1 == "doubt"):
                    pass
                elif p in negators or "n't" in p:
                    v = v * neg_k
                if (
                    (p in firsts and (p, p2) in heads)
                    or (p2 in firsts and (p2, p1) in heads)
                    or (p1 in firsts and (p1, w) in heads)
                    or (w in firsts and n - 1 > i and (w, low[i + 1]) in heads)
                ):
                    v = idioms(v, i, low, n, p, p2, p1, w)
        # "least" just before the word
        if i > 0 and low[i - 1] == "least" and "least" not in lex:
            if i == 1 or low[i - 2] not in least_ok:
                v = v * neg_k
        return v

    def idioms(
        v: float, i: int, low: list[str], n: int, p3: str, p2: str, p1: str, w: str
    ) -> float:
        for key in ((p1, w), (p2, p1, w), (p2, p1), (p3, p2, p1), (p3, p2)):
            if key in special:
                v = special[key]
                break
        if n - 1 > i:
            key = (w, low[i + 1])
            if key in special:
                v = special[key]
        if n - 1 > i + 1:
            key = (w, low[i + 1], low[i + 2])
            if key in special:
                v = special[key]
        for key in ((p3, p2, p1), (p3, p2), (p2, p1)):
            if key in pairs:
                v = v + pairs[key]
        return v

    def self_rules(
        hits: list[int], low: list[str], words: list[str], n: int, rules: bool
    ) -> list[float]:
        """Valences of the lexicon words at ``hits``, every rule applied."""
        # ALL-CAPS counts only when some words, not all, are in capitals
        n_caps = sum(map(str.isupper, words))
        caps_of = words if 0 < n - n_caps < n else None
        vals: list[float] = []
        at: list[int] = []
        for k in hits:
            w = low[k]
            if w == "kind" and k < n - 1 and low[k + 1] == "of":
                continue
            at.append(k)
            if (
                rules
                or w == "no"
                or (k and low[k - 1] in so_this)
                or not modifiers.isdisjoint(low[max(0, k - 3) : k])
            ):
                vals.append(valence(k, low, caps_of))
                continue
            v = lex[w]
            if caps_of is not None and caps_of[k].isupper():
                v = v + caps if v > 0 else v - caps
            vals.append(v)
        if vals and "but" in low:
            but = low.index("but")
            # vaderSentiment reweights the first value equal to each one in
            # turn (list.index): kept, since it decides the scores
            for k in range(len(vals)):
                x = vals[k]
                if x == 0:
                    continue  # reweighting a zero changes nothing
                j = vals.index(x)
                if at[j] < but:
                    vals[j] = x * _BEFORE_BUT
                elif at[j] > but:
                    vals[j] = x * _AFTER_BUT
        return vals

    def score(text: str) -> tuple[float, float, float, float]:
        if text.isascii():
            # lower() and split() commute on ASCII, and stripping ASCII
            # punctuation before or after lowering gives the same word
            lowered = text.lower()
            low = lowered.split()
            words = None
        else:
            # two descriptions hold a "!", which counts below
            text = replace_emoji(text)
            words = text.split()
            low = lowered = None
        n = len(low if words is None else words)
        if not n:
            return (0.0, 0.0, 0.0, 0)
        if words is None:
            hits = []
            for k, wd in enumerate(low):
                if wd[0] in punct or wd[-1] in punct:
                    s = wd.strip(punct)
                    if len(s) > 2:
                        low[k] = wd = s
                if wd in scored:
                    hits.append(k)
        else:
            for k, wd in enumerate(words):
                if wd[0] in punct or wd[-1] in punct:
                    s = wd.strip(punct)
                    if len(s) > 2:
                        words[k] = s
            # outside ASCII, lowering first could change a word's length
            # and so whether its punctuation is stripped: lower afterwards
            low = [wd.lower() for wd in words]
            lowered = "\x00".join(low)
            hits = [k for k, wd in enumerate(low) if wd in scored]
        if not hits:
            return (0.0, 0.0, 0.0, n)
        if words is None:
            # isupper() ignores punctuation, so the unstripped words will do
            words = text.split()
        # with no "n't" and no idiom anywhere, a word without modifiers
        # before it needs no rules
        rules = "n't" in lowered
        if not rules and not seconds.isdisjoint(low) and not firsts.isdisjoint(low):
            joined = " ".join(low)
            rules = any(h in joined for h in head_texts)
        if not rules and plain_block.isdisjoint(low):
            # the common case: no modifier, "but" or "kind of" anywhere, so
            # every lexicon word keeps its valence, ALL-CAPS emphasis aside
            vals = [lex[low[k]] for k in hits]
            upper = [j for j, k in enumerate(hits) if words[k].isupper()]
            if upper and 0 < n - sum(map(str.isupper, words)) < n:
                for j in upper:
                    v = vals[j]
                    vals[j] = v + caps if v > 0 else v - caps
        else:
            vals = self_rules(hits, low, words, n, rules)
        # the other words score 0: they add nothing to the sums below
        # (exactly, in any order) and count as neutral
        total_v = float(sum(vals))
        amp = min(text.count("!"), _MAX_EXCLAIM) * _EXCLAIM
        quest = text.count("?")
        if quest > 1:
            amp = amp + (quest * _QUESTION if quest <= 3 else _MAX_QUESTION)
        if total_v > 0:
            total_v += amp
        elif total_v < 0:
            total_v -= amp
        pos_sum = neg_sum = 0.0
        neutral = n
        for x in vals:
            if x > 0:
                pos_sum += x + 1
                neutral -= 1
            elif x < 0:
                neg_sum += x - 1
                neutral -= 1
        if pos_sum > fabs(neg_sum):
            pos_sum += amp
        elif pos_sum < fabs(neg_sum):
            neg_sum -= amp
        return (total_v, pos_sum, neg_sum, neutral)

    return score


# Texts are set apart by this word in the batch path; a text holding it as a
# word of its own is scored, with all the others, one text at a time.
_SEPARATOR = "\x00"
# Texts with more scored words than this have their sums added in Python
# (the batch adds one word position of all texts per numpy step).
_MAX_RANKS = 8
# Bits of a word's class in the batch path.
_UPPER, _EMOJI, _BUT, _FIRST, _SECOND, _MODIFIER, _SO_THIS, _SCORED = (1 << k for k in range(8))
# A word containing "n't" negates like a negator.
_NOT = re.compile(re.escape("n't"))


@lru_cache(maxsize=1)
def _word_codes() -> dict[str, int]:
    """The batch path's class bits of every word the rules look for (lower case,
    punctuation stripped); other words have none."""
    scored, modifiers, heads = _rule_words()
    codes = dict.fromkeys(scored, _SCORED)
    classes = [
        (modifiers, _MODIFIER),
        ({h[0] for h in heads}, _FIRST),
        ({h[1] for h in heads}, _SECOND),
        (["but"], _BUT),
        (["so", "this"], _SO_THIS),
    ]
    for words, bit in classes:
        for w in words:
            codes[w] = codes.get(w, 0) | bit
    return codes


def _words_matching(words: list[str], pattern: re.Pattern) -> np.ndarray:
    """Positions of the words in which ``pattern`` matches (words hold no newline,
    and no match crosses one)."""
    blob = "\n".join(words)
    at = [m.start() for m in pattern.finditer(blob)]
    if not at:
        return np.zeros(0, dtype=np.intp)
    ends = np.cumsum(np.fromiter(map(len, words), dtype=np.intp, count=len(words)) + 1)
    return np.searchsorted(ends, at, side="right")


# From CPython 3.12, sum() of floats compensates for rounding (Neumaier's
# variant of Kahan summation), and vaderSentiment's sum of the valences with
# it: asked of the interpreter itself (1.0 compensated, 0.0 left to right).
_COMPENSATED_SUM = sum([1e100, 1.0, -1e100]) == 1.0


def _sum_positive(vals: list[float]) -> float:
    """vaderSentiment's sum of ``v + 1`` over the positive values, left to right."""
    total = 0.0
    for v in vals:
        if v > 0:
            total += v + 1
    return total


def _sum_negative(vals: list[float]) -> float:
    """vaderSentiment's sum of ``v - 1`` over the negative values, left to right."""
    total = 0.0
    for v in vals:
        if v < 0:
            total += v - 1
    return total


def _but(
    vals: np.ndarray,
    hit: np.ndarray,
    hit_text: np.ndarray,
    but_at: np.ndarray,
    but_text: np.ndarray,
    n_texts: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The valences ``vals`` of scored words at positions ``hit`` (of texts
    ``hit_text``) reweighted for the first "but" of their text (0.5 before
    it, 1.5 after), and the texts where that does not hold.

    vaderSentiment reweights, for each value in turn, the first value equal
    to it (``list.index``) among values partly reweighted already. Each
    value is its own first match unless it equals an earlier word's
    reweighted value: such texts are marked (True) for the one-text rules.
    """
    texts, first = np.unique(but_text, return_index=True)
    first_but = np.full(n_texts, -1)
    first_but[texts] = but_at[first]
    b = first_but[hit_text]
    weighted = np.where(hit < b, vals * _BEFORE_BUT, np.where(hit > b, vals * _AFTER_BUT, vals))
    weighted = np.where(b >= 0, weighted, vals)
    quirk = np.zeros(n_texts, dtype=bool)
    at = np.flatnonzero(b >= 0)
    current, earlier = -1, set()
    for t, x, w in zip(
        hit_text[at].tolist(), vals[at].tolist(), weighted[at].tolist(), strict=True
    ):
        if t != current:
            current, earlier = t, set()
        if x != 0 and x in earlier:
            quirk[t] = True
        earlier.add(w)
    return weighted, quirk


def _classify(uniq: list[str], ascii_only: bool) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The distinct words ``uniq`` as the rules see them, their class bits and
    valences (0 where not scored)."""
    n_uniq = len(uniq)
    # a word as the rules see it: punctuation stripped from both ends unless
    # fewer than three characters would remain (":)"), then lower case
    forms = list(map(str.strip, uniq, repeat(_PUNCT)))
    short = np.fromiter(map(len, forms), dtype=np.intp, count=n_uniq) <= 2
    for k in np.flatnonzero(short).tolist():
        forms[k] = uniq[k]
    forms = list(map(str.lower, forms))
    code = np.fromiter(map(_word_codes().get, forms, repeat(0)), dtype=np.uint16, count=n_uniq)
    code[_words_matching(forms, _NOT)] |= _MODIFIER
    if not ascii_only:
        ascii_word = np.fromiter(map(str.isascii, uniq), dtype=bool, count=n_uniq)
        emoji = _tables()["emoji"].keys()
        for k in np.flatnonzero(~ascii_word).tolist():
            if not emoji.isdisjoint(uniq[k]):
                code[k] |= _EMOJI
    scored = _rule_words()[0]
    valence = np.zeros(n_uniq)
    at = np.flatnonzero(code & _SCORED)
    valence[at] = [scored[forms[k]] for k in at.tolist()]
    # capitals matter only in a scored word (and then the text's other words)
    upper = [k for k in at.tolist() if uniq[k].isupper()]
    code[upper] |= _UPPER
    return forms, code, valence


def _add_up(
    vals: np.ndarray,
    hit_text: np.ndarray,
    n_words: np.ndarray,
    n_exclaim: np.ndarray,
    n_question: np.ndarray,
) -> np.ndarray:
    """vaderSentiment's sums for texts whose final valences are ``vals`` (in
    word order, of texts ``hit_text``): ``(n, 4)``, the valence sum with
    punctuation emphasis, the positive and negative sums and the number of
    neutral words."""
    n_texts = len(n_words)
    total = np.zeros(n_texts)
    comp = np.zeros(n_texts)
    pos = np.zeros(n_texts)
    neg = np.zeros(n_texts)
    neutral = n_words.astype(float)
    # the k-th scored word of its text, k = 0, 1, ...: the texts' k-th
    # values are added in one step, so each text's sum runs left to right
    starts = np.flatnonzero(np.r_[True, hit_text[1:] != hit_text[:-1]])
    lengths = np.diff(np.r_[starts, len(vals)])
    rank = np.arange(len(vals)) - np.repeat(starts, lengths)
    many = lengths > _MAX_RANKS
    if many.any():
        # texts with many scored words (few): summed by Python as in vaderSentiment
        for start, m in zip(starts[many].tolist(), lengths[many].tolist(), strict=True):
            i = int(hit_text[start])
            x = vals[start : start + m].tolist()
            total[i] = float(sum(x))
            pos[i] = _sum_positive(x)
            neg[i] = _sum_negative(x)
            neutral[i] -= sum(v != 0 for v in x)
        few = np.flatnonzero(np.repeat(~many, lengths))
        order = few[np.argsort(rank[few], kind="stable")]
        bounds = np.r_[0, np.cumsum(np.bincount(rank[few]))]
    else:
        order = np.argsort(rank, kind="stable")
        bounds = np.r_[0, np.cumsum(np.bincount(rank))] if len(rank) else np.zeros(1, np.intp)
    for k in range(len(bounds) - 1):
        sel = order[bounds[k] : bounds[k + 1]]
        at, x = hit_text[sel], vals[sel]
        if _COMPENSATED_SUM and k:
            f = total[at]
            t = f + x
            comp[at] += np.where(np.abs(f) >= np.abs(x), (f - t) + x, (x - t) + f)
            total[at] = t
        else:
            total[at] += x
        pos[at] += np.where(x > 0, x + 1, 0.0)
        neg[at] += np.where(x < 0, x - 1, 0.0)
        neutral[at] -= x != 0
    if _COMPENSATED_SUM:
        total = np.where(comp != 0, total + comp, total)
    # punctuation emphasis, in the direction of the sum and on the larger side
    amp = np.minimum(n_exclaim, _MAX_EXCLAIM) * _EXCLAIM
    amp = np.where(
        n_question > 1,
        amp + np.where(n_question <= 3, n_question * _QUESTION, _MAX_QUESTION),
        amp,
    )
    total = np.where(total > 0, total + amp, np.where(total < 0, total - amp, total))
    size = np.abs(neg)
    pos, neg = (
        np.where(pos > size, pos + amp, pos),
        np.where(pos < size, neg - amp, neg),
    )
    return np.column_stack([total, pos, neg, neutral])


def _batch_sums(texts: list[str]) -> np.ndarray:
    """The sums of :func:`_scorer`'s rules for every text, as an ``(n, 4)`` array.

    Most sentences hold a few lexicon words and nothing that modifies them:
    no booster, negation, "but", idiom, emoji or "so"/"this" before a
    lexicon word. Their scores follow from the words' valences (ALL-CAPS
    emphasis aside) and the text's "!" and "?" counts, and are computed for
    all of them at once: words are numbered by one hash-table pass, every
    distinct word is classified once, and the sums are accumulated one word
    position at a time across texts, in the order Python's ``sum`` and
    vaderSentiment's loops add them (so the floats are the same). Every
    other text goes through :func:`_scorer`'s rules.

    Raises
    ------
    TypeError
        If a text is not a string.
    """
    n_texts = len(texts)
    out = np.zeros((n_texts, 4))
    if not n_texts:
        return out
    joined = f" {_SEPARATOR} ".join(texts)
    words = np.array(joined.split(), dtype=object)
    # every word numbered by its distinct form (in order of first appearance)
    ids, uniq = pd.factorize(words)
    del words
    uniq = uniq.tolist()
    forms, code, valence = _classify(uniq, ascii_only=joined.isascii())
    del joined
    heads = _rule_words()[2]

    seps = np.flatnonzero(ids == (uniq.index(_SEPARATOR) if n_texts > 1 else -1))
    if len(seps) != n_texts - 1:
        # a text holds the separator as a word: number the texts another way
        sums = _scorer()
        return np.array([sums(t) for t in texts], dtype=float).reshape(-1, 4)

    def text_of(at: np.ndarray) -> np.ndarray:
        """The text of the words at positions ``at`` (none is a separator)."""
        return np.searchsorted(seps, at)

    n_words = np.diff(np.r_[-1, seps, len(ids)]) - 1
    wcode = code[ids]
    n_exclaim = np.fromiter(map(str.count, texts, repeat("!")), dtype=np.intp, count=n_texts)
    n_question = np.fromiter(map(str.count, texts, repeat("?")), dtype=np.intp, count=n_texts)

    hit = np.flatnonzero(wcode & _SCORED)
    hit_text = text_of(hit)
    # texts the one-text rules must score: a modifier up to three words
    # before a scored word or the scored word one itself ("no"), "so" or
    # "this" right before it, an emoji, or two neighbours that begin an idiom
    padded = np.concatenate([np.zeros(3, dtype=np.uint8), wcode])
    near = padded[hit + 2] | padded[hit + 1] | padded[hit]
    rules = np.zeros(n_texts, dtype=bool)
    rules[hit_text[((near | wcode[hit]) & _MODIFIER) > 0]] = True
    rules[hit_text[(padded[hit + 2] & _SO_THIS) > 0]] = True
    rules[text_of(np.flatnonzero(wcode & _EMOJI))] = True
    pair = np.flatnonzero((wcode[:-1] & _FIRST) & ((wcode[1:] & _SECOND) >> 1))
    if len(pair):
        head = [
            (forms[a], forms[b]) in heads
            for a, b in zip(ids[pair].tolist(), ids[pair + 1].tolist(), strict=True)
        ]
        rules[text_of(pair[np.array(head, dtype=bool)])] = True

    # the plain texts: valences, ALL-CAPS emphasis where some words (not
    # all) are in capitals
    keep = ~rules[hit_text]
    hit, hit_text = hit[keep], hit_text[keep]
    vals = valence[ids[hit]]
    caps = (wcode[hit] & _UPPER) > 0
    if caps.any():
        # ALL-CAPS emphasis counts only where some words, not all, are in
        # capitals: count them in the (few) texts with a scored word in capitals
        mixed = np.zeros(n_texts, dtype=bool)
        for i in np.unique(hit_text[caps]).tolist():
            n_upper = sum(map(str.isupper, texts[i].split()))
            mixed[i] = 0 < n_upper < n_words[i]
        caps &= mixed[hit_text]
    vals = np.where(caps, np.where(vals > 0, vals + _CAPS, vals - _CAPS), vals)
    but_at = np.flatnonzero(wcode & _BUT)
    if len(but_at):
        vals, quirk = _but(vals, hit, hit_text, but_at, text_of(but_at), n_texts)
        if quirk.any():
            rules |= quirk
            keep = ~quirk[hit_text]
            hit, hit_text, vals = hit[keep], hit_text[keep], vals[keep]
    out = _add_up(vals, hit_text, n_words, n_exclaim, n_question)
    if rules.any():
        sums = _scorer()
        for i in np.flatnonzero(rules).tolist():
            out[i] = sums(texts[i])
    return out


def vader_scores(texts: Iterable[str]) -> np.ndarray:
    """VADER's compound, pos, neu and neg for each text, equal to vaderSentiment's.

    Parameters
    ----------
    texts : iterable of str
        Sentences (VADER is built for sentences: its compound saturates on
        long texts).

    Returns
    -------
    numpy.ndarray
        Shape ``(n, 4)``, float64: ``compound, pos, neu, neg`` per text, in
        order, each equal to what ``vaderSentiment``'s
        ``SentimentIntensityAnalyzer().polarity_scores`` returns. A text with
        no words scores ``0, 0, 0, 0`` (as in vaderSentiment).

    Raises
    ------
    TypeError
        If a text is not a string (None, NaN): say what an empty or missing
        text should be before scoring.

    Examples
    --------
    >>> vader_scores(["Talks went well.", "Not good at all!", ""]).tolist()
    [[0.2732, 0.512, 0.488, 0.0], [-0.4015, 0.0, 0.527, 0.473], [0.0, 0.0, 0.0, 0.0]]
    """
    texts = texts if isinstance(texts, list) else list(texts)
    try:
        if len(texts) < _BATCH_MIN:
            sums = _scorer()
            rows = [sums(t) for t in texts]
            if len(rows) < _FEW:
                return np.array([_finish(*r) for r in rows], dtype=float).reshape(-1, 4)
            raw = np.array(rows, dtype=float)
        else:
            # a batch at a time: the words of all texts at once would hold the
            # whole corpus in memory as Python strings
            raw = np.concatenate(
                [_batch_sums(texts[i : i + _BATCH]) for i in range(0, len(texts), _BATCH)]
            )
    except (AttributeError, TypeError):
        bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
        if bad is None:
            raise
        raise TypeError(
            f"vader_scores takes strings; text {bad} is {type(texts[bad]).__name__}"
        ) from None
    # IEEE arithmetic: numpy's float64 operations give the same floats as
    # Python's, operation for operation
    total_v, pos_sum, neg_sum, neutral = raw.T
    compound = np.clip(total_v / np.sqrt(total_v * total_v + _ALPHA), -1.0, 1.0)
    total = pos_sum + np.abs(neg_sum) + neutral
    words = total > 0  # every word adds at least 1; a text without words scores 0
    safe = np.where(words, total, 1.0)
    out = np.column_stack(
        [
            _round(compound, 4),
            _round(np.abs(pos_sum / safe), 3),
            _round(np.abs(neutral / safe), 3),
            _round(np.abs(neg_sum / safe), 3),
        ]
    )
    out[~words] = 0.0
    return out


# Below this many texts, finishing the scores in numpy costs more than in Python.
_FEW = 64
# From this many texts on, they are scored as batches (below it, the batch's
# fixed costs outweigh what it saves: measured on real and constructed
# sentences, benchmarks/tone.py --vader) of at most _BATCH texts (memory:
# their words, about 2 MB per 1,000 sentences).
_BATCH_MIN = 256
_BATCH = 20_000


def _finish(
    total_v: float, pos_sum: float, neg_sum: float, neutral: int
) -> tuple[float, float, float, float]:
    """One text's scores from its sums: :func:`vader_scores`' numpy steps, in Python."""
    total = pos_sum + math.fabs(neg_sum) + neutral
    if not total > 0:
        return (0.0, 0.0, 0.0, 0.0)
    compound = min(max(total_v / math.sqrt(total_v * total_v + _ALPHA), -1.0), 1.0)
    return (
        round(compound, 4),
        round(math.fabs(pos_sum / total), 3),
        round(math.fabs(neutral / total), 3),
        round(math.fabs(neg_sum / total), 3),
    )


def _round(x: np.ndarray, digits: int) -> np.ndarray:
    """Python's ``round(x, digits)`` for every element, exactly.

    ``round`` picks the multiple of ``10**-digits`` nearest to the exact
    binary value (ties to even) and returns the float nearest to it, that is
    ``m / 10**digits`` for an integer ``m``. ``np.rint(x * 10**digits)``
    finds the same ``m`` unless ``x * 10**digits`` lies within its rounding
    error of a tie; those few elements are rounded by Python (np.round,
    which does not check, can differ in the last digit).
    """
    scale = 10.0**digits
    y = x * scale
    m = np.rint(y)
    out = m / scale
    near_tie = np.abs(np.abs(y - np.floor(y)) - 0.5) < 1e-6
    if near_tie.any():
        out[near_tie] = [round(float(v), digits) for v in x[near_tie]]
    return out
