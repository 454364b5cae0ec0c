"""Statistics shared by the measures.

- :mod:`toolkit.stats.aggregation` (``aggregate``, ``difference``: group means,
  shares and bootstrap intervals by article);
- :mod:`toolkit.stats.contingency` (chi2, G2, Williams' q, Fisher's exact
  test and p-value adjustment on many 2 x 2 tables at once; the measures of
  independence on 2^n tables of n-gram positions).
"""
