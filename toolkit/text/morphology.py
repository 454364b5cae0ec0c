"""Korean and Japanese morphological analysis: surface, lemma, part of speech.

Korean and Japanese do not mark words with spaces the way English does: a
Korean eojeol such as 독도는 is a noun plus a particle, and Japanese has no
spaces at all. The toolkit therefore splits them with a real analyser whose
dictionary ships as a PyPI package (nothing is downloaded at run time):

- **Korean**: kiwipiepy with kiwipiepy-model. Morphemes as the analyser
  writes them (했다 -> 하 + 었 + 다), Sejong tags (NNG, VV, JKS, EF ...).
- **Japanese**: fugashi (MeCab) with unidic-lite. Short-unit words as in
  UniDic and the UD Japanese treebanks; the lemma is UniDic's base written
  form (使わ -> 使う).

``benchmarks/tokenize_validity.py`` measures both against the Universal
Dependencies treebanks and explains the choice. The analysers load on first
use (``import toolkit`` stays light) and once per process.

Korean is analysed one eojeol (space-separated chunk) at a time and each
distinct eojeol is analysed once per process: news vocabulary repeats, so a
large corpus costs a fraction of its size, and the same eojeol always gets the
same analysis wherever it appears.
"""

from __future__ import annotations

import csv
import functools
import re
import sys
from typing import NamedTuple

__all__ = [
    "Morpheme",
    "analyse",
    "is_content",
    "ANALYSED_LANGUAGES",
]

ANALYSED_LANGUAGES = ("ko", "ja")


class Morpheme(NamedTuple):
    """One analysed token: ``form``, ``lemma``, ``pos``, ``start``, ``end``.

    ``start``/``end`` are character offsets into the analysed string.
    """

    form: str
    lemma: str
    pos: str
    start: int
    end: int


def _missing(package: str, language: str) -> ImportError:
    return ImportError(
        f"{language} text needs the {package} package(s), which are toolkit "
        f"dependencies: reinstall with `make setup` or `pip install -e .`"
    )


@functools.lru_cache(maxsize=1)
def korean_analyser():
    """The shared Kiwi analyser (CoNg model), built once per process."""
    try:
        from kiwipiepy import Kiwi
    except ImportError as err:  # pragma: no cover - dependency always installed
        raise _missing("kiwipiepy and kiwipiepy-model", "Korean") from err
    # num_workers=1: analyse in the calling thread; results do not depend on
    # thread scheduling and the toolkit parallelises (if at all) by process.
    kiwi = Kiwi(num_workers=1)
    # A narrower beam: kiwi drops candidate paths scoring this far below the
    # best (default 8). Kiwi then spends about a fifth less time per distinct
    # eojeol; the morpheme F1 on UD Korean-GSD dev does not drop
    # (benchmarks/tokenize_validity.py), and on a real BigKinds sample 0.9% of
    # eojeol tokens get another analysis (2.3% at 3, which is no faster).
    config = getattr(kiwi, "global_config", kiwi)  # global_config from 0.22
    config.cutoff_threshold = _KIWI_CUTOFF
    return kiwi


_KIWI_CUTOFF = 4.0


@functools.lru_cache(maxsize=1)
def japanese_analyser():
    """The shared MeCab tagger (fugashi with unidic-lite), built once per process."""
    try:
        import fugashi
        import unidic_lite
    except ImportError as err:  # pragma: no cover - dependency always installed
        raise _missing("fugashi and unidic-lite", "Japanese") from err
    # Point MeCab at the dictionary of the unidic-lite package explicitly, so a
    # system-wide mecabrc or another UniDic can never change the analysis.
    import os

    rc = os.path.join(unidic_lite.DICDIR, "mecabrc")
    return fugashi.Tagger(f'-d "{unidic_lite.DICDIR}" -r "{rc}"')


_EOJEOL = re.compile(r"\S+")


Columns = tuple[list[str], list[str], list[str], list[int], list[int]]


# Sejong tag classes whose lemma is the dictionary form (했 -> 하다), not the form.
_KO_INFLECTED = frozenset(["VV", "VA", "VX", "VCP", "VCN"])


@functools.lru_cache(maxsize=300_000)
def _ko_eojeol(
    chunk: str,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Forms, lemmas, tags, starts and ends of the morphemes of one eojeol.

    Stored as columns so that a sentence is assembled by extending lists, not
    by a Python step per morpheme (most eojeols of a corpus come from here).
    """
    forms, lemmas, tags, starts, ends = [], [], [], [], []
    intern = sys.intern
    # z_coda=False: do not look for a consonant glued onto a particle or
    # ending (먹었어욥), which news copy does not write; it saves analysis time
    # and the dev F1 is the same.
    for t in korean_analyser().tokenize(chunk, z_coda=False):
        # kiwi marks irregular stems (VV-I, VA-R ...); the tag class is what matters
        pos = intern(t.tag.split("-", 1)[0])
        form = intern(t.form)
        forms.append(form)
        lemmas.append(intern(t.lemma) if pos in _KO_INFLECTED else form)
        tags.append(pos)
        starts.append(t.start)
        ends.append(t.start + t.len)
    return tuple(forms), tuple(lemmas), tuple(tags), tuple(starts), tuple(ends)


def _ko_columns(text: str) -> Columns:
    forms: list[str] = []
    lemmas: list[str] = []
    tags: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _EOJEOL.finditer(text):
        f, lem, pos, s, e = _ko_eojeol(m.group())
        forms += f
        lemmas += lem
        tags += pos
        base = m.start()
        if base:
            starts += [x + base for x in s]
            ends += [x + base for x in e]
        else:
            starts += s
            ends += e
    return forms, lemmas, tags, starts, ends


@functools.lru_cache(maxsize=100_000)
def _ja_feature(raw: str, surface: str) -> tuple[str, str]:
    """(pos, lemma) from a UniDic feature string, parsed once per distinct string."""
    # Fields are comma-separated, with quotes around a field holding a comma.
    fields = next(csv.reader([raw])) if '"' in raw else raw.split(",")
    pos = sys.intern("-".join(p for p in fields[:2] if p and p != "*"))
    # Unknown words carry only the part-of-speech fields (no base form).
    base = fields[10] if len(fields) > 10 else "*"
    return pos, sys.intern(base if base and base != "*" else surface)


def _ja_columns(text: str) -> Columns:
    forms: list[str] = []
    lemmas: list[str] = []
    tags: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    end = 0
    for w in japanese_analyser()(text):
        surface = w.surface
        # MeCab reports the white space it skipped before each word, so the
        # offsets follow without searching the text.
        start = end + len(w.white_space)
        end = start + len(surface)
        if not surface.strip():  # a full-width space is a "word" to MeCab
            continue
        pos, lemma = _ja_feature(w.feature_raw, surface)
        forms.append(sys.intern(surface))
        lemmas.append(lemma)
        tags.append(pos)
        starts.append(start)
        ends.append(end)
    return forms, lemmas, tags, starts, ends


def columns(text: str, language: str) -> Columns:
    """The analysis of :func:`analyse` as five parallel lists (forms, lemmas,
    tags, starts, ends): what the tokenizer stores, without a tuple per token."""
    if language == "ko":
        return _ko_columns(text)
    if language == "ja":
        return _ja_columns(text)
    raise ValueError(
        f"no morphological analyser for language {language!r}; have {ANALYSED_LANGUAGES}"
    )


def analyse(text: str, language: str) -> list[Morpheme]:
    """Morphemes of ``text`` in ``language`` (``"ko"`` or ``"ja"``).

    Parameters
    ----------
    text : str
        A sentence (or any string; offsets are into it).
    language : {"ko", "ja"}

    Returns
    -------
    list of Morpheme

    Examples
    --------
    >>> [(m.form, m.pos) for m in analyse("독도는 한국 땅이다.", "ko")]
    [('독도', 'NNP'), ('는', 'JX'), ('한국', 'NNP'), ('땅', 'NNG'), ('이', 'VCP'), ('다', 'EF'), ('.', 'SF')]
    >>> [(m.form, m.lemma) for m in analyse("政府が反発した。", "ja")][:3]
    [('政府', '政府'), ('が', 'が'), ('反発', '反発')]
    """
    return list(map(Morpheme, *columns(text, language)))


# Content words for counting (keyness, frequencies): nouns, verbs, adjectives,
# roots, foreign words, hanja and numbers. Everything else (particles,
# endings, copula, affixes, auxiliaries, bound nouns, determiners, adverbs,
# pronouns, punctuation and symbols) is a function token, dropped with
# ``stopwords=True``.
_KO_CONTENT = frozenset(["NNG", "NNP", "VV", "VA", "XR", "SL", "SH", "SN"])
# UniDic: nouns (not pronouns), verbs, i-adjectives, na-adjectives; but not the
# verbs and adjectives that are usually auxiliary (する, いる, ある, ない ...),
# which UniDic marks "非自立可能", nor the stems of auxiliaries (そう in
# そうだ, "助動詞語幹").
# The stems of auxiliaries (そう in そうだ) are not content either.
_JA_CONTENT_POS1 = ("名詞", "動詞", "形容詞", "形状詞")
_JA_AUXILIARY = ("非自立可能", "助動詞語幹")


@functools.lru_cache(maxsize=4096)
def is_content(pos: str, language: str) -> bool:
    """Whether a part-of-speech tag marks a content word (noun, verb, adjective).

    Examples
    --------
    >>> is_content("NNG", "ko"), is_content("JKS", "ko")
    (True, False)
    >>> is_content("名詞-普通名詞", "ja"), is_content("動詞-非自立可能", "ja")
    (True, False)
    """
    if language == "ko":
        return pos in _KO_CONTENT
    if language == "ja":
        return pos.startswith(_JA_CONTENT_POS1) and not pos.endswith(_JA_AUXILIARY)
    return True
