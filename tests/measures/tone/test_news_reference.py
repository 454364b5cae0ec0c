"""News and CJK tone give the same outputs as before the batch scorer (issue 16).

Expected values were computed with the per-sentence implementation at commit
c6738d2, before any change for speed, and stored: for constructed edge cases
here (the sentences are CONSTRUCTED for these tests; they report nothing and
quote no one), and for every sentence of the dev sets in ``../shared/eval``
as hashes with scores in ``tests/fixtures/tone/*_reference.tsv``. Scores are
compared by ``repr``: identical floats and types, not approximately equal.
"""

from __future__ import annotations

import csv
import hashlib
import json

import numpy as np
import pandas as pd

from tests._paths import EVAL, FIXTURES, needs_shared
from toolkit.measures.tone.cjk import cjk_span_tone_score, cjk_tone_score
from toolkit.measures.tone.news import (
    news_tone_score,
    news_tone_scores,
    span_tone_score,
    with_params,
)

# a constructed run-on sentence of 40 clauses
LONG = (
    " ".join(["The talks were good but the results were bad and officials were angry,"] * 40)
    + " yet hope remained."
)
ALT = with_params(
    negator_valence=0.5,
    names_neutral=False,
    inflections=False,
    derivations=False,
    length_power=0.0,
    negation_window=1,
)

# (constructed sentence, expected (score, pos, neg, n) at c6738d2); neighbours matter:
# the batch test scores the list in order, so a two-word entry, a negator or a
# capital must not reach across into the next sentence
EDGE = [
    ("", (0.0, 0, 0.0, 0)),
    ("...", (0.0, 0, 0.0, 0)),
    ("   ", (0.0, 0, 0.0, 0)),
    ("42", (0.0, 0, 0.0, 0)),
    ("The rate rose 3.5% to 1,200 units in 2024.", (0.0, 0, 0.0, 0)),
    ("Relations have frayed.", (-0.7459965493980272, 0, -2.7, 1)),
    ("The talks were not good.", (-0.7966114752157237, 0, -3.6089999999999995, 1)),
    ("The talks weren't good.", (-0.8124364307056361, 0, -3.6089999999999995, 1)),
    ("The talks weren’t good at all.", (-0.7830730389877405, 0, -3.6089999999999995, 1)),
    ("It isn't a bad deal, and it is not a disaster.", (0.2260552801372244, 3.774, -3.0, 2)),
    ("Officials did not fail to help.", (-0.47257182960890326, 1.85, -3.387, 2)),
    ("No decision was taken and nothing was signed.", (0.0, 0, 0.0, 0)),
    ("Never again will they praise the agreement.", (0.6111292102410659, 3.8, -1.5, 2)),
    ("Without support, the plan collapsed.", (-0.9031186747100657, 0, -5.76, 2)),
    ("They lack credible evidence of fraud.", (-0.9355591661365522, 0, -7.592999999999999, 3)),
    ("The talks were very good.", (0.6697506280153526, 2.4699999999999998, 0.0, 1)),
    ("The talks were extremely bad.", (-0.871848576319297, 0, -4.875, 1)),
    ("The talks were slightly disappointing.", (-0.644756061872102, 0, -2.31, 1)),
    (
        "The results were somewhat encouraging, but the outlook remains grim.",
        (-0.8490970179143854, 0.84, -6.075000000000001, 2),
    ),
    ("Officials were hopeful, but the visit angered Seoul.", (-0.7361422622691315, 1.15, -4.5, 2)),
    ("However, the deal collapsed.", (-0.7724230723758433, 0, -3.1500000000000004, 1)),
    ("The deal, however, was a success.", (0.8162546248475989, 4.050000000000001, 0.0, 1)),
    (
        "It may perhaps be a modest improvement, officials suggested.",
        (0.5333370141062698, 2.0, 0.0, 1),
    ),
    ("Analysts said the outlook could possibly improve.", (0.5377428435115689, 1.9, 0.0, 1)),
    (
        '"This is a disgraceful decision," a constructed spokesperson said.',
        (-0.7757864183983536, 0, -3.9000000000000004, 1),
    ),
    (
        "“We welcome the cooperation,” the constructed statement read.",
        (0.7598449180653077, 3.6, 0.0, 2),
    ),
    ("The minister called it ‘a terrible mistake’.", (-0.8697416413777089, 0, -5.25, 2)),
    ("They met at Liberty Hall in Grand Rapids.", (0.0, 0, 0.0, 0)),
    ("Liberty matters.", (0.0, 0, 0.0, 0)),
    ("Freedom matters.", (0.8266935562553416, 3.2, 0.0, 1)),
    ("THE TALKS FAILED BADLY.", (-0.5906851639914084, 1.554, -3.4499999999999997, 2)),
    ("Provocations continued while tensions were worsening.", (-0.9446117351382005, 0, -8.25, 3)),
    ("It was unhelpful and dishonest.", (-0.9031186747100657, 0, -5.76, 2)),
    ("The response was mishandled and pointless.", (-0.8832797793027767, 0, -5.4, 2)),
    (
        "Their approach was misguided; the policy was ill-conceived.",
        (-0.8848482097602903, 0, -5.85, 2),
    ),
    (
        "The well-known anti-corruption drive stalled.",
        (-0.6085039671897318, 0, -2.0999999999999996, 1),
    ),
    ("A win-win outcome for cooperation.", (0.7787848041973394, 3.4000000000000004, 0.0, 2)),
    (
        "Talks sank into a quagmire -- a bitter setback.",
        (-0.9548548533216399, 0, -9.899999999999999, 4),
    ),
    ("Negotiators made headway — and trust grew.", (0.41304534659923664, 1.3, 0.0, 1)),
    ("Negotiators made headway – and trust grew (slowly).", (0.399969335130885, 1.3, 0.0, 1)),
    ("Great! Wonderful? Terrible.", (0.739774098128643, 5.800000000000001, -3.1500000000000004, 3)),
    ("The café’s naïve résumé was praised.", (0.5698964397683196, 2.2, 0.0, 1)),
    ("Ties between 한국 and 日本 improved greatly.", (0.868573792040745, 4.8, 0.0, 2)),
    ("Emoji aside 😀 the summit was a failure.", (-0.7568880528211188, 0, -3.4499999999999997, 1)),
    ("The gross domestic product of the United States grew.", (0.0, 0, 0.0, 0)),
    ("He apologized and admitted the error.", (-0.8653854305246059, 0, -4.949999999999999, 3)),
    ("There was no comment.", (0.0, 0, 0.0, 0)),
    ("Not bad. Not good. Not at all.", (-0.8476321876037868, 1.85, -6.609, 2)),
    ("so so so good", (0.6901406022456948, 2.4699999999999998, 0.0, 1)),
    ("a", (0.0, 0, 0.0, 0)),
    ("I", (0.0, 0, 0.0, 0)),
    ("good", (0.719981007579936, 1.9, 0.0, 1)),
    ("Good", (0.719981007579936, 1.9, 0.0, 1)),
    ("GOOD", (0.719981007579936, 1.9, 0.0, 1)),
    (
        "Tokyo's anger and Seoul's relief were clear.",
        (-0.46157495022780765, 2.5, -4.050000000000001, 3),
    ),
    ("The officials' criticism was harsh.", (-0.9013618104170598, 0, -5.699999999999999, 2)),
    ("Nobody won and none benefited.", (-0.9486967089241983, 0, -8.216999999999999, 2)),
    (
        "They cannot accept it; they won't accept it; they wouldn't welcome it.",
        (-0.9491077064376305, 0, -10.272, 3),
    ),
    ("It hardly helped and barely mattered.", (-0.6553591224063823, 0, -2.487, 2)),
    (
        "The failing talks failed while negotiators kept failing to agree.",
        (-0.8776335780897879, 1.702, -7.664999999999999, 4),
    ),
    (
        "Rising tensions, falling trust, and growing anger marked the week.",
        (-0.8980821817409184, 0.7, -7.3500000000000005, 4),
    ),
    ("The two sides remain at odds.", (-0.591002315157642, 0, -2.0999999999999996, 1)),
    ("The plan is not on track.", (-0.6732723896552035, 0, -2.61, 1)),
    ("Good faith talks resumed.", (0.5011650613643761, 1.5, 0.0, 1)),
    ("They acted in bad faith.", (-0.7020688061146642, 0, -2.7, 1)),
    ("Human rights groups protested.", (-0.5706898721917063, 0, -1.7999999999999998, 2)),
    ("Relations are at", (0.0, 0, 0.0, 0)),
    ("They met in", (0.0, 0, 0.0, 0)),
    ("limbo was the word.", (0.0, 0, 0.0, 0)),
    ("Talks ended.", (0.0, 0, 0.0, 0)),
    ("Hope remains.", (0.26559551933004655, 0.6, 0.0, 1)),
    ("They did not", (0.0, 0, 0.0, 0)),
    ("Welcome it.", (0.6763779054084025, 2.0, 0.0, 1)),
    ("It was good", (0.6190707026083586, 1.9, 0.0, 1)),
    ("Freedom matters", (0.8266935562553416, 3.2, 0.0, 1)),
    (LONG, (-0.9996233219563575, 112.99999999999993, -431.99999999999966, 121)),
]

# the same sentences under ALT (every switch and window changed), at c6738d2
EDGE_ALT = [
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (-0.5718850320700721, 0, -2.7, 1),
    (-0.38365153377864963, 0.5, -2.109, 1),
    (-0.38365153377864963, 0.5, -2.109, 1),
    (-0.38365153377864963, 0.5, -2.109, 1),
    (-0.8641283966741409, 1.0, -7.6499999999999995, 2),
    (0.7227247225603619, 4.05, 0.0, 2),
    (0.0, 0, 0.0, 0),
    (0.7430377554349386, 4.3, 0.0, 2),
    (-0.6965638893816957, 0.5, -4.26, 2),
    (-0.8908091805380287, 0, -7.592999999999999, 3),
    (0.5377079574844025, 2.4699999999999998, 0.0, 1),
    (-0.7829810025168538, 0, -4.875, 1),
    (-0.5122454924684702, 0, -2.31, 1),
    (-0.803909202361805, 0.84, -6.075000000000001, 2),
    (-0.6541958126676221, 1.15, -4.5, 2),
    (-0.6309787762435567, 0, -3.1500000000000004, 1),
    (0.7227247225603621, 4.050000000000001, 0.0, 1),
    (0.4588314677411235, 2.0, 0.0, 1),
    (0.44043357076016854, 1.9, 0.0, 1),
    (-0.7095601949854891, 0, -3.9000000000000004, 1),
    (0.6808225270250103, 3.6, 0.0, 2),
    (-0.8047217485013147, 0, -5.25, 2),
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (0.6369499429264264, 3.2, 0.0, 1),
    (-0.4396857497872773, 1.554, -3.4499999999999997, 2),
    (-0.9052143903798646, 0, -8.25, 3),
    (-0.6808225270250104, 0, -3.5999999999999996, 1),
    (-0.812604508328942, 0, -5.4, 2),
    (-0.8338233106742333, 0, -5.85, 2),
    (-0.4766576055745744, 0, -2.0999999999999996, 1),
    (0.6597279468503829, 3.4000000000000004, 0.0, 2),
    (-0.9312724538656283, 0, -9.899999999999999, 4),
    (0.318210996771242, 1.3, 0.0, 1),
    (0.318210996771242, 1.3, 0.0, 1),
    (0.5646932085636713, 5.800000000000001, -3.1500000000000004, 3),
    (0.49391458057363097, 2.2, 0.0, 1),
    (0.401923825269382, 1.7, 0.0, 1),
    (-0.6651548698133041, 0, -3.4499999999999997, 1),
    (0.0, 0, 0.0, 0),
    (-0.7875767884122274, 0, -4.949999999999999, 3),
    (0.0, 0, 0.0, 0),
    (0.3051426865004972, 3.35, -2.109, 2),
    (0.5377079574844025, 2.4699999999999998, 0.0, 1),
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (0.44043357076016854, 1.9, 0.0, 1),
    (0.44043357076016854, 1.9, 0.0, 1),
    (0.44043357076016854, 1.9, 0.0, 1),
    (-0.37155736727027777, 2.5, -4.050000000000001, 3),
    (-0.8271299960237042, 0, -5.699999999999999, 2),
    (-0.45828785730276167, 1.0, -2.997, 1),
    (-0.7408589362132038, 1.5, -5.772, 3),
    (0.0, 0, 0.0, 0),
    (-0.8989940351564937, 1.5, -9.45, 4),
    (-0.8641283966741409, 0.7, -7.3500000000000005, 4),
    (-0.4766576055745744, 0, -2.0999999999999996, 1),
    (-0.1555833915846355, 0.5, -1.1099999999999999, 1),
    (0.3611575592573076, 1.5, 0.0, 1),
    (-0.5718850320700721, 0, -2.7, 1),
    (-0.42146361521176223, 0, -1.7999999999999998, 2),
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (0.0, 0, 0.0, 0),
    (0.15309310892394865, 0.6, 0.0, 1),
    (0.0, 0, 0.0, 0),
    (0.4588314677411235, 2.0, 0.0, 1),
    (0.44043357076016854, 1.9, 0.0, 1),
    (0.6369499429264264, 3.2, 0.0, 1),
    (-0.999926306041085, 112.99999999999993, -431.99999999999966, 121),
]

# (constructed sentence, start, end, expected scores at windows 2, 5, 15)
SPANS = [
    (
        "Seoul praised the talks, but Tokyo angered its neighbours.",
        0,
        5,
        (0.11119236833354922, 0.09106547582512514, 0.028595564790580178),
    ),
    (
        "Seoul praised the talks, but Tokyo angered its neighbours.",
        29,
        34,
        (-0.6001291042312245, -0.6792962428736824, -0.7159087106876126),
    ),
    (
        "Seoul praised the talks, but Tokyo angered its neighbours.",
        100,
        120,
        (-0.7311860775685244, -0.7311860775685244, -0.7311860775685244),
    ),
    (
        "The constructed minister said the deal was a disgrace.",
        4,
        24,
        (-0.06377413906672551, -0.11541307379308477, -0.1796141697165599),
    ),
    (
        "Critics of the minister called the plan a bitter failure, while supporters praised it.",
        15,
        23,
        (-0.41128872592257887, -0.6175679613239916, -0.7605724425616602),
    ),
    (
        "Critics of the minister called the plan a bitter failure, while supporters praised it.",
        64,
        74,
        (0.19181507659909455, 0.17379754196722952, 0.11807558003009064),
    ),
    ("", 0, 0, (0.0, 0.0, 0.0)),
    (
        "Officials were not happy with Tokyo.",
        30,
        35,
        (-0.4763944273659924, -0.6222056092298737, -0.7090548244650554),
    ),
]

# (constructed sentence, language, expected (score, pos, neg, n))
CJK = [
    ("양국 관계가 크게 개선되었다.", "ko", (0.6292859047035334, 2.3400000000000003, 0.0, 1)),
    ("관계가 개선되지 않았다.", "ko", (-0.7927766668198877, 0, -3.4979999999999998, 1)),
    (
        "한국은 협력을 환영했지만 일본은 반발했다.",
        "ko",
        (-0.507547440671236, 1.8, -3.6000000000000005, 3),
    ),
    ("위기가 다소 완화되었다.", "ko", (-0.8583857797860927, 0, -4.5, 1)),
    ("협력 안 한다.", "ko", (-0.7729142618038445, 0, -3.2760000000000002, 1)),
    ("", "ko", (0.0, 0, 0.0, 0)),
    ("日韓関係は悪化した。", "ja", (-0.7653668647301796, 0, -3.0, 1)),
    ("関係は改善しなかった。", "ja", (-0.8110800911289819, 0, -3.4979999999999998, 1)),
    ("協力は非常に重要だが、緊張は続いている。", "ja", (-0.21175334700580603, 1.6, -2.25, 2)),
    ("", "ja", (0.0, 0, 0.0, 0)),
]

# (constructed sentence, start, end, language, expected score)
CJK_SPANS = [
    ("한국은 협력을 환영했지만 일본은 반발했다.", 0, 2, "ko", 0.24344790233949942),
    ("한국은 협력을 환영했지만 일본은 반발했다.", 13, 15, "ko", -0.6006496847781643),
    ("日韓関係は悪化した。", 0, 2, "ja", -0.5965294626320705),
]


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _rows(batch: np.ndarray) -> list[tuple[float, float, float, int]]:
    return [(float(s), float(p), float(n), int(k)) for s, p, n, k in batch]


def test_edge_cases_identical_to_reference():
    for text, want in EDGE:
        assert repr(news_tone_score(text)) == repr(want), text[:60]


def test_edge_cases_identical_with_other_params():
    for (text, _), want in zip(EDGE, EDGE_ALT, strict=True):
        assert repr(news_tone_score(text, ALT)) == repr(want), text[:60]


def test_batch_equals_reference_in_any_order_and_with_repeats():
    texts = [t for t, _ in EDGE]
    want = [w for _, w in EDGE]
    got = news_tone_scores(texts)
    assert got.shape == (len(texts), 4) and got.dtype == np.float64
    assert _rows(got) == want
    # reversed, repeated and interleaved: each row still its sentence's score
    order = list(range(len(texts)))[::-1] + list(range(0, len(texts), 3))
    assert _rows(news_tone_scores([texts[i] for i in order])) == [want[i] for i in order]
    assert _rows(news_tone_scores(texts, ALT)) == list(EDGE_ALT)
    assert news_tone_scores([]).shape == (0, 4)


def test_spans_identical_to_reference():
    for text, a, b, want in SPANS:
        got = tuple(span_tone_score(text, a, b, window=w) for w in (2, 5, 15))
        assert repr(got) == repr(want), (text, a, b)


def test_cjk_identical_to_reference():
    for text, lang, want in CJK:
        assert repr(cjk_tone_score(text, lang)) == repr(want), text
    for text, a, b, lang, want in CJK_SPANS:
        assert repr(cjk_span_tone_score(text, a, b, lang)) == repr(want), (text, a, b)


def _reference(name: str) -> pd.DataFrame:
    return pd.read_csv(
        FIXTURES / "tone" / name, sep="\t", comment="#", dtype=str, quoting=csv.QUOTE_NONE
    )


def _eval_sentences() -> dict[str, list[str]]:
    nyt = pd.read_csv(EVAL / "nyt_editorial_snippets_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    with open(EVAL / "newsmtsc_rw_dev.jsonl", encoding="utf-8") as fh:
        mt = [json.loads(line) for line in fh if line.strip()]
    fp = pd.read_csv(EVAL / "finphrase_en_ko_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    return {
        "nyt_dev": nyt["text"].astype(str).tolist(),
        "newsmtsc_dev": [r["sentence"] for r in mt],
        "finphrase_en_dev": fp["en"].astype(str).tolist(),
    }


@needs_shared
def test_eval_sentences_identical_to_reference():
    ref = _reference("news_reference.tsv")
    texts = {}
    for name, sents in _eval_sentences().items():
        for t in sents:
            texts.setdefault((name, _sha(t)), t)
    assert len(ref) == len(texts) > 5000  # every distinct dev sentence has a reference row
    keys = list(zip(ref["dataset"], ref["sha1"], strict=True))
    ordered = [texts[k] for k in keys]
    batch = news_tone_scores(ordered)
    mismatched = []
    for i, (text, row) in enumerate(zip(ordered, ref.itertuples(), strict=True)):
        one = news_tone_score(text)
        want = (row.score, row.pos, row.neg, row.n)
        if tuple(repr(x) for x in one) != want or _rows(batch[i : i + 1])[0] != one:
            mismatched.append(row.sha1)
    assert mismatched == []


@needs_shared
def test_eval_targets_identical_to_reference():
    ref = _reference("news_span_reference.tsv")
    with open(EVAL / "newsmtsc_rw_dev.jsonl", encoding="utf-8") as fh:
        by_sha = {_sha(r["sentence"]): r["sentence"] for r in map(json.loads, fh) if r}
    assert len(ref) > 1000
    bad = [
        r.sha1
        for r in ref.itertuples()
        if repr(span_tone_score(by_sha[r.sha1], int(r.start), int(r.end), window=int(r.window)))
        != r.score
    ]
    assert bad == []


def _ud_texts(name: str) -> list[str]:
    with open(EVAL / name, encoding="utf-8") as fh:
        return [ln[len("# text = ") :].rstrip("\n") for ln in fh if ln.startswith("# text = ")]


@needs_shared
def test_cjk_eval_sentences_identical_to_reference():
    ref = _reference("cjk_reference.tsv")
    fp = pd.read_csv(EVAL / "finphrase_en_ko_dev.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    sources = {
        "finphrase_ko_dev": fp["ko"].astype(str).tolist(),
        "ud_ko_gsd_dev": _ud_texts("ud_ko_gsd_dev.conllu"),
        "ud_ja_gsd_dev": _ud_texts("ud_ja_gsd_dev.conllu"),
    }
    texts = {(name, _sha(t)): t for name, sents in sources.items() for t in sents}
    assert len(ref) == len(texts) > 3000
    bad = []
    for r in ref.itertuples():
        got = cjk_tone_score(texts[(r.dataset, r.sha1)], r.language)
        if tuple(repr(x) for x in got) != (r.score, r.pos, r.neg, r.n):
            bad.append(r.sha1)
    assert bad == []


def test_tone_chunks_mix_languages_and_keep_order():
    from toolkit.measures.tone.scoring import _news_chunk

    items, want = [], []
    for (text, exp), (cjk_text, lang, cjk_exp) in zip(EDGE, CJK * 8, strict=False):
        items += [("en", text), (lang, cjk_text)]
        want += [exp, cjk_exp]
    got = _news_chunk("news", items)
    assert len(got) == len(items)
    assert [(s, p, n, k) for s, p, n, k in got] == [(s, p, n, float(k)) for s, p, n, k in want]


def test_small_token_memo_changes_no_score(monkeypatch):
    from toolkit.measures.tone import news

    # a memo emptied every few tokens (within and between batches) must give
    # the same scores as a memo that keeps everything
    monkeypatch.setattr(news, "_MEMO_MAX", 5)
    monkeypatch.setattr(news, "_BATCH", 7)
    monkeypatch.setattr(news, "_WORDS", {})
    texts = [t for t, _ in EDGE]
    assert _rows(news_tone_scores(texts)) == [w for _, w in EDGE]
    assert [news_tone_score(t) for t in texts] == [w for _, w in EDGE]
