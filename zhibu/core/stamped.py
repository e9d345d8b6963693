"""Values derived from an organisation's ledgers, stored until a write could change them.

A dashboard's findings, key-figure cards and charts read the whole subtree of an organisation but
change only when someone writes there (every write moves the organisation's data stamp,
core/stamps.py) or when the day changes (what is overdue, the month so far). So they are stored
under (name, organisation, today, stamp, parts) and computed again only when one of those moves:

    data = stamped.get_or_compute("reports.overview", org, lambda: _overview(org, today))

The values live in the "stamped" cache, which is process memory (LocMemCache): nothing reaches
the disk, and each server worker fills its own copy once per change. Store what a page shows,
never records: a value is pickled, and evidence about minors has no place in a cache.

A superior's pages (a 党委 over 300 branches) are different: a write in any branch moves the
bureau's stamp, and recomputing its findings and figures takes seconds. There a value computed
for an earlier stamp is shown at once, dated — the page says "数据截至 22:40，正在更新" — while
one background thread per value computes the current one, which the next view shows. The same
holds when the day has changed: the first view of the morning shows the evening's value, dated
with its day, rather than make its reader wait seconds for what is overdue as of today. So a
bureau's reader waits for a computation only when nothing of the same epoch is stored: after a
restore, or in a server process just started (which computes the committees' pages in the
background at once, core/warmup.py). A branch's own pages are always computed for the
current stamp and day: a secretary sees her write at once. `served_stale()` tells the page shell
the oldest date shown (StampedNoteMiddleware).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from datetime import date, datetime, timedelta
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.utils import timezone

from . import memo, parallel, stamps
from .models import Organisation

ALIAS = "stamped"
# Two days: the key holds its day anyway, and yesterday's value serves the first view of today
# (dated) while today's is computed; storing today's value drops yesterday's (_store).
TIMEOUT = 2 * 24 * 3600
T = TypeVar("T")
# Organisations whose pages may show a dated value while the current one is computed.
SUPERIOR_KINDS = {Organisation.Kind.COMMITTEE, Organisation.Kind.GENERAL_BRANCH}

# The oldest "as of" shown in this request (None: everything current); reset per request.
_STALE: ContextVar[datetime | None] = ContextVar("stamped_stale", default=None)
# True while a value is being computed: what it reads of other stored values must be current.
_COMPUTING: ContextVar[bool] = ContextVar("stamped_computing", default=False)
_REFRESHING: set[str] = set()
_LOCK = threading.Lock()


def enabled() -> bool:
    return bool(getattr(settings, "ZHIBU_STAMPED_CACHE", True))


def served_stale() -> datetime | None:
    return _STALE.get()


def refreshing() -> bool:
    """Whether a background refresh is running in this process (the benchmark waits for them)."""
    with _LOCK:
        return bool(_REFRESHING)


def begin_request():
    """A token for end_request(): nothing stale served yet in this request."""
    return _STALE.set(None)


def end_request(token) -> None:
    _STALE.reset(token)


def _computed(compute: Callable[[], T]) -> T:
    token = _COMPUTING.set(True)
    try:
        # the figures and rules of one page share their reads (the dues book, a year's calendar)
        with memo.memoised():
            return compute()
    finally:
        _COMPUTING.reset(token)


def get_or_compute(
    name: str,
    org: Organisation,
    compute: Callable[[], T],
    *,
    parts: tuple[Hashable, ...] = (),
    today: date | None = None,
) -> T:
    """compute(), or what it returned last time for the same name, org, parts and day if nothing
    has been written under or above org since. One query (the stamp) when stored. For a superior
    organisation, a value of an earlier stamp of today, or yesterday's last, while the current one
    is computed."""
    if not enabled():
        return _computed(compute)
    today = today or timezone.localdate()
    stamp = stamps.of(org)
    base = _base(name, org, today, parts)
    yesterday = _base(name, org, today - timedelta(days=1), parts)
    key = f"{base}:{stamp}"
    cache = caches[ALIAS]
    value = cache.get(key)
    if value is not None:
        return value
    if org.kind in SUPERIOR_KINDS and not _COMPUTING.get():
        # the value of an earlier stamp of today, else the last one of yesterday
        for earlier in (base, yesterday):
            stale = _stale(cache, earlier, stamp)
            if stale is not None:
                _refresh(key, base, compute, yesterday)
                return stale
    started = timezone.now()
    value = _computed(compute)
    _store(cache, key, base, value, started, yesterday)
    return value


def _base(name: str, org: Organisation, day: date, parts: tuple[Hashable, ...]) -> str:
    return ":".join(str(p) for p in (name, org.pk, day, *parts))


def _store(cache, key: str, base: str, value, as_of: datetime, yesterday: str) -> None:
    """Store the value and make it the newest of its name, organisation, day and parts, dropping the
    one it replaces, and the newest of the day before: a bureau's findings are megabytes, and a
    busy day has hundreds of writes."""
    latest = cache.get(f"latest:{base}")
    cache.set(key, value, TIMEOUT)
    # the newest key, and the time its computation began: what the value is true as of
    cache.set(f"latest:{base}", (key, as_of), TIMEOUT)
    if latest is not None and latest[0] != key:
        cache.delete(latest[0])
    replaced = cache.get(f"latest:{yesterday}")
    if replaced is not None:
        cache.delete_many([replaced[0], f"latest:{yesterday}"])


def _stale(cache, base: str, stamp: str):
    """The value of an earlier stamp of the same epoch (a restore or a generated city starts
    afresh), noting its date for the page."""
    latest = cache.get(f"latest:{base}")
    if latest is None:
        return None
    old_key, as_of = latest
    if old_key.rsplit(".", 1)[-1] != stamp.rsplit(".", 1)[-1]:
        return None
    value = cache.get(old_key)
    if value is None:
        return None
    shown = _STALE.get()
    _STALE.set(as_of if shown is None else min(shown, as_of))
    return value


def _refresh(key: str, base: str, compute: Callable[[], T], yesterday: str) -> None:
    """Compute the current value once, in a background thread (inline when
    ZHIBU_STAMPED_REFRESH is "inline": the tests, a single-threaded server)."""
    with _LOCK:
        # one refresh of a value at a time: writes go on while it runs, and the view after it
        # (which finds the stamp moved again) starts the next
        if base in _REFRESHING:
            return
        _REFRESHING.add(base)

    def run() -> None:
        try:
            started = timezone.now()
            with parallel.one_thread():  # its reader was shown the last value: leave the requests a core
                value = _computed(compute)
            _store(caches[ALIAS], key, base, value, started, yesterday)
        finally:
            with _LOCK:
                _REFRESHING.discard(base)
            if thread is not None:
                connections.close_all()  # the thread's own connections

    thread = None
    if getattr(settings, "ZHIBU_STAMPED_REFRESH", "background") == "inline":
        run()
        return
    thread = threading.Thread(target=run, name=f"stamped-refresh {base}", daemon=True)
    thread.start()
