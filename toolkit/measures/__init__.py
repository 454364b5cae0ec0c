"""The measures, one module per concern; each returns a tidy DataFrame.

- :mod:`toolkit.measures.frequency` (``frequencies``, ``tf_idf``)
- :mod:`toolkit.measures.keyterms` (``keyness``, ``keyness_from_counts``)
- :mod:`toolkit.measures.association` (``collocations``, ``cooccurrence``)
- :mod:`toolkit.measures.concordance` (``kwic``, ``dispersion``, ``term_dispersion``)
- :mod:`toolkit.measures.actors` (``actor_mentions``, ``actor_table``)
- :mod:`toolkit.measures.framing` (``frames``, ``frame_shares`` ...)
- :mod:`toolkit.measures.terminology` (``naming``, ``naming_lines``)
- :mod:`toolkit.measures.quotes` (``quotes``, ``sources``, ``mentioned_not_quoted``)
- :mod:`toolkit.measures.tone` (``tone``, ``document_tone``, ``target_tone``)
- :mod:`toolkit.measures.supervised` (``fit_classifier``, ``classify`` ...)
"""
