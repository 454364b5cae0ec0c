"""Clean text before it is measured: markup, entities, invisible characters, spacing.

Two strengths, one set of rules:

- :func:`clean_field` tidies a value a reader has already taken out of its
  markup (a title, a byline, a paragraph): no-break and zero-width spaces,
  runs of spaces inside lines, more than one blank line.
- :func:`clean_article` is what :func:`toolkit.load_corpus` does to every
  article text: bytes decoded, lone surrogates replaced, HTML tags and
  ``<script>``/``<style>``/comment blocks removed, entities decoded, NFC,
  control and invisible characters dropped, and the same spacing rules. It
  returns notes saying what it changed, which the loader puts in
  ``status_reason``.

Both end with :func:`_tidy_lines`, so "a paragraph break" means the same
thing after either.
"""

from __future__ import annotations

import html
import re
import unicodedata

from toolkit.text.decode import DecodeError, decode_text

__all__ = [
    "clean_article",
    "clean_field",
    "remove_blocks",
    "replace_surrogates",
    "strip_markup",
]

# Markup is recognised by HTML element names with well-formed attributes, so
# that "if a<b and c>d" and "<kim@example.com>" are text, not tags.
_HTML_NAMES = (
    "a|abbr|article|aside|b|big|blockquote|body|br|button|caption|center|cite|code|dd|div|dl|"
    "dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|"
    "label|li|link|main|meta|nav|noscript|ol|p|pre|q|s|section|small|span|strong|sub|sup|"
    "table|tbody|td|tfoot|th|thead|time|title|tr|u|ul"
)
_ATTR = r"""\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+)"""
_TAG = re.compile(rf"<(?:(?:{_HTML_NAMES})(?:{_ATTR})*\s*/?|/(?:{_HTML_NAMES})\s*)>", re.I)
_BLOCK_TAG = re.compile(rf"<(?:(?:br|hr)(?:{_ATTR})*\s*/?|/(?:p|div|h\d|li|tr))\s*>", re.I)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# The bytes _CONTROL matches, and the carriage return, as ASCII bytes.
_CONTROL_OR_CR = bytes([*range(0x00, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0x7F])
# Spaces collapsed inside a line: an article's (control characters are already
# spaces by then) and a reader field's (whose ideographic spaces are kept).
_ARTICLE_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_FIELD_SPACES = re.compile(r"[ \t\f\v]+")

SURROGATE_NOTE = "invalid characters (lone surrogates) replaced by U+FFFD"


# What a spaces pattern would change (substring tests are faster than a regex
# search): a run of two spaces or one space character other than " ". Text without any is left as it is by the pattern,
# so the per-line substitution (a match per word) can be skipped.
_ODD_SPACES = {
    _ARTICLE_SPACES: ("  ", "\t", "\u00a0", "\u3000"),
    _FIELD_SPACES: ("  ", "\t", "\f", "\v"),
}
_BLANK_LINES = re.compile(r"\n{3,}")


def _has_any(text: str, parts: tuple[str, ...]) -> bool:
    # a loop, not any() over a generator: this runs once per article
    for part in parts:
        if part in text:
            return True
    return False


def _tidy_lines(text: str, spaces: re.Pattern[str]) -> str:
    """Collapse ``spaces`` inside each line, trim lines, keep at most one blank line."""
    odd = _ODD_SPACES.get(spaces)
    if odd is None or _has_any(text, odd):
        text = "\n".join(spaces.sub(" ", line).strip() for line in text.split("\n"))
    elif "\n" in text:
        text = "\n".join(line.strip() for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def clean_field(value: object) -> str:
    """Collapse runs of spaces inside lines and trim; keep paragraph breaks.

    For values a reader took out of an export's markup (titles, bylines,
    paragraphs). ``None`` and NaN give ``""``.

    Parameters
    ----------
    value : object
        The value; anything but a string is converted with ``str``.

    Returns
    -------
    str
        The tidied text.

    Examples
    --------
    >>> clean_field("  A\\u00a0 b \\n\\n\\n c  ")
    'A b\\n\\nc'
    >>> clean_field(None)
    ''
    """
    if _missing(value):
        return ""
    # "Â" before a no-break space is that space encoded twice (UTF-8 read as
    # Latin-1), common in archive HTML; it is never meant as a letter there.
    text = str(value).replace("\u00c2\u00a0", " ").replace("\u00a0", " ").replace("\u200b", "")
    return _tidy_lines(text, _FIELD_SPACES)


def remove_blocks(text: str) -> str:
    """Drop ``<script>``/``<style>`` blocks and HTML comments in one linear pass.

    A regular expression with a lazy ``.*?`` rescans the rest of the text for
    every unclosed opener (quadratic on ``<!--`` repeated); here each search
    starts where the last one ended, and an opener without its closer ends
    the scan (the rest is kept as text).

    Examples
    --------
    >>> remove_blocks("a<!-- x -->b<script>s()</script>c")
    'a b c'
    """
    lower = text.lower()
    out, pos = [], 0
    openers = {"<!--": "-->", "<script": "</script", "<style": "</style"}
    nxt = {o: lower.find(o) for o in openers}  # next occurrence of each, -1 when none
    while True:
        for o in openers:
            if 0 <= nxt[o] < pos:
                nxt[o] = lower.find(o, pos)
        starts = [(i, o) for o, i in nxt.items() if i >= 0]
        if not starts:
            break
        start, opener = min(starts)
        closer = openers[opener]
        end = lower.find(closer, start + len(opener))
        if end < 0:
            break
        end = lower.find(">", end) + 1 if closer != "-->" else end + 3
        if end <= 0:
            break
        out.append(text[pos:start])
        out.append(" ")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def strip_markup(text: str) -> str:
    """Remove HTML: blocks (:func:`remove_blocks`), then tags.

    Line-breaking tags (``<br>``, ``<hr>``, the ends of paragraphs, divisions,
    headings, list items and table rows) become line breaks, other tags a
    space. Text that only looks like markup ("a<b and c>d") is left alone.

    Examples
    --------
    >>> strip_markup("<p>Seoul <b>protested</b>.</p><p>Tokyo replied.</p>")
    ' Seoul  protested .\\n Tokyo replied.\\n'
    >>> strip_markup("if a<b and c>d")
    'if a<b and c>d'
    """
    if not _has_markup(text):
        return text
    text = remove_blocks(text)
    text = _BLOCK_TAG.sub("\n", text)
    return _TAG.sub(" ", text)


def _has_markup(text: str) -> bool:
    return "<" in text and _TAG.search(text) is not None


def replace_surrogates(value: object) -> tuple[object, bool]:
    """Replace lone surrogates (legal in JSON escapes, not in UTF-8) by U+FFFD.

    Strings, and the strings inside dicts (keys too) and lists, recursively.

    Returns
    -------
    tuple
        The value with replacements, and whether any was made.

    Examples
    --------
    >>> replace_surrogates({"text": "a\\ud800b", "n": 1})
    ({'text': 'a\\ufffdb', 'n': 1}, True)
    """
    if isinstance(value, str):
        if not value.isascii() and _LONE_SURROGATE.search(value):
            return _LONE_SURROGATE.sub("\ufffd", value), True
        return value, False
    if isinstance(value, dict):
        out, hit = {}, False
        for k, v in value.items():
            (k2, h1), (v2, h2) = replace_surrogates(str(k)), replace_surrogates(v)
            out[k2] = v2
            hit = hit or h1 or h2
        return out, hit
    if isinstance(value, list):
        pairs = [replace_surrogates(v) for v in value]
        return [v for v, _ in pairs], any(h for _, h in pairs)
    return value, False


def _decode(value: bytes, notes: list[str]) -> str | None:
    """Bytes to text with notes on the encoding; None when they cannot be decoded."""
    try:
        decoded = decode_text(value)
    except DecodeError as err:
        notes.append(f"unreadable: {err}")
        return None
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"decoded from {decoded.encoding}")
    if decoded.note:
        notes.append(decoded.note)
    return decoded.text


def clean_article(value: object) -> tuple[str, list[str]]:
    """Normalise one article text; return it with notes on what was changed.

    Parameters
    ----------
    value : object
        A string, bytes (decoded as :func:`toolkit.text.decode.decode_text`
        decides), None/NaN, or anything ``str`` can convert.

    Returns
    -------
    tuple of (str, list of str)
        The text, and what was done to it ("HTML tags removed", "decoded
        from cp949", ...). A note starting "unreadable" means the value could
        not be read at all (the text is then ``""``).

    Examples
    --------
    >>> clean_article("<p>Seoul&nbsp;protested.</p>\\r\\n\\r\\n\\r\\nTokyo\\u200b replied.")
    ('Seoul protested.\\n\\nTokyo replied.', ['HTML tags removed', 'HTML entities decoded'])
    >>> clean_article(None)
    ('', ['text missing (NaN/None)'])
    """
    notes: list[str] = []
    if _missing(value):
        return "", ["text missing (NaN/None)"]
    if isinstance(value, bytes):
        value = _decode(value, notes)
        if value is None:
            return "", notes
    text = value if isinstance(value, str) else str(value)
    text, hit = replace_surrogates(text)
    if hit:
        notes.append(SURROGATE_NOTE)
    if _has_markup(text):
        text = strip_markup(text)
        notes.append("HTML tags removed")
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
        notes.append("HTML entities decoded")
    if text.isascii():
        # NFC and the invisible characters leave ASCII alone; a control
        # character or a carriage return is found by one C-level pass over
        # the bytes, where the regular expression costs a step per character.
        raw = text.encode("ascii")
        if len(raw.translate(None, _CONTROL_OR_CR)) != len(raw):
            text = _CONTROL.sub(" ", text).replace("\r\n", "\n").replace("\r", "\n")
    else:
        text = unicodedata.normalize("NFC", text)
        text = _INVISIBLE.sub("", _CONTROL.sub(" ", text))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _tidy_lines(text, _ARTICLE_SPACES), notes
