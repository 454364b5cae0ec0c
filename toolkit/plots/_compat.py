"""Calls written against 0.3 keep working for one minor version (private).

Before 0.4 most plots took their column names by position
(``plot_group_comparison(data, "outlet")``); now everything after ``data`` is
keyword-only, as in seaborn. :func:`positional_columns` maps such calls onto
the new keywords and warns; renamed keywords go through
:func:`toolkit._meta.renamed`.
"""

from __future__ import annotations

import functools
import sys
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import toolkit._meta

F = TypeVar("F", bound=Callable[..., Any])

# files whose frames sit between the caller and the plot (the decorators)
_WRAPPERS = {__file__, toolkit._meta.__file__}


def user_stacklevel() -> int:
    """``stacklevel`` for :func:`warnings.warn` that points at the caller's own line.

    Called from a wrapper, it skips that wrapper and the decorators around it,
    so a FutureWarning names the notebook cell or script line to change.
    """
    frame = sys._getframe(2)  # the wrapper's caller
    level = 2
    while frame is not None and frame.f_code.co_filename in _WRAPPERS:
        frame = frame.f_back
        level += 1
    return level


def positional_columns(*names: str, since: str = "0.4") -> Callable[[F], F]:
    """Accept the arguments after ``data`` by position, as before ``since``, with a FutureWarning.

    ``names`` are the (new) keyword names of the old positional arguments, in
    their old order.

    Examples
    --------
    >>> import warnings
    >>> @positional_columns("x", "y")
    ... def plot_demo(data, *, x="a", y="b"):
    ...     return x, y
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     plot_demo(None, "c"), w[0].category.__name__
    (('c', 'b'), 'FutureWarning')
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if len(args) <= 1:
                return func(*args, **kwargs)
            extra = args[1:]
            if len(extra) > len(names):
                raise TypeError(
                    f"{func.__name__}() takes the data as its only positional argument "
                    f"(got {len(args)}); pass {', '.join(names)} by keyword"
                )
            given = names[: len(extra)]
            for name, value in zip(given, extra, strict=True):
                if name in kwargs:
                    raise TypeError(f"{func.__name__}() got multiple values for {name!r}")
                kwargs[name] = value
            spelled = ", ".join(f"{n}=..." for n in given)
            warnings.warn(
                f"{func.__name__}() takes its options by keyword: write "
                f"{func.__name__}(data, {spelled}); passing them by position stops "
                f"working after version {since}",
                FutureWarning,
                stacklevel=user_stacklevel(),
            )
            return func(args[0], **kwargs)

        wrapper.__positional__ = names  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
