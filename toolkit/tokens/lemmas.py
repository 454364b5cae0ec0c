"""A small rule-based English lemmatizer that needs no downloaded data.

NLTK's WordNet lemmatizer needs the WordNet corpus, which a fresh install
lacks. For counting news vocabulary, undoing regular inflection is most of
the value: plural nouns (``talks`` -> ``talk``, ``allies`` -> ``ally``), verb
forms (``angered`` -> ``anger``, ``claiming`` -> ``claim``) and a list of
common irregular forms. The rules are written for this project and are
deliberately conservative: a word is left alone when a rule would leave
fewer than three letters or when it is in the exception list.

Korean and Japanese words get their lemma from the morphological analyser
instead (:mod:`toolkit.text.morphology`; ``stem="lemma"`` in the token filters
uses it), never from these English rules.
"""

from __future__ import annotations

import functools

__all__ = ["lemmatize"]

_IRREGULAR = {
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "am": "be",
    "has": "have",
    "had": "have",
    "did": "do",
    "does": "do",
    "done": "do",
    "said": "say",
    "says": "say",
    "told": "tell",
    "made": "make",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "went": "go",
    "gone": "go",
    "held": "hold",
    "met": "meet",
    "left": "leave",
    "sought": "seek",
    "brought": "bring",
    "thought": "think",
    "fought": "fight",
    "began": "begin",
    "begun": "begin",
    "led": "lead",
    "spoke": "speak",
    "spoken": "speak",
    "wrote": "write",
    "written": "write",
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "people",
    "countries": "country",
    "allies": "ally",
    "ties": "tie",
    "lies": "lie",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
    "news": "news",
    "series": "series",
    "species": "species",
    "politics": "politics",
    "economics": "economics",
    "crisis": "crisis",
    "analysis": "analysis",
    "basis": "basis",
    "us": "us",
    "this": "this",
    "his": "his",
    "its": "its",
    "as": "as",
    "used": "use",
    "bus": "bus",
    "gas": "gas",
    "yes": "yes",
    "less": "less",
    "unless": "unless",
}
_KEEP_S = ("ss", "us", "is", "ous", "ics")
_VOWELS = set("aeiou")


@functools.cache
def lemmatize(word: str) -> str:
    """Lemma of an English word form (lower-case input expected).

    Examples
    --------
    >>> [lemmatize(w) for w in ["talks", "allies", "angered", "claiming", "women", "stopped"]]
    ['talk', 'ally', 'anger', 'claim', 'woman', 'stop']
    """
    w = word
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if not w.isalpha() or len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(_KEEP_S):
        return w[:-1]
    if w.endswith("eed"):
        return w[:-1]  # agreed -> agree
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            if suffix == "ed" and stem.endswith("i"):
                return stem[:-1] + "y"  # worried -> worry
            if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]  # stopped -> stop
            if not any(c in _VOWELS for c in stem):
                return w
            if stem.endswith(("at", "iz", "is", "bl", "ur", "uc", "ag", "as")) or (
                len(stem) >= 3
                and stem[-1] not in _VOWELS
                and stem[-2] in _VOWELS
                and stem[-3] not in _VOWELS
                and stem[-1] in "vcgkz"
            ):
                return stem + "e"  # negotiated -> negotiate, provoked -> provoke
            return stem
    return w
