"""The HTML report: ``python -m toolkit report`` / :func:`build_report`.

A report is a list of **sections**. Each section is a module in
:mod:`toolkit.report.sections` that defines

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
import sys
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
    compare : (by, target, reference) or None
        The comparison the user asked for (``reference`` None = all other
        documents); sections choose one themselves when it is None.
    language : str or None
        Compare and count within documents of this language (a code such as
        "en"); None when the corpus has one language.
    figure_formats : tuple of str
        Formats every figure is written in besides the PNG the page shows
        ("pdf", "svg"); only the PNG by default, since each vector copy
        roughly doubles the time a figure costs.
    n_jobs : int
        Processes to use for figures: above 1, a figure is written by a helper
        process while the section goes on computing (the files are the same
        bytes). :func:`build_report` shares whole sections among its
        processes first, and gives each section's context what is left.
    """

    corpus: pd.DataFrame
    out_dir: Path
    progress: bool = False
    random_state: int = 0
    n_boot: int = 1000
    compare: tuple[str, Any, Any] | None = None
    language: str | None = None
    figure_formats: tuple[str, ...] = ("png",)
    n_jobs: int = 1
    _tokens: Any = field(default=None, repr=False)
    _pool: Any = field(default=None, repr=False)
    _pending: list[Any] = field(default_factory=list, repr=False)
    _children: dict[int, Any] = field(default_factory=dict, repr=False)

    def other_languages(self) -> pd.Series:
        """Documents with text in another language than :attr:`language`, counted per language."""
        corpus = self.corpus
        if self.language is None or "language" not in corpus.columns:
            return pd.Series(dtype="int64")
        lang = corpus["language"].fillna("").astype(str)
        has_text = corpus["status"].eq("ok") if "status" in corpus.columns else True
        other = lang[(lang != self.language) & (lang != "") & has_text]
        return other.value_counts().sort_index()

    @property
    def tokens(self):
        """The corpus tokens, tokenized on first use and shared by all sections."""
        if self._tokens is None:
            from toolkit.tokens.tokenizer import tokenize

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
        """Write ``fig`` as ``figures/<name>.png`` (and the other :attr:`figure_formats`);
        return the PNG's relative path.

        The figure is closed afterwards.
        """
        import matplotlib.pyplot as plt

        from toolkit.plots import save_figure

        stem = self.out_dir / "figures" / name
        stem.parent.mkdir(parents=True, exist_ok=True)
        formats = ("png", *[f for f in self.figure_formats if f != "png"])
        png = Path(f"{stem}.png")
        # the helpers write figures while this process computes; when they are
        # behind (more queued than helpers), this process writes one itself
        if 1 < self.n_jobs and _FORK_PER_FIGURE:
            self._reap(block=False)
            if len(self._children) < self.n_jobs - 1:
                self._children[_fork_save(fig, stem, formats)] = (fig, stem, formats, _rc_now())
            else:
                save_figure(fig, stem, formats=formats, dpi=150)
            plt.close(fig)
            return png.relative_to(self.out_dir).as_posix()
        busy = sum(not f.done() for f, _ in self._pending)
        helped = 1 < self.n_jobs and busy < self.n_jobs
        job = _figure_job(fig, stem, formats) if helped else None
        if job is None:
            save_figure(fig, stem, formats=formats, dpi=150)
        else:
            if self._pool is None:
                self._pool = _figure_pool(self.n_jobs - 1)
            self._pending.append((self._pool.submit(_save_job, *job), job))
        plt.close(fig)
        return png.relative_to(self.out_dir).as_posix()

    def _reap(self, block: bool) -> None:
        """Collect finished figure-writing children; write here what one failed to write."""
        import os

        import matplotlib as mpl

        from toolkit.plots import save_figure

        for pid in list(self._children):
            try:
                done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere: its outcome is unknown
                done, status = pid, -1
            if not done:
                continue
            fig, stem, formats, rc = self._children.pop(pid)
            if status != 0:  # e.g. killed: the figure is still here to write
                # in the style the section drew it in (its paper_style block may
                # have ended by now), as the child would have written it
                with mpl.rc_context(rc):
                    save_figure(fig, stem, formats=formats, dpi=150)

    def finish_figures(self) -> None:
        """Wait for figures written in the background; write inline any that failed there."""
        self._reap(block=True)
        pending, self._pending = self._pending, []
        try:
            # figures no helper has started yet are written here, last first,
            # while the helpers work through the queue from the front
            stolen = set()
            for i in range(len(pending) - 1, -1, -1):
                future, job = pending[i]
                if future.cancel():
                    stolen.add(i)
                    _save_job(*job)
            for i, (future, job) in enumerate(pending):
                if i in stolen:
                    continue
                try:
                    future.result()
                except Exception:  # noqa: BLE001 - e.g. a broken worker: write it here instead
                    _save_job(*job)
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None

    @staticmethod
    def table_html(df: pd.DataFrame, max_rows: int = 20, float_format: str = "{:.3f}") -> str:
        """An HTML table of the first ``max_rows`` rows, numbers formatted for reading.

        p-value columns print "< 0.001" below 0.001; dates print as years
        when every date is 1 January, as months when every date is a month's
        first day; booleans as yes/no. Wide tables scroll sideways on a phone.
        """
        shown = _readable(df.head(max_rows), float_format)
        out = shown.to_html(index=False, border=0, classes="table", na_rep="", escape=True)
        out = f"<div class='scroll'>{out}</div>"
        if len(df) > max_rows:
            out += f"<p class='note'>Showing {max_rows} of {len(df):,} rows.</p>"
        if "small_cell" in df.columns and df["small_cell"].fillna(False).astype(bool).any():
            from toolkit.stats.aggregation import MIN_DOCS

            out += (
                "<p class='note'>small_cell = yes: fewer than "
                f"{df.attrs.get('params', {}).get('min_docs', MIN_DOCS)} documents; its "
                "bootstrap interval is not a reliable 95% interval (the figures leave it "
                "out).</p>"
            )
        return out

    def figure_html(self, src: str, caption: str) -> str:
        """An ``<figure>`` with the PNG, links to its vector copies and a caption."""
        stem = src[: -len(".png")]
        links = ", ".join(
            f"<a href='{html.escape(stem)}.{f}'>{f.upper()}</a>"
            for f in self.figure_formats
            if f != "png"
        )
        return (
            f"<figure><img src='{html.escape(src)}' alt='{html.escape(caption)}'>"
            f"<figcaption>{html.escape(caption)}"
            + (f" ({links})" if links else "")
            + "</figcaption></figure>"
        )


# Where fork is safe and cheap (Linux, Python < 3.12: later versions warn about
# forking a threaded process), each figure is written by a child forked for it:
# the child already holds the figure, the fonts and the style, so nothing is
# pickled either way (pickling cost about a tenth of a figure's time). Elsewhere
# a pool of fresh interpreters gets each figure pickled.
_FORK_PER_FIGURE = sys.platform == "linux" and sys.version_info < (3, 12)


def _fork_save(fig: Any, stem: Path, formats: tuple[str, ...]) -> int:
    """Write ``fig`` in a forked child; return the child's pid.

    The child exits with status 0 once the files are written, 1 if writing
    failed (the parent then writes the figure itself).
    """
    import os

    pid = os.fork()
    if pid:
        return pid
    status = 1
    try:
        import warnings

        from toolkit.plots import save_figure

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the parent shows warnings, once
            save_figure(fig, stem, formats=formats, dpi=150)
        status = 0
    finally:
        # leave without the parent's exit handlers, buffers or test harness
        os._exit(status)


def _figure_job(fig: Any, stem: Path, formats: tuple[str, ...]) -> tuple | None:
    """What a helper process needs to write ``fig``: the pickled figure and the
    style settings in force now (a section's ``paper_style`` block ends before
    the file is written); None when the figure cannot be pickled (e.g. it holds
    a lambda formatter), so it is written in this process."""
    from toolkit.plots import style

    try:
        data = _pickle_figure(fig)
    except Exception:  # noqa: BLE001 - any pickling failure means "write it here"
        return None
    return data, str(stem), formats, _rc_now(), style._warned_no_cjk


def _pickle_figure(fig: Any) -> bytes:
    """``pickle.dumps(fig)``, with matplotlib's transform links made safe to unpickle.

    Each matplotlib transform keeps its dependants in ``_parents``, a dict
    keyed by ``id(dependant)``, and tells them when it changes (an Axes moved
    by the layout moves its labels). matplotlib pickles those keys as they
    are, so after unpickling they are addresses from the writing process's
    objects. When a transform created later happens to get one of those
    addresses, its entry replaces the old dependant's, which then never hears
    of a change: an Axes label drawn where the Axes was before the layout
    moved it. Rare, and different on every run (2 of 600 figures unpickled
    late in a long test process). Here the dependants are pickled as a list
    and keyed by their new ids when unpickled.
    """
    import copyreg
    import io
    import pickle

    from matplotlib.transforms import TransformNode

    # a reducer per transform class (the table matches exact types), so the
    # figure's other objects are pickled at C speed as before
    table = copyreg.dispatch_table.copy()
    todo = [TransformNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        table[cls] = _reduce_transform
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = table
    pickler.dump(fig)
    return buf.getvalue()


def _reduce_transform(node: Any) -> tuple:
    import copyreg

    state = node.__getstate__()
    state["_parents"] = [p for p in state["_parents"].values() if p is not None]
    return copyreg.__newobj__, (type(node),), state, None, None, _set_transform_state


def _set_transform_state(node: Any, state: dict[str, Any]) -> None:
    """Unpickle a transform: its state, then its dependants keyed by their ids here."""
    import weakref

    dependants = state.pop("_parents")
    node.__dict__.update(state)
    node._parents = {}
    for parent in dependants:
        # what TransformNode.set_children records
        node._parents[id(parent)] = weakref.ref(parent, _forget(node._parents, id(parent)))


def _forget(links: dict[int, Any], key: int) -> Any:
    """A weakref callback that drops ``links[key]`` once the dependant is gone
    (before its address can be given to another object)."""
    return lambda _ref: links.pop(key, None)


def _rc_now() -> dict[str, Any]:
    """The style settings in force now, for writing a figure later in the same style."""
    import matplotlib as mpl

    return {k: v for k, v in mpl.rcParams.items() if k not in {"backend", "backend_fallback"}}


def _save_job(data: bytes, stem: str, formats: tuple[str, ...], rc: dict, quiet_cjk: bool) -> None:
    """Write a pickled figure exactly as :meth:`ReportContext.save_figure` would."""
    import pickle
    import warnings

    import matplotlib as mpl
    import matplotlib.pyplot as plt

    from toolkit.plots import save_figure, style

    style._warned_no_cjk = style._warned_no_cjk or quiet_cjk
    with mpl.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # already shown in the main process
        fig = pickle.loads(data)
        save_figure(fig, stem, formats=formats, dpi=150)
    plt.close(fig)


def _figure_pool(workers: int) -> Any:
    """Processes that write figures; forked where that is safe and cheap."""
    from toolkit._parallel import process_pool

    # fork shares the already imported matplotlib and fonts (no start-up cost)
    return process_pool(workers)


def date_format(values: pd.Series) -> str:
    """strftime format that shows what varies: "%Y" for yearly bins, "%Y-%m" for monthly."""
    d = pd.to_datetime(values.dropna())
    if d.empty:
        return "%Y-%m-%d"
    if ((d.dt.month == 1) & (d.dt.day == 1)).all() and (d == d.dt.normalize()).all():
        return "%Y"
    if (d.dt.day == 1).all() and (d == d.dt.normalize()).all():
        return "%Y-%m"
    return "%Y-%m-%d"


def _readable(df: pd.DataFrame, float_format: str) -> pd.DataFrame:
    """Cells as display text: p-values, dates, booleans and numbers formatted."""
    from toolkit.tables import format_p, is_p_column

    out = pd.DataFrame(index=df.index)
    for c in df.columns:
        col = df[c]
        if pd.api.types.is_bool_dtype(col):
            out[c] = col.map({True: "yes", False: "no"})
        elif pd.api.types.is_datetime64_any_dtype(col):
            out[c] = col.dt.strftime(date_format(col)).fillna("")
        elif pd.api.types.is_float_dtype(col):
            if is_p_column(c):
                out[c] = col.map(lambda v: format_p(v) if pd.notna(v) else "")
            else:
                out[c] = col.map(lambda v: float_format.format(v) if pd.notna(v) else "")
        else:
            out[c] = col
    out.columns = [str(c) for c in df.columns]
    return out


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
    """Section modules found in :mod:`toolkit.report.sections`, in report order.

    Examples
    --------
    >>> [m.__name__.rsplit(".", 1)[1] for m in available_sections()][:2]
    ['overview', 'keyness']
    """
    import toolkit.report.sections as pkg

    mods = [
        importlib.import_module(f"toolkit.report.sections.{m.name}")
        for m in pkgutil.iter_modules(pkg.__path__)
        if not m.name.startswith("_")
    ]
    return sorted(mods, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))


_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.45;overflow-wrap:break-word}
h1{font-size:1.6rem} h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
h2,h3{scroll-margin-top:.5rem}
.scroll{overflow-x:auto;max-width:100%;margin:.5rem 0}
table.table{border-collapse:collapse;font-size:.85rem;margin:0}
table.table td,table.table th{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:right}
table.table td:first-child,table.table th:first-child{text-align:left}
figure{margin:1rem 0} figure img{max-width:100%;height:auto} figcaption{font-size:.85rem;color:#555}
.note{font-size:.85rem;color:#555} .error{background:#fee;padding:.5rem;white-space:pre-wrap}
nav.toc{background:#f6f6f6;padding:.5rem 1rem;border-radius:4px}
nav.toc ul{margin:.2rem 0;padding-left:1.2rem} nav li{margin:.1rem 0}
nav.section-toc{font-size:.85rem;color:#555} nav.section-toc ul{display:flex;flex-wrap:wrap;
gap:.2rem 1rem;list-style:none;padding:0;margin:.3rem 0}
a.top{font-size:.8rem;display:inline-block;margin-top:1rem}
code{overflow-wrap:anywhere}
@media (max-width:40rem){body{margin:.5rem auto;padding:0 .5rem}h1{font-size:1.3rem}
table.table{font-size:.75rem}}
"""


def _subsections(name: str, body: str) -> tuple[str, list[tuple[str, str]]]:
    """Give each ``<h3>`` of a section an id; return the body and (id, title) pairs."""
    import re

    found: list[tuple[str, str]] = []

    def number(m: re.Match) -> str:
        anchor = f"{name}-{len(found) + 1}"
        found.append((anchor, re.sub(r"<[^>]+>", "", m.group(2))))
        return f"<h3{m.group(1)} id='{anchor}'>{m.group(2)}</h3>"

    body = re.sub(r"<h3([^>]*)>(.*?)</h3>", number, body, flags=re.S)
    return body, found


def _apply_outlets(corpus: pd.DataFrame, outlets: Any) -> tuple[pd.DataFrame, int]:
    """Outlet spellings -> the table's canonical names; missing countries filled.

    Returns the corpus and how many documents had their outlet renamed (the
    original spelling is kept in ``outlet_as_loaded``).
    """
    from toolkit.corpus.outlets import normalize_outlet_name, outlet_index

    canonical = outlet_index(outlets)
    corpus = corpus.copy()
    raw = corpus["outlet"].fillna("").astype(str)
    hits = [canonical.get(normalize_outlet_name(o)) if o else None for o in raw]
    new = [h[0] if h else o for h, o in zip(hits, raw, strict=True)]
    renamed = sum(1 for a, b in zip(new, raw, strict=True) if a != b)
    if renamed:
        corpus["outlet_as_loaded"] = raw
    corpus["outlet"] = new
    country = corpus["country"].fillna("").astype(str)
    corpus["country"] = [c or (h[1] if h else "") for c, h in zip(country, hits, strict=True)]
    return corpus, renamed


def _main_language(corpus: pd.DataFrame, language: str | None) -> str | None:
    """The language to compare within: the one asked for, else the most common one
    among documents with text when there are several; None for one language."""
    if "language" not in corpus.columns:
        return language
    ok = corpus["status"].eq("ok") if "status" in corpus.columns else pd.Series(True, corpus.index)
    langs = corpus.loc[ok, "language"].fillna("").astype(str)
    counts = langs[langs != ""].value_counts()
    if language is not None:
        if language not in counts.index:
            raise ValueError(
                f"language={language!r}: no document with text in it; "
                f"languages found: {sorted(counts.index)}"
            )
        return language
    if len(counts) < 2:
        return None
    return sorted(counts.index, key=lambda v: (-counts[v], v))[0]


def build_report(
    source: pd.DataFrame | str | Path | Sequence[str | Path] | None = None,
    out_dir: str | Path = "report",
    *,
    sections: Sequence[str] | None = None,
    progress: bool = True,
    random_state: int = 0,
    compare: Sequence[Any] | None = None,
    outlets: Any = None,
    language: str | None = None,
    columns: dict[str, str] | None = None,
    figure_formats: Sequence[str] = ("png",),
    n_jobs: int | None = None,
) -> Path:
    """Write the HTML report, CSV tables and figures (PNG, optionally PDF/SVG) for a corpus.

    Parameters
    ----------
    source : DataFrame, path, list of paths or None
        A corpus or anything :func:`toolkit.load_corpus` reads (several files
        are read as one corpus); ``None`` uses the bundled demo corpus.
    out_dir : path, default "report"
        Output folder (created; existing files with the same names are replaced).
    sections : list of str, optional
        Names of the section modules to include (e.g. ``["overview"]``); all by default.
    progress : bool, default True
        Show progress bars.
    random_state : int, default 0
        Seed for every resampling step (bootstrap intervals), so reruns match.
    compare : (by, target) or (by, target, reference), optional
        The groups to compare, e.g. ``("country", "KR", "JP")``; reference
        ``None`` (or left out) means all other documents. Default: KR against
        JP outlets when the corpus has both, else the largest group of the
        first column with two values against the rest.
    outlets : mapping or path, optional
        An outlet table (see :func:`toolkit.corpus.outlets.outlet_table`): spellings
        listed as aliases are merged into the outlet's name ("The Guardian",
        "Guardian" -> one outlet), and missing countries are filled from it.
    language : str, optional
        Language code to compare within (keywords, top terms), and the one
        the counts of unreadable documents refer to. Default: the most
        common language among documents with text, when there are several.
    columns : mapping, optional
        Rename your columns to canonical ones (as in :func:`toolkit.load_corpus`).
    figure_formats : sequence of {"png", "pdf", "svg"}, default ("png",)
        Formats of the figure files. The page shows the PNG (always written)
        and links the others; ask for ``("png", "pdf")`` to get figures for a
        manuscript (each vector format roughly doubles the time figures take).
    n_jobs : int, optional
        Processes to use; default all local cores (``-1`` too). With more
        than one, the sections are shared among that many processes (where
        forking is available; elsewhere figures are written by helper
        processes while the next sections compute); the output is the same
        bytes as with ``n_jobs=1``.

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

    corpus, label = _report_corpus(source, columns, outlets)
    renamed = 0
    if outlets is not None:
        corpus, renamed = _apply_outlets(corpus, outlets)
    if compare is not None:
        compare = _check_compare(compare, corpus)
    formats = tuple(dict.fromkeys(str(f).lower().lstrip(".") for f in figure_formats))
    if not set(formats) <= {"png", "pdf", "svg"}:
        raise ValueError(f"figure_formats must be drawn from png, pdf, svg; got {list(formats)}")
    from toolkit._parallel import n_jobs_default, resolve_n_jobs

    jobs = resolve_n_jobs(n_jobs)
    lang = _main_language(corpus, language)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = ReportContext(
        corpus=corpus,
        out_dir=out,
        progress=progress,
        random_state=random_state,
        compare=compare,
        language=lang,
        figure_formats=formats,
        n_jobs=jobs,
    )
    with n_jobs_default(jobs):  # the sections' measures use the report's n_jobs
        parts, nav = _render_sections(_chosen_sections(sections), ctx, progress)
        extra = _notes_html(corpus, ctx, renamed, compare, lang)
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Tone and framing report</title><style>{_CSS}</style></head><body>"
        f"<h1 id='top'>Tone and framing report</h1><p class='note'>Corpus: "
        f"{html.escape(label)}; {len(corpus):,} documents. toolkit {__version__}.</p>"
        f"{extra}<nav class='toc' aria-label='Contents'><strong>Contents</strong>"
        f"<ul>{''.join(nav)}</ul></nav>{''.join(parts)}</body></html>"
    )
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def _report_corpus(
    source: Any, columns: dict[str, str] | None, outlets: Any
) -> tuple[pd.DataFrame, str]:
    """(the corpus, the label the page names it by) for ``build_report``'s source."""
    from toolkit.corpus.load import is_corpus, load_corpus, load_demo

    if source is None:
        label = "bundled demo corpus (constructed teaching articles plus one Yonhap article)"
        return load_demo(), label
    many = not isinstance(source, (pd.DataFrame, str, Path))
    if many:
        source = [Path(p) for p in source]
    # a table with a "status" column of its own is not yet a corpus (issue 12)
    if is_corpus(source) and not columns:
        corpus = source
    else:
        corpus = load_corpus(source, columns=columns, outlets=outlets)
    # a corpus loaded from a file (e.g. by the CLI with --column) names its file
    if many:
        label = ", ".join(p.name for p in source)
    elif isinstance(source, pd.DataFrame):
        label = str(corpus.attrs.get("source", "DataFrame"))
    else:
        label = str(source)
    return corpus, label


def _check_compare(compare: Sequence[Any], corpus: pd.DataFrame) -> tuple:
    """``(by, target, reference)`` with reference None for "the rest"; clear errors."""
    compare = tuple(compare) + (None,) * (3 - len(tuple(compare)))
    if len(compare) != 3 or compare[0] not in corpus.columns:
        raise ValueError(
            f"compare must be (column, target[, reference]) with a corpus "
            f"column; got {compare!r}; columns: {list(corpus.columns)}"
        )
    by_values = set(corpus[compare[0]].dropna().astype(str))
    for side in compare[1:]:
        if side is not None and str(side) not in by_values:
            raise ValueError(
                f"{compare[0]}={side!r} is not in the corpus; values: {sorted(by_values)[:20]}"
            )
    return compare


def _chosen_sections(sections: Sequence[str] | None) -> list:
    """The section modules to build, in report order."""
    mods = available_sections()
    if sections is None:
        return mods
    wanted = set(sections)
    unknown = wanted - {m.__name__.rsplit(".", 1)[1] for m in mods}
    if unknown:
        raise ValueError(f"unknown report sections {sorted(unknown)}")
    return [m for m in mods if m.__name__.rsplit(".", 1)[1] in wanted]


# Rough seconds each section takes on the demo corpus (figures included), so
# the sections shared among processes take about as long in each; a section
# not listed counts as 1.
_SECTION_COST = {
    "overview": 2.3,
    "keyness": 0.9,
    "tone": 0.9,
    "cross_language": 0.1,
    "framing": 2.5,
    "naming": 1.7,
    "sources": 0.6,
}


def _section_name(mod: Any) -> str:
    return mod.__name__.rsplit(".", 1)[1]


# What the sections import on first use (about 0.4 s on 2 cores): imported
# before the sections are shared out, so each process does not pay it again.
_SHARED_IMPORTS = (
    "matplotlib.pyplot",
    "matplotlib.backends.backend_agg",
    "matplotlib._constrained_layout",
    "matplotlib.dates",
    "scipy.sparse.csgraph",
    "toolkit.plots",
    "toolkit.plots.corpus",
    "toolkit.plots.export",
    "toolkit.plots.framing",
    "toolkit.plots.quotes",
    "toolkit.plots.terminology",
    "toolkit.plots.terms",
    "toolkit.plots.tone",
    "toolkit.measures.framing",
    "toolkit.measures.keyterms",
    "toolkit.measures.quotes.english",
    "toolkit.measures.quotes.cjk",
    "toolkit.measures.terminology",
    "toolkit.measures.tone.scoring",
    "toolkit.measures.tone.news",
    "toolkit.measures.tone.vader",
    "toolkit.stats.aggregation",
    "toolkit.stats.contingency",
    "toolkit.stats.groups",
)


def _import_shared() -> None:
    """Import :data:`_SHARED_IMPORTS` (those that exist), and choose the CJK fonts.

    Choosing the fonts reads every installed font's character map (about
    0.25 s); every section's figures use the choice.
    """
    for name in _SHARED_IMPORTS:
        try:
            importlib.import_module(name)
        except ImportError:  # e.g. a module moved: the section imports what it needs
            continue
    from toolkit.plots.style import cjk_fonts

    cjk_fonts()


def _share_sections(mods: list, n: int) -> list[list]:
    """``mods`` dealt into at most ``n`` groups of about equal cost, each in report order.

    Costliest first, each to the group with the least so far (ties: the
    earlier group); the last group is the cheapest, for the report process,
    which assembles the page afterwards.
    """
    costs = {_section_name(m): _SECTION_COST.get(_section_name(m), 1.0) for m in mods}
    groups: list[list] = [[] for _ in range(min(n, len(mods)))]
    load = [0.0] * len(groups)
    for mod in sorted(mods, key=lambda m: -costs[_section_name(m)]):
        i = min(range(len(groups)), key=lambda g: (load[g], g))
        groups[i].append(mod)
        load[i] += costs[_section_name(mod)]
    order = {id(m): k for k, m in enumerate(mods)}
    groups = [sorted(g, key=lambda m: order[id(m)]) for g in groups if g]
    return sorted(groups, key=lambda g: -sum(costs[_section_name(m)] for m in g))


def _build_one(mod: Any, ctx: ReportContext) -> str:
    try:
        return mod.build(ctx)
    except Exception as err:  # one failing section must not sink the report
        return _failure_html(err)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


def _fork_sections(mods: list, ctx: ReportContext) -> tuple[int, int]:
    """Build ``mods`` in a forked child writing to a pipe; return (pid, read end).

    The child sends its sections' HTML and the warnings they raised (pickled)
    and exits 0; the parent builds the sections itself if anything else arrives.
    """
    import os

    read, write = os.pipe()
    _flush()  # or the child would print it again
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    status = 1
    try:
        import pickle
        import warnings

        from toolkit._parallel import n_jobs_default

        os.close(read)
        ctx.n_jobs = 1
        # the caller's filters stay in force (one that turns a warning into an
        # error fails the section here as it would in one process)
        with warnings.catch_warnings(record=True) as caught, n_jobs_default(1):
            bodies = {_section_name(m): _build_one(m, ctx) for m in mods}
            ctx.finish_figures()
        _flush()  # what the sections printed
        shown = [(w.category, str(w.message)) for w in caught]
        data = pickle.dumps((bodies, shown))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        # leave without the parent's exit handlers, buffers or test harness
        os._exit(status)


def _collect_sections(pid: int, read: int) -> tuple[dict[str, str], list] | None:
    """What the child of :func:`_fork_sections` sent; None if it failed."""
    import os
    import pickle

    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()  # before waiting: a full pipe would block the child
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - e.g. cut short: build those sections here
        return None


def _render_sections(mods: list, ctx: ReportContext, progress: bool) -> tuple[list, list]:
    """(the sections' HTML, the table of contents' entries); a failing section shows its error.

    With ``n_jobs`` above 1 (where forking is safe), the sections are shared
    among that many processes (forked children and this one), each building
    its share and writing its figures; the tokens are computed before, once,
    and shared.
    """
    import gc
    import warnings

    parts, nav = [], []
    jobs = ctx.n_jobs
    groups = [mods]
    if 1 < jobs and _FORK_PER_FIGURE and len(mods) > 1:
        groups = _share_sections(mods, jobs)
    children = []
    frozen = False
    if len(groups) > 1:
        from toolkit._parallel import n_jobs_default

        ctx.tokens  # noqa: B018 - computed once here, shared by every process
        _import_shared()
        # what exists now (modules, corpus, tokens) outlives the sections: the
        # garbage collector's full passes skip it (each cost ~0.06 s here),
        # and the children do not copy the pages it would touch
        gc.freeze()
        frozen = True
        children = [(g, _fork_sections(g, ctx)) for g in groups[:-1]]
        # the report process writes its own figures: the children use the other cores
        ctx.n_jobs = max(1, jobs - len(children))
        scope = n_jobs_default(ctx.n_jobs)
    else:
        import contextlib

        scope = contextlib.nullcontext()
    bodies: dict[str, str] = {}
    iterator = groups[-1]
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(iterator, desc="report", unit="section")
    try:
        with scope:
            for mod in iterator:
                bodies[_section_name(mod)] = _build_one(mod, ctx)
            while children:
                group, child = children.pop(0)
                got = _collect_sections(*child)
                if got is None:
                    for mod in group:
                        bodies[_section_name(mod)] = _build_one(mod, ctx)
                else:
                    bodies.update(got[0])
                    for category, message in got[1]:
                        warnings.warn(message, category, stacklevel=2)
    finally:
        for _, child in children:  # this process failed: leave no child behind
            _collect_sections(*child)
        # every figure file is on disk before the page that shows it
        ctx.finish_figures()
        ctx.n_jobs = jobs
        if frozen:
            gc.unfreeze()
    for mod in mods:
        name = _section_name(mod)
        title = getattr(mod, "TITLE", name)
        body, subs = _subsections(name, bodies[name])
        sub_links = "".join(f"<li><a href='#{a}'>{html.escape(t)}</a></li>" for a, t in subs)
        nav.append(
            f"<li><a href='#{name}'>{html.escape(title)}</a>"
            + (f"<ul>{sub_links}</ul>" if subs else "")
            + "</li>"
        )
        local = (
            f"<nav class='section-toc' aria-label='In this section'>In this section:"
            f"<ul>{sub_links}</ul></nav>"
            if len(subs) > 1
            else ""
        )
        parts.append(
            f"<section id='{name}'><h2>{html.escape(title)}</h2>{local}{body}"
            "<a class='top' href='#top'>Back to top ↑</a></section>"
        )
    return parts, nav


def _notes_html(
    corpus: pd.DataFrame, ctx: ReportContext, renamed: int, compare: tuple | None, lang: str | None
) -> str:
    """The notes under the page title: constructed articles, merged outlets, comparison, languages."""
    constructed = bool(corpus.get("constructed", pd.Series(dtype=bool)).fillna(False).any())
    warning = (
        "<p class='note'><strong>Note:</strong> this corpus contains constructed teaching "
        "articles written for this toolkit. Results illustrate the methods and are not "
        "findings about real coverage.</p>"
        if constructed
        else ""
    )
    notes = []
    if renamed:
        notes.append(
            f"{renamed:,} outlet names were merged into the outlet table's spelling "
            "(the original is in the column outlet_as_loaded)."
        )
    if compare is not None:
        ref = "all other documents" if compare[2] is None else f"{compare[0]} = {compare[2]}"
        notes.append(f"Comparison: {compare[0]} = {compare[1]} against {ref}.")
    if lang is not None:
        other = ctx.other_languages()
        if len(other):
            listed = ", ".join(f"{k}: {v:,}" for k, v in other.items())
            notes.append(
                f"Comparisons are made within language '{lang}'; {int(other.sum()):,} "
                f"documents have text in another language ({listed})."
            )
    return warning + "".join(f"<p class='note'>{html.escape(n, quote=False)}</p>" for n in notes)
