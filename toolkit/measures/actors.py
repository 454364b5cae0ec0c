"""Who is talked about: actor mentions from the bundled, extendable actor lexicon.

The lexicon (``toolkit/data/actors.yaml``) maps words to actor codes that
match the corpus ``country`` codes (KR, JP, US, KP, CN), so "tone toward JP
in KR outlets" is a plain pandas filter. Its header explains the decisions;
the traps it avoids ("North Korea" is not "Korea", "Seoul National
University" is not Seoul's government) are tested in ``tests/measures/test_actors.py``.

Compound tokens such as "U.S.-Japan" or "Korea-Japan" are split on hyphens
when the whole token is not itself an entry, so both actors are found.

Korean and Japanese names are an actor's ``text_patterns``: regular
expressions matched on characters (:func:`find_actors_text`), so "한국은",
"청와대가" and "日本政府は" are found with their particles, inside compounds,
however the tokenizer splits them. A user pattern written in Korean or
Japanese (``actor_lexicon({"KR": ["용산"]})``) becomes a text pattern.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit._meta import attach_attrs, keyword_only
from toolkit.lexicons.dictionary import Dictionary, load_bundled, load_dictionary
from toolkit.measures._contract import finish
from toolkit.tokens.tokenizer import Tokens, as_tokens

__all__ = ["actor_lexicon", "actor_mentions", "actor_table", "find_actors", "find_actors_text"]

# Hangul, kana and CJK ideographs: text written without spaces between words.
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _has_cjk(text: str) -> bool:
    return _CJK_CHAR.search(text) is not None


def _cjk_to_text_patterns(lex: Dictionary) -> Dictionary:
    """Move token patterns written in Korean/Japanese to ``text_patterns``.

    A token glob such as "용산*" would only match a whole whitespace token;
    as a text pattern it is found with particles and inside compounds.
    """
    moved = {a: [p for p in pats if _has_cjk(p)] for a, pats in lex.categories.items()}
    if not any(moved.values()):
        return lex
    cats = {a: [p for p in pats if not _has_cjk(p)] for a, pats in lex.categories.items()}
    meta = {k: dict(v) for k, v in lex.meta.items()}
    for a, pats in moved.items():
        if pats:
            extra = [re.escape(p.rstrip("*")).replace(r"\ ", " ") for p in pats]
            old = list(meta.setdefault(a, {}).get("text_patterns") or [])
            meta[a]["text_patterns"] = old + [p for p in extra if p not in old]
    return Dictionary(
        cats, dict(lex.values), dict(lex.exclude), meta, lex.case_sensitive, lex.name, lex.language
    )


def _text_regexes(lexicon: Dictionary) -> list[tuple[str, re.Pattern[str]]]:
    """(actor, regex) per actor with ``text_patterns``, compiled once per lexicon."""
    cached = lexicon.__dict__.get("_text_rx")
    if cached is not None:
        return cached
    out = []
    for actor in lexicon.categories:
        pats = lexicon.meta.get(actor, {}).get("text_patterns") or []
        if isinstance(pats, str):
            pats = [pats]
        if pats:
            # a space matches any whitespace or none: Korean spacing varies
            src = "|".join("(?:" + str(p).strip().replace(" ", r"\s*") + ")" for p in pats)
            try:
                out.append((actor, re.compile(src, re.IGNORECASE)))
            except re.error as err:
                raise ValueError(f"actor {actor!r}: bad text_patterns regex ({err})") from err
    lexicon.__dict__["_text_rx"] = out
    return out


def find_actors_text(text: str, lexicon: Dictionary) -> list[tuple[int, int, str]]:
    """Actor matches of the ``text_patterns`` (Korean, Japanese) in a string.

    Returns ``(start, end, actor)`` character spans, sorted; matches of one
    actor do not overlap (the longest wins at a position).

    Examples
    --------
    >>> find_actors_text("한국 정부는 日本政府に抗議했고 북한산에 올랐다.", actor_lexicon())
    [(0, 2, 'KR'), (7, 9, 'JP')]
    """
    hits = [
        (m.start(), m.end(), actor)
        for actor, rx in _text_regexes(lexicon)
        for m in rx.finditer(text)
        if m.end() > m.start()
    ]
    hits.sort(key=lambda h: (h[2], h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    busy: dict[str, int] = {}
    for h in hits:
        if h[0] >= busy.get(h[2], 0):
            out.append(h)
            busy[h[2]] = h[1]
    out.sort(key=lambda h: (h[0], h[2]))
    return out


def actor_lexicon(extra: str | Path | Mapping[str, Any] | None = None) -> Dictionary:
    """The actor lexicon, optionally extended.

    Parameters
    ----------
    extra : path or mapping, optional
        More actors or more patterns for existing ones, in the YAML shape of
        ``toolkit/data/actors.yaml`` (or a mapping ``{"KR": ["Yongsan"]}``).
        Patterns are added to the bundled ones; excludes too.

    Examples
    --------
    >>> lex = actor_lexicon({"KR": ["Yongsan"], "RU": {"label": "Russia", "patterns": ["Moscow"]}})
    >>> "Yongsan" in lex.categories["KR"], lex.meta["RU"]["label"]
    (True, 'Russia')
    """
    base = _bundled()
    if extra is None:
        return base
    more = _cjk_to_text_patterns(load_dictionary(extra))
    cats = {k: list(v) for k, v in base.categories.items()}
    excl = {k: list(v) for k, v in base.exclude.items()}
    meta = {k: dict(v) for k, v in base.meta.items()}
    for k, v in more.categories.items():
        cats.setdefault(k, []).extend(p for p in v if p not in cats[k])
    for k, v in more.exclude.items():
        excl.setdefault(k, []).extend(v)
    for k, v in more.meta.items():
        old = list(meta.get(k, {}).get("text_patterns") or [])
        meta.setdefault(k, {}).update(v)
        new = list(v.get("text_patterns") or [])
        meta[k]["text_patterns"] = old + [p for p in new if p not in old]
    return Dictionary(cats, {}, excl, meta, name="actors")


_BUNDLED: list[Dictionary] = []


def _bundled() -> Dictionary:
    if not _BUNDLED:
        _BUNDLED.append(_cjk_to_text_patterns(load_bundled("actors.yaml")))
    return _BUNDLED[0]


@keyword_only("lexicon")
def actor_table(*, lexicon: Dictionary | None = None) -> pd.DataFrame:
    """The lexicon as a table: one row per (actor, pattern), for reading and auditing.

    Examples
    --------
    >>> t = actor_table()
    >>> t[t.pattern == "Seoul"].actor.tolist()
    ['KR']
    """
    lex = lexicon or actor_lexicon()
    rows = [
        {"actor": a, "label": lex.meta.get(a, {}).get("label", a), "pattern": p, "kind": kind}
        for kind, source in (("include", lex.categories), ("exclude", lex.exclude))
        for a, pats in source.items()
        for p in pats
    ]
    out = pd.DataFrame(rows, columns=["actor", "label", "pattern", "kind"])
    # a table of the lexicon, not of documents: no n_docs (docs/output_contract.md)
    return attach_attrs(out, "actor_table", {"lexicon": lex.name})


def find_actors(tokens: list[str], lexicon: Dictionary) -> list[tuple[int, int, str, int, int]]:
    """Actor matches in one token list.

    Returns ``(start, end, actor, part_start, part_end)`` tuples: tokens
    ``start:end`` matched, and for a match inside a hyphenated compound or a
    Korean/Japanese token (a ``text_patterns`` match: "한국과", "日本政府") the
    character range of the part within the token (else ``(0, 0)``).

    Examples
    --------
    >>> find_actors(["The", "U.S.-Japan", "pact", "and", "North_Korea"], actor_lexicon())
    [(1, 2, 'US', 0, 4), (1, 2, 'JP', 5, 10), (4, 5, 'KP', 0, 0)]
    """
    out = [(m.start, m.end, m.category, 0, 0) for m in lexicon.match(tokens)]
    covered = {i for s, e, *_ in out for i in range(s, e)}
    rxs = _text_regexes(lexicon)
    for i, tok in enumerate(tokens):
        if rxs and i not in covered and _has_cjk(tok):
            out.extend((i, i + 1, a, p0, p1) for p0, p1, a in find_actors_text(tok, lexicon))
            continue
        if i in covered or "-" not in tok.strip("-"):
            continue
        pos = 0
        for part in tok.split("-"):
            if part:
                for m in lexicon.match([part]):
                    out.append((i, i + 1, m.category, pos, pos + len(part)))
            pos += len(part) + 1
    out.sort(key=lambda t: (t[0], t[3], t[2]))
    return out


def actor_mentions(
    data: pd.DataFrame | Tokens,
    *,
    lexicon: Dictionary | str | Path | Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """One row per actor mention.

    Parameters
    ----------
    data : corpus DataFrame or Tokens
    lexicon : Dictionary, path or mapping, optional
        Extra actor patterns merged into the bundled lexicon (see
        :func:`actor_lexicon`), or a complete :class:`Dictionary` to use as is.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, actor, actor_label, matched, start, end, sentence``;
        ``start``/``end`` are character offsets into the document's text, so
        ``text[start:end] == matched``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"text": ["Seoul and Tokyo met. North Korea fired a missile."]})
    >>> actor_mentions(c)[["sent_id", "actor", "matched"]].values.tolist()
    [[0, 'KR', 'Seoul'], [0, 'JP', 'Tokyo'], [1, 'KP', 'North Korea']]
    """
    tk = as_tokens(data)
    lex = lexicon if isinstance(lexicon, Dictionary) else actor_lexicon(lexicon)
    texts = dict(zip(tk.corpus["doc_id"], tk.corpus["text"], strict=True))
    sents = tk.sentences
    rows = []
    for row, (doc_id, sent_id, toks, sentence) in enumerate(
        zip(sents["doc_id"], sents["sent_id"], sents["tokens"], sents["sentence"], strict=True)
    ):
        if _has_cjk(sentence):
            # characters, not tokens: "한국 정부" spans two tokens, and a
            # morphological tokenizer may split "北朝鮮" or drop the particle
            s0 = int(sents["start"].iat[row])
            spans = tk.token_spans(row)
            found = [
                (spans[s][0], spans[e - 1][1], a, p0, p1)
                for s, e, a, p0, p1 in find_actors(toks, lex)
                if not any(_has_cjk(t) for t in toks[s:e])
            ]
            found = [(a + p0, a + p1, c) if p1 else (a, b, c) for a, b, c, p0, p1 in found]
            found += [(s0 + a, s0 + b, c) for a, b, c in find_actors_text(sentence, lex)]
            found.sort(key=lambda h: (h[0], h[2]))
        else:
            hits = find_actors(toks, lex)
            if not hits:
                continue
            spans = tk.token_spans(row)
            found = [
                (spans[s][0] + p0, spans[s][0] + p1, a) if p1 else (spans[s][0], spans[e - 1][1], a)
                for s, e, a, p0, p1 in hits
            ]
        text = texts[doc_id]
        for start, end, actor in found:
            rows.append(
                {
                    "doc_id": doc_id,
                    "sent_id": int(sent_id),
                    "actor": actor,
                    "actor_label": lex.meta.get(actor, {}).get("label", actor),
                    "matched": text[start:end],
                    "start": start,
                    "end": end,
                    "sentence": sentence,
                }
            )
    cols = ["doc_id", "sent_id", "actor", "actor_label", "matched", "start", "end", "sentence"]
    out = pd.DataFrame(rows, columns=cols)
    return finish(out, "actor_mentions", {"lexicon": lex.name}, tk)
