"""Korean and Japanese versions of the bundled issue frames.

The English issue frames (``toolkit/data/frames/issue_frames.yaml``) leave
Korean and Japanese documents unmeasured. The same file holds Korean
(``_ko``) and Japanese (``_ja``) keyword lists for the same nine frames;
:func:`issue_frames` turns one of them into a :class:`Dictionary` in that
language, to pass to :func:`toolkit.measures.framing.frames`::

    frames(tokens, lexicon=issue_frames("ko"))

Documents in other languages are then left unmeasured with a status, as the
English dictionary leaves Korean ones. Labels and definitions are the
English frames'.
"""

from __future__ import annotations

import functools

from toolkit.data import data_path, read_yaml
from toolkit.lexicons.dictionary import Dictionary

__all__ = ["issue_frames"]


@functools.lru_cache(maxsize=2)
def issue_frames(language: str) -> Dictionary:
    """The issue-frame dictionary for Korean (``"ko"``) or Japanese (``"ja"``) text.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.measures.framing import frames
    >>> c = pd.DataFrame({"text": ["일본군위안부 피해자들이 배상 판결을 요구했다."], "language": ["ko"]})
    >>> out = frames(c, lexicon=issue_frames("ko"))
    >>> out[["history_count", "law_count"]].values.tolist()
    [[1, 2]]
    """
    if language not in ("ko", "ja"):
        raise ValueError(f"language must be 'ko' or 'ja', not {language!r}")
    with open(data_path("frames/issue_frames.yaml"), encoding="utf-8") as fh:
        raw = read_yaml(fh)
    block = raw[f"_{language}"]
    cats, excl, meta = {}, {}, {}
    for frame, spec in block.items():
        cats[frame] = list(spec["patterns"])
        if spec.get("exclude"):
            excl[frame] = list(spec["exclude"])
        english = raw.get(frame, {})
        meta[frame] = {k: english[k] for k in ("label", "definition") if k in english}
    return Dictionary(cats, {}, excl, meta, name=f"issue_frames_{language}", language=language)
