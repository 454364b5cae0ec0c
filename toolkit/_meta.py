"""What every measure records on the table it returns (``DataFrame.attrs``)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def attach_attrs(out: pd.DataFrame, measure: str, params: dict[str, Any]) -> pd.DataFrame:
    """Record the measure, its parameters and the toolkit version on ``out``.

    Figures and tables read these (``save_figure`` writes them into the file's
    metadata), so a result says how it was made.
    """
    from toolkit import __version__

    out.attrs["measure"] = measure
    out.attrs["params"] = params
    out.attrs["toolkit_version"] = __version__
    return out
