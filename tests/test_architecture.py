"""The package's shape, read from the source: layers, no import cycles, no name clashes.

Every ``import`` statement counts, including those inside functions: an import
that is only deferred is still a dependency, and deferring imports is how
cycles hid before (issue 13).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import toolkit

ROOT = Path(toolkit.__file__).resolve().parent

# Lower layers never import higher ones; a package may import its own layer's
# packages (e.g. measures.supervised uses measures.framing) as long as no cycle forms.
LAYERS: list[set[str]] = [
    {"toolkit", "toolkit._meta", "toolkit._parallel", "toolkit.data"},
    {"toolkit.text", "toolkit.stats", "toolkit.tables"},
    {"toolkit.readers"},
    {"toolkit.corpus"},
    {"toolkit.tokens"},
    {"toolkit.lexicons"},
    {"toolkit.measures"},
    {"toolkit.validity"},
    {"toolkit.plots"},
    {"toolkit.report", "toolkit.scale"},
    {"toolkit.diagnostics", "toolkit.__main__"},
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every toolkit import."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            out.append(("<relative>", [], node.lineno))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("toolkit"):
            out.append((node.module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("toolkit")]
    return out


def _layer(module: str) -> int:
    parts = module.split(".")
    for depth in range(len(parts), 0, -1):
        prefix = ".".join(parts[:depth])
        for i, layer in enumerate(LAYERS):
            if prefix in layer:
                return i
    raise AssertionError(f"{module} is in no layer: add its package to LAYERS")


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for mod, path in MODULES.items():
        for target, names, _ in _imports(path):
            edges[mod].add(target)
            # ``from toolkit.plots import style`` imports the submodule too
            edges[mod].update(f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES)
    return edges


def test_every_package_has_a_layer():
    for mod in MODULES:
        _layer(mod)


def test_imports_are_absolute():
    relative = [
        f"{mod}:{line}"
        for mod, p in MODULES.items()
        for t, _, line in _imports(p)
        if t == "<relative>"
    ]
    assert relative == []


def test_no_import_reaches_a_higher_layer():
    upward = []
    for mod, path in MODULES.items():
        for target, names, line in _imports(path):
            if target == "toolkit":
                # the root is the lazy public API; below it only the version may be read
                names = [n for n in names if n != "__version__"]
                if any(f"toolkit.{n}" not in MODULES for n in names):
                    upward.append(f"{mod}:{line} imports {names} from the package root")
                    continue
                targets = [f"toolkit.{n}" for n in names]
            else:
                targets = [target]
            for target in targets:
                if _layer(target) > _layer(mod):
                    upward.append(f"{mod}:{line} imports {target}")
    assert upward == []


def test_layer_check_catches_an_upward_import():
    # the rule itself, on a made-up edge: readers (layer 2) importing a measure (layer 6)
    assert _layer("toolkit.measures.framing") > _layer("toolkit.readers.factiva")
    assert _layer("toolkit.text.decode") < _layer("toolkit.corpus.load")


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in edges:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_cycle_finder_on_a_hand_made_graph():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    edges = _edges()
    # a package's __init__ importing its own submodules is how packages work,
    # not a cycle; drop the submodule -> parent edge that closes that loop
    for mod in edges:
        edges[mod] = {t for t in edges[mod] if not (t in MODULES and mod.startswith(t + "."))}
    assert _cycles(edges) == []


def test_no_module_is_named_like_a_function_it_exports():
    clashes = []
    for mod in MODULES:
        leaf = mod.rsplit(".", 1)[-1]
        module = importlib.import_module(mod)
        if callable(vars(module).get(leaf)):
            clashes.append(mod)
    assert clashes == []


@pytest.mark.parametrize("name", sorted(set(toolkit.__all__) - {"__version__"}))
def test_public_names_resolve_and_are_not_modules(name):
    value = getattr(toolkit, name)
    assert not isinstance(value, type(toolkit))
    # the export table names the module that really defines it
    assert value.__module__ == toolkit._EXPORTS[name] or name in {"paper_style", "save_figure"}
    assert f"toolkit.{name}" not in MODULES
