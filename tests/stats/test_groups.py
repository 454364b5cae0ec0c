"""toolkit.stats.groups: the one reading of by= (names, Series keyed by doc_id, lists)."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.stats.groups import MissingColumnError, by_names, with_groups


def _frame() -> pd.DataFrame:
    # sentence-like rows: doc a has two rows, so a Series is looked up per row
    return pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "outlet": ["X", "X", "Y", "Y"]})


def test_names_need_no_copy():
    frame = _frame()
    out, cols = with_groups(frame, "outlet")
    assert out is frame and cols == ["outlet"]
    assert with_groups(frame, None) == (frame, [])


def test_a_series_is_looked_up_by_doc_id_on_every_row():
    paper = pd.Series({"c": "weekly", "a": "daily", "b": "daily"}, name="paper")
    out, cols = with_groups(_frame(), ["outlet", paper])
    assert cols == ["outlet", "paper"]
    assert out["paper"].tolist() == ["daily", "daily", "daily", "weekly"]
    assert "paper" not in _frame().columns  # the caller's frame is not changed


def test_a_missing_column_names_the_columns_there():
    with pytest.raises(MissingColumnError) as err:
        with_groups(_frame(), ["outlet", "paper"])
    assert str(err.value).startswith(
        "by='paper' is not a column of the corpus; columns: doc_id, outlet"
    )
    assert isinstance(err.value, KeyError) and isinstance(err.value, ValueError)


def test_a_series_without_some_documents_or_with_repeats_is_refused():
    with pytest.raises(ValueError, match=r"lacks 1 of the rows' documents, e.g. \['c'\]"):
        with_groups(_frame(), pd.Series({"a": 1, "b": 2}, name="k"))
    twice = pd.Series([1, 2, 3, 4], index=["a", "a", "b", "c"], name="k")
    with pytest.raises(ValueError, match=r"repeats doc_ids: \['a'\]"):
        with_groups(_frame(), twice)
    with pytest.raises(ValueError, match="needs a name"):
        by_names(pd.Series({"a": 1}))


def test_a_series_needs_the_doc_column():
    with pytest.raises(MissingColumnError, match="doc='doc_id' is not a column"):
        with_groups(_frame().drop(columns="doc_id"), pd.Series({"a": 1}, name="k"))
