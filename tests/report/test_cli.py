"""The main job: ``python -m toolkit report`` and its command line."""

import subprocess
import sys
import types
from pathlib import Path

import pandas as pd
import pytest

from toolkit.report import build as report_mod
from toolkit.report.build import available_sections, build_report


def run_cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args], capture_output=True, text=True, cwd=cwd
    )


def _first_difference(a: Path, b: Path) -> str:
    """Where two files first differ, shown as text: these tests have failed
    rarely and never reproduced, so a failure must say what differed."""
    x, y = a.read_bytes(), b.read_bytes()
    at = next(
        (i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y))
    )
    return (
        f"{a.name}: {len(x)} vs {len(y)} bytes, first difference at byte {at}: "
        f"{x[max(0, at - 60) : at + 60]!r} vs {y[max(0, at - 60) : at + 60]!r}"
    )


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    """The full report on the bundled demo corpus, built once for this module."""
    out = tmp_path_factory.mktemp("demo_report")
    index = build_report(out_dir=out, progress=False)
    return out, index.read_text(encoding="utf-8")


def test_full_demo_report_has_every_section_and_no_failures(demo_report):
    out, page = demo_report
    names = [m.__name__.rsplit(".", 1)[1] for m in available_sections()]
    assert "overview" in names and len(names) >= 2
    for name in names:
        assert f"<section id='{name}'>" in page
    assert "This section failed" not in page
    assert "not findings about real coverage" in page
    pngs = sorted((out / "figures").glob("*.png"))
    assert pngs, "the report should contain figures"
    for png in pngs:
        # PNG only by default: vector copies are asked for (figure_formats)
        assert not png.with_suffix(".pdf").exists()
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"figures/{png.name}" in page
    assert ">PDF</a>" not in page
    assert list((out / "tables").glob("*.csv"))


def test_overview_tables_account_for_every_document(demo_report):
    out, _ = demo_report
    counts = pd.read_csv(out / "tables" / "overview_articles_per_outlet.csv")
    assert counts["n"].sum() == 121  # 120 constructed + the Yonhap article
    assert counts.set_index("outlet").loc["Yonhap", "n"] == 1


def test_cli_report_on_a_user_csv(tmp_path):
    csv = tmp_path / "mine.csv"
    pd.DataFrame(
        {
            "body": ["Seoul and Tokyo held talks on Tuesday.", "", "Tokyo protested again."],
            "paper": ["Chosun Ilbo", "Asahi Shimbun", "Yomiuri Shimbun"],
            "published": ["2019-08-02", "2019-08-03", "2019-08-04"],
        }
    ).to_csv(csv, index=False)
    res = run_cli(
        "report",
        str(csv),
        "--out",
        str(tmp_path / "rep"),
        "--sections",
        "overview",
        "--column",
        "body=text",
        "--column",
        "paper=outlet",
        "--no-progress",
    )
    assert res.returncode == 0, res.stderr
    index = tmp_path / "rep" / "index.html"
    assert index.exists()
    page = index.read_text(encoding="utf-8")
    assert "3 documents" in page
    assert "constructed teaching" not in page
    assert "mine.csv" in page  # the page names the file, also when --column renamed columns


def test_cli_reports_a_missing_text_column_clearly(tmp_path):
    csv = tmp_path / "bad.csv"
    pd.DataFrame({"headline": ["x"]}).to_csv(csv, index=False)
    res = run_cli("report", str(csv), "--out", str(tmp_path / "rep"), "--no-progress")
    assert res.returncode != 0
    assert "no text column" in res.stderr and "headline" in res.stderr


def test_cli_doctor_and_sections():
    res = run_cli("doctor")
    assert res.returncode == 0, res.stdout
    assert "nltk data punkt_tab" in res.stdout
    # the doctor suggests no change to SSL settings (a common, unsafe "fix" for downloads)
    assert "ssl" not in res.stdout.lower()
    res = run_cli("sections")
    assert res.returncode == 0
    assert res.stdout.splitlines()[0].startswith("overview")


def test_doctor_reports_the_cjk_fonts_the_plots_use(monkeypatch):
    import toolkit.plots.style as style
    from toolkit.diagnostics import check_environment

    def rows():
        return {r["check"]: r for r in check_environment() if r["check"].endswith("label font")}

    def font(family, hangul, kana, kanji, chosen=True):
        return {
            "family": family,
            "path": family,
            "truetype": True,
            "hangul": hangul,
            "kana": kana,
            "kanji": kanji,
            "chosen": chosen,
        }

    monkeypatch.setattr(
        style,
        "cjk_font_coverage",
        lambda: [font("NanumGothic", 11172, 169, 2443), font("IPAexGothic", 0, 169, 2965)],
    )
    got = rows()
    assert got["Korean label font"]["status"] == "ok"
    assert got["Korean label font"]["detail"].startswith("NanumGothic: 11,172/11,172 Hangul")
    assert got["Japanese label font"]["detail"].startswith("IPAexGothic: 0/11,172 Hangul")
    # the case: a "fallback" font with 3 Hangul syllables is not an ok Korean font
    monkeypatch.setattr(
        style, "cjk_font_coverage", lambda: [font("Droid Sans Fallback", 3, 169, 2965)]
    )
    got = rows()
    assert got["Korean label font"]["status"] == "optional"
    assert "3/11,172 Hangul" in got["Korean label font"]["detail"]
    assert got["Japanese label font"]["status"] == "ok"
    monkeypatch.setattr(style, "cjk_font_coverage", lambda: [])
    assert all(
        r["status"] == "optional" and r["detail"].startswith("none found") for r in rows().values()
    )


def test_unknown_section_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="unknown report sections"):
        build_report(out_dir=tmp_path, sections=["nope"], progress=False)


def test_a_failing_section_is_reported_not_fatal(tmp_path, monkeypatch):
    def boom(ctx):
        raise RuntimeError("measure exploded")

    def fine(ctx):
        return "<p>fine section</p>"

    fake = [
        types.SimpleNamespace(__name__="toolkit.report.sections.a", TITLE="A", ORDER=1, build=boom),
        types.SimpleNamespace(__name__="toolkit.report.sections.b", TITLE="B", ORDER=2, build=fine),
    ]
    monkeypatch.setattr(report_mod, "available_sections", lambda: fake)
    corpus = pd.DataFrame({"text": ["Seoul met Tokyo."]})
    page = build_report(corpus, tmp_path, progress=False).read_text(encoding="utf-8")
    assert "This section failed: RuntimeError: measure exploded" in page
    assert "<p>fine section</p>" in page


def test_report_is_deterministic(tmp_path):
    corpus = pd.DataFrame(
        {
            "text": ["Seoul met Tokyo.", "Tokyo met Seoul again."],
            "outlet": ["Yonhap", "Kyodo"],
            "date": ["2019-01-01", "2019-02-01"],
        }
    )
    a = build_report(corpus, tmp_path / "a", sections=["overview"], progress=False)
    b = build_report(corpus, tmp_path / "b", sections=["overview"], progress=False)
    assert a.read_bytes() == b.read_bytes()
    for csv in sorted((tmp_path / "a" / "tables").glob("*.csv")):
        assert csv.read_bytes() == (tmp_path / "b" / "tables" / csv.name).read_bytes()


def test_every_report_section_module_follows_the_contract():
    for mod in available_sections():
        assert isinstance(mod.TITLE, str) and mod.TITLE
        assert isinstance(mod.ORDER, int)
        assert callable(mod.build)
        assert Path(mod.__file__).parent.name == "sections"


def test_demo_report_reads_like_a_paper(demo_report):
    out, page = demo_report
    assert "col_0" not in page
    assert "<meta name='viewport'" in page and "<nav class='toc'" in page
    # yearly bins print as years, p-values below 0.001 as "< 0.001"
    assert "<td>2015</td>" in page and "<td>2015-01</td>" not in page
    assert "&lt; 0.001" in page
    # Yonhap has one article: flagged as a small cell in the table and the CSV
    by_outlet = pd.read_csv(out / "tables" / "tone_by_outlet.csv").set_index("outlet")
    assert bool(by_outlet.loc["Yonhap", "small_cell"]) and by_outlet.loc["Yonhap", "n_docs"] == 1
    assert "fewer than 5 documents" in page


def test_report_writes_and_links_the_vector_formats_asked_for(tmp_path):
    corpus = pd.DataFrame(
        {
            "text": ["Seoul met Tokyo.", "Tokyo met Seoul again."],
            "outlet": ["Yonhap", "Kyodo"],
            "date": ["2019-01-01", "2019-02-01"],
        }
    )
    page = build_report(
        corpus, tmp_path, sections=["overview"], progress=False, figure_formats=("pdf", "svg")
    ).read_text(encoding="utf-8")
    pngs = sorted((tmp_path / "figures").glob("*.png"))
    assert pngs
    for png in pngs:
        assert png.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
        assert b"<svg" in png.with_suffix(".svg").read_bytes()
        stem = f"figures/{png.stem}"
        assert f"href='{stem}.pdf'>PDF</a>" in page and f"href='{stem}.svg'>SVG</a>" in page


def test_report_rejects_an_unknown_figure_format(tmp_path):
    with pytest.raises(ValueError, match="figure_formats"):
        build_report(
            pd.DataFrame({"text": ["Seoul."]}),
            tmp_path,
            sections=["overview"],
            progress=False,
            figure_formats=("png", "jpg"),
        )


def test_cli_figures_option_writes_pdfs(tmp_path):
    csv = tmp_path / "mine.csv"
    pd.DataFrame(
        {"text": ["Seoul and Tokyo held talks.", "Tokyo protested."], "outlet": ["Yonhap", "Kyodo"]}
    ).to_csv(csv, index=False)
    res = run_cli(
        "report",
        str(csv),
        "--out",
        str(tmp_path / "rep"),
        "--sections",
        "overview",
        "--figures",
        "pdf",
        "--no-progress",
    )
    assert res.returncode == 0, res.stderr
    pngs = sorted((tmp_path / "rep" / "figures").glob("*.png"))
    assert pngs and all(p.with_suffix(".pdf").exists() for p in pngs)


def test_figures_written_by_helper_processes_are_the_same_bytes(tmp_path):
    corpus = pd.DataFrame(
        {
            "text": ["Seoul met Tokyo.", "Tokyo met Seoul again.", "Talks."],
            "outlet": ["Yonhap", "Kyodo", "Yonhap"],
            "date": ["2019-01-01", "2019-02-01", "2019-03-01"],
        }
    )
    build_report(
        corpus,
        tmp_path / "one",
        sections=["overview", "keyness"],
        progress=False,
        n_jobs=1,
        figure_formats=("pdf",),
    )
    build_report(
        corpus,
        tmp_path / "two",
        sections=["overview", "keyness"],
        progress=False,
        n_jobs=2,
        figure_formats=("pdf",),
    )
    one = sorted(p.name for p in (tmp_path / "one" / "figures").iterdir())
    assert one == sorted(p.name for p in (tmp_path / "two" / "figures").iterdir())
    assert any(n.endswith(".png") for n in one) and any(n.endswith(".pdf") for n in one)
    for name in one:
        one_file, two_file = (
            tmp_path / "one" / "figures" / name,
            tmp_path / "two" / "figures" / name,
        )
        assert one_file.read_bytes() == two_file.read_bytes(), _first_difference(one_file, two_file)
    assert (tmp_path / "one" / "index.html").read_bytes() == (
        tmp_path / "two" / "index.html"
    ).read_bytes()


def test_report_rejects_a_bad_n_jobs(tmp_path):
    with pytest.raises(ValueError, match="n_jobs"):
        build_report(
            pd.DataFrame({"text": ["Seoul."]}),
            tmp_path,
            sections=["overview"],
            progress=False,
            n_jobs=0,
        )


def test_figures_still_queued_at_the_end_are_written_by_the_report_process(tmp_path):
    # finish_figures takes back the figures no helper has started (a future
    # that can still be cancelled) and writes them itself: same files as
    # writing each figure inline
    import threading
    from concurrent.futures import Future

    import matplotlib.pyplot as plt

    from toolkit.plots import paper_style, plot_counts, save_figure

    counts = pd.DataFrame({"outlet": ["Daily A", "Times B"], "n": [4, 1]})
    ctx = report_mod.ReportContext(corpus=pd.DataFrame(), out_dir=tmp_path, n_jobs=2)
    queued = []
    for name in ("first", "second"):
        with paper_style():
            fig = plot_counts(counts, x="outlet").figure
            job = report_mod._figure_job(fig, tmp_path / "figures" / name, ("png", "svg"))
            save_figure(fig, tmp_path / "inline" / name, formats=("png", "svg"), dpi=150)
        plt.close(fig)
        queued.append((Future(), job))  # never started: as if the helper were busy
    ctx._pending = queued
    # without the take-back, waiting on a never-started future would hang: fail instead
    timer = threading.Timer(
        20, lambda: [f.set_exception(TimeoutError()) for f, _ in queued if not f.done()]
    )
    timer.start()
    try:
        ctx.finish_figures()
    finally:
        timer.cancel()
    assert all(f.cancelled() for f, _ in queued)
    for name in ("first", "second"):
        for ext in ("png", "svg"):
            written, inline = (tmp_path / d / f"{name}.{ext}" for d in ("figures", "inline"))
            assert written.read_bytes() == inline.read_bytes(), _first_difference(written, inline)


@pytest.fixture
def helpers_cannot_write(monkeypatch):
    """Writing a figure fails in any process but this one (a crash standing in
    for an out-of-memory kill of a helper)."""
    import os

    import toolkit.plots

    parent = os.getpid()
    real = toolkit.plots.save_figure

    def fails_in_helpers(*args, **kwargs):
        if os.getpid() != parent:
            raise RuntimeError("a helper that cannot write")
        return real(*args, **kwargs)

    monkeypatch.setattr(toolkit.plots, "save_figure", fails_in_helpers)


def test_a_figure_a_helper_failed_to_write_is_written_by_the_report_process(
    tmp_path, helpers_cannot_write
):
    # every figure written in a helper fails there (a crash stands in for an
    # out-of-memory kill); the report writes each one itself, same bytes as n_jobs=1
    corpus = pd.DataFrame(
        {
            "text": ["Seoul met Tokyo.", "Tokyo met Seoul again.", "Talks."],
            "outlet": ["Yonhap", "Kyodo", "Yonhap"],
            "date": ["2019-01-01", "2019-02-01", "2019-03-01"],
        }
    )
    for name, jobs in (("one", 1), ("two", 2)):
        build_report(corpus, tmp_path / name, sections=["overview"], progress=False, n_jobs=jobs)
    one = sorted(p.name for p in (tmp_path / "one" / "figures").iterdir())
    assert len(one) == 4  # outlets, months, lengths, top terms (hand count of the section)
    for name in one:
        assert (tmp_path / "one" / "figures" / name).read_bytes() == (
            tmp_path / "two" / "figures" / name
        ).read_bytes(), name


@pytest.mark.skipif(
    not report_mod._FORK_PER_FIGURE,
    reason="figures go to forked children only on Linux, Python < 3.12",
)
def test_a_figure_its_child_failed_to_write_keeps_its_section_style(tmp_path, helpers_cannot_write):
    # the report process finds the failed child only later, after the section's
    # paper_style block has ended (this is what made the test above flaky under
    # load): it must still write the figure in the style it was drawn in
    import matplotlib.pyplot as plt

    from toolkit.plots import paper_style, plot_counts, save_figure

    counts = pd.DataFrame({"outlet": ["Daily A", "Times B"], "n": [4, 1]})
    ctx = report_mod.ReportContext(corpus=pd.DataFrame(), out_dir=tmp_path, n_jobs=2)
    with paper_style():
        fig = plot_counts(counts, x="outlet").figure
        save_figure(fig, tmp_path / "inline" / "counts", formats=("png",), dpi=150)
        ctx.save_figure(fig, "counts")  # a child is forked for it, and fails
    assert len(ctx._children) == 1
    ctx.finish_figures()  # outside the style block
    plt.close("all")
    written, inline = tmp_path / "figures" / "counts.png", tmp_path / "inline" / "counts.png"
    assert written.read_bytes() == inline.read_bytes(), _first_difference(written, inline)


_TWO_OUTLETS = pd.DataFrame(
    {
        "text": ["Seoul met Tokyo.", "Tokyo met Seoul again.", "Talks."],
        "outlet": ["Yonhap", "Kyodo", "Yonhap"],
        "date": ["2019-01-01", "2019-02-01", "2019-03-01"],
    }
)


def test_sections_are_shared_between_processes_and_their_warnings_reach_the_caller(
    tmp_path, monkeypatch
):
    import os
    import warnings

    import toolkit.report.sections.keyness as keyness
    import toolkit.report.sections.overview as overview

    pids = tmp_path / "pids.txt"
    for mod in (overview, keyness):

        def noted(ctx, real=mod.build, name=mod.__name__):
            with pids.open("a") as f:
                f.write(f"{os.getpid()}\n")
            warnings.warn(f"built {name}", UserWarning, stacklevel=1)
            return real(ctx)

        monkeypatch.setattr(mod, "build", noted)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build_report(
            _TWO_OUTLETS,
            tmp_path / "two",
            sections=["overview", "keyness"],
            progress=False,
            n_jobs=2,
        )
    # two sections, two processes, one of them this one
    built = pids.read_text().split()
    assert len(built) == 2 and len(set(built)) == 2 and str(os.getpid()) in built
    shown = {str(w.message) for w in caught}
    assert {f"built {m.__name__}" for m in (overview, keyness)} <= shown
    import gc

    assert gc.get_freeze_count() == 0  # the caller's objects are collectable again


def test_sections_a_child_failed_to_build_are_built_by_the_report_process(tmp_path, monkeypatch):
    # a child dies in its section (as if killed for memory): the report builds
    # that section itself and the page and files are those of n_jobs=1
    import os

    import toolkit.report.sections.keyness as keyness
    import toolkit.report.sections.overview as overview

    parent = os.getpid()
    for mod in (overview, keyness):

        def dies_in_children(ctx, real=mod.build):
            if os.getpid() != parent:
                os._exit(3)
            return real(ctx)

        monkeypatch.setattr(mod, "build", dies_in_children)
    for name, jobs in (("one", 1), ("two", 2)):
        build_report(
            _TWO_OUTLETS,
            tmp_path / name,
            sections=["overview", "keyness"],
            progress=False,
            n_jobs=jobs,
        )
    one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.*"))
    assert one == sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*.*"))
    assert any(p.name.startswith("keyness") for p in one)
    assert any(p.name.startswith("overview") for p in one)
    for rel in one:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes(), rel


def test_sections_are_dealt_into_groups_of_about_equal_cost(monkeypatch):
    from types import SimpleNamespace

    monkeypatch.setattr(report_mod, "_SECTION_COST", {"a": 3.0, "b": 2.0, "c": 2.0, "d": 1.0})
    mods = [SimpleNamespace(__name__=f"toolkit.report.sections.{n}") for n in "abcd"]

    def names(groups):
        return [[m.__name__[-1] for m in g] for g in groups]

    # by hand, costliest first to the least loaded group (ties: the earlier
    # group), each group in report order, the costliest group first
    assert names(report_mod._share_sections(mods, 2)) == [["a", "d"], ["b", "c"]]
    assert names(report_mod._share_sections(mods, 3)) == [["a"], ["b", "d"], ["c"]]
    assert names(report_mod._share_sections(mods, 9)) == [["a"], ["b"], ["c"], ["d"]]
    assert names(report_mod._share_sections(mods[:1], 2)) == [["a"]]


def test_a_warning_made_an_error_fails_its_section_whatever_the_number_of_processes(
    tmp_path, monkeypatch
):
    import warnings

    import toolkit.report.sections.keyness as keyness
    import toolkit.report.sections.overview as overview

    for mod in (overview, keyness):

        def warns(ctx, real=mod.build):
            warnings.warn("a constructed warning", UserWarning, stacklevel=1)
            return real(ctx)

        monkeypatch.setattr(mod, "build", warns)
    pages = []
    for jobs in (1, 2):
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message="a constructed warning")
            index = build_report(
                _TWO_OUTLETS,
                tmp_path / str(jobs),
                sections=["overview", "keyness"],
                progress=False,
                n_jobs=jobs,
            )
        pages.append(index.read_text(encoding="utf-8"))
    assert pages[0].count("This section failed") == 2
    assert pages[0] == pages[1]
