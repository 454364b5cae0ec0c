"""Tone: how positive or negative the coverage reads.

- :mod:`toolkit.measures.tone.scoring` (``tone``, ``document_tone``,
  ``target_tone``: the methods, sentence and document units);
- :mod:`toolkit.measures.tone.news` (the news-calibrated English method);
- :mod:`toolkit.measures.tone.cjk` (Korean and Japanese lexicons);
- :mod:`toolkit.measures.tone.vader` (the toolkit's own VADER, equal to
  ``vaderSentiment``'s scores, many sentences per call).
"""
