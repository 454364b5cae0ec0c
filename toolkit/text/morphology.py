"""Korean and Japanese morphological analysis: surface, lemma, part of speech.

Korean and Japanese do not mark words with spaces the way English does: a
Korean eojeol such as 독도는 is a noun plus a particle, and Japanese has no
spaces at all. The toolkit therefore splits them with a real analyser whose
dictionary ships as a PyPI package (nothing is downloaded at run time):

- **Korean**: kiwipiepy with kiwipiepy-model. Morphemes as the analyser
  writes them (했다 -> 하 + 었 + 다), Sejong tags (NNG, VV, JKS, EF ...).
  A second engine, MeCab with mecab-ko-dic (python-mecab-ko), is offered as
  ``korean="mecab"``: a little less accurate, more than twice as fast
  (``benchmarks/tokenize_validity.py`` and ``benchmarks/tokenize.py``). Its
  morphemes get the same columns and tag names as kiwi's (see
  :func:`_mecab_parts`), so every measure reads them unchanged.
- **Japanese**: fugashi (MeCab) with unidic-lite. Short-unit words as in
  UniDic and the UD Japanese treebanks; the lemma is UniDic's base written
  form (使わ -> 使う).

``benchmarks/tokenize_validity.py`` measures both against the Universal
Dependencies treebanks and explains the choice. The analysers load on first
use (``import toolkit`` stays light) and once per process.

Korean is analysed one eojeol (space-separated chunk) at a time and each
distinct eojeol is analysed once per process: news vocabulary repeats, so a
large corpus costs a fraction of its size, and the same eojeol always gets the
same analysis wherever it appears. Numbers of two or more digits are analysed
by shape (2019년 as 0000년, the digits put back), so years, dates and amounts
do not each cost an analysis.
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
    "KOREAN_ENGINES",
]

ANALYSED_LANGUAGES = ("ko", "ja")
# The Korean analysers ``korean=`` chooses from; the first is the default.
KOREAN_ENGINES = ("kiwi", "mecab")


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


@functools.lru_cache(maxsize=1)
def _korean_tokens():
    """A function from one eojeol to kiwi's tokens of its best analysis.

    Kiwi's public ``tokenize`` rebuilds its options (enum flags, dialect,
    typo and out-of-vocabulary settings) on every call: about 2.5 µs on the
    development machine, half of what analysing a two-syllable noun costs.
    The toolkit calls it once per distinct eojeol, so that set-up is about a
    twentieth of the Korean tokenizing time of text in which nothing
    repeats. The options never change here, so they are computed once and
    kiwi's compiled analyser is called with them directly. That entry point
    is not public: it is used only if it gives exactly what ``tokenize``
    gives on probe text, and ``tokenize`` is used otherwise (same analyses,
    a little slower).
    """
    kiwi = korean_analyser()

    # z_coda=False: do not look for a consonant glued onto a particle or
    # ending (먹었어욥), which news copy does not write; it saves analysis time
    # and the dev F1 is the same.
    def public(chunk: str) -> list:
        return kiwi.tokenize(chunk, z_coda=False)

    try:
        from kiwipiepy import Match

        analyse_c = type(kiwi).__mro__[1].analyze  # the compiled base class
        # what tokenize(z_coda=False) passes on with its default options
        match = int(Match.ALL | Match.OOV_CHR_MODEL)
        config = kiwi.global_config
        args = (1, match, False, None, False, 0, 3.0, None, 2.5, None, config)

        def direct(chunk: str) -> list:
            return analyse_c(kiwi, chunk, *args)[0][0]

        def key(tokens: list) -> list:
            return [(t.form, t.tag, t.start, t.len, t.lemma) for t in tokens]

        probes = (
            "독도는 한국 땅이다.",
            "https://a.kr 기자 kim@a.kr",
            "2019년 LG전자를",
            "갔었어요",
        )
        if all(key(direct(p)) == key(public(p)) for p in probes):
            return direct
    except Exception:  # noqa: BLE001 - any change in the private API: use the public one
        pass
    return public


_KO_TAG: dict[str, str] = {}


def _ko_tag(tag: str) -> str:
    # kiwi marks irregular stems (VV-I, VA-R ...); the tag class is what matters
    pos = _KO_TAG[tag] = sys.intern(tag.split("-", 1)[0])
    return pos


@functools.lru_cache(maxsize=300_000)
def _ko_eojeol(
    chunk: str,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Forms, lemmas, tags, starts and ends of the morphemes of one eojeol.

    Stored as columns so that a sentence is assembled by extending lists, not
    by a Python step per morpheme (most eojeols of a corpus come from here).
    """
    if "·" not in chunk and "ㆍ" not in chunk:
        shape = _NUMBER.sub(_zeros, chunk)
        if shape != chunk:
            return _ko_number_eojeol(chunk, shape)
    forms, lemmas, tags, starts, ends = [], [], [], [], []
    intern, tag_of = sys.intern, _KO_TAG.get
    for t in _korean_tokens()(chunk):
        tag = t.tag
        pos = tag_of(tag) or _ko_tag(tag)
        form = intern(t.form)
        forms.append(form)
        lemmas.append(intern(t.lemma) if pos in _KO_INFLECTED else form)
        tags.append(pos)
        starts.append(t.start)
        ends.append(t.end)
    return tuple(forms), tuple(lemmas), tuple(tags), tuple(starts), tuple(ends)


# Numbers of two or more digits, analysed by shape: 2019년, 2020년 and 1945년
# are one analysis (SN + NNB) with the digits put back, so a corpus of dated
# news does not send every year, day and amount to kiwi again (4% fewer
# analyses on the benchmark text, where every eojeol analysed by shape gets
# kiwi's own analysis of it; the morpheme F1 on UD Korean-GSD dev is
# unchanged). Single digits and eojeols with a middle dot are
# left alone because kiwi's dictionary holds entries such as 1심 and 3·1절;
# a rare entry with two digits (19금, an age rating) becomes 19 + 금.
_NUMBER = re.compile(r"[0-9]{2,}")


def _zeros(m: re.Match[str]) -> str:
    return "0" * (m.end() - m.start())


def _ko_number_eojeol(
    chunk: str, shape: str
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    forms, lemmas, tags, starts, ends = _ko_eojeol(shape)

    def back(word: str, start: int, end: int) -> str:
        # a morpheme written as it stands in the shape holds the zeros: the
        # original characters at the same offsets replace it
        return sys.intern(chunk[start:end]) if word == shape[start:end] else word

    return (
        tuple(map(back, forms, starts, ends)),
        tuple(map(back, lemmas, starts, ends)),
        tags,
        starts,
        ends,
    )


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


# --------------------------------------------------------------------------
# Korean, second engine: MeCab with mecab-ko-dic
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def mecab_analyser():
    """The shared MeCab tagger with mecab-ko-dic (python-mecab-ko), built once."""
    try:
        import mecab
    except ImportError as err:  # pragma: no cover - dependency always installed
        if sys.version_info >= (3, 13):
            raise ImportError(
                'korean="mecab" needs python-mecab-ko, which has no wheel for this '
                'Python yet (it installs on 3.10-3.12); use korean="kiwi"'
            ) from err
        raise _missing("python-mecab-ko and python-mecab-ko-dic", "Korean") from err
    # MeCab() points at the package's own mecabrc and the mecab-ko-dic wheel,
    # so a system-wide MeCab or dictionary can never change the analysis.
    return mecab.MeCab()


@functools.lru_cache(maxsize=1)
def _mecab_nodes():
    """A function from a sentence to MeCab's ``(span, surface, feature)`` triples.

    python-mecab-ko's ``parse`` turns every node into named tuples (its
    feature parsed field by field), which costs about as much as MeCab's own
    analysis. The toolkit reads the raw feature string once per distinct
    string instead (:func:`_mecab_parts`), through the package's lattice; if
    that route ever stops giving what ``parse`` gives on probe text, ``parse``
    is used (same analyses, slower).
    """
    tagger = mecab_analyser()

    def public(text: str) -> list[tuple[tuple[int, int], str, str]]:
        return [(tuple(m.span), m.surface, str(m.feature)) for m in tagger.parse(text)]

    try:
        from mecab.utils import create_lattice

        raw = tagger._tagger

        def direct(text: str) -> list[tuple[tuple[int, int], str, str]]:
            lattice = create_lattice(text)
            raw.parse(lattice)
            return [(span, node.surface, node.feature) for span, node in lattice]

        probes = ("독도는 한국 땅이다.", "합의했다 2019년", "ＡＢＣ  漢字")
        if all(direct(p) == public(p) for p in probes):
            return direct
    except Exception:  # noqa: BLE001 - any change in the private API: use the public one
        pass
    return public


# mecab-ko-dic tags that kiwi spells differently; the rest are the same
# Sejong tags in both. Symbols (SY) are sorted by character below.
_MECAB_TAG = {"NNBC": "NNB", "SC": "SP", "UNKNOWN": "UN"}
# mecab-ko-dic spells the past tense by the stem's vowel (했 -> 하 + 았,
# 갔 -> 가 + 았, 하였 -> 하 + 였); kiwi writes the one morpheme 었 after every
# stem. Written kiwi's way, a pattern such as 항의했다 (which
# toolkit.lexicons analyses into 항의 + 하 + 었 + 다) matches either engine's
# tokens, and counts of 었 mean the same.
_KIWI_PAST = {"았": "었", "였": "었", "았었": "었었", "였었": "었었"}
_ELLIPSIS = frozenset("…⋯")
_DASHES = frozenset("~∼-－―–—")


def _mecab_symbol(form: str) -> str:
    # kiwi: SE for ellipses, SO for tildes and dashes, SW for other symbols
    # (quotes it marks SSO/SSC; MeCab glues them to neighbours: '")')
    chars = set(form)
    if chars <= _ELLIPSIS or form.strip(".") == "":
        return "SE"
    if chars <= _DASHES:
        return "SO"
    return "SW"


@functools.lru_cache(maxsize=100_000)
def _mecab_parts(surface: str, feature: str) -> tuple[tuple[str, str, str], ...]:
    """(form, lemma, tag) of the morphemes of one MeCab node, parsed once per
    distinct node.

    mecab-ko-dic stores an inflected word as one entry (했 ``XSV+EP``) whose
    last field spells its morphemes (하/XSV/*+았/EP/*); those are returned, as
    kiwi returns them, so a verb's stem and lemma can be counted. Compound
    nouns (위안부 = 위안 + 부) stay whole, as in UD Korean-GSD. The lemma of a
    verb or adjective stem is the stem + 다 (하 -> 하다), kiwi's rule, and
    the past tense is spelt 었 as kiwi spells it.
    """
    fields = feature.split(",")
    kind = fields[4] if len(fields) > 7 else "*"
    if kind in ("Inflect", "Preanalysis"):
        parts = [p.split("/") for p in fields[7].split("+")]
        pairs = [(p[0], p[1]) for p in parts if len(p) >= 2 and p[0]]
    else:
        pairs = [(surface, fields[0])]
    out = []
    for form, tag in pairs:
        tag = _mecab_symbol(form) if tag == "SY" else _MECAB_TAG.get(tag, tag)
        if tag == "EP":
            form = _KIWI_PAST.get(form, form)
        lemma = form + "다" if tag in _KO_INFLECTED else form
        out.append((sys.intern(form), sys.intern(lemma), sys.intern(tag)))
    return tuple(out)


def _mecab_columns(text: str) -> Columns:
    forms: list[str] = []
    lemmas: list[str] = []
    tags: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for (start, end), surface, feature in _mecab_nodes()(text):
        parts = _mecab_parts(surface, feature)
        if len(parts) == 1:
            form, lemma, tag = parts[0]
            forms.append(form)
            lemmas.append(lemma)
            tags.append(tag)
            starts.append(start)
            ends.append(end)
            continue
        at = 0  # how far into the surface the morphemes so far reach
        for i, (form, lemma, tag) in enumerate(parts):
            j = surface.find(form, at)
            forms.append(form)
            lemmas.append(lemma)
            tags.append(tag)
            if j >= 0:  # written as it stands (이라고 -> 이 + 라고)
                starts.append(start + j)
                ends.append(start + j + len(form))
                at = j + len(form)
            else:
                # fused into the surface (했 -> 하 + 았, 가까운 -> 가깝 + ㄴ):
                # the stem spans the rest of the word, a later morpheme its
                # last character, as kiwi's offsets do
                starts.append(start + at if i == 0 else max(start + at, end - 1))
                ends.append(end)
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


def _check_korean(korean: str) -> None:
    if korean not in KOREAN_ENGINES:
        raise ValueError(f"korean must be one of {KOREAN_ENGINES}, not {korean!r}")


def columns(text: str, language: str, *, korean: str = "kiwi") -> Columns:
    """The analysis of :func:`analyse` as five parallel lists (forms, lemmas,
    tags, starts, ends): what the tokenizer stores, without a tuple per token."""
    if language == "ko":
        _check_korean(korean)
        return _ko_columns(text) if korean == "kiwi" else _mecab_columns(text)
    if language == "ja":
        return _ja_columns(text)
    raise ValueError(
        f"no morphological analyser for language {language!r}; have {ANALYSED_LANGUAGES}"
    )


def analyse(text: str, language: str, *, korean: str = "kiwi") -> list[Morpheme]:
    """Morphemes of ``text`` in ``language`` (``"ko"`` or ``"ja"``).

    Parameters
    ----------
    text : str
        A sentence (or any string; offsets are into it).
    language : {"ko", "ja"}
    korean : {"kiwi", "mecab"}, default "kiwi"
        The Korean analyser: kiwipiepy, or MeCab with mecab-ko-dic. Both give
        Sejong tags and the same lemma rule; ignored for Japanese.

    Returns
    -------
    list of Morpheme

    Examples
    --------
    >>> [(m.form, m.pos) for m in analyse("독도는 한국 땅이다.", "ko")]
    [('독도', 'NNP'), ('는', 'JX'), ('한국', 'NNP'), ('땅', 'NNG'), ('이', 'VCP'), ('다', 'EF'), ('.', 'SF')]
    >>> [(m.form, m.lemma) for m in analyse("政府が反発した。", "ja")][:3]
    [('政府', '政府'), ('が', 'が'), ('反発', '反発')]
    >>> [(m.form, m.lemma, m.pos) for m in analyse("합의했다", "ko", korean="mecab")]
    [('합의', '합의', 'NNG'), ('하', '하', 'XSV'), ('었', '었', 'EP'), ('다', '다', 'EC')]
    """
    return list(map(Morpheme, *columns(text, language, korean=korean)))


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
