"""Measure tone and framing in Korea-Japan news coverage.

The toolkit's nouns are a **corpus** (a DataFrame, one row per article, from
:func:`load_corpus`), its **tokens** (:func:`tokenize`, done once and reused)
and the **measures** computed from them, each a tidy DataFrame keyed by
``doc_id``. Plots live in :mod:`toolkit.plots`; the HTML report in
:mod:`toolkit.report`.

Importing the package changes no global state and loads only pandas, numpy
and PyYAML: heavy modules (matplotlib, scipy, the sentiment analysers) load on
first use.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Four functions share their module's name. Importing a submodule sets the
# package attribute of that name to the module, so without these eager
# bindings ``toolkit.tokenize(corpus)`` would fail with "module is not
# callable" as soon as anything imported ``toolkit.tokenize``. Bound here,
# ``toolkit.tokenize`` is always the function; import the modules with
# ``from toolkit.tokenize import ...``.
from toolkit.aggregate import aggregate  # noqa: E402
from toolkit.naming import naming  # noqa: E402
from toolkit.quotes import quotes  # noqa: E402
from toolkit.tokenize import tokenize  # noqa: E402

# Public name -> module that defines it. Resolved lazily on first access.
_EXPORTS = {
    "load_corpus": "corpus",
    "load_demo": "corpus",
    "outlet_table": "corpus",
    "detect_language": "corpus",
    "tokenize": "tokenize",
    "Tokens": "tokenize",
    "split_sentences": "tokenize",
    "word_tokenize": "tokenize",
    "register_tokenizer": "tokenize",
    "actor_mentions": "actors",
    "actor_table": "actors",
    "frames": "framing",
    "explain_frames": "framing",
    "frame_cooccurrence": "framing",
    "frame_shares": "framing",
    "naming": "naming",
    "naming_lines": "naming",
    "quotes": "quotes",
    "sources": "quotes",
    "mentioned_not_quoted": "quotes",
    "load_dictionary": "dictionaries",
    "Dictionary": "dictionaries",
    "tone": "sentiment",
    "target_tone": "sentiment",
    "aggregate": "aggregate",
    "difference": "aggregate",
    "coding_sheet": "validation",
    "read_coding_sheet": "validation",
    "compare_to_human": "validation",
    "reliability": "validation",
    "paper_style": "plots",
    "save_figure": "plots",
    "to_latex": "tables",
    "to_markdown": "tables",
    "doctor": "doctor",
    "build_report": "report",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"toolkit.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
