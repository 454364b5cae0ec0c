"""Command line: ``python -m toolkit report|doctor|sections``."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

_REPORT_EXAMPLES = """\
examples:
  python -m toolkit report
      the bundled demo corpus, into ./report
  python -m toolkit report articles.csv --out my_report
  python -m toolkit report nexis_2019.docx nexis_2020.docx factiva.html
      several exports read as one corpus
  python -m toolkit report corpus/ --by country --target KR --reference JP
      keywords of Korean against Japanese outlets
  python -m toolkit report corpus.csv --by outlet --target "Korea Herald"
      one outlet against all other documents
  python -m toolkit report corpus.csv --outlets my_outlets.tsv --language en
      outlet spellings and countries from a table (columns outlet, country,
      aliases separated by |); compare within English-language articles
  python -m toolkit report data.csv --column body=text --column paper=outlet
"""


def main(argv: Sequence[str] | None = None) -> int:
    from toolkit import __version__

    parser = argparse.ArgumentParser(
        prog="python -m toolkit",
        description="Measure tone and framing in Korea-Japan news coverage.",
        epilog="Run 'python -m toolkit report --help' for the report's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser(
        "report",
        help="write the HTML report, CSV tables and figures",
        description="Write an HTML report (with CSV tables and PNG figures, PDF/SVG on request) "
        "for a corpus.",
        epilog=_REPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rep.add_argument(
        "source",
        nargs="*",
        default=None,
        help="corpus file(s) or folder (default: the bundled demo corpus); "
        "several files are read as one corpus",
    )
    rep.add_argument("--out", default="report", help="output folder (default: ./report)")
    rep.add_argument(
        "--sections",
        default=None,
        help="comma-separated section names (default: all; see 'sections')",
    )
    rep.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="YOURS=CANONICAL",
        help="rename a column, e.g. --column body=text (repeatable)",
    )
    rep.add_argument(
        "--by",
        default=None,
        metavar="COLUMN",
        help="column whose groups are compared (e.g. country, outlet)",
    )
    rep.add_argument(
        "--target", default=None, metavar="VALUE", help="the group of --by to describe (e.g. KR)"
    )
    rep.add_argument(
        "--reference",
        default=None,
        metavar="VALUE",
        help="the group to compare it with (default: all other documents)",
    )
    rep.add_argument(
        "--outlets",
        default=None,
        metavar="TABLE.tsv",
        help="outlet table (tab-separated: outlet, country[, kind, aliases]) "
        "to merge spellings and fill countries",
    )
    rep.add_argument(
        "--language",
        default=None,
        metavar="CODE",
        help="compare within this language (e.g. en, ko, ja; default: the "
        "most common one when the corpus mixes languages)",
    )
    rep.add_argument("--no-progress", action="store_true", help="hide progress bars")
    rep.add_argument("--random-state", type=int, default=0, help="seed for bootstrap intervals")
    rep.add_argument(
        "--n-jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes to use (default: all cores; 1 = this process only)",
    )
    rep.add_argument(
        "--figures",
        default="png",
        metavar="FORMATS",
        help="figure formats, comma-separated from png,pdf,svg (default: png; "
        "add pdf for figures to put in a manuscript)",
    )
    sub.add_parser("doctor", help="check the installation and optional data")
    sub.add_parser("sections", help="list the report sections")
    args = parser.parse_args(argv)

    if args.command == "doctor":
        from toolkit.diagnostics import doctor

        return 0 if doctor() else 1
    if args.command == "sections":
        from toolkit.report.build import available_sections

        for mod in available_sections():
            print(f"{mod.__name__.rsplit('.', 1)[1]:<12} {getattr(mod, 'TITLE', '')}")
        return 0

    from toolkit.report.build import build_report

    sources = list(args.source or [])
    source = None if not sources else sources[0] if len(sources) == 1 else sources
    try:
        for one in sources or [None]:
            _check_paths(one, args.out)
        if (args.target is None) != (args.by is None) or (
            args.reference is not None and args.by is None
        ):
            raise ValueError("--by and --target go together (--reference is optional)")
        compare = None if args.by is None else (args.by, args.target, args.reference)
        bad = [pair for pair in args.column if "=" not in pair]
        if bad:
            raise ValueError(f"--column takes YOURS=CANONICAL, got {bad}")
        mapping = dict(pair.split("=", 1) for pair in args.column) or None
        if mapping and source is None:
            raise ValueError("--column needs a corpus file")
        sections = args.sections.split(",") if args.sections else None
        index = build_report(
            source,
            args.out,
            sections=sections,
            progress=not args.no_progress,
            random_state=args.random_state,
            compare=compare,
            outlets=args.outlets,
            language=args.language,
            columns=mapping,
            figure_formats=["png", *args.figures.split(",")],
            n_jobs=args.n_jobs,
        )
    except (ValueError, FileNotFoundError, TypeError) as err:
        # The user's input is wrong: say what, without a traceback.
        print(f"error: {err}", file=sys.stderr)
        return 2
    # Marks the folder as a report so loading a corpus folder around it skips it.
    (index.parent / ".toolkit-report").write_text(
        "written by python -m toolkit report\n", encoding="utf-8"
    )
    print(f"Report written to {index}")
    return 0


def _check_paths(source: str | None, out: str) -> None:
    """Refuse an --out that is a file, or a source that does not exist, before any work."""
    from pathlib import Path

    out_path = Path(out).expanduser()
    if out_path.exists() and not out_path.is_dir():
        raise ValueError(f"--out {out_path} is an existing file; give a folder for the report")
    if source is not None:
        src = Path(source).expanduser()
        if not src.exists():
            raise FileNotFoundError(f"no such file or folder: {src}")
        if src.is_dir() and out_path.resolve().is_relative_to(src.resolve()):
            print(
                f"note: the report folder {out_path} is inside the corpus folder; "
                "it will be skipped when the corpus is loaded again",
                file=sys.stderr,
            )


if __name__ == "__main__":
    status = main()
    # exiting: the interpreter's last garbage collection need not visit
    # everything the command made (about 0.15 s after a report)
    gc.freeze()
    sys.exit(status)
