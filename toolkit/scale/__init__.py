"""Past memory and past one machine.

- :mod:`toolkit.scale.partitions` (``run_partitioned``: bounded memory, Parquet out);
- :mod:`toolkit.scale.dask_backend` (the same measures on a ``dask.dataframe``).
"""
