"""Tokens: sentences and words, done once per corpus and reused by every measure.

- :mod:`toolkit.tokens.tokenizer` (``tokenize``, ``Tokens``, ``as_tokens``);
- :mod:`toolkit.tokens.sentences` (``split_sentences``);
- :mod:`toolkit.text.morphology` (Korean and Japanese analysers);
- :mod:`toolkit.tokens.lemmas`, :mod:`toolkit.tokens.house_style` (folding);
- :mod:`toolkit.tokens.streams` (token streams, document-term matrices, patterns).
"""
