"""Round-trip rate of toolkit.text.decode.decode_text on short Korean, Japanese and European text.

Words come from the UD Korean-GSD and Japanese-GSD development sets in
``../shared/eval`` (read at run time, not stored) and from a constructed
list of accented European words. For each encoding archives use and each
length (1, 2, 10 and 100 words) the script draws ``--n`` strings, encodes
them, decodes them without being told the encoding and counts:

* ``exact``: the decoded text equals the original (flagged or not);
* ``(noted)``: of those, the share that still carries an "encoding
  uncertain" note (right, but the loader marks the article: the price of
  flagging doubtful readings);
* ``flagged``: wrong text, but the result carries an "encoding uncertain"
  (or other) note, so the loader marks the article;
* ``wrong``: wrong text with no note (silent corruption; the figure to watch);
* ``error``: DecodeError (the loader marks the article unreadable);
* ``(twin)``: the share of strings whose bytes are one KS X 1001 Hangul
  syllable in cp949 and one kanji in EUC-JP or cp932 alike (人 in EUC-JP is
  와 in EUC-KR): no decoder can tell these apart from their own bytes; only
  the folder they come in (``--folder``) can.

``--words held-out`` draws only from the half of the words that the
analyser model in toolkit.text.decode was not fitted on (see ``_ANALYSER_WEIGHTS``);
``--fit`` refits that model on the other half and prints its weights.

``--folder N`` decodes each string as one file of a folder that also holds
``N`` ten-word files (drawn from the same words, decoded on their own first;
their certain codecs are the folder's evidence, ``decode_text(folder=)``),
once with those files in the same encoding and once in the other language's
(EUC-JP for Korean and Western strings, cp949 for Japanese): the second
table is what the folder prior costs when a folder does mix encodings.

Strings that the encoding cannot represent are skipped (EUC-KR has 2,350
Hangul syllables, Shift_JIS lacks some kanji).

Run ``python benchmarks/decode_roundtrip.py`` (about a minute).
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import random  # noqa: E402
import zlib  # noqa: E402
from collections import Counter  # noqa: E402

from toolkit.text.decode import DecodeError, decode_text, folder_counts  # noqa: E402

EVAL = _HERE.parents[1] / "shared" / "eval"
EUROPEAN = (
    "Pokémon café Müller Straße Übersicht François garçon señor año São Köln Zürich déjà "
    "élève über schön façade crème brûlée naïve résumé Ærø smörgåsbord Gdańsk Málaga"
).split()


def ud_words(path: Path) -> list[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line[:1].isdigit():
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0] and not cols[1].isascii():
                words.add(cols[1])
    return sorted(words)


def half(words: list[str], which: str) -> list[str]:
    """All words, or the tuning (crc32 even) or held-out (odd) half."""
    if which == "all":
        return words
    return [w for w in words if (zlib.crc32(w.encode("utf-8")) % 2 == 0) == (which == "tuning")]


def fit_analyser_model() -> None:
    """Refit ``_ANALYSER_WEIGHTS`` on the tuning half: one-word strings whose two
    best readings are Korean and Japanese, closer than ``_ANALYSER_GAP``; and
    ``_GAP_LOG_ODDS`` on those of a single non-ASCII character."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from toolkit.text import decode as T

    rows, labels = [], []
    singles: list[float] = []
    single_labels: list[bool] = []
    for path, encodings in (
        ("ud_ko_gsd_dev.conllu", ["cp949", "euc_kr"]),
        ("ud_ja_gsd_dev.conllu", ["shift_jis", "euc_jp"]),
    ):
        for word in half(ud_words(EVAL / path), "tuning"):
            for enc in encodings:
                try:
                    raw = word.encode(enc)
                except UnicodeEncodeError:
                    continue
                readings: dict[str, tuple[float, str]] = {}
                try:
                    utf8 = raw.decode("utf-8")
                    readings["utf-8"] = (
                        T.plausibility(utf8, "utf-8") + 2.3 * sum(ord(c) >= 0x80 for c in utf8),
                        utf8,
                    )
                except UnicodeDecodeError:
                    pass
                for cand in T.CANDIDATE_ENCODINGS:
                    try:
                        text = raw.decode(cand)
                    except UnicodeDecodeError:
                        continue
                    if text not in {t for _, t in readings.values()}:
                        readings[cand] = (T.plausibility(text, cand), text)
                top = sorted(readings.items(), key=lambda kv: -kv[1][0])[:2]
                by_language = {T._LANGUAGE.get(e, "latin"): r for e, r in top}
                if set(by_language) != {"ko", "ja"}:
                    continue
                (ko_score, ko), (ja_score, ja) = by_language["ko"], by_language["ja"]
                if word in (ko, ja) and sum(not c.isascii() for c in top[0][1][1]) == 1:
                    singles.append(ko_score - ja_score)
                    single_labels.append(word == ko)
                if (
                    word not in (ko, ja)
                    or sum(not c.isascii() for c in top[0][1][1]) < 2
                    or abs(ko_score - ja_score) >= T._ANALYSER_GAP
                    or any(map(T._is_cjk, ko))
                ):
                    continue
                rows.append(
                    (ko_score - ja_score, *T._korean_evidence(ko), *T._japanese_evidence(ja))
                )
                labels.append(word == ko)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(np.array(rows), np.array(labels))
    print(
        f"{len(rows)} pairs; weights {np.round(model.coef_[0], 2).tolist()}, "
        f"bias {model.intercept_[0]:.2f} (in use: {list(T._ANALYSER_WEIGHTS)}, {T._ANALYSER_BIAS})"
    )
    # the log-odds one unit of plausibility gap is worth, where it alone decides
    gap = LogisticRegression(C=1.0, max_iter=5000).fit(
        np.array(singles)[:, None], np.array(single_labels)
    )
    print(
        f"{len(singles)} single-character pairs; log-odds per unit of gap "
        f"{gap.coef_[0][0]:.2f}, bias {gap.intercept_[0]:.2f} (in use: {T._GAP_LOG_ODDS})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="strings per encoding and length")
    ap.add_argument("--lengths", default="1,2,10,100", help="words per string, comma-separated")
    ap.add_argument(
        "--words",
        choices=["all", "tuning", "held-out"],
        default="all",
        help="draw from all words, or only the half toolkit.text.decode's analyser model was "
        "fitted on (crc32 of the word even) or the other half",
    )
    ap.add_argument(
        "--fit",
        action="store_true",
        help="refit toolkit.text.decode's Korean/Japanese analyser model on the tuning half and print it",
    )
    ap.add_argument(
        "--folder",
        type=int,
        default=0,
        help="decode each string beside this many ten-word files of the same encoding, "
        "then of the other language's (0: each string on its own)",
    )
    args = ap.parse_args()
    lengths = [int(x) for x in args.lengths.split(",")]
    if args.fit:
        fit_analyser_model()
        return
    if not EVAL.is_dir():
        sys.exit(f"needs {EVAL} (UD development sets)")
    ko = half(ud_words(EVAL / "ud_ko_gsd_dev.conllu"), args.words)
    ja = half(ud_words(EVAL / "ud_ja_gsd_dev.conllu"), args.words)
    print(f"words: {args.words} ({len(ko)} Korean, {len(ja)} Japanese)")
    plan = [
        ("ko", ko, " ", ["cp949", "euc_kr"]),
        ("ja", ja, "", ["shift_jis", "cp932", "euc_jp"]),
        ("eu", EUROPEAN, " ", ["cp1252"]),
    ]
    folders = ["none"] if not args.folder else ["same", "other"]
    for kind in folders:
        if kind != "none":
            print(
                f"\nbeside {args.folder} ten-word files in "
                + ("the same encoding" if kind == "same" else "the other language's encoding")
            )
        print(
            f"{'encoding':10s}{'words':>6s}{'strings':>9s}{'exact':>9s}{'(noted)':>9s}"
            f"{'flagged':>9s}{'wrong':>8s}{'error':>7s}{'(twin)':>8s}"
        )
        for lang, vocab, sep, encodings in plan:
            for enc in encodings:
                evidence = None
                if kind != "none":
                    if kind == "same":
                        neighbour, words, nsep = enc, vocab, sep
                    else:
                        neighbour, words, nsep = (
                            ("cp949", ko, " ") if lang == "ja" else ("euc_jp", ja, "")
                        )
                    evidence = folder_files(words, nsep, neighbour, args.folder, f"{enc}-folder")
                for n_words in lengths:
                    c, side = round_trip(vocab, sep, enc, n_words, args.n, evidence)
                    total = c.total()
                    print(
                        f"{enc:10s}{n_words:>6d}{total:>9d}"
                        f"{c['exact'] / total:>9.2%}{side['noted'] / total:>9.2%}"
                        f"{c['flagged'] / total:>9.2%}"
                        f"{c['wrong'] / total:>8.2%}{c['error'] / total:>7.2%}"
                        f"{side['twin'] / total:>8.2%}",
                        flush=True,
                    )


def encodable(text: str, enc: str) -> bytes | None:
    """``text`` in ``enc``, or None when a real file in ``enc`` could not hold it."""
    try:
        raw = text.encode(enc)
    except UnicodeEncodeError:
        return None
    if enc == "euc_kr" and len(raw) != sum(1 if ch.isascii() else 2 for ch in text):
        return None  # CPython's 8-byte make-up sequences: not in real files
    return raw


def folder_files(words: list[str], sep: str, enc: str, n: int, seed: str) -> dict[str, int]:
    """The evidence of ``n`` ten-word files in ``enc``, each decoded on its own."""
    rng = random.Random(seed)
    decoded = []
    while len(decoded) < n:
        raw = encodable(sep.join(rng.choice(words) for _ in range(10)), enc)
        if raw is not None:
            d = decode_text(raw)
            decoded.append((d.encoding, d.note))
    return folder_counts(decoded)


def twin(raw: bytes) -> bool:
    """True when ``raw`` is one Hangul syllable in cp949 and one kanji in EUC-JP or cp932."""
    readings = []
    for enc in ("cp949", "euc_jp", "cp932"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        foreign = [ch for ch in text if not ch.isascii()]
        if len(foreign) == 1:
            readings.append((enc, foreign[0]))
    hangul = any(
        e == "cp949"
        and "\uac00" <= ch <= "\ud7a3"
        and len(ch.encode("cp949")) == 2
        and 0xB0 <= ch.encode("cp949")[0] <= 0xC8  # KS X 1001's 2,350, not cp949's extension
        for e, ch in readings
    )
    kanji = any(e != "cp949" and "\u4e00" <= ch <= "\u9fff" for e, ch in readings)
    return hangul and kanji


def round_trip(
    vocab: list[str], sep: str, enc: str, n_words: int, n: int, folder: dict[str, int] | None
) -> tuple[Counter[str], Counter[str]]:
    """Outcome counts of ``n`` strings of ``n_words`` words encoded in ``enc``,
    and how many were right but noted, or twins (see the module docstring)."""
    rng = random.Random(f"{enc}-{n_words}")
    c: Counter[str] = Counter()
    side: Counter[str] = Counter()
    while c.total() < n:
        text = sep.join(rng.choice(vocab) for _ in range(n_words))
        raw = encodable(text, enc)
        if raw is None:
            continue
        side["twin"] += twin(raw)
        try:
            d = decode_text(raw, folder=folder)
        except DecodeError:
            c["error"] += 1
            continue
        c["exact" if d.text == text else "flagged" if d.note else "wrong"] += 1
        side["noted"] += d.text == text and "encoding uncertain" in d.note
    return c, side


if __name__ == "__main__":
    main()
