"""The teaching notebooks: stored clean, structured as the course promises, and they run.

Every notebook in ``notebooks/`` and ``notebooks/solutions/`` is executed top to
bottom in a fresh ``python3`` kernel (nbclient), with ``notebooks/`` as the
working directory, and fails on the first cell that raises. The notebooks carry
their own assertions on key facts of the demo corpus, so a run that passes has
also checked those. ``pytest -s`` prints each notebook's execution time.

The notebooks run one after another: each starts its own kernel, and on a
two-core laptop running them in parallel would only make them compete.
"""

from __future__ import annotations

import json
import runpy
import time
from pathlib import Path

import nbclient
import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from tests._paths import REPO

ROOT = REPO
NB_DIR = ROOT / "notebooks"
COURSE = [
    "01_first_look.ipynb",
    "02_keywords.ipynb",
    "03_tone.ipynb",
    "04_framing.ipynb",
    "05_figures_for_papers.ipynb",
    "06_your_own_corpus.ipynb",
    "07_korean_and_japanese.ipynb",
]
SOLUTIONS = [name.replace(".ipynb", "_solutions.ipynb") for name in COURSE]
ALL = [NB_DIR / n for n in COURSE] + [NB_DIR / "solutions" / n for n in SOLUTIONS]
CELL_TIMEOUT = 120  # seconds per cell; a whole notebook takes well under a minute

_strip = runpy.run_path(str(ROOT / "scripts" / "strip_notebooks.py"))


def _ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(NB_DIR).as_posix() for p in paths]


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def test_every_course_notebook_and_solution_exists():
    missing = [p.relative_to(ROOT).as_posix() for p in ALL if not p.exists()]
    assert not missing, f"missing notebooks: {missing}"
    extra = sorted(p.name for p in NB_DIR.glob("*.ipynb") if p.name not in COURSE)
    assert not extra, f"notebooks not listed in the course (add them to COURSE): {extra}"


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_stored_without_outputs_and_clean_metadata(path):
    # The same check as `python scripts/strip_notebooks.py --check`.
    text = path.read_text(encoding="utf-8")
    assert _strip["dumps"](_strip["clean"](json.loads(text))) == text, (
        f"{path.name} is not clean; run: python scripts/strip_notebooks.py {path}"
    )
    nb = json.loads(text)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", [NB_DIR / n for n in COURSE], ids=COURSE)
def test_course_notebook_structure(path):
    nb = _load(path)
    cells = nb["cells"]
    header = _source(cells[0])
    assert cells[0]["cell_type"] == "markdown"
    for part in (
        "What you will be able to do",
        "Prerequisites",
        "Time needed",
        "Data used",
        "Toolkit functions",
    ):
        assert part in header, f"{path.name}: header lacks {part!r}"
    # Wherever the demo corpus is used, the notebook says it is constructed.
    prose = "\n".join(_source(c) for c in cells if c["cell_type"] == "markdown")
    assert "constructed" in prose.lower()
    assert "not a finding" in prose.lower() or "not findings" in prose.lower()
    # Narrative before code: the first code cell comes after some prose.
    first_code = next(i for i, c in enumerate(cells) if c["cell_type"] == "code")
    assert first_code >= 1
    # Ends with exercises whose solutions exist.
    last_md = [c for c in cells if c["cell_type"] == "markdown"][-1]
    assert "Your turn" in _source(last_md)
    assert path.name.replace(".ipynb", "_solutions.ipynb") in _source(last_md)
    # Figures come from toolkit.plots and global rcParams are never touched.
    code = "\n".join(_source(c) for c in cells if c["cell_type"] == "code")
    assert "rcParams" not in code and "plt.style.use" not in code
    assert "plt.show()" not in code


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_notebook_runs(path):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NB_DIR)}},
    )
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as err:
        pytest.fail(f"{path.relative_to(NB_DIR)} failed:\n{err}", pytrace=False)
    elapsed = time.perf_counter() - start
    print(f"\n{path.relative_to(NB_DIR).as_posix()}: executed in {elapsed:.1f} s")
    errors = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors
    # an option name the toolkit renamed (docs/conventions.md) warns on stderr
    old_names = [
        o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("name") == "stderr" and "after version 0.4" in o.get("text", "")
    ]
    assert not old_names, old_names
