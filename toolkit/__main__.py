"""Command line: ``python -m toolkit report|doctor|sections``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m toolkit",
        description="Measure tone and framing in Korea-Japan news coverage.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="write the HTML report, CSV tables and figures")
    rep.add_argument("source", nargs="?", default=None,
                     help="corpus file or folder (default: the bundled demo corpus)")
    rep.add_argument("--out", default="report", help="output folder (default: ./report)")
    rep.add_argument("--sections", default=None,
                     help="comma-separated section names (default: all; see 'sections')")
    rep.add_argument("--column", action="append", default=[], metavar="YOURS=CANONICAL",
                     help="rename a column, e.g. --column body=text (repeatable)")
    rep.add_argument("--no-progress", action="store_true", help="hide progress bars")
    rep.add_argument("--random-state", type=int, default=0, help="seed for bootstrap intervals")
    sub.add_parser("doctor", help="check the installation and optional data")
    sub.add_parser("sections", help="list the report sections")
    args = parser.parse_args(argv)

    if args.command == "doctor":
        from toolkit.doctor import doctor

        return 0 if doctor() else 1
    if args.command == "sections":
        from toolkit.report import available_sections

        for mod in available_sections():
            print(f"{mod.__name__.rsplit('.', 1)[1]:<12} {getattr(mod, 'TITLE', '')}")
        return 0

    from toolkit.report import build_report

    source = args.source
    try:
        _check_paths(source, args.out)
        if source is not None and args.column:
            from toolkit.corpus import load_corpus

            bad = [pair for pair in args.column if "=" not in pair]
            if bad:
                raise ValueError(f"--column takes YOURS=CANONICAL, got {bad}")
            mapping = dict(pair.split("=", 1) for pair in args.column)
            source = load_corpus(source, columns=mapping)
        sections = args.sections.split(",") if args.sections else None
        index = build_report(source, args.out, sections=sections,
                             progress=not args.no_progress, random_state=args.random_state)
    except (ValueError, FileNotFoundError, TypeError) as err:
        # The user's input is wrong: say what, without a traceback.
        print(f"error: {err}", file=sys.stderr)
        return 2
    # Marks the folder as a report so loading a corpus folder around it skips it.
    (index.parent / ".toolkit-report").write_text("written by python -m toolkit report\n",
                                                 encoding="utf-8")
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
            print(f"note: the report folder {out_path} is inside the corpus folder; "
                  "it will be skipped when the corpus is loaded again", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
