"""The options vocabulary of docs/conventions.md, checked on the public signatures.

Three parts: the signature rules (read from ``inspect.signature`` of every
function in ``toolkit.__all__`` but the plots and the supervised classifier,
and shown to catch a made-up function that breaks them); the old option
names (they still work, warn, and clash with the new ones); and ``by=``
(every measure with it reads the same things and fails the same way).
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit.stats.groups import MissingColumnError

# --------------------------------------------------------------------------
# Signature rules
# --------------------------------------------------------------------------

# Owned elsewhere: plots follow seaborn's names (tests/plots); the classifier
# functions are being reworked (their renames are listed for that change).
EXEMPT_MODULES = ("toolkit.plots",)
EXEMPT = {"fit_classifier", "cross_validate", "classify", "load_classifier"}

# A name that says the same thing as a word of the table, and the word to use.
SYNONYMS = {
    "measure": "method",
    "stat": "method",
    "statistic": "method",
    "algorithm": "method",
    "aggregate": "document_method",
    "dictionary": "lexicon",
    "wordlist": "lexicon",
    "scores": "precomputed",
    "lines": "precomputed",
    "quotes_table": "precomputed",
    "group": "by",
    "groupby": "by",
    "group_by": "by",
    "unit": "level",
    "level_of_measurement": "scale",
    "seed": "random_state",
    "n_bootstrap": "n_boot",
    "n_resamples": "n_boot",
    "conf_level": "ci",
    "confidence": "ci",
    "top_n": "n",
    "top": "n",
    "min_freq": "min_count",
    "min_df_count": "min_count",
    "span": "window",
    "context": "window",
    "jobs": "n_jobs",
    "workers": "n_jobs",
}

# Options that may stay positional although they have a default, and why.
POSITIONAL_OK = {
    ("build_report", "source"): "the data (None: the demo corpus)",
    ("build_report", "out_dir"): "where the output goes, like save_figure's path",
    ("outlet_table", "extra"): "its only input: outlets to add to the bundled table",
    ("doctor", "file"): "where to print, as print(file=)",
    ("split_sentences", "language"): "text utilities take (text, language) as NLTK's do",
    ("word_tokenize", "language"): "text utilities take (text, language) as NLTK's do",
}

UNITS = {"sentence", "document", "mention"}
SCALES = {"nominal", "ordinal", "interval", "ratio"}
# Options whose default must be the same wherever they appear.
SAME_DEFAULT = {"ci": 0.95, "n_boot": 1000, "random_state": 0}


def vocabulary_problems(func: Callable[..., Any], name: str | None = None) -> list[str]:
    """Every way ``func``'s signature breaks docs/conventions.md (empty when it keeps it)."""
    name = name or func.__name__
    problems = []
    for p in inspect.signature(func).parameters.values():
        where = f"{name}({p.name}=)"
        has_default = p.default is not inspect.Parameter.empty
        positional = p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        # data arguments (positional, required) are named for what they hold,
        # e.g. calibrate_thresholds(scores, coded, codes); options use the table
        if p.name in SYNONYMS and (has_default or not positional):
            problems.append(f"{where}: say {SYNONYMS[p.name]}= (docs/conventions.md)")
        if has_default and positional and (name, p.name) not in POSITIONAL_OK:
            problems.append(f"{where}: an option, so keyword-only (after *)")
        if p.name == "value" and (has_default or not positional):
            problems.append(f"{where}: value is a data column; a choice of statistic is method=")
        if p.name == "target" and has_default:
            problems.append(f"{where}: target is keyness's compared group; actors are actors=")
        if p.name == "sort" and (str(p.annotation) != "bool" or not isinstance(p.default, bool)):
            problems.append(f"{where}: sort is a bool; what to sort by is sort_by=")
        if p.name == "by" and str(p.annotation) != "By":
            problems.append(f"{where}: annotate by as toolkit.stats.groups.By (one resolver)")
        if p.name == "level" and has_default and p.default not in UNITS:
            problems.append(f"{where}: level is the unit {sorted(UNITS)}; a scale is scale=")
        if p.name == "scale" and has_default and p.default not in SCALES:
            problems.append(f"{where}: scale is one of {sorted(SCALES)}")
        if p.name == "window" and str(p.annotation) != "int":
            problems.append(f"{where}: window is a word window, an int")
        if p.name == "n" and str(p.annotation) not in ("int", "int | None"):
            problems.append(f"{where}: n is how many rows to return, an int")
        if p.name in SAME_DEFAULT and has_default and p.default != SAME_DEFAULT[p.name]:
            problems.append(f"{where}: the default is {SAME_DEFAULT[p.name]} everywhere")
        if (p.name == "method" or p.name.endswith("_method")) and not has_default:
            problems.append(f"{where}: a method= choice needs a default")
    return problems


def _public_functions() -> list[str]:
    names = []
    for n in toolkit.__all__:
        module = toolkit._EXPORTS.get(n)
        if module is None or module.startswith(EXEMPT_MODULES) or n in EXEMPT:
            continue
        if inspect.isclass(getattr(toolkit, n)):
            continue
        names.append(n)
    return names


PUBLIC = _public_functions()


def test_the_public_functions_are_checked():
    # the exemptions must not swallow the measures
    assert {"tone", "keyness", "frame_shares", "aggregate", "reliability", "kwic"} <= set(PUBLIC)
    assert len(PUBLIC) >= 40


@pytest.mark.parametrize("name", PUBLIC)
def test_public_signature_keeps_the_vocabulary(name):
    assert vocabulary_problems(getattr(toolkit, name), name) == []


def test_a_new_measure_with_measure_is_caught():
    def new_measure(data, *, measure="chi2", sort="G2", level="nominal"):
        """A made-up function that speaks the old dialect."""

    problems = vocabulary_problems(new_measure)
    assert any("new_measure(measure=): say method=" in p for p in problems)
    assert any("new_measure(sort=)" in p for p in problems)
    assert any("new_measure(level=)" in p for p in problems)


def test_a_positional_option_is_caught():
    def new_measure(data, dictionary=None, *, by=None, n_boot=200, window=5.0):
        """A made-up function: a positional lexicon, an unresolved by, another default."""

    problems = "\n".join(vocabulary_problems(new_measure))
    assert "new_measure(dictionary=): say lexicon=" in problems
    assert "new_measure(dictionary=): an option, so keyword-only" in problems
    assert "new_measure(by=): annotate by" in problems
    assert "new_measure(n_boot=): the default is 1000" in problems
    assert "new_measure(window=): window is a word window" in problems


def test_a_function_that_keeps_the_vocabulary_passes():
    from toolkit.stats.groups import By  # noqa: F401  (the annotation the rule reads)

    def new_measure(data, pattern, *, by: By = None, method: str = "g2", sort: bool = True):
        """A made-up function in the house style."""

    assert vocabulary_problems(new_measure) == []


def test_the_conventions_table_names_every_rule_word():
    from tests._paths import REPO

    table = (REPO / "docs" / "conventions.md").read_text(encoding="utf-8")
    for word in {*SYNONYMS.values(), "sort_by", "actors", "decay", "precomputed"}:
        assert f"`{word}=`" in table, word


# --------------------------------------------------------------------------
# Old names: still work for one minor version, warn, and clash with the new
# --------------------------------------------------------------------------


def _renamed_pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for n in PUBLIC + sorted(EXEMPT):
        for old, new in getattr(getattr(toolkit, n), "__renamed__", {}).items():
            pairs.append((n, old, new))
    return pairs


RENAMED = _renamed_pairs()


def test_every_renamed_option_is_listed_in_the_table():
    from tests._paths import REPO

    table = (REPO / "docs" / "conventions.md").read_text(encoding="utf-8")
    expected = {
        ("keyness", "measure", "method"),
        ("keyness_from_counts", "measure", "method"),
        ("aggregate", "stat", "method"),
        ("frame_shares", "value", "method"),
        ("frame_shares", "scores", "precomputed"),
        ("tone", "aggregate", "document_method"),
        ("document_tone", "aggregate", "document_method"),
        ("tone", "dictionary", "lexicon"),
        ("frames", "dictionary", "lexicon"),
        ("target_tone", "target", "actors"),
        ("reliability", "level", "scale"),
        ("naming", "lines", "precomputed"),
        ("sources", "quotes_table", "precomputed"),
        ("collocations", "sort", "sort_by"),
        ("kwic", "sort", "sort_by"),
    }
    assert expected <= set(RENAMED)
    for _, old, _ in RENAMED:
        assert f"`{old}=`" in table, old


@pytest.mark.parametrize(("name", "old", "new"), RENAMED)
def test_old_and_new_name_together_is_a_type_error(name, old, new):
    # the clash is found before the function runs, so no data is needed
    with pytest.raises(TypeError, match=f"{old!r}.*{new!r}"):
        getattr(toolkit, name)(None, **{old: None, new: None})


CONSTRUCTED = pd.DataFrame(
    {  # constructed example sentences, not from any article
        "doc_id": ["a", "b", "c", "d"],
        "text": [
            "Seoul praised the talks. The court ruled on compensation for colonial rule.",
            "Tokyo angered its neighbours. Trade talks resumed after the court case.",
            "The East Sea, also known as the Sea of Japan, was calm.",
            '"We regret it deeply," a Japanese official said of the talks.',
        ],
        "outlet": ["X", "X", "Y", "Y"],
        "country": ["KR", "KR", "JP", "JP"],
        "date": pd.to_datetime(["2015-01-05", "2015-02-10", "2015-02-11", "2015-03-01"]),
    }
)


@pytest.fixture(scope="module")
def tokens():
    return toolkit.tokenize(toolkit.load_corpus(CONSTRUCTED))


def _same(a: Any, b: Any) -> None:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, tuple):
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    else:
        assert a == b


def _old_and_new(tokens) -> list[tuple[str, Callable[[], Any], Callable[[], Any]]]:
    tk = tokens
    t = toolkit
    sent = t.tone(tk, method="news")
    fr = t.frames(tk, lexicon="issue")
    coded = pd.DataFrame({"a": [1, 0, -1, 1, 0], "b": [1, 0, -1, 0, 0]})
    table = pd.DataFrame({"doc_id": list("aabc"), "g": list("XXXY"), "v": [0.1, 0.3, -0.2, 0.4]})
    return [
        (
            "keyness measure=",
            lambda: t.keyness(tk, "KR", by="country", measure="lr"),
            lambda: t.keyness(tk, "KR", by="country", method="lr"),
        ),
        (
            "keyness_from_counts totals by position",
            lambda: t.keyness_from_counts(["x", "y"], [30, 10], [2, 10], 1000, 1000),
            lambda: t.keyness_from_counts(
                ["x", "y"], [30, 10], [2, 10], target_total=1000, reference_total=1000
            ),
        ),
        (
            "aggregate stat=",
            lambda: t.aggregate(table, "v", by="g", stat="median", n_boot=50),
            lambda: t.aggregate(table, "v", by="g", method="median", n_boot=50),
        ),
        (
            "frame_shares value=/scores=/dictionary=",
            lambda: t.frame_shares(tk, dictionary="issue", value="dominant", scores=fr, n_boot=50),
            lambda: t.frame_shares(
                tk, lexicon="issue", method="dominant", precomputed=fr, n_boot=50
            ),
        ),
        (
            "frames dictionary by position",
            lambda: t.frames(tk, "generic"),
            lambda: t.frames(tk, lexicon="generic"),
        ),
        (
            "tone method/level by position, aggregate=",
            lambda: t.tone(tk, "news", "document", aggregate="median"),
            lambda: t.tone(tk, method="news", level="document", document_method="median"),
        ),
        (
            "document_tone aggregate=",
            lambda: t.document_tone(sent, tk, aggregate="share_negative"),
            lambda: t.document_tone(sent, tk, document_method="share_negative"),
        ),
        (
            "target_tone target by position",
            lambda: t.target_tone(tk, ["KR", "JP"]),
            lambda: t.target_tone(tk, actors=["KR", "JP"]),
        ),
        (
            "target_tone(method='news', window=) is decay=",
            lambda: t.target_tone(tk, actors="JP", window=9),
            lambda: t.target_tone(tk, actors="JP", decay=9),
        ),
        (
            "collocations sort=",
            lambda: t.collocations(tk, min_count=1, sort="pmi"),
            lambda: t.collocations(tk, min_count=1, sort_by="pmi"),
        ),
        (
            "kwic sort=",
            lambda: t.kwic(tk, "talks", sort="right"),
            lambda: t.kwic(tk, "talks", sort_by="right"),
        ),
        (
            "naming lines=",
            lambda: t.naming(tk, by="outlet", lines=t.naming_lines(tk)),
            lambda: t.naming(tk, by="outlet", precomputed=t.naming_lines(tk)),
        ),
        (
            "sources quotes_table=",
            lambda: t.sources(tk, by="outlet", quotes_table=t.quotes(tk)),
            lambda: t.sources(tk, by="outlet", precomputed=t.quotes(tk)),
        ),
        (
            "reliability level=",
            lambda: t.reliability(coded, ["a", "b"], level="nominal"),
            lambda: t.reliability(coded, ["a", "b"], scale="nominal"),
        ),
        (
            "coding_sheet n by position",
            lambda: t.coding_sheet(tk, 3),
            lambda: t.coding_sheet(tk, n=3),
        ),
        (
            "to_latex caption by position",
            lambda: t.to_latex(table, "A caption"),
            lambda: t.to_latex(table, caption="A caption"),
        ),
    ]


def test_old_names_still_work_and_warn(tokens):
    for label, old, new in _old_and_new(tokens):
        with pytest.warns(FutureWarning, match="after version 0.4") as record:
            got = old()
        # the warnings point at this file, the caller, not at the toolkit's wrappers
        ours = [w for w in record if "after version 0.4" in str(w.message)]
        assert ours and all(w.filename == __file__ for w in ours), label
        with warnings.catch_warnings():
            warnings.filterwarnings("error", ".*after version", FutureWarning)
            want = new()
        _same(got, want)


def test_news_window_and_decay_together_is_a_type_error(tokens):
    with pytest.raises(TypeError, match="decay"):
        toolkit.target_tone(tokens, actors="JP", window=9, decay=3)


def test_decay_changes_the_news_score_and_window_the_vader_score(tokens):
    # the two names reach two different settings: each moves its own method only
    t = toolkit.target_tone
    near = t(tokens, actors="JP", decay=1)["tone"].to_numpy()
    far = t(tokens, actors="JP", decay=50)["tone"].to_numpy()
    assert not np.allclose(near, far)
    v1 = t(tokens, actors="JP", method="vader", window=1)["tone"].to_numpy()
    v9 = t(tokens, actors="JP", method="vader", window=9)["tone"].to_numpy()
    assert not np.allclose(v1, v9)
    d1 = t(tokens, actors="JP", method="vader", decay=1)["tone"].to_numpy()
    np.testing.assert_allclose(d1, t(tokens, actors="JP", method="vader")["tone"].to_numpy())


# --------------------------------------------------------------------------
# by=: one resolver in every measure
# --------------------------------------------------------------------------


def _by_calls(tk) -> dict[str, Callable[[Any], Any]]:
    t = toolkit
    docs = pd.DataFrame(
        {"doc_id": list("abcd"), "outlet": list("XXYY"), "tone": [0.1, 0.2, -0.1, 0.3]}
    )
    return {
        "frequencies": lambda by: t.frequencies(tk, by=by),
        "tf_idf": lambda by: t.tf_idf(tk, by=by),
        "term_dispersion": lambda by: t.term_dispersion(tk, by=by),
        "keyness": lambda by: t.keyness(tk, "X", by=by),
        "frame_shares": lambda by: t.frame_shares(tk, by=by, n_boot=20),
        "naming": lambda by: t.naming(tk, by=by),
        "sources": lambda by: t.sources(tk, by=by),
        "coding_sheet": lambda by: t.coding_sheet(tk, n=4, by=by)[1],
        "aggregate": lambda by: t.aggregate(docs, "tone", by=by, n_boot=20),
        "difference": lambda by: t.difference(docs, "tone", by=by, n_boot=20),
    }


BY_MEASURES = sorted(_by_calls(None))


def test_every_public_function_with_by_is_in_the_list():
    with_by = {n for n in PUBLIC if "by" in inspect.signature(getattr(toolkit, n)).parameters}
    assert with_by == set(BY_MEASURES)


@pytest.mark.parametrize("name", BY_MEASURES)
def test_a_missing_by_column_is_one_error_naming_the_columns(tokens, name):
    call = _by_calls(tokens)[name]
    with pytest.raises(MissingColumnError, match=r"by='paper' is not a column.*columns: .*doc_id"):
        call("paper")
    # code written against either older error still catches it
    with pytest.raises(KeyError):
        call("paper")
    with pytest.raises(ValueError):
        call("paper")


@pytest.mark.parametrize("name", BY_MEASURES)
def test_a_series_keyed_by_doc_id_groups_like_the_column(tokens, name):
    # outlet X = {a, b}, Y = {c, d}; "paper" is the same grouping made after tokenizing
    call = _by_calls(tokens)[name]
    paper = pd.Series({"d": "Y", "c": "Y", "b": "X", "a": "X"}, name="paper")  # shuffled order
    want = call("outlet")
    got = call(paper)
    if "outlet" in want.columns:
        got = got.rename(columns={"paper": "outlet"})
    keep = [c for c in want.columns if c not in ("item_id",)]
    pd.testing.assert_frame_equal(
        got[keep].reset_index(drop=True),
        want[keep].reset_index(drop=True),
        check_like=True,
        check_column_type=False,
    )


@pytest.mark.parametrize("name", BY_MEASURES)
def test_a_series_missing_a_document_is_a_clear_error(tokens, name):
    call = _by_calls(tokens)[name]
    paper = pd.Series({"a": "X", "b": "X", "c": "Y"}, name="paper")
    with pytest.raises(ValueError, match=r"lacks 1 .*\['d'\]"):
        call(paper)


def test_a_column_added_to_the_corpus_after_tokenizing(tokens):
    corpus = toolkit.load_corpus(CONSTRUCTED)
    tk = toolkit.tokenize(corpus)
    corpus["paper"] = ["daily", "daily", "weekly", "daily"]  # added in place, after tokenizing
    by_name = toolkit.frequencies(tk, by="paper")
    # a copy made afterwards is not the tokenized corpus: its column goes in as a Series
    later = corpus.assign(section=["news", "opinion", "news", "news"])
    by_series = toolkit.frequencies(tk, by=later.set_index("doc_id")["section"])
    # "talks" once each in a, b and d (hand count): daily = a, b, d; news = a, d; opinion = b
    talks = by_name[by_name.term == "talks"].set_index("paper")["count"].to_dict()
    assert talks == {"daily": 3}
    section = by_series[by_series.term == "talks"].set_index("section")["count"].to_dict()
    assert section == {"news": 2, "opinion": 1}


def test_a_list_of_columns_and_series(tokens):
    kind = pd.Series({"a": "hard", "b": "soft", "c": "hard", "d": "soft"}, name="kind")
    out = toolkit.frequencies(tokens, by=["outlet", kind])
    assert list(out.columns[:2]) == ["outlet", "kind"]
    # four documents, four (outlet, kind) cells, one each: hand-built
    cells = set(map(tuple, out[["outlet", "kind"]].drop_duplicates().to_numpy().tolist()))
    assert cells == {("X", "hard"), ("X", "soft"), ("Y", "hard"), ("Y", "soft")}


def test_keyword_only_shim_refuses_extra_or_doubled_arguments():
    from toolkit._meta import keyword_only

    @keyword_only("method")
    def f(data, *, method="news", level="sentence"):
        return method, level

    with pytest.raises(TypeError, match="takes 1 positional arguments but 3 were given"):
        f([], "vader", "document")  # level was never positional: not accepted
    with pytest.raises(TypeError, match="'method' both by position and by name"):
        f([], "vader", method="news")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert f([], method="vader") == ("vader", "sentence")  # by name: no warning
