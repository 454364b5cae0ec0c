"""``python -m toolkit doctor``: what is installed, what is optional, how to fix it.

The toolkit needs no downloaded data. NLTK and TextBlob corpora are only
optional upgrades (for example ``stem="wordnet"``); the doctor says which
are present, which built-in replacement is in use, and prints the exact
command for anything missing. It never changes anything itself and never
touches SSL settings.
"""

from __future__ import annotations

import importlib
import platform
import sys
from importlib import metadata

from toolkit.tokens.tokenizer import nltk_has_data

__all__ = ["doctor", "check_environment"]

# The runtime dependencies of pyproject.toml (tests/test_packaging.py checks they agree).
_PACKAGES = [
    "pandas",
    "numpy",
    "scipy",
    "nltk",
    "textblob",
    "vaderSentiment",
    "matplotlib",
    "jupyterlab",
    "pyyaml",
    "tqdm",
    "charset-normalizer",
    "openpyxl",
    "defusedxml",
    "pyarrow",
    "python-docx",
    "beautifulsoup4",
    "krippendorff",
    "jinja2",
    "koreanize-matplotlib",
    "matplotlib-fontja",
    "kiwipiepy",
    "kiwipiepy-model",
    "python-mecab-ko",
    "fugashi",
    "unidic-lite",
    "scikit-learn",
]
# NLTK resource -> (what it would upgrade, the built-in used without it)
_NLTK_DATA = {
    "tokenizers/punkt_tab": ("Punkt sentence splitter", "toolkit's rule-based news splitter"),
    "corpora/wordnet": (
        "WordNet lemmatizer (stem='wordnet')",
        "toolkit's rule-based lemmatizer (stem='lemma')",
    ),
    "corpora/stopwords": ("NLTK stopword lists", "toolkit/data/stopwords_en.txt"),
    "sentiment/vader_lexicon": ("NLTK's copy of VADER", "the vaderSentiment package's own lexicon"),
}


# Dependencies pyproject.toml installs only below a Python version (no wheels
# above it yet): there they are optional, and the option that needs them says so.
_NO_WHEEL_FROM = {"python-mecab-ko": (3, 13)}


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def check_environment() -> list[dict[str, str]]:
    """Every check as a row: ``check, status ("ok", "missing", "optional"), detail, fix``.

    Examples
    --------
    >>> rows = check_environment()
    >>> {r["check"] for r in rows} >= {"python", "package pandas"}
    True
    """
    from toolkit import __version__

    rows = [
        {
            "check": "python",
            "status": "ok" if sys.version_info >= (3, 10) else "missing",
            "detail": platform.python_version(),
            "fix": "install Python 3.10 or newer",
        },
        {"check": "toolkit", "status": "ok", "detail": __version__, "fix": ""},
    ]
    for dist in _PACKAGES:
        v = _version(dist)
        if v is None and sys.version_info >= _NO_WHEEL_FROM.get(dist, (99,)):
            # installed only where it has wheels (pyproject.toml marker)
            rows.append(
                {
                    "check": f"package {dist}",
                    "status": "optional",
                    "detail": f"no wheel for Python {platform.python_version()}",
                    "fix": "",
                }
            )
            continue
        rows.append(
            {
                "check": f"package {dist}",
                "status": "ok" if v else "missing",
                "detail": v or "",
                "fix": ""
                if v
                else f'{sys.executable} -m pip install -e "."  (from the project folder)',
            }
        )
    for resource, (upgrade, builtin) in _NLTK_DATA.items():
        name = resource.split("/")[1]
        has = nltk_has_data(resource)
        rows.append(
            {
                "check": f"nltk data {name}",
                "status": "ok" if has else "optional",
                "detail": f"present: {upgrade} available" if has else f"absent: using {builtin}",
                "fix": "" if has else f"optional: {sys.executable} -m nltk.downloader {name}",
            }
        )
    rows.extend(_font_rows())
    for mod, what in (("ipykernel", "Jupyter kernel for the notebooks"),):
        ok = importlib.util.find_spec(mod) is not None
        rows.append(
            {
                "check": what,
                "status": "ok" if ok else "missing",
                "detail": mod,
                "fix": "" if ok else f'{sys.executable} -m pip install -e ".[test]"',
            }
        )
    return rows


def _font_rows() -> list[dict[str, str]]:
    """One row each for the Korean and the Japanese label font, with its glyph coverage.

    Fonts are judged by the glyphs they hold (see :func:`toolkit.plots.style.cjk_fonts`),
    not by their names.
    """
    fix = (
        f'{sys.executable} -m pip install -e "."  (brings NanumGothic and IPAexGothic), '
        "or Debian/Ubuntu: sudo apt-get install fonts-nanum fonts-ipafont-gothic "
        "(not needed for English labels)"
    )
    try:
        from toolkit.plots.style import HANGUL, KANA, cjk_font_coverage, jis_level1
    except ImportError:  # matplotlib missing: the package rows above say so
        return [
            {
                "check": "CJK fonts for Korean/Japanese labels",
                "status": "optional",
                "detail": "matplotlib is not installed",
                "fix": fix,
            }
        ]
    chosen = [r for r in cjk_font_coverage() if r["chosen"]]
    n_kanji = len(jis_level1())
    rows = []
    for lang, key, total in (("Korean", "hangul", len(HANGUL)), ("Japanese", "kanji", n_kanji)):
        best = max(chosen, key=lambda r: r[key], default=None)
        if best is None or best[key] == 0:
            rows.append(
                {
                    "check": f"{lang} label font",
                    "status": "optional",
                    "detail": f"none found: {lang} labels show as empty boxes",
                    "fix": fix,
                }
            )
            continue
        outline = "TrueType outlines" if best["truetype"] else "CFF outlines (PDF less portable)"
        detail = (
            f"{best['family']}: {best['hangul']:,}/{len(HANGUL):,} Hangul syllables, "
            f"{best['kana']}/{len(KANA)} kana, {best['kanji']:,}/{n_kanji:,} JIS level-1 "
            f"kanji; {outline}"
        )
        full = best[key] == total and (key != "kanji" or best["kana"] == len(KANA))
        rows.append(
            {
                "check": f"{lang} label font",
                "status": "ok" if full else "optional",
                "detail": detail,
                "fix": "" if full else fix,
            }
        )
    return rows


def doctor(file=None) -> bool:
    """Print the environment report; return True when nothing required is missing.

    Examples
    --------
    >>> import io
    >>> ok = doctor(file=io.StringIO())
    >>> isinstance(ok, bool)
    True
    """
    out = file or sys.stdout
    rows = check_environment()
    width = max(len(r["check"]) for r in rows)
    print("toolkit doctor: nothing is downloaded; optional items are upgrades only.", file=out)
    for r in rows:
        mark = {"ok": "ok      ", "missing": "MISSING ", "optional": "optional"}[r["status"]]
        print(f"  {mark} {r['check']:<{width}}  {r['detail']}", file=out)
    fixes = [r for r in rows if r["fix"] and r["status"] != "ok"]
    if fixes:
        print("\nTo fix:", file=out)
        for r in fixes:
            print(f"  {r['check']}: {r['fix']}", file=out)
    missing = [r for r in rows if r["status"] == "missing"]
    print(
        "\nAll required parts are present."
        if not missing
        else f"\n{len(missing)} required part(s) missing.",
        file=out,
    )
    return not missing
