"""The one reading of ``by=``: which group each document (or row) belongs to.

Every measure with a ``by=`` option resolves it here, so ``by`` accepts the
same things everywhere and a wrong column fails the same way everywhere:

- a column name of the frame (the corpus, or the caller's own table);
- a pandas Series keyed by ``doc_id`` (its index holds the ids), so a column
  made after tokenizing still groups the tokens;
- a list mixing the two.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Union

import pandas as pd

#: What ``by=`` accepts.
By = Union[str, pd.Series, Sequence[Union[str, pd.Series]], None]  # noqa: UP007


class MissingColumnError(KeyError, ValueError):
    """A column the call names (``by=``, ``value=``...) is not in the table.

    It subclasses both KeyError and ValueError, so code written against
    either of the older errors keeps catching it.

    Examples
    --------
    >>> try:
    ...     raise MissingColumnError("by='paper' is not a column of the corpus")
    ... except KeyError as err:
    ...     str(err)
    "by='paper' is not a column of the corpus"
    """

    def __str__(self) -> str:
        # KeyError would print the message inside quotes
        return str(self.args[0]) if self.args else ""


def missing_column(name: object, frame: pd.DataFrame, what: str = "the corpus", option: str = "by"):
    """The error for a column ``name`` that ``frame`` lacks, naming the columns it has."""
    have = ", ".join(map(str, frame.columns))
    hint = ""
    if what == "the corpus" and option == "by":
        hint = (
            "; a column added after tokenizing can be passed as a Series keyed by doc_id, "
            "e.g. by=corpus.set_index('doc_id')['paper']"
        )
    elif option == "by":
        hint = (
            "; measures return doc_id and scores only: join the corpus columns first, "
            "or pass a Series keyed by doc_id, e.g. by=corpus.set_index('doc_id')['outlet']"
        )
    return MissingColumnError(f"{option}={name!r} is not a column of {what}; columns: {have}{hint}")


def by_names(by: By) -> list[Hashable]:
    """The group column names ``by`` will produce (a Series gives its name).

    Examples
    --------
    >>> by_names(["outlet", pd.Series(["KR"], index=["a"], name="country")])
    ['outlet', 'country']
    """
    if by is None:
        return []
    items = [by] if isinstance(by, (str, pd.Series)) else list(by)
    names = []
    for item in items:
        if isinstance(item, pd.Series):
            if item.name is None:
                raise ValueError("a by= Series needs a name: it becomes the group column")
            names.append(item.name)
        else:
            names.append(item)
    return names


def with_groups(
    frame: pd.DataFrame,
    by: By,
    *,
    doc: str = "doc_id",
    what: str = "the corpus",
) -> tuple[pd.DataFrame, list[Hashable]]:
    """``frame`` with every ``by`` group as a column, and the names of those columns.

    Parameters
    ----------
    frame : DataFrame
        The corpus, or the caller's table (one or several rows per document).
    by : str, Series or list of them, optional
        Column names of ``frame``, or Series keyed by ``doc_id`` (their
        values are looked up by ``frame[doc]``).
    doc : str, default "doc_id"
        The document id column of ``frame`` (used for Series only).
    what : str, default "the corpus"
        How error messages name ``frame``.

    Returns
    -------
    (DataFrame, list)
        ``frame`` itself when every group is already a column (no copy),
        else a shallow copy with the Series added; and the group column names.

    Raises
    ------
    MissingColumnError
        A named column is not in ``frame`` (the message lists the columns).
    ValueError
        A Series has no name, repeats a doc_id, or lacks some of the
        documents (the message names a few).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"]})
    >>> paper = pd.Series({"a": "daily", "b": "weekly"}, name="paper")
    >>> out, cols = with_groups(corpus, ["outlet", paper])
    >>> cols, out["paper"].tolist()
    (['outlet', 'paper'], ['daily', 'weekly'])
    """
    names = by_names(by)
    if not names:
        return frame, []
    items = [by] if isinstance(by, (str, pd.Series)) else list(by)
    added: dict[Hashable, pd.Series] = {}
    for item, name in zip(items, names, strict=True):
        if not isinstance(item, pd.Series):
            if name not in frame.columns:
                raise missing_column(name, frame, what)
            continue
        if doc not in frame.columns:
            raise missing_column(doc, frame, what, option="doc")
        if not item.index.is_unique:
            dup = item.index[item.index.duplicated()].unique()[:5].tolist()
            raise ValueError(f"by Series {name!r} repeats doc_ids: {dup}")
        ids = frame[doc]
        absent = ~ids.isin(item.index)
        if absent.any():
            shown = ids[absent].unique()[:5].tolist()
            raise ValueError(
                f"by Series {name!r} is keyed by doc_id but lacks {int(absent.sum())} "
                f"of the rows' documents, e.g. {shown}; index it by doc_id, e.g. "
                f"corpus.set_index('doc_id')[{name!r}]"
            )
        added[name] = ids.map(item)
    if not added:
        return frame, names
    out = frame.copy(deep=False)
    for name, values in added.items():
        out[name] = values.to_numpy()
    return out, names
