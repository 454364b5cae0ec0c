"""The corpus: one row per article, keyed by ``doc_id``.

- :mod:`toolkit.corpus.load` reads files and folders (``load_corpus``,
  ``load_summary``, ``load_demo``, ``read_source``, column aliases);
- :mod:`toolkit.corpus.outlets` holds outlet names and their countries
  (``outlet_table``, ``normalize_outlet_name``);
- :mod:`toolkit.corpus.duplicates` finds exact and near-duplicate articles;
- :mod:`toolkit.corpus.demo` holds the constructed Korean/Japanese demo.
"""
