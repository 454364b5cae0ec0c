"""Quotes and speakers in Korean and Japanese news text.

:func:`toolkit.measures.quotes.english.quotes` hands Korean (``language == "ko"``) and
Japanese (``"ja"``) documents to :func:`doc_quotes`; :func:`find_quotes`
reads one text. The rows have the columns of :func:`toolkit.measures.quotes.english.quotes`.

How a quote and its speaker are found (the grammar is data:
``toolkit/data/quotes_cjk.yaml``; roles and one-country titles:
``toolkit/data/roles.yaml``; countries: ``toolkit/data/actors.yaml``):

- a **direct quote** is the text inside “…” or "…" (Korean, also ‘…’ when a
  quotative particle and a speech verb follow) or 「…」 (Japanese);
- it is **attributed** when a quotative particle and a speech verb follow the
  closing mark in the same sentence: “…”라고 말했다, “…”이라며 규탄했다,
  「…」と述べた;
- the **speaker** is the subject of the sentence, the phrase ending in a topic
  or subject particle (은/는/이/가/께서; は/が) that names a person, title, body
  or country: between the particle and the verb ("“…”고 외교부 당국자가
  말했다", attribution ``"after"``), else before the quote ("박진 외교부 장관은
  …“…”라고 말했다", ``"before"``), else the source of "X에 따르면"/"Xによると"
  (``"according_to"``). A pronoun (그는, 彼は) or a dropped subject ("“…”고
  덧붙였다") continues the previous speaker of the document within three
  sentences (``"continued"``);
- a short quoted term with no attribution (‘건폭 몰이’, “시장화”) is a scare quote
  and is skipped (fewer than ``min_words`` words in Korean, or fewer than
  ``4 * min_words`` characters in Japanese).

Scanning is linear in the length of the text: quotation marks are paired in
one pass and every look-around is bounded.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Any

from toolkit.data import data_path, read_yaml
from toolkit.lexicons.dictionary import Dictionary
from toolkit.measures.actors import actor_lexicon, find_actors_text

__all__ = ["doc_quotes", "find_quotes", "language_of"]

LANGUAGES = ("ko", "ja")
_MAX_QUOTE = 3000  # characters: an unclosed mark must not swallow the article
_AFTER = 60  # characters after the closing mark searched for particle + verb
_BEFORE = 200  # characters before the quote searched for the speaker
_HANGUL_WORD = re.compile(r"[가-힣]{2,4}")
# one-syllable words that end a clause before a noun phrase ("구매해 온 A씨는")
_KO_NOT_NOUN = frozenset("온 간 본 준 된 할 갈 올 될 난 든 쓴 낸 그 저 몇".split())
# titles after which a one-syllable word is a surname ("윤 대통령", "한 총리")
_KO_TITLES = (
    "대통령",
    "총리",
    "장관",
    "차관",
    "의원",
    "대표",
    "교수",
    "위원장",
    "대변인",
    "실장",
    "회장",
    "판사",
    "변호사",
    "지사",
    "시장",
    "총장",
    "대사",
    "원내대표",
)
# common nouns that stand before a title in Japanese and are not names (大学教授)
_JA_NOT_NAMES = frozenset(
    "大学 政府 同 元 前 現 新 県 市 町 村 党 同社 会社 副 米 中 韓 日 北".split()
)
# verb endings that close a clause ("5시 10분이 되자 경찰은")
_KO_CLAUSE_ENDS = (
    "되자",
    "하자",
    "오자",
    "나자",
    "지자",
    "리자",
    "르자",
    "는데",
    "지만",
    "니까",
    "면서",
)
_PAREN = re.compile(r"^\s*[(（]([^()（）\n]{2,40})[)）]")  # “…”(speaker, title)
# quotation marks per language: (opening, closing)
_MARKS = {
    "ko": (("“", "”"), ('"', '"'), ("‘", "’")),
    "ja": (("「", "」"), ("“", "”"), ('"', '"')),
}
_PERSON_SUFFIX = {"ko": ("씨", "여사", "옹"), "ja": ("氏", "さん", "君")}
_JA_NOUN = r"[\u4e00-\u9fff\u3005\u30a0-\u30ffA-Za-z0-9Ａ-Ｚａ-ｚ０-９・ー]"


def _space(p: str) -> str:
    return str(p).strip().replace(" ", r"\s*")


def _alternation(items: Sequence[str]) -> str:
    return "|".join(f"(?:{_space(p)})" for p in items)


@functools.lru_cache(maxsize=1)
def _grammar() -> dict[str, dict[str, Any]]:
    with open(data_path("quotes_cjk.yaml"), encoding="utf-8") as fh:
        raw = read_yaml(fh)
    out = {}
    for lang in LANGUAGES:
        g = raw[lang]
        out[lang] = {
            "attribution": re.compile(
                rf"^\s*(?:{_alternation(g['markers'])})(?P<mid>[^“”\"「」\n.!?。！？]{{0,{_AFTER}}}?)"
                rf"(?P<verb>{'(?<![가-힣])' if lang == 'ko' else ''}(?:{_alternation(g['verbs'])}))"
            ),
            "connective": re.compile(rf"^\s*(?:{_alternation(g['connectives'])})"),
            "according": re.compile(
                rf"(?P<src>[^\s,，、“”\"「」]+(?:\s+[^\s,，、“”\"「」]+){{0,3}}?)\s*"
                rf"(?:{_alternation(g['according_to'])})"
            ),
            "particles": tuple(sorted(g["subject_particles"], key=len, reverse=True)),
            "pronouns": frozenset(g["pronouns"]),
            "skip": re.compile(rf"^(?:{_alternation(g['skip_words'])})$")
            if g["skip_words"]
            else None,
            "anonymous": re.compile(_alternation(g["anonymous"])),
        }
    return out


@functools.lru_cache(maxsize=1)
def _roles() -> tuple[list[tuple[str, re.Pattern[str]]], dict[str, bool], Dictionary]:
    """(role, regex) in priority order, role -> government, and the speaker actors."""
    with open(data_path("roles.yaml"), encoding="utf-8") as fh:
        raw = read_yaml(fh)
    roles = [
        (name, re.compile(_alternation(pats)))
        for name, pats in (raw.get("_text_patterns") or {}).items()
    ]
    government = {
        k: bool(v.get("government"))
        for k, v in raw.items()
        if not k.startswith("_") and isinstance(v, dict)
    }
    hints = raw.get("_country_hints_text") or {}
    extra = {code: {"patterns": [], "text_patterns": list(pats)} for code, pats in hints.items()}
    return roles, government, actor_lexicon(extra)


def language_of(tk: Any, doc_id: Any) -> str | None:
    """``"ko"`` or ``"ja"`` when the corpus says document ``doc_id`` is in that language.

    The language map is built once per :class:`~toolkit.tokens.tokenizer.Tokens`.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.tokens.tokenizer import tokenize
    >>> tk = tokenize(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Seoul.", "서울."],
    ...                             "language": ["en", "ko"]}))
    >>> language_of(tk, "a"), language_of(tk, "b")
    (None, 'ko')
    """
    langs = tk.__dict__.get("_cjk_languages")
    if langs is None:
        corpus = tk.corpus
        col = corpus["language"] if "language" in corpus.columns else [""] * len(corpus)
        langs = {
            d: lang for d, lang in zip(corpus["doc_id"], col, strict=True) if lang in LANGUAGES
        }
        tk.__dict__["_cjk_languages"] = langs
    return langs.get(doc_id)


# --------------------------------------------------------------------------
# Quotation marks
# --------------------------------------------------------------------------


def _spans(text: str, language: str) -> list[tuple[int, int, str]]:
    """(open, close, mark) of quoted spans, outermost only, in one left-to-right pass."""
    pairs = _MARKS[language]
    closers = {o: c for o, c in pairs}
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    openers = "".join(sorted(closers))
    rx = re.compile(f"[{re.escape(openers)}]")
    while True:
        m = rx.search(text, i)
        if not m:
            break
        o = m.start()
        close = closers[text[o]]
        c = text.find(close, o + 1, min(n, o + 1 + _MAX_QUOTE))
        if c < 0:
            # a quote cut by the end of a truncated text (BigKinds exports keep
            # the first 200 characters): it runs to the end, without its "..";
            # the closing position is then the text's length
            tail = text[o + 1 :].rstrip()
            if n - o <= _MAX_QUOTE and text[o] != "‘" and not rx.search(tail):
                out.append((o, o + 1 + len(tail.rstrip(".…")), text[o]))
                break
            i = o + 1
            continue
        out.append((o, c, text[o]))
        i = c + 1
    return out


# --------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------


def _strip_particle(word: str, particles: tuple[str, ...]) -> str | None:
    for p in particles:
        if word.endswith(p) and len(word) > len(p):
            return word[: -len(p)]
    return None


def _plausible(phrase: str, language: str) -> bool:
    """Whether a phrase can be a speaker: a role, a country or body, or a person."""
    roles, _, actors = _roles()
    if phrase in _grammar()[language]["pronouns"]:
        return True
    if phrase.endswith(_PERSON_SUFFIX[language]):
        return True
    return any(rx.search(phrase) for _, rx in roles) or bool(find_actors_text(phrase, actors))


def _ko_phrase(segment: str, *, first: bool) -> str | None:
    """The speaker phrase of a Korean segment: eojeol + subject particle, with its nouns.

    ``first``: the segment before a quote, where the speaker is the last
    topic (은/는: "…두고 야당은 “…”") or else the first subject (이/가: "윤석열
    대통령이 31일 … “…”"); otherwise (between the quote and the verb) the last
    subject.
    """
    g = _grammar()["ko"]
    words = segment.split()
    if first:
        topics = [
            k
            for k in range(len(words) - 1, -1, -1)
            if words[k].strip(",，·").endswith(("은", "는"))
        ]
        order = [*topics, *(k for k in range(len(words)) if k not in topics)]
    else:
        order = list(range(len(words) - 1, -1, -1))
    for k in order:
        w = words[k].strip(",，·")
        stem = _strip_particle(w, g["particles"])
        if stem is None or not re.search(r"[가-힣A-Za-z0-9)]$", stem):
            continue
        # the nouns before it: back to a word with a particle or ending, a date
        # or a connective ("31일", "이날", "그러면서")
        parts = [stem]
        j = k - 1
        while j >= 0 and len(parts) < 5:
            prev = words[j].strip(",，")
            if prev != words[j] or (g["skip"] is not None and g["skip"].match(prev)):
                break
            if prev in _KO_NOT_NOUN or prev.endswith(_KO_CLAUSE_ENDS):
                break
            if _strip_particle(
                prev,
                (
                    "을",
                    "를",
                    "에",
                    "에서",
                    "로",
                    "으로",
                    "와",
                    "과",
                    "도",
                    "은",
                    "는",
                    "이",
                    "가",
                    "고",
                    "며",
                    "면",
                    "서",
                    "다",
                    "게",
                    "해",
                    "한",
                    "된",
                    "인",
                    "던",
                    "써",
                    "께",
                    "며",
                    "만",
                ),
            ) is not None and not prev.endswith("의"):
                break
            parts.insert(0, prev)
            j -= 1
        phrase = " ".join(parts)
        if _plausible(phrase, "ko"):
            return phrase
        if _plausible(stem, "ko"):
            return stem
    return None


def _ja_phrase(segment: str, *, first: bool) -> str | None:
    """The speaker phrase of a Japanese segment: noun run (+ の + noun run) before は/が."""
    rx = re.compile(rf"((?:{_JA_NOUN}+の)?{_JA_NOUN}+)(は|が)")
    # an age in brackets between the noun and the particle: 男性（68）は
    segment = re.sub(r"[（(]\d{1,3}[）)](?=[はが])", "", segment)
    found = list(rx.finditer(segment))
    if first:  # the last topic (は), else the first subject (が)
        found = [m for m in reversed(found) if m.group(2) == "は"] + [
            m for m in found if m.group(2) == "が"
        ]
    else:
        found.reverse()
    for m in found:
        phrase = m.group(1)
        if _plausible(phrase, "ja"):
            return phrase
    return None


def _phrase(segment: str, language: str, *, first: bool) -> str | None:
    return (_ko_phrase if language == "ko" else _ja_phrase)(segment, first=first)


def _name(phrase: str, language: str) -> str | None:
    """The person's name in a speaker phrase, if it has one ("박진 외교부 장관" -> 박진)."""
    roles, _, actors = _roles()
    suffix = _PERSON_SUFFIX[language]
    if language == "ko":
        words = phrase.split()
        if words[-1].endswith(suffix):  # "회사원 김철수씨"; "A씨" is anonymised
            name = words[-1]
            for s in suffix:
                name = name.removesuffix(s)
            return name if _HANGUL_WORD.fullmatch(name) else None
        first = words[0]
        # a surname alone before a title is a name too ("윤 대통령", "한 총리"),
        # but "이 관계자" is "this official" and "한 유족" "a bereaved relative"
        one = len(words) > 1 and len(first) == 1 and words[1].startswith(_KO_TITLES)
        if len(words) < 2 or not (_HANGUL_WORD.fullmatch(first) or one) or first.endswith("의"):
            return None
        if any(rx.search(first) for _, rx in roles):
            return None
        hits = find_actors_text(first, actors)
        if any(b - a <= 2 for a, b, _ in hits) or first in _grammar()["ko"]["pronouns"]:
            return None  # 한국, 일본, 정부 ...: a country or body, not a person
        return first
    for s in suffix:
        if phrase.endswith(s) and 2 <= len(phrase) - len(s) <= 6:
            return phrase[: -len(s)]
    starts = [m.start() for _, rx in roles if (m := rx.search(phrase))]
    cut = min(starts) if starts else 0
    head = phrase[:cut]
    if head in _JA_NOT_NAMES:
        return None
    if 1 <= len(head) <= 5 and re.fullmatch(r"[\u4e00-\u9fff\u3005\u3040-\u30ff]+", head):
        if not find_actors_text(head, actors):
            return head
    return None


def _describe(phrase: str, language: str, country: str) -> dict[str, Any]:
    roles, government, actors = _roles()
    matched = [name for name, rx in roles if rx.search(phrase)]
    role = matched[0] if matched else None
    hits = find_actors_text(phrase, actors)
    speaker_country, source = (hits[0][2], "speaker") if hits else (None, None)
    if speaker_country is None and role is not None and government.get(role) and country:
        speaker_country, source = country, "outlet"
    name = _name(phrase, language)
    return {
        "speaker": phrase,
        "speaker_name": name,
        "speaker_role": role,
        "speaker_roles": "|".join(matched) if matched else None,
        "speaker_country": speaker_country,
        "country_source": source,
        "anonymous": name is None and bool(_grammar()[language]["anonymous"].search(phrase)),
        "named": name is not None,
    }


# --------------------------------------------------------------------------
# One text
# --------------------------------------------------------------------------


def _words(quote: str, language: str) -> int:
    return len(quote.split()) if language == "ko" else len(quote) // 4


def find_quotes(
    text: str,
    language: str,
    *,
    country: str = "",
    sent_starts: Sequence[int] | None = None,
    sent_ids: Sequence[int] | None = None,
    min_words: int = 4,
) -> list[dict[str, Any]]:
    """Direct quotes and their speakers in one Korean or Japanese text.

    Parameters
    ----------
    text : str
    language : {"ko", "ja"}
    country : str, optional
        The outlet's home country, given to unnamed state speakers
        ("정부 당국자는", ``country_source == "outlet"``).
    sent_starts, sent_ids : sequences of int, optional
        Sentence start offsets and ids (from :func:`toolkit.tokens.tokenizer.tokenize`);
        without them each quote's sentence runs from the previous full stop.
    min_words : int, default 4
        An unattributed quote shorter than this (words in Korean, four
        characters per word in Japanese) is a quoted term, not a quote.

    Returns
    -------
    list of dict
        One dict per quote with the columns of :func:`toolkit.measures.quotes.english.quotes`
        except ``doc_id`` and ``quote_id``.

    Examples
    --------
    >>> rows = find_quotes("박진 외교부 장관은 이날 “대화의 문은 열려 있다”고 말했다.", "ko", country="KR")
    >>> [(r["quote"], r["speaker"], r["speaker_name"], r["speaker_role"], r["speaker_country"])
    ...  for r in rows]
    [('대화의 문은 열려 있다', '박진 외교부 장관', '박진', 'foreign_ministry', 'KR')]
    >>> rows = find_quotes("林官房長官は記者会見で「遺憾だ」と述べた。", "ja")
    >>> [(r["speaker"], r["speaker_name"], r["speaker_role"], r["speaker_country"], r["verb"])
    ...  for r in rows]
    [('林官房長官', '林', 'chief_cabinet_secretary', 'JP', '述べた')]
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be 'ko' or 'ja', not {language!r}")
    if not isinstance(text, str) or not text:
        return []
    g = _grammar()[language]
    if sent_starts is None:
        ends = [m.end() for m in re.finditer(r"[.!?。！？]\s+|\n+", text)]
        sent_starts = [0, *ends]
        sent_ids = list(range(len(sent_starts)))
    starts = list(sent_starts)
    ids = list(sent_ids) if sent_ids is not None else list(range(len(starts)))
    rows: list[dict[str, Any]] = []
    last: tuple[int, dict[str, Any]] | None = None  # (sentence index, speaker info)
    body_end = len(text.rstrip(".… \n"))  # once: rstrip copies the text
    for o, c, mark in _spans(text, language):
        quote = text[o + 1 : c]
        k = max(bisect.bisect_right(starts, o) - 1, 0)
        s0 = starts[k] if starts else 0
        after = text[c + 1 : c + 1 + _AFTER + 40]
        m = g["attribution"].match(after)
        # the whole verb word: "규탄했" -> "규탄했다"
        verb = m.group("verb") + re.match(r"[\w]*", after[m.end() :]).group() if m else None
        cut = c >= body_end  # the text ends inside the quote
        said = m is not None or g["connective"].match(after) is not None or cut
        paren = _PAREN.match(after)
        if mark == "‘" and not said:
            continue  # single marks without attribution: a term or a title
        if (cut or not said) and paren is None and _words(quote, language) < min_words:
            continue  # a quoted term, or a fragment cut by truncation ("처음 ..")
        info: dict[str, Any] | None = None
        attribution, resolved = "none", None
        phrase = None
        if m is not None:
            phrase = _phrase(m.group("mid"), language, first=False)
        if phrase is None and paren is not None and _plausible(paren.group(1).strip(), language):
            phrase = paren.group(1).strip()  # “…”(윤장혁 금속노조 위원장)
        if phrase is not None:
            attribution = "after"
        before = text[max(s0, o - _BEFORE) : o]
        if phrase is None:
            acc = g["according"].search(before)
            if acc is not None and _plausible(acc.group("src").split()[-1], language):
                phrase, attribution = acc.group("src"), "according_to"
        if phrase is None and said:
            # the subject before the quote, without the text of earlier quotes
            seg = re.sub(r"“[^”]*”|\"[^\"]*\"|「[^」]*」", " ", before)
            phrase = _phrase(seg, language, first=True)
            if phrase is not None:
                attribution = "before"
        if phrase is not None and phrase in g["pronouns"]:
            resolved = phrase
            if last is not None and k - last[0] <= 3:
                info = dict(last[1])
                attribution = "continued"
            else:
                info = _describe(phrase, language, country)
                info.update(speaker_name=None, named=False)
        elif phrase is not None:
            info = _describe(phrase, language, country)
        elif said and last is not None and k - last[0] <= 3:
            info, attribution = dict(last[1]), "continued"  # dropped subject
        if info is not None and attribution != "continued":
            last = (k, info)
        elif info is not None:
            last = (k, last[1]) if last else None
        row = {
            "sent_id": ids[k] if ids else 0,
            "kind": "direct",
            "quote": quote,
            "start": o + 1,
            "end": c,
            "speaker": None,
            "speaker_name": None,
            "speaker_role": None,
            "speaker_roles": None,
            "speaker_country": None,
            "country_source": None,
            "anonymous": False,
            "named": False,
        }
        if info is not None:
            row.update(info)
        row.update(attribution=attribution, verb=verb, resolved_from=resolved)
        rows.append(row)
    return rows


def doc_quotes(doc: Any, language: str, min_words: int = 4) -> list[dict[str, Any]]:
    """Rows of :func:`toolkit.measures.quotes.english.quotes` for one Korean or Japanese document.

    ``doc`` is the per-document record of :mod:`toolkit.measures.quotes.english` (attributes
    ``doc_id, text, country, sent_starts, sent_ids``).
    """
    rows = find_quotes(
        doc.text,
        language,
        country=doc.country or "",
        sent_starts=doc.sent_starts,
        sent_ids=doc.sent_ids,
        min_words=min_words,
    )
    for r in rows:
        r["doc_id"] = doc.doc_id
    return rows
