"""Sentences and word tokens for news text, offline and fast.

The toolkit tokenizes a corpus once (:func:`tokenize`) and every measure reuses
the resulting :class:`Tokens`. Three steps run per document:

1. **Sentences.** A rule-based splitter written for news copy. A full stop
   ends a sentence when the next word starts a new one, except after titles
   (Mr., Gen., Lt., Sen., No.), single initials, month abbreviations before a
   day number, and after "U.S.", "a.m.", "Inc." and similar unless the next
   word is a typical sentence opener ("The", "He", "But" ...). Closing quotes
   and brackets stay with the sentence they close. A fresh NLTK (Punkt
   without its trained data) splits "The U.S. and Japan will" after "U.S.";
   this splitter does not, and it needs no data.
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

Korean text is split on spaces and punctuation; Japanese text, which has no
spaces, into runs of one script (kanji, hiragana, katakana, Latin). These are
placeholders for real morphological analysers: :func:`register_tokenizer`
plugs one in per language code without touching any measure.
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from toolkit.data import data_path

__all__ = [
    "Tokens",
    "as_tokens",
    "default_mwes",
    "default_stopwords",
    "register_tokenizer",
    "split_sentences",
    "tokenize",
    "word_tokenize",
]

# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

# Abbreviations that never end a sentence: a name or number always follows.
_TITLES = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr cdr brig sen rep gov
    pres amb rev fr st mt no nos vol art fig vs v ft messrs supt dept sec asst""".split()
)
_MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that may end a sentence; we split after them only before a
# typical sentence opener.
_TERMINAL_ABBR = frozenset(
    "u.s u.k u.n e.u a.m p.m inc co corp ltd jr sr etc bros plc".split()
)
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
_CANDIDATE = re.compile(
    r"""(?P<punct>[.!?]+|…)(?P<close>["'”’)\]]*)(?P<space>\s+)"""
    r"""(?=["“‘'(\[「]?[A-Z0-9\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff])"""
)
_NEXT_WORD = re.compile(r"[\w'’]+")
_CJK_BOUNDARY = re.compile(r"(?<=[。！？])(?:[」』）\)]*)")


_ABBREVIATIONS = _TITLES | _MONTH_ABBR | _TERMINAL_ABBR
_LEADING = "\"“‘'([「"


def _split_block(text: str, offset: int) -> list[tuple[int, int]]:
    """Split one paragraph into (start, end) spans, offsets into the document."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if m.group("punct") == ".":
            p = m.start("punct")
            # The word before the full stop, found with C-level string scans
            # (a regex anchored at the end would rescan the paragraph each time).
            w0 = max(text.rfind(" ", 0, p), text.rfind("\n", 0, p)) + 1
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
        spans.append((offset + start, offset + m.end("close")))
        start = m.end()
    if start < len(text):
        spans.append((offset + start, offset + len(text.rstrip())))
    return [s for s in spans if s[1] > s[0]]


_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[-•*]\s)")
_LINE = re.compile(r"\n")


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
                0 < len(stripped) < 60
                and not stripped.endswith((",", ";"))
                and not nxt.islower()
            )
            if last or ends_sentence or heading:
                yield b_start, cursor_end
                b_start = cursor_end + 1
            cursor = cursor_end + 1


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Split ``text`` into sentences and return their character spans.

    Parameters
    ----------
    text : str
        One document.
    language : str, default "en"
        ISO code. Korean and Japanese also split after 。！？ and the
        full-width forms.

    Returns
    -------
    list of (start, end)
        ``text[start:end]`` is each sentence, stripped of surrounding space.

    Examples
    --------
    >>> t = "The U.S. and Japan will meet Gen. Kim at 9 a.m. Tuesday. Talks end Jan. 5."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['The U.S. and Japan will meet Gen. Kim at 9 a.m. Tuesday.', 'Talks end Jan. 5.']
    """
    if not text or not text.strip():
        return []
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
_JA_RE = re.compile(
    r"[\u4e00-\u9fff\u3400-\u4dbf々〆ヵヶ]+|[\u3040-\u309f]+|[\u30a0-\u30ffー]+|[\uff66-\uff9f]+|\w+|[^\w\s]"
)
_CLOSERS = frozenset(["\"", "'", "”", "’", ")", "]", "}", "»"])


def _words_en(sentence: str) -> list[str]:
    toks = _WORD_RE.findall(sentence)
    # NLTK splits the final full stop of a sentence off its last word, and
    # only that one ("Mr." inside a sentence keeps its period).
    i = len(toks) - 1
    while i >= 0 and toks[i] in _CLOSERS:
        i -= 1
    if i >= 0:
        last = toks[i]
        if len(last) > 1 and last.endswith(".") and not last.endswith(".."):
            toks[i : i + 1] = [last[:-1], "."]
    return toks


def _words_ko(sentence: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", sentence)


def _words_ja(sentence: str) -> list[str]:
    return _JA_RE.findall(sentence)


_TOKENIZERS: dict[str, Callable[[str], list[str]]] = {
    "en": _words_en,
    "ko": _words_ko,
    "ja": _words_ja,
}


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
        return tuple(dict.fromkeys(_flatten_yaml(yaml.safe_load(fh))))


def _load_mwes(mwes: Iterable[str] | str | Path | None) -> tuple[str, ...]:
    if mwes is None:
        return default_mwes()
    if isinstance(mwes, (str, Path)):
        with open(mwes, encoding="utf-8") as fh:
            return tuple(_flatten_yaml(yaml.safe_load(fh)))
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
    """Replace runs of tokens that form an expression by one ``_``-joined token."""
    firsts, index = _mwe_index(mwes)
    if not firsts or firsts.isdisjoint(map(str.lower, toks)):
        return toks
    low = [t.lower() for t in toks]
    out: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        for cand in index.get(low[i], ()):
            k = len(cand)
            if tuple(low[i : i + k]) == cand:
                out.append(_join_tokens(toks[i : i + k]))
                i += k
                break
        else:
            out.append(toks[i])
            i += 1
    return out


# --------------------------------------------------------------------------
# Documents and corpora
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=200_000)
def _tokenize_text(
    text: str, language: str, mwes: tuple[str, ...]
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[str, ...], ...]]:
    """Sentence spans and tokens of one document; cached on the text itself,
    so wire copy repeated across outlets is tokenized once."""
    spans = split_sentences(text, language)
    words = _TOKENIZERS.get(language, _words_en)
    return tuple(spans), tuple(tuple(_merge_mwes(words(text[s:e]), mwes)) for s, e in spans)


_NUMBER = re.compile(r"^[\d.,:/+%-]*\d[\d.,:/+%-]*(?:st|nd|rd|th|s)?$")
_HAS_WORD = re.compile(r"\w")


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
        One row per sentence: ``doc_id, sent_id, start, end, sentence, tokens``;
        ``start``/``end`` are character offsets into the document's text.
    """

    corpus: pd.DataFrame
    sentences: pd.DataFrame
    mwes: tuple[str, ...] = field(default=(), repr=False)

    def __repr__(self) -> str:
        return (
            f"<Tokens: {len(self.corpus)} documents, {len(self.sentences)} sentences, "
            f"{int(self.sentences['n_tokens'].sum())} tokens>"
        )

    @property
    def doc_ids(self) -> list[str]:
        """Document ids in corpus order (documents without text included)."""
        return self.corpus["doc_id"].tolist()

    def _filter(
        self,
        toks: Sequence[str],
        lower: bool,
        drop_punct: bool,
        drop_numbers: bool,
        stop: frozenset[str],
        min_length: int,
        stem: Callable[[str], str] | None,
    ) -> list[str]:
        out = []
        for t in toks:
            if drop_punct and not _HAS_WORD.search(t):
                continue
            if drop_numbers and _NUMBER.match(t):
                continue
            lt = t.lower()
            if lt in stop or len(t) < min_length:
                continue
            t = lt if lower else t
            out.append(stem(t) if stem else t)
        return out

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
            ``True`` drops the bundled English list (:func:`default_stopwords`);
            an iterable drops those words (case-insensitive).
        min_length : int, default 1
            Drop tokens shorter than this.
        stem : {None, "porter", "snowball", "lemma", "wordnet"}
            Reduce words to a stem with NLTK's Porter or Snowball stemmer, or
            to a lemma with the toolkit's rule-based English lemmatizer. These
            need no data and give the same result on every machine.
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
        stop = _stopword_set(stopwords)
        stemmer = _stemmer(stem)
        sizes = [ngrams] if isinstance(ngrams, int) else list(ngrams)
        if not sizes or any(not isinstance(n, int) or n < 1 for n in sizes):
            raise ValueError(f"ngrams must be a positive int or a sequence of them, not {ngrams!r}")
        out = [
            self._filter(t, lower, drop_punct, drop_numbers, stop, min_length, stemmer)
            for t in self.sentences["tokens"]
        ]
        if sizes == [1]:
            return out
        return [
            [" ".join(toks[i : i + n]) for n in sizes for i in range(len(toks) - n + 1)]
            for toks in out
        ]

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


def _stopword_set(stopwords: bool | Iterable[str]) -> frozenset[str]:
    if stopwords is True:
        return default_stopwords()
    if stopwords is False or stopwords is None:
        return frozenset()
    return frozenset(w.lower() for w in stopwords)


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
        from toolkit.lemmatize import lemmatize

        return lemmatize
    if stem == "wordnet":
        from toolkit.doctor import _nltk_has

        if not _nltk_has("corpora/wordnet"):
            raise LookupError(
                "stem='wordnet' needs NLTK's WordNet data, which is not installed. "
                "Use stem='lemma' (built in, no data needed) or install it once with: "
                "python -m nltk.downloader wordnet"
            )
        from nltk.stem import WordNetLemmatizer

        return functools.lru_cache(maxsize=None)(WordNetLemmatizer().lemmatize)
    raise ValueError(
        f"stem must be None, 'porter', 'snowball', 'lemma' or 'wordnet', not {stem!r}"
    )


def _sentence_columns(docs: Iterable[tuple[str, object, str]], mwes: tuple[str, ...]) -> dict:
    """Column lists of the sentence table for (doc_id, text, language) triples."""
    cols: dict[str, list] = {k: [] for k in ("doc_id", "sent_id", "start", "end", "sentence", "tokens")}
    for doc_id, text, lang in docs:
        if not isinstance(text, str) or not text:
            continue
        spans, toks = _tokenize_text(text, lang if lang in _TOKENIZERS else "en", mwes)
        k = len(spans)
        cols["doc_id"].extend([doc_id] * k)
        cols["sent_id"].extend(range(k))
        cols["start"].extend([s for s, _ in spans])
        cols["end"].extend([e for _, e in spans])
        cols["sentence"].extend([text[s:e] for s, e in spans])
        cols["tokens"].extend(map(list, toks))
    return cols


def tokenize(
    corpus: pd.DataFrame,
    *,
    mwes: Iterable[str] | str | Path | None = None,
    progress: bool = False,
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
    from toolkit.corpus import load_corpus

    if "status" not in corpus.columns or "doc_id" not in corpus.columns:
        corpus = load_corpus(corpus)
    mwe_t = _load_mwes(mwes)
    docs = zip(corpus["doc_id"], corpus["text"], corpus["language"], strict=True)
    if progress:
        from tqdm.auto import tqdm

        docs = tqdm(docs, total=len(corpus), desc="tokenize", unit="doc")
    # The loop allocates millions of small lists and tuples, none of them in
    # reference cycles; pausing the cyclic garbage collector avoids repeated
    # full scans of the growing heap (about a third of the run time on 20,000
    # articles). It is switched back on even if tokenization fails.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        cols = _sentence_columns(docs, mwe_t)
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
        }
    )
    return Tokens(corpus=corpus, sentences=sentences, mwes=mwe_t)


def as_tokens(data: pd.DataFrame | Tokens, **kwargs: object) -> Tokens:
    """Return ``data`` if it is already :class:`Tokens`, else tokenize it.

    Measures call this so that they accept either a corpus or its tokens;
    pass tokens to avoid the (cached, but not free) second pass.
    """
    if isinstance(data, Tokens):
        return data
    if isinstance(data, pd.DataFrame):
        return tokenize(data, **kwargs)
    raise TypeError(f"expected a corpus DataFrame or Tokens, got {type(data).__name__}")
