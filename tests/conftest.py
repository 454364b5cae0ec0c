"""Shared test setup: headless matplotlib, no figure left open after a test, benchmarks."""

import importlib.util
import os
import sys
from collections.abc import Callable
from types import ModuleType

import matplotlib
import pytest
from hypothesis import settings

from tests._paths import BENCHMARKS

# Property tests draw the same examples on every run and machine (rule: same
# input, same result); HYPOTHESIS_PROFILE=explore draws new ones for a bug hunt.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def _load_benchmark(name: str) -> ModuleType:
    path = BENCHMARKS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def load_benchmark() -> Callable[[str], ModuleType]:
    """Import ``benchmarks/<name>.py`` by path (the folder is not a package)."""
    return _load_benchmark


@pytest.fixture
def process_pools(monkeypatch) -> list[int]:
    """Records the worker count of every pool toolkit._parallel starts (proof the parallel path ran)."""
    import toolkit._parallel as parallel

    started: list[int] = []
    real = parallel.process_pool

    def counting(workers: int):
        started.append(workers)
        return real(workers)

    monkeypatch.setattr(parallel, "process_pool", counting)
    return started
