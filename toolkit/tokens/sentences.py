"""Sentence splitting for news copy: rule-based, offline, with character spans.

A full stop ends a sentence when the next word starts a new one, except after
titles (Mr., Gen., Lt., Sen., No.), single initials, month abbreviations
before a day number, and after "U.S.", "a.m.", "Inc." and similar unless the
next word is a typical sentence opener ("The", "He", "But" ...). Closing
quotes and brackets stay with the sentence they close; blank lines always
separate sentences, and a single line break does when the line ends a
sentence or is a short heading or dateline. Japanese and Korean text is also
split after 。！？ (and after ! or ? written straight after Japanese or Korean
text). In Korean and Japanese a boundary inside matched quotation marks or
brackets (「」『』“”"" and nested pairs) is not a sentence boundary, nor is
one before a quotative particle after a closing quote (「…。」と述べた), so a
quoted statement stays inside the sentence that reports it.
``benchmarks/tokenize_validity.py`` scores the splitter against the UD
Korean and Japanese treebanks.

A fresh NLTK (Punkt without its trained data) splits "The U.S. and Japan
will" after "U.S."; this splitter does not, and it needs no data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from toolkit.tokens.caches import _CACHES

__all__ = ["sentence_bounds", "split_sentences"]

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
# A match starts only at the first mark of a run (the lookbehind after the
# first mark): without that a long run of dots with no space after it
# ("....") is re-scanned from every position, which is quadratic (a run of
# 100,000 dots took minutes). The pattern opens with a character class, so the
# engine skips to the next mark with its fast prefix scan (twice as fast on
# news text as a leading lookahead); "…" is a mark of its own, the others run.
_CANDIDATE = re.compile(
    r"""(?P<punct>[.!?…](?<![.!?].)(?:(?<=…)|(?<!…)[.!?]*))"""
    r"""(?P<close>["'”’)\]]*)(?P<space>\s+)"""
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


def _word_rule(word: str) -> str | bool | None:
    """What the word before a full stop says: None, the stop ends a sentence;
    False, it never does (a title, an initial); else the word in lower case,
    whose rule depends on the word after the stop."""
    key = word.lower()
    if key in _ABBREVIATIONS or "." in key or (len(word) == 1 and word.isupper()):
        if key in _TITLES or (len(word) == 1 and word.isupper()):
            return False
        return key
    return None


# The seven characters before a full stop decide its word's rule when a space
# or newline among them starts the word; when none does, the word is seven
# characters or longer, which no abbreviation or initial is, and the stop ends
# a sentence, unless the word may look like "U.S" (a full stop next to last)
# or opening quotes may be stripped into the window: those (True) are looked
# at whole. Windows repeat far more than sentences, so their rules are memoised.
_WINDOW = 7


def _window_rule(window: str) -> str | bool | None:
    cut = max(window.rfind(" "), window.rfind("\n"))
    if cut >= 0:
        return _word_rule(window[cut + 1 :].lstrip(_LEADING))
    if window[-2] == "." or window.lstrip(_LEADING) != window:
        return True
    return None


class _RuleMemo(dict):
    """Window -> its rule; emptied when full and by ``clear_caches``."""

    limit = 200_000

    def cache_clear(self) -> None:
        self.clear()


_RULES = _RuleMemo()
_CACHES.append(_RULES)
_UNSEEN = object()


def _split_block(text: str, offset: int) -> list[tuple[int, int]]:
    """Split one paragraph (stripped) into (start, end) spans, offsets into the document."""
    starts, ends = _block_bounds(text)
    return [(offset + s, offset + e) for s, e in zip(starts, ends, strict=True)]


def _block_bounds(text: str) -> tuple[list[int], list[int]]:
    """Sentence starts and ends in one paragraph (stripped, not empty)."""
    starts = [0]  # where each sentence starts, and where the next would
    ends = []
    rules = _RULES
    for m in _CANDIDATE.finditer(text):
        if m.group(1) == ".":
            p = m.start()
            rule = rules.get(text[p - _WINDOW : p], _UNSEEN) if p >= _WINDOW else True
            if rule is _UNSEEN:
                if len(rules) > rules.limit:
                    rules.clear()
                rule = rules[text[p - _WINDOW : p]] = _window_rule(text[p - _WINDOW : p])
            if rule is True:
                # The word before the full stop, found with C-level string scans
                # (a regex anchored at the end would rescan the paragraph each
                # time; the newline is looked for only after the last space).
                sp = text.rfind(" ", 0, p)
                w0 = max(sp, text.rfind("\n", sp + 1, p)) + 1
                rule = _word_rule(text[w0:p].lstrip(_LEADING))
            if rule is False:
                continue
            if rule is not None:
                nxt = text[m.end() : m.end() + 24].lstrip(_LEADING)
                next_word = _NEXT_WORD.match(nxt)
                next_word = next_word.group(0).lower() if next_word else ""
                if rule in _MONTH_ABBR and next_word[:1].isdigit():
                    continue
                if (
                    rule in _TERMINAL_ABBR or _MULTI_PERIOD.match(rule)
                ) and next_word not in _OPENERS:
                    continue
        ends.append(m.end(2))  # after the closers
        starts.append(m.end())
    # Every sentence is at least one character: a stop ends the sentence
    # after the start of its match, and the next starts after the match.
    if starts[-1] < len(text):
        ends.append(len(text))  # the paragraph is stripped
    else:
        starts.pop()
    return starts, ends


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
    """Split ``text`` into sentences and return their character spans.

    Parameters
    ----------
    text : str
        One document.
    language : str, default "en"
        ISO code. Korean and Japanese also split after 。！？ and keep
        quoted sentences inside the sentence that quotes them.

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
    if language in ("ko", "ja"):
        return _join_quoted(text, _split(text, language))
    return _split(text, language)


def sentence_bounds(text: str, language: str = "en") -> tuple[tuple[int, ...], tuple[int, ...]]:
    """:func:`split_sentences` as two tuples, the starts and the ends.

    The tokenizer's form: a document of one paragraph in a language without
    Japanese stops (most news copy) skips building a pair per sentence.

    Examples
    --------
    >>> sentence_bounds("Seoul met Tokyo. Talks ended.")
    ((0, 17), (16, 29))
    """
    if "\n" not in text and language not in ("ja", "zh", "ko") and "。" not in text:
        block = text.strip()
        if not block:
            return (), ()
        starts, ends = _block_bounds(block)
        lead = len(text) - len(text.lstrip())
        if lead:
            return tuple(s + lead for s in starts), tuple(e + lead for e in ends)
        return tuple(starts), tuple(ends)
    spans = split_sentences(text, language)
    if not spans:
        return (), ()
    starts, ends = zip(*spans, strict=True)
    return starts, ends


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
