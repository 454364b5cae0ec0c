"""Paper-ready figures for the toolkit's measures.

Every ``plot_<measure>`` function takes the tidy DataFrame the matching
measure returns (column names are parameters with the measure's defaults),
draws on ``ax=`` (or a new figure), returns the Axes (a Figure for
small multiples), and never shows or saves by itself. Wrap plotting in
:func:`paper_style` for print sizes and journal widths, and write files with
:func:`save_figure` (PDF with TrueType fonts, byte-identical SVG, PNG).

Korean and Japanese labels (e.g. outlet names) use an installed CJK font as
a fallback (Noto Sans CJK, Source Han Sans, WenQuanYi Zen Hei, IPAGothic +
NanumGothic, ...). Without one, a single warning says how to install it:
Debian/Ubuntu ``apt-get install fonts-noto-cjk``, conda
``conda install -c conda-forge font-ttf-noto-cjk``. Fonts with TrueType
outlines are preferred when several are installed: Noto Sans CJK's Debian
files hold CFF outlines, which matplotlib embeds in PDF in a way strict PDF
checkers flag (matplotlib issue #20870); PNG and SVG are unaffected, and
``fonts-nanum`` plus ``fonts-ipafont-gothic`` avoid it for PDF.
"""

from __future__ import annotations

from toolkit.plots.corpus import plot_counts, plot_lengths
from toolkit.plots.export import save_figure
from toolkit.plots.framing import (
    plot_frames_heatmap,
    plot_frames_over_time,
    plot_naming,
    plot_sources,
)
from toolkit.plots.keywords import plot_dispersion, plot_distinctive_terms, plot_keyness
from toolkit.plots.style import (
    COUNTRY_COLORS,
    PALETTE,
    STYLE_PATH,
    WIDTHS,
    cjk_fonts,
    paper_style,
)
from toolkit.plots.tone import plot_group_comparison, plot_tone_over_time

__all__ = [
    "COUNTRY_COLORS",
    "PALETTE",
    "STYLE_PATH",
    "WIDTHS",
    "cjk_fonts",
    "paper_style",
    "plot_counts",
    "plot_dispersion",
    "plot_distinctive_terms",
    "plot_frames_heatmap",
    "plot_frames_over_time",
    "plot_group_comparison",
    "plot_keyness",
    "plot_lengths",
    "plot_naming",
    "plot_sources",
    "plot_tone_over_time",
    "save_figure",
]
