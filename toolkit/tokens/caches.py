"""Per-text memo caches, and one switch that empties them all.

Tokenizing or splitting the same text twice gives the same result, so the
functions that do it remember up to 200,000 texts. Over a corpus processed
in partitions (:mod:`toolkit.scale.partitions`) that memory would grow with
every partition; :func:`clear_caches` forgets every text remembered by a
function decorated with :func:`text_cache`, wherever it is defined. Results
never depend on the caches.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["clear_caches", "text_cache"]

_F = TypeVar("_F", bound=Callable[..., Any])
_CACHES: list[Any] = []


def text_cache(maxsize: int = 200_000) -> Callable[[_F], _F]:
    """:func:`functools.lru_cache` that :func:`clear_caches` can empty.

    Examples
    --------
    >>> calls = []
    >>> @text_cache(maxsize=10)
    ... def shout(text: str) -> str:
    ...     calls.append(text)
    ...     return text.upper()
    >>> shout("seoul"), shout("seoul"), len(calls)
    ('SEOUL', 'SEOUL', 1)
    >>> clear_caches()
    >>> shout("seoul"), len(calls)
    ('SEOUL', 2)
    """

    def decorate(func: _F) -> _F:
        cached = functools.lru_cache(maxsize=maxsize)(func)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return decorate


def clear_caches() -> None:
    """Forget every text the :func:`text_cache` functions remember (memory only).

    Examples
    --------
    >>> clear_caches()
    """
    for cached in _CACHES:
        cached.cache_clear()
