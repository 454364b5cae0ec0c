"""The test suite; folders mirror the ``toolkit`` package."""
