"""Dictionaries: named categories of word patterns, and matching them on tokens.

One loader and one matcher serve every dictionary-based measure in the
toolkit (tone lexicons, frame dictionaries, the actor lexicon, naming pairs),
so a user-supplied dictionary behaves exactly like a bundled one.

Patterns
--------
- ``apology`` matches that token (case-insensitive by default);
- ``negotiat*`` is a glob: ``*`` any run of characters, ``?`` one character;
- ``comfort women`` is a multi-word entry: it matches the two tokens in a
  row, and also the single joined token ``comfort_women`` produced by the
  tokenizer's multi-word expressions;
- a pattern never matches *inside* a joined token: ``korea`` does not match
  ``North_Korea``.

At each position the longest pattern of a category wins, and matches of one
category do not overlap. A category's ``exclude`` patterns cancel any match
they cover (``Seoul`` is an actor, ``Seoul National University`` is not).

File formats read by :func:`load_dictionary`: YAML (quanteda-style nested
categories, or categories with ``patterns``/``exclude``/metadata), and
two-column CSV/TSV (``word, category`` or ``word, value``). Further formats
(LIWC ``.dic``, Lexicoder ``.lc3``/``.cat``, WordStat ``.cat``) are added in
:mod:`toolkit.lexicons.formats` when present.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

import yaml

from toolkit.data import YAML_LOADER
from toolkit.lexicons.formats import READERS, DictionaryError
from toolkit.text.language import script_of

__all__ = ["Dictionary", "DictionaryError", "Match", "load_dictionary", "reads_language"]


@dataclass(frozen=True)
class Match:
    """One dictionary match in a token sequence: tokens ``start:end``."""

    start: int
    end: int
    category: str
    pattern: str
    value: float


def _compile_element(element: str, case_sensitive: bool) -> tuple[str, re.Pattern[str] | None]:
    """A pattern element as (exact string, None) or (glob source, regex)."""
    if "*" in element or "?" in element:
        rx = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in element)
        flags = 0 if case_sensitive else re.IGNORECASE
        return element, re.compile(rf"^{rx}$", flags)
    return element, None


HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_KANA_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々]")
_CJK = re.compile(f"{HANGUL.pattern}|{_KANA_KANJI.pattern}")


def _cjk_elements(word: str) -> list[str]:
    """A Korean or Japanese pattern word as the morphemes the tokenizer makes.

    Korean and Japanese text is tokenized into morphemes (독도는 -> 독도 +
    는; 日本海で -> 日本 + 海 + で), so a pattern such as 독도* or 日本海*
    becomes the morpheme sequence 독도 or 日本 海: particles and the rest of
    a compound are separate tokens, and the glob is no longer needed (it
    would make 일본해* match 일본 해군, "Japanese navy"). Other words, and
    patterns with a glob inside, are returned unchanged.
    """
    lang = "ko" if HANGUL.search(word) else "ja" if _KANA_KANJI.search(word) else None
    core = word.strip("*")
    if lang is None or not core or "*" in core or "?" in core:
        return [word]
    from toolkit.text.morphology import analyse

    parts = [m.form for m in analyse(core, lang)]
    return parts or [word]


def _words_of(token: str) -> tuple[str, ...]:
    """The words of a token the tokenizer joined with "_" (``north_korea``)."""
    if "_" in token:
        words = tuple(token.split("_"))
        if all(words):
            return words
    return (token,)


@dataclass
class Dictionary:
    """Categories of patterns, with optional per-pattern values and excludes.

    Parameters
    ----------
    categories : mapping of str to list of str
        Category name -> patterns. Nested names are joined with ``.``.
    values : mapping of (category, pattern) to float, optional
        A numeric value per pattern (e.g. a sentiment valence); default 1.0.
    exclude : mapping of str to list of str, optional
        Category -> patterns whose matches cancel that category's matches.
    meta : mapping, optional
        Free metadata per category (label, definition, notes, source).
    case_sensitive : bool, default False
    name : str, optional
    language : str, optional
        ISO code of the language the patterns are written in (``"en"``), or
        ``""`` when they may match any language. Measures leave documents in
        another language unmeasured instead of counting them as "no match".
        In YAML, the top-level key ``_language``.

    Examples
    --------
    >>> d = Dictionary({"neg": ["tension*", "frayed"], "pos": ["peace", "good will"]})
    >>> [(m.category, m.pattern) for m in d.match(["Tensions", "frayed", "good", "will"])]
    [('neg', 'tension*'), ('neg', 'frayed'), ('pos', 'good will')]
    >>> d.count(["peace", "and", "good_will"])
    {'neg': 0, 'pos': 2}
    """

    categories: dict[str, list[str]]
    values: dict[tuple[str, str], float] = field(default_factory=dict)
    exclude: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    case_sensitive: bool = False
    name: str = ""
    language: str = ""

    def __post_init__(self) -> None:
        self.categories = {str(k): [str(p) for p in v] for k, v in self.categories.items()}
        self._index = self._build(self.categories)
        self._excl = self._build(self.exclude) if self.exclude else None

    def __repr__(self) -> str:
        n = sum(len(v) for v in self.categories.values())
        return f"<Dictionary {self.name!r}: {len(self.categories)} categories, {n} patterns>"

    def __len__(self) -> int:
        return len(self.categories)

    # -- compilation ---------------------------------------------------
    def _norm(self, s: str) -> str:
        return s if self.case_sensitive else s.lower()

    def _build(self, cats: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        """Index patterns by their first element for fast lookup.

        Each entry is (category, pattern text, elements) where elements is a
        list of (exact, regex) pairs, one per word of the pattern.
        """
        index: dict[str, Any] = {"exact": {}, "globs": [], "by_first": {}, "pending": []}
        for cat, patterns in cats.items():
            for pat in patterns:
                if _CJK.search(pat):
                    # Korean/Japanese patterns are split into morphemes by the
                    # analyser, whose model takes seconds to load; they can only
                    # match tokens in those scripts, so they wait until a text
                    # has some (see _raw_matches).
                    index["pending"].append((cat, pat))
                else:
                    self._add(index, cat, pat)
        return index

    def _add(self, index: dict[str, Any], cat: str, pat: str) -> None:
        words = [w2 for w in self._norm(pat).replace("_", " ").split() for w2 in _cjk_elements(w)]
        if not words:
            return
        elems = [_compile_element(w, self.case_sensitive) for w in words]
        entry = (cat, pat, elems)
        first, rx = elems[0]
        if rx is None:
            index["exact"].setdefault(first, []).append(entry)
        else:
            index["globs"].append((rx, entry))
            # Globs that start with a plain ASCII character are filed under it,
            # so a token is only tried against the globs that can match its
            # first character; the others are tried on every token.
            c = first[0]
            key = c if c.isascii() and c not in "*?" else ""
            index["by_first"].setdefault(key, []).append((rx, entry))

    def _add_pending(self, index: dict[str, Any]) -> None:
        """Analyse and index the Korean/Japanese patterns put aside by :meth:`_build`."""
        pending, index["pending"] = index["pending"], []
        for cat, pat in pending:
            self._add(index, cat, pat)
        index.pop("memo", None)  # candidates found without them are incomplete

    @staticmethod
    def _starts(index: dict[str, Any], t: str) -> list[tuple[str, str, list]]:
        hit = list(index["exact"].get(t, ()))
        by_first = index["by_first"]
        if t and t[0].isascii():
            # an ASCII character matches only itself (or, without case
            # sensitivity, its other case, and both sides are lower-cased)
            globs = chain(by_first.get(t[0], ()), by_first.get("", ()))
        else:  # e.g. a Kelvin sign matches "k" under re.IGNORECASE
            globs = index["globs"]
        hit.extend(entry for rx, entry in globs if rx.match(t))
        return hit

    def _candidates(self, index: dict[str, Any], tok: str) -> list[tuple[str, str, list]]:
        """Patterns that may start at token ``tok``: one-word patterns matching the
        whole token (a glob such as "export_control*" may match a joined token),
        longer ones whose first element matches its first word or all of it.

        Memoised per distinct token: glob dictionaries (LIWC, LSD) have
        thousands of patterns, but a corpus has far fewer distinct words than
        tokens.
        """
        memo = index.setdefault("memo", {})
        hit = memo.get(tok)
        if hit is None:
            whole = self._starts(index, tok)
            hit = [e for e in whole if len(e[2]) == 1]
            words = _words_of(tok)
            firsts = self._starts(index, words[0]) if len(words) > 1 else whole
            hit += [e for e in firsts if len(e[2]) > 1]
            if len(words) > 1:
                hit += [e for e in whole if len(e[2]) > 1 and e not in hit]
            memo[tok] = hit
        return hit

    @staticmethod
    def _element_ok(elem: tuple[str, re.Pattern[str] | None], token: str) -> bool:
        exact, rx = elem
        return token == exact if rx is None else bool(rx.match(token))

    def _raw_matches(self, index: dict[str, Any], tokens: Sequence[str]) -> list[Match]:
        """Matches of whole tokens: a token the tokenizer joined ("north_korea")
        is matched by the pattern's words ("North Korea") but never in part, so
        "Korea" does not match inside "North Korea", whichever multi-word
        expressions the tokens were made with.
        """
        norm = [self._norm(t) for t in tokens]
        if index["pending"] and _CJK.search("".join(norm)):
            self._add_pending(index)
        found: list[Match] = []
        for i, tok in enumerate(norm):
            for cat, pat, elems in self._candidates(index, tok):
                end = i + 1 if len(elems) == 1 else self._span_end(elems, norm, i)
                if end is not None:
                    found.append(Match(i, end, cat, pat, self.values.get((cat, pat), 1.0)))
        return found

    def _span_end(self, elems: list, norm: list[str], i: int) -> int | None:
        """End token of a multi-word pattern starting at token ``i``, if its words
        cover whole tokens exactly. A joined token is covered by its words, or by
        one pattern element that matches it whole ("ruling *party" matches
        "ruling Liberal_Democratic_Party")."""
        k, j = 0, i
        while k < len(elems):
            if j >= len(norm):
                return None
            words = _words_of(norm[j])
            if k + len(words) <= len(elems) and all(
                self._element_ok(elems[k + m], w) for m, w in enumerate(words)
            ):
                k += len(words)
            elif len(words) > 1 and self._element_ok(elems[k], norm[j]):
                k += 1
            else:
                return None
            j += 1
        return j

    # -- matching ------------------------------------------------------
    def match(self, tokens: Sequence[str]) -> list[Match]:
        """All non-overlapping matches per category, longest first at each position.

        Returns matches sorted by position, then category.
        """
        found = self._raw_matches(self._index, tokens)
        if self._excl is not None and found:
            spans = [(m.start, m.end, m.category) for m in self._raw_matches(self._excl, tokens)]
            found = [
                m
                for m in found
                if not any(c == m.category and s <= m.start and m.end <= e for s, e, c in spans)
            ]
        found.sort(key=lambda m: (m.category, m.start, -(m.end - m.start), m.pattern))
        kept: list[Match] = []
        busy: dict[str, int] = {}
        for m in found:
            if m.start >= busy.get(m.category, 0):
                kept.append(m)
                busy[m.category] = m.end
        kept.sort(key=lambda m: (m.start, m.category))
        return kept

    def count(self, tokens: Sequence[str]) -> dict[str, int]:
        """Number of matches per category (every category present, zeros included)."""
        out = dict.fromkeys(self.categories, 0)
        for m in self.match(tokens):
            out[m.category] += 1
        return out

    def patterns(self) -> list[tuple[str, str]]:
        """(category, pattern) pairs, in file order."""
        return [(c, p) for c, ps in self.categories.items() for p in ps]


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def _flatten(node: Any, prefix: str, cats: dict, excl: dict, meta: dict, values: dict) -> None:
    if isinstance(node, list):
        pats = []
        for item in node:
            if isinstance(item, Mapping) and len(item) == 1:
                # "- word: 1.5" gives a pattern with a value
                ((k, v),) = item.items()
                pats.append(str(k))
                values[(prefix, str(k))] = float(v)
            else:
                pats.append(str(item))
        cats.setdefault(prefix, []).extend(pats)
    elif isinstance(node, Mapping):
        if "patterns" in node:
            _flatten(node["patterns"], prefix, cats, excl, meta, values)
            if node.get("exclude"):
                excl[prefix] = [str(p) for p in node["exclude"]]
            meta[prefix] = {k: v for k, v in node.items() if k not in ("patterns", "exclude")}
            return
        for key, child in node.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            _flatten(child, name, cats, excl, meta, values)
    elif isinstance(node, str):
        cats.setdefault(prefix, []).append(node)
    elif node is None:
        cats.setdefault(prefix, [])
    else:
        raise DictionaryError(f"category {prefix!r}: expected a list of patterns, got {node!r}")


def _from_yaml(text: str, source: str) -> Mapping[str, Any]:
    try:
        data = yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise DictionaryError(f"{source}:{where} is not valid YAML ({err})") from err
    if not isinstance(data, Mapping):
        raise DictionaryError(f"{source}: a YAML dictionary must be a mapping of categories")
    return data


def _from_mapping(data: Mapping[str, Any]) -> tuple[dict, dict, dict, dict]:
    """(categories, excludes, metadata, values) of a nested category mapping."""
    cats: dict = {}
    excl: dict = {}
    meta: dict = {}
    values: dict = {}
    for key, node in data.items():
        if str(key).startswith("_"):  # _meta, _about: documentation keys
            continue
        _flatten(node, str(key), cats, excl, meta, values)
    return cats, excl, meta, values


def _from_table(text: str, source: str, sep: str) -> tuple[dict, dict]:
    cats: dict[str, list[str]] = {}
    values: dict[tuple[str, str], float] = {}
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    for lineno, row in enumerate(reader, start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 2:
            raise DictionaryError(
                f"{source}: line {lineno}: expected two columns (word{sep!r}category or value), "
                f"got {row!r}"
            )
        word, second = row[0].strip(), row[1].strip()
        if lineno == 1 and word.lower() in ("word", "term", "pattern", "entry"):
            continue  # header
        try:
            value = float(second)
        except ValueError:
            cats.setdefault(second, []).append(word)
        else:
            cat = "positive" if value > 0 else "negative" if value < 0 else "neutral"
            cats.setdefault(cat, []).append(word)
            values[(cat, word)] = value
    if not cats:
        raise DictionaryError(f"{source}: no entries found")
    return cats, values


def load_dictionary(
    source: str | Path | Mapping[str, Any],
    *,
    format: str | None = None,
    case_sensitive: bool = False,
    name: str | None = None,
) -> Dictionary:
    """Load a dictionary from a file or a mapping.

    Parameters
    ----------
    source : path or mapping
        A file (YAML, CSV/TSV, and the formats of
        :mod:`toolkit.lexicons.formats`) or an in-memory mapping of
        category -> patterns (nested mappings allowed). In YAML and
        mappings, keys starting with ``_`` are documentation, except
        ``_language`` (see :class:`Dictionary`).
    format : str, optional
        Force a format: ``"yaml"``, ``"csv"``, ``"tsv"`` (or a format name
        registered in :mod:`toolkit.lexicons.formats`). By default the
        file extension decides.
    case_sensitive : bool, default False
    name : str, optional
        Defaults to the file stem.

    Raises
    ------
    DictionaryError
        If the file is malformed; the message names the file and line.

    Examples
    --------
    >>> d = load_dictionary({"frames": {"trade": ["export control*", "tariff*"]}})
    >>> d.categories
    {'frames.trade': ['export control*', 'tariff*']}
    """
    if isinstance(source, Mapping):
        return _dictionary_of(source, case_sensitive, name or "")
    path = Path(source)
    fmt = (format or path.suffix.lstrip(".")).lower()
    text = _read(path)
    label = str(path)
    if fmt in ("yaml", "yml"):
        return _dictionary_of(_from_yaml(text, label), case_sensitive, name or path.stem)
    if fmt in ("csv", "tsv", "txt", "tab"):
        sep = "\t" if fmt in ("tsv", "tab") or (fmt == "txt" and "\t" in text) else ","
        cats, values = _from_table(text, label, sep)
        return Dictionary(cats, values, {}, {}, case_sensitive, name or path.stem)

    reader = READERS.get(fmt)
    if reader is None:
        raise DictionaryError(f"{label}: unknown dictionary format {fmt!r}")
    cats, values = reader(text, label)
    return Dictionary(cats, values, {}, {}, case_sensitive, name or path.stem)


def _dictionary_of(data: Mapping[str, Any], case_sensitive: bool, name: str) -> Dictionary:
    cats, excl, meta, values = _from_mapping(data)
    language = str(data.get("_language") or "")
    return Dictionary(cats, values, excl, meta, case_sensitive, name, language)


def _read(path: Path) -> str:
    from toolkit.text.decode import read_text

    if not path.exists():
        raise FileNotFoundError(f"no dictionary file at {path}")
    return read_text(path)[0]


@functools.lru_cache(maxsize=32)
def load_bundled(name: str) -> Dictionary:
    """A dictionary shipped in ``toolkit/data`` (e.g. ``"actors.yaml"``), cached."""
    from toolkit.data import data_path

    return load_dictionary(data_path(name))


def reads_language(d: Dictionary) -> str:
    """The language whose documents ``d`` can measure: its own, or its entries' script.

    A dictionary that states its language (``_language`` in YAML, or
    ``Dictionary(language=...)``) reads that language. One that does not is
    taken to be in the language of its patterns' script, so an English word
    list given without ``_language`` does not score Korean or Japanese text
    as "measured, no match": Latin letters only -> ``"en"``; Hangul only ->
    ``"ko"``; kana (with or without kanji) -> ``"ja"``. Patterns in several
    of these scripts, or in none, read any language (``""``).

    Examples
    --------
    >>> reads_language(Dictionary({"pos": ["peace"], "neg": ["tension*"]}))
    'en'
    >>> reads_language(Dictionary({"pos": ["평화"]}))
    'ko'
    >>> reads_language(Dictionary({"pos": ["peace", "평화"]}))
    ''
    >>> reads_language(Dictionary({"pos": ["peace"]}, language="ko"))
    'ko'
    """
    if d.language:
        return d.language
    scripts = {
        sc
        for pats in d.categories.values()
        for p in pats
        for ch in p
        if (sc := script_of(ch)) is not None
    }
    if "ja" in scripts:
        scripts = (scripts - {"han"}) | {"ja"}
    if scripts == {"latin"}:
        return "en"
    if len(scripts) == 1 and scripts <= {"ko", "ja"}:
        return next(iter(scripts))
    return ""
