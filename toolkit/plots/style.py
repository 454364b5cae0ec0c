"""Paper style, colours and CJK font fallback for :mod:`toolkit.plots`.

The style lives in ``paper.mplstyle`` next to this module, so it can also be
used without the toolkit (``plt.style.use(path)``). :func:`paper_style` applies
it inside a ``with`` block only: rcParams outside the block are untouched.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "COUNTRY_COLORS",
    "LINESTYLES",
    "MARKERS",
    "PALETTE",
    "STYLE_PATH",
    "WIDTHS",
    "cjk_font_coverage",
    "cjk_fonts",
    "paper_style",
]

STYLE_PATH = Path(__file__).with_name("paper.mplstyle")

# Okabe & Ito (2008) colour-blind-safe palette, ordered so that the first
# colours are the most distinct from each other; yellow last (weak on white).
PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 2)), (0, (8, 2)), (0, (3, 1, 1, 1)))
# Fixed colours for the country codes of the corpus, so KR and JP look the same
# in every figure of a paper.
COUNTRY_COLORS = {
    "KR": "#0072B2",
    "JP": "#D55E00",
    "INT": "#009E73",
    "US": "#CC79A7",
    "CN": "#E69F00",
    "": "#999999",
}

# Common journal column widths in inches (single column ~ 89 mm, full page ~ 183 mm).
WIDTHS = {"single": 3.5, "onehalf": 5.5, "double": 7.2}

# CJK fonts are chosen by the glyphs they hold, never by family name: a font
# called "... Fallback" or "... CJK" may lack most Hangul (Droid Sans Fallback
# has 3 of the 11,172 syllables). A Korean font must hold at least the 2,350
# Hangul syllables of KS X 1001 (all 11,172 ranks first); a Japanese font the
# 169 kana and 95% of the 2,965 JIS X 0208 level-1 kanji. TrueType (glyf)
# outlines rank before CFF ones: matplotlib embeds both as Type 42 in PDF,
# which is only valid for TrueType (matplotlib issue #20870).
HANGUL = tuple(range(0xAC00, 0xD7A4))  # all 11,172 modern syllables
KANA = (*range(0x3041, 0x3094), *range(0x30A1, 0x30F7))  # the 169 kana of JIS X 0208
_KO_MIN = 2350  # the Hangul syllables of KS X 1001
_JA_KANJI_SHARE = 0.95
# PyPI packages that ship TrueType CJK fonts (pyproject.toml installs them):
# NanumGothic (SIL OFL 1.1) and IPAexGothic (IPA Font License 1.0). Their
# files are read in place; the packages are never imported, because importing
# them changes matplotlib's global settings.
_PACKAGED_FONTS = (
    ("koreanize_matplotlib", "fonts/NanumGothic.ttf"),
    ("matplotlib_fontja", "fonts/ipaexg.ttf"),
)
# Cheap probe before a font's whole character map is read: 가, あ, 日.
_PROBE = (0xAC00, 0x3042, 0x65E5)


@lru_cache(maxsize=1)
def jis_level1() -> tuple[int, ...]:
    """The 2,965 JIS X 0208 level-1 kanji (rows 16-47), from Python's EUC-JP codec."""
    out = []
    for row in range(0xB0, 0xD0):
        for cell in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([row, cell]).decode("euc_jp")))
            except UnicodeDecodeError:  # the unused end of row 47
                continue
    return tuple(out)


_CJK_RE = re.compile(
    "[\u1100-\u11ff\u3000-\u303f\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
_NO_CJK_MESSAGE = (
    "Labels contain Korean/Japanese/Chinese characters that no installed font can draw "
    "({missing}), so they will render as empty boxes. The toolkit's own dependencies "
    "bring NanumGothic and IPAexGothic: reinstall them with `pip install -e .` from the "
    "project folder, or install a TrueType CJK font (Debian/Ubuntu: `sudo apt-get install "
    "fonts-nanum fonts-ipafont-gothic`; conda: `conda install -c conda-forge {conda}`). "
    "Then restart Python (matplotlib caches its font list)."
)
_CONDA_CJK_PACKAGE = "font-ttf-noto-cjk"
_warned_no_cjk = False


def has_cjk(text: object) -> bool:
    """Whether ``text`` contains a Hangul, kana or CJK ideograph character."""
    return isinstance(text, str) and _CJK_RE.search(text) is not None


def _is_cff(path: str) -> bool:
    """Whether a font file holds CFF (PostScript) outlines rather than TrueType ones.

    matplotlib embeds both as TrueType (Type 42) in PDF, which is only valid for
    TrueType outlines (matplotlib issue #20870), so TrueType fonts are preferred.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            if head[:4] == b"ttcf":  # collection: look at its first font
                fh.seek(int.from_bytes(head[12:16], "big"))
                head = fh.read(4)
    except OSError:
        return True
    return head[:4] == b"OTTO"


def _packaged_font_files() -> list[str]:
    """The CJK font files shipped by the PyPI packages in ``_PACKAGED_FONTS``."""
    import importlib.util

    out = []
    for package, rel in _PACKAGED_FONTS:
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            continue
        for root in (spec.submodule_search_locations or []) if spec else []:
            path = Path(root) / rel
            if path.is_file():
                out.append(str(path))
    return out


@lru_cache(maxsize=1024)
def _coverage_of(path: str, mtime: float) -> dict[str, Any] | None:
    """Family and glyph coverage of one font file (``None`` if unreadable or not CJK)."""
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path)
        index = font.get_char_index  # 0: the character is not in the font
        if not any(map(index, _PROBE)):
            return None

        found = {
            key: list(map(index, codes))
            for key, codes in (("hangul", HANGUL), ("kana", KANA), ("kanji", jis_level1()))
        }
        # distinct glyphs, not mapped characters: a placeholder font such as
        # matplotlib's "Last Resort" maps every character to one box per block
        counts = {key: len(set(ids) - {0}) for key, ids in found.items()}
        # A font is real when its CJK characters have mostly glyphs of their own.
        # One with fewer glyphs in all than half the characters it maps among
        # these three sets is not, whatever else it maps: its character map
        # (1.1 million entries for "Last Resort", most of the time of choosing
        # fonts) need not be read.
        mapped = sum(len(ids) - ids.count(0) for ids in found.values())
        if font.num_glyphs < 0.5 * mapped:
            chars: frozenset[int] = frozenset()
        else:
            cmap = font.get_charmap()
            cjk = [c for c in cmap if c >= 0x1100]
            real = len({cmap[c] for c in cjk}) >= 0.5 * len(cjk)
            chars = frozenset(cjk) if real else frozenset()
    except (OSError, RuntimeError, ValueError):
        return None
    return {
        "family": font.family_name,
        "path": path,
        "truetype": not _is_cff(path),
        **counts,
        "chars": chars,
    }


def _font_files() -> list[str]:
    """Font files matplotlib knows, plus the packaged CJK fonts, each once, sorted."""
    from matplotlib import font_manager

    files = {e.fname for e in font_manager.fontManager.ttflist}
    files.update(_packaged_font_files())
    return sorted(files)


def _coverages(files: Iterable[str]) -> list[dict[str, Any]]:
    out = []
    for path in files:
        try:
            mtime = Path(path).stat().st_mtime
        except OSError:
            continue
        cov = _coverage_of(path, mtime)
        if cov is not None:
            out.append(cov)
    return out


def _rank(cov: dict[str, Any], key: str) -> tuple:
    # TrueType first, then the most glyphs of the script, then the other
    # script's, then the name and path so that ties break the same everywhere
    other = "kanji" if key == "hangul" else "hangul"
    return (not cov["truetype"], -cov[key], -cov[other], cov["family"], cov["path"])


def _korean_ok(cov: dict[str, Any]) -> bool:
    return cov["hangul"] >= _KO_MIN


def _japanese_ok(cov: dict[str, Any]) -> bool:
    return cov["kana"] >= len(KANA) and cov["kanji"] >= _JA_KANJI_SHARE * len(jis_level1())


def _choose(covs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fonts to use, Japanese first: one font that serves both, else one of each."""
    ko = sorted((c for c in covs if _korean_ok(c)), key=lambda c: _rank(c, "hangul"))
    ja = sorted((c for c in covs if _japanese_ok(c)), key=lambda c: _rank(c, "kanji"))
    both = [c for c in ja if _korean_ok(c)]
    best_both = sorted(both, key=lambda c: (_rank(c, "kanji")[0], -c["hangul"] - c["kanji"]))
    if best_both and best_both[0]["truetype"] and best_both[0]["hangul"] == len(HANGUL):
        return [best_both[0]]
    chosen = ja[:1] + [c for c in ko[:1] if c not in ja[:1]]
    return chosen


def _register(paths: Iterable[str]) -> None:
    from matplotlib import font_manager

    known = {e.fname for e in font_manager.fontManager.ttflist}
    for path in paths:
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # unreadable font file: skip it
                continue


class _QuietCjkWeights:
    """Drops matplotlib's "Failed to find font weight bold for <family>" about the
    CJK fallback families: the packaged ones are registered at their regular
    weight only, so bold text draws its Korean and Japanese glyphs at that
    weight, as intended; matplotlib printed this once per family and weight,
    in every report and notebook."""

    def __init__(self) -> None:
        self.ends: tuple[str, ...] = ()

    def quiet(self, families: Iterable[str]) -> None:
        """Drop the message for these families (those of the last choice)."""
        self.ends = tuple(f" for {f}, now using" for f in families)

    def filter(self, record: Any) -> bool:
        msg = record.getMessage()
        return not (
            msg.startswith("findfont: Failed to find font weight")
            and any(e in msg for e in self.ends)
        )


_QUIET_WEIGHTS = _QuietCjkWeights()


def _system_font_files() -> list[str]:
    from matplotlib import font_manager

    return sorted(font_manager.findSystemFonts())


@lru_cache(maxsize=1)
def _cjk_choice() -> tuple[dict[str, Any], ...]:
    covs = _coverages(_font_files())
    chosen = _choose(covs)
    if len(chosen) < 2 and not any(_korean_ok(c) and _japanese_ok(c) for c in chosen):
        # fonts installed after matplotlib cached its font list
        covs = _coverages(sorted(set(_font_files()) | set(_system_font_files())))
        chosen = _choose(covs)
    _register(c["path"] for c in chosen)
    import logging

    _QUIET_WEIGHTS.quiet(c["family"] for c in chosen)
    logging.getLogger("matplotlib.font_manager").addFilter(_QUIET_WEIGHTS)  # once: same object
    return tuple(chosen)


def cjk_font_coverage() -> list[dict[str, Any]]:
    """Every installed font with Korean or Japanese glyphs, and how many it has.

    Returns one dict per font file: ``family``, ``path``, ``truetype`` (glyf
    outlines, which embed validly in PDF), ``hangul`` (of the 11,172 Hangul
    syllables), ``kana`` (of the 169 JIS kana), ``kanji`` (of the 2,965 JIS
    level-1 kanji) and ``chosen`` (used by :func:`cjk_fonts`).

    Examples
    --------
    >>> rows = cjk_font_coverage()
    >>> all({"family", "hangul", "kana", "kanji", "truetype"} <= set(r) for r in rows)
    True
    """
    chosen = {c["path"] for c in _cjk_choice()}
    covs = _coverages(sorted(set(_font_files()) | set(_system_font_files())))
    return [
        {k: v for k, v in c.items() if k != "chars"} | {"chosen": c["path"] in chosen} for c in covs
    ]


def cjk_fonts() -> list[str]:
    """Font families that draw Korean and Japanese, chosen by the glyphs they hold.

    Returns one family that covers all Hangul syllables and Japanese kana and
    kanji with TrueType outlines when one is installed, else a Japanese and a
    Korean family (Japanese first, so that kanji are drawn in Japanese style):
    with the toolkit's dependencies, ``["IPAexGothic", "NanumGothic"]``.
    ``[]`` when no installed font holds enough of either script. Fonts with
    TrueType outlines rank first because they embed validly in PDF.

    Examples
    --------
    >>> isinstance(cjk_fonts(), list)
    True
    """
    return [c["family"] for c in _cjk_choice()]


def _fonts_for(chars: set[int]) -> tuple[list[str], set[int]]:
    """Extra families for characters the chosen fonts lack, and what stays missing."""
    chosen = _cjk_choice()
    missing = {c for c in chars if not any(c in f["chars"] for f in chosen)}
    if not missing:
        return [], set()
    extra = []
    covs = sorted(_coverages(_font_files()), key=lambda c: _rank(c, "kanji"))
    for cov in covs:
        got = missing & cov["chars"]
        if got:
            extra.append(cov)
            missing -= got
        if not missing:
            break
    _register(c["path"] for c in extra)
    return [c["family"] for c in extra], missing


def warn_no_cjk(missing: str = "") -> None:
    """Warn (once per session) that CJK labels cannot be drawn."""
    global _warned_no_cjk
    if not _warned_no_cjk:
        _warned_no_cjk = True
        warnings.warn(
            _NO_CJK_MESSAGE.format(conda=_CONDA_CJK_PACKAGE, missing=missing or "CJK"),
            UserWarning,
            stacklevel=5,
        )


def _needs_korean_first(text: str) -> bool:
    return bool(re.search("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]", text)) and not re.search(
        "[\u3040-\u30ff]", text
    )


def apply_cjk_fallback(fig: Any) -> None:
    """Give every text of ``fig`` CJK fallback fonts if any text needs one.

    Only the figure's own text objects are changed (never global rcParams).
    The fonts are chosen by coverage (:func:`cjk_fonts`); characters they
    lack are looked up in every other installed font. Korean text gets the
    Korean font before the Japanese one, other text the reverse, so hanja in
    Korean and kanji in Japanese labels are each drawn in their own style.
    Without a font for some characters this warns once and draws the rest.
    """
    from matplotlib.text import Text

    texts = fig.findobj(Text)
    labels = [t.get_text() for t in texts]
    if not any(has_cjk(s) for s in labels):
        return
    fonts = cjk_fonts()
    needed = {ord(ch) for s in labels if has_cjk(s) for ch in s if _CJK_RE.match(ch)}
    extra, missing = _fonts_for(needed)
    if missing:
        warn_no_cjk("".join(sorted(chr(c) for c in missing))[:20])
    fonts = fonts + [f for f in extra if f not in fonts]
    if not fonts:
        return
    korean_first = _korean_first(fonts)
    for t, s in zip(texts, labels, strict=True):
        order = korean_first if _needs_korean_first(s) else fonts
        t.set_fontfamily(_with_fallback(t.get_fontfamily(), order))
    import matplotlib as mpl

    family = _with_fallback(mpl.rcParams["font.family"], fonts)
    for ax in fig.axes:
        try:  # matplotlib >= 3.8: later-created ticks keep the family too
            ax.tick_params(labelfontfamily=family)
        except (TypeError, ValueError):
            for t in ax.get_xticklabels() + ax.get_yticklabels():
                t.set_fontfamily(family)
        # tick labels made later take the family above; re-order the current
        # ones by their own script
        for t in ax.get_xticklabels() + ax.get_yticklabels():
            if _needs_korean_first(t.get_text()):
                t.set_fontfamily(_with_fallback(mpl.rcParams["font.family"], korean_first))


def _korean_first(fonts: list[str]) -> list[str]:
    """``fonts`` with the families that hold the most Hangul first."""
    hangul = {c["family"]: c["hangul"] for c in _cjk_choice()}
    return sorted(fonts, key=lambda f: -hangul.get(f, 0))


def _with_fallback(family: Sequence[str] | str, fonts: Iterable[str]) -> list[str]:
    base = [family] if isinstance(family, str) else list(family)
    return base + [f for f in fonts if f not in base]


def _size(width: str | float, height: float | None, aspect: float) -> tuple[float, float]:
    if isinstance(width, str):
        if width not in WIDTHS:
            raise ValueError(f"width must be one of {sorted(WIDTHS)} or inches, not {width!r}")
        w = WIDTHS[width]
    else:
        w = float(width)
        if not w > 0:
            raise ValueError(f"width must be positive, not {width!r}")
    h = float(height) if height is not None else w * aspect
    return w, h


@contextmanager
def paper_style(
    width: str | float = "single",
    height: float | None = None,
    *,
    aspect: float = 0.75,
    font_size: float = 8,
    rc: Mapping[str, Any] | None = None,
) -> Iterator[None]:
    """Apply the paper style (fonts, widths, colours, export settings) inside a block.

    Parameters
    ----------
    width : {"single", "onehalf", "double"} or float, default "single"
        Figure width: a journal column (3.5 in), 1.5 columns (5.5 in), the
        full page width (7.2 in), or inches.
    height : float, optional
        Figure height in inches; default ``width * aspect``.
    aspect : float, default 0.75
        Height / width when ``height`` is not given.
    font_size : float, default 8
        Base font size in points; titles are one point larger, ticks and
        legends one point smaller.
    rc : mapping, optional
        Extra rcParams, applied last.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with paper_style("double", height=2.5):
    ...     fig, ax = plt.subplots()
    >>> [round(float(v), 1) for v in fig.get_size_inches()]
    [7.2, 2.5]
    >>> plt.close(fig)
    """
    import matplotlib as mpl

    w, h = _size(width, height, aspect)
    params = dict(mpl.rc_params_from_file(STYLE_PATH, use_default_template=False))
    params.update(
        {
            "figure.figsize": (w, h),
            "font.size": font_size,
            "axes.titlesize": font_size + 1,
            "figure.titlesize": font_size + 1,
            "axes.labelsize": font_size,
            "xtick.labelsize": font_size - 1,
            "ytick.labelsize": font_size - 1,
            "legend.fontsize": font_size - 1,
            "legend.title_fontsize": font_size - 1,
            # a list of families gives per-glyph fallback (matplotlib >= 3.6)
            "font.family": ["sans-serif", *cjk_fonts()],
            "font.sans-serif": ["DejaVu Sans"],
        }
    )
    params.update(dict(rc or {}))
    with mpl.rc_context(params):
        try:
            yield
        finally:
            interactive = mpl.rcParams["interactive"]
    # Jupyter's inline backend switches interactive mode on when the first
    # figure of a session is made; if that happened inside this block,
    # rc_context would switch it off again and later figures would silently
    # stop showing. Keep it: it is matplotlib's state, not our style.
    mpl.rcParams["interactive"] = interactive
