"""The numpy side of the news tone measure (:mod:`toolkit.measures.tone.news`).

:func:`news.news_tone_scores` scores thousands of sentences at once. Their
text becomes bytes whose blank-separated chunks are the tokens
(:func:`_blanked`); each chunk gets an integer id through a hash table of
numpy arrays (:class:`_KeyTable`), and each id has the flag bits and valence
of its token record (``news._Words``). :func:`_score_ids` then applies every
rule of the measure to all tokens of the batch together, and adds each
sentence's hits strictly left to right (:func:`_running_sums`), so that the
numbers equal :func:`news.news_tone_score`'s, which scores one sentence in
plain Python. The flag bits below are the vocabulary both paths share.

``st`` below is a ``news._Words`` (token records for one lexicon) and
``params`` a ``news.NewsToneParams``; this module does not import ``news``,
which imports it.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

# What a token is, as bits of one int, so scoring a sentence reads one small
# record per token instead of testing it against a dozen word sets.
_ALPHA = 1  # a word (starts with a letter)
_CAP = 2  # capitalised, not all capitals: a name unless it starts a sentence
_END = 4  # . ! ? : (the next word starts a sentence)
_STOP = 8  # clause break or contrast word: ends the search for a negator
_CONTRAST = 16
_NEGATOR = 32
_NEGWORD = 64  # a negation word proper, which carries tone of its own
_BOOST = 128
_DAMP = 256
_VALENCE = 512  # a lexicon word (after inflection and derivation rules), valence != 0
_BIGRAM = 1024  # first word of a two-word lexicon entry
_SECOND = 2048  # second word of a two-word lexicon entry
_EDGE = 4096  # the boundary before and after each sentence of a batch (never a token)
_SPLIT = 8192  # a byte chunk that news._FAST_TOKEN reads as some other number of tokens:
_DROP = 16384  # none ("-", "'")
_MANY = 32768  # two or more ("a-b'c"); with neither bit, one ("officials'")
_BOUND = _EDGE | _STOP | _END  # a boundary ends a clause and a sentence, and is no word
_LOOKED_AT = _STOP | _NEGATOR | _BOOST | _DAMP  # what the negator search reads
_MARKED = _VALENCE | _BIGRAM | _CONTRAST | _NEGWORD  # tokens a sentence's score starts from
_RARE = _CONTRAST | _NEGWORD


# by chunk length (16 for longer): which bytes of each key word belong to the chunk
_LOW_MASK = np.array([(1 << (8 * min(n, 8))) - 1 for n in range(17)], dtype=np.uint64)
_HIGH_MASK = np.array([(1 << (8 * max(n - 8, 0))) - 1 for n in range(17)], dtype=np.uint64)
_MIX1, _MIX2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)


def _spans(b: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of each run of non-blank bytes of ``b`` (blanks: only 32),
    which must begin and end with a blank."""
    solid = np.frombuffer(b, dtype=np.uint8) != 32
    # blank at both ends: the changes alternate start, end, start, ...
    edges = np.flatnonzero(solid[1:] != solid[:-1]) + 1
    return edges[0::2], edges[1::2]


def _keys(b: bytes, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each chunk's first 16 bytes as two little-endian words, zero past its end:
    the chunk itself for a chunk of at most 16 bytes (none of its bytes is 0)."""
    padded = b + bytes(16)
    words = np.ndarray(shape=(len(b) + 9,), dtype="<u8", buffer=padded, strides=(1,))
    n = np.minimum(ends - starts, 16)
    return words[starts] & _LOW_MASK[n], words[starts + 8] & _HIGH_MASK[n]


class _KeyTable:
    """Chunk keys (:func:`_keys`) to ids in an open-addressing hash table of numpy
    arrays, so that a batch's chunks are looked up without a bytes object and a
    dict look-up each. Keys are compared whole, so a hit is exact."""

    def __init__(self, bits: int = 12) -> None:
        self.bits = bits
        self.k1 = np.zeros(1 << bits, dtype=np.uint64)
        self.k2 = np.zeros(1 << bits, dtype=np.uint64)
        self.id = np.full(1 << bits, -1, dtype=np.intp)
        self.n = 0

    def _slots(self, k1: np.ndarray, k2: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            h = k1 * _MIX1 + k2 * _MIX2
        return (h >> np.uint64(64 - self.bits)).view(np.int64)  # < 2 ** bits

    def lookup(self, k1: np.ndarray, k2: np.ndarray) -> np.ndarray:
        """The id of each key, -1 where it is not in the table."""
        wrap = (1 << self.bits) - 1
        slot = self._slots(k1, k2)
        # the first probe for all keys at once (most end there), the next ones
        # for the keys that met another key's slot
        got = self.id[slot]
        hit = (got >= 0) & (self.k1[slot] == k1) & (self.k2[slot] == k2)
        out = np.where(hit, got, -1)
        todo = np.flatnonzero(~hit & (got >= 0))
        slot[todo] = (slot[todo] + 1) & wrap
        while len(todo):
            s = slot[todo]
            got = self.id[s]
            hit = (got >= 0) & (self.k1[s] == k1[todo]) & (self.k2[s] == k2[todo])
            out[todo[hit]] = got[hit]
            todo = todo[~hit & (got >= 0)]  # another key's slot: probe the next one
            slot[todo] = (slot[todo] + 1) & wrap
        return out

    def insert(self, k1: np.ndarray, k2: np.ndarray, ids: np.ndarray) -> None:
        """Add distinct keys that are not in the table yet."""
        if (self.n + len(k1)) * 2 > len(self.id):  # at most half full: short probes
            old = np.flatnonzero(self.id >= 0)
            kept = self.k1[old], self.k2[old], self.id[old]
            bits = self.bits
            while (self.n + len(k1)) * 2 > (1 << bits):
                bits += 1
            self.__init__(bits)
            self._place(*kept)
        self._place(k1, k2, ids)

    def _place(self, k1: np.ndarray, k2: np.ndarray, ids: np.ndarray) -> None:
        wrap = (1 << self.bits) - 1
        slot = self._slots(k1, k2)
        todo = np.arange(len(k1))
        while len(todo):
            free = todo[self.id[slot[todo]] < 0]
            # of the keys aiming at one free slot, the first takes it
            _, first = np.unique(slot[free], return_index=True)
            won = free[first]
            self.k1[slot[won]], self.k2[slot[won]], self.id[slot[won]] = k1[won], k2[won], ids[won]
            self.n += len(won)
            placed = np.zeros(len(k1), dtype=bool)
            placed[won] = True
            todo = todo[~placed[todo]]
            slot[todo] = (slot[todo] + 1) & wrap


# The batch path reads bytes. news._FAST_TOKEN's tokens are ASCII letters joined by
# apostrophes and hyphens, and single punctuation marks. On UTF-8 bytes, once
# the three-byte marks are replaced by ASCII ones with the same token records
# (’ by ', “ and ” by ", — and – by --), the punctuation is spaced out and
# every other byte blanked, bytes.split() finds the tokens in C. A chunk that
# the regex reads otherwise ("officials'", "-b", "a-b'c") is split by the
# regex itself, once per distinct chunk (``news._Words._id``).
_WIDE = {
    b"\xe2\x80\x99": b"'",
    b"\xe2\x80\x9c": b'"',
    b"\xe2\x80\x9d": b'"',
    b"\xe2\x80\x94": b" -- ",
    b"\xe2\x80\x93": b" -- ",
}
# one pass for all five (five bytes.replace passes cost three times as much)
_WIDE_MARK = re.compile(rb"\xe2\x80[\x93\x94\x99\x9c\x9d]")
# "--" first: str.replace reads "---" as "--" and "-", as the regex does
_SPACED = tuple((m, b" " + m + b" ") for m in (b"--", *(bytes([c]) for c in b'.,;:!?()"')))
_KEPT = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-.,;:!?()\"")
_BLANK_OTHERS = bytes(c if c in _KEPT else 32 for c in range(256))


def _narrow(m: re.Match) -> bytes:
    return _WIDE[m.group()]


def _blanked(text: str) -> bytes:
    """``text`` as ASCII bytes whose runs of non-blank bytes are the tokens of
    ``news._FAST_TOKEN.findall(text)``, but for chunks that :meth:`news._Words.ids` splits
    (see ``_WIDE`` above)."""
    b = text.encode("utf-8", "surrogatepass")
    if not b.isascii():
        b = _WIDE_MARK.sub(_narrow, b)
    for old, new in _SPACED:
        b = b.replace(old, new)
    return b.translate(_BLANK_OTHERS)


# Hits per sentence added as numpy columns; a sentence with more adds the rest in Python.
_COLUMNS = 32
_DIVISORS: dict[tuple[float, float], np.ndarray] = {}


def _running_sums(
    vals: np.ndarray, sents: np.ndarray, n_sent: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per-sentence sums of ``vals`` (``sents`` non-decreasing), each added strictly
    left to right from 0 like Python 3.11's ``sum()``, and the number of values.

    numpy's own sums (``add.reduce``, ``reduceat``) add pairwise, which can differ
    in the last bits; here column ``k`` adds the ``k``-th value of every sentence
    at once, so each sentence's total is built in its own order."""
    acc = np.zeros(n_sent)
    counts = np.bincount(sents, minlength=n_sent)
    if not len(vals):
        return acc, counts
    first = np.cumsum(counts) - counts
    rank = np.arange(len(vals)) - first[sents]
    order = np.argsort(rank, kind="stable")
    edges = np.cumsum(np.bincount(rank))
    at = 0
    for k in range(min(len(edges), _COLUMNS)):
        col = order[at : edges[k]]
        acc[sents[col]] += vals[col]
        at = edges[k]
    if len(edges) > _COLUMNS:
        for s in np.flatnonzero(counts > _COLUMNS).tolist():
            total = acc[s].item()
            for v in vals[first[s] + _COLUMNS : first[s] + counts[s]].tolist():
                total += v
            acc[s] = total
    return acc, counts


def _length_divisors(n_words: np.ndarray, params: Any) -> np.ndarray:
    """``(n / length_ref) ** length_power`` for each ``n``, computed by Python's own
    power (numpy's may differ in the last bit) and kept for small ``n``."""
    key = (params.length_ref, params.length_power)
    table = _DIVISORS.get(key)
    top = int(n_words.max())
    if table is None or top >= len(table):
        size = max(256, 1 << top.bit_length()) if top < 65_536 else 0
        if size:
            table = _DIVISORS[key] = np.array(
                [(n / params.length_ref) ** params.length_power for n in range(size)]
            )
        else:  # a run-on "sentence": no table that large
            return np.array(
                [(n / params.length_ref) ** params.length_power for n in n_words.tolist()]
            )
    return table[n_words]


def _score_ids(
    ids: np.ndarray, st: Any, params: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(score, pos, neg, n)`` arrays of the sentences in ``ids`` (token ids, each
    sentence between two boundaries, id 0): every rule of :func:`_hits`, applied
    to all tokens of the batch at once."""
    F = st.flag_of[ids]
    edges = np.flatnonzero(F & _EDGE)
    n_sent = len(edges) - 1
    marked = np.flatnonzero(F & _MARKED)
    fm = F[marked]
    # raw hits: lexicon words, then the two-word entries, which take both words
    hits = marked[(fm & _VALENCE) != 0]
    vals = st.value_of[ids[hits]]
    pairs = marked[(fm & _BIGRAM) != 0]
    pairs = pairs[(F[pairs + 1] & _SECOND) != 0]  # never past the end: it is a boundary
    named = np.ones(len(hits), dtype=bool)  # hits the names rule applies to
    if len(pairs):
        low_of, taken, taken_v, last = st.low_of, [], [], -2
        for i, a, b in zip(
            pairs.tolist(), ids[pairs].tolist(), ids[pairs + 1].tolist(), strict=True
        ):
            if i == last + 1:  # the second word of the entry just taken
                continue
            v = st.bigrams.get((low_of[a], low_of[b]))
            if v is not None:
                taken.append(i)
                taken_v.append(v)
                last = i
        if taken:
            at = np.array(taken, dtype=np.intp)
            keep = ~(np.isin(hits, at) | np.isin(hits, at + 1))
            hits = np.concatenate([hits[keep], at])
            order = np.argsort(hits, kind="stable")
            hits = hits[order]
            vals = np.concatenate([vals[keep], taken_v])[order]
            named = np.concatenate([named[keep], np.zeros(len(at), dtype=bool)])[order]
    if params.names_neutral and len(hits):
        # a capitalised word is a name unless the last word or . ! ? : before it
        # (or the sentence's start, a boundary) is . ! ? :
        cap = np.flatnonzero(named & ((F[hits] & _CAP) != 0))
        if len(cap):
            anchors = np.flatnonzero(F & (_ALPHA | _END))
            before = anchors[np.searchsorted(anchors, hits[cap]) - 1]
            name = cap[(F[before] & _END) == 0]
            if len(name):
                keep = np.ones(len(hits), dtype=bool)
                keep[name] = False
                hits, vals = hits[keep], vals[keep]
    sent = np.searchsorted(edges, hits) - 1
    n_raw = np.bincount(sent, minlength=n_sent)
    # negators, boosters and dampeners before each hit, within its clause
    negated = np.zeros(len(hits), dtype=bool)
    boosted = damped = negated
    alive = np.ones(len(hits), dtype=bool)
    for d in range(1, params.negation_window + 1):
        if not alive.any():
            break
        f = F[np.maximum(hits - d, 0)]
        alive &= (f & _STOP) == 0
        neg_here = alive & ((f & _NEGATOR) != 0)
        negated = negated | neg_here
        if d == 1:
            boosted = alive & ~neg_here & ((f & _BOOST) != 0)
            damped = alive & ~neg_here & ~boosted & ((f & _DAMP) != 0)
    # the factors in this order: floating-point products depend on it
    mod = np.where(boosted, vals * (1 + params.booster), vals)
    mod = np.where(damped, mod * (1 - params.dampener), mod)
    mod = np.where(negated, mod * params.negation, mod)
    # contrast: the first contrast word after a sentence's first token
    contrast = marked[(fm & _CONTRAST) != 0]
    contrast = contrast[(F[contrast - 1] & _EDGE) == 0]
    if len(contrast) and len(hits):
        cs = np.searchsorted(edges, contrast) - 1
        first = np.ones(len(contrast), dtype=bool)
        first[1:] = cs[1:] != cs[:-1]
        at_of = np.full(n_sent, -1)
        at_of[cs[first]] = contrast[first]
        at = at_of[sent]
        factor = np.where(hits < at, params.contrast_before, params.contrast_after)
        mod = np.where(at >= 0, mod * factor, mod)
    is_pos, is_neg = mod > 0, mod < 0
    pos, n_pos = _running_sums(mod[is_pos], sent[is_pos], n_sent)
    neg, _ = _running_sums(mod[is_neg], sent[is_neg], n_sent)
    nv = params.negator_valence
    negwords = marked[(fm & _NEGWORD) != 0]
    if nv and len(negwords) and len(hits):
        # each negation word of a sentence with hits adds nv after its other hits
        count = np.bincount(np.searchsorted(edges, negwords) - 1, minlength=n_sent)
        count[n_raw == 0] = 0
        acc = pos if nv > 0 else neg
        for k in range(int(count.max())):
            acc[count > k] += nv
    neg *= params.negative_weight
    total = pos + neg
    if params.length_power:
        nz = np.flatnonzero(total)
        if len(nz):
            n_alpha = np.cumsum(F & _ALPHA)[edges]
            n_words = np.maximum(1, n_alpha[1:] - n_alpha[:-1])[nz]
            total[nz] = total[nz] / _length_divisors(n_words, params)
    score = np.where(total != 0, total / np.sqrt(total * total + params.alpha), 0.0)
    return score, pos, neg, n_raw
