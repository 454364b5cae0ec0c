"""Regenerate the projected entries of toolkit/data/tone/ko_lexicon.tsv.

Reads the parallel English/Korean sentences of the Financial PhraseBank dev
set (``../shared/eval/finphrase_en_ko_dev.tsv``, read only, never copied),
runs :func:`toolkit.measures.tone.cjk.project_lexicon` with the shipped settings and
rewrites the ``projected`` rows of the lexicon; the header and the ``hand``
rows are kept as they are. ``benchmarks/tone_validity.py`` reports the
5-fold estimate of the same procedure.

Usage: ``python scripts/project_ko_tone_lexicon.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from toolkit.measures.tone.cjk import PROJECTION, project_lexicon  # noqa: E402

SOURCE = ROOT.parent / "shared" / "eval" / "finphrase_en_ko_dev.tsv"
LEXICON = ROOT / "toolkit" / "data" / "tone" / "ko_lexicon.tsv"


def main() -> None:
    if not SOURCE.exists():
        sys.exit(f"needs {SOURCE}")
    data = pd.read_csv(SOURCE, sep="\t")
    projected = project_lexicon(data["en"].tolist(), data["ko"].tolist(), "ko", **PROJECTION)
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    keep = [ln for ln in lines if ln.startswith("#") or "\tprojected\t" not in ln]
    rows = ["\t".join([w, f"{v:g}", s, n]) for w, v, s, n in projected.itertuples(index=False)]
    LEXICON.write_text("\n".join(keep + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} projected entries written to {LEXICON}")


if __name__ == "__main__":
    main()
