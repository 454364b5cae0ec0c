"""Classifiers learned from coders' codes: fit, cross-validate, apply, save/load.

All texts here are constructed for the tests (invented sentences, no real
person's words). Expected values come from scikit-learn (a second
implementation of the probabilities and of kappa) or from hand counts.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import cohen_kappa_score

from tests._paths import SHARED
from toolkit.measures.supervised import (
    _kappa,
    classify,
    cross_validate,
    fit_classifier,
    load_classifier,
)
from toolkit.validity import coding_sheet, read_coding_sheet

ECON = [
    "Costs rose sharply for exporters.",
    "Prices and costs soared again.",
    "The budget deficit grew by billions.",
    "Factories cut jobs as sales fell.",
]
OTHER = [
    "The choir sang in the park.",
    "A calm day by the sea.",
    "The museum opened a new wing.",
    "Children played football after school.",
]


def _coded(copies: int = 3) -> pd.DataFrame:
    texts = (ECON + OTHER) * copies
    return pd.DataFrame({"text": texts, "EC": ([1] * 4 + [0] * 4) * copies})


@pytest.fixture(scope="module")
def model():
    return fit_classifier(_coded(), ["EC"], min_df=1)


def test_text_stage_matches_scikit_learn(model) -> None:
    # the first stage's saved coefficients are scikit-learn's own fit on the
    # word and word-pair columns of the same design matrix
    from toolkit.measures.supervised import _prepare

    coded = _coded()
    x = model.space.transform(_prepare(coded, "text", "document"))
    n_text = model.space.n_text()
    ref = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
    ref.fit(x[:, :n_text], coded["EC"])
    assert np.allclose(model.codes["EC"]["coef"], ref.coef_, atol=1e-6)
    assert np.allclose(model.codes["EC"]["intercept"], ref.intercept_, atol=1e-6)


def test_two_stage_probability_follows_the_saved_formula(model) -> None:
    # p = 1 / (1 + exp(-(b + sum_k w_k (v_k - mean_k) / sd_k))), v = [text
    # log-odds, the frame's evidence], written out here from the JSON alone
    from toolkit.measures.supervised import _prepare

    saved = model.to_dict()
    code = saved["codes"]["EC"]
    stack = code["stack"]
    # the economic texts are economic by the dictionary: that frame is chosen
    assert stack["inputs"][0] == "text"
    assert stack["inputs"][1] == "generic:economic_consequences"
    coded = _coded()
    x = model.space.transform(_prepare(coded, "text", "document")).toarray()
    feats = saved["features"]
    n_text = sum(len(v) for v in feats["vocabulary"].values())
    values = [x[:, :n_text] @ np.array(code["coef"][0]) + code["intercept"][0]]
    for name in stack["inputs"][1:]:
        values.append(x[:, n_text + feats["dictionary"].index(name)])
    z = (np.column_stack(values) - stack["mean"]) / stack["sd"]
    p = 1 / (1 + np.exp(-(z @ np.array(stack["coef"]) + stack["intercept"])))
    assert np.allclose(model._proba(x)["EC"][:, 1], p, atol=1e-12)


def test_codes_of_more_than_two_values_match_scikit_learn() -> None:
    from toolkit.measures.supervised import _prepare

    coded = _coded().assign(EC=[1, 1, 0, 0, -1, -1, 0, 0] * 3)
    m = fit_classifier(coded, ["EC"], min_df=1)
    x = m.space.transform(_prepare(coded, "text", "document"))
    ref = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(x, coded["EC"])
    assert np.allclose(m._proba(x)["EC"], ref.predict_proba(x), atol=1e-6)


def test_frame_evidence_by_hand() -> None:
    from toolkit.measures.framing import frames
    from toolkit.measures.supervised import _generic_evidence

    texts = [  # constructed
        "Costs rose. The choir sang. Prices and costs soared.",
        "The choir sang.",
        "",
    ]
    names, v = _generic_evidence(texts)
    ec = names.index("generic:economic_consequences")
    # the score column is the score of frames(), a second implementation
    f = frames(pd.DataFrame({"doc_id": list("abc"), "text": texts}), lexicon="generic")
    assert np.allclose(v[:, ec], f["economic_consequences_score"].fillna(0.0))
    # hand count: two of the three sentences carry an economic indicator,
    # two distinct indicators (cost*, price*), none in the other texts
    assert v[0, ec + 1] == pytest.approx(2 / 3)
    assert v[0, ec + 2] == pytest.approx(np.log1p(2))
    assert v[1, ec : ec + 4].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert v[2].tolist() == [0.0] * len(names)


def test_classify_scores_every_document_and_marks_unreadable(model) -> None:
    data = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e"],
            "text": ["Costs and prices soared.", "", "The choir sang.", "비용이 올랐다.", "x"],
            "language": ["en", "en", "en", "ko", "en"],
            "status": ["ok", "ok", "ok", "ok", "unreadable"],
        }
    )
    out = classify(data, model)
    assert out["doc_id"].tolist() == ["a", "b", "c", "d", "e"]
    assert out["status"].tolist()[:3] == ["ok", "empty", "ok"]
    assert out["status"].iloc[3].startswith("not measured: language 'ko'")
    assert out["status"].iloc[4] == "unreadable"
    assert out["EC_present"].tolist()[0] is True and out["EC_present"].iloc[2] == False  # noqa: E712
    for i in (1, 3, 4):  # NaN / NA, never 0 or False
        assert np.isnan(out["EC_prob"].iloc[i]) and out["EC_present"].isna().iloc[i]
    assert out.attrs["measure"] == "classify"


def test_saved_model_is_plain_json_and_reloads_identically(model, tmp_path) -> None:
    path = model.save(tmp_path / "ec.json")
    raw = path.read_bytes()
    assert not raw.startswith(b"\x80")  # not a pickle
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == "toolkit-classifier" and data["kind"] == "document"
    assert data["format_version"] == 3  # two-stage codes: version-2 readers must refuse it
    assert set(data["codes"]["EC"]) == {"classes", "coef", "intercept", "stack", "threshold"}
    again = load_classifier(path)
    new = pd.DataFrame({"doc_id": ["x", "y"], "text": ["Sales and costs fell.", "A calm sea."]})
    a, b = classify(new, model), classify(new, path)
    assert np.array_equal(a["EC_prob"].to_numpy(), b["EC_prob"].to_numpy())
    assert again.codes == model.codes


def test_load_rejects_other_files(tmp_path) -> None:
    p = tmp_path / "other.json"
    p.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a toolkit classifier"):
        load_classifier(p)
    p.write_text(
        json.dumps({"format": "toolkit-classifier", "format_version": 99}), encoding="utf-8"
    )
    with pytest.raises(ValueError, match="newer"):
        load_classifier(p)


def test_cross_validation_table(tmp_path) -> None:
    t = cross_validate(_coded(4), ["EC"], min_df=1, n_boot=200)
    row = t.iloc[0]
    assert row["n"] == 32 and row["classes"] == [0, 1]
    assert row["f1_low"] <= row["f1"] <= row["f1_high"]
    assert row["kappa_low"] <= row["kappa"] <= row["kappa_high"]
    # always "present": precision 0.5, recall 1 -> F1 2/3 (hand count)
    assert row["baseline_f1"] == pytest.approx(2 / 3)
    pred = t.attrs["predictions"]
    assert len(pred) == 32
    assert row["kappa"] == pytest.approx(cohen_kappa_score(pred["true"], pred["predicted"]))


def test_kappa_matches_scikit_learn() -> None:
    rng = np.random.default_rng(3)
    for _ in range(20):
        y = rng.integers(-1, 2, 50)
        p = np.where(rng.random(50) < 0.6, y, rng.integers(-1, 2, 50))
        assert _kappa(y, p) == pytest.approx(cohen_kappa_score(y, p))


def test_from_a_coding_sheet(tmp_path) -> None:
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(24)], "text": (ECON + OTHER) * 3})
    sheet, key = coding_sheet(
        corpus, n=24, level="document", path=tmp_path / "s.csv", coders=["EC"]
    )
    # a coder fills in the sheet: economy texts are 1
    filled = pd.read_csv(tmp_path / "s.csv", encoding="utf-8-sig")
    filled["EC"] = filled["text"].isin(ECON).astype(int)
    filled.to_csv(tmp_path / "s.csv", index=False, encoding="utf-8-sig")
    coded = read_coding_sheet(tmp_path / "s.csv")
    m = fit_classifier(coded, ["EC"], min_df=1)
    out = classify(corpus, m)
    assert out["EC_present"].astype(bool).tolist() == ([True] * 4 + [False] * 4) * 3


def test_target_model_reads_the_mention() -> None:
    # constructed: the same two actors praised or attacked in turn
    good = "{a} praised the agreement, while {b} stayed silent."
    bad = "{a} attacked the deal, while {b} stayed silent."
    rows = []
    for a, b in [("Seoul", "Tokyo"), ("Tokyo", "Seoul"), ("Moon", "Abe"), ("Abe", "Moon")] * 3:
        for tpl, pol in ((good, 1), (bad, -1)):
            text = tpl.format(a=a, b=b)
            rows.append({"text": text, "start": 0, "end": len(a), "tone": pol})
            s = text.index(b, len(a))
            rows.append({"text": text, "start": s, "end": s + len(b), "tone": 0})
    coded = pd.DataFrame(rows)
    m = fit_classifier(coded, ["tone"], level="mention", min_df=1)
    test = pd.DataFrame(
        {
            "doc_id": ["x", "x"],
            "text": ["Beijing praised the agreement, while Manila stayed silent."] * 2,
            "start": [0, 37],
            "end": [7, 43],
        }
    )
    out = classify(test, m)
    assert out["tone"].tolist() == [1.0, 0.0]
    assert out["tone_expected"].iloc[0] > out["tone_expected"].iloc[1]
    assert {"tone_prob_-1", "tone_prob_0", "tone_prob_1"} <= set(out.columns)


def test_bad_input_is_named() -> None:
    with pytest.raises(ValueError, match="not in the coded table"):
        fit_classifier(_coded(), ["XX"])
    with pytest.raises(ValueError, match="only one value"):
        fit_classifier(_coded().assign(EC=1), ["EC"], min_df=1)
    with pytest.raises(ValueError, match="start"):
        fit_classifier(_coded().assign(tone=0), ["tone"], level="mention")
    with pytest.raises(ValueError, match="numeric"):
        fit_classifier(_coded().assign(EC="yes"), ["EC"])


def _newsmtsc(name: str) -> pd.DataFrame:
    d = pd.read_json(SHARED / "eval" / f"newsmtsc_rw_{name}.jsonl", lines=True)
    d = d.rename(columns={"sentence": "text", "from": "start", "to": "end"})
    return d.assign(doc_id=d["id"].astype(str))


def test_target_tone_on_real_news_beats_the_dictionary(tmp_path) -> None:
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    from sklearn.metrics import f1_score

    from toolkit.measures.tone.news import span_tone_score

    # a quarter of NewsMTSC train keeps the test fast; the benchmark uses all of it
    train = _newsmtsc("train").iloc[::4]
    dev = _newsmtsc("dev")
    model = fit_classifier(train, ["polarity"], level="mention")
    out = classify(dev, model)
    assert (out["status"] == "ok").all() and len(out) == len(dev)
    f1 = f1_score(dev["polarity"], out["polarity"].astype(int), average="macro")
    spans = zip(dev["text"], dev["start"], dev["end"], strict=True)
    score = [span_tone_score(t, a, b) for t, a, b in spans]
    dic = np.where(np.array(score) > 0.05, 1, np.where(np.array(score) < -0.05, -1, 0))
    f1_dic = f1_score(dev["polarity"], dic, average="macro")
    # measured: 0.677 against the dictionary's 0.623
    assert f1 > f1_dic
    again = classify(dev, load_classifier(model.save(tmp_path / "tone.json")))
    assert np.array_equal(
        again["polarity_expected"].to_numpy(), out["polarity_expected"].to_numpy()
    )


def test_tuned_cut_is_the_f1_best_cut_of_out_of_fold_probabilities() -> None:
    # hand-worked: probabilities .9 .8 .7 .4 .3 .2 for codes 1 1 0 1 0 0.
    # Cuts at .9/.8/.7/.4/.3/.2 give F1 2/4, 4/5, 4/6, 6/7, 6/8, 6/9: best at
    # .4, the cut halfway to the next lower probability, .35
    from toolkit.measures.supervised import _best_cut

    p = np.array([0.9, 0.8, 0.7, 0.4, 0.3, 0.2])
    y = np.array([1, 1, 0, 1, 0, 0])
    assert _best_cut(p, y) == pytest.approx(0.35)


def test_threshold_is_saved_and_used(tmp_path) -> None:
    coded = _coded(4)
    m = fit_classifier(coded, ["EC"], min_df=1, threshold=0.9)
    assert m.codes["EC"]["threshold"] == 0.9
    new = pd.DataFrame({"doc_id": list("ab"), "text": ["Costs and sales fell.", "A calm sea."]})
    at_half = classify(new, m)
    prob = at_half["EC_prob"].tolist()
    # the economic sentence is clearly above 0.5, the other clearly below
    assert prob[0] > 0.5 > prob[1]
    # a saved cut above the first probability must turn it off: [False, False],
    # where deciding at 0.5 would give [True, False]
    raw = json.loads(m.save(tmp_path / "m.json").read_text(encoding="utf-8"))
    raw["codes"]["EC"]["threshold"] = (prob[0] + 1.0) / 2
    (tmp_path / "high.json").write_text(json.dumps(raw), encoding="utf-8")
    assert classify(new, tmp_path / "high.json")["EC_present"].tolist() == [False, False]
    tuned = fit_classifier(coded, ["EC"], min_df=1, threshold="tuned")
    assert 0.0 < tuned.codes["EC"]["threshold"] < 1.0
    # a version-1 file (saved before cuts were stored) loads and decides at 0.5
    raw["format_version"] = 1
    del raw["codes"]["EC"]["threshold"]
    (tmp_path / "old.json").write_text(json.dumps(raw), encoding="utf-8")
    assert classify(new, tmp_path / "old.json")["EC_present"].tolist() == [True, False]
    with pytest.raises(ValueError, match="threshold"):
        fit_classifier(coded, ["EC"], threshold=1.5)


def test_repeated_cross_validation_reports_its_spread() -> None:
    t = cross_validate(_coded(4), ["EC"], min_df=1, n_boot=50, repeats=3, threshold="tuned")
    row = t.iloc[0]
    assert t.attrs["params"]["repeats"] == 3
    runs = t.attrs["repeat_f1"]
    assert len(runs) == 3 and runs["f1"].iloc[0] == row["f1"]  # first split is the table's
    assert row["f1_mean"] == pytest.approx(runs["f1"].mean())
    assert row["f1_sd"] == pytest.approx(np.std(runs["f1"].to_numpy(), ddof=1))
    one = cross_validate(_coded(4), ["EC"], min_df=1, n_boot=50)
    assert np.isnan(one.iloc[0]["f1_sd"]) and one.iloc[0]["f1_mean"] == one.iloc[0]["f1"]


def test_a_format_2_document_model_still_applies(tmp_path) -> None:
    # format 2: one regression over words and generic + issue frame scores.
    # A hand-made one with a single word and two scores: the probability is
    # the logistic of the hand-computed log-odds
    raw = {
        "format": "toolkit-classifier",
        "format_version": 2,
        "kind": "document",
        "language": "en",
        "info": {},
        "features": {
            "blocks": [["w", 2]],
            "vocabulary": {"w": ["choir"]},
            "idf": {"w": [1.0]},
            "dictionary": ["generic:economic_consequences", "issue:history"],
            "mean": [0.0, 0.0],
            "sd": [1000.0, 1000.0],
        },
        "codes": {"EC": {"classes": [0, 1], "coef": [[-2.0, 1.0, 0.5]], "intercept": [0.25]}},
    }
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    new = pd.DataFrame({"doc_id": ["a", "b"], "text": ["The choir sang.", "A calm sea."]})
    out = classify(new, path)
    # "choir" alone in the text block (L2-normalised to 1); no frame words
    assert out["EC_prob"].tolist() == pytest.approx(
        [1 / (1 + np.exp(1.75)), 1 / (1 + np.exp(-0.25))]
    )


def test_frames_on_real_news_pick_the_matching_frame_and_beat_the_baseline() -> None:
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    d = pd.read_csv(SHARED / "eval" / "nfc_frames_dev.tsv", sep="\t").dropna(subset=["CO"])
    d = d.reset_index(drop=True).assign(doc_id=lambda x: x["ID"].astype(str))
    train, test = d.iloc[::2], d.iloc[1::2]
    m = fit_classifier(train, ["CO", "EC", "HI", "MO"], min_df=5, threshold="tuned")
    # the NFC codebook's frames (Frermann et al. 2023) are the dictionary's
    expected = {
        "CO": "generic:conflict",
        "EC": "generic:economic_consequences",
        "HI": "generic:human_interest",
        "MO": "generic:morality",
    }
    assert {c: m.codes[c]["stack"]["inputs"][1] for c in expected} == expected
    out = classify(test, m)
    f1, base = [], []
    for c in expected:
        y = test[c].astype(int).to_numpy()
        p = out[f"{c}_present"].astype(bool).to_numpy()
        f1.append(2 * (y & p).sum() / (y.sum() + p.sum()))
        base.append(2 * y.sum() / (y.sum() + len(y)))  # always present
    # measured: macro-F1 0.621 against 0.368 (fitted on the even rows, judged on the odd)
    assert np.mean(f1) > np.mean(base) + 0.1


def test_level_names_the_unit_and_old_names_warn():
    # 0.4: the unit is level= ("mention" for a target mention), as in tone and target_tone
    coded = pd.DataFrame(
        {
            "text": [
                "Costs rose sharply.",
                "Prices and costs soared.",
                "The choir sang.",
                "A calm day.",
            ]
            * 3,
            "EC": [1, 1, 0, 0] * 3,
        }
    )  # constructed
    assert fit_classifier(coded, ["EC"], level="document", min_df=1).kind == "document"
    with pytest.warns(FutureWarning, match="kind"):
        assert fit_classifier(coded, ["EC"], kind="document", min_df=1).kind == "document"
    with pytest.raises(ValueError, match="level must be"):
        fit_classifier(coded, ["EC"], level="sentence", min_df=1)
    with pytest.warns(FutureWarning, match="mention"), pytest.raises(ValueError, match="start"):
        fit_classifier(coded, ["EC"], level="target", min_df=1)
