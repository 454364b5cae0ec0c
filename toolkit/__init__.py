"""Measure tone and framing in Korea-Japan news coverage.

The toolkit's nouns are a **corpus** (a DataFrame, one row per article, from
:func:`load_corpus`), its **tokens** (:func:`tokenize`, done once and reused)
and the **measures** computed from them, each a tidy DataFrame keyed by
``doc_id``. Plots live in :mod:`toolkit.plots`; the HTML report in
:mod:`toolkit.report`.

Importing the package is cheap and changes no global state: the modules
(and matplotlib, scipy, the sentiment analysers) load on first use.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.3.0"


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
    "calibrate_thresholds": "framing",
    "naming": "naming",
    "naming_lines": "naming",
    "quotes": "quotes",
    "sources": "quotes",
    "mentioned_not_quoted": "quotes",
    "frequencies": "frequencies",
    "tf_idf": "frequencies",
    "keyness": "keyness",
    "keyness_from_counts": "keyness",
    "collocations": "collocations",
    "cooccurrence": "collocations",
    "kwic": "kwic",
    "kwic_html": "kwic",
    "Concordance": "kwic",
    "dispersion": "kwic",
    "term_dispersion": "kwic",
    "load_dictionary": "dictionaries",
    "Dictionary": "dictionaries",
    "tone": "sentiment",
    "target_tone": "sentiment",
    "document_tone": "sentiment",
    "aggregate": "aggregate",
    "difference": "aggregate",
    "coding_sheet": "validation",
    "read_coding_sheet": "validation",
    "compare_to_human": "validation",
    "reliability": "validation",
    "fit_classifier": "classify",
    "cross_validate": "classify",
    "classify": "classify",
    "load_classifier": "classify",
    "paper_style": "plots",
    "save_figure": "plots",
    "to_latex": "tables",
    "to_markdown": "tables",
    "doctor": "doctor",
    "build_report": "report",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


# Several measures share their module's name (tokenize, keyness, kwic, naming,
# quotes ...). Importing a submodule makes the package attribute of that name
# the module, which would turn ``toolkit.keyness(...)`` into "module is not
# callable" as soon as anything imported ``toolkit.keyness``. The package's
# module class below hands out the function instead; import the modules
# themselves with ``from toolkit.keyness import ...``.
_SAME_NAME = frozenset(name for name, mod in _EXPORTS.items() if name == mod)


class _Package(types.ModuleType):
    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name in _SAME_NAME and isinstance(value, types.ModuleType):
            return getattr(value, name)
        return value


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"toolkit.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
