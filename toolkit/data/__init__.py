"""Bundled data files (lexicons, dictionaries, the demo corpus).

Each file carries a header or a sibling README on where it came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import yaml

_HERE = Path(__file__).resolve().parent

# libyaml's parser when PyYAML was built with it (the PyPI wheels are): the
# same safe loading as yaml.SafeLoader, about ten times faster, which is most
# of what a first call to the tokenizer or the loader costs.
YAML_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(*parts: str) -> Path:
    """Path of a bundled data file, e.g. ``data_path("mwes.yaml")``."""
    path = _HERE.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"no bundled data file {'/'.join(parts)!r} under {_HERE}")
    return path


def read_yaml(source: str | Path | IO[str]) -> Any:
    """The YAML document of a file (a path) or an open text stream, safely loaded.

    Every YAML file the toolkit reads goes through here, so they are all read
    by the fastest safe loader PyYAML has (:data:`YAML_LOADER`).

    Parameters
    ----------
    source : str, Path or text stream
        A file path, or a stream opened for reading text.

    Returns
    -------
    object
        What ``yaml.safe_load`` returns for the same text.

    Examples
    --------
    >>> "North Korea" in str(read_yaml(data_path("mwes.yaml")))
    True
    >>> import io
    >>> read_yaml(io.StringIO("a: [1, 2.5, yes]"))
    {'a': [1, 2.5, True]}
    """
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8") as fh:
            return yaml.load(fh.read(), Loader=YAML_LOADER)  # noqa: S506 (a safe loader)
    return yaml.load(source.read(), Loader=YAML_LOADER)  # noqa: S506 (a safe loader)
