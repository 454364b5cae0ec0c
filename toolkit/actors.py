"""Who is talked about: actor mentions from the bundled, extendable actor lexicon.

The lexicon (``toolkit/data/actors.yaml``) maps words to actor codes that
match the corpus ``country`` codes (KR, JP, US, KP, CN), so "tone toward JP
in KR outlets" is a plain pandas filter. Its header explains the decisions;
the traps it avoids ("North Korea" is not "Korea", "Seoul National
University" is not Seoul's government) are tested in ``tests/test_actors.py``.

Compound tokens such as "U.S.-Japan" or "Korea-Japan" are split on hyphens
when the whole token is not itself an entry, so both actors are found.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.dictionaries import Dictionary, load_bundled, load_dictionary
from toolkit.tokenize import Tokens, as_tokens

__all__ = ["actor_lexicon", "actor_mentions", "actor_table", "find_actors"]


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
    base = load_bundled("actors.yaml")
    if extra is None:
        return base
    more = load_dictionary(extra)
    cats = {k: list(v) for k, v in base.categories.items()}
    excl = {k: list(v) for k, v in base.exclude.items()}
    meta = {k: dict(v) for k, v in base.meta.items()}
    for k, v in more.categories.items():
        cats.setdefault(k, []).extend(p for p in v if p not in cats[k])
    for k, v in more.exclude.items():
        excl.setdefault(k, []).extend(v)
    for k, v in more.meta.items():
        meta.setdefault(k, {}).update(v)
    return Dictionary(cats, {}, excl, meta, name="actors")


def actor_table(lexicon: Dictionary | None = None) -> pd.DataFrame:
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
    return pd.DataFrame(rows, columns=["actor", "label", "pattern", "kind"])


def find_actors(tokens: list[str], lexicon: Dictionary) -> list[tuple[int, int, str, int, int]]:
    """Actor matches in one token list.

    Returns ``(start, end, actor, part_start, part_end)`` tuples: tokens
    ``start:end`` matched, and for a match inside a hyphenated compound the
    character range of the part within the token (else ``(0, 0)``).

    Examples
    --------
    >>> find_actors(["The", "U.S.-Japan", "pact", "and", "North_Korea"], actor_lexicon())
    [(1, 2, 'US', 0, 4), (1, 2, 'JP', 5, 10), (4, 5, 'KP', 0, 0)]
    """
    out = [(m.start, m.end, m.category, 0, 0) for m in lexicon.match(tokens)]
    covered = {i for s, e, *_ in out for i in range(s, e)}
    for i, tok in enumerate(tokens):
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
        hits = find_actors(toks, lex)
        if not hits:
            continue
        spans = tk.token_spans(row)
        text = texts[doc_id]
        for s, e, actor, p0, p1 in hits:
            start, end = spans[s][0], spans[e - 1][1]
            if p1:
                start, end = start + p0, start + p1
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
    out.attrs["measure"] = "actor_mentions"
    return out
