"""Bundled data files (lexicons, dictionaries, the demo corpus).

Each file carries a header or a sibling README on where it came from.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_path(*parts: str) -> Path:
    """Path of a bundled data file, e.g. ``data_path("mwes.yaml")``."""
    path = _HERE.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"no bundled data file {'/'.join(parts)!r} under {_HERE}")
    return path
