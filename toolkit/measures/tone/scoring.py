"""Tone of sentences and articles, and tone toward an actor.

:func:`tone` scores every sentence with one method and, at
``level="document"``, aggregates sentence scores to one row per article
(:func:`document_tone` does the same from sentence scores you already have).
Sentence level comes first because sentence scores are what the methods were
built for: VADER's compound saturates towards +-1 on long texts, so an
article's tone is stated explicitly as an aggregate of its sentences (mean,
median, share of negative and of positive sentences).

Methods
-------
``"news"`` (default)
    The project's news tone measure, :mod:`toolkit.measures.tone.news`: VADER's
    lexicon plus a news lexicon and news rules. Validated in
    ``benchmarks/tone_validity.py`` (numbers below). Korean and Japanese
    documents (corpus ``language`` column) are scored by the same rules on
    analysed text with Korean and Japanese lexicons (:mod:`toolkit.measures.tone.cjk`);
    the other methods read English only and leave them unscored.
``"vader"``
    VADER (Hutto & Gilbert 2014) on each sentence: ``compound`` (the ``tone``
    column), ``pos``, ``neu``, ``neg``, equal to ``vaderSentiment``'s
    ``SentimentIntensityAnalyzer.polarity_scores`` but computed by the
    toolkit's own, batched implementation (:mod:`toolkit.measures.tone.vader`).
``"textblob"``
    ``TextBlob(sentence).sentiment`` (the pattern analyzer, offline):
    ``polarity`` (the ``tone`` column) and ``subjectivity``.
``"dictionary"``
    Counts of positive and negative dictionary matches, with negation: a
    match preceded within ``negation_window`` tokens (default 3, not crossing
    ``, ; :`` or "but") by a negator (not, no, never, n't, without, ...)
    counts for the opposite side. Dictionaries with Lexicoder's
    ``neg_positive``/``neg_negative`` categories (LSD2015) use those instead
    (a plain match inside such a phrase is dropped). Scores, for counts
    ``pos``, ``neg`` and word count ``n_tokens``:

    - ``tone_per_token`` = (pos - neg) / n_tokens;
    - ``tone_relative`` = (pos - neg) / (pos + neg) (NaN without matches);
    - ``tone_logit`` = log((pos + 0.5) / (neg + 0.5)) (Lowe et al. 2011's
      scale, as used with the Lexicoder dictionary in quanteda);
    - GDELT-style ``pos_pct`` and ``neg_pct`` (percent of words),
      ``gdelt_tone`` = pos_pct - neg_pct and ``polarity`` = pos_pct + neg_pct
      (percent of words matched either way: emotional density, not direction).

    ``tone`` is ``tone_relative`` with 0 for sentences without matches.
    Without ``lexicon=``, the toolkit's own news dictionary is used
    (:func:`toolkit.measures.tone.news.news_dictionary`: VADER's and the news
    lexicon's words with valence of at least 0.5 either way).
    Positive categories are those named ``positive``/``pos`` (or ending in
    ``.positive``), negative ones ``negative``/``neg``.

Every method also returns ``tone`` in [-1, 1], so code written for one
method runs with another. Identical sentences (wire copy repeated across
outlets) are scored once; the distinct sentences are spread over all cores
by default (``n_jobs``; small corpora stay in one process) and the scores
are identical whatever ``n_jobs`` is.

Validity (``python benchmarks/tone_validity.py``; human-rated news data in
``../shared/eval``; r = Pearson correlation with the mean human rating,
F1 = 3-class macro F1 with thresholds +-0.05 on scores in [-1, 1]):

=============================  =====================  =====  ========
data set                       method                 r      macro F1
=============================  =====================  =====  ========
NYT editorials dev (n=2,596)   vader                  0.495  0.526
NYT editorials dev             textblob               0.291  0.400
NYT editorials dev             dictionary             0.494  0.530
NYT editorials dev             news                   0.569  0.566
NewsMTSC dev (n=343)           vader (sentence)       0.380  0.508
NewsMTSC dev                   news (sentence)        0.463  0.548
NewsMTSC dev                   target window (vader)  0.338  0.487
NewsMTSC dev                   target_tone (news)     0.470  0.623
PhraseBank dev (n=2,388), en   news                   0.399  0.552
PhraseBank dev, Korean side    news (Korean)          0.468  0.614
PhraseBank dev, Korean, 5-CV   news (Korean)          0.473  0.624
=============================  =====================  =====  ========

On the PhraseBank's Korean translations the Korean scores correlate with
the English scores of the same sentences at r = 0.646 (5-fold
cross-validated 0.615; issue 14 asks >= 0.6). Japanese is unvalidated (no
rated Japanese data).

The news measure improves on VADER on both data sets and reaches issue 4's
r >= 0.56 on the NYT editorials (5-fold cross-validated: r = 0.568, F1 =
0.560), but not its F1 >= 0.58 (``toolkit.measures.tone.news`` explains why);
target tone reaches its target (F1 >= 0.58
on NewsMTSC dev; sentence-level VADER 0.51).
A single human rater agrees with the other raters at about r = 0.71.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from toolkit._meta import (
    STATUS_NO_MENTION,
    STATUS_OK,
    attach_attrs,
    keyword_only,
    not_measured,
    renamed,
    warn_renamed,
)
from toolkit._parallel import map_chunks, resolve_n_jobs, run_chunks
from toolkit.lexicons.dictionary import Dictionary, load_dictionary, reads_language
from toolkit.measures._contract import document_statuses, record_unmeasured
from toolkit.measures.tone.vader import vader_scores
from toolkit.text.language import other_language
from toolkit.tokens.tokenizer import Tokens, as_corpus, as_sentences, as_tokens

__all__ = [
    "METHODS",
    "NEGATORS",
    "dictionary_scores",
    "document_tone",
    "score_sentences",
    "target_tone",
    "tone",
]

METHODS = ("news", "vader", "textblob", "dictionary")
NEGATORS = frozenset(
    """not no never neither nor without nobody nothing none nowhere cannot n't
    hardly barely scarcely""".split()
)
_BREAKS = frozenset([",", ";", ":", "--", "—", "–", "(", ")", "but", "however"])
_HAS_WORD = re.compile(r"\w")

COLUMNS = {
    "news": ["tone", "pos_sum", "neg_sum", "n_hits"],
    "vader": ["tone", "compound", "pos", "neu", "neg"],
    "textblob": ["tone", "polarity", "subjectivity"],
    "dictionary": [
        "tone",
        "pos",
        "neg",
        "n_tokens",
        "tone_per_token",
        "tone_relative",
        "tone_logit",
        "pos_pct",
        "neg_pct",
        "gdelt_tone",
        "polarity",
    ],
}


# --------------------------------------------------------------------------
# One sentence
# --------------------------------------------------------------------------


def _longest(texts: list[str]) -> int:
    """The length of the longest text (0 for none): one C-level pass, where most
    calls only need to know that no text is over ``LONG_SENTENCE_CHARS``."""
    return max(map(len, texts), default=0)


def _vader_rows(texts: list[str]) -> list[tuple[float, ...]]:
    """VADER's ``(tone, compound, pos, neu, neg)`` for many sentences in one call."""
    return [(c, c, p, u, n) for c, p, u, n in vader_scores(texts).tolist()]


def _vader_array_chunk(texts: list[str]) -> np.ndarray:
    """:func:`_score_chunk` for VADER as one float array ``(n, 5)``: the same numbers,
    without a tuple per sentence (sentences over ``LONG_SENTENCE_CHARS`` go
    through :func:`_score_chunk` itself)."""
    if _longest(texts) > LONG_SENTENCE_CHARS:
        return np.array(_score_chunk("vader", texts), dtype=np.float64).reshape(-1, 5)
    x = vader_scores(texts)
    return np.column_stack([x[:, :1], x])


def _news_array_chunk(texts: list[str]) -> np.ndarray:
    """:func:`_news_chunk` for English sentences as one float array ``(n, 4)``."""
    from toolkit.measures.tone.news import news_tone_scores

    return news_tone_scores(texts)


def _score_vader(text: str) -> tuple[float, ...]:
    return _vader_rows([text])[0]


def _score_textblob(text: str) -> tuple[float, ...]:
    from textblob import TextBlob

    s = TextBlob(text).sentiment
    return (float(s.polarity), float(s.polarity), float(s.subjectivity))


def _score_news(text: str) -> tuple[float, ...]:
    from toolkit.measures.tone.news import news_tone_score

    score, pos, neg, n = news_tone_score(text)
    return (score, float(pos), float(neg), float(n))


# Languages the news method reads besides English (toolkit.measures.tone.cjk).
_NEWS_CJK = ("ko", "ja")


def _news_chunk(_: str, items: list[tuple[str, str]]) -> list[tuple[float, ...]]:
    """News tone of (language, sentence) pairs: Korean and Japanese through
    toolkit.measures.tone.cjk, everything else through toolkit.measures.tone.news,
    whose batch scorer takes all the chunk's other sentences in one call."""
    from toolkit.measures.tone.cjk import cjk_tone_score
    from toolkit.measures.tone.news import _news_tone_rows

    out: list[tuple[float, ...]] = [()] * len(items)
    other = [k for k, (lang, _) in enumerate(items) if lang not in _NEWS_CJK]
    rows = _news_tone_rows([items[k][1] for k in other])
    for k, (score, pos, neg, n) in zip(other, rows, strict=True):
        # float sums: a sentence without positive words sums to the integer 0
        out[k] = (score, float(pos), float(neg), float(n))
    for k, (lang, text) in enumerate(items):
        if lang in _NEWS_CJK:
            score, pos, neg, n = cjk_tone_score(text, lang)
            out[k] = (score, float(pos), float(neg), float(n))
    return out


def _unreadable(corpus: pd.DataFrame, method: str, language: str) -> dict[str, str]:
    """Documents the method cannot read (see other_language); the news method
    also reads Korean and Japanese."""
    other = other_language(corpus, language)
    if method == "news" and language == "en":
        other = {k: v for k, v in other.items() if v not in _NEWS_CJK}
    return other


def _reads(method: str) -> str:
    """How a status names what ``method`` can read."""
    return "reads English, Korean and Japanese only" if method == "news" else "is English-only"


def _sides(d: Dictionary) -> tuple[set[str], set[str], set[str], set[str]]:
    """Positive, negative, negated-positive and negated-negative category names."""
    pos, neg, npos, nneg = set(), set(), set(), set()
    for cat in d.categories:
        leaf = cat.rsplit(".", 1)[-1].lower()
        if leaf in ("positive", "pos"):
            pos.add(cat)
        elif leaf in ("negative", "neg"):
            neg.add(cat)
        elif leaf == "neg_positive":
            npos.add(cat)
        elif leaf == "neg_negative":
            nneg.add(cat)
    if not pos or not neg:
        raise ValueError(
            f"dictionary {d.name!r} needs a positive and a negative category "
            f"(named 'positive'/'negative'); it has {list(d.categories)}"
        )
    return pos, neg, npos, nneg


def _negated(tokens: Sequence[str], start: int, window: int) -> bool:
    for k in range(start - 1, max(-1, start - 1 - window), -1):
        t = tokens[k].lower()
        if t in _BREAKS:
            return False
        if t in NEGATORS or t.endswith("n't"):
            return True
    return False


def dictionary_scores(pos: float, neg: float, n_tokens: int) -> tuple[float, ...]:
    """The dictionary tone scores from counts (see the module docstring).

    Returns ``(tone, pos, neg, n_tokens, tone_per_token, tone_relative,
    tone_logit, pos_pct, neg_pct, gdelt_tone, polarity)``.

    Examples
    --------
    >>> [round(x, 3) for x in dictionary_scores(3, 1, 20)]
    [0.5, 3, 1, 20, 0.1, 0.5, 0.847, 15.0, 5.0, 10.0, 20.0]
    """
    nan = float("nan")
    per_tok = (pos - neg) / n_tokens if n_tokens else nan
    rel = (pos - neg) / (pos + neg) if pos + neg else nan
    logit = math.log((pos + 0.5) / (neg + 0.5))
    pos_pct = 100.0 * pos / n_tokens if n_tokens else nan
    neg_pct = 100.0 * neg / n_tokens if n_tokens else nan
    main = rel if pos + neg else (0.0 if n_tokens else nan)
    return (
        main,
        pos,
        neg,
        n_tokens,
        per_tok,
        rel,
        logit,
        pos_pct,
        neg_pct,
        pos_pct - neg_pct,
        pos_pct + neg_pct,
    )


def _dictionary_counts(
    tokens: Sequence[str], d: Dictionary, window: int
) -> tuple[float, float, int]:
    pos_c, neg_c, npos, nneg = _sides(d)
    matches = d.match(tokens)
    neg_spans = [(m.start, m.end) for m in matches if m.category in npos | nneg]
    pos = neg = 0.0
    for m in matches:
        if m.category in npos:
            neg += m.value
            continue
        if m.category in nneg:
            pos += m.value
            continue
        side = 1 if m.category in pos_c else -1 if m.category in neg_c else 0
        if side == 0 or any(s <= m.start and m.end <= e for s, e in neg_spans):
            continue
        if _negated(tokens, m.start, window):
            side = -side
        if side > 0:
            pos += m.value
        else:
            neg += m.value
    n_tok = sum(1 for t in tokens if _HAS_WORD.search(t))
    return pos, neg, n_tok


# --------------------------------------------------------------------------
# Many sentences: memoised, optionally in parallel
# --------------------------------------------------------------------------

_SCORERS: dict[str, Callable[[str], tuple[float, ...]]] = {
    "news": _score_news,
    "vader": _score_vader,
    "textblob": _score_textblob,
}


# Sentences longer than this are scored in pieces (their length-weighted mean):
# VADER and TextBlob take time quadratic in sentence length, and a scraped page
# that lost its full stops is one "sentence" of 100,000 characters.
LONG_SENTENCE_CHARS = 5_000
_PIECE_CHARS = 1_000


def _pieces(text: str) -> list[str]:
    out, pos = [], 0
    while pos < len(text):
        cut = text.rfind(" ", pos, pos + _PIECE_CHARS) if len(text) - pos > _PIECE_CHARS else -1
        end = cut if cut > pos else min(len(text), pos + _PIECE_CHARS)
        out.append(text[pos:end])
        pos = end
    return [p for p in out if p.strip()]


# Methods that score a whole list of sentences at once (far less overhead per
# sentence than one call each); the others go through _SCORERS one by one.
_BATCH_SCORERS: dict[str, Callable[[list[str]], list[tuple[float, ...]]]] = {
    "vader": _vader_rows,
}


def _one_by_one(f: Callable[[str], tuple[float, ...]], texts: list[str]) -> list[tuple[float, ...]]:
    return [f(t) for t in texts]


def _score_chunk(method: str, texts: list[str]) -> list[tuple[float, ...]]:
    batch = _BATCH_SCORERS.get(method) or partial(_one_by_one, _SCORERS[method])
    if _longest(texts) <= LONG_SENTENCE_CHARS:
        return batch(texts)
    # a long run of blanks has no pieces to weigh: it is scored whole, like a short one
    whole = [len(t) <= LONG_SENTENCE_CHARS or not t.strip() for t in texts]
    parts = [[t] if w else _pieces(t) for t, w in zip(texts, whole, strict=True)]
    flat = iter(batch([p for ps in parts for p in ps]))
    out = []
    for w, ps in zip(whole, parts, strict=True):
        rows = [next(flat) for _ in ps]
        if w:
            out.append(rows[0])
            continue
        scores = np.array(rows, dtype=float)
        weights = np.array([len(p) for p in ps], dtype=float)
        out.append(tuple(float(x) for x in weights @ scores / weights.sum()))
    return out


def _dict_chunk(d: Dictionary, window: int, toks: list[tuple[str, ...]]) -> list[tuple[float, ...]]:
    return [dictionary_scores(*_dictionary_counts(t, d, window)) for t in toks]


# Below this many distinct sentences, starting processes costs more than it saves.
_PARALLEL_MIN = 10_000
# English news tone and VADER score a sentence in a few microseconds as arrays,
# so processes pay only on much more text (benchmarks/n_jobs.py, 2 cores,
# 0.4.2): VADER 1.06x at 40,000 distinct sentences, 0.98x at 50,000, 1.3x at 100,000; English
# news tone 1.02x at 100,000, 1.19x at 200,000 (each process builds the records
# of the words it meets, the larger part of the work).
_VADER_PARALLEL_MIN = 100_000
_NEWS_PARALLEL_MIN = 200_000


def _run(func: Callable, head: tuple, items: list, n_jobs: int | None) -> list[tuple[float, ...]]:
    """``func(*head, chunk)`` over chunks of ``items``, in order (toolkit._parallel)."""
    return run_chunks(func, items, head=head, n_jobs=n_jobs, min_items=_PARALLEL_MIN)


@renamed(dictionary="lexicon")
def score_sentences(
    sentences: Iterable[str],
    method: str = "news",
    *,
    lexicon: Dictionary | None = None,
    negation_window: int = 3,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Score plain sentence strings (no corpus needed); repeated strings are scored once.

    Parameters
    ----------
    sentences : iterable of str
    method : {"news", "vader", "textblob", "dictionary"}
    lexicon : Dictionary, path or mapping, optional
        For ``method="dictionary"`` (default: the toolkit's own
        :func:`toolkit.measures.tone.news.news_dictionary`); sentences are split with
        :func:`toolkit.tokens.tokenizer.word_tokenize`.
    negation_window : int, default 3
    n_jobs : int, optional
        Processes for the distinct sentences: None (default) all cores, -1
        all cores, 1 this process, k processes; under 10,000 distinct
        sentences (100,000 with VADER, 200,000 with the news method on
        English text, whose sentences take microseconds each) they stay in
        this process. Scores are the same for any value (see
        ``toolkit._parallel``).

    Returns
    -------
    DataFrame
        One row per input sentence, in order, with the method's columns.

    Examples
    --------
    >>> score_sentences(["Relations have frayed.", "Relations have frayed."])["tone"].round(3).tolist()
    [-0.746, -0.746]
    """
    texts = ["" if not isinstance(s, str) else s for s in sentences]
    _check_method(method)
    if method == "dictionary":
        from toolkit.tokens.tokenizer import word_tokenize

        d = _as_dictionary(lexicon)
        vals = _score_once(
            texts,
            _dict_chunk,
            (d, negation_window),
            n_jobs,
            prepare=lambda t: tuple(word_tokenize(t)),
        )
    else:
        vals = _score_once(texts, _score_chunk, (method,), n_jobs)
    return pd.DataFrame(vals, columns=COLUMNS[method])


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")


def _check_aggregate(method: str, aggregate: str) -> None:
    allowed = ("mean", "median", "share_negative", "share_positive") + (
        ("counts",) if method == "dictionary" else ()
    )
    if aggregate not in allowed:
        raise ValueError(f"document_method must be one of {allowed}, not {aggregate!r}")


def _score_once(
    keys: list, chunk_fn: Any, args: tuple, n_jobs: int | None, prepare: Any = None
) -> list:
    """Score each distinct key once (wire copy repeats sentences) and map back."""
    uniq = list(dict.fromkeys(keys))
    rows = _run(chunk_fn, args, [prepare(k) for k in uniq] if prepare else uniq, n_jobs)
    memo = dict(zip(uniq, rows, strict=True))
    return [memo[k] for k in keys]


def _as_strings(values: list) -> list[str]:
    """``values`` with every non-string made a string, as ``Series.astype(str)`` does,
    without copying a column that is all strings already."""
    return [v if type(v) is str else str(v) for v in values]


def _score_once_array(
    keys: list[str],
    chunk_fn: Callable[[list[str]], np.ndarray],
    head: tuple,
    n_jobs: int | None,
    min_items: int,
) -> np.ndarray:
    """:func:`_score_once` for a ``chunk_fn`` that returns a float array, one row per
    key: the workers send back arrays (one buffer to pickle, not a tuple of
    floats per sentence) and the rows are put back in key order by indexing."""
    at: dict[str, int] = {}
    where = [at.setdefault(k, len(at)) for k in keys]
    uniq = list(at)
    parts = map_chunks(
        chunk_fn, uniq, head=head, n_jobs=n_jobs, min_items=min_items, main_works=True
    )
    arr = parts[0] if len(parts) == 1 else np.concatenate(parts)
    if len(uniq) != len(keys):
        arr = arr[np.asarray(where, dtype=np.intp)]
    return arr


def _as_dictionary(dictionary: Dictionary | str | Path | Mapping | None) -> Dictionary:
    """The dictionary to count with; checks it has positive and negative categories."""
    if dictionary is None:
        from toolkit.measures.tone.news import news_dictionary

        return news_dictionary()
    d = dictionary if isinstance(dictionary, Dictionary) else load_dictionary(dictionary)
    _sides(d)
    return d


# --------------------------------------------------------------------------
# Corpus level
# --------------------------------------------------------------------------


def _sentence_scores(
    data: pd.DataFrame | Tokens,
    method: str,
    d: Dictionary | None,
    negation_window: int,
    n_jobs: int | None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    # as_corpus (through as_sentences / as_tokens) refuses repeated doc_ids,
    # which would merge articles at document level
    if method == "dictionary":
        tk = as_tokens(data)
        sents, corpus = tk.sentences, tk.corpus
        toks = [tuple(t) for t in sents["tokens"]]
        vals = _score_once(toks, _dict_chunk, (d, negation_window), n_jobs)
    elif method == "news":
        sents, corpus = as_sentences(data)
        # tolist(): iterating Arrow-backed columns item by item is ten times slower
        langs = corpus["language"].tolist()
        if len(sents) and not any(lang in _NEWS_CJK for lang in langs):
            # English (or unreadable) only: score the texts themselves, as arrays
            texts = _as_strings(sents["sentence"].tolist())
            vals = _score_once_array(texts, _news_array_chunk, (), n_jobs, _NEWS_PARALLEL_MIN)
        else:
            lang_of = dict(zip(corpus["doc_id"].tolist(), langs, strict=True))
            keys = [
                (lang if (lang := lang_of.get(d)) in _NEWS_CJK else "en", str(t))
                for d, t in zip(sents["doc_id"].tolist(), sents["sentence"].tolist(), strict=True)
            ]
            vals = _score_once(keys, _news_chunk, (method,), n_jobs)
    else:
        sents, corpus = as_sentences(data)
        texts = _as_strings(sents["sentence"].tolist())
        if method == "vader" and texts:
            vals = _score_once_array(texts, _vader_array_chunk, (), n_jobs, _VADER_PARALLEL_MIN)
        else:
            vals = _score_once(texts, _score_chunk, (method,), n_jobs)
        n_long = (
            sum(len(t) > LONG_SENTENCE_CHARS for t in texts)
            if _longest(texts) > LONG_SENTENCE_CHARS
            else 0
        )
        if n_long:
            warnings.warn(
                f"{n_long} sentences over {LONG_SENTENCE_CHARS:,} characters (no full "
                f"stops?) were scored in pieces of up to {_PIECE_CHARS:,} characters",
                stacklevel=3,
            )
    scores = pd.DataFrame(vals, columns=COLUMNS[method])
    out = pd.concat([sents[["doc_id", "sent_id"]].reset_index(drop=True), scores], axis=1)
    if "n_hits" in out:
        out["n_hits"] = out["n_hits"].astype("int64")
    if "n_tokens" in out:
        out["n_tokens"] = out["n_tokens"].astype("int64")
    return out, corpus


def _document_level(
    sent: pd.DataFrame, corpus: pd.DataFrame, method: str, aggregate: str, threshold: float
) -> pd.DataFrame:
    t = sent["tone"]
    frame = pd.DataFrame(
        {
            "doc_id": sent["doc_id"],
            "tone": t,
            # a sentence without a score (a language the method cannot read)
            # is neither negative nor positive: NaN, so shares stay NaN too
            "neg": (t < -threshold).astype(float).where(t.notna()),
            "pos": (t > threshold).astype(float).where(t.notna()),
        }
    )
    g = frame.groupby("doc_id", sort=False)
    stats = pd.DataFrame(
        {
            "tone_mean": g["tone"].mean(),
            "tone_median": g["tone"].median(),
            "share_negative": g["neg"].mean(),
            "share_positive": g["pos"].mean(),
            "n_sentences": g.size(),
        }
    )
    if method == "dictionary":
        sums = sent.groupby("doc_id", sort=False)[["pos", "neg", "n_tokens"]].sum()
        dscores = pd.DataFrame(
            [dictionary_scores(p, n, int(k)) for p, n, k in sums.itertuples(index=False)],
            columns=COLUMNS["dictionary"],
            index=sums.index,
        ).drop(columns="tone")
        stats = stats.join(dscores)
    out = pd.DataFrame({"doc_id": corpus["doc_id"].to_numpy()})
    out = out.merge(stats, left_on="doc_id", right_index=True, how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    if method == "dictionary" and aggregate == "counts":
        out["tone"] = out["tone_relative"].where(out["pos"] + out["neg"] > 0, 0.0)
        out.loc[out["n_sentences"] == 0, "tone"] = np.nan
    else:
        col = {
            "mean": "tone_mean",
            "median": "tone_median",
            "share_negative": "share_negative",
            "share_positive": "share_positive",
        }[aggregate]
        out["tone"] = out[col]
    status = np.where(out["n_sentences"] > 0, "ok", "empty").astype(object)
    if "status" in corpus:
        src = corpus["status"].astype(str).to_numpy()
        bad = ((out["n_sentences"] == 0).to_numpy()) & (src != "ok")
        status[bad] = src[bad]
    out["status"] = status
    first = [
        "doc_id",
        "tone",
        "tone_mean",
        "tone_median",
        "share_negative",
        "share_positive",
        "n_sentences",
    ]
    return out[first + [c for c in out.columns if c not in first]]


@renamed(dictionary="lexicon", aggregate="document_method")
@keyword_only("method", "level")
def tone(
    data: pd.DataFrame | Tokens,
    *,
    method: str = "news",
    level: str = "sentence",
    lexicon: Dictionary | str | Path | Mapping | None = None,
    document_method: str = "mean",
    threshold: float = 0.05,
    negation_window: int = 3,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Tone of every sentence, or of every document as an aggregate of its sentences.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    method : {"news", "vader", "textblob", "dictionary"}, default "news"
        See the module docstring; ``"news"`` is the validated default.
    level : {"sentence", "document"}, default "sentence"
    lexicon : Dictionary, path or mapping, optional
        For ``method="dictionary"`` (before 0.4: ``dictionary=``): any dictionary with ``positive`` and
        ``negative`` categories (YAML, CSV/TSV, LIWC, Lexicoder, WordStat),
        e.g. your own copy of LSD2015. Default: the toolkit's own news
        dictionary (:func:`toolkit.measures.tone.news.news_dictionary`), which may be
        shipped; LSD2015's licence does not allow shipping it.
    document_method : {"mean", "median", "share_negative", "share_positive", "counts"}
        Which document statistic fills the ``tone`` column at document level
        (all of them are returned as columns; before 0.4: ``aggregate=``). ``"counts"`` (dictionary only)
        uses the document's summed counts: ``tone_relative`` of the article.
    threshold : float, default 0.05
        A sentence is negative when ``tone < -threshold`` and positive when
        ``tone > threshold`` (VADER's convention), for the shares.
    negation_window : int, default 3
        Dictionary method: tokens before a match searched for a negator.
    n_jobs : int, optional
        Worker processes scoring the distinct sentences: None (default) all
        cores, -1 all cores, 1 this process, k processes; under 10,000
        distinct sentences they stay in this process. Results are the same
        for any value (see ``toolkit._parallel``).

    Returns
    -------
    DataFrame
        ``level="sentence"``: one row per sentence, ``doc_id, sent_id``, then
        the method's columns (``tone`` first). ``level="document"``: one row
        per corpus document, in corpus order: ``doc_id, tone, tone_mean,
        tone_median, share_negative, share_positive, n_sentences`` (plus the
        document-level dictionary scores from summed counts), and ``status``
        (``"ok"``, or why there is no score: ``"empty"``, ``"unreadable"``);
        documents without sentences have NaN scores.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Ties have frayed. Talks resumed.", ""]})
    >>> tone(c)[["doc_id", "sent_id", "tone"]].round(3).values.tolist()
    [['doc-000001', 0, -0.746], ['doc-000001', 1, 0.0]]
    >>> tone(c, method="vader", level="document")[["tone", "n_sentences", "status"]].values.tolist()
    [[0.0, 2, 'ok'], [nan, 0, 'empty']]
    """
    _check_method(method)
    if level not in ("sentence", "document"):
        raise ValueError(f"level must be 'sentence' or 'document', not {level!r}")
    _check_aggregate(method, document_method)
    d = _as_dictionary(lexicon) if method == "dictionary" else None
    sent, corpus = _sentence_scores(data, method, d, negation_window, n_jobs)
    # VADER, TextBlob and the bundled dictionary are English (the news method
    # also reads Korean and Japanese): a document in another language would
    # score 0 ("neutral") only because no word is known. Such documents are
    # left unscored and say why.
    language = "en" if d is None else reads_language(d)
    params = {
        "method": method,
        "level": level,
        "document_method": document_method,
        "threshold": threshold,
        "negation_window": negation_window,
        "lexicon": getattr(d, "name", None),
        "language": language,
    }
    other = _unreadable(corpus, method, language)
    if other:
        cols = [c for c in COLUMNS[method] if c in sent.columns and c != "n_tokens"]
        sent.loc[sent["doc_id"].isin(other), cols] = np.nan
    if level == "sentence":
        out = attach_attrs(sent, "tone", params, n_docs=len(corpus))
        return record_unmeasured(out, _statuses(corpus, params))
    return attach_attrs(_documents(sent, corpus, params), "tone", params, n_docs=len(corpus))


def _why(params: dict[str, Any]) -> str:
    """Why the method or dictionary in ``params`` leaves another language unmeasured."""
    method, language = params["method"], params.get("language", "en")
    if method != "dictionary":
        return f"method '{method}' {_reads(method)}"
    return f"dictionary '{params['lexicon'] or 'user'}' is in '{language}'"


def _statuses(corpus: pd.DataFrame, params: dict[str, Any]) -> dict[str, str]:
    """Every document's status under the method in ``params`` (see document_statuses)."""
    reads = _NEWS_CJK if params["method"] == "news" else ()
    return document_statuses(corpus, params.get("language", "en"), _why(params), reads=reads)


def _documents(sent: pd.DataFrame, corpus: pd.DataFrame, params: dict[str, Any]) -> pd.DataFrame:
    method = params["method"]
    doc = _document_level(sent, corpus, method, params["document_method"], params["threshold"])
    language = params.get("language", "en")
    other = _unreadable(corpus, method, language)
    if other:
        hit = (doc["doc_id"].isin(other) & (doc["n_sentences"] > 0)).to_numpy()
        doc.loc[hit, "status"] = [
            not_measured(other[d], _why(params)) for d in doc.loc[hit, "doc_id"]
        ]
        # every score and count of an unmeasured document is NaN (a summed
        # dictionary count of 0 would read as "no tone words"); sizes stay
        sizes = {"doc_id", "status", "n_sentences", "n_tokens"}
        doc.loc[hit, [c for c in doc.columns if c not in sizes]] = np.nan
    return doc


@renamed(aggregate="document_method")
def document_tone(
    sentences: pd.DataFrame,
    data: pd.DataFrame | Tokens,
    *,
    document_method: str = "mean",
    threshold: float = 0.05,
) -> pd.DataFrame:
    """Document tone from sentence scores you already have, without scoring again.

    ``tone(data, method=m, level="document")`` is ``document_tone(tone(data,
    method=m), data)``; use this when you need both tables, or several
    aggregates, from one (possibly long) scoring run.

    Parameters
    ----------
    sentences : DataFrame
        What :func:`tone` returned at ``level="sentence"`` (its ``attrs``
        name the method).
    data : corpus DataFrame or Tokens
        The corpus the sentences came from: it fixes the rows (every
        document, in corpus order) and the statuses of documents without
        sentences.
    document_method, threshold
        As in :func:`tone` (before 0.4: ``aggregate=``).

    Returns
    -------
    DataFrame
        The same table as ``tone(data, method=m, level="document")``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Ties have frayed. Talks resumed.", ""]})
    >>> s = tone(c)
    >>> document_tone(s, c, document_method="share_negative")[["tone", "status"]].values.tolist()
    [[0.5, 'ok'], [nan, 'empty']]
    """
    params = dict(sentences.attrs.get("params", {}))
    method = params.get("method")
    if sentences.attrs.get("measure") != "tone" or params.get("level") != "sentence":
        raise ValueError("sentences must be what tone(..., level='sentence') returned")
    _check_aggregate(method, document_method)
    corpus = as_corpus(data)
    unknown = set(sentences["doc_id"]) - set(corpus["doc_id"])
    if unknown:
        raise ValueError(
            f"{len(unknown)} doc_id(s) in sentences are not in data, e.g. {sorted(unknown)[:3]}"
        )
    params.update(level="document", document_method=document_method, threshold=threshold)
    doc = _documents(sentences, corpus, params)
    return attach_attrs(doc, "tone", params, n_docs=len(corpus))


# --------------------------------------------------------------------------
# Tone toward a target
# --------------------------------------------------------------------------


def _target_dictionary(target: str | Sequence[str] | None) -> tuple[Dictionary, list[str]]:
    from toolkit.measures.actors import actor_lexicon

    lex = actor_lexicon()
    if target is None:
        return lex, list(lex.categories)
    wanted = [target] if isinstance(target, str) else list(target)
    codes = [t for t in wanted if t in lex.categories]
    patterns = [t for t in wanted if t not in lex.categories]
    if not patterns:
        return lex, codes
    cats = {c: lex.categories[c] for c in codes}
    excl = {c: lex.exclude[c] for c in codes if c in lex.exclude}
    meta = {c: lex.meta.get(c, {}) for c in codes}
    for p in patterns:
        cats[p] = [p]
    return Dictionary(cats, {}, excl, meta, name="targets"), codes + patterns


def _window_text(sentence: str, start: int, end: int, window: int) -> str:
    """The sentence text from ``window`` words before the span to ``window`` words after it."""
    before = re.findall(r"\S+", sentence[:start])
    after = re.findall(r"\S+", sentence[end:])
    return (
        " ".join([*before[-window:], sentence[start:end], *after[:window]])
        if window
        else (sentence)
    )


def _news_decay(method: str, window: int, decay: float) -> float:
    """The news method's distance scale; before 0.4 it was set with ``window=``."""
    if method != "news" or window == 5:
        return decay
    if decay != 5:
        raise TypeError(
            "target_tone(method='news') weighs by decay=, not window=; pass only decay="
        )
    warn_renamed(
        "target_tone(method='news', window=...) is now target_tone(decay=...): window= is the "
        "word window of the other methods; the old meaning stops working after version 0.4"
    )
    return window


# Below this many sentences target_tone stays in process (a sentence without
# a mention costs only the actor lookup).
_TARGET_PARALLEL_MIN = 20_000


def _target_rows(
    tk: Tokens,
    lex: Dictionary,
    wanted: set[str],
    other: Mapping[str, str],
    lang_of: Mapping[str, str],
    method: str,
    window: int,
    decay: float,
    rows: range,
) -> list[tuple]:
    """target_tone's mention rows for the sentences ``rows`` (a contiguous range) of ``tk``."""
    from toolkit.measures.actors import find_actors
    from toolkit.measures.tone.cjk import cjk_span_tone_score
    from toolkit.measures.tone.news import span_tone_score

    sents = tk.sentences.iloc[rows.start : rows.stop]
    out = []
    vader_windows: dict[int, str] = {}  # row of ``out`` -> text, scored at once below
    for row, (doc_id, sent_id, toks, sentence, s0) in enumerate(
        zip(
            sents["doc_id"],
            sents["sent_id"],
            sents["tokens"],
            sents["sentence"],
            sents["start"],
            strict=True,
        ),
        start=rows.start,
    ):
        hits = [h for h in find_actors(toks, lex) if h[2] in wanted]
        if not hits:
            continue
        spans = tk.token_spans(row)
        for s, e, actor, p0, p1 in hits:
            a, b = spans[s][0] - s0, spans[e - 1][1] - s0
            if p1:
                a, b = spans[s][0] - s0 + p0, spans[s][0] - s0 + p1
            if doc_id in other:
                score = np.nan
            elif method == "news" and lang_of.get(doc_id) in _NEWS_CJK:
                score = cjk_span_tone_score(sentence, a, b, lang_of[doc_id], window=decay)
            elif method == "news":
                score = span_tone_score(sentence, a, b, window=decay)
            elif method == "vader":
                vader_windows[len(out)] = _window_text(sentence, a, b, window)
                score = np.nan
            else:
                score = _SCORERS[method](_window_text(sentence, a, b, window))[0]
            out.append(
                (doc_id, int(sent_id), actor, sentence[a:b], int(s0) + a, int(s0) + b, score)
            )
    if vader_windows:
        tones = vader_scores(list(vader_windows.values()))[:, 0]
        for i, t in zip(vader_windows, tones, strict=True):
            out[i] = (*out[i][:-1], float(t))
    return out


@renamed(target="actors")
@keyword_only("actors")
def target_tone(
    data: pd.DataFrame | Tokens,
    *,
    actors: str | Sequence[str] | None = None,
    window: int = 5,
    decay: float = 5,
    method: str = "news",
    level: str = "mention",
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Tone of what is said about an actor: one score per mention, or per document.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    actors : str or list of str, optional
        Actor codes from :mod:`toolkit.measures.actors` (``"KR"``, ``"JP"``...) or
        patterns (``"Abe"``, ``"comfort women"``); default every actor
        (before 0.4: ``target=``). The output's ``target`` column names them.
    window : int, default 5
        ``method="vader"`` or ``"textblob"``: score the text from ``window``
        words before the mention to ``window`` words after it. Not used by
        ``"news"``, which weighs every word of the sentence by ``decay``.
    decay : float, default 5
        ``method="news"``: the distance scale in tokens (see
        :func:`toolkit.measures.tone.news.span_tone_score`: a sentiment word ``d``
        tokens from the mention weighs ``1 / (1 + d / decay)``, half at
        ``d = decay``, and 0.3 of that outside the mention's clause). Before
        0.4 this was ``window=`` for the news method; a ``window`` other than
        5 with ``method="news"`` still sets it, with a FutureWarning.
    method : {"news", "vader", "textblob"}, default "news"
    level : {"mention", "document"}, default "mention"
    n_jobs : int, optional
        Worker processes reading the sentences: None (default) all cores,
        -1 all cores, 1 this process, k processes; corpora under 20,000
        sentences stay in this process. The output is the same for any value
        (see ``toolkit._parallel``).

    Returns
    -------
    DataFrame
        ``level="mention"``: ``doc_id, sent_id, target, matched, start, end,
        tone`` (``start``/``end`` are offsets into the document text).
        ``level="document"``: one row per document and target, every corpus
        document included: ``doc_id, target, tone`` (mean over mentions),
        ``n_mentions``, ``status`` (``"ok"``, ``"no mention"``, or for a
        document the method cannot read ``"empty"``, ``"unreadable"``,
        ``"not measured: ..."`` with NA ``n_mentions`` and tone).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Seoul praised the talks, but Tokyo angered its neighbours."]})
    >>> t = target_tone(c, actors=["KR", "JP"])
    >>> t[["target", "matched"]].values.tolist(), bool(t.tone.iloc[0] > 0 > t.tone.iloc[1])
    ([['KR', 'Seoul'], ['JP', 'Tokyo']], True)
    """
    if method not in ("news", "vader", "textblob"):
        raise ValueError(
            f"target_tone method must be 'news', 'vader' or 'textblob', not {method!r}"
        )
    if level not in ("mention", "document"):
        raise ValueError(f"level must be 'mention' or 'document', not {level!r}")
    decay = _news_decay(method, window, decay)
    resolve_n_jobs(n_jobs)  # a bad n_jobs fails also on a small corpus
    tk = as_tokens(data)
    lex, targets = _target_dictionary(actors)
    wanted = set(targets)
    other = _unreadable(tk.corpus, method, "en")  # what the method cannot read
    lang_of = dict(zip(tk.corpus["doc_id"], tk.corpus["language"], strict=True))
    rows = run_chunks(
        _target_rows,
        range(len(tk.sentences)),
        head=(tk, lex, wanted, other, lang_of, method, window, decay),
        n_jobs=n_jobs,
        min_items=_TARGET_PARALLEL_MIN,
    )
    cols = ["doc_id", "sent_id", "target", "matched", "start", "end", "tone"]
    out = pd.DataFrame(rows, columns=cols)
    params = {
        "actors": targets,
        "window": window,
        "decay": decay,
        "method": method,
        "level": level,
    }
    statuses = _statuses(tk.corpus, {**params, "language": "en"})
    if level == "mention":
        out = attach_attrs(out, "target_tone", params, n_docs=len(tk.doc_ids))
        return record_unmeasured(out, statuses)
    g = out.groupby(["doc_id", "target"], sort=False)["tone"].agg(["mean", "size"])
    grid = pd.MultiIndex.from_product([tk.doc_ids, targets], names=["doc_id", "target"])
    doc = g.reindex(grid).reset_index().rename(columns={"mean": "tone", "size": "n_mentions"})
    doc["n_mentions"] = doc["n_mentions"].fillna(0).astype("Int64")
    doc["status"] = np.where(doc["n_mentions"] > 0, STATUS_OK, STATUS_NO_MENTION)
    # A document the method cannot read (no text, or a language it does not
    # score) has NA mentions and tone, and says why, found mentions or not.
    why = doc["doc_id"].map(statuses)
    unread = (why != STATUS_OK).to_numpy()
    doc.loc[unread, "status"] = why[unread]
    doc.loc[unread, "tone"] = np.nan
    doc.loc[unread, "n_mentions"] = pd.NA
    return attach_attrs(doc, "target_tone", params, n_docs=len(tk.doc_ids))
