"""Where the tests find things: the repository, its fixtures and ``../shared``.

``../shared`` (read-only, beside the project root) holds the real development
data; tests that read it are marked ``needs_shared`` and skip only when the
folder is absent.
"""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
BENCHMARKS = REPO / "benchmarks"
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
EXPORTS = SHARED / "samples" / "exports"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")
