"""A frozen copy of the tokenizer of 0.4.1 (commit 7d01540), before the 0.4.2 speed-ups (issue 16).

The baseline that ``benchmarks/tokenize.py`` times the toolkit's
``tokenize`` against in the same run: the sentence splitter and the
English tokenizer of commit 7d01540 (the piece memo, per-sentence words
and expression merge, a row of Python per sentence in the column lists),
with caches of its own, so neither side can read what the other
remembered. Korean and Japanese go through the toolkit's analyser, as
they did. Its sentence splitter is also the oracle of
``tests/tokens/test_sentences_speedups.py``. Do not edit.
"""

# ruff: noqa

from __future__ import annotations

import functools
import gc
import re
import sys
from collections.abc import Iterable
from itertools import chain

import pandas as pd

from toolkit._parallel import map_chunks, resolve_n_jobs
from toolkit.corpus.load import load_corpus
from toolkit.text.morphology import ANALYSED_LANGUAGES
from toolkit.text.morphology import columns as morph_columns
from toolkit.tokens.tokenizer import _load_mwes, _mwe_index

_ANALYSED = set(ANALYSED_LANGUAGES)
_TOKENIZERS = {"en": None, "ko": None, "ja": None}


def text_cache(maxsize):
    return functools.lru_cache(maxsize=maxsize)


# Abbreviations that never end a sentence: a name or number always follows.
_TITLES = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr cdr brig sen rep gov
    pres amb rev fr st mt no nos vol art fig vs v ft messrs supt dept sec asst""".split()
)
_MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that may end a sentence; we split after them only before a
# typical sentence opener.
_TERMINAL_ABBR = frozenset("u.s u.k u.n e.u a.m p.m inc co corp ltd jr sr etc bros plc".split())
_OPENERS = frozenset(
    """the a an he she it they we i you but and or so yet in on at by for from with
    this that these those his her its their our there here meanwhile however still
    as after before when while if although though since until because some many
    most several officials analysts experts critics one two three earlier later
    last next both neither no not what who why how despite under over""".split()
)
_MULTI_PERIOD = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")

# A candidate boundary: terminal punctuation, optional closers, whitespace,
# then something that can open a sentence.
# The lookbehind starts a match only at the first mark of a run: without it a
# long run of dots with no space after it ("....") is re-scanned from every
# position, which is quadratic (a run of 100,000 dots took minutes).
# The leading lookahead lets the engine skip to the next mark quickly instead
# of trying the lookbehind at every character (a third faster on news text).
_CANDIDATE = re.compile(
    r"""(?=[.!?…])(?<![.!?])(?P<punct>[.!?]+|…)(?P<close>["'”’)\]]*)(?P<space>\s+)"""
    r"""(?=["“‘'(\[「『<《〈]?[A-Z0-9\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff])"""
)
_NEXT_WORD = re.compile(r"[\w'’]+")
# Japanese and Chinese full stops need no space after them; nor do ASCII ! and
# ? written straight after a Japanese or Korean character ("美味!次は").
_CJK_BOUNDARY = re.compile(
    r"(?:(?<=[。！？])|(?<=[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3][!?]))[」』）\)]*"
)
# Paired quotation marks and brackets: a sentence boundary inside a matched
# pair (a quoted statement of several sentences) is not a boundary of the
# sentence that quotes it.
_PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’", "（": "）"}
_QUOTE_CHARS = re.compile('[「」『』“”‘’（）"]')
# A boundary right before a quotative particle is the end of a quotation
# inside a sentence (「…。」と述べた; "…다."라고 말했다), not a sentence end.
_CLOSING_QUOTES = frozenset("」』”’\"'）)")
_QUOTATIVE = re.compile(r"(?:と|って|とし|との|라고|라며|고\s|며\s|이라)")


_ABBREVIATIONS = _TITLES | _MONTH_ABBR | _TERMINAL_ABBR
_LEADING = "\"“‘'([「『<《〈"


def _split_block(text: str, offset: int) -> list[tuple[int, int]]:
    """Split one paragraph into (start, end) spans, offsets into the document."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        p, q = m.span(1)  # the punctuation
        if q - p == 1 and text[p] == ".":
            # The word before the full stop, found with C-level string scans
            # (a regex anchored at the end would rescan the paragraph each time;
            # the newline is looked for only after the last space).
            sp = text.rfind(" ", 0, p)
            w0 = max(sp, text.rfind("\n", sp + 1, p)) + 1
            word = text[w0:p].lstrip(_LEADING)
            key = word.lower()
            if key in _ABBREVIATIONS or "." in key or (len(word) == 1 and word.isupper()):
                if key in _TITLES or (len(word) == 1 and word.isupper()):
                    continue
                nxt = text[m.end() : m.end() + 24].lstrip(_LEADING)
                next_word = _NEXT_WORD.match(nxt)
                next_word = next_word.group(0).lower() if next_word else ""
                if key in _MONTH_ABBR and next_word[:1].isdigit():
                    continue
                if (
                    key in _TERMINAL_ABBR or _MULTI_PERIOD.match(key)
                ) and next_word not in _OPENERS:
                    continue
        spans.append((offset + start, offset + m.end(2)))  # after the closers
        start = m.end()
    if start < len(text):
        spans.append((offset + start, offset + len(text.rstrip())))
    return [s for s in spans if s[1] > s[0]]


_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[-•*]\s)")


def _blocks(text: str) -> Iterable[tuple[int, int]]:
    """Yield (start, end) of paragraph-like blocks.

    Blank lines always separate blocks. A single newline separates them when
    the line before ends a sentence or is a short heading-like line (a title or
    a dateline), so hard-wrapped paragraphs are rejoined but headlines are not
    glued onto the first sentence.
    """
    pos = 0
    for para in _PARAGRAPH.split(text) if "\n" in text else [text]:
        p_start = text.find(para, pos)
        pos = p_start + len(para)
        lines = para.split("\n")
        b_start = p_start
        cursor = p_start
        for i, line in enumerate(lines):
            cursor_end = cursor + len(line)
            last = i == len(lines) - 1
            stripped = line.rstrip()
            ends_sentence = stripped.endswith((".", "!", "?", '"', "”", "’", ":", "。", "」"))
            nxt = lines[i + 1].lstrip()[:1] if not last else ""
            heading = (
                0 < len(stripped) < 60 and not stripped.endswith((",", ";")) and not nxt.islower()
            )
            if last or ends_sentence or heading:
                yield b_start, cursor_end
                b_start = cursor_end + 1
            cursor = cursor_end + 1


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    if not text or not text.strip():
        return []
    if language in ("ko", "ja"):
        return _join_quoted(text, _split(text, language))
    return _split(text, language)


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of matched quotation marks and brackets, nested
    ones included; an opening mark that never closes quotes nothing."""
    regions: list[tuple[int, int]] = []
    # one stack of open positions per kind of mark: a closer matches the
    # innermost opener of its own kind (constant time, however unbalanced)
    open_at: dict[str, list[int]] = {c: [] for c in _PAIRS.values()}
    straight: int | None = None
    for m in _QUOTE_CHARS.finditer(text):
        ch, i = m.group(), m.start()
        if ch == '"':  # the same mark opens and closes
            if straight is None:
                straight = i
            else:
                regions.append((straight, i))
                straight = None
        elif ch in _PAIRS:
            open_at[_PAIRS[ch]].append(i)
        elif open_at[ch]:
            regions.append((open_at[ch].pop(), i))
    return regions


def _join_quoted(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo the boundaries that fall inside a quotation or just before a
    quotative particle (Korean and Japanese)."""
    if len(spans) < 2:
        return spans
    # A boundary (end of one span, start of the next) is inside a region when
    # some region opened before the end closes at or after the next start: a
    # sweep over regions sorted by opening keeps the furthest close so far.
    regions = sorted(_quoted_regions(text))
    inside = set()
    r, furthest = 0, -1
    for k in range(len(spans) - 1):
        end, nxt = spans[k][1], spans[k + 1][0]
        while r < len(regions) and regions[r][0] < end:
            furthest = max(furthest, regions[r][1])
            r += 1
        if furthest >= nxt:
            inside.add(k)
    out = [spans[0]]
    for k in range(1, len(spans)):
        s, e = spans[k]
        gap = text[out[-1][1] : s]
        closed_quote = text[out[-1][1] - 1] in _CLOSING_QUOTES
        if k - 1 in inside or (closed_quote and "\n" not in gap and _QUOTATIVE.match(text, s)):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _split(text: str, language: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for b0, b1 in _blocks(text):
        block = text[b0:b1]
        lead = len(block) - len(block.lstrip())
        block = block.strip()
        if not block:
            continue
        parts = [(0, len(block))]
        if language in ("ja", "zh", "ko") or "。" in block:
            cuts = [m.end() for m in _CJK_BOUNDARY.finditer(block)]
            parts = [(a, b) for a, b in zip([0, *cuts], [*cuts, len(block)], strict=True) if b > a]
        for a, b in parts:
            piece = block[a:b]
            skip = len(piece) - len(piece.lstrip())
            for s, e in _split_block(piece.strip(), b0 + lead + a + skip):
                spans.append((s, e))
    return spans


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


def _piece_words(piece: str) -> tuple[str, ...]:
    """The word tokens of one whitespace-free piece of a sentence, interned."""
    if piece.isalnum():  # all word characters: the pattern takes it whole
        return (sys.intern(piece),)
    return tuple(map(sys.intern, _WORD_RE.findall(piece)))


class _PieceMemo(dict):
    """Piece -> its tokens; a plain dict (faster to consult than an LRU cache),
    emptied when full and by :func:`toolkit.tokens.caches.clear_caches`."""

    limit = 200_000

    def cache_clear(self) -> None:
        self.clear()


_PIECES = _PieceMemo()


def _words_en(sentence: str) -> list[str]:
    # No token contains whitespace, and the pattern's look-arounds see a space
    # and the end of the text alike, so a sentence's tokens are those of its
    # whitespace-separated pieces in turn. Pieces recur ("the", "said,"), and
    # each is matched once; the rest is C-level look-ups.
    pieces = sentence.split()
    found = list(map(_PIECES.get, pieces))
    if None in found:
        if len(_PIECES) > _PIECES.limit:
            _PIECES.clear()
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


@text_cache(maxsize=200_000)
def _tokenize_text(
    text: str, language: str, mwes: tuple[str, ...], korean: str = "kiwi"
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[str, ...], ...], Analysis, Analysis]:
    """Sentence spans, tokens, lemmas and tags of one document; cached on the
    text itself, so wire copy repeated across outlets is tokenized once.
    Lemmas and tags are None unless the language has a morphological analyser."""
    spans = split_sentences(text, language)
    # Interning shares one string object per distinct token across the whole
    # corpus ("the" is stored once, not millions of times): about half the
    # memory of a large tokenized corpus, for a few percent of the time.
    intern = sys.intern
    if language in _ANALYSED:
        toks, lemmas, tags = [], [], []
        for s, e in spans:
            # the analyser interns its strings already
            forms, lems, poss, _, _ = morph_columns(text[s:e], language, korean=korean)
            toks.append(tuple(forms))
            lemmas.append(tuple(lems))
            tags.append(tuple(poss))
        return tuple(spans), tuple(toks), tuple(lemmas), tuple(tags)
    words = _words_en
    firsts, index = _mwe_index(mwes)  # once per document (hashing mwes is not free)
    if words is _words_en:  # its tokens and the joined expressions are interned
        toks = tuple(tuple(_merge_indexed(words(text[s:e]), firsts, index)) for s, e in spans)
    else:
        toks = tuple(
            tuple(map(intern, _merge_indexed(words(text[s:e]), firsts, index))) for s, e in spans
        )
    return tuple(spans), toks, None, None


def _sentence_columns(
    docs: Iterable[tuple[str, object, str]], mwes: tuple[str, ...], korean: str = "kiwi"
) -> dict:
    """Column lists of the sentence table for (doc_id, text, language) triples."""
    names = ("doc_id", "sent_id", "start", "end", "sentence", "tokens", "lemmas", "tags")
    cols: dict[str, list] = {k: [] for k in names}
    for doc_id, text, lang in docs:
        if not isinstance(text, str) or not text:
            continue
        spans, toks, lemmas, tags = _tokenize_text(
            text, lang if lang in _TOKENIZERS else "en", mwes, korean
        )
        k = len(spans)
        cols["doc_id"].extend([doc_id] * k)
        cols["sent_id"].extend(range(k))
        cols["start"].extend([s for s, _ in spans])
        cols["end"].extend([e for _, e in spans])
        cols["sentence"].extend([text[s:e] for s, e in spans])
        cols["tokens"].extend(map(list, toks))
        cols["lemmas"].extend(map(list, lemmas) if lemmas is not None else [None] * k)
        cols["tags"].extend(map(list, tags) if tags is not None else [None] * k)
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


# Below this many documents tokenize stays in one process whatever n_jobs:
# starting processes and sending tokens back costs more than it saves.
_PARALLEL_MIN_DOCS = 2000


def clear() -> None:
    """Forget every memoised piece and document (a cold start)."""
    _PIECES.clear()
    _tokenize_text.cache_clear()


def tokenize(corpus: pd.DataFrame, *, n_jobs: int | None = None) -> pd.DataFrame:
    """The sentence table the toolkit's ``tokenize`` gave before the rewrite."""
    jobs = resolve_n_jobs(n_jobs)
    mwe_t = _load_mwes(None)
    korean = "kiwi"
    docs = list(
        zip(
            corpus["doc_id"].tolist(),
            corpus["text"].tolist(),
            corpus["language"].tolist(),
            strict=True,
        )
    )
    if jobs == 1 or len(docs) < 2000:
        cols = _columns_chunk(mwe_t, korean, None, docs)
    else:
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            cols = _columns_in_processes(docs, mwe_t, korean, None, jobs, False)
        finally:
            if gc_was_enabled:
                gc.enable()
    sentences = pd.DataFrame(
        {
            "doc_id": pd.Series(cols["doc_id"], dtype=object),
            "sent_id": pd.Series(cols["sent_id"], dtype="int64"),
            "start": pd.Series(cols["start"], dtype="int64"),
            "end": pd.Series(cols["end"], dtype="int64"),
            "sentence": pd.Series(cols["sentence"], dtype=object),
            "tokens": pd.Series(cols["tokens"], dtype=object),
            "n_tokens": pd.Series(list(map(len, cols["tokens"])), dtype="int64"),
            "lemmas": pd.Series(cols["lemmas"], dtype=object),
            "tags": pd.Series(cols["tags"], dtype=object),
        }
    )
    return sentences
