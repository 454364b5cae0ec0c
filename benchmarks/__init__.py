"""Benchmark and validity scripts (run them as ``python benchmarks/<name>.py``).

A package so that the scripts share their helpers (``_distinct``, the frozen
baselines) as ``from benchmarks import _distinct``, with the repository root
on the import path rather than this folder: here, ``tokenize.py`` would
shadow the standard library module of that name, which pandas and numpy import.
"""
