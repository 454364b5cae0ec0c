"""Sentences and word tokens for news text, offline and fast.

The toolkit tokenizes a corpus once (:func:`tokenize`) and every measure reuses
the resulting :class:`Tokens`. Three steps run per document:

1. **Sentences** (:mod:`toolkit.tokens.sentences`). A rule-based splitter written
   for news copy that handles titles, initials, "U.S." and quotes, and needs
   no data (a fresh NLTK splits "The U.S. and Japan will" after "U.S.").
2. **Words** follow the Penn Treebank conventions of NLTK's
   ``NLTKWordTokenizer``: clitics split (``Japan 's``, ``do n't``), hyphenated
   words, numbers with commas/decimals and abbreviations with inner periods
   kept whole, a sentence-final full stop split off. Two deliberate
   differences: quotation marks keep their own character instead of becoming
   ``\u0060\u0060``/``''``, and em dashes are split off. ``benchmarks/tokenize.py``
   measures agreement with NLTK (over 99% of tokens) and speed.
3. **Multi-word expressions** ("North Korea", "comfort women") are joined into
   one token with ``_`` ("North_Korea") before anything is counted, so "North
   Korea" can never be counted as "Korea". Matching ignores case and line
   breaks; :meth:`Tokens.token_spans` maps tokens back to the text.

Korean and Japanese documents (the corpus ``language`` column) go through a
morphological analyser instead (:mod:`toolkit.text.morphology`: kiwipiepy for
Korean, or MeCab with mecab-ko-dic with ``korean="mecab"``; fugashi + UniDic
for Japanese). Their tokens are morphemes as the
analyser writes them (독도는 -> 독도 + 는; 使われた -> 使わ + れ + た), and the
sentence table also holds each token's lemma and part of speech (columns
``lemmas`` and ``tags``; ``None`` for other languages). With
``stopwords=True`` the filters drop particles, endings, auxiliaries and other
function tokens by part of speech, plus the short lists in
``toolkit/data/stopwords_ko.txt`` and ``stopwords_ja.txt``, so keyness and
frequencies count content words. :func:`register_tokenizer` replaces the
tokenizer of any language code without touching any measure.
"""

from __future__ import annotations

import functools
import gc
import pickle
import re
import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, count
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit._parallel import map_chunks, resolve_n_jobs
from toolkit.data import data_path, read_yaml
from toolkit.text.morphology import ANALYSED_LANGUAGES, KOREAN_ENGINES, analyse, is_content
from toolkit.text.morphology import columns as morph_columns
from toolkit.tokens.caches import _CACHES, text_cache
from toolkit.tokens.sentences import sentence_bounds, split_sentences

__all__ = [
    "Tokens",
    "as_corpus",
    "as_sentences",
    "as_tokens",
    "default_mwes",
    "default_stopwords",
    "register_tokenizer",
    "split_sentences",
    "token_filter",
    "tokenize",
    "word_tokenize",
]

# --------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------

_CLITIC = r"(?:[sSmMdD]|ll|LL|re|RE|ve|VE)"
_WORD_RE = re.compile(
    rf"""
      \w+?(?=n['’]t\b)                       # stem before n't: "do" in "don't"
    | n['’]t\b                               # the n't clitic
    | ['’]{_CLITIC}\b                        # 's 're 've 'll 'd 'm
    | (?:[A-Za-z]\.){{2,}}(?![A-Za-z])      # U.S. a.m. (inner and final period)
    | \w+(?:(?:[-+/&.]|,(?=\d)|['’](?!{_CLITIC}\b|t\b))\w+)*(?:\.(?![.\w]))?  # words, 28,000

    | \.\.\.+ | -- | [^\w\s]                 # ellipsis, double dash, any other symbol
    """,
    re.VERBOSE,
)
_CLOSERS = frozenset(['"', "'", "”", "’", ")", "]", "}", "»"])


# A word with one of these after it ("said,", "Korea)") is two tokens; with
# one of _OPENING before it ("(Seoul", "“The") too. Word characters are what
# the pattern's \w matches (str.isalnum, as the pattern's docs say), so these
# shapes, the commonest beside bare words, skip the pattern, as do a word
# with a full stop or a possessive 's after it; other apostrophes and stops
# stay with the pattern (clitics, abbreviations).
_TRAILING = frozenset(',;:!?)]}"”')
_OPENING = frozenset('([{"“')
_POSSESSIVE = ("'s", "’s")


def _piece_words(piece: str) -> tuple[str, ...]:
    """The word tokens of one whitespace-free piece of a sentence, interned."""
    intern = sys.intern
    if piece.isalnum():  # all word characters: the pattern takes it whole
        return (intern(piece),)
    first, last = piece[0], piece[-1]
    if last == "." and piece[:-1].isalnum():  # "said.": the stop stays (see _words_en)
        return (intern(piece),)
    if piece[-2:] in _POSSESSIVE and piece[:-2].isalnum():  # "Korea's"
        return intern(piece[:-2]), intern(piece[-2:])
    if last in _TRAILING:
        if piece[:-1].isalnum():
            return intern(piece[:-1]), intern(last)
        if first in _OPENING and piece[1:-1].isalnum():
            return intern(first), intern(piece[1:-1]), intern(last)
    elif first in _OPENING and piece[1:].isalnum():
        return intern(first), intern(piece[1:])
    return tuple(map(intern, _WORD_RE.findall(piece)))


class _PieceMemo(dict):
    """Piece -> its tokens; a plain dict (faster to consult than an LRU cache),
    emptied when full and by :func:`toolkit.tokens.caches.clear_caches`."""

    limit = 200_000
    # Whether the last document brought pieces not memoised yet. While
    # documents do (a new corpus, rare words), tokenize starts with the path
    # that memoises as it goes rather than trying the all-known path first;
    # both give the same tokens.
    cold = False

    def cache_clear(self) -> None:
        self.clear()


_PIECES = _PieceMemo()
_CACHES.append(_PIECES)


def _words_en(sentence: str) -> list[str]:
    # No token contains whitespace, and the pattern's look-arounds see a space
    # and the end of the text alike, so a sentence's tokens are those of its
    # whitespace-separated pieces in turn. Pieces recur ("the", "said,"), and
    # each is matched once; the rest is C-level look-ups.
    pieces = sentence.split()
    found = list(map(_PIECES.get, pieces))
    if None in found:
        if len(_PIECES) > _PIECES.limit:
            _clear_pieces()
        for i, got in enumerate(found):
            if got is None:
                found[i] = _PIECES[pieces[i]] = _piece_words(pieces[i])
    toks = list(chain.from_iterable(found))
    # NLTK splits the final full stop of a sentence off its last word, and
    # only that one ("Mr." inside a sentence keeps its period).
    i = len(toks) - 1
    while i >= 0 and toks[i] in _CLOSERS:
        i -= 1
    if i >= 0:
        last = toks[i]
        if len(last) > 1 and last.endswith(".") and not last.endswith(".."):
            toks[i : i + 1] = [sys.intern(last[:-1]), "."]
    return toks


def _final_words(toks: tuple[str, ...]) -> tuple[str, ...] | bool:
    """``toks`` as the last tokens of a sentence (the rule of :func:`_words_en`),
    or False when they are all closers."""
    i = len(toks) - 1
    while i >= 0 and toks[i] in _CLOSERS:
        i -= 1
    if i < 0:
        return False
    last = toks[i]
    if len(last) > 1 and last.endswith(".") and not last.endswith(".."):
        return (*toks[:i], sys.intern(last[:-1]), ".", *toks[i + 1 :])
    return toks


def _words_ko(sentence: str) -> list[str]:
    return [m.form for m in analyse(sentence, "ko")]


def _words_ja(sentence: str) -> list[str]:
    return [m.form for m in analyse(sentence, "ja")]


_TOKENIZERS: dict[str, Callable[[str], list[str]]] = {
    "en": _words_en,
    "ko": _words_ko,
    "ja": _words_ja,
}
# Languages tokenized by the morphological analyser (with lemmas and tags);
# registering another tokenizer for one of them takes it off this set.
_ANALYSED: set[str] = set(ANALYSED_LANGUAGES)
# Marks a function token (particle, ending ...) in the strings handed to
# token_filter, so that stopwords=True can drop it by part of speech.
_FUNCTION = "\x1f"
# Separates a Korean/Japanese token's form from its lemma in those strings,
# so that stem="lemma" can count the analyser's lemma (使わ -> 使う).
_LEMMA = "\x1e"


def register_tokenizer(language: str, func: Callable[[str], list[str]]) -> None:
    """Use ``func(sentence) -> list of str`` for documents in ``language``.

    This is how a Korean or Japanese morphological analyser (kiwipiepy,
    fugashi, janome) plugs in; the measures do not change. Registering
    clears the tokenization cache.

    Examples
    --------
    >>> register_tokenizer("xx", str.split)
    >>> word_tokenize("a b", language="xx")
    ['a', 'b']
    """
    _TOKENIZERS[language] = func
    _ANALYSED.discard(language)
    _tokenize_text.cache_clear()


def word_tokenize(sentence: str, language: str = "en") -> list[str]:
    """Split one sentence into Penn-Treebank-style word tokens.

    Examples
    --------
    >>> word_tokenize("Tokyo's claims don't help, said Mr. Kim in the U.S.")
    ['Tokyo', "'s", 'claims', 'do', "n't", 'help', ',', 'said', 'Mr.', 'Kim', 'in', 'the', 'U.S', '.']
    """
    return _TOKENIZERS.get(language, _words_en)(sentence)


# --------------------------------------------------------------------------
# Multi-word expressions and stopwords
# --------------------------------------------------------------------------


def _read_word_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@functools.lru_cache(maxsize=1)
def default_stopwords() -> frozenset[str]:
    """The bundled English stopword list (``toolkit/data/stopwords_en.txt``).

    Examples
    --------
    >>> "the" in default_stopwords(), "not" in default_stopwords()
    (True, False)
    """
    return frozenset(_read_word_list(data_path("stopwords_en.txt")))


def _flatten_yaml(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [w for v in obj.values() for w in _flatten_yaml(v)]
    if isinstance(obj, list):
        return [w for v in obj for w in _flatten_yaml(v)]
    return []


@functools.lru_cache(maxsize=1)
def default_mwes() -> tuple[str, ...]:
    """The bundled multi-word expressions (``toolkit/data/mwes.yaml``).

    Examples
    --------
    >>> "North Korea" in default_mwes()
    True
    """
    with open(data_path("mwes.yaml"), encoding="utf-8") as fh:
        return tuple(dict.fromkeys(_flatten_yaml(read_yaml(fh))))


def _load_mwes(mwes: Iterable[str] | str | Path | None) -> tuple[str, ...]:
    if mwes is None:
        return default_mwes()
    if isinstance(mwes, (str, Path)):
        with open(mwes, encoding="utf-8") as fh:
            return tuple(_flatten_yaml(read_yaml(fh)))
    return tuple(mwes)


def _join_tokens(parts: Sequence[str]) -> str:
    """Join the tokens of an expression with ``_``; clitics attach directly."""
    out = parts[0]
    for p in parts[1:]:
        out += p if p[:1] in ("'", "’") or p.lower() in ("n't", "n’t") else "_" + p
    return out


@functools.lru_cache(maxsize=16)
def _mwe_index(mwes: tuple[str, ...]) -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """First token -> the expressions (as lower-case token tuples) it can start, longest first."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for m in mwes:
        toks = tuple(t.lower() for t in _words_en(m.strip()))
        if len(toks) > 1:
            by_first.setdefault(toks[0], set()).add(toks)
    index = {k: sorted(v, key=lambda t: (-len(t), t)) for k, v in by_first.items()}
    return frozenset(index), index


def _merge_mwes(toks: list[str], mwes: tuple[str, ...]) -> list[str]:
    """Replace runs of tokens that form an expression by one ``_``-joined token
    (interned); the first match from the left wins, the longest first."""
    return _merge_indexed(toks, *_mwe_index(mwes))


def _merge_indexed(
    toks: list[str], firsts: frozenset[str], index: dict[str, list[tuple[str, ...]]]
) -> list[str]:
    """:func:`_merge_mwes` with the expressions' index already looked up."""
    if not firsts:
        return toks
    low = list(map(str.lower, toks))
    if firsts.isdisjoint(low):
        return toks
    out: list[str] = []
    pos = 0  # tokens before pos are in out
    for i in [i for i, t in enumerate(low) if t in firsts]:
        if i < pos:  # inside an expression already joined
            continue
        for cand in index[low[i]]:
            k = len(cand)
            if tuple(low[i : i + k]) == cand:
                out.extend(toks[pos:i])
                out.append(sys.intern(_join_tokens(toks[i : i + k])))
                pos = i + k
                break
    if not pos:
        return toks
    out.extend(toks[pos:])
    return out


class _MweFlags:
    """What one set of expression first words says about the pieces seen so
    far: ``known`` pieces, the ``hits`` among them (a token of the piece, or
    of the piece ending a sentence, is a first word in lower case), and
    ``firsts_as_written``: those tokens as written. Every token of a sentence
    is a token of one of its pieces or of its last piece's final form, so a
    sentence without a hit piece has nothing to merge."""

    __slots__ = ("firsts", "known", "hits", "firsts_as_written")

    def __init__(self, firsts: frozenset[str]) -> None:
        self.firsts = firsts
        self.known: set[str] = set()
        self.hits: set[str] = set()
        self.firsts_as_written: set[str] = set()

    def learn(self, pieces: Collection[str]) -> None:
        """Learn ``pieces``, all of them in the piece memo."""
        firsts, lower = self.firsts, str.lower
        self.known.update(pieces)
        # Most pieces hold no first word: one look at all their tokens in
        # lower case, and at them without a final full stop (what the final
        # rule may split off), settles that without a step per piece. Tokens
        # hold no space, and a space ends a word for lower() as the end of a
        # token does.
        toks = chain.from_iterable(filter(None, map(_PIECES.__getitem__, pieces)))
        joined = " ".join(toks).lower() + " "
        if firsts.isdisjoint(joined.split(" ")) and firsts.isdisjoint(
            joined.replace(". ", " ").split(" ")
        ):
            return
        for piece in pieces:
            toks = _PIECES[piece]
            if not toks:  # a last piece of closers only
                continue
            if piece[-1] != _LAST and "." in piece:
                # the tokens it gives when a sentence ends after it and a
                # piece of closers only
                toks = (*toks, *(_final_words(toks) or ()))
            if len(toks) == 1:
                if toks[0].lower() not in firsts:
                    continue
            elif firsts.isdisjoint(map(lower, toks)):
                continue
            self.hits.add(piece)
            self.firsts_as_written.update(t for t in toks if t.lower() in firsts)


class _FlagMemo(dict):
    """firsts -> :class:`_MweFlags`; emptied by :func:`toolkit.tokens.caches.clear_caches`."""

    def cache_clear(self) -> None:
        self.clear()


_FLAGS = _FlagMemo()
_CACHES.append(_FLAGS)


def _clear_pieces() -> None:
    """Empty the piece memo and, with it, what is known about its pieces."""
    _PIECES.clear()
    _FLAGS.clear()


def _flags(firsts: frozenset[str]) -> _MweFlags:
    """The flags of ``firsts``, knowing every piece in the piece memo.

    The flags learn only pieces in the memo, and are emptied with it, so
    they know every piece of it exactly when they know as many: learning the
    rest is needed only when pieces were memoised outside :func:`_en_doc_tokens`
    (:func:`word_tokenize`) or for a new set of expressions.
    """
    flags = _FLAGS.get(firsts)
    if flags is None:
        if len(_FLAGS) >= 16:  # as many sets of expressions as _mwe_index keeps
            _FLAGS.clear()
        flags = _FLAGS[firsts] = _MweFlags(firsts)
    if len(flags.known) != len(_PIECES):
        flags.learn(_PIECES.keys() - flags.known)
    return flags


@functools.lru_cache(maxsize=16)
def _mwe_pairs(mwes: tuple[str, ...]) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """First token -> second token -> the expressions starting with both, in
    the order of :func:`_mwe_index` (every expression has two tokens or more)."""
    pairs: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for first, cands in _mwe_index(mwes)[1].items():
        by_second = pairs[first] = {}
        for cand in cands:
            by_second.setdefault(cand[1], []).append(cand)
    return pairs


def _merge_known(
    toks: list[str], as_written: set[str], pairs: dict[str, dict[str, list[tuple[str, ...]]]]
) -> list[str]:
    """:func:`_merge_indexed` when ``as_written`` holds every token of ``toks``
    whose lower case is a first word: only those positions are looked at, and
    only the expressions whose second word follows."""
    starts = list(compress(count(), map(as_written.__contains__, toks)))
    out: list[str] = []
    pos = 0  # tokens before pos are in out
    n = len(toks)
    for i in starts:
        if i < pos or i + 1 == n:  # inside an expression already joined, or last
            continue
        for cand in pairs[toks[i].lower()].get(toks[i + 1].lower(), ()):
            k = len(cand)
            if tuple(map(str.lower, toks[i : i + k])) == cand:
                out.extend(toks[pos:i])
                out.append(sys.intern(_join_tokens(toks[i : i + k])))
                pos = i + k
                break
    if not pos:
        return toks
    out.extend(toks[pos:])
    return out


# The last piece of a sentence is looked up with this mark after it, under
# which the piece memo holds its tokens with the sentence-final rule applied
# (or False when they are all closers): no piece holds a space, so the marked
# key never meets a piece of the middle of a sentence.
_LAST = " "


def _en_doc_tokens(
    sents: list[str], mwes: tuple[str, ...], firsts: frozenset[str]
) -> list[list[str]]:
    """``_merge_indexed(_words_en(s), *_mwe_index(mwes))`` for each sentence
    ``s`` of a document, in one pass over its pieces through the piece memo
    instead of several Python steps per sentence.

    A sentence's tokens are those of its pieces in turn, the last one marked
    (:data:`_LAST`) so that the memo gives it with the final rule applied. A
    sentence whose last piece is all closers goes through :func:`_words_en`.
    Only sentences with a piece that holds an expression's first word go
    through the merge.
    """
    piece_lists = list(map(str.split, sents))
    for pl in piece_lists:
        if pl:
            pl[-1] += _LAST
    get = _PIECES.get
    if _PIECES.cold:
        # the last document brought new pieces: so will this one, likely
        out = _en_doc_slow(sents, piece_lists)
    else:
        try:
            # a piece not memoised yet gives None, a last piece of closers
            # False: chain cannot iterate either
            out = [list(chain.from_iterable(map(get, pl))) for pl in piece_lists]
        except TypeError:
            out = _en_doc_slow(sents, piece_lists)
    if not firsts:
        return out
    hits = _flags(firsts).hits
    if hits.isdisjoint(chain.from_iterable(piece_lists)):
        return out
    as_written = _FLAGS[firsts].firsts_as_written
    pairs = _mwe_pairs(mwes)
    for j, pl in enumerate(piece_lists):
        if not hits.isdisjoint(pl):
            out[j] = _merge_known(out[j], as_written, pairs)
    return out


def _en_doc_slow(sents: list[str], piece_lists: list[list[str]]) -> list[list[str]]:
    """:func:`_en_doc_tokens` for a document with pieces not memoised yet or a
    sentence whose last piece is all closers: sentence by sentence, memoising
    each new piece (a last one with the final rule applied)."""
    if len(_PIECES) > _PIECES.limit:
        _clear_pieces()
    before = len(_PIECES)
    new = []
    out = []
    get = _PIECES.get
    for sent, pl in zip(sents, piece_lists, strict=True):
        found = list(map(get, pl))
        i = -1
        for _ in range(found.count(None)):  # C-level searches for the new pieces
            i = found.index(None, i + 1)
            piece = pl[i]
            got = get(piece)  # met earlier in this sentence
            if got is None:
                if piece[-1] == _LAST:
                    got = _final_words(get(piece[:-1]) or _piece_words(piece[:-1]))
                else:
                    got = _piece_words(piece)
                _PIECES[piece] = got
                new.append(piece)
            found[i] = got
        if found and found[-1] is False:
            out.append(_words_en(sent))
        else:
            out.append(list(chain.from_iterable(found)))
    for flags in _FLAGS.values():  # what they know stays all the memo holds
        if len(flags.known) == before:
            flags.learn(new)
    _PIECES.cold = bool(new)
    return out


# --------------------------------------------------------------------------
# Documents and corpora
# --------------------------------------------------------------------------


# One document, flat: sentence starts and ends (character offsets), the end of
# each sentence's tokens in the token list, the tokens, and for an analysed
# language the lemmas and tags aligned with them (None otherwise). A handful
# of objects per document rather than several per sentence: the garbage
# collector walks every live list and tuple, and a cached corpus holds
# millions of them otherwise. The lists are never handed out (callers take
# slices), so the cache cannot be changed from outside.
DocTokens = tuple[
    tuple[int, ...], tuple[int, ...], tuple[int, ...], list[str], list[str] | None, list[str] | None
]


@text_cache(maxsize=200_000)
def _tokenize_text(
    text: str, language: str, mwes: tuple[str, ...], korean: str = "kiwi"
) -> DocTokens:
    """Sentence spans, tokens, lemmas and tags of one document (:data:`DocTokens`);
    cached on the text itself, so wire copy repeated across outlets is
    tokenized once. Lemmas and tags are None unless the language has a
    morphological analyser."""
    starts, ends = sentence_bounds(text, language)
    # Interning shares one string object per distinct token across the whole
    # corpus ("the" is stored once, not millions of times): about half the
    # memory of a large tokenized corpus, for a few percent of the time.
    if language in _ANALYSED:
        toks: list[str] = []
        lemmas: list[str] = []
        tags: list[str] = []
        bounds = []
        for s, e in zip(starts, ends, strict=True):
            # the analyser interns its strings already
            forms, lems, poss, _, _ = morph_columns(text[s:e], language, korean=korean)
            toks += forms
            lemmas += lems
            tags += poss
            bounds.append(len(toks))
        return starts, ends, tuple(bounds), toks, lemmas, tags
    words = _TOKENIZERS.get(language, _words_en)
    firsts, index = _mwe_index(mwes)  # once per document (hashing mwes is not free)
    sents = list(map(text.__getitem__, map(slice, starts, ends)))
    if words is _words_en:  # its tokens and the joined expressions are interned
        per_sent = _en_doc_tokens(sents, mwes, firsts)
    else:
        per_sent = [list(map(sys.intern, _merge_indexed(words(x), firsts, index))) for x in sents]
    toks = list(chain.from_iterable(per_sent))
    return starts, ends, tuple(accumulate(map(len, per_sent))), toks, None, None


def _content_tag(tag: str) -> bool:
    # Korean (Sejong) tags are ASCII, Japanese (UniDic) tags are not, so the
    # tag alone says which language's rule applies.
    return is_content(tag, "ko" if tag.isascii() else "ja")


def unmark(token: str) -> str:
    """A token without the marks of :meth:`Tokens.filter_input` (its form).

    Examples
    --------
    >>> unmark("\x1f는"), unmark("독도")
    ('는', '독도')
    """
    if token[:1] == _FUNCTION:
        token = token[1:]
    return token.partition(_LEMMA)[0]


_NUMBER = re.compile(r"^[\d.,:/+%-]*\d[\d.,:/+%-]*(?:st|nd|rd|th|s)?$")
_HAS_WORD = re.compile(r"\w")


def token_filter(
    *,
    lower: bool = True,
    drop_punct: bool = True,
    drop_numbers: bool = False,
    stopwords: bool | Iterable[str] = False,
    min_length: int = 1,
    stem: str | None = None,
) -> Callable[[Sequence[str]], list[str]]:
    """The token filters of :meth:`Tokens.sentence_tokens` as one function.

    Every measure that filters tokens uses this, so a term means the same
    thing everywhere.

    Examples
    --------
    >>> token_filter(stopwords=True)(["The", "talks", ",", "resumed"])
    ['talks', 'resumed']
    """
    stop = _stopword_set(stopwords)
    stemmer = _stemmer(stem)
    drop_function = stopwords is True
    mark, sep = _FUNCTION, _LEMMA
    use_lemma = stem == "lemma"

    def keep(toks: Sequence[str]) -> list[str]:
        out = []
        for t in toks:
            if t[:1] == mark:  # a function token (see Tokens.filter_input)
                if drop_function:
                    continue
                t = t[1:]
            lemma = None
            if sep in t:  # an analysed token whose lemma differs from its form
                t, _, lemma = t.partition(sep)
            if drop_punct and not _HAS_WORD.search(t):
                continue
            if drop_numbers and _NUMBER.match(t):
                continue
            lt = t.lower()
            if lt in stop or len(t) < min_length:
                continue
            if lemma is not None:
                # the analyser's lemma, never an English stemmer's guess
                out.append(lemma if use_lemma else (lt if lower else t))
                continue
            t = lt if lower else t
            out.append(stemmer(t) if stemmer else t)
        return out

    return keep


@dataclass
class Tokens:
    """A tokenized corpus: sentences and their word tokens, keyed by ``doc_id``.

    Build it with :func:`tokenize`. Tokens keep the text's case; multi-word
    expressions are single tokens joined by ``_``. Filters (lower case,
    punctuation, stopwords ...) are applied on the way out by
    :meth:`doc_tokens`, :meth:`sentence_tokens` and :meth:`to_frame`, so one
    tokenization serves every measure.

    Attributes
    ----------
    corpus : DataFrame
        The corpus that was tokenized (one row per document).
    sentences : DataFrame
        One row per sentence: ``doc_id, sent_id, start, end, sentence, tokens,
        n_tokens, lemmas, tags``; ``start``/``end`` are character offsets into
        the document's text. ``lemmas`` and ``tags`` (part of speech) are lists
        aligned with ``tokens`` for Korean and Japanese sentences, ``None``
        for other languages.

    Examples
    --------
    >>> import pandas as pd
    >>> tk = tokenize(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Seoul met Tokyo.", ""]}))
    >>> tk
    <Tokens: 2 documents, 1 sentences, 4 tokens>
    >>> tk.doc_ids, tk.sentences.loc[0, "tokens"]
    (['a', 'b'], ['Seoul', 'met', 'Tokyo', '.'])
    """

    corpus: pd.DataFrame
    sentences: pd.DataFrame
    mwes: tuple[str, ...] = field(default=(), repr=False)
    # the Korean analyser the tokens came from, so token_spans re-analyses alike
    korean: str = field(default="kiwi", repr=False)

    def __repr__(self) -> str:
        return (
            f"<Tokens: {len(self.corpus)} documents, {len(self.sentences)} sentences, "
            f"{int(self.sentences['n_tokens'].sum())} tokens>"
        )

    @property
    def doc_ids(self) -> list[str]:
        """Document ids in corpus order (documents without text included)."""
        return self.corpus["doc_id"].tolist()

    def sentence_tokens(
        self,
        *,
        lower: bool = True,
        drop_punct: bool = True,
        drop_numbers: bool = False,
        stopwords: bool | Iterable[str] = False,
        min_length: int = 1,
        stem: str | None = None,
        ngrams: int | Sequence[int] = 1,
    ) -> list[list[str]]:
        """Filtered tokens per sentence, aligned with :attr:`sentences`.

        Parameters
        ----------
        lower : bool, default True
            Lower-case tokens.
        drop_punct : bool, default True
            Drop tokens without a letter or digit.
        drop_numbers : bool, default False
            Drop numbers ("28,000", "1910-45", "2015").
        stopwords : bool or iterable of str, default False
            ``True`` drops the bundled English list (:func:`default_stopwords`)
            and, in Korean and Japanese, every function token by part of
            speech plus the lists ``toolkit/data/stopwords_ko.txt`` and
            ``stopwords_ja.txt``; an iterable drops those words
            (case-insensitive).
        min_length : int, default 1
            Drop tokens shorter than this.
        stem : {None, "porter", "snowball", "lemma", "wordnet"}
            Reduce words to a stem with NLTK's Porter or Snowball stemmer, or
            to a lemma with the toolkit's rule-based English lemmatizer. These
            need no data and give the same result on every machine. Korean
            and Japanese tokens take the analyser's lemma with ``"lemma"``
            (강하 -> 강하다, 使わ -> 使う) and are left alone by the English
            stemmers.
            ``"wordnet"`` uses NLTK's WordNet lemmatizer, an optional upgrade
            that needs its data (a clear error says how to get it).
        ngrams : int or sequence of int, default 1
            Return n-grams of the filtered tokens instead of (or, with
            ``(1, 2)``, as well as) single tokens. N-grams never cross a
            sentence boundary; their words are joined by a space
            (``"north_korea fired"``), since ``_`` already joins multi-word
            expressions.

        Examples
        --------
        >>> import pandas as pd
        >>> tk = tokenize(pd.DataFrame({"text": ["North Korea fired missiles. Seoul responded."]}))
        >>> tk.sentence_tokens(ngrams=2)
        [['north_korea fired', 'fired missiles'], ['seoul responded']]
        """
        keep = token_filter(
            lower=lower,
            drop_punct=drop_punct,
            drop_numbers=drop_numbers,
            stopwords=stopwords,
            min_length=min_length,
            stem=stem,
        )
        sizes = [ngrams] if isinstance(ngrams, int) else list(ngrams)
        if not sizes or any(not isinstance(n, int) or n < 1 for n in sizes):
            raise ValueError(f"ngrams must be a positive int or a sequence of them, not {ngrams!r}")
        out = [keep(t) for t in self.filter_input()]
        if sizes == [1]:
            return out
        return [
            [" ".join(toks[i : i + n]) for n in sizes for i in range(len(toks) - n + 1)]
            for toks in out
        ]

    def filter_input(self) -> list[list[str]]:
        """Tokens per sentence as :func:`token_filter` reads them.

        Korean and Japanese function tokens (particles, endings, auxiliaries,
        punctuation: anything :func:`toolkit.text.morphology.is_content` rejects)
        carry a leading ``\\x1f`` mark, which ``stopwords=True`` drops, and
        a token whose lemma differs from its form is followed by ``\\x1e``
        and the lemma, which ``stem="lemma"`` counts; the other filters
        remove both (:func:`unmark`). Other languages' tokens are returned as
        they are.

        Examples
        --------
        >>> import pandas as pd
        >>> tk = tokenize(pd.DataFrame({"text": ["독도는 섬이다."], "language": ["ko"]}))
        >>> [unmark(t) == t for t in tk.filter_input()[0]]
        [True, False, True, False, False, False]
        """
        sents = self.sentences
        if "tags" not in sents.columns or not sents["tags"].notna().any():
            return list(sents["tokens"])
        out = []
        for toks, tags, lemmas in zip(sents["tokens"], sents["tags"], sents["lemmas"], strict=True):
            if tags is None:
                out.append(toks)
            else:
                out.append(
                    [
                        (t if _content_tag(g) else _FUNCTION + t)
                        + ("" if lem == t else _LEMMA + lem)
                        for t, g, lem in zip(toks, tags, lemmas, strict=True)
                    ]
                )
        return out

    def doc_tokens(self, **filters: object) -> dict[str, list[str]]:
        """Filtered tokens per document, in corpus order (empty list for empty docs).

        Takes the same keyword filters as :meth:`sentence_tokens`.

        Examples
        --------
        >>> import pandas as pd
        >>> tk = tokenize(pd.DataFrame({"text": ["North Korea fired. Seoul said."]}))
        >>> tk.doc_tokens(stopwords=True)
        {'doc-000001': ['north_korea', 'fired', 'seoul']}
        """
        out: dict[str, list[str]] = {d: [] for d in self.doc_ids}
        for d, toks in zip(self.sentences["doc_id"], self.sentence_tokens(**filters), strict=True):
            out[d].extend(toks)
        return out

    def to_frame(self, **filters: object) -> pd.DataFrame:
        """One row per token: ``doc_id, sent_id, token_id, token`` (tidytext's shape).

        ``token_id`` counts from 0 within each document, after filtering.
        Takes the same keyword filters as :meth:`sentence_tokens`.
        """
        toks = self.sentence_tokens(**filters)
        lens = [len(t) for t in toks]
        frame = pd.DataFrame(
            {
                "doc_id": self.sentences["doc_id"].repeat(lens).to_numpy(),
                "sent_id": self.sentences["sent_id"].repeat(lens).to_numpy(),
                "token": [w for t in toks for w in t],
            }
        )
        frame["token_id"] = frame.groupby("doc_id", sort=False).cumcount()
        return frame[["doc_id", "sent_id", "token_id", "token"]]

    def token_spans(self, row: int) -> list[tuple[int, int]]:
        """Character spans (into the document text) of the tokens of sentence ``row``.

        Multi-word tokens span all their words. Spans are recovered by
        scanning the sentence left to right, so they cost nothing unless asked.
        """
        sents = self.sentences
        text = str(sents["sentence"].iat[row])
        offset = int(sents["start"].iat[row])
        tags = sents["tags"].iat[row] if "tags" in sents.columns else None
        if tags:
            # Analysed tokens may be normalised (했 -> 하 + 었) and so absent
            # from the text; the analyser's own offsets are exact.
            lang = "ko" if tags[0].isascii() else "ja"
            morphs = analyse(text, lang, korean=self.korean)
            return [(offset + m.start, offset + m.end) for m in morphs]
        spans, pos = [], 0
        for tok in sents["tokens"].iat[row]:
            probe = tok.replace("_", " ")
            i = text.find(probe, pos)
            if i < 0:  # MWE matched across a newline or several spaces
                words = probe.split(" ")
                i = text.find(words[0], pos)
                j = text.find(words[-1], i) + len(words[-1])
            else:
                j = i + len(probe)
            if i < 0:
                i, j = pos, pos
            spans.append((offset + i, offset + j))
            pos = j
        return spans

    def by_doc(self) -> pd.DataFrame:
        """One row per document: ``doc_id, n_sentences, n_tokens``, every document included."""
        agg = self.sentences.groupby("doc_id", sort=False).agg(
            n_sentences=("sent_id", "size"), n_tokens=("n_tokens", "sum")
        )
        out = pd.DataFrame({"doc_id": self.doc_ids}).merge(
            agg, left_on="doc_id", right_index=True, how="left"
        )
        return out.fillna({"n_sentences": 0, "n_tokens": 0}).astype(
            {"n_sentences": int, "n_tokens": int}
        )


@functools.lru_cache(maxsize=1)
def _all_stopwords() -> frozenset[str]:
    # One set for every language: the scripts do not overlap, so an English
    # stopword can never remove a Korean or Japanese word or the reverse.
    return default_stopwords().union(
        *(_read_word_list(data_path(f"stopwords_{lang}.txt")) for lang in ANALYSED_LANGUAGES)
    )


def _stopword_set(stopwords: bool | Iterable[str]) -> frozenset[str]:
    if stopwords is True:
        return _all_stopwords()
    if stopwords is False or stopwords is None:
        return frozenset()
    return frozenset(w.lower() for w in stopwords)


def nltk_has_data(resource: str) -> bool:
    """Whether NLTK's data ``resource`` (e.g. ``"corpora/wordnet"``) is installed.

    The toolkit never needs it; ``stem="wordnet"`` and ``doctor`` ask.

    Examples
    --------
    >>> isinstance(nltk_has_data("corpora/wordnet"), bool)
    True
    """
    try:
        import nltk

        for suffix in ("", ".zip"):
            try:
                nltk.data.find(resource + suffix)
                return True
            except LookupError:
                continue
    except ImportError:
        pass
    return False


def _stemmer(stem: str | None) -> Callable[[str], str] | None:
    if stem is None:
        return None
    if stem == "porter":
        from nltk.stem.porter import PorterStemmer

        return functools.lru_cache(maxsize=None)(PorterStemmer().stem)
    if stem == "snowball":
        from nltk.stem.snowball import SnowballStemmer

        return functools.lru_cache(maxsize=None)(SnowballStemmer("english").stem)
    if stem == "lemma":
        from toolkit.tokens.lemmas import lemmatize

        return lemmatize
    if stem == "wordnet":
        if not nltk_has_data("corpora/wordnet"):
            raise LookupError(
                "stem='wordnet' needs NLTK's WordNet data, which is not installed. "
                "Use stem='lemma' (built in, no data needed) or install it once with: "
                "python -m nltk.downloader wordnet"
            )
        from nltk.stem import WordNetLemmatizer

        return functools.lru_cache(maxsize=None)(WordNetLemmatizer().lemmatize)
    raise ValueError(f"stem must be None, 'porter', 'snowball', 'lemma' or 'wordnet', not {stem!r}")


def _sentence_columns(
    docs: Iterable[tuple[str, object, str]], mwes: tuple[str, ...], korean: str = "kiwi"
) -> dict:
    """Column lists of the sentence table for (doc_id, text, language) triples.

    ``doc_id`` holds each document with sentences once and ``n_sentences``
    its number of sentences (:func:`_sentence_frame` repeats them); the other
    columns have a row per sentence.
    """
    names = ("doc_id", "n_sentences", "start", "end", "sentence", "tokens", "lemmas", "tags")
    cols: dict[str, list] = {k: [] for k in names}
    ids, counts = cols["doc_id"], cols["n_sentences"]
    starts, ends, sentences = cols["start"], cols["end"], cols["sentence"]
    tokens, lemmas, tags = cols["tokens"], cols["lemmas"], cols["tags"]
    for doc_id, text, lang in docs:
        if not isinstance(text, str) or not text:
            continue
        st, en, bounds, toks, lems, tgs = _tokenize_text(
            text, lang if lang in _TOKENIZERS else "en", mwes, korean
        )
        if not st:
            continue
        ids.append(doc_id)
        counts.append(len(st))
        starts += st
        ends += en
        sentences += map(text.__getitem__, map(slice, st, en))
        cuts = list(map(slice, (0, *bounds[:-1]), bounds))
        tokens += map(toks.__getitem__, cuts)
        if lems is None:
            lemmas += [None] * len(st)
            tags += [None] * len(st)
        else:
            lemmas += map(lems.__getitem__, cuts)
            tags += map(tgs.__getitem__, cuts)
    return cols


def _columns_chunk(
    mwes: tuple[str, ...],
    korean: str,
    registry: tuple[dict, frozenset] | None,
    docs: Iterable[tuple[str, object, str]],
) -> dict:
    """The sentence columns of a chunk of documents (in this or a worker process).

    ``registry`` carries the tokenizers registered in the calling process, which
    a process started fresh (not forked) would not have.
    """
    if registry is not None and (registry[0] != _TOKENIZERS or registry[1] != _ANALYSED):
        _TOKENIZERS.clear()
        _TOKENIZERS.update(registry[0])
        _ANALYSED.clear()
        _ANALYSED.update(registry[1])
        _tokenize_text.cache_clear()
    # The loop allocates millions of small lists and tuples, none of them in
    # reference cycles; pausing the cyclic garbage collector avoids repeated
    # full scans of the growing heap (about a third of the run time on 20,000
    # articles). It is switched back on even if tokenization fails.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _sentence_columns(docs, mwes, korean)
    finally:
        if gc_was_enabled:
            gc.enable()


def _picklable_registry() -> tuple[dict, frozenset] | None:
    """The tokenizer registry if it can be sent to worker processes, else None."""
    registry = (dict(_TOKENIZERS), frozenset(_ANALYSED))
    try:
        pickle.dumps(registry)
    except Exception:  # a lambda or a local function cannot be sent
        return None
    return registry


def _columns_in_processes(
    docs: list[tuple[str, object, str]],
    mwes: tuple[str, ...],
    korean: str,
    registry: tuple[dict, frozenset],
    jobs: int,
    progress: bool,
) -> dict:
    """The sentence columns of ``docs``, chunks tokenized in ``jobs`` processes."""
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(docs), desc="tokenize", unit="doc")
    try:
        parts = map_chunks(
            _columns_chunk,
            docs,
            head=(mwes, korean, registry),
            n_jobs=jobs,
            min_items=0,
            on_chunk=bar.update if bar is not None else None,
        )
    finally:
        if bar is not None:
            bar.close()
    cols = parts[0]
    for part in parts[1:]:
        for k, v in part.items():
            cols[k].extend(v)
    return cols


def _sentence_frame(cols: dict) -> pd.DataFrame:
    """The sentence table of :attr:`Tokens.sentences` from :func:`_sentence_columns`."""
    n = len(cols["tokens"])

    def objects(items: list) -> pd.Series:
        # fromiter keeps each item whole (a list of tokens, a tuple as an id);
        # the Series keeps strings as objects (pandas would infer its str dtype)
        return pd.Series(np.fromiter(items, dtype=object, count=len(items)), dtype=object)

    def ints(items: Iterable[int], count: int) -> np.ndarray:
        return np.fromiter(items, dtype=np.int64, count=count)

    counts = ints(cols["n_sentences"], len(cols["n_sentences"]))
    firsts = np.cumsum(counts) - counts  # row of each document's first sentence
    return pd.DataFrame(
        {
            "doc_id": pd.Series(
                np.fromiter(cols["doc_id"], dtype=object, count=len(counts)).repeat(counts),
                dtype=object,
            ),
            "sent_id": np.arange(n, dtype=np.int64) - firsts.repeat(counts),
            "start": ints(cols["start"], n),
            "end": ints(cols["end"], n),
            "sentence": objects(cols["sentence"]),
            "tokens": objects(cols["tokens"]),
            "n_tokens": ints(map(len, cols["tokens"]), n),
            "lemmas": objects(cols["lemmas"]),
            "tags": objects(cols["tags"]),
        },
        copy=False,
    )


# Below this many documents tokenize stays in one process whatever n_jobs:
# starting processes and sending tokens back costs more than it saves.
_PARALLEL_MIN_DOCS = 2000


def tokenize(
    corpus: pd.DataFrame,
    *,
    mwes: Iterable[str] | str | Path | None = None,
    progress: bool = False,
    korean: str = "kiwi",
    n_jobs: int | None = None,
) -> Tokens:
    """Tokenize a corpus once, for every later measure.

    Parameters
    ----------
    corpus : DataFrame
        A corpus from :func:`toolkit.load_corpus` (or any DataFrame with a
        ``text`` column; it is passed through ``load_corpus`` first).
    mwes : iterable of str, path, or None
        Multi-word expressions to join. ``None`` uses the bundled list
        (:func:`default_mwes`); pass ``[*default_mwes(), "Dokdo issue"]`` to
        extend it, or a YAML file of the same shape as ``toolkit/data/mwes.yaml``.
    progress : bool, default False
        Show a tqdm progress bar.
    korean : {"kiwi", "mecab"}, default "kiwi"
        The analyser for Korean documents: kiwipiepy (the more accurate), or
        MeCab with mecab-ko-dic (more than twice as fast; morpheme F1 0.5
        points lower on UD Korean-GSD dev, ``benchmarks/tokenize_validity.py``).
        Both give the same ``lemmas`` and ``tags`` columns (Sejong tags), so
        the measures read either. One caveat: Korean dictionary patterns
        (naming, frames, actors) are split into morphemes by kiwi, and MeCab
        sometimes splits a compound differently (전범기를: 전범 + 기 + 를), so
        such a pattern can miss MeCab's tokens; use kiwi for those measures.
    n_jobs : int or None, default None
        Processes to tokenize in (``docs/conventions.md``): ``None`` every
        core (one process inside a worker), ``-1`` every core, ``1`` this
        process. Corpora of fewer than 2,000 documents stay in this process.
        The tokens are identical whatever ``n_jobs``. Processes pay on idle
        cores; on a busy machine sending the tokens back can cost as much as
        it saves (``benchmarks/ingest.py`` times both).

    Returns
    -------
    Tokens

    Examples
    --------
    >>> import pandas as pd
    >>> tk = tokenize(pd.DataFrame({"text": ["The U.S. and Japan met. North Korea fired."]}))
    >>> tk.sentences[["doc_id", "sent_id", "sentence"]].values.tolist()
    [['doc-000001', 0, 'The U.S. and Japan met.'], ['doc-000001', 1, 'North Korea fired.']]
    >>> tk.sentences["tokens"][1]
    ['North_Korea', 'fired', '.']
    """
    if korean not in KOREAN_ENGINES:
        raise ValueError(f"korean must be one of {KOREAN_ENGINES}, not {korean!r}")
    jobs = resolve_n_jobs(n_jobs)
    corpus = as_corpus(corpus)
    mwe_t = _load_mwes(mwes)
    # tolist(): iterating Arrow-backed columns item by item is ten times slower
    docs = list(
        zip(
            corpus["doc_id"].tolist(),
            corpus["text"].tolist(),
            corpus["language"].tolist(),
            strict=True,
        )
    )
    registry = _picklable_registry() if jobs > 1 else None
    # The tokens are built (or arrive from workers) as millions of small
    # objects in no reference cycle; the cyclic garbage collector is paused
    # meanwhile (scans of the growing heap took a third of the run time on
    # 20,000 articles) and, when it was on, the new objects are then moved
    # to its oldest generation (gc.freeze and unfreeze: no scan), where they
    # belong, being the long-lived result, instead of being scanned by the
    # next young-generation collection and again by the next middle one.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        if registry is None or len(docs) < _PARALLEL_MIN_DOCS:
            # one process (also when a registered tokenizer cannot be sent)
            if progress:
                from tqdm.auto import tqdm

                docs = tqdm(docs, total=len(corpus), desc="tokenize", unit="doc")
            cols = _columns_chunk(mwe_t, korean, None, docs)
        else:
            cols = _columns_in_processes(docs, mwe_t, korean, registry, jobs, progress)
        sentences = _sentence_frame(cols)
        del cols
        if gc_was_enabled and not gc.get_freeze_count():
            # (not when a caller keeps objects frozen: unfreeze would release them)
            gc.freeze()
            gc.unfreeze()
    finally:
        if gc_was_enabled:
            gc.enable()
    return Tokens(corpus=corpus, sentences=sentences, mwes=mwe_t, korean=korean)


def as_corpus(data: pd.DataFrame | Tokens) -> pd.DataFrame:
    """The loaded corpus behind ``data``: the one place that decides "is this a corpus?".

    :class:`Tokens` give their corpus; a DataFrame that
    :func:`toolkit.corpus.load.is_corpus` recognises (made by ``load_corpus``)
    is used as it is; any other DataFrame goes through ``load_corpus`` (so a
    table with a ``status`` column of its own keeps it as ``user_status``).
    Measures that need no word tokens (tone's sentence methods) start here;
    the others start at :func:`as_tokens`, which uses this.

    Examples
    --------
    >>> import pandas as pd
    >>> c = as_corpus(pd.DataFrame({"text": ["Seoul met Tokyo.", ""]}))
    >>> c["status"].tolist()
    ['ok', 'empty']
    >>> as_corpus(c) is c
    True
    """
    if isinstance(data, Tokens):
        return data.corpus
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"expected a corpus DataFrame or Tokens, got {type(data).__name__}")
    from toolkit.corpus.load import check_unique_ids, is_corpus, load_corpus

    check_unique_ids(data)  # repeated ids would merge or misalign articles
    return data if is_corpus(data) else load_corpus(data)


@text_cache(maxsize=200_000)
def _split(text: str, language: str) -> tuple[tuple[int, int], ...]:
    return tuple(split_sentences(text, language))


def as_sentences(data: pd.DataFrame | Tokens) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sentences ``doc_id, sent_id, sentence``, corpus) without word tokenization.

    :class:`Tokens` are used as they are. A DataFrame goes through
    :func:`as_corpus` and is split with the tokenizer's own sentence
    splitter, so ``sent_id`` matches :func:`tokenize` exactly, but the
    (slower) word tokenization that sentence-level methods do not need is
    skipped. Documents without text have no sentences.

    Examples
    --------
    >>> import pandas as pd
    >>> sents, corpus = as_sentences(pd.DataFrame({"text": ["Seoul met Tokyo. Talks ended.", ""]}))
    >>> sents["sentence"].tolist(), corpus["status"].tolist()
    (['Seoul met Tokyo.', 'Talks ended.'], ['ok', 'empty'])
    """
    if isinstance(data, Tokens):
        return data.sentences[["doc_id", "sent_id", "sentence"]], data.corpus
    corpus = as_corpus(data)
    docs, ids, texts = [], [], []
    for doc_id, text, lang in zip(
        corpus["doc_id"], corpus["text"], corpus["language"], strict=True
    ):
        if not isinstance(text, str) or not text:
            continue
        spans = _split(text, lang if lang in _TOKENIZERS else "en")
        docs.extend([doc_id] * len(spans))
        ids.extend(range(len(spans)))
        texts.extend(text[a:b] for a, b in spans)
    sents = pd.DataFrame(
        {
            "doc_id": pd.Series(docs, dtype=object),
            "sent_id": pd.Series(ids, dtype="int64"),
            "sentence": pd.Series(texts, dtype=object),
        }
    )
    return sents, corpus


def as_tokens(data: pd.DataFrame | Tokens, **kwargs: object) -> Tokens:
    """Return ``data`` if it is already :class:`Tokens`, else tokenize it.

    Measures call this so that they accept either a corpus or its tokens;
    pass tokens to avoid the (cached, but not free) second pass. A DataFrame
    is first made a corpus by :func:`as_corpus`.

    Examples
    --------
    >>> import pandas as pd
    >>> tk = tokenize(pd.DataFrame({"text": ["Seoul met Tokyo."]}))
    >>> as_tokens(tk) is tk
    True
    """
    if isinstance(data, Tokens):
        return data
    return tokenize(as_corpus(data), **kwargs)
