"""Measure tone and framing in Korea-Japan news coverage.

The toolkit's nouns are a **corpus** (a DataFrame, one row per article, from
:func:`load_corpus`), its **tokens** (:func:`tokenize`, done once and reused)
and the **measures** computed from them, each a tidy DataFrame keyed by
``doc_id`` where its rows belong to documents (one row per input document,
with a ``status``, for document-level measures), else by term or group
(docs/output_contract.md). Plots live in :mod:`toolkit.plots`; the HTML
report in :mod:`toolkit.report.build`.

Importing the package is cheap and changes no global state: the modules
(and matplotlib, scipy, the sentiment analysers) load on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.4.2"


# Public name -> module that defines it, imported on first access (PEP 562).
# No public name is also the name of a module in this package, so
# ``toolkit.keyness`` is always the function, whatever was imported before.
_EXPORTS = {
    "load_corpus": "toolkit.corpus.load",
    "load_demo": "toolkit.corpus.load",
    "load_summary": "toolkit.corpus.load",
    "outlet_table": "toolkit.corpus.outlets",
    "detect_language": "toolkit.text.language",
    "tokenize": "toolkit.tokens.tokenizer",
    "Tokens": "toolkit.tokens.tokenizer",
    "word_tokenize": "toolkit.tokens.tokenizer",
    "register_tokenizer": "toolkit.tokens.tokenizer",
    "split_sentences": "toolkit.tokens.sentences",
    "actor_mentions": "toolkit.measures.actors",
    "actor_table": "toolkit.measures.actors",
    "frames": "toolkit.measures.framing",
    "explain_frames": "toolkit.measures.framing",
    "frame_cooccurrence": "toolkit.measures.framing",
    "frame_shares": "toolkit.measures.framing",
    "calibrate_thresholds": "toolkit.measures.framing",
    "naming": "toolkit.measures.terminology",
    "naming_lines": "toolkit.measures.terminology",
    "quotes": "toolkit.measures.quotes.english",
    "sources": "toolkit.measures.quotes.english",
    "mentioned_not_quoted": "toolkit.measures.quotes.english",
    "frequencies": "toolkit.measures.frequency",
    "tf_idf": "toolkit.measures.frequency",
    "keyness": "toolkit.measures.keyterms",
    "keyness_from_counts": "toolkit.measures.keyterms",
    "collocations": "toolkit.measures.association",
    "cooccurrence": "toolkit.measures.association",
    "kwic": "toolkit.measures.concordance",
    "kwic_html": "toolkit.measures.concordance",
    "Concordance": "toolkit.measures.concordance",
    "dispersion": "toolkit.measures.concordance",
    "term_dispersion": "toolkit.measures.concordance",
    "load_dictionary": "toolkit.lexicons.dictionary",
    "Dictionary": "toolkit.lexicons.dictionary",
    "tone": "toolkit.measures.tone.scoring",
    "target_tone": "toolkit.measures.tone.scoring",
    "document_tone": "toolkit.measures.tone.scoring",
    "aggregate": "toolkit.stats.aggregation",
    "difference": "toolkit.stats.aggregation",
    "coding_sheet": "toolkit.validity",
    "read_coding_sheet": "toolkit.validity",
    "compare_to_human": "toolkit.validity",
    "reliability": "toolkit.validity",
    "fit_classifier": "toolkit.measures.supervised",
    "cross_validate": "toolkit.measures.supervised",
    "classify": "toolkit.measures.supervised",
    "load_classifier": "toolkit.measures.supervised",
    "paper_style": "toolkit.plots",
    "save_figure": "toolkit.plots",
    "to_latex": "toolkit.tables",
    "to_markdown": "toolkit.tables",
    "doctor": "toolkit.diagnostics",
    "build_report": "toolkit.report.build",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
