"""The independent parts of one unit of work computed side by side.

A bureau's findings computed from nothing are some thirty rules, each a query or two and then
Python over the rows: about three seconds on one thread, half of it waiting for the database.
While one rule waits (PostgreSQL in its own process; SQLite's driver lets go of Python's lock
while it steps), another can run its Python. `each(func, items)` runs func over items on the
calling thread and up to ZHIBU_PARALLEL - 1 helper threads, and returns the results in order:

    found = parallel.each(lambda spec: list(rule(spec)), specs)

A helper runs in a copy of the caller's context — the unit's shared reads (core/memo.py, so a
read two rules need is still made once), the active language and time zone — on its own
database connection, which it closes when done, and through the caller's execute wrappers (what
counts or times the caller's queries sees the helpers' too).

It runs everything on the calling thread when:
- ZHIBU_PARALLEL is 1 (a single-core machine gains nothing);
- there is one item or none;
- outside a unit of work (`memo.memoised()`): a view's few queries are not worth a thread;
- inside a transaction: another connection would not see its uncommitted writes. That includes
  every test but those marked to commit (transactional_db), which test this path;
- within an item of an outer `each` (a rule run by a draft's prefetch): the threads are busy;
- within `one_thread()`: a stored value computed in the background (core/stamped.py, warmup.py)
  while its reader is shown the last one — taking both cores would slow the requests served
  meanwhile, which is all that thread's speed is for.
An exception in any item is raised in the caller once every thread has stopped; the items not
yet begun are not run.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from . import memo

T = TypeVar("T")
R = TypeVar("R")
NAME = "zhibu-parallel"  # the helper threads'
# True within an item of each(), on the caller and on its helpers alike
_WITHIN: contextvars.ContextVar[bool] = contextvars.ContextVar("zhibu_parallel_within", default=False)


def _within(work: Callable[[], None]) -> None:
    _WITHIN.set(True)  # in the helper's own copy of the context
    work()


@contextmanager
def one_thread() -> Iterator[None]:
    """Nothing on a helper within the block: a background refresh or warm-up, whose reader has been
    served already, leaves the other core to the requests."""
    token = _WITHIN.set(True)
    try:
        yield
    finally:
        _WITHIN.reset(token)


def workers() -> int:
    return max(1, int(getattr(settings, "ZHIBU_PARALLEL", 1)))


def spreads(count: int) -> bool:
    """Whether each() over `count` items would use helper threads here and now."""
    return (
        min(workers(), count) > 1
        and memo.store() is not None
        and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        and not _WITHIN.get()
    )


def each(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    if not spreads(len(items)):
        return [func(item) for item in items]
    count = min(workers(), len(items))
    connection = connections[DEFAULT_DB_ALIAS]
    results: list = [None] * len(items)
    errors: list[BaseException] = []
    pending = iter(range(len(items)))
    lock = threading.Lock()

    def work() -> None:
        while not errors:
            with lock:
                index = next(pending, None)
            if index is None:
                return
            try:
                results[index] = func(items[index])
            except BaseException as exc:  # handed to the caller below
                errors.append(exc)

    wrappers = list(connection.execute_wrappers)

    def helper(context: contextvars.Context) -> None:
        try:
            with ExitStack() as stack:
                for wrapper in wrappers:
                    stack.enter_context(connections[DEFAULT_DB_ALIAS].execute_wrapper(wrapper))
                context.run(_within, work)
        finally:
            connections.close_all()  # this thread's own connections

    threads = [
        threading.Thread(target=helper, args=(contextvars.copy_context(),), name=NAME, daemon=True)
        for _ in range(count - 1)
    ]
    for thread in threads:
        thread.start()
    token = _WITHIN.set(True)
    try:
        work()
    finally:
        _WITHIN.reset(token)
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]
    return results


def calls(tasks: Sequence[Callable[[], R]]) -> list[R]:
    """Each task's result, the tasks run side by side as each() runs items."""
    return each(_call, tasks)


def _call(task: Callable[[], R]) -> R:
    return task()
