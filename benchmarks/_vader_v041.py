"""FROZEN COPY of ``toolkit/measures/tone/vader.py`` as of version 0.4.1 (commit 7d01540),
kept only as the baseline ``benchmarks/tone.py --vader`` times the current module against.

Do not import it from the toolkit or edit it; the text below is that module unchanged
from its first import on (its own docstring is left out).
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

import numpy as np

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
    if not table:
        return lambda text: text
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(table)) + "]")

    def replace(text: str) -> str:
        if not pattern.search(text):
            return text

        def one(m: re.Match) -> str:
            at = m.start()
            # a description is set off by a space unless it starts the text
            # or follows a plain space
            sep = "" if at == 0 or text[at - 1] == " " else " "
            return sep + table[m.group()]

        return pattern.sub(one, text)

    return replace


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
    # words that are scored: lexicon words that are not boosters (a booster
    # carries no valence of its own even where the lexicon lists it)
    scored = {w: v for w, v in lex.items() if w not in boosters}
    replace_emoji = _emoji_replacer()
    punct = _PUNCT
    neg_k, caps = _NEGATION, _CAPS
    d2, d3 = _DECAY[1], _DECAY[2]
    so_this = ("so", "this")
    least_ok = ("at", "very")
    fabs = math.fabs

    # An idiom or two-word dampener can match only where two neighbouring
    # words are the first two of one of them.
    firsts = {k[0] for k in (*special, *pairs) if len(k) > 1}
    heads = {k[:2] for k in (*special, *pairs) if len(k) > 1}
    # Two neighbouring words that begin an idiom or a two-word dampener, as
    # text: absent from the " "-joined words, no idiom can match (present,
    # perhaps inside longer words, the full check runs: never a wrong skip)
    head_texts = [" ".join(h) for h in sorted(heads)]
    seconds = {h[1] for h in heads}
    # Words that change the valence of a lexicon word up to three words
    # after them ("so" and "this" only right before it; words containing
    # "n't" and idioms are tested separately): a lexicon word with none of
    # them before it keeps its valence.
    modifiers = frozenset([*boosters, *negators, "no", "never", "without", "least"])
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
    sums = _scorer()
    texts = texts if isinstance(texts, list) else list(texts)
    try:
        rows = [sums(t) for t in texts]
    except AttributeError:
        bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
        if bad is None:
            raise
        raise TypeError(
            f"vader_scores takes strings; text {bad} is {type(texts[bad]).__name__}"
        ) from None
    if len(rows) < _FEW:
        return np.array([_finish(*r) for r in rows], dtype=float).reshape(-1, 4)
    raw = np.array(rows, dtype=float)
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
