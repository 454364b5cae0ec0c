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

# CJK fonts, each group in order of preference: pan-CJK families (they cover
# Hangul and kana), else a Japanese-only and a Korean-only family combined.
_PAN_CJK = (
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Source Han Sans",
    "Source Han Sans JP",
    "Source Han Sans K",
    "Noto Serif CJK JP",
    "Noto Serif CJK KR",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)
_JA_ONLY = (
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Yu Gothic",
    "MS Gothic",
    "IPAexGothic",
    "IPAGothic",
    "TakaoGothic",
)
_KO_ONLY = (
    "Apple SD Gothic Neo",
    "Malgun Gothic",
    "NanumGothic",
    "NanumBarunGothic",
    "UnDotum",
    "AppleGothic",
)
_CJK_PREFERRED = _PAN_CJK + _JA_ONLY + _KO_ONLY

_CJK_RE = re.compile(
    "[\u1100-\u11ff\u3000-\u303f\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
_NO_CJK_MESSAGE = (
    "Labels contain Korean/Japanese/Chinese characters but no CJK font is installed, "
    "so those characters will render as empty boxes. Install a CJK font, e.g. "
    "Debian/Ubuntu: `sudo apt-get install fonts-noto-cjk`; conda: "
    "`conda install -c conda-forge {conda}`; macOS and Windows ship one. Then "
    "restart Python (matplotlib caches its font list)."
)
_CONDA_CJK_PACKAGE = "font-ttf-noto-cjk"
_warned_no_cjk = False


def has_cjk(text: object) -> bool:
    """Whether ``text`` contains a Hangul, kana or CJK ideograph character."""
    return isinstance(text, str) and _CJK_RE.search(text) is not None


_CJK_FILE = re.compile(
    r"cjk|nanum|ipag|ipaexg|wqy|droidsansfallback|sourcehan|malgun|yugoth|msgothic|"
    r"hiragino|applegothic|applesdgothic|takao|undotum",
    re.I,
)


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


def _cjk_entries() -> dict[str, str]:
    from matplotlib import font_manager

    wanted = set(_CJK_PREFERRED)
    found: dict[str, str] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.name in wanted:
            found.setdefault(entry.name, entry.fname)
    return found


def _register_system_cjk_files() -> None:
    """Add CJK font files installed after matplotlib built its (cached) font list."""
    from matplotlib import font_manager

    for path in font_manager.findSystemFonts():
        if _CJK_FILE.search(Path(path).name):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # unreadable font file: skip it
                continue


@lru_cache(maxsize=1)
def _find_cjk_fonts() -> tuple[str, ...]:
    entries = _cjk_entries()
    if not entries:
        _register_system_cjk_files()
        entries = _cjk_entries()
    cff = {name: _is_cff(path) for name, path in entries.items()}

    def best(names: tuple[str, ...]) -> list[str]:
        # TrueType outlines first (valid Type 42 PDFs), then the preference order
        return sorted((n for n in cff if n in names), key=lambda n: (cff[n], names.index(n)))

    pan, ja, ko = best(_PAN_CJK), best(_JA_ONLY), best(_KO_ONLY)
    if pan and not cff[pan[0]]:
        return (pan[0],)
    if ja and ko and not cff[ja[0]] and not cff[ko[0]]:
        return (ja[0], ko[0])
    if pan:
        return (pan[0],)
    return tuple(ja[:1] + ko[:1])


def cjk_fonts() -> list[str]:
    """Installed font families that can draw Korean and Japanese, best first.

    Returns one pan-CJK family (Noto Sans CJK, Source Han Sans, WenQuanYi Zen
    Hei, ...) when available, else a Japanese and a Korean family together
    (e.g. IPAGothic + NanumGothic); ``[]`` when none is installed. Fonts with
    TrueType outlines are preferred because they embed cleanly in PDF. Fonts
    installed after matplotlib cached its font list are found too.

    Examples
    --------
    >>> isinstance(cjk_fonts(), list)
    True
    """
    return list(_find_cjk_fonts())


def warn_no_cjk() -> None:
    """Warn (once per session) that CJK labels cannot be drawn."""
    global _warned_no_cjk
    if not _warned_no_cjk:
        _warned_no_cjk = True
        warnings.warn(_NO_CJK_MESSAGE.format(conda=_CONDA_CJK_PACKAGE), UserWarning, stacklevel=5)


def apply_cjk_fallback(fig: Any) -> None:
    """Give every text of ``fig`` a CJK fallback font if any text needs one.

    Only the figure's own text objects are changed (never global rcParams).
    Without an installed CJK font this warns once and leaves the figure alone.
    """
    from matplotlib.text import Text

    texts = fig.findobj(Text)
    if not any(has_cjk(t.get_text()) for t in texts):
        return
    fonts = cjk_fonts()
    if not fonts:
        warn_no_cjk()
        return
    for t in texts:
        t.set_fontfamily(_with_fallback(t.get_fontfamily(), fonts))
    import matplotlib as mpl

    family = _with_fallback(mpl.rcParams["font.family"], fonts)
    for ax in fig.axes:
        try:  # matplotlib >= 3.8: later-created ticks keep the family too
            ax.tick_params(labelfontfamily=family)
        except (TypeError, ValueError):
            for t in ax.get_xticklabels() + ax.get_yticklabels():
                t.set_fontfamily(family)


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
