"""Which input documents a measure can read: the status half of the output contract.

Every measure accounts for every input document (docs/output_contract.md):
a document-level table has one row per document with a ``status`` from the
vocabulary in :mod:`toolkit._meta`; a table of mentions, lines or matches
has rows only where something was found, and records the documents it could
not read in ``attrs["unmeasured"]`` (``{doc_id: status}``) so that "no rows"
never has to be guessed between "nothing found" and "not read".
"""

from __future__ import annotations

import pandas as pd

from toolkit._meta import (
    STATUS_EMPTY,
    STATUS_OK,
    STATUS_UNREADABLE,
    attach_attrs,
    not_measured,
)
from toolkit.text.language import other_language
from toolkit.tokens.tokenizer import Tokens

__all__ = ["DocumentStatuses", "document_statuses", "finish", "record_unmeasured"]


def document_statuses(
    corpus: pd.DataFrame, language: str = "", why: str = "", *, reads: tuple[str, ...] = ()
) -> dict[str, str]:
    """``{doc_id: status}`` for every document of ``corpus``, as a measure sees it.

    ``empty`` and ``unreadable`` come from the loader (a document without text
    is ``empty`` whatever the loader said); a document in a language other
    than ``language`` (and not in ``reads``) is ``not measured`` with ``why``;
    every other document is ``ok``. ``language=""`` reads every language.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["Talks.", "회담.", ""],
    ...                   "language": ["en", "ko", "en"], "status": ["ok", "ok", "empty"]})
    >>> document_statuses(c, "en", "regex for English")
    {'a': 'ok', 'b': "not measured: language 'ko' (regex for English)", 'c': 'empty'}
    """
    other = other_language(corpus, language)
    src = corpus["status"].tolist() if "status" in corpus.columns else [STATUS_OK] * len(corpus)
    out = {}
    # tolist(): iterating a pyarrow-backed column directly is ~10x slower
    for doc_id, text, st in zip(
        corpus["doc_id"].tolist(), corpus["text"].tolist(), src, strict=True
    ):
        if st == STATUS_UNREADABLE:
            out[doc_id] = STATUS_UNREADABLE
        elif not isinstance(text, str) or not text.strip():
            out[doc_id] = STATUS_EMPTY
        elif doc_id in other and other[doc_id] not in reads:
            out[doc_id] = not_measured(other[doc_id], why)
        else:
            out[doc_id] = STATUS_OK
    return out


class DocumentStatuses(dict):
    """``{doc_id: status}`` kept in ``attrs``: copied by reference, not deep-copied.

    pandas deep-copies ``attrs`` into the result of every operation on a
    table (each column access, filter, merge); a dict of 500,000 statuses made
    each of them take seconds. Treat it as read-only. It is a ``dict``, so it
    still serialises to JSON (Parquet and figure metadata).
    """

    def __deepcopy__(self, memo: dict) -> DocumentStatuses:
        return self


def record_unmeasured(out: pd.DataFrame, statuses: dict[str, str]) -> pd.DataFrame:
    """Put the documents ``out`` could not read in ``attrs["unmeasured"]`` (``{doc_id: status}``).

    ``attrs["n_unmeasured"]`` is their number.

    Examples
    --------
    >>> t = record_unmeasured(pd.DataFrame({"doc_id": ["a"]}), {"a": "ok", "b": "empty"})
    >>> t.attrs["unmeasured"], t.attrs["n_unmeasured"]
    ({'b': 'empty'}, 1)
    """
    missing = DocumentStatuses((d, st) for d, st in statuses.items() if st != STATUS_OK)
    out.attrs["unmeasured"] = missing
    out.attrs["n_unmeasured"] = len(missing)
    return out


def finish(
    out: pd.DataFrame,
    measure: str,
    params: dict,
    tokens: Tokens,
    *,
    per_document: bool = True,
) -> pd.DataFrame:
    """attrs for a measure that reads every language (counts, patterns, concordances).

    ``n_docs`` is the number of input documents; those without text
    (``empty``, ``unreadable``) are in ``attrs["unmeasured"]`` when the rows
    belong to documents (``per_document``), else only counted in
    ``attrs["n_unmeasured"]`` (a term table has no document to mark).

    Examples
    --------
    >>> from toolkit.tokens.tokenizer import tokenize
    >>> tk = tokenize(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Seoul met Tokyo.", ""]}))
    >>> t = finish(pd.DataFrame({"doc_id": ["a"]}), "demo", {}, tk)
    >>> t.attrs["n_docs"], t.attrs["unmeasured"]
    (2, {'b': 'empty'})
    >>> finish(pd.DataFrame({"term": ["seoul"]}), "demo", {}, tk, per_document=False).attrs["n_unmeasured"]
    1
    """
    attach_attrs(out, measure, params, n_docs=len(tokens.doc_ids))
    statuses = document_statuses(tokens.corpus)
    if per_document:
        return record_unmeasured(out, statuses)
    out.attrs["n_unmeasured"] = sum(st != STATUS_OK for st in statuses.values())
    return out
