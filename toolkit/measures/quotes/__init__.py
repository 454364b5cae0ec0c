"""Quotes and their speakers.

- :mod:`toolkit.measures.quotes.english` (``quotes``, ``sources``,
  ``mentioned_not_quoted``; Korean and Japanese text is passed on to)
- :mod:`toolkit.measures.quotes.cjk` (「…」と述べた, "…"라고 말했다).
"""
