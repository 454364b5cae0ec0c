"""Statistics shared by the measures.

- :mod:`toolkit.stats.aggregation` (``aggregate``, ``difference``: group means,
  shares and bootstrap intervals by article).
"""
