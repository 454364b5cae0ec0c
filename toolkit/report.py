"""The HTML report: ``python -m toolkit report`` / :func:`build_report`.

A report is a list of **sections**. Each section is a module in
:mod:`toolkit.sections` that defines

- ``TITLE`` (str) and ``ORDER`` (int; sections are sorted by it), and
- ``build(ctx: ReportContext) -> str``, which computes its measure, writes its
  tables and figures through ``ctx`` and returns an HTML fragment.

Adding a measure to the report therefore means adding one module; no other
section changes. A section that fails is reported in the page (with its
error) instead of aborting the whole report, so one broken measure never
costs the user the rest.
"""

from __future__ import annotations

import html
import importlib
import pkgutil
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["ReportContext", "build_report", "available_sections"]


@dataclass
class ReportContext:
    """What a section gets: the corpus, its tokens (computed once), and writers.

    Attributes
    ----------
    corpus : DataFrame
        The corpus being reported on.
    out_dir : Path
        The report folder. Tables go to ``out_dir / "tables"``, figures to
        ``out_dir / "figures"``.
    progress : bool
        Whether long steps may show progress bars.
    random_state, n_boot : int
        Seed and number of resamples of every bootstrap interval in the report.
    """

    corpus: pd.DataFrame
    out_dir: Path
    progress: bool = False
    random_state: int = 0
    n_boot: int = 1000
    _tokens: Any = field(default=None, repr=False)

    @property
    def tokens(self):
        """The corpus tokens, tokenized on first use and shared by all sections."""
        if self._tokens is None:
            from toolkit.tokenize import tokenize

            self._tokens = tokenize(self.corpus, progress=self.progress)
        return self._tokens

    def save_table(self, df: pd.DataFrame, name: str, index: bool = False) -> str:
        """Write ``df`` to ``tables/<name>.csv``; return the path relative to the report.

        Text cells that a spreadsheet would run as a formula get a leading
        quote (:func:`toolkit.tables.safe_for_spreadsheet`); numbers are kept.
        """
        from toolkit.tables import safe_for_spreadsheet

        path = self.out_dir / "tables" / f"{name}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        safe_for_spreadsheet(df).to_csv(path, index=index, lineterminator="\n")
        return path.relative_to(self.out_dir).as_posix()

    def save_figure(self, fig: Any, name: str) -> str:
        """Write ``fig`` as ``figures/<name>.png`` and ``.pdf``; return the PNG's relative path.

        The figure is closed afterwards.
        """
        from toolkit.plots import save_figure

        stem = self.out_dir / "figures" / name
        stem.parent.mkdir(parents=True, exist_ok=True)
        paths = save_figure(fig, stem, formats=("png", "pdf"), dpi=150)
        import matplotlib.pyplot as plt

        plt.close(fig)
        png = next(p for p in paths if str(p).endswith(".png"))
        return png.relative_to(self.out_dir).as_posix()

    @staticmethod
    def table_html(df: pd.DataFrame, max_rows: int = 20, float_format: str = "{:.3f}") -> str:
        """An HTML table of the first ``max_rows`` rows, numbers formatted for reading."""
        shown = df.head(max_rows)
        out = shown.to_html(
            index=False,
            border=0,
            classes="table",
            na_rep="",
            float_format=lambda x: float_format.format(x),
        )
        if len(df) > max_rows:
            out += f"<p class='note'>Showing {max_rows} of {len(df):,} rows.</p>"
        return out

    @staticmethod
    def figure_html(src: str, caption: str) -> str:
        """An ``<figure>`` with the PNG, a link to the PDF and a caption."""
        pdf = src[: -len(".png")] + ".pdf"
        return (
            f"<figure><img src='{html.escape(src)}' alt='{html.escape(caption)}'>"
            f"<figcaption>{html.escape(caption)} "
            f"(<a href='{html.escape(pdf)}'>PDF</a>)</figcaption></figure>"
        )


def _where(err: BaseException) -> str:
    """The innermost toolkit frame of ``err`` as ``toolkit/x.py, line n`` (no install path)."""
    import toolkit

    root = Path(toolkit.__file__).resolve().parent.parent
    where = ""
    for frame in traceback.extract_tb(err.__traceback__):
        try:
            rel = Path(frame.filename).resolve().relative_to(root)
        except ValueError:
            continue  # a library or the user's own file: not ours to name
        where = f"{rel.as_posix()}, line {frame.lineno}"
    return where


def _failure_html(err: BaseException) -> str:
    """A failed section: the error's type and message, and where in the toolkit.

    No traceback: it would print absolute paths of the user's machine (home
    folder, install location) into a page that may be shared.
    """
    message = str(err)
    for path in {str(Path.home()), str(Path.cwd())} - {"", "/"}:
        message = message.replace(path, "…")
    where = _where(err)
    return (
        f"<p class='error'>This section failed: {html.escape(type(err).__name__)}: "
        f"{html.escape(message)}"
        + (f" <span class='note'>(in {html.escape(where)})</span>" if where else "")
        + "</p>"
    )


def available_sections() -> list[Any]:
    """Section modules found in :mod:`toolkit.sections`, in report order.

    Examples
    --------
    >>> [m.__name__.rsplit(".", 1)[1] for m in available_sections()][:2]
    ['overview', 'keyness']
    """
    import toolkit.sections as pkg

    mods = [
        importlib.import_module(f"toolkit.sections.{m.name}")
        for m in pkgutil.iter_modules(pkg.__path__)
        if not m.name.startswith("_")
    ]
    return sorted(mods, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem} h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
table.table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
table.table td,table.table th{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:right}
table.table td:first-child,table.table th:first-child{text-align:left}
figure{margin:1rem 0} figure img{max-width:100%} figcaption{font-size:.85rem;color:#555}
.note{font-size:.85rem;color:#555} .error{background:#fee;padding:.5rem;white-space:pre-wrap}
nav li{margin:.1rem 0}
"""


def build_report(
    source: pd.DataFrame | str | Path | None = None,
    out_dir: str | Path = "report",
    *,
    sections: Sequence[str] | None = None,
    progress: bool = True,
    random_state: int = 0,
) -> Path:
    """Write the HTML report, CSV tables and PNG/PDF figures for a corpus.

    Parameters
    ----------
    source : DataFrame, path or None
        A corpus or anything :func:`toolkit.load_corpus` reads; ``None`` uses
        the bundled demo corpus.
    out_dir : path, default "report"
        Output folder (created; existing files with the same names are replaced).
    sections : list of str, optional
        Names of the section modules to include (e.g. ``["overview"]``); all by default.
    progress : bool, default True
        Show progress bars.
    random_state : int, default 0
        Seed for every resampling step (bootstrap intervals), so reruns match.

    Returns
    -------
    Path
        The path of ``index.html``.

    Examples
    --------
    >>> import tempfile
    >>> path = build_report(out_dir=tempfile.mkdtemp(), sections=["overview"], progress=False)
    >>> path.name
    'index.html'
    """
    from toolkit import __version__
    from toolkit.corpus import load_corpus, load_demo

    if source is None:
        corpus = load_demo()
        label = "bundled demo corpus (constructed teaching articles plus one Yonhap article)"
    else:
        corpus = source if isinstance(source, pd.DataFrame) else load_corpus(source)
        if "status" not in corpus.columns:
            corpus = load_corpus(corpus)
        # a corpus loaded from a file (e.g. by the CLI with --column) names its file
        label = (str(source) if not isinstance(source, pd.DataFrame)
                 else str(corpus.attrs.get("source", "DataFrame")))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = ReportContext(corpus=corpus, out_dir=out, progress=progress, random_state=random_state)
    mods = available_sections()
    if sections is not None:
        wanted = set(sections)
        unknown = wanted - {m.__name__.rsplit(".", 1)[1] for m in mods}
        if unknown:
            raise ValueError(f"unknown report sections {sorted(unknown)}")
        mods = [m for m in mods if m.__name__.rsplit(".", 1)[1] in wanted]
    parts, nav = [], []
    iterator = mods
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(mods, desc="report", unit="section")
    for mod in iterator:
        name = mod.__name__.rsplit(".", 1)[1]
        title = getattr(mod, "TITLE", name)
        try:
            body = mod.build(ctx)
        except Exception as err:  # one failing section must not sink the report
            body = _failure_html(err)
        nav.append(f"<li><a href='#{name}'>{html.escape(title)}</a></li>")
        parts.append(f"<section id='{name}'><h2>{html.escape(title)}</h2>{body}</section>")
    constructed = bool(corpus.get("constructed", pd.Series(dtype=bool)).fillna(False).any())
    warning = (
        "<p class='note'><strong>Note:</strong> this corpus contains constructed teaching "
        "articles written for this toolkit. Results illustrate the methods and are not "
        "findings about real coverage.</p>"
        if constructed
        else ""
    )
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Tone and framing report</title><style>{_CSS}</style></head><body>"
        f"<h1>Tone and framing report</h1><p class='note'>Corpus: {html.escape(label)}; "
        f"{len(corpus):,} documents. toolkit {__version__}.</p>{warning}"
        f"<nav><ul>{''.join(nav)}</ul></nav>{''.join(parts)}</body></html>"
    )
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index
