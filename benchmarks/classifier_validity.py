"""Validity of classifiers fitted on coders' codes (toolkit.classify), against the dictionaries.

Data (read-only, beside the repository in ``../shared/eval``; never copied):

- ``nfc_frames_dev.tsv``: 229 coded climate-change articles of the Narrative
  Frames Corpus (Frermann et al. 2023). A document classifier per frame code
  (CO, EC, HI, MO) in two stages: words and word pairs in at least 5
  articles give a text log-odds, weighed against the generic-frame
  dictionary's evidence for the frame closest to the code. It is
  cross-validated (5 folds, repeated on 5 splits; vocabulary, idf, scaling,
  the closest frame, both stages and the tuned probability cut all chosen
  inside each training fold). Printed per frame: precision, recall and F1
  of the "present" class and Cohen's kappa against the coders (first split;
  F1 and kappa with 95% bootstrap intervals), the mean and SD of F1 over the
  5 splits, beside the always-present baseline and the cross-validated F1
  of the calibrated generic-frame dictionary
  (:func:`toolkit.measures.framing.calibrate_thresholds`, 5 folds x 5
  repeats). The same procedure with the plain 0.5 cut is printed for
  comparison.
- ``newsmtsc_rw_train.jsonl`` / ``newsmtsc_rw_dev.jsonl``: news sentences
  with the sentiment toward one marked mention (NewsMTSC, Hamborg & Donnay
  2021). A target classifier is fitted on train and evaluated on dev: macro
  F1 over the three classes and kappa, beside the dictionary measure
  (:func:`toolkit.measures.tone.news.span_tone_score`, the score of ``target_tone``,
  cut at +-0.05).

The script also saves the NewsMTSC model as JSON, loads it back and checks
that the loaded model gives the same predictions.

Run: ``python benchmarks/classifier_validity.py`` (several minutes: the NFC
cross-validations fit some 2,000 small models).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, where the sibling
# benchmarks/tokenize.py would shadow the standard library's tokenize.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import tempfile  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from toolkit.measures.supervised import (  # noqa: E402
    _f1,
    _kappa,
    classify,
    cross_validate,
    fit_classifier,
    load_classifier,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
FRAMES = {"CO": "conflict", "EC": "economic_consequences", "HI": "human_interest", "MO": "morality"}


def nfc() -> pd.DataFrame:
    from toolkit.measures.framing import calibrate_thresholds, frames

    d = pd.read_csv(SHARED / "eval" / "nfc_frames_dev.tsv", sep="\t").dropna(subset=["CO"])
    d = d.reset_index(drop=True)
    t0 = time.perf_counter()
    # min_df=5: a fifth of the features of min_df=2 and several times faster;
    # with the 0.5 cut, one 5-fold split scored 0.577 macro-F1 against 0.575
    common = {"min_df": 5, "folds": 5, "repeats": 5, "random_state": 0}
    cv = cross_validate(d, list(FRAMES), threshold="tuned", **common)
    seconds = time.perf_counter() - t0
    plain = cross_validate(d, list(FRAMES), n_boot=10, **common)
    corpus = pd.DataFrame({"doc_id": d["ID"].astype(str), "text": d["text"]})
    coded = pd.DataFrame({"doc_id": corpus["doc_id"], **{c: d[c] for c in FRAMES}})
    dic = calibrate_thresholds(
        frames(corpus, lexicon="generic"), coded, {f: c for c, f in FRAMES.items()}
    ).set_index("code")
    cv["dictionary CV F1"] = cv["code"].map(dic["cv_f1"])
    pred = cv.attrs["predictions"]
    hit = pred.assign(tp=(pred["true"] == 1) & (pred["predicted"] == 1))
    by = hit.groupby("code")
    cv["precision"] = cv["code"].map(by["tp"].sum() / by["predicted"].sum())
    cv["recall"] = cv["code"].map(by["tp"].sum() / by["true"].sum())
    cv["0.5 cut F1 mean"] = plain["f1_mean"].to_numpy()
    cv.attrs["seconds"] = seconds
    # applying a model fitted on all 229 articles to those articles, against
    # the dictionary alone on the same texts (classify reads its evidence)
    model = fit_classifier(d, list(FRAMES), min_df=5, threshold="tuned")
    t0 = time.perf_counter()
    classify(corpus, model)
    cv.attrs["apply_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    frames(corpus, lexicon="generic")
    cv.attrs["frames_s"] = time.perf_counter() - t0
    cv.attrs["macro"] = _macro(cv.attrs["repeat_f1"])
    cv.attrs["macro_plain"] = _macro(plain.attrs["repeat_f1"])
    return cv


def _macro(runs: pd.DataFrame) -> tuple[float, float, float, float]:
    """Macro-F1 over the codes in each repeat: mean, SD, min, max."""
    m = runs.groupby("repeat")["f1"].mean()
    return float(m.mean()), float(m.std(ddof=1)), float(m.min()), float(m.max())


def newsmtsc() -> tuple[pd.DataFrame, dict]:
    from toolkit.measures.tone.news import span_tone_score

    def read(name: str) -> pd.DataFrame:
        d = pd.read_json(SHARED / "eval" / f"newsmtsc_rw_{name}.jsonl", lines=True)
        return d.rename(columns={"sentence": "text", "from": "start", "to": "end"}).assign(
            doc_id=lambda x: x["id"].astype(str)
        )

    train, dev = read("train"), read("dev")
    t0 = time.perf_counter()
    model = fit_classifier(train, ["polarity"], level="mention")
    fit_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = classify(dev, model)
    apply_s = time.perf_counter() - t0
    y = dev["polarity"].to_numpy(dtype=int)
    p = out["polarity"].to_numpy(dtype=int)
    score = np.array(
        [
            span_tone_score(t, a, b)
            for t, a, b in zip(dev["text"], dev["start"], dev["end"], strict=True)
        ]
    )
    dic = np.where(score > 0.05, 1, np.where(score < -0.05, -1, 0))
    rows = [
        {
            "measure": "classifier (fitted on train)",
            "macro F1": _f1(y, p, [-1, 0, 1]),
            "kappa": _kappa(y, p),
            "accuracy": float((y == p).mean()),
        },
        {
            "measure": "dictionary (span_tone_score)",
            "macro F1": _f1(y, dic, [-1, 0, 1]),
            "kappa": _kappa(y, dic),
            "accuracy": float((y == dic).mean()),
        },
        {
            "measure": "always the commonest class",
            "macro F1": _f1(y, np.zeros_like(y), [-1, 0, 1]),
            "kappa": 0.0,
            "accuracy": float((y == 0).mean()),
        },
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = model.save(Path(tmp) / "newsmtsc_tone.json")
        size = path.stat().st_size
        again = classify(dev, load_classifier(path))
    same = bool(np.allclose(again["polarity_expected"], out["polarity_expected"]))
    info = {
        "train": len(train),
        "dev": len(dev),
        "fit_s": fit_s,
        "apply_s": apply_s,
        "json_bytes": size,
        "reload_identical": same,
        "n_features": model.space.n_features(),
    }
    return pd.DataFrame(rows), info


def main() -> int:
    if not SHARED.exists():
        print(f"no {SHARED}: nothing to measure")
        return 0
    t, info = newsmtsc()
    print(
        f"Target tone, NewsMTSC: fitted on train ({info['train']} mentions), "
        f"evaluated on dev ({info['dev']})"
    )
    print(t.round(3).to_string(index=False))
    print(
        f"fit {info['fit_s']:.1f} s, apply {info['apply_s']:.1f} s, "
        f"{info['n_features']} features, model JSON {info['json_bytes'] / 1e6:.1f} MB, "
        f"reloaded model identical: {info['reload_identical']}"
    )
    cv = nfc()
    print(
        "\nFrames, NFC dev (229 articles), 5-fold cross-validation x 5 splits, "
        "probability cut tuned inside each training fold (precision, recall, f1, kappa: "
        "first split; f1_mean, f1_sd: over the 5 splits)"
    )
    cols = [
        "code",
        "n",
        "precision",
        "recall",
        "f1",
        "f1_low",
        "f1_high",
        "kappa",
        "kappa_low",
        "kappa_high",
        "f1_mean",
        "f1_sd",
        "0.5 cut F1 mean",
        "baseline_f1",
        "dictionary CV F1",
    ]
    print(cv[cols].round(3).to_string(index=False))
    mean, sd, lo, hi = cv.attrs["macro"]
    pm, psd, _, _ = cv.attrs["macro_plain"]
    print(
        f"macro-F1 over CO, EC, HI, MO, 5x5 CV: classifier (tuned cut) {mean:.3f} "
        f"(SD {sd:.3f} over splits, range {lo:.3f}-{hi:.3f}); 0.5 cut {pm:.3f} (SD {psd:.3f}); "
        f"calibrated dictionary {cv['dictionary CV F1'].mean():.3f}; "
        f"always present {cv['baseline_f1'].mean():.3f} "
        f"(tuned CV {cv.attrs['seconds']:.0f} s)"
    )
    print(
        f"classify 229 articles with a model fitted on all of them: {cv.attrs['apply_s']:.2f} s; "
        f"frames(..., 'generic') on the same articles: {cv.attrs['frames_s']:.2f} s "
        f"(ratio {cv.attrs['apply_s'] / cv.attrs['frames_s']:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
