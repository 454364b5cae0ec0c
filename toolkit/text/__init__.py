"""Text before it is a corpus: bytes to str, dates, cleaning.

- :mod:`toolkit.text.decode` decides an encoding by plausibility (UTF-8/16,
  cp949/EUC-KR, Shift_JIS/cp932, EUC-JP, cp1252) and records it.
- :mod:`toolkit.text.dates` parses the date forms archives export;
- :mod:`toolkit.text.clean` removes markup and tidies spacing (one cleaner
  for the readers' fields and the loader's article texts);
- :mod:`toolkit.text.language` tells English, Korean, Japanese and Chinese
  apart by script.
"""
