"""What every measure records on the table it returns (``DataFrame.attrs``)."""

from __future__ import annotations

import functools
import inspect
import os
import sys
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])


#: The one vocabulary of a document's ``status`` in every measure's output
#: (docs/output_contract.md). ``ok``: measured. ``empty``, ``unreadable``:
#: the loader's statuses (toolkit.corpus.load.STATUSES), carried over: no text
#: to measure. ``no words``: text, but no word token the measure counts.
#: ``no mention``: the document never names what the measure is about (a
#: target's tone). ``not measured``: text in a language the measure or its
#: dictionary cannot read; written ``"not measured: language 'ko' (why)"``.
#: A loaded document with status ``truncated`` is measured (``ok``).
STATUS_OK = "ok"
STATUS_EMPTY = "empty"
STATUS_UNREADABLE = "unreadable"
STATUS_NO_WORDS = "no words"
STATUS_NO_MENTION = "no mention"
STATUS_NOT_MEASURED = "not measured"
STATUSES = (
    STATUS_OK,
    STATUS_EMPTY,
    STATUS_UNREADABLE,
    STATUS_NO_WORDS,
    STATUS_NO_MENTION,
    STATUS_NOT_MEASURED,
)


def not_measured(language: str, why: str) -> str:
    """The status of a document in a language a measure cannot read.

    Examples
    --------
    >>> not_measured("ko", "method 'vader' is English-only")
    "not measured: language 'ko' (method 'vader' is English-only)"
    """
    return f"{STATUS_NOT_MEASURED}: language '{language}' ({why})"


def status_kind(status: object) -> str:
    """The vocabulary word of a status (its part before ``:``), for grouping.

    Examples
    --------
    >>> status_kind("not measured: language 'ja' (dictionary 'issue_frames' is in 'en')")
    'not measured'
    """
    return str(status).split(":", 1)[0]


def unmeasured_warning(measure: str, n_measured: int, n_unmeasured: int) -> None:
    """Warn once that a share or aggregate left documents out, with the counts."""
    if n_unmeasured:
        warnings.warn(
            f"{measure}: {n_unmeasured} of {n_measured + n_unmeasured} documents could not "
            "be measured (empty, unreadable or in a language the measure does not read) "
            "and are left out of the shares; each group's n_unmeasured column counts them",
            UserWarning,
            stacklevel=3,
        )


def attach_attrs(
    out: pd.DataFrame, measure: str, params: dict[str, Any], *, n_docs: int | None = None
) -> pd.DataFrame:
    """Record the measure, its parameters, the toolkit version and ``n_docs`` on ``out``.

    Figures and tables read these (``save_figure`` writes them into the file's
    metadata), so a result says how it was made. ``n_docs`` is the number of
    input documents the result accounts for (measured or not); every measure
    passes it, so ``attrs["n_docs"]`` is the one name for it.

    Examples
    --------
    >>> out = attach_attrs(pd.DataFrame({"doc_id": ["a"]}), "demo", {"k": 1}, n_docs=1)
    >>> out.attrs["measure"], out.attrs["n_docs"]
    ('demo', 1)
    """
    from toolkit import __version__

    out.attrs["measure"] = measure
    out.attrs["params"] = params
    out.attrs["toolkit_version"] = __version__
    if n_docs is not None:
        out.attrs["n_docs"] = int(n_docs)
    return out


def _caller_level() -> int:
    """``stacklevel`` that points a warning at the first caller outside the toolkit."""
    root = os.path.dirname(os.path.abspath(__file__)) + os.sep
    level, frame = 1, sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(root):
        level, frame = level + 1, frame.f_back
    return level


def warn_renamed(message: str) -> None:
    """Warn (FutureWarning) that an option changed, pointing at the user's call."""
    warnings.warn(message, FutureWarning, stacklevel=_caller_level())


def renamed(since: str = "0.4", **old_to_new: str) -> Callable[[F], F]:
    """Keep old keyword names working for one minor version, with a FutureWarning.

    ``@renamed(measure="method")`` lets ``f(measure="g2")`` run as
    ``f(method="g2")`` and warns once per call that the old name goes away
    after the next minor version. Passing both names is an error.

    Examples
    --------
    >>> import warnings
    >>> @renamed(measure="method")
    ... def f(*, method="g2"):
    ...     return method
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     f(measure="chi2"), w[0].category.__name__
    ('chi2', 'FutureWarning')
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in old_to_new.items():
                if old not in kwargs:
                    continue
                if new in kwargs:
                    raise TypeError(
                        f"{func.__name__}() got both {old!r} (its name before {since}) "
                        f"and {new!r}; pass only {new!r}"
                    )
                warnings.warn(
                    f"{func.__name__}({old}=...) is now {func.__name__}({new}=...); "
                    f"the old name stops working after version {since}",
                    FutureWarning,
                    stacklevel=_caller_level(),
                )
                kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        wrapper.__renamed__ = dict(old_to_new)  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def keyword_only(*names: str, since: str = "0.4") -> Callable[[F], F]:
    """Accept options that became keyword-only positionally for one more minor version.

    ``names`` are the options, in their old positional order, that used to
    follow the function's data arguments. A call that still passes them
    positionally runs as if they were keywords and gets a FutureWarning;
    passing one both ways is an error.

    Examples
    --------
    >>> import warnings
    >>> @keyword_only("method")
    ... def f(data, *, method="news"):
    ...     return method
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     f([], "vader"), w[0].category.__name__
    ('vader', 'FutureWarning')
    """

    def decorate(func: F) -> F:
        params = inspect.signature(func).parameters.values()
        n_positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            extra = args[n_positional:]
            if extra:
                if len(extra) > len(names):
                    raise TypeError(
                        f"{func.__name__}() takes {n_positional} positional arguments "
                        f"but {len(args)} were given"
                    )
                for name, value in zip(names, extra, strict=False):
                    if name in kwargs:
                        raise TypeError(
                            f"{func.__name__}() got {name!r} both by position and by name"
                        )
                    kwargs[name] = value
                given = ", ".join(f"{n}=..." for n in names[: len(extra)])
                warnings.warn(
                    f"{func.__name__}(): pass {given} by name; passing it by position "
                    f"stops working after version {since}",
                    FutureWarning,
                    stacklevel=_caller_level(),
                )
            return func(*args[:n_positional], **kwargs)

        wrapper.__keyword_only__ = names  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
