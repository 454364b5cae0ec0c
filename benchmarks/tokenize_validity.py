"""Benchmark: Korean and Japanese tokens against the Universal Dependencies treebanks.

Reads ``../shared/eval/ud_ja_gsd_dev.conllu`` and ``ud_ko_gsd_dev.conllu``
(UD Japanese-GSD and Korean-GSD dev sets, CC BY-SA 4.0) and prints precision,
recall and F1 of the toolkit's analysers (:mod:`toolkit.text.morphology`), plus
speed, and the same for the alternative analysers when they are installed
(sudachipy + sudachidict-core, janome: not toolkit dependencies). Korean is
measured for both of the toolkit's engines, kiwipiepy (the default) and MeCab
with mecab-ko-dic (``korean="mecab"``), with the same alignment.

How tokens are aligned with the treebank
----------------------------------------
**Japanese** (word segmentation): a word is its character span in the
sentence text; a predicted word counts as correct when the treebank has a
word (FORM column) with exactly the same span.

**Korean** (morphemes): the treebank's LEMMA column lists each eojeol's
morphemes joined by ``+`` (가까운 -> 가깝+ㄴ). Each analyser morpheme is
assigned to the treebank word whose character span contains its start
offset; within a word, the correct morphemes are the multiset intersection
of predicted and treebank morpheme strings. Morphemes whose start falls
outside every word (never, in practice) count as wrong. Three readings of
"the same morpheme" are printed:

- ``strict``: identical strings;
- ``jamo``: kiwi and MeCab write a final consonant ending as a conjoining
  jamo (ᆫ), the treebank as a compatibility jamo (ㄴ); mapped to one;
- ``allomorph``: in addition, allomorphs of one grammatical morpheme are
  one morpheme: the past tense 았/었/였 (했다 is 하+였+다 in the treebank,
  하+었+다 in kiwi), the connective 아/어/여, and endings with or without
  the epenthetic 으 (은/ㄴ, 을/ㄹ, 으며/며, 으로/로). This is the reading
  we report as the Korean morpheme F1: the analyser and the treebank agree
  on the morpheme and differ only in which spelling of it they write.

Usage: ``python benchmarks/tokenize_validity.py``
"""

from __future__ import annotations

import os
import sys

# benchmarks/tokenize.py shadows the standard library's tokenize module when
# this folder is on the import path (numpy imports it); drop the folder.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"

# Conjoining final consonants (U+11A8 ...) -> compatibility jamo (U+3131 ...).
_FINAL = dict(
    zip(
        (chr(c) for c in range(0x11A8, 0x11C3)),
        "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ",
        strict=True,
    )
)


def read_conllu(path: Path) -> list[tuple[str, list[list[str]]]]:
    """(sentence text, token rows) per sentence; multi-word ranges skipped."""
    sents, text, rows = [], "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif not line.strip():
            if rows:
                sents.append((text, rows))
            rows = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                rows.append(cols)
    if rows:
        sents.append((text, rows))
    return sents


def spans(text: str, forms: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for f in forms:
        i = text.find(f, pos)
        if i < 0:
            raise ValueError(f"{f!r} not found in {text!r} after {pos}")
        out.append((i, i + len(f)))
        pos = i + len(f)
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p, r = tp / n_pred, tp / n_gold
    return p, r, 2 * p * r / (p + r)


def jamo(m: str) -> str:
    return "".join(_FINAL.get(c, c) for c in m)


def allomorph(m: str) -> str:
    m = jamo(m)
    if m in ("았", "었", "였"):
        return "었"
    if m in ("아", "어", "여"):
        return "어"
    if len(m) > 1 and m[0] == "으":
        m = m[1:]
    return {"은": "ㄴ", "을": "ㄹ"}.get(m, m)


def japanese(sents, name: str, fn: Callable[[str], list[str]]) -> float:
    tp = n_pred = n_gold = n_tok = 0
    seconds = 0.0
    for text, rows in sents:
        gold = set(spans(text, [r[1] for r in rows]))
        t0 = time.perf_counter()
        words = fn(text)
        seconds += time.perf_counter() - t0
        pred = spans(text, [w for w in words if w.strip()])
        tp += len(gold & set(pred))
        n_pred += len(pred)
        n_gold += len(gold)
        n_tok += len(words)
    p, r, f = prf(tp, n_pred, n_gold)
    print(f"{name:<34}{p:>8.4f}{r:>8.4f}{f:>8.4f}{n_tok / seconds:>14,.0f}")
    return f


def korean(sents, engine: str = "kiwi") -> float:
    from toolkit.text.morphology import analyse

    name = {"kiwi": "kiwipiepy", "mecab": "mecab-ko"}[engine]
    analysed, seconds = [], 0.0
    for text, _ in sents:
        t0 = time.perf_counter()
        analysed.append(analyse(text, "ko", korean=engine))
        seconds += time.perf_counter() - t0
    n_morph = sum(map(len, analysed))
    f_report = 0.0
    for reading, norm in (("strict", str), ("jamo", jamo), ("allomorph", allomorph)):
        tp = n_pred = n_gold = 0
        for (text, rows), morphs in zip(sents, analysed, strict=True):
            words = spans(text, [r[1] for r in rows])
            per_word = [Counter() for _ in rows]
            for m in morphs:
                for i, (a, b) in enumerate(words):
                    if a <= m.start < b:
                        per_word[i][norm(m.form)] += 1
                        break
                else:
                    n_pred += 1
            for row, pred in zip(rows, per_word, strict=True):
                gold = Counter(norm(x) for x in row[2].split("+"))
                tp += sum((gold & pred).values())
                n_pred += sum(pred.values())
                n_gold += sum(gold.values())
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{name + ' (' + reading + ')':<34}{p:>8.4f}{r:>8.4f}{f:>8.4f}", end="")
        print(f"{n_morph / seconds:>14,.0f}" if reading == "strict" else "")
        f_report = f
    return f_report


def sentence_boundaries(sents, language: str, sep: str, group: int = 5) -> float:
    """Sentence-splitting F1: treebank sentences joined into pseudo-documents of
    ``group`` sentences (with ``sep`` between them) and split again; a
    predicted sentence is correct when its span equals a treebank sentence.

    Only sentences that end with terminal punctuation are used: many UD
    Korean-GSD "sentences" are spoken queries without any (어디 있지), and no
    splitter can find a boundary that nothing marks."""
    from toolkit.tokens.sentences import split_sentences

    ends = tuple('.!?。！？」』"”')
    texts = [t for t, _ in sents if t.endswith(ends)]
    tp = n_pred = n_gold = 0
    for i in range(0, len(texts), group):
        part = texts[i : i + group]
        doc = sep.join(part)
        gold = set(spans(doc, part))
        pred = set(split_sentences(doc, language))
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r, f = prf(tp, n_pred, n_gold)
    label = f"{language}: {len(texts)} sentences, {group} per document"
    print(f"{label:<34}{p:>8.4f}{r:>8.4f}{f:>8.4f}")
    return f


def main() -> None:
    ja_path, ko_path = SHARED / "ud_ja_gsd_dev.conllu", SHARED / "ud_ko_gsd_dev.conllu"
    if not ja_path.exists() or not ko_path.exists():
        # like the other validity benchmarks: nothing to measure outside the
        # project's workspace, and `make bench` should not fail for it
        print(f"No UD dev sets in {SHARED}; nothing to measure.")
        return
    from toolkit.text.morphology import analyse

    ja = read_conllu(ja_path)
    ko = read_conllu(ko_path)
    header = f"{'analyser':<34}{'P':>8}{'R':>8}{'F1':>8}{'tokens/s':>14}"

    print(f"Japanese word segmentation, UD Japanese-GSD dev ({len(ja)} sentences)")
    print(header)
    analyse("準備", "ja")  # load the dictionary outside the timing
    f_ja = japanese(
        ja, "fugashi + unidic-lite (toolkit)", lambda s: [m.form for m in analyse(s, "ja")]
    )
    try:
        from sudachipy import Dictionary, SplitMode

        tok = Dictionary(dict="core").create()
        for mode in ("A", "C"):
            split = getattr(SplitMode, mode)
            japanese(
                ja,
                f"sudachipy + core, mode {mode}",
                lambda s, m=split: [x.surface() for x in tok.tokenize(s, m)],
            )
    except ImportError:
        print("sudachipy + sudachidict-core: not installed (optional comparison)")
    try:
        from janome.tokenizer import Tokenizer

        jt = Tokenizer()
        japanese(ja, "janome", lambda s: [t.surface for t in jt.tokenize(s)])
    except ImportError:
        print("janome: not installed (optional comparison)")

    print(f"\nKorean morphemes, UD Korean-GSD dev ({len(ko)} sentences)")
    print(header)
    analyse("준비", "ko")
    analyse("준비", "ko", korean="mecab")  # load both dictionaries outside the timing
    f_ko = korean(ko)
    f_mecab = korean(ko, "mecab")

    print("\nSentence boundaries (toolkit.tokens.sentences), UD dev sentences re-joined")
    print(f"{'input':<34}{'P':>8}{'R':>8}{'F1':>8}")
    sentence_boundaries(ko, "ko", " ")
    sentence_boundaries(ja, "ja", "")

    print(f"\nJapanese word F1 {f_ja:.4f} (target >= 0.95): {'met' if f_ja >= 0.95 else 'NOT met'}")
    print(f"Korean morpheme F1 {f_ko:.4f} (target >= 0.90): {'met' if f_ko >= 0.90 else 'NOT met'}")
    print(
        f"Korean morpheme F1, korean='mecab' {f_mecab:.4f} (target >= 0.90): "
        f"{'met' if f_mecab >= 0.90 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
