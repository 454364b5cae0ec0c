"""The install files agree, and the README's commands are the ones CI runs."""

import re
import subprocess
import sys

import yaml

from tests._paths import REPO

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

ROOT = REPO


def _name(req: str) -> tuple[str, str]:
    m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", req)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip_deps = dict(
        _name(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]
    )
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda_deps = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for r in dep["pip"]:
                if not r.startswith("-"):
                    conda_deps.update([_name(r)])
        else:
            conda_deps.update([_name(dep)])
    conda_deps.pop("python")
    conda_deps.pop("pip")
    assert conda_deps == pip_deps


def test_doctor_checks_every_runtime_dependency():
    from toolkit.diagnostics import _PACKAGES

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {_name(p)[0] for p in _PACKAGES} == {_name(r)[0] for r in project["dependencies"]}


def test_python_requirement_matches():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert project["requires-python"] == ">=3.10"
    assert "python>=3.10" in env


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quickstart", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [ln.split("#")[0].strip() for ln in quick.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # The last command CI runs is the README's test command, unchanged.
    lines = [ln.strip() for ln in ci.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    assert lines[-1] == "make test"
    assert sum(ln.startswith("make ") for ln in lines) == 1


def test_makefile_targets_install_then_run():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo: setup\n\t\$\(BIN\)/python -m toolkit report", make, re.M)
    assert re.search(r"^test: setup\n\t\$\(BIN\)/python -m pytest", make, re.M)
    assert 'pip install --quiet -e ".[test]"' in make


def test_bundled_data_is_packaged():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = project["tool"]["setuptools"]["package-data"]["toolkit"]
    assert "data/**/*" in data
    assert "plots/*.mplstyle" in data
    assert list((ROOT / "toolkit" / "plots").glob("*.mplstyle"))


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_importing_toolkit_loads_nothing_heavy():
    code = (
        "import sys, toolkit; "
        "print([k for k in ('matplotlib', 'scipy', 'vaderSentiment', 'textblob', 'nltk') "
        "if k in sys.modules])"
    )
    assert _run(code) == "[]"


def test_importing_plots_changes_no_matplotlib_settings():
    code = (
        "import matplotlib; matplotlib.use('Agg'); "
        "before = {k: str(matplotlib.rcParams[k]) for k in matplotlib.rcParams}; "
        "import toolkit.plots; "
        "after = {k: str(matplotlib.rcParams[k]) for k in matplotlib.rcParams}; "
        "print(sorted(k for k in before if before[k] != after[k]))"
    )
    assert _run(code) == "[]"


def test_version_is_written_once_and_citation_agrees():
    """pyproject reads the version from the package; CITATION.cff repeats it."""
    import re

    import toolkit

    root = REPO
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    # no literal version in pyproject: it is read from toolkit.__version__
    assert re.search(r'^version\s*=\s*"', pyproject, flags=re.M) is None
    assert 'dynamic = ["version"]' in pyproject
    cff = (root / "CITATION.cff").read_text(encoding="utf-8")
    cited = re.search(r'^version:\s*"?([^"\n]+)"?', cff, flags=re.M).group(1)
    assert cited == toolkit.__version__
    assert (root / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
