"""Quotes and sources: who is quoted, in whose words, and who stays anonymous.

:func:`quotes` finds

- **direct quotes** between straight or curly double quotation marks, or
  the two apostrophes of Nexis exports (``''Yes,'' he said``) (or,
  in texts with no double marks, single curly marks), including quotes that
  run over several sentences and quotes that continue in the next paragraph
  (a paragraph that opens with a quotation mark without attribution belongs
  to the speaker of the quote just before it, the newswire convention).
  Quotes inside a quote (single marks within double) stay part of the outer
  quote;
- their **attribution** after the quote (``"...," Kim said``; ``"...," said
  Kim``; ``"..." (Kim Min-ji, survivor)``), before it (``Kim said: "..."``;
  ``According to Kim, "..."``), by pronoun (``he said`` resolved to the
  nearest *compatible* antecedent: a person of the right gender, judged from
  honorifics, gendered nouns and earlier he/she, for he/she; a body for it;
  several people or a body for they) or by continuation;
- **indirect attributions** ("Kim said that ...", "..., the official said",
  "According to the ministry, ...", "..., adding that ...", "The focus, he
  said, should be ...").

Marks that enclose nobody's words are not quotes: scare quotes and short
quoted terms inside the reporter's sentence, titles of works, headlines and
slogans in title case, markup and code (``url("...")``, HTML attributes,
``[gallery ...]`` shortcodes, web addresses). Validity on real news (hand
annotation of AFP and New York Times articles, ``tests/fixtures/quotes_dev.tsv``)
is printed by ``benchmarks/quote_validity.py``; the time taken grows in
proportion to the text.

Each speaker phrase gets a **role** from ``toolkit/data/roles.yaml`` (first
matching role in file order), a **country** from the actor lexicon
(:mod:`toolkit.measures.actors`) read on the speaker phrase, else from a title found in
only one country (``chief cabinet secretary`` -> JP), else from an earlier
mention of the same name, else, for an unnamed state body ("the foreign
ministry", "an official here"), the outlet's home country; the column
``country_source`` says which rule decided. A quote is **anonymous** when
the sentence carries an anonymity formula ("speaking on condition of
anonymity", "asked not to be named") or the speaker is an unnamed official,
expert or source ("an official said", "sources said", "officials in Tokyo");
unnamed ordinary people ("a retired teacher, 67") are ``named=False`` but not
anonymous sources.

Traps handled (see ``tests/measures/quotes/test_english.py``): "so-called" is not "called";
"that said", "as said before", "the said agreement" and "is said to be" are
not attributions; "refused to say" reports nothing; a speaker is never
"According", a date or a clause ("There is one part that ..."); "North
Korea" in a speaker phrase is KP, never KR; "general" and "officer" are
military only as ranks ("chief executive officer", "general counsel" and
"General Motors" are business or legal).
:func:`sources` summarises by outlet or country; :func:`mentioned_not_quoted`
lists named people who appear in an article but are never quoted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from toolkit._meta import STATUS_EMPTY, STATUS_OK, attach_attrs, renamed, unmeasured_warning
from toolkit._parallel import resolve_n_jobs, run_chunks
from toolkit.lexicons.dictionary import Dictionary, load_bundled
from toolkit.measures._contract import document_statuses, record_unmeasured
from toolkit.measures.actors import actor_lexicon, find_actors
from toolkit.measures.quotes import cjk as _cjk
from toolkit.stats.groups import By, with_groups
from toolkit.tokens.tokenizer import Tokens, as_tokens

__all__ = ["mentioned_not_quoted", "quotes", "role_lexicon", "sources"]

# --------------------------------------------------------------------------
# Word lists (grammar of attribution, not lexicon content)
# --------------------------------------------------------------------------

_VERBS_ANY = (
    r"said|says|say|told|added|adds|noted|stressed|stresses|emphasi[sz]ed|"
    r"emphasi[sz]es|underscored|insisted|insists|argued|argues|warned|warns|explained|"
    r"explains|stated|claimed|maintained|maintains|asserted|remarked|wrote|"
    r"writes|recalled|replied|responded|asked|continued|declared|commented|"
    r"complained|acknowledged|admitted|announced|pointed out|observed|predicted|suggested|"
    r"urged|conceded|countered|lamented|cautioned|vowed|pledged|confirmed|called|described|"
    r"concluded|reported"
)
_VERBS_STRONG = (
    r"said|says|say|told|added|noted|stressed|emphasi[sz]ed|insisted|argued|argue|"
    r"warned|warn|maintained|maintain|explained|stated|asserted"
)
_VERBS_THAT = (
    r"acknowledged|admitted|predicted|suggested|confirmed|announced|complained|cautioned|"
    r"claimed|pointed out|conceded|countered"
)
# A verb must not be glued to a hyphen ("so-called") or to letters.
_V = r"(?<![\w-])(?P<verb>{})(?![\w-])"
_RX_TAIL_AFTER = re.compile(
    r"^[\s,]*" + _V.format(_VERBS_ANY) + r"\s+(?P<sp>.+?)\s*[.!?]?\s*$", re.S
)
_RX_TAIL_BEFORE = re.compile(
    r"^[\s,]*(?P<sp>.+?)\s+" + _V.format(_VERBS_ANY) + r"(?P<rest>.*)$", re.S
)
_RX_ACCORDING_TAIL = re.compile(r"^[\s,]*according to\s+(?P<sp>.+?)\s*[.!?]?\s*$", re.S | re.I)
_RX_HEAD = re.compile(_V.format(_VERBS_ANY))
_RX_ACCORDING_HEAD = re.compile(r"according to\s+(?P<sp>[^,]+?)\s*,?\s*$", re.I)
_RX_IND_LEAD = re.compile(
    r"^(?P<sp>.{2,160}?)\s+" + _V.format(_VERBS_STRONG + "|" + _VERBS_THAT) + r"\s+(?P<rest>.+)$",
    re.S,
)
_RX_IND_TRAIL = re.compile(
    r"^(?P<content>.{12,}?),\s+(?P<sp>[^,\"“”]{2,120}?)\s+"
    + _V.format(r"said|says|say|added|noted|told\s+\w+|warned|argued|stressed|insisted|explained")
    + r"(?P<tail>\s+(?:on|in|at|last|this|late|earlier)\b[^,]*)?\s*[.!?]?\s*$",
    re.S,
)
_RX_IND_TRAIL_INV = re.compile(
    r"^(?P<content>.{12,}?),\s+(?P<verb>said|says|added|noted)\s+(?P<sp>[^\"“”]+?)\s*[.!?]?\s*$",
    re.S,
)
_RX_ACC_LEAD = re.compile(r"^According to\s+(?P<sp>[^,]{2,120}),\s+(?P<content>.+)$", re.S)
_RX_ACC_TRAIL = re.compile(
    r"^(?P<content>.{12,}?),\s+according to\s+(?P<sp>[^,]{2,120}?(?:,\s+[A-Z][^,]{1,60}?)?)"
    r"\s*(?:[.!?]?\s*$|,\s)",
    re.S,
)

_NON_ATTRIB = re.compile(
    r"(?:\b(?:that|as|having|easier|needless\s+to|so\s+to|the|be|been)\s+(?:said|say)\b)"
    r"|(?:\b(?:said|says)\s+to\s+(?:be|have)\b)"
    r"|(?:\b(?:say|says|said)\s+(?:much|a\s+lot|little|something|nothing|volumes)\b)",
    re.I,
)
_INTRO = re.compile(
    r"^(?:(?:In|On|At|During|After|Before|Speaking|Asked|When|Meanwhile|However|Later|Earlier|"
    r"But|And|Still|Separately|Also|Yet|Instead|Today|Last|This|Since|While|Following|For|"
    r"Responding|Referring|Commenting|Explaining|Addressing|As|Despite|With|Without|Although|"
    r"Though|Because|If|Unlike|Amid|Under|Once|Given|Shortly|Then|Now|Here|There|Again|Overall|"
    r"[A-Z][a-z]+ing)\b[^,]{0,120},\s*)+"
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'/-]+(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(?:\([^)]*\))?\s*[—–-]{1,2}\s*"
)
_LEADING = re.compile(
    r"^(?:(?:but|and|yet|so|still|also)\s+|(?:adding|saying|noting|explaining|arguing|insisting|"
    r"warning|stressing)\s+(?:that\s+)?)+",
    re.I,
)
_TRAILING = re.compile(
    r"(?:\s*,)?\s+(?:also|later|then|further|again|previously|earlier|repeatedly|recently|once|"
    r"has|have|had|would|will|could|may|might|here|there|since|themselves|himself|herself|"
    r"(?:on|last|this|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|night|morning))$",
    re.I,
)
_CUT_APPOSITIVE = re.compile(
    r",\s*(?:adding|noting|saying|speaking|referring|citing|who|whose|which|including|when|after|as|"
    r"(?-i:[a-z]+ing)|(?-i:[a-z]+ed)\s+(?:on|in|by|at|last|this|earlier)|"
    r"while|in\s+an?\s+"
    r"(?:interview|statement|briefing)|in\s+a\s+news|at\s+a\s+news|during)\b.*$",
    re.I | re.S,
)
_ANON = re.compile(
    r"condition of anonymity|on condition (?:that )?(?:he|she|they) not be (?:named|identified)|"
    r"speaking anonymously|asked not to be (?:named|identified)|declined to be (?:named|identified)|"
    r"requested anonymity|requesting anonymity|insisted on anonymity|declined to give (?:his|her|their) name|"
    r"not authori[sz]ed to (?:speak|talk|comment)|who did not want to be named|unnamed",
    re.I,
)
_FINITE = re.compile(
    r"\b(?:had|has|have|was|were|is|are|would|will|did|could|should|can|might|may|must|shall|does)\b"
)
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them"}
_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}
_DETERMINERS = {
    "a",
    "an",
    "the",
    "one",
    "two",
    "three",
    "several",
    "many",
    "some",
    "most",
    "other",
    "another",
    "both",
    "all",
}
_INDEFINITE = {
    "a",
    "an",
    "one",
    "some",
    "several",
    "two",
    "three",
    "four",
    "many",
    "other",
    "another",
    "various",
    "multiple",
    "few",
}
_REJECT_FIRST = {
    "that",
    "as",
    "having",
    "easier",
    "needless",
    "what",
    "which",
    "whatever",
    "this",
    "there",
    "it's",
    "no",
    "nothing",
    "not",
}
_REJECT_LAST = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "as",
    "having",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "easier",
    "than",
    "to",
    "of",
    "who",
    "which",
    "and",
    "or",
    "but",
    "not",
    "never",
    "it's",
    "what",
    "nothing",
}
_TITLES = {
    "president",
    "prime",
    "minister",
    "foreign",
    "defense",
    "defence",
    "chief",
    "cabinet",
    "secretary",
    "deputy",
    "vice",
    "senior",
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
    "prof.",
    "professor",
    "mr",
    "ms",
    "mrs",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "madam",
    "mme",
    "rev.",
    "rev",
    "fr.",
    "gen.",
    "adm.",
    "lt.",
    "col.",
    "rep.",
    "sen.",
    "gov.",
    "ambassador",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "director-general",
    "director",
    "general",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "former",
    "then",
    "lawmaker",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "ceo",
    "counterpart",
    "envoy",
    "governor",
    "mayor",
    "trade",
    "industry",
    "economy",
    "unification",
    "finance",
    "education",
    "national",
    "security",
    "adviser",
    "advisor",
    "official",
    "officials",
    "representative",
    "head",
    "leader",
    "opposition",
    "ruling",
    "party",
    "assembly",
    "speaker",
    "and",
    "of",
    "for",
    "at",
    "in",
    "with",
    "on",
}
_NAME_TOKEN = re.compile(r"^[A-Z][a-zA-Z'’]*(?:[-.&][a-zA-Z'’]+)*\.?$")
_QUOTE_OPEN = '"“'
_QUOTE_CLOSE = '"”'

_ROLE_TITLES = re.compile(
    r"\b(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Trade Minister|"
    r"Industry Minister|Unification Minister|Finance Minister|Minister|Vice Minister|"
    r"Chief Cabinet Secretary|Cabinet Secretary|Ambassador|Gen\.|General|Adm\.|Admiral|"
    r"Prof\.|Professor|Mr\.|Ms\.|Mrs\.|Dr\.|Rep\.|Sen\.|Gov\.|Governor|Mayor|Chairman|"
    r"Chairwoman|Judge|Justice|Spokesperson|Spokesman|Spokeswoman|Director-General|"
    r"counterpart|envoy|lawmaker|spokesperson|spokesman|spokeswoman|minister)\s+"
    r"(?P<name>[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+[A-Z][\w'’]*(?:-[\w'’]+)*){0,2})"
)
_APPOSITIVE_NAME = re.compile(
    r"(?P<name>\b[A-Z][a-z'’]+(?:-[a-z'’]+)*(?:\s+[A-Z][a-z'’]+(?:-[a-z'’]+)*){1,2}),\s+"
    r"(?P<role>(?:a|an|the)?\s*[^,.;\"“”]{3,140})"
)


# --------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------


def role_lexicon() -> Dictionary:
    """The speaker-role dictionary (``toolkit/data/roles.yaml``), in priority order.

    Examples
    --------
    >>> list(role_lexicon().categories)[:3]
    ['chief_cabinet_secretary', 'prime_minister', 'president']
    """
    return load_bundled("roles.yaml")


_ACTORS_CACHE: dict[str, Dictionary] = {}


def _speaker_actors() -> Dictionary:
    """The actor lexicon plus the one-country titles of roles.yaml."""
    if "lex" not in _ACTORS_CACHE:
        from toolkit.data import data_path, read_yaml

        with open(data_path("roles.yaml"), encoding="utf-8") as fh:
            hints = read_yaml(fh).get("_country_hints", {}) or {}
        _ACTORS_CACHE["lex"] = actor_lexicon({k: list(v) for k, v in hints.items()})
    return _ACTORS_CACHE["lex"]


# --------------------------------------------------------------------------
# One document
# --------------------------------------------------------------------------


@dataclass
class _Quote:
    start: int  # content start
    end: int  # content end
    open_at: int  # position of the opening mark
    close_at: int  # position of the closing mark (or paragraph end)
    para: int
    open_end: bool


@dataclass
class _Speaker:
    text: str
    start: int
    end: int
    verb: str = ""
    attribution: str = ""


@dataclass
class _Doc:
    doc_id: str
    text: str  # the text with Nexis '' marks read as double quotes (same length)
    country: str
    sent_starts: list[int]
    sent_ends: list[int]
    sent_ids: list[int]
    sent_rows: list[int]
    sent_tokens: list[tuple[int, int, list[str]]] = field(repr=False)
    raw: str = ""  # the text as given, for the quote column
    language: str = ""  # the corpus "language" column, for dispatch by language
    _tokens: list[tuple[int, int, str]] | None = field(default=None, repr=False)
    _tok_starts: list[int] | None = field(default=None, repr=False)
    _proper: set[str] | None = field(default=None, repr=False)
    _lowered: frozenset[str] | None = field(default=None, repr=False)
    _honorifics: dict[str, str] | None = field(default=None, repr=False)
    genders: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def proper(self) -> set[str]:
        """Words this document capitalizes mid-sentence (proper nouns, roughly)."""
        if self._proper is None:
            found: set[str] = set()
            for s0, s1 in zip(self.sent_starts, self.sent_ends, strict=True):
                words = re.findall(r"[\w'’.-]+", self.text[s0:s1])
                found.update(w.strip(".") for w in words[1:] if _NAME_TOKEN.match(w))
            self._proper = found
        return self._proper

    @property
    def honorifics(self) -> dict[str, str]:
        """Surname -> "m"/"f" from the document's Mr./Ms./Mrs. (NYT style)."""
        if self._honorifics is None:
            found: dict[str, str] = {}
            for m in _HONORIFIC_NAME.finditer(self.text):
                found.setdefault(m.group("n"), "m" if m.group("h") == "Mr" else "f")
            self._honorifics = found
        return self._honorifics

    @property
    def lowered(self) -> frozenset[str]:
        """Words this document writes in lower case somewhere (so not names)."""
        if self._lowered is None:
            self._lowered = frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", self.text))
        return self._lowered

    def sentence_at(self, pos: int) -> int:
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        return max(k, 0)

    def tokens_in(self, a: int, b: int) -> list[str]:
        """Tokenizer tokens (multi-word expressions joined) lying inside text[a:b]."""
        if self._tokens is None:
            toks: list[tuple[int, int, str]] = []
            for s0, s1, words in self.sent_tokens:
                toks.extend(_token_spans(self.raw, s0, s1, words))
            toks.sort(key=lambda t: (t[0], t[1]))
            self._tokens = toks
            self._tok_starts = [t[0] for t in toks]
        # tokens are sorted by start, so only the ones starting in [a, b) are
        # looked at: the cost follows the span, not the document
        i = bisect.bisect_left(self._tok_starts, a)
        j = bisect.bisect_left(self._tok_starts, b)
        return [w for s, e, w in self._tokens[i:j] if e <= b and e > s]


_NEXIS_MARK = re.compile(r"''")


def _read_marks(text: str) -> str:
    """The text with the Nexis convention of two apostrophes for a double
    quotation mark (``''Yes,'' he said``) rewritten as a straight double mark
    plus a space, keeping every offset: an opening pair becomes `` "`` (the
    mark next to the quote), a closing pair ``" ``."""
    if text.count("''") < 2:
        return text
    out = list(text)
    for m in _NEXIS_MARK.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        opening = (before.isspace() or before in "([—–-") and not after.isspace()
        out[i], out[i + 1] = (" ", '"') if opening else ('"', " ")
    return "".join(out)


def _token_spans(text: str, s0: int, s1: int, words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, token) of a sentence's tokens, found left to right in
    text[s0:s1] (a multi-word token "South_Korea" spans its words)."""
    out, pos = [], s0
    for tok in words:
        probe = tok.replace("_", " ")
        i = text.find(probe, pos, s1)
        if i < 0:  # a multi-word token across a line break or double space
            parts = probe.split(" ")
            i = text.find(parts[0], pos, s1)
            j = text.find(parts[-1], max(i, pos), s1)
            j = j + len(parts[-1]) if i >= 0 and j >= 0 else -1
        else:
            j = i + len(probe)
        if i < 0 or j < 0:
            i = j = pos
        out.append((i, j, tok))
        pos = j
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n+", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _find_quotes(text: str) -> list[_Quote]:
    """Direct quote spans, paragraph by paragraph."""
    doubles = any(c in text for c in '"“”')
    found: list[_Quote] = []
    for p, (a, b) in enumerate(_paragraphs(text)):
        open_at = -1
        for i in range(a, b):
            ch = text[i]
            if doubles:
                if open_at < 0 and ch in _QUOTE_OPEN + "”":
                    if ch == "”" and i > a and not text[i - 1].isspace():
                        continue
                    open_at = i
                elif open_at >= 0 and ch in _QUOTE_CLOSE:
                    found.append(_Quote(open_at + 1, i, open_at, i, p, False))
                    open_at = -1
            else:
                if open_at < 0 and ch == "‘" and (i == a or not text[i - 1].isalnum()):
                    open_at = i
                elif open_at >= 0 and ch == "’" and i > 0 and text[i - 1] in ",.?!":
                    found.append(_Quote(open_at + 1, i, open_at, i, p, False))
                    open_at = -1
        if open_at >= 0:
            found.append(_Quote(open_at + 1, b, open_at, b, p, True))
    out = []
    for q in found:
        if _non_quote(text, q):
            continue
        # the comma before the closing mark belongs to the sentence, not the quote
        while q.end > q.start and text[q.end - 1] in " ,\n":
            q.end -= 1
        while q.start < q.end and text[q.start].isspace():
            q.start += 1
        if q.end > q.start:
            out.append(q)
    return out


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# dates and numbers opening a phrase ("2018, Moon's administration", "March 1, the
# ministry"), and "according to" left in front of a source
_LEADING_DATE = re.compile(
    r"^(?:(?:on|in|since|by|until)\s+)?(?:"
    + _MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,4}(?:s|st|nd|rd|th)?|"
    + _MONTH
    + r"|"
    + r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r"(?:\s*,\s*\d{4})?\s*[,.:;]?\s+",
    re.I,
)
_ACCORDING = re.compile(r"^according\s+to\s+", re.I)


_WORK_CUE = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|headline|book|novel|film|movie|"
    r"documentary|play|song|album|series|show|exhibition|report|article|essay|column|slogan|"
    r"hashtag|campaign|project|banner|sign|placards?|motto)\W{0,3}$",
    re.I,
)


def _non_quote(text: str, q: _Quote) -> bool:
    """Marks that do not enclose anybody's words: markup and code (``url("...")``,
    ``<a href="...">``, ``[gallery ids="1,2"]``), web addresses and file names,
    and titles of works, headlines and slogans (a title-cased phrase without
    sentence punctuation, or one introduced by "titled", "the film" ...)."""
    before = text[max(0, q.open_at - 60) : q.open_at]
    content = text[q.open_at + 1 : q.close_at]
    if re.search(r"(?:url\(|=)\s*$", before, re.I):
        return True
    lt, gt = before.rfind("<"), before.rfind(">")
    if lt > gt and re.match(r"<\s*/?\s*[A-Za-z]", before[lt:]):
        return True  # inside an HTML tag
    lb, rb = before.rfind("["), before.rfind("]")
    if lb > rb and re.match(r"\[\s*/?\w", before[lb:]):
        return True  # inside a [shortcode ...]
    if (
        "://" in content
        or re.search(r"[{};]\s*[\w-]+\s*:", content)
        or re.fullmatch(r"[\w./#:@?&%+-]*[./#@][\w./#:@?&%+-]*", content.strip())
    ):
        return True  # a URL, a path, a CSS rule
    words = re.findall(r"[A-Za-z][\w'’-]*", content)
    if not re.search(r"[.!?,;:]\s*$|[.!?]\s", content.strip()) and words:
        long = [w for w in words if len(w) > 3]
        capital = [w for w in long if w[0].isupper()]
        if len(long) >= 2 and len(capital) >= 0.75 * len(long) and len(words) <= 14:
            return True  # a title or headline in title case
        if _WORK_CUE.search(before) and len(words) <= 14:
            return True
    return False


def _clean_speaker(sp: str, start: int) -> tuple[str, int] | None:
    """Trim a candidate speaker phrase; None when it cannot be a speaker."""
    raw = sp
    m = _DATELINE.match(sp)
    if m:
        sp = sp[m.end() :]
    m = _INTRO.match(sp)
    if m:
        sp = sp[m.end() :]
    for rx in (_ACCORDING, _LEADING_DATE, _LEADING_DATE):
        m = rx.match(sp)
        if m:
            sp = sp[m.end() :]
    # "The reaction has been mixed, and some survivors [said]": the subject
    # of "said" is the last coordinated clause
    parts = re.split(r"(?:,|;)\s+(?:and|but|while|whereas|yet)\s+", sp)
    if len(parts) > 1:
        sp = parts[-1]
    m = _LEADING.match(sp)
    if m:
        sp = sp[m.end() :]
    sp = _CUT_APPOSITIVE.sub("", sp)
    # "an activist with a civic group that has supported ...": the relative
    # clause describes the speaker and is not part of the name
    sp = re.sub(r"(?<=\w)\s+(?:who|whom|whose|that|which)\s.*$", "", sp, flags=re.S)
    prev = None
    while prev != sp:
        prev = sp
        sp = _TRAILING.sub("", sp).strip().rstrip(",").strip()
        sp = re.sub(r"\s+[a-z]+ly$", "", sp) if len(sp.split()) > 1 else sp  # "has consistently"
    sp = sp.strip().strip(",;:—–-").strip()
    if not sp or any(c in sp for c in '"“”'):
        return None
    words = sp.split()
    if len(words) > 30:
        return None
    low = [w.lower().strip(",.") for w in words]
    if low[0] in _REJECT_FIRST and len(words) == 1:
        return None
    if (
        low[0] in ("according", "there", "here", "it's", "this", "these", "those")
        or low[0][:1].isdigit()
    ):
        return None  # "According", "There is one part that ...", a number or date
    if _FINITE.search(sp.split(",")[0]):
        return None  # a clause, not a noun phrase
    if low[0] in {
        "as",
        "having",
        "easier",
        "needless",
        "what",
        "which",
        "whatever",
        "who",
        "whom",
        "whose",
        "where",
    }:
        return None
    if low[-1] in _REJECT_LAST:
        return None
    return sp, start + raw.find(sp)


def _plausible(
    sp: str,
    tokens: list[str],
    roles: Dictionary,
    actors: Dictionary,
    proper: set[str],
    lowered: frozenset[str] = frozenset(),
) -> bool:
    """Can this phrase be a speaker? A pronoun, a role, an actor, a determiner
    phrase ("the agreement", "a member of ..."), or a proper name: a
    capitalized word that is not the phrase's first word, or one the document
    also capitalizes mid-sentence (so "Kim" counts and "Tourism" does not)."""
    words = sp.split()
    if sp.lower() in _PRONOUNS or words[0].lower() in _DETERMINERS:
        return True
    if roles.match(tokens) or find_actors(tokens, actors):
        return True
    from toolkit.tokens.tokenizer import default_stopwords

    stop = default_stopwords()
    return any(
        _NAME_TOKEN.match(w)
        and w.lower() not in stop
        and (
            k > 0
            or w.strip(",.") in proper
            or (len(w) > 2 and lowered and re.sub(r"['’]s$", "", w).lower() not in lowered)
        )
        for k, w in enumerate(words)
    )


def _head_noun(sp: str) -> str:
    head = re.split(r",|\s(?:of|at|with|from|for|in|on|who|here|there)\s", sp.lower())[0]
    return head.split()[-1] if head.split() else ""


def _speaker_name(sp: str, tokens: list[str], actors: Dictionary) -> str | None:
    """A personal (or organisation) name in the speaker phrase, titles and places removed."""
    head = re.split(r",|\s(?:of|at|with|from|for|in)\s", sp, maxsplit=1)[0]
    actor_words = set()
    for s, e, *_ in find_actors(tokens, actors):
        for t in tokens[s:e]:
            actor_words.update(t.replace("_", " ").lower().split())
    runs: list[list[str]] = []
    cur: list[str] = []
    for w in head.split():
        w2 = w.strip(",;:")
        bare = re.sub(r"['’]s$", "", w2)
        ok = (
            _NAME_TOKEN.match(w2)
            and w2.lower() not in _TITLES
            and bare.lower() not in actor_words
            and bare.lower().rstrip(".") not in actor_words
        )
        if ok:
            cur.append(w2)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    if not runs:
        return None
    best = max(runs, key=len)
    name = " ".join(best)
    roles = role_lexicon()
    if roles.match(name.split()) and len(best) == 1:
        return None
    return name


# a source in parentheses right after the quote; not a photo credit or page
# reference ("(Nina Berman/Sipa Press)", "(pg. 4)")
_RX_SOURCE_PAREN = re.compile(r"^[\s.,]*\((?P<sp>[A-Z][^()\d/]{1,60})\)")
_RX_QUOTED_TAIL = re.compile(
    r"^[\s,]*(?P<src>[^\"“”]+?)\s+quoted\s+(?P<sp>.+?)\s+as\s+(?:saying|telling)\b", re.S
)


def _attr_tail(doc: _Doc, q: _Quote, next_open: int, para_end: int) -> list[_Speaker]:
    """Speaker candidates after a quote (``"...," Kim said``; ``..., said Kim``)."""
    if q.open_end:
        return []
    k = doc.sentence_at(q.close_at)
    stop = min(doc.sent_ends[k], next_open, para_end)
    a = q.close_at + 1
    tail = doc.text[a:stop]
    m = _RX_SOURCE_PAREN.match(doc.text[a : min(next_open, para_end)])
    if m:
        # '"We will not give up." (Kim Min-ji, survivor)'
        sp = m.group("sp").split(",")[0].strip()
        return [_Speaker(sp, a + m.start("sp"), a + m.start("sp") + len(sp), "", "after")]
    if not tail.strip() or _NON_ATTRIB.search(tail[:40]):
        return []
    m = _RX_ACCORDING_TAIL.match(tail)
    if m:
        return [
            _Speaker(
                m.group("sp"), a + m.start("sp"), a + m.end("sp"), "according to", "according_to"
            )
        ]
    m = _RX_QUOTED_TAIL.match(tail)
    if m:
        return [_Speaker(m.group("sp"), a + m.start("sp"), a + m.end("sp"), "quoted", "after")]
    m = _RX_TAIL_AFTER.match(tail)
    if m:
        return [
            _Speaker(m.group("sp"), a + m.start("sp"), a + m.end("sp"), m.group("verb"), "after")
        ]
    m = _RX_TAIL_BEFORE.match(tail)
    if m:
        return [
            _Speaker(m.group("sp"), a + m.start("sp"), a + m.end("sp"), m.group("verb"), "after")
        ]
    return []


_RX_HEAD_PARTICIPLE = re.compile(
    r"\b(?P<verb>saying|adding|writing|declaring|insisting|stressing|noting|telling\s+\w+)"
    r"(?:\s+that)?\s*[,:]?\s*$"
)


def _attr_head(doc: _Doc, q: _Quote, prev_close: int, para_start: int) -> list[_Speaker]:
    """Speaker candidates before a quote (``Kim said: "..."``), nearest reading first.

    Besides the words before the speech verb, the subject of the sentence
    ("Capriles, ..., kept his followers off the street but warned Maduro:
    '...'"), and a bare subject before partly quoted words ("Putin also
    'underscored ...'")."""
    k = doc.sentence_at(q.open_at)
    a = max(doc.sent_starts[k], prev_close + 1, para_start)
    head = doc.text[a : q.open_at]
    if not head.strip():
        return []
    m = _RX_ACCORDING_HEAD.search(head)
    if m:
        return [
            _Speaker(
                m.group("sp"), a + m.start("sp"), a + m.end("sp"), "according to", "according_to"
            )
        ]
    out = []
    verb = ""
    # the speech verb nearest the quote ("..., the cable said, adding that Xi
    # noted: '...'"), its subject the whole head or the words after a boundary
    verbs = [
        m
        for m in _RX_HEAD.finditer(head)
        if not _NON_ATTRIB.search(head[max(0, m.start() - 12) : m.end() + 8])
    ]
    if verbs:
        m = verbs[-1]
        verb = m.group("verb")
        for sp, at in _subjects(head[: m.start()], False):
            out.append(_Speaker(sp, a + at, a + at + len(sp), verb, "before"))
    elif _RX_HEAD_PARTICIPLE.search(head):
        verb = _RX_HEAD_PARTICIPLE.search(head).group("verb")
    if a == doc.sent_starts[k] and (verb or head.rstrip().endswith(":")):
        subj = _sentence_subject(head)
        if subj is not None:
            out.append(
                _Speaker(subj[0], a + subj[1], a + subj[1] + len(subj[0]), verb or ":", "before")
            )
    elif (
        not verb
        and a == doc.sent_starts[k]
        and re.fullmatch(
            r"\s*(?:[A-Z][\w.'’-]*\s+){1,4}(?:(?:\w+ly|also|then|again|further|later)\s+)?", head
        )
    ):
        sp = re.sub(r"\s+(?:\w+ly|also|then|again|further|later)\s*$", "", head).strip()
        out.append(_Speaker(sp, a + head.find(sp), a + head.find(sp) + len(sp), "", "before"))
    return out


def _resolve_speaker(
    doc: _Doc, cand: _Speaker, roles: Dictionary, actors: Dictionary
) -> dict[str, Any] | None:
    cleaned = _clean_speaker(cand.text, cand.start)
    if cleaned is None:
        return None
    sp, start = cleaned
    end = start + len(sp)
    tokens = doc.tokens_in(start, end)
    if not tokens:
        tokens = sp.split()
    if not _plausible(sp, tokens, roles, actors, doc.proper, doc.lowered):
        return None
    matched_roles = []
    for m in roles.match(tokens):
        if m.category not in matched_roles:
            matched_roles.append(m.category)
    order = list(roles.categories)
    matched_roles.sort(key=order.index)
    acts = find_actors(tokens, actors)
    return {
        "speaker": sp,
        "speaker_start": start,
        "speaker_end": end,
        "verb": cand.verb,
        "attribution": cand.attribution,
        "pronoun": sp.lower() in _PRONOUNS,
        "speaker_name": None if sp.lower() in _PRONOUNS else _speaker_name(sp, tokens, actors),
        "speaker_role": matched_roles[0] if matched_roles else None,
        "speaker_roles": "|".join(matched_roles),
        "phrase_country": acts[0][2] if acts else None,
    }


class _History(list):
    """The speakers met so far in a document, in reading order, indexed by
    name, by name word and by head noun so that finding the earlier mention of
    a speaker does not rescan the document's quotes (linear time)."""

    def __init__(self) -> None:
        super().__init__()
        self._by_name: dict[str, list[int]] = {}
        self._by_word: dict[str, list[int]] = {}
        self._by_head: dict[str, list[int]] = {}

    def append(self, info: dict[str, Any]) -> None:  # type: ignore[override]
        k = len(self)
        super().append(info)
        name = info.get("speaker_name")
        if name:
            self._by_name.setdefault(name, []).append(k)
            for w in set(name.split()):
                self._by_word.setdefault(w, []).append(k)
        elif info.get("speaker"):
            self._by_head.setdefault(_head_noun(info["speaker"]), []).append(k)

    def earlier(self, info: dict[str, Any]) -> dict[str, Any] | None:
        """The latest earlier speaker with the same name ("Kim" for "Kim
        Min-su") or, for "the ...", the same head noun, not counting the same
        attribution met again (a continued quote)."""
        name = info.get("speaker_name")
        if name:
            parts = name.split()
            idx = (
                self._by_word.get(parts[0], []) if len(parts) == 1 else self._by_name.get(name, [])
            )
        elif info["speaker"].lower().startswith("the "):
            idx = self._by_head.get(_head_noun(info["speaker"]), [])
        else:
            return None
        for k in reversed(idx):
            if self[k].get("speaker_start") != info.get("speaker_start"):
                return self[k]
        return None


def _country_and_anonymity(
    doc: _Doc, info: dict[str, Any], sentence: str, history: list[dict[str, Any]], roles: Dictionary
) -> None:
    """Fill speaker_country, country_source, anonymous, named in ``info``.

    ``history`` holds the speakers met earlier in the document: a later
    "Kim" or "the official" takes the country of "Kim Min-su" or "a senior
    South Korean official".
    """
    name = info.get("speaker_name")
    role = info.get("speaker_role")
    meta = roles.meta.get(role, {}) if role else {}
    country, source = None, None
    earlier = history.earlier(info) if isinstance(history, _History) else None
    if info.get("phrase_country"):
        country, source = info["phrase_country"], "speaker"
    elif earlier is not None and earlier.get("speaker_country"):
        country, source = earlier["speaker_country"], "earlier_mention"
    if country is None and meta.get("government") and doc.country in _home_codes():
        country, source = doc.country, "outlet"
    info["speaker_country"] = country
    info["country_source"] = source
    sp_low = info["speaker"].lower().split()
    head = re.split(r",|\s(?:of|at|with|from|for|in|on|who|here|there)\s", info["speaker"].lower())[
        0
    ]
    head_noun = _head_noun(info["speaker"])
    plural = (
        head_noun.endswith("s")
        and not head_noun.endswith(("ss", "'s", "’s", "us"))
        and head.split()[0] not in ("the", "this", "that", "his", "her", "its", "their", "our")
    )
    sourced = any(w.startswith(("source", "insider")) for w in sp_low)
    unnamed_official = (
        not name
        and (sp_low[0] in _INDEFINITE or plural or sourced)
        and role not in (None, "resident", "victim", "civic_group")
    )
    info["anonymous"] = bool(_ANON.search(sentence) or unnamed_official or (sourced and not name))
    if earlier is not None and not name and earlier.get("anonymous"):
        info["anonymous"] = True
    info["named"] = bool(name)


def _home_codes() -> set[str]:
    return set(_speaker_actors().categories)


# Quoted words inside the reporter's own sentence shorter than this are a
# quoted term or fragment ("the 'big four'", "hoped for 'a positive climate'").
_PARTIAL_MIN = 5


def _fragment(text: str, q: _Quote, min_words: int) -> bool:
    """A quoted term, title or short partial quote rather than a quotation.

    A quote shorter than ``min_words`` words is one unless it is a whole
    utterance opening its sentence (``"No comment," he said``; ``he said:
    "No."``); a quote inside the reporter's sentence also when it is shorter
    than five words."""
    words = len(re.findall(r"\w+", text[q.start : q.end]))
    prev = text[max(0, q.open_at - 40) : q.open_at].rstrip()
    opens = (
        not prev
        or prev[-1] in '.!?:\n"”'
        or text[q.open_at - 1 : q.open_at] == "\n"
        or re.search(r"\b(?:said|says|asked|added|replied|wrote)\s*,$", prev) is not None
    )
    if opens:
        return words < min_words and text[q.start : q.close_at].rstrip()[-1:] not in (
            ",",
            ".",
            "!",
            "?",
        )
    return words < max(min_words, _PARTIAL_MIN)


def _doc_quotes(
    doc: _Doc, roles: Dictionary, actors: Dictionary, min_words: int, indirect: bool
) -> list[dict[str, Any]]:
    """All quotes of one document, resolved in reading order."""
    text = doc.text
    paras = _paragraphs(text)
    qs = _find_quotes(text)

    def sentence_of(a: int, b: int) -> str:
        k0, k1 = doc.sentence_at(a), doc.sentence_at(max(a, b - 1))
        return text[doc.sent_starts[k0] : doc.sent_ends[k1]]

    # An unclosed quote continues into the next paragraph's quote: one chain.
    chain = list(range(len(qs)))
    for i in range(1, len(qs)):
        if qs[i - 1].open_end and qs[i].para == qs[i - 1].para + 1:
            chain[i] = chain[i - 1]
    events: list[tuple[int, str, Any]] = []
    chain_raw: dict[int, dict[str, Any]] = {}
    for i, q in enumerate(qs):
        para_start, para_end = paras[q.para]
        next_open = qs[i + 1].open_at if i + 1 < len(qs) and qs[i + 1].para == q.para else para_end
        prev_close = qs[i - 1].close_at if i and qs[i - 1].para == q.para else -1
        info = None
        for cand in (
            *_attr_tail(doc, q, next_open, para_end),
            *_attr_head(doc, q, prev_close, para_start),
        ):
            info = _resolve_speaker(doc, cand, roles, actors)
            if info is not None:
                break
        if info is not None:
            chain_raw.setdefault(chain[i], info)
        events.append((q.start, "direct", (i, q, info)))
    frag = [_fragment(text, q, min_words) for q in qs]
    absorbed: set[int] = set()
    if indirect:
        marks = [(q.open_at, q.close_at + 1, f) for q, f in zip(qs, frag, strict=True)]
        qi = 0
        for s0, s1 in zip(doc.sent_starts, doc.sent_ends, strict=True):
            while qi < len(marks) and marks[qi][1] <= s0:
                qi += 1
            near, inside = [], []
            for j in range(qi, len(marks)):
                if marks[j][0] >= s1:
                    break
                near.append(marks[j])
                inside.append(j)
            for info, c0, c1 in _indirect(doc, s0, s1, roles, actors, near):
                # a quotation within reported speech ('said it was "another
                # step ..."'): the longer of the two is the quote
                within = [
                    j
                    for j in inside
                    if not frag[j] and c0 < qs[j].open_at and c1 >= qs[j].close_at - 1
                ]
                if any(qs[j].end - qs[j].start >= 0.5 * (c1 - c0) for j in within):
                    continue
                absorbed.update(within)
                events.append((c0, "indirect", (s0, s1, info, c0, c1)))
    events.sort(key=lambda e: e[0])

    rows: list[dict[str, Any]] = []
    para_starts = [a for a, _ in paras]
    history = _History()
    chain_done: dict[int, dict[str, Any]] = {}
    prev_direct: tuple[_Quote, dict[str, Any] | None] | None = None
    prev_indirect: tuple[int, int, dict[str, Any]] | None = None

    def finish(info: dict[str, Any], at: int, para_start: int, sentence: str) -> dict[str, Any]:
        if info.get("pronoun"):
            pron = _SUBJECT_FORM.get(info["speaker"].lower(), info["speaker"].lower())
            where = at
            sp_at = info.get("speaker_start", at)
            if sp_at > at and _RX_IND_VERB.search(text[at:sp_at]):
                # "The Global Times said ..., though it added ...": the
                # sentence's own earlier speaker counts
                where = sp_at
            info = _resolve_pronoun(info, _antecedent(doc, history, where, pron, roles, actors))
            if pron in ("he", "she") and info.get("speaker_name"):
                # what "he"/"she" was resolved to tells that person's gender later on
                doc.genders.setdefault(info["speaker_name"], "m" if pron == "he" else "f")
        if "speaker_country" not in info:
            _country_and_anonymity(doc, info, sentence, history, roles)
        return info

    for _, kind, payload in events:
        if kind == "indirect":
            s0, s1, info, c0, c1 = payload
            k = bisect.bisect_right(para_starts, s0) - 1
            para_start = para_starts[k] if k >= 0 else (para_starts[0] if para_starts else 0)
            info = finish(info, s0, para_start, text[s0:s1])
            history.append(info)
            rows.append(_row(doc, "indirect", c0, c1, info))
            prev_indirect = (para_start, c1, info)
            continue
        i, q, info = payload
        words = len(re.findall(r"\w+", text[q.start : q.end]))
        para_start = paras[q.para][0]
        sentence = sentence_of(q.open_at, min(len(text), q.close_at + 1))
        if info is None and chain[i] in chain_raw:
            base = chain_done.get(chain[i])
            if base is None:
                base = finish(dict(chain_raw[chain[i]]), q.open_at, para_start, sentence)
                chain_done[chain[i]] = base
            info = dict(base, attribution="continued")
        elif (
            info is None
            and prev_direct is not None
            and prev_direct[1] is not None
            and (prev_indirect is None or prev_indirect[1] < prev_direct[0].close_at)
        ):
            prev_q = prev_direct[0]
            starts_para = text[para_start : q.open_at].strip() == ""
            if prev_q.para == q.para or (prev_q.para == q.para - 1 and starts_para):
                info = dict(prev_direct[1], attribution="continued")
        elif (
            info is None
            and prev_indirect is not None
            and prev_indirect[0] == para_start
            and (prev_indirect[1] < q.open_at and text[: q.open_at].rstrip()[-1:] in '.!?"”')
        ):
            # "Fear could be part of it, Mr. Camargo said. 'Governments are afraid.'"
            info = dict(prev_indirect[2], attribution="continued")
        if frag[i] or i in absorbed:
            continue  # a scare quote, a quoted term or a few quoted words, not a quotation
        if words < min_words and all(w[:1].isupper() for w in text[q.start : q.end].split()):
            continue  # a quoted name ("Takeshima Day"), not a quotation
        if info is not None:
            if chain[i] in chain_done and info.get("attribution") != "continued":
                info = dict(chain_done[chain[i]], attribution=info["attribution"])
            else:
                info = finish(info, q.open_at, para_start, sentence)
                chain_done.setdefault(chain[i], info)
            history.append(info)
        prev_direct = (q, info)
        rows.append(_row(doc, "direct", q.start, q.end, info))
        if indirect and info is not None and info.get("attribution") == "after":
            # '"...," she said, adding that talks would resume.'
            k = doc.sentence_at(q.close_at)
            s_end = min(doc.sent_ends[k], qs[i + 1].open_at if i + 1 < len(qs) else len(text))
            tail = text[q.close_at + 1 : s_end]
            part = _PARTICIPLE.search(tail)
            if part and not re.search(r"[\"“”]", tail):
                c0 = q.close_at + 1 + part.start("content")
                c0, c1 = _strip_content(text, c0, q.close_at + 1 + len(tail))
                if len(text[c0:c1].split()) >= 3:
                    rows.append(
                        _row(
                            doc,
                            "indirect",
                            c0,
                            c1,
                            dict(info, verb=part.group("verb"), attribution="indirect"),
                        )
                    )
    rows.sort(key=lambda r: r["start"])
    return rows


_FEMALE_WORDS = re.compile(
    r"\b(?:woman|women|mother|wife|daughter|sister|girl|queen|actress|spokeswoman|chairwoman|"
    r"congresswoman|businesswoman|assemblywoman|grandmother|widow|Ms\.?|Mrs\.?|Miss|Madam)\b"
)
_MALE_WORDS = re.compile(
    r"\b(?:man|men|father|husband|son|brother|boy|king|spokesman|chairman|congressman|"
    r"businessman|assemblyman|grandfather|widower|Mr\.?|Sir)\b"
)
_HONORIFIC_NAME = re.compile(
    r"\b(?P<h>Mr|Ms|Mrs|Miss)\.?\s+(?:[A-Z][\w'’-]*\s+){0,2}"
    r"(?P<n>[A-Z][\w'’-]+)"
)
_THIRD = re.compile(r"\b(?P<m>he|his|him)\b|\b(?P<f>she|her|hers)\b|\b(?P<n>its)\b", re.I)


def _gender(doc: _Doc, info: dict[str, Any]) -> str | None:
    """ "m", "f" or None: from the phrase ("a spokeswoman"), from the
    document's honorifics for the surname ("Ms. Vetter"), or from the first
    he/she after the mention in its sentence ("Sharapova ... said she")."""
    sp = info.get("speaker") or ""
    if _FEMALE_WORDS.search(sp):
        return "f"
    if _MALE_WORDS.search(sp):
        return "m"
    name = info.get("speaker_name")
    if name:
        g = doc.genders.get(name) or doc.honorifics.get(re.sub(r"['’]s$", "", name.split()[-1]))
        if g:
            return g
    at = info.get("speaker_end")
    if isinstance(at, int) and doc.sent_starts:
        k = doc.sentence_at(at)
        m = _THIRD.search(doc.text, at, doc.sent_ends[k])
        if m:
            return "m" if m.group("m") else ("f" if m.group("f") else "n")
    return None


_ORG_NAME = re.compile(
    r"^(?:[A-Z]{2,}|[A-Z][\w]*[.&][\w.&]*)$|\b(?:Inc|Corp|Co|Ltd|Group|Times|Post)\b"
)


def _is_person(info: dict[str, Any], roles: Dictionary, doc: _Doc | None = None) -> bool:
    role = info.get("speaker_role")
    kind = roles.meta.get(role, {}).get("kind") if role else None
    sp = info.get("speaker") or ""
    name = info.get("speaker_name") or ""
    if re.search(r"\s(?:and|or|&)\s", sp.split(",")[0]) or _plural(sp):
        return False  # "France and Britain", "officials": more than one
    if name and _ORG_NAME.search(name):
        return False  # "E.ON", "NATO", "Global Times"
    if name and doc is not None and _gender(doc, info) == "n":
        return False  # "Transunion ... said its own systems ..."
    if name and not re.match(r"(?i)the\s", sp):
        return True
    return kind == "person"


def _plural(sp: str) -> bool:
    """A plural common noun heads the phrase ("officials", "African nations"),
    not a name ending in s ("Jonny Evans")."""
    head = _head_noun(sp)
    words = re.split(r",|\s(?:of|at|with|from|for|in|on|who|here|there)\s", sp)[0].split()
    raw_head = words[-1] if words else ""
    return (
        head.endswith("s")
        and not head.endswith(("ss", "'s", "’s", "us", "is"))
        and raw_head[:1].islower()
    )


def _compatible(doc: _Doc, pronoun: str, info: dict[str, Any], roles: Dictionary) -> bool:
    if not info.get("speaker") or info.get("pronoun"):
        return False
    if pronoun in ("he", "she"):
        if not _is_person(info, roles, doc):
            return False
        g = _gender(doc, info)
        return g is None or g == ("m" if pronoun == "he" else "f")
    if pronoun == "it":
        return not _is_person(info, roles, doc) and not _plural(info["speaker"])
    # "they": several people, or a body; not one named person
    return not _is_person(info, roles, doc)


_PASSIVE_AGENT = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\s+by\s+"
    r"(?P<sp>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)"
)


def _antecedent(
    doc: _Doc,
    history: list[dict[str, Any]],
    at: int,
    pronoun: str,
    roles: Dictionary,
    actors: Dictionary,
) -> dict[str, Any] | None:
    """Who a pronoun refers to: the nearest compatible candidate before it,
    among earlier speakers and the subjects of the sentences before ("A
    retired colonel, 67, took a practical view. '...,' he said."). He/she
    needs a person of a compatible gender (honorifics such as "Ms. Vetter",
    gendered nouns, he/she used after the name), it an institution."""
    cands: list[tuple[int, dict[str, Any]]] = []
    for h in history[-8:]:
        if h.get("speaker") and not h.get("pronoun"):
            cands.append((h.get("speaker_start", -1), h))
    k = doc.sentence_at(at)
    for kk in range(k, max(-1, k - 8), -1):
        s0 = doc.sent_starts[kk] if doc.sent_starts else 0
        if s0 >= at:
            continue
        sent = doc.text[s0 : min(doc.sent_ends[kk], at)]
        if sent[:1] in _QUOTE_OPEN:
            continue
        found = []
        subj = _sentence_subject(sent)
        if subj is not None:
            found.append(subj)
        agent = _PASSIVE_AGENT.search(sent)
        if agent:  # "a clearer policy was advanced by Robert Oakley"
            found.append((agent.group("sp"), agent.start("sp")))
        for sp, off in found:
            cand = _Speaker(sp, s0 + off, s0 + off + len(sp), "", "pronoun")
            info = _resolve_speaker(doc, cand, roles, actors)
            if (
                info is None
                or info["pronoun"]
                or not (info["speaker_role"] or info["speaker_name"])
            ):
                continue
            if _FINITE.search(info["speaker"]):
                continue
            _country_and_anonymity(doc, info, sent, history, roles)
            cands.append((info["speaker_start"], info))
    for _, info in sorted(cands, key=lambda c: -c[0]):
        if _compatible(doc, pronoun, info, roles):
            return info
    return None


def _resolve_pronoun(info: dict[str, Any], prev: dict[str, Any] | None) -> dict[str, Any]:
    if prev is None:
        out = dict(info)
        out.update(speaker_country=None, country_source=None, anonymous=False, named=False)
        out["resolved_from"] = info["speaker"]
        out["speaker"] = None
        return out
    out = dict(prev)
    out["attribution"] = info["attribution"]
    out["verb"] = info["verb"]
    out["resolved_from"] = info["speaker"]
    out["pronoun"] = False
    return out


# Reported speech without quotation marks. A speech verb with a subject
# right before it: the subject is the whole opening of the sentence or, when
# that is too long to be one, the words after the last clause boundary
# ("..., but analysts say", "a day after Prime Minister X said").
_SAY = r"said|says|say|added|adds"
_IND_VERBS = (
    _SAY
    + r"|told|tells|noted|notes|stressed|stresses|emphasi[sz]ed|insisted|insists|argued|argues|"
    r"warned|warns|maintained|maintains|explained|explains|stated|asserted|reiterated|"
    r"acknowledged|acknowledges|admitted|admits|predicted|predicts|suggested|confirmed|confirms|"
    r"announced|announces|complained|cautioned|claimed|claims|pointed out|conceded|countered|"
    r"reported|reports|concluded|denied|denies|recalled|wrote|writes|replied|responded|continued|"
    r"recogni[sz]ed|hinted"
)
_RX_IND_VERB = re.compile(r"(?<![\w-])(?P<verb>" + _IND_VERBS + r")(?![\w-])")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# what may stand between the verb and the reported clause (or the sentence end)
_AFTER_VERB = re.compile(
    r"^(?:\s+(?:(?!only\b)\w+ly(?!\w)|on\s+" + _WEEKDAY + r"|" + _WEEKDAY + r"|today|yesterday|"
    r"tonight|for\s+(?:years|decades|months|weeks|some\s+time|a\s+long\s+time)|"
    r"(?:on|in|at|during|after|from|over|via|through|late|last|this|earlier|later)\s+"
    r"(?![A-Z]\w*\s+(?:is|was|are|were|has|had|will|would)\b)[^,.;\"“”]{0,60}?"
    r"(?:statement|interview|briefing|conference|meeting|hearing|speech|report|letter|event|"
    r"e-?mail|comments?|Twitter|television|radio|blog|website|week|month|year|morning|"
    r"afternoon|evening|night|" + _WEEKDAY + r"|(?:\d{4}|\d{1,2})(?!,?\d))))*",
)
_CONJ = (
    r"(?:but|and|while|whereas|as|after|before|because|when|since|though|although|until|so|"
    r"even as|even though)"
)
_BOUNDARY = re.compile(
    r"(?:(?:[,;:][\"”]?|\s--|\s[—–])\s*(?:" + _CONJ + r"\s+)?|\s" + _CONJ + r"\s+)(?=\S)"
)
_PARTICIPLE = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+by\s+)(?P<verb>saying|adding|noting|arguing|warning|insisting|explaining|"
    r"stressing|claiming|predicting|acknowledging|admitting)\s+(?:that\s+)?(?P<content>.+)$",
    re.S,
)
_RX_TRAIL_INV = re.compile(
    r",\s+(?P<verb>said|says|added|noted|wrote|reported|explained|continued)\s+"
    r"(?P<sp>[^\"“”]+?)\s*[.!?]?\s*$",
    re.S,
)
_RX_QUOTED_AS = re.compile(
    r"(?:^|,\s+)(?:(?P<sp>[^,\"“”]{2,120}?)\s+(?:was|were|is|are)\s+quoted|[^,\"“”]{2,80}?\s+"
    r"(?:quoted|cited)\s+(?P<sp2>[^,\"“”]{2,60}?))\s+as\s+saying\s*[.!?]?\s*$",
    re.S,
)
_RX_QUOTED_X_AS = re.compile(
    r"\b(?:quoted|cited)\s+(?P<sp>[^\"“”]{2,200}?),?\s+as\s+saying(?:\s+(?:in|on|last|this)\s+[\w ]{1,20}?)?"
    r"\s*,?\s*(?:that\s+)?(?P<content>.+)$",
    re.S,
)
_PRONOUN_START = re.compile(r"^(?:he|she|they|it|we|I|there|you)\s+\w", re.I)
_NOT_CLAUSE = re.compile(
    r"^(?:to|of|about|for|on|against|with|from|into|by|in|ahead|"
    r"as(?!\s+(?:many|much|few|little|long|soon|well)\b)|at(?!\s+(?:least|most)\b)|after|before|"
    r"during|while|when|following|amid|under|over(?!\s+\d)|without|outside|inside|near)\b",
    re.I,
)
_FINITE_SOON = re.compile(
    r"^(?:\S+\s+){0,9}?(?:is|was|are|were|had|has|have|would|will|could|should|can|may|might|must|"
    r"did|does|do)\b"
)
_TOLD_OBJECT = re.compile(
    r"^\s*(?:reporters|journalists|lawmakers|legislators|parliament|members|delegates|supporters|"
    r"him|her|them|us|me|AFP|the\s+[\w\s-]{1,40}?|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)"
    r"(?=\s|,)"
)


def _strip_content(sent: str, c0: int, c1: int) -> tuple[int, int]:
    """Trim space, commas and the final punctuation off sent[c0:c1]."""
    while c0 < c1 and sent[c0] in " ,\n":
        c0 += 1
    while c1 > c0 and sent[c1 - 1] in " .!?;,:\n":
        c1 -= 1
    return c0, c1


_NAME_APPOSITIVE = re.compile(
    r"(?:^|[,;:][\"”]?\s+)(?P<sp>(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*,\s+(?:a|an|the)\s"
    r"[^\"“”;]{3,160})$"
)


def _subjects(before: str, trailing: bool) -> list[tuple[str, int]]:
    """Candidate subjects of a verb, each with its offset in ``before``: the
    whole of ``before`` (a name with an appositive: "Pedro Neto, a former
    negotiator, who ...,") and the words after each clause boundary, nearest
    first. For a trailing attribution ("..., the ministry said") only phrases
    after a comma or dash, a name with its appositives first ("..., Richard
    Mills, a spokesman for the trade representative, Robert Zoellick, said")."""
    out = []
    if not trailing and before.strip() and len(before.split()) <= 30:
        out.append((before, 0))
    if trailing:
        m = _NAME_APPOSITIVE.search(before)
        if m:
            out.append((m.group("sp"), m.start("sp")))
    tails = []
    for m in _BOUNDARY.finditer(before):
        tail = before[m.end() :]
        if not tail.strip() or len(tail.split()) > 12:
            continue
        if trailing and not (
            before[m.start()] in ",;:—–" or before[m.start() : m.start() + 3] in (" --", " —", " –")
        ):
            continue
        tails.append((tail, m.end()))
    out.extend(reversed(tails))
    return out


_NEGATED = re.compile(
    r"(?:\b(?:not|never|n't|no\s+one|nobody)\s+(?:\w+\s+){0,2}|\b(?:refused|declined|unwilling|"
    r"reluctant)\s+to\s+|\b(?:not|n't|never)\b[^,.;]{0,80}\s(?:or|nor))\s*$",
    re.I,
)


_CLAUSE_VERB = re.compile(
    r"\b[a-z]+(?:ed|ing)\s+(?:the|a|an|his|her|their|its|this|these|those|him|them)\b"
)


# "X was asked ..., and while not confirming the details, said ..."
_COORD_SUBORD = re.compile(
    r"(?:,\s*|\s)(?:and|but)\s+(?:while|when|though|although|after|before|as|if|despite|without)"
    r"\b[^,]*,\s*$"
)


def _clausal(text: str, verb: str = "") -> bool:
    """Does ``text`` open a clause ("that ...", "he would ...", "the plan was ...")?
    After "saying", "arguing" and the like it always does; "adding" and
    "noting" may take a noun ("adding 0.08 percent", "noting the loss")."""
    if verb in (
        "saying",
        "arguing",
        "insisting",
        "explaining",
        "stressing",
        "claiming",
        "predicting",
    ):
        return True
    body = text.lstrip(" ,")
    return bool(re.match(r"that\s", body) or _PRONOUN_START.match(body) or _FINITE_SOON.match(body))


_SECOND_THAT = re.compile(
    r",?\s+(?:but|and)\s+(?:also\s+)?(?:(?:noting|adding|saying|arguing|insisting|stressing)\s+)?"
    r"that\s+"
)
_REPORTER_CLAUSE = re.compile(
    r",\s+(?:while|whereas|though|although)\s+(?!(?:he|she|they|it|we)\b)"
    r"|,\s+(?:though|although|but|and)\s+(?:he|she|it|they)\s+(?:also\s+)?(?:added|said|noted)\b"
    r"|,\s+(?:after|before|as|when|because|since|until|following)\s+(?:his|her|its|their|the|a|an)\b"
    r"|,\s+(?:but|and)\s+(?:also\s+)?(?:said|added|noted|insisted|stressed|warned|argued)\b"
    r"|,\s+in\s+(?:an?\s+(?:effort|bid|attempt|move)|order)\s+to\b"
)
_SUBJECT = re.compile(
    r"^(?P<sp>(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+?)"
    r"(?=(?:,[^,]{1,120},)?\s+(?:\w+ly\s+)?(?:has\s+|had\s+|have\s+|also\s+)?"
    r"(?:\w+ed|told|said|says|wrote|spoke|met|made|sent|gave|took|rejected|urged|called)\b)"
)
_LEAD_PARTICIPLE = re.compile(
    r"^(?:Saying|Noting|Arguing|Warning|Insisting|Stressing|Explaining|Adding|Claiming)\s+"
    r"(?:that\s+)?(?P<content>[^\"“”]{10,}?),\s+(?P<rest>[A-Z][^,]{0,60}?\s+\w+ed\b)",
    re.S,
)
_PARENTHETICAL = re.compile(
    r"^(?P<c1>[^\"“”][^\"“”]{5,}?),\s+(?P<sp>[^,\"“”]{2,60}?)\s+(?P<verb>said|says|added|argued|"
    r"noted|insisted)(?:\s+" + _WEEKDAY + r")?,\s+(?P<c2>.{6,})$",
    re.S,
)


_AUX = frozenset(
    """was were is are has had have will would can could may might should shall
    did does do must""".split()
)
_IRREGULAR = frozenset(
    """told said says say took made gave sent met spoke wrote saw came went
    became won lost beat put kept left led held brought thought felt found got""".split()
)
_AFTER_VERB_WORD = frozenset(
    """the a an his her their its our that to on in at with by for of
    this these those it him them us me up down off out .""".split()
)


def _sentence_subject(sent: str) -> tuple[str, int] | None:
    """The subject of a sentence: its opening noun phrase (up to eight words,
    an appositive set off by commas cut away) before the first verb: an
    auxiliary, a common irregular verb, or a lower-case -ed/-s word followed
    by an article, pronoun or preposition ("dismissed the", not "retired
    army")."""
    at = 0
    m = _DATELINE.match(sent)
    if m:
        at = m.end()
    m = _INTRO.match(sent[at:])
    if m:
        at += m.end()
    words = list(re.finditer(r"[^\s]+", sent[at:]))
    for i, w in enumerate(words[:30]):
        word = w.group().strip(",;:.!?")
        low = word.lower()
        nxt_raw = words[i + 1].group() if i + 1 < len(words) else ""
        nxt = nxt_raw.lower().strip(",")
        if w.group()[-1:] in ".!?":
            nxt = "."  # "Okada, a ministry official, disagreed."
        verbish = (
            i > 0
            and (
                low in _AUX
                or low in _IRREGULAR
                or (re.fullmatch(r"[a-z]+(?:ed|s)", word) is not None and nxt in _AFTER_VERB_WORD)
                # "Tokyo removed Korea ...", "Putin told Xi ..."
                or (re.fullmatch(r"[a-z]+ed", word) is not None and nxt_raw[:1].isupper())
                # "Xi reportedly warned ..."
                or (
                    re.fullmatch(r"[a-z]+ly", word) is not None
                    and re.fullmatch(r"[a-z]+ed", nxt) is not None
                )
                # "Todd Tucker, a fellow at ..., criticized ..." (after an appositive)
                or (
                    i > 2
                    and words[i - 1].group().endswith(",")
                    and re.fullmatch(r"[a-z]+ed", word) is not None
                )
            )
        )
        if not verbish:
            continue
        end = words[i - 1].end()
        phrase = sent[at : at + end]
        if "," in phrase:
            phrase = phrase.split(",")[0]
        phrase = re.sub(r"\s+\w+ly$", "", phrase.strip())
        if not phrase or len(phrase.split()) > 8:
            return None
        return phrase, at
    return None


def _indirect(
    doc: _Doc,
    s0: int,
    s1: int,
    roles: Dictionary,
    actors: Dictionary,
    quoted: list[tuple[int, int, bool]],
) -> list[tuple[dict[str, Any], int, int]]:
    """Reported speech in the sentence text[s0:s1]: (speaker info, start, end) of each
    reported clause, with absolute offsets. ``quoted`` lists the direct quotes
    in the sentence (open, close, is_fragment); a reported clause may contain
    a quote that starts inside it, but never starts in or at a quote."""
    sent = doc.text[s0:s1]
    found: list[tuple[dict[str, Any], int, int]] = []

    def resolve(sp: str, at: int, verb: str, how: str) -> dict[str, Any] | None:
        if re.search(r"\b(?:that|which|who|whom)(?:\s+\S+){0,3}\s*$", sp) or _CLAUSE_VERB.search(
            sp.split(",")[0]
        ):
            # "actions that it [says]": the verb is inside a relative clause;
            # "X started releasing the water, after checks [confirmed]": a clause
            return None
        info = _resolve_speaker(
            doc, _Speaker(sp, s0 + at, s0 + at + len(sp), verb, how), roles, actors
        )
        # a clause ("Paris was considering ...") or a relative clause ("actions
        # that it") is not a speaker
        if info is not None and (
            _FINITE.search(re.split(r",", info["speaker"])[0])
            or re.search(r"\s(?:that|which|who|whom)\s", info["speaker"])
        ):
            return None
        return info

    def add(info: dict[str, Any], c0: int, c1: int) -> bool:
        c0, c1 = _strip_content(sent, c0, c1)
        if c1 - c0 < 8 or len(sent[c0:c1].split()) < 3:
            return False
        a, b = s0 + c0, s0 + c1
        for qa, qb, frag in quoted:
            inside = (qa >= a and b >= qb - 3) if frag else (qa > a and b >= qb - 1)
            if qa < b and qb > a and not inside:
                return False  # the clause starts inside a quote or cuts one
        if any(fa < b and fb > a for _, fa, fb in found):
            return False
        found.append((info, a, b))
        return True

    def in_quote(pos: int) -> bool:
        return any(qa <= s0 + pos < qb for qa, qb, _ in quoted)

    m = _RX_ACC_LEAD.match(sent)
    if m:
        info = resolve(m.group("sp"), m.start("sp"), "according to", "according_to")
        if info is not None and add(info, m.start("content"), m.end("content")):
            return found
    m = _RX_ACC_TRAIL.match(sent)
    if m:
        info = resolve(m.group("sp"), m.start("sp"), "according to", "according_to")
        if info is not None and add(info, m.start("content"), m.end("content")):
            return found
    m = _RX_QUOTED_X_AS.search(sent)
    if m and not in_quote(m.start()):
        info = resolve(m.group("sp"), m.start("sp"), "quoted as saying", "indirect")
        if info is not None and add(info, m.start("content"), len(sent)):
            return found
    m = _RX_QUOTED_AS.search(sent)
    if m and m.start() > 0 and not in_quote(m.start()):
        g = "sp" if m.group("sp") else "sp2"
        info = resolve(m.group(g), m.start(g), "quoted as saying", "indirect")
        if info is not None and add(info, 0, m.start()):
            return found
    m = _PARENTHETICAL.match(sent)
    if m:
        info = resolve(m.group("sp"), m.start("sp"), m.group("verb"), "indirect")
        c2 = m.group("c2")
        # "..., X said, but could eventually help ..." (no new subject): c1 only
        end = (
            m.end("c1")
            if re.match(
                r"(?:but|and|yet)\s+(?:\w+ly\s+)?(?:could|would|will|can|may|"
                r"might|should|must|is|was|are|were|has|had|[a-z]+ed)\b",
                c2,
            )
            else len(sent)
        )
        if info is not None and add(info, 0, end):
            return found
    m = _LEAD_PARTICIPLE.match(sent)
    if m:
        subj = _sentence_subject(sent[m.start("rest") :])
        if subj is not None:
            info = resolve(subj[0], m.start("rest") + subj[1], "saying", "indirect")
            if info is not None and add(info, m.start("content"), m.end("content")):
                return found
    m = _RX_TRAIL_INV.search(sent)
    if m and m.start() > 12 and not in_quote(m.start()):
        head = m.group("sp").split(",")[0]
        if len(head.split()) <= 9 and not re.search(r"\b\w+(?:ed|ing)\b", head):
            info = resolve(m.group("sp"), m.start("sp"), m.group("verb"), "indirect")
            if info is not None and add(info, 0, m.start()):
                return found

    done_until = 0
    for v in _RX_IND_VERB.finditer(sent):
        verb = v.group("verb")
        if (
            v.start() < done_until
            or in_quote(v.start())
            or _NON_ATTRIB.search(sent[max(0, v.start() - 12) : v.end() + 8])
        ):
            continue
        before = sent[: v.start()].rstrip()
        if _NEGATED.search(before):
            continue  # "refused to say", "did not give the figures or say"
        if verb.endswith("s") and re.match(
            r"\s+(?:have|has|are|were|was|is|had|will|would|can|could|may|might|that\s+\w+\s+"
            r"(?:have|has|are|were|was|is))\b",
            sent[v.end() :],
        ):
            continue  # "media reports have focused on ...": a noun, not the verb
        rest_at = v.end()
        adv = _AFTER_VERB.match(sent[rest_at:])
        rest_at += adv.end() if adv else 0
        rest = sent[rest_at:]
        if re.match(r"^\s*[,:]?\s*[\"“”]", rest) and any(
            not f and qa >= s0 + rest_at for qa, _, f in quoted
        ):
            continue  # 'Kim said, "..."': the attribution of a direct quote
        trailing = not rest.strip(" .!?\n") or rest.lstrip(" ")[:1] in ",;"
        info, sub_at = None, 0
        if (
            re.search(r"\s(?:and|or|but)$", before) or _COORD_SUBORD.search(before)
        ) and not trailing:
            # "X condemned ... and warned that ...": the sentence's subject
            subj = _sentence_subject(sent)
            if subj is not None:
                info = resolve(subj[0], subj[1], verb, "indirect")
                sub_at = subj[1]
        for sp, at in [] if info is not None else _subjects(before, trailing):
            if re.search(r"\"|“|”", sp):
                continue
            info = resolve(sp, at, verb, "indirect")
            if info is not None:
                sub_at = at
                break
        if info is None:
            continue
        if not trailing and re.search(r"[,.!?][\"”]\s*$", before[:sub_at]):
            continue  # '"...," he said ahead of the match': a direct quote's attribution
        if trailing:
            # "..., the ministry said (on Monday)." -- the clause before the subject
            if sub_at == 0 or not re.search(r"(?:[,;:][\"”]?|--|[—–])\s*$", before[:sub_at]):
                continue
            c_end = len(before[:sub_at].rstrip().rstrip(',;:-"”').rstrip())
            if add(info, 0, c_end):
                done_until = v.end()
                part = _PARTICIPLE.match(rest.rstrip()) if rest.lstrip()[:1] == "," else None
                if part and _clausal(rest[part.end("verb") :], part.group("verb")):
                    # "..., state media reported, adding their weapons could ..."
                    add(
                        dict(info, verb=part.group("verb")),
                        rest_at + part.start("content"),
                        len(sent),
                    )
                    done_until = len(sent)
            continue
        that = None
        if re.fullmatch(r"told|tells", verb):
            that = re.search(r"\bthat\s+", rest[:240])
            if (
                that
                and len(rest[: that.start()].split()) <= 25
                and not re.search(r"[\"“”]", rest[: that.start()])
            ):
                rest_at += that.end()
            else:
                obj = _TOLD_OBJECT.match(rest)
                if not obj:
                    continue
                rest_at += obj.end()
                adv = _AFTER_VERB.match(sent[rest_at:])
                rest_at += adv.end() if adv else 0
                body = sent[rest_at:].lstrip(" ,")
                if not (_PRONOUN_START.match(body) or _FINITE_SOON.match(body)):
                    continue
        else:
            that = re.match(r"^\s*,?\s*that\s+", rest)
            if that:
                rest_at += that.end()
            elif not re.fullmatch(_SAY, verb):
                body = rest.lstrip()
                if not (_PRONOUN_START.match(body) or _FINITE_SOON.match(body)):
                    continue
        body = sent[rest_at:]
        if (not that and _NOT_CLAUSE.match(body.lstrip())) or (
            body.lstrip()[:1] in '"“”'
            and not any(
                f and qa == s0 + rest_at + len(body) - len(body.lstrip()) for qa, _, f in quoted
            )
        ):
            continue
        c_end = len(sent)
        part = _PARTICIPLE.search(body)
        if part:
            c_end = rest_at + part.start()
        second = _SECOND_THAT.search(sent, rest_at, c_end)
        cut = _REPORTER_CLAUSE.search(sent, rest_at, c_end)
        if second:
            c_end = second.start()
        elif cut:
            c_end = cut.start()
        if not add(info, rest_at, c_end):
            continue
        done_until = c_end
        if second:
            add(info, second.end(), len(sent) if not part else rest_at + part.start())
            done_until = len(sent) if not part else rest_at + part.start()
        if part and _clausal(body[part.end("verb") :], part.group("verb")):
            add(dict(info, verb=part.group("verb")), rest_at + part.start("content"), len(sent))
            done_until = len(sent)
    if not found:
        # "Xi warned officials ..., saying that reforms could ..." -- the
        # participle's speaker is the subject of the sentence
        part = _PARTICIPLE.search(sent)
        if (
            part
            and _clausal(sent[part.end("verb") :], part.group("verb"))
            and not in_quote(part.start())
            and not any(qa < s0 + part.start() for qa, _, frag in quoted if not frag)
        ):
            subj = _sentence_subject(sent)
            if subj is not None:
                info = resolve(subj[0], subj[1], part.group("verb"), "indirect")
                if info is not None:
                    add(info, part.start("content"), len(sent))
    return found


def _row(doc: _Doc, kind: str, start: int, end: int, info: dict[str, Any] | None) -> dict[str, Any]:
    info = info or {}
    return {
        "doc_id": doc.doc_id,
        "sent_id": doc.sent_ids[doc.sentence_at(start)] if doc.sent_ids else None,
        "kind": kind,
        "quote": doc.raw[start:end],
        "start": start,
        "end": end,
        "speaker": info.get("speaker"),
        "speaker_name": info.get("speaker_name"),
        "speaker_role": info.get("speaker_role"),
        "speaker_roles": info.get("speaker_roles", ""),
        "speaker_country": info.get("speaker_country"),
        "country_source": info.get("country_source"),
        "anonymous": bool(info.get("anonymous", False)),
        "named": bool(info.get("named", False)),
        "attribution": info.get("attribution", "none"),
        "verb": info.get("verb"),
        "resolved_from": info.get("resolved_from"),
    }


_COLUMNS = [
    "doc_id",
    "quote_id",
    "sent_id",
    "kind",
    "quote",
    "start",
    "end",
    "speaker",
    "speaker_name",
    "speaker_role",
    "speaker_roles",
    "speaker_country",
    "country_source",
    "anonymous",
    "named",
    "attribution",
    "verb",
    "resolved_from",
]


def _docs(tk: Tokens) -> list[_Doc]:
    sent = tk.sentences
    groups: dict[str, list[int]] = {}
    for row, d in enumerate(sent["doc_id"]):
        groups.setdefault(d, []).append(row)
    starts = sent["start"].astype(int).tolist()
    ends = sent["end"].astype(int).tolist()
    ids = sent["sent_id"].astype(int).tolist()
    words = sent["tokens"].tolist()
    corpus = tk.corpus
    countries = corpus["country"] if "country" in corpus.columns else [""] * len(corpus)
    languages = corpus["language"] if "language" in corpus.columns else [""] * len(corpus)
    out = []
    for doc_id, text, country, lang in zip(
        corpus["doc_id"], corpus["text"], countries, languages, strict=True
    ):
        rows = groups.get(doc_id, [])
        shadow = _read_marks(text) if isinstance(text, str) else ""
        s_starts, s_ends, s_ids = [], [], []
        for r in rows:
            # a sentence the tokenizer ran on into a quotation ("... said.
            # ''We ...''", where it does not know the Nexis marks) is split
            # before the quotation
            a = starts[r]
            for m in _QUOTE_AFTER_STOP.finditer(shadow, starts[r], ends[r]):
                s_starts.append(a)
                s_ends.append(m.start())
                s_ids.append(ids[r])
                a = m.end()
            s_starts.append(a)
            s_ends.append(ends[r])
            s_ids.append(ids[r])
        out.append(
            _Doc(
                doc_id=doc_id,
                text=shadow,
                raw=text if isinstance(text, str) else "",
                country=country if isinstance(country, str) else "",
                language=lang if isinstance(lang, str) else "",
                sent_starts=s_starts,
                sent_ends=s_ends,
                sent_ids=s_ids,
                sent_rows=rows,
                sent_tokens=[(starts[r], ends[r], words[r]) for r in rows],
            )
        )
    return out


# Below this many documents, starting processes costs more than it saves.
_PARALLEL_MIN = 1_000


def _quote_chunk(
    roles: Dictionary,
    actors: Dictionary,
    min_words: int,
    indirect: bool,
    docs: Sequence[tuple[_Doc, str | None]],
) -> list[list[dict[str, Any]]]:
    """The quote rows of each (document, Korean/Japanese language or None)."""
    return [
        _cjk.doc_quotes(doc, lang, min_words)  # Korean/Japanese: toolkit.measures.quotes.cjk
        if lang
        else _doc_quotes(doc, roles, actors, min_words, indirect)
        if doc.text
        else []
        for doc, lang in docs
    ]


_QUOTE_AFTER_STOP = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[\"“]['‘]?[A-Z])")


def quotes(
    data: pd.DataFrame | Tokens,
    *,
    indirect: bool = True,
    min_words: int = 4,
    assume_home: bool = False,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Direct and indirect quotes with their speakers.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
        The corpus ``country`` column is used as the home country of unnamed
        state speakers ("the foreign ministry said").
    indirect : bool, default True
        Also find reported speech without quotation marks.
    min_words : int, default 4
        A quoted span shorter than this without an attribution is a quoted
        term or scare quote ("the so-called 'comfort women'") and is skipped.
    assume_home : bool, default False
        Give every speaker whose country is still unknown the outlet's home
        country (``country_source == "outlet_assumed"``). Right for most
        ordinary people quoted by domestic outlets, wrong for some; off by
        default so that "unknown" stays visible.
    n_jobs : int, optional
        Worker processes reading the documents: None (default) all cores,
        -1 all cores, 1 this process, k processes; corpora under 1,000
        documents stay in this process. The output is the same for any value
        (see ``toolkit._parallel``).

    Returns
    -------
    DataFrame
        One row per quote: ``doc_id, quote_id, sent_id, kind`` ("direct" or
        "indirect"), ``quote, start, end`` (offsets into the text,
        ``text[start:end] == quote``), ``speaker`` (the attribution phrase, or
        for a pronoun the phrase it resolved to), ``speaker_name``,
        ``speaker_role``, ``speaker_roles`` (all matching roles, ``|``-joined),
        ``speaker_country``, ``country_source`` ("speaker", "earlier_mention",
        "outlet" or "outlet_assumed"), ``anonymous``, ``named``, ``attribution`` ("after",
        "before", "according_to", "continued", "indirect" or "none"),
        ``verb``, ``resolved_from`` (the pronoun, when one was resolved).
        Documents without quotes have no rows; ``attrs["docs_without_quotes"]``
        lists them.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ['"We will respond firmly," a defense ministry official said, '
    ...                            "speaking on condition of anonymity. Japan's foreign minister "
    ...                            'said that talks would resume.'], "country": ["KR"]})
    >>> q = quotes(c)
    >>> q[["kind", "speaker", "speaker_role", "speaker_country", "anonymous"]].values.tolist()
    [['direct', 'a defense ministry official', 'defense_ministry', 'KR', True], ['indirect', "Japan's foreign minister", 'foreign_ministry', 'JP', False]]
    """
    resolve_n_jobs(n_jobs)  # a bad n_jobs fails also on a small corpus
    tk = as_tokens(data)
    roles = role_lexicon()
    actors = _speaker_actors()
    statuses = _statuses(tk)
    rows: list[dict[str, Any]] = []
    empty = []
    # a language neither reader knows: no rows, in attrs["unmeasured"]
    docs = [
        (doc, _cjk.language_of(tk, doc.doc_id))
        for doc in _docs(tk)
        if statuses[doc.doc_id] in (STATUS_OK, STATUS_EMPTY)
    ]
    found = run_chunks(
        _quote_chunk,
        docs,
        head=(roles, actors, min_words, indirect),
        n_jobs=n_jobs,
        min_items=_PARALLEL_MIN,
    )
    for (doc, _), got in zip(docs, found, strict=True):
        if assume_home and doc.country in _home_codes():
            for r in got:
                if r["speaker"] is not None and r["speaker_country"] is None:
                    r["speaker_country"], r["country_source"] = doc.country, "outlet_assumed"
        if not got:
            empty.append(doc.doc_id)
        for k, r in enumerate(got):
            r["quote_id"] = k
        rows.extend(got)
    out = pd.DataFrame(rows, columns=_COLUMNS)
    for c in ("anonymous", "named"):
        out[c] = out[c].astype(bool)
    out["sent_id"] = out["sent_id"].astype("Int64")
    attach_attrs(
        out,
        "quotes",
        {"indirect": indirect, "min_words": min_words, "assume_home": assume_home},
        n_docs=len(tk.doc_ids),
    )
    out.attrs["docs_without_quotes"] = empty
    return record_unmeasured(out, statuses)


def _statuses(tk: Tokens) -> dict[str, str]:
    """Every document's status for the quote readers (English, Korean, Japanese)."""
    return document_statuses(
        tk.corpus, "en", "quotes are read in English, Korean and Japanese only", reads=("ko", "ja")
    )


# --------------------------------------------------------------------------
# People mentioned, and the summary by outlet
# --------------------------------------------------------------------------


# Words that make a capitalised "name" after a title an institution, a treaty
# or a place rather than a person.
_NOT_PERSON_WORDS = frozenset(
    """security forces force ocean sea agreement treaty ministry office council court party
    assembly university institute agency bureau committee government command navy army
    group association union bank company corporation news times daily post shimbun ilbo
    island islands islets peninsula prefecture province city strait bay
    foundation fund trust center centre museum department organization organisation
    commission federation league society network alliance coalition movement campaign
    church school college academy hospital club board forum initiative project program
    programme inc ltd co corp llc plc motors electric airlines holdings industries
    affairs relations rights policy foreign domestic international national global public
    gulf river mountains valley lake county state states region republic kingdom empire
    united the""".split()
)
# ... and words that make it a place when they open it ("Northern Iraq", but "Oliver North")
_PLACE_FIRST = frozenset(
    "northern southern eastern western north south east west central upper lower greater".split()
)


@renamed(quotes_table="precomputed")
def mentioned_not_quoted(
    data: pd.DataFrame | Tokens,
    *,
    precomputed: pd.DataFrame | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Named people who appear in a document but are never quoted in it.

    A person mention is a title followed by a name ("Foreign Minister Yun
    Byung-se", "his counterpart Fumio Kishida") or a name followed by a role
    appositive ("Junichi Ihara, director-general of ..."). A mention counts
    as quoted when a quote in the same document has the same speaker name,
    or a speaker name equal to its first or last word ("Lee" for "Lee
    Sang-deok").

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    precomputed : DataFrame, optional
        The output of :func:`quotes` on the same data (recomputed if omitted;
        before 0.4: ``quotes_table=``).
    n_jobs : int, optional
        As in :func:`quotes`: processes reading the documents (corpora under
        1,000 documents stay in this process), and computing the quotes when
        ``precomputed`` is omitted.

    Returns
    -------
    DataFrame
        ``doc_id, person, role, country, country_source, start, end,
        sentence``; one row per person (first mention) never quoted.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ['Japan sent Taro Sato, director-general of the foreign ministry. '
    ...                            '"We are ready to talk," Kim Min-su, a Seoul official, said.']})
    >>> mentioned_not_quoted(c)[["person", "role", "country"]].values.tolist()
    [['Taro Sato', 'foreign_ministry', 'JP']]
    """
    tk = as_tokens(data)
    qt = quotes(tk, n_jobs=n_jobs) if precomputed is None else precomputed
    speakers = qt.dropna(subset=["speaker_name"]).groupby("doc_id")["speaker_name"].agg(set)
    roles = role_lexicon()
    actors = _speaker_actors()
    # Titles and appositives are found by English patterns: a Korean or
    # Japanese article is not read, rather than reported as naming nobody.
    statuses = document_statuses(tk.corpus, "en", "people are found in English text only")
    docs = [
        (doc, speakers.get(doc.doc_id, set()))
        for doc in _docs(tk)
        if doc.text and statuses[doc.doc_id] == STATUS_OK
    ]
    rows = run_chunks(
        _unquoted_chunk, docs, head=(roles, actors), n_jobs=n_jobs, min_items=_PARALLEL_MIN
    )
    cols = ["doc_id", "person", "role", "country", "country_source", "start", "end", "sentence"]
    sentences = pd.Series([r.pop("sentence") for r in rows], dtype=object)
    out = pd.DataFrame(rows, columns=cols[:-1])
    out["sentence"] = sentences.set_axis(out.index)  # object: keeps the shared strings
    attach_attrs(out, "mentioned_not_quoted", {}, n_docs=len(tk.doc_ids))
    return record_unmeasured(out, statuses)


def _unquoted_chunk(
    roles: Dictionary, actors: Dictionary, docs: Sequence[tuple[_Doc, set[str]]]
) -> list[dict[str, Any]]:
    """mentioned_not_quoted's rows for each (document, names quoted in it)."""
    rows = []
    sent_text: dict[tuple[int, int], str] = {}
    for doc, spoken in docs:
        spoken_tokens = {n for n in spoken if " " not in n}
        seen: set[str] = set()
        mentions = []
        for m in _ROLE_TITLES.finditer(doc.text):
            mentions.append((m.start("name"), m.end("name"), m.group("name"), m.start(), m.end()))
        for m in _APPOSITIVE_NAME.finditer(doc.text):
            # the role must open the appositive ("X, director-general of ..."),
            # not appear somewhere in a following clause
            opening = doc.tokens_in(m.start("role"), m.end("role"))[:4]
            if any(mm.start <= 2 for mm in roles.match(opening)):
                mentions.append(
                    (
                        m.start("name"),
                        m.end("name"),
                        m.group("name"),
                        m.start("role"),
                        m.end("role"),
                    )
                )
        in_quotes = [(q.start, q.end) for q in _find_quotes(doc.text)]
        mentions = sorted(x for x in mentions if not _inside(in_quotes, x[0]))
        for s, e, name, c0, c1 in mentions:
            name = re.sub(r"['’]s$", "", name.strip())  # "Park Geun-hye's" is Park Geun-hye
            if any(w.lower() in _NOT_PERSON_WORDS for w in name.split()) or (
                name.split()[0].lower() in _PLACE_FIRST
            ):
                continue  # "General Security (of Military Information Agreement)", "Pacific Ocean"
            toks = doc.tokens_in(s, e) or name.split()
            if find_actors(toks, actors) and len(name.split()) <= 2 and not re.search(r"-", name):
                continue  # a place or a country, not a person
            if name in seen:
                continue
            parts = name.split()
            quoted = (
                name in spoken
                or parts[0] in spoken_tokens
                or parts[-1] in spoken_tokens
                or any(n.split()[-1] == parts[-1] and n.split()[0] == parts[0] for n in spoken)
            )
            seen.add(name)
            if quoted:
                continue
            ctx_tokens = doc.tokens_in(c0, c1)
            role = None
            rm = [mm.category for mm in roles.match(ctx_tokens or doc.text[c0:c1].split())]
            order = list(roles.categories)
            if rm:
                role = sorted(rm, key=order.index)[0]
            country, source = _mention_country(doc, s, ctx_tokens, actors, roles, role)
            k = doc.sentence_at(s)
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "person": name,
                    "role": role,
                    "country": country,
                    "country_source": source,
                    "start": s,
                    "end": e,
                    # one string per sentence, shared by its mentions (a run-on
                    # "sentence" of a megabyte is not copied once per name)
                    "sentence": sent_text.setdefault(
                        (id(doc), k),
                        doc.raw[doc.sent_starts[k] : doc.sent_ends[k]] if doc.sent_starts else "",
                    ),
                }
            )
    return rows


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` inside one of the sorted, non-overlapping ``spans``? (bisect)"""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_LOOKBACK = 600


def _mention_country(
    doc: _Doc, s: int, ctx: list[str], actors: Dictionary, roles: Dictionary, role: str | None
) -> tuple[str | None, str | None]:
    acts = find_actors(ctx, actors)
    if acts:
        return acts[0][2], "speaker"
    # nearest actor before the name in the same sentence ("the Japanese side, led by ...")
    k = doc.sentence_at(s)
    # at most _LOOKBACK characters back: "the Japanese side, led by ..." is near the
    # name, and a run-on sentence must not be rescanned from its start per name
    before = doc.tokens_in(max(doc.sent_starts[k], s - _LOOKBACK), s) if doc.sent_starts else []
    acts = find_actors(before, actors)
    if acts:
        return acts[-1][2], "context"
    if role and roles.meta.get(role, {}).get("government") and doc.country in _home_codes():
        return doc.country, "outlet"
    return None, None


@renamed(quotes_table="precomputed")
def sources(
    data: pd.DataFrame | Tokens,
    *,
    by: By = None,
    kind: str | None = None,
    precomputed: pd.DataFrame | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Whose voices each outlet or country carries: shares of quotes by speaker country, role and anonymity.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    by : column name(s), or Series keyed by doc_id, optional
        Corpus column(s), e.g. ``"outlet"`` or ``"country"``.
    kind : {"direct", "indirect"}, optional
        Count only this kind of quote (both by default).
    precomputed : DataFrame, optional
        Output of :func:`quotes` on the same data, to avoid recomputing
        (before 0.4: ``quotes_table=``).
    n_jobs : int, optional
        As in :func:`quotes`, for computing them when ``precomputed`` is omitted.

    Returns
    -------
    DataFrame
        Long format: the by-columns, ``dimension`` ("speaker_country",
        "speaker_role" or "anonymous"), ``category`` (missing country/role
        become "unknown"; anonymity is "anonymous" / "on_record"), ``count``,
        ``share`` (of the group's quotes), ``n_quotes``, ``n_docs``
        (documents of the group the quote readers read, with or without
        quotes) and ``n_unmeasured`` (documents without text, unreadable or
        in a language they do not read: left out, and announced by one
        warning). A group
        without any quote gets one row per dimension with ``category``
        "none", count 0 and share NaN, so every group is accounted for.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ['"We regret it deeply," Japan\\'s chief cabinet secretary said.',
    ...                            "No quotes here at all."], "outlet": ["A", "B"]})
    >>> s = sources(c, by="outlet")
    >>> s[s.dimension == "speaker_country"][["outlet", "category", "count", "n_docs"]].values.tolist()
    [['A', 'JP', 1, 1], ['B', 'none', 0, 1]]
    """
    resolve_n_jobs(n_jobs)  # checked also when the quotes are given
    tk = as_tokens(data)
    qt = quotes(tk, n_jobs=n_jobs) if precomputed is None else precomputed
    if kind is not None:
        if kind not in ("direct", "indirect"):
            raise ValueError(f"kind must be 'direct', 'indirect' or None, not {kind!r}")
        qt = qt[qt["kind"] == kind]
    corpus, by_cols = with_groups(tk.corpus, by)
    meta = corpus[["doc_id", *by_cols]].copy()
    if not by_cols:
        meta["_all"] = "all"
    keys = by_cols or ["_all"]
    # Quotes of a document the readers cannot read would all be "unknown"
    # speakers: such documents are counted per group as n_unmeasured instead.
    statuses = _statuses(tk)
    readable = meta["doc_id"].map(statuses) == STATUS_OK
    n_unmeasured = (
        meta.assign(n_unmeasured=~readable.to_numpy())
        .groupby(keys, dropna=False)["n_unmeasured"]
        .sum()
        .astype("int64")
        .reset_index()
    )
    unmeasured_warning("sources", int(readable.sum()), int(n_unmeasured["n_unmeasured"].sum()))
    qt = qt[qt["doc_id"].isin(meta.loc[readable, "doc_id"])]
    df = qt.merge(meta, on="doc_id", how="left")
    df["speaker_country"] = df["speaker_country"].fillna("unknown").astype(object)
    df["speaker_role"] = df["speaker_role"].fillna("unknown").astype(object)
    df["anonymous"] = df["anonymous"].map({True: "anonymous", False: "on_record"}).astype(object)
    n_docs = (
        meta.assign(n_docs=readable.to_numpy().astype("int64"))
        .groupby(keys, dropna=False)["n_docs"]
        .sum()
        .reset_index()
    )
    parts = []
    for dim in ("speaker_country", "speaker_role", "anonymous"):
        cnt = df.groupby([*keys, dim], dropna=False).size().rename("count").reset_index()
        cnt = cnt.rename(columns={dim: "category"})
        cnt.insert(len(keys), "dimension", dim)
        parts.append(cnt)
    out = pd.concat(parts, ignore_index=True)
    out["n_quotes"] = out.groupby([*keys, "dimension"], dropna=False)["count"].transform("sum")
    out["share"] = out["count"] / out["n_quotes"]
    # groups without quotes
    have = out[keys].drop_duplicates()
    none = n_docs.merge(have, on=keys, how="left", indicator=True)
    none = none[none["_merge"] == "left_only"][keys]
    if len(none):
        fill = pd.concat(
            [
                none.assign(dimension=dim, category="none", count=0, n_quotes=0, share=float("nan"))
                for dim in ("speaker_country", "speaker_role", "anonymous")
            ],
            ignore_index=True,
        )
        out = pd.concat([out, fill], ignore_index=True)
    out = out.merge(n_docs, on=keys, how="left").merge(n_unmeasured, on=keys, how="left")
    dim_order = {"speaker_country": 0, "speaker_role": 1, "anonymous": 2}
    out["_d"] = out["dimension"].map(dim_order)
    out = out.sort_values(
        [*keys, "_d", "count", "category"],
        ascending=[*[True] * len(keys), True, False, True],
        kind="stable",
    ).drop(columns="_d")
    out = out[
        [*keys, "dimension", "category", "count", "share", "n_quotes", "n_docs", "n_unmeasured"]
    ]
    if not by_cols:
        out = out.drop(columns="_all")
    out = out.reset_index(drop=True)
    return attach_attrs(out, "sources", {"by": by_cols, "kind": kind}, n_docs=len(meta))
