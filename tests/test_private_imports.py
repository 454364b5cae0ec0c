"""No module reaches into another package's private names (issue 13 item 6).

A private name (``_x``) or private module (``_common``) is free to change
without notice inside its own package; another package that imports it
breaks silently when it does (scale/partitions once cleared caches through
private names and skipped them when renamed). Within a package (readers
using readers._common, plots using plots._util) is fine, and so is the
package root's ``toolkit._meta`` and ``toolkit._parallel``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import toolkit

ROOT = Path(toolkit.__file__).resolve().parent

# No exceptions: make a name public in its module instead of listing it here.
KNOWN: set[tuple[str, str, str]] = set()


def _package(module: str) -> str:
    """``toolkit.<first part>``: the package a module belongs to."""
    parts = module.split(".")
    return ".".join(parts[:2])


def _private_in(source: str, here: str) -> set[tuple[str, str, str]]:
    """(importer, module, name) of each private import in ``source`` from another package."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("toolkit"):
            continue
        target = node.module
        if _package(target) in (_package(here), "toolkit._meta", "toolkit._parallel"):
            continue
        if any(p.startswith("_") for p in target.split(".")[1:]):
            found.add((here, target, "(private module)"))
        for alias in node.names:
            if alias.name.startswith("_") and not alias.name.endswith("__"):
                found.add((here, target, alias.name))
    return found


def _private_imports() -> set[tuple[str, str, str]]:
    found = set()
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found |= _private_in(path.read_text(encoding="utf-8"), ".".join(parts))
    return found


def test_no_new_private_imports_across_packages():
    new = sorted(_private_imports() - KNOWN)
    assert not new, f"private names imported across packages (make them public): {new}"


def test_the_rule_on_written_lines():
    here = "toolkit.scale.partitions"
    assert _private_in("from toolkit.corpus.load import _read_source, load_corpus", here) == {
        (here, "toolkit.corpus.load", "_read_source")
    }
    assert _private_in("from toolkit.readers._common import CANONICAL_COLUMNS", here) == {
        (here, "toolkit.readers._common", "(private module)")
    }
    assert not _private_in("from toolkit.scale.dask_backend import _x", here)  # same package
    assert not _private_in("from toolkit._meta import attach_attrs", here)
    assert not _private_in("from toolkit import __version__", here)
