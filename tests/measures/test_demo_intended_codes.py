"""Do the frame and naming measures recover what the demo articles' authors intended?

The constructed demo articles (toolkit/data/demo, ``constructed == True``)
carry the frames, generic frames and names their authors meant to use
(``intended_frames``, ``intended_generic_frames``, ``intended_naming``). The
codes were written with the articles, independently of the dictionaries, so
they are an external check. Run ``pytest -s`` to see the per-frame tables.

Precision and recall are per (document, frame) decision. The intended codes
list the frames an article is *about*, while a dictionary also fires on a
passing mention, so precision at ``min_count=1`` is modest by design; the
floors below were set from measured values (noted beside each) with a
margin, not tuned to pass.
"""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.corpus.load import load_demo
from toolkit.measures.framing import frames
from toolkit.measures.terminology import naming_lines
from toolkit.tokens.tokenizer import tokenize

# Intended naming strings (free text written by the article authors) -> the
# lexicon variants they denote. Written by hand from the strings; strings that
# name no contested variant ("Korean workers") map to nothing and are counted
# as unmapped.
INTENDED_VARIANTS = {
    "comfort women": {"comfort_women"},
    "sexual slavery victims": {"sexual_slavery"},
    "victims of Japan's wartime sexual slavery": {"sexual_slavery"},
    "victims of sexual slavery": {"sexual_slavery"},
    "victims of wartime sexual slavery": {"sexual_slavery"},
    "women forced into Japan's wartime military brothels": {"forced_prostitution"},
    "women forced to work in Japanese military brothels": {"forced_prostitution"},
    "Dokdo": {"dokdo"},
    "Takeshima": {"takeshima"},
    "Takeshima Day": {"takeshima"},
    "Liancourt Rocks": {"liancourt_rocks"},
    "Dokdo in Korea and Takeshima in Japan": {"dokdo", "takeshima"},
    "Takeshima (Dokdo in Korean)": {"takeshima", "dokdo"},
    "islets known as Dokdo in Korea and Takeshima in Japan": {"dokdo", "takeshima"},
    "East Sea": {"east_sea"},
    "Sea of Japan": {"sea_of_japan"},
    "East Sea, also known as the Sea of Japan": {"east_sea", "sea_of_japan"},
    "East Sea in Korea and the Sea of Japan in Japan": {"east_sea", "sea_of_japan"},
    "export controls": {"export_controls"},
    "stricter export controls": {"export_controls"},
    "export restrictions": {"export_restrictions"},
    "export curbs": {"export_restrictions"},
    "economic retaliation": {"economic_retaliation"},
    "export measures": {"export_management"},
    "revised export rules": {"export_management"},
    "forced labor": {"forced_labor"},
    "forced labour": {"forced_labor"},
    "forced laborer": {"forced_labor"},
    "forced laborers": {"forced_labor"},
    "forced labor victims": {"forced_labor"},
    "forced labor dispute": {"forced_labor"},
    "victims of forced labor": {"forced_labor"},
    "wartime forced labor": {"forced_labor"},
    "Forced Mobilization": {"forced_labor"},
    "Koreans forced to work for them": {"forced_labor"},
    "Koreans forced to work in their factories and mines": {"forced_labor"},
    "wartime laborers": {"wartime_laborers"},
    "wartime labour": {"wartime_laborers"},
    "wartime labor issue": {"wartime_laborers"},
    "Korean wartime laborers": {"wartime_laborers"},
    "Korean wartime workers": {"wartime_laborers"},
    "Koreans mobilized for wartime labor": {"wartime_laborers"},
    "former civilian workers from the Korean Peninsula": {"workers_from_peninsula"},
    "workers from the Korean Peninsula": {"workers_from_peninsula"},
    "wartime laborers from the Korean Peninsula": {"workers_from_peninsula"},
    "former requisitioned workers": {"requisitioned_workers"},
    "treated water": {"treated_water"},
    "ALPS-treated water": {"treated_water"},
    "treated radioactive water": {"treated_radioactive_water"},
    "contaminated water": {"contaminated_water"},
    "nuclear-contaminated": {"contaminated_water"},
    "radioactive water": {"radioactive_water"},
    "Rising Sun flag": {"rising_sun_flag"},
    "Rising Sun design": {"rising_sun_flag"},
    "war criminal flag": {"war_criminal_flag"},
    "Korean workers": set(),
    "Korean laborers": set(),
    "forced": set(),
}


@pytest.fixture(scope="module")
def demo():
    corpus = load_demo()
    coded = corpus[corpus["constructed"] & corpus["intended_frames"].notna()].reset_index(drop=True)
    assert len(coded) >= 30, "the demo corpus needs at least 30 coded articles"
    return coded, tokenize(coded)


def _table(pred: pd.DataFrame, gold: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    rows = []
    for f in names:
        p, g = pred[f].to_numpy(bool), gold[f].to_numpy(bool)
        tp, fp, fn = int((p & g).sum()), int((p & ~g).sum()), int((~p & g).sum())
        rows.append(
            {
                "frame": f,
                "n_intended": int(g.sum()),
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "precision": tp / (tp + fp) if tp + fp else float("nan"),
                "recall": tp / (tp + fn) if tp + fn else float("nan"),
            }
        )
    t = pd.DataFrame(rows)
    tp, fp, fn = t.tp.sum(), t.fp.sum(), t.fn.sum()
    t.loc[len(t)] = {
        "frame": "(micro)",
        "n_intended": int(t.n_intended.sum()),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / (tp + fp),
        "recall": tp / (tp + fn),
    }
    return t


def _frame_scores(demo, dictionary: str, column: str, min_count: int) -> pd.DataFrame:
    coded, tk = demo
    scores = frames(tk, lexicon=dictionary, min_count=min_count)
    names = scores.attrs["frames"]
    pred = pd.DataFrame({f: scores[f"{f}_present"].to_numpy() for f in names})
    gold = pd.DataFrame({f: [f in (codes or []) for codes in coded[column]] for f in names})
    table = _table(pred, gold, names)
    print(
        f"\n{dictionary} frames, min_count={min_count}, {len(coded)} articles\n"
        + table.round(2).to_string(index=False)
    )
    return table.set_index("frame")


def test_issue_frames_recovered(demo) -> None:
    t1 = _frame_scores(demo, "issue", "intended_frames", 1)
    # measured on 120 articles: micro P 0.46, R 0.95; every frame R >= 0.76
    assert t1.loc["(micro)", "recall"] >= 0.90
    assert t1.loc["(micro)", "precision"] >= 0.40
    assert (t1.drop("(micro)")["recall"] >= 0.70).all()
    t3 = _frame_scores(demo, "issue", "intended_frames", 3)
    # measured: micro P 0.68, R 0.85 -- a stricter threshold trades recall for precision
    assert t3.loc["(micro)", "precision"] >= 0.60
    assert t3.loc["(micro)", "recall"] >= 0.78
    assert t3.loc["(micro)", "precision"] > t1.loc["(micro)", "precision"]


def test_generic_frames_recovered(demo) -> None:
    t = _frame_scores(demo, "generic", "intended_generic_frames", 1)
    # measured: micro P 0.40, R 0.69. Generic frames are coded from whole-story
    # judgements. Since issue 15 a frame is present when its weighted indicator
    # rate reaches a threshold calibrated on human-coded real news (NFC); the
    # earlier any-match rule gave P 0.34, R 0.86 here but over-fired on real
    # news (benchmarks/frame_validity.py).
    assert t.loc["(micro)", "recall"] >= 0.62
    assert t.loc["(micro)", "precision"] >= 0.36
    assert t.loc["economic_consequences", "precision"] >= 0.6
    t2 = _frame_scores(demo, "generic", "intended_generic_frames", 2)
    assert t2.loc["(micro)", "precision"] >= 0.36 and t2.loc["(micro)", "recall"] >= 0.55


def test_naming_recovered(demo) -> None:
    coded, tk = demo
    lines = naming_lines(tk)
    gold, unmapped = set(), []
    for doc_id, intended in zip(coded["doc_id"], coded["intended_naming"], strict=True):
        for referent, strings in (intended or {}).items():
            for s in strings:
                if s not in INTENDED_VARIANTS:
                    unmapped.append(s)
                gold |= {(doc_id, referent, v) for v in INTENDED_VARIANTS.get(s, set())}
    coded_refs = {r for _, r, _ in gold}
    pred = {
        (d, r, v)
        for d, r, v in zip(lines["doc_id"], lines["referent"], lines["variant"], strict=True)
        if r in coded_refs
    }
    rows = []
    for r, v in sorted({(r, v) for _, r, v in gold | pred}):
        g = {x for x in gold if x[1:] == (r, v)}
        p = {x for x in pred if x[1:] == (r, v)}
        rows.append(
            {
                "referent": r,
                "variant": v,
                "n_intended": len(g),
                "tp": len(p & g),
                "fp": len(p - g),
                "fn": len(g - p),
            }
        )
    t = pd.DataFrame(rows)
    t["precision"] = t.tp / (t.tp + t.fp)
    t["recall"] = t.tp / (t.tp + t.fn)
    tp, fp, fn = t.tp.sum(), t.fp.sum(), t.fn.sum()
    print(
        f"\nnaming variants per document ({len(coded)} articles; unmapped intended strings: "
        f"{sorted(set(unmapped))})\n"
        + t.round(2).to_string(index=False)
        + f"\nmicro precision {tp / (tp + fp):.2f}, recall {tp / (tp + fn):.2f}"
    )
    # measured: micro P 0.95, R 0.99
    assert tp / (tp + fp) >= 0.90
    assert tp / (tp + fn) >= 0.95
    assert len(set(unmapped) - set(INTENDED_VARIANTS)) <= 5, "new intended strings: map them"
