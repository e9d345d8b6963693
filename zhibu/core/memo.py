"""Shared reads computed once per unit of work.

A document's draft, or one stored page's computation (core/stamped.py), asks several figures and
rules that read the same thing: the dues book for 应交党费, 欠交党费的党员 and the six-months rule;
the members on each competition's day for three honours figures; a year's meeting calendar for the
cadence rule and part 一's paragraph. Over a bureau each of those is seconds of work, so within

    with memo.memoised():
        ...

a function decorated `@memo.shared` runs once per distinct arguments and hands every later caller
the same result. Outside that block it runs every time, as if undecorated: a view that writes, or
a service, never sees a value read before its own write.

Results are shared, not copied: callers read them and never change them. Arguments are keyed by
value (a model instance by its pk); a call with an argument that cannot be a key (a queryset, a
list) is simply not shared.

The block also pauses Python's cycle collector (reference counting still frees what the work
drops): a bureau's draft builds millions of short-lived rows and objects, and each full collection
walks every object alive — a fifth of the draft's time went to a dozen collections that found
almost nothing, while pausing them adds a few megabytes at most.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

_STORE: ContextVar[dict | None] = ContextVar("zhibu_memo", default=None)
F = TypeVar("F", bound=Callable[..., Any])


# Units of work running now in this process (request threads, background refreshes): the
# collector runs again when the last one ends.
_PAUSED = 0
_PAUSE_LOCK = threading.Lock()


@contextmanager
def memoised() -> Iterator[None]:
    """Share reads until the block ends; an inner block joins the outer one."""
    if _STORE.get() is not None:
        yield
        return
    token = _STORE.set({})
    _pause_collector()
    try:
        yield
    finally:
        _STORE.reset(token)
        _resume_collector()


def _pause_collector() -> None:
    global _PAUSED
    with _PAUSE_LOCK:
        _PAUSED += 1
        gc.disable()


def _resume_collector() -> None:
    global _PAUSED
    with _PAUSE_LOCK:
        _PAUSED -= 1
        if _PAUSED == 0:
            gc.enable()


def store() -> dict | None:
    """The current unit of work's results (None outside `memoised()`), for a registry keeping its
    own keys (findings.run)."""
    return _STORE.get()


def _part(value: Any) -> Any:
    if isinstance(value, Model):
        return (value._meta.label, value.pk)
    if isinstance(value, QuerySet | list | dict | set):
        raise TypeError("not a key")
    hash(value)
    return value


def shared(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        results = _STORE.get()
        if results is None:
            return func(*args, **kwargs)
        try:
            key = (
                func.__module__,
                func.__qualname__,
                tuple(_part(a) for a in args),
                tuple(sorted((k, _part(v)) for k, v in kwargs.items())),
            )
        except TypeError:
            return func(*args, **kwargs)
        if key in results:
            return results[key]
        # one computation of a key even when helper threads (core/parallel.py) ask at once; a
        # reentrant lock, so that a shared read may call another with the same key's lock held
        with results.setdefault(("lock", key), threading.RLock()):
            if key not in results:
                results[key] = func(*args, **kwargs)
        return results[key]

    return wrapper  # type: ignore[return-value]
