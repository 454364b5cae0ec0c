"""Paper-ready figures for the toolkit's measures.

Every ``plot_<measure>`` function takes the tidy DataFrame the matching
measure returns as its only positional argument, then keyword-only options
named as in seaborn (``x, y, hue, order, hue_order, col, palette, ax``; column
names default to the measure's; docs/plot_conventions.md), draws on ``ax=``
(or a new figure), returns the Axes (small multiples: the Figure, drawn into
``fig=`` if given), and never shows or saves by itself. Wrap plotting in
:func:`paper_style` for print sizes and journal widths, and write files with
:func:`save_figure` (PDF with TrueType fonts, byte-identical SVG, PNG).

Korean and Japanese labels (e.g. outlet names) get CJK fallback fonts chosen
by the glyphs they hold, never by name (:func:`toolkit.plots.style.cjk_fonts`):
every machine has NanumGothic and IPAexGothic, TrueType fonts shipped by two
of the toolkit's PyPI dependencies, so labels render and PDFs embed TrueType
outlines without system CJK fonts. ``python -m toolkit doctor`` reports each
font's coverage. If some character is still missing, a single warning says so.
"""

from __future__ import annotations

from toolkit.plots.corpus import plot_counts, plot_lengths
from toolkit.plots.export import save_figure
from toolkit.plots.framing import plot_frames_heatmap, plot_frames_over_time
from toolkit.plots.quotes import plot_sources
from toolkit.plots.style import (
    COUNTRY_COLORS,
    PALETTE,
    STYLE_PATH,
    WIDTHS,
    cjk_fonts,
    paper_style,
)
from toolkit.plots.terminology import plot_naming
from toolkit.plots.terms import plot_dispersion, plot_distinctive_terms, plot_keyness
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
