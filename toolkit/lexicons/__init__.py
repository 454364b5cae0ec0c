"""Word lists: the ``Dictionary`` type and the file formats it reads.

- :mod:`toolkit.lexicons.dictionary` (``load_dictionary``, ``Dictionary``);
- :mod:`toolkit.lexicons.formats` (LIWC ``.dic``, Lexicoder ``.lc3``, WordStat ``.cat``).
"""
